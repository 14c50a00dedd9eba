//! The extractors: one [`Recognizer`] per fact kind, each in its own file, all reading the
//! normalized text and sharing one number scan ([`crate::number::scan`]).
//!
//! They run in a fixed order and each claims the spans it reports, so that a later one does not
//! read the same characters again: time first (`1-10月` is a period, not a count of 10),
//! then percent (`21.5个百分点` is not a count of 个), money, quantity and count; places last,
//! independently (place names contain no digits).

pub mod count;
pub mod money;
pub mod names;
pub mod percent;
pub mod place;
pub mod quantity;
pub mod time;

use std::ops::Range;
use std::sync::OnceLock;

use crate::document::Layout;
use crate::fact::Reference;
use crate::fact::Value;
use crate::gazetteer::region::Region;
use crate::normalize::OffsetMap;
pub use names::in_name_or_slogan;

use crate::number::{NumberMention, NumberProblem};
use rust_decimal::Decimal;

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
    numbers: OnceLock<Scanned>,
    region: OnceLock<crate::gazetteer::region::Reading>,
    wrap: OnceLock<Option<usize>>,
}

impl<'a> Context<'a> {
    /// A context over a normalized text.
    pub fn new(original: &'a str, text: &'a str, map: &'a OffsetMap, layout: &'a Layout, reference: Option<Reference>) -> Self {
        Context { original, text, map, layout, reference, numbers: OnceLock::new(), region: OnceLock::new(), wrap: OnceLock::new() }
    }

    /// Every number in the text read whole, scanned once and shared by the recognizers.
    /// Numbers read only in part are not among them ([`Context::numbers_not_read_whole`]), so
    /// that no recognizer can report a figure with part of its value dropped.
    pub fn numbers(&self) -> &[NumberMention] {
        &self.scanned().whole
    }

    /// The numbers the scan could read only in part ([`NumberMention::whole`]): no fact, and a
    /// warning where one would have been ([`Unread`]).
    pub fn numbers_not_read_whole(&self) -> &[NumberMention] {
        &self.scanned().cut
    }

    /// Numbers that looked like figures but could not be represented.
    pub fn number_problems(&self) -> &[NumberProblem] {
        &self.scanned().problems
    }

    /// The width at which the text is hard-wrapped, if it is ([`crate::number::wrap_width`]).
    pub fn wrap_width(&self) -> Option<usize> {
        // (Only a text that breaks a line between digits needs it; most do not.)
        *self
            .wrap
            .get_or_init(|| crate::number::breaks_lines_between_digits(self.text).then(|| crate::number::wrap_width(self.text)).flatten())
    }

    /// The scan, once: Hong Kong, Macau and Taiwan texts group thousands with a space
    /// (`7 215家`), which the scan reads only in their texts; hard-wrapped texts break lines
    /// inside numbers.
    fn scanned(&self) -> &Scanned {
        self.numbers.get_or_init(|| {
            let options = crate::number::ScanOptions {
                space_groups: self.region().is_some(),
                wrap: self.wrap_width(),
                letter_spaced: crate::number::spaces_its_digits(self.text),
            };
            let (numbers, problems) = crate::number::scan_with(self.text, options);
            let (whole, cut) = numbers.into_iter().partition(|m| m.whole);
            Scanned { whole, cut, problems }
        })
    }

    /// The region outside the mainland the document is written in, with the reason, decided
    /// once ([`crate::gazetteer::region::read`]); `None` for the mainland.
    pub fn region(&self) -> Option<(Region, &str)> {
        self.region_reading().region.as_ref().map(|(r, why)| (*r, why.as_str()))
    }

    /// Everything the document's signal words say of its region: the decision, the region it
    /// leans to, and why the decision is uncertain, when it is.
    pub fn region_reading(&self) -> &crate::gazetteer::region::Reading {
        self.region.get_or_init(|| crate::gazetteer::region::read(self.text, crate::normalize::script::detect(self.original)))
    }
}

