//! What an archive gives beside a document's text: the date its relative expressions resolve
//! against (a year, a date or a timestamp), its title and its id.
//!
//! The batch binary reads a `--jsonl` line with [`Fields::read_line`], the Python package's
//! `extract_records` reads a dict or a line the same way, and the Spark example goes through
//! one or the other: whatever the route, a record is read alike.
//!
//! ```
//! use gongbao::input::{Fields, GivenDate};
//!
//! let line = r#"{"title": "2025年政府工作报告", "content": "今年发展主要预期目标是……", "year": "2025"}"#;
//! let fields = Fields { date: Some("year".into()), ..Fields::default() };
//! let record = fields.read_line(line).unwrap();
//! assert_eq!(record.id.as_deref(), Some("2025年政府工作报告"), "no id: the title names it");
//! assert_eq!(record.title.as_deref(), Some("2025年政府工作报告"));
//! assert_eq!(record.date, Some(GivenDate::Year(2025)));
//!
//! let doc = gongbao::Extractor::new().extract_given(&record.text, record.date);
//! assert_eq!(doc.reference_date.unwrap().to_string(), "2025-01-01");
//! assert_eq!(doc.reference_from, Some(gongbao::ReferenceFrom::Argument));
//! ```

use jiff::civil::Date;

use crate::error::{Error, Result};
use crate::fact::{Reference, ReferenceFrom};
use crate::{Document, Extractor};

/// A date as an archive gives it: a day, or a year alone.
///
/// A year is a reference known to the year only, as one inferred from the text is: `今年`,
/// `上半年`, `过去一年` resolve in it, while expressions that need the month or the day (`本月`,
/// `今天`) are not resolved. A document read with a year reports January 1 of that year as its
/// `reference_date`, from the argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GivenDate {
    /// A day.
    Day(Date),
    /// A year alone (1–9999).
    Year(i16),
}

/// Instants (timestamps) are read as dates in China Standard Time, UTC+8: the day a bulletin
/// was published where it was published.
const CHINA: jiff::tz::Offset = jiff::tz::Offset::constant(8);

