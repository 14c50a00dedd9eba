//! From what an expression says to calendar dates: the reference date for `今年` and `上周`, the
//! text's last year, month and day for `4月28日`, `18日` and `次日`, and jiff for the calendar
//! (month lengths, leap years, weekdays).

use jiff::ToSpan;
use jiff::civil::Date;

use super::lunar;
use super::syntax::{Century, Expr, Holiday, LunarDay, MonthPart, MonthSpec, Open, Period, WeekPart, YearPart, YearSpec};
use crate::fact::{PartialDate, TimeRange};
use crate::fact::{Reference, ReferenceFrom};

/// What a text has said so far, and the date it speaks from.
#[derive(Debug, Clone)]
pub struct Frame {
    reference: Option<Date>,
    /// Whether the reference is known to the day (given, or read from the document's metadata)
    /// rather than inferred from the years the text uses.
    precise: bool,
    /// The year the text last named.
    year: Option<i16>,
    /// The month the text last named, with its year when known.
    month: Option<(Option<i16>, i8)>,
    /// The day the text last named.
    day: Option<Date>,
    /// Whether the month the text last named was named with a day (`3月15日`, not `4月`).
    month_with_day: bool,
    /// Whether the text is a news report dated by its dateline: a day named alone (`3日`) is
    /// then in the reference month unless the text's last month was named with a day.
    news: bool,
}

/// The first and last day of a period, and whether they came from outside the expression.
#[derive(Debug, Clone, Copy)]
struct Bounds {
    first: PartialDate,
    last: PartialDate,
    relative: bool,
}

impl Frame {
    /// A frame at the start of a text.
    pub fn new(reference: Option<Reference>) -> Self {
        Frame {
            reference: reference.map(|r| r.date),
            precise: reference.is_some_and(|r| r.from != ReferenceFrom::Text),
            year: None,
            month: None,
            day: None,
            month_with_day: false,
            news: false,
        }
    }

    /// This frame for a news report dated by its dateline (`新华社北京10月18日电`): a day named
    /// alone (`澳门特区政府3日发布消息`) is a day of the reference month (of the month before,
    /// when the day is later than the reference's), unless the last month the text named was
    /// named with a day (`3月15日至19日,…18日`), which it then continues.
    pub fn news(mut self) -> Self {
        self.news = true;
        self
    }

    /// The calendar range of `expr`, read at this point of the text; the frame then remembers
    /// its year, month and day for the expressions after it.
    pub fn resolve(&mut self, expr: &Expr) -> Option<TimeRange> {
        self.resolve_in(expr, true)
    }

    /// [`Frame::resolve`], or, when `sets_time` is false (a year that modifies a noun inside a
    /// clause, `对2019年度…工作`), the range without remembering anything of it.
    pub fn resolve_in(&mut self, expr: &Expr, sets_time: bool) -> Option<TimeRange> {
        let range = if sets_time {
            self.read(expr)
        } else {
            let saved = (self.year, self.month, self.day, self.month_with_day);
            let range = self.read(expr);
            (self.year, self.month, self.day, self.month_with_day) = saved;
            range
        };
        // ISO dates with four-digit years: a year counted back from a reference in antiquity
        // (a two-digit year before year 19) has none.
        let in_range = |d: &Option<PartialDate>| d.and_then(|d| d.year).is_none_or(|y| (1..=9999).contains(&y));
        range.filter(|r| in_range(&r.start) && in_range(&r.end))
    }

    fn read(&mut self, expr: &Expr) -> Option<TimeRange> {
        let first = self.period(&expr.first)?;
        let last = if expr.last == expr.first {
            first
        } else {
            // The second end inherits what it does not write from the first (3月15日至19日).
            self.remember(&first);
            let mut last = self.period(&expr.last)?;
            if before(last.last, first.first) {
                // 2023年12月至1月: an implicit year after a later month is the next one.
                last = match expr.last {
                    Period::Year(YearSpec::Implicit, _) => shift_year(last, 1)?,
                    _ => return None,
                };
                if before(last.last, first.first) {
                    return None;
                }
            }
            last
        };
        // 五年来, 今明两年 without a reference year: two years counted from it, which dates with
        // unknown years cannot tell apart.
        if let (Period::Year(a, _), Period::Year(b, _)) = (expr.first, expr.last)
            && a != b
            && first.first.year.is_none()
            && last.last.year.is_none()
        {
            return None;
        }
        let (start, end) = match expr.open {
            Open::Neither => (Some(first.first), Some(last.last)),
            Open::Start => (None, Some(last.last)),
            Open::End => (Some(first.first), None),
        };
        if !expr.comparison {
            self.remember(if expr.open == Open::End { &first } else { &last });
        }
        Some(TimeRange { start, end, relative: first.relative || last.relative })
    }

