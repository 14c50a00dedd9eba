//! The extractors: one [`Recognizer`] per fact kind, each in its own file, all reading the
//! normalized text and sharing one number scan ([`crate::number::scan`]).
//!
//! They run in a fixed order and each claims the spans it reports, so that a later one does not
//! read the same characters again: time first (`1-10月` is a period, not a count of 10),
//! then percent (`21.5个百分点` is not a count of 个), money, quantity and count; places last,
//! independently (place names contain no digits).

pub mod count;
pub mod money;
pub mod percent;
pub mod place;
pub mod quantity;
pub mod time;

use std::ops::Range;
use std::sync::OnceLock;

use crate::document::Layout;
use crate::fact::Value;
use crate::normalize::OffsetMap;
use crate::number::{NumberMention, NumberProblem};
use crate::Reference;

/// What every recognizer reads: the texts, the document's layout, the reference date.
pub struct Context<'a> {
    /// The original text (spans of facts point into it).
    pub original: &'a str,
    /// The normalized text (recognizers read this).
    pub text: &'a str,
    /// Normalized → original offsets.
    pub map: &'a OffsetMap,
    /// Lines, speaker turns, chrome, headings, in normalized offsets.
    pub layout: &'a Layout,
    /// The reference date given by the caller or found in the document's metadata, if any.
    pub reference: Option<Reference>,
    numbers: OnceLock<(Vec<NumberMention>, Vec<NumberProblem>)>,
}

impl<'a> Context<'a> {
    /// A context over a normalized text.
    pub fn new(original: &'a str, text: &'a str, map: &'a OffsetMap, layout: &'a Layout, reference: Option<Reference>) -> Self {
        Context { original, text, map, layout, reference, numbers: OnceLock::new() }
    }

    /// Every number in the text, scanned once and shared by the recognizers.
    pub fn numbers(&self) -> &[NumberMention] {
        &self.numbers.get_or_init(|| crate::number::scan(self.text)).0
    }

    /// Numbers that looked like figures but could not be represented.
    pub fn number_problems(&self) -> &[NumberProblem] {
        &self.numbers.get_or_init(|| crate::number::scan(self.text)).1
    }
}

/// A fact found by a recognizer, in normalized offsets, before it is mapped to the original.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Bytes of the normalized text.
    pub span: Range<usize>,
    /// What the fact says.
    pub value: Value,
}

/// What the recognizers have found so far in a document.
#[derive(Debug, Default)]
pub struct Found {
    /// Facts, in the order found.
    pub candidates: Vec<Candidate>,
    /// Spans claimed by facts (sorted by start), which later recognizers leave alone.
    claimed: Vec<Range<usize>>,
    /// The reference date, once known (given, from metadata, or inferred from the text by the
    /// time recognizer).
    pub reference: Option<Reference>,
    /// Things worth telling the user.
    pub warnings: Vec<String>,
}

impl Found {
    /// Nothing found yet; relative time resolves against `reference` if given.
    pub fn new(reference: Option<Reference>) -> Self {
        Found { reference, ..Found::default() }
    }

    /// Whether `span` overlaps a span already claimed.
    pub fn is_claimed(&self, span: &Range<usize>) -> bool {
        let i = self.claimed.partition_point(|c| c.end <= span.start);
        self.claimed.get(i).is_some_and(|c| c.start < span.end)
    }

    /// Add a fact and claim its span.
    pub fn push(&mut self, candidate: Candidate) {
        let span = candidate.span.clone();
        let i = self.claimed.partition_point(|c| c.start < span.start);
        self.claimed.insert(i, span);
        self.candidates.push(candidate);
    }

    /// Claim a span without reporting a fact (a phrase that is no fact but whose numbers must
    /// not be read by later recognizers, such as `去年同期`).
    pub fn claim(&mut self, span: Range<usize>) {
        let i = self.claimed.partition_point(|c| c.start < span.start);
        self.claimed.insert(i, span);
    }
}

/// One stage of extraction: reads the context, adds what it finds.
pub trait Recognizer: Send + Sync {
    /// A short name, for benchmarks and diagnostics.
    fn name(&self) -> &'static str;

    /// Find facts of this recognizer's kind.
    fn recognize(&self, ctx: &Context<'_>, found: &mut Found);
}

/// The recognizers in the order they run.
pub fn recognizers() -> &'static [&'static dyn Recognizer] {
    &[&time::Time, &percent::Percent, &money::Money, &quantity::Quantity, &count::Count, &place::Place]
}
