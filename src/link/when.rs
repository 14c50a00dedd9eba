//! When: the period a figure covers, and the base period of a growth.
//!
//! A time fact scopes the figures after it in its paragraph (a line); a time that covers a
//! period (a month or more, or an open range: `2023年`, `1-10月`, `今年以来`) also carries into
//! the paragraphs after it, until another replaces it — a single day (`4月28日`, an event's date)
//! scopes its own paragraph only. A paragraph that starts a plan (`下一步`, `接下来`, `今后`)
//! ends the carried period: a plan with no date has none. A time in parentheses after the
//! figures of its sentence (`签约金额383.6亿元(截至2023年12月20日)`) scopes them. Times in a
//! title of a document (`《2022年…办法》`) or listed as examples (`春节、清明等`) scope nothing.
//!
//! Some figures have no period whatever surrounds them: a project's size (`投资10亿元的…项目`,
//! `(投资2亿元)`), a threshold (`10亿元以上项目`), a standing total (`现有的9个园区`, `5个县市区`,
//! an enumeration's count: `A、B、C三个平台`), an attribute (`150兆瓦…光伏项目`, `规划面积`).
//! A target (`目标任务`, `自治区下达任务`) covers the whole year its period falls in.
//!
//! In an interview whose question or answer names the year under review (`2019年`), that year
//! is the speakers' "this year": a `今年` resolved against a later publication date is moved to
//! it.

use std::sync::LazyLock;

use super::bytewise::{ends_with_char, rfind_word, trim_start, word_starts};
use super::lexicon::Lexicon;
use super::{Context, Notes};
use crate::fact::{PartialDate, Period, Record, Role, TimeRange, Value};

/// Words that start a plan with no date.
const PLAN_MARKERS: &[&str] = &["下一步", "下步", "接下来", "今后", "展望未来"];
/// Words that mean "up to now" (`截至目前`): the period ends at the latest `截至` date or the
/// reference date.
const NOW_MARKERS: &[&str] = &["截至目前", "截止目前", "到目前为止", "截至当前", "截止当前", "截至今日"];
/// The plan markers, then the now markers: a text's are found in one pass with the scope words
/// (see [`super::text_words`]).
pub(super) fn marker_words() -> impl Iterator<Item = &'static str> {
    PLAN_MARKERS.iter().chain(NOW_MARKERS).copied()
}

/// Whether the `k`th of [`marker_words`] is a plan marker.
pub(super) fn is_plan_marker(k: usize) -> bool {
    k < PLAN_MARKERS.len()
}

/// The plan and now markers of a text, found in one pass, for the gaps between facts.
pub(super) struct Markers {
    /// (position, is a plan marker), in text order.
    found: Vec<(usize, bool)>,
    next: usize,
}

impl Markers {
    /// The markers found beforehand (as (position, is a plan marker), in text order).
    pub(super) fn among(found: Vec<(usize, bool)>) -> Self {
        Markers { found, next: 0 }
    }

    /// Whether a plan marker and a now marker start in `from..to`; calls come with growing
    /// ranges, so the whole text is walked once.
    fn between(&mut self, from: usize, to: usize) -> (bool, bool) {
        let (mut plan, mut now) = (false, false);
        while let Some(&(at, is_plan)) = self.found.get(self.next) {
            if at >= to {
                break;
            }
            if at >= from {
                plan |= is_plan;
                now |= !is_plan;
            }
            self.next += 1;
        }
        (plan, now)
    }
}

/// The last characters of [`STANDING_SUBJECTS`]' words.
const STANDING_SUBJECTS_LAST: [char; 6] = ['区', ')', '镇', '道', '街', '村'];
/// Counted things that are standing structures, not results of a period.
const STANDING_SUBJECTS: &[&str] =
    &["县市区", "县区", "县(市、区)", "乡镇", "街道", "乡镇街道", "镇街", "园区", "开发区", "社区", "行政村"];
/// Words before a count that make it a standing total. (Each ends in 有 or 辖, which are looked
/// for first.)
const STANDING_WORDS: &[&str] = &["现有", "已有", "拥有", "下辖", "辖"];

/// What the words before a count say with 有 (or 辖), found in one reading of them: where 有 or
/// 辖 ends a word, by their last bytes with memchr2.
#[derive(Debug, PartialEq)]
struct HaveWords {
    /// A word of [`STANDING_WORDS`], not of a stock's name (`拥有量`).
    standing: bool,
    /// 共有, which totals what stands (or a period's projects).
    total: bool,
}

impl HaveWords {
    fn read(before: &str) -> Self {
        const HAVE: &[u8] = "有".as_bytes();
        const GOVERN: &[u8] = "辖".as_bytes();
        let bytes = before.as_bytes();
        let mut found = HaveWords { standing: false, total: false };
        for last in memchr::memchr2_iter(HAVE[2], GOVERN[2], bytes) {
            let (through, after) = bytes.split_at(last + 1);
            found.standing |= !after.starts_with("量".as_bytes()) && STANDING_WORDS.iter().any(|w| through.ends_with(w.as_bytes()));
            found.total |= through.ends_with("共有".as_bytes());
        }
        found
    }
}

/// Whether the words before a count say it counts what stands: a word of [`STANDING_WORDS`], or
/// 共有 of things other than projects (`全县共有履约项目71个` totals a period's projects).
fn stands(before: &str, projects: bool) -> bool {
    let have = HaveWords::read(before);
    have.standing || have.total && !projects
}

/// Whether `s` ends with one of `words`, whose last characters are among `lasts`: the last byte
/// is compared first, with each character's (most stretches end in none of them, and are not
/// decoded), then the last character, and the words only when it is one of theirs.
fn ends_with_any(s: &str, lasts: &[char], words: &[&str]) -> bool {
    ends_with_char(s, lasts) && words.iter().any(|w| s.ends_with(w))
}

/// The last characters of [`SIZE_WORDS`]' words.
const SIZE_LAST: [char; 7] = ['资', '过', '额', '约', '超', '达', '模'];
/// Words before a money amount that make it one project's size when 的 or a bracket follows.
const SIZE_WORDS: &[&str] =
    &["投资", "投资过", "投资额", "投资约", "投资超", "投资达", "一期投资", "二期投资", "计划投资", "总投资额", "规模"];
/// What is counted or measured as a level at a moment (a stock), not as a flow over a period.
const STOCKS: &[&str] = &[
    "入园企业",
    "入驻企业",
    "在园企业",
    "市场主体",
    "余额",
    "存栏",
    "常住人口",
    "户籍人口",
    "总人口",
    "保有量",
    "存量",
    "在建项目",
    "在库企业",
];
/// The last characters of [`STOCKS`]' words.
const STOCKS_LAST: [char; 7] = ['业', '体', '额', '栏', '口', '量', '目'];
/// Whether an indicator names a stock ([`STOCKS`]).
/// (What was added to a stock, `新增市场主体`, `新入园企业`, `净增常住人口`, is a flow.)
fn is_stock(indicator: Option<&crate::fact::Indicator>) -> bool {
    // (Most indicators end in none of the words' last characters: that one character first.)
    indicator.is_some_and(|ind| {
        ends_with_char(&ind.text, &STOCKS_LAST)
            && STOCKS.iter().find(|w| ind.text.ends_with(**w)).is_some_and(|w| {
                let before = &ind.text[..ind.text.len() - w.len()];
                // (Or anything new: `新入园企业`, `新设立市场主体`.)
                !(before.starts_with('新') || before.ends_with('新') || ADDITIONS.iter().any(|a| before.ends_with(a)))
            })
    })
}

/// Words that say what a figure counts was added (or taken away) over a period: before a stock's
/// name (`新增市场主体`), or between a day reached and the figure (`到年底累计新增…`).
const ADDITIONS: &[&str] = &["新增", "净增", "增加", "减少", "净减", "累计", "新登记", "新设", "新引进"];
/// Words that say a figure is what a project will yield once it runs (`达产后年产值可达30亿元`,
/// `建成后可提供就业岗位800个`): a capacity, with no period.
const CAPACITY_WORDS: &[&str] = &["达产后", "建成后", "投产后", "满产后", "达效后"];
/// What a project's size is called after 项目 (`项目总投资`).
const PROJECT_SIZES: &[&str] = &["总投资", "投资", "投资额", "投资总额", "计划总投资", "总投资额"];
/// Areas that belong to a thing rather than to a period (a park's planned area, a building's
/// floor area); a sown or treated area (`种植面积`, `治理面积`) is a period's.
const ATTRIBUTE_AREAS: &[&str] =
    &["规划面积", "占地面积", "建筑面积", "用地面积", "总面积", "辖区面积", "国土面积", "土地面积", "经营面积"];
/// Words that make a figure a target.
const TARGET_WORDS: &[&str] = &["目标", "任务", "计划"];
/// The last characters of [`TARGET_WORDS`]' words.
const TARGET_LAST: [char; 3] = ['标', '务', '划'];

/// The last place one of some words stands in a sentence, read up to where it was last asked:
/// each figure's question reads only the text since the last figure's, so a sentence's
/// capacity words (达产后) or its 目前 are read once, whatever figures ask.
#[derive(Default)]
struct LastInSentence {
    sentence: usize,
    read_to: usize,
    last: Option<usize>,
}

impl LastInSentence {
    /// Where the last word stands in `text[sentence..to]`. `last_in(from, to)` finds the last in
    /// a stretch; it is asked only of the text not read yet, from `longest` bytes less one
    /// before it (a word the last read may have cut).
    fn last(
        &mut self,
        text: &str,
        sentence: usize,
        to: usize,
        longest: usize,
        last_in: impl Fn(usize, usize) -> Option<usize>,
    ) -> Option<usize> {
        if self.sentence != sentence || self.read_to < sentence || self.read_to > to {
            *self = Self { sentence, read_to: sentence, last: None };
        }
        let mut from = self.read_to.saturating_sub(longest.saturating_sub(1)).max(sentence);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        if let Some(k) = last_in(from, to) {
            self.last = Some(k);
        }
        self.read_to = to;
        self.last
    }
}

/// Whether a capacity word stands in the full sentence at `stop` before `to`, within the
/// stretch [`super::recent`] reads.
fn capacity_before(seen: &mut LastInSentence, text: &str, stop: usize, to: usize) -> bool {
    let longest = CAPACITY_WORDS.iter().map(|w| w.len()).max().unwrap_or(0);
    // (Every capacity word ends in 后: its places first, then the words that end there.)
    debug_assert!(CAPACITY_WORDS.iter().all(|w| w.ends_with('后')));
    // (A 后 found by the `memchr` crate's search for its three bytes, which a sentence is read
    // with once: the standard library's search for a character looks for its last byte alone,
    // which a CJK text holds every few characters.)
    static AFTER: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new("后"));
    let last_in = |from: usize, to: usize| {
        let stretch = text.get(from..to).unwrap_or("").as_bytes();
        let mut last = None;
        // (Found one after another with `find`: an iterator copies the searcher.)
        let mut at = 0;
        while let Some(k) = stretch.get(at..).and_then(|rest| AFTER.find(rest)).map(|k| at + k) {
            at = k + '后'.len_utf8();
            let end = from + at;
            if let Some(w) = CAPACITY_WORDS.iter().find(|w| text[..end].ends_with(*w) && end - w.len() >= from) {
                last = Some(end - w.len());
            }
        }
        last
    };
    seen.last(text, stop, to, longest, last_in).is_some_and(|p| p >= to.saturating_sub(super::SENTENCE_REACH * 3))
}

/// Words before 年 that say what a project is expected to yield a year (`预计年产值`).
const EXPECTED: &[&str] = &["预计", "可实现", "预计实现", "可达", "预计新增"];

/// Whether a figure is what a project is expected to yield a year (`该项目…预计年产值50亿元`,
/// `可实现年销售收入8亿元`): the project's capacity, not a period's figure. Its clause holds a
/// word of [`EXPECTED`] before 年 (`expected`, of [`ClauseCues`]), and the sentence names a
/// project before it.
fn expected_yield(text: &str, notes: &Notes, expected: bool) -> bool {
    expected && super::recent(text, notes.stop, notes.clause).contains("项目")
}

/// What the words of a figure's clause before it say of its period, found in one reading of
/// them. Each question's words open or end with one character — [`PER_PERIOD`]'s with 每,
/// [`CAPACITY_WORDS`] with 后, [`EXPECTED`] come before 年 — so the clause is searched once for
/// the three characters, by their last bytes with the `memchr` crate's vector search (the
/// standard library's search for a character builds a searcher per call), and the words are
/// tried only where one stands.
#[derive(Debug, Default, PartialEq)]
struct ClauseCues {
    /// A word of [`PER_PERIOD`]: a rate per period.
    per_period: bool,
    /// A word of [`CAPACITY_WORDS`]: what a project yields once it runs.
    capacity: bool,
    /// A word of [`EXPECTED`] right before 年.
    expected: bool,
}

