//! The invariants every input must keep, checked by the fuzz targets (`fuzz/fuzz_targets/`) and
//! by the property tests (`tests/integration/main.rs` includes this file). A broken invariant panics
//! with a message saying which one.
//!
//! - extraction never panics;
//! - every fact's span lies on character boundaries of the original, inside it, is not empty,
//!   and slicing the original with it gives the fact's `text`;
//! - facts are sorted by span start; `duplicate_of` points to an earlier fact of the same kind;
//! - numbers are exact: every value printed and parsed back (as a `Decimal`, and through
//!   `parse_number`) is equal; a range's `max` is above its `value`;
//! - a document survives JSON: serialized and read back, it is equal;
//! - the offset map of a normalized text is monotone and lands on character boundaries.

#![allow(dead_code)]

pub mod numerals;

use std::str::FromStr;

use gongbao::normalize::OffsetMap;
use gongbao::{Document, Fact, Value};
use rust_decimal::Decimal;

/// Check a document extracted from `original` (plain text or an HTML source).
pub fn document(original: &str, doc: &Document) {
    facts(original, &doc.facts);
    if let Some(j) = doc.home_area.as_ref().and_then(|h| h.from) {
        assert!(doc.facts.get(j).is_some_and(|p| p.kind() == gongbao::Kind::Place), "home_area from {j} is not a place");
    }
    if let (Some(s), Some(e)) = (doc.meta.published, doc.reference_date) {
        // Both are real calendar dates; nothing to compare, only that they exist.
        let _ = (s, e);
    }
    let json = serde_json::to_string(doc).expect("a document serializes");
    let back: Document = serde_json::from_str(&json).unwrap_or_else(|e| panic!("a document reads back from its JSON: {e}\n{json}"));
    assert_eq!(&back, doc, "a document survives JSON");
}

/// Check facts against the text their spans point into.
pub fn facts(original: &str, facts: &[Fact]) {
    for (i, f) in facts.iter().enumerate() {
        let (s, e) = (f.span.start, f.span.end);
        assert!(s < e && e <= original.len(), "fact {i} span {s}..{e} outside 0..{} or empty", original.len());
        assert!(original.is_char_boundary(s) && original.is_char_boundary(e), "fact {i} span {s}..{e} not on char boundaries");
        assert_eq!(&original[s..e], f.text, "fact {i} text is not the slice of its span");
        if i > 0 {
            assert!(facts[i - 1].span.start <= s, "facts not sorted by span start at {i}");
        }
        if let Some(j) = f.duplicate_of {
            assert!(j < i && facts[j].kind() == f.kind(), "fact {i} duplicate_of {j} is not an earlier fact of its kind");
        }
        value(&f.value);
        record(original, facts, i);
    }
}

/// Check a fact's record: figures have one, times and places none; every index is in range and
/// points at a fact of the right kind; an indicator's span slices the original.
pub fn record(original: &str, facts: &[Fact], i: usize) {
    let f = &facts[i];
    assert_eq!(f.record.is_some(), f.is_figure(), "fact {i}: a record exactly on figures");
    let Some(r) = &f.record else { return };
    for j in [r.of, r.part_of].into_iter().flatten() {
        assert!(j != i && facts.get(j).is_some_and(Fact::is_figure), "fact {i}: of/part_of {j} is not another figure");
    }
    for j in [r.period.as_ref().and_then(|p| p.from), r.compared_with.as_ref().and_then(|p| p.from)].into_iter().flatten() {
        assert!(facts.get(j).is_some_and(|t| t.kind() == gongbao::Kind::Time), "fact {i}: period from {j} is not a time");
    }
    if let Some(j) = r.area.as_ref().and_then(|a| a.from) {
        assert!(facts.get(j).is_some_and(|p| p.kind() == gongbao::Kind::Place), "fact {i}: area from {j} is not a place");
    }
    if let Some(span) = r.indicator.as_ref().and_then(|ind| ind.span) {
        assert!(
            span.start < span.end && original.get(span.range()).is_some(),
            "fact {i}: indicator span {span:?} does not slice the original"
        );
    }
}

