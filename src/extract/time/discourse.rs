//! Where a time expression stands in its text, and what that says beyond its words:
//! - whether it starts a sentence, a clause, a line or a speaker's turn ([`sentence_start`],
//!   [`clause_start`]), and so whether it sets the time of its sentence, which later month-days
//!   take ([`settings`]: `对2019年度…工作` inside a chronicle entry does not move the chronicle's
//!   year);
//! - which year a text treats as the current one, from a year the text pairs with `今年` or with
//!   `过去一年` ([`current_year`]).

use std::ops::Range;

use super::syntax::{Expr, Mention, MonthPart, Open, Period, What, YearPart, YearSpec};
use crate::segment::{is_clause_end, is_sentence_end, sentence_at};

/// Words that may stand between a clause boundary and the time expression that sets the clause's
/// time: `在2023年`, `于4月`, `进入2023年`, `特别是5月16日`.
const LEADS: &[&str] = &["特别是", "尤其是", "进入", "迈入", "步入", "踏入", "跨入", "在", "于", "自", "从", "到"];

/// Words before a year that make it the current one: `进入2023年`.
const ENTERING: &[&str] = &["进入", "迈入", "步入", "踏入", "跨入"];

/// Words after a year that look back on it from the next one: `2022年工作回顾`.
const REVIEW: &[&str] = &["工作回顾"];

/// Words of a heading that sets a year's tasks, in the year a work report is given:
/// `二、2004年主要任务`, `2023年政府工作任务`, `2013年工作的总体部署`, `二、关于1998年政府工作的建议`,
/// `三、2026年重点工作`.
const TASKS: &[&str] = &["主要任务", "目标任务", "工作任务", "总体要求", "总体部署", "建议", "重点工作", "工作安排"];

/// A heading that is a year's work and nothing more (`三、关于2026年工作`) sets its tasks too.
const WORK: &[&str] = &["工作", "的工作", "政府工作"];

/// Words before a year that look back on it from the next one: `刚刚过去的2025年`, `回顾2024年`.
const LOOKING_BACK: &[&str] = &["刚刚过去的", "刚过去的", "回顾"];

/// Words before a year whose results are published (`公布2024年工作表现`), and words after it
/// that name results: the year is over.
const PUBLISHING: &[&str] = &["公布", "发布", "公告"];
const RESULTS: &[&str] = &["表现", "业绩", "成绩", "成果", "数据", "结果", "统计"];

/// The rest of the heading that a year at `span` opens: a short line of its own (after a list
/// marker such as `一、`, `(二)`, `3.`), with no sentence in it; `None` when the year stands
/// elsewhere.
fn heading_after<'t>(text: &'t str, span: &Range<usize>) -> Option<&'t str> {
    // Only a few bytes either side are looked at, so that a long line costs no more than a short
    // one.
    let mut lo = span.start.saturating_sub(19);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let window = &text[lo..span.start];
    let marker = match window.rfind('\n') {
        Some(i) => &window[i + 1..],
        None if lo == 0 => window,
        None => return None,
    };
    let is_marker = |c: char| c.is_ascii_digit() || "一二三四五六七八九十、.()( )第 \t".contains(c);
    let marker = marker.strip_suffix("关于").unwrap_or(marker);
    if marker.len() > 12 || !marker.chars().all(is_marker) {
        return None;
    }
    let mut hi = (span.end + 61).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let window = &text[span.end..hi];
    let rest = match window.find('\n') {
        Some(i) => &window[..i],
        None if hi == text.len() => window,
        None => return None,
    };
    (rest.len() <= 60 && !rest.contains(['。', ',', ';', '，'])).then_some(rest)
}

/// What may stand between a year and the word it glosses: `今年(2023年)`, `2022年(去年)`,
/// `过去一年,即2022年`, `今年是2023年`.
const GLOSS: &[&str] = &["(", "(即", "即", ",即", "也就是", ",也就是", "是", "就是", "也即"];

/// Spaces, opening brackets and quotes, skipped when looking back for a boundary (line breaks
/// are boundaries).
fn is_opening(c: char) -> bool {
    matches!(c, ' ' | '\t' | '“' | '"' | '‘' | '\'' | '(' | '《' | '「' | '『' | '【' | '[')
}