impl ClauseCues {
    fn read(clause: &str) -> Self {
        const EVERY: &[u8] = "每".as_bytes();
        const AFTER: &[u8] = "后".as_bytes();
        const YEAR: &[u8] = "年".as_bytes();
        let bytes = clause.as_bytes();
        let mut cues = ClauseCues::default();
        // (The three characters' last bytes differ; a whole character's three bytes match only
        // at a character's start.)
        for last in memchr::memchr3_iter(EVERY[2], AFTER[2], YEAR[2], bytes) {
            let Some(start) = last.checked_sub(2) else { continue };
            let (head, here) = bytes.split_at(start);
            if here.starts_with(EVERY) {
                cues.per_period |= PER_PERIOD.iter().any(|w| here.starts_with(w.as_bytes()));
            } else if here.starts_with(AFTER) {
                let through = &bytes[..=last];
                cues.capacity |= CAPACITY_WORDS.iter().any(|w| through.ends_with(w.as_bytes()));
            } else if here.starts_with(YEAR) {
                cues.expected |= EXPECTED.iter().any(|w| head.ends_with(w.as_bytes()));
            }
        }
        cues
    }
}

/// Mark the figures that have no period, and the targets.
pub fn periodless(ctx: &Context<'_>, notes: &mut [Notes]) {
    let text = ctx.text;
    // The full sentence of the last count seen.
    let mut count_stop: Option<usize> = None;
    // The capacity words (达产后) of the full sentence read so far: read once, up to each figure.
    let mut capacity = LastInSentence::default();
    // The last 目前 of the full sentence read so far (whether a count stands now).
    let mut now = LastInSentence::default();
    for (i, fact) in ctx.facts.iter().enumerate() {
        if !fact.is_figure() {
            continue;
        }
        let count_before = count_stop == Some(notes[i].stop);
        if matches!(fact.value, Value::Count(_)) {
            count_stop = Some(notes[i].stop);
        }
        let span = ctx.spans[i].clone();
        let after = text.get(span.end..).unwrap_or("");
        let words = notes[i].words.clone().map_or("", |r| &text[r]);
        let before = &text[notes[i].clause..span.start];
        notes[i].target = ends_with_any(words, &TARGET_LAST, TARGET_WORDS);
        notes[i].periodless = match &fact.value {
            Value::Money(_) => {
                let threshold = is_threshold(after) || is_threshold_before(before, after) || is_size_band(&fact.value, after);
                // `总投资2662.7亿元的220个项目` is an aggregate; `总投资35亿元的…项目` one project.
                let count_follows = after.starts_with('的')
                    && ctx.spans.get(i + 1).is_some_and(|s| s.start <= span.end + '的'.len_utf8())
                    && matches!(ctx.facts.get(i + 1).map(|f| &f.value), Some(Value::Count(_)));
                let size = ends_with_any(before, &SIZE_LAST, SIZE_WORDS)
                    && (after.starts_with('的') && !count_follows || notes[i].paren.is_some() && after.starts_with([')', '）']));
                // `项目总投资8亿元` with no count of projects before it in the sentence is one
                // project's size (`签约项目30个,项目总投资80亿元` is theirs together).
                // So is the investment of a project named as one (`某电池项目…,计划投资20亿元`,
                // `该项目总投资`).
                // (The sentence read back a bounded stretch: a text with no full stops stays linear.)
                let named_one = || {
                    let sentence = super::recent(text, notes[i].stop, span.start);
                    sentence.match_indices(['某', '该']).any(|(k, _)| {
                        let near = &sentence[k..];
                        near[..near.char_indices().nth(12).map_or(near.len(), |(e, _)| e)].contains("项目")
                    })
                };
                // A project named by what it will make (`年产10万吨新材料项目总投资6亿元`) is one.
                let by_capacity = || {
                    i.checked_sub(1).is_some_and(|j| {
                        matches!(ctx.facts[j].value, Value::Quantity(_))
                            && ctx.spans[j].start >= notes[i].clause_mark
                            && ["年产", "年产能", "年加工", "日产", "年处理"].iter().any(|w| text[..ctx.spans[j].start].ends_with(w))
                            && words.contains("项目")
                    })
                };
                // (A project named as one is one project's even after a count of several:
                // `引进企业9家,其中某新材料项目计划投资6亿元`.)
                // An investment to build one thing (`投资35亿元建设新能源产业园`), not a number of
                // projects (`投资50亿元建设项目100个`).
                let to_build = words.ends_with("投资")
                    && ["建设", "新建", "兴建", "打造", "建"].iter().any(|w| after.starts_with(w))
                    && ctx
                        .facts
                        .get(i + 1)
                        .is_none_or(|f| !matches!(f.value, Value::Count(_)) || ctx.spans[i + 1].start > super::clause_end(text, span.end));
                let one_project = to_build
                    || words.trim_start_matches(['该', '此']).strip_prefix("项目").is_some_and(|w| PROJECT_SIZES.contains(&w))
                        && !count_before
                    || PROJECT_SIZES.iter().chain(&["计划投资"]).any(|w| words.ends_with(w)) && (named_one() || by_capacity());
                threshold || size || one_project
            }
            Value::Quantity(_) => {
                is_threshold(after)
                    || ends_with_any(words, &['积'], ATTRIBUTE_AREAS)
                    || ["距", "离", "相距", "距离"].iter().any(|w| words.starts_with(w))
                    || after.chars().next().is_some_and(|c| !super::is_clause_mark(c) && c != '。' && is_han(c))
                        // (Not a figure listed before the next of its run: `增加2.8平方米和5.5平方米`.)
                        && i + 1 >= notes[i].run.0 + notes[i].run.1
                        // (Nor the subject of a verb that says by whom, from where or for what:
                        // `其中36万吨由民营企业生产`, `30万吨来自进口`.)
                        && !["由", "来自", "是", "属于", "用于"].iter().any(|w| after.starts_with(w))
                        // (Nor a hedge that ends the clause: `粮食总产稳定在1100亿斤以上。`.)
                        && !["以上", "以下", "左右", "上下", "之多"]
                            .iter()
                            .any(|w| after.strip_prefix(w).is_some_and(|r| r.chars().next().is_none_or(|c| super::is_clause_mark(c) || c == '。')))
            }
            Value::Count(c) => {
                let subject = c.subject.as_deref().unwrap_or("");
                let following = super::what::following_words(ctx, i).map_or("", |r| &text[r]);
                // (`共有` also totals a period's projects: `全县共有履约项目71个`.)
                let projects = subject.ends_with("项目") || following.ends_with("项目") || words.ends_with("项目");
                // (Each of the things counted: `7个开发区和高新区`.)
                // (A time in the sentence says when the total stood: `截至6月末,全市有效发明专利
                // 拥有量2.35万件`, `2024年,全市协助企业共有128家`. 拥有量 is a stock's name.)
                // (Nor does a part of a total just given: `其中创新科技企业共有128家`.)
                let dated = (0..i)
                    .rev()
                    .take(16)
                    .take_while(|&j| ctx.spans[j].end > notes[i].sentence)
                    .any(|j| matches!(ctx.facts[j].value, Value::Time(_)))
                    || trim_start(&text[notes[i].sentence.min(span.start)..span.start]).starts_with("其中");
                // (The words after the figure split once, each piece tried against every subject.)
                ends_with_any(subject, &STANDING_SUBJECTS_LAST, STANDING_SUBJECTS)
                    || following.split(['和', '及', '与']).any(|t| ends_with_any(t, &STANDING_SUBJECTS_LAST, STANDING_SUBJECTS))
                    || !dated && stands(before, projects)
                    || is_enumeration_count(ctx, i, following)
                    || now_before(&mut now, text, notes[i].sentence, span.start)
            }
            _ => false,
        } || is_milestone(after)
            || !matches!(fact.value, Value::Percent(_)) && {
                // (The clause read once for the three questions it answers.)
                let cues = ClauseCues::read(before);
                cues.per_period
                // (What a project yields once it runs, in the clauses after 达产后 too:
                // `达产后可实现年产值80亿元,新增就业岗位1500个`; not a clause of a time of its own,
                // `建成后增加…,五年内增加的年产能力为…`.)
                || cues.capacity
                // (The sentence's capacity words first: they are read once whatever figures ask, and
                // the clause is read for 内 only after one.)
                || capacity_before(&mut capacity, text, notes[i].stop, span.start) && !before.contains('内')
                || expected_yield(text, &notes[i], cues.expected)
            };
    }
    // A list ends in a threshold (`投资1亿元、5亿元和10亿元以上项目`): its items are thresholds.
    for i in (1..ctx.facts.len()).rev() {
        let j = i - 1;
        if notes[i].periodless && ctx.facts[j].kind() == ctx.facts[i].kind() && ctx.facts[j].is_figure() {
            let between = text.get(ctx.spans[j].end..ctx.spans[i].start).unwrap_or("x");
            if !between.is_empty() && between.chars().all(|c| matches!(c, '、' | '和' | '及' | '与' | '或')) {
                notes[j].periodless = true;
            }
        }
    }
}

/// Whether a sentence says what stands now (`目前在产矿热炉36台`, `目前园区拥有15家企业,建成48台`), not what was done so far
/// (`截至目前`, `至目前`, `目前已签约`): a count in it is a standing total.
pub(super) fn stands_now(sentence: &str) -> bool {
    // (The last 目前 before the figure says which.)
    sentence.rmatch_indices('目').find(|(k, _)| sentence[*k..].starts_with("目前")).is_some_and(|(k, _)| stands_now_at(sentence, k))
}

/// [`stands_now`] with the last 目前 of the sentence at `k`.
fn stands_now_at(sentence: &str, k: usize) -> bool {
    static STANDING_VERBS: LazyLock<Lexicon> =
        LazyLock::new(|| Lexicon::new(["有", "在产", "在建", "在营", "运营", "存栏", "入驻", "建成"]));
    let before = &sentence[..k];
    let after = &sentence[k + "目前".len()..];
    // (Something that stands: 有, 在产, 在建 …; not what is being done, `目前重点对接企业10家`.)
    !["截至", "截止", "至", "到"].iter().any(|c| before.ends_with(c))
        && !after.trim_start_matches([',', '，']).starts_with(['已', '共', '累'])
        && STANDING_VERBS.occurs_in(after)
}

/// Whether the sentence at `sentence` says what stands now before `to` ([`stands_now`] of the
/// stretch [`super::recent`] reads), its 目前 read once for all its counts.
fn now_before(seen: &mut LastInSentence, text: &str, sentence: usize, to: usize) -> bool {
    let last_in = |from: usize, to: usize| rfind_word(text.get(from..to).unwrap_or(""), "目前").map(|k| from + k);
    let last = seen.last(text, sentence, to, "目前".len(), last_in);
    // (The last 目前 of the whole sentence is the last of the stretch read, if it is in it.)
    let recent = super::recent(text, sentence, to);
    let start = to - recent.len();
    last.filter(|&k| k >= start).is_some_and(|k| stands_now_at(recent, k - start))
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// `以上` / `以下` followed by a noun: `10亿元以上项目`, `亿元以上的项目`.
pub(crate) fn is_threshold(after: &str) -> bool {
    let rest = ["及以上", "以上", "以下"].iter().find_map(|w| after.strip_prefix(w));
    rest.is_some_and(|r| r.chars().next().is_some_and(is_han))
}

/// Whether the words after a figure make it a milestone crossed (`突破千亿元大关`, `跨过3个万亿元
/// 大关`): a threshold, which no rate or share qualifies.
pub(crate) fn is_milestone(after: &str) -> bool {
    ["大关", "关口"].iter().any(|w| after.starts_with(w))
}

/// A range of amounts that projects fall in (`5亿元至10亿元项目9个`, `1亿至5亿元之间的项目`): a
/// band of sizes, which bounds what the count after it counts.
pub(crate) fn is_size_band(value: &Value, after: &str) -> bool {
    let after = after.strip_prefix("之间").unwrap_or(after);
    let after = after.strip_prefix('的').unwrap_or(after);
    matches!(value, Value::Money(m) if m.max.is_some()) && ["项目", "重大项目", "企业"].iter().any(|w| after.starts_with(w))
}

/// A threshold written before what it bounds: 超, 过 or 超过 before an amount that a project or
/// a firm follows (`引进超10亿元项目`, `投资过亿元的重大项目`).
pub(crate) fn is_threshold_before(before: &str, after: &str) -> bool {
    // (Most amounts follow neither: the words after them are read only after 超 or 过.)
    if !ends_with_char(before, &['超', '过']) {
        return false;
    }
    let after = after.strip_prefix('的').unwrap_or(after);
    let head = &after[..after.char_indices().nth(8).map_or(after.len(), |(k, _)| k)];
    static BOUNDED: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(["项目", "企业"]));
    // (Bounded: a project or a firm follows, with nothing but Han characters before it.)
    BOUNDED.find(head).map(|(k, _)| k).is_some_and(|k| !head[..k].contains(|c: char| super::is_clause_mark(c) || !is_han(c)))
}

