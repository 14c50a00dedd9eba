//! The document's own year in long reports: the national government work reports of
//! `../shared/corpus/gwr` whose title gives their year (the reports' text does not), read
//! without the title. A work report is delivered in the year whose tasks it sets and reviews the
//! year before; the reference year inferred from the text alone must be right for at least 50 of
//! the 52.
//!
//! The corpus lives beside the repository, not in it: without it the test says so and passes.

use std::path::Path;

/// How many of the titled reports must get their year from the text alone.
const AT_LEAST: usize = 50;

#[test]
fn work_reports_are_dated_by_their_text() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/gwr/government_work_reports.jsonl");
    let Ok(corpus) = std::fs::read_to_string(&path) else {
        eprintln!("note: {} not found; the work reports' years are not checked", path.display());
        return;
    };
    let mut titled = 0;
    let mut wrong = Vec::new();
    for line in corpus.lines() {
        let record: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        let title = record["title"].as_str().unwrap_or_default();
        // `1993年中华人民共和国国务院政府工作报告`; the resolutions on the reports carry no year.
        let Some(year) = title.split_once('年').and_then(|(y, _)| y.parse::<i16>().ok()) else { continue };
        titled += 1;
        let doc = gongbao::extract(record["content"].as_str().unwrap_or_default());
        let found = doc.reference_date.map(|d| d.year());
        if found != Some(year) {
            wrong.push(format!("{year}: {found:?}"));
        }
    }
    assert_eq!(titled, 52, "the corpus holds 52 titled reports");
    let right = titled - wrong.len();
    eprintln!("work reports dated by their text: {right} of {titled}; wrong: {}", wrong.join(", "));
    assert!(right >= AT_LEAST, "{right} of {titled} reports dated right; wrong: {}", wrong.join(", "));
}
