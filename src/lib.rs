//! # gongbao (公报)
//!
//! Exact, typed, traceable facts from Chinese government bulletins.
//!
//! ## Overview
//!
//! Local governments publish thousands of investment-promotion (招商引资) bulletins: interviews,
//! press conferences, reply letters, newspaper pages, web news. gongbao reads such a text and
//! returns what an analyst tabulates:
//!
//! - **money**: `116.68亿元` → `11668000000` CNY, `4830万美元` → `48300000` USD, exact decimals;
//! - **counts** with what is counted: `新签约项目52个` → 52, 个, 新签约项目;
//! - **percentages** and percentage points with their role: `同比增长11.73%`, `高21.5个百分点`;
//! - **dates and periods** as calendar ranges resolved against the document's own date:
//!   `1-10月`, `上半年`, `截至2023年12月20日`, `今年`;
//! - **places** with division codes: `咸阳` → 咸阳市 610400; regions such as 京津冀;
//! - **quantities**: `8.88平方公里`, `150兆瓦`.
//!
//! Input may be traditional script, full-width, or a mirror-site copy with pinyin after the
//! characters (`召開(kāi)`); every fact's span points into the **original** text.
//!
//! ## Usage
//!
//! [`extract()`] reads a document with default options; an [`Extractor`] carries options such as
//! the reference date. For single values, the `parse_*` functions read one expression:
//! [`parse_money`], [`parse_count`], [`parse_percent`], [`parse_number`].
//!
//! ## Examples
//!
//! ```
//! use gongbao::{extract, Value};
//!
//! let text = "2023年,全市新签约项目52个,总投资116.68亿元,同比增长11.73%。";
//! let doc = extract(text);
//! for fact in &doc.facts {
//!     assert_eq!(&text[fact.span.range()], fact.text);
//! }
//! let money = doc.facts.iter().find_map(|f| match &f.value {
//!     Value::Money(m) => Some(m),
//!     _ => None,
//! });
//! assert_eq!(money.unwrap().value.to_string(), "11668000000");
//! ```
//!
//! Traditional script with inline pinyin; spans still point into the original:
//!
//! ```
//! let text = "1-10月,全市新簽約項(xiàng)目247個(gè)";
//! let doc = gongbao::extract(text);
//! let count = doc.facts.iter().find(|f| f.kind() == gongbao::Kind::Count).unwrap();
//! assert_eq!(count.text, "247個");
//! assert_eq!(doc.script, gongbao::Script::Traditional);
//! ```
//!
//! With a reference date for relative expressions (the document's own date is used otherwise):
//!
//! ```
//! use gongbao::{Date, Extractor, ReferenceFrom, Value};
//!
//! let doc = Extractor::new().reference_date(Date::constant(2024, 7, 15)).extract("上半年签约34个项目");
//! assert_eq!(doc.reference_from, Some(ReferenceFrom::Argument));
//! let Value::Time(t) = &doc.facts[0].value else { panic!("a period first") };
//! assert_eq!(t.start.unwrap().to_string(), "2024-01-01");
//! assert_eq!(t.end.unwrap().to_string(), "2024-06-30");
//! ```

#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod char_class;
pub mod decode;
pub mod document;
mod error;
pub mod extract;
pub mod fact;
pub mod gazetteer;
pub mod input;
pub mod link;
pub mod normalize;
pub mod number;
pub mod output;
mod parse;
mod section;
pub mod segment;

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

/// A calendar date (`jiff`'s): reference dates, publication dates, a known year's bounds.
pub use jiff::civil::Date;
/// An exact decimal number (`rust_decimal`'s): every figure's value.
pub use rust_decimal::Decimal;

pub use document::Meta;
pub use error::{Error, Result};
pub use fact::{
    Area, Count, Fact, HomeArea, Indicator, Kind, Money, PartialDate, Percent, PercentUnit, Period, Place, PlaceLevel, Qualifier, Quantity,
    Record, Reference, ReferenceFrom, Role, Span, TimeRange, Value,
};
pub use normalize::{Script, Variant};
pub use number::{Number, parse_number};
pub use parse::{parse_count, parse_money, parse_percent, parse_quantity, parse_time};
pub use section::{Head, Sections};

