//! How figures relate: the figure a percentage qualifies (`of`), the whole a figure listed under
//! 其中 belongs to (`part_of`), and figures that contradict each other.
//!
//! A percentage qualifies the nearest figure before it in its sentence: an amount or a count for
//! a percentage (`合同投资额890.15亿元,…比去年同期增长11.73%`), a percentage for a difference in
//! points (`占…66.50%,…高21.5个百分点`). An aside in parentheses is skipped (and a percentage in
//! one qualifies only what is in it); a target is skipped for the result that completes it
//! (`外出招商19次,完成目标任务12次的160%` qualifies 19次); a threshold or a project's size stops
//! the search (`10亿元以上项目分别占…的46%` qualifies no written figure).
//!
//! 其中 (and `…N个项目中,`) opens a list of parts: each figure after it in its sentence belongs
//! to the nearest figure of the same kind and unit before the cue — in the same sentence, or in
//! the previous one when 其中 opens the sentence.

use rust_decimal::Decimal;

use super::bytewise::{holds, trimmed};
use super::{Context, Notes};
use crate::PercentUnit;
use crate::fact::{Record, Value};

/// How many facts back a relation is looked for.
const BACK: usize = 24;

/// Fill `of` for every percentage.
pub fn qualifies(ctx: &Context<'_>, notes: &[Notes], records: &mut [Option<Box<Record>>]) {
    for i in 0..ctx.facts.len() {
        let Value::Percent(p) = &ctx.facts[i].value else { continue };
        // `减少73.3%至4.5万人次`: the rate qualifies the level it reached.
        let reached = ctx.text.get(ctx.spans[i].end..).is_some_and(|a| a.starts_with(['至', '到']))
            && ctx.facts.get(i + 1).is_some_and(|f| f.is_figure() && !matches!(f.value, Value::Percent(_)))
            && ctx.spans.get(i + 1).is_some_and(|s| s.start == ctx.spans[i].end + '至'.len_utf8());
        if reached {
            if let Some(r) = records[i].as_mut() {
                r.of = Some(i + 1);
            }
            continue;
        }
        if let Some(j) = paired(ctx, notes, i, p.unit) {
            if let Some(r) = records[i].as_mut() {
                r.of = Some(j);
            }
            continue;
        }
        // A rate whose words name what it is about (`固定资产投资增长6.5%`, `第一产业增加值占地区
        // 生产总值比重为16.6%`) qualifies only a figure of that, anywhere before it in its
        // paragraph; one whose words only say how it relates (`增长`, `占比为`) qualifies the
        // nearest figure before it in its sentence (through semicolons).
        let subject = subject_of_rate(ctx, notes, i);
        if let Some(j) = subject.and_then(|(subject, stem)| named_figure(ctx, notes, records, i, subject, stem)) {
            if let Some(r) = records[i].as_mut() {
                r.of = Some(j);
            }
            continue;
        }
        // A share of a whole that names its part (`研发投入占地区生产总值的4.1%`) qualifies a
        // figure of that part or none: not the nearest figure of something else.
        let own = own_words(ctx, notes, i);
        if subject.is_some() && own.is_some_and(|w| w.contains('占')) {
            continue;
        }
        // `超进度42.31%`: ahead of schedule by that much, of the completion rate before it (or of
        // the share of the plan done, `占年度计划的72.6%,超序时进度5.9个百分点`).
        if own.is_some_and(|w| w.ends_with("进度")) {
            let of_plan = |j: usize| {
                let words = own_words(ctx, notes, j).unwrap_or("");
                ["计划", "目标", "任务"].iter().any(|w| holds(words, w))
            };
            let j = (0..i).rev().take(8).take_while(|&j| notes[j].stop == notes[i].stop).find(|&j| {
                matches!(&ctx.facts[j].value, Value::Percent(q) if q.role == Some(crate::Role::Completion)
                    || q.unit == PercentUnit::Percent && of_plan(j))
            });
            if let Some(r) = records[i].as_mut() {
                r.of = j;
            }
            continue;
        }
        let mut of = None;
        // A time that opens the rate's clause (`上半年…402亿元,一季度增长5.1%`) says the rate is of
        // that time: it qualifies no figure before the time but one of the same time.
        let mut own_time: Option<&str> = None;
        for j in (0..i).rev().take(BACK) {
            let reach = if subject.is_some() { notes[j].line != notes[i].line } else { notes[j].stop != notes[i].stop };
            if reach {
                break;
            }
            let fact = &ctx.facts[j];
            if matches!(fact.value, Value::Time(_)) {
                if own_time.is_none() && opens_clause_of(ctx, notes, j, i) {
                    own_time = Some(&fact.text);
                }
                continue;
            }
            if let Some(t) = own_time
                && !time_written_before(ctx, notes, j, t)
            {
                break;
            }
            // A change (`减少162万吨,下降1.2%`) is not what a rate qualifies: the level is; nor
            // is the base it is compared with (`比2023年的20.1亿美元增长17.4%`).
            if !fact.is_figure() || notes[j].change || is_compared_figure(ctx, j) {
                continue;
            }
            // The figure alone in parentheses right after what it counts and before the rate's
            // words of change is what changed (`内地团客(59.6万人次)下跌23.6%`).
            if p.unit == PercentUnit::Percent && !matches!(fact.value, Value::Percent(_)) && counted_aside(ctx, notes, j, i) {
                of = Some(j);
                break;
            }
            // Any other aside: skip it, unless the percentage is in the same aside.
            if notes[j].paren.is_some() && notes[j].paren != notes[i].paren {
                continue;
            }
            if notes[i].paren.is_some() && notes[j].paren != notes[i].paren {
                break;
            }
            let fits = match (&fact.value, p.unit) {
                (Value::Percent(q), PercentUnit::Point) => q.unit == PercentUnit::Percent,
                (Value::Percent(_), PercentUnit::Percent) => false,
                (_, PercentUnit::Point) => false,
                _ => true,
            };
            if !fits {
                continue;
            }
            if notes[j].periodless {
                break;
            }
            if notes[j].target && !notes[i].target {
                continue;
            }
            if subject.is_some() {
                // (A rate that names what it is about and found no such figure qualifies none.)
                break;
            }
            // A rate that names itself (`失业率`) qualifies a figure about the same thing only
            // (`49个项目已开工建设,项目开工率…` but not `新增就业1244万人,…失业率`).
            if let Some(stem) = rate_stem(ctx, notes, i)
                && !holds(clause_around(ctx, notes, j), stem)
            {
                break;
            }
            of = Some(j);
            break;
        }
        if let Some(r) = records[i].as_mut() {
            r.of = of;
        }
    }
}

/// Whether time `k` opens figure `i`'s clause: only marks stand between the clause's start and
/// the time, and the figure is in the clause.
pub(super) fn opens_clause_of(ctx: &Context<'_>, notes: &[Notes], k: usize, i: usize) -> bool {
    let start = notes[i].clause_mark;
    ctx.spans[k].start >= start && ctx.text.get(start..ctx.spans[k].start).is_some_and(|gap| gap.chars().all(|c| !c.is_alphanumeric()))
}

/// Whether a time written as `time` stands in figure `j`'s sentence before it.
fn time_written_before(ctx: &Context<'_>, notes: &[Notes], j: usize, time: &str) -> bool {
    (0..j).rev().take(8).take_while(|&k| ctx.spans[k].start >= notes[j].stop).any(|k| ctx.facts[k].text == time)
}

/// For one of a run of percentages (`增长4.2%、5.3%`, `分别完成全年目标的162.3%、135.3%`): the
/// figure in the same place of the run of as many figures before it in its full sentence
/// (`分别达6.9万元、3.4万元`), or of as many parallel figures (`再就业51.9万人,…就业9.2万人`).
fn paired(ctx: &Context<'_>, notes: &[Notes], i: usize, unit: PercentUnit) -> Option<usize> {
    let (first, len) = notes[i].run;
    if len < 2 {
        return None;
    }
    let fits = |j: usize| match (&ctx.facts[j].value, unit) {
        (Value::Percent(q), PercentUnit::Point) => q.unit == PercentUnit::Percent,
        (Value::Percent(_), PercentUnit::Percent) => false,
        (_, PercentUnit::Point) => false,
        (v, _) => v.kind().is_figure() && !notes[j].change && !notes[j].periodless,
    };
    let before: Vec<usize> = (0..first).rev().take(BACK).take_while(|&j| notes[j].stop == notes[i].stop).filter(|&j| fits(j)).collect();
    // (Nearest first.) A run of as many figures, or as many figures one by one.
    let last = *before.first()?;
    let (run_first, run_len) = notes[last].run;
    if run_len == len && run_first + run_len - 1 == last {
        return Some(run_first + (i - first));
    }
    if before.len() >= len && before[..len].iter().all(|&j| notes[j].run.1 == 1) {
        return Some(before[len - 1 - (i - first)]);
    }
    None
}

