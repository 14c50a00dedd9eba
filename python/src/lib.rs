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

use gongbao::input::{Fields, GivenDate, RecordError};
use gongbao::output::{Line, table};
use gongbao::{Extractor, Fact, PartialDate, Value};
use jiff::civil::Date;
use pyo3::create_exception;
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyByteArray, PyBytes, PyDate, PyDateTime, PyDict, PyFloat, PyInt, PyList, PyString};

create_exception!(gongbao, GongbaoError, PyValueError, "An error of the gongbao library: a number too large to be exact, an invalid date.");

/// The extractor every call shares (dictionaries are loaded once per process anyway).
static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

/// One document to read, owned so that worker threads read it without the GIL.
enum Input {
    /// A `str`.
    Text(String),
    /// `bytes`, decoded as the binary decodes a file (UTF-8, GB18030, Big5, UTF-16 ...).
    Bytes(Vec<u8>),
    /// A record (a JSON Lines line, or a dict) read as the binary reads a `--jsonl` line.
    Line(String),
    /// A record that could not be read, and why.
    Unreadable(String),
}

/// One document with its options.
struct Job {
    input: Input,
    source: String,
    reference: Option<GivenDate>,
    /// `Some(true)`: an HTML page; `Some(false)`: plain text; `None`: sniff, as the binary does
    /// for files that are not `.htm`/`.html`.
    html: Option<bool>,
    /// For records: the fields to read, the record's number (its `line N`) and the hint an
    /// error about the text field gives.
    record: Option<(Fields, usize)>,
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
    let failed =
        |source: String, error: String| Done { source, document: None, warnings: Vec::new(), error: Some(error), char_spans: Vec::new() };
    let mut title = None;
    let mut reference = job.reference;
    let mut source = job.source.clone();
    let decoded = match &job.input {
        Input::Text(t) => {
            Ok((Cow::Borrowed(t.as_str()), job.html.unwrap_or_else(|| gongbao::normalize::html::looks_like_html(t)), Vec::new()))
        }
        Input::Bytes(b) => gongbao::decode::document(b, job.html).map(|d| (d.decoded.text, d.html, d.decoded.warnings)),
        Input::Unreadable(why) => return failed(source, why.clone()),
        Input::Line(line) => {
            let (fields, number) = job.record.as_ref().expect("a record has its fields");
            // As the binary reads a --jsonl line (its messages, with this API's names).
            let record = match fields.read_line(line) {
                Ok(r) => r,
                Err(e @ RecordError::NoText(_)) if fields.text.is_none() => {
                    return failed(source, format!("line {number} {e} (name another with text_field=)"));
                }
                Err(e) => return failed(source, format!("line {number} {e}")),
            };
            if let Some(id) = record.id {
                source = id;
            }
            title = record.title;
            reference = record.date.or(reference);
            Ok((Cow::Owned(record.text), false, record.warnings))
        }
    };
    let (text, html, mut warnings) = match decoded {
        Ok(d) => d,
        Err(e) => return failed(source, e.to_string()),
    };
    let mut doc = if html { extractor.extract_html_given(&text, reference) } else { extractor.extract_given(&text, reference) };
    if title.is_some() {
        doc.meta.title = title;
    }
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
    let large = document.as_ref().is_some_and(|d| d.facts.len() >= LARGE_DOCUMENT_FACTS);
    if large {
        release_free_memory();
    }
    let mut facts = document.as_mut().map(|d| std::mem::take(&mut d.facts)).unwrap_or_default();
    let line = pythonize::pythonize_custom::<Interned, _>(py, &Line::new(&source, document.as_ref(), &warnings, error.as_deref()))?;
    drop(document);
    // The last fact first, each taken off the table as its dict is made, and (for a large
    // document) the table shrunk as it empties: the facts' table does not sit beside the whole
    // list of dicts.
    let list = PyList::new(py, (0..facts.len()).map(|_| py.None()))?;
    while let Some(fact) = facts.pop() {
        let i = facts.len();
        let dict = pythonize::pythonize_custom::<Interned, _>(py, &fact)?;
        drop(fact);
        if let Some(&span) = char_spans.get(i) {
            dict.set_item(pyo3::intern!(py, "char_span"), span)?;
        }
        list.set_item(i, dict)?;
        if large && facts.len() < facts.capacity() / 2 {
            facts.shrink_to_fit();
            release_free_memory();
        }
    }
    line.set_item(pyo3::intern!(py, "facts"), list)?;
    Ok(line)
}

