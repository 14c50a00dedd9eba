//! Throughput of gongbao's pipeline, per stage and end to end, over archives of bulletins.
//!
//! ```text
//! cargo bench --bench pipeline                          # every archive found, every stage
//! cargo bench --bench pipeline -- 'extract/'            # criterion filter: end to end only
//! GONGBAO_BENCH_ARCHIVE=/path/to/archive cargo bench --bench pipeline
//! ```
//!
//! Archives, each benchmarked on its own (criterion group names carry the archive's name):
//! - `fixtures`: the project's `fixtures/` (always);
//! - `gwr`: `../shared/corpus/gwr/government_work_reports.jsonl` beside the repository, when it
//!   exists (72 government work reports, 3.3 MB);
//! - `archive`: whatever `GONGBAO_BENCH_ARCHIVE` names: a folder (walked recursively for `*.txt`,
//!   `*.htm`, `*.html`, decoded as the binary decodes them) or a JSON Lines file (one object a
//!   line, its text in `"text"` or `"content"`).
//!
//! Every benchmark reports bytes of input text per second (`Throughput::Bytes`). Stages read
//! what the pipeline gives them (width folding reads pinyin stripping's output, the recognizers
//! read the normalized text with the number scan done and the recognizers before them run),
//! but are charged the size of the original text, so that their MB/s add up like times.
//! `t2s` runs on the archive converted to traditional script (hanconv `s2t`, at setup).
//!
//! `jieba_cut` is jieba-rs `cut` alone (the process-wide instance, HMM on, as the pipeline uses
//! it) over the same documents; after criterion's runs a short table compares it with
//! `extract`, measured interleaved in the same process.
//!
//! criterion writes its HTML report to `target/criterion/report/index.html`.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion, Throughput};
use gongbao::document::{self, Layout};
use gongbao::extract::{self, Context, Found};
use gongbao::normalize::{self, Converter, Normalized, OffsetMap, Variant};
use gongbao::{Extractor, segment};

/// One document of an archive.
struct Doc {
    /// The text as the pipeline reads it (HTML pages: the text the page shows).
    text: String,
    /// The HTML source, for pages.
    html: Option<String>,
}

impl Doc {
    /// The bytes `extract` reads.
    fn source_len(&self) -> usize {
        self.html.as_ref().map_or(self.text.len(), String::len)
    }
}

struct Archive {
    name: String,
    docs: Vec<Doc>,
}

impl Archive {
    fn text_bytes(&self) -> u64 {
        self.docs.iter().map(|d| d.text.len() as u64).sum()
    }

    fn source_bytes(&self) -> u64 {
        self.docs.iter().map(|d| d.source_len() as u64).sum()
    }
}

/// The repository's root (the benchmarks are the package in its `benches/` folder).
fn manifest_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("benches/ is in the repository").to_path_buf()
}

fn archives() -> Vec<Archive> {
    let mut out = vec![Archive { name: "fixtures".into(), docs: load(&manifest_dir().join("fixtures")) }];
    let gwr = manifest_dir().join("../shared/corpus/gwr/government_work_reports.jsonl");
    if gwr.exists() {
        out.push(Archive { name: "gwr".into(), docs: load(&gwr) });
    }
    if let Some(path) = std::env::var_os("GONGBAO_BENCH_ARCHIVE") {
        let docs = load(Path::new(&path));
        assert!(!docs.is_empty(), "GONGBAO_BENCH_ARCHIVE={}: no documents found", Path::new(&path).display());
        out.push(Archive { name: "archive".into(), docs });
    }
    out.retain(|a| !a.docs.is_empty());
    for a in &out {
        eprintln!("archive {}: {} documents, {:.2} MB", a.name, a.docs.len(), a.source_bytes() as f64 / 1e6);
    }
    out
}

/// A folder's documents (recursively, in name order) or a JSON Lines file's.
fn load(path: &Path) -> Vec<Doc> {
    if path.is_dir() {
        let mut files = Vec::new();
        walk(path, &mut files);
        files.sort();
        files.iter().filter_map(|f| read_file(f)).collect()
    } else if path.extension().is_some_and(|e| e == "jsonl" || e == "json") {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .filter_map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).ok()?;
                let text = v.get("text").or_else(|| v.get("content"))?.as_str()?.to_owned();
                Some(Doc { text, html: None })
            })
            .collect()
    } else {
        read_file(path).into_iter().collect()
    }
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, files);
        } else if p.extension().and_then(|e| e.to_str()).is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "txt" | "htm" | "html"))
        {
            files.push(p);
        }
    }
}