/// What a rate's own words say it is about, when they name it: the words before 占 (`第一产业
/// 增加值占地区生产总值比重`), or before a rate's ending (`项目开工率` → 项目开工), or the whole
/// words (`固定资产投资`). `None` for words that only say how it relates (`同比增长`, `占比`).
fn subject_of_rate<'a>(ctx: &Context<'a>, notes: &[Notes], i: usize) -> Option<(&'a str, bool)> {
    // A later figure of a run (`分别增长4.8%、7.2%`) has the words of the run's first.
    let first = notes[i].run.0;
    let words = &ctx.text[notes[i].words.clone().or_else(|| notes[first].words.clone().filter(|_| first < i))?];
    // What a change is compared with is no part of what it is about (`增速比2022年加快`,
    // `高于全国平均水平`).
    let words = match first_comparison(words) {
        Some(k) => &words[..k],
        None => words,
    };
    // A completion names the task, not what completes it (`完成年度任务的105.72%`).
    if ["任务", "目标", "指标", "计划"].iter().any(|w| words.ends_with(w)) {
        return None;
    }
    let (words, stem) = match words.find('占') {
        Some(k) => (&words[..k], false),
        None => {
            match ["占比", "比重", "比例", "增速", "增幅", "涨幅", "降幅", "跌幅", "强度", "率"].iter().find_map(|e| words.strip_suffix(e))
            {
                Some(w) => (w, true),
                None => (words, false),
            }
        }
    };
    let words = words.trim_end_matches('的');
    // (One character names a product in a list, `钢增长65%,煤增长26%`: a rate of it qualifies no
    // figure of something else.)
    let named = match words.chars().count() {
        0 => false,
        1 => crate::segment::words(words).first().is_some_and(|w| w.tag.starts_with('n')),
        _ => true,
    };
    (named && !super::what::is_role_only(words)).then_some((words, stem))
}

/// Where the first of [`COMPARED`] stands in `words` as a comparison (not 比 in 同比, 环比,
/// 比重, 比例).
fn first_comparison(words: &str) -> Option<usize> {
    // (One pass over the characters, trying the words only where one of their first characters
    // stands: a `match_indices` per word builds a substring searcher each time.)
    words.char_indices().find_map(|(k, c)| {
        if !matches!(c, '高' | '低' | '快' | '慢' | '较' | '比') {
            return None;
        }
        let compares = |word: &&str| {
            let Some(after) = words[k..].strip_prefix(*word) else { return false };
            !(*word == "比" && (words[..k].ends_with(['同', '环', '对', '之']) || after.starts_with(['重', '例', '率'])))
        };
        COMPARED.iter().any(compares).then_some(k)
    })
}

/// Words that introduce what a change or gap is compared with.
pub(crate) const COMPARED: &[&str] = &["高于", "低于", "快于", "慢于", "高出", "低出", "较", "比"];

/// A percentage's own words, if any.
fn own_words<'a>(ctx: &Context<'a>, notes: &[Notes], i: usize) -> Option<&'a str> {
    notes[i].words.clone().map(|r| &ctx.text[r])
}

/// The figure a rate names (`第一产业增加值占…比重`), before it in its paragraph with no time
/// between them (a quarter's growth is not of the three quarters' total): first a figure whose
/// clause names the whole subject, then, for a rate's stem (`项目开工率`), one whose clause
/// names its last two characters (`49个项目已开工建设`).
fn named_figure(ctx: &Context<'_>, notes: &[Notes], records: &[Option<Box<Record>>], i: usize, subject: &str, stem: bool) -> Option<usize> {
    let Value::Percent(p) = &ctx.facts[i].value else { return None };
    let fits = |j: usize| {
        let fits = match (&ctx.facts[j].value, p.unit) {
            (Value::Percent(q), PercentUnit::Point) => q.unit == PercentUnit::Percent,
            (Value::Percent(_), _) | (_, PercentUnit::Point) => false,
            (v, _) => v.kind().is_figure(),
        };
        fits && !notes[j].change && !notes[j].periodless && records[j].is_some()
    };
    // (An iterator read again for the stem rather than a list collected: most rates find their
    // figure in the first reading, or none in either.)
    // (In the paragraph, back to the nearest time.)
    let in_reach = |j: usize| notes[j].line == notes[i].line && !matches!(ctx.facts[j].value, Value::Time(_));
    let candidates = (0..i).rev().take(BACK).take_while(|&j| in_reach(j)).filter(|&j| fits(j));
    let whole = candidates.clone().find(|&j| holds(clause_around(ctx, notes, j), subject));
    whole.or_else(|| {
        let tail = last_two(subject).filter(|_| stem)?;
        candidates.clone().find(|&j| holds(clause_around(ctx, notes, j), tail))
    })
}

/// The last two characters of `s`.
fn last_two(s: &str) -> Option<&str> {
    s.char_indices().rev().nth(1).map(|(k, _)| &s[k..])
}

/// The two characters before 率 in a percentage's own words (`开工率` → 开工).
fn rate_stem<'a>(ctx: &Context<'a>, notes: &[Notes], i: usize) -> Option<&'a str> {
    let words = &ctx.text[notes[i].words.clone()?];
    let head = words.strip_suffix('率')?;
    let start = head.char_indices().rev().nth(1)?.0;
    Some(&head[start..])
}

/// A figure's clause, from its clause mark to the next clause mark after it (bounded).
fn clause_around<'a>(ctx: &Context<'a>, notes: &[Notes], j: usize) -> &'a str {
    let start = notes[j].clause_mark.min(ctx.spans[j].start);
    ctx.text.get(start..super::clause_end(ctx.text, ctx.spans[j].end)).unwrap_or("")
}

/// What opens a list of parts.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Opener {
    /// 其中 (当中): the parts of the nearest figure of their unit before the cue, in the cue's
    /// full sentence or, when the cue opens one, in the full sentence before.
    Among,
    /// A breakdown (`分产业看,`, `按经营单位所在地看,`): the parts of the nearest total of their
    /// unit before it that is not itself a part — a total stated a sentence or a paragraph
    /// earlier, and the same total for a second breakdown after a first.
    Breakdown,
    /// `在商品零售中,`: the parts of the nearest figure before it whose words name that whole.
    Within,
    /// `…106个新签约项目中,`, `38个行业大类中有`: the parts of that count.
    CountOf(usize),
}

/// A list of parts being read: what opened it, where, and the first fact that may be its whole.
#[derive(Debug, Clone, Copy)]
struct Cue {
    opener: Opener,
    /// Where the cue stands in the text (wholes end before it).
    at: usize,
    /// The full sentence the list runs to the end of.
    stop: usize,
    /// The first fact that may be the whole of an [`Opener::Among`] list; for a heading's, the
    /// first fact after the first of the headings in a row (its whole is before it).
    first: usize,
    /// Whether the cue opens its sentence: its whole is then looked for through the paragraph,
    /// and a figure that is itself a part (of an earlier list) is not it.
    opens_sentence: bool,
    /// For [`Opener::Within`]: the whole's words (`商品零售`).
    words: Option<(usize, usize)>,
    /// Where the parenthesis the cue stands in opens: such a list ends with the parenthesis
    /// (`农业项目21个(其中新签约13个),到位资金…`), and the list around it goes on.
    paren: Option<usize>,
    /// Whether a heading line opened the cue (`一、分行业看。`): its list runs through the
    /// paragraphs that follow until another heading, not to its own sentence's end.
    heading: bool,
}

/// What the text between two paragraphs with figures says of a heading's section: `Some(true)`
/// when its last line of words is a heading that opens a breakdown (`一、分行业看。`, `（二）按来源
/// 地划分`), `Some(false)` when it is any other line of words (a heading of another kind, a
/// paragraph without figures: the section ends), `None` when there is none (only the end of the
/// last paragraph).
fn heading_between(between: &str) -> Option<bool> {
    // Only the last line of words counts, read from the end: the text between two paragraphs
    // with figures may be long, and is read only as far back as that line.
    let is_words = |l: &&str| l.chars().filter(|&c| crate::normalize::script::is_han(c)).take(2).count() == 2;
    let line = trimmed(lines_from_last(between).find(is_words)?);
    // (A heading is short: `（二）按来源地划分。`. Of 25 characters or more: told by the length
    // in bytes where that says it, a character being one to four bytes, rather than by reading
    // 25 characters of each long line.)
    let long = line.len() >= 25 * 4 || line.len() >= 25 && line.chars().count() >= 25;
    if long || !holds_look_or_divide(line) {
        return Some(false);
    }
    // (The numbering before it is a clause of its own: `一、` ends at its mark; a heading ends
    // its line.)
    let heading = format!("{line}\n");
    Some(opener_in(&heading).is_some_and(|o| o.opener == Opener::Breakdown && heading[..o.at].chars().count() <= 4))
}

