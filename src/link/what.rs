//! What a figure measures: its indicator, as a short noun phrase an analyst would use as a
//! column name (`新签约项目`, `合同投资额`, `到位资金`).
//!
//! The words come from the figure's own clause: what stands between the clause's start (a
//! comma, a colon, a bracket, the previous fact) and the figure, less the words that only say
//! whose it is (全市, 我市), when, or how it is hedged (达, 约, 合计). A count's indicator is
//! the thing counted (the count's `subject`) unless its clause says more. A percentage's
//! indicator is that of the figure it qualifies, unless its own words name a rate (开工率) or a
//! share (占比). A figure with no words of its own that follows another of its kind in a list
//! (`投资1亿元、5亿元和10亿元以上项目`, `693批次1.3万人次`) shares its indicator.

use super::{Context, Notes};
use crate::fact::{Indicator, Record, Span, Value};

/// Words at the start of a clause that say whose or when a figure is, or link it to the
/// sentence, and are no part of what it measures. Longest first where one is a prefix of
/// another.
const LEADING: &[&str] = &[
    "我们",
    "我局",
    "我委",
    "截至目前",
    "截止目前",
    "据统计",
    "据了解",
    "全市",
    "我市",
    "本市",
    "全县",
    "我县",
    "本县",
    "全区",
    "我区",
    "本区",
    "全省",
    "我省",
    "本省",
    "全州",
    "全国",
    "新区",
    "其中",
    "共计",
    "合计",
    "累计",
    "共",
    "已",
    "并",
    "还",
    "又",
    "先后",
    "分别",
    "同时",
    "另外",
    "此外",
    "目前",
    "全年",
    "当年",
    "现场",
    "会上",
    "期间",
    "总计",
    "和",
    "及",
    "与",
    "以及",
];

/// Words at the end of the words before a figure that say how it is reached or hedged.
const TRAILING: &[&str] = &[
    "上涨",
    "下跌",
    "平均为",
    "平均",
    "同比增长",
    "同比下降",
    "同比增加",
    "同比减少",
    "同比提高",
    "同比上升",
    "增长",
    "下降",
    "增加",
    "减少",
    "提高",
    "降低",
    "上升",
    "回落",
    "降至",
    "降到",
    "升至",
    "升到",
    "提高到",
    "提高至",
    "下降到",
    "下降至",
    "增长到",
    "增长至",
    "增至",
    "减至",
    "降低到",
    "降低至",
    "完成",
    "约为",
    "分别为",
    "分别是",
    "分别达",
    "分别",
    "达到",
    "高达",
    "约为",
    "总计",
    "共计",
    "合计",
    "累计",
    "超过",
    "突破",
    "不足",
    "不到",
    "达",
    "为",
    "是",
    "共",
    "计",
    "近",
    "超",
    "逾",
    "有",
    "了",
    "至",
    "到",
    "均",
    "仅",
    "只",
    "占",
    "过",
];

/// The first characters of [`LEADING`] and the last of [`TRAILING`] (and 约), sorted.
static LEADING_FIRST: std::sync::LazyLock<Vec<char>> =
    std::sync::LazyLock::new(|| sorted_chars(LEADING.iter().filter_map(|w| w.chars().next())));
static TRAILING_LAST: std::sync::LazyLock<Vec<char>> =
    std::sync::LazyLock::new(|| sorted_chars(TRAILING.iter().filter_map(|w| w.chars().next_back()).chain(['约'])));