/// The text before `at`, without the lead word and the opening brackets just before it.
fn head_before(text: &str, at: usize) -> &str {
    let mut head = text[..at].trim_end_matches(is_opening);
    if let Some(w) = LEADS.iter().find(|w| head.ends_with(**w)) {
        head = head[..head.len() - w.len()].trim_end_matches(is_opening);
    }
    head
}

/// Whether a speaker label (`【邵明远】:`, `答:`, `记者:`) ends `head`: a colon after at most 16
/// characters of a sentence, with no comma among them.
fn ends_with_label(head: &str) -> bool {
    let Some(before) = head.strip_suffix([':', '：']) else {
        return false;
    };
    let mut label = before.chars().rev();
    for _ in 0..=16 {
        match label.next() {
            None => return true,
            Some(c) if is_sentence_end(c) => return true,
            Some(',' | '，' | '、' | ':' | '：') => return false,
            Some(_) => {}
        }
    }
    false
}

/// Where the sentence containing byte `pos` ends, as [`sentence_at`] cuts it: just after its
/// terminator, or at the end of the text. Sentences are looked up only where a time expression
/// stands, never cut all over the text; every terminator is one character, so a search for their
/// encodings (aho-corasick's SIMD prefilter) finds the next one without decoding the characters
/// before it.
pub(super) fn end_of_sentence(text: &str, pos: usize) -> usize {
    static TERMINATORS: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
        let ends = (0..=0x10FFFF).filter_map(char::from_u32).filter(|&c| is_sentence_end(c)).map(String::from);
        // Leftmost semantics, for the prefilter; the terminators do not overlap anyway.
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .build(ends)
            .expect("sentence terminators build an automaton")
    });
    TERMINATORS.find(aho_corasick::Input::new(text).range(pos..)).map_or(text.len(), |m| m.end())
}

/// Whether `at` starts a sentence, a line or a speaker's turn (after a lead word like `进入`).
pub fn sentence_start(text: &str, at: usize) -> bool {
    let head = head_before(text, at);
    head.chars().next_back().is_none_or(is_sentence_end) || ends_with_label(head)
}

/// Whether `at` starts a clause: a sentence, or a stretch after a comma or a colon.
pub fn clause_start(text: &str, at: usize) -> bool {
    head_before(text, at).chars().next_back().is_none_or(is_clause_end)
}

/// The year of a single whole-year expression (`2023年`, `今年`, not `2023年4月`, `今年以来`).
fn whole_year(e: &Expr) -> Option<YearSpec> {
    match e.first {
        Period::Year(spec, YearPart::Whole) if e.last == e.first && e.open == Open::Neither && !e.comparison => Some(spec),
        _ => None,
    }
}

/// Whether an expression writes its year, or counts it from the current one: `2023年4月`,
/// `今年`, `当年`, `2024年春节`, `上世纪80年代` (not `4月28日`, `本周`).
fn names_year(e: &Expr) -> bool {
    match e.first {
        Period::Year(spec, _) | Period::Holiday(spec, _) | Period::Lunar { year: spec, .. } => spec != YearSpec::Implicit,
        Period::Centuries { .. } => true,
        _ => false,
    }
}

/// Whether the whole-year expression at `span` modifies a noun inside a clause:
/// `对2019年度招商引资工作…予以表彰`, `为今年的工作打下基础`, `关于2020年…的报告`.
fn is_modifier(text: &str, span: &Range<usize>, e: &Expr) -> bool {
    whole_year(e).is_some_and(|s| s != YearSpec::Implicit)
        && (text[span.clone()].ends_with('度')
            || text[span.end..].starts_with('的')
            || ["对", "对于", "关于"].iter().any(|w| text[..span.start].ends_with(w)))
}

