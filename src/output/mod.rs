//! Output formats: a document as `CONTRACT.md`'s JSON line and as rows of the CSV table, shared
//! by the batch binary, the Python package and the HTML report so that all of them say the same.

pub mod report;
pub mod table;

use jiff::civil::Date;
use serde::Serialize;

use crate::fact::{Fact, HomeArea};
use crate::{Document, Meta, ReferenceFrom, Script};

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
