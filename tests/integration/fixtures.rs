//! The project's own bulletins (`fixtures/`), read end to end.
//!
//! - `fixtures/NAME.json` is the expected output for `fixtures/NAME.txt` (or `.html`), the
//!   document as the library returns it: the regression net for every change. After a change
//!   that is meant to alter output, rewrite them with `GONGBAO_BLESS=1 cargo test --test
//!   integration fixtures::` and review the diff.
//! - `fixtures/NAME.gold` are hand-checked answers (the format of `../shared/eval/gold`, see
//!   `fixtures/README.md`); `gold.rs` scores the output against them.

use std::path::Path;

use crate::common::{differs_from_expected, documents, extract};

#[test]
fn output_matches_expected_json() {
    let mut mismatches = Vec::new();
    for path in documents() {
        let (_, doc) = extract(&path);
        let got = serde_json::to_string_pretty(&doc).expect("serializes") + "\n";
        mismatches.extend(differs_from_expected(&got, &path.with_extension("json")).map(|d| format!("{}: {d}", path.display())));
    }
    assert!(mismatches.is_empty(), "{}\n(rewrite with GONGBAO_BLESS=1 after reviewing)", mismatches.join("\n"));
}

#[test]
fn spans_slice_the_original() {
    for path in documents() {
        let (text, doc) = extract(&path);
        assert!(!doc.facts.is_empty(), "{}: no facts", path.display());
        let mut last = 0;
        for f in &doc.facts {
            assert_eq!(text.get(f.span.range()), Some(f.text.as_str()), "{}: {f:?}", path.display());
            assert!(f.span.start >= last, "{}: facts out of order at {f:?}", path.display());
            last = f.span.start;
        }
    }
}

#[test]
fn traditional_fixture_is_normalized_to_simplified_without_pinyin() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/press_traditional.txt");
    let text = std::fs::read_to_string(path).expect("fixture");
    let n = gongbao::Extractor::new().normalize(&text);
    assert_eq!(n.script, gongbao::Script::Traditional);
    // No tone-marked pinyin syllable survives, and no traditional-only character either.
    let toned = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ";
    assert!(!n.text.chars().any(|c| toned.contains(c)), "pinyin left in the normalized text");
    let again = gongbao::normalize::script::count(&n.text);
    assert_eq!(again.traditional, 0, "traditional characters left in the normalized text");
    // Parentheses that are not pinyin stay.
    assert!(n.text.contains("(一)"));
}
