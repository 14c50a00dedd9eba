//! Parse one expression of one kind: the extractors, applied to a string that must be exactly
//! one fact (qualifier words around it allowed).

use crate::document::Layout;
use crate::error::{Error, Result};
use crate::extract::{Context, Found, Recognizer, count, money, percent, quantity};
use crate::fact::{Count, Kind, Money, Percent, Quantity, TimeRange, Value};
use crate::normalize::Normalizer;
use crate::number::{leading_qualifier, suffix_qualifier};

fn parse_one(input: &str, kind: Kind, what: &'static str) -> Result<Value> {
    static NORMALIZER: std::sync::LazyLock<Normalizer> = std::sync::LazyLock::new(Normalizer::default);
    let trimmed = input.trim();
    let n = NORMALIZER.normalize(trimmed);
    let text: &str = &n.text;
    let layout = Layout::default();
    let ctx = Context::new(trimmed, text, &n.map, &layout, None);
    let mut found = Found::default();
    let numeric: [&dyn Recognizer; 4] = [&percent::Percent, &money::Money, &quantity::Quantity, &count::Count];
    for r in numeric {
        r.recognize(&ctx, &mut found);
    }
    let mut of_kind = found.candidates.into_iter().filter(|c| c.value.kind() == kind);
    let Some(c) = of_kind.next() else {
        return Err(Error::parse(input, what, format!("no {what} found")));
    };
    if of_kind.next().is_some() {
        return Err(Error::parse(input, what, format!("more than one {what}")));
    }
    if let Some(p) = ctx.number_problems().first() {
        return Err(Error::OutOfRange(format!("{input}: {}", p.message)));
    }
    let head = &text[..c.span.start];
    let head_ok = head.is_empty() || leading_qualifier(head).1 == head.len();
    let tail_ok = c.span.end == text.len() || suffix_qualifier(text, c.span.end).is_some_and(|(_, e)| e == text.len());
    if !head_ok || !tail_ok {
        return Err(Error::parse(input, what, format!("{:?} is more than one {what}", input)));
    }
    Ok(c.value)
}

/// Parse an amount of money: `116.68亿元`, `4830万美元`, `约5亿元人民币`, `3-5亿元`.
///
/// # Examples
///
/// ```
/// let m = gongbao::parse_money("116.68亿元").unwrap();
/// assert_eq!((m.value.to_string().as_str(), m.currency.as_str()), ("11668000000", "CNY"));
/// let m = gongbao::parse_money("4830万美元").unwrap();
/// assert_eq!((m.value.to_string().as_str(), m.currency.as_str()), ("48300000", "USD"));
/// assert!(gongbao::parse_money("52个").is_err());
/// ```
pub fn parse_money(input: &str) -> Result<Money> {
    match parse_one(input, Kind::Money, "money")? {
        Value::Money(m) => Ok(m),
        _ => unreachable!("filtered by kind"),
    }
}

/// Parse a count: `160多家`, `52个`, `1.3万人次`, `1至2个`.
///
/// # Examples
///
/// ```
/// use gongbao::Qualifier;
/// let c = gongbao::parse_count("160多家").unwrap();
/// assert_eq!((c.value.to_string().as_str(), c.classifier.as_str(), c.qualifier), ("160", "家", Some(Qualifier::Over)));
/// assert_eq!(gongbao::parse_count("1.3万人次").unwrap().value.to_string(), "13000");
/// ```
pub fn parse_count(input: &str) -> Result<Count> {
    match parse_one(input, Kind::Count, "a count")? {
        Value::Count(c) => Ok(c),
        _ => unreachable!("filtered by kind"),
    }
}

/// Parse a percentage or a difference in percentage points: `11.73%`, `百分之三十五`,
/// `21.5个百分点`, `-8.92%`.
///
/// # Examples
///
/// ```
/// use gongbao::PercentUnit;
/// let p = gongbao::parse_percent("21.5个百分点").unwrap();
/// assert_eq!((p.value.to_string().as_str(), p.unit), ("21.5", PercentUnit::Point));
/// assert_eq!(gongbao::parse_percent("百分之三十五").unwrap().value.to_string(), "35");
/// assert_eq!(gongbao::parse_percent("-8.92%").unwrap().value.to_string(), "-8.92");
/// ```
pub fn parse_percent(input: &str) -> Result<Percent> {
    match parse_one(input, Kind::Percent, "a percentage")? {
        Value::Percent(p) => Ok(p),
        _ => unreachable!("filtered by kind"),
    }
}

/// Parse a physical quantity: `8.88平方公里`, `150兆瓦`, `1.5万亩`.
///
/// # Examples
///
/// ```
/// let q = gongbao::parse_quantity("8.88平方公里").unwrap();
/// assert_eq!((q.value.to_string().as_str(), q.unit.as_str()), ("8.88", "平方公里"));
/// ```
pub fn parse_quantity(input: &str) -> Result<Quantity> {
    match parse_one(input, Kind::Quantity, "a quantity")? {
        Value::Quantity(q) => Ok(q),
        _ => unreachable!("filtered by kind"),
    }
}

/// Parse one date or period: `2023年4月28日`, `1-10月`, `截至2023年12月20日`, `今年以来`, as an
/// inclusive calendar range. Relative expressions (`今年`, `上半年`, `4月28日`) resolve against
/// `reference`; without one, an unknown year is `XXXX`.
///
/// # Examples
///
/// ```
/// use gongbao::Date;
///
/// let t = gongbao::parse_time("1-10月", Some(Date::constant(2022, 11, 18))).unwrap();
/// assert_eq!((t.start.unwrap().to_string(), t.end.unwrap().to_string()), ("2022-01-01".into(), "2022-10-31".into()));
/// let t = gongbao::parse_time("截至2023年12月20日", None).unwrap();
/// assert_eq!((t.start, t.end.unwrap().to_string()), (None, "2023-12-20".into()));
/// assert_eq!(gongbao::parse_time("4月28日", None).unwrap().start.unwrap().to_string(), "XXXX-04-28");
/// assert!(gongbao::parse_time("十三五", None).is_err());
/// ```
pub fn parse_time(input: &str, reference: Option<jiff::civil::Date>) -> Result<TimeRange> {
    crate::extract::time::parse(input, reference)
}
