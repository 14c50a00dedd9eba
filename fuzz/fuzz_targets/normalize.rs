//! The normalizer and its offset map: every character of the normalized text maps back to a
//! non-empty, char-aligned, monotone span of the original.
#![no_main]

use std::sync::LazyLock;

use gongbao::Variant;
use gongbao::normalize::Normalizer;
use libfuzzer_sys::fuzz_target;

static NORMALIZERS: LazyLock<[Normalizer; 3]> =
    LazyLock::new(|| [Normalizer::new(Variant::T2s), Normalizer::new(Variant::Tw2sp), Normalizer::new(Variant::Hk2s)]);

fuzz_target!(|data: &[u8]| {
    let Some((&options, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let normalizer = &NORMALIZERS[usize::from(options % 3)];
    let n = normalizer.normalize(&text);
    gongbao_fuzz::offset_map(&text, &n.text, &n.map, true);
    if n.map.is_identity() {
        assert_eq!(n.text.len(), text.len(), "an identity map keeps every byte offset");
    }
    // Each stage alone keeps its own map.
    let (stripped, edits) = gongbao::normalize::pinyin::strip(&text);
    let mut map = gongbao::normalize::OffsetMap::identity();
    map.push_stage(edits);
    gongbao_fuzz::offset_map(&text, &stripped, &map, true);
    let (folded, edits) = gongbao::normalize::width::fold(&text);
    let mut map = gongbao::normalize::OffsetMap::identity();
    map.push_stage(edits);
    gongbao_fuzz::offset_map(&text, &folded, &map, true);
    assert_eq!(folded.chars().count(), text.chars().count(), "width folding maps characters one to one");
    if options & 0x80 != 0 {
        let h = normalizer.normalize_html(&text);
        gongbao_fuzz::offset_map(&text, &h.text, &h.map, false);
    }
});
