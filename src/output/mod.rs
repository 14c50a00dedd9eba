//! Output formats: a document as `CONTRACT.md`'s JSON line and as rows of the CSV table, shared
//! by the batch binary, the Python package and the HTML report so that all of them say the same.

pub mod report;
pub mod table;

use jiff::civil::Date;
use serde::Serialize;

use crate::fact::{Fact, HomeArea};
use crate::{Document, Head, Meta, ReferenceFrom, Script};

/// One document's output line, exactly as `CONTRACT.md` describes it: serialize it with
/// `serde_json` (or any serde format) to get the binary's JSON.
///
/// ```
/// let doc = gongbao::extract("2023年,全市新签约项目52个");
/// let line = gongbao::output::Line::new("a.txt", Some(&doc), &doc.warnings, None);
/// assert_eq!(line.facts.len(), doc.facts.len());
/// assert_eq!(line.source, "a.txt");
/// ```
#[derive(Debug, Serialize)]
pub struct Line<'a> {
    /// The path as given, the JSON Lines id, or `-`.
    pub source: &'a str,
    /// What relative time was resolved against.
    pub reference_date: Option<Date>,
    /// Where `reference_date` came from.
    pub reference_from: Option<ReferenceFrom>,
    /// The original's script; `None` for a document that could not be read.
    pub script: Option<Script>,
    /// What the document says about itself.
    pub meta: &'a Meta,
    /// The area whose government or bureau speaks.
    pub home_area: Option<&'a HomeArea>,
    /// The facts.
    pub facts: &'a [Fact],
    /// Warnings: the reader's (decoding) and the document's.
    pub warnings: &'a [String],
    /// Why the document could not be read.
    pub error: Option<&'a str>,
}

static NO_META: std::sync::LazyLock<Meta> = std::sync::LazyLock::new(Meta::default);

impl<'a> Line<'a> {
    /// The line for `document` (or for a document that could not be read, `None`, with its
    /// `error`); `warnings` are all of the document's warnings, the reader's included.
    pub fn new(source: &'a str, document: Option<&'a Document>, warnings: &'a [String], error: Option<&'a str>) -> Self {
        Line {
            source,
            reference_date: document.and_then(|d| d.reference_date),
            reference_from: document.and_then(|d| d.reference_from),
            script: document.map(|d| d.script),
            meta: document.map_or(&*NO_META, |d| &d.meta),
            home_area: document.and_then(|d| d.home_area.as_ref()),
            facts: document.map_or(&[], |d| &d.facts),
            warnings,
            error,
        }
    }
}

/// A document's [`Line`] written in parts, for a document read in [`crate::Sections`]: the head,
/// each section's facts as they are made, then the warnings; the bytes are those `serde_json`
/// writes for the whole [`Line`], and no more than a section's facts are ever held.
///
/// ```
/// use gongbao::output::{Line, LineParts};
///
/// let text = "2023年,全市新签约项目52个\n总投资116.68亿元\n";
/// let extractor = gongbao::Extractor::new();
/// let mut sections = extractor.sections(text);
/// let mut out = Vec::new();
/// let mut line = LineParts::start(&mut out, "a.txt", sections.head())?;
/// for facts in sections.by_ref() {
///     line.facts(&facts)?;
/// }
/// line.finish(sections.warnings())?;
///
/// let doc = extractor.extract(text);
/// let whole = serde_json::to_vec(&Line::new("a.txt", Some(&doc), &doc.warnings, None))?;
/// assert_eq!(out, whole);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct LineParts<W: std::io::Write> {
    out: W,
    /// Whether a fact was written (the next one is preceded by a comma).
    any: bool,
}

impl<W: std::io::Write> LineParts<W> {
    /// Write the line's fields before its facts.
    pub fn start(mut out: W, source: &str, head: &Head) -> std::io::Result<Self> {
        out.write_all(b"{\"source\":")?;
        serde_json::to_writer(&mut out, source)?;
        out.write_all(b",\"reference_date\":")?;
        serde_json::to_writer(&mut out, &head.reference_date)?;
        out.write_all(b",\"reference_from\":")?;
        serde_json::to_writer(&mut out, &head.reference_from)?;
        out.write_all(b",\"script\":")?;
        serde_json::to_writer(&mut out, &Some(head.script))?;
        out.write_all(b",\"meta\":")?;
        serde_json::to_writer(&mut out, &head.meta)?;
        out.write_all(b",\"home_area\":")?;
        serde_json::to_writer(&mut out, &head.home_area)?;
        out.write_all(b",\"facts\":[")?;
        Ok(LineParts { out, any: false })
    }

    /// Write the next facts.
    pub fn facts(&mut self, facts: &[Fact]) -> std::io::Result<()> {
        for fact in facts {
            if std::mem::replace(&mut self.any, true) {
                self.out.write_all(b",")?;
            }
            serde_json::to_writer(&mut self.out, fact)?;
        }
        Ok(())
    }

    /// Write the warnings (all of them: the reader's and the document's) and end the line (with
    /// no line break, as `serde_json` ends a [`Line`]).
    pub fn finish(mut self, warnings: &[String]) -> std::io::Result<()> {
        self.out.write_all(b"],\"warnings\":")?;
        serde_json::to_writer(&mut self.out, warnings)?;
        self.out.write_all(b",\"error\":null}")
    }
}
