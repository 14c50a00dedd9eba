//! The HTML report: each document's text with every fact marked where it stands, coloured by
//! kind, and the table of its figures beside it (the CSV's columns), each row linked to its mark
//! and back. One self-contained page for a batch (CSS and a small script inline, nothing
//! fetched), or with [`Report::folder`] an `index.html` and one page per document.
//!
//! The text is data, never markup: every character of the document and of every value is
//! escaped, the script builds nodes with `textContent` only, and a Content-Security-Policy
//! allows nothing but the page's own style and script (by their SHA-256), so a bulletin that
//! contains `<script>` shows those characters and runs nothing.
//!
//! Writing is one pass over the text and the facts, straight to the writer: a report costs
//! about what serializing the JSON costs, and memory does not grow with the batch (the index
//! keeps a line per document).
//!
//! ```
//! let text = "2023年,全市新签约项目52个,总投资116.68亿元。";
//! let doc = gongbao::extract(text);
//! let mut page = Vec::new();
//! gongbao::output::report::write_page(&mut page, "a.txt", text, &doc).unwrap();
//! let page = String::from_utf8(page).unwrap();
//! assert!(page.contains(r#"class="k-money""#));
//! assert!(page.contains(">116.68亿元</mark>"));
//! ```

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use base64::Engine;
use sha2::{Digest, Sha256};

use rust_decimal::Decimal;

use crate::fact::{Fact, PartialDate, PercentUnit, Qualifier, Value};
use crate::{Document, Kind, ReferenceFrom, Script};

const CSS: &str = include_str!("report.css");
const JS: &str = include_str!("report.js");

/// A single page with more documents than this, or more text than [`PAGE_BYTES`], is better
/// written as a folder (`--out DIR`): headless Chromium opened a page of 500 fixtures (17 MB) in
/// 2.5 s and one of 2,000 (70 MB) in 8 s.
pub const PAGE_DOCUMENTS: usize = 500;

/// A page of several documents with more bytes of text than this is better written as a
/// folder. (One document is one page whatever its size: a 10 MB bulletin's opened in 7.5 s.)
pub const PAGE_BYTES: u64 = 10 << 20;

/// Rows a document's table shows by default (figures; then as many times and places): a
/// browser builds a page with a few thousand rows at once but chokes on a few hundred thousand
/// (a 10 MB bulletin has about 190,000 facts). The text keeps every mark; the CSV has every row.
pub const TABLE_ROWS: usize = 5_000;

/// Text between two chunk boundaries, in bytes: the browser lays out only the chunks on screen
/// (`content-visibility: auto`), so that a long bulletin opens quickly.
const CHUNK: usize = 16 << 10;

/// The policy: nothing from anywhere, no inline code but the page's own style and script.
static CSP: LazyLock<String> = LazyLock::new(|| {
    let hash = |s: &str| base64::engine::general_purpose::STANDARD.encode(Sha256::digest(s.as_bytes()));
    format!(
        "default-src 'none'; style-src 'sha256-{}'; script-src 'sha256-{}'; img-src 'none'; base-uri 'none'; form-action 'none'",
        hash(CSS),
        hash(JS)
    )
});

/// The figures' table, in the order an analyst checks a figure: the text as written, its value
/// written for reading (`116.68 亿元 = 11,668,000,000 CNY`), what it measures, when, where, and
/// the figures it is of or part of; the rest after, the byte offsets last. A column that no row
/// of a table fills is left out of that table.
pub const FIGURE_COLUMNS: &[&str] = &[
    "text",
    "value",
    "indicator",
    "period",
    "area",
    "of",
    "part of",
    "kind",
    "qualifier",
    "role",
    "compared with",
    "speaker",
    "repeat of",
    "bytes",
];

/// The table of times and places: the text, what it names (a period, a place's canonical name),
/// the place's level, code and enclosing division, the byte offsets last.
pub const CONTEXT_COLUMNS: &[&str] = &["text", "value", "kind", "level", "code", "parent", "relative", "speaker", "repeat of", "bytes"];

/// The kinds in the legend's order.
const KINDS: [Kind; 6] = [Kind::Money, Kind::Count, Kind::Percent, Kind::Quantity, Kind::Time, Kind::Place];

/// Write `s` as HTML text or a quoted attribute value: every character the parser could read
/// as markup is a character reference, and so are those it would change (a carriage return;
/// NUL, which no HTML text can hold, becomes U+FFFD as the parser would make it).
pub fn escape<W: Write + ?Sized>(out: &mut W, s: &str) -> io::Result<()> {
    let bytes = s.as_bytes();
    let mut last = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let replacement: &[u8] = match b {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' => b"&quot;",
            b'\'' => b"&#39;",
            b'\r' => b"&#13;",
            0 => "\u{fffd}".as_bytes(),
            _ => continue,
        };
        out.write_all(&bytes[last..i])?;
        out.write_all(replacement)?;
        last = i + 1;
    }
    out.write_all(&bytes[last..])
}

