//! Time facts: dates and periods as inclusive calendar ranges.
//!
//! A document is read in three steps:
//! 1. [`grammar`] finds every time expression and says what it means in words
//!    ([`syntax::Expr`]: "months 1 to 10 of a year not written", "from the start of the reference
//!    year, open-ended");
//! 2. when neither the caller nor the document's metadata gives a reference date, one is inferred
//!    from the expressions and where they stand ([`infer_reference`], [`discourse`]);
//! 3. [`resolve`] turns each expression into dates, in text order, carrying the year, month and
//!    day that set the time of a sentence forward ([`discourse::settings`]), so that `4月28日`
//!    after `2023年,…` is 2023-04-28.
//!
//! Conventions (where usage leaves a choice):
//! - `6月底`, `年底`, `一季度末` are the last day of the period; `年初`, `月初` are the whole
//!   period (they are too vague for a day).
//! - `截至…`, `…及以前`, `…以前`, `…之前` include the named period; `…以来`, `…起`, `…以后` open the end.
//! - A bare `全年` (`全年目标任务`) is no time; `2023年全年`, `今年全年` are the year.
//! - `去年同期` (a comparison base) is last year, relative.
//! - A month whose year is unknown ends on its longest length (`XXXX-02-29`).
//! - A month-day with no year takes the year of the last expression that set a sentence's time
//!   (`2023年,…4月28日`, or the heading `2019年招商工作大事记` above a chronicle), else the
//!   reference year; a day alone (`18日`) takes the last month named. An expression sets the
//!   time when it starts a sentence, clause, line or turn (`2023年,…`, `【主持人】:今年的…`,
//!   `进入2023年,…`, `1月9日,…`), or, inside a clause, when it is the sentence's first time and
//!   does not modify a noun (`我市于2023年4月28日举办…`). A year that modifies a noun
//!   (`对2019年度…工作予以表彰`, `2019年的…`), a year after the sentence's own time (`1月9日,…
//!   表彰该企业2019年投资…`) and a comparison base (`比去年同期`) set nothing: they are what
//!   the sentence speaks of, not when it happens, and a chronicle's entries keep its heading's
//!   year.
//! - `这一年` is the year last named (`2022年,…这一年,我们…`), like `当年`.
//! - A year counted back from the reference (`去年,…。`) speaks of its sentence: the first time
//!   of the next one, a part of a year with no year written (`上半年`, `一季度`, `1-7月`), is the
//!   reference year's when that part has ended by the reference date, else still the year
//!   counted back to.
//! - A two-digit year (`07年`, `九七年`) is the one at most ten years after the reference year.
//! - Festivals and lunar dates (`春节`, `中秋`, `农历八月十五`, `闰四月`) are Gregorian dates of
//!   the lunar year that begins in the named (or implicit) year; see [`lunar`].
//! - A text with no date of its own speaks from the year it pairs with `今年` or with `过去一年`:
//!   `进入2023年,今年…`, `今年(2023年)`, `2023年是…,今年…` make 2023 the current year; a look
//!   back (`过去一年`, `去年` in a question) answered by the next sentence or turn opening with
//!   `2022年,…`, or glossed `去年(2022年)`, makes 2022 the year before it. The latest year such
//!   pairs imply wins; with no pair, the latest full date written, else the latest year written
//!   twice or more, leaving out targets and plans (`力争2025年`, `2035年前`, `2021—2025年`).
//!   See [`infer_reference`].
//! - A news dateline that writes no year (`新华社北京10月18日电`, `本报讯(记者 …) 3月30日`) is
//!   the document's date, its year from the page's address, else from the text
//!   ([`dateline_date`]); in such a report a day named alone (`3日`) is in the dateline's month
//!   unless the text last named a month with a day.
//! - Comparison bases (`同比2020年增长30%、2019年增长12%`, `与2019年相比`) are earlier than the
//!   year the text speaks from; `2022年工作回顾` speaks from 2023.
//! - `过去一年`, `过去的一年`, `一年来` are the year under review: the year before the reference
//!   year, or the reference year when the reference is known to the day and falls in November
//!   or December (a year-end summary); `五年来`, `过去(的)五年` are the five years that end with
//!   it. `上年` is the year before the one the text last named (`2023年…比上年增长`: 2022).
//! - A report to a congress (`各位代表`) that ties no year to `今年` is given the year after the
//!   one it reports most often as done, else in the first year it plans for ([`infer`]); a year
//!   inferred from little is told in a warning.
//! - A Taiwan text's `108年`, `99年3月` are years of the Republic calendar
//!   ([`republic_calendar`]); Hong Kong's `2024/25年度` is a fiscal year from April, elsewhere
//!   a year written as two is no time.
//! - `首三季`, `首十一个月` count from January; `第1、2季` is two quarters in a row;
//!   `截至9月底的三个月` is the three months that end there; `今(2018)年` is 2018; `昨` alone,
//!   after its subject and before a verb, is yesterday.
//! - Recurring times (`每周一`, `每月15日`, `每年春节`) are no time facts: they are claimed, not
//!   reported.
//! - A reference inferred from the text is known to the year only (its date is the latest full
//!   date the text writes in that year, else January 1): expressions that need the day or the
//!   month (`今天`, `上周`, `本月`, `20天后`) are then not resolved.

pub mod discourse;
pub mod grammar;
pub mod lunar;
pub mod resolve;
pub mod syntax;