/// Whether `line` holds 看 or 划 (`E7 9C 8B`, `E5 88 92`): found by their last bytes with
/// `memchr` rather than by a character search.
fn holds_look_or_divide(line: &str) -> bool {
    let bytes = line.as_bytes();
    memchr::memchr2_iter(0x8B, 0x92, bytes).any(|e| e >= 2 && matches!(bytes[e - 2..=e], [0xE7, 0x9C, 0x8B] | [0xE5, 0x88, 0x92]))
}

/// The lines of `s` from the last, as `s.rsplit('\n')` gives them, found with the `memchr`
/// crate's vector search (the text between two paragraphs may be long, and its last line of words
/// far back).
fn lines_from_last(s: &str) -> impl Iterator<Item = &str> {
    let mut end = Some(s.len());
    std::iter::from_fn(move || {
        let e = end?;
        // (A line break is one byte, on a character boundary.)
        let start = memchr::memrchr(b'\n', &s.as_bytes()[..e]).map_or(0, |k| k + 1);
        end = start.checked_sub(1);
        Some(&s[start..e])
    })
}

/// Fill `part_of` for the figures listed as parts: under 其中, after a breakdown (`分产业看`),
/// in `在X中,`, or after `N个X中,`. A list runs to the end of its full sentence (through
/// semicolons); one that a heading opens (`一、分行业看。`) through the paragraphs under it. Changes (`比上年增加63公顷`), thresholds, sizes and percentages are neither
/// parts nor wholes.
///
/// `openers`: where 中, 看, 划, 观 and 统 stand in the stretches the notes read back from each fact,
/// in text order (see [`Notes::read_from`]).
pub fn parts(ctx: &Context<'_>, notes: &[Notes], openers: &[(usize, char)], records: &mut [Option<Box<Record>>]) {
    let text = ctx.text;
    let words = |j: usize| notes[j].words.clone().map_or("", |w| &text[w]);
    // The list being read, and the one a parenthesised list interrupts.
    let mut cue: Option<Cue> = None;
    let mut outer: Option<Cue> = None;
    // The breakdown a heading opened for the paragraphs after it.
    let mut section: Option<Cue> = None;
    // The first fact of this paragraph and of this full sentence, and of the paragraph before
    // (where a paragraph that opens with 其中 finds its whole).
    let (mut line_first, mut first, mut previous_line_first) = (0, 0, 0);
    let (mut stop, mut line) = (usize::MAX, usize::MAX);
    let mut last_end = 0;
    // What the parts of each whole add up to so far in the list being read, while every one is
    // exact.
    let mut sums: std::collections::HashMap<usize, Decimal> = std::collections::HashMap::new();
    // (Where the characters that openers hold stand in each gap.)
    let mut marks = Vec::new();
    let mut next_opener = 0;
    for i in 0..ctx.facts.len() {
        let span = ctx.spans[i].clone();
        if notes[i].line != line {
            line = notes[i].line;
            previous_line_first = line_first;
            line_first = i;
            // A heading between the last paragraph and this one: one that opens a breakdown
            // starts a list through what follows it; another ends such a list.
            // (Up to the sentence of this paragraph's first fact: `一、分行业看。制造业…`.)
            let sentence = notes[i].stop.min(span.start);
            match heading_between(text.get(last_end.min(sentence)..sentence).unwrap_or("")) {
                Some(true) => {
                    let opener = Opener::Breakdown;
                    let at = sentence;
                    // (Headings in a row break one whole down several ways: its parts go back to
                    // before the first of them.)
                    let first = section.map_or(i, |s| s.first);
                    cue =
                        Some(Cue { opener, at, stop: notes[i].stop, first, opens_sentence: true, words: None, paren: None, heading: true });
                    (section, outer) = (cue, None);
                    sums.clear();
                }
                Some(false) => (cue, section) = (cue.filter(|c| !c.heading), None),
                None => {}
            }
        }
        if notes[i].stop != stop {
            stop = notes[i].stop;
            first = i;
            if cue.is_some_and(|c| c.stop != stop && !c.heading) {
                // (A list within a heading's section ends with its sentence; the section's goes on.)
                (cue, outer) = (section, None);
            }
        }
        if let Some(c) = cue.filter(|c| c.paren.is_some() && notes[i].paren != c.paren) {
            cue = outer.take().filter(|o| o.stop == stop);
            let _ = c;
        }
        let gap_start = last_end.clamp(notes[i].stop.min(span.start), span.start);
        let gap = text.get(gap_start..span.start).unwrap_or("");
        // A clause that starts a statement of its own (`,目前…`, `,此外…`) ends the list.
        if cue.is_some() && starts_statement(gap) {
            (cue, outer) = (None, None);
        }
        // (Where the notes read the whole gap back, they found its 中, 看, 划, 观 and 统: such gaps
        // follow one another, and the places are read on from where the last one's ended.)
        let found = if gap_start >= notes[i].read_from && gap_start + gap.len() == span.start {
            while openers.get(next_opener).is_some_and(|o| o.0 < gap_start) {
                next_opener += 1;
            }
            marks.clear();
            while let Some(&(k, c)) = openers.get(next_opener).filter(|o| o.0 < span.start) {
                marks.push((k - gap_start, c));
                next_opener += 1;
            }
            // (Most gaps hold none of the characters: answered here, without the call.)
            if marks.is_empty() { None } else { opener_at_marks(gap, &marks) }
        } else {
            opener_in_marked(gap, &mut marks)
        };
        if let Some(OpenerAt { at, opener, words }) = found {
            let at = gap_start + at;
            // A cue that opens its sentence reads back through its paragraph for the whole.
            let opens_sentence = text[notes[i].stop.min(at)..at].chars().all(|c| !c.is_alphanumeric());
            let words = words.map(|(a, b)| (gap_start + a, gap_start + b));
            let paren = notes[i].paren.filter(|&p| p < at);
            if paren.is_some() {
                outer = cue;
            }
            let first = match opener {
                Opener::Among if opens_sentence && i == line_first => previous_line_first,
                _ if opens_sentence => line_first,
                _ => first,
            };
            cue = Some(Cue { opener, at, stop, first, opens_sentence, words, paren, heading: false });
            sums.clear();
        }
        last_end = last_end.max(span.end);
        // `…106个新签约项目中,`: the count is the whole of what follows.
        if matches!(ctx.facts[i].value, Value::Count(_)) && opens_parts(ctx, i) {
            cue = Some(Cue {
                opener: Opener::CountOf(i),
                at: span.end,
                stop,
                first: i,
                opens_sentence: false,
                words: None,
                paren: None,
                heading: false,
            });
            sums.clear();
            continue;
        }
        // A clause after a semicolon that counts projects at another stage than the list's first
        // part and its whole (`新签约项目215个,其中百亿元以上项目3个;新开工项目168个`) starts a
        // statement of its own.
        if let Some(c) = cue.filter(|c| c.opener == Opener::Among && gap.contains([';', '；']) && ctx.facts[i].is_figure()) {
            let first_part = (0..i).rev().take_while(|&j| ctx.spans[j].start >= c.at).filter(|&j| ctx.facts[j].is_figure()).last();
            let whole = (0..i).rev().take(BACK).find(|&j| ctx.spans[j].end <= c.at && ctx.facts[j].kind() == ctx.facts[i].kind());
            let stage = |j: usize| PROJECT_STAGES.iter().find(|s| words(j).starts_with(**s));
            if let (Some(k), Some(s)) = (first_part, stage(i))
                && stage(k).is_none()
                && whole.is_some_and(|w| !holds(words(w), s))
            {
                (cue, outer) = (None, None);
            }
        }
        let Some(c) = cue else { continue };
        let fact = &ctx.facts[i];
        // (A standing count may be a part of a standing count: `拥有15家企业,其中停产3家`.)
        let sized = |j: usize| notes[j].periodless && !matches!(ctx.facts[j].value, Value::Count(_));
        // (An average is no part of another, nor a whole: `其中,城镇居民人均可支配收入…`.)
        let average = |j: usize| notes[j].words.clone().is_some_and(|w| names_average(&text[w]));
        if !fact.is_figure() || matches!(fact.value, Value::Percent(_)) || sized(i) || notes[i].change || average(i) {
            continue;
        }
        // (A whole is no smaller than its part.)
        let part_value = value_of(&fact.value).map(|(v, _)| v);
        let can_be_whole = |j: usize, records: &[Option<Box<Record>>]| {
            ctx.spans[j].end <= c.at
                && same_unit(&ctx.facts[j].value, &fact.value)
                && value_of(&ctx.facts[j].value).zip(part_value).is_none_or(|((w, _), p)| w >= p)
                && !sized(j)
                && !average(j)
                // (A part of a standing total stands with it, whatever its own words say.)
                && (notes[j].periodless == notes[i].periodless || notes[j].periodless && c.opener != Opener::Breakdown)
                && !notes[j].change
                && (matches!(c.opener, Opener::Within | Opener::CountOf(_))
                    || c.opener == Opener::Among && !c.opens_sentence
                    || records[j].as_ref().is_none_or(|r| r.part_of.is_none()))
        };
        let whole = match c.opener {
            Opener::CountOf(j) => same_unit(&ctx.facts[j].value, &fact.value).then_some(j),
            Opener::Among => (c.first..i).rev().take(BACK).find(|&j| can_be_whole(j, records)),
            Opener::Breakdown if c.heading => (0..c.first).rev().take(BACK).find(|&j| can_be_whole(j, records)),
            Opener::Breakdown => {
                // (A breakdown that names its time, `按货品别观察,10月…`, is of the whole of that
                // time: `10月外销订单561.2亿美元`, not the months before it.)
                let time_before = |j: usize, floor: usize| {
                    (0..j)
                        .rev()
                        .take(8)
                        .take_while(|&k| ctx.spans[k].start >= floor)
                        .find(|&k| matches!(ctx.facts[k].value, Value::Time(_)))
                };
                let own_time = time_before(i, c.at).map(|k| ctx.facts[k].text.as_str());
                let candidates = (0..i).rev().take(BACK).filter(|&j| can_be_whole(j, records));
                match own_time {
                    Some(t) => {
                        let mut candidates = candidates.peekable();
                        let nearest = candidates.peek().copied();
                        candidates.find(|&j| time_before(j, notes[j].stop).is_some_and(|k| ctx.facts[k].text == t)).or(nearest)
                    }
                    None => {
                        let mut candidates = candidates.peekable();
                        let nearest = candidates.peek().copied();
                        // (Projects at one stage are no part of projects at another: `从区域看,
                        // A区签约项目31个` after `新签约项目126个…新开工项目73个` is of the 126.)
                        let stage = PROJECT_STAGES.iter().find(|s| holds(words(i), s));
                        // (An amount listed with a part is of the amount listed with its whole:
                        // `签约项目31个,投资额128亿元` after `签约项目126个,协议总投资482.6亿元`.)
                        let with_count = (i > 0 && matches!(fact.value, Value::Money(_)))
                            .then(|| (0..i).rev().take(4).take_while(|&k| notes[k].stop == stop).find(|&k| ctx.facts[k].is_figure()))
                            .flatten()
                            .filter(|&k| matches!(ctx.facts[k].value, Value::Count(_)))
                            .and_then(|k| records[k].as_ref()?.part_of)
                            .and_then(|w| {
                                (w + 1..i).take(4).take_while(|&m| notes[m].stop == notes[w].stop).find(|&m| ctx.facts[m].is_figure())
                            });
                        match (stage, with_count) {
                            (_, Some(m)) if can_be_whole(m, records) => Some(m),
                            (Some(s), _) if nearest.is_some_and(|n| !holds(words(n), s)) => {
                                candidates.take(8).find(|&j| holds(words(j), s)).or(nearest)
                            }
                            _ => nearest,
                        }
                    }
                }
            }
            Opener::Within => {
                let (a, b) = c.words.unwrap_or((0, 0));
                let named = &text[a..b];
                (0..i)
                    .rev()
                    .take(BACK)
                    .find(|&j| can_be_whole(j, records) && notes[j].words.as_ref().is_some_and(|w| names_same(&text[w.clone()], named)))
            }
        };
        // A whole whose exact parts already add up to it has no more parts: what follows in
        // the sentence is something else (`其中A市11个、B市49个;C省发布项目100个` under 60个).
        let whole = whole.filter(|&w| match (value_of(&ctx.facts[w].value), sums.get(&w)) {
            (Some((total, true)), Some(sum)) => sum < &total,
            _ => true,
        });
        if let (Some(w), Some(r)) = (whole, records[i].as_mut()) {
            r.part_of = Some(w);
            match value_of(&fact.value) {
                Some((v, true)) => {
                    let sum = sums.entry(w).or_insert(Decimal::ZERO);
                    *sum = sum.checked_add(v).unwrap_or(Decimal::MAX);
                }
                _ => {
                    sums.insert(w, Decimal::MIN);
                }
            }
        }
    }
}

