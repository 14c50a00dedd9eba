//! The two traditional→simplified backends agree: the pure-Rust default (hanconv, OpenCC's
//! dictionaries) and the system OpenCC library (cargo feature `opencc`).
#![cfg(feature = "opencc")]

use gongbao::normalize::convert::Opencc;
use gongbao::normalize::{Converter, Hanconv, OffsetMap, Variant};

fn fixtures() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("fixtures/") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "txt" || e == "html") {
            let text = std::fs::read_to_string(&path).expect("UTF-8 fixture");
            // Compare on simplified↔traditional round trips too, so both directions of every
            // fixture exercise the dictionaries, not only the one traditional fixture.
            out.push((path.display().to_string(), text.clone()));
            out.push((format!("{} (as traditional)", path.display()), hanconv::s2t(&text)));
        }
    }
    assert!(out.len() >= 10, "expected the fixtures");
    out
}

#[test]
fn backends_give_the_same_text() {
    for variant in [Variant::T2s, Variant::Tw2sp, Variant::Hk2s] {
        let ours = Hanconv::new(variant);
        let system = Opencc::new(variant).expect("the system OpenCC configuration");
        for (name, text) in fixtures() {
            let (mut a, mut b) = (OffsetMap::identity(), OffsetMap::identity());
            let x = ours.convert(&text, &mut a);
            let y = system.convert(&text, &mut b);
            assert_eq!(x, y, "{variant:?} differs on {name}");
        }
    }
}

#[test]
fn opencc_spans_map_back() {
    let extractor = gongbao::Extractor::new().converter(Box::new(Opencc::new(Variant::T2s).expect("OpenCC")));
    for (name, text) in fixtures() {
        let doc = extractor.extract(&text);
        for f in &doc.facts {
            assert_eq!(text.get(f.span.range()), Some(f.text.as_str()), "{name}: {f:?}");
        }
    }
}