use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::Date;

use super::{Candidate, Context, Found, Recognizer};
use crate::document::MonthDay;
use crate::fact::{Reference, ReferenceFrom};
use crate::fact::{TimeRange, Value};
use crate::gazetteer::region::Region;
use crate::normalize::Normalizer;
use resolve::Frame;
use syntax::{Mention, MonthPart, MonthSpec, Period, What, YearPart, YearSpec};

/// Finds time facts.
#[derive(Debug, Clone, Copy, Default)]
pub struct Time;

impl Recognizer for Time {
    fn name(&self) -> &'static str {
        "time"
    }

    fn recognize(&self, ctx: &Context<'_>, found: &mut Found) {
        let region = ctx.region_reading();
        let taiwan = region.region.as_ref().is_some_and(|(r, _)| *r == Region::Taiwan);
        let leans_to_taiwan = region.leaning == Some(Region::Taiwan) || !region.simplified;
        let calendars = grammar::Calendars {
            republic: republic_calendar(ctx.text, taiwan, leans_to_taiwan),
            fiscal_from_april: region.region.as_ref().is_some_and(|(r, _)| *r == Region::HongKong),
        };
        let mut mentions = grammar::scan_with(ctx.text, calendars);
        discourse::mark_comparison_lists(ctx.text, &mut mentions);
        let dateline = ctx.layout.dateline;
        // Why the year inferred from the text is weak, when it is (told once the reference is
        // settled).
        let mut weak = None;
        if found.reference.is_none() {
            found.reference = match dateline {
                Some(md) => dateline_date(ctx.text, &mentions, md).map(|date| Reference { date, from: ReferenceFrom::Metadata }),
                None => infer(ctx.text, &mentions).map(|inferred| {
                    weak = inferred.weak;
                    Reference { date: inferred.date, from: ReferenceFrom::Text }
                }),
            };
        }
        // A dateline writes the day the text was written, which a page may publish a day or two
        // later: relative days count from the dateline's day.
        if let (Some(r), Some(md)) = (found.reference, dateline)
            && r.from == ReferenceFrom::Metadata
            && let Some(d) = crate::document::nearest_with(r.date, md)
            && r.date.until((jiff::Unit::Day, d)).is_ok_and(|gap| gap.get_days().abs() <= 31)
        {
            found.reference = Some(Reference { date: d, from: ReferenceFrom::Metadata });
        }
        // A date in an address is the page's own only if the text reports no later day as done
        // (a copied page may carry the address of the page it copies).
        if let Some(r) = found.reference
            && ctx.layout.published_from == Some(crate::document::DateSource::Url)
            && latest_date_written(ctx.text, &mentions).is_some_and(|d| d > r.date)
        {
            found.reference = infer(ctx.text, &mentions).map(|inferred| {
                weak = inferred.weak;
                Reference { date: inferred.date, from: ReferenceFrom::Text }
            });
        }
        // An annual bulletin (`2024年…统计公报`) is published the year after the one it reports
        // on, and its 全年, 年末 and 上年 are that year's: the page's date gives way to the text.
        if let Some(r) = found.reference
            && r.from == ReferenceFrom::Metadata
            && discourse::bulletin_year(ctx.text, &mentions).is_some_and(|y| y.checked_add(1) == Some(r.date.year()))
        {
            found.reference = infer(ctx.text, &mentions).map(|inferred| {
                weak = inferred.weak;
                Reference { date: inferred.date, from: ReferenceFrom::Text }
            });
        }
        let mut frame = Frame::new(found.reference);
        // A news report dated by its dateline: 3日 is a day of the dateline's month.
        if dateline.is_some() || ctx.layout.published_from == Some(crate::document::DateSource::Dateline) {
            frame = frame.news();
        }
        let settings = discourse::settings(ctx.text, &mentions);
        // Expressions left out for want of a reference date (明天, 下周), told in one warning.
        let mut unresolved = Vec::new();
        // Whether a time was resolved against the reference (a weak one is worth a warning then).
        let mut relative = false;
        // Where the sentence ends whose year was counted back from the reference (`去年,…。`).
        let mut counted_back_until: Option<usize> = None;
        for (m, sets_time) in mentions.into_iter().zip(settings) {
            if let What::Time(expr) = &m.what
                && counted_back_until.is_some_and(|end| m.span.start >= end)
            {
                counted_back_until = None;
                if counted_back_released(&frame, expr, found.reference.map(|r| r.date)) {
                    frame.forget_year();
                }
            }
            if let What::Time(expr) = &m.what
                && sets_time
                && !expr.comparison
            {
                let back = matches!(expr.first, Period::Year(YearSpec::Deictic(k), _) if k < 0);
                counted_back_until = back.then(|| discourse::end_of_sentence(ctx.text, m.span.start));
            }
            match m.what {
                What::Time(expr) => match frame.resolve_in(&expr, sets_time) {
                    Some(range) => {
                        relative |= range.relative;
                        found.push(Candidate { span: m.span, value: Value::Time(range) });
                    }
                    None => {
                        if found.reference.is_none() && needs_reference(&expr) {
                            unresolved.push(m.span.clone());
                        }
                        found.claim(m.span);
                    }
                },
                What::NotTime => found.claim(m.span),
            }
        }
        if let (Some(why), Some(r), true) = (weak, found.reference, relative) {
            found.warnings.push(format!(
                "the document's year, {}, is inferred from little: {why} (pass a reference date if it is known)",
                r.date.year()
            ));
        }
        if !unresolved.is_empty() {
            let mut shown: Vec<&str> = unresolved.iter().take(5).map(|s| &ctx.text[s.clone()]).collect();
            let more = unresolved.len().saturating_sub(shown.len());
            let more = if more > 0 { format!(" and {more} more") } else { String::new() };
            shown.dedup();
            found.warnings.push(format!(
                "not reported, relative to a date the document does not give (pass a reference date): {}{more}",
                shown.join(", ")
            ));
        }
    }
}