    fn reference_year(&self) -> Option<i16> {
        self.reference.map(|d| d.year())
    }

    /// The reference date, when it is known to the day.
    fn precise_reference(&self) -> Option<Date> {
        self.reference.filter(|_| self.precise)
    }

    /// Forget the year the text last named, so that a year not written is the reference year
    /// again (a year counted back from the reference speaks of its sentence only).
    pub fn forget_year(&mut self) {
        self.year = None;
        self.month = None;
    }

    fn remember(&mut self, b: &Bounds) {
        let last = b.last;
        if last.year.is_some() {
            self.year = last.year;
        }
        let one_month = b.first.year == last.year && b.first.month == last.month;
        self.month = one_month.then_some((last.year, last.month));
        self.month_with_day = one_month && b.first == last;
        if b.first == last
            && let Some(d) = last.to_date()
        {
            self.day = Some(d);
        }
    }

    /// The year a spec names, and whether it came from outside the expression.
    fn year_of(&self, spec: YearSpec) -> (Option<i16>, bool) {
        match spec {
            YearSpec::Absolute(y) => (Some(y), false),
            YearSpec::TwoDigit(yy) => {
                // The century that puts the year at most ten years after the reference.
                let pivot = self.reference_year().or(self.year).unwrap_or(2030);
                let mut y = pivot - pivot.rem_euclid(100) + i16::from(yy);
                if y > pivot + 10 {
                    y -= 100;
                }
                (Some(y), false)
            }
            YearSpec::Deictic(k) => (self.reference_year().and_then(|y| y.checked_add(k.into())), true),
            YearSpec::Anaphoric(k) => (self.year.or(self.reference_year()).and_then(|y| y.checked_add(k.into())), true),
            YearSpec::UnderReview(back) => {
                let year_end = self.precise_reference().is_some_and(|r| r.month() >= 11);
                let back = i16::from(back) + if year_end { 0 } else { 1 };
                (self.reference_year().and_then(|y| y.checked_sub(back)), true)
            }
            YearSpec::Implicit => (self.year.or(self.reference_year()), true),
        }
    }