/// A count that sums up an enumeration of names just before it (`A、B、C三个平台`): standing.
fn is_enumeration_count(ctx: &Context<'_>, i: usize, subject: &str) -> bool {
    let span = &ctx.spans[i];
    if subject.is_empty() || !ctx.text[span.end..].starts_with(subject) {
        return false;
    }
    // (Most counts have no two 、 anywhere the walk back could reach: it is skipped for them.)
    if !two_marks_before(ctx.text, span.start) {
        return false;
    }
    let start = super::back_to(ctx.text, span.start, 0, is_enumeration_stop);
    let stretch = &ctx.text[start..span.start];
    let no_figure_between = !(0..i).rev().take(16).take_while(|&j| ctx.spans[j].start >= start).any(|j| ctx.facts[j].is_figure());
    no_figure_between && stretch.matches('、').count() >= 2 && !stretch.ends_with('等')
}

/// Where the stretch an enumeration count reads back stops.
fn is_enumeration_stop(c: char) -> bool {
    matches!(c, ',' | '，' | '。' | ';' | '；' | ':' | '：' | '\n')
}

/// Whether two 、 stand before `pos` where the walk back of [`is_enumeration_count`] may reach:
/// in the bytes [`super::REACH`] characters take at most (four each), after the last comma
/// among them (a stop of the walk; the normalized text's commas are ASCII). Found with memchr,
/// not by decoding the stretch: the comma by its byte, the marks by the `memchr` crate's search
/// for their three bytes (the first, 0xE3, opens few characters of a Chinese text; the last,
/// 0x81, ends many).
fn two_marks_before(text: &str, pos: usize) -> bool {
    static MARK: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new("、"));
    let reach = text.as_bytes().get(pos.saturating_sub(super::REACH * 4)..pos).unwrap_or(&[]);
    let window = memchr::memrchr(b',', reach).map_or(reach, |k| &reach[k + 1..]);
    MARK.find(window).is_some_and(|k| MARK.find(&window[k + "、".len()..]).is_some())
}

/// What a figure's period comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Scope {
    /// A time fact.
    Time(usize),
    /// `截至目前`: from the start of the year in scope up to the latest `截至` date, or open.
    Now,
    /// `全年`: the whole of the year in scope.
    Year(i16),
    /// `全年` when the year in scope is not known: the whole of time fact's year (`XXXX`).
    YearOf(usize),
    /// A `截至` day and the period it falls in, written in one sentence (`截至9月底,今年累计…`,
    /// `今年截至9月底`): from the period's start up to the day.
    Through {
        /// The period.
        from: usize,
        /// The `截至` time.
        until: usize,
    },
}

/// Words that make a figure a rate per period (`每月有约50宗申请`, `每年接待游客80万人次`):
/// what usually happens, which has no period of its own. (Each opens with 每, which is looked
/// for first: see [`ClauseCues`].)
const PER_PERIOD: &[&str] = &["每年", "每月", "每日", "每天", "每周", "每季度"];

/// Words after which a figure is counted up to now, in the period the text reports on (its
/// lead), whatever year a target in the same sentence names (`2012年下达任务16个,现已履约16个`).
/// (Each ends in 已, which is looked for first.)
const SO_FAR: &[&str] = &["现已", "目前已", "现在已", "至今已"];

/// Whether a word of [`SO_FAR`] stands in `gap`: looked for where a 已 ends one.
fn holds_so_far(gap: &str) -> bool {
    word_starts(gap, "已").any(|k| SO_FAR.iter().any(|w| gap.as_bytes()[..k + "已".len()].ends_with(w.as_bytes())))
}

/// Words after 全年 that make it a target's year (`全年目标`), not the year a figure covers.
const NOT_WHOLE_YEAR: &[&str] = &["目标", "任务", "计划", "的"];

/// Whether `gap` holds 全年, not of [`NOT_WHOLE_YEAR`].
fn holds_whole_year(gap: &str) -> bool {
    word_starts(gap, "全年").any(|k| !NOT_WHOLE_YEAR.iter().any(|t| gap[k + "全年".len()..].starts_with(t)))
}

/// What the words before a figure, since the facts before it, say of its period, found in one
/// reading of them: a word of [`SO_FAR`] since the last fact, and 全年 ([`holds_whole_year`])
/// since the last fact that is no comparison's base, which is not later. Both are found by
/// their last characters, 已 and 年, with memchr2: one search, not one per question.
#[derive(Debug, PartialEq)]
struct GapCues {
    /// [`holds_so_far`] of the words since the last fact.
    so_far: bool,
    /// [`holds_whole_year`] of the words since the last fact that is no comparison's base.
    whole_year: bool,
}

impl GapCues {
    /// The cues of `year_gap`, whose words from byte `gap` on are those since the last fact.
    fn read(year_gap: &str, gap: usize) -> Self {
        const ALREADY: &[u8] = "已".as_bytes();
        const YEAR: &[u8] = "年".as_bytes();
        const WHOLE: &[u8] = "全".as_bytes();
        let bytes = year_gap.as_bytes();
        let mut cues = GapCues { so_far: false, whole_year: false };
        for last in memchr::memchr2_iter(ALREADY[2], YEAR[2], bytes) {
            let (through, after) = bytes.split_at(last + 1);
            if through.ends_with(ALREADY) {
                // (A word of SO_FAR that starts within the words since the last fact.)
                let since = through.get(gap..).unwrap_or(&[]);
                cues.so_far |= SO_FAR.iter().any(|w| since.ends_with(w.as_bytes()));
            } else if through.ends_with(YEAR) && through[..through.len() - YEAR.len()].ends_with(WHOLE) {
                cues.whole_year |= !NOT_WHOLE_YEAR.iter().any(|t| after.starts_with(t.as_bytes()));
            }
        }
        cues
    }
}

/// Fill every figure's period and, for growths, the base period.
///
/// Times are scoped as a reader scopes them:
/// - a paragraph's lead (a time before any of its figures) scopes the paragraph and carries into
///   the next ones, replacing the carried period; a later time of the paragraph scopes what
///   follows it and carries on only when it is not a part of the carried period;
/// - a part of the period in scope named mid-paragraph (`一季度…,二季度…` under `前三季度`) and a
///   single day scope only their own full sentence;
/// - `全年` is the whole year in scope; `截至目前` runs from that year's start; after `现已` the
///   figures are the lead period's, whatever year a target before them names;
/// - times that scope nothing: chart captions (`图2 2019-2023年…`), titles of documents,
///   examples, comparison bases, and a base year written as `由2020年的`.
pub fn periods(ctx: &Context<'_>, notes: &[Notes], records: &mut [Option<Box<Record>>]) {
    periods_among(ctx, notes, Markers::among(super::text_words(ctx.text).markers), records);
}