/// A document with this many facts (a text of a megabyte or so) is large enough for
/// [`release_free_memory`] before its dicts are made.
const LARGE_DOCUMENT_FACTS: usize = 10_000;

/// Give the memory the extraction freed back to the system. Its tables (the recognizers', the
/// records stage's) are freed by then, but glibc's malloc keeps their pages, and Python makes
/// its dicts in arenas of its own, which never reuse them: without this, a large document's
/// result sat on top of its extraction's peak (issue 23).
fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        unsafe extern "C" {
            /// glibc's `malloc_trim(3)`.
            fn malloc_trim(pad: usize) -> std::ffi::c_int;
        }
        // SAFETY: malloc_trim only returns free pages of malloc's heaps to the system; it takes
        // no pointer and is thread-safe.
        unsafe {
            malloc_trim(0);
        }
    }
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

/// A reference date: `None`; a `datetime.date`; a `datetime.datetime` (its day in China, UTC+8,
/// when it is aware); a year or Unix time (`int`, `float`); or a `str` that is a year, a date or a
/// timestamp (`gongbao::input::GivenDate::parse`).
fn reference(obj: &Bound<'_, PyAny>, what: &dyn Fn() -> String) -> PyResult<Option<GivenDate>> {
    given_date(obj).map_err(|e| match e {
        Unfit::Value(message) => GongbaoError::new_err(format!("{}: {message}", what())),
        Unfit::Type => PyTypeError::new_err(format!(
            "{} must be a datetime.date, a year, a 'YYYY-MM-DD' str, a timestamp or None, not {}",
            what(),
            type_name(obj)
        )),
    })
}

/// Why a Python value is not a date.
enum Unfit {
    /// Not a kind of value a date can be.
    Type,
    /// A kind that can, but this one is not (with the library's message).
    Value(String),
}

fn given_date(obj: &Bound<'_, PyAny>) -> Result<Option<GivenDate>, Unfit> {
    if obj.is_none() {
        return Ok(None);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        let s = s.to_cow().map_err(|_| Unfit::Type)?;
        return GivenDate::parse(&s).map(Some).map_err(|e| Unfit::Value(e.to_string()));
    }
    if obj.is_instance_of::<PyBool>() {
        return Err(Unfit::Type);
    }
    if obj.is_instance_of::<PyInt>() || obj.is_instance_of::<PyFloat>() {
        let n: f64 = obj.extract().map_err(|_| Unfit::Type)?;
        return GivenDate::from_number(n).map(Some).map_err(|e| Unfit::Value(e.to_string()));
    }
    if obj.is_instance_of::<PyDateTime>() {
        // An aware datetime is an instant: its day in China. A naive one is its day as written.
        let aware = !obj.getattr("tzinfo").map_err(|_| Unfit::Type)?.is_none();
        let text: String = obj.call_method0("isoformat").and_then(|s| s.extract()).map_err(|_| Unfit::Type)?;
        return if aware {
            GivenDate::parse(&text).map(Some).map_err(|e| Unfit::Value(e.to_string()))
        } else {
            Ok(Some(GivenDate::Day(obj.call_method0("date").and_then(|d| d.extract::<Date>()).map_err(|_| Unfit::Type)?)))
        };
    }
    if obj.is_instance_of::<PyDate>() {
        return obj.extract::<Date>().map(|d| Some(GivenDate::Day(d))).map_err(|_| Unfit::Type);
    }
    Err(Unfit::Type)
}

