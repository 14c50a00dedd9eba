//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// Every fixture document, in name order.
pub fn documents() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut docs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "html"))
        .collect();
    docs.sort();
    docs
}

pub fn extract(path: &Path) -> (String, gongbao::Document) {
    let text = std::fs::read_to_string(path).expect("UTF-8 fixture");
    let extractor = gongbao::Extractor::new();
    let doc = if path.extension().is_some_and(|e| e == "html") { extractor.extract_html(&text) } else { extractor.extract(&text) };
    (text, doc)
}
