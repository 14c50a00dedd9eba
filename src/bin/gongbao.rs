//! `gongbao`: the batch binary. Reads documents (files, folders, standard input, or JSON Lines),
//! extracts facts with the library, and prints one JSON object per document (or CSV rows), in
//! input order, as each document is done. The JSON is fixed by `CONTRACT.md`.
//!
//! No extraction logic lives here: this is arguments, input walking, decoding, parallelism and
//! output.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, BufRead, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;

use clap::{Parser, Subcommand, ValueEnum};
use gongbao::output::{Line, table};
use gongbao::{Document, Extractor, Variant};
use jiff::civil::Date;
use serde::Deserialize;

#[derive(Parser)]
#[command(name = "gongbao", version, about = "Exact, typed, traceable facts from Chinese government bulletins")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract facts from documents; one JSON line (or CSV rows) per document, in input order.
    Extract(ExtractArgs),
    /// Print the normalized text of one document (what the extractors read): no pinyin
    /// annotations, half-width, simplified; for an HTML page, its text.
    Normalize(NormalizeArgs),
}

#[derive(clap::Args)]
struct NormalizeArgs {
    /// A file, or `-` for standard input.
    #[arg(value_name = "PATH")]
    path: PathBuf,

    /// Traditional→simplified conversion.
    #[arg(long, value_enum, default_value_t = VariantArg::T2s)]
    variant: VariantArg,
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Files, or folders walked recursively for *.txt, *.htm, *.html; `-` reads one document
    /// from standard input.
    #[arg(value_name = "PATH", conflicts_with = "jsonl")]
    paths: Vec<PathBuf>,

    /// Read many documents from a JSON Lines file (or `-` for standard input), one object a
    /// line: {"id": "...", "text": "...", "reference_date": "YYYY-MM-DD"}.
    #[arg(long, value_name = "FILE", num_args = 0..=1, default_missing_value = "-")]
    jsonl: Option<PathBuf>,

    /// The date relative expressions resolve against when a document does not give its own.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    reference_date: Option<Date>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,

    /// Documents processed in parallel (default: the number of cores).
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,

    /// Traditional→simplified conversion.
    #[arg(long, value_enum, default_value_t = VariantArg::T2s)]
    variant: VariantArg,

    /// Convert with the system OpenCC library instead of the built-in converter.
    #[cfg(feature = "opencc")]
    #[arg(long)]
    opencc: bool,

    /// Largest document read, in MiB; larger ones get an error line.
    #[arg(long, value_name = "MIB", default_value_t = 512)]
    max_size: u64,

    /// Never show a progress bar (it is shown only when standard error is a terminal).
    #[arg(long)]
    no_progress: bool,

    /// With --format html: write index.html and one page per document into DIR instead of
    /// one page on standard output (for large batches: see the README).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// One JSON object per document (CONTRACT.md).
    Jsonl,
    /// One row per fact, UTF-8 with a byte-order mark so that spreadsheet programs read it.
    Csv,
    /// A self-contained HTML report: the text with every fact marked, the table of figures.
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum VariantArg {
    /// Traditional (OpenCC standard) → simplified.
    T2s,
    /// Taiwan traditional → mainland simplified with mainland phrasing.
    Tw2sp,
    /// Hong Kong traditional → simplified.
    Hk2s,
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>().map_err(|e| format!("{s:?} is not a YYYY-MM-DD date: {e}"))
}

/// One document to read.
enum Input {
    /// A file (HTML when its extension says so).
    File(PathBuf),
    /// Standard input.
    Stdin,
    /// A line of a JSON Lines input.
    Line { number: usize, line: String },
    /// Something that could not even be listed (an unreadable folder).
    Broken { source: String, error: String },
}

/// One JSON Lines input record.
#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: String,
    reference_date: Option<String>,
}

/// What one document produced.
struct Outcome {
    source: String,
    document: Option<Document>,
    warnings: Vec<String>,
    error: Option<String>,
    /// The text read, kept for the HTML report (which shows it).
    text: Option<String>,
}

struct Settings {
    extractor: Extractor,
    reference_date: Option<Date>,
    max_bytes: u64,
    keep_text: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => run(args),
        Command::Normalize(args) => normalize(args).map(|()| true),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("gongbao: {e}");
            ExitCode::from(2)
        }
    }
}

