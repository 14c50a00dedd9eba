//! The whole number or nothing: a number written in one of the styles of `numerals` (chosen by
//! the fuzzer's bytes), in a sentence with a unit, is reported with exactly its value or not at
//! all; and the document keeps every invariant.
#![no_main]

use gongbao_fuzz::numerals::{Bytes, Outcome, case, judge};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let case = case(&mut Bytes(data));
    let doc = gongbao::extract(&case.text);
    gongbao_fuzz::document(&case.text, &doc);
    let facts: Vec<String> = doc.facts.iter().map(|f| format!("{}={:?}", f.text, f.value)).collect();
    assert_ne!(judge(&case, &doc, 0), Outcome::Wrong, "{:?} written for {}: {facts:?}", case.text, case.value);
});