/// The words of an average (`人均`, `户均`, `亩均`, `平均`, `均价`).
const AVERAGES: [&str; 5] = ["人均", "户均", "亩均", "平均", "均价"];

/// Whether `words` name an average ([`AVERAGES`]). (Each holds 均: words without it, as nearly
/// all are, are passed after one search for that character, not one for each word.)
fn names_average(words: &str) -> bool {
    words.contains('均') && AVERAGES.iter().any(|a| holds(words, a))
}

/// Whether figure `j` stands alone in parentheses right before percentage `i`'s words, which
/// only say how it changed (`团客(59.6万人次)下跌23.6%`).
fn counted_aside(ctx: &Context<'_>, notes: &[Notes], j: usize, i: usize) -> bool {
    let Some(open) = notes[j].paren else { return false };
    let text = ctx.text;
    let Some(inside) = text.get(open..ctx.spans[j].start) else { return false };
    let inside = inside.trim_start_matches(['(', '（']).trim();
    let Some(after) = text.get(ctx.spans[j].end..ctx.spans[i].start) else { return false };
    let Some(words) = after.strip_prefix([')', '）']) else { return false };
    let words = words.trim();
    inside.is_empty() && !words.is_empty() && super::what::is_role_only(words)
}

/// Whether figure `j` is the base a comparison names with its figure (`比上年的121个`,
/// `较2023年的20.1亿美元`): 比 or 较 and a few words (a time) before 的 right before it.
pub(crate) fn is_compared_figure(ctx: &Context<'_>, j: usize) -> bool {
    let Some(head) = ctx.text[..ctx.spans[j].start].strip_suffix('的') else { return false };
    let head = &head[head.char_indices().rev().nth(11).map_or(0, |(k, _)| k)..];
    head.rfind(['比', '较']).is_some_and(|k| !head[k..].contains(|c: char| super::is_clause_mark(c)))
}

/// How many figures around a total [`sums`] reads for its parts.
const LOOK_AHEAD: usize = 64;

