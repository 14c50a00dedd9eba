//! The typed records gongbao returns, serialized exactly as `CONTRACT.md` fixes the JSON.
//!
//! A [`Fact`] is a span of the original text, the slice it covers, and a typed [`Value`]. Numbers
//! are [`Decimal`]s, never floats, and serialize as exact decimal strings.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A half-open byte range `[start, end)` into the original document text.
///
/// Serialized as a two-element array `[start, end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (exclusive).
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The span as a `Range`, for slicing.
    pub const fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Whether two spans share at least one byte.
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies entirely inside `self`.
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Length in bytes.
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span is empty.
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(s)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let [start, end] = <[usize; 2]>::deserialize(d)?;
        Ok(Span { start, end })
    }
}

/// One fact found in a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// What the fact says, by kind; serialized flat, with its `kind` tag.
    #[serde(flatten)]
    pub value: Value,
    /// Where it is, in bytes of the original text.
    pub span: Span,
    /// The original text at `span`, byte for byte.
    pub text: String,
    /// In an interview or press conference, the label of the turn the fact is in (simplified).
    pub speaker: Option<String>,
    /// Whether the fact sits in page chrome (navigation, footer, masthead, related-news lists).
    pub boilerplate: bool,
    /// When the document repeats its body (mirror sites do), a fact in the repeated copy points
    /// to the index (in `facts`) of the same fact in the first copy, so totals are not counted
    /// twice. Absent from the JSON when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<usize>,
    /// For a figure (money, count, percent, quantity): what it measures, when and where;
    /// `None` for times and places. Its fields are serialized flat, beside the value's. Boxed:
    /// a record is larger than the rest of the fact, and times and places have none (a
    /// bulletin has a fact every 50 bytes or so).
    #[serde(flatten, default, skip_serializing_if = "Option::is_none", deserialize_with = "record_if_present")]
    pub record: Option<Box<Record>>,
}

/// A record's fields as read back from JSON: `None` when a field is absent, `Some(None)` when it
/// is `null`, so that a figure whose record is all nulls reads back as a record and a time fact,
/// which has none of the fields, as no record.
#[derive(Deserialize)]
struct RecordFields {
    #[serde(default, deserialize_with = "present")]
    indicator: Option<Option<Indicator>>,
    #[serde(default, deserialize_with = "present")]
    period: Option<Option<Period>>,
    #[serde(default, deserialize_with = "present")]
    area: Option<Option<Area>>,
    #[serde(default, deserialize_with = "present")]
    of: Option<Option<usize>>,
    #[serde(default, deserialize_with = "present")]
    part_of: Option<Option<usize>>,
    #[serde(default, deserialize_with = "present")]
    compared_with: Option<Option<Period>>,
}

fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

fn record_if_present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Box<Record>>, D::Error> {
    let f = RecordFields::deserialize(d)?;
    let any = f.indicator.is_some()
        || f.period.is_some()
        || f.area.is_some()
        || f.of.is_some()
        || f.part_of.is_some()
        || f.compared_with.is_some();
    Ok(any.then(|| {
        Box::new(Record {
            indicator: f.indicator.flatten(),
            period: f.period.flatten(),
            area: f.area.flatten(),
            of: f.of.flatten(),
            part_of: f.part_of.flatten(),
            compared_with: f.compared_with.flatten(),
        })
    }))
}

impl Fact {
    /// The fact's kind.
    pub fn kind(&self) -> Kind {
        self.value.kind()
    }

    /// Whether the fact is a figure (money, count, percent, quantity), the kinds that carry a
    /// [`Record`].
    pub fn is_figure(&self) -> bool {
        self.kind().is_figure()
    }
}

/// The kinds of fact, as the JSON's `kind` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Kind {
    /// An amount of money.
    Money,
    /// A number of things.
    Count,
    /// A percentage or a difference in percentage points.
    Percent,
    /// A date or a period.
    Time,
    /// A division or region.
    Place,
    /// A physical quantity (area, capacity, weight).
    Quantity,
}