fn sorted_chars(chars: impl Iterator<Item = char>) -> Vec<char> {
    let mut v: Vec<char> = chars.collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Words that make a clause's words a rate or share of their own (a percentage's indicator is
/// then its own words, not the qualified figure's).
const RATE_ENDINGS: &[&str] = &["率", "占比", "比重", "比例", "增速", "增幅", "占有率"];

/// Find each figure's own words.
pub fn words(ctx: &Context<'_>, notes: &mut [Notes]) {
    for (i, fact) in ctx.facts.iter().enumerate() {
        if !fact.is_figure() {
            continue;
        }
        let start = ctx.spans[i].start;
        // A threshold before the words is part of them (`新签约亿元以上项目168个`).
        let mut from = notes[i].clause;
        if let Some(j) = i.checked_sub(1)
            && ctx.spans[j].end <= from
            && matches!(ctx.facts[j].value, crate::fact::Value::Money(_))
            && ctx.text[ctx.spans[j].end..from].is_empty()
            && ["以上", "以下"].iter().any(|w| ctx.text[ctx.spans[j].end..start].starts_with(w))
        {
            from = notes[j].clause.min(from);
        }
        let mut range = trim(ctx.text, from..start);
        // Nothing but an aside between the words and the figure (`地区生产总值(GDP)1543.2亿元`):
        // the words before the aside.
        if range.is_empty() && ctx.text[..from].ends_with([')', '）']) {
            let sentence = notes[i].sentence.min(from);
            if let Some(open) = ctx.text[sentence..from].rfind(['(', '（']).map(|k| sentence + k) {
                let clause = super::back_to(ctx.text, open, sentence, super::is_clause_mark);
                range = trim(ctx.text, clause..open);
            }
        }
        notes[i].words = (!range.is_empty()).then_some(range);
        notes[i].change = !matches!(fact.value, Value::Percent(_)) && states_change(&ctx.text[notes[i].clause.min(start)..start]);
    }
}

/// Verbs that say by how much something changed: a figure right after one is the change, not the
/// level (`比上年增加63公顷`; but `增加到`, `增至` are followed by the level).
const CHANGE_VERBS: &[&str] =
    &["增加", "减少", "增长", "下降", "提高", "降低", "提升", "扩大", "缩小", "回落", "上升", "下跌", "上涨", "减产", "增产"];

/// Whether the words before a figure end with a verb of change (`比上年减少`, `增加了`).
fn states_change(words: &str) -> bool {
    let words = words.trim_end();
    let words = words.strip_suffix('了').unwrap_or(words);
    CHANGE_VERBS.iter().any(|v| words.ends_with(v))
}

/// Trim the words that are no part of an indicator from both ends of `range`, and cut after the
/// last 了 or 的 (the verb or modifier before the noun: `策划征集了总投资`).
fn trim(text: &str, mut range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    if let Some(i) = text[range.clone()].rfind(['了', '的']) {
        // (了 and 的 are both three bytes.)
        range.start += i + '了'.len_utf8();
    }
    'lead: loop {
        let s = &text[range.clone()];
        // (Most words start with none of the listed words: one lookup rejects them.)
        if s.chars().next().is_none_or(|c| LEADING_FIRST.binary_search(&c).is_err()) {
            break;
        }
        for w in LEADING {
            if s.starts_with(w) && s.len() > w.len() {
                range.start += w.len();
                continue 'lead;
            }
        }
        break;
    }
    'trail: loop {
        let s = &text[range.clone()];
        if s.chars().next_back().is_none_or(|c| TRAILING_LAST.binary_search(&c).is_err()) {
            break;
        }
        for w in TRAILING {
            if s.ends_with(w) {
                range.end -= w.len();
                continue 'trail;
            }
        }
        // 约 hedges a figure (`客商约230户`) except where it ends a word (签约, 合约).
        if s.ends_with('约') && !["签约", "合约", "契约", "公约", "条约", "节约", "预约", "制约"].iter().any(|w| s.ends_with(w))
        {
            range.end -= '约'.len_utf8();
            continue;
        }
        break;
    }
    // List words and prepositions alone say nothing (`和5亿元`, `对10亿元以上项目`).
    if ["和", "及", "与", "或", "以及", "、", "对", "向", "在", "从", "为", "把", "将", "按", "给"].contains(&&text[range.clone()])
    {
        range.end = range.start;
    }
    range
}

/// Whether `s` names a rate or a share.
pub(crate) fn names_rate(s: &str) -> bool {
    RATE_ENDINGS.iter().any(|e| s.ends_with(e) && s.chars().count() > e.chars().count() + 1)
}

