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

/// Run `check` on every case of every `*.toml` table in `tests/testdata/<folder>` (name order),
/// and fail with all the errors it reports; `check` gets the file's name, the case's number and
/// the case.
pub fn check_tables<C: serde::de::DeserializeOwned>(folder: &str, check: impl Fn(&str, usize, &C) -> Vec<String>) {
    #[derive(serde::Deserialize)]
    struct Table<C> {
        case: Vec<C>,
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/testdata").join(folder);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).expect("tests/testdata").map(|e| e.expect("entry").path()).collect();
    files.sort();
    let mut errors = Vec::new();
    let mut cases = 0;
    for path in files.iter().filter(|p| p.extension().is_some_and(|e| e == "toml")) {
        let name = path.file_name().expect("a file name").to_string_lossy().into_owned();
        let table: Table<C> = toml::from_str(&std::fs::read_to_string(path).expect("a table")).unwrap_or_else(|e| panic!("{name}: {e}"));
        for (n, case) in table.case.iter().enumerate() {
            cases += 1;
            errors.extend(check(&name, n, case));
        }
    }
    assert!(cases > 0, "no cases in {}", dir.display());
    assert!(errors.is_empty(), "{} failures in {cases} cases:\n{}", errors.len(), errors.join("\n"));
}
