//! The CSV table: one row per fact, with the figure's record in columns, so that the CSV is the
//! analyst's table. The binary writes these rows with the `csv` crate; the Python package builds
//! its DataFrame from the same columns.

use crate::fact::{Fact, Period, Value};

/// The columns, in order.
pub const COLUMNS: &[&str] = &[
    "source",
    "kind",
    "start",
    "end",
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
    "error",
];

/// The index of a column by name.
///
/// # Panics
/// When `name` is not one of [`COLUMNS`] (a programming error, caught by the tests).
pub fn column(name: &str) -> usize {
    COLUMNS.iter().position(|c| *c == name).unwrap_or_else(|| panic!("no CSV column {name:?}"))
}

/// The row of a document that could not be read: its source and the error, nothing else.
pub fn error_row(source: &str, error: &str) -> Vec<String> {
    let mut row = vec![String::new(); COLUMNS.len()];
    row[column("source")] = source.to_owned();
    row[column("error")] = error.to_owned();
    row
}

/// The row of one fact.
pub fn fact_row(source: &str, f: &Fact) -> Vec<String> {
    let mut row = vec![String::new(); COLUMNS.len()];
    let mut set = |name: &str, value: String| row[column(name)] = value;
    let opt = |x: Option<String>| x.unwrap_or_default();
    set("source", source.to_owned());
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
        for f in &doc.facts {
            let row = fact_row("a.txt", f);
            assert_eq!(row.len(), COLUMNS.len());
            assert_eq!(row[column("text")], f.text);
        }
        assert_eq!(error_row("b.txt", "gone")[column("error")], "gone");
    }
}
