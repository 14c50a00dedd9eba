//! A deterministic run for instruction-level profiling (callgrind): the whole dictionary is
//! loaded first, then every document of a JSON Lines file (`{"id", "text"}`) is extracted and
//! serialized as the batch binary would, on one thread.
//!
//! `cargo build --release --example instructions && valgrind --tool=callgrind
//! target/release/examples/instructions gwr.jsonl`

use std::io::{BufRead, Write};

fn main() {
    let path = std::env::args().nth(1).expect("a JSON Lines file");
    gongbao::segment::jieba();
    let extractor = gongbao::Extractor::new();
    let mut sink = std::io::sink();
    let mut facts = 0;
    for line in std::io::BufReader::new(std::fs::File::open(path).expect("readable")).lines() {
        let Ok(line) = line else { continue };
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&line) else { continue };
        let (Some(id), Some(text)) = (value["id"].as_str(), value["text"].as_str()) else { continue };
        let doc = extractor.extract(text);
        facts += doc.facts.len();
        let out = gongbao::output::Line::new(id, Some(&doc), &doc.warnings, None);
        serde_json::to_writer(&mut sink, &out).expect("serializes");
        sink.write_all(b"\n").expect("writes");
    }
    eprintln!("{facts} facts");
}
