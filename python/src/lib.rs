//! `gongbao._native`: the Python package's native module, a thin PyO3 layer over the library.
//!
//! Extraction, the JSON line (`gongbao::output::Line`) and the CSV's columns
//! (`gongbao::output::table`) are the library's; this layer moves values across (`str` or `bytes`
//! in, the binary's JSON as dicts out), runs batches on a rayon pool with the GIL released, and
//! turns byte spans into `str` indices. The Python API, its docstrings and its types are in
//! `gongbao/__init__.py`.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{LazyLock, Mutex, mpsc};

use gongbao::output::{Line, table};
use gongbao::{Extractor, Fact, PartialDate};
use jiff::civil::Date;
use pyo3::create_exception;
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyByteArray, PyBytes, PyDict, PyList, PyString};

create_exception!(gongbao, GongbaoError, PyValueError, "An error of the gongbao library: a number too large to be exact, an invalid date.");

/// The extractor every call shares (dictionaries are loaded once per process anyway).
static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

/// One document to read, owned so that worker threads read it without the GIL.
enum Input {
    /// A `str`.
    Text(String),
    /// `bytes`, decoded as the binary decodes a file (UTF-8, GB18030, Big5, UTF-16 ...).
    Bytes(Vec<u8>),
}

/// One document with its options.
struct Job {
    input: Input,
    source: String,
    reference: Option<Date>,
    /// `Some(true)`: an HTML page; `Some(false)`: plain text; `None`: sniff, as the binary does
    /// for files that are not `.htm`/`.html`.
    html: Option<bool>,
}

/// What a worker hands back: the document (or why it could not be read) and each fact's span
/// in characters.
struct Done {
    source: String,
    document: Option<gongbao::Document>,
    warnings: Vec<String>,
    error: Option<String>,
    char_spans: Vec<[usize; 2]>,
}

/// Read one document (no Python here: this runs on worker threads without the GIL).
fn run(job: &Job, extractor: &Extractor) -> Done {
    let decoded = match &job.input {
        Input::Text(t) => {
            Ok((Cow::Borrowed(t.as_str()), job.html.unwrap_or_else(|| gongbao::normalize::html::looks_like_html(t)), Vec::new()))
        }
        Input::Bytes(b) => gongbao::decode::document(b, job.html).map(|d| (d.decoded.text, d.html, d.decoded.warnings)),
    };
    let source = job.source.clone();
    let (text, html, mut warnings) = match decoded {
        Ok(d) => d,
        Err(e) => return Done { source, document: None, warnings: Vec::new(), error: Some(e.to_string()), char_spans: Vec::new() },
    };
    let doc = if html {
        extractor.extract_html_with_reference(&text, job.reference)
    } else {
        extractor.extract_with_reference(&text, job.reference)
    };
    warnings.extend(doc.warnings.iter().cloned());
    let char_spans = char_spans(&text, &doc.facts);
    Done { source, document: Some(doc), warnings, error: None, char_spans }
}

/// Each fact's `[start, end)` in characters (Python `str` indices, code points), walking the
/// text once: facts come in the order of their starts.
fn char_spans(text: &str, facts: &[Fact]) -> Vec<[usize; 2]> {
    if text.is_ascii() {
        return facts.iter().map(|f| [f.span.start, f.span.end]).collect();
    }
    let chars = |range: std::ops::Range<usize>| text.get(range).map_or(0, |s| s.chars().count());
    let (mut byte, mut char) = (0, 0);
    facts
        .iter()
        .map(|f| {
            if f.span.start < byte {
                (byte, char) = (0, 0);
            }
            char += chars(byte..f.span.start);
            byte = f.span.start;
            [char, char + f.text.chars().count()]
        })
        .collect()
}