/// Whether `expr`, which did not resolve without a reference date, would resolve with one (as
/// opposed to a date that does not exist, such as 2月30日).
fn needs_reference(expr: &syntax::Expr) -> bool {
    let probe = Reference { date: jiff::civil::date(2000, 6, 15), from: ReferenceFrom::Argument };
    Frame::new(Some(probe)).resolve(expr).is_some()
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

/// The reference date a text implies, from its own time expressions. (The caller's date, the
/// page's metadata and a news dateline come first; see the time recognizer and
/// [`dateline_date`].) The evidence, strongest first; the first that speaks decides:
/// 1. when the text pairs an explicit year with a word counted from the current year or says
///    how a year stands to its own time ([`discourse::current_year`]: `过去一年…?` answered by
///    `2022年,…`, `进入2023年`, `今年(2023年)`, `今(2023)年`, `2013年是…开局之年` before this
///    year's tasks, task and review headings, `刚刚过去的2025年`, a year compared with `去年`),
///    the latest year any such pair implies: its latest full date the text writes, else its
///    January 1;
/// 2. else, in a report to a congress (`各位代表` near its top, `is_report`), the year after the
///    one it reports on most as done (`国民生产总值1987年达到10920亿元` in a report of 1988: a
///    whole year with a figure and a result word in its clause and no plan, target or estimate
///    in its sentence, `reported_year`): a report is delivered early in the year whose tasks
///    it sets and reviews the year before;
/// 3. else, in a report, the first year it plans for (`我们要在1975年完成…`, `planned_year`);
/// 4. else the latest full date it writes (`截至2023年12月20日` was written at the end of 2023,
///    even when the text goes on about plans for 2024);
/// 5. else January 1 of the latest year it writes twice or more (or of the only year it writes,
///    when none is written twice);
/// 6. else none.
///
/// Whatever the steps give, the text speaks from after the years it compares with (`同比2020年
/// 增长30%`, and years listed after one): the reference is at least January 1 of the year after
/// the latest comparison base, unless that base is a plan's (`计划…比1964年增长5%左右`) or still
/// estimated (`比1980年预计增长`), which are the year the text is written in.
///
/// Targets and plans say nothing of when a text was written, so steps 2 to 5 leave out the
/// expressions that look ahead (`looks_ahead`: `力争2025年`, `2035年前`, `2021—2025年`), and
/// a year named once is more often a target than the year the text speaks from. `过去一年`
/// moves the reference a year on only where the text ties it to a year (step 1): the latest
/// year a text dwells on is as often the current one as the past one (on the 52 dated national
/// work reports of the benchmark corpus, a blanket "the year after" got 18 years right, none
/// 28). Step 2 is kept to reports, whose reviews are a year behind: a news item of December
/// reports its own year as done.
///
/// [`infer`] says when the inference is weak: a report's year reported as done only once, or
/// barely more often than another year (the runner-up at least half as often); a report dated
/// by the year it plans for, or by the latest date it writes (which may be history); the only
/// year a text writes, written once.
///
/// ```
/// use gongbao::extract::time::{grammar, infer_reference};
/// let text = "各位代表:过去一年,国民生产总值1987年达到10920亿元,比上年增长9.4%。";
/// let date = infer_reference(text, &grammar::scan(text)).unwrap();
/// assert_eq!(date.year(), 1988);
/// ```
pub fn infer_reference(text: &str, mentions: &[Mention]) -> Option<Date> {
    infer(text, mentions).map(|i| i.date)
}

/// What a text says of its own date: the date [`infer_reference`] infers, and why it is weak,
/// when it is (for a warning).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inferred {
    /// The reference date.
    pub date: Date,
    /// Why the inference is weak: the year rests on little (a year written once, a report's
    /// review year barely ahead of another); `None` when the text ties its year to 今年 or
    /// dwells on it.
    pub weak: Option<String>,
}

