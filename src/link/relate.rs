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

use super::{Context, Notes};
use crate::PercentUnit;
use crate::fact::{Record, Value};

/// 其中, searched in every gap between facts with memchr's SIMD substring search.
static QIZHONG: std::sync::LazyLock<memchr::memmem::Finder<'static>> = std::sync::LazyLock::new(|| memchr::memmem::Finder::new("其中"));

/// How many facts back a relation is looked for.
const BACK: usize = 24;

/// Fill `of` for every percentage.
pub fn qualifies(ctx: &Context<'_>, notes: &[Notes], records: &mut [Option<Record>]) {
    for i in 0..ctx.facts.len() {
        let Value::Percent(p) = &ctx.facts[i].value else { continue };
        let mut of = None;
        for j in (0..i).rev().take(BACK) {
            if notes[j].sentence != notes[i].sentence {
                break;
            }
            let fact = &ctx.facts[j];
            if !fact.is_figure() {
                continue;
            }
            // An aside: skip it, unless the percentage is in the same aside.
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
            // A rate that names itself (`失业率`) qualifies a figure about the same thing only
            // (`49个项目已开工建设,项目开工率…` but not `新增就业1244万人,…失业率`).
            if let Some(stem) = rate_stem(ctx, notes, i)
                && !clause_around(ctx, notes, j).contains(stem)
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
    let end = ctx.spans[j].end;
    let rest = &ctx.text[end..];
    let stop = rest
        .char_indices()
        .take(super::REACH)
        .find(|&(_, c)| super::is_clause_mark(c))
        .map_or(rest.len().min(super::REACH * 3), |(k, _)| k);
    ctx.text.get(start..end + stop).unwrap_or("")
}

/// Fill `part_of` for the figures listed under 其中.
pub fn parts(ctx: &Context<'_>, notes: &[Notes], records: &mut [Option<Record>]) {
    let text = ctx.text;
    // The facts that can be wholes: those before the latest cue, in its sentence or the one
    // before when the cue opens a sentence.
    let mut cue: Option<(usize, usize)> = None; // (sentence of the cue, first fact index that may be a whole)
    let mut prev_sentence_first = 0;
    let mut sentence_first = 0;
    let mut sentence = usize::MAX;
    let mut last_end = 0;
    for i in 0..ctx.facts.len() {
        let span = ctx.spans[i].clone();
        if notes[i].sentence != sentence {
            sentence = notes[i].sentence;
            prev_sentence_first = sentence_first;
            sentence_first = i;
            if cue.is_some_and(|(s, _)| s != sentence) {
                cue = None;
            }
        }
        let gap_start = last_end.clamp(notes[i].sentence.min(span.start), span.start);
        let gap = text.get(gap_start..span.start).unwrap_or("");
        if let Some(at) = QIZHONG.find(gap.as_bytes()) {
            let opens_sentence = text[notes[i].sentence..gap_start + at].chars().all(|c| !c.is_alphanumeric());
            let first = if opens_sentence { prev_sentence_first } else { sentence_first };
            cue = Some((sentence, first));
        }
        last_end = last_end.max(span.end);
        // `…106个新签约项目中,`: the count is the whole of what follows.
        if matches!(ctx.facts[i].value, Value::Count(_)) && opens_parts(ctx, i) {
            cue = Some((sentence, i));
            continue;
        }
        let Some((_, first)) = cue else { continue };
        if !ctx.facts[i].is_figure() || matches!(ctx.facts[i].value, Value::Percent(_)) || notes[i].periodless {
            continue;
        }
        let whole = (first..i)
            .rev()
            .take(BACK)
            .filter(|&j| ctx.spans[j].end <= span.start)
            .find(|&j| same_unit(&ctx.facts[j].value, &ctx.facts[i].value) && cue_before(ctx, notes, j, i) && !notes[j].periodless);
        if let (Some(w), Some(r)) = (whole, records[i].as_mut()) {
            r.part_of = Some(w);
        }
    }
}

/// Whether `j` stands before the cue that makes `i` a part: there is a 其中 (or `中,`) between
/// them.
fn cue_before(ctx: &Context<'_>, _notes: &[Notes], j: usize, i: usize) -> bool {
    let between = ctx.text.get(ctx.spans[j].end..ctx.spans[i].start).unwrap_or("");
    between.contains("其中") || matches!(ctx.facts[j].value, Value::Count(_)) && opens_parts(ctx, j)
}

/// `106个新签约项目中,`: a count whose noun phrase ends in 中 before a comma opens a list of its
/// parts.
fn opens_parts(ctx: &Context<'_>, i: usize) -> bool {
    let Some(words) = super::what::following_words_raw(ctx, i) else { return false };
    let after = ctx.text.get(words.end..).unwrap_or("");
    ctx.text[words].ends_with('中') && after.starts_with([',', '，'])
}

/// Whether two figures can be a part and its whole: money in one currency, counts with one
/// classifier, quantities in one unit.
fn same_unit(whole: &Value, part: &Value) -> bool {
    match (whole, part) {
        (Value::Money(a), Value::Money(b)) => a.currency == b.currency,
        (Value::Count(a), Value::Count(b)) => a.classifier == b.classifier,
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
pub fn contradictions(ctx: &Context<'_>, records: &[Option<Record>], warnings: &mut Vec<String>) {
    use std::collections::BTreeMap;
    let mut parts: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, r) in records.iter().enumerate() {
        if let Some(w) = r.as_ref().and_then(|r| r.part_of) {
            parts.entry(w).or_default().push(i);
        }
    }
    for (&w, ps) in &parts {
        let Some((whole, exact)) = value_of(&ctx.facts[w].value) else { continue };
        if !exact {
            continue;
        }
        let mut sum = Decimal::ZERO;
        let mut all_exact = true;
        for &p in ps {
            match value_of(&ctx.facts[p].value) {
                Some((v, e)) => {
                    sum += v;
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
        let share = x / w * Decimal::ONE_HUNDRED;
        // Rounding: half a unit of the last digit written, plus the parts' own rounding.
        let written = p.value;
        let tolerance = Decimal::new(5, written.scale() + 1).max(Decimal::new(1, 1)) + Decimal::ONE;
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