/// A number of threads: `None` for one per core, else at least 1.
fn threads(jobs: Option<&Bound<'_, PyAny>>) -> PyResult<usize> {
    let Some(jobs) = jobs.filter(|j| !j.is_none()) else {
        return Ok(std::thread::available_parallelism().map_or(1, |n| n.get()));
    };
    let explain =
        |got: String| PyValueError::new_err(format!("jobs must be a number of threads, 1 or more, or None for one per core; got {got}"));
    if jobs.is_instance_of::<PyBool>() || !jobs.is_instance_of::<PyInt>() {
        return Err(PyTypeError::new_err(format!("jobs must be an int or None, not {}", type_name(jobs))));
    }
    match jobs.extract::<i64>() {
        Ok(n) if n >= 1 => Ok(usize::try_from(n).unwrap_or(usize::MAX)),
        Ok(n) => Err(explain(n.to_string())),
        Err(_) => Err(explain(jobs.str().map_or_else(|_| "?".to_owned(), |s| s.to_string()))),
    }
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
        record: None,
    };
    let done = py.detach(|| run(&job, &EXTRACTOR));
    // (The text's copy is not needed by the dicts.)
    drop(job);
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
    jobs: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let threads = threads(jobs)?;
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
        |a| {
            a.is_none()
                || a.is_instance_of::<PyString>()
                || a.is_instance_of::<PyDate>()
                || a.is_instance_of::<PyInt>()
                || a.is_instance_of::<PyFloat>()
        },
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
        .map(|(((input, reference), html), source)| Job { input, source, reference, html, record: None })
        .collect();
    run_batch(py, &batch, threads)
}

/// A field name argument: `None` or a `str`.
fn field_name(obj: Option<&Bound<'_, PyAny>>, name: &str) -> PyResult<Option<String>> {
    match obj.filter(|o| !o.is_none()) {
        None => Ok(None),
        Some(o) => o
            .cast::<PyString>()
            .map(|s| Some(s.to_string()))
            .map_err(|_| PyTypeError::new_err(format!("{name} must be a str or None, not {}", type_name(o)))),
    }
}

/// A dict's value as JSON, for the record reader: what JSON has as itself, a date as its ISO
/// form, anything else as its `str`.
fn json_value(v: &Bound<'_, PyAny>) -> PyResult<serde_json::Value> {
    use serde_json::Value as J;
    Ok(if v.is_none() {
        J::Null
    } else if let Ok(s) = v.cast::<PyString>() {
        J::String(s.to_cow()?.into_owned())
    } else if let Ok(b) = v.cast::<PyBool>() {
        J::Bool(b.is_true())
    } else if v.is_instance_of::<PyInt>() {
        match v.extract::<i64>() {
            Ok(n) => J::from(n),
            Err(_) => J::String(v.str()?.to_string()),
        }
    } else if v.is_instance_of::<PyFloat>() {
        serde_json::Number::from_f64(v.extract()?).map_or(J::Null, J::Number)
    } else if v.is_instance_of::<PyDate>() {
        J::String(v.call_method0("isoformat")?.extract()?)
    } else {
        // Lists, dicts: a text field holding one is "not a string", as in the binary.
        match pythonize::depythonize::<serde_json::Value>(v) {
            Ok(j) => j,
            Err(_) => J::String(v.str()?.to_string()),
        }
    })
}