/// Everything gongbao found in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// What relative time was resolved against.
    pub reference_date: Option<Date>,
    /// Where `reference_date` came from.
    pub reference_from: Option<ReferenceFrom>,
    /// The script of the original text.
    pub script: Script,
    /// What the document says about itself.
    pub meta: Meta,
    /// The city, county or province whose government or bureau speaks, when the document tells.
    pub home_area: Option<HomeArea>,
    /// The facts, in the order of their spans' starts; figures carry their [`Record`].
    pub facts: Vec<Fact>,
    /// Things worth knowing about how the document was read.
    pub warnings: Vec<String>,
}

/// Reads documents, with options.
///
/// Building one is cheap; dictionaries and automata are loaded once per process, on first use,
/// and shared by every `Extractor` and thread.
#[derive(Debug, Default)]
pub struct Extractor {
    reference_date: Option<Date>,
    normalizer: normalize::Normalizer,
    /// The section size, when not [`SECTION_BYTES`] (tests).
    section_bytes: Option<usize>,
}

/// A text longer than this many bytes (4 MiB) is read section by section ([`Sections`]): cut at
/// line breaks, each section's facts made, handed on and dropped before the next is read, so
/// that a large document's peak memory is a section's, not the whole's. A text of this size or
/// less is one section: it is read whole.
pub const SECTION_BYTES: usize = 4 << 20;

impl Extractor {
    /// An extractor with default options: no reference date (the document's own is used), the
    /// `t2s` conversion with the pure-Rust backend.
    pub fn new() -> Self {
        Extractor::default()
    }

    /// Resolve relative expressions against `date` (the document's own date is then ignored).
    pub fn reference_date(mut self, date: Date) -> Self {
        self.reference_date = Some(date);
        self
    }

    /// Use the `variant` conversion for traditional script.
    pub fn variant(mut self, variant: Variant) -> Self {
        self.normalizer = normalize::Normalizer::new(variant);
        self
    }

    /// Use another traditional→simplified converter, such as the system OpenCC
    /// (`normalize::convert::Opencc`, cargo feature `opencc`).
    pub fn converter(mut self, converter: Box<dyn normalize::Converter>) -> Self {
        self.normalizer = normalize::Normalizer::with_converter(converter);
        self
    }

    /// Read texts longer than `bytes` in sections of about `bytes` (instead of
    /// [`SECTION_BYTES`]): for tests, which need small documents of several sections.
    #[doc(hidden)]
    pub fn section_bytes(mut self, bytes: usize) -> Self {
        self.section_bytes = Some(bytes.max(1));
        self
    }

