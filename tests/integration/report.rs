//! The HTML report (`gongbao::output::report`, `gongbao extract --format html`): the page read
//! back with a real HTML parser (html5ever, as browsers parse) — every fact is one mark whose
//! text is the fact's text, the text comes back character for character, the tables have a row
//! per fact, and markup in a bulletin stays text.
//!
//! `tests/browser/run.sh` checks the same in headless Chromium, with the script running.

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use base64::Engine;
use gongbao::output::report::{self, Report};
use gongbao::{Document, Fact, Span};
use scraper::{ElementRef, Html, Selector};
use sha2::{Digest, Sha256};

use crate::common::{self, TempDir};

fn page(source: &str, text: &str, doc: &Document) -> Html {
    let mut out = Vec::new();
    report::write_page(&mut out, source, text, doc).expect("writes to a Vec");
    Html::parse_document(&String::from_utf8(out).expect("the page is UTF-8"))
}

fn select<'a>(html: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    html.select(&Selector::parse(css).expect("selector")).collect()
}

fn text_of(e: &ElementRef) -> String {
    e.text().collect()
}

/// Marks by id, each id counted.
fn marks(html: &Html) -> HashMap<String, Vec<String>> {
    let mut by_id: HashMap<String, Vec<String>> = HashMap::new();
    for m in select(html, "mark[id]") {
        by_id.entry(m.value().attr("id").unwrap_or_default().to_owned()).or_default().push(text_of(&m));
    }
    by_id
}

fn fixture(name: &str) -> (String, Document) {
    common::extract(&Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(name))
}

/// The checks every page passes: one mark per placed fact with the fact's text, the text back
/// whole, a row per fact linked to its mark.
fn check_page(name: &str, text: &str, doc: &Document, html: &Html) {
    let marks = marks(html);
    for (i, f) in doc.facts.iter().enumerate() {
        let id = format!("d1f{i}");
        assert_eq!(marks.get(&id).map(Vec::as_slice), Some(&[f.text.clone()][..]), "{name}: fact {i} {:?}", f.text);
    }
    assert_eq!(marks.len(), doc.facts.len(), "{name}: a mark for every fact and no other");
    let body = select(html, "div.body");
    assert_eq!(body.len(), 1, "{name}: one text");
    assert_eq!(text_of(&body[0]), text.replace('\0', "\u{fffd}"), "{name}: the text comes back as it was");
    let figures = doc.facts.iter().filter(|f| f.is_figure()).count();
    let tables = select(html, "section.figs table");
    let rows = |t: &ElementRef| t.select(&Selector::parse("tbody tr").expect("selector")).count();
    let expected: Vec<usize> = [figures, doc.facts.len() - figures].into_iter().filter(|&n| n > 0).collect();
    assert_eq!(tables.iter().map(rows).collect::<Vec<_>>(), expected, "{name}: a row per figure, then per time and place");
    let mut back_links: HashMap<String, Vec<String>> = HashMap::new();
    let back = Selector::parse("a.back").expect("selector");
    for row in select(html, "section.figs tbody tr") {
        let links = row.select(&back).filter_map(|a| a.value().attr("href").map(str::to_owned));
        back_links.entry(row.value().attr("id").unwrap_or_default().to_owned()).or_default().extend(links);
    }
    for (i, _) in doc.facts.iter().enumerate() {
        let links = back_links.get(&format!("d1r{i}"));
        assert_eq!(links, Some(&vec![format!("#d1f{i}")]), "{name}: row {i}, linked to its mark");
    }
}

#[test]
fn every_fixture_has_a_mark_per_fact_and_a_row_per_figure() {
    for path in common::documents() {
        let (text, doc) = common::extract(&path);
        let name = path.display().to_string();
        check_page(&name, &text, &doc, &page(&name, &text, &doc));
    }
}