impl GivenDate {
    /// Read a year, a date or a timestamp:
    ///
    /// - a year: `2025`, `2025年`;
    /// - a date: `2025-03-05`, `2025/3/5`, `2025.3.5`, `2025年3月5日`, `20250305`;
    /// - a timestamp: RFC 3339 or ISO 8601 with an offset (`2025-03-05T09:30:00+08:00`,
    ///   `2025-03-05 01:30:00Z`) or RFC 2822 (`Wed, 05 Mar 2025 09:30:00 +0800`), its day in
    ///   China (UTC+8); a date and a time without an offset (`2025-03-05 09:30:00`), its day as
    ///   written; Unix time in seconds (10 digits) or milliseconds (13 digits), its day in China.
    ///
    /// ```
    /// use gongbao::{Date, input::GivenDate};
    ///
    /// assert_eq!(GivenDate::parse("2025").unwrap(), GivenDate::Year(2025));
    /// assert_eq!(GivenDate::parse("2025年3月5日").unwrap(), GivenDate::Day(Date::constant(2025, 3, 5)));
    /// assert_eq!(GivenDate::parse("2025-03-04T20:00:00Z").unwrap(), GivenDate::Day(Date::constant(2025, 3, 5)));
    /// assert_eq!(GivenDate::parse("1741132800").unwrap(), GivenDate::Day(Date::constant(2025, 3, 5)));
    /// assert!(GivenDate::parse("2025-13-01").is_err());
    /// ```
    pub fn parse(s: &str) -> Result<GivenDate> {
        let s = s.trim();
        let bad = |reason: &str| Error::parse(s, "a year, a date or a timestamp", reason);
        if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
            return match s.len() {
                4 => year(s.parse().map_err(|_| bad("not a year"))?).ok_or_else(|| bad("year 0")),
                8 => day(&s[..4], &s[4..6], &s[6..]).ok_or_else(|| bad("not a date (YYYYMMDD)")),
                9 | 10 => unix(s.parse().map_err(|_| bad("not a number"))?, 1).ok_or_else(|| bad("out of range")),
                12 | 13 => unix(s.parse().map_err(|_| bad("not a number"))?, 1000).ok_or_else(|| bad("out of range")),
                _ => Err(bad("digits that are neither a year (4), a date (8) nor Unix time (10 or 13)")),
            };
        }
        if let Some(y) = s.strip_suffix('年').filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit())) {
            return year(y.parse().map_err(|_| bad("not a year"))?).ok_or_else(|| bad("year 0"));
        }
        if let Some(d) = written_date(s) {
            return d.ok_or_else(|| bad("no such day"));
        }
        if let Ok(t) = s.parse::<jiff::Timestamp>() {
            return Ok(GivenDate::Day(t.to_zoned(jiff::tz::TimeZone::fixed(CHINA)).date()));
        }
        if let Ok(t) = s.parse::<jiff::civil::DateTime>() {
            return Ok(GivenDate::Day(t.date()));
        }
        if let Ok(z) = jiff::fmt::rfc2822::parse(s) {
            return Ok(GivenDate::Day(z.timestamp().to_zoned(jiff::tz::TimeZone::fixed(CHINA)).date()));
        }
        Err(bad("expected a year (2025), a date (2025-03-05) or a timestamp (2025-03-05T09:30:00+08:00, Unix time)"))
    }

    /// Read a number: a year (`2025`), a date written as digits (`20250305`), or Unix time in
    /// seconds (`1741132800`) or milliseconds (`1741132800000`), as [`GivenDate::parse`] reads
    /// their digits. A fraction is allowed in Unix time only.
    ///
    /// ```
    /// use gongbao::input::GivenDate;
    ///
    /// assert_eq!(GivenDate::from_number(2025.0).unwrap(), GivenDate::Year(2025));
    /// assert!(GivenDate::from_number(1741132800.5).is_ok());
    /// assert!(GivenDate::from_number(-3.0).is_err());
    /// ```
    pub fn from_number(n: f64) -> Result<GivenDate> {
        let bad = |reason: &str| Error::parse(&n.to_string(), "a year, a date or a timestamp", reason);
        if !(1.0..1e14).contains(&n) {
            return Err(bad("out of range"));
        }
        let whole = n.trunc();
        let digits = format!("{whole:.0}");
        match digits.len() {
            9 | 10 | 12 | 13 => GivenDate::parse(&digits),
            _ if n == whole => GivenDate::parse(&digits),
            _ => Err(bad("a fraction in a year or a date")),
        }
    }

    /// The day relative time resolves against: the day itself, or January 1 of the year.
    pub fn date(self) -> Date {
        match self {
            GivenDate::Day(d) => d,
            GivenDate::Year(y) => Date::new(y, 1, 1).unwrap_or(Date::MIN),
        }
    }
}

impl From<Date> for GivenDate {
    fn from(d: Date) -> Self {
        GivenDate::Day(d)
    }
}

impl std::str::FromStr for GivenDate {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        GivenDate::parse(s)
    }
}

fn year(y: i16) -> Option<GivenDate> {
    (1..=9999).contains(&y).then_some(GivenDate::Year(y))
}

fn day(y: &str, m: &str, d: &str) -> Option<GivenDate> {
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok().filter(|d| d.year() >= 1).map(GivenDate::Day)
}

fn unix(n: i64, per_second: i64) -> Option<GivenDate> {
    let t = jiff::Timestamp::from_second(n / per_second).ok()?;
    Some(GivenDate::Day(t.to_zoned(jiff::tz::TimeZone::fixed(CHINA)).date()))
}