/// [`infer_reference`], with why it is weak when it is.
pub fn infer(text: &str, mentions: &[Mention]) -> Option<Inferred> {
    let mut dates: Vec<Date> = Vec::new();
    let mut years: Vec<i16> = Vec::new();
    // The text speaks from after the years it compares with (同比2020年增长30%).
    let mut after_bases: Option<i16> = None;
    for m in mentions {
        let What::Time(e) = &m.what else { continue };
        if e.comparison {
            // (比1980年预计增长: a base still estimated is the year the text is written in; the
            // base of a plan's target, 计划…比1964年增长5%左右, is the year the plan is made in.)
            if let Period::Year(YearSpec::Absolute(y), _) = e.last
                && !text[m.span.end..].starts_with("预计")
                && !plans(whole_sentence(text, &m.span))
            {
                after_bases = after_bases.max(y.checked_add(1));
            }
            continue;
        }
        if looks_ahead(text, &m.span, e) {
            continue;
        }
        let ends = [e.first, e.last];
        // A fiscal year (2024/25年度, April to March) is spoken of from the year it begins in.
        let one_year = e.first == e.last || is_fiscal_year(e);
        for &p in if one_year { &ends[..1] } else { &ends[..] } {
            let Period::Year(YearSpec::Absolute(y), part) = p else {
                continue;
            };
            years.push(y);
            if let YearPart::Month(MonthSpec::Named(m), MonthPart::Day(d)) = part
                && let Ok(date) = Date::new(y, m, d)
            {
                dates.push(date);
            }
        }
    }
    let in_year = |year: i16| dates.iter().filter(|d| d.year() == year).max().copied().or_else(|| Date::new(year, 1, 1).ok());
    let from_text = || -> Option<(Date, Option<String>)> {
        if let Some(year) = discourse::current_year(text, mentions) {
            return Some((in_year(year)?, None));
        }
        if is_report(text)
            && let Some(reported) = reported_year(text, mentions)
        {
            let year = reported.year.checked_add(1)?;
            let weak = (reported.times < 2 || reported.runner_up * 2 >= reported.times).then(|| {
                let times = |n: usize| if n == 1 { "once".to_owned() } else { format!("{n} times") };
                let other = if reported.runner_up > 0 { format!(", another year {}", times(reported.runner_up)) } else { String::new() };
                format!(
                    "a report, given the year after the one it reports on most as done ({}: {}{other})",
                    reported.year,
                    times(reported.times)
                )
            });
            return Some((in_year(year)?, weak));
        }
        if is_report(text)
            && let Some(year) = planned_year(text, mentions)
        {
            return Some((in_year(year)?, Some(format!("a report that reports no year as done, of the first year it plans for ({year})"))));
        }
        if let Some(&date) = dates.iter().max() {
            // A report that reports no year as done and plans none: its latest date may be history.
            let weak = is_report(text).then(|| format!("a report dated only by the latest date it writes ({date})"));
            return Some((date, weak));
        }
        let mut years = years.clone();
        years.sort_unstable();
        let repeated = years.windows(2).filter(|w| w[0] == w[1]).map(|w| w[0]).max();
        match repeated {
            Some(y) => Some((Date::new(y, 1, 1).ok()?, None)),
            None => {
                let y = *years.last()?;
                Some((Date::new(y, 1, 1).ok()?, Some(format!("the only year of {y} it writes, once"))))
            }
        }
    };
    let after_bases = after_bases.and_then(|y| Date::new(y, 1, 1).ok());
    match (from_text(), after_bases) {
        (Some((d, weak)), Some(b)) if b > d => {
            Some(Inferred { date: b, weak: weak.map(|w| format!("{w}, after the years it compares with")) })
        }
        (Some((date, weak)), _) => Some(Inferred { date, weak }),
        (None, b) => b.map(|date| Inferred { date, weak: None }),
    }
}

/// Whether a text is a report to a congress: it addresses `各位代表` near its top (after a
/// title, a delivery line and a speaker's name).
pub(super) fn is_report(text: &str) -> bool {
    text[..floor_boundary(text, 600)].contains("各位代表")
}

/// The year a report reports on most as done, how often, and how often the next such year.
struct Reported {
    year: i16,
    times: usize,
    runner_up: usize,
}

/// Words of a clause that report a result: `1987年达到10920亿元`, `比上年增长6.4%`.
const RESULT_WORDS: [&str; 14] =
    ["达到", "增长", "增加", "减少", "下降", "提高", "完成", "实现", "上升", "降到", "降低", "突破", "超过", "比上年"];

/// Words that make a clause a plan, a target or an estimate, not a result.
const PLAN_WORDS: [&str; 16] =
    ["将", "力争", "争取", "计划", "预计", "预算", "目标", "预期", "规划", "纲要", "可望", "可以", "能够", "打算", "左右", "应当"];

/// [`reported_year`]'s clause ends: a sentence's, a comma, a semicolon, a colon.
fn ends_clause(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | ';' | '；' | '！' | '？' | '\n' | '\r' | ',' | '，' | ':' | '：')
}

/// The year a text writes most often as a whole year reported as done (`国民生产总值1987年达到
/// 10920亿元`, `2012年底…达到12.5%`, `由1997年的…增加到2002年的…`): a year alone (or its end),
/// no comparison base and nothing that looks ahead, in a clause that writes a figure and a
/// result word, with no word of a plan, a target or an estimate (`要`, `将`, `预计`) between
/// the clause's start and the sentence's end. Ties go to the later year.
fn reported_year(text: &str, mentions: &[Mention]) -> Option<Reported> {
    let mut counts: Vec<(i16, usize)> = Vec::new();
    for m in mentions {
        let What::Time(e) = &m.what else { continue };
        let Period::Year(YearSpec::Absolute(y), YearPart::Whole | YearPart::LastDay) = e.first else { continue };
        if e.first != e.last || e.comparison || e.open != syntax::Open::Neither || looks_ahead(text, &m.span, e) {
            continue;
        }
        // 由1949年的…上升到1952年的…: the first year is where a change starts; 到1957年达到,
        // 在1957年达到 (not 到2002年的…) set a target.
        let before = &text[..m.span.start];
        if before.ends_with(['由', '从', '自']) || before.ends_with(['到', '至', '在', '于']) && !text[m.span.end..].starts_with('的')
        {
            continue;
        }
        let (start, end, sentence_end) = clause_around(text, &m.span);
        // A year that opens its sentence (一九八三年,职工…收入达到526元) reports what the rest of
        // the sentence does.
        let end = if text[start..m.span.start].trim().is_empty() { sentence_end } else { end };
        let clause = [&text[start..m.span.start], &text[m.span.end..end]];
        let figure = clause.iter().any(|c| c.chars().any(|c| c.is_ascii_digit() || crate::number::is_chinese_numeral_char(c)));
        let result = clause.iter().any(|c| RESULT_WORDS.iter().any(|w| c.contains(w)));
        if figure && result && !plans(&text[start..sentence_end]) {
            match counts.iter_mut().find(|(x, _)| *x == y) {
                Some((_, n)) => *n += 1,
                None => counts.push((y, 1)),
            }
        }
    }
    let &(year, times) = counts.iter().max_by_key(|&&(y, n)| (n, y))?;
    let runner_up = counts.iter().filter(|&&(y, _)| y != year).map(|&(_, n)| n).max().unwrap_or(0);
    Some(Reported { year, times, runner_up })
}

