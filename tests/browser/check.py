#!/usr/bin/env python3
"""The HTML report in headless Chromium, driven over the DevTools protocol on a pipe
(--remote-debugging-pipe: no port, no websocket, only the standard library).

    check.py CHROMIUM FACTS.jsonl PAGE.html [PAGE.html ...] [--screenshot OUT.png]

FACTS.jsonl is `gongbao extract` of the documents; each PAGE is a report of some of them (a
batch page, or one page of `--out DIR`). For every page, with its script running:

- the page's own script ran (so the Content-Security-Policy lets it) and nothing else did: the
  title and the generator line (the sentinel) are what the generator wrote, and no script,
  image, frame or handler came out of a document's text;
- every fact of every document is exactly one mark whose text is the fact's text (a fact that
  crosses another's end continues in marks that point to it), the text of the page's text pane
  is the document's text, and the tables have one row per figure and one per time and place;
- focusing a mark shows its record in the tooltip; Enter goes to its row and the row's link
  back to the mark; in print the panes are stacked and the tooltip hidden;
- in a window 1400 px wide, every figures' table shows its indicator, period and area columns
  without scrolling sideways (the pane's left edge in view, those columns' right edges inside
  it).
"""

import base64
import json
import os
import re
import subprocess
import sys
import tempfile
import time

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


