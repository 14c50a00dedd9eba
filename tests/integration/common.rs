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

/// A folder of its own under the temporary folder, empty when made, removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    /// A new folder whose name says which test it is for (`name`); the process id and a counter
    /// keep the folders of tests running at the same time apart.
    pub fn new(name: &str) -> Self {
        static MADE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = MADE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("gongbao-test-{name}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a temporary folder");
        TempDir(dir)
    }

    /// Write `bytes` to `name` in the folder and return its path.
    pub fn file(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).expect("write a test file");
        path
    }

    /// The folder's path, as the binary's arguments take it.
    pub fn path(&self) -> &str {
        self.0.to_str().expect("a UTF-8 temporary folder")
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Compare `got` with the expected output kept in `expected_path`, or, when the environment
/// variable `GONGBAO_BLESS` is set, write `got` there (after a change meant to alter the output;
/// review the diff). `None` when they are the same; otherwise where they first differ.
pub fn differs_from_expected(got: &str, expected_path: &Path) -> Option<String> {
    if std::env::var_os("GONGBAO_BLESS").is_some() {
        std::fs::write(expected_path, got).expect("write the expected output");
        return None;
    }
    let expected = std::fs::read_to_string(expected_path).unwrap_or_default();
    if expected == got {
        return None;
    }
    let first = expected.lines().zip(got.lines()).position(|(a, b)| a != b).unwrap_or(0);
    Some(format!(
        "{}: differs at line {} (expected {:?}, got {:?})",
        expected_path.display(),
        first + 1,
        expected.lines().nth(first).unwrap_or("<end>"),
        got.lines().nth(first).unwrap_or("<end>")
    ))
}
