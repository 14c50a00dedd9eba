//! The CSV table: one row per fact, with the figure's record in columns, so that the CSV is the
//! analyst's table. The binary writes these rows with the `csv` crate; the Python package builds
//! its DataFrame from the same columns.
//!
//! [`document_rows`] gives a document's rows: one per fact, each with the document's own columns
//! (`reference_date`, `title`, `home_area_name`, ...), or a single row with an empty `kind` for a
//! document with no facts or one that could not be read, so that every document is in the table.
//!
//! Columns are only ever added, at the end, so that a reader that counts them keeps reading the
//! same ones: `fact` (the fact's index in its document, which `of`, `part_of` and
//! `duplicate_of` point to) came last for that reason.

use crate::fact::{Fact, Period, Span, Value};
use crate::{Document, ReferenceFrom};

/// The columns, in order.
pub const COLUMNS: &[&str] = &[
    "source",
    "kind",
    "start",
    "end",
    "char_start",
    "char_end",
    "text",
    "value",
    "max",
    "currency",
    "unit",
    "classifier",
    "subject",
    "qualifier",
    "role",
    "time_start",
    "time_end",
    "relative",
    "name",
    "level",
    "code",
    "parent",
    "indicator",
    "period_start",
    "period_end",
    "area_name",
    "area_code",
    "of",
    "part_of",
    "compared_start",
    "compared_end",
    "speaker",
    "boilerplate",
    "duplicate_of",
    "reference_date",
    "reference_from",
    "title",
    "published",
    "home_area_name",
    "home_area_code",
    "error",
    "fact",
];

/// The index of a column by name.
///
/// # Panics
/// When `name` is not one of [`COLUMNS`] (a programming error, caught by the tests).
pub fn column(name: &str) -> usize {
    COLUMNS.iter().position(|c| *c == name).unwrap_or_else(|| panic!("no CSV column {name:?}"))
}

/// A document's rows: one per fact, each with its index, the document's columns and the fact's
/// offsets in characters as well as bytes; a single row with an empty `kind` when the document has no facts;
/// for a document that could not be read (`document` is `None`), a single row with its `error`.
/// `text` is the original text the document was read from, which the character offsets count
/// in (`""` when there is none).
///
/// ```
/// use gongbao::output::table::{column, document_rows};
///
/// let text = "2023年,全市新签约项目52个";
/// let doc = gongbao::extract(text);
/// let rows = document_rows("a.txt", text, Some(&doc), None);
/// let count = rows.iter().find(|r| r[column("kind")] == "count").unwrap();
/// assert_eq!((count[column("start")].as_str(), count[column("char_start")].as_str()), ("29", "13"));
/// assert_eq!(count[column("fact")], "1", "its index in doc.facts");
///
/// let empty = document_rows("b.txt", "", Some(&gongbao::extract("")), None);
/// assert_eq!((empty.len(), empty[0][column("kind")].as_str()), (1, ""));
/// let missing = document_rows("c.txt", "", None, Some("cannot read c.txt"));
/// assert_eq!(missing[0][column("error")], "cannot read c.txt");
/// ```
pub fn document_rows(source: &str, text: &str, document: Option<&Document>, error: Option<&str>) -> Vec<Vec<String>> {
    let Some(doc) = document else {
        return vec![error_row(source, error.unwrap_or_default())];
    };
    let mut rows: Vec<Vec<String>> = if doc.facts.is_empty() {
        let mut row = vec![String::new(); COLUMNS.len()];
        row[column("source")] = source.to_owned();
        vec![row]
    } else {
        let chars = char_spans(text, doc.facts.iter().map(|f| f.span));
        doc.facts
            .iter()
            .enumerate()
            .zip(chars)
            .map(|((i, f), c)| {
                let mut row = fact_row(source, i, f);
                row[column("char_start")] = c.start.to_string();
                row[column("char_end")] = c.end.to_string();
                row
            })
            .collect()
    };
    let opt = |x: Option<String>| x.unwrap_or_default();
    let columns = [
        ("reference_date", opt(doc.reference_date.map(|d| d.to_string()))),
        ("reference_from", opt(doc.reference_from.map(|r| reference_from(r).to_owned()))),
        ("title", opt(doc.meta.title.clone())),
        ("published", opt(doc.meta.published.map(|d| d.to_string()))),
        ("home_area_name", opt(doc.home_area.as_ref().map(|a| a.name.clone()))),
        ("home_area_code", opt(doc.home_area.as_ref().and_then(|a| a.code.clone()))),
        ("error", error.unwrap_or_default().to_owned()),
    ];
    for row in &mut rows {
        for (name, value) in &columns {
            row[column(name)].clone_from(value);
        }
    }
    rows
}