/// One document's report as a whole page.
pub fn write_page(out: &mut impl Write, source: &str, text: &str, doc: &Document) -> io::Result<()> {
    let mut report = Report::page();
    report.document(out, source, text, doc, &[])?;
    report.finish(out)
}

/// What the index says of a document.
struct Entry {
    href: String,
    source: String,
    title: Option<String>,
    published: Option<String>,
    home_area: Option<String>,
    facts: usize,
    figures: usize,
    warnings: usize,
    error: Option<String>,
}

/// A report being written: one page on a writer, or a folder of pages.
///
/// Call [`Report::document`] (or [`Report::failed`]) for each document in order, then
/// [`Report::finish`]. On a page, documents are written as they come and the index (for more
/// than one document) last; in a folder, each document is its own page and the index is
/// `index.html`.
pub struct Report {
    folder: Option<PathBuf>,
    entries: Vec<Entry>,
    started: bool,
    text_bytes: u64,
    advised: bool,
    table_rows: usize,
}

impl Report {
    /// A report on one page, written to the writer given to each call.
    pub fn page() -> Self {
        Report { folder: None, entries: Vec::new(), started: false, text_bytes: 0, advised: false, table_rows: TABLE_ROWS }
    }

    /// A report as a folder: `index.html` and one page per document (the writers given to
    /// the calls are not used). The folder is created if need be.
    pub fn folder(dir: &Path) -> io::Result<Self> {
        fs::create_dir_all(dir)?;
        Ok(Report { folder: Some(dir.to_owned()), ..Report::page() })
    }

    /// Show at most `rows` rows in each of a document's tables (default [`TABLE_ROWS`]).
    pub fn table_rows(mut self, rows: usize) -> Self {
        self.table_rows = rows;
        self
    }

    /// Add a document: its source name, the original text its spans point into, what was
    /// found, and warnings beyond the document's own (the reader's: decoding).
    pub fn document(&mut self, out: &mut impl Write, source: &str, text: &str, doc: &Document, warnings: &[String]) -> io::Result<()> {
        let n = self.number();
        self.text_bytes += text.len() as u64;
        let title = doc.meta.title.clone();
        let entry = Entry {
            href: String::new(),
            source: source.to_owned(),
            title: title.clone(),
            published: doc.meta.published.map(|d| d.to_string()),
            home_area: doc.home_area.as_ref().map(|h| h.name.clone()),
            facts: doc.facts.len(),
            figures: doc.facts.iter().filter(|f| f.is_figure()).count(),
            warnings: warnings.len() + doc.warnings.len(),
            error: None,
        };
        let limit = self.table_rows;
        self.add(out, entry, |w| write_document(w, n, source, Some((text, doc)), warnings, None, limit))
    }

    /// Add a document that could not be read.
    pub fn failed(&mut self, out: &mut impl Write, source: &str, error: &str) -> io::Result<()> {
        let n = self.number();
        let entry = Entry {
            href: String::new(),
            source: source.to_owned(),
            title: None,
            published: None,
            home_area: None,
            facts: 0,
            figures: 0,
            warnings: 0,
            error: Some(error.to_owned()),
        };
        self.add(out, entry, |w| write_document(w, n, source, None, &[], Some(error), 0))
    }

    /// The next document's number in its page's ids (`d3`, `d3f12`): its place in the batch on
    /// a page, 1 on a page of its own.
    fn number(&self) -> usize {
        if self.folder.is_some() { 1 } else { self.entries.len() + 1 }
    }

    fn add(&mut self, out: &mut impl Write, mut entry: Entry, body: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
        let n = self.entries.len() + 1;
        match &self.folder {
            None => {
                if !self.started {
                    write_head(out, "gongbao report", None)?;
                    self.started = true;
                }
                entry.href = format!("#d{n}");
                body(out)?;
            }
            Some(dir) => {
                entry.href = page_name(n, entry.title.as_deref(), &entry.source);
                let mut w = BufWriter::new(fs::File::create(dir.join(&entry.href))?);
                let title = format!("{} — gongbao report", entry.title.as_deref().unwrap_or(&entry.source));
                write_head(&mut w, &title, Some("index.html"))?;
                body(&mut w)?;
                write_tail(&mut w)?;
                w.flush()?;
            }
        }
        self.entries.push(entry);
        Ok(())
    }

    /// Advice, once, when a single page has grown past [`PAGE_DOCUMENTS`] or [`PAGE_BYTES`].
    pub fn advice(&mut self) -> Option<String> {
        if self.folder.is_some() || self.advised {
            return None;
        }
        if self.entries.len() > PAGE_DOCUMENTS || (self.entries.len() > 1 && self.text_bytes > PAGE_BYTES) {
            self.advised = true;
            return Some(format!(
                "the report page holds more than {PAGE_DOCUMENTS} documents or {} MB of text: browsers open it slowly; --out DIR writes a page per document",
                PAGE_BYTES >> 20
            ));
        }
        None
    }

