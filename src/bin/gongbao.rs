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
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};

use clap::{Parser, Subcommand, ValueEnum};
use gongbao::input::{Fields, GivenDate, RecordError};
use gongbao::output::{Line, LineParts, table};
use gongbao::{Document, Extractor, Fact, Head, Variant};

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
    /// line: {"id": "...", "text": "...", "reference_date": "YYYY-MM-DD"}; the text may also be
    /// in "content", the id in "title" or "url".
    #[arg(long, value_name = "FILE", num_args = 0..=1, default_missing_value = "-")]
    jsonl: Option<PathBuf>,

    /// With --jsonl: the field that holds a document's text (default: "text", else "content").
    #[arg(long, value_name = "NAME")]
    text_field: Option<String>,

    /// With --jsonl: the field that holds a document's id, its `source` in the output (default:
    /// "id", else "title", else "url"; with none, "line N").
    #[arg(long, value_name = "NAME")]
    id_field: Option<String>,

    /// With --jsonl: the field that holds a document's title, its `meta.title` (default: "title").
    #[arg(long, value_name = "NAME")]
    title_field: Option<String>,

    /// With --jsonl: the field that holds the date relative expressions resolve against, a year,
    /// a date or a timestamp (default: "reference_date").
    #[arg(long, value_name = "NAME")]
    date_field: Option<String>,

    /// The date relative expressions resolve against when a document does not give its own: a
    /// date (YYYY-MM-DD), a year (2025: what needs the month or the day is not resolved) or a
    /// timestamp.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    reference_date: Option<GivenDate>,

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

    /// (Only in a build with the `opencc` feature: accepted here to say how to get it.)
    #[cfg(not(feature = "opencc"))]
    #[arg(long, hide = true)]
    opencc: bool,

    /// Largest document read, in MiB; larger ones get an error line.
    #[arg(long, value_name = "MIB", default_value_t = 512)]
    max_size: u64,

    /// Read documents larger than this many bytes in sections of about this size (default:
    /// the library's `SECTION_BYTES`, 4 MiB); for tests, which need small documents of several.
    #[arg(long, value_name = "BYTES", hide = true)]
    section_bytes: Option<usize>,

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

fn parse_date(s: &str) -> Result<GivenDate, String> {
    GivenDate::parse(s).map_err(|_| format!("{s:?} is not a date (YYYY-MM-DD), a year or a timestamp"))
}

/// One document to read.
enum Input {
    /// A file (HTML when its extension says so).
    File(PathBuf),
    /// Standard input.
    Stdin,
    /// A line of a JSON Lines input, with its size in bytes (blank lines before it included).
    /// Its bytes are checked to be UTF-8 by the worker that reads it, not by the reader.
    Line { number: usize, line: Vec<u8>, bytes: u64 },
    /// Something that could not even be listed (an unreadable folder), with its `error` for the
    /// output and its `complaint` for standard error.
    Broken { source: String, error: String, complaint: String },
}

/// What one document produced.
struct Outcome {
    source: String,
    document: Option<Document>,
    warnings: Vec<String>,
    error: Option<String>,
    /// What standard error says when the document could not be read: its name and why.
    complaint: Option<String>,
    /// The input's size, for the progress bar.
    bytes: u64,
    /// The CSV rows, made where the text is at hand (for its character offsets).
    rows: Vec<Vec<String>>,
    /// The text read, kept for the HTML report (which shows it).
    text: Option<String>,
    /// A document larger than a section, to be read in sections by the worker once this
    /// outcome is sent (JSON Lines output only).
    sections: Option<SectionsJob>,
    /// Where its parts come from, as the worker reads them.
    parts: Option<mpsc::Receiver<Part>>,
}

/// A document to read in sections ([`gongbao::Sections`]), its line written as they are read:
/// a large document's facts are never all held.
struct SectionsJob {
    text: String,
    reference: Option<GivenDate>,
    /// The title a JSON Lines record gives.
    title: Option<String>,
}