#[pyfunction]
#[pyo3(signature = (records, text_field=None, id_field=None, title_field=None, date_field=None, reference_date=None, line_numbers=None, jobs=None))]
#[allow(clippy::too_many_arguments)]
fn extract_records<'py>(
    py: Python<'py>,
    records: &Bound<'py, PyAny>,
    text_field: Option<&Bound<'py, PyAny>>,
    id_field: Option<&Bound<'py, PyAny>>,
    title_field: Option<&Bound<'py, PyAny>>,
    date_field: Option<&Bound<'py, PyAny>>,
    reference_date: Option<&Bound<'py, PyAny>>,
    line_numbers: Option<&Bound<'py, PyAny>>,
    jobs: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let threads = threads(jobs)?;
    if records.is_instance_of::<PyString>() || records.is_instance_of::<PyBytes>() || records.is_instance_of::<PyDict>() {
        return Err(PyTypeError::new_err("records must be an iterable of records (dicts or JSON lines), not one record"));
    }
    let fields = Fields {
        text: field_name(text_field, "text_field")?,
        id: field_name(id_field, "id_field")?,
        title: field_name(title_field, "title_field")?,
        date: field_name(date_field, "date_field")?,
    };
    let fallback = reference_date.map_or(Ok(None), |r| reference(r, &|| "reference_date".to_owned()))?;
    let mut numbers = match line_numbers.filter(|n| !n.is_none()) {
        Some(n) => Some(n.try_iter()?),
        None => None,
    };
    // Only the fields the reader looks at cross over from a dict.
    let wanted: Vec<String> = fields
        .text_names()
        .into_iter()
        .chain(fields.id_names())
        .chain([fields.title_name(), fields.date_name()])
        .map(str::to_owned)
        .collect();
    let mut batch = Vec::new();
    for (i, record) in records.try_iter()?.enumerate() {
        let record = record?;
        let number = match numbers.as_mut() {
            Some(it) => match it.next() {
                Some(n) => {
                    n?.extract::<usize>().map_err(|_| PyTypeError::new_err(format!("line_numbers[{i}] must be an int of 1 or more")))?
                }
                None => return Err(PyValueError::new_err(format!("line_numbers has {i} items for more records"))),
            },
            None => i + 1,
        };
        let input = if let Ok(d) = record.cast::<PyDict>() {
            let mut map = serde_json::Map::new();
            for name in &wanted {
                if let Some(v) = d.get_item(name)? {
                    map.insert(name.clone(), json_value(&v)?);
                }
            }
            Input::Line(serde_json::Value::Object(map).to_string())
        } else if let Ok(s) = record.cast::<PyString>() {
            Input::Line(s.to_cow()?.into_owned())
        } else if let Ok(b) = record.cast::<PyBytes>() {
            match std::str::from_utf8(b.as_bytes()) {
                Ok(s) => Input::Line(s.to_owned()),
                Err(_) => Input::Unreadable(format!("line {number} is not valid UTF-8")),
            }
        } else {
            return Err(PyTypeError::new_err(format!("records[{i}] must be a dict, a str or bytes, not {}", type_name(&record))));
        };
        batch.push(Job {
            input,
            source: format!("line {number}"),
            reference: fallback,
            html: Some(false),
            record: Some((fields.clone(), number)),
        });
    }
    if let Some(mut rest) = numbers
        && rest.next().is_some()
    {
        return Err(PyValueError::new_err(format!("line_numbers has more items than the {} records", batch.len())));
    }
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
    let reference = match reference_date.map_or(Ok(None), |r| reference(r, &|| "reference_date".to_owned()))? {
        None => None,
        Some(GivenDate::Day(d)) => Some(d),
        Some(GivenDate::Year(_)) => return Err(GongbaoError::new_err("parse_time's reference_date is a day, not a year alone")),
    };
    let Some(t) = not_one_is_none(gongbao::parse_time(&text, reference))? else { return Ok(None) };
    dict!(py, {"start": partial_date(py, t.start)?, "end": partial_date(py, t.end)?, "relative": t.relative})
}

/// A frame column's type, which the Python side turns into a pandas or polars dtype.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Type {
    Str,
    Float,
    Int,
    Bool,
    Date,
}

impl Type {
    fn name(self) -> &'static str {
        match self {
            Type::Str => "str",
            Type::Float => "float",
            Type::Int => "int",
            Type::Bool => "bool",
            Type::Date => "date",
        }
    }
}

/// Which facts a frame has: a frame of figures, of times, of places, or of all facts (and, as
/// in the CSV, a row for a document with no facts).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Frame {
    Figures,
    Times,
    Places,
    All,
}

impl Frame {
    fn parse(kind: &str) -> PyResult<Frame> {
        Ok(match kind {
            "figures" => Frame::Figures,
            "times" => Frame::Times,
            "places" => Frame::Places,
            "all" => Frame::All,
            other => {
                return Err(PyValueError::new_err(format!("kind must be \"figures\", \"times\", \"places\" or \"all\", not {other:?}")));
            }
        })
    }

    fn keeps(self, fact: &Fact) -> bool {
        match self {
            Frame::Figures => fact.is_figure(),
            Frame::Times => matches!(fact.value, Value::Time(_)),
            Frame::Places => matches!(fact.value, Value::Place(_)),
            Frame::All => true,
        }
    }