    /// Write the index (on a page with more than one document, or `index.html` in a folder)
    /// and close the page.
    pub fn finish(self, out: &mut impl Write) -> io::Result<()> {
        match &self.folder {
            None => {
                if !self.started {
                    write_head(out, "gongbao report", None)?;
                }
                if self.entries.len() > 1 {
                    write_index(out, &self.entries)?;
                }
                write_tail(out)
            }
            Some(dir) => {
                let mut w = BufWriter::new(fs::File::create(dir.join("index.html"))?);
                write_head(&mut w, "gongbao report", None)?;
                write_index(&mut w, &self.entries)?;
                write_tail(&mut w)?;
                w.flush()
            }
        }
    }
}

/// A page's file name: its number in the batch and the document's title (from the text, or the
/// `--jsonl` title field), else its source's file name, in letters and digits of any script
/// (`00001-2025年政府工作报告.html`); any other character becomes `_`, which no file system and no
/// URL minds.
fn page_name(n: usize, title: Option<&str>, source: &str) -> String {
    let stem = || Path::new(source).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let name = title.map_or_else(stem, str::to_owned);
    let mut safe = String::new();
    for c in name.chars() {
        let c = if c.is_alphanumeric() || c == '-' { c } else { '_' };
        if !(c == '_' && (safe.is_empty() || safe.ends_with('_'))) {
            safe.push(c);
        }
        if safe.chars().count() == 60 {
            break;
        }
    }
    let safe = safe.trim_end_matches('_');
    if safe.is_empty() { format!("{n:05}.html") } else { format!("{n:05}-{safe}.html") }
}

fn write_head(out: &mut (impl Write + ?Sized), title: &str, index: Option<&str>) -> io::Result<()> {
    out.write_all(
        b"<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"",
    )?;
    escape(out, &CSP)?;
    out.write_all(
        b"\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"gongbao ",
    )?;
    out.write_all(env!("CARGO_PKG_VERSION").as_bytes())?;
    out.write_all(b"\">\n<title>")?;
    escape(out, title)?;
    out.write_all(b"</title>\n<style>")?;
    out.write_all(CSS.as_bytes())?;
    out.write_all(b"</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\" lang=\"en\">Skip to the documents</a>\n<header class=\"page\" lang=\"en\">")?;
    if let Some(index) = index {
        out.write_all(b"<a class=\"jump\" href=\"")?;
        escape(out, index)?;
        out.write_all(b"\">\xe2\x86\x90 All documents</a> \xc2\xb7 ")?;
    }
    out.write_all(b"<h1>gongbao report</h1><p class=\"gen\" id=\"generator\">gongbao ")?;
    out.write_all(env!("CARGO_PKG_VERSION").as_bytes())?;
    out.write_all(
        " \u{b7} every fact marked where it stands: hover or focus a mark for its record, click it or press Enter for its row</p>\n<ul class=\"legend\" aria-label=\"Legend\">"
            .as_bytes(),
    )?;
    for kind in KINDS {
        write!(out, "<li><span class=\"sw k-{kind}\">{kind}</span>")?;
    }
    out.write_all(b"<li><span class=\"sw k-count dim\">dimmed</span> boilerplate or a repeated copy</ul>\n</header>\n<main id=\"main\">\n")
}

fn write_tail(out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    out.write_all(b"</main>\n<dl id=\"tip\" role=\"tooltip\" hidden></dl>\n<script>")?;
    out.write_all(JS.as_bytes())?;
    out.write_all(b"</script>\n</body>\n</html>\n")
}

fn write_index(out: &mut (impl Write + ?Sized), entries: &[Entry]) -> io::Result<()> {
    write!(
        out,
        "<nav id=\"index\" class=\"index\" aria-label=\"Documents\"><table><caption>{} documents</caption>\n<thead><tr><th>#<th>document<th>title<th>published<th>home area<th>facts<th>figures<th>warnings<th>error</thead>\n<tbody>\n",
        entries.len()
    )?;
    for (i, e) in entries.iter().enumerate() {
        write!(out, "<tr><td class=\"n\">{}<td><a href=\"", i + 1)?;
        escape(out, &e.href)?;
        out.write_all(b"\">")?;
        escape(out, &e.source)?;
        out.write_all(b"</a><td class=\"t\">")?;
        escape(out, e.title.as_deref().unwrap_or(""))?;
        out.write_all(b"<td>")?;
        escape(out, e.published.as_deref().unwrap_or(""))?;
        out.write_all(b"<td>")?;
        escape(out, e.home_area.as_deref().unwrap_or(""))?;
        write!(out, "<td class=\"n\">{}<td class=\"n\">{}<td class=\"n\">{}<td class=\"t\">", e.facts, e.figures, e.warnings)?;
        escape(out, e.error.as_deref().unwrap_or(""))?;
        out.write_all(b"</tr>\n")?;
    }
    out.write_all(b"</tbody></table></nav>\n")
}