impl Kind {
    /// Whether facts of this kind are figures, which carry a [`Record`].
    pub const fn is_figure(self) -> bool {
        matches!(self, Kind::Money | Kind::Count | Kind::Percent | Kind::Quantity)
    }

    /// The name used in the JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::Money => "money",
            Kind::Count => "count",
            Kind::Percent => "percent",
            Kind::Time => "time",
            Kind::Place => "place",
            Kind::Quantity => "quantity",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A fact's typed content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
#[non_exhaustive]
pub enum Value {
    /// `116.68亿元`
    Money(Money),
    /// `新签约项目52个`
    Count(Count),
    /// `同比增长11.73%`, `高21.5个百分点`
    Percent(Percent),
    /// `1-10月`, `截至2023年12月20日`
    Time(TimeRange),
    /// `咸阳`, `京津冀`
    Place(Place),
    /// `8.88平方公里`
    Quantity(Quantity),
}

impl Value {
    /// The kind of this value.
    pub fn kind(&self) -> Kind {
        match self {
            Value::Money(_) => Kind::Money,
            Value::Count(_) => Kind::Count,
            Value::Percent(_) => Kind::Percent,
            Value::Time(_) => Kind::Time,
            Value::Place(_) => Kind::Place,
            Value::Quantity(_) => Kind::Quantity,
        }
    }
}

/// How an amount is hedged: `约` (approx), `多`/`以上` (over), `不到`/`以下` (under).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Qualifier {
    /// 约, 近, 左右, 大约
    Approx,
    /// 多, 余, 以上, 超, 超过, 逾, 突破, 过
    Over,
    /// 不到, 不足, 以下
    Under,
}

impl Qualifier {
    /// The name used in the JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Qualifier::Approx => "approx",
            Qualifier::Over => "over",
            Qualifier::Under => "under",
        }
    }
}

/// An amount of money in a currency's base unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Money {
    /// The amount in the currency's base unit (`116.68亿元` → `11668000000`).
    pub value: Decimal,
    /// ISO 4217 code: `CNY`, `USD`, `HKD`, `MOP`, `TWD`, `EUR`, `JPY`, `GBP`, ...
    pub currency: String,
    /// How the amount is hedged.
    pub qualifier: Option<Qualifier>,
    /// The upper bound of a range (`5亿至10亿元`), `value` being the lower.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Decimal>,
}

/// A number of things, with what is counted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Count {
    /// How many.
    pub value: Decimal,
    /// The measure word as written, simplified: 个, 家, 户, 条, 次, 名, 人次, 批次, 支, 只, 项 ...
    pub classifier: String,
    /// The thing counted (`新签约项目`), simplified, when the sentence says.
    pub subject: Option<String>,
    /// How the number is hedged.
    pub qualifier: Option<Qualifier>,
    /// The upper bound of a range (`1至2个`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Decimal>,
}

/// Whether a percentage is a percentage or a difference in percentage points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PercentUnit {
    /// `%`, `百分之`
    Percent,
    /// `个百分点`
    Point,
}

impl PercentUnit {
    /// The name used in the JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            PercentUnit::Percent => "percent",
            PercentUnit::Point => "point",
        }
    }
}

/// What a percentage measures, from the words around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// 增长, 提高, 上升
    Growth,
    /// 下降, 减少, 回落
    Decline,
    /// 占, 占比
    Share,
    /// 完成…的
    Completion,
    /// …率
    Rate,
}

impl Role {
    /// The name used in the JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Role::Growth => "growth",
            Role::Decline => "decline",
            Role::Share => "share",
            Role::Completion => "completion",
            Role::Rate => "rate",
        }
    }
}

/// A percentage, or a difference in percentage points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Percent {
    /// The number as written, signed where the text writes a sign (`-8.92`).
    pub value: Decimal,
    /// `percent` or `point`.
    pub unit: PercentUnit,
    /// What the figure measures.
    pub role: Option<Role>,
    /// How the number is hedged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    /// The upper bound of a range (`5%-8%`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Decimal>,
}