/// The binary's JSON line as a Python dict (the library's `Line`, serialized by serde straight
/// into Python objects), with `char_span` on every fact.
///
/// The facts become dicts one by one, each Rust fact freed as soon as its dict is made, so that
/// a large document's facts are not held twice.
fn to_python<'py>(py: Python<'py>, done: Done) -> PyResult<Bound<'py, PyAny>> {
    let Done { source, mut document, warnings, error, char_spans } = done;
    let facts = document.as_mut().map(|d| std::mem::take(&mut d.facts)).unwrap_or_default();
    let line = pythonize::pythonize_custom::<Interned, _>(py, &Line::new(&source, document.as_ref(), &warnings, error.as_deref()))?;
    drop(document);
    let list = PyList::empty(py);
    let mut char_spans = char_spans.into_iter();
    for fact in facts {
        let dict = pythonize::pythonize_custom::<Interned, _>(py, &fact)?;
        drop(fact);
        if let Some(span) = char_spans.next() {
            dict.set_item(pyo3::intern!(py, "char_span"), span)?;
        }
        list.append(dict)?;
    }
    line.set_item(pyo3::intern!(py, "facts"), list)?;
    Ok(line)
}

/// Dicts whose keys and short string values are interned: every fact's dict has the same
/// twenty-odd keys, and its kind, currency, unit, dates, place names and codes come back again
/// and again; each would otherwise be a new string object (two thirds of a result's memory).
struct Interned;

/// String values up to this many characters are interned (longer ones seldom repeat).
const INTERNED_VALUE_CHARS: usize = 12;

impl pythonize::PythonizeTypes for Interned {
    type Map = InternedKeys;
    type NamedMap = pythonize::PythonizeUnnamedMappingAdapter<InternedKeys>;
    type List = PyList;
}

/// `s` interned (`sys.intern(s)`): the string object Python keeps for its text, `s` itself the
/// first time. `PyString::intern` would make a string from Rust text first: three objects
/// instead of one, for every key of every fact.
fn interned(s: Bound<'_, PyString>) -> Bound<'_, PyString> {
    let py = s.py();
    let mut ptr = s.into_ptr();
    // SAFETY: `ptr` is an owned reference to a `str` object; PyUnicode_InternInPlace replaces it
    // with an owned reference to the interned string (as in `PyString::intern`), which is a `str`.
    unsafe {
        pyo3::ffi::PyUnicode_InternInPlace(&mut ptr);
        Bound::from_owned_ptr(py, ptr).cast_into_unchecked()
    }
}

/// A `dict` built with interned keys and short values.
struct InternedKeys;

impl pythonize::PythonizeMappingType for InternedKeys {
    type Builder<'py> = Bound<'py, PyDict>;

    fn builder<'py>(py: Python<'py>, _len: Option<usize>) -> PyResult<Self::Builder<'py>> {
        Ok(PyDict::new(py))
    }

    fn push_item<'py>(builder: &mut Self::Builder<'py>, key: Bound<'py, PyAny>, value: Bound<'py, PyAny>) -> PyResult<()> {
        let key = match key.cast_into::<PyString>() {
            Ok(name) => interned(name).into_any(),
            Err(e) => e.into_inner(),
        };
        let value = match value.cast_into::<PyString>() {
            Ok(s) if s.len()? <= INTERNED_VALUE_CHARS => interned(s).into_any(),
            Ok(s) => s.into_any(),
            Err(e) => e.into_inner(),
        };
        builder.set_item(key, value)
    }

    fn finish<'py>(builder: Self::Builder<'py>) -> PyResult<Bound<'py, pyo3::types::PyMapping>> {
        Ok(builder.into_mapping())
    }
}

/// Python's cyclic garbage collector, paused while a batch's results are built: they are many
/// small dicts and lists without cycles, and each collection would walk every one built so far
/// (a tenth of a batch's time). The collector's state is restored on drop, error or not.
struct GcPause<'py> {
    gc: Option<Bound<'py, PyModule>>,
}