/// One document: its header, its text with marks, its tables.
fn write_document(
    out: &mut dyn Write,
    n: usize,
    source: &str,
    read: Option<(&str, &Document)>,
    warnings: &[String],
    error: Option<&str>,
    limit: usize,
) -> io::Result<()> {
    write!(out, "<article class=\"doc\" id=\"d{n}\" aria-labelledby=\"d{n}h\">\n<h2 id=\"d{n}h\">")?;
    let title = read.and_then(|(_, d)| d.meta.title.as_deref());
    escape(out, title.unwrap_or(source))?;
    out.write_all(b"</h2>\n<p class=\"src\">")?;
    escape(out, source)?;
    out.write_all(b"</p>\n")?;
    let Some((text, doc)) = read else {
        out.write_all(b"<p class=\"err\" role=\"alert\">")?;
        escape(out, error.unwrap_or("the document could not be read"))?;
        return out.write_all(b"</p>\n</article>\n");
    };
    write_meta(out, doc)?;
    let all_warnings: Vec<&String> = warnings.iter().chain(&doc.warnings).collect();
    if !all_warnings.is_empty() {
        write!(out, "<ul class=\"warn\" aria-label=\"Warnings\">")?;
        for w in all_warnings {
            out.write_all(b"<li>")?;
            escape(out, w)?;
        }
        out.write_all(b"</ul>\n")?;
    }
    write!(out, "<a class=\"skip\" href=\"#d{n}t\">Skip to the table</a>\n<div class=\"cols\">\n")?;
    let lang = if doc.script == Script::Traditional { "zh-Hant" } else { "zh-Hans" };
    write!(out, "<section class=\"text\" aria-label=\"Text\"><div class=\"body\" lang=\"{lang}\" id=\"d{n}x\"><div class=\"chunk\">")?;
    let placed = write_text(out, n, text, &doc.facts)?;
    out.write_all(b"</div></div></section>\n")?;
    write!(out, "<section class=\"figs\" id=\"d{n}t\" aria-label=\"Figures\" tabindex=\"-1\">")?;
    let unplaced = placed.iter().filter(|p| !**p).count();
    if unplaced > 0 {
        write!(out, "<p class=\"note\">{unplaced} facts could not be marked: their spans do not slice this text.</p>")?;
    }
    let figures = doc.facts.iter().filter(|f| f.is_figure()).count();
    let tables = Tables { n, doc, placed: &placed, limit };
    tables.write(out, "Figures", figures, FIGURE_COLUMNS, Fact::is_figure)?;
    tables.write(out, "Times and places", doc.facts.len() - figures, CONTEXT_COLUMNS, |f| !f.is_figure())?;
    out.write_all(b"</section>\n</div>\n</article>\n")
}

fn item(out: &mut dyn Write, name: &str, value: &str) -> io::Result<()> {
    write!(out, "<div><dt>{name}<dd>")?;
    escape(out, value)?;
    out.write_all(b"</div>")
}

fn write_meta(out: &mut dyn Write, doc: &Document) -> io::Result<()> {
    out.write_all(b"<dl class=\"meta\">")?;
    item(out, "published", &doc.meta.published.map_or_else(|| "\u{2014}".to_owned(), |d| d.to_string()))?;
    if let Some(h) = &doc.home_area {
        item(
            out,
            "home area",
            &match &h.code {
                Some(code) => format!("{} ({code})", h.name),
                None => h.name.clone(),
            },
        )?;
    } else {
        item(out, "home area", "\u{2014}")?;
    }
    if let Some(r) = doc.reference_date {
        let from = match doc.reference_from {
            Some(ReferenceFrom::Argument) => " (given)",
            Some(ReferenceFrom::Metadata) => " (the document's date)",
            Some(ReferenceFrom::Text) => " (from the text)",
            None => "",
        };
        item(out, "reference date", &format!("{r}{from}"))?;
    }
    if let Some(p) = &doc.meta.publisher {
        item(out, "publisher", p)?;
    }
    item(out, "script", doc.script.as_str())?;
    let mut counts = String::new();
    for kind in KINDS {
        let k = doc.facts.iter().filter(|f| f.kind() == kind).count();
        if k > 0 {
            counts.push_str(&format!("{}{k} {kind}", if counts.is_empty() { "" } else { ", " }));
        }
    }
    item(out, "facts", &format!("{}{}{counts}", doc.facts.len(), if counts.is_empty() { "" } else { ": " }))?;
    out.write_all(b"</dl>\n")
}