/// Words that only say how a percentage relates (占比, 同比增长), with nothing of what it
/// measures.
fn is_role_only(s: &str) -> bool {
    const ROLE: &[&str] =
        &["占比", "比重", "占", "同比", "增长", "下降", "提高", "降低", "增加", "减少", "上升", "回落", "完成", "比", "较", "分别"];
    let mut rest = s;
    while !rest.is_empty() {
        match ROLE.iter().find(|w| rest.starts_with(**w)) {
            Some(w) => rest = &rest[w.len()..],
            None => return false,
        }
    }
    true
}

/// Fill every figure's indicator from its words, its subject, the figure it qualifies or the
/// figure it follows in a list.
pub fn indicators(ctx: &Context<'_>, notes: &[Notes], records: &mut [Option<Record>]) {
    let text = ctx.text;
    for i in 0..ctx.facts.len() {
        if records[i].is_none() {
            continue;
        }
        let own = notes[i].words.clone().filter(|r| !is_role_only(&text[r.clone()])).map(|r| (text[r.clone()].to_owned(), Some(r)));
        let indicator = match &ctx.facts[i].value {
            Value::Count(c) => count_indicator(ctx, notes, i, own, c.subject.as_deref()),
            Value::Percent(_) => {
                let of = records[i].as_ref().and_then(|r| r.of);
                match (&own, of) {
                    (Some((w, _)), _) if names_rate(w) => own,
                    (_, Some(j)) if j < i => records[j].as_ref().and_then(|r| r.indicator.clone()).map(|ind| (ind.text, None)),
                    _ => own.or_else(|| parenthetical(ctx, notes, i)),
                }
            }
            _ => own,
        };
        let indicator = indicator.or_else(|| listed_after(ctx, notes, records, i));
        if let Some(r) = records[i].as_mut() {
            r.indicator = indicator
                .map(|(t, range)| (t.replace(['“', '”', '"'], ""), range))
                .filter(|(t, _)| !t.is_empty())
                .map(|(text, range)| Indicator { text, span: range.map(|r| Span::from(ctx.map.to_original(r))).filter(|s| !s.is_empty()) });
        }
    }
}

/// Characters that end a noun phrase naming what is counted (项目, 企业, 客商, 线索 ...).
const NOUN_HEADS: &str = "目业商索队户家资额金人员部会品构所校链园场台次批项件案宗问师者班组团议同体点位厂房专";

fn ends_with_noun(s: &str) -> bool {
    s.chars().last().is_some_and(|c| NOUN_HEADS.contains(c))
}

/// A count's indicator: the words before it when they name what is counted (`新签约项目52个`),
/// else the noun phrase after it (`组建11个招商小分队`), else its subject.
fn count_indicator(
    ctx: &Context<'_>,
    notes: &[Notes],
    i: usize,
    own: Option<(String, Option<std::ops::Range<usize>>)>,
    subject: Option<&str>,
) -> Option<(String, Option<std::ops::Range<usize>>)> {
    // The noun phrase after the count, unless it is the next figure's words (`34个合同引资51.61亿元`).
    let following = following_words(ctx, i).and_then(|r| {
        let next_is_figure = ctx.spans.get(i + 1).is_some_and(|s| s.start == r.end) && ctx.facts[i + 1].is_figure();
        if next_is_figure { None } else { noun_phrase(ctx.text, r) }
    });
    if let Some((w, _)) = &own
        && ends_with_noun(w)
        && (following.is_none() || !notes[i].periodless)
    {
        return own;
    }
    if let Some(range) = head_after_modifiers(ctx, i) {
        return Some((ctx.text[range.clone()].to_owned(), Some(range)));
    }
    if let Some(mut range) = following {
        // 家 and 户 count organisations: `160多家企业负责人` counts 企业.
        let Value::Count(c) = &ctx.facts[i].value else { unreachable!("a count") };
        if matches!(c.classifier.as_str(), "家" | "户") {
            for w in ["负责人", "代表", "人员", "员工", "家属"] {
                if ctx.text[range.clone()].ends_with(w) && range.len() > w.len() {
                    range.end -= w.len();
                }
            }
        }
        return Some((ctx.text[range.clone()].to_owned(), Some(range)));
    }
    match subject {
        Some(s) => Some((s.to_owned(), subject_span(ctx, i, s))),
        None => own,
    }
}