/// Parts that add up to a whole written before them, without a cue: `共有10项,已开工项目9项、
/// 未开工项目1项`, `履约项目422个…国内省外113个…市外省内79个…市内县际间230个`. The parts are
/// the figures of the whole's kind and unit that follow it in its paragraph (or in the next one
/// when that one opens with a breakdown, `分产业看,`), consecutive among those figures, at least
/// two, adding up to it exactly — or, when they are written with decimals, within what rounding
/// each of them can account for. A sum found this way is stronger evidence than a cue, and
/// replaces the whole a cue gave. Changes, percentages and hedged figures (约, 多, ranges) take no
/// part, nor does a target in a sum of what was done (a target's parts may be).
pub fn sums(ctx: &Context<'_>, notes: &[Notes], records: &mut [Option<Box<Record>>]) {
    let text = ctx.text;
    let eligible = |j: usize| {
        let fact = &ctx.facts[j];
        fact.is_figure()
            && !matches!(fact.value, Value::Percent(_))
            && !notes[j].change
            && records[j].is_some()
            && value_of(&fact.value).is_some_and(|(_, exact)| exact)
    };
    // (Pushed in a loop into room for every fact: collecting the filtered range cost several
    // times as much, its test not inlined and the list grown as it went.)
    let mut figures: Vec<usize> = Vec::with_capacity(ctx.facts.len());
    for j in 0..ctx.facts.len() {
        if eligible(j) {
            figures.push(j);
        }
    }
    let mut taken = vec![false; ctx.facts.len()];
    let mut found: Vec<(usize, Vec<usize>)> = Vec::new();
    // (One buffer for every figure's candidate parts.)
    let mut members: Vec<usize> = Vec::with_capacity(24);
    // Whether a paragraph opens with a breakdown, for the last paragraph asked about: the
    // figures of a paragraph all ask it of the paragraph after theirs.
    let mut last_asked: Option<(usize, bool)> = None;
    let mut breakdown_opens = |line: usize| match last_asked {
        Some((l, opens)) if l == line => opens,
        _ => {
            let opens = opens_with_breakdown(text.get(ctx.layout.lines.get(line).map_or(0, |l| l.start)..).unwrap_or(""));
            last_asked = Some((line, opens));
            opens
        }
    };
    for (k, &w) in figures.iter().enumerate() {
        let Some((total, _)) = value_of(&ctx.facts[w].value) else { continue };
        if compare(total, Decimal::ONE).is_le() || taken[w] {
            continue;
        }
        // The paragraphs the parts may be in.
        let mut next_paragraph: Option<usize> = None;
        // (Whether a clause ends between the whole and each figure after it: the stretch after
        // the whole is read once for all of them, not from the whole again for each.)
        let mut parted = MarkAfter::new(text, ctx.spans[w].end);
        members.clear();
        // (A loop rather than a chain of adapters extending the list: the same reading, at a
        // fraction of the cost.) A bounded look ahead: a paragraph of thousands of figures is
        // read in linear time.
        for &j in figures[k + 1..].iter().take(LOOK_AHEAD) {
            let in_reach = notes[j].line == notes[w].line
                || match next_paragraph {
                    Some(p) => notes[j].line == p,
                    None if breakdown_opens(notes[j].line) => {
                        next_paragraph = Some(notes[j].line);
                        true
                    }
                    None => false,
                };
            if !in_reach {
                break;
            }
            // (Not the whole's fellow items of a list: `10个专班、3个专班、7个小分队`.)
            // (Nor a target among the parts of what was done: `任务8个,现已完成10个` after
            // `履约项目61个`; the tasks done are parts of the tasks, `重点任务14项,已完成11项`.)
            let candidate = same_unit(&ctx.facts[w].value, &ctx.facts[j].value)
                && (!notes[j].target || notes[w].target)
                && notes[j].paren.is_some() == notes[w].paren.is_some()
                && !(notes[w].run.1 > 1 && notes[j].run.0 == notes[w].run.0)
                && parted.before(ctx.spans[j].start);
            if candidate {
                members.push(j);
                if members.len() == 24 {
                    break;
                }
            }
        }
        // Every run of them that adds up (a total broken down twice: by origin, then by sector).
        // (A run is of two figures at least: the last alone is not tried.)
        let mut s = 0;
        while s + 1 < members.len() {
            match adding_run(ctx, w, total, &members[s..]) {
                Some(n) if members[s..s + n].iter().all(|&j| !taken[j]) => {
                    for &j in &members[s..s + n] {
                        taken[j] = true;
                    }
                    found.push((w, members[s..s + n].to_vec()));
                    s += n;
                }
                _ => s += 1,
            }
        }
        // A total written after its parts (`…新型建材项目6个。四大产业项目总数19个`): the figures
        // right before it in its paragraph, when its words say it is a total.
        // (Two such figures at least: where fewer of the figures before it stand in its paragraph,
        // as for most, its words are not read.)
        if k < 2 || notes[figures[k - 2]].line != notes[w].line {
            continue;
        }
        let total_words = notes[w].words.as_ref().and_then(|r| text.get(r.clone())).unwrap_or("");
        let before = super::recent(text, notes[w].clause_mark, ctx.spans[w].start);
        // (The figure's words, where they lie in the stretch before it, are read with it.)
        let before_start = ctx.spans[w].start - before.len();
        let words_before = notes[w].words.as_ref().is_some_and(|r| r.start >= before_start && r.end <= ctx.spans[w].start);
        if !taken[w] && (!words_before && names_total(total_words) || names_total(before)) {
            let earlier: Vec<usize> = figures[..k]
                .iter()
                .rev()
                .copied()
                .take(LOOK_AHEAD)
                .take_while(|&j| notes[j].line == notes[w].line)
                .filter(|&j| {
                    same_unit(&ctx.facts[w].value, &ctx.facts[j].value) && records[j].as_ref().is_some_and(|r| r.part_of.is_none())
                })
                .take(24)
                .collect();
            // (Exactly: a total after its parts is rarely rounded, and a coincidence is likelier
            // backwards, where nothing says where the parts begin.)
            let exact = |n: &usize| {
                earlier[..*n].iter().all(|&j| !taken[j])
                    && earlier[..*n].iter().filter_map(|&j| value_of(&ctx.facts[j].value)).map(|(v, _)| v).sum::<Decimal>() == total
            };
            if let Some(n) = adding_run(ctx, w, total, &earlier).filter(exact) {
                found.push((w, earlier[..n].to_vec()));
            }
        }
    }
    for (w, parts) in found {
        for j in parts {
            if let Some(r) = records[j].as_mut() {
                r.part_of = Some(w);
            }
        }
    }
}

/// Whether a clause mark other than 、 stands between a place in the text and each of the places
/// after it asked about, in order (`text[from..to]` holds one): read on only from where the last
/// question stopped, so a list of figures after a total joined by 、 alone is read once, not
/// once for each figure.
struct MarkAfter<'a> {
    text: &'a str,
    from: usize,
    /// How far the text has been read (a character boundary): no mark stands in `from..read_to`
    /// unless `mark` says where the first one does.
    read_to: usize,
    mark: Option<usize>,
}

impl<'a> MarkAfter<'a> {
    fn new(text: &'a str, from: usize) -> Self {
        MarkAfter { text, from, read_to: from, mark: None }
    }

    /// Whether `text[from..to]` holds a clause mark other than 、 (`false` where it is no
    /// stretch of the text).
    fn before(&mut self, to: usize) -> bool {
        if self.text.get(self.from..to).is_none() {
            return false;
        }
        if let Some(m) = self.mark {
            // (A mark that starts before `to`, a character boundary, ends by it.)
            return m < to;
        }
        if to > self.read_to {
            let start = self.read_to;
            let found = self.text[start..to].char_indices().find(|&(_, c)| c != '、' && super::is_clause_mark(c));
            if let Some((k, _)) = found {
                self.mark = Some(start + k);
                return true;
            }
            self.read_to = to;
        }
        false
    }
}

/// Words that say a figure is the total of those before it.
const TOTALS: [&str; 5] = ["总数", "合计", "总计", "共计", "总共"];

/// Whether `s` holds one of [`TOTALS`]: tried only where 总, 合 or 共 stands, told by its UTF-8
/// bytes (`E6 80 BB`, `E5 90 88`, `E5 85 B1`) character by character without decoding the
/// characters (most figures' words hold none of them).
fn names_total(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if matches!(bytes[at..], [0xE6, 0x80, 0xBB, ..] | [0xE5, 0x90, 0x88, ..] | [0xE5, 0x85, 0xB1, ..])
            && TOTALS.iter().any(|t| bytes[at..].starts_with(t.as_bytes()))
        {
            return true;
        }
        // (A lead byte's leading ones are its character's length; ASCII steps a byte.)
        at += (bytes[at].leading_ones() as usize).max(1);
    }
    false
}

/// How many of `members`, from the first, add up to the whole `w` (at least two), if any.
fn adding_run(ctx: &Context<'_>, w: usize, total: Decimal, members: &[usize]) -> Option<usize> {
    let mut sum = Decimal::ZERO;
    for (e, &j) in members.iter().enumerate() {
        // (Checked: figures near the largest decimal must not overflow the sum.)
        sum = sum.checked_add(value_of(&ctx.facts[j].value)?.0)?;
        // (Within a hundredth of the whole before the finer test of rounding; a sum of one part
        // is none.)
        let near = || (sum - total).abs().checked_mul(Decimal::ONE_HUNDRED).is_some_and(|d| compare(d, total).is_le());
        if e >= 1 && near() && adds_up(ctx, w, &members[..=e], sum, total) {
            return Some(e + 1);
        }
        if compare(sum, total).is_gt() {
            return None;
        }
    }
    None
}

/// `a.cmp(&b)`, by their mantissas where the two are written to one scale (as the figures of a
/// list mostly are): `Decimal`'s comparison rescales them first, at several times the cost.
fn compare(a: Decimal, b: Decimal) -> std::cmp::Ordering {
    if a.scale() == b.scale() { a.mantissa().cmp(&b.mantissa()) } else { a.cmp(&b) }
}