/// A physical quantity: area, capacity, weight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The number, with 万/亿 applied (`1.5万亩` → `15000`).
    pub value: Decimal,
    /// The unit as written, simplified: 平方公里, 兆瓦, 亩, 吨 ...
    pub unit: String,
    /// How the number is hedged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    /// The upper bound of a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Decimal>,
}

/// A calendar date whose year may be unknown: `2023-04-28` or `XXXX-04-28`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    /// The year, or `None` when nothing in the document tells it.
    pub year: Option<i16>,
    /// 1–12.
    pub month: i8,
    /// 1–31.
    pub day: i8,
}

impl PartialDate {
    /// A date with a known year.
    pub const fn new(year: i16, month: i8, day: i8) -> Self {
        PartialDate { year: Some(year), month, day }
    }

    /// The full date, when the year is known and the date exists.
    pub fn to_date(self) -> Option<jiff::civil::Date> {
        jiff::civil::Date::new(self.year?, self.month, self.day).ok()
    }
}

impl From<jiff::civil::Date> for PartialDate {
    fn from(d: jiff::civil::Date) -> Self {
        PartialDate { year: Some(d.year()), month: d.month(), day: d.day() }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.year {
            Some(y) => write!(f, "{y:04}-{:02}-{:02}", self.month, self.day),
            None => write!(f, "XXXX-{:02}-{:02}", self.month, self.day),
        }
    }
}

impl FromStr for PartialDate {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || crate::Error::InvalidDate(s.to_owned());
        let mut parts = s.splitn(3, '-');
        let (y, m, d) = (parts.next().ok_or_else(bad)?, parts.next().ok_or_else(bad)?, parts.next().ok_or_else(bad)?);
        let year = if y == "XXXX" { None } else { Some(y.parse().map_err(|_| bad())?) };
        let month: i8 = m.parse().map_err(|_| bad())?;
        let day: i8 = d.parse().map_err(|_| bad())?;
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return Err(bad());
        }
        Ok(PartialDate { year, month, day })
    }
}

impl PartialDate {
    /// The ISO form's ten bytes (`2023-04-28`, `XXXX-04-28`) when every field has its usual
    /// width; `None` for a year outside 0–9999 or a field out of range, which `Display` writes.
    fn ascii(self) -> Option<[u8; 10]> {
        let year = match self.year {
            Some(y) if (0..=9999).contains(&y) => {
                let y = y as u16;
                [(y / 1000) as u8 + b'0', (y / 100 % 10) as u8 + b'0', (y / 10 % 10) as u8 + b'0', (y % 10) as u8 + b'0']
            }
            Some(_) => return None,
            None => *b"XXXX",
        };
        let two = |n: i8| (0..=99).contains(&n).then(|| [(n / 10) as u8 + b'0', (n % 10) as u8 + b'0']);
        let (month, day) = (two(self.month)?, two(self.day)?);
        Some([year[0], year[1], year[2], year[3], b'-', month[0], month[1], b'-', day[0], day[1]])
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Dates are in every figure's record, several times: written without the formatting
        // machinery when they have the usual widths (the same text as `Display`).
        match self.ascii() {
            Some(bytes) => s.serialize_str(std::str::from_utf8(&bytes).map_err(serde::ser::Error::custom)?),
            None => s.collect_str(self),
        }
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A date or a period as an inclusive calendar range; an open bound is `None`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeRange {
    /// First day, inclusive; `None` when open (`截至…`).
    pub start: Option<PartialDate>,
    /// Last day, inclusive; `None` when open (`…以来`).
    pub end: Option<PartialDate>,
    /// Whether the range depended on the reference date or on context (`今年`, `上半年`,
    /// a `4月28日` whose year came from an earlier sentence).
    pub relative: bool,
}

/// The level of a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceLevel {
    /// 省, 自治区, 直辖市, 特别行政区
    Province,
    /// 地级市, 自治州, 地区, 盟
    City,
    /// 县, 县级市, 市辖区, 旗
    County,
    /// 京津冀, 长三角, 粤港澳大湾区 ...
    Region,
    /// State-level new areas and major zones: 雄安新区, 浦东新区 ...
    Area,
}

impl PlaceLevel {
    /// The name used in the JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            PlaceLevel::Province => "province",
            PlaceLevel::City => "city",
            PlaceLevel::County => "county",
            PlaceLevel::Region => "region",
            PlaceLevel::Area => "area",
        }
    }
}

