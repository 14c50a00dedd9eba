//! `places` and the gazetteer lookups: no panic; place facts keep the span invariants; every
//! entry a name finds is the entry its code finds.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let facts = gongbao::places(&s);
    gongbao_fuzz::facts(&s, &facts);
    for e in gongbao::gazetteer::lookup(&s) {
        if let Some(code) = e.code {
            assert_eq!(gongbao::gazetteer::by_code(code).map(|x| x.name), Some(e.name), "lookup and by_code agree on {code}");
        }
    }
    let _ = gongbao::gazetteer::by_code(&s);
});