/// [`periods`] with the text's plan and now markers found beforehand.
pub(super) fn periods_among(ctx: &Context<'_>, notes: &[Notes], mut markers: Markers, records: &mut [Option<Box<Record>>]) {
    let text = ctx.text;
    let mut carry: Option<usize> = None;
    // What scopes the rest of the paragraph, and what scopes the rest of a full sentence only.
    let mut local: Option<Scope> = None;
    let mut sentence_local: Option<(Scope, usize)> = None;
    // The paragraph's lead (a time before any of its figures) and its last period, which carry
    // into the next paragraphs (the lead first).
    let mut lead: Option<usize> = None;
    let mut last_period: Option<usize> = None;
    let mut seen_figure = false;
    let mut line = usize::MAX;
    let mut sentence = usize::MAX;
    let mut now_in_sentence = false;
    let mut last_until: Option<usize> = None;
    let mut turn: Option<usize> = None;
    let mut turn_year: Option<i16> = None;
    let mut last_end = 0;
    // Where the last fact that is no comparison's base ends: `全年` before `比上年` still scopes
    // the figure after it (`全年工业增加值比上年增长8.3%`).
    let mut scope_end = 0;
    // A base year (`由2020年的`), which dates the next figure only.
    let mut base_year: Option<usize> = None;
    // The base year of the full sentence (`由2020年的186亿元增加到2024年的258亿元`), from which an
    // average yearly growth after it counts (`年均增长6.9%`: 2021 to 2024).
    let mut rise_from: Option<usize> = None;
    let mut averages: Vec<(usize, usize)> = Vec::new();
    // What was in scope where a plan began (which ends the carried period).
    let mut plan_scope: Option<Scope> = None;
    // Whether the paragraph is one item of an enumeration (`一是…`, `二是…`): the period it
    // leads with is its own, and the enumeration's comes back after it.
    let mut item = false;
    // Whether the line of the last time asked about is a caption, and the period of the last time
    // that scoped a figure: most times share a line, most figures of a paragraph a time.
    let mut caption: Option<(usize, bool)> = None;
    let mut scoped = LastPeriod::default();
    // What each time says of a comparison, for the base periods too.
    let mut as_base = vec![AsBase::default(); ctx.facts.len()];
    for i in 0..ctx.facts.len() {
        let span = ctx.spans[i].clone();
        if notes[i].line != line {
            line = notes[i].line;
            local = None;
            // A paragraph's lead replaces the carried period; without one, its last period does,
            // unless it lies within the carried one (`1-3季度` mid-paragraph under `今年以来`).
            // (A paragraph led by a day things stood at, `截至6月底,累计…`, tells of that day: the
            // period carried before it goes on after it.)
            let until = |p: usize| matches!(&ctx.facts[p].value, Value::Time(t) if t.start.is_none() && t.end.is_some());
            carry = match (lead, last_period, carry) {
                (Some(p), _, Some(c)) if item && within(ctx, p, c) => Some(c),
                (Some(p), _, Some(c)) if until(p) && until_within(ctx, p, c) => Some(c),
                (Some(p), _, _) => Some(p),
                (None, Some(p), Some(c)) if within(ctx, p, c) => Some(c),
                (None, Some(p), _) => Some(p),
                (None, None, c) => c,
            };
            (lead, last_period, seen_figure) = (None, None, false);
            item = is_item(ctx, line);
        }
        if notes[i].sentence != sentence {
            sentence = notes[i].sentence;
            now_in_sentence = false;
            // (A base year dates a figure of its own sentence only: `是2020年的2.4倍` has none.)
            base_year = None;
            if rise_from.is_some_and(|j| notes[j].stop != notes[i].stop) {
                rise_from = None;
            }
        }
        if sentence_local.is_some_and(|(_, stop)| stop != notes[i].stop) {
            sentence_local = None;
        }
        let gap_start = last_end.min(span.start);
        let (plan, now_marker) = markers.between(gap_start, span.start);
        if plan {
            // (`全年` in the plan is still the year the text reports on.)
            // (The document's own date says which year a plan is for: a report reviews last
            // year and plans this one. Without it, the year in scope.)
            let dated = ctx.reference.filter(|r| r.from != crate::fact::ReferenceFrom::Text).map(|r| Scope::Year(r.date.year()));
            plan_scope = dated.or(local).or(lead.or(carry).map(Scope::Time)).or(plan_scope);
            carry = None;
            local = None;
            sentence_local = None;
            (lead, last_period) = (None, None);
        }
        if now_marker {
            now_in_sentence = true;
            local = Some(Scope::Now);
        }
        let turns = &ctx.layout.turns;
        let this_turn = turns.partition_point(|t| t.span.start <= span.start).checked_sub(1).filter(|&k| span.start < turns[k].span.end);
        if this_turn != turn {
            turn = this_turn;
            if this_turn.is_some_and(|t| is_question(&ctx.layout.turns[t].speaker)) {
                turn_year = None;
            }
        }
        last_end = last_end.max(span.end);
        let gap_from = gap_start.max(notes[i].stop).min(span.start);
        let year_from = scope_end.min(span.start).max(notes[i].stop).min(span.start);
        let base = matches!(ctx.facts[i].value, Value::Time(_)) && {
            as_base[i] = AsBase::of(text, &span, &ctx.facts[i].text);
            as_base[i].base
        };
        if !base {
            scope_end = scope_end.max(span.end);
        }
        let fact = &ctx.facts[i];
        if let Value::Time(t) = &fact.value {
            let skipped = fact.boilerplate
                || in_title(text, span.start, notes[i].sentence)
                || is_horizon(text, &span)
                || is_example(text, span.end)
                || is_caption_kept(ctx, notes[i].line, &mut caption)
                || is_event_date(ctx, i)
                || is_record_reference(&fact.text, text.get(span.end..).unwrap_or(""));
            // (A base written with its figure, `比2023年的20.1亿美元`, dates that figure; a
            // relative one, `比上年的`, counts from the publication date, not the figure's year.)
            let compared_figure = !t.relative
                && ctx.spans.get(i + 1).is_some_and(|s| s.start == span.end + '的'.len_utf8())
                && super::relate::is_compared_figure(ctx, i + 1);
            if !skipped && compared_figure {
                base_year = Some(i);
                continue;
            }
            if skipped || base {
                continue;
            }
            if is_base_year(text, &span) {
                // A percentage of that year's level (`恢复到2019年的105%`) is a ratio that the
                // figure's own period holds; the year only dates the level it is of.
                // (Not a level the year had, `由2020年的7.2%`, `下降为1952年的39%`; and only a
                // percentage right after 的.)
                let head = head_before(text, &span);
                let level = ["由", "从"].iter().any(|w| head.ends_with(w))
                    || head
                        .strip_suffix('为')
                        .is_some_and(|h| ends_with_char(h, &['降', '升', '高', '长', '增', '减', '少', '多', '大', '小']));
                let ratio = !level
                    && ctx.spans.get(i + 1).is_some_and(|s| s.start == span.end + '的'.len_utf8())
                    && matches!(ctx.facts.get(i + 1).map(|f| &f.value), Some(Value::Percent(p)) if p.unit == crate::PercentUnit::Percent);
                if !ratio {
                    base_year = Some(i);
                    rise_from = Some(i);
                }
                continue;
            }
            if t.start.is_none() && t.end.is_some() {
                last_until = Some(i);
            }
            if !t.relative && is_full_year(t) && turn.is_some() {
                turn_year = t.start.and_then(|d| d.year);
            }
            // A part of the period in scope named after the paragraph's lead and figures (a
            // quarter of the first three, a month of the year): its own sentence only. A period
            // from the same start (`1-5月` after `今年以来`) says how far the scope runs, and a
            // day is an event's, which the sentences after it go on telling.
            let through = match (local, sentence_local) {
                (_, Some((Scope::Time(o), _))) | (Some(Scope::Time(o)), _) if notes[o].sentence == notes[i].sentence => through(ctx, o, i),
                _ => None,
            };
            if let Some(through) = through {
                match sentence_local {
                    Some((_, stop)) => sentence_local = Some((through, stop)),
                    None => local = Some(through),
                }
                continue;
            }
            let outer = match local {
                Some(Scope::Time(o)) => Some(o),
                _ => lead.or(carry),
            };
            let part =
                outer.is_some_and(|o| o != i && within(ctx, i, o) && !(same_start(ctx, i, o) && is_open(ctx, o))) && !is_single_day(t);
            if (seen_figure || lead.is_some()) && part {
                sentence_local = Some((Scope::Time(i), notes[i].stop));
                continue;
            }
            sentence_local = None;
            local = Some(Scope::Time(i));
            if covers_a_period(t) {
                // (Before the paragraph's first figure, a wider period that holds the lead
                // replaces it: `2025年是收官之年。五年来,…` reviews the five years.)
                if !seen_figure && lead.is_none_or(|l| widens(ctx, l, i)) {
                    lead = Some(i);
                }
                last_period = Some(i);
            }
            continue;
        }
        // `比上年的121个`: a base named by a relative year is the compared figure's period a year
        // earlier (the figure before 比 in the sentence).
        // (The time before the figure looked at first: most figures follow none.)
        let relative_before = i.checked_sub(1).filter(|&j| matches!(&ctx.facts[j].value, Value::Time(t) if t.relative));
        let year_earlier = (relative_before.is_some() && base_year.is_none() && super::relate::is_compared_figure(ctx, i))
            .then(|| {
                let time = relative_before?;
                let k = (0..time)
                    .rev()
                    .take(8)
                    .take_while(|&k| notes[k].sentence == notes[i].sentence)
                    .find(|&k| ctx.facts[k].kind() == ctx.facts[i].kind())?;
                let p = records[k].as_ref()?.period.clone()?;
                Some(Period { start: p.start.map(|d| back(d, 1)), end: p.end.map(|d| back(d, 1)), from: Some(time) })
            })
            .flatten();
        // (A part of a stock, `其中,企业2.1万户` after `市场主体达8.6万户`, is one too.)
        let whole_is_stock = records[i]
            .as_ref()
            .and_then(|r| r.part_of)
            .is_some_and(|j| j < i && records[j].as_ref().is_some_and(|w| is_stock(w.indicator.as_ref())));
        let Some(record) = records[i].as_mut() else { continue };
        seen_figure = true;
        if let Some(j) = base_year.take() {
            record.period = period_of(ctx, j, turn_year);
            continue;
        }
        if year_earlier.is_some() {
            record.period = year_earlier;
            continue;
        }
        // `由7.34万元提升至10.26万元` in a review of several years: the first level is where the
        // span began, the year before its first.
        if starts_a_rise(text, &span)
            && let Some(Scope::Time(j)) = local.or(lead.or(carry).map(Scope::Time))
            && let Some(Period { start: Some(first), end: Some(last), .. }) = period_of(ctx, j, turn_year)
            && let (Some(y0), Some(y1)) = (first.year, last.year)
            && y1 > y0
        {
            record.period = Some(whole_year_of(y0 - 1, None));
            continue;
        }
        // (A part of a standing total stands too: `拥有15家企业,其中停产3家`.)
        if notes[i].periodless || record.part_of.is_some_and(|w| notes[w].periodless) {
            continue;
        }
        // (The words since the last fact that is no comparison's base hold those since the last
        // fact: both read at once for 现已 and 全年. Both taken only here, for the figures that
        // get this far: most facts are times, or figures with no period.)
        let (gap, year_gap) = (text.get(gap_from..span.start), text.get(year_from..span.start));
        let cues = match (gap, year_gap) {
            (Some(_), Some(year_gap)) if year_from <= gap_from => GapCues::read(year_gap, gap_from - year_from),
            _ => GapCues { so_far: holds_so_far(gap.unwrap_or("")), whole_year: holds_whole_year(year_gap.unwrap_or("")) },
        };
        // `现已履约16个`: the period reported on, up to now.
        if cues.so_far
            && let Some(current) = lead.or(carry)
        {
            sentence_local = Some((Scope::Time(current), notes[i].stop));
        }
        // `全年`: the whole year of the period in scope (not `全年目标`, a target's year). (Read
        // from before a threshold the figure's words hold: `全年签约10亿元以上项目12个`.)
        let names_whole_year = match i.checked_sub(1) {
            Some(j) if notes[j].periodless && matches!(ctx.facts[j].value, Value::Money(_)) && notes[j].clause < span.start => {
                holds_whole_year(text.get(notes[j].clause.max(notes[i].stop).min(span.start)..span.start).or(gap).unwrap_or(""))
            }
            _ => cues.whole_year,
        };
        if names_whole_year {
            let in_scope = sentence_local.map(|(s, _)| s).or(local).or(carry.map(Scope::Time)).or(plan_scope);
            let year = match in_scope {
                Some(s) => match (scope_year(ctx, s), s) {
                    (Some(y), _) => Some(Scope::Year(y)),
                    (None, Scope::Time(j)) => Some(Scope::YearOf(j)),
                    _ => None,
                },
                // (No time before it at all: the year of the document's date, or the year before
                // in a text dated in its first quarter, which reviews the year that ended.)
                None => ctx.reference.filter(|r| r.from != crate::fact::ReferenceFrom::Text).map(|r| {
                    let year = r.date.year();
                    Scope::Year(if r.date.month() <= 3 { year - 1 } else { year })
                }),
            };
            if let Some(year) = year {
                sentence_local = Some((year, notes[i].stop));
            }
        }
        let scope = scope_ahead(ctx, notes, i).map(Scope::Time).or(sentence_local.map(|(s, _)| s)).or(local).or(carry.map(Scope::Time));
        let scope = if now_in_sentence { Some(Scope::Now) } else { scope };
        let period = match scope {
            Some(Scope::Time(j)) => scoped.of(ctx, j, turn_year),
            Some(Scope::Now) => now(ctx, last_until, lead.or(carry)),
            Some(Scope::Year(y)) => Some(whole_year_of(y, None)),
            Some(Scope::YearOf(j)) => period_of(ctx, j, turn_year).map(whole_year),
            Some(Scope::Through { until, .. }) => period_of(ctx, until, turn_year),
            None => None,
        };
        // (A count its own words say was done, `已完成11项`, is no target, though it counts tasks.)
        // (Asked only of an indicator that names a target.)
        let done = || text.get(notes[i].clause.min(span.start)..span.start).is_some_and(|w| w.trim_end_matches('了').ends_with("完成"));
        let target =
            notes[i].target || record.indicator.as_ref().is_some_and(|ind| ends_with_any(&ind.text, &TARGET_LAST, TARGET_WORDS)) && !done();
        // A stock up to a day (`截至9月底,入园企业120家`) is measured on that day.
        // (So is a count of what stands, `截至去年底,共有企业215家`: its words are read only for a
        // period up to a day.)
        let counts_what_stands = || {
            let projects = record.indicator.as_ref().is_some_and(|ind| ind.text.ends_with("项目"));
            matches!(ctx.facts[i].value, Value::Count(_))
                && !notes[i].change
                && stands(text.get(notes[i].clause.min(span.start)..span.start).unwrap_or(""), projects)
        };
        let stock = || {
            !matches!(ctx.facts[i].value, Value::Percent(_))
                && (is_stock(record.indicator.as_ref()) || whole_is_stock || counts_what_stands())
        };
        let period = period.map(|p| match (p, scope) {
            (Period { start: None, end: Some(end), from }, _) if stock() => Period { start: Some(end), end: Some(end), from },
            // (A flow up to the day runs from the start of the period the day falls in.)
            (Period { start: None, end: Some(end), from }, Some(Scope::Through { from: period, .. })) => {
                Period { start: period_of(ctx, period, turn_year).and_then(|p| p.start), end: Some(end), from }
            }
            // (What is added by a day reached with 到, `力争到年底新增经营主体1万户`, is added from
            // the start of that day's year.)
            (Period { start: Some(day), end: Some(end), from: Some(j) }, _) if day == end && adds_by(ctx, j, span.start) => {
                Period { start: Some(PartialDate { year: day.year, month: 1, day: 1 }), end: Some(end), from: Some(j) }
            }
            (p, _) => p,
        });
        record.period = period.map(|p| if target { whole_year(p) } else { p });
        // (An average yearly growth after a rise from a base year: see below.)
        if let Some(j) = rise_from
            && super::what::is_growth_rate(&ctx.facts[i].value)
            && text.get(notes[i].clause_mark.min(span.start)..span.start).is_some_and(|w| w.contains("年均"))
        {
            averages.push((i, j));
        }
    }
    // A percentage covers the period of the figure it qualifies.
    for i in 0..ctx.facts.len() {
        if !matches!(ctx.facts[i].value, Value::Percent(_)) {
            continue;
        }
        let of = records[i].as_ref().and_then(|r| r.of);
        // (Unless a time of its own stands between them.)
        let own_time = of.is_some_and(|j| (j + 1..i).any(|k| matches!(ctx.facts[k].value, Value::Time(_))));
        if let Some(j) = of.filter(|&j| j < i && !own_time) {
            let period = records[j].as_ref().and_then(|r| r.period.clone());
            if let (Some(period), Some(r)) = (period, records[i].as_mut()) {
                r.period = Some(period);
            }
        }
    }
    // An average yearly growth after a rise from a base year (`由2020年的186亿元增加到2024年的
    // 258亿元,年均增长6.9%`) covers the years after the base, up to its own.
    for (i, j) in averages {
        let (Value::Time(t), Some(r)) = (&ctx.facts[j].value, records[i].as_mut()) else { continue };
        let Some(p) = r.period.as_ref().filter(|p| is_full_year_period(p)) else { continue };
        if let (Some(y), Some(end)) = (t.start.and_then(|d| d.year).filter(|_| is_full_year(t)), p.end)
            && end.year.is_some_and(|e| e > y)
        {
            r.period = Some(Period { start: Some(PartialDate::new(y + 1, 1, 1)), end: Some(end), from: p.from });
        }
    }
    // A change has a base period.
    for i in 0..ctx.facts.len() {
        if records[i].is_none() {
            continue;
        }
        let base = base_period(ctx, notes, records, &as_base, i);
        if let Some(r) = records[i].as_mut() {
            r.compared_with = base;
        }
    }
}

fn is_question(speaker: &str) -> bool {
    matches!(speaker, "主持人" | "主持" | "记者" | "问" | "网友" | "提问" | "Q")
}

/// A time in parentheses later in the figure's sentence, with nothing but figures between
/// (`56个、签约金额383.6亿元(截至2023年12月20日)`).
fn scope_ahead(ctx: &Context<'_>, notes: &[Notes], i: usize) -> Option<usize> {
    for j in i + 1..ctx.facts.len().min(i + 8) {
        if notes[j].sentence != notes[i].sentence {
            return None;
        }
        if matches!(ctx.facts[j].value, Value::Time(_)) {
            return notes[j].paren.filter(|_| notes[i].paren.is_none()).map(|_| j);
        }
    }
    None
}