/// For each mention, whether it sets the time of its sentence, so that the expressions after
/// it take its year (and month and day); see [`super::resolve::Frame::resolve_in`].
///
/// An expression that starts a sentence, clause, line or turn sets it (`2020年招商工作大事记`,
/// `2023年,…`, `【主持人】:今年的…`, `进入2023年,…`, `1月9日,…`). Inside a clause, an
/// expression that names a year sets it only when it is the first time of its sentence and no
/// modifier: a year that modifies a noun (`对2019年度…工作`, `2019年的…`), or one that comes
/// after the sentence's own time (`1月9日,…对该企业2019年的投资…`), is what the sentence speaks
/// of, not when it happens, and leaves the year of a chronicle alone. `我市于2023年4月28日举办…`
/// still sets it.
pub fn settings(text: &str, mentions: &[Mention]) -> Vec<bool> {
    let mut sentence_end = 0;
    let mut has_setting = false;
    mentions
        .iter()
        .map(|m| {
            let What::Time(e) = &m.what else {
                return false;
            };
            if m.span.start >= sentence_end {
                sentence_end = end_of_sentence(text, m.span.start);
                has_setting = false;
            }
            // A full date alone on its line is the page's date (under a title, above a
            // signature), not the time of the text that follows it.
            let dated_line = matches!(e.first, Period::Year(_, YearPart::Month(_, MonthPart::Day(_)))) && dates_its_line(text, &m.span);
            let sets = if dated_line {
                false
            } else if clause_start(text, m.span.start) {
                true
            } else if names_year(e) {
                !has_setting && !is_modifier(text, &m.span, e)
            } else {
                true
            };
            has_setting |= sets;
            sets
        })
        .collect()
}

/// The line `span` stands in (without its line breaks).
fn line_around(text: &str, span: &Range<usize>) -> Range<usize> {
    let start = memchr::memrchr(b'\n', &text.as_bytes()[..span.start]).map_or(0, |i| i + 1);
    let end = memchr::memchr(b'\n', &text.as_bytes()[span.end..]).map_or(text.len(), |i| span.end + i);
    start..end
}

/// Whether the date at `span` dates its line: it is all the line holds, or it ends a short line
/// that names who issued the text or labels the date (`县统计局 2024年3月20日`,
/// `发布时间:2024年3月20日`), with no sentence before it.
fn dates_its_line(text: &str, span: &Range<usize>) -> bool {
    let line = line_around(text, span);
    let before = text[line.start..span.start].trim();
    let label = before.strip_suffix([':', '：']).unwrap_or(before).trim_end();
    text[span.end..line.end].trim().is_empty()
        && label.chars().count() <= 16
        && !label.contains(|c: char| is_clause_end(c) || matches!(c, '，' | '、'))
}

/// Mark as comparison bases the years listed after one (`同比2020年增长30%、2019年增长12%`:
/// the text compares with 2019 too): a whole year that follows a comparison base in the same
/// clause, after `、`, `和` or `及`.
pub fn mark_comparison_lists(text: &str, mentions: &mut [Mention]) {
    let mut base_end: Option<usize> = None;
    for m in mentions.iter_mut() {
        let What::Time(e) = &mut m.what else { continue };
        if let Some(end) = base_end
            && let Some(between) = text.get(end..m.span.start)
            && between.len() <= 60
            && !between.chars().any(|c| is_clause_end(c) && c != '、')
            && (between.ends_with(['、', '和', '及']) || between.ends_with("以及"))
            && whole_year(&Expr { comparison: false, ..*e }).is_some_and(YearSpec::is_written)
        {
            e.comparison = true;
        }
        base_end = e.comparison.then_some(m.span.end);
    }
}

/// The last two sentences looked up ([`sentence_at`]): the expressions of one long sentence
/// (or of it and the next) find it again without cutting it again, so that a text with long
/// sentences is read in linear time.
#[derive(Default)]
struct Sentences {
    recent: [Option<Range<usize>>; 2],
}

impl Sentences {
    fn at(&mut self, text: &str, pos: usize) -> Range<usize> {
        let hit = |r: &Option<Range<usize>>| r.as_ref().filter(|r| r.start <= pos && pos < r.end).cloned();
        if let Some(r) = hit(&self.recent[0]).or_else(|| hit(&self.recent[1])) {
            return r;
        }
        let r = sentence_at(text, pos);
        self.recent = [Some(r.clone()), self.recent[0].take()];
        r
    }
}