/// The text with a `<mark>` around every fact whose span slices it; returns which facts were
/// marked. A fact inside another is a mark inside the other's. A fact that crosses the end of
/// another (none do today) is closed where the other closes and continues in a second mark
/// that points to the first (`data-f`), so no mark is lost and the text is written once.
fn write_text(out: &mut dyn Write, n: usize, text: &str, facts: &[Fact]) -> io::Result<Vec<bool>> {
    let mut placed = vec![false; facts.len()];
    let mut order: Vec<usize> = (0..facts.len())
        .filter(|&i| {
            let f = &facts[i];
            !f.span.is_empty() && text.get(f.span.range()) == Some(f.text.as_str())
        })
        .collect();
    order.sort_by_key(|&i| (facts[i].span.start, std::cmp::Reverse(facts[i].span.end), i));
    let mut body = Body { out, n, text, pos: 0, chunk: 0, open: Vec::new() };
    for i in order {
        placed[i] = true;
        let span = facts[i].span;
        body.close_through(span.start)?;
        body.plain(span.start)?;
        body.open(i, &facts[i], false)?;
    }
    body.close_through(text.len())?;
    body.plain(text.len())?;
    Ok(placed)
}

/// The text being written: where it is, the marks open, the size of the current chunk.
struct Body<'a> {
    out: &'a mut dyn Write,
    n: usize,
    text: &'a str,
    pos: usize,
    chunk: usize,
    /// Open marks, innermost last: (end, fact index, class).
    open: Vec<(usize, usize, String)>,
}

impl Body<'_> {
    /// Write the text up to `to`; outside marks, start a new chunk at a line break once the
    /// chunk is long (or anywhere in a line that is far too long).
    fn plain(&mut self, to: usize) -> io::Result<()> {
        while self.pos < to {
            let seg = &self.text[self.pos..to];
            if !self.open.is_empty() || self.chunk + seg.len() < CHUNK {
                escape(self.out, seg)?;
                self.chunk += seg.len();
                self.pos = to;
                return Ok(());
            }
            // Outside marks, and the chunk fills up in this stretch: end it at the next line
            // break after it is full, or in a line far too long, at any character.
            let full = CHUNK.saturating_sub(self.chunk).min(seg.len());
            let cut = match memchr::memchr(b'\n', &seg.as_bytes()[full..]) {
                Some(k) => full + k + 1,
                None if self.chunk + seg.len() >= 8 * CHUNK => {
                    let mut c = (8 * CHUNK).saturating_sub(self.chunk).max(1);
                    while !seg.is_char_boundary(c) {
                        c += 1;
                    }
                    c
                }
                None => {
                    escape(self.out, seg)?;
                    self.chunk += seg.len();
                    self.pos = to;
                    return Ok(());
                }
            };
            escape(self.out, &seg[..cut])?;
            self.pos += cut;
            self.out.write_all(b"</div><div class=\"chunk\">")?;
            self.chunk = 0;
        }
        Ok(())
    }

    fn open(&mut self, i: usize, f: &Fact, continued: bool) -> io::Result<()> {
        let mut class = format!("k-{}", f.kind());
        if f.boilerplate {
            class.push_str(" bp");
        }
        if f.duplicate_of.is_some() {
            class.push_str(" dup");
        }
        if continued {
            write!(self.out, "<mark class=\"{class} cont\" data-f=\"d{}f{i}\">", self.n)?;
        } else {
            write!(self.out, "<mark id=\"d{}f{i}\" class=\"{class}\" tabindex=\"0\">", self.n)?;
        }
        self.open.push((f.span.end, i, class));
        Ok(())
    }

    /// Close every mark that ends at or before `pos`, first the one that ends first. A mark
    /// open inside it that ends later is closed with it and reopened as a continuation.
    fn close_through(&mut self, pos: usize) -> io::Result<()> {
        loop {
            let Some((k, end)) = self.open.iter().enumerate().map(|(k, o)| (k, o.0)).min_by_key(|&(k, end)| (end, std::cmp::Reverse(k)))
            else {
                return Ok(());
            };
            if end > pos {
                return Ok(());
            }
            self.plain(end)?;
            let reopen: Vec<(usize, usize, String)> = self.open.drain(k..).skip(1).collect();
            for _ in 0..=reopen.len() {
                self.out.write_all(b"</mark>")?;
            }
            for (end, i, class) in reopen {
                write!(self.out, "<mark class=\"{class} cont\" data-f=\"d{}f{i}\">", self.n)?;
                self.open.push((end, i, class));
            }
        }
    }
}

/// A document's tables: what they are made from.
struct Tables<'a> {
    n: usize,
    doc: &'a Document,
    placed: &'a [bool],
    limit: usize,
}