/// The number scan of a text, shared by the recognizers.
struct Scanned {
    /// Numbers read whole.
    whole: Vec<NumberMention>,
    /// Numbers read only in part.
    cut: Vec<NumberMention>,
    /// Numbers that could not be represented.
    problems: Vec<NumberProblem>,
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
    /// Spans claimed by facts, which later recognizers leave alone: start → end (the largest
    /// end of the spans starting there). A map, not a sorted vector: facts are claimed out of
    /// text order (one recognizer after another), and inserting into a vector took time
    /// quadratic in the number of facts.
    claimed: std::collections::BTreeMap<usize, usize>,
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
        if span.start >= span.end {
            return self.is_claimed_at_the_first_span_after(span);
        }
        // The last claimed span that starts before `span` ends: if it starts inside `span`, or
        // is still open where `span` starts, they overlap; otherwise no claimed span starts
        // inside `span` and the one containing its start is this one. One search of the map
        // instead of two.
        self.claimed.range(..span.end).next_back().is_some_and(|(&start, &end)| start > span.start || end > span.start)
    }

    /// `is_claimed` by its first claimed span (in text order) that ends after `span` starts:
    /// the one containing its start, or else the next one.
    fn is_claimed_at_the_first_span_after(&self, span: &Range<usize>) -> bool {
        let containing = self.claimed.range(..=span.start).next_back().filter(|&(_, &end)| end > span.start);
        let first = containing.or_else(|| self.claimed.range(span.start + 1..).next());
        first.is_some_and(|(&start, _)| start < span.end)
    }

    /// Add a fact and claim its span.
    pub fn push(&mut self, candidate: Candidate) {
        self.claim(candidate.span.clone());
        self.candidates.push(candidate);
    }

    /// Report no fact at `span` (normalized offsets) because its number could not be read whole:
    /// claim it, so that no later recognizer reads part of it, and say so in a warning naming
    /// the span and its text in the original.
    pub fn refuse(&mut self, ctx: &Context<'_>, span: Range<usize>, why: &str) {
        if self.is_claimed(&span) {
            return;
        }
        let original = ctx.map.to_original(span.clone());
        let written = ctx.original.get(original.clone()).unwrap_or_default();
        self.warnings.push(format!("bytes {}..{} ({written:?}): not reported: {why}", original.start, original.end));
        self.claim(span);
    }

    /// Claim a span without reporting a fact (a phrase that is no fact but whose numbers must
    /// not be read by later recognizers, such as `去年同期`).
    pub fn claim(&mut self, span: Range<usize>) {
        let end = self.claimed.entry(span.start).or_insert(span.end);
        *end = (*end).max(span.end);
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
    &[&time::Time, &percent::Percent, &money::Money, &quantity::Quantity, &count::Count, &Unread, &place::Place]
}

/// Reports no fact and warns where a number read only in part ([`NumberMention::whole`]) stands
/// before a unit, a currency or a classifier, or after a currency: where a figure with part of
/// its value dropped would otherwise have been (`伍佰X拾亿元`, `5万12345人`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Unread;

impl Recognizer for Unread {
    fn name(&self) -> &'static str {
        "unread"
    }

    fn recognize(&self, ctx: &Context<'_>, found: &mut Found) {
        let text = ctx.text;
        // The run around a number is the longest stretch of numeral characters holding it: the
        // numbers inside a run already read (`十十十…`, many numbers in one run) share it, and
        // reading it again for each would take time quadratic in its length.
        let mut last: Option<std::ops::Range<usize>> = None;
        for m in ctx.numbers_not_read_whole() {
            if last.as_ref().is_some_and(|r| r.start <= m.span.start && m.span.end <= r.end) {
                continue;
            }
            let run = crate::number::numeral_run(text, &m.span);
            last = Some(run.clone());
            let after = skip_spaces(text, run.end);
            if unit_follows(text, run.start, after) {
                found.refuse(ctx, run, "the number is written in a way that cannot be read whole");
            }
        }
    }
}

/// Whether what is written at `after` makes the number that starts at `start` a figure: a
/// currency (or one written before `start`), a percent sign, a unit of quantity or a classifier.
fn unit_follows(text: &str, start: usize, after: usize) -> bool {
    money::unit_at(text, start, after) || percent::unit_at(text, after) || quantity::unit_at(text, after) || count::unit_at(text, after)
}