    /// The frame's columns: the fact's identity and text first, then what its kind says, then
    /// the document's columns, the offsets last.
    fn columns(self) -> Vec<(&'static str, Type)> {
        use Type::*;
        let head = [("source", Str), ("fact", Int), ("kind", Str), ("text", Str)];
        let figure = [
            ("value", Float),
            ("value_exact", Str),
            ("max", Float),
            ("max_exact", Str),
            ("currency", Str),
            ("unit", Str),
            ("classifier", Str),
            ("subject", Str),
            ("qualifier", Str),
            ("role", Str),
            ("indicator", Str),
            ("period_start", Date),
            ("period_end", Date),
            ("period", Str),
            ("area", Str),
            ("area_code", Str),
            ("of", Int),
            ("part_of", Int),
            ("compared_start", Date),
            ("compared_end", Date),
            ("compared", Str),
        ];
        let time = [("time_start", Date), ("time_end", Date), ("time", Str), ("relative", Bool)];
        let place = [("name", Str), ("level", Str), ("code", Str), ("parent", Str)];
        let tail = [
            ("speaker", Str),
            ("boilerplate", Bool),
            ("duplicate_of", Int),
            ("reference_date", Date),
            ("reference_from", Str),
            ("title", Str),
            ("published", Date),
            ("home_area", Str),
            ("home_area_code", Str),
            ("start", Int),
            ("end", Int),
            ("char_start", Int),
            ("char_end", Int),
            ("error", Str),
        ];
        let mut columns: Vec<(&str, Type)> = head.to_vec();
        match self {
            Frame::Figures => columns.extend(figure),
            Frame::Times => columns.extend(time),
            Frame::Places => columns.extend(place),
            Frame::All => columns.extend(figure.into_iter().chain(time).chain(place)),
        }
        columns.extend(tail);
        columns
    }
}

/// The CSV column a frame column takes its text from, when it is one.
fn csv_column(name: &str) -> Option<&'static str> {
    Some(match name {
        "value_exact" | "value" => "value",
        "max_exact" | "max" => "max",
        "area" => "area_name",
        "home_area" => "home_area_name",
        "period" | "compared" | "time" | "char_start" | "char_end" => return None,
        other => table::COLUMNS.iter().find(|c| **c == other)?,
    })
}

/// A range as EDTF writes an interval: `2023-01-01/2023-06-30`, `../2023-12-20` for an open
/// start, `XXXX-04-28/XXXX-04-28` for a year nothing tells.
fn interval(start: Option<PartialDate>, end: Option<PartialDate>) -> String {
    let bound = |d: Option<PartialDate>| d.map_or_else(|| "..".to_owned(), |d| d.to_string());
    format!("{}/{}", bound(start), bound(end))
}