/// Print one document's normalized text.
fn normalize(args: NormalizeArgs) -> Result<(), String> {
    let bytes = if args.path.as_os_str() == "-" {
        let mut b = Vec::new();
        io::stdin().lock().read_to_end(&mut b).map_err(|e| format!("cannot read standard input: {e}"))?;
        b
    } else {
        fs::read(&args.path).map_err(|e| format!("cannot read {}: {e}", args.path.display()))?
    };
    let html = (args.path.as_os_str() != "-" && is_html_path(&args.path)).then_some(true);
    let doc = gongbao::decode::document(&bytes, html).map_err(|e| e.to_string())?;
    for w in &doc.decoded.warnings {
        eprintln!("gongbao: {w}");
    }
    let normalizer = gongbao::normalize::Normalizer::new(variant(args.variant));
    let normalized = if doc.html { normalizer.normalize_html(&doc.decoded.text) } else { normalizer.normalize(&doc.decoded.text) };
    io::stdout().lock().write_all(normalized.text.as_bytes()).map_err(|e| format!("cannot write output: {e}"))
}

fn variant(v: VariantArg) -> Variant {
    match v {
        VariantArg::T2s => Variant::T2s,
        VariantArg::Tw2sp => Variant::Tw2sp,
        VariantArg::Hk2s => Variant::Hk2s,
    }
}

/// Run the batch; `Ok(true)` when every document was read.
fn run(args: ExtractArgs) -> Result<bool, String> {
    if args.paths.is_empty() && args.jsonl.is_none() {
        return Err("nothing to read: give files or folders, `-` for standard input, or --jsonl FILE".to_owned());
    }
    let variant = variant(args.variant);
    #[allow(unused_mut)]
    let mut extractor = Extractor::new().variant(variant);
    #[cfg(feature = "opencc")]
    if args.opencc {
        let converter = gongbao::normalize::convert::Opencc::new(variant).map_err(|e| e.to_string())?;
        extractor = extractor.converter(Box::new(converter));
    }
    let keep_text = matches!(args.format, Format::Html);
    if args.out.is_some() && !keep_text {
        return Err("--out DIR writes HTML pages: use it with --format html".to_owned());
    }
    let settings = Settings { extractor, reference_date: args.reference_date, max_bytes: args.max_size.saturating_mul(1 << 20), keep_text };
    let jobs = args.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs).build().map_err(|e| e.to_string())?;

    let inputs: Box<dyn Iterator<Item = Input>> = match &args.jsonl {
        Some(path) => Box::new(jsonl_inputs(path)?),
        None => Box::new(path_inputs(args.paths.clone())),
    };

    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    if matches!(args.format, Format::Csv) {
        write_csv_header(&mut out).map_err(|e| e.to_string())?;
    }
    let mut report = match &args.out {
        Some(dir) => gongbao::output::report::Report::folder(dir).map_err(|e| format!("cannot write {}: {e}", dir.display()))?,
        None => gongbao::output::report::Report::page(),
    };
    let progress = (!args.no_progress && io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(indicatif::ProgressStyle::with_template("{spinner} {pos} documents, {per_sec} [{elapsed}] {msg}").expect("template"));
        bar
    });

    // Documents go to the pool one by one as they are read, at most `window` ahead of the
    // next line to write; their lines are written in input order as soon as the line before
    // is out. Memory is bounded by the window, whatever the batch, and no core waits for the
    // slowest document of a chunk.
    let window = jobs * 8;
    let mut all_read = true;
    let mut inputs = inputs.fuse();
    let (done_tx, done_rx) = mpsc::channel::<(usize, std::thread::Result<Outcome>)>();
    let settings = &settings;
    pool.in_place_scope(|scope| -> Result<(), String> {
        // Load the dictionaries and models on the pool first, each where no other waits for
        // it: jieba's dictionary; the gazetteer's automaton (no segmenter needed); jieba's
        // part-of-speech model for unknown words (a static of jieba-rs, loaded here by tagging
        // with an empty dictionary). With two jobs or more the last two are ready by the time
        // jieba is, instead of after it.
        scope.spawn(|_| {
            std::sync::LazyLock::force(&gongbao::segment::JIEBA);
        });
        scope.spawn(|_| drop(gongbao::places("")));
        scope.spawn(|_| drop(jieba_rs::Jieba::empty().tag("预热", false)));
        let (mut read, mut written) = (0usize, 0usize);
        let mut pending: BTreeMap<usize, Outcome> = BTreeMap::new();
        loop {
            while read < written + window {
                let Some(input) = inputs.next() else { break };
                let done_tx = done_tx.clone();
                let i = read;
                scope.spawn(move |_| {
                    // A panic comes back to this thread, which would otherwise wait for its line.
                    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| process(input, settings)));
                    // The receiver lives until every document is in.
                    let _ = done_tx.send((i, outcome));
                });
                read += 1;
            }
            if written == read {
                return Ok(());
            }
            let (i, o) = done_rx.recv().map_err(|e| e.to_string())?;
            pending.insert(i, o.unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
            while let Some(o) = pending.remove(&written) {
                written += 1;
                all_read &= o.error.is_none();
                let result = match args.format {
                    Format::Jsonl => write_jsonl(&mut out, &o),
                    Format::Csv => write_csv(&mut out, &o),
                    Format::Html => write_html(&mut out, &mut report, &o),
                };
                result.and_then(|()| out.flush()).map_err(|e| format!("cannot write output: {e}"))?;
                if let Some(bar) = &progress {
                    bar.inc(1);
                }
            }
        }
    })?;
    if let Some(bar) = progress {
        bar.finish_with_message("done");
    }
    if matches!(args.format, Format::Html) {
        report.finish(&mut out).and_then(|()| out.flush()).map_err(|e| format!("cannot write output: {e}"))?;
    }
    Ok(all_read)
}