    /// Normalize a text as extraction does (for callers that want the normalized text itself).
    pub fn normalize<'a>(&self, text: &'a str) -> normalize::Normalized<'a> {
        self.normalizer.normalize(text)
    }

    /// Read one document. Never fails and never panics: trouble goes to
    /// [`Document::warnings`].
    pub fn extract(&self, text: &str) -> Document {
        self.extract_with_reference(text, self.reference_date)
    }

    /// Read one document with its own reference date (a batch where each document brings its
    /// date); `None` falls back to the document's metadata and text.
    pub fn extract_with_reference(&self, text: &str, reference_date: Option<Date>) -> Document {
        self.sections_with_reference(text, reference_date).into_document()
    }

    /// Read one document section by section (see [`SECTION_BYTES`]): the document's [`Head`]
    /// first, then each section's facts as an iterator, then its warnings. Collected, the
    /// sections are [`Extractor::extract`]'s document; a text of [`SECTION_BYTES`] or less is
    /// one section.
    ///
    /// ```
    /// let text = "2023年,全市新签约项目52个\n总投资116.68亿元\n";
    /// let extractor = gongbao::Extractor::new();
    /// let mut sections = extractor.sections(text);
    /// let script = sections.head().script;
    /// let facts: Vec<gongbao::Fact> = sections.by_ref().flatten().collect();
    /// let doc = extractor.extract(text);
    /// assert_eq!((script, &facts, sections.warnings()), (doc.script, &doc.facts, &doc.warnings[..]));
    /// ```
    pub fn sections<'t>(&self, text: &'t str) -> Sections<'_, 't> {
        self.sections_with_reference(text, self.reference_date)
    }

    /// [`Extractor::sections`] with the document's own reference date, as
    /// [`Extractor::extract_with_reference`].
    pub fn sections_with_reference<'t>(&self, text: &'t str, reference_date: Option<Date>) -> Sections<'_, 't> {
        Sections::new(self, text, reference_date.map(|date| Reference { date, from: ReferenceFrom::Argument }), false)
    }

    /// Read an HTML page. Its text is what the page shows (see [`normalize::html`]); fact spans point
    /// into the HTML source itself.
    ///
    /// ```
    /// let page = "<html><body><p>新签约项目<b>52个</b>,总投资116.68亿元</p></body></html>";
    /// let doc = gongbao::Extractor::new().extract_html(page);
    /// for f in &doc.facts {
    ///     assert_eq!(&page[f.span.range()], f.text);
    /// }
    /// assert_eq!(doc.facts[0].text, "52个");
    /// ```
    #[cfg(feature = "html")]
    pub fn extract_html(&self, html: &str) -> Document {
        self.extract_html_with_reference(html, self.reference_date)
    }

    /// [`Extractor::extract_html`] with the document's own reference date.
    #[cfg(feature = "html")]
    pub fn extract_html_with_reference(&self, html: &str, reference_date: Option<Date>) -> Document {
        self.extract_normalized(
            html,
            self.normalizer.normalize_html(html),
            reference_date.map(|date| Reference { date, from: ReferenceFrom::Argument }),
        )
    }

    /// Read a normalized document with the caller's reference (`None`: the document's own date,
    /// else what the text implies).
    fn extract_normalized(&self, text: &str, normalized: normalize::Normalized<'_>, reference: Option<Reference>) -> Document {
        self.read_section(text, normalized, reference, None)
    }

    /// Read a whole document or one section of it: [`Extractor::extract_normalized`], with the
    /// home area decided beforehand (`Some`) for a section after the first.
    fn read_section(
        &self,
        text: &str,
        normalized: normalize::Normalized<'_>,
        reference: Option<Reference>,
        home_area: Option<Option<HomeArea>>,
    ) -> Document {
        let layout = document::analyze(&normalized.text);
        let reference = reference.or_else(|| layout.meta.published.map(|date| Reference { date, from: ReferenceFrom::Metadata }));
        // The recognizers' shared state (the number scan, the claimed spans) is dropped at the
        // end of this block, before the facts and their records are built: on a large document
        // each is a sizeable part of the peak.
        let (candidates, reference, region, mut warnings) = {
            let ctx = extract::Context::new(text, &normalized.text, &normalized.map, &layout, reference);
            let mut found = extract::Found::new(reference);
            for r in extract::recognizers() {
                r.recognize(&ctx, &mut found);
            }
            let mut warnings = std::mem::take(&mut found.warnings);
            if normalized.text.trim().is_empty() {
                warnings.push("the document is empty".to_owned());
            }
            for p in ctx.number_problems() {
                let span = normalized.map.to_original(p.span.clone());
                warnings.push(format!("bytes {}..{}: {}", span.start, span.end, p.message));
            }
            (found.candidates, found.reference, ctx.region().map(|(r, _)| r), warnings)
        };
        let (mut facts, spans) = assemble(text, &normalized.map, &layout, candidates, &mut warnings);
        let linked = link::link_at_home(
            &link::Context {
                original: text,
                text: &normalized.text,
                map: &normalized.map,
                layout: &layout,
                facts: &facts,
                spans: &spans,
                reference,
                region,
            },
            home_area,
        );
        // (The link stage boxes each figure's record as it makes it: its table of records is a
        // pointer a fact, and a record moves into its fact without a copy.)
        for (fact, record) in facts.iter_mut().zip(linked.records) {
            fact.record = record;
            link::what::agree(fact);
        }
        warnings.extend(linked.warnings);
        Document {
            reference_date: reference.map(|r| r.date),
            reference_from: reference.map(|r| r.from),
            script: normalized.script,
            meta: layout.meta.clone(),
            home_area: linked.home_area,
            facts,
            warnings,
        }
    }
}