impl<'py> GcPause<'py> {
    fn new(py: Python<'py>) -> PyResult<Self> {
        let gc = py.import("gc")?;
        if !gc.call_method0("isenabled")?.is_truthy()? {
            return Ok(GcPause { gc: None });
        }
        gc.call_method0("disable")?;
        Ok(GcPause { gc: Some(gc) })
    }
}

impl Drop for GcPause<'_> {
    fn drop(&mut self) {
        if let Some(gc) = &self.gc {
            // (Enabling the collector does not fail; were it to, there is nothing to do.)
            let _ = gc.call_method0("enable");
        }
    }
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type().name().map_or_else(|_| "?".to_owned(), |n| n.to_string())
}

/// A document: `str`, or `bytes` (also `bytearray`) to decode.
fn input(obj: &Bound<'_, PyAny>, what: &dyn Fn() -> String) -> PyResult<Input> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Input::Text(s.to_cow()?.into_owned()));
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Input::Bytes(b.as_bytes().to_vec()));
    }
    if let Ok(b) = obj.cast::<PyByteArray>() {
        return Ok(Input::Bytes(b.to_vec()));
    }
    Err(PyTypeError::new_err(format!("{} must be str or bytes, not {}", what(), type_name(obj))))
}

/// A reference date: `None`, a `datetime.date`, or a `YYYY-MM-DD` string.
fn reference(obj: &Bound<'_, PyAny>, what: &dyn Fn() -> String) -> PyResult<Option<Date>> {
    if obj.is_none() {
        return Ok(None);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        let s = s.to_cow()?;
        return s.parse::<Date>().map(Some).map_err(|_| GongbaoError::new_err(gongbao::Error::InvalidDate(s.into_owned()).to_string()));
    }
    obj.extract::<Date>().map(Some).map_err(|_| {
        PyTypeError::new_err(format!("{} must be a datetime.date, a 'YYYY-MM-DD' str or None, not {}", what(), type_name(obj)))
    })
}

/// `html`: `True`, `False`, or `None` (sniff).
fn html_flag(obj: &Bound<'_, PyAny>, what: &dyn Fn() -> String) -> PyResult<Option<bool>> {
    if obj.is_none() {
        return Ok(None);
    }
    obj.cast::<PyBool>()
        .map(|b| Some(b.is_true()))
        .map_err(|_| PyTypeError::new_err(format!("{} must be a bool or None, not {}", what(), type_name(obj))))
}

/// A per-document argument: one value for every document (when `is_one` says so), or an
/// iterable with one value per document.
fn per_document<'py, T: Clone>(
    arg: &Bound<'py, PyAny>,
    name: &str,
    n: usize,
    is_one: impl Fn(&Bound<'py, PyAny>) -> bool,
    convert: impl Fn(&Bound<'py, PyAny>, &dyn Fn() -> String) -> PyResult<T>,
) -> PyResult<Vec<T>> {
    if is_one(arg) {
        return Ok(vec![convert(arg, &|| name.to_owned())?; n]);
    }
    let mut values = Vec::with_capacity(n);
    for (i, item) in arg.try_iter()?.enumerate() {
        values.push(convert(&item?, &|| format!("{name}[{i}]"))?);
    }
    if values.len() != n {
        return Err(PyValueError::new_err(format!("{name} has {} items for {n} texts", values.len())));
    }
    Ok(values)
}

#[pyfunction]
#[pyo3(signature = (text, reference_date=None, html=None, source=None))]
fn extract<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    reference_date: Option<&Bound<'py, PyAny>>,
    html: Option<bool>,
    source: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let job = Job {
        input: input(text, &|| "text".to_owned())?,
        source: source.unwrap_or_else(|| "-".to_owned()),
        reference: reference_date.map_or(Ok(None), |r| reference(r, &|| "reference_date".to_owned()))?,
        html,
    };
    let done = py.detach(|| run(&job, &EXTRACTOR));
    to_python(py, done)
}