class Browser:
    """One Chromium with one page, spoken to over fds 3 (commands) and 4 (replies)."""

    def __init__(self, chromium, url):
        cmd_r, self.cmd_w = os.pipe()
        self.res_r, res_w = os.pipe()
        profile = tempfile.mkdtemp(prefix="gongbao-chromium-")
        args = [chromium, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe", "--window-size=1600,1000", url]
        # The pipes become the child's fds 3 and 4, where Chromium expects them.
        shell = 'exec "$@" 3<&%d 4>&%d' % (cmd_r, res_w)
        self.proc = subprocess.Popen(
            ["bash", "-c", shell, "bash", *args], pass_fds=(cmd_r, res_w), stdout=subprocess.DEVNULL, stderr=open(os.environ.get("CHROMIUM_LOG", os.devnull), "w")
        )
        os.close(cmd_r)
        os.close(res_w)
        self.buf = b""
        self.next_id = 0
        self.session = None
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.call("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]
        deadline = time.time() + 120
        # The page starts as about:blank, which is complete at once: wait for the file.
        while self.eval("location.protocol + document.readyState") != "file:complete":
            if time.time() > deadline:
                raise SystemExit(f"{url}: not loaded in 120 s")
            time.sleep(0.1)

    def call(self, method, **params):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params}
        if self.session:
            msg["sessionId"] = self.session
        os.write(self.cmd_w, json.dumps(msg).encode() + b"\0")
        while True:
            while b"\0" not in self.buf:
                chunk = os.read(self.res_r, 1 << 20)
                if not chunk:
                    raise SystemExit("chromium closed the pipe")
                self.buf += chunk
            raw, self.buf = self.buf.split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise SystemExit(f"{method}: {reply['error']}")
                return reply["result"]

    def eval(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise SystemExit(f"{expression[:60]}...: {result['exceptionDetails']}")
        return result["result"].get("value")

    def key(self, key, code, keycode):
        for kind in ("keyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent", type=kind, key=key, code=code, windowsVirtualKeyCode=keycode)

    def close(self):
        try:
            self.call("Browser.close")
        except SystemExit:
            pass
        self.proc.wait(timeout=30)
        os.close(self.cmd_w)
        os.close(self.res_r)


READ_PAGE = r"""JSON.stringify({
  title: document.title,
  generator: (document.getElementById("generator") || {}).textContent,
  script: document.documentElement.dataset.script || null,
  first: (document.querySelector("main").firstElementChild || {}).id || null,
  scripts: document.scripts.length,
  foreign: document.querySelectorAll("img, svg, iframe, object, embed, base, link, textarea, plaintext, [onclick], [onerror], [onload], [onmouseover]").length,
  docs: [...document.querySelectorAll("article.doc")].map(a => ({
    source: a.querySelector(".src").textContent,
    marks: [...a.querySelectorAll("mark[id]")].map(m => [m.id, m.textContent]),
    conts: [...a.querySelectorAll("mark.cont")].map(m => [m.dataset.f, m.textContent]),
    body: a.querySelector(".body") ? a.querySelector(".body").textContent : null,
    rows: [...a.querySelectorAll("section.figs table")].map(t => [t.caption.textContent, t.tBodies[0].rows.length]),
  })),
})"""


def check_page(browser, path, facts_by_source, problems):
    raw = open(path, encoding="utf-8").read()
    page = json.loads(browser.eval(READ_PAGE))
    name = os.path.basename(path)
    expected_title = raw.split("<title>", 1)[1].split("</title>", 1)[0].replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&#39;", "'")
    if page["title"] != expected_title:
        problems.append(f"{name}: the title is {page['title']!r}, not {expected_title!r}")
    generator = raw.split('id="generator">', 1)[1].split("</p>", 1)[0]
    if page["generator"] != generator.replace("&amp;", "&"):
        problems.append(f"{name}: the sentinel changed: {page['generator']!r}")
    if page["script"] != "ran":
        problems.append(f"{name}: the page's own script did not run (policy hash?)")
    if page["scripts"] != 1 or page["foreign"] != 0:
        problems.append(f"{name}: {page['scripts']} scripts, {page['foreign']} foreign elements")
    if len(page["docs"]) > 1 and page["first"] != "index":
        problems.append(f"{name}: the index is not first (the script moves it there)")
    for doc in page["docs"]:
        line = facts_by_source.get(doc["source"])
        if line is None:
            continue
        src = doc["source"]
        if line.get("error"):
            continue
        # (A document from --jsonl has no file to compare its text with.)
        text = open(src, encoding="utf-8").read() if os.path.isfile(src) else doc["body"]
        if doc["body"] != text:
            problems.append(f"{name}: {src}: the text pane is not the document's text")
        marks = {}
        for mid, t in doc["marks"]:
            marks.setdefault(mid, []).append(t)
        conts = {}
        for fid, t in doc["conts"]:
            conts[fid] = conts.get(fid, "") + t
        prefix = next(iter(marks), "d1f0").split("f")[0]
        for i, f in enumerate(line["facts"]):
            mid = f"{prefix}f{i}"
            got = marks.get(mid, [])
            if len(got) != 1 or got[0] + conts.get(mid, "") != f["text"]:
                problems.append(f"{name}: {src}: fact {i} {f['text']!r} has marks {got!r}")
        if len(marks) != len(line["facts"]):
            problems.append(f"{name}: {src}: {len(marks)} marks for {len(line['facts'])} facts")
        figures = sum(1 for f in line["facts"] if f["kind"] in ("money", "count", "percent", "quantity"))
        want = [n for n in (figures, len(line["facts"]) - figures) if n]
        if [n for _, n in doc["rows"]] != want:
            problems.append(f"{name}: {src}: table rows {doc['rows']} for {figures} figures and {len(line['facts']) - figures} others")
    return page


INTERACT = r"""(() => {
  const m = document.querySelector("article.doc mark[id].k-money") || document.querySelector("article.doc mark[id]");
  m.scrollIntoView({block: "center"});
  m.focus();
  const tip = document.getElementById("tip");
  return JSON.stringify({id: m.id, text: m.textContent, hidden: tip.hidden, tip: tip.textContent, described: m.getAttribute("aria-describedby")});
})()"""


def check_interaction(browser, name, problems):
    state = json.loads(browser.eval(INTERACT))
    row = re.sub(r"f(\d+)$", r"r\1", state["id"])
    if state["hidden"] or state["text"] not in state["tip"] or state["described"] != "tip":
        problems.append(f"{name}: focusing mark {state['id']} did not show its record: {state}")
    browser.key("Enter", "Enter", 13)
    active = browser.eval("document.activeElement.closest('tr') ? document.activeElement.closest('tr').id : document.activeElement.tagName")
    if active != row:
        problems.append(f"{name}: Enter on mark {state['id']} went to {active!r}, not row {row}")
    browser.key("Enter", "Enter", 13)
    back = browser.eval("document.activeElement.id")
    if back != state["id"]:
        problems.append(f"{name}: the row's link went to {back!r}, not mark {state['id']}")
    browser.call("Emulation.setEmulatedMedia", media="print")
    printed = json.loads(browser.eval("JSON.stringify([getComputedStyle(document.querySelector('.cols')).display, getComputedStyle(document.getElementById('tip')).display])"))
    if printed != ["block", "none"]:
        problems.append(f"{name}: in print, panes and tooltip are {printed}")
    browser.call("Emulation.setEmulatedMedia", media="")


# Each figures' table, its pane in view: where the pane ends and where the columns an analyst
# checks first end, in CSS pixels of the window.
COLUMNS_IN_VIEW = r"""(() => JSON.stringify([...document.querySelectorAll("article.doc")].flatMap(a => {
  const table = a.querySelector("section.figs table");
  if (!table || !table.caption.textContent.startsWith("Figures")) return [];
  const pane = a.querySelector("section.figs");
  a.scrollIntoView();
  pane.scrollLeft = 0;
  const edge = Math.min(pane.getBoundingClientRect().left + pane.clientWidth, window.innerWidth);
  const heads = [...table.tHead.rows[0].cells];
  const right = name => { const h = heads.find(c => c.textContent === name); return h ? h.getBoundingClientRect().right : null; };
  return [{source: a.querySelector(".src").textContent, edge, indicator: right("indicator"), period: right("period"), area: right("area")}];
})))()"""


def check_columns_in_view(browser, name, problems, width=1400):
    browser.call("Emulation.setDeviceMetricsOverride", width=width, height=900, deviceScaleFactor=1, mobile=False)
    for t in json.loads(browser.eval(COLUMNS_IN_VIEW)):
        for column in ("indicator", "period", "area"):
            if t[column] is not None and t[column] > t["edge"] + 0.5:
                problems.append(f"{name}: {t['source']}: at {width} px the {column} column ends at {t[column]:.0f} px, past the pane's edge at {t['edge']:.0f} px")
    browser.call("Emulation.clearDeviceMetricsOverride")


def screenshot(browser, out):
    browser.call("Emulation.setDeviceMetricsOverride", width=1400, height=900, deviceScaleFactor=1, mobile=False)
    browser.eval(r"""(() => {
      window.scrollTo(0, 0);
      const m = [...document.querySelectorAll("mark.k-money[id]")][1];
      m.focus({preventScroll: true});
    })()""")
    time.sleep(0.3)
    png = browser.call("Page.captureScreenshot", format="png")["data"]
    with open(out, "wb") as f:
        f.write(base64.b64decode(png))


def main():
    args = sys.argv[1:]
    shot = None
    if "--screenshot" in args:
        k = args.index("--screenshot")
        shot = args[k + 1]
        del args[k : k + 2]
    chromium, facts_path, pages = args[0], args[1], args[2:]
    facts_by_source = {}
    for line in open(facts_path, encoding="utf-8"):
        d = json.loads(line)
        facts_by_source[d["source"]] = d
    problems = []
    for path in pages:
        start = time.time()
        browser = Browser(chromium, "file://" + os.path.abspath(path))
        try:
            page = check_page(browser, path, facts_by_source, problems)
            if shot:
                screenshot(browser, shot)
                shot = None
            if page["docs"]:
                check_columns_in_view(browser, os.path.basename(path), problems)
                check_interaction(browser, os.path.basename(path), problems)
        finally:
            browser.close()
        print(f"{path}: {len(page['docs'])} documents, {sum(len(d['marks']) for d in page['docs'])} marks, checked in {time.time() - start:.1f} s")
    if problems:
        print("\n".join(problems), file=sys.stderr)
        raise SystemExit(f"{len(problems)} problems")
    print("browser: every fact one mark with its text, a row per figure, nothing from the text ran")


if __name__ == "__main__":
    main()