/// Turn candidates (normalized offsets) into facts (original offsets), in span order, with
/// speakers, chrome and repeats marked; beside them, each fact's span in the normalized text.
fn assemble(
    original: &str,
    map: &normalize::OffsetMap,
    layout: &document::Layout,
    mut candidates: Vec<extract::Candidate>,
    warnings: &mut Vec<String>,
) -> (Vec<Fact>, Vec<std::ops::Range<usize>>) {
    candidates.sort_by(|a, b| (a.span.start, a.span.end).cmp(&(b.span.start, b.span.end)).then(a.value.kind().cmp(&b.value.kind())));
    candidates.dedup_by(|b, a| a.span == b.span && a.value == b.value);
    let mut facts: Vec<Fact> = Vec::with_capacity(candidates.len());
    let mut norm_spans: Vec<std::ops::Range<usize>> = Vec::with_capacity(candidates.len());
    for c in candidates {
        let span = map.to_original(c.span.clone());
        // (An empty span: HTML text the parser moved, which the source alignment lost.)
        let Some(text) = original.get(span.clone()).filter(|t| !t.is_empty()) else {
            warnings.push(format!("a {} fact could not be mapped to the original text", c.value.kind()));
            continue;
        };
        norm_spans.push(c.span.clone());
        facts.push(Fact {
            span: span.into(),
            text: text.to_owned(),
            speaker: layout.speaker_at(c.span.start).map(str::to_owned),
            boilerplate: layout.is_chrome(&c.span),
            duplicate_of: None,
            record: None,
            value: c.value,
        });
    }
    // Facts in a repeated copy point to their twin in the first copy, found by a binary search
    // of the spans (in start order): a scan from the first fact read the first copy's facts
    // again for each fact of the others (a megabyte repeated ten times: a tenth of the whole
    // extraction).
    for i in 0..facts.len() {
        let start = norm_spans[i].start;
        if let Some(rep) = layout.repeat_at(start) {
            let twin = rep.first + (start - rep.span.start);
            let kind = facts[i].kind();
            let from = norm_spans[..i].partition_point(|s| s.start < twin);
            facts[i].duplicate_of = (from..i).take_while(|&j| norm_spans[j].start == twin).find(|&j| facts[j].kind() == kind);
        }
    }
    (facts, norm_spans)
}

/// The places a text names, as facts: divisions with their codes, regions, new areas.
///
/// Reads the text as [`extract()`] does, without the records, and keeps the places
/// (normalization included, so traditional script works): [`extract()`] returns the same facts
/// among the others. (The other recognizers run too because a place inside another's figure is
/// none: a currency's name in an amount, `澳门元6亿`, is part of the amount.) For the gazetteer
/// itself (lookups by name or code, parent chains) see [`gazetteer`].
///
/// ```
/// use gongbao::{places, Value};
///
/// let facts = places("中共咸阳市委在兴平市召开会议");
/// let names: Vec<_> = facts.iter().map(|f| match &f.value {
///     Value::Place(p) => (f.text.as_str(), p.name.as_str(), p.code.as_deref()),
///     _ => unreachable!(),
/// }).collect();
/// assert_eq!(names, [("咸阳市", "咸阳市", Some("610400")), ("兴平市", "兴平市", Some("610481"))]);
/// ```
pub fn places(text: &str) -> Vec<Fact> {
    let normalized = Extractor::new().normalize(text);
    let layout = document::analyze(&normalized.text);
    let ctx = extract::Context::new(text, &normalized.text, &normalized.map, &layout, None);
    let mut found = extract::Found::new(None);
    for r in extract::recognizers() {
        r.recognize(&ctx, &mut found);
    }
    found.candidates.retain(|c| matches!(c.value, Value::Place(_)));
    assemble(text, &normalized.map, &layout, found.candidates, &mut Vec::new()).0
}

/// Read one document with default options.
///
/// ```
/// let doc = gongbao::extract("实际利用外资4830万美元");
/// assert_eq!(doc.facts[0].text, "4830万美元");
/// ```
pub fn extract(text: &str) -> Document {
    static DEFAULT: LazyLock<Extractor> = LazyLock::new(Extractor::new);
    DEFAULT.extract(text)
}

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