#[pyfunction]
#[pyo3(signature = (texts, reference_dates=None, html=None, sources=None, jobs=None))]
fn extract_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    reference_dates: Option<&Bound<'py, PyAny>>,
    html: Option<&Bound<'py, PyAny>>,
    sources: Option<&Bound<'py, PyAny>>,
    jobs: Option<usize>,
) -> PyResult<Bound<'py, PyList>> {
    if texts.is_instance_of::<PyString>() || texts.is_instance_of::<PyBytes>() {
        return Err(PyTypeError::new_err("texts must be an iterable of documents, not one document (use extract() for one)"));
    }
    let mut inputs = Vec::new();
    for (i, item) in texts.try_iter()?.enumerate() {
        inputs.push(input(&item?, &|| format!("texts[{i}]"))?);
    }
    let n = inputs.len();
    let none = py.None().into_bound(py);
    let references = per_document(
        reference_dates.unwrap_or(&none),
        "reference_dates",
        n,
        |a| a.is_none() || a.is_instance_of::<PyString>() || a.extract::<Date>().is_ok(),
        |a, what| reference(a, what),
    )?;
    let htmls =
        per_document(html.unwrap_or(&none), "html", n, |a| a.is_none() || a.is_instance_of::<PyBool>(), |a, what| html_flag(a, what))?;
    let sources = match sources {
        None => (0..n).map(|i| i.to_string()).collect(),
        Some(s) if s.is_instance_of::<PyString>() => {
            return Err(PyTypeError::new_err("sources must be an iterable with one source per text, not a str"));
        }
        Some(s) => per_document(s, "sources", n, |_| false, |a, _| Ok(a.str()?.to_cow()?.into_owned()))?,
    };
    let batch: Vec<Job> = inputs
        .into_iter()
        .zip(references)
        .zip(htmls)
        .zip(sources)
        .map(|(((input, reference), html), source)| Job { input, source, reference, html })
        .collect();
    let threads = match jobs {
        Some(0) => return Err(PyValueError::new_err("jobs must be at least 1")),
        Some(j) => j,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    run_batch(py, &batch, threads)
}

/// Extract a batch on a pool of `threads` workers with the GIL released; the main thread turns
/// each line into Python objects as it comes, in input order, while the workers go on (as the
/// binary writes its lines).
fn run_batch<'py>(py: Python<'py>, batch: &[Job], threads: usize) -> PyResult<Bound<'py, PyList>> {
    let out = PyList::empty(py);
    if batch.is_empty() {
        return Ok(out);
    }
    let _gc = GcPause::new(py)?;
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
    let (tx, rx) = mpsc::channel::<(usize, std::thread::Result<Done>)>();
    // (A `Receiver` is not `Sync`; the main thread waits on it with the GIL released.)
    let rx = Mutex::new(rx);
    let cancelled = AtomicBool::new(false);
    let cancelled = &cancelled;
    pool.in_place_scope(|scope| -> PyResult<()> {
        // The dictionaries and models load in parallel, each where no other waits for it (as
        // in the binary): jieba's dictionary on a thread of its own (until it is ready,
        // segmentation uses the words of the text at hand, with the same results).
        gongbao::segment::load_in_background();
        scope.spawn(|_| drop(gongbao::places("")));
        scope.spawn(|_| drop(jieba_rs::Jieba::empty().tag("预热", false)));
        for (i, job) in batch.iter().enumerate() {
            let tx = tx.clone();
            scope.spawn(move |_| {
                if cancelled.load(Ordering::Relaxed) {
                    return;
                }
                let done = catch_unwind(AssertUnwindSafe(|| run(job, &EXTRACTOR)));
                // The receiver lives until every document is in, or the call was interrupted.
                let _ = tx.send((i, done));
            });
        }
        drop(tx);
        let result = (|| -> PyResult<()> {
            let mut pending = BTreeMap::new();
            let mut next = 0;
            while next < batch.len() {
                let received = py.detach(|| rx.lock().map_err(|e| e.to_string())?.recv().map_err(|e| e.to_string()));
                let (i, done) = received.map_err(PyRuntimeError::new_err)?;
                pending.insert(i, done.unwrap_or_else(|panic| resume_unwind(panic)));
                while let Some(done) = pending.remove(&next) {
                    out.append(to_python(py, done)?)?;
                    next += 1;
                }
                py.check_signals()?;
            }
            Ok(())
        })();
        if result.is_err() {
            cancelled.store(true, Ordering::Relaxed);
        }
        result
    })?;
    Ok(out)
}