/// Whether parts summing to `sum` make up `total`: exactly, or — when one of the figures is
/// written with decimals (`72.3万`, `1114.1亿`) and the whole has three significant digits or
/// more — within half a unit of the least precise place each figure is written to.
fn adds_up(ctx: &Context<'_>, whole: usize, parts: &[usize], sum: Decimal, total: Decimal) -> bool {
    if sum == total {
        return true;
    }
    let decimal = |j: usize| ctx.text.get(ctx.spans[j].clone()).is_some_and(|t| t.contains(['.', '．', '点', '點']));
    if !decimal(whole) && !parts.iter().any(|&j| decimal(j)) {
        return false;
    }
    // The place each figure is written to: its lowest nonzero digit.
    let unit = |v: Decimal| {
        let mut unit = Decimal::ONE;
        let v = v.normalize();
        if v.scale() > 0 {
            return Decimal::new(1, v.scale());
        }
        while (v / (unit * Decimal::TEN)).fract().is_zero() && unit < Decimal::from(1_000_000_000_000_i64) {
            unit *= Decimal::TEN;
        }
        unit
    };
    let values: Vec<Decimal> =
        std::iter::once(whole).chain(parts.iter().copied()).filter_map(|j| value_of(&ctx.facts[j].value).map(|(v, _)| v)).collect();
    let Some(coarsest) = values.iter().map(|&v| unit(v)).max() else { return false };
    let significant = total.normalize().mantissa().unsigned_abs().to_string().trim_end_matches('0').len();
    let Some(slack) = (coarsest / Decimal::TWO).checked_mul(Decimal::from(values.len())) else { return false };
    significant >= 3 && (sum - total).abs() <= slack && (sum - total).abs() < total / Decimal::ONE_HUNDRED
}

/// Whether a paragraph opens with a breakdown (`分产业情况看,`, `按地区看:`): the opener that
/// [`opener_in`] finds at its start.
pub(crate) fn opens_with_breakdown(paragraph: &str) -> bool {
    let head = paragraph.trim_start();
    // (A breakdown's words open its clause with 分, 按 or 从: most paragraphs open with none of
    // them and are answered before the search.)
    if !head.starts_with(['分', '按', '从']) {
        return false;
    }
    let head = &head[..head.char_indices().nth(16).map_or(head.len(), |(k, _)| k)];
    opener_in(head).is_some_and(|o| o.opener == Opener::Breakdown && o.at == 0)
}

/// Words that name a stage of projects (`新开工`, `竣工投产`).
const PROJECT_STAGES: &[&str] =
    &["新开工", "开工", "竣工", "投产", "新签约", "签约", "新签", "落地", "在建", "续建", "新建", "履约", "在谈", "储备"];

/// Whether a gap between facts has a clause that starts a statement of its own: a time or
/// linking word at the clause's start (`,目前在产…`, `,此外…`), so what follows is not a part.
fn starts_statement(gap: &str) -> bool {
    const STARTS: [&str; 7] = ["目前", "此外", "另外", "同时", "与此同时", "现有", "截至目前"];
    gap.char_indices().filter(|&(_, c)| super::is_clause_mark(c)).any(|(k, c)| {
        let clause = gap[k + c.len_utf8()..].trim_start();
        // (What stands now is still told of the parts: `其中停产3台,目前在产36台`.)
        STARTS.iter().any(|w| clause.starts_with(w)) && !super::when::stands_now(clause)
    })
}

/// Whether the words of a figure (`商品零售`, `全省商品零售额`) and the words naming a whole
/// (`商品零售`) name the same thing: one contains the other.
fn names_same(words: &str, named: &str) -> bool {
    !named.is_empty() && !words.is_empty() && (holds(words, named) || holds(named, words))
}

/// An opener found in a gap between facts (offsets into the gap).
#[derive(Debug, Clone, Copy)]
struct OpenerAt {
    at: usize,
    opener: Opener,
    /// For `在X中,`: where X is.
    words: Option<(usize, usize)>,
}

/// Whether `从…` names what a breakdown goes by (`从各县市区`, `从行业`): a division or a
/// category, not a time or the whole (`从全年`, `从全市`, `从目前`).
fn names_dimension(words: &str) -> bool {
    const DIMENSIONS: &[&str] = &[
        "县",
        "区",
        "市",
        "州",
        "行业",
        "产业",
        "地区",
        "区域",
        "领域",
        "来源地",
        "国别",
        "类型",
        "门类",
        "板块",
        "主体",
        "方式",
        "市场",
        "性质",
        "产品",
        "商品",
        "类别",
        "规模",
        "所有制",
        "用途",
        "渠道",
    ];
    words.strip_prefix('从').is_some_and(|w| !w.starts_with('全') && DIMENSIONS.iter().any(|d| w.ends_with(d)))
}

/// The last opener of a list of parts in a gap between facts.
fn opener_in(gap: &str) -> Option<OpenerAt> {
    opener_in_marked(gap, &mut Vec::new())
}

/// [`opener_in`], with a buffer for where the characters that openers hold stand (one buffer
/// for every gap of a text).
fn opener_in_marked(gap: &str, marks: &mut Vec<(usize, char)>) -> Option<OpenerAt> {
    // (Every opener holds 中, 看, 划, 观 or 统: one pass finds where they stand, most gaps hold none
    // of them, and the tests below read only those places.)
    opener_characters(gap, marks);
    opener_at_marks(gap, marks)
}

/// [`opener_in`], given where 中, 看, 划, 观 and 统 stand in `gap`, in order (`marks`).
fn opener_at_marks(gap: &str, marks: &[(usize, char)]) -> Option<OpenerAt> {
    if marks.is_empty() {
        return None;
    }
    let at_char = |c: char| marks.iter().filter(move |m| m.1 == c).map(|m| m.0);
    let mut best: Option<OpenerAt> = None;
    let mut consider = |at: usize, opener: Opener, words: Option<(usize, usize)>| {
        if best.is_none_or(|b| at >= b.at) {
            best = Some(OpenerAt { at, opener, words });
        }
    };
    // (The last 中 with 其 or 当 before it.)
    if let Some(k) = at_char('中').rev().find(|&k| gap[..k].ends_with(['其', '当'])) {
        consider(k - '其'.len_utf8(), Opener::Among, None);
    }
    // `分产业看,` / `按经营单位所在地看:` / `按来源地划分,` at the start of a clause.
    let divided = at_char('划').filter(|&k| gap[k..].starts_with("划分")).map(|k| (k, "划分"));
    // (`按货品别观察,`: Taiwan's releases say 观察; `按客源地统计,`, Macau's 统计.)
    let observed = at_char('观').filter(|&k| gap[k..].starts_with("观察")).map(|k| (k, "观察"));
    let counted = at_char('统').filter(|&k| gap[k..].starts_with("统计")).map(|k| (k, "统计"));
    for (k, w) in at_char('看').map(|k| (k, "看")).chain(divided).chain(observed).chain(counted) {
        let after = &gap[k + w.len()..];
        // (Or a heading of its own line: `一、分行业看。`.)
        let rest = after.trim_start_matches(['。', '.']).trim_start_matches([' ', '\u{3000}']);
        let heading = after.len() > rest.len() && (rest.is_empty() || rest.starts_with(['\n', '\r'])) || rest.starts_with(['\n', '\r']);
        if !after.starts_with([',', ':', '，', '：']) && !heading {
            continue;
        }
        let head = &gap[..k];
        let clause = head.rfind(|c: char| super::is_clause_mark(c)).map_or(0, |p| p + head[p..].chars().next().map_or(1, char::len_utf8));
        let words = head[clause..].trim_start();
        let n = words.chars().count();
        if (2..=14).contains(&n) && (words.starts_with(['分', '按']) || names_dimension(words)) {
            consider(clause, Opener::Breakdown, None);
        }
    }
    // `在商品零售中,`.
    for k in at_char('中').filter(|&k| gap[k + '中'.len_utf8()..].starts_with(',')) {
        let head = &gap[..k];
        let Some(zai) = head.rfind('在') else { continue };
        let words = &head[zai + '在'.len_utf8()..];
        if (2..=10).contains(&words.chars().count()) && !words.contains(|c: char| super::is_clause_mark(c)) {
            consider(zai, Opener::Within, Some((zai + '在'.len_utf8(), k)));
        }
    }
    best
}

/// Where 中, 看, 划, 观 and 统 stand in `s`, in order (into `marks`): told by their UTF-8 bytes
/// ([`opener_character`]), character by character without decoding the characters.
fn opener_characters(s: &str, marks: &mut Vec<(usize, char)>) {
    marks.clear();
    let bytes = s.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if let Some(c) = bytes.get(at..at + 3).and_then(opener_character) {
            marks.push((at, c));
        }
        // (A lead byte's leading ones are its character's length; ASCII steps a byte.)
        at += (bytes[at].leading_ones() as usize).max(1);
    }
}

/// Whether a character that ends in byte `last` may be one of 中, 看, 划, 观 and 统 (which end in
/// `AD`, `8B`, `92`, `82` and `9F`): a bit each in a mask of the low six bits, one test that most
/// characters fail.
pub(super) fn may_end_an_opener_character(last: u8) -> bool {
    const LAST_BYTES: u64 = 1 << (0xAD & 63) | 1 << (0x8B & 63) | 1 << (0x92 & 63) | 1 << (0x82 & 63) | 1 << (0x9F & 63);
    LAST_BYTES >> (last & 63) & 1 != 0
}