/// A date written with separators (`2025-03-05`, `2025/3/5`, `2025.3.5`, `2025年3月5日`):
/// `Some(None)` when it has the form but names no day.
fn written_date(s: &str) -> Option<Option<GivenDate>> {
    let fields: Vec<&str> = s.trim_end_matches('日').split(['-', '/', '.', '年', '月']).collect();
    let [y, m, d] = fields[..] else { return None };
    let digits = |f: &str, n: std::ops::RangeInclusive<usize>| n.contains(&f.len()) && f.bytes().all(|b| b.is_ascii_digit());
    (digits(y, 4..=4) && digits(m, 1..=2) && digits(d, 1..=2)).then(|| day(y, m, d))
}

impl Extractor {
    /// Read one document with the date an archive gives (a day, or a year alone; see
    /// [`GivenDate`]); `None` falls back to the document's metadata and text, as
    /// [`Extractor::extract_with_reference`] does.
    pub fn extract_given(&self, text: &str, given: Option<GivenDate>) -> Document {
        self.sections_given(text, given).into_document()
    }

    /// [`Extractor::sections`] with the date an archive gives, as [`Extractor::extract_given`].
    pub fn sections_given<'t>(&self, text: &'t str, given: Option<GivenDate>) -> crate::Sections<'_, 't> {
        crate::Sections::new(self, text, given_reference(given), matches!(given, Some(GivenDate::Year(_))))
    }

    /// [`Extractor::extract_given`] for an HTML page (read whole: a page is not cut in sections).
    #[cfg(feature = "html")]
    pub fn extract_html_given(&self, html: &str, given: Option<GivenDate>) -> Document {
        let reference = given_reference(given);
        let mut doc = self.extract_normalized(html, self.normalizer.normalize_html(html), reference);
        if matches!(given, Some(GivenDate::Year(_))) {
            crate::section::year_given(reference, &mut doc.reference_from, doc.reference_date);
        }
        doc
    }
}

/// The reference a given date makes. A year is a reference known to the year only, which the
/// time recognizer reads as it reads a year inferred from the text (`Text`); the document then
/// says where it came from: the argument ([`crate::section::year_given`]).
fn given_reference(given: Option<GivenDate>) -> Option<Reference> {
    match given {
        None => None,
        Some(GivenDate::Day(date)) => Some(Reference { date, from: ReferenceFrom::Argument }),
        Some(GivenDate::Year(y)) => Some(Reference { date: GivenDate::Year(y).date(), from: ReferenceFrom::Text }),
    }
}

/// Which fields of a record hold its text, id, title and date; `None` takes the defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields {
    /// The text (default: `text`, else `content`).
    pub text: Option<String>,
    /// The id, the document's `source` (default: `id`, else `title`, else `url`; with none of
    /// them, the caller names the record, as the binary does with `line N`).
    pub id: Option<String>,
    /// The title, which becomes the document's `meta.title` (default: `title`).
    pub title: Option<String>,
    /// The date relative expressions resolve against, a year, a date or a timestamp (default:
    /// `reference_date`).
    pub date: Option<String>,
}

impl Fields {
    /// The fields that may hold the text, in the order they are looked at.
    pub fn text_names(&self) -> Vec<&str> {
        self.text.as_deref().map_or_else(|| vec!["text", "content"], |f| vec![f])
    }

    /// The fields that may hold the id, in the order they are looked at.
    pub fn id_names(&self) -> Vec<&str> {
        self.id.as_deref().map_or_else(|| vec!["id", "title", "url"], |f| vec![f])
    }

    /// The field that holds the title.
    pub fn title_name(&self) -> &str {
        self.title.as_deref().unwrap_or("title")
    }

    /// The field that holds the date.
    pub fn date_name(&self) -> &str {
        self.date.as_deref().unwrap_or("reference_date")
    }
}

/// A record as read: its text and what the archive says beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The document's text.
    pub text: String,
    /// Its id (a string as it is; a number or another value as its JSON), or `None` when the
    /// record has none of the id fields.
    pub id: Option<String>,
    /// Its title, when the title field holds a non-empty string.
    pub title: Option<String>,
    /// The date it gives.
    pub date: Option<GivenDate>,
    /// What was ignored, and why (a date field that is not a date).
    pub warnings: Vec<String>,
}