/// The year a text treats as the current one, when it pairs an explicit year with a word
/// counted from the current year, or says how the year stands to its own time. Each pair is
/// evidence:
/// - the current year: `进入2023年` opening a clause (not `项目进入2024年…名单`),
///   `今年(2023年)`, `2023年(今年)`, `今(2023)年`, `今年是2023年`; a sentence that opens with
///   `2023年是…` and goes on to this year's work (`2023年是开局之年,今年以来…`, `…,做好今年
///   工作`, or `今年` opening a later sentence of its paragraph or the next paragraph; not
///   `…,为今年工作打下基础`); a heading that sets the year's tasks (`二、2004年主要任务`,
///   `二、关于1998年政府工作的建议`, `三、2026年重点工作`) or names nothing but its work
///   (`三、关于2026年工作`); a year compared with `去年` in its sentence (`1980年上半年…比去年同期
///   增长`);
/// - the year before: a look back (`过去一年`, or `去年` in a question) answered by a sentence
///   or turn that opens with an explicit year (`过去一年…有哪些成效?` / `【局长】:2022年,…`,
///   `2022年12月,…`), or glossed by one (`去年(2022年)`, `过去一年,即2022年`); a year followed
///   by `工作回顾` anywhere, or opening a heading that looks back (`一、1996年国内工作的回顾`),
///   `刚刚过去的2025年`, `回顾2024年`, a year's results published (`公布2024年工作表现`); and,
///   in a report to a congress, a sentence opening with a year just before one that opens with a
///   review of several years (`2025年是“十四五”收官之年。五年来,…`).
///
/// The latest year any pair implies wins (a text speaks from the latest "now" it names); `None`
/// when nothing pairs.
pub fn current_year(text: &str, mentions: &[Mention]) -> Option<i16> {
    let times: Vec<(&Range<usize>, &Expr)> = mentions
        .iter()
        .filter_map(|m| match &m.what {
            What::Time(e) => Some((&m.span, e)),
            What::NotTime => None,
        })
        .collect();
    let absolute = |k: usize| match times.get(k).and_then(|(_, e)| whole_year(e)) {
        Some(YearSpec::Absolute(y)) => Some(y),
        _ => None,
    };
    let deictic = |k: usize| match times.get(k).and_then(|(_, e)| whole_year(e)) {
        Some(YearSpec::Deictic(d)) => Some(d),
        Some(YearSpec::UnderReview(0)) => Some(-1),
        _ => None,
    };
    // Whether mentions k and k + 1 gloss each other.
    let glossed = |k: usize| {
        let (Some((a, _)), Some((b, _))) = (times.get(k), times.get(k + 1)) else {
            return false;
        };
        // 去年是2021年的两倍 compares two years.
        GLOSS.contains(&text[a.end..b.start].trim()) && !text[b.end..].starts_with('的')
    };
    let report = super::is_report(text);
    let mut best: Option<i16> = None;
    let mut vote = |y: Option<i16>| best = best.max(y);
    let mut sentences = Sentences::default();
    for k in 0..times.len() {
        let (span, e) = times[k];
        // 今(2018)年 glosses this year with its number.
        if let Period::Year(YearSpec::Absolute(x), _) = e.first
            && text[span.clone()].starts_with("今(")
        {
            vote(Some(x));
        }
        if let Period::Year(YearSpec::Absolute(x), _) = e.first
            && ENTERING.iter().any(|w| text[..span.start].ends_with(w))
            && clause_start(text, span.start)
        {
            vote(Some(x));
        }
        // 2022年工作回顾: a work report looks back on the year before the one it is given in,
        // and sets the tasks of the year it is given in (二、2004年主要任务).
        if let Some(x) = absolute(k) {
            let heading = heading_after(text, span);
            let before = &text[..span.start];
            let published = PUBLISHING.iter().any(|w| before.ends_with(w)) && {
                let rest = &text[span.end..super::ceil_boundary(text, span.end + 30)];
                RESULTS.iter().any(|w| rest.contains(w))
            };
            if REVIEW.iter().any(|w| text[span.end..].starts_with(w))
                || heading.is_some_and(|h| h.contains("回顾"))
                || LOOKING_BACK.iter().any(|w| before.ends_with(w))
                || published
            {
                vote(x.checked_add(1));
            } else if heading.is_some_and(|h| TASKS.iter().any(|w| h.contains(w)) || WORK.contains(&h.trim())) {
                vote(Some(x));
            }
        }
        // 2023年主要预期目标是: a report sets this year's targets.
        if let Some(x) = absolute(k)
            && sentence_start(text, span.start)
            && sets_targets(&text[span.end..super::ceil_boundary(text, span.end + 45)])
        {
            vote(Some(x));
        }
        // 2024年…统计公报 as a title: an annual bulletin's 全年, 年末 and 上年 are its year's,
        // whenever it is published.
        if let Some(x) = absolute(k)
            && is_bulletin_title(text, span)
        {
            vote(Some(x));
        }
        // 2013年是…开局之年 followed by this year's work (做好今年工作, or a sentence or the next
        // paragraph opening with 今年): the year it characterizes is the current one.
        if let Some(x) = absolute(k)
            && (text[span.end..].starts_with('是') || text[span.end..].starts_with(",是"))
            && sentence_start(text, span.start)
            && characterizes_this_year(text, &times, k, &mut sentences)
        {
            vote(Some(x));
        }
        // 1980年上半年…比去年同期增长: a year compared with 去年 is this year.
        if let Period::Year(YearSpec::Absolute(x), _) = e.first
            && !e.comparison
            && let Some((s, next)) = times.get(k + 1)
            && next.comparison
            && matches!(next.first, Period::Year(YearSpec::Deictic(-1), _))
            && text[(*s).clone()].starts_with("去年")
            && s.start < sentences.at(text, span.start).end
        {
            vote(Some(x));
        }
        if glossed(k) {
            let pair = match (absolute(k), deictic(k), absolute(k + 1), deictic(k + 1)) {
                (Some(x), _, _, Some(d)) | (_, Some(d), Some(x), _) => Some((x, d)),
                _ => None,
            };
            if let Some((x, d @ (-1 | 0))) = pair {
                vote(x.checked_sub(i16::from(d)));
            }
        }
        if deictic(k) == Some(-1) {
            let sentence = sentences.at(text, span.start);
            let question = text[sentence.clone()].trim_end().ends_with(['?', '？']);
            let n = times.partition_point(|(s, _)| s.start < sentence.end);
            let under_review = whole_year(e) == Some(YearSpec::UnderReview(0));
            if (under_review || question)
                && let Some((next, _)) = times.get(n)
                && text[sentence.end..sentences.at(text, next.start).start].trim().is_empty()
                && sentence_start(text, next.start)
                && !ENTERING.iter().any(|w| text[..next.start].ends_with(w))
                && let (_, Expr { first: Period::Year(YearSpec::Absolute(x), _), comparison: false, .. }) = times[n]
            {
                vote(x.checked_add(1));
            }
        }
        // 2025年是“十四五”收官之年。五年来,… in a report: the year closes the years the next
        // sentence reviews, and the report is given the year after.
        if let Some(x) = absolute(k).filter(|_| report)
            && sentence_start(text, span.start)
            && let Some((next, Expr { first: Period::Year(YearSpec::UnderReview(1..), _), .. })) = times.get(k + 1)
            && sentence_start(text, next.start)
            && text[sentences.at(text, span.start).end..sentences.at(text, next.start).start].trim().is_empty()
        {
            vote(x.checked_add(1));
        }
    }
    best
}

