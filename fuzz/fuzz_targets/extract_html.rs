//! `extract_html` on any page: spans point into the HTML source, on char boundaries, slicing
//! exactly their text; the offset map of the page's text is monotone.
#![no_main]

use std::sync::LazyLock;

use gongbao::Extractor;
use libfuzzer_sys::fuzz_target;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let doc = EXTRACTOR.extract_html(&html);
    gongbao_fuzz::document(&html, &doc);
    let n = gongbao::normalize::Normalizer::default().normalize_html(&html);
    gongbao_fuzz::offset_map(&html, &n.text, &n.map, false);
});