/// Whether a time is the horizon a plan or a project is made for (`面向2030年的科技创新重大
/// 项目`): it names the plan, and scopes no figure.
fn is_horizon(text: &str, span: &std::ops::Range<usize>) -> bool {
    // (的 first, from its bytes: most times are followed by none.)
    text.as_bytes().get(span.end..span.end + 3) == Some("的".as_bytes()) && text[..span.start].ends_with("面向")
}

/// Whether a time sits in a document title `《…》` of its sentence (read back to `floor`), or in
/// one whose marks hold line breaks.
fn in_title(text: &str, pos: usize, floor: usize) -> bool {
    let floor = floor.min(pos);
    // (Most sentences hold no title: one search of the sentence before the walk back.)
    if word_starts(&text[floor..pos], "《").next().is_none() {
        // A title may hold line breaks, `《⏎…2035年远景目标纲要⏎》`: the sentence then opens
        // right after the 《, and no 》 closes it before the time.
        return floor > 0
            && matches!(text.as_bytes()[floor - 1], b'\n' | b'\r' | b' ')
            && text[..floor].trim_end().ends_with('《')
            && !text[floor..pos].contains('》');
    }
    let before = &text[super::back_to(text, pos, floor.min(pos), |_| false)..pos];
    match (before.rfind('《'), before.rfind('》')) {
        (Some(open), Some(close)) => open > close,
        (Some(_), None) => true,
        _ => false,
    }
}

/// What a time says of a comparison, read once for the scoping of figures and for the base
/// periods of changes (the facts' default: no base).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct AsBase {
    /// The time is the base of a comparison (`比去年同期`, `较上年`, `同比2020年`), which scopes no
    /// figure.
    base: bool,
    /// It names the figure's own span in its year ([`names_same_span`]).
    same_span: bool,
}

impl AsBase {
    /// What the time at `span`, written `written`, says.
    fn of(text: &str, span: &std::ops::Range<usize>, written: &str) -> Self {
        let before = text.get(..span.start).unwrap_or("");
        let after = text.get(span.end..).unwrap_or("");
        let same_span = names_same_span(written, after);
        // (比, 较, 同比, 与, 相比, 对比: each ends in 比, 较 or 与.)
        AsBase { base: same_span || ends_with_char(before, &['比', '较', '与']) || dates_a_base_before(before), same_span }
    }
}

/// Whether `before` ends with an earlier time compared with and an open bracket: the time in the
/// brackets says which it is (`较上期(2019年7月至9月)`, `比上年同期(2022年1-5月)`).
fn dates_a_base_before(before: &str) -> bool {
    let Some(before) = before.strip_suffix(['(', '（']) else { return false };
    let earlier = EARLIER.iter().filter(|w| before.ends_with(*w)).max_by_key(|w| w.len());
    earlier.is_some_and(|w| ends_with_char(&before[..before.len() - w.len()], &['比', '较', '与', '对']))
}

/// Whether a time names the figure's own span in its year ([`SAME_SPAN`]), in its words
/// (`去年同期`) or right after them (`2019年同期`).
fn names_same_span(written: &str, after: &str) -> bool {
    // (Every word of SAME_SPAN opens with 同: the words are tried only where a 同 stands, with
    // no substring searcher built per word.)
    after.starts_with('同') && SAME_SPAN.iter().any(|w| after.starts_with(w))
        || holds_last_byte(written, "同") && word_starts(written, "同").any(|k| SAME_SPAN.iter().any(|w| written[k..].starts_with(w)))
}

/// Whether `short` holds the last byte of `word`, which it must to hold the word: for the few
/// bytes of a time's own words, a plain search of the slice, which sets up no vector search
/// (most times hold no 同, and [`word_starts`] is asked only of those that may).
fn holds_last_byte(short: &str, word: &str) -> bool {
    word.as_bytes().last().is_some_and(|last| short.as_bytes().contains(last))
}

/// Whether a time says since when a figure is a record (`为1985年以来最高`, `创2015年以来新高`,
/// `为近五年最快`): it scopes no figure, not even the one it speaks of.
fn is_record_reference(written: &str, after: &str) -> bool {
    const RECORDS: &[&str] = &["最高", "最低", "最快", "最慢", "最好", "最多", "最少", "最大", "最小", "新高", "新低"];
    let since = written.ends_with("以来") || written.starts_with('近') || after.starts_with("以来");
    let after = after.strip_prefix("以来").unwrap_or(after);
    since && RECORDS.iter().any(|w| after.starts_with(w))
}

/// Whether a time is one of a list of examples (`春节、清明等时间节点`).
fn is_example(text: &str, end: usize) -> bool {
    let after = text.get(end..).unwrap_or("");
    after.starts_with('等') || after.starts_with('、')
}

/// Whether the day an "up to" time ends on (`截至6月底`) lies within a period that has ended.
fn until_within(ctx: &Context<'_>, until: usize, period: usize) -> bool {
    let (Value::Time(a), Value::Time(b)) = (&ctx.facts[until].value, &ctx.facts[period].value) else { return false };
    matches!((a.end, b.start, b.end), (Some(d), Some(s), Some(e)) if s <= d && d <= e)
}

/// Whether time fact `inner` lies within time fact `outer` (open bounds reach as far as they
/// go), and is less than a whole year.
fn within(ctx: &Context<'_>, inner: usize, outer: usize) -> bool {
    let (Value::Time(a), Value::Time(b)) = (&ctx.facts[inner].value, &ctx.facts[outer].value) else { return false };
    // A whole year is a period of its own (`今年` after `今年以来`), but for one year of the few a
    // review covers (`2022年` in a review of `过去五年`; not a year of `本世纪`).
    let reviewed = || matches!((b.start.and_then(|d| d.year), b.end.and_then(|d| d.year)), (Some(x), Some(y)) if x < y && y - x < 10);
    if is_full_year(a) && !reviewed() {
        return false;
    }
    let starts_after = match (a.start, b.start) {
        (_, None) => true,
        (Some(x), Some(y)) => x >= y,
        (None, Some(_)) => false,
    };
    let ends_before = match (a.end, b.end) {
        (_, None) => true,
        (Some(x), Some(y)) => x <= y,
        (None, Some(_)) => false,
    };
    starts_after && ends_before
}

/// Whether a time covers a month or more, or is open (and so carries into later paragraphs).
fn covers_a_period(t: &TimeRange) -> bool {
    // (A single day and a whole year, most times, answered without building the dates.)
    if t.start == t.end {
        return false;
    }
    if is_full_year(t) {
        return true;
    }
    match (t.start.and_then(PartialDate::to_date), t.end.and_then(PartialDate::to_date)) {
        (Some(a), Some(b)) => (b - a).get_days() >= 27,
        (None, None) => t.start.is_some() && t.end.is_some() && (t.start != t.end),
        _ => true,
    }
}

fn is_full_year(t: &TimeRange) -> bool {
    is_calendar_year(t.start, t.end)
}

/// Whether the bounds are 1 January and 31 December of one year.
fn is_calendar_year(start: Option<PartialDate>, end: Option<PartialDate>) -> bool {
    matches!((start, end), (Some(a), Some(b)) if a.year.is_some() && a.year == b.year && (a.month, a.day, b.month, b.day) == (1, 1, 12, 31))
}

/// The period a time fact gives, moved to the interview's year when it is a `今年` of the
/// publication date.
fn period_of(ctx: &Context<'_>, j: usize, turn_year: Option<i16>) -> Option<Period> {
    let Value::Time(t) = &ctx.facts[j].value else { return None };
    let shift = match (turn_year, t.relative, t.start.or(t.end).and_then(|d| d.year)) {
        (Some(y), true, Some(own)) if own > y && own - y <= 2 => own - y,
        _ => 0,
    };
    let end = if since(ctx, j) { None } else { t.end.map(|d| back(d, shift)) };
    Some(Period { start: t.start.map(|d| back(d, shift)), end, from: Some(j) })
}

/// [`period_of`] of the last time and interview year asked about, kept for the next figure.
#[derive(Default)]
struct LastPeriod(Option<(usize, Option<i16>, Option<Period>)>);

impl LastPeriod {
    fn of(&mut self, ctx: &Context<'_>, j: usize, turn_year: Option<i16>) -> Option<Period> {
        if let Some((k, year, period)) = &self.0
            && (*k, *year) == (j, turn_year)
        {
            return period.clone();
        }
        let period = period_of(ctx, j, turn_year);
        self.0 = Some((j, turn_year, period.clone()));
        period
    }
}

/// Whether time `j` opens a stretch up to now that its clause closes with 以来 after a few words
/// (`自2009年6月30日开放陆资来台投资以来`): a period from it, with no end. (`自…以来` written
/// together is one time fact already.)
fn since(ctx: &Context<'_>, j: usize) -> bool {
    let span = &ctx.spans[j];
    // (Read in the normalized text, where 從 is 从.)
    // (Each character compared by its bytes, not decoded.)
    let opened = ctx.text.get(span.clone()).is_some_and(|t| t.starts_with('自') || t.starts_with('从'))
        || ctx.text.get(..span.start).is_some_and(|b| ends_with_char(b, &['自', '从']));
    if !opened {
        return false;
    }
    let after = ctx.text.get(span.end..).unwrap_or("");
    let clause = &after[..after.find(|c: char| super::is_clause_mark(c) || c == '。').unwrap_or(after.len())];
    clause.chars().count() <= 24 && clause.ends_with("以来")
}

/// `截至目前`: up to the latest `截至` date of the text (`截至6月底…截至目前` → the end of June),
/// from the start of the year in scope (the period reported on, else the reference year); the
/// end is open when no `截至` date is written.
fn now(ctx: &Context<'_>, last_until: Option<usize>, current: Option<usize>) -> Option<Period> {
    if let Some(j) = last_until
        && let Value::Time(t) = &ctx.facts[j].value
    {
        return Some(Period { start: None, end: t.end, from: Some(j) });
    }
    let year = current.and_then(|j| scope_year(ctx, Scope::Time(j))).or(ctx.reference.map(|r| r.date.year()))?;
    Some(Period { start: Some(PartialDate::new(year, 1, 1)), end: None, from: None })
}

/// The year a scope is in: the year its period ends in (or starts in, when open).
fn scope_year(ctx: &Context<'_>, scope: Scope) -> Option<i16> {
    match scope {
        Scope::Time(j) => match &ctx.facts[j].value {
            Value::Time(t) => t.end.or(t.start).and_then(|d| d.year),
            _ => None,
        },
        Scope::Year(y) => Some(y),
        Scope::Through { from, .. } => scope_year(ctx, Scope::Time(from)),
        Scope::Now | Scope::YearOf(_) => None,
    }
}

/// Whether time fact `j` is a day reached with 到 (`到年底`, `到6月底`) and the words from it to
/// `figure` say what is added by then (`新增`, `累计`, `新登记`).
fn adds_by(ctx: &Context<'_>, j: usize, figure: usize) -> bool {
    let span = &ctx.spans[j];
    let reached = ctx.text[..span.start].ends_with('到') || ctx.text[span.clone()].starts_with('到');
    reached
        && ctx.text.get(span.end..figure).is_some_and(|w| {
            w.chars().count() <= 24
                && !w.contains(|c: char| super::is_clause_mark(c))
                && ADDITIONS.iter().any(|a| w.contains(a))
                // (Not the level it is raised to: `到年底余额增加到500亿元`.)
                && !w.ends_with(['到', '至'])
        })
}

/// Time facts `a` and `b` of one sentence as a [`Scope::Through`]: one a `截至` day, the other
/// a period (not a day) that holds that day.
fn through(ctx: &Context<'_>, a: usize, b: usize) -> Option<Scope> {
    let (Value::Time(ta), Value::Time(tb)) = (&ctx.facts[a].value, &ctx.facts[b].value) else { return None };
    let is_until = |t: &TimeRange| t.start.is_none() && t.end.is_some();
    let (from, until, period, day) = match (is_until(ta), is_until(tb)) {
        (true, false) => (b, a, tb, ta.end?),
        (false, true) => (a, b, ta, tb.end?),
        _ => return None,
    };
    let holds = period.start.is_some_and(|s| s <= day) && period.end.is_none_or(|e| day <= e) && !is_single_day(period);
    holds.then_some(Scope::Through { from, until })
}

/// Whether a time fact has no end (`今年以来`).
fn is_open(ctx: &Context<'_>, j: usize) -> bool {
    matches!(&ctx.facts[j].value, Value::Time(t) if t.end.is_none())
}