fn read_file(path: &Path) -> Option<Doc> {
    let bytes = std::fs::read(path).ok()?;
    let is_html = path.extension().and_then(|e| e.to_str()).is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "htm" | "html"));
    let d = gongbao::decode::document(&bytes, is_html.then_some(true)).ok()?;
    let source = d.decoded.text.into_owned();
    Some(if d.html {
        Doc { text: gongbao::normalize::html::to_text(&source), html: Some(source) }
    } else {
        Doc { text: source, html: None }
    })
}

/// The pipeline's state before the recognizers, per document.
struct Prepared<'a> {
    original: &'a str,
    normalized: Normalized<'a>,
    layout: Layout,
}

fn prepare<'a>(extractor: &Extractor, docs: &'a [Doc]) -> Vec<Prepared<'a>> {
    docs.iter()
        .map(|d| {
            let normalized = extractor.normalize(&d.text);
            let layout = document::analyze(&normalized.text);
            Prepared { original: &d.text, normalized, layout }
        })
        .collect()
}

fn context<'a>(p: &'a Prepared<'a>) -> Context<'a> {
    Context::new(p.original, &p.normalized.text, &p.normalized.map, &p.layout, None)
}

fn stages(c: &mut Criterion, archive: &Archive) {
    let docs = &archive.docs;
    let mut g = c.benchmark_group(format!("stages/{}", archive.name));
    g.throughput(Throughput::Bytes(archive.text_bytes()));
    configure(&mut g, archive.text_bytes());

    g.bench_function("pinyin_strip", |b| {
        b.iter(|| {
            for d in docs {
                black_box(normalize::pinyin::strip(black_box(&d.text)));
            }
        })
    });
    let stripped: Vec<String> = docs.iter().map(|d| normalize::pinyin::strip(&d.text).0.into_owned()).collect();
    g.bench_function("width_fold", |b| {
        b.iter(|| {
            for t in &stripped {
                black_box(normalize::width::fold(black_box(t)));
            }
        })
    });
    let folded: Vec<String> = stripped.iter().map(|t| normalize::width::fold(t).0.into_owned()).collect();
    g.bench_function("script_detect", |b| {
        b.iter(|| {
            for t in &folded {
                black_box(normalize::script::count(black_box(t)));
            }
        })
    });
    g.bench_function("normalize", |b| {
        let extractor = Extractor::new();
        b.iter(|| {
            for d in docs {
                black_box(extractor.normalize(black_box(&d.text)));
            }
        })
    });
    {
        // t2s on the same documents in traditional script, charged their traditional size.
        let traditional: Vec<String> = folded.iter().map(hanconv::s2t).collect();
        let bytes: u64 = traditional.iter().map(|t| t.len() as u64).sum();
        let converter = normalize::Hanconv::new(Variant::T2s);
        converter.convert("預熱", &mut OffsetMap::identity());
        g.throughput(Throughput::Bytes(bytes));
        g.bench_function("t2s_traditional", |b| {
            b.iter(|| {
                for t in &traditional {
                    let mut map = OffsetMap::identity();
                    black_box(converter.convert(black_box(t), &mut map));
                    black_box(map);
                }
            })
        });
        g.throughput(Throughput::Bytes(archive.text_bytes()));
    }
    let extractor = Extractor::new();
    let prepared = prepare(&extractor, docs);
    g.bench_function("document_analyze", |b| {
        b.iter(|| {
            for p in &prepared {
                black_box(document::analyze(black_box(&p.normalized.text)));
            }
        })
    });
    g.bench_function("number_scan", |b| {
        b.iter(|| {
            for p in &prepared {
                black_box(gongbao::number::scan(black_box(&p.normalized.text)));
            }
        })
    });
    // Each recognizer after those before it, with the number scan done at setup.
    let recognizers = extract::recognizers();
    for (i, r) in recognizers.iter().enumerate() {
        g.bench_function(format!("recognize_{}", r.name()), |b| {
            b.iter_batched_ref(
                || {
                    prepared
                        .iter()
                        .map(|p| {
                            let ctx = context(p);
                            ctx.numbers();
                            let mut found = Found::new(None);
                            for before in &recognizers[..i] {
                                before.recognize(&ctx, &mut found);
                            }
                            (ctx, found)
                        })
                        .collect::<Vec<_>>()
                },
                |state| {
                    for (ctx, found) in state.iter_mut() {
                        r.recognize(ctx, found);
                    }
                },
                BatchSize::LargeInput,
            )
        });
    }
    g.bench_function("segment_words", |b| {
        b.iter(|| {
            for p in &prepared {
                black_box(segment::words(black_box(&p.normalized.text)));
            }
        })
    });
    g.finish();
}

