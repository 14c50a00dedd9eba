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

use super::table::{self, COLUMNS};
use crate::fact::Fact;
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

/// The CSV's columns that the figures' table leaves out: those that only times and places fill,
/// `source` and `error` and the document's own columns (its header shows them), and the
/// character offsets (for the CSV's readers).
pub const FIGURE_TABLE_LEAVES_OUT: &[&str] = &[
    "source",
    "time_start",
    "time_end",
    "relative",
    "name",
    "level",
    "code",
    "parent",
    "error",
    // The document's own columns are in its header; character offsets are for the CSV's readers.
    "char_start",
    "char_end",
    "reference_date",
    "reference_from",
    "title",
    "published",
    "home_area_name",
    "home_area_code",
];

/// The table of times and places: the CSV's columns that they fill.
const CONTEXT_COLUMNS: &[&str] = &[
    "kind",
    "start",
    "end",
    "text",
    "time_start",
    "time_end",
    "relative",
    "name",
    "level",
    "code",
    "parent",
    "speaker",
    "boilerplate",
    "duplicate_of",
];

/// Columns whose cells are indices of facts, shown as links to their rows.
const INDEX_COLUMNS: &[&str] = &["of", "part_of", "duplicate_of"];

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
                entry.href = page_name(n, &entry.source);
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

/// A page's file name: its number in the batch and the source's file name, in characters that
/// need no escaping in a URL.
fn page_name(n: usize, source: &str) -> String {
    let stem = Path::new(source).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let safe: String = stem.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).take(60).collect();
    if safe.trim_matches('_').is_empty() { format!("{n:05}.html") } else { format!("{n:05}-{safe}.html") }
}

fn write_head(out: &mut (impl Write + ?Sized), title: &str, index: Option<&str>) -> io::Result<()> {
    out.write_all(
        b"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"",
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
    out.write_all(b"</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to the documents</a>\n<header class=\"page\">")?;
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
    let figure_columns: Vec<usize> = (0..COLUMNS.len()).filter(|&c| !FIGURE_TABLE_LEAVES_OUT.contains(&COLUMNS[c])).collect();
    let context_columns: Vec<usize> = CONTEXT_COLUMNS.iter().map(|c| table::column(c)).collect();
    let figures = doc.facts.iter().filter(|f| f.is_figure()).count();
    let tables = Tables { n, source, doc, placed: &placed, limit };
    tables.write(out, "Figures", figures, &figure_columns, Fact::is_figure)?;
    tables.write(out, "Times and places", doc.facts.len() - figures, &context_columns, |f| !f.is_figure())?;
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
    source: &'a str,
    doc: &'a Document,
    placed: &'a [bool],
    limit: usize,
}

impl Tables<'_> {
    /// One table: a row for each fact `keep` keeps (`rows` of them), up to the limit.
    fn write(&self, out: &mut dyn Write, caption: &str, rows: usize, columns: &[usize], keep: impl Fn(&Fact) -> bool) -> io::Result<()> {
        let Tables { n, source, doc, placed, limit } = *self;
        if rows == 0 {
            return Ok(());
        }
        if rows > limit {
            write!(
                out,
                "<p class=\"note\">{caption}: the first {limit} of {rows} here (every fact is marked in the text); all of them in the CSV: <code>gongbao extract --format csv</code>.</p>"
            )?;
        }
        write!(out, "<table><caption>{caption} ({rows})</caption>\n<thead><tr><th title=\"the fact's index: a link to its mark\">#")?;
        for &c in columns {
            write!(out, "<th>{}", COLUMNS[c])?;
        }
        out.write_all(b"</thead>\n<tbody>\n")?;
        let (value, max, start, end, text) =
            (table::column("value"), table::column("max"), table::column("start"), table::column("end"), table::column("text"));
        for (i, f) in doc.facts.iter().enumerate().filter(|(_, f)| keep(f)).take(limit) {
            let row = table::fact_row(source, f);
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
            for &c in columns {
                let cell = &row[c];
                let name = COLUMNS[c];
                if name == "kind" {
                    write!(out, "<td><span class=\"sw k-{cell}\">{cell}</span>")?;
                } else if INDEX_COLUMNS.contains(&name) && cell.parse::<usize>().is_ok() {
                    write!(out, "<td><a href=\"#d{n}r{cell}\">{cell}</a>")?;
                } else {
                    let class = if c == value || c == max || c == start || c == end {
                        " class=\"n\""
                    } else if c == text {
                        " class=\"t\""
                    } else {
                        ""
                    };
                    write!(out, "<td{class}>")?;
                    escape(out, cell)?;
                }
            }
            out.write_all(b"</tr>\n")?;
        }
        out.write_all(b"</tbody></table>\n")
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
    fn page_names_need_no_escaping() {
        assert_eq!(page_name(3, "dir/web news<1>.txt"), "00003-web_news_1_.html");
        assert_eq!(page_name(12, "《通报》.txt"), "00012.html");
    }
}