/// Verbs that make a noun compound with the noun after them (`签约项目`, `推介项目`).
const COMPOUND_VERBS: &[&str] = &[
    "签约", "推介", "招商", "对接", "引进", "投资", "开工", "建设", "合作", "在谈", "储备", "谋划", "考察", "竣工", "投产", "落地", "入驻",
    "新建", "续建", "在建", "拟建", "签订", "回访",
];

/// The noun phrase at the start of `range` (`重点项目配备了…` → 重点项目, `停滞项目重新启动` →
/// 停滞项目), by jieba's parts of speech: words up to an adverb, a conjunction, a particle, a
/// time or a punctuation mark, or a verb once a noun has been read; ending on its last noun.
fn noun_phrase(text: &str, range: std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
    let words = crate::segment::words_in(text, range.clone());
    let is_noun = |tag: &str| tag.starts_with('n') || matches!(tag, "j" | "l" | "vn" | "an" | "nz");
    let mut end = None;
    let mut seen_noun = false;
    for (k, w) in words.iter().enumerate() {
        let tag = w.tag;
        if matches!(w.text, "“" | "”" | "\"") {
            continue;
        }
        // A verb before a noun that makes a compound with it (签约项目, 推介项目) continues.
        let compound = COMPOUND_VERBS.contains(&w.text) && words.get(k + 1).is_some_and(|n| is_noun(n.tag));
        let stop = tag.starts_with('d')
            || tag.starts_with('c')
            || tag.starts_with('u')
            || tag.starts_with('p')
            || tag.starts_with('r')
            || matches!(tag, "x" | "f" | "t" | "i" | "y" | "e" | "o")
            || (tag.starts_with('v') && tag != "vn" && seen_noun && !compound);
        if stop {
            break;
        }
        if is_noun(tag) {
            seen_noun = true;
            end = Some(w.end);
        }
    }
    end.map(|e| range.start..e)
}

/// The noun at the end of a list of modifiers after a count (`39名懂业务、懂经济…的干部`): the
/// words after the first 的 that follows a list (、), up to a clause mark.
fn head_after_modifiers(ctx: &Context<'_>, i: usize) -> Option<std::ops::Range<usize>> {
    let start = ctx.spans[i].end;
    let limit = ctx.spans.get(i + 1).map_or(ctx.text.len(), |s| s.start.max(start));
    let words = ctx.text.get(start..limit)?;
    let mut de = None;
    let mut listed = false;
    for (n, (k, c)) in words.char_indices().enumerate() {
        if n >= 40 || super::is_sentence_mark(c) || c == ',' {
            return None;
        }
        listed |= c == '、';
        if c == '的' {
            de = Some(start + k + c.len_utf8());
            break;
        }
    }
    if !listed {
        return None;
    }
    let from = de?;
    let mut end = from;
    for (n, (k, c)) in ctx.text[from..limit].char_indices().enumerate() {
        if super::is_clause_mark(c) || n >= 6 {
            break;
        }
        end = from + k + c.len_utf8();
        // The first noun head ends the phrase (`的干部充实…` → 干部).
        if n >= 1 && NOUN_HEADS.contains(c) {
            break;
        }
    }
    (end > from && ends_with_noun(&ctx.text[from..end])).then_some(from..end)
}

/// The noun phrase right after a count, up to the next clause mark or fact (at most twelve
/// characters), without a closing 中 or 等.
pub(crate) fn following_words(ctx: &Context<'_>, i: usize) -> Option<std::ops::Range<usize>> {
    let mut range = following_words_raw(ctx, i)?;
    for w in ["中", "等"] {
        if ctx.text[range.clone()].ends_with(w) {
            range.end -= w.len();
        }
    }
    (!range.is_empty()).then_some(range)
}