fn end_to_end(c: &mut Criterion, archive: &Archive) {
    let docs = &archive.docs;
    let mut g = c.benchmark_group(format!("extract/{}", archive.name));
    g.throughput(Throughput::Bytes(archive.source_bytes()));
    configure(&mut g, archive.source_bytes());
    let extractor = Extractor::new();
    g.bench_function("extract", |b| b.iter(|| extract_all(&extractor, docs)));
    g.bench_function("jieba_cut", |b| b.iter(|| cut_all(docs)));
    g.finish();
}

fn extract_all(extractor: &Extractor, docs: &[Doc]) {
    for d in docs {
        match &d.html {
            Some(html) => black_box(extractor.extract_html(black_box(html))),
            None => black_box(extractor.extract(black_box(&d.text))),
        };
    }
}

fn cut_all(docs: &[Doc]) {
    for d in docs {
        black_box(segment::jieba().cut(black_box(d.html.as_deref().unwrap_or(&d.text)), true));
    }
}

/// One-time costs: jieba's dictionary as jieba-rs loads it (`Jieba::new`: decompress, validate,
/// parse, insert) and as gongbao loads it (from the build-time tables); a partial segmenter
/// for a one-line document, as the first documents use it while the dictionary loads.
fn start_up(c: &mut Criterion) {
    let mut g = c.benchmark_group("start_up");
    g.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(5));
    g.bench_function("jieba_stock_new", |b| b.iter(jieba_rs::Jieba::new));
    g.bench_function("jieba_from_tables", |b| b.iter(segment::load_dictionary));
    g.finish();
}

/// Few samples for big archives, so that a run over a large archive stays in minutes.
fn configure<M: criterion::measurement::Measurement>(g: &mut criterion::BenchmarkGroup<'_, M>, bytes: u64) {
    if bytes > 1_000_000 {
        g.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(5));
    } else {
        g.sample_size(20).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    }
}

/// `extract` against jieba's `cut` alone, interleaved, median of several rounds (7, 31 for
/// small archives, fewer when a round takes more than a few seconds).
fn summary(archives: &[Archive]) {
    let extractor = Extractor::new();
    println!("\n{:<10} {:>9} {:>14} {:>14} {:>8}", "archive", "MB", "extract MB/s", "jieba MB/s", "ratio");
    for a in archives {
        let mb = a.source_bytes() as f64 / 1e6;
        let mut rounds = if a.source_bytes() > 1_000_000 { 7 } else { 31 };
        let (mut e, mut j) = (Vec::new(), Vec::new());
        let start = Instant::now();
        while e.len() < rounds {
            let t = Instant::now();
            extract_all(&extractor, &a.docs);
            e.push(t.elapsed().as_secs_f64());
            let t = Instant::now();
            cut_all(&a.docs);
            j.push(t.elapsed().as_secs_f64());
            // A big archive gets fewer rounds: about half a minute in all.
            if e.len() == 1 {
                rounds = rounds.min((30.0 / start.elapsed().as_secs_f64()).ceil().max(1.0) as usize);
            }
        }
        let median = |v: &mut Vec<f64>| {
            v.sort_by(f64::total_cmp);
            v[v.len() / 2]
        };
        let (e, j) = (median(&mut e), median(&mut j));
        println!("{:<10} {:>9.2} {:>14.1} {:>14.1} {:>7.2}×", a.name, mb, mb / e, mb / j, j / e);
    }
}

fn main() {
    let archives = archives();
    // Load the process-wide dictionaries and automata before measuring (jieba's full
    // dictionary first: until it is loaded, segmentation uses a partial one).
    segment::jieba();
    gongbao::extract("1-10月,咸阳市新签约项目52个,总投资116.68亿元,同比增长11.73%,面积8.88平方公里。");
    let mut c = Criterion::default().configure_from_args();
    start_up(&mut c);
    for a in &archives {
        end_to_end(&mut c, a);
        stages(&mut c, a);
    }
    c.final_summary();
    if !std::env::args().any(|a| a == "--list" || a == "--test") {
        summary(&archives);
    }
}