/// Check the numbers inside a value.
pub fn value(v: &Value) {
    match v {
        Value::Money(m) => range(m.value, m.max),
        Value::Count(c) => range(c.value, c.max),
        Value::Percent(p) => range(p.value, p.max),
        Value::Quantity(q) => range(q.value, q.max),
        Value::Time(t) => {
            if let (Some(a), Some(b)) = (t.start.and_then(|d| d.to_date()), t.end.and_then(|d| d.to_date())) {
                assert!(a <= b, "time range starts {a} after it ends {b}");
            }
        }
        Value::Place(p) => {
            if let Some(code) = &p.code {
                assert!(code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()), "place code {code:?} is not 6 digits");
            }
        }
        _ => {}
    }
}

/// A value and its optional upper bound: each exact, the bound above the value.
pub fn range(value: Decimal, max: Option<Decimal>) {
    exact(value);
    if let Some(m) = max {
        exact(m);
        assert!(m > value, "range max {m} is not above its value {value}");
    }
}

/// A decimal printed and parsed back is equal, as a `Decimal` and through `parse_number`.
pub fn exact(d: Decimal) {
    let printed = d.to_string();
    assert_eq!(Decimal::from_str_exact(&printed).ok(), Some(d), "{printed} does not parse back exactly");
    if d.is_sign_positive() {
        match gongbao::parse_number(&printed) {
            Ok(n) => assert_eq!((n.value, n.max), (d, None), "parse_number({printed:?})"),
            Err(e) => panic!("parse_number({printed:?}) fails on a printed value: {e}"),
        }
    }
}

/// Check an offset map from a normalized text back to its original: every character boundary of
/// the normalized text maps to a character boundary of the original, monotonically; each
/// character's span maps inside the original. With `total`, no character of the normalized text
/// maps to nothing (plain-text normalization deletes and replaces, never inserts).
pub fn offset_map(original: &str, normalized: &str, map: &OffsetMap, total: bool) {
    let mut last_start = 0;
    let mut last_end = 0;
    for (i, c) in normalized.char_indices() {
        let o = map.offset_to_original(i);
        assert!(o <= original.len() && original.is_char_boundary(o), "offset {i} maps to {o}, not a char boundary of the original");
        assert!(o >= last_start, "offset map not monotone at {i}: {o} < {last_start}");
        let r = map.to_original(i..i + c.len_utf8());
        assert!(r.start <= r.end && r.end <= original.len(), "char at {i} maps to {r:?}, outside the original");
        assert!(
            original.is_char_boundary(r.start) && original.is_char_boundary(r.end),
            "char at {i} maps to {r:?}, not on char boundaries"
        );
        assert_eq!(r.start, o, "span start and offset disagree at {i}");
        assert!(r.end >= last_end, "span ends not monotone at {i}");
        if total {
            assert!(r.start < r.end, "char {c:?} at {i} maps to nothing");
        }
        last_start = o;
        last_end = r.end;
    }
    let all = map.to_original(0..normalized.len());
    assert!(all.end <= original.len() && original.is_char_boundary(all.start) && original.is_char_boundary(all.end));
    let end = map.offset_to_original(normalized.len());
    assert!(end <= original.len() && original.is_char_boundary(end), "the end maps to {end}");
}

/// Digits-only money and counts read back as the number written.
pub fn digits_round_trip(digits: &str) {
    let expected = Decimal::from_str(digits).expect("digits");
    let money = gongbao::parse_money(&format!("{digits}元")).unwrap_or_else(|e| panic!("{digits}元: {e}"));
    assert_eq!((money.value, money.currency.as_str()), (expected, "CNY"), "{digits}元");
    let count = gongbao::parse_count(&format!("{digits}个")).unwrap_or_else(|e| panic!("{digits}个: {e}"));
    assert_eq!((count.value, count.classifier.as_str()), (expected, "个"), "{digits}个");
}

/// Digits a money or count round trip applies to: 1 to 6 of them, no leading zero (longer runs
/// may be phone numbers, IDs or dates, which are not figures).
pub fn plain_digits(bytes: &[u8]) -> Option<String> {
    let d: String = bytes.iter().take(6).map(|b| char::from(b'0' + b % 10)).collect();
    (!d.is_empty() && !d.starts_with('0')).then_some(d)
}