/// A fixed word list matched at a position, longest word first (aho-corasick, anchored,
/// leftmost-longest), built once per process.
pub struct Lexicon<T: 'static> {
    automaton: aho_corasick::AhoCorasick,
    values: &'static [(&'static str, T)],
}

impl<T: 'static> Lexicon<T> {
    /// A lexicon of `(word, value)` pairs.
    pub fn new(values: &'static [(&'static str, T)]) -> Self {
        let automaton = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .start_kind(aho_corasick::StartKind::Anchored)
            .build(values.iter().map(|(w, _)| w))
            .expect("lexicon words build an automaton");
        Lexicon { automaton, values }
    }

    /// The longest word starting exactly at `pos`: the word, its value and where it ends.
    pub fn at(&self, text: &str, pos: usize) -> Option<(&'static str, &'static T, usize)> {
        if pos > text.len() {
            return None;
        }
        let input = aho_corasick::Input::new(text).range(pos..).anchored(aho_corasick::Anchored::Yes);
        let m = self.automaton.find(input)?;
        let (w, v) = &self.values[m.pattern().as_usize()];
        Some((w, v, m.end()))
    }
}

/// `pos` moved past at most two ASCII spaces (scraped text puts spaces between a number and
/// its unit: `177.1 亿元`).
pub fn skip_spaces(text: &str, pos: usize) -> usize {
    let b = text.as_bytes();
    let mut p = pos;
    while p < b.len() && p < pos + 2 && b[p] == b' ' {
        p += 1;
    }
    p
}

/// The qualifier written around a fact: inside the number (`160多`), before it (`约`, `超过`) or
/// after its unit (`以上`, `左右`, also after `(含)`). Returns the qualifier and whether it came
/// from an `以上`-style word after the unit (such a word may apply to a whole list).
pub fn qualifier_around(text: &str, m: &NumberMention, unit_end: usize) -> (Option<crate::Qualifier>, bool) {
    if let Some(q) = m.qualifier {
        return (Some(q), false);
    }
    if let Some((q, _)) = crate::number::prefix_qualifier(text, m.span.start) {
        return (Some(q), false);
    }
    let after = if text[unit_end..].starts_with("(含)") { unit_end + "(含)".len() } else { unit_end };
    match crate::number::suffix_qualifier(text, after) {
        Some((q, _)) => (Some(q), true),
        None => (None, false),
    }
}

/// Join facts written as `X至Y` with the unit on both sides (`5亿元至10亿元`, `5%-8%`) into one
/// range: the candidates at `i` and `i + 1` in `list` become one when only a range connector
/// separates them, `same` says they measure the same thing, and the first is the smaller.
pub fn merge_ranges<T>(
    text: &str,
    list: &mut Vec<(Range<usize>, T)>,
    same: impl Fn(&T, &T) -> bool,
    value: impl Fn(&T) -> (rust_decimal::Decimal, Option<rust_decimal::Decimal>),
    set_max: impl Fn(&mut T, rust_decimal::Decimal),
) {
    let mut i = 0;
    while i + 1 < list.len() {
        let between = text.get(list[i].0.end..list[i + 1].0.start).unwrap_or("x");
        let joined = matches!(between, "至" | "到" | "-" | "--" | "~" | "～" | "—" | "——" | "–" | "〜");
        let (a, a_max) = value(&list[i].1);
        let (b, b_max) = value(&list[i + 1].1);
        if joined && a_max.is_none() && b_max.is_none() && a < b && same(&list[i].1, &list[i + 1].1) {
            let (span, _) = list.remove(i + 1);
            list[i].0.end = span.end;
            set_max(&mut list[i].1, b);
        }
        i += 1;
    }
}

