//! A large document read section by section, so that its facts are never all held at once.
//!
//! A text longer than [`SECTION_BYTES`] is cut at line breaks (paragraph breaks first) into
//! sections of at most about that size; each is normalized, read and linked on its own, its
//! facts' spans and indices shifted by the bytes and facts before it, and handed on before the
//! next is read. What belongs to the whole document is decided by the first section, which is
//! where a document says it (DESIGN.md, "Sections"): the metadata, the reference date (the
//! caller's, the first section's own date, or the year its text implies: later sections are
//! read against it), and the home area (later sections' figures are about it). The script is
//! counted over the whole text, a scan with no copy.

use crate::fact::{Fact, HomeArea, Reference};
use crate::{Date, Document, Extractor, Meta, ReferenceFrom, SECTION_BYTES, Script, normalize};

/// What a document says about itself and how it was read: a [`Document`] but its facts and
/// warnings, known once the first section is read (before any fact is handed on).
#[derive(Debug, Clone, PartialEq)]
pub struct Head {
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
}

/// One document's sections, read one at a time: an iterator over each section's facts, in
/// order, with spans into the whole text and indices into the whole document's facts. Made by
/// [`Extractor::sections`]; [`Sections::head`] is known from the start, [`Sections::warnings`]
/// once every section is read.
#[derive(Debug)]
pub struct Sections<'e, 't> {
    extractor: &'e Extractor,
    text: &'t str,
    /// The section size.
    size: usize,
    head: Head,
    /// What later sections resolve relative time against: the first section's reference, as
    /// it was read (the year a given year names is `Text` there, as in a whole document).
    reference: Option<Reference>,
    /// The first section's facts, read to know the head, until they are handed on.
    first: Option<Vec<Fact>>,
    /// Where the next section starts (the text's length when none is left).
    next: usize,
    /// How many facts the sections handed on so far hold.
    facts_before: usize,
    warnings: Vec<String>,
}

/// The warning of a document with nothing in it.
const EMPTY: &str = "the document is empty";

impl<'e, 't> Sections<'e, 't> {
    /// Read the first section of `text`. `given_year`: the reference is a year the caller gave
    /// (as a `Text` reference), which the head says came from the argument.
    pub(crate) fn new(extractor: &'e Extractor, text: &'t str, reference: Option<Reference>, given_year: bool) -> Self {
        let size = extractor.section_bytes.unwrap_or(SECTION_BYTES);
        let end = section_end(text, 0, size);
        let whole = end == text.len();
        let part = &text[..end];
        let doc = extractor.read_section(part, extractor.normalizer.normalize(part), reference, None);
        let Document { reference_date, reference_from, script, meta, home_area, facts, warnings } = doc;
        let resolved = reference_date.zip(reference_from).map(|(date, from)| Reference { date, from });
        let mut head = Head {
            reference_date,
            reference_from,
            // (Normalization before the conversion, which the count of a whole document reads,
            // strips pinyin and folds widths: neither touches a Han character.)
            script: if whole { script } else { normalize::script::count(text).script() },
            meta,
            home_area,
        };
        if given_year {
            year_given(reference, &mut head.reference_from, head.reference_date);
        }
        let mut sections = Sections {
            extractor,
            text,
            size,
            head,
            reference: resolved,
            first: Some(facts),
            next: end,
            facts_before: 0,
            warnings: Vec::new(),
        };
        if !whole && text.trim().is_empty() {
            sections.warnings.push(EMPTY.to_owned());
        }
        sections.add_warnings(warnings, 0, whole);
        sections
    }

    /// The document's head.
    pub fn head(&self) -> &Head {
        &self.head
    }

    /// The warnings of the sections read so far (all of the document's once the iterator is
    /// done): byte offsets in them count from the start of the whole text.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Read every section left and put the document together, as [`Extractor::extract`] gives
    /// it.
    pub fn into_document(mut self) -> Document {
        let mut facts = Vec::new();
        for section in self.by_ref() {
            if facts.is_empty() {
                facts = section;
            } else {
                facts.extend(section);
            }
        }
        let Head { reference_date, reference_from, script, meta, home_area } = self.head;
        Document { reference_date, reference_from, script, meta, home_area, facts, warnings: self.warnings }
    }

    /// Keep a section's warnings, their byte offsets shifted by `base`. A warning about the
    /// document as a whole (one naming no bytes: the year inferred from little, the region
    /// uncertain) is kept once, however many sections say it.
    fn add_warnings(&mut self, warnings: Vec<String>, base: usize, whole: bool) {
        for w in warnings {
            if w.starts_with("bytes ") {
                self.warnings.push(shift_warning(w, base));
            } else if whole || w != EMPTY && !self.warnings.contains(&w) {
                self.warnings.push(w);
            }
        }
    }
}

impl Iterator for Sections<'_, '_> {
    type Item = Vec<Fact>;

    /// The next section's facts.
    fn next(&mut self) -> Option<Vec<Fact>> {
        if let Some(first) = self.first.take() {
            self.facts_before = first.len();
            return Some(first);
        }
        if self.next >= self.text.len() {
            return None;
        }
        let start = self.next;
        let end = section_end(self.text, start, self.size);
        let part = &self.text[start..end];
        let extractor = self.extractor;
        let doc = extractor.read_section(part, extractor.normalizer.normalize(part), self.reference, Some(self.head.home_area.clone()));
        self.next = end;
        let mut facts = doc.facts;
        shift(&mut facts, start, self.facts_before);
        self.facts_before += facts.len();
        self.add_warnings(doc.warnings, start, false);
        Some(facts)
    }
}