/// The largest character boundary of `text` at or before `i` (the end of the text when `i` is
/// past it).
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest character boundary of `text` at or after `i` (the end of the text when `i` is
/// past it).
pub(super) fn ceil_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Where the clause around `span` starts and ends, and where its sentence ends (each at most 60
/// characters away).
fn clause_around(text: &str, span: &Range<usize>) -> (usize, usize, usize) {
    let lo = floor_boundary(text, span.start.saturating_sub(180));
    let start = text[lo..span.start].rfind(ends_clause).map_or(lo, |i| lo + i + text[lo + i..].chars().next().map_or(1, char::len_utf8));
    let hi = ceil_boundary(text, span.end + 180);
    let end = text[span.end..hi].find(ends_clause).map_or(hi, |i| span.end + i);
    let sentence_end = text[span.end..hi].find(crate::segment::is_sentence_end).map_or(hi, |i| span.end + i);
    (start, end, sentence_end)
}

/// The sentence around `span` (at most 60 characters either side).
fn whole_sentence<'t>(text: &'t str, span: &Range<usize>) -> &'t str {
    let lo = floor_boundary(text, span.start.saturating_sub(180));
    let start = text[lo..span.start].rfind(crate::segment::is_sentence_end).map_or(lo, |i| lo + i);
    let (_, _, end) = clause_around(text, span);
    &text[start..end]
}

/// Whether `text` writes a plan, a target or an estimate (`将`, `要`, `计划`, `预计`).
fn plans(text: &str) -> bool {
    PLAN_WORDS.iter().any(|w| text.contains(w)) || has_must(text)
}

/// The first year a report plans for (`我们要在一九七五年完成…计划`, `一九七五年也将…完成`): a
/// year alone after `要在`, `将在`, or before `要`, `将` (with `也`, `还` between), no comparison
/// base, nothing that looks ahead.
fn planned_year(text: &str, mentions: &[Mention]) -> Option<i16> {
    const BEFORE: [&str; 4] = ["要在", "将在", "要于", "将于"];
    mentions
        .iter()
        .filter_map(|m| {
            let What::Time(e) = &m.what else { return None };
            let Period::Year(YearSpec::Absolute(y), YearPart::Whole) = e.first else { return None };
            let alone = e.first == e.last && !e.comparison && e.open == syntax::Open::Neither && !looks_ahead(text, &m.span, e);
            let after = text[m.span.end..].trim_start_matches([',', '也', '还', '又']);
            let planned = BEFORE.iter().any(|w| text[..m.span.start].ends_with(w)) || after.starts_with(['要', '将']);
            (alone && planned).then_some(y)
        })
        .min()
}

/// Whether `text` writes 要 as "must, will" (`今年要…`), not inside 主要, 重要, 需要, 要求.
fn has_must(text: &str) -> bool {
    text.match_indices('要').any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + '要'.len_utf8()..].chars().next();
        !before.is_some_and(|c| "主重需纲摘概提必只".contains(c)) && !after.is_some_and(|c| "求素点领闻".contains(c))
    })
}

/// The latest full date a text writes as past or present: targets, plans, announcements and
/// comparison bases left out.
fn latest_date_written(text: &str, mentions: &[Mention]) -> Option<Date> {
    mentions
        .iter()
        .filter_map(|m| {
            let What::Time(e) = &m.what else { return None };
            let Period::Year(YearSpec::Absolute(y), YearPart::Month(MonthSpec::Named(month), MonthPart::Day(d))) = e.last else {
                return None;
            };
            let before = text[..m.span.start].trim_end_matches(['从', '自']);
            let past = !e.comparison && !looks_ahead(text, &m.span, e) && !SCHEDULED_BEFORE.iter().any(|w| before.ends_with(w));
            past.then(|| Date::new(y, month, d).ok()).flatten()
        })
        .max()
}

/// Words before a time that schedule it (`将于10月20日举行`): what a text announces says little
/// of when it was written.
const SCHEDULED_BEFORE: [&str; 7] = ["将于", "将在", "定于", "拟于", "拟在", "计划于", "将"];

/// How many days after a dateline a period reported as done may still end (a report on 3月30日
/// may speak of the first quarter as done): a report on January 17 of the whole of a year is of
/// the year before, one on March 30 of its first quarter is not.
const REPORTING_LAG: i32 = 92;