/// A part of a document read in sections, from the worker that reads it to the writer.
enum Part {
    Head(Box<Head>),
    Facts(Vec<Fact>),
    /// The document's own warnings, at its end.
    End(Vec<String>),
    /// The worker panicked: the writer's thread panics with it.
    Panic(Box<dyn std::any::Any + Send>),
}

struct Settings {
    extractor: Extractor,
    reference_date: Option<GivenDate>,
    max_bytes: u64,
    /// The JSON Lines fields with the text, the id, the title and the date.
    fields: Fields,
    /// The JSON Lines input's name for messages: its path, or `None` for standard input.
    jsonl_name: Option<String>,
    /// Whether the output is CSV (so each document's rows are made beside its text).
    csv: bool,
    /// Whether each document's text is kept (for the HTML report, which shows it).
    keep_text: bool,
    /// Documents larger than this are written section by section as they are read (JSON
    /// Lines output; `None` otherwise).
    in_sections: Option<usize>,
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
    match io::stdout().lock().write_all(normalized.text.as_bytes()) {
        // A reader that stops early (`| head`) is a normal end.
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(format!("cannot write output: {e}")),
        _ => Ok(()),
    }
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
    #[cfg(not(feature = "opencc"))]
    if args.opencc {
        return Err("--opencc needs the system OpenCC, which this build leaves out: build with \
                    `cargo build --release --features opencc` (or `cargo install --path . --features opencc`), \
                    with libopencc-dev installed"
            .to_owned());
    }
    // (Checked here: clap's `requires` on these options let them through without --jsonl.)
    let field_options = [
        ("--text-field", &args.text_field),
        ("--id-field", &args.id_field),
        ("--title-field", &args.title_field),
        ("--date-field", &args.date_field),
    ];
    if let Some((option, _)) = field_options.iter().find(|(_, value)| value.is_some()).filter(|_| args.jsonl.is_none()) {
        return Err(format!("{option} names a field of --jsonl records: use it with --jsonl"));
    }
    if let Some(path) = args.jsonl.as_ref().filter(|p| p.is_dir()) {
        return Err(format!(
            "--jsonl {}: a folder, where a JSON Lines file is expected (to read the files in a folder, give it without --jsonl)",
            path.display()
        ));
    }
    let variant = variant(args.variant);
    let mut extractor = Extractor::new().variant(variant);
    let section_bytes = args.section_bytes.unwrap_or(gongbao::SECTION_BYTES).max(1);
    extractor = extractor.section_bytes(section_bytes);
    #[cfg(feature = "opencc")]
    if args.opencc {
        let converter = gongbao::normalize::convert::Opencc::new(variant).map_err(|e| e.to_string())?;
        extractor = extractor.converter(Box::new(converter));
    }
    let keep_text = matches!(args.format, Format::Html);
    if args.out.is_some() && !keep_text {
        return Err("--out DIR writes HTML pages: use it with --format html".to_owned());
    }
    let settings = Settings {
        extractor,
        reference_date: args.reference_date,
        max_bytes: args.max_size.saturating_mul(1 << 20),
        fields: Fields {
            text: args.text_field.clone(),
            id: args.id_field.clone(),
            title: args.title_field.clone(),
            date: args.date_field.clone(),
        },
        jsonl_name: args.jsonl.as_ref().filter(|p| p.as_os_str() != "-").map(|p| p.display().to_string()),
        csv: matches!(args.format, Format::Csv),
        keep_text,
        in_sections: matches!(args.format, Format::Jsonl).then_some(section_bytes),
    };
    let jobs = args.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs).build().map_err(|e| e.to_string())?;

    let jsonl = args.jsonl.as_deref().map(jsonl_inputs).transpose()?;
    let progress = (!args.no_progress && io::stderr().is_terminal()).then(|| Progress::new(&args));
    // Messages on standard error go above the progress bar.
    let say = {
        let bar = progress.as_ref().map(|p| p.bar.clone());
        move |message: &str| match &bar {
            Some(bar) => bar.suspend(|| eprintln!("gongbao: {message}")),
            None => eprintln!("gongbao: {message}"),
        }
    };
    let inputs: Box<dyn Iterator<Item = Input>> = match jsonl {
        Some(lines) => Box::new(lines),
        None => Box::new(path_inputs(args.paths.clone(), say.clone())),
    };

    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut closed = false;
    if matches!(args.format, Format::Csv) {
        match write_csv_header(&mut out) {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(true),
            result => result.map_err(|e| format!("cannot write output: {e}"))?,
        }
    }
    let (mut documents, mut facts, mut failures) = (0usize, 0usize, 0usize);
    let mut report = match &args.out {
        Some(dir) => gongbao::output::report::Report::folder(dir).map_err(|e| format!("cannot write {}: {e}", dir.display()))?,
        None => gongbao::output::report::Report::page(),
    };

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
        // (Owned here: a batch that stops early drops the outcomes not yet written, and with
        // them the channels that workers reading a document in sections wait on.)
        let done_rx = done_rx;
        // Load the dictionaries and models on threads of their own, which the process does
        // not wait for: jieba's dictionary (until it is ready, segmentation uses the words of
        // the text at hand, with the same results); jieba's part-of-speech model for unknown
        // words (a static of jieba-rs, loaded by tagging with an empty dictionary); the
        // gazetteer's index.
        gongbao::segment::load_in_background();
        let warm = |f: fn()| drop(std::thread::Builder::new().spawn(f));
        warm(|| drop(jieba_rs::Jieba::empty().tag("预热", false)));
        scope.spawn(|_| drop(gongbao::places("")));
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
                    // (A send fails only when the batch stopped early.)
                    match outcome {
                        Ok(mut o) if o.sections.is_some() => {
                            let job = o.sections.take().expect("a document to read in sections");
                            // A rendezvous: the worker reads a section while the writer writes
                            // the one before, and waits until it is the document's turn.
                            let (parts, from) = mpsc::sync_channel(0);
                            o.parts = Some(from);
                            if done_tx.send((i, Ok(o))).is_ok() {
                                let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_sections(job, settings, &parts)));
                                if let Err(panic) = read {
                                    let _ = parts.send(Part::Panic(panic));
                                }
                            }
                        }
                        outcome => {
                            let _ = done_tx.send((i, outcome));
                        }
                    }
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
                documents += 1;
                facts += o.document.as_ref().map_or(0, |d| d.facts.len());
                if let Some(complaint) = &o.complaint {
                    failures += 1;
                    say(complaint);
                }
                let result = match (args.format, &o.parts) {
                    (Format::Jsonl, Some(parts)) => write_sections(&mut out, &o, parts).map(|n| facts += n),
                    (Format::Jsonl, None) => write_jsonl(&mut out, &o),
                    (Format::Csv, _) => write_csv(&mut out, &o),
                    (Format::Html, _) => write_html(&mut out, &mut report, &o),
                };
                match result.and_then(|()| out.flush()) {
                    // The reader stopped early (`| head`): a normal end, not worth a word.
                    Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                        closed = true;
                        return Ok(());
                    }
                    result => result.map_err(|e| format!("cannot write output: {e}"))?,
                }
                if let Some(p) = &progress {
                    p.done(documents, o.bytes);
                }
            }
        }
    })?;
    if let Some(p) = &progress {
        p.bar.finish_and_clear();
    }
    if closed {
        return Ok(all_read);
    }
    if documents == 0 {
        // A run that read nothing is not a success: a folder with no document in it, a
        // JSON Lines input with no line (each said so above, or there was nothing to say).
        return Err("no document read".to_owned());
    }
    if failures > 0 || io::stderr().is_terminal() {
        let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        eprintln!(
            "gongbao: {}, {}, {} with errors",
            plural(documents, "document", "documents"),
            plural(facts, "fact", "facts"),
            plural(failures, "document", "documents")
        );
    }
    if matches!(args.format, Format::Html) {
        report.finish(&mut out).and_then(|()| out.flush()).map_err(|e| format!("cannot write output: {e}"))?;
    }
    Ok(all_read)
}

