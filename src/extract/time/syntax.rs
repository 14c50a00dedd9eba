//! What a time expression says, before any calendar arithmetic: `1-10月` is "months 1 to 10
//! of a year the text does not write", `今年以来` is "from the start of the reference year,
//! open-ended". [`super::grammar`] reads these from the text, [`super::resolve`] turns them
//! into calendar dates.

use std::ops::Range;

/// How a year is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearSpec {
    /// `2023年`, `二〇二三年`, `民国112年`, `2024-07-15`.
    Absolute(i16),
    /// `07年`, `九七年`: a year of a century the text does not write.
    TwoDigit(u8),
    /// `今年` (0), `去年` (-1), `明年` (+1): counted from the reference year.
    Deictic(i8),
    /// `当年`, `同年`, `这一年` (0), `次年` (+1), `上年` (-1): counted from the year the text last
    /// named.
    Anaphoric(i8),
    /// `过去一年`, `过去的一年`, `一年来` (0): the year under review, the year before the
    /// reference year (a work report looks back on the year before it is delivered), or the
    /// reference year itself when the reference date is known to the day and falls in November
    /// or December (a year-end summary looks back on the year it closes); with `n`, the year `n`
    /// years before it (`五年来` runs from the year under review less 4 to the year under review).
    UnderReview(u8),
    /// Not written (`4月28日`, `上半年`): the year the text last named, else the reference year.
    Implicit,
}

impl YearSpec {
    /// Whether the year is written in the expression itself.
    pub fn is_written(self) -> bool {
        matches!(self, YearSpec::Absolute(_) | YearSpec::TwoDigit(_))
    }
}

/// How a month is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthSpec {
    /// `4月`, `十二月`: 1–12.
    Named(i8),
    /// Not written (`18日`): the month the text last named, else the reference month.
    Inherited,
    /// `本月` after a year (`去年本月十日`): the reference month.
    OfReference,
}

/// A part of a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthPart {
    /// The whole month.
    Whole,
    /// One day: `28日`.
    Day(i8),
    /// A third of the month: `上旬` (1), `中旬` (2), `下旬` (3).
    Xun(u8),
    /// `底`, `末`: the last day.
    LastDay,
    /// `第2周`: the n-th Monday-to-Sunday week, counting from the month's first Monday.
    Week(u8),
    /// `第3个星期日`: the n-th such weekday (1 = Monday … 7 = Sunday).
    NthWeekday {
        /// Which occurrence, from 1.
        n: u8,
        /// 1 = Monday … 7 = Sunday.
        weekday: u8,
    },
    /// `最后一个星期一`.
    LastWeekday(u8),
    /// `前4天`: the first n days.
    FirstDays(u8),
    /// `最后五天`: the last n days.
    LastDays(u8),
}

/// A part of a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearPart {
    /// The whole year.
    Whole,
    /// `上半年` (1), `下半年` (2).
    Half(u8),
    /// `一季度` … `四季度`.
    Quarter(u8),
    /// A month or a part of one.
    Month(MonthSpec, MonthPart),
    /// `第52周`: the n-th Monday-to-Sunday week, counting from the year's first Monday.
    Week(u8),
    /// `第十天`: the n-th day.
    Day(u16),
    /// `年底`, `年末`: the last day.
    LastDay,
}

/// A part of a week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeekPart {
    /// Monday to Sunday.
    Whole,
    /// One day, 1 = Monday … 7 = Sunday.
    Day(u8),
    /// Saturday and Sunday.
    Weekend,
}

/// Which century a decade or century expression names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Century {
    /// `20世纪`: the n-th century (1901–2000 is the 20th; we use 1900–1999, as usage does).
    Numbered(u8),
    /// `本世纪` (0), `上世纪` (-1): counted from the reference year's century.
    Deictic(i8),
    /// `80年代` with no century: the latest such decade that has begun by the reference year.
    Unnamed,
}

/// A holiday on a fixed or computable Gregorian date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    /// A fixed Gregorian month and day: 元旦, 国庆, 教师节.
    Fixed(i8, i8),
    /// A solar term, by the sun's apparent longitude in degrees: 清明 15, 冬至 270.
    SolarTerm(u16),
    /// The n-th weekday of a Gregorian month: 母亲节 (second Sunday of May).
    NthWeekday {
        /// Month, 1–12.
        month: i8,
        /// Which occurrence, from 1.
        n: u8,
        /// 1 = Monday … 7 = Sunday.
        weekday: u8,
    },
}

/// A stretch of calendar named by a time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// A year or a part of one.
    Year(YearSpec, YearPart),
    /// A month counted from the reference month (`本月` 0, `上个月` -1, `下月` +1), or from the
    /// month the text last named when `anaphoric` (`当月`, `次月`).
    Month {
        /// Months after the anchor month.
        offset: i8,
        /// Whether the anchor is the text's last month rather than the reference month.
        anaphoric: bool,
        /// Which part of that month.
        part: MonthPart,
    },
    /// A quarter counted from the reference date's quarter: `本季度` 0, `上个季度` -1.
    Quarter(i8),
    /// A Monday-to-Sunday week counted from the reference week: `本周` 0, `上周` -1.
    Week {
        /// Weeks after the reference week.
        offset: i8,
        /// Which part of that week.
        part: WeekPart,
    },
    /// A day counted from the reference date (`今天` 0, `明天` +1, `20天后` +20), or from the
    /// day the text last named when `anaphoric` (`次日`).
    Day {
        /// Days after the anchor day.
        offset: i32,
        /// Whether the anchor is the text's last day rather than the reference date.
        anaphoric: bool,
    },
    /// A century or a decade: `18世纪`, `上世纪80年代`, `九十年代`.
    Centuries {
        /// Which century.
        century: Century,
        /// The decade within it (0–9), or the whole century.
        decade: Option<u8>,
    },
    /// A holiday in a year.
    Holiday(YearSpec, Holiday),
    /// A month or a day of the Chinese lunisolar calendar (农历), in the lunar year that begins in
    /// the given Gregorian year: `农历八月十五`, `正月`, `闰四月`, `春节`, `除夕`.
    Lunar {
        /// The Gregorian year in which the lunar year begins.
        year: YearSpec,
        /// 1–12.
        month: u8,
        /// A leap month (闰).
        leap: bool,
        /// Which day of it.
        day: LunarDay,
    },
}

/// A day of a lunar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LunarDay {
    /// The whole month.
    Whole,
    /// 初一 = 1 … 三十 = 30.
    Day(u8),
    /// The last day (除夕 is the last day of the twelfth month, the 29th or the 30th).
    Last,
}

/// Which bound of an expression is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Open {
    /// A closed range.
    Neither,
    /// `截至…`, `…及以前`: everything up to the end of the period.
    Start,
    /// `…以来`, `…起`: everything from the start of the period on.
    End,
}

/// A time expression: a period, or a range from one period to another, possibly open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expr {
    /// The period the range starts with.
    pub first: Period,
    /// The period the range ends with (`first` again for a single period).
    pub last: Period,
    /// Which bound is open.
    pub open: Open,
    /// A comparison base (`去年同期`, `比上年`): a time, but not the one the text goes on to
    /// speak of, so it does not set the year for the expressions after it.
    pub comparison: bool,
}

/// What a span of text is, for the time recognizer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum What {
    /// A time expression.
    Time(Expr),
    /// No time, but a phrase whose digits must not be read as figures (`截至目前`, the
    /// `〔2024〕12号` of a document number).
    NotTime,
}

/// A span of the normalized text and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Bytes of the normalized text.
    pub span: Range<usize>,
    /// What it says.
    pub what: What,
}