    fn period(&self, p: &Period) -> Option<Bounds> {
        let bounds = |(first, last): (PartialDate, PartialDate), relative| Some(Bounds { first, last, relative });
        match *p {
            Period::Year(YearSpec::Implicit, YearPart::Month(MonthSpec::Inherited, part)) => {
                // (The dateline's own day, 10月18日电, is the reference, not a day the text goes on
                // from.)
                if self.news
                    && let Some(r) = self.precise_reference()
                    && !(self.month.is_some() && self.month_with_day && self.day != Some(r))
                {
                    let back = if matches!(part, MonthPart::Day(d) if d > r.day()) { -1 } else { 0 };
                    let (year, month) = add_months(Some(r.year()), r.month(), back)?;
                    return bounds(month_part(year, month, part)?, true);
                }
                if let Some((year, month)) = self.month {
                    return bounds(month_part(year, month, part)?, true);
                }
                // 29日 read in a February: the latest month that has the day.
                let r = self.precise_reference()?;
                (0..3).find_map(|back| {
                    let (year, month) = add_months(Some(r.year()), r.month(), -back)?;
                    bounds(month_part(year, month, part)?, true)
                })
            }
            Period::Year(YearSpec::Implicit, part) if self.year.is_none() => {
                // 2月29日 read in a common year: the latest year that has the day.
                let year = self.reference_year();
                (0..8).find_map(|back| bounds(self.year_part(year.map(|y| y - back), part)?, true))
            }
            Period::Year(spec, part) => {
                let (year, relative) = self.year_of(spec);
                bounds(self.year_part(year, part)?, relative)
            }
            Period::Month { offset, anaphoric, part } => {
                let (year, month) = if anaphoric {
                    self.month.or_else(|| self.precise_reference().map(|r| (Some(r.year()), r.month())))?
                } else {
                    let r = self.precise_reference()?;
                    (Some(r.year()), r.month())
                };
                let (year, month) = add_months(year, month, offset)?;
                bounds(month_part(year, month, part)?, true)
            }
            Period::Quarter(offset) => {
                let r = self.precise_reference()?;
                let (year, first_month) = add_months(Some(r.year()), (r.month() - 1) / 3 * 3 + 1, offset.checked_mul(3)?)?;
                let q = (first_month - 1) / 3 + 1;
                bounds(year_part(year, YearPart::Quarter(q as u8))?, true)
            }
            Period::Week { offset, part } => {
                let r = self.precise_reference()?;
                let monday = r.checked_sub((i64::from(r.weekday().to_monday_one_offset()) - 1).days()).ok()?;
                let monday = monday.checked_add((i64::from(offset) * 7).days()).ok()?;
                let (a, b) = match part {
                    WeekPart::Whole => (0, 6),
                    WeekPart::Day(w) => (i64::from(w) - 1, i64::from(w) - 1),
                    WeekPart::Weekend => (5, 6),
                };
                bounds((monday.checked_add(a.days()).ok()?.into(), monday.checked_add(b.days()).ok()?.into()), true)
            }
            Period::Day { offset, anaphoric } => {
                let anchor = if anaphoric { self.day.or(self.precise_reference())? } else { self.precise_reference()? };
                let d: PartialDate = anchor.checked_add(i64::from(offset).days()).ok()?.into();
                bounds((d, d), true)
            }
            Period::Centuries { century, decade } => {
                let (start, relative) = match century {
                    Century::Numbered(n) => ((i16::from(n) - 1) * 100, false),
                    Century::Deictic(k) => {
                        let y = self.reference_year()?;
                        (y - y.rem_euclid(100) + i16::from(k) * 100, true)
                    }
                    Century::Unnamed => {
                        let y = self.reference_year().unwrap_or(2000);
                        let mut s = y - y.rem_euclid(100);
                        if s + i16::from(decade?) * 10 > y {
                            s -= 100;
                        }
                        (s, true)
                    }
                };
                let (a, b) = match decade {
                    Some(d) => (start + i16::from(d) * 10, start + i16::from(d) * 10 + 9),
                    None => (start, start + 99),
                };
                if a < 1 {
                    return None;
                }
                bounds((PartialDate::new(a, 1, 1), PartialDate::new(b, 12, 31)), relative)
            }
            Period::Holiday(spec, h) => {
                let (year, relative) = self.year_of(spec);
                let d = match h {
                    Holiday::Fixed(m, d) => PartialDate { year, month: m, day: d },
                    Holiday::NthWeekday { month, n, weekday } => nth_weekday(year?, month, n, weekday)?.into(),
                    Holiday::SolarTerm(longitude) => lunar::solar_term(year?, longitude)?.into(),
                };
                bounds((d, d), relative)
            }
            Period::Lunar { year, month, leap, day } => {
                let (year, relative) = self.year_of(year);
                let (first, last) = lunar::lunar_month(year?, month, leap)?;
                let (a, b) = match day {
                    LunarDay::Whole => (first, last),
                    LunarDay::Last => (last, last),
                    LunarDay::Day(d) => {
                        let d = first.checked_add((i64::from(d) - 1).days()).ok()?;
                        if d > last {
                            return None;
                        }
                        (d, d)
                    }
                };
                bounds((a.into(), b.into()), relative)
            }
        }
    }

    fn year_part(&self, year: Option<i16>, part: YearPart) -> Option<(PartialDate, PartialDate)> {
        match part {
            YearPart::Month(MonthSpec::OfReference, mp) => month_part(year, self.precise_reference()?.month(), mp),
            _ => year_part(year, part),
        }
    }
}

fn year_part(year: Option<i16>, part: YearPart) -> Option<(PartialDate, PartialDate)> {
    let pd = |month, day| PartialDate { year, month, day };
    Some(match part {
        YearPart::Whole => (pd(1, 1), pd(12, 31)),
        YearPart::Half(h) => {
            let m = (h as i8 - 1) * 6;
            (pd(m + 1, 1), pd(m + 6, days_in_month(year, m + 6)))
        }
        YearPart::Quarter(q) => {
            let m = (q as i8 - 1) * 3;
            (pd(m + 1, 1), pd(m + 3, days_in_month(year, m + 3)))
        }
        YearPart::Month(MonthSpec::Named(m), mp) => return month_part(year, m, mp),
        YearPart::Month(_, _) => return None,
        YearPart::Week(n) => {
            let monday = nth_weekday(year?, 1, 1, 1)?.checked_add((i64::from(n) - 1).weeks()).ok()?;
            (monday.into(), monday.checked_add(6.days()).ok()?.into())
        }
        YearPart::Day(n) => {
            let d = Date::new(year?, 1, 1).ok()?.checked_add((i64::from(n) - 1).days()).ok()?;
            if d.year() != year? {
                return None;
            }
            (d.into(), d.into())
        }
        YearPart::LastDay => (pd(12, 31), pd(12, 31)),
    })
}