/// Whether the period `wider` begins before `period` and runs at least to its end (`五年来`
/// after `2025年`).
fn widens(ctx: &Context<'_>, period: usize, wider: usize) -> bool {
    match (&ctx.facts[period].value, &ctx.facts[wider].value) {
        (Value::Time(p), Value::Time(w)) => match (p.start, w.start, p.end, w.end) {
            (Some(ps), Some(ws), Some(pe), we) => ws < ps && we.is_none_or(|we| we >= pe),
            _ => false,
        },
        _ => false,
    }
}

/// Whether two time facts start on the same day.
fn same_start(ctx: &Context<'_>, a: usize, b: usize) -> bool {
    matches!((&ctx.facts[a].value, &ctx.facts[b].value), (Value::Time(x), Value::Time(y)) if x.start.is_some() && x.start == y.start)
}

/// Whether a time is a single day (`4月28日`, `年末`).
fn is_single_day(t: &TimeRange) -> bool {
    t.start.is_some() && t.start == t.end
}

/// Whether a line opens with an enumeration's item marker (`一是`, `二是`, `其一`).
fn is_item(ctx: &Context<'_>, line: usize) -> bool {
    let Some(range) = ctx.layout.lines.get(line) else { return false };
    opens_item(trim_start(&ctx.text[range.clone()]))
}

/// The numerals an item marker counts with.
const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/// Whether `text` opens with an item marker: a numeral and 是, or 其 and a numeral. (Read by
/// bytes, not decoded: each character of a marker takes three.)
fn opens_item(text: &str) -> bool {
    let bytes = text.as_bytes();
    let numeral_at = |k: usize| bytes.get(k..k + 3).is_some_and(|c| NUMERALS.iter().any(|n| n.as_bytes() == c));
    bytes.get(3..6) == Some("是".as_bytes()) && numeral_at(0) || bytes.starts_with("其".as_bytes()) && numeral_at(3)
}

/// Whether a line is a chart's or table's caption (`图2 2019-2023年城镇新增就业人数`,
/// `表1:…`): its times describe the chart, not the text around it.
fn is_caption(ctx: &Context<'_>, line: usize) -> bool {
    let Some(range) = ctx.layout.lines.get(line) else { return false };
    let text = trim_start(&ctx.text[range.clone()]);
    let Some(rest) = text.strip_prefix(['图', '表']) else { return false };
    let rest = rest.trim_start();
    rest.starts_with(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c)) && text.chars().count() <= 60
}

/// [`is_caption`], kept in `last` for the next time of the same line.
fn is_caption_kept(ctx: &Context<'_>, line: usize, last: &mut Option<(usize, bool)>) -> bool {
    match *last {
        Some((l, caption)) if l == line => caption,
        _ => {
            let caption = is_caption(ctx, line);
            *last = Some((line, caption));
            caption
        }
    }
}

/// Verbs of an event that a date after 于 can tell (`已于3月开工`).
const EVENT_VERBS: &[&str] = &[
    "开工", "投产", "竣工", "完工", "建成", "签约", "签署", "开业", "举行", "举办", "召开", "落地", "启动", "开幕", "成立", "注册", "揭牌",
    "通车",
];

/// For each byte, whether it is the third of an event verb: the last of its first character.
const EVENT_THIRD_BYTES: [bool; 256] = {
    let mut third = [false; 256];
    let mut k = 0;
    while k < EVENT_VERBS.len() {
        let bytes = EVENT_VERBS[k].as_bytes();
        if bytes.len() > 2 {
            third[bytes[2] as usize] = true;
        }
        k += 1;
    }
    third
};

/// Whether `after` may open with an event verb: its third byte is one of theirs (each verb's
/// first character takes three).
fn may_open_event_verb(after: &str) -> bool {
    after.as_bytes().get(2).is_some_and(|&b| EVENT_THIRD_BYTES[usize::from(b)])
}

/// Whether time `i` dates an event inside a clause (`某项目已于3月开工,计划投资20亿元`): after 于
/// and before an event's verb with no figure of its own in the clause, it says when that
/// happened, not what period the figures around it cover.
fn is_event_date(ctx: &Context<'_>, i: usize) -> bool {
    let span = &ctx.spans[i];
    let after = ctx.text.get(span.end..).unwrap_or("");
    // (The verbs tried only when the first character after the date begins one, and it is
    // decoded only when its third byte is one of theirs: most are not.)
    if !may_open_event_verb(after) {
        return false;
    }
    static EVENTS: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::in_order(EVENT_VERBS.iter().copied()));
    let Some(verb) = EVENTS.prefix(after) else { return false };
    let before = ctx.text.get(..span.start).unwrap_or("");
    // (A clause that opens with `于3月` is scoped by it; `项目已于…` is not. A date after a word of
    // expectation or plan, `预计明年5月投产`, `计划年底竣工`, dates the event too.)
    let subject = before.strip_suffix('于').and_then(|b| b.chars().next_back()).is_some_and(|c| !super::is_clause_mark(c) && c != '。')
        || ["预计", "计划", "拟", "有望", "可望", "力争", "争取", "确保"].iter().any(|w| before.ends_with(w));
    // (A clause looked at for 40 characters at most.)
    let clause_end = after.char_indices().take(40).find(|&(_, c)| super::is_clause_mark(c) || c == '。').map_or(after.len(), |(k, _)| k);
    let figure_in_clause = ctx.spans.get(i + 1).is_some_and(|s| s.start < span.end + clause_end) && ctx.facts[i + 1].is_figure();
    subject && verb.len() <= clause_end && !figure_in_clause
}

/// Whether a time is the earlier end of a change written as `由2020年的7.2%提升至7.4%` or
/// `是2015年的2倍`: it dates only the figure right after it, which the text marks itself.
fn is_base_year(text: &str, span: &std::ops::Range<usize>) -> bool {
    // (The character after first: most times are followed by no 的.)
    let after = text.get(span.end..).unwrap_or("");
    // (A count of years may stand between: `是1950年到2002年53年的总和`. Asked only after a digit.)
    let of_years = || {
        after.starts_with(|c: char| c.is_ascii_digit() || "一二三四五六七八九十两".contains(c))
            && after.trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十两".contains(c)).starts_with("年的")
    };
    (after.starts_with('的') || of_years()) && {
        let before = head_before(text, span);
        ["由", "从", "是", "为", "相当于", "恢复到", "恢复至"].iter().any(|w| before.ends_with(w))
    }
}

/// The text before the time at `span`, with the 从 or 由 its span may open with (`从2018年的`):
/// the words before a time are read as they were written. (Not of a span from one time to
/// another, `从1979年到1982年的四年内`: that is a period, not where a rise starts.)
fn head_before<'t>(text: &'t str, span: &std::ops::Range<usize>) -> &'t str {
    let time = text.get(span.clone()).unwrap_or("");
    let lead = time
        .chars()
        .next()
        .filter(|c| matches!(c, '从' | '由') && !time.contains(['到', '至', '-', '—', '～', '~']))
        .map_or(0, char::len_utf8);
    text.get(..span.start + lead).unwrap_or("")
}

/// A date `years` earlier (29 February becomes 28 February).
fn back(d: PartialDate, years: i16) -> PartialDate {
    if years == 0 {
        return d;
    }
    let year = d.year.map(|y| y - years);
    let day = if d.month == 2 && d.day == 29 { 28 } else { d.day };
    PartialDate { year, month: d.month, day }
}

/// The whole calendar year a period falls in (a target's period).
fn whole_year(p: Period) -> Period {
    match p.end.or(p.start).map(|d| d.year) {
        Some(Some(y)) => Period { start: Some(PartialDate::new(y, 1, 1)), end: Some(PartialDate::new(y, 12, 31)), from: p.from },
        // (A year nothing tells: `XXXX-01-01/XXXX-12-31`.)
        Some(None) => Period {
            start: Some(PartialDate { year: None, month: 1, day: 1 }),
            end: Some(PartialDate { year: None, month: 12, day: 31 }),
            from: p.from,
        },
        None => p,
    }
}

/// Words after a base year that make the base the figure's own span in that year (`去年同期`,
/// `去年同月`).
/// (Each opens with 同, which is looked for first.)
const SAME_SPAN: &[&str] = &["同期", "同月", "同季", "同日"];

/// Role words written after a percentage (`录得41.7%的减幅`, `33.1%增幅`): it is a change.
const CHANGE_AFTER: &[&str] =
    &["的增幅", "的减幅", "的降幅", "的跌幅", "的升幅", "的增长", "的下降", "增幅", "减幅", "降幅", "跌幅", "升幅"];

/// Words before a change that compare two places or two measures at one time (`高于全国`,
/// `比规模以上工业快`): a gap, which has no base period.
const GAP_CUES: &[&str] = &["高于", "低于", "快于", "慢于", "高出", "低出", "领先", "落后"];

/// What follows 比 (or 较, 与) when it compares with an earlier time: the base is then the
/// figure's own period a year earlier (`比上年`, `比去年同期`), the period just before it
/// (`比上月`, `比上季度`: [`PREVIOUS_PERIOD`]), or the time written there.
const EARLIER: &[&str] = &[
    "上年",
    "去年",
    "上一年",
    "前一年",
    "同期",
    "上年同期",
    "去年同期",
    "上年末",
    "去年末",
    "上年底",
    "去年底",
    "上月",
    "上季",
    "上一季",
    "上期",
];

/// Words by which a rate quickened or slowed, which the percent recognizer gives no role.
const RATE_CHANGES: &[&str] = &["加快", "放缓", "减缓", "收窄", "回升", "加速", "减速"];

/// Words that compare with the period just before (环比; quarter on quarter, month on month).
/// (Hong Kong compares `與對上一季比較`, with the quarter just before.)
const PREVIOUS_PERIOD: &[&str] = &[
    "环比",
    "按季",
    "按月",
    "较上月",
    "比上月",
    "较上季",
    "比上季",
    "较上一季",
    "比上一季",
    "与上月",
    "与上季",
    "与上一季",
    "对上月",
    "对上一个月",
    "对上季",
    "对上一季",
    // (The period just before, of whatever length the figure's is: a release of a rolling
    // three months, `较上期下跌0.1%`.)
    "较上期",
    "比上期",
    "与上期",
    "对上期",
    // (Hong Kong's quarter written as months: `与对上三个月比较`.)
    "对上三个月",
];