#[test]
fn markup_in_a_bulletin_is_text() {
    let (text, doc) = fixture("hostile_markup.txt");
    let title = doc.meta.title.clone().expect("the fixture has a title");
    assert!(title.contains("<script>"), "the title carries markup: {title}");
    let source = "<img src=x onerror=\"document.title='pwned'\">.txt";
    let warned = Document { warnings: vec!["</textarea><script>alert(1)</script>".into()], ..doc.clone() };
    let html = page(source, &text, &warned);
    check_page("hostile_markup.txt", &text, &warned, &html);
    // The page's own script and style, and nothing else that runs, loads or navigates.
    let scripts = select(&html, "script");
    assert_eq!(scripts.len(), 1);
    assert_eq!(text_of(&scripts[0]), include_str!("../../src/output/report/report.js"));
    assert_eq!(select(&html, "style").len(), 1);
    for tag in ["img", "svg", "iframe", "base", "link", "plaintext", "textarea", "b", "i", "em", "span[onclick]", "a[href^=javascript]"] {
        assert!(select(&html, tag).is_empty(), "a {tag} element made from the text");
    }
    assert_eq!(select(&html, "meta[http-equiv]").len(), 1, "only the policy");
    for e in select(&html, "*") {
        assert!(!e.value().attrs().any(|(name, _)| name.starts_with("on")), "an event handler on {:?}", e.value().name());
    }
    assert_eq!(text_of(&select(&html, "title")[0]), "gongbao report");
    assert_eq!(text_of(&select(&html, "h2")[0]), title);
    assert_eq!(text_of(&select(&html, "p.src")[0]), source);
    assert!(select(&html, "ul.warn li").iter().any(|li| text_of(li) == "</textarea><script>alert(1)</script>"));
    // Character references written in the bulletin show as written.
    assert!(text_of(&select(&html, "div.body")[0]).contains("&lt;script&gt; &amp;amp; &#x3C;b&#x3E;"));
}

#[test]
fn carriage_returns_and_nul_come_back() {
    let text = "新签约项目52个\r\n总投资3亿元\0。\r\n\r\n同比增长12%";
    let doc = gongbao::extract(text);
    assert!(doc.facts.len() >= 3);
    check_page("crlf", text, &doc, &page("crlf", text, &doc));
}

#[test]
fn the_policy_allows_exactly_the_inline_style_and_script() {
    let (text, doc) = fixture("web_news.txt");
    let html = page("web_news.txt", &text, &doc);
    let policy = select(&html, "meta[http-equiv=Content-Security-Policy]")[0].value().attr("content").expect("content").to_owned();
    let hash = |s: &str| format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(s.as_bytes())));
    let style = text_of(&select(&html, "style")[0]);
    let script = text_of(&select(&html, "script")[0]);
    assert!(policy.contains(&format!("style-src {}", hash(&style))), "{policy}");
    assert!(policy.contains(&format!("script-src {}", hash(&script))), "{policy}");
    assert!(policy.starts_with("default-src 'none'"), "{policy}");
}

fn fact_at(text: &str, start: usize, end: usize, like: &Fact) -> Fact {
    Fact { span: Span::new(start, end), text: text[start..end].to_owned(), ..like.clone() }
}

#[test]
fn facts_inside_and_across_others_keep_their_marks() {
    let text = "全市新签约项目52个,总投资116.68亿元,同比增长11.73%。";
    let mut doc = gongbao::extract(text);
    let money = doc.facts.iter().find(|f| f.kind() == gongbao::Kind::Money).expect("money").clone();
    let s = money.span.start;
    // A fact inside the money (its first digits), one from inside it to past its end, and one
    // with the money's span exactly.
    doc.facts.push(fact_at(text, s, s + 3, &money));
    doc.facts.push(fact_at(text, s + 4, money.span.end + 4, &money));
    doc.facts.push(fact_at(text, s, money.span.end, &money));
    doc.facts.sort_by_key(|f| (f.span.start, f.span.end));
    let html = page("nested", text, &doc);
    let marks = marks(&html);
    assert_eq!(marks.len(), doc.facts.len());
    for (i, f) in doc.facts.iter().enumerate() {
        let id = format!("d1f{i}");
        let first = &marks[&id];
        assert_eq!(first.len(), 1, "one mark with the id of fact {i}");
        let continued: String = select(&html, &format!("mark.cont[data-f={id}]")).iter().map(text_of).collect();
        assert_eq!(format!("{}{continued}", first[0]), f.text, "fact {i}: its mark and its continuation");
        let crosses = doc.facts.iter().any(|g| g.span.start < f.span.start && f.span.start < g.span.end && g.span.end < f.span.end);
        assert_eq!(continued.is_empty(), !crosses, "fact {i}: continued only when it crosses another's end");
    }
    assert_eq!(text_of(&select(&html, "div.body")[0]), text);
    // The inner fact's mark is inside the outer one's.
    let inner = select(&html, "mark mark[id]");
    assert!(!inner.is_empty());
}

