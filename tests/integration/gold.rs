//! The fixtures against their hand-checked answers (`fixtures/*.gold`).
//!
//! The rules are those of `../shared/eval/score.py`: a fact matches a gold fact of the same
//! kind whose span it overlaps and whose value it equals (money: value and currency; count and
//! quantity: value; percent: value and unit; time: the bounds the gold gives); a fact that
//! overlaps an `I` (ignore) span is not scored; places are compared as sets of canonical names.
//! Every gold fact must be found with its value, and nothing else may be reported: these are
//! our own documents, written for the project and annotated by hand.

use std::collections::BTreeSet;
use std::path::Path;

use rust_decimal::Decimal;
use serde_json::Value as Json;

use crate::common;

/// One annotated fact: its kind, byte span in the document, and the fields to compare.
#[derive(Debug)]
struct GoldFact {
    kind: &'static str,
    surface: String,
    span: (usize, usize),
    fields: Fields,
}

/// The fields a gold line gives, by name.
type Fields = Vec<(&'static str, Option<String>)>;

struct Gold {
    facts: Vec<GoldFact>,
    ignores: Vec<(usize, usize)>,
    places: BTreeSet<String>,
    optional: BTreeSet<String>,
}

/// Occurrences of `surface` in `text` (byte spans), not starting inside a number.
fn occurrences(text: &str, surface: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find(surface).map(|i| from + i) {
        let prev = text[..i].chars().next_back();
        let digit_start = surface.starts_with(|c: char| c.is_ascii_digit());
        if !(digit_start && prev.is_some_and(|p| p.is_ascii_digit() || p == '.' || p == '．')) {
            out.push((i, i + surface.len()));
        }
        from = i + surface.chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// The text a `.gold` file's surfaces refer to: the document itself, or for an HTML page the
/// page itself too (surfaces are found in the source, where spans point).
fn read_gold(path: &Path, text: &str) -> Gold {
    let mut entries: Vec<(String, &'static str, Fields)> = Vec::new();
    let mut places = BTreeSet::new();
    let mut optional = BTreeSet::new();
    for line in std::fs::read_to_string(path).expect("gold file").lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split(' ').collect();
        let s = |i: usize| f.get(i).map(|x| x.to_string());
        let extras = |from: usize| {
            let mut q = None;
            let mut max = None;
            for x in f.iter().skip(from) {
                match x.strip_prefix("max=") {
                    Some(m) => max = Some(m.to_owned()),
                    None => q = Some(x.to_string()),
                }
            }
            (q, max)
        };
        match f[0] {
            "PLACES" => places.extend(f[1..].iter().map(|x| x.to_string())),
            "OPTIONAL_PLACES" => optional.extend(f[1..].iter().map(|x| x.to_string())),
            "M" => {
                let (_, max) = extras(4);
                entries.push((f[1].into(), "money", vec![("value", s(2)), ("currency", s(3)), ("max", max)]));
            }
            "C" => {
                let (_, max) = extras(5);
                entries.push((f[1].into(), "count", vec![("value", s(2)), ("max", max)]));
            }
            "P" => entries.push((f[1].into(), "percent", vec![("value", s(2)), ("unit", s(3))])),
            "T" => {
                let bound = |i: usize| s(i).filter(|b| b != "-");
                entries.push((f[1].into(), "time", vec![("start", bound(2)), ("end", bound(3))]));
            }
            "Q" => entries.push((f[1].into(), "quantity", vec![("value", s(2))])),
            "I" => entries.push((f[1].into(), "ignore", vec![])),
            other => panic!("{}: unknown tag {other}", path.display()),
        }
    }
    // The k-th line with a surface is its k-th occurrence not inside a longer annotated surface.
    let mut surfaces: Vec<String> = entries.iter().map(|e| e.0.clone()).collect::<BTreeSet<_>>().into_iter().collect();
    surfaces.sort_by_key(|s| std::cmp::Reverse(s.len()));
    let mut claimed: Vec<(usize, usize)> = Vec::new();
    let mut spans: std::collections::HashMap<String, Vec<(usize, usize)>> = Default::default();
    for surface in &surfaces {
        let free: Vec<_> = occurrences(text, surface).into_iter().filter(|o| !claimed.iter().any(|c| c.0 <= o.0 && o.1 <= c.1)).collect();
        let wanted = entries.iter().filter(|e| &e.0 == surface).count();
        assert_eq!(free.len(), wanted, "{}: {surface:?} annotated {wanted}x, found {}x", path.display(), free.len());
        claimed.extend(free.iter().copied());
        spans.insert(surface.clone(), free);
    }
    let mut facts = Vec::new();
    let mut ignores = Vec::new();
    for (surface, kind, fields) in entries {
        let span = spans.get_mut(&surface).expect("counted").remove(0);
        if kind == "ignore" {
            ignores.push(span);
        } else {
            facts.push(GoldFact { kind, surface, span, fields });
        }
    }
    Gold { facts, ignores, places, optional }
}

fn same_value(g: &GoldFact, f: &Json) -> bool {
    g.fields.iter().all(|(name, want)| {
        let got = f.get(*name).filter(|v| !v.is_null());
        match (want, got) {
            (None, _) if matches!(*name, "start" | "end") => true,
            (None, got) => got.is_none(),
            (Some(_), None) => false,
            (Some(w), Some(Json::String(s))) if matches!(*name, "value" | "max") => w.parse::<Decimal>().ok() == s.parse::<Decimal>().ok(),
            (Some(w), Some(Json::String(s))) => w == s,
            (Some(_), Some(_)) => false,
        }
    })
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

#[test]
fn fixtures_match_their_hand_checked_answers() {
    const SCORED: [&str; 5] = ["money", "count", "percent", "time", "quantity"];
    let mut problems = Vec::new();
    let mut total = 0;
    for path in common::documents() {
        let gold_path = path.with_extension("gold");
        let (text, doc) = common::extract(&path);
        let gold = read_gold(&gold_path, &text);
        let json = serde_json::to_value(&doc).expect("serializes");
        let facts = json["facts"].as_array().cloned().unwrap_or_default();
        let span = |f: &Json| (f["span"][0].as_u64().unwrap_or(0) as usize, f["span"][1].as_u64().unwrap_or(0) as usize);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let mut used = vec![false; facts.len()];
        for g in &gold.facts {
            total += 1;
            let hit = facts
                .iter()
                .enumerate()
                .position(|(i, f)| !used[i] && f["kind"] == g.kind && overlaps(span(f), g.span) && same_value(g, f));
            match hit {
                Some(i) => used[i] = true,
                None => {
                    let near: Vec<String> =
                        facts.iter().filter(|f| f["kind"] == g.kind && overlaps(span(f), g.span)).map(|f| f.to_string()).collect();
                    problems.push(format!("{name}: {} {:?} {:?} not found (overlapping: {near:?})", g.kind, g.surface, g.fields));
                }
            }
        }
        for (i, f) in facts.iter().enumerate() {
            let kind = f["kind"].as_str().unwrap_or("");
            if used[i] || !SCORED.contains(&kind) || gold.ignores.iter().any(|s| overlaps(*s, span(f))) {
                continue;
            }
            problems.push(format!("{name}: spurious {f}"));
        }
        let got: BTreeSet<String> =
            facts.iter().filter(|f| f["kind"] == "place").filter_map(|f| f["name"].as_str().map(str::to_owned)).collect();
        for missed in gold.places.difference(&got) {
            problems.push(format!("{name}: place {missed} missed"));
        }
        for extra in got.iter().filter(|p| !gold.places.contains(*p) && !gold.optional.contains(*p)) {
            problems.push(format!("{name}: place {extra} spurious"));
        }
    }
    assert!(total > 400, "the fixtures hold hundreds of annotated facts");
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}