/// What a table cell shows.
enum Cell {
    /// Nothing.
    Empty,
    /// Text, with a class (`n` for numbers, `t` for text that wraps).
    Text(String, &'static str),
    /// A number and a muted note after it (an area's code).
    Noted(String, String),
    /// A link to another fact's row, with that fact's text.
    Fact(usize, String),
    /// A kind's swatch.
    Kind(Kind),
}

impl Tables<'_> {
    /// One table: a row for each fact `keep` keeps (`rows` of them), up to the limit, with the
    /// `columns` that one of those rows fills.
    fn write(&self, out: &mut dyn Write, caption: &str, rows: usize, columns: &[&str], keep: impl Fn(&Fact) -> bool) -> io::Result<()> {
        let Tables { n, doc, placed, limit } = *self;
        if rows == 0 {
            return Ok(());
        }
        if rows > limit {
            write!(
                out,
                "<p class=\"note\">{caption}: the first {limit} of {rows} here (every fact is marked in the text); all of them in the CSV: <code>gongbao extract --format csv</code>.</p>"
            )?;
        }
        let shown: Vec<(usize, &Fact)> = doc.facts.iter().enumerate().filter(|(_, f)| keep(f)).take(limit).collect();
        let cells: Vec<Vec<Cell>> = shown.iter().map(|&(_, f)| columns.iter().map(|c| cell(c, f, doc)).collect()).collect();
        let used: Vec<usize> = (0..columns.len()).filter(|&c| cells.iter().any(|row| !matches!(row[c], Cell::Empty))).collect();
        write!(out, "<table><caption>{caption} ({rows})</caption>\n<thead><tr><th title=\"the fact's index: a link to its mark\">#")?;
        for &c in &used {
            let title = match columns[c] {
                "value" => " title=\"the value, exact, in the currency's base unit or the unit written\"",
                "bytes" => " title=\"the fact's span: byte offsets into the original text\"",
                _ => "",
            };
            write!(out, "<th{title}>{}", columns[c])?;
        }
        out.write_all(b"</thead>\n<tbody>\n")?;
        for (&(i, f), row) in shown.iter().zip(&cells) {
            write!(
                out,
                "<tr id=\"d{n}r{i}\" class=\"k-{}{}{}\">",
                f.kind(),
                if f.boilerplate { " bp" } else { "" },
                if f.duplicate_of.is_some() { " dup" } else { "" }
            )?;
            if placed[i] {
                write!(out, "<td><a class=\"back\" href=\"#d{n}f{i}\">{i}</a>")?;
            } else {
                write!(out, "<td>{i}")?;
            }
            for &c in &used {
                match &row[c] {
                    Cell::Empty => out.write_all(b"<td>")?,
                    Cell::Text(text, class) => {
                        if class.is_empty() {
                            out.write_all(b"<td>")?;
                        } else {
                            write!(out, "<td class=\"{class}\">")?;
                        }
                        escape(out, text)?;
                    }
                    Cell::Noted(text, note) => {
                        out.write_all(b"<td>")?;
                        escape(out, text)?;
                        out.write_all(b" <span class=\"note\">")?;
                        escape(out, note)?;
                        out.write_all(b"</span>")?;
                    }
                    Cell::Fact(k, text) => {
                        write!(out, "<td><a href=\"#d{n}r{k}\">{k}</a> ")?;
                        escape(out, text)?;
                    }
                    Cell::Kind(kind) => write!(out, "<td><span class=\"sw k-{kind}\">{kind}</span>")?,
                }
            }
            out.write_all(b"</tr>\n")?;
        }
        out.write_all(b"</tbody></table>\n")
    }
}

/// The cell of `column` for a fact of `doc`.
fn cell(column: &str, f: &Fact, doc: &Document) -> Cell {
    let text = |s: String| if s.is_empty() { Cell::Empty } else { Cell::Text(s, "") };
    let fact = |k: Option<usize>| match k.and_then(|k| doc.facts.get(k).map(|g| (k, g))) {
        Some((k, g)) => Cell::Fact(k, g.text.clone()),
        None => Cell::Empty,
    };
    let record = f.record.as_ref();
    match column {
        "text" => Cell::Text(f.text.clone(), "t"),
        "value" => Cell::Text(readable_value(f), "n"),
        "kind" => Cell::Kind(f.kind()),
        "indicator" => match record.and_then(|r| r.indicator.as_ref()) {
            Some(i) if !i.text.is_empty() => Cell::Text(i.text.clone(), "t i"),
            _ => Cell::Empty,
        },
        "period" => text(record.and_then(|r| r.period.as_ref()).map(|p| readable_period(p.start, p.end)).unwrap_or_default()),
        "compared with" => text(record.and_then(|r| r.compared_with.as_ref()).map(|p| readable_period(p.start, p.end)).unwrap_or_default()),
        "area" => match record.and_then(|r| r.area.as_ref()) {
            Some(a) => match &a.code {
                Some(code) => Cell::Noted(a.name.clone(), code.clone()),
                None => Cell::Text(a.name.clone(), ""),
            },
            None => Cell::Empty,
        },
        "of" => fact(record.and_then(|r| r.of)),
        "part of" => fact(record.and_then(|r| r.part_of)),
        "repeat of" => fact(f.duplicate_of),
        "qualifier" => text(qualifier(f).map(|q| q.as_str().to_owned()).unwrap_or_default()),
        "role" => text(match &f.value {
            Value::Percent(p) => p.role.map(|r| r.as_str().to_owned()).unwrap_or_default(),
            _ => String::new(),
        }),
        "level" | "code" | "parent" => text(match &f.value {
            Value::Place(p) => match column {
                "level" => p.level.as_str().to_owned(),
                "code" => p.code.clone().unwrap_or_default(),
                _ => p.parent.clone().unwrap_or_default(),
            },
            _ => String::new(),
        }),
        "relative" => text(match &f.value {
            Value::Time(t) if t.relative => "relative".to_owned(),
            _ => String::new(),
        }),
        "speaker" => text(f.speaker.clone().unwrap_or_default()),
        "bytes" => Cell::Text(format!("{}\u{2013}{}", f.span.start, f.span.end), "n"),
        _ => Cell::Empty,
    }
}