#[test]
fn a_fact_that_does_not_slice_the_text_gets_a_row_and_no_mark() {
    let text = "全市新签约项目52个。";
    let mut doc = gongbao::extract(text);
    let mut stray = doc.facts[0].clone();
    stray.span = Span::new(text.len() - 1, text.len() + 40);
    doc.facts.push(stray);
    let html = page("stray", text, &doc);
    let last = doc.facts.len() - 1;
    assert!(select(&html, &format!("mark#d1f{last}")).is_empty());
    assert_eq!(select(&html, &format!("tr#d1r{last}")).len(), 1);
    assert!(select(&html, &format!("tr#d1r{last} a.back")).is_empty());
    assert!(text_of(&select(&html, "p.note")[0]).starts_with("1 facts could not be marked"));
    assert_eq!(text_of(&select(&html, "div.body")[0]), text);
}

#[test]
fn a_long_text_is_cut_into_chunks_at_line_breaks_outside_marks() {
    let line = "前三季度,全县新签约项目36个,总投资85.6亿元,同比增长12.5%。\n";
    let text = line.repeat(1500);
    let doc = gongbao::extract(&text);
    let html = page("long", &text, &doc);
    let chunks = select(&html, "div.body > div.chunk");
    assert!(chunks.len() > 5, "{} chunks", chunks.len());
    for c in &chunks[..chunks.len() - 1] {
        assert!(text_of(c).ends_with('\n'));
    }
    check_page("long", &text, &doc, &html);
}

#[test]
fn a_batch_page_has_an_index_of_its_documents() {
    let mut out = Vec::new();
    let mut report = Report::page();
    let (a, da) = fixture("web_news.txt");
    let (b, db) = fixture("hostile_markup.txt");
    report.document(&mut out, "web_news.txt", &a, &da, &["decoded as GB18030".to_owned()]).unwrap();
    report.failed(&mut out, "gone<b>.txt", "cannot read gone<b>.txt").unwrap();
    report.document(&mut out, "hostile_markup.txt", &b, &db, &[]).unwrap();
    report.finish(&mut out).unwrap();
    let html = Html::parse_document(&String::from_utf8(out).unwrap());
    assert_eq!(select(&html, "article.doc").len(), 3);
    let rows = select(&html, "nav#index tbody tr");
    assert_eq!(rows.len(), 3);
    for (k, row) in rows.iter().enumerate() {
        let href = row.select(&Selector::parse("a").unwrap()).next().unwrap().value().attr("href").unwrap().to_owned();
        assert_eq!(href, format!("#d{}", k + 1));
        assert_eq!(select(&html, &format!("article{href}")).len(), 1);
    }
    let cells = |k: usize| rows[k].select(&Selector::parse("td").unwrap()).map(|c| text_of(&c)).collect::<Vec<_>>();
    assert_eq!(cells(0)[5], da.facts.len().to_string());
    assert_eq!(cells(0)[7], (da.warnings.len() + 1).to_string());
    assert_eq!(cells(1)[8], "cannot read gone<b>.txt");
    assert_eq!(text_of(&select(&html, "p.err")[0]), "cannot read gone<b>.txt");
    // Ids are the document's number and the fact's index: no two elements share one.
    let mut seen = std::collections::HashSet::new();
    for e in select(&html, "[id]") {
        assert!(seen.insert(e.value().attr("id").unwrap().to_owned()), "duplicate id {:?}", e.value().attr("id"));
    }
}

/// The pages an index links to, read back: (href, page).
fn linked_pages(dir: &Path) -> Vec<(String, Html)> {
    let index = Html::parse_document(&std::fs::read_to_string(dir.join("index.html")).expect("index.html"));
    select(&index, "nav#index tbody tr td a")
        .iter()
        .map(|a| {
            let href = a.value().attr("href").expect("href").to_owned();
            let page = std::fs::read_to_string(dir.join(&href)).unwrap_or_else(|e| panic!("{href}: {e}"));
            (href, Html::parse_document(&page))
        })
        .collect()
}