/// The progress bar on a terminal: documents and bytes done, of the total when it is known (the
/// files' sizes, counted on a thread of its own; a JSON Lines file's size), the rate and the
/// time left.
struct Progress {
    bar: indicatif::ProgressBar,
    /// The number of documents, once known (`usize::MAX` until then, or for good).
    total: Arc<AtomicUsize>,
}

impl Progress {
    fn new(args: &ExtractArgs) -> Self {
        let style = indicatif::ProgressStyle::with_template("{spinner} {msg}, {done}{of}, {rate}{left}")
            .expect("template")
            .with_key("done", |s: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{}", indicatif::DecimalBytes(s.pos()));
            })
            .with_key("of", |s: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                if let Some(len) = s.len() {
                    let _ = write!(w, " of {}", indicatif::DecimalBytes(len));
                }
            })
            .with_key("rate", |s: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                let rate = s.per_sec() / 1e6;
                let _ = if rate < 10.0 { write!(w, "{rate:.1} MB/s") } else { write!(w, "{rate:.0} MB/s") };
            })
            .with_key("left", |s: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                if let Some(left) = time_left(s.elapsed(), s.fraction(), s.len().is_some(), s.eta()) {
                    let _ = write!(w, ", {left} left");
                }
            });
        let bar = indicatif::ProgressBar::no_length().with_style(style).with_message("0 documents");
        bar.enable_steady_tick(std::time::Duration::from_millis(200));
        let total = Arc::new(AtomicUsize::new(usize::MAX));
        match &args.jsonl {
            Some(path) if path.as_os_str() != "-" => {
                if let Ok(m) = fs::metadata(path) {
                    bar.set_length(m.len());
                }
            }
            Some(_) => {}
            None if args.paths.iter().any(|p| p.as_os_str() == "-") => {}
            None => {
                // The same walk as the batch's, quietly, on a thread of its own: the batch starts
                // at once and the totals appear when the walk is done.
                let (paths, bar, total) = (args.paths.clone(), bar.clone(), total.clone());
                std::thread::spawn(move || {
                    let (mut documents, mut bytes) = (0, 0);
                    for input in path_inputs(paths, |_: &str| {}) {
                        documents += 1;
                        if let Input::File(path) = input {
                            bytes += fs::metadata(path).map_or(0, |m| m.len());
                        }
                    }
                    total.store(documents, Ordering::Relaxed);
                    bar.set_length(bytes);
                });
            }
        }
        Progress { bar, total }
    }

    /// One more document written, of `bytes`.
    fn done(&self, documents: usize, bytes: u64) {
        self.bar.inc(bytes);
        let plural = if documents == 1 { "document" } else { "documents" };
        match self.total.load(Ordering::Relaxed) {
            usize::MAX => self.bar.set_message(format!("{documents} {plural}")),
            total => self.bar.set_message(format!("{documents} of {total} documents")),
        }
    }
}