/// The date of a dateline that writes a month and a day but no year (`新华社北京1月17日电`),
/// the year taken from the rest of the text ([`infer_reference`]): the year the text speaks
/// from, or the one after it when the text reports as done a period of that year that ends
/// well after the dateline's day (`REPORTING_LAG`) (`2023年全年`, `2023年12月份` under `1月17日电` were reported in
/// 2024). Targets, plans, announcements and comparison bases report nothing done.
pub fn dateline_date(text: &str, mentions: &[Mention], dateline: MonthDay) -> Option<Date> {
    let mut year = infer_reference(text, mentions)?.year();
    // A news report's full dates are as often history (自2019年12月1日起施行) as news: unless the
    // text pairs a year with 今年, the latest year it dwells on (writes twice) counts too.
    if discourse::current_year(text, mentions).is_none()
        && let Some(dwelt) = latest_repeated_year(text, mentions)
    {
        year = year.max(dwelt);
    }
    let date = Date::new(year, dateline.month, dateline.day).ok()?;
    let reported_after = mentions.iter().any(|m| {
        let What::Time(e) = &m.what else { return false };
        let Period::Year(YearSpec::Absolute(y), part) = e.last else { return false };
        let whole_year_done = text[m.span.clone()].ends_with("全年");
        let part_done = match part {
            YearPart::Whole => whole_year_done,
            YearPart::LastDay => e.open == syntax::Open::Start,
            _ => true,
        };
        let before = text[..m.span.start].trim_end_matches(['从', '自']);
        y == year
            && part_done
            && !e.comparison
            && !looks_ahead(text, &m.span, e)
            && !SCHEDULED_BEFORE.iter().any(|w| before.ends_with(w))
            && Frame::new(None)
                .resolve(e)
                .and_then(|t| t.end?.to_date())
                .is_some_and(|end| date.until((jiff::Unit::Day, end)).is_ok_and(|gap| gap.get_days() > REPORTING_LAG))
    });
    if reported_after { Date::new(year.checked_add(1)?, dateline.month, dateline.day).ok() } else { Some(date) }
}

/// The latest year a text writes twice or more, targets, plans and comparison bases left out.
fn latest_repeated_year(text: &str, mentions: &[Mention]) -> Option<i16> {
    let mut years: Vec<i16> = mentions
        .iter()
        .filter_map(|m| match &m.what {
            What::Time(e) if !e.comparison && !looks_ahead(text, &m.span, e) => match e.last {
                Period::Year(YearSpec::Absolute(y), _) => Some(y),
                _ => None,
            },
            _ => None,
        })
        .collect();
    years.sort_unstable();
    years.windows(2).filter(|w| w[0] == w[1]).map(|w| w[0]).max()
}

/// Whether a text counts years in the Republic calendar without writing `民国` (`108年至109年6月
/// 底`, Taiwan's official usage): a text that leans to Taiwan (`leans_to_taiwan`: it names
/// Taiwan's places or institutions more than another region's, or it is written in traditional
/// script) and writes a three-digit year (100–150) as a date (followed by a month, `度`, a range
/// or a part of the year), or two such years that are not durations (`108年历史`); in a text
/// placed in Taiwan (`taiwan`, [`crate::gazetteer::region::read`]) one such year is enough
/// (`113年经济成长率`). A mainland text never reads `108年` as 2019.
pub fn republic_calendar(text: &str, taiwan: bool, leans_to_taiwan: bool) -> bool {
    const AS_DATE: [&str; 14] = ["度", "至", "到", "-", "~", "—", "底", "初", "第", "上半", "下半", "全年", "以来", "起"];
    const DURATION: [&str; 8] = ["历史", "之久", "间", "多", "来", "前", "后", "的历史"];
    if !(taiwan || leans_to_taiwan) {
        return false;
    }
    let (mut as_date, mut plain) = (0, 0);
    // Every 年 (memchr's SIMD search; most texts have few) after a three-digit year 100–150 that
    // is not part of a longer number: `108年`, `109 年`.
    let bytes = text.as_bytes();
    for at in memchr::memmem::find_iter(bytes, "年") {
        let digits_end = if at > 0 && bytes[at - 1] == b' ' { at - 1 } else { at };
        let Some(start) = digits_end.checked_sub(3) else { continue };
        let year = &bytes[start..digits_end];
        let is_year = year[0] == b'1' && year.iter().all(u8::is_ascii_digit) && (b"100".as_slice()..=b"150".as_slice()).contains(&year);
        let standalone = start == 0 || !(bytes[start - 1].is_ascii_digit() || bytes[start - 1] == b'.');
        if !(is_year && standalone) {
            continue;
        }
        let after = &text[at + "年".len()..];
        if AS_DATE.iter().any(|w| after.starts_with(w)) || after.starts_with(|c: char| c.is_ascii_digit()) {
            as_date += 1;
        } else if !DURATION.iter().any(|w| after.starts_with(w)) {
            plain += 1;
        }
    }
    as_date >= 1 || plain >= 2 || taiwan && plain >= 1
}

/// Words before a time that make it a target (`力争2025年`, `计划到2030年`).
const AHEAD_BEFORE: [&str; 6] = ["力争", "争取", "预计", "计划", "目标", "规划"];
/// Words after a time that make it a deadline or a target (`2035年前`, `2025年左右`).
const AHEAD_AFTER: [&str; 6] = ["前", "以前", "之前", "左右", "目标", "远景"];