/// A parse result: `None` when the text is not one, a `GongbaoError` for the library's other
/// errors (a number too large to be exact).
fn not_one_is_none<T>(r: gongbao::Result<T>) -> PyResult<Option<T>> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(gongbao::Error::Parse { .. }) => Ok(None),
        Err(e) => Err(GongbaoError::new_err(e.to_string())),
    }
}

/// A date, or the `XXXX-MM-DD` string of one whose year is unknown.
fn partial_date<'py>(py: Python<'py>, d: Option<PartialDate>) -> PyResult<Bound<'py, PyAny>> {
    match d {
        None => Ok(py.None().into_bound(py)),
        Some(d) => match d.to_date() {
            Some(date) => Ok(date.into_pyobject(py)?.into_any()),
            None => Ok(PyString::new(py, &d.to_string()).into_any()),
        },
    }
}

macro_rules! dict {
    ($py:expr, { $($key:literal: $value:expr),* $(,)? }) => {{
        let d = PyDict::new($py);
        $(d.set_item($key, $value)?;)*
        Ok(Some(d))
    }};
}

#[pyfunction]
fn parse_money(py: Python<'_>, text: String) -> PyResult<Option<Bound<'_, PyDict>>> {
    let Some(m) = not_one_is_none(gongbao::parse_money(&text))? else { return Ok(None) };
    dict!(py, {"value": m.value, "max": m.max, "currency": m.currency, "qualifier": m.qualifier.map(|q| q.as_str())})
}

#[pyfunction]
fn parse_count(py: Python<'_>, text: String) -> PyResult<Option<Bound<'_, PyDict>>> {
    let Some(c) = not_one_is_none(gongbao::parse_count(&text))? else { return Ok(None) };
    dict!(py, {"value": c.value, "max": c.max, "classifier": c.classifier, "subject": c.subject, "qualifier": c.qualifier.map(|q| q.as_str())})
}

#[pyfunction]
fn parse_percent(py: Python<'_>, text: String) -> PyResult<Option<Bound<'_, PyDict>>> {
    let Some(p) = not_one_is_none(gongbao::parse_percent(&text))? else { return Ok(None) };
    dict!(py, {"value": p.value, "max": p.max, "unit": p.unit.as_str(), "qualifier": p.qualifier.map(|q| q.as_str()), "role": p.role.map(|r| r.as_str())})
}

#[pyfunction]
fn parse_quantity(py: Python<'_>, text: String) -> PyResult<Option<Bound<'_, PyDict>>> {
    let Some(q) = not_one_is_none(gongbao::parse_quantity(&text))? else { return Ok(None) };
    dict!(py, {"value": q.value, "max": q.max, "unit": q.unit, "qualifier": q.qualifier.map(|q| q.as_str())})
}

#[pyfunction]
fn parse_number(py: Python<'_>, text: String) -> PyResult<Option<Bound<'_, PyDict>>> {
    let Some(n) = not_one_is_none(gongbao::parse_number(&text))? else { return Ok(None) };
    dict!(py, {"value": n.value, "max": n.max, "qualifier": n.qualifier.map(|q| q.as_str())})
}

#[pyfunction]
#[pyo3(signature = (text, reference_date=None))]
fn parse_time<'py>(py: Python<'py>, text: String, reference_date: Option<&Bound<'py, PyAny>>) -> PyResult<Option<Bound<'py, PyDict>>> {
    let reference = reference_date.map_or(Ok(None), |r| reference(r, &|| "reference_date".to_owned()))?;
    let Some(t) = not_one_is_none(gongbao::parse_time(&text, reference))? else { return Ok(None) };
    dict!(py, {"start": partial_date(py, t.start)?, "end": partial_date(py, t.end)?, "relative": t.relative})
}

/// How a table column's strings (`table::fact_row`'s) become Python values.
#[derive(Clone, Copy)]
enum Cell {
    Str,
    Int,
    Decimal,
    /// A date, or a string when the year is unknown (`XXXX-04-28`).
    Date,
    Bool,
}

impl Cell {
    fn of(column: &str) -> Cell {
        match column {
            "start" | "end" | "char_start" | "char_end" | "of" | "part_of" | "duplicate_of" => Cell::Int,
            "value" | "max" => Cell::Decimal,
            "reference_date" | "published" | "time_start" | "time_end" | "period_start" | "period_end" | "compared_start"
            | "compared_end" => Cell::Date,
            "boilerplate" | "relative" => Cell::Bool,
            _ => Cell::Str,
        }
    }

    /// The pandas dtype of the column.
    fn dtype(self) -> &'static str {
        match self {
            Cell::Int => "Int64",
            Cell::Bool => "boolean",
            Cell::Str | Cell::Decimal | Cell::Date => "object",
        }
    }

    /// The value of a cell; the empty string is `None`.
    fn value<'py>(self, py: Python<'py>, decimal: &Bound<'py, PyAny>, s: &str) -> PyResult<Bound<'py, PyAny>> {
        if s.is_empty() {
            return Ok(py.None().into_bound(py));
        }
        Ok(match self {
            Cell::Str => PyString::new(py, s).into_any(),
            Cell::Int => s.parse::<i64>().map_err(|e| PyValueError::new_err(format!("{s:?}: {e}")))?.into_pyobject(py)?.into_any(),
            Cell::Decimal => decimal.call1((s,))?,
            Cell::Date => match s.parse::<Date>() {
                Ok(d) => d.into_pyobject(py)?.into_any(),
                Err(_) => PyString::new(py, s).into_any(),
            },
            Cell::Bool => PyBool::new(py, s == "true").to_owned().into_any(),
        })
    }
}

/// The document's columns, which the table puts right after `source` (the CSV has them at the
/// end of its rows).
const DOC_COLUMNS: [&str; 6] = ["reference_date", "reference_from", "title", "published", "home_area_name", "home_area_code"];

/// The table's columns: the CSV's, with the document's after `source` and `char_start`,
/// `char_end` after `end`.
fn frame_columns() -> Vec<&'static str> {
    let mut columns = Vec::with_capacity(table::COLUMNS.len());
    for &c in table::COLUMNS {
        if DOC_COLUMNS.contains(&c) || c == "char_start" || c == "char_end" {
            continue;
        }
        columns.push(c);
        match c {
            "source" => columns.extend(DOC_COLUMNS),
            "end" => columns.extend(["char_start", "char_end"]),
            _ => {}
        }
    }
    columns
}

/// A string field of a document dict (`None` when absent or null).
fn str_field(doc: &Bound<'_, PyAny>, key: &str) -> PyResult<Option<String>> {
    match doc.get_item(key) {
        Ok(v) if v.is_none() => Ok(None),
        Ok(v) => Ok(Some(v.str()?.to_cow()?.into_owned())),
        Err(e) if e.is_instance_of::<pyo3::exceptions::PyKeyError>(doc.py()) => Ok(None),
        Err(e) => Err(e),
    }
}

/// The rows of `docs` (dicts as `extract` returns them, or the binary's JSON lines read with
/// `json.loads`) as columns: `(columns, {column: values}, {column: pandas dtype})`.
#[pyfunction]
#[allow(clippy::type_complexity)]
fn frame<'py>(py: Python<'py>, docs: &Bound<'py, PyAny>) -> PyResult<(Vec<&'static str>, Bound<'py, PyDict>, Bound<'py, PyDict>)> {
    let columns = frame_columns();
    let cells: Vec<Cell> = columns.iter().map(|c| Cell::of(c)).collect();
    let lists: Vec<Bound<'py, PyList>> = columns.iter().map(|_| PyList::empty(py)).collect();
    let decimal = py.import("decimal")?.getattr("Decimal")?;
    let at = |name: &str| columns.iter().position(|c| *c == name).expect("a frame column");
    let (char_start, char_end) = (at("char_start"), at("char_end"));
    let docs = if docs.is_instance_of::<PyDict>() { PyList::new(py, [docs])?.into_any() } else { docs.clone() };
    for (n, doc) in docs.try_iter()?.enumerate() {
        let doc = doc?;
        if !doc.is_instance_of::<PyDict>() {
            return Err(PyTypeError::new_err(format!("docs[{n}] must be a dict as extract() returns, not {}", type_name(&doc))));
        }
        let source = str_field(&doc, "source")?.unwrap_or_default();
        let home = doc.get_item("home_area").ok().filter(|h| !h.is_none());
        let meta = doc.get_item("meta").ok().filter(|m| !m.is_none());
        let doc_values = [
            str_field(&doc, "reference_date")?,
            str_field(&doc, "reference_from")?,
            meta.as_ref().map(|m| str_field(m, "title")).transpose()?.flatten(),
            meta.as_ref().map(|m| str_field(m, "published")).transpose()?.flatten(),
            home.as_ref().map(|h| str_field(h, "name")).transpose()?.flatten(),
            home.as_ref().map(|h| str_field(h, "code")).transpose()?.flatten(),
        ];
        let push = |row: Vec<String>, span: Option<[usize; 2]>| -> PyResult<()> {
            for (k, (list, cell)) in lists.iter().zip(&cells).enumerate() {
                let s = if k == char_start || k == char_end {
                    span.map(|s| s[usize::from(k == char_end)].to_string()).unwrap_or_default()
                } else if let Some(d) = DOC_COLUMNS.iter().position(|c| *c == columns[k]) {
                    doc_values[d].clone().unwrap_or_default()
                } else {
                    row[table::column(columns[k])].clone()
                };
                list.append(cell.value(py, &decimal, &s)?)?;
            }
            Ok(())
        };
        if let Some(error) = str_field(&doc, "error")? {
            push(table::error_row(&source, &error), None)?;
        }
        let Ok(facts) = doc.get_item("facts") else { continue };
        if facts.is_none() {
            continue;
        }
        let parsed: Vec<Fact> = pythonize::depythonize(&facts)
            .map_err(|e| PyValueError::new_err(format!("docs[{n}]: a fact is not as extract() returns it: {e}")))?;
        for (fact, obj) in parsed.iter().zip(facts.try_iter()?) {
            let span = obj?.get_item("char_span").ok().and_then(|s| s.extract::<[usize; 2]>().ok());
            push(table::fact_row(&source, fact), span)?;
        }
    }
    let data = PyDict::new(py);
    let dtypes = PyDict::new(py);
    for ((column, list), cell) in columns.iter().zip(lists).zip(&cells) {
        data.set_item(column, list)?;
        dtypes.set_item(column, cell.dtype())?;
    }
    Ok((columns, data, dtypes))
}

/// The native module.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add_function(wrap_pyfunction!(parse_money, m)?)?;
    m.add_function(wrap_pyfunction!(parse_count, m)?)?;
    m.add_function(wrap_pyfunction!(parse_percent, m)?)?;
    m.add_function(wrap_pyfunction!(parse_quantity, m)?)?;
    m.add_function(wrap_pyfunction!(parse_number, m)?)?;
    m.add_function(wrap_pyfunction!(parse_time, m)?)?;
    m.add_function(wrap_pyfunction!(frame, m)?)?;
    m.add("GongbaoError", m.py().get_type::<GongbaoError>())?;
    m.add("CSV_COLUMNS", table::COLUMNS.to_vec())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
