//! `extract` on any text: no panic; spans on char boundaries, slicing exactly their text,
//! sorted; numbers exact; the JSON round trip; the same input gives the same document.
#![no_main]

use std::sync::LazyLock;

use gongbao::{Extractor, Variant};
use libfuzzer_sys::fuzz_target;

static EXTRACTORS: LazyLock<[Extractor; 4]> = LazyLock::new(|| {
    let reference = jiff::civil::date(2024, 7, 15);
    [
        Extractor::new(),
        Extractor::new().reference_date(reference),
        Extractor::new().variant(Variant::Tw2sp),
        Extractor::new().variant(Variant::Hk2s).reference_date(jiff::civil::date(1999, 12, 31)),
    ]
});

fuzz_target!(|data: &[u8]| {
    // The first byte picks the options, the rest is the text.
    let Some((&options, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let extractor = &EXTRACTORS[usize::from(options & 3)];
    let doc = extractor.extract(&text);
    gongbao_fuzz::document(&text, &doc);
    if options & 4 != 0 {
        assert_eq!(extractor.extract(&text), doc, "the same text gives the same document");
    }
    // `places` reads what `extract` reads (same variant, t2s).
    if options & 8 != 0 && options & 2 == 0 {
        // (`duplicate_of` indexes each list, so it is left out.)
        let bare = |f: &gongbao::Fact| gongbao::Fact { duplicate_of: None, ..f.clone() };
        let alone: Vec<_> = gongbao::places(&text).iter().map(bare).collect();
        let among: Vec<_> = doc.facts.iter().filter(|f| f.kind() == gongbao::Kind::Place).map(bare).collect();
        assert_eq!(alone, among, "places() gives the place facts of extract()");
    }
});