fn qualifier(f: &Fact) -> Option<Qualifier> {
    match &f.value {
        Value::Money(m) => m.qualifier,
        Value::Count(c) => c.qualifier,
        Value::Percent(p) => p.qualifier,
        Value::Quantity(q) => q.qualifier,
        _ => None,
    }
}

/// A fact's value written for reading: a figure in the Chinese scale it was likely written in
/// and in full with its unit (`116.68 亿元 = 11,668,000,000 CNY`, `160 家`, `21.5 个百分点`), a
/// time as its period, a place as its canonical name.
///
/// ```
/// let doc = gongbao::extract("总投资116.68亿元,约4830万美元,新签约项目160多家,增长21.5个百分点");
/// let values: Vec<String> = doc.facts.iter().map(gongbao::output::report::readable_value).collect();
/// assert_eq!(values, ["116.68 亿元 = 11,668,000,000 CNY", "about 4830 万美元 = 48,300,000 USD", "over 160 家", "21.5 个百分点"]);
/// ```
pub fn readable_value(f: &Fact) -> String {
    let hedge = match qualifier(f) {
        Some(Qualifier::Approx) => "about ",
        Some(Qualifier::Over) => "over ",
        Some(Qualifier::Under) => "under ",
        None => "",
    };
    let range = |v: Decimal, max: Option<Decimal>, show: &dyn Fn(Decimal) -> String| match max {
        Some(m) => format!("{}\u{2013}{}", show(v), show(m)),
        None => show(v),
    };
    let scaled = |v: Decimal, max: Option<Decimal>, unit: &str, full_unit: &str| {
        let large = v.abs() >= TEN_THOUSAND || max.is_some_and(|m| m.abs() >= TEN_THOUSAND);
        if large {
            format!("{hedge}{}{unit} = {} {full_unit}", range(v, max, &chinese), range(v, max, &grouped))
        } else {
            format!("{hedge}{} {full_unit}", range(v, max, &grouped))
        }
    };
    match &f.value {
        Value::Money(m) => {
            let word = currency_word(&m.currency).map_or_else(|| format!(" {}", m.currency), str::to_owned);
            scaled(m.value, m.max, &word, &m.currency)
        }
        Value::Count(c) => scaled(c.value, c.max, &c.classifier, &c.classifier),
        Value::Quantity(q) => scaled(q.value, q.max, &q.unit, &q.unit),
        Value::Percent(p) => {
            let show = |v: Decimal| match p.unit {
                PercentUnit::Percent => format!("{}%", v.normalize()),
                PercentUnit::Point => format!("{} 个百分点", v.normalize()),
            };
            format!("{hedge}{}", range(p.value, p.max, &show))
        }
        Value::Time(t) => readable_period(t.start, t.end),
        Value::Place(p) => p.name.clone(),
    }
}

const TEN_THOUSAND: Decimal = Decimal::from_parts(10_000, 0, 0, false, 0);

/// The Chinese name of a currency gongbao reads, for its value in 万 or 亿.
fn currency_word(code: &str) -> Option<&'static str> {
    Some(match code {
        "CNY" => "元",
        "USD" => "美元",
        "HKD" => "港元",
        "MOP" => "澳门元",
        "TWD" => "新台币",
        "AUD" => "澳元",
        "EUR" => "欧元",
        "JPY" => "日元",
        "GBP" => "英镑",
        "KRW" => "韩元",
        "CAD" => "加元",
        "SGD" => "新加坡元",
        _ => return None,
    })
}

/// A number in the largest Chinese scale it reaches: `116.68 亿`, `4830 万`, `1.2 万亿`.
fn chinese(v: Decimal) -> String {
    let scales: [(Decimal, &str); 3] =
        [(Decimal::from(1_000_000_000_000_u64), "万亿"), (Decimal::from(100_000_000_u64), "亿"), (TEN_THOUSAND, "万")];
    for (scale, name) in scales {
        if v.abs() >= scale {
            return format!("{} {name}", (v / scale).normalize());
        }
    }
    v.normalize().to_string()
}

