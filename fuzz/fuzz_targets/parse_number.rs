//! `parse_number`: no panic; values exact, ranges ordered; digit strings read as themselves.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    if let Ok(n) = gongbao::parse_number(&s) {
        gongbao_fuzz::range(n.value, n.max);
        assert_eq!(s.parse::<gongbao::Number>().ok(), Some(n), "FromStr agrees");
    }
    if !s.is_empty() && s.len() <= 28 && s.bytes().all(|b| b.is_ascii_digit()) {
        let n = gongbao::parse_number(&s).unwrap_or_else(|e| panic!("{s}: {e}"));
        assert_eq!(n.value, s.parse::<Decimal>().unwrap(), "digits read as themselves");
    }
});
