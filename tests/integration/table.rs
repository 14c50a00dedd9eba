//! Data-driven tests: every `tests/testdata/*.toml` file is a table of sentences and the facts
//! expected in them.
//!
//! ```toml
//! [[case]]
//! text = "1-10月,全市新签约项目247个"
//! reference_date = "2022-11-18"        # optional
//! facts = [
//!   { kind = "time", text = "1-10月", start = "2022-01-01", end = "2022-10-31" },
//!   { kind = "count", text = "247个", value = "247", classifier = "个", subject = "新签约项目" },
//! ]
//! absent = ["十三五"]                    # optional: no fact of any kind may have this text
//! ```
//!
//! For every kind that appears in `facts`, the document's facts of that kind must be exactly the
//! expected ones (same text; every field given equal to the JSON field, compared as strings, with
//! `"null"` for null). Kinds not mentioned are not compared, so a table about money is not
//! disturbed by the places in its sentences. A case with `facts = []` and `kinds = [...]` asserts
//! that no fact of those kinds is found.

use crate::common;

use std::collections::BTreeSet;

use serde_json::Value as Json;

#[derive(serde::Deserialize)]
struct Case {
    text: String,
    reference_date: Option<String>,
    #[serde(default)]
    facts: Vec<toml::Table>,
    #[serde(default)]
    kinds: Vec<String>,
    #[serde(default)]
    absent: Vec<String>,
}

fn as_string(v: &Json) -> String {
    match v {
        Json::Null => "null".to_owned(),
        Json::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn toml_string(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn check_case(file: &str, n: usize, case: &Case) -> Vec<String> {
    let mut extractor = gongbao::Extractor::new();
    if let Some(d) = &case.reference_date {
        extractor = extractor.reference_date(d.parse().expect("reference_date is YYYY-MM-DD"));
    }
    let doc = extractor.extract(&case.text);
    let json = serde_json::to_value(&doc).expect("document serializes");
    let facts = json["facts"].as_array().cloned().unwrap_or_default();
    let mut errors = Vec::new();
    let here = format!("{file} case {n} ({:?})", case.text);
    for f in &facts {
        let s = f["span"].as_array().expect("span");
        let (a, b) = (s[0].as_u64().unwrap() as usize, s[1].as_u64().unwrap() as usize);
        if case.text.get(a..b) != f["text"].as_str() {
            errors.push(format!("{here}: span {a}..{b} is not its text {}", f["text"]));
        }
    }
    let mut kinds: BTreeSet<String> = case.kinds.iter().cloned().collect();
    for e in &case.facts {
        kinds.insert(toml_string(e.get("kind").expect("every expected fact has a kind")));
    }
    let mut used = vec![false; facts.len()];
    for e in &case.facts {
        let hit = facts.iter().enumerate().position(|(i, f)| {
            !used[i] && e.iter().all(|(k, v)| f.get(k.as_str()).map(as_string).unwrap_or_else(|| "null".to_owned()) == toml_string(v))
        });
        match hit {
            Some(i) => used[i] = true,
            None => {
                let near: Vec<String> =
                    facts.iter().filter(|f| as_string(&f["kind"]) == toml_string(&e["kind"])).map(|f| f.to_string()).collect();
                errors.push(format!("{here}: expected {e:?}; facts of that kind: {near:?}"));
            }
        }
    }
    for (i, f) in facts.iter().enumerate() {
        if !used[i] && kinds.contains(&as_string(&f["kind"])) {
            errors.push(format!("{here}: unexpected {f}"));
        }
        if case.absent.iter().any(|a| Some(a.as_str()) == f["text"].as_str()) {
            errors.push(format!("{here}: {} must not be a fact: {f}", f["text"]));
        }
    }
    errors
}

#[test]
fn testdata_tables() {
    common::check_tables("", check_case);
}