#[test]
fn a_folder_has_an_index_and_a_page_per_document() {
    let tmp = TempDir::new("report-folder");
    let pages_dir = tmp.0.join("pages"); // a folder that does not exist yet
    let mut report = Report::folder(&pages_dir).unwrap();
    let mut unused = Vec::new();
    let docs: Vec<(String, Document)> = common::documents().iter().map(|p| common::extract(p)).collect();
    for ((text, doc), path) in docs.iter().zip(common::documents()) {
        report.document(&mut unused, &path.display().to_string(), text, doc, &[]).unwrap();
    }
    report.failed(&mut unused, "missing.txt", "cannot read missing.txt").unwrap();
    report.finish(&mut unused).unwrap();
    assert!(unused.is_empty());
    let pages = linked_pages(&pages_dir);
    assert_eq!(pages.len(), docs.len() + 1);
    for ((href, html), (text, doc)) in pages.iter().zip(&docs) {
        check_page(href, text, doc, html);
        assert_eq!(select(html, "a.jump")[0].value().attr("href"), Some("index.html"));
    }
}

#[test]
fn the_binary_writes_a_page_or_a_folder() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let run = |args: &[&str]| Command::new(env!("CARGO_BIN_EXE_gongbao")).args(args).output().expect("the binary runs");
    let out = run(&["extract", "--format", "html", fixtures.to_str().unwrap(), "missing.txt"]);
    assert_eq!(out.status.code(), Some(1), "a document could not be read");
    let html = Html::parse_document(&String::from_utf8(out.stdout).unwrap());
    let documents = common::documents();
    assert_eq!(select(&html, "article.doc").len(), documents.len() + 1);
    assert_eq!(select(&html, "nav#index tbody tr").len(), documents.len() + 1);
    for (k, path) in documents.iter().enumerate() {
        let (_, doc) = common::extract(path);
        assert_eq!(select(&html, &format!("article#d{} mark[id]", k + 1)).len(), doc.facts.len(), "{}", path.display());
    }

    let tmp = TempDir::new("report-binary");
    let pages_dir = tmp.0.join("pages"); // a folder that does not exist yet
    let out = run(&["extract", "--format", "html", "--out", pages_dir.to_str().unwrap(), fixtures.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty());
    assert_eq!(linked_pages(&pages_dir).len(), documents.len());

    let out = run(&["extract", "--out", pages_dir.to_str().unwrap(), fixtures.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--format html"));
}

#[test]
fn a_long_table_shows_its_first_rows_and_every_mark() {
    let (text, doc) = fixture("web_news.txt");
    let mut out = Vec::new();
    let mut report = Report::page().table_rows(3);
    report.document(&mut out, "web_news.txt", &text, &doc, &[]).unwrap();
    report.finish(&mut out).unwrap();
    let html = Html::parse_document(&String::from_utf8(out).unwrap());
    let rows: Vec<usize> =
        select(&html, "section.figs table").iter().map(|t| t.select(&Selector::parse("tbody tr").unwrap()).count()).collect();
    assert_eq!(rows, [3, 3]);
    assert_eq!(select(&html, "section.figs p.note").len(), 2);
    assert_eq!(marks(&html).len(), doc.facts.len());
}

#[test]
fn a_figures_record_is_in_its_row_and_its_links_point_to_rows() {
    let text = "2023年,全市新签约项目52个,总投资116.68亿元,同比增长11.73%。";
    let mut doc = gongbao::extract(text);
    let money = doc.facts.iter().position(|f| f.kind() == gongbao::Kind::Money).expect("money");
    let percent = doc.facts.iter().position(|f| f.kind() == gongbao::Kind::Percent).expect("percent");
    let day = |m: i8, d: i8| Some(gongbao::PartialDate::new(2023, m, d));
    doc.facts[money].record = Some(Box::new(gongbao::Record {
        indicator: Some(gongbao::Indicator { text: "总投资<b>".into(), span: None }),
        period: Some(gongbao::Period { start: day(1, 1), end: day(12, 31), from: Some(0) }),
        area: Some(gongbao::Area { name: "咸阳市".into(), code: Some("610400".into()), from: None, text: Some("全市".into()) }),
        ..Default::default()
    }));
    doc.facts[percent].record = Some(Box::new(gongbao::Record { of: Some(money), ..Default::default() }));
    let html = page("record", text, &doc);
    let heads: Vec<String> = select(&html, "section.figs table:first-of-type thead th").iter().map(text_of).collect();
    let cells: Vec<String> = select(&html, &format!("tr#d1r{money} td")).iter().map(text_of).collect();
    let cell = |name: &str| cells[heads.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"))].clone();
    assert_eq!(cell("text"), "116.68亿元");
    assert_eq!(cell("value"), "116.68 亿元 = 11,668,000,000 CNY");
    assert_eq!(cell("indicator"), "总投资<b>");
    assert_eq!(cell("period"), "2023");
    assert_eq!(cell("area"), "咸阳市 610400");
    let of = select(&html, &format!("tr#d1r{percent} td a[href='#d1r{money}']"));
    assert_eq!(of.iter().map(text_of).collect::<Vec<_>>(), [money.to_string()]);
    let of_cell = of[0].parent().and_then(ElementRef::wrap).map(|td| text_of(&td));
    assert_eq!(of_cell.as_deref(), Some(format!("{money} 116.68亿元").as_str()), "the figure it is of, by its text");
}

/// What an analyst checks comes first: the text as written, the value written for reading,
/// what it measures, when, where, what it is of or part of; the byte offsets last. A column no
/// row fills is left out.
#[test]
fn the_figures_table_leads_with_what_an_analyst_checks() {
    let (text, doc) = fixture("reply_letter.txt");
    let html = page("reply_letter.txt", &text, &doc);
    let heads: Vec<String> = select(&html, "section.figs table:first-of-type thead th").iter().map(text_of).collect();
    assert_eq!(heads[..9], ["#", "text", "value", "indicator", "period", "area", "of", "part of", "kind"], "{heads:?}");
    assert_eq!(heads.last().map(String::as_str), Some("bytes"));
    for (k, name) in heads.iter().enumerate().skip(1) {
        let filled = select(&html, &format!("section.figs table:first-of-type tbody td:nth-child({})", k + 1))
            .iter()
            .any(|td| !text_of(td).is_empty());
        assert!(filled, "column {name} is empty in every row");
    }
    let html = String::from_utf8({
        let mut out = Vec::new();
        report::write_page(&mut out, "reply_letter.txt", &text, &doc).unwrap();
        out
    })
    .unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh\">"), "the page is Chinese");
}

/// With `--out`, pages are named after the documents' titles, in their own characters, and the
/// titles come from the records' title field.
#[test]
fn folder_pages_are_named_after_titles_from_the_title_field() {
    let tmp = TempDir::new("report-titles");
    let input = tmp.0.join("in.jsonl");
    std::fs::write(
        &input,
        "{\"headline\": \"2025年政府工作报告\", \"content\": \"过去一年,新签约项目52个。\"}\n{\"content\": \"新签约项目3个。\"}\n",
    )
    .unwrap();
    let out_dir = tmp.0.join("pages");
    let out = Command::new(env!("CARGO_BIN_EXE_gongbao"))
        .args([
            "extract",
            "--format",
            "html",
            "--jsonl",
            input.to_str().unwrap(),
            "--title-field",
            "headline",
            "--out",
            out_dir.to_str().unwrap(),
        ])
        .output()
        .expect("the binary runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let pages = linked_pages(&out_dir);
    let names: Vec<&str> = pages.iter().map(|(href, _)| href.as_str()).collect();
    assert_eq!(names[0], "00001-2025年政府工作报告.html");
    assert!(names[1].starts_with("00002"), "{names:?}");
    assert_eq!(text_of(&select(&pages[0].1, "title")[0]), "2025年政府工作报告 — gongbao report");
    assert_eq!(text_of(&select(&pages[0].1, "article h2")[0]), "2025年政府工作报告");
}