/// The year an annual statistical bulletin's title names (`2024年永安市国民经济和社会发展统计公报`),
/// if the text has such a title.
pub fn bulletin_year(text: &str, mentions: &[Mention]) -> Option<i16> {
    mentions.iter().find_map(|m| match &m.what {
        What::Time(e) => match whole_year(e) {
            Some(YearSpec::Absolute(y)) if is_bulletin_title(text, &m.span) => Some(y),
            _ => None,
        },
        What::NotTime => None,
    })
}

/// Whether the year at `span` opens a line that titles an annual statistical bulletin
/// (`2024年永安市国民经济和社会发展统计公报`): a short line of its own ending in 统计公报.
fn is_bulletin_title(text: &str, span: &Range<usize>) -> bool {
    let line = line_around(text, span);
    let rest = text[span.end..line.end].trim_end();
    text[line.start..span.start].trim().is_empty() && rest.len() <= 120 && (rest.ends_with("统计公报") || rest.ends_with("统计公告"))
}

/// Words that name a year's targets, which a report sets for the year it is given in.
const TARGETS: &[&str] = &["主要预期目标", "预期目标", "主要目标"];

/// Whether the words after a year open a statement of its targets (`主要预期目标是`,
/// `经济社会发展的主要预期目标为:`): a target word within the clause's first dozen characters,
/// then 是, 为 or a colon.
fn sets_targets(after: &str) -> bool {
    let clause = &after[..after.find(|c: char| is_clause_end(c) && !matches!(c, ':' | '：')).unwrap_or(after.len())];
    TARGETS.iter().any(|w| {
        clause
            .find(w)
            .is_some_and(|k| clause[..k].chars().count() <= 12 && clause[k + w.len()..].trim_start().starts_with(['是', '为', ':', '：']))
    })
}