/// A place: a division with its code, or a named region.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Place {
    /// Canonical full name: `咸阳市`, `广西壮族自治区`, `京津冀`.
    pub name: String,
    /// Province, city, county, region or area.
    pub level: PlaceLevel,
    /// The 6-digit division code, for divisions.
    pub code: Option<String>,
    /// The canonical name of the enclosing division.
    pub parent: Option<String>,
}

/// What a figure measures, as an analyst's column name (`合同投资额`, `新签约项目`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indicator {
    /// The indicator, simplified, as a short noun phrase.
    pub text: String,
    /// Where its main words stand in the original, or `None` when the text is put together from
    /// several places (`新签约项目` + `合同投资额`).
    pub span: Option<Span>,
}

/// A period a figure covers, or the base period of a growth: inclusive bounds as a time fact's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// First day, inclusive; `None` when open.
    pub start: Option<PartialDate>,
    /// Last day, inclusive; `None` when open.
    pub end: Option<PartialDate>,
    /// The index (in `facts`) of the time fact the period comes from; `None` when it comes from
    /// the document's own date (`去年同期` resolved without a written time, a year-end review).
    pub from: Option<usize>,
}

/// The area a figure is about: a division, a region, or the document's own area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Area {
    /// Canonical name: `贵港市`, `长三角`, `全国`.
    pub name: String,
    /// The 6-digit division code, for divisions.
    pub code: Option<String>,
    /// The index (in `facts`) of the place fact it comes from; `None` when it is the document's
    /// own area.
    pub from: Option<usize>,
    /// The words that point to it when they are not a place name (`全市`, `我市`, `本区`),
    /// simplified.
    pub text: Option<String>,
}

/// The area whose government or bureau speaks in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeArea {
    /// Canonical name: `兴平市`.
    pub name: String,
    /// The 6-digit division code, for divisions.
    pub code: Option<String>,
    /// The index (in `facts`) of a place fact that names it, when the text does.
    pub from: Option<usize>,
}

/// A figure's context: what it measures, when, where, and how it relates to the figures around
/// it. Every money, count, percent and quantity fact has one; time and place facts do not (they
/// are the records' context). Indices point into the document's `facts`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// What the figure measures.
    pub indicator: Option<Indicator>,
    /// The period it covers; `None` for figures that have none (a project's size, a plan).
    pub period: Option<Period>,
    /// The area it is about.
    pub area: Option<Area>,
    /// For a percentage: the index of the figure whose growth, share, completion or rate it is.
    pub of: Option<usize>,
    /// The index of the whole this figure is a part of (`其中…`).
    pub part_of: Option<usize>,
    /// For a growth or decline: the base period (`同比`, `比去年同期`, `比上年`).
    pub compared_with: Option<Period>,
}

/// Where the reference date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReferenceFrom {
    /// Given by the caller (`--reference-date`, [`Extractor::reference_date`](crate::Extractor::reference_date)).
    Argument,
    /// The document's own metadata: 发布日期, a dateline, a masthead date, a signature date.
    Metadata,
    /// Inferred from the years the text uses.
    Text,
}

/// The date relative expressions (今年, 上半年, 4月28日 without a year) resolve against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reference {
    /// The date.
    pub date: jiff::civil::Date,
    /// Where it came from.
    pub from: ReferenceFrom,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_serialize_as_they_display() {
        let dates = [
            PartialDate::new(2023, 4, 28),
            PartialDate::new(7, 1, 1),
            PartialDate::new(9999, 12, 31),
            PartialDate::new(10000, 1, 1),
            PartialDate::new(-44, 3, 15),
            PartialDate { year: None, month: 2, day: 29 },
            PartialDate { year: Some(2024), month: -1, day: 100 },
        ];
        for d in dates {
            assert_eq!(serde_json::to_string(&d).unwrap(), format!("\"{d}\""), "{d:?}");
        }
    }
}
