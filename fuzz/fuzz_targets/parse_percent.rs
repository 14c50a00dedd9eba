//! `parse_percent`: no panic; values exact, ranges ordered; `<digits>%` reads as the digits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    if let Ok(p) = gongbao::parse_percent(&s) {
        gongbao_fuzz::range(p.value, p.max);
    }
    if let Some(d) = gongbao_fuzz::plain_digits(data) {
        let p = gongbao::parse_percent(&format!("{d}%")).unwrap_or_else(|e| panic!("{d}%: {e}"));
        assert_eq!((p.value, p.unit), (d.parse::<Decimal>().unwrap(), gongbao::PercentUnit::Percent));
    }
});
