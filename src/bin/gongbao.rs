//! The batch binary (first cut: files in, JSON Lines out).

use std::io::Write;

use serde::Serialize;

#[derive(Serialize)]
struct Line<'a> {
    source: &'a str,
    #[serde(flatten)]
    doc: Option<gongbao::Document>,
    error: Option<String>,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut extractor = gongbao::Extractor::new();
    let mut paths = Vec::new();
    let mut it = args.iter().skip(1);
    while let Some(a) = it.next() {
        if a == "--reference-date" {
            extractor = extractor.reference_date(it.next().expect("date").parse().expect("YYYY-MM-DD"));
        } else {
            paths.push(a.clone());
        }
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for p in &paths {
        let line = match std::fs::read_to_string(p) {
            Ok(text) => Line { source: p, doc: Some(extractor.extract(&text)), error: None },
            Err(e) => Line { source: p, doc: None, error: Some(e.to_string()) },
        };
        serde_json::to_writer(&mut out, &line).expect("write");
        writeln!(out).expect("write");
    }
}
