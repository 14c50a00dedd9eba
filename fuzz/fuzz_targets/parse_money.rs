//! `parse_money`: no panic; values exact, ranges ordered; `<digits>元` reads as the digits.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    if let Ok(m) = gongbao::parse_money(&s) {
        gongbao_fuzz::range(m.value, m.max);
        assert!(m.currency.len() == 3 && m.currency.bytes().all(|b| b.is_ascii_uppercase()), "currency {:?}", m.currency);
    }
    if let Some(d) = gongbao_fuzz::plain_digits(data) {
        gongbao_fuzz::digits_round_trip(&d);
    }
});