fn month_part(year: Option<i16>, month: i8, part: MonthPart) -> Option<(PartialDate, PartialDate)> {
    if !(1..=12).contains(&month) {
        return None;
    }
    let dim = days_in_month(year, month);
    let pd = |day| PartialDate { year, month, day };
    Some(match part {
        MonthPart::Whole => (pd(1), pd(dim)),
        MonthPart::Day(d) => {
            if !(1..=dim).contains(&d) {
                return None;
            }
            (pd(d), pd(d))
        }
        MonthPart::Xun(x) => match x {
            1 => (pd(1), pd(10)),
            2 => (pd(11), pd(20)),
            _ => (pd(21), pd(dim)),
        },
        MonthPart::LastDay => (pd(dim), pd(dim)),
        MonthPart::FirstDays(n) => (pd(1), pd(i8::try_from(n).ok().filter(|&n| n <= dim)?)),
        MonthPart::LastDays(n) => (pd(dim - i8::try_from(n).ok().filter(|&n| n <= dim)? + 1), pd(dim)),
        MonthPart::Week(n) => {
            let monday = nth_weekday(year?, month, 1, 1)?.checked_add((i64::from(n) - 1).weeks()).ok()?;
            (monday.into(), monday.checked_add(6.days()).ok()?.into())
        }
        MonthPart::NthWeekday { n, weekday } => {
            let d: PartialDate = nth_weekday(year?, month, n, weekday)?.into();
            (d, d)
        }
        MonthPart::LastWeekday(weekday) => {
            let last = Date::new(year?, month, dim).ok()?;
            let back = (i64::from(last.weekday().to_monday_one_offset()) - i64::from(weekday)).rem_euclid(7);
            let d: PartialDate = last.checked_sub(back.days()).ok()?.into();
            (d, d)
        }
    })
}

/// The length of a month; for an unknown year, the longest it can be (February: 29).
fn days_in_month(year: Option<i16>, month: i8) -> i8 {
    Date::new(year.unwrap_or(2000), month, 1).map_or(31, |d| d.days_in_month())
}

/// The `n`-th `weekday` (1 = Monday) of a month, if the month has it.
fn nth_weekday(year: i16, month: i8, n: u8, weekday: u8) -> Option<Date> {
    let first = Date::new(year, month, 1).ok()?;
    let ahead = (i64::from(weekday) - i64::from(first.weekday().to_monday_one_offset())).rem_euclid(7);
    let d = first.checked_add((ahead + 7 * (i64::from(n) - 1)).days()).ok()?;
    (d.month() == month).then_some(d)
}

/// `month` of `year` moved by `offset` months (an unknown year cannot be crossed).
fn add_months(year: Option<i16>, month: i8, offset: i8) -> Option<(Option<i16>, i8)> {
    let m = i32::from(month) - 1 + i32::from(offset);
    match year {
        Some(y) => {
            let total = i32::from(y) * 12 + m;
            Some((Some(i16::try_from(total.div_euclid(12)).ok()?), (total.rem_euclid(12) + 1) as i8))
        }
        None => (0..12).contains(&m).then_some((None, (m + 1) as i8)),
    }
}

/// Whether `a` is strictly before `b`, when both years are known (or both unknown).
fn before(a: PartialDate, b: PartialDate) -> bool {
    a.year.is_some() == b.year.is_some() && a < b
}