/// A frame column's value in a row: the CSV cell's text typed, or what the fact says.
fn frame_value<'py>(
    py: Python<'py>,
    name: &str,
    ty: Type,
    row: &[String],
    fact: Option<&Fact>,
    span: Option<[usize; 2]>,
) -> PyResult<Bound<'py, PyAny>> {
    let none = || Ok(py.None().into_bound(py));
    let written = match name {
        "period" | "compared" => {
            let period = fact
                .and_then(|f| f.record.as_ref())
                .and_then(|r| if name == "period" { r.period.as_ref() } else { r.compared_with.as_ref() });
            period.map(|p| interval(p.start, p.end))
        }
        "time" => match fact.map(|f| &f.value) {
            Some(Value::Time(t)) => Some(interval(t.start, t.end)),
            _ => None,
        },
        "char_start" | "char_end" => span.map(|s| s[usize::from(name == "char_end")].to_string()),
        _ => csv_column(name).map(|c| row[table::column(c)].clone()),
    };
    let Some(s) = written.filter(|s| !s.is_empty()) else { return none() };
    Ok(match ty {
        Type::Str => PyString::new(py, &s).into_any(),
        Type::Int => s.parse::<i64>().map_err(|e| PyValueError::new_err(format!("{s:?}: {e}")))?.into_pyobject(py)?.into_any(),
        Type::Float => s.parse::<f64>().map_err(|e| PyValueError::new_err(format!("{s:?}: {e}")))?.into_pyobject(py)?.into_any(),
        Type::Bool => PyBool::new(py, s == "true").to_owned().into_any(),
        // A date whose year is unknown (`XXXX-04-28`) or out of Python's range is missing here;
        // the written form is in `period`, `time`, `compared`.
        Type::Date => match s.parse::<Date>() {
            Ok(d) if (1..=9999).contains(&d.year()) => d.into_pyobject(py)?.into_any(),
            _ => return none(),
        },
    })
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
/// `json.loads`) as columns of the frame `kind` names: `(columns, {column: values}, {column:
/// type})`, types being `str`, `float`, `int`, `bool`, `date`. With `drop_empty`, a column no
/// row fills is left out.
#[pyfunction]
#[pyo3(signature = (docs, kind="figures", drop_empty=true))]
#[allow(clippy::type_complexity)]
fn frame<'py>(
    py: Python<'py>,
    docs: &Bound<'py, PyAny>,
    kind: &str,
    drop_empty: bool,
) -> PyResult<(Vec<&'static str>, Bound<'py, PyDict>, Bound<'py, PyDict>)> {
    let frame = Frame::parse(kind)?;
    let columns = frame.columns();
    let lists: Vec<Bound<'py, PyList>> = columns.iter().map(|_| PyList::empty(py)).collect();
    let mut filled = vec![false; columns.len()];
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
            ("reference_date", str_field(&doc, "reference_date")?),
            ("reference_from", str_field(&doc, "reference_from")?),
            ("title", meta.as_ref().map(|m| str_field(m, "title")).transpose()?.flatten()),
            ("published", meta.as_ref().map(|m| str_field(m, "published")).transpose()?.flatten()),
            ("home_area_name", home.as_ref().map(|h| str_field(h, "name")).transpose()?.flatten()),
            ("home_area_code", home.as_ref().map(|h| str_field(h, "code")).transpose()?.flatten()),
        ];
        let mut push = |mut row: Vec<String>, fact: Option<&Fact>, span: Option<[usize; 2]>| -> PyResult<()> {
            for (name, value) in &doc_values {
                row[table::column(name)] = value.clone().unwrap_or_default();
            }
            for (k, ((name, ty), list)) in columns.iter().zip(&lists).enumerate() {
                let value = frame_value(py, name, *ty, &row, fact, span)?;
                filled[k] |= !value.is_none();
                list.append(value)?;
            }
            Ok(())
        };
        if let Some(error) = str_field(&doc, "error")? {
            push(table::error_row(&source, &error), None, None)?;
            continue;
        }
        let facts = doc.get_item("facts").ok().filter(|f| !f.is_none());
        let parsed: Vec<Fact> = match &facts {
            Some(facts) => pythonize::depythonize(facts)
                .map_err(|e| PyValueError::new_err(format!("docs[{n}]: a fact is not as extract() returns it: {e}")))?,
            None => Vec::new(),
        };
        if parsed.is_empty() {
            if frame == Frame::All {
                // As in the CSV: a document with no facts is a row of its own.
                let mut row = vec![String::new(); table::COLUMNS.len()];
                row[table::column("source")] = source.clone();
                push(row, None, None)?;
            }
            continue;
        }
        let objects: Vec<Bound<'py, PyAny>> = facts.map_or(Ok(Vec::new()), |f| f.try_iter()?.collect::<PyResult<_>>())?;
        for (i, (fact, obj)) in parsed.iter().zip(objects).enumerate() {
            if !frame.keeps(fact) {
                continue;
            }
            let span = obj.get_item("char_span").ok().and_then(|s| s.extract::<[usize; 2]>().ok());
            push(table::fact_row(&source, i, fact), Some(fact), span)?;
        }
    }
    let data = PyDict::new(py);
    let types = PyDict::new(py);
    let mut kept = Vec::with_capacity(columns.len());
    for (k, ((name, ty), list)) in columns.iter().zip(lists).enumerate() {
        if drop_empty && !filled[k] {
            continue;
        }
        kept.push(*name);
        data.set_item(name, list)?;
        types.set_item(name, ty.name())?;
    }
    Ok((kept, data, types))
}

/// The native module.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add_function(wrap_pyfunction!(extract_records, m)?)?;
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
