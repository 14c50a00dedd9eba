//! Time facts: dates and periods as inclusive calendar ranges.
//!
//! A document is read in three steps:
//! 1. [`grammar`] finds every time expression and says what it means in words
//!    ([`syntax::Expr`]: "months 1 to 10 of a year not written", "from the start of the reference
//!    year, open-ended");
//! 2. when neither the caller nor the document's metadata gives a reference date, one is inferred
//!    from the expressions ([`infer_reference`]);
//! 3. [`resolve`] turns each expression into dates, in text order, carrying the last year, month
//!    and day named forward, so that `4月28日` after `2023年,…` is 2023-04-28.
//!
//! Conventions (where usage leaves a choice):
//! - `6月底`, `年底`, `一季度末` are the last day of the period; `年初`, `月初` are the whole
//!   period (they are too vague for a day).
//! - `截至…`, `…及以前`, `…以前`, `…之前` include the named period; `…以来`, `…起`, `…以后` open the end.
//! - A bare `全年` (`全年目标任务`) is no time; `2023年全年`, `今年全年` are the year.
//! - `过去一年` is the calendar year before the reference year.
//! - `去年同期` (a comparison base) is last year, relative.
//! - A month whose year is unknown ends on its longest length (`XXXX-02-29`).
//! - A month-day with no year takes the year the text last named (`2023年,…4月28日`, or the
//!   heading `2019年招商工作大事记` above a chronicle), else the reference year; a day alone
//!   (`18日`) takes the last month named. A comparison base does not set the year.
//! - A two-digit year (`07年`, `九七年`) is the one at most ten years after the reference year.
//! - Festivals and lunar dates (`春节`, `中秋`, `农历八月十五`, `闰四月`) are Gregorian dates of
//!   the lunar year that begins in the named (or implicit) year; see [`lunar`].
//! - A reference inferred from the text is known to the year only (its date is the latest full
//!   date the text writes, else January 1 of the inferred year): expressions that need the day or
//!   the month (`今天`, `上周`, `本月`, `20天后`) are then not resolved.

pub mod grammar;
pub mod lunar;
pub mod resolve;
pub mod syntax;

use std::sync::LazyLock;

use jiff::civil::Date;

use super::{Candidate, Context, Found, Recognizer};
use crate::fact::{TimeRange, Value};
use crate::normalize::Normalizer;
use crate::{Reference, ReferenceFrom};
use resolve::Frame;
use syntax::{Expr, MonthPart, MonthSpec, Period, What, YearPart, YearSpec};

/// Finds time facts.
#[derive(Debug, Clone, Copy, Default)]
pub struct Time;

impl Recognizer for Time {
    fn name(&self) -> &'static str {
        "time"
    }

    fn recognize(&self, ctx: &Context<'_>, found: &mut Found) {
        let mentions = grammar::scan(ctx.text);
        if found.reference.is_none()
            && let Some(date) = infer_reference(
                ctx.text,
                mentions.iter().filter_map(|m| match &m.what {
                    What::Time(e) => Some(e),
                    What::NotTime => None,
                }),
            )
        {
            found.reference = Some(Reference { date, from: ReferenceFrom::Text });
        }
        let mut frame = Frame::new(found.reference);
        for m in mentions {
            match m.what {
                What::Time(expr) => match frame.resolve(&expr) {
                    Some(range) => found.push(Candidate { span: m.span, value: Value::Time(range) }),
                    None => found.claim(m.span),
                },
                What::NotTime => found.claim(m.span),
            }
        }
    }
}