/// Whether an expression is a fiscal year from April (`2024/25年度`).
fn is_fiscal_year(e: &syntax::Expr) -> bool {
    let april = YearPart::Month(MonthSpec::Named(4), MonthPart::Whole);
    let march = YearPart::Month(MonthSpec::Named(3), MonthPart::Whole);
    matches!((e.first, e.last), (Period::Year(YearSpec::Absolute(a), x), Period::Year(YearSpec::Absolute(b), y))
        if x == april && y == march && b.checked_sub(a) == Some(1))
}

/// Whether the time expression at `span` looks ahead: a target, a deadline, or a plan's period
/// of several years (`2021—2025年`; a fiscal year is one).
fn looks_ahead(text: &str, span: &Range<usize>, e: &syntax::Expr) -> bool {
    let several_years = !is_fiscal_year(e)
        && matches!((e.first, e.last), (Period::Year(YearSpec::Absolute(a), _), Period::Year(YearSpec::Absolute(b), _)) if a != b);
    let before = &text[..span.start];
    let before = before.strip_suffix('到').or_else(|| before.strip_suffix('至')).unwrap_or(before);
    several_years || AHEAD_BEFORE.iter().any(|w| before.ends_with(w)) || AHEAD_AFTER.iter().any(|w| text[span.end..].starts_with(w))
}

/// Whether a statistical part of a year whose year is not written (`上半年`, `一季度`, `1-7月`,
/// `前三季度`), in the first time of a sentence after one whose year was counted back from the
/// reference (`去年,全市…。上半年,…`), is the reference year's rather than that earlier year's:
/// when that part of the reference year has ended by the reference date. A bulletin of August that
/// recalls last year and goes on with the first half speaks of this year's; a report of February
/// that recalls last year and goes on with its first quarter still speaks of last year's.
fn counted_back_released(frame: &Frame, expr: &syntax::Expr, reference: Option<Date>) -> bool {
    let Some(reference) = reference else { return false };
    let part = |p: &Period| {
        matches!(
            p,
            Period::Year(
                YearSpec::Implicit,
                YearPart::Half(_) | YearPart::Quarter(_) | YearPart::Month(MonthSpec::Named(_), MonthPart::Whole)
            )
        )
    };
    // (A range of months from January, not a month alone: `1-7月`, not `3月`.)
    let months_from_january =
        matches!(expr.first, Period::Year(YearSpec::Implicit, YearPart::Month(MonthSpec::Named(1), MonthPart::Whole)))
            && expr.last != expr.first;
    let statistical = part(&expr.first)
        && part(&expr.last)
        && (months_from_january || !matches!(expr.first, Period::Year(_, YearPart::Month(..))))
        && !expr.comparison;
    if !statistical {
        return false;
    }
    let mut fresh = frame.clone();
    fresh.forget_year();
    fresh.resolve_in(expr, false).and_then(|r| r.end).and_then(|d| d.to_date()).is_some_and(|end| end <= reference)
}