/// A document read against a year the caller gave (`given`, a `Text` reference) says the
/// year came from the argument when it resolved against it.
pub(crate) fn year_given(given: Option<Reference>, from: &mut Option<ReferenceFrom>, date: Option<Date>) {
    if given.is_some_and(|r| Some(r.date) == date) && *from == Some(ReferenceFrom::Text) {
        *from = Some(ReferenceFrom::Argument);
    }
}

/// Where the section that starts at `start` ends: the whole rest when it is `size` bytes or
/// less; else after the last line break of its second half that ends a paragraph (after a
/// blank line or a sentence's end), else after its last line break, else (one long line) after
/// its last sentence end (`。！？；`), else after the line, kept whole. A figure never spans a
/// paragraph or sentence end; a hard-wrapped line break, the third choice, is the only cut a
/// figure could span.
pub(crate) fn section_end(text: &str, start: usize, size: usize) -> usize {
    if text.len() - start <= size {
        return text.len();
    }
    let limit = floor_char_boundary(text, start + size);
    let low = floor_char_boundary(text, start + size / 2).max(start);
    let bytes = text.as_bytes();
    let ends_sentence = |c: char| matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';');
    let mut last_break = None;
    for i in memchr::memrchr_iter(b'\n', &bytes[low..limit]).map(|i| low + i) {
        last_break.get_or_insert(i + 1);
        let line = text[start..i].trim_end_matches(['\r', ' ', '\t', '\u{3000}']);
        if line.ends_with('\n') || line.ends_with(ends_sentence) {
            return i + 1;
        }
    }
    if let Some(end) = last_break {
        return end;
    }
    if let Some((i, c)) = text[low..limit].char_indices().rev().find(|&(_, c)| ends_sentence(c)) {
        return low + i + c.len_utf8();
    }
    let rest = &text[limit..];
    rest.find(['\n', '。', '！', '？', '；']).map_or(text.len(), |i| limit + i + rest[i..].chars().next().map_or(0, char::len_utf8))
}

/// The last character boundary at or before `at` (`str::floor_char_boundary`, newer than the
/// crate's MSRV).
fn floor_char_boundary(text: &str, at: usize) -> usize {
    (0..=at.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0)
}

/// Shift a section's facts into the whole document: spans by the `bytes` before the section,
/// indices by the `facts` before it.
fn shift(section: &mut [Fact], bytes: usize, facts: usize) {
    let span = |s: &mut crate::Span| {
        s.start += bytes;
        s.end += bytes;
    };
    for fact in section {
        span(&mut fact.span);
        if let Some(i) = &mut fact.duplicate_of {
            *i += facts;
        }
        let Some(r) = fact.record.as_deref_mut() else { continue };
        if let Some(s) = r.indicator.as_mut().and_then(|i| i.span.as_mut()) {
            span(s);
        }
        let from =
            [r.period.as_mut().map(|p| &mut p.from), r.compared_with.as_mut().map(|p| &mut p.from), r.area.as_mut().map(|a| &mut a.from)];
        for i in from.into_iter().flatten().chain([&mut r.of, &mut r.part_of]).flatten() {
            *i += facts;
        }
    }
}

/// A warning that opens with the bytes it is about (`bytes 10..16: ...`), those bytes shifted by
/// `base`; any other warning as it is.
fn shift_warning(warning: String, base: usize) -> String {
    if base == 0 {
        return warning;
    }
    let shifted = (|| {
        let (start, rest) = warning.strip_prefix("bytes ")?.split_once("..")?;
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let (end, rest) = rest.split_at(digits);
        Some(format!("bytes {}..{}{rest}", start.parse::<usize>().ok()? + base, end.parse::<usize>().ok()? + base))
    })();
    shifted.unwrap_or(warning)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_end_at_paragraphs_then_lines_then_sentences() {
        // (text, section size, where the first section ends)
        let cases = [
            ("短文本", 100, "短文本".len()),
            // A paragraph's end (after 。) before a later plain line break.
            ("一二三四五。\n六七八九\n十一二三四五六七八九十", 30, "一二三四五。\n".len()),
            ("一二三四五\n\n六七八九\n十一二三四五六七八九十", 30, "一二三四五\n\n".len()),
            // No paragraph's end in the second half: the last line break.
            ("一二三四五\n六七八九\n十一二三四五六七八九十", 30, "一二三四五\n六七八九\n".len()),
            // One long line: its last sentence end in the second half.
            ("一二三四五。六七八九。十一二三四五六七八九十", 30, "一二三四五。".len()),
            // Nothing to cut at: the line whole, to its first sentence end.
            ("一二三四五六七八九十一二三四五六七八九十。后", 30, "一二三四五六七八九十一二三四五六七八九十。".len()),
            ("一二三四五六七八九十一二三四五六七八九十", 30, "一二三四五六七八九十一二三四五六七八九十".len()),
        ];
        for (text, size, end) in cases {
            assert_eq!(section_end(text, 0, size), end, "{text}");
        }
    }

    #[test]
    fn warnings_about_bytes_are_shifted() {
        assert_eq!(shift_warning("bytes 3..9 (\"52\"): not reported".into(), 100), "bytes 103..109 (\"52\"): not reported");
        assert_eq!(shift_warning("bytes 3..9: the parts".into(), 10), "bytes 13..19: the parts");
        assert_eq!(shift_warning("the document's year".into(), 10), "the document's year");
    }
}