/// The base period of a change: a growth or decline in percent or points, or an amount by which
/// a figure grew (`比上年增加63公顷`).
///
/// - A time written as the base (`比2019年`, `较“十三五”时期`, `比上半年`) is the base; one
///   followed by 同期 is the figure's own period in that year.
/// - 环比 (and 按季, 较上月: [`PREVIOUS_PERIOD`]) compares with the period just before, of the
///   same length.
/// - An average yearly growth (`年均增长`) and a change over several years (`5年增长`, a
///   five-year review's period) compare with the year before the span.
/// - Otherwise a change over time compares with the same period a year earlier — whether the text
///   writes it (`同比`, `比上年`, `按年`), writes it once for a list (`一季度同比增长5%,二季度增长6%`)
///   or leaves it to the reader, as statistical releases do.
/// - A gap between places or measures (`高于全国1.7个百分点`, `比规模以上工业快4.6个百分点`)
///   has none.
fn base_period(ctx: &Context<'_>, notes: &[Notes], records: &[Option<Box<Record>>], as_base: &[AsBase], i: usize) -> Option<Period> {
    let is_change = match &ctx.facts[i].value {
        Value::Percent(p) => {
            matches!(p.role, Some(Role::Growth | Role::Decline))
                || p.role.is_none() && {
                    // (After the run's last figure: `录得41.7%、31.1%及52.2%的减幅`.)
                    let (first, len) = notes[i].run;
                    CHANGE_AFTER.iter().any(|w| ctx.text[ctx.spans[first + len - 1].end..].starts_with(w))
                        // (A rate that quickened or slowed: `比上年加快0.2个百分点`.)
                        || {
                            let head = ctx.text[..ctx.spans[i].start].trim_end();
                            RATE_CHANGES.iter().any(|w| head.ends_with(w))
                        }
                        // (A rate named as a growth rate: `居民消费价格涨幅2%左右`, `增速6%`.)
                        || notes[i].words.as_ref().and_then(|r| ctx.text.get(r.clone())).is_some_and(|w| {
                            let w = w.trim_end_matches(['为', '是', '达', '在']);
                            ["涨幅", "增幅", "增速", "降幅", "跌幅", "增长率"].iter().any(|e| w.ends_with(e))
                        })
                }
        }
        v => v.kind().is_figure() && notes[i].change,
    };
    if !is_change {
        return None;
    }
    let period = records[i].as_ref()?.period.as_ref()?;
    // A later figure of a run (`分别比2007年增加2.8平方米和5.5平方米`) has the first's base, when
    // they cover one period.
    let first = notes[i].run.0;
    if first < i
        && let Some(r) = records[first].as_ref()
        && r.period.as_ref() == Some(period)
        && r.compared_with.is_some()
    {
        return r.compared_with.clone();
    }
    // The words between the previous figure of the sentence (or its start) and this one.
    let lo = (0..i)
        .rev()
        .take(16)
        .take_while(|&j| notes[j].sentence == notes[i].sentence)
        .find(|&j| ctx.facts[j].is_figure())
        .map_or(notes[i].sentence, |j| ctx.spans[j].end);
    let start = ctx.spans[i].start;
    let words = ctx.text.get(lo.min(start)..start).unwrap_or("");
    let written = (0..i).rev().take(16).take_while(|&j| ctx.spans[j].start >= lo).find(|&j| as_base[j].base);
    let shifted = |from| Period { start: period.start.map(|d| back(d, 1)), end: period.end.map(|d| back(d, 1)), from };
    if let Some(j) = written {
        // `去年同期`, and a relative base (`比上年`: resolved against the publication date, not
        // against the figure's period): the figure's period a year earlier.
        let relative = matches!(&ctx.facts[j].value, Value::Time(t) if t.relative);
        let same_span = as_base[j].same_span;
        // (A year's 同期, `比2019年同期`: the figure's span in that year.)
        let named_year = match &ctx.facts[j].value {
            Value::Time(t) if !relative => t.start.and_then(|d| d.year).zip(period.start.and_then(|d| d.year)),
            _ => None,
        };
        if same_span
            && let Some((year, own)) = named_year
            && year < own
        {
            let years = own - year;
            return Some(Period { start: period.start.map(|d| back(d, years)), end: period.end.map(|d| back(d, years)), from: Some(j) });
        }
        if same_span {
            return Some(shifted(Some(j)));
        }
        // `比上月`, `比上季度`: the period just before the figure's own, whatever month the text
        // was published in; `比上月末`, the last day of that period.
        if relative && ["上月", "上个月", "上季", "上一季"].iter().any(|w| ctx.facts[j].text.starts_with(w)) {
            let day = matches!(&ctx.facts[j].value, Value::Time(t) if t.start.is_some() && t.start == t.end);
            return previous_period(period)
                .map(|p| if day { Period { start: p.end, end: p.end, from: Some(j) } } else { Period { from: Some(j), ..p } });
        }
        // `比上年` without 同期: the year before, whole (a harvest reported in autumn compared
        // with last year's).
        if relative && !is_partial_year(&ctx.facts[j].value) {
            return match (&ctx.facts[j].value, period.start.and_then(|d| d.year)) {
                // (A day, `比去年底`, `比上年末`: that day, whatever day the figure stands on.)
                (Value::Time(t), _) if t.start.is_some() && t.start == t.end => Some(Period { start: t.start, end: t.end, from: Some(j) }),
                (Value::Time(t), Some(y)) if is_full_year(t) && !is_full_year_period(period) => Some(whole_year_of(y - 1, Some(j))),
                _ => Some(shifted(Some(j))),
            };
        }
        if let Value::Time(t) = &ctx.facts[j].value {
            return Some(Period { start: t.start, end: t.end, from: Some(j) });
        }
    }
    let cues = BaseCues::read(words);
    // A level compared with the start of its year (`较年初增长6.2%`, `比年初增加`): that day.
    if cues.year_start {
        let year = period.end.or(period.start)?.year?;
        return Some(Period { start: Some(PartialDate::new(year, 1, 1)), end: Some(PartialDate::new(year, 1, 1)), from: None });
    }
    // (Before the test for a gap: `与对上一季比较` compares with a time, though 比 is written.)
    if !cues.previous && is_gap(words, cues.gap) {
        return None;
    }
    // A rate right after an amount of change in its sentence, with no base of its own, shares
    // that one's (`比上年减少12万吨,下降1.4%`); so does a rate after a rate of change of the same
    // period (`较上期下跌0.1%,其中甲区下跌0.3%`: the parts are compared as the whole is).
    if !cues.base
        && let Some(base) = (0..i)
            .rev()
            .take(4)
            .take_while(|&j| notes[j].sentence == notes[i].sentence)
            .find(|&j| ctx.facts[j].is_figure())
            .filter(|&j| {
                notes[j].change && !matches!(ctx.facts[j].value, Value::Percent(_))
                    || matches!(&ctx.facts[j].value, Value::Percent(p) if matches!(p.role, Some(Role::Growth | Role::Decline)))
            })
            .and_then(|j| records[j].as_ref())
            .filter(|r| r.period.as_ref() == Some(period))
            .and_then(|r| r.compared_with.clone())
    {
        return Some(base);
    }
    if cues.previous {
        return previous_period(period);
    }
    let (first, last) = (period.start.and_then(|d| d.year), period.end.and_then(|d| d.year));
    let several_years = matches!((first, last), (Some(a), Some(b)) if b > a);
    if cues.yearly || several_years {
        if several_years || first.is_none() {
            return period.start.and_then(|d| d.year).map(|y| whole_year_of(y - 1, None));
        }
        // `比2007年增长60.9%,年均增长12.6%`: the year compared with earlier in the sentence.
        let base = (0..i).rev().take(16).take_while(|&j| notes[j].sentence == notes[i].sentence).find(|&j| as_base[j].base);
        if let Some(Value::Time(t)) = base.map(|j| &ctx.facts[j].value) {
            return Some(Period { start: t.start, end: t.end, from: base });
        }
    }
    Some(shifted(None))
}

/// Words that compare a level with the start of its year.
const YEAR_START: &[&str] = &["比年初", "较年初", "与年初"];
/// Words that name a change's base themselves, besides [`PREVIOUS_PERIOD`]'s.
const OWN_BASE: &[&str] = &["同比", "环比", "按年", "年均"];

/// What the words before a change say of its base, found in one reading of them (a word list
/// each read them once per list).
#[derive(Clone, Copy, Default)]
struct BaseCues {
    /// A word of [`YEAR_START`].
    year_start: bool,
    /// A word of [`PREVIOUS_PERIOD`].
    previous: bool,
    /// A word of [`GAP_CUES`].
    gap: bool,
    /// A word of [`OWN_BASE`] or of [`PREVIOUS_PERIOD`].
    base: bool,
    /// 年均: an average yearly growth.
    yearly: bool,
}

impl BaseCues {
    // (Not inlined: the lexicon's search, inlined with it into the long loop of periods_among,
    // costs more per character there than in a function of its own.)
    #[inline(never)]
    fn read(words: &str) -> Self {
        static CUES: LazyLock<Lexicon> =
            LazyLock::new(|| Lexicon::new(YEAR_START.iter().chain(PREVIOUS_PERIOD).chain(GAP_CUES).chain(OWN_BASE).copied()));
        let cues = std::cell::Cell::new(BaseCues::default());
        // (Each word found, wherever it stands, is noted, and the search goes on: refused by
        // `keep`, it is offered every word of the lexicon the words hold.)
        CUES.find_where(words, |_, w| {
            let mut found = cues.get();
            found.year_start |= YEAR_START.contains(&w);
            found.previous |= PREVIOUS_PERIOD.contains(&w);
            found.gap |= GAP_CUES.contains(&w);
            found.base |= OWN_BASE.contains(&w) || PREVIOUS_PERIOD.contains(&w);
            found.yearly |= w == "年均";
            cues.set(found);
            false
        });
        cues.get()
    }
}

/// Whether a relative time names a part of a year (`上半年`, `一季度`) rather than a year
/// (`上年`): as a base it is that part itself, not the figure's period a year back.
fn is_partial_year(v: &Value) -> bool {
    matches!(v, Value::Time(t) if !is_full_year(t) && !matches!((t.start, t.end), (Some(a), Some(b)) if a == b && a.month == 12 && a.day == 31))
}

/// Whether the words before a change compare two places or measures at one time: 高于/低于 …
/// (`cued`: they hold a word of [`GAP_CUES`]), or 比 followed by something that is not an
/// earlier time (`比规模以上工业快`).
fn is_gap(words: &str, cued: bool) -> bool {
    if cued {
        return true;
    }
    let Some(at) = rfind_word(words, "比") else { return false };
    if ends_with_char(&words[..at], &['同', '环', '对']) {
        return false;
    }
    let after = &words[at + '比'.len_utf8()..];
    // A time written after 比 is a fact of its own and was taken as the base before this runs;
    // what is left after 比 is a time word (上年, 同期) or something else to compare with.
    !after.is_empty() && !EARLIER.iter().any(|w| after.starts_with(w)) && !after.starts_with(|c: char| c.is_ascii_digit())
}

/// The period just before `period`, of the same length in months (环比: a quarter's previous
/// quarter, a month's previous month).
fn previous_period(period: &Period) -> Option<Period> {
    let (a, b) = (period.start?, period.end?);
    // (A year the text never names, `10月份…环比`, stays unnamed, within its year: reckoned in a
    // leap year, as a month of an unknown year is as long as it can be.)
    const UNKNOWN: i16 = 2000;
    let unknown = a.year.is_none() && b.year.is_none();
    let year_of = |d: PartialDate| if unknown { Some(UNKNOWN) } else { d.year };
    let months = (i32::from(year_of(b)?) * 12 + i32::from(b.month)) - (i32::from(year_of(a)?) * 12 + i32::from(a.month)) + 1;
    let shift = |d: PartialDate, last: bool| -> Option<PartialDate> {
        let index = i32::from(year_of(d)?) * 12 + i32::from(d.month) - 1 - months;
        let (year, month) = (index.div_euclid(12), index.rem_euclid(12) + 1);
        let day = if last { jiff::civil::Date::new(year as i16, month as i8, 1).ok()?.last_of_month().day() } else { 1 };
        if unknown {
            return (year == i32::from(UNKNOWN)).then_some(PartialDate { year: None, month: month as i8, day });
        }
        Some(PartialDate::new(year as i16, month as i8, day))
    };
    Some(Period { start: Some(shift(a, false)?), end: Some(shift(b, true)?), from: None })
}

/// Whether a period is one whole calendar year.
fn is_full_year_period(p: &Period) -> bool {
    matches!((p.start, p.end), (Some(a), Some(b)) if a.year == b.year && (a.month, a.day, b.month, b.day) == (1, 1, 12, 31))
}

/// Whether a figure is the level a change starts from: `由X提升至Y`, `从X增加到Y`.
fn starts_a_rise(text: &str, span: &std::ops::Range<usize>) -> bool {
    let before = head_before(text, span);
    if !ends_with_char(before, &['由', '从']) {
        return false;
    }
    let after = text.get(span.end..).unwrap_or("");
    let verb = &after[..after.char_indices().nth(4).map_or(after.len(), |(k, _)| k)];
    verb.starts_with(['提', '增', '升', '扩', '降', '减', '缩', '跃', '上', '下', '攀', '突'])
        && verb.chars().skip(1).take(3).any(|c| c == '至' || c == '到')
}