/// The name `CONTRACT.md` gives a reference date's origin.
fn reference_from(r: ReferenceFrom) -> &'static str {
    match r {
        ReferenceFrom::Argument => "argument",
        ReferenceFrom::Metadata => "metadata",
        ReferenceFrom::Text => "text",
    }
}

/// Byte spans of `text` as character spans (counted in Unicode scalar values, as Python and
/// JavaScript strings of the text index it), in the same order. A byte offset inside a
/// character or past the end counts the characters that start before it.
pub fn char_spans(text: &str, spans: impl IntoIterator<Item = Span>) -> Vec<Span> {
    let spans: Vec<Span> = spans.into_iter().collect();
    // Every boundary once, in byte order, counted in one pass over the text.
    let mut bounds: Vec<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
    bounds.sort_unstable();
    bounds.dedup();
    let bytes = text.as_bytes();
    let (mut at, mut chars) = (0, 0);
    let counted: Vec<(usize, usize)> = bounds
        .into_iter()
        .map(|b| {
            let b_clamped = b.min(bytes.len()).max(at);
            chars += bytes[at..b_clamped].iter().filter(|&&x| x & 0xC0 != 0x80).count();
            at = b_clamped;
            (b, chars)
        })
        .collect();
    let find = |b: usize| counted.binary_search_by_key(&b, |&(x, _)| x).map_or(0, |i| counted[i].1);
    spans.iter().map(|s| Span::new(find(s.start), find(s.end))).collect()
}

/// The row of a document that could not be read: its source and the error, nothing else.
pub fn error_row(source: &str, error: &str) -> Vec<String> {
    let mut row = vec![String::new(); COLUMNS.len()];
    row[column("source")] = source.to_owned();
    row[column("error")] = error.to_owned();
    row
}