/// Which of 中, 看, 划, 观 and 统 (the characters every opener holds) the UTF-8 bytes of one
/// character are: `E4 B8 AD`, `E7 9C 8B`, `E5 88 92`, `E8 A7 82`, `E7 BB 9F`.
pub(super) fn opener_character(bytes: &[u8]) -> Option<char> {
    match *bytes {
        [0xE4, 0xB8, 0xAD] => Some('中'),
        [0xE7, 0x9C, 0x8B] => Some('看'),
        [0xE5, 0x88, 0x92] => Some('划'),
        [0xE8, 0xA7, 0x82] => Some('观'),
        [0xE7, 0xBB, 0x9F] => Some('统'),
        _ => None,
    }
}

/// `106个新签约项目中,`, `38个行业大类中有`: a count whose noun phrase ends in 中 before a comma
/// (or 有) opens a list of its parts.
fn opens_parts(ctx: &Context<'_>, i: usize) -> bool {
    // (The phrase lies between the count and the next fact, within its first twelve
    // characters: where no 中 stands there, the count opens nothing, and its words are not read.)
    let start = ctx.spans[i].end;
    let next = ctx.spans.get(i + 1).map_or(ctx.text.len(), |s| s.start.max(start));
    if !ctx.text.get(start..next).is_some_and(zhong_near_start) {
        return false;
    }
    let Some(words) = super::what::following_words_raw(ctx, i) else { return false };
    let after = ctx.text.get(words.end..).unwrap_or("");
    let phrase = &ctx.text[words];
    phrase.ends_with('中') && after.starts_with([',', '，']) || phrase.ends_with("中有")
}

/// How many bytes of the text after a count [`opens_parts`] looks in for 中: as many characters
/// of four bytes at most as [`super::what::following_words_raw`] reads of the words after a fact.
const FOLLOWING_BYTES: usize = super::what::FOLLOWING_CHARS * 4;

/// Whether 中 stands in the first [`FOLLOWING_BYTES`] bytes of `s` (wherever it stands in the
/// first `FOLLOWING_CHARS` characters, it stands there): found by its last byte, `AD`, with `memchr`,
/// rather than by a search of the whole stretch to the next fact, which may be long.
fn zhong_near_start(s: &str) -> bool {
    let head = &s.as_bytes()[..s.len().min(FOLLOWING_BYTES)];
    memchr::memchr_iter(0xAD, head).any(|e| e >= 2 && head[e - 2..=e] == [0xE4, 0xB8, 0xAD])
}

/// Fill `part_of` for a figure written in parentheses after what it counts, with no list cue
/// (`参团旅客72.3万人次。内地团客(59.6万人次)下跌23.6%`): the parts of a total just given. Its
/// whole is the nearest earlier figure of its unit in the paragraph, within the sentence before
/// it, that is larger and is not itself in parentheses.
pub fn parenthesized_parts(ctx: &Context<'_>, notes: &[Notes], records: &mut [Option<Box<Record>>]) {
    let text = ctx.text;
    for i in 0..ctx.facts.len() {
        let Some(open) = notes[i].paren else { continue };
        if records[i].as_ref().is_none_or(|r| r.part_of.is_some()) || notes[i].periodless || notes[i].change {
            continue;
        }
        // The parenthesis holds the figure alone, right after a noun.
        let span = &ctx.spans[i];
        let inside = text.get(open + text[open..].chars().next().map_or(1, char::len_utf8)..span.start).unwrap_or("x");
        let closes = text[span.end..].starts_with([')', '）']);
        let after_noun = text[..open].chars().next_back().is_some_and(crate::normalize::script::is_han);
        if !inside.trim().is_empty() || !closes || !after_noun {
            continue;
        }
        let Some((value, _)) = value_of(&ctx.facts[i].value) else { continue };
        // The sentence before this one starts where the previous full sentence does.
        // (The nearest 32 facts at most: a text of one endless sentence stays linear.)
        let previous_stop = (0..i).rev().take(32).map(|j| notes[j].stop).find(|&s| s < notes[i].stop).unwrap_or(notes[i].stop);
        let whole = (0..i)
            .rev()
            .take(32)
            .take_while(|&j| notes[j].line == notes[i].line && notes[j].stop >= previous_stop)
            .filter(|&j| records[j].is_some() && notes[j].paren.is_none() && !notes[j].change && !notes[j].periodless)
            .find(|&j| same_unit(&ctx.facts[j].value, &ctx.facts[i].value));
        if let Some(j) = whole
            && value_of(&ctx.facts[j].value).is_some_and(|(w, _)| w > value)
            && let Some(r) = records[i].as_mut()
        {
            r.part_of = Some(j);
        }
    }
}

/// Whether two figures can be a part and its whole: money in one currency, counts with one
/// classifier, quantities in one unit.
pub(crate) fn same_unit(whole: &Value, part: &Value) -> bool {
    match (whole, part) {
        (Value::Money(a), Value::Money(b)) => a.currency == b.currency,
        // (家 and 户 both count firms and households: `新登记147万户,其中企业57.3万家`.)
        (Value::Count(a), Value::Count(b)) => {
            a.classifier == b.classifier || [a.classifier.as_str(), b.classifier.as_str()].iter().all(|c| matches!(*c, "家" | "户"))
        }
        (Value::Quantity(a), Value::Quantity(b)) => a.unit == b.unit,
        _ => false,
    }
}

fn value_of(v: &Value) -> Option<(Decimal, bool)> {
    match v {
        Value::Money(m) => Some((m.value, m.qualifier.is_none() && m.max.is_none())),
        Value::Count(c) => Some((c.value, c.qualifier.is_none() && c.max.is_none())),
        Value::Quantity(q) => Some((q.value, q.qualifier.is_none() && q.max.is_none())),
        _ => None,
    }
}