/// The time left, once an estimate means something: the total is known, a few seconds have
/// passed (the first documents wait for the dictionaries, which makes the first rate far too
/// low) and a hundredth of the work is done. Until then, nothing.
fn time_left(elapsed: std::time::Duration, fraction: f32, total_known: bool, eta: std::time::Duration) -> Option<String> {
    const SETTLED: std::time::Duration = std::time::Duration::from_secs(3);
    (total_known && elapsed >= SETTLED && (0.01..1.0).contains(&fraction)).then(|| indicatif::HumanDuration(eta).to_string())
}

/// The documents named by paths: files as given, folders walked recursively in name order. A
/// folder given that holds no document is `note`d.
fn path_inputs(paths: Vec<PathBuf>, note: impl Fn(&str)) -> impl Iterator<Item = Input> {
    /// A pending entry: a path (and whether it was given), or the end of a given folder's walk.
    enum Entry {
        Path(PathBuf, bool),
        End(PathBuf, usize),
    }
    // A stack of pending entries, each folder's entries pushed in reverse name order so they
    // come out in name order; folders are read lazily, one at a time.
    let mut stack: Vec<Entry> = paths.into_iter().rev().map(|p| Entry::Path(p, true)).collect();
    let mut found = 0usize;
    std::iter::from_fn(move || {
        while let Some(entry) = stack.pop() {
            let (path, explicit) = match entry {
                Entry::Path(path, explicit) => (path, explicit),
                Entry::End(folder, before) => {
                    if found == before {
                        note(&format!("{}: no *.txt, *.htm or *.html file in this folder", folder.display()));
                    }
                    continue;
                }
            };
            if explicit && path.as_os_str() == "-" {
                found += 1;
                return Some(Input::Stdin);
            }
            let source = path.display().to_string();
            let meta = match fs::metadata(&path) {
                Ok(m) => m,
                Err(e) => {
                    found += 1;
                    return Some(Input::Broken {
                        error: format!("cannot read {source}: {e}"),
                        complaint: format!("{source}: {}", reason(&e)),
                        source,
                    });
                }
            };
            if meta.is_dir() {
                match fs::read_dir(&path).and_then(|rd| rd.map(|e| e.map(|e| e.path())).collect::<io::Result<Vec<_>>>()) {
                    Ok(mut entries) => {
                        entries.sort();
                        if explicit {
                            stack.push(Entry::End(path, found));
                        }
                        stack.extend(entries.into_iter().rev().map(|p| Entry::Path(p, false)));
                    }
                    Err(e) => {
                        found += 1;
                        let complaint = format!("{source}: cannot read folder: {}", reason(&e));
                        return Some(Input::Broken { error: format!("cannot read folder {source}: {e}"), complaint, source });
                    }
                }
                continue;
            }
            if explicit || has_document_extension(&path) {
                found += 1;
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
        let f = fs::File::open(path).map_err(|e| format!("{}: {}", path.display(), reason(&e)))?;
        Box::new(io::BufReader::with_capacity(1 << 20, f))
    };
    let name = if path.as_os_str() == "-" { String::new() } else { format!("{} ", path.display()) };
    let mut reader = Some(reader);
    let (mut number, mut blank_bytes) = (0, 0);
    Ok(std::iter::from_fn(move || {
        loop {
            let mut buf = Vec::new();
            number += 1;
            match reader.as_mut()?.read_until(b'\n', &mut buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    // A read error ends the input: reading on would fail the same way, forever.
                    reader = None;
                    return Some(Input::Broken {
                        source: format!("line {number}"),
                        error: format!("cannot read line {number}: {e}"),
                        complaint: format!("{name}line {number}: {}", reason(&e)),
                    });
                }
            }
            let bytes = buf.len() as u64 + std::mem::take(&mut blank_bytes);
            if buf.iter().all(u8::is_ascii_whitespace) {
                blank_bytes = bytes;
                continue;
            }
            return Some(Input::Line { number, line: buf, bytes });
        }
    }))
}

/// Read and extract one document. Never panics on bad input: every failure becomes the
/// document's `error`.
fn process(input: Input, settings: &Settings) -> Outcome {
    let failed = |source: String, bytes: u64, error: String, complaint: String| {
        let rows = if settings.csv { table::document_rows(&source, "", None, Some(&error)) } else { Vec::new() };
        Outcome {
            source,
            document: None,
            warnings: Vec::new(),
            error: Some(error),
            complaint: Some(complaint),
            bytes,
            rows,
            text: None,
            sections: None,
            parts: None,
        }
    };
    let done = |source: String, bytes: u64, text: &str, document: Document, warnings: Vec<String>| {
        let rows = if settings.csv { table::document_rows(&source, text, Some(&document), None) } else { Vec::new() };
        Outcome {
            source,
            document: Some(document),
            warnings,
            error: None,
            complaint: None,
            bytes,
            rows,
            text: settings.keep_text.then(|| text.to_owned()),
            sections: None,
            parts: None,
        }
    };
    // A document larger than a section, for the JSON Lines output: read by the worker after
    // its outcome is sent.
    let in_sections = |text: &str| settings.in_sections.is_some_and(|size| text.len() > size);
    let later = |source: String, bytes: u64, sections: SectionsJob, warnings: Vec<String>| Outcome {
        source,
        document: None,
        warnings,
        error: None,
        complaint: None,
        bytes,
        rows: Vec::new(),
        text: None,
        sections: Some(sections),
        parts: None,
    };
    let (source, bytes, html, reference) = match input {
        Input::Broken { source, error, complaint } => return failed(source, 0, error, complaint),
        Input::Stdin => {
            let mut bytes = Vec::new();
            if let Err(e) = io::stdin().lock().take(settings.max_bytes + 1).read_to_end(&mut bytes) {
                return failed("-".into(), 0, format!("cannot read standard input: {e}"), format!("standard input: {}", reason(&e)));
            }
            (String::from("-"), bytes, None, settings.reference_date)
        }
        Input::File(path) => {
            let source = path.display().to_string();
            match fs::metadata(&path) {
                Ok(m) if m.len() > settings.max_bytes => {
                    let error = gongbao::Error::TooLarge { size: m.len(), limit: settings.max_bytes }.to_string();
                    return failed(source.clone(), m.len(), error.clone(), format!("{source}: {error}"));
                }
                Err(e) => return failed(source.clone(), 0, format!("cannot read {source}: {e}"), format!("{source}: {}", reason(&e))),
                Ok(_) => {}
            }
            match fs::read(&path) {
                Ok(bytes) => {
                    let html = is_html_path(&path).then_some(true);
                    (source, bytes, html, settings.reference_date)
                }
                Err(e) => return failed(source.clone(), 0, format!("cannot read {source}: {e}"), format!("{source}: {}", reason(&e))),
            }
        }
        Input::Line { number, line: raw, bytes } => {
            let name = match &settings.jsonl_name {
                Some(file) => format!("{file} line {number}"),
                None => format!("line {number}"),
            };
            let fail = |why: String| failed(format!("line {number}"), bytes, format!("line {number} {why}"), format!("{name}: {why}"));
            // Checked here, on the pool, with SIMD (most of a line is Han characters, which the
            // standard library's check reads one byte at a time).
            let Ok(line) = simdutf8::basic::from_utf8(&raw) else {
                return failed(
                    format!("line {number}"),
                    bytes,
                    format!("line {number} is not valid UTF-8"),
                    format!("{name}: not valid UTF-8"),
                );
            };
            let record = match settings.fields.read_line(line) {
                Ok(record) => record,
                Err(e @ RecordError::NoText(_)) if settings.fields.text.is_none() => {
                    return fail(format!("{e} (name another with --text-field)"));
                }
                Err(e) => return fail(e.to_string()),
            };
            // (The record holds the text: the line's bytes are not kept while it is read.)
            drop(raw);
            let source = record.id.unwrap_or_else(|| format!("line {number}"));
            let reference = record.date.or(settings.reference_date);
            if in_sections(&record.text) {
                return later(source, bytes, SectionsJob { text: record.text, reference, title: record.title }, record.warnings);
            }
            let mut doc = settings.extractor.extract_given(&record.text, record.date.or(settings.reference_date));
            if record.title.is_some() {
                doc.meta.title = record.title;
            }
            return done(source, bytes, &record.text, doc, record.warnings);
        }
    };
    let size = bytes.len() as u64;
    if size > settings.max_bytes {
        let error = gongbao::Error::TooLarge { size, limit: settings.max_bytes }.to_string();
        return failed(source.clone(), size, error.clone(), format!("{source}: {error}"));
    }
    match gongbao::decode::document(&bytes, html) {
        Ok(d) if d.html => {
            let doc = settings.extractor.extract_html_given(&d.decoded.text, reference);
            done(source, size, &d.decoded.text, doc, d.decoded.warnings)
        }
        Ok(d) if !d.html && in_sections(&d.decoded.text) => {
            let warnings = d.decoded.warnings;
            let text = match d.decoded.text {
                std::borrow::Cow::Owned(text) => text,
                // The file's own bytes, taken without a copy.
                std::borrow::Cow::Borrowed(text) if text.len() == bytes.len() => {
                    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
                }
                std::borrow::Cow::Borrowed(text) => text.to_owned(),
            };
            later(source, size, SectionsJob { text, reference, title: None }, warnings)
        }
        Ok(d) => {
            let doc = settings.extractor.extract_given(&d.decoded.text, reference);
            done(source, size, &d.decoded.text, doc, d.decoded.warnings)
        }
        Err(e) => failed(source.clone(), size, e.to_string(), format!("{source}: {e}")),
    }
}

/// Why an input could not be read, as `ls` and `cat` say it: "No such file or directory"
/// (without the error number).
fn reason(e: &io::Error) -> String {
    let text = e.to_string();
    match text.rfind(" (os error ") {
        Some(at) if text.ends_with(')') => text[..at].to_owned(),
        _ => text,
    }
}

fn write_jsonl(out: &mut impl Write, o: &Outcome) -> io::Result<()> {
    let mut warnings = o.warnings.clone();
    if let Some(d) = &o.document {
        warnings.extend(d.warnings.iter().cloned());
    }
    // Straight into the output's buffer, piece by piece: a large document's line (six times
    // its text for a bulletin full of figures) is never held whole.
    serde_json::to_writer(&mut *out, &Line::new(&o.source, o.document.as_ref(), &warnings, o.error.as_deref()))?;
    out.write_all(b"\n")
}

/// Read a document in sections, handing its parts to the writer; stop when the writer is gone.
fn read_sections(job: SectionsJob, settings: &Settings, parts: &mpsc::SyncSender<Part>) {
    let mut sections = settings.extractor.sections_given(&job.text, job.reference);
    let mut head = sections.head().clone();
    if job.title.is_some() {
        head.meta.title = job.title;
    }
    if parts.send(Part::Head(Box::new(head))).is_err() {
        return;
    }
    for facts in sections.by_ref() {
        if parts.send(Part::Facts(facts)).is_err() {
            return;
        }
    }
    let _ = parts.send(Part::End(sections.warnings().to_vec()));
}

/// Write the line of a document read in sections as its parts come; the number of its facts.
fn write_sections(out: &mut impl Write, o: &Outcome, parts: &mpsc::Receiver<Part>) -> io::Result<usize> {
    let mut line = None;
    let mut facts = 0;
    for part in parts {
        match part {
            Part::Head(head) => line = Some(LineParts::start(&mut *out, &o.source, &head)?),
            Part::Facts(f) => {
                facts += f.len();
                if let Some(line) = &mut line {
                    line.facts(&f)?;
                }
            }
            Part::End(own) => {
                let warnings: Vec<String> = o.warnings.iter().cloned().chain(own).collect();
                if let Some(line) = line.take() {
                    line.finish(&warnings)?;
                }
                break;
            }
            Part::Panic(panic) => std::panic::resume_unwind(panic),
        }
    }
    out.write_all(b"\n")?;
    Ok(facts)
}

fn write_csv_header(out: &mut impl Write) -> io::Result<()> {
    out.write_all("\u{feff}".as_bytes())?;
    let mut w = csv::Writer::from_writer(out);
    w.write_record(table::COLUMNS)?;
    w.flush()
}

fn write_csv(out: &mut impl Write, o: &Outcome) -> io::Result<()> {
    let mut w = csv::WriterBuilder::new().has_headers(false).from_writer(out);
    for row in &o.rows {
        w.write_record(row)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn no_time_left_until_it_means_something() {
        let eta = Duration::from_secs(300);
        // The first document of a 3 s job, slowed by the dictionaries: no "5 minutes left".
        assert_eq!(time_left(Duration::from_millis(400), 0.004, true, eta), None);
        assert_eq!(time_left(Duration::from_secs(2), 0.6, true, eta), None, "a short job never shows one");
        assert_eq!(time_left(Duration::from_secs(30), 0.5, false, eta), None, "the total is not known yet");
        assert_eq!(time_left(Duration::from_secs(4), 0.005, true, eta), None, "too little done");
        assert_eq!(time_left(Duration::from_secs(30), 0.1, true, eta).as_deref(), Some("5 minutes"));
    }
}
