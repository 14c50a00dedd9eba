//! `parse_time`: no panic, with or without a reference date (any year from 1 to 9999); a
//! range never ends before it starts.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((head, rest)) = data.split_first_chunk::<3>() else { return };
    let s = String::from_utf8_lossy(rest);
    let year = 1 + i16::from_le_bytes([head[0], head[1]]).rem_euclid(9999);
    let reference = jiff::civil::Date::new(year, 1 + (head[2] % 12) as i8, 1 + (head[2] / 12 % 28) as i8).ok();
    for r in [None, reference] {
        if let Ok(t) = gongbao::parse_time(&s, r) {
            gongbao_fuzz::value(&gongbao::Value::Time(t));
        }
    }
});