/// The row of one fact, the `index`th of its document.
pub fn fact_row(source: &str, index: usize, f: &Fact) -> Vec<String> {
    let mut row = vec![String::new(); COLUMNS.len()];
    let mut set = |name: &str, value: String| row[column(name)] = value;
    let opt = |x: Option<String>| x.unwrap_or_default();
    set("source", source.to_owned());
    set("fact", index.to_string());
    set("kind", f.kind().to_string());
    set("start", f.span.start.to_string());
    set("end", f.span.end.to_string());
    set("text", f.text.clone());
    match &f.value {
        Value::Money(m) => {
            set("value", m.value.to_string());
            set("max", opt(m.max.map(|x| x.to_string())));
            set("currency", m.currency.clone());
            set("qualifier", opt(m.qualifier.map(|q| q.as_str().to_owned())));
        }
        Value::Count(c) => {
            set("value", c.value.to_string());
            set("max", opt(c.max.map(|x| x.to_string())));
            set("classifier", c.classifier.clone());
            set("subject", opt(c.subject.clone()));
            set("qualifier", opt(c.qualifier.map(|q| q.as_str().to_owned())));
        }
        Value::Percent(p) => {
            set("value", p.value.to_string());
            set("max", opt(p.max.map(|x| x.to_string())));
            set("unit", p.unit.as_str().to_owned());
            set("qualifier", opt(p.qualifier.map(|q| q.as_str().to_owned())));
            set("role", opt(p.role.map(|r| r.as_str().to_owned())));
        }
        Value::Quantity(q) => {
            set("value", q.value.to_string());
            set("max", opt(q.max.map(|x| x.to_string())));
            set("unit", q.unit.clone());
            set("qualifier", opt(q.qualifier.map(|q| q.as_str().to_owned())));
        }
        Value::Time(t) => {
            set("time_start", opt(t.start.map(|d| d.to_string())));
            set("time_end", opt(t.end.map(|d| d.to_string())));
            set("relative", t.relative.to_string());
        }
        Value::Place(p) => {
            set("name", p.name.clone());
            set("level", p.level.as_str().to_owned());
            set("code", opt(p.code.clone()));
            set("parent", opt(p.parent.clone()));
        }
    }
    if let Some(r) = &f.record {
        let bounds =
            |p: Option<&Period>| (opt(p.and_then(|p| p.start).map(|d| d.to_string())), opt(p.and_then(|p| p.end).map(|d| d.to_string())));
        set("indicator", opt(r.indicator.as_ref().map(|i| i.text.clone())));
        let (start, end) = bounds(r.period.as_ref());
        set("period_start", start);
        set("period_end", end);
        set("area_name", opt(r.area.as_ref().map(|a| a.name.clone())));
        set("area_code", opt(r.area.as_ref().and_then(|a| a.code.clone())));
        set("of", opt(r.of.map(|i| i.to_string())));
        set("part_of", opt(r.part_of.map(|i| i.to_string())));
        let (start, end) = bounds(r.compared_with.as_ref());
        set("compared_start", start);
        set("compared_end", end);
    }
    set("speaker", opt(f.speaker.clone()));
    set("boilerplate", f.boilerplate.to_string());
    set("duplicate_of", opt(f.duplicate_of.map(|i| i.to_string())));
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_has_every_column() {
        let doc = crate::extract("2023年,咸阳市新签约项目52个,总投资116.68亿元,同比增长11.73%。");
        for (i, f) in doc.facts.iter().enumerate() {
            let row = fact_row("a.txt", i, f);
            assert_eq!(row.len(), COLUMNS.len());
            assert_eq!(row[column("text")], f.text);
        }
        assert_eq!(error_row("b.txt", "gone")[column("error")], "gone");
    }

    #[test]
    fn character_offsets_count_characters_not_bytes() {
        let text = "é 签约项目52个";
        let byte = |s: &str| text.find(s).unwrap();
        let spans = [Span::new(byte("52"), text.len()), Span::new(0, 2), Span::new(byte("项"), byte("项"))];
        let chars: Vec<(usize, usize)> = char_spans(text, spans).into_iter().map(|s| (s.start, s.end)).collect();
        assert_eq!(chars, [(6, 9), (0, 1), (4, 4)]);
        // Past the end or inside a character: the characters that start before it.
        assert_eq!(char_spans(text, [Span::new(1, 99)]), [Span::new(1, 9)]);
    }

    #[test]
    fn every_document_row_carries_the_document() {
        let text = "发布日期:2024-07-15\n上半年,全市新签约项目34个。";
        let doc = crate::extract(text);
        let rows = document_rows("d.txt", text, Some(&doc), None);
        assert_eq!(rows.len(), doc.facts.len());
        for (row, fact) in rows.iter().zip(&doc.facts) {
            assert_eq!(row.len(), COLUMNS.len());
            assert_eq!((row[column("published")].as_str(), row[column("reference_from")].as_str()), ("2024-07-15", "metadata"));
            let (start, end) = (row[column("char_start")].parse::<usize>().unwrap(), row[column("char_end")].parse::<usize>().unwrap());
            assert_eq!(text.chars().skip(start).take(end - start).collect::<String>(), fact.text);
        }
    }
}