#[cfg(test)]
mod tests {
    use super::*;
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
            text in "[0-9年月日号至到~ .:/·\\-今去明上下本半季度前后第个周星期礼拜一二三四五六七八九十〇零两农历闰正腊初廿春节除夕截止以来及起天世纪代民国康熙〔〕\\[\\]Qa-z中文、,。进入是的对过去?:()\n【】]{0,40}",
            year in -9999i16..=9999,
            text_reference in any::<bool>(),
        ) {
            let from = if text_reference { ReferenceFrom::Text } else { ReferenceFrom::Argument };
            let reference = Date::new(year, 6, 15).ok().map(|date| Reference { date, from });
            let mentions = grammar::scan(&text);
            let _ = infer_reference(&text, &mentions);
            let _ = discourse::settings(&text, &mentions);
            resolve_all(&text, mentions, reference);
            let _ = parse(&text, reference.map(|r| r.date));
        }
    }

    #[test]
    fn expressions_left_unresolved_are_told() {
        let doc = crate::extract("明天开会,下周签约。2月30日不存在。");
        assert!(doc.facts.is_empty(), "{:?}", doc.facts);
        assert_eq!(doc.warnings.len(), 1, "{:?}", doc.warnings);
        assert!(doc.warnings[0].ends_with(": 明天, 下周"), "{}", doc.warnings[0]);
        let doc = crate::Extractor::new().reference_date(jiff::civil::date(2024, 7, 15)).extract("明天开会,下周签约。");
        assert_eq!(doc.facts.len(), 2);
        assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    }

    /// A long text of repeated units reads as the units do, one by one. (How long it takes is
    /// measured by the benches and bounded by the fuzz targets' timeout, not timed here.)
    #[test]
    fn scanning_a_long_text() {
        let unit = "2023年1-10月,截至12月20日签约;一二三四五六七八九十〇〇〇〇,1234567890123,今年以来";
        let text = unit.repeat(20_000);
        let found = grammar::scan(&text);
        assert_eq!(found.len(), 3 * 20_000);
    }

    #[test]
    fn reading_a_long_text() {
        let unit = "【主持人】:过去一年有哪些成效?\n【局长】:2022年,签约。进入2023年,今年以来,1月9日,对2019年度工作表彰,";
        let text = unit.repeat(20_000);
        let mentions = grammar::scan(&text);
        assert_eq!(infer_reference(&text, &mentions), Date::new(2023, 1, 1).ok());
        assert_eq!(discourse::settings(&text, &mentions).len(), mentions.len());
        // One long line of what the document's own date is read from.
        let unit = "同比2020年增长30%、2019年增长12%,每月15日,一年来,2022年工作回顾,108年至109年6月底,";
        let text = unit.repeat(20_000);
        let mut mentions = grammar::scan_with(&text, grammar::Calendars { republic: true, ..Default::default() });
        discourse::mark_comparison_lists(&text, &mut mentions);
        assert_eq!(dateline_date(&text, &mentions, MonthDay { month: 1, day: 17 }), Date::new(2023, 1, 17).ok());
        assert_eq!(latest_date_written(&text, &mentions), None);
        assert!(!republic_calendar(&text, false, false));
    }

    #[test]
    fn a_dateline_takes_its_year_from_the_text() {
        let md = |month, day| MonthDay { month, day };
        let on = |t: &str, m| dateline_date(t, &grammar::scan(t), m).map(|d| d.to_string());
        assert_eq!(on("2023年前三季度增长,2023年9月份持平", md(10, 18)).as_deref(), Some("2023-10-18"));
        assert_eq!(on("2023年全年增长5.2%,2023年12月份增长", md(1, 17)).as_deref(), Some("2024-01-17"));
        assert_eq!(on("2021年一季度完成投资,2021年计划", md(3, 30)).as_deref(), Some("2021-03-30"));
        assert_eq!(on("2023年服贸会将于2023年9月2日举办", md(3, 1)).as_deref(), Some("2023-03-01"));
        assert_eq!(on("前三季度增长", md(10, 18)), None);
        assert_eq!(on("自2019年12月1日起施行的条例,2023年前三季度执行良好,2023年9月检查", md(10, 18)).as_deref(), Some("2023-10-18"));
    }

    #[test]
    fn comparison_bases_come_before_the_text_year() {
        let infer = |t: &str| {
            let mut mentions = grammar::scan(t);
            discourse::mark_comparison_lists(t, &mut mentions);
            infer_reference(t, &mentions).map(|d| d.year())
        };
        assert_eq!(infer("今年上半年同比2020年增长30%、2019年增长12%"), Some(2021));
        assert_eq!(infer("一季度与2019年相比增长9%"), Some(2020));
        assert_eq!(infer("2022年1-6月,比2021年同期增长"), Some(2022));
        assert_eq!(infer("一、2022年工作回顾\n过去一年,全市增长"), Some(2023));
    }

    #[test]
    fn a_report_is_given_the_year_after_the_one_it_reports_on() {
        let infer = |t: &str| {
            let mut mentions = grammar::scan(t);
            discourse::mark_comparison_lists(t, &mut mentions);
            super::infer(t, &mentions)
        };
        let review = "国民收入1987年达到9100亿元,比上年增长9%。财政收入1987年达到2200亿元。\n钢产量由1980年的3700万吨增加到1987年的5600万吨。\n到1992年粮食产量达到4.5亿吨。";
        let report = format!("各位代表:\n现在我代表国务院作报告。\n{review}");
        let inferred = infer(&report).expect("a year");
        assert_eq!(inferred.date.year(), 1988);
        assert_eq!(inferred.weak, None);
        // Not a report: a text that reports a year as done may be written at its end.
        assert_eq!(infer(review).map(|i| i.date.year()), Some(1987));
        // The year reported once: right, but weak.
        let once = infer("各位代表:\n粮食产量1987年达到4亿吨。").expect("a year");
        assert_eq!(once.date.year(), 1988);
        assert!(once.weak.is_some_and(|w| w.contains("1987")));
        // A report that reports nothing as done, of the first year it plans for; targets and
        // history do not date it.
        let plans = "各位代表:\n我们要在2031年完成第九个五年计划,2035年前基本实现现代化。历史上,1949年10月1日新中国成立。";
        assert_eq!(infer(plans).map(|i| i.date.year()), Some(2031));
        // A plan's comparisons (计划…比2030年增长5%左右) and a base still estimated (比2030年预计)
        // do not move the year on.
        let plan = "各位代表:\n2030年是关键一年,做好今年工作。2031年计划工业产值比2030年增长5%左右,粮食比2030年预计增加100万吨。";
        assert_eq!(infer(plan).map(|i| i.date.year()), Some(2030));
    }

    #[test]
    fn republic_years_in_taiwan_texts_only() {
        let read = |t: &str| {
            let reading = crate::gazetteer::region::read(t, crate::normalize::Script::Mixed);
            let taiwan = reading.region.is_some_and(|(r, _)| r == Region::Taiwan);
            republic_calendar(t, taiwan, taiwan || reading.leaning == Some(Region::Taiwan))
        };
        assert!(read("108年至109年6月底,台北市"));
        assert!(republic_calendar("本处统计111年度预算", false, true));
        assert!(!read("108年至109年6月底"));
        assert!(!republic_calendar("学校已有108年历史", false, true));
        assert!(!read("台湾2023年经济增长"));
        // One year alone, in a text placed in Taiwan; not in one that only names Taiwan.
        assert!(read("行政院主计总处表示,113年经济成长率为4.3%。"));
        assert!(!read("台北市113年预算"));
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