/// Warn where the text leaves no doubt that figures disagree: parts under 其中 that sum to more
/// than their whole, a share that contradicts its part and whole by more than rounding. Hedged
/// figures (约, 多, ranges) are never compared.
pub fn contradictions(ctx: &Context<'_>, records: &[Option<Box<Record>>], warnings: &mut Vec<String>) {
    use std::collections::BTreeMap;
    // (By paragraph: a whole broken down one way per paragraph, `一、分行业看。…二、分地区看。…`,
    // is summed once per way.)
    let lines = &ctx.layout.lines;
    let line_of = |i: usize| lines.partition_point(|l| l.start <= ctx.spans[i].start);
    let mut parts: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for (i, r) in records.iter().enumerate() {
        if let Some(w) = r.as_ref().and_then(|r| r.part_of) {
            parts.entry((w, line_of(i))).or_default().push(i);
        }
    }
    for (&(w, _), ps) in &parts {
        let Some((whole, exact)) = value_of(&ctx.facts[w].value) else { continue };
        if !exact {
            continue;
        }
        let mut sum = Decimal::ZERO;
        let mut all_exact = true;
        for &p in ps {
            match value_of(&ctx.facts[p].value) {
                Some((v, e)) => {
                    sum = sum.checked_add(v).unwrap_or(Decimal::MAX);
                    all_exact &= e;
                }
                None => all_exact = false,
            }
        }
        if all_exact && sum > whole {
            let names: Vec<&str> = ps.iter().map(|&p| ctx.facts[p].text.as_str()).collect();
            warnings.push(format!(
                "bytes {}..{}: the parts listed under 其中 ({}) sum to {}, more than their whole {} ({})",
                ctx.facts[w].span.start,
                ctx.facts[w].span.end,
                names.join(", "),
                sum.normalize(),
                ctx.facts[w].text,
                whole.normalize()
            ));
        }
    }
    // A share of a whole: `其中…X,占比P%` where X is a part of W: P should be X/W.
    for (i, r) in records.iter().enumerate() {
        let (Value::Percent(p), Some(r)) = (&ctx.facts[i].value, r) else { continue };
        if p.role != Some(crate::Role::Share) || p.unit != PercentUnit::Percent || p.qualifier.is_some() || p.max.is_some() {
            continue;
        }
        let Some(part) = r.of else { continue };
        // Only a share of the whole itself (`…315.74亿元,占比57.46%`), not of another total.
        let between = ctx.text.get(ctx.spans[part].end..ctx.spans[i].start).unwrap_or("");
        let between = between.trim_matches(|c: char| !c.is_alphanumeric());
        if !matches!(between, "占比" | "占比为" | "占比达" | "占比达到") {
            continue;
        }
        let Some(whole) = records[part].as_ref().and_then(|r| r.part_of) else { continue };
        let (Some((x, true)), Some((w, true))) = (value_of(&ctx.facts[part].value), value_of(&ctx.facts[whole].value)) else { continue };
        if w.is_zero() {
            continue;
        }
        let Some(share) = x.checked_div(w).and_then(|s| s.checked_mul(Decimal::ONE_HUNDRED)) else { continue };
        // Rounding: half a unit of the last digit written, plus the parts' own rounding.
        let written = p.value;
        let tolerance = Decimal::try_new(5, written.scale() + 1).unwrap_or(Decimal::ZERO).max(Decimal::new(1, 1)) + Decimal::ONE;
        if (share - written).abs() > tolerance {
            warnings.push(format!(
                "bytes {}..{}: the share {} does not match its part {} of the whole {} ({}%)",
                ctx.facts[i].span.start,
                ctx.facts[i].span.end,
                ctx.facts[i].text,
                ctx.facts[part].text,
                ctx.facts[whole].text,
                share.round_dp(2).normalize()
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`names_average`] answers as a search for each of [`AVERAGES`] does.
    #[test]
    fn names_average_answers_as_a_search_for_each_word() {
        assert!(AVERAGES.iter().all(|a| a.contains('均')), "the character looked for first");
        let pieces = ["人", "户", "亩", "平", "均", "价", "收入", "a", "人均", "均价"];
        for words in crate::link::drawn_texts(3, 5000, 6, &pieces) {
            assert_eq!(names_average(&words), AVERAGES.iter().any(|a| words.contains(a)), "{words}");
        }
    }

    /// `opener_in` rejects a gap without 中 or 看 before its searches: every opener holds one.
    #[test]
    fn openers_are_found_behind_their_first_test() {
        for (gap, opener) in
            [("其中", Opener::Among), ("当中", Opener::Among), ("分产业看,", Opener::Breakdown), ("在商品零售中,", Opener::Within)]
        {
            assert_eq!(opener_in(gap).map(|o| o.opener), Some(opener), "{gap}");
        }
        assert!(opener_in("比上年增长").is_none());
    }

    /// `heading_between` answers as it did when it trimmed its line and looked for 看 and 划 with
    /// the standard library's searchers and read 25 characters of each line to tell a long one.
    #[test]
    fn heading_between_answers_as_it_did_with_character_searches() {
        fn as_it_was(between: &str) -> Option<bool> {
            let is_words = |l: &&str| l.chars().filter(|&c| crate::normalize::script::is_han(c)).take(2).count() == 2;
            let line = between.rsplit('\n').find(is_words)?.trim();
            if line.chars().nth(24).is_some() || !line.contains(['看', '划']) {
                return Some(false);
            }
            let heading = format!("{line}\n");
            Some(opener_in(&heading).is_some_and(|o| o.opener == Opener::Breakdown && heading[..o.at].chars().count() <= 4))
        }
        let pieces =
            ["一、", "（二）", "分行业看", "按来源地划分", "。", ",", "\n", "\r\n", " ", "\u{3000}", "制造业", "看", "划", "a", "12", "𠀀"];
        let mut headings = 0;
        for between in crate::link::drawn_texts(11, 20000, 40, &pieces) {
            let answer = heading_between(&between);
            assert_eq!(answer, as_it_was(&between), "{between:?}");
            headings += usize::from(answer == Some(true));
        }
        assert!(headings > 100, "the texts hold headings ({headings})");
    }

    /// `zhong_near_start` finds 中 wherever it stands in the first twelve characters, and only
    /// where it stands.
    #[test]
    fn zhong_is_found_near_the_start() {
        let pieces = ["中", "个", "项目", "a", ",", "𠀀", "串", "其中有", "\u{ad}"];
        let (mut near, mut far) = (0, 0);
        for text in crate::link::drawn_texts(13, 20000, 30, &pieces) {
            let found = zhong_near_start(&text);
            assert!(!text.chars().take(12).any(|c| c == '中') || found, "{text:?}");
            assert!(!found || text.contains('中'), "{text:?}");
            near += usize::from(found);
            far += usize::from(!found && text.contains('中'));
        }
        assert!(near > 100 && far > 100, "{near} {far}");
    }

    /// `trimmed` is `str::trim`, and `holds_look_or_divide` a search for 看 and 划.
    #[test]
    fn trimmed_is_trim_and_look_or_divide_a_search() {
        let pieces = [
            " ", "\u{3000}", "\u{a0}", "\u{2028}", "\u{b}", "\t", "\r", "\n", "。", "a", "看", "划", "𠀀", "\u{85}", "\u{8b}", "\u{92}",
            "下", "丒",
        ];
        for text in crate::link::drawn_texts(5, 20000, 8, &pieces) {
            assert_eq!(trimmed(&text), text.trim(), "{text:?}");
            assert_eq!(holds_look_or_divide(&text), text.contains(['看', '划']), "{text:?}");
        }
    }

    /// `lines_from_last` gives the lines `rsplit` gives.
    #[test]
    fn lines_from_last_are_rsplit_lines() {
        for text in ["", "\n", "a", "a\n", "\na", "一、分行业看。\n制造业\n\n", "甲\n乙\r\n丙"] {
            assert_eq!(lines_from_last(text).collect::<Vec<_>>(), text.rsplit('\n').collect::<Vec<_>>(), "{text:?}");
        }
    }

    /// `names_total` finds each of the total words by its first character's bytes.
    #[test]
    fn totals_are_found_by_their_first_characters() {
        for t in TOTALS {
            assert!(t.starts_with(['总', '合', '共']), "{t}");
            for text in [t.to_owned(), format!("四大产业项目{t}19个"), format!("a{t}")] {
                assert!(names_total(&text), "{text}");
            }
        }
        for text in ["", "总", "合作项目", "共有", "总投资", "𠀀共"] {
            assert!(!names_total(text), "{text}");
        }
    }

    /// `compare` orders decimals as `Decimal` does, of one scale or of two, of either sign.
    #[test]
    fn compare_orders_as_decimal_does() {
        let mut values = vec![Decimal::ZERO, -Decimal::ZERO, Decimal::ONE, Decimal::ONE_HUNDRED, Decimal::MAX, Decimal::MIN];
        for (m, e) in [(1, 0), (10, 1), (100, 2), (9999, 4), (10001, 4), (35, 1), (350, 2), (7, 28), (i64::MAX, 0), (i64::MAX, 3)] {
            values.push(Decimal::new(m, e));
            values.push(Decimal::new(-m, e));
        }
        values.push(Decimal::new(35, 1) * Decimal::new(100_000_000, 0));
        for &a in &values {
            for &b in &values {
                assert_eq!(compare(a, b), a.cmp(&b), "{a} {b}");
            }
        }
    }

    /// `opener_character` tells 中, 看, 划, 观 and 统 from every other character, and
    /// `may_end_an_opener_character` lets them through.
    #[test]
    fn opener_character_tells_exactly_the_five() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let opener = matches!(c, '中' | '看' | '划' | '观' | '统');
            assert_eq!(opener_character(bytes), opener.then_some(c), "{c:?}");
            assert!(!opener || may_end_an_opener_character(bytes[bytes.len() - 1]), "{c:?}");
        }
    }

    /// `MarkAfter::before`, asked of places in order from any place (character boundaries or
    /// not, before or after it), answers as a search of the whole stretch for each does.
    #[test]
    fn mark_after_answers_as_a_search_of_each_stretch() {
        let pieces = ["、", ",", "，", "个", "10", "a", " ", "\u{3000}", "(", "）", "。", "𠀀", "项目"];
        for text in crate::link::drawn_texts(7, 3000, 12, &pieces) {
            for from in 0..=text.len() + 1 {
                let mut marks = MarkAfter::new(&text, from);
                for to in 0..=text.len() + 1 {
                    let searched = text.get(from..to).is_some_and(|gap| gap.chars().any(|c| c != '、' && crate::link::is_clause_mark(c)));
                    assert_eq!(marks.before(to), searched, "{text:?} {from} {to}");
                }
            }
        }
    }

    /// `opener_characters` finds the characters by their bytes where a character search finds
    /// them.
    #[test]
    fn opener_characters_are_told_by_their_bytes() {
        let texts = [
            "",
            "a",
            "比上年增长",
            "𠀀中",
            "串审刘",
            "其中看,划分观察中",
            "a中b看c划d观e统",
            "按来源地统计,",
            "分产业看,其中:在商品零售中,",
        ];
        for text in texts {
            let mut marks = Vec::new();
            opener_characters(text, &mut marks);
            let searched: Vec<(usize, char)> =
                text.char_indices().filter(|&(_, c)| matches!(c, '中' | '看' | '划' | '观' | '统')).collect();
            assert_eq!(marks, searched, "{text}");
        }
    }
}