/// The documents named by paths: files as given, folders walked recursively in name order.
fn path_inputs(paths: Vec<PathBuf>) -> impl Iterator<Item = Input> {
    // A stack of pending entries, each folder's entries pushed in reverse name order so they
    // come out in name order; folders are read lazily, one at a time.
    let mut stack: Vec<(PathBuf, bool)> = paths.into_iter().rev().map(|p| (p, true)).collect();
    std::iter::from_fn(move || {
        while let Some((path, explicit)) = stack.pop() {
            if explicit && path.as_os_str() == "-" {
                return Some(Input::Stdin);
            }
            let source = path.display().to_string();
            let meta = match fs::metadata(&path) {
                Ok(m) => m,
                Err(e) => return Some(Input::Broken { error: format!("cannot read {source}: {e}"), source }),
            };
            if meta.is_dir() {
                match fs::read_dir(&path).and_then(|rd| rd.map(|e| e.map(|e| e.path())).collect::<io::Result<Vec<_>>>()) {
                    Ok(mut entries) => {
                        entries.sort();
                        stack.extend(entries.into_iter().rev().map(|p| (p, false)));
                    }
                    Err(e) => return Some(Input::Broken { error: format!("cannot read folder {source}: {e}"), source }),
                }
                continue;
            }
            if explicit || has_document_extension(&path) {
                return Some(Input::File(path));
            }
        }
        None
    })
}

fn has_document_extension(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "txt" | "htm" | "html"))
}

fn is_html_path(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "htm" | "html"))
}

/// The records of a JSON Lines input, one per non-empty line (a line that is not valid UTF-8
/// still gets its output line, with an error).
fn jsonl_inputs(path: &Path) -> Result<impl Iterator<Item = Input>, String> {
    let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
        Box::new(io::BufReader::new(io::stdin()))
    } else {
        let f = fs::File::open(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        Box::new(io::BufReader::with_capacity(1 << 20, f))
    };
    let mut reader = reader;
    let mut number = 0;
    Ok(std::iter::from_fn(move || {
        loop {
            let mut buf = Vec::new();
            number += 1;
            match reader.read_until(b'\n', &mut buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    return Some(Input::Broken { source: format!("line {number}"), error: format!("cannot read line {number}: {e}") });
                }
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(match String::from_utf8(buf) {
                Ok(line) => Input::Line { number, line },
                Err(_) => Input::Broken { source: format!("line {number}"), error: format!("line {number} is not valid UTF-8") },
            });
        }
    }))
}

