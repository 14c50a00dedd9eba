"use strict";
// The report's only script. It reads the page and builds nodes with textContent: no markup is
// ever made from the document's text. Marks are <mark id="dNfI">, their rows <tr id="dNrI">.
(function () {
  var tip = document.getElementById("tip");
  var shown = null;

  // A continued mark (a fact that crosses another's end) names its first part in data-f.
  function rowOf(mark) {
    return document.getElementById((mark.id || mark.dataset.f || "").replace(/f(\d+)$/, "r$1"));
  }
  function markOf(row) {
    return document.getElementById(row.id.replace(/r(\d+)$/, "f$1"));
  }
  function flash(el) {
    el.classList.add("hit");
    setTimeout(function () { el.classList.remove("hit"); }, 1600);
  }

  // The value and the record: every non-empty cell of the fact's row, under its column's name.
  function show(mark) {
    if (!tip) return;
    var row = rowOf(mark), items = [];
    function pair(name, value) {
      var dt = document.createElement("dt"), dd = document.createElement("dd");
      dt.textContent = name;
      dd.textContent = value;
      items.push(dt, dd);
    }
    if (row) {
      var heads = row.closest("table").tHead.rows[0].cells;
      for (var i = 1; i < row.cells.length && i < heads.length; i++) {
        var name = heads[i].textContent, value = row.cells[i].textContent;
        if (value !== "" && name !== "bytes") pair(name, value);
      }
    } else {
      // Past the table's limit (a very long document): what the mark itself tells.
      pair("kind", (mark.className.match(/k-(\w+)/) || ["", ""])[1]);
      pair("text", mark.textContent);
      pair("record", "beyond the table's rows: see the CSV");
    }
    tip.replaceChildren.apply(tip, items);
    tip.hidden = false;
    var r = mark.getBoundingClientRect();
    var left = Math.max(4, Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8));
    tip.style.left = left + "px";
    tip.style.top = (r.bottom + window.scrollY + 6) + "px";
    mark.setAttribute("aria-describedby", "tip");
    shown = mark;
  }
  function hide() {
    if (tip) tip.hidden = true;
    if (shown) shown.removeAttribute("aria-describedby");
    shown = null;
  }
  function toRow(mark) {
    var row = rowOf(mark);
    if (!row) return;
    hide();
    row.scrollIntoView({ block: "center" });
    var link = row.querySelector("a");
    if (link) link.focus({ preventScroll: true });
    flash(row);
  }
  function toMark(row) {
    var mark = markOf(row);
    if (!mark) return false;
    mark.scrollIntoView({ block: "center" });
    mark.focus({ preventScroll: true });
    flash(mark);
    return true;
  }

  document.addEventListener("mouseover", function (e) {
    var m = e.target.closest && e.target.closest("mark");
    if (m && m !== shown) show(m);
    else if (!m && shown && document.activeElement !== shown) hide();
  });
  document.addEventListener("focusin", function (e) {
    if (e.target.tagName === "MARK") show(e.target);
    else hide();
  });
  document.addEventListener("click", function (e) {
    var m = e.target.closest && e.target.closest("mark");
    if (m) { e.preventDefault(); toRow(m); return; }
    var a = e.target.closest && e.target.closest("a.back");
    if (a && toMark(a.closest("tr"))) e.preventDefault();
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { hide(); return; }
    if ((e.key === "Enter" || e.key === " ") && e.target.tagName === "MARK") {
      e.preventDefault();
      toRow(e.target);
    }
  });
  window.addEventListener("beforeprint", hide);
  window.addEventListener("resize", hide);

  // A batch's index is written last (the page streams); it is read first.
  var index = document.getElementById("index"), main = document.querySelector("main");
  if (index && main) main.insertBefore(index, main.firstChild);
  document.documentElement.setAttribute("data-script", "ran");
})();