fn shift_year(b: Bounds, k: i16) -> Option<Bounds> {
    let shift = |d: PartialDate| -> Option<PartialDate> {
        let year = match d.year {
            Some(y) => Some(y.checked_add(k)?),
            None => None,
        };
        let moved = PartialDate { year, ..d };
        // 2月29日 of a year that has none.
        (moved.year.is_none() || moved.to_date().is_some()).then_some(moved)
    };
    Some(Bounds { first: shift(b.first)?, last: shift(b.last)?, relative: true })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::time::grammar::scan;
    use crate::extract::time::syntax::What;
    use jiff::civil::date;

    /// Resolve every expression of `text` against `reference` (precise), as `start..end` strings.
    fn read(text: &str, reference: Option<Date>) -> Vec<String> {
        let mut frame = Frame::new(reference.map(|date| Reference { date, from: ReferenceFrom::Argument }));
        scan(text)
            .into_iter()
            .filter_map(|m| match m.what {
                What::Time(e) => frame.resolve(&e),
                What::NotTime => None,
            })
            .map(|t| format!("{}..{}", t.start.map_or("null".into(), |d| d.to_string()), t.end.map_or("null".into(), |d| d.to_string())))
            .collect()
    }

    #[test]
    fn months_and_quarters_end_on_their_last_day() {
        let r = Some(date(2024, 3, 5));
        assert_eq!(read("前三季度", r), ["2024-01-01..2024-09-30"]);
        assert_eq!(read("2024年1-2月", r), ["2024-01-01..2024-02-29"]);
        assert_eq!(read("2023年2月底", r), ["2023-02-28..2023-02-28"]);
        assert_eq!(read("2月份", None), ["XXXX-02-01..XXXX-02-29"]);
    }

    #[test]
    fn years_carry_forward() {
        let got = read("2019年工作回顾。3月15日至19日,考察。18日,签约。2020年,3月", None);
        assert_eq!(
            got,
            [
                "2019-01-01..2019-12-31",
                "2019-03-15..2019-03-19",
                "2019-03-18..2019-03-18",
                "2020-01-01..2020-12-31",
                "2020-03-01..2020-03-31"
            ]
        );
    }

    #[test]
    fn deixis_counts_from_the_reference() {
        let r = Some(date(2021, 6, 14));
        assert_eq!(read("上周", r), ["2021-06-07..2021-06-13"]);
        assert_eq!(read("星期天", r), ["2021-06-20..2021-06-20"]);
        assert_eq!(read("上个季度", r), ["2021-01-01..2021-03-31"]);
        assert_eq!(read("下月第四周", r), ["2021-07-26..2021-08-01"]);
        assert_eq!(read("20天后", r), ["2021-07-04..2021-07-04"]);
        assert_eq!(read("两天之前", r), ["null..2021-06-12"]);
        assert_eq!(read("今年以来", r), ["2021-01-01..null"]);
    }

    #[test]
    fn a_day_alone_in_the_news_is_in_the_dateline_month() {
        let read_news = |text: &str| -> Vec<String> {
            let reference = Reference { date: date(2023, 5, 3), from: ReferenceFrom::Metadata };
            let mut frame = Frame::new(Some(reference)).news();
            scan(text)
                .into_iter()
                .filter_map(|m| match m.what {
                    What::Time(e) => frame.resolve(&e),
                    What::NotTime => None,
                })
                .map(|t| t.start.map_or("null".into(), |d| d.to_string()))
                .collect()
        };
        assert_eq!(read_news("5月3日电 今年4月入境旅客增长,3日发布,28日通报"), ["2023-05-03", "2023-04-01", "2023-05-03", "2023-04-28"]);
        assert_eq!(read_news("3月15日至19日考察,18日签约"), ["2023-03-15", "2023-03-18"]);
        assert_eq!(read("4月份签约,3日发布", Some(date(2023, 5, 3))), ["2023-04-01..2023-04-30", "2023-04-03..2023-04-03"]);
    }

    #[test]
    fn the_year_under_review_closes_with_the_year() {
        assert_eq!(read("过去一年", Some(date(2024, 1, 10))), ["2023-01-01..2023-12-31"]);
        assert_eq!(read("一年来", Some(date(2023, 12, 20))), ["2023-01-01..2023-12-31"]);
        let inferred = Reference { date: date(2023, 12, 20), from: ReferenceFrom::Text };
        let mut frame = Frame::new(Some(inferred));
        let found = scan("一年来");
        let What::Time(e) = &found[0].what else { panic!("一年来 is a time") };
        assert_eq!(frame.resolve(e).and_then(|t| t.start).map(|d| d.to_string()).as_deref(), Some("2022-01-01"));
    }

    #[test]
    fn two_digit_years_stay_within_ten_years_ahead() {
        assert_eq!(read("98年4月", Some(date(1997, 7, 1))), ["1998-04-01..1998-04-30"]);
        assert_eq!(read("三三年", Some(date(2021, 6, 14))), ["1933-01-01..1933-12-31"]);
    }

    #[test]
    fn calendar_helpers() {
        assert_eq!(nth_weekday(2021, 11, 4, 4), Some(date(2021, 11, 25)));
        assert_eq!(nth_weekday(2021, 2, 5, 1), None);
        assert_eq!(add_months(Some(2021), 1, -2), Some((Some(2020), 11)));
        assert_eq!(add_months(None, 1, -2), None);
    }
}
