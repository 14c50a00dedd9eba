//! `parse_quantity`: no panic; values exact, ranges ordered; `<digits>平方公里` reads as the digits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    if let Ok(q) = gongbao::parse_quantity(&s) {
        gongbao_fuzz::range(q.value, q.max);
        assert!(!q.unit.is_empty(), "a quantity has a unit");
    }
    if let Some(d) = gongbao_fuzz::plain_digits(data) {
        let q = gongbao::parse_quantity(&format!("{d}平方公里")).unwrap_or_else(|e| panic!("{d}平方公里: {e}"));
        assert_eq!((q.value, q.unit.as_str()), (d.parse::<Decimal>().unwrap(), "平方公里"));
    }
});