/// Why a record cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RecordError {
    /// The line is not a JSON object.
    #[error("is not a JSON object: {0}")]
    NotAnObject(String),
    /// None of the text fields holds a value.
    #[error("has no {} field", quoted_names(.0))]
    NoText(Vec<String>),
    /// The text field holds something other than a string.
    #[error("has a {0:?} that is not a string")]
    TextNotString(String),
}

fn quoted_names(names: &[String]) -> String {
    names.iter().map(|n| format!("{n:?}")).collect::<Vec<_>>().join(" or ")
}

#[cfg(feature = "jsonl")]
impl Fields {
    /// Read one line of JSON Lines (a JSON object).
    pub fn read_line(&self, line: &str) -> Result<Record, RecordError> {
        let record: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(line).map_err(|e| RecordError::NotAnObject(e.to_string()))?;
        self.read(record)
    }

    /// Read a record: the text from the first text field that is not null, the id from the
    /// first id field that is not null, the title and the date from theirs (a date that is not
    /// one is left out, with a warning).
    pub fn read(&self, mut record: serde_json::Map<String, serde_json::Value>) -> Result<Record, RecordError> {
        use serde_json::Value;
        let names = self.text_names();
        let text = match names.iter().find_map(|f| record.remove(*f).filter(|v| !v.is_null()).map(|v| (*f, v))) {
            Some((_, Value::String(text))) => text,
            Some((field, _)) => return Err(RecordError::TextNotString(field.to_owned())),
            None => return Err(RecordError::NoText(names.iter().map(|n| (*n).to_owned()).collect())),
        };
        let id = self.id_names().iter().find_map(|f| match record.get(*f) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(other) => Some(other.to_string()),
        });
        let title = match record.get(self.title_name()) {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
            _ => None,
        };
        let mut warnings = Vec::new();
        let date_name = self.date_name();
        let date = match record.get(date_name) {
            None | Some(Value::Null) => None,
            Some(value) => {
                let given = match value {
                    Value::String(s) => GivenDate::parse(s).ok(),
                    Value::Number(n) => n.as_f64().and_then(|n| GivenDate::from_number(n).ok()),
                    _ => None,
                };
                if given.is_none() {
                    warnings.push(format!("{date_name} {value} is not a year, a date or a timestamp: ignored"));
                }
                given
            }
        };
        Ok(Record { text, id, title, date, warnings })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i16, m: i8, d: i8) -> GivenDate {
        GivenDate::Day(Date::new(y, m, d).unwrap())
    }

    #[test]
    fn years_dates_and_timestamps() {
        let cases = [
            ("2025", GivenDate::Year(2025)),
            (" 2025年 ", GivenDate::Year(2025)),
            ("2025-03-05", day(2025, 3, 5)),
            ("2025/3/5", day(2025, 3, 5)),
            ("2025.03.05", day(2025, 3, 5)),
            ("2025年3月5日", day(2025, 3, 5)),
            ("20250305", day(2025, 3, 5)),
            ("2025-03-05T09:30:00+08:00", day(2025, 3, 5)),
            ("2025-03-04T20:00:00Z", day(2025, 3, 5)),
            ("2025-03-04 15:59:59Z", day(2025, 3, 4)),
            ("2025-03-05T23:30:00-05:00", day(2025, 3, 6)),
            ("2025-03-05T23:30:00", day(2025, 3, 5)),
            ("2025-03-05 23:30:00", day(2025, 3, 5)),
            ("Wed, 05 Mar 2025 09:30:00 +0800", day(2025, 3, 5)),
            ("1741132800", day(2025, 3, 5)),
            ("1741132800000", day(2025, 3, 5)),
        ];
        for (s, want) in cases {
            assert_eq!(GivenDate::parse(s).ok(), Some(want), "{s}");
        }
        for s in ["", "0000", "2025-02-30", "20251301", "yesterday", "2025-03", "12345", "2025年13月1日", "-2025"] {
            assert!(GivenDate::parse(s).is_err(), "{s}");
        }
        assert_eq!(GivenDate::from_number(20250305.0).ok(), Some(day(2025, 3, 5)));
        assert_eq!(GivenDate::from_number(1741132800123.0).ok(), Some(day(2025, 3, 5)));
        assert!(GivenDate::from_number(2025.5).is_err());
        assert!(GivenDate::from_number(f64::NAN).is_err());
    }

    #[test]
    fn a_year_resolves_what_a_year_resolves_and_nothing_finer() {
        let text = "今年签约项目5个,上半年投资3亿元。本月开工2个。";
        let doc = Extractor::new().extract_given(text, Some(GivenDate::Year(2024)));
        assert_eq!((doc.reference_date, doc.reference_from), (Date::new(2024, 1, 1).ok(), Some(ReferenceFrom::Argument)));
        let times: Vec<String> = doc
            .facts
            .iter()
            .filter_map(|f| match &f.value {
                crate::Value::Time(t) => {
                    Some(format!("{} {:?}..{:?}", f.text, t.start.map(|d| d.to_string()), t.end.map(|d| d.to_string())))
                }
                _ => None,
            })
            .collect();
        assert!(times.iter().any(|t| t.starts_with("今年 Some(\"2024-01-01\")..Some(\"2024-12-31\")")), "{times:?}");
        assert!(times.iter().any(|t| t.starts_with("上半年 Some(\"2024-01-01\")..Some(\"2024-06-30\")")), "{times:?}");
        assert!(!times.iter().any(|t| t.starts_with("本月")), "the month is not known: {times:?}");
        // A day is a day.
        let doc = Extractor::new().extract_given(text, Some(day(2024, 7, 15)));
        assert_eq!(doc.reference_date, Date::new(2024, 7, 15).ok());
        assert!(doc.facts.iter().any(|f| f.text == "本月"));
    }

    #[cfg(feature = "jsonl")]
    #[test]
    fn records_read_as_the_binary_reads_them() {
        let fields = Fields::default();
        let r = fields.read_line(r#"{"url": "http://a/1", "title": " 标题 ", "content": "x", "reference_date": 2024}"#).unwrap();
        assert_eq!((r.id.as_deref(), r.title.as_deref(), r.date), (Some(" 标题 "), Some("标题"), Some(GivenDate::Year(2024))));
        let r = fields.read_line(r#"{"id": 7, "text": "x", "content": "y", "reference_date": "2024/13/01"}"#).unwrap();
        assert_eq!((r.id.as_deref(), r.text.as_str()), (Some("7"), "x"));
        assert_eq!(r.warnings, [r#"reference_date "2024/13/01" is not a year, a date or a timestamp: ignored"#]);
        let r = fields.read_line(r#"{"text": "x", "id": null, "url": "u"}"#).unwrap();
        assert_eq!(r.id.as_deref(), Some("u"));
        assert_eq!(fields.read_line(r#"{"body": "x"}"#).unwrap_err().to_string(), r#"has no "text" or "content" field"#);
        assert_eq!(fields.read_line(r#"{"text": 9}"#).unwrap_err().to_string(), r#"has a "text" that is not a string"#);
        assert!(fields.read_line("[1]").unwrap_err().to_string().starts_with("is not a JSON object"));
        let named = Fields { text: Some("body".into()), id: Some("doc".into()), title: Some("h".into()), date: Some("pub".into()) };
        let r = named.read_line(r#"{"doc": "d", "id": "i", "body": "x", "h": "T", "title": "t", "pub": "2024-07-15T08:00:00Z"}"#).unwrap();
        assert_eq!((r.id.as_deref(), r.title.as_deref(), r.date), (Some("d"), Some("T"), Some(day(2024, 7, 15))));
    }
}