/// Read and extract one document. Never panics on bad input: every failure becomes the
/// document's `error`.
fn process(input: Input, settings: &Settings) -> Outcome {
    let failed = |source: String, error: String| Outcome { source, document: None, warnings: Vec::new(), error: Some(error), text: None };
    let (source, bytes, html, reference) = match input {
        Input::Broken { source, error } => return failed(source, error),
        Input::Stdin => {
            let mut bytes = Vec::new();
            if let Err(e) = io::stdin().lock().take(settings.max_bytes + 1).read_to_end(&mut bytes) {
                return failed("-".into(), format!("cannot read standard input: {e}"));
            }
            (String::from("-"), bytes, None, settings.reference_date)
        }
        Input::File(path) => {
            let source = path.display().to_string();
            match fs::metadata(&path) {
                Ok(m) if m.len() > settings.max_bytes => {
                    return failed(source, gongbao::Error::TooLarge { size: m.len(), limit: settings.max_bytes }.to_string());
                }
                Err(e) => return failed(source.clone(), format!("cannot read {source}: {e}")),
                Ok(_) => {}
            }
            match fs::read(&path) {
                Ok(bytes) => {
                    let html = is_html_path(&path).then_some(true);
                    (source, bytes, html, settings.reference_date)
                }
                Err(e) => return failed(source.clone(), format!("cannot read {source}: {e}")),
            }
        }
        Input::Line { number, line } => {
            let record: Record = match serde_json::from_str(&line) {
                Ok(r) => r,
                Err(e) => return failed(format!("line {number}"), format!("line {number} is not a JSON object with a \"text\": {e}")),
            };
            let source = match record.id {
                Some(serde_json::Value::String(s)) => s,
                Some(other) => other.to_string(),
                None => format!("line {number}"),
            };
            let mut warnings = Vec::new();
            let reference = match record.reference_date.as_deref().map(str::parse::<Date>) {
                None => settings.reference_date,
                Some(Ok(d)) => Some(d),
                Some(Err(e)) => {
                    warnings.push(format!("reference_date ignored: {e}"));
                    settings.reference_date
                }
            };
            let doc = settings.extractor.extract_with_reference(&record.text, reference);
            return Outcome { source, document: Some(doc), warnings, error: None, text: settings.keep_text.then_some(record.text) };
        }
    };
    if bytes.len() as u64 > settings.max_bytes {
        return failed(source, gongbao::Error::TooLarge { size: bytes.len() as u64, limit: settings.max_bytes }.to_string());
    }
    match gongbao::decode::document(&bytes, html) {
        Ok(d) if d.html => {
            let doc = settings.extractor.extract_html_with_reference(&d.decoded.text, reference);
            Outcome {
                source,
                document: Some(doc),
                warnings: d.decoded.warnings,
                error: None,
                text: settings.keep_text.then(|| d.decoded.text.into_owned()),
            }
        }
        Ok(d) => {
            let doc = settings.extractor.extract_with_reference(&d.decoded.text, reference);
            Outcome {
                source,
                document: Some(doc),
                warnings: d.decoded.warnings,
                error: None,
                text: settings.keep_text.then(|| d.decoded.text.into_owned()),
            }
        }
        Err(e) => failed(source, e.to_string()),
    }
}

fn write_jsonl(out: &mut impl Write, o: &Outcome) -> io::Result<()> {
    let mut warnings = o.warnings.clone();
    if let Some(d) = &o.document {
        warnings.extend(d.warnings.iter().cloned());
    }
    serde_json::to_writer(&mut *out, &Line::new(&o.source, o.document.as_ref(), &warnings, o.error.as_deref()))?;
    out.write_all(b"\n")
}

fn write_csv_header(out: &mut impl Write) -> io::Result<()> {
    out.write_all("\u{feff}".as_bytes())?;
    let mut w = csv::Writer::from_writer(out);
    w.write_record(table::COLUMNS)?;
    w.flush()
}

fn write_csv(out: &mut impl Write, o: &Outcome) -> io::Result<()> {
    let mut w = csv::WriterBuilder::new().has_headers(false).from_writer(out);
    if let Some(error) = &o.error {
        w.write_record(table::error_row(&o.source, error))?;
    }
    for fact in o.document.iter().flat_map(|d| &d.facts) {
        w.write_record(table::fact_row(&o.source, fact))?;
    }
    w.flush()
}

fn write_html(out: &mut impl Write, report: &mut gongbao::output::report::Report, o: &Outcome) -> io::Result<()> {
    match (&o.document, &o.text) {
        (Some(doc), Some(text)) => report.document(out, &o.source, text, doc, &o.warnings)?,
        _ => report.failed(out, &o.source, o.error.as_deref().unwrap_or("not read"))?,
    }
    if let Some(advice) = report.advice() {
        eprintln!("gongbao: {advice}");
    }
    Ok(())
}