/// Parse one time expression that is the whole of `input` (surrounding spaces aside), resolving
/// relative words against `reference` (treated as known to the day). Backs
/// [`crate::parse_time`].
pub fn parse(input: &str, reference: Option<Date>) -> crate::Result<TimeRange> {
    static NORMALIZER: LazyLock<Normalizer> = LazyLock::new(Normalizer::default);
    let normalized = NORMALIZER.normalize(input.trim());
    let text: &str = &normalized.text;
    let fail = |reason: &str| crate::Error::parse(input, "a time", reason);
    let mentions = grammar::scan(text);
    let [mention] = mentions.as_slice() else {
        return Err(fail(if mentions.is_empty() { "no date or period found" } else { "more than one time expression" }));
    };
    let What::Time(expr) = &mention.what else {
        return Err(fail("not a date or period"));
    };
    if mention.span != (0..text.len()) {
        return Err(fail("text around the time expression"));
    }
    let mut frame = Frame::new(reference.map(|date| Reference { date, from: ReferenceFrom::Argument }));
    frame.resolve(expr).ok_or_else(|| fail("the date does not exist, or needs a reference date"))
}

/// The reference date a text implies, from its own time expressions:
/// 1. the latest full date it writes (`截至2023年12月20日` was written at the end of 2023, even
///    when the text goes on about plans for 2024);
/// 2. else January 1 of the latest year it writes, or of the year after when it calls a period
///    `过去一年` (a text that calls 2023 "the past year" is from 2024);
/// 3. else none.
pub fn infer_reference<'e>(text: &str, exprs: impl Iterator<Item = &'e Expr>) -> Option<Date> {
    let mut latest_date: Option<Date> = None;
    let mut latest_year: Option<i16> = None;
    for e in exprs {
        for p in [e.first, e.last] {
            let Period::Year(YearSpec::Absolute(y), part) = p else {
                continue;
            };
            latest_year = latest_year.max(Some(y));
            if let YearPart::Month(MonthSpec::Named(m), MonthPart::Day(d)) = part
                && let Ok(date) = Date::new(y, m, d)
            {
                latest_date = latest_date.max(Some(date));
            }
        }
    }
    if latest_date.is_some() {
        return latest_date;
    }
    let year = latest_year?;
    let looks_back = text.contains("过去一年") || text.contains("过去的一年");
    Date::new(if looks_back { year.checked_add(1)? } else { year }, 1, 1).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::time::syntax::Mention;
    use proptest::prelude::*;

    fn resolve_all(text: &str, mentions: Vec<Mention>, reference: Option<Reference>) {
        let mut frame = Frame::new(reference);
        for m in mentions {
            assert!(text.get(m.span.clone()).is_some(), "{:?} is not on char boundaries of {text:?}", m.span);
            if let What::Time(e) = m.what
                && let Some(t) = frame.resolve(&e)
                && let (Some(a), Some(b)) = (t.start, t.end)
                && a.year.is_some() == b.year.is_some()
            {
                assert!(a <= b, "{text:?}: {a} after {b}");
            }
        }
    }

    proptest! {
        #[test]
        fn never_panics(
            text in "[0-9年月日号至到~ .:/·\\-今去明上下本半季度前后第个周星期礼拜一二三四五六七八九十〇零两农历闰正腊初廿春节除夕截止以来及起天世纪代民国康熙〔〕\\[\\]Qa-z中文、,。]{0,40}",
            year in -9999i16..=9999,
            text_reference in any::<bool>(),
        ) {
            let from = if text_reference { ReferenceFrom::Text } else { ReferenceFrom::Argument };
            let reference = Date::new(year, 6, 15).ok().map(|date| Reference { date, from });
            resolve_all(&text, grammar::scan(&text), reference);
            let _ = parse(&text, reference.map(|r| r.date));
        }
    }

    #[test]
    fn scanning_is_linear() {
        let unit = "2023年1-10月,截至12月20日签约;一二三四五六七八九十〇〇〇〇,1234567890123,今年以来";
        let text = unit.repeat(20_000);
        let start = std::time::Instant::now();
        let found = grammar::scan(&text);
        assert_eq!(found.len(), 3 * 20_000);
        assert!(start.elapsed().as_secs() < 10, "{:?}", start.elapsed());
    }

    #[test]
    fn parse_wants_exactly_one_expression() {
        assert!(parse("2023年", None).is_ok());
        assert!(parse("2023年和2024年", None).is_err());
        assert!(parse("今天", None).is_err());
        assert!(parse("2023年2月30日", None).is_err());
        assert!(parse("签约仪式", None).is_err());
    }
}