/// Whether the sentence that opens with the year `times[k]` (`2013年是…开局之年`) goes on to
/// this year's work: a `今年` in it that is not the end of something done for it (`为今年…打下
/// 基础`), or a sentence opening with `今年` later in its paragraph or first in the next one
/// (`今年工作的总体要求是`).
fn characterizes_this_year(text: &str, times: &[(&Range<usize>, &Expr)], k: usize, sentences: &mut Sentences) -> bool {
    let sentence = sentences.at(text, times[k].0.start);
    let line_end = memchr::memchr(b'\n', &text.as_bytes()[sentence.end..]).map_or(text.len(), |i| sentence.end + i);
    let rest = &text[line_end..];
    let next = line_end + (rest.len() - rest.trim_start().len());
    let limit = end_of_sentence(text, next);
    times[k + 1..].iter().take_while(|(s, _)| s.start < limit).any(|(s, e)| {
        let this_year = matches!(e.first, Period::Year(YearSpec::Deictic(0), _)) && !e.comparison;
        let opens = if s.start < sentence.end { !text[..s.start].ends_with('为') } else { sentence_start(text, s.start) };
        this_year && opens
    })
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        #[test]
        fn sentence_ends_as_every_character_finds_them(text in "[。！？；!?;\n\r，,a年😀…]{0,40}") {
            for pos in (0..=text.len()).filter(|&p| text.is_char_boundary(p)) {
                proptest::prop_assert_eq!(end_of_sentence(&text, pos), sentence_at(&text, pos).end);
            }
        }
    }

    use super::*;
    use crate::extract::time::grammar::scan;

    proptest::proptest! {
        #[test]
        fn remembered_sentences_are_the_sentences(text in "[。?!a年\n,]{0,30}", picks in proptest::collection::vec(0usize..31, 0..12)) {
            let mut sentences = Sentences::default();
            for pos in picks.into_iter().map(|p| p.min(text.len())).filter(|&p| text.is_char_boundary(p)) {
                proptest::prop_assert_eq!(sentences.at(&text, pos), sentence_at(&text, pos));
            }
        }
    }

    fn at(text: &str, needle: &str) -> usize {
        text.find(needle).unwrap()
    }

    #[test]
    fn starts() {
        let t = "【主持人】:今年如何?\n【局长】:进入2023年,特别是5月16日,我市于6月1日签约。";
        assert!(sentence_start(t, at(t, "今年")));
        assert!(sentence_start(t, at(t, "2023年")));
        assert!(!sentence_start(t, at(t, "5月16日")));
        assert!(clause_start(t, at(t, "5月16日")));
        assert!(!clause_start(t, at(t, "6月1日")));
        assert!(sentence_start("2020年招商工作大事记", 0));
        assert!(!sentence_start("全市新签约项目,其中:2022年", at("全市新签约项目,其中:2022年", "2022年")));
    }

    #[test]
    fn settings_of_sentences() {
        let sets = |t: &str| -> Vec<(String, bool)> {
            let found = scan(t);
            found.iter().zip(settings(t, &found)).map(|(m, s)| (t[m.span.clone()].to_owned(), s)).collect()
        };
        let got = sets(
            "2020年大事记\n1月9日,大会对2019年度工作予以表彰,为今年的工作打下基础,表彰该企业2019年投资。我市2018年签约;3月,该企业于2017年4月成立的子公司签约。",
        );
        let want = [
            ("2020年", true),
            ("1月9日", true),
            ("2019年度", false),
            ("今年", false),
            ("2019年", false),
            ("2018年", true),
            ("3月", true),
            ("2017年4月", false),
        ];
        assert_eq!(got, want.map(|(a, b)| (a.to_owned(), b)));
        assert_eq!(sets("2019年度,全市签约。"), [("2019年度".to_owned(), true)]);
        assert_eq!(sets("我市的2019年度工作"), [("2019年度".to_owned(), false)]);
    }

    #[test]
    fn current_years() {
        let year = |t: &str| current_year(t, &scan(t));
        assert_eq!(year("过去一年有哪些成效?\n【局长】:2022年,全市签约。去年兑现资金。\n【主持人】:进入2023年,今年呢?"), Some(2023));
        assert_eq!(year("去年成效如何?答:2021年,全市签约。"), Some(2022));
        assert_eq!(year("去年成效明显。2021年,全市签约。"), None);
        assert_eq!(year("今年(2024年)计划签约30个"), Some(2024));
        assert_eq!(year("一、1996年国内工作的回顾\n过去一年,经济增长。"), Some(1997));
        assert_eq!(year("一、2022年工作回顾\n二、2023年主要目标任务\n"), Some(2023));
        assert_eq!(year("二、2004年主要任务\n今年要加强农业。"), Some(2004));
        assert_eq!(year("2022年全市签约项目30个\n2022年回顾展开幕,规模扩大。"), None);
        assert_eq!(year("2022年(去年)签约30个"), Some(2023));
        assert_eq!(year("今年是2025年。"), Some(2025));
        assert_eq!(year("2023年是开局之年,今年以来全市签约。"), Some(2023));
        assert_eq!(year("2022年,全市签约,为今年打下基础。"), None);
        assert_eq!(year("2022年是不平凡的一年,为今年打下基础。"), None);
        assert_eq!(year("去年成效如何?\n答:2021年12月,全市签约。"), Some(2022));
        assert_eq!(year("2022年签约30个。2023年签约40个。"), None);
        assert_eq!(year("2022年,3个项目进入2024年省重点项目名单。"), None);
        assert_eq!(year("进入2023年以来,全市签约。"), Some(2023));
    }

    #[test]
    fn how_a_work_report_places_its_year() {
        let year = |t: &str| current_year(t, &scan(t));
        // The year it characterizes, before this year's work.
        assert_eq!(year("2031年是新规划的开局之年,也是关键一年。形势复杂。\n今年工作的总体要求是:稳中求进。"), Some(2031));
        assert_eq!(year("2031年是新规划的第一年,做好今年政府工作意义重大。"), Some(2031));
        assert_eq!(year("2030年是极不平凡的一年,全省经济增长。\n我们克服困难,实现目标。"), None);
        // Headings of tasks.
        assert_eq!(year("二、关于2031年政府工作的建议\n各项工作要抓紧。"), Some(2031));
        assert_eq!(year("三、关于2031年工作\n稳字当头。"), Some(2031));
        assert_eq!(year("三、2031年重点工作\n稳字当头。"), Some(2031));
        // Looking back, results published, a year compared with 去年.
        assert_eq!(year("各位代表,刚刚过去的2030年,全省生产总值增长5%。"), Some(2031));
        assert_eq!(year("回顾2030年,我们迎难而上。"), Some(2031));
        assert_eq!(year("投资推广署公布2030年工作表现,引进企业600间。"), Some(2031));
        assert_eq!(year("投资推广署公布2031年计划,将引进企业600间。"), None);
        assert_eq!(year("2031年上半年工业产值比去年同期增长6%。"), Some(2031));
        assert_eq!(year("2030年工业产值比上年增长6%。"), None);
        // In a report, a year just before a review of several years closes them.
        assert_eq!(year("各位代表!2030年是规划收官之年。五年来,全省经济总量跨过两个台阶。"), Some(2031));
        assert_eq!(year("2030年是规划收官之年。五年来,全市经济总量跨过两个台阶。"), None);
    }
}