/// The calendar year `year` as a period.
fn whole_year_of(year: i16, from: Option<usize>) -> Period {
    Period { start: Some(PartialDate::new(year, 1, 1)), end: Some(PartialDate::new(year, 12, 31)), from }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`Markers`] finds the markers leftmost and not overlapping: that is all of them only if
    /// none can overlap another (no marker's end is another's start).
    #[test]
    fn no_marker_overlaps_another() {
        let markers: Vec<&str> = PLAN_MARKERS.iter().chain(NOW_MARKERS).copied().collect();
        for a in &markers {
            for b in &markers {
                assert!(a == b || !a.contains(b), "{a} holds {b}");
                for (k, _) in a.char_indices().skip(1) {
                    assert!(!b.starts_with(&a[k..]), "{a} ends with the start of {b}");
                }
            }
        }
    }

    /// [`now_before`] answers as [`stands_now`] of the stretch a count reads, whichever counts
    /// of the sentence ask before it.
    #[test]
    fn now_seen_answers_as_stands_now() {
        let text = "截至目前,全市有企业10家,目前在产矿热炉36台,目前已签约5个,至目前共计8个,目前园区拥有15家企业,建成48台";
        for step in 1..4 {
            let mut seen = LastInSentence::default();
            for (to, _) in text.char_indices().step_by(step) {
                assert_eq!(now_before(&mut seen, text, 0, to), stands_now(super::super::recent(text, 0, to)), "{step} {to}");
            }
        }
    }

    /// [`ClauseCues::read`] answers as the searches it replaces: a lexicon of each list over
    /// the whole clause, and the words before each 年.
    #[test]
    fn clause_cues_answer_as_the_searches_they_replace() {
        let per = Lexicon::new(PER_PERIOD.iter().copied());
        let capacity = Lexicon::new(CAPACITY_WORDS.iter().copied());
        let searched = |clause: &str| ClauseCues {
            per_period: per.occurs_in(clause),
            capacity: capacity.occurs_in(clause),
            expected: clause.match_indices('年').any(|(k, _)| EXPECTED.iter().any(|w| clause[..k].ends_with(w))),
        };
        let clauses =
            ["", "每", "后", "年", "每年接待", "达产后年产值", "预计年产值", "预计实现年销售收入", "a年", "年年", "可达年", "建成后每年"];
        for clause in clauses {
            assert_eq!(ClauseCues::read(clause), searched(clause), "{clause}");
        }
        // Clauses a small generator draws from the words' characters, characters that share
        // their last bytes (济 ends as 后 does, in 0x8E; 经 as 每, 0x8F; 暴 as 年, 0xB4), and ASCII.
        let alphabet = [
            '每', '年', '月', '季', '度', '后', '达', '产', '建', '成', '预', '计', '可', '实', '现', '新', '增', '济', '经', '暴', '1',
            ',',
        ];
        for clause in crate::link::drawn_texts(11, 20000, 10, &alphabet) {
            assert_eq!(ClauseCues::read(&clause), searched(&clause), "{clause}");
        }
    }

    /// [`word_starts`] finds where `str::match_indices` does (of words that cannot overlap
    /// themselves), and [`holds_so_far`] answers as a lexicon of [`SO_FAR`] does.
    #[test]
    fn word_starts_answers_as_match_indices() {
        let texts = [
            "",
            "全年",
            "全全年年",
            "全年目标,全年的",
            "a全年b全",
            "《规划》",
            "同期同比",
            "现已",
            "目前已经,至今已",
            "已已",
            "经济同",
            "5亿元全年",
        ];
        for s in texts {
            for word in ["全年", "全", "同", "《", "已", "年", "a", "1"] {
                assert_eq!(
                    word_starts(s, word).collect::<Vec<_>>(),
                    s.match_indices(word).map(|(k, _)| k).collect::<Vec<_>>(),
                    "{s} {word}"
                );
            }
            assert_eq!(word_starts(s, "").next(), None, "an empty word is found nowhere");
        }
        let so_far = Lexicon::new(SO_FAR.iter().copied());
        let alphabet = ['现', '已', '目', '前', '在', '至', '今', '经', '全', '年', '1', ','];
        for s in crate::link::drawn_texts(5, 20000, 10, &alphabet) {
            assert_eq!(holds_so_far(&s), so_far.occurs_in(&s), "{s}");
            assert_eq!(word_starts(&s, "全年").collect::<Vec<_>>(), s.match_indices("全年").map(|(k, _)| k).collect::<Vec<_>>(), "{s}");
        }
    }

    /// [`holds_last_byte`] answers yes wherever [`word_starts`] finds the word, and
    /// [`names_same_span`] as the search of the time's words alone did.
    #[test]
    fn holds_last_byte_is_true_where_the_word_stands() {
        // (铜 ends in 同's last byte.)
        let alphabet = ['同', '期', '月', '季', '日', '铜', '年', '去', '2', '-'];
        for s in crate::link::drawn_texts(23, 20000, 8, &alphabet) {
            for word in ["同", "同期", "年"] {
                let last = *word.as_bytes().last().unwrap();
                assert_eq!(holds_last_byte(&s, word), s.bytes().any(|b| b == last), "{s} {word}");
                assert!(word_starts(&s, word).next().is_none() || holds_last_byte(&s, word), "{s} {word}");
            }
            let searched = word_starts(&s, "同").any(|k| SAME_SPAN.iter().any(|w| s[k..].starts_with(w)));
            assert_eq!(names_same_span(&s, ""), searched, "{s}");
        }
        assert!(!holds_last_byte("同", ""), "an empty word is held nowhere, as word_starts finds it nowhere");
    }

    /// [`opens_item`] answers as the characters' test it replaces.
    #[test]
    fn opens_item_answers_as_the_characters_do() {
        let decoded = |text: &str| {
            let mut chars = text.chars();
            match (chars.next(), chars.next()) {
                (Some(n), Some('是')) => "一二三四五六七八九十".contains(n),
                (Some('其'), Some(n)) => "一二三四五六七八九十".contains(n),
                _ => false,
            }
        };
        // (昰 shares 是's first two bytes; 共 其's.)
        let alphabet = ["一", "是", "其", "二", "十", "百", "昰", "共", "a", " ", "其一", "三是"];
        for text in crate::link::drawn_texts(13, 20000, 4, &alphabet) {
            assert_eq!(opens_item(&text), decoded(&text), "{text}");
        }
    }

    /// [`ends_with_any`] answers as its words alone do on drawn texts.
    #[test]
    fn ends_with_any_answers_as_its_words_do() {
        // (镇 and 标 end in one byte, 0x87, as 道 and 体 do, 务 and 模, 积 and 躯: the last
        // character is compared after its byte.)
        let alphabet = ["区", "镇", "标", "道", "体", "务", "模", "积", "躯", "(", ")", "、", "乡镇", "街道", "目标", "计划", "面", "a"];
        for s in crate::link::drawn_texts(31, 20000, 6, &alphabet) {
            for (words, lasts) in [
                (STANDING_SUBJECTS, &STANDING_SUBJECTS_LAST[..]),
                (TARGET_WORDS, &TARGET_LAST[..]),
                (STOCKS, &STOCKS_LAST[..]),
                (SIZE_WORDS, &SIZE_LAST[..]),
            ] {
                assert_eq!(ends_with_any(&s, lasts, words), words.iter().any(|w| s.ends_with(w)), "{s}");
            }
        }
    }

    /// [`two_marks_before`] counts the 、 after the last comma of its bytes, and answers yes
    /// wherever the stretch [`is_enumeration_count`] reads back holds two.
    #[test]
    fn two_marks_before_holds_the_enumeration_stretch() {
        // (Characters of one to four bytes, the stops, and 、 and 丁, which shares its last byte.)
        let alphabet = ["、", "、", "区", "丁", "a", "é", "𠀀", ",", "，", ";", "。", "\n", "等", "三个"];
        for text in crate::link::drawn_texts(19, 3000, 160, &alphabet) {
            for (pos, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let reach = &text.as_bytes()[pos.saturating_sub(super::super::REACH * 4)..pos];
                let window = reach.iter().rposition(|&b| b == b',').map_or(reach, |k| &reach[k + 1..]);
                let counted = window.windows(3).filter(|w| *w == "、".as_bytes()).count();
                assert_eq!(two_marks_before(&text, pos), counted >= 2, "{text} {pos}");
                let start = super::super::back_to(&text, pos, 0, is_enumeration_stop);
                assert!(text[start..pos].matches('、').count() < 2 || two_marks_before(&text, pos), "{text} {pos}");
            }
        }
    }

    /// [`may_open_event_verb`] answers yes wherever a verb of [`EVENT_VERBS`] opens the text.
    #[test]
    fn may_open_event_verb_where_a_verb_opens() {
        assert!(EVENT_VERBS.iter().all(|v| v.chars().next().is_some_and(|c| c.len_utf8() == 3)));
        let events = Lexicon::in_order(EVENT_VERBS.iter().copied());
        let alphabet = ["开", "工", "投", "产", "建", "成", "签", "约", "年", "月", "于", "a", "1", "é"];
        for s in crate::link::drawn_texts(43, 20000, 4, &alphabet).iter().map(String::as_str).chain(EVENT_VERBS.iter().copied()) {
            assert!(events.prefix(s).is_none() || may_open_event_verb(s), "{s}");
        }
        assert!(!may_open_event_verb("年"), "{:?}", "年".as_bytes());
    }

    /// [`GapCues::read`] answers as [`holds_so_far`] of the words since the last fact and
    /// [`holds_whole_year`] of the whole, wherever the last fact ends.
    #[test]
    fn gap_cues_answer_as_the_searches_they_replace() {
        let alphabet = ['现', '已', '目', '前', '在', '至', '今', '全', '年', '标', '的', '务', '任', '暴', '1', ','];
        for s in crate::link::drawn_texts(3, 20000, 10, &alphabet) {
            for (gap, _) in s.char_indices().chain([(s.len(), ' ')]) {
                let searched = GapCues { so_far: holds_so_far(&s[gap..]), whole_year: holds_whole_year(&s) };
                assert_eq!(GapCues::read(&s, gap), searched, "{s} {gap}");
            }
        }
    }

    /// [`HaveWords::read`] answers as the lexicon of [`STANDING_WORDS`] and the search for 共有
    /// it replaces, and
    /// [`capacity_before`] as a search of each stretch for 后 by the standard library does.
    #[test]
    fn standing_and_capacity_words_are_found_as_before() {
        let standing = Lexicon::new(STANDING_WORDS.iter().copied());
        let capacity_in = |text: &str, from: usize, to: usize| {
            let mut last = None;
            for (k, _) in text.get(from..to).unwrap_or("").match_indices('后') {
                let end = from + k + '后'.len_utf8();
                if let Some(w) = CAPACITY_WORDS.iter().find(|w| text[..end].ends_with(*w) && end - w.len() >= from) {
                    last = Some(end - w.len());
                }
            }
            last
        };
        let alphabet = ['现', '已', '拥', '有', '下', '辖', '量', '共', '达', '产', '后', '建', '成', '济', '1', ','];
        for s in crate::link::drawn_texts(9, 20000, 12, &alphabet) {
            let searched = standing.find_where(&s, |k, w| !s[k + w.len()..].starts_with('量')).is_some();
            assert_eq!(HaveWords::read(&s), HaveWords { standing: searched, total: s.contains("共有") }, "{s}");
            let mut seen = LastInSentence::default();
            let mut reference = LastInSentence::default();
            let longest = CAPACITY_WORDS.iter().map(|w| w.len()).max().unwrap_or(0);
            for (to, _) in s.char_indices().chain([(s.len(), ' ')]) {
                let expected = reference
                    .last(&s, 0, to, longest, |from, to| capacity_in(&s, from, to))
                    .is_some_and(|p| p >= to.saturating_sub(super::super::SENTENCE_REACH * 3));
                assert_eq!(capacity_before(&mut seen, &s, 0, to), expected, "{s} {to}");
            }
        }
    }

    /// [`AsBase`] answers as the tests it replaces, and [`covers_a_period`]'s shortcuts as the
    /// dates do.
    #[test]
    fn as_base_and_periods_answer_as_before() {
        let text = "比2019年同期,较上年,同比去年同期增长,与2020年,2021年1-6月,同期";
        for written in ["2019年", "去年同期", "上年", "2020年", "1-6月", "同期"] {
            for (start, _) in text.match_indices(written) {
                let span = start..start + written.len();
                let (before, after) = (&text[..span.start], &text[span.end..]);
                let base = names_same_span(written, after) || before.ends_with(['比', '较', '与']);
                let found = AsBase::of(text, &span, written);
                assert_eq!((found.base, found.same_span), (base, names_same_span(written, after)), "{written} {start}");
            }
        }
        let day = |y: Option<i16>, m: i8, d: i8| Some(PartialDate { year: y, month: m, day: d });
        let dated = |start: Option<PartialDate>, end: Option<PartialDate>| match (
            start.and_then(PartialDate::to_date),
            end.and_then(PartialDate::to_date),
        ) {
            (Some(a), Some(b)) => (b - a).get_days() >= 27,
            (None, None) => start.is_some() && end.is_some() && (start != end),
            _ => true,
        };
        let dates = [
            None,
            day(Some(2023), 1, 1),
            day(Some(2023), 12, 31),
            day(Some(2023), 1, 20),
            day(None, 1, 1),
            day(None, 12, 31),
            day(Some(2023), 2, 30),
        ];
        for start in dates {
            for end in dates {
                let t = TimeRange { start, end, relative: false };
                assert_eq!(covers_a_period(&t), dated(start, end), "{start:?} {end:?}");
            }
        }
    }

    /// The periods' tests look for one character of these words before the words.
    #[test]
    fn marker_words_hold_the_characters_looked_for() {
        assert!(SAME_SPAN.iter().all(|w| w.starts_with('同')));
        assert!(SO_FAR.iter().all(|w| w.ends_with('已')));
        assert!(PER_PERIOD.iter().all(|w| w.starts_with('每')));
        assert!(CAPACITY_WORDS.iter().all(|w| w.ends_with('后')));
        for (words, lasts) in [
            (STOCKS, &STOCKS_LAST[..]),
            (SIZE_WORDS, &SIZE_LAST[..]),
            (TARGET_WORDS, &TARGET_LAST[..]),
            (STANDING_SUBJECTS, &STANDING_SUBJECTS_LAST[..]),
            (ATTRIBUTE_AREAS, &['积'][..]),
        ] {
            assert!(words.iter().all(|w| w.ends_with(lasts)), "{words:?}");
            // (ends_with_any answers as the words alone do.)
            for s in words.iter().map(|w| format!("a{w}")).chain(["".into(), "项目".into(), "积".into(), "区".into()]) {
                assert_eq!(ends_with_any(&s, lasts, words), words.iter().any(|w| s.ends_with(w)), "{s}");
            }
        }
    }
}