/// The words right after a fact up to the next clause mark or fact, at most twelve characters
/// (quotation marks are read through).
pub(crate) fn following_words_raw(ctx: &Context<'_>, i: usize) -> Option<std::ops::Range<usize>> {
    let start = ctx.spans[i].end;
    let limit = ctx.spans.get(i + 1).map_or(ctx.text.len(), |s| s.start.max(start));
    let mut end = start;
    let words = ctx.text.get(start..limit)?;
    for (n, (k, c)) in words.char_indices().enumerate() {
        // The predicate starts: `8支招商小分队共签约项目…`.
        let predicate = [
            "共", "累计", "已", "均", "共计", "总计", "合计", "分别", "先后", "新签", "和", "及", "与", "开展", "进行", "实施", "推进",
            "实现", "参加", "参与",
        ]
        .iter()
        .any(|w| words[k..].starts_with(w));
        if matches!(c, '“' | '”' | '"') && n < 10 {
            continue;
        }
        if super::is_clause_mark(c) || n >= 12 || n > 0 && predicate {
            break;
        }
        end = start + k + c.len_utf8();
    }
    (end > start).then_some(start..end)
}

/// The span of a count's subject: right after the count (`组建11个招商小分队`) or right before
/// it (`新签约项目52个`).
fn subject_span(ctx: &Context<'_>, i: usize, subject: &str) -> Option<std::ops::Range<usize>> {
    let span = &ctx.spans[i];
    if ctx.text[span.end..].starts_with(subject) {
        return Some(span.end..span.end + subject.len());
    }
    ctx.text[..span.start].ends_with(subject).then(|| span.start - subject.len()..span.start)
}

/// A figure that opens a parenthesis with no words of its own (`(占比为45%)`) takes the words
/// before the parenthesis.
fn parenthetical(ctx: &Context<'_>, notes: &[Notes], i: usize) -> Option<(String, Option<std::ops::Range<usize>>)> {
    let open = notes[i].paren?;
    let start = super::back_to(ctx.text, open, notes[i].sentence, super::is_clause_mark);
    let range = trim(ctx.text, start..open);
    let range = trim_comparison(ctx.text, range);
    (!range.is_empty()).then(|| (ctx.text[range.clone()].to_owned(), Some(range)))
}

/// Drop a leading 比 / 较 (`比自治区下达任务`).
fn trim_comparison(text: &str, mut range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    for w in ["比", "较", "高于", "低于"] {
        if text[range.clone()].starts_with(w) {
            range.start += w.len();
        }
    }
    range
}

/// The indicator of the figure this one follows in a list: the previous figure of the same
/// kind in the sentence, when only list words stand between them.
fn listed_after(
    ctx: &Context<'_>,
    notes: &[Notes],
    records: &[Option<Record>],
    i: usize,
) -> Option<(String, Option<std::ops::Range<usize>>)> {
    let j = i.checked_sub(1)?;
    if !ctx.facts[j].is_figure() || notes[j].sentence != notes[i].sentence {
        return None;
    }
    let between = ctx.text.get(ctx.spans[j].end..ctx.spans[i].start)?;
    let listed = between.chars().all(|c| matches!(c, '、' | '和' | '及' | ',' | '与' | '或' | ' ' | '至' | '到'));
    if !listed || ctx.facts[j].kind() != ctx.facts[i].kind() && !between.is_empty() {
        return None;
    }
    records[j].as_ref()?.indicator.as_ref().map(|ind| (ind.text.clone(), None))
}

/// Make a count's subject agree with its indicator: the thing counted is what the indicator
/// names (the subject the count recognizer read from a few words around the number gives way
/// to the record's reading of the clause when the indicator does not contain it).
pub fn agree(fact: &mut crate::fact::Fact) {
    let indicator = fact.record.as_ref().and_then(|r| r.indicator.as_ref()).map(|i| i.text.clone());
    if let (Value::Count(c), Some(indicator)) = (&mut fact.value, indicator)
        && !c.subject.as_deref().is_some_and(|s| indicator.contains(s))
    {
        c.subject = Some(indicator);
    }
}
