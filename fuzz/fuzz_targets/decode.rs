//! Bytes → text → facts, as the binary reads a file: decoding never panics, a decoded text
//! has no NUL, valid UTF-8 is kept as it is, and the facts of the decoded text keep every
//! invariant.
#![no_main]

use gongbao::decode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let plain = decode::document(data, Some(false));
    if let Ok(d) = &plain {
        assert!(!d.decoded.text.contains('\0'), "decoded text with NUL");
        assert!(!d.html);
    }
    if let Ok(s) = std::str::from_utf8(data)
        && !s.contains('\0')
        && !s.starts_with('\u{feff}')
    {
        let d = plain.as_ref().expect("valid UTF-8 without NUL decodes");
        assert_eq!(d.decoded.text, s, "valid UTF-8 is kept as it is");
        assert_eq!(d.decoded.encoding, "UTF-8");
    }
    let Ok(d) = decode::document(data, None) else { return };
    let text = &d.decoded.text;
    let doc = if d.html { gongbao::Extractor::new().extract_html(text) } else { gongbao::extract(text) };
    gongbao_fuzz::document(text, &doc);
});
