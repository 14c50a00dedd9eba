//! `parse_count`: no panic; values exact, ranges ordered; `<digits>个` reads as the digits.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    if let Ok(c) = gongbao::parse_count(&s) {
        gongbao_fuzz::range(c.value, c.max);
        assert!(!c.classifier.is_empty(), "a count has a classifier");
    }
    if let Some(d) = gongbao_fuzz::plain_digits(data) {
        gongbao_fuzz::digits_round_trip(&d);
    }
});