/// For each number, the index of the number that ends the list it is a bare item of, when it
/// is one: items separated by `、` (the last also by 和, 与, 及 or 或), all in digits or all in
/// Chinese numerals, the last one followed by what they all measure (`800、900、1000、1100亿斤`,
/// `120、110、95、58与47间`). Each recognizer reads its own unit after that last item, and
/// an item without a scale of its own takes the last one's (`1100亿`: 800亿斤). (The items of
/// a list of ordinals, `第2、3、4项`, are no numbers for the scan.)
pub fn list_ends(text: &str, numbers: &[NumberMention]) -> Vec<Option<usize>> {
    let mut out = vec![None; numbers.len()];
    for i in (0..numbers.len().saturating_sub(1)).rev() {
        let (m, next) = (&numbers[i], &numbers[i + 1]);
        let between = text.get(m.span.end..next.span.start).unwrap_or("x");
        let last = out[i + 1].is_none();
        let separated = between == "、" || (last && matches!(between, "和" | "与" | "及" | "或" | "、和"));
        if separated && m.arabic == next.arabic && m.max.is_none() && (!last || next_unit_follows(text, next)) {
            out[i] = Some(out[i + 1].unwrap_or(i + 1));
        }
    }
    out
}

/// The list number `i` is a bare item of ([`list_ends`]): its last item, whose unit it shares,
/// and the scale it takes from that item (one when it writes a scale of its own).
pub fn listed<'n>(text: &str, numbers: &'n [NumberMention], ends: &[Option<usize>], i: usize) -> Option<(&'n NumberMention, Decimal)> {
    let last = &numbers[ends[i]?];
    Some((last, if numbers[i].scaled { Decimal::ONE } else { last.scale(text) }))
}

/// Whether something other than a list separator or the end of the clause follows a number.
fn next_unit_follows(text: &str, m: &NumberMention) -> bool {
    let at = skip_spaces(text, m.span.end);
    text[at..].chars().next().is_some_and(|c| !matches!(c, '、' | ',' | '。' | ';' | ':' | '\n' | ')' | '(' | '和' | '与' | '及' | '或'))
}

/// Spread an `以上`/`以下` written after the last item of a list (`投资1亿元、5亿元和10亿元以上`)
/// to the earlier items: `flags[i]` says the qualifier of item `i` came from such a word.
pub fn spread_list_qualifier<T>(
    text: &str,
    list: &mut [(Range<usize>, T)],
    flags: &[bool],
    get: impl Fn(&T) -> Option<crate::Qualifier>,
    set: impl Fn(&mut T, crate::Qualifier),
) {
    for i in (1..list.len()).rev() {
        let Some(q) = get(&list[i].1) else { continue };
        if !flags[i] {
            continue;
        }
        let mut j = i;
        while j > 0 {
            let between = text.get(list[j - 1].0.end..list[j].0.start).unwrap_or("x");
            if !matches!(between, "、" | "和" | "及" | "与" | "或" | "," | "、和") || get(&list[j - 1].1).is_some() {
                break;
            }
            set(&mut list[j - 1].1, q);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_number_not_read_whole_is_no_fact_and_a_warning_names_it() {
        // (Traditional script: the warning quotes the original and gives its bytes.)
        let text = "本季新增就業5萬12345人,買菜兩塊五一斤。";
        let doc = crate::extract(text);
        assert!(doc.facts.iter().all(|f| !f.is_figure()), "{:?}", doc.facts);
        for written in ["5萬12345", "兩塊"] {
            let at = text.find(written).expect("in the text");
            let name = format!("bytes {}..{} ({written:?}): not reported", at, at + written.len());
            assert!(doc.warnings.iter().any(|w| w.starts_with(&name)), "{name} in {:?}", doc.warnings);
        }
    }

    proptest! {
        #[test]
        fn claims_are_looked_up_as_by_the_first_span_after(
            claims in proptest::collection::vec((0usize..60, 0usize..8), 0..12),
            query in (0usize..64, 0usize..10),
        ) {
            let mut found = Found::new(None);
            for (start, len) in claims {
                found.claim(start..start + len);
            }
            let span = query.0..query.0 + query.1;
            prop_assert_eq!(found.is_claimed(&span), found.is_claimed_at_the_first_span_after(&span));
        }
    }
}