/// A number in full with thousands separators: `11,668,000,000`, `1,234.5`.
fn grouped(v: Decimal) -> String {
    let s = v.normalize().to_string();
    let (sign, s) = s.strip_prefix('-').map_or(("", s.as_str()), |rest| ("-", rest));
    let (whole, fraction) = s.split_once('.').map_or((s, None), |(w, f)| (w, Some(f)));
    let mut out = String::from(sign);
    for (k, digit) in whole.chars().enumerate() {
        if k > 0 && (whole.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if let Some(f) = fraction {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// A period written for reading: a day, whole months (`2023-01 – 2023-06`), whole years
/// (`2023`), or days; an open bound is `…`.
fn readable_period(start: Option<PartialDate>, end: Option<PartialDate>) -> String {
    let whole_months = |a: jiff::civil::Date, b: jiff::civil::Date| a.day() == 1 && b == b.last_of_month();
    match (start, end) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => match (a.to_date(), b.to_date()) {
            (Some(x), Some(y)) if whole_months(x, y) && x.month() == 1 && y.month() == 12 => {
                if x.year() == y.year() {
                    x.year().to_string()
                } else {
                    format!("{} \u{2013} {}", x.year(), y.year())
                }
            }
            (Some(x), Some(y)) if whole_months(x, y) => {
                let month = |d: jiff::civil::Date| format!("{:04}-{:02}", d.year(), d.month());
                if (x.year(), x.month()) == (y.year(), y.month()) { month(x) } else { format!("{} \u{2013} {}", month(x), month(y)) }
            }
            _ => format!("{a} \u{2013} {b}"),
        },
        (None, Some(b)) => format!("\u{2026} \u{2013} {b}"),
        (Some(a), None) => format!("{a} \u{2013} \u{2026}"),
        (None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(s: &str) -> String {
        let mut v = Vec::new();
        escape(&mut v, s).unwrap();
        String::from_utf8(v).unwrap()
    }

    #[test]
    fn escapes_markup_and_what_the_parser_would_change() {
        assert_eq!(escaped("<script>&\"'</script>"), "&lt;script&gt;&amp;&quot;&#39;&lt;/script&gt;");
        assert_eq!(escaped("a\r\nb\0c"), "a&#13;\nb\u{fffd}c");
        assert_eq!(escaped("新签约项目52个"), "新签约项目52个");
    }

    #[test]
    fn inline_style_and_script_cannot_end_early() {
        assert!(!CSS.to_ascii_lowercase().contains("</style"));
        assert!(!JS.to_ascii_lowercase().contains("</script"));
        assert!(!JS.contains("innerHTML") && !JS.contains("outerHTML") && !JS.contains("insertAdjacentHTML"));
    }

    #[test]
    fn page_names_keep_letters_of_any_script() {
        assert_eq!(page_name(1, Some("2025年政府工作报告"), "line 1"), "00001-2025年政府工作报告.html");
        assert_eq!(page_name(3, None, "dir/web news<1>.txt"), "00003-web_news_1.html");
        assert_eq!(page_name(12, None, "《通报》.txt"), "00012-通报.html");
        assert_eq!(page_name(7, Some("<>?"), "a.txt"), "00007.html");
        assert_eq!(page_name(8, Some(&"长".repeat(100)), "a.txt"), format!("00008-{}.html", "长".repeat(60)));
    }

    #[test]
    fn values_and_periods_read_as_an_analyst_writes_them() {
        assert_eq!(grouped(Decimal::new(-12345675, 3)), "-12,345.675");
        assert_eq!(grouped(Decimal::from(100)), "100");
        assert_eq!(chinese(Decimal::from(1_200_000_000_000_u64)), "1.2 万亿");
        let d = |y: i16, m: i8, day: i8| Some(PartialDate::new(y, m, day));
        assert_eq!(readable_period(d(2023, 1, 1), d(2023, 12, 31)), "2023");
        assert_eq!(readable_period(d(2021, 1, 1), d(2023, 12, 31)), "2021 \u{2013} 2023");
        assert_eq!(readable_period(d(2024, 1, 1), d(2024, 2, 29)), "2024-01 \u{2013} 2024-02");
        assert_eq!(readable_period(d(2023, 10, 1), d(2023, 10, 31)), "2023-10");
        assert_eq!(readable_period(d(2023, 10, 2), d(2023, 10, 31)), "2023-10-02 \u{2013} 2023-10-31");
        assert_eq!(readable_period(None, d(2023, 12, 20)), "\u{2026} \u{2013} 2023-12-20");
        let unknown = Some(PartialDate { year: None, month: 4, day: 28 });
        assert_eq!(readable_period(unknown, unknown), "XXXX-04-28");
    }
}
