//! Data-driven tests of the figures' records: every `tests/testdata/records/*.toml` file is a
//! table of texts and the records expected for some of their figures.
//!
//! ```toml
//! [[case]]
//! text = "1-10月,全市新签约项目247个,合同投资额890.15亿元,同比增长11.73%。"
//! reference_date = "2022-11-18"      # optional
//! home = "450800"                    # optional: the document's home area, code or name, or "none"
//! warning = "sum to"                 # optional: a warning containing this; "none": no warning
//! records = [
//!   { figure = "890.15亿元", indicator = "合同投资额", period = "2022-01-01/2022-10-31", area = "450800" },
//!   { figure = "11.73%", of = "890.15亿元", vs = "2021-01-01/2021-10-31" },
//! ]
//! ```
//!
//! `figure` is a fact's text (`247个#2` for its second occurrence). Only the fields given are
//! checked: `indicator` (alternatives split by `|`, compared exactly), `period` and `vs`
//! (`START/END`, `-` for an open bound, or `none`), `area` (a code, a name, or `none`), `of` and
//! `part_of` (another figure's text, or `none`).

use crate::common;

use std::path::Path;

use gongbao::{Document, Fact, Period};

#[derive(serde::Deserialize)]
struct Case {
    text: String,
    reference_date: Option<String>,
    home: Option<String>,
    warning: Option<String>,
    #[serde(default)]
    records: Vec<Expected>,
}

#[derive(serde::Deserialize)]
struct Expected {
    figure: String,
    indicator: Option<String>,
    period: Option<String>,
    area: Option<String>,
    of: Option<String>,
    part_of: Option<String>,
    vs: Option<String>,
}

fn find(doc: &Document, figure: &str) -> Option<usize> {
    let (text, nth) = match figure.rsplit_once('#') {
        Some((t, k)) => (t, k.parse::<usize>().expect("#k is a number")),
        None => (figure, 1),
    };
    doc.facts.iter().enumerate().filter(|(_, f)| f.text == text).map(|(i, _)| i).nth(nth - 1)
}

fn period_string(p: Option<&Period>) -> String {
    match p {
        None => "none".to_owned(),
        Some(p) => format!("{}/{}", p.start.map_or("-".to_owned(), |d| d.to_string()), p.end.map_or("-".to_owned(), |d| d.to_string())),
    }
}

fn link_string(doc: &Document, idx: Option<usize>) -> String {
    idx.map_or("none".to_owned(), |i| doc.facts.get(i).map_or(format!("#{i} out of range"), |f: &Fact| f.text.clone()))
}

fn check_case(file: &str, n: usize, case: &Case) -> Vec<String> {
    let mut extractor = gongbao::Extractor::new();
    if let Some(d) = &case.reference_date {
        extractor = extractor.reference_date(d.parse().expect("reference_date is YYYY-MM-DD"));
    }
    let doc = extractor.extract(&case.text);
    let here = format!("{file} case {n} ({:?})", case.text.chars().take(40).collect::<String>());
    let mut errors = Vec::new();
    if let Some(home) = &case.home {
        let got = doc.home_area.as_ref().map_or("none".to_owned(), |h| h.code.clone().unwrap_or_else(|| h.name.clone()));
        let name = doc.home_area.as_ref().map(|h| h.name.as_str());
        if &got != home && name != Some(home.as_str()) {
            errors.push(format!("{here}: home area {got}, expected {home}"));
        }
    }
    match case.warning.as_deref() {
        Some("none") if !doc.warnings.is_empty() => errors.push(format!("{here}: unexpected warnings {:?}", doc.warnings)),
        Some(w) if w != "none" && !doc.warnings.iter().any(|x| x.contains(w)) => {
            errors.push(format!("{here}: no warning containing {w:?} in {:?}", doc.warnings))
        }
        _ => {}
    }
    for e in &case.records {
        let Some(i) = find(&doc, &e.figure) else {
            let texts: Vec<&str> = doc.facts.iter().map(|f| f.text.as_str()).collect();
            errors.push(format!("{here}: no figure {:?} among {texts:?}", e.figure));
            continue;
        };
        let Some(r) = &doc.facts[i].record else {
            errors.push(format!("{here}: {} has no record", e.figure));
            continue;
        };
        let mut check = |field: &str, want: &Option<String>, got: String, ok: &dyn Fn(&str, &str) -> bool| {
            if let Some(w) = want
                && !ok(w, &got)
            {
                errors.push(format!("{here}: {} {field} is {got:?}, expected {w:?}", e.figure));
            }
        };
        let same = |w: &str, g: &str| w == g;
        let ind = r.indicator.as_ref().map_or("none".to_owned(), |i| i.text.clone());
        check("indicator", &e.indicator, ind, &|w, g| w.split('|').any(|a| a == g));
        check("period", &e.period, period_string(r.period.as_ref()), &same);
        check("vs", &e.vs, period_string(r.compared_with.as_ref()), &same);
        let area = r.area.as_ref().map_or("none".to_owned(), |a| format!("{}|{}", a.code.clone().unwrap_or_default(), a.name));
        check("area", &e.area, area, &|w, g| g == "none" && w == "none" || g.split('|').any(|x| x == w));
        check("of", &e.of, link_string(&doc, r.of), &same);
        check("part_of", &e.part_of, link_string(&doc, r.part_of), &same);
        // Every index points at a fact of the right kind.
        if let Some(j) = r.of
            && !doc.facts.get(j).is_some_and(Fact::is_figure)
        {
            errors.push(format!("{here}: {} of points at a non-figure", e.figure));
        }
    }
    errors
}

#[test]
fn record_tables() {
    common::check_tables("records", check_case);
}

/// Every figure has a record, no time or place has one, and every index is in range and points
/// at a fact of the right kind, on every fixture.
#[test]
fn records_are_well_formed_on_the_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let Some(ext) = path.extension().and_then(|e| e.to_str()) else { continue };
        let text = match ext {
            "txt" | "html" => std::fs::read_to_string(&path).unwrap(),
            _ => continue,
        };
        let doc = if ext == "html" { gongbao::Extractor::new().extract_html(&text) } else { gongbao::extract(&text) };
        for (i, f) in doc.facts.iter().enumerate() {
            assert_eq!(f.record.is_some(), f.is_figure(), "{}: fact {i} {:?}", path.display(), f.text);
            let Some(r) = &f.record else { continue };
            for j in [r.of, r.part_of].into_iter().flatten() {
                assert!(doc.facts.get(j).is_some_and(|g| g.is_figure()), "{}: fact {i} links to {j}", path.display());
            }
            for j in [r.period.as_ref().and_then(|p| p.from), r.compared_with.as_ref().and_then(|p| p.from)].into_iter().flatten() {
                assert!(
                    matches!(doc.facts.get(j).map(Fact::kind), Some(gongbao::Kind::Time)),
                    "{}: fact {i} period from {j}",
                    path.display()
                );
            }
            if let Some(j) = r.area.as_ref().and_then(|a| a.from) {
                assert!(
                    matches!(doc.facts.get(j).map(Fact::kind), Some(gongbao::Kind::Place)),
                    "{}: fact {i} area from {j}",
                    path.display()
                );
            }
            if let Some(span) = r.indicator.as_ref().and_then(|ind| ind.span) {
                assert!(text.get(span.range()).is_some(), "{}: fact {i} indicator span {span:?}", path.display());
            }
        }
    }
}
