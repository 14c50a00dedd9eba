//! Percentages and percentage points: `11.73%`, `百分之三十五`, `21.5个百分点`, `-8.92%`, with
//! what they measure (growth, decline, share, completion, rate) read from the words before.

use std::sync::LazyLock;

use regex::Regex;
use rust_decimal::Decimal;

use super::{Candidate, Context, Found, Recognizer, merge_ranges, qualifier_around, skip_spaces};
use crate::fact::{self, PercentUnit, Role, Value};
use crate::number::{NumberMention, char_before, is_chinese_numeral_char, spaced_number_at};

/// Finds percentages.
#[derive(Debug, Clone, Copy, Default)]
pub struct Percent;

/// Words before a percentage that say what it measures, matched backwards from the number; the
/// nearest wins. Single characters count only right before the number (`高21.5个百分点`,
/// `同比增11%`), since inside words they mean other things (`高达`, `增速`).
const ROLE_WORDS: &[(&str, Role)] = &[
    ("增长", Role::Growth),
    ("增加", Role::Growth),
    ("提高", Role::Growth),
    ("上升", Role::Growth),
    ("增幅", Role::Growth),
    ("上涨", Role::Growth),
    ("提升", Role::Growth),
    ("增速", Role::Growth),
    ("高出", Role::Growth),
    ("多出", Role::Growth),
    // (Taiwan's and Hong Kong's words: `年成长25%`, `升幅`, `衰退`, `跌幅`, `减幅`.)
    ("成长", Role::Growth),
    ("升幅", Role::Growth),
    ("下降", Role::Decline),
    ("减少", Role::Decline),
    ("降低", Role::Decline),
    ("回落", Role::Decline),
    ("降幅", Role::Decline),
    ("下滑", Role::Decline),
    ("下跌", Role::Decline),
    ("收窄", Role::Decline),
    ("衰退", Role::Decline),
    ("跌幅", Role::Decline),
    ("减幅", Role::Decline),
    ("占比", Role::Share),
    ("比重", Role::Share),
    ("份额", Role::Share),
    ("占", Role::Share),
    ("完成", Role::Completion),
    ("率", Role::Rate),
    // (The share of items that grew or lost: `增长面为68.4%`, `企业亏损面12%`.)
    ("增长面", Role::Rate),
    ("下降面", Role::Rate),
    ("亏损面", Role::Rate),
];

const ADJACENT_ROLE_CHARS: &[(char, Role)] = &[
    ('增', Role::Growth),
    ('涨', Role::Growth),
    ('高', Role::Growth),
    ('降', Role::Decline),
    ('减', Role::Decline),
    ('低', Role::Decline),
];

/// The role of a percentage starting at `start`, from the clause before it.
fn role(text: &str, start: usize) -> Option<Role> {
    let mut head = &text[..start];
    // Linking words between the role word and the number: 增长了, 占比为, 达到.
    let link = |h: &str| {
        for w in ["了", "为", "达到", "达", "到", "至", "是", "约", "近", "超过", "分别"] {
            if let Some(r) = h.strip_suffix(w) {
                return Some((r.len(), w == "至" || w == "到" || w == "达到"));
            }
        }
        None
    };
    let mut level = false;
    while let Some((n, to)) = link(head) {
        level |= to;
        head = &head[..n];
    }
    if let Some(c) = head.chars().next_back()
        && let Some(&(_, r)) = ADJACENT_ROLE_CHARS.iter().find(|(a, _)| *a == c)
        && !level
    {
        return Some(r);
    }
    // Scan back through the clause (a list separator 、 or 和 does not end it), at most
    // `REACH` characters (a text without punctuation would otherwise be read back to its start
    // for every percentage).
    const REACH: usize = 200;
    let clause_start = head
        .char_indices()
        .rev()
        .take(REACH)
        .find(|&(_, c)| matches!(c, ',' | ';' | '。' | ':' | '(' | '\n' | '!' | '?'))
        .map_or_else(|| head.char_indices().rev().take(REACH).last().map_or(0, |(i, _)| i), |(i, c)| i + c.len_utf8());
    let clause = &head[clause_start..];
    // The role word that ends last in the clause (the first listed of those ending there): one
    // pass back from the clause's end, instead of a search of the clause for every word.
    let (end, r) = clause.char_indices().rev().find_map(|(i, c)| {
        let end = i + c.len_utf8();
        ROLE_WORDS.iter().find(|(w, _)| w.ends_with(c) && clause[..end].ends_with(w)).map(|&(_, r)| (end, r))
    })?;
    // 降至, 增长到, 提高到: the number is the level reached, not the change.
    let level_after = clause[end..].starts_with(['至', '到']) || level;
    match r {
        Role::Growth | Role::Decline if level_after => clause[..end].contains('率').then_some(Role::Rate),
        _ => Some(r),
    }
}

impl Recognizer for Percent {
    fn name(&self) -> &'static str {
        "percent"
    }

    fn recognize(&self, ctx: &Context<'_>, found: &mut Found) {
        let text = ctx.text;
        let mut list: Vec<(std::ops::Range<usize>, fact::Percent)> = Vec::new();
        // 百分之三十五: the cue comes first, and the number after it may be spaced out.
        for cue in PER_HUNDRED.find_iter(text) {
            if char_before(text, cue.start()).is_some_and(|c| c.is_ascii_digit() || is_chinese_numeral_char(c))
                || found.is_claimed(&cue.range())
            {
                continue;
            }
            let (mut value, mut max, mut end) = if text[cue.end()..].starts_with('百') && !text[cue.end()..].starts_with("百分") {
                (Decimal::ONE_HUNDRED, None, cue.end() + '百'.len_utf8())
            } else {
                match spaced_number_at(text, cue.end()) {
                    // 百分之三十到四十: a range.
                    Some(m) if m.whole => (m.value, m.max, m.span.end),
                    _ => continue,
                }
            };
            // 百分之三十九点七到一九五七年: the time claimed the end of what read as a range; the
            // percentage is what comes before 到.
            if found.is_claimed(&(cue.start()..end)) {
                let Some(k) = text[cue.end()..end].find(['到', '至']).map(|k| cue.end() + k) else { continue };
                match spaced_number_at(&text[..k], cue.end()) {
                    Some(m) if m.whole && m.span.end == k && !found.is_claimed(&(cue.start()..k)) => (value, max, end) = (m.value, None, k),
                    _ => continue,
                }
            }
            // 负百分之三: a sign before the cue.
            let mut start = cue.start();
            if let Some(c @ ('负' | '-' | '−')) = char_before(text, start)
                && !char_before(text, start - c.len_utf8()).is_some_and(|b| b.is_ascii_digit() || b == '%')
            {
                (value, max) = negated(value, max);
                start -= c.len_utf8();
            }
            let role = role(text, start);
            list.push((start..end, fact::Percent { value, unit: PercentUnit::Percent, role, qualifier: None, max }));
        }
        // The 百分之 spans are in text order, their ends increasing: the first ending after a
        // number's start is the only one it can overlap.
        let cues = list.len();
        let numbers = ctx.numbers();
        let listed_points = listed_points(text, numbers);
        for (i, m) in numbers.iter().enumerate() {
            let next_cue = list[..cues].get(list[..cues].partition_point(|(s, _)| s.end <= m.span.start));
            if found.is_claimed(&m.span) || next_cue.is_some_and(|(s, _)| s.start < m.span.end) {
                continue;
            }
            let after = skip_spaces(text, m.span.end);
            // (`2个多百分点`: more than two points, 多 between the classifier and its noun.)
            let over = text[after..].starts_with("个多百分点");
            let (unit, mut start, end) = if text[after..].starts_with('%') {
                (PercentUnit::Percent, m.span.start, after + 1)
            } else if over {
                (PercentUnit::Point, m.span.start, after + "个多百分点".len())
            } else if let Some(rest) = ["个百分点", "百分点"].iter().find(|w| text[after..].starts_with(**w)) {
                (PercentUnit::Point, m.span.start, after + rest.len())
            } else if let Some(end) = listed_points[i] {
                (PercentUnit::Point, m.span.start, end)
            } else if let Some((value, max, end)) = tenths(text, m) {
                let (qualifier, _) = qualifier_around(text, m, end);
                let role = role(text, m.span.start).or(Some(Role::Share));
                list.push((m.span.start..end, fact::Percent { value, unit: PercentUnit::Percent, role, qualifier, max }));
                continue;
            } else {
                continue;
            };
            // A sign written before the number (not a range dash after a digit).
            let mut value = m.value;
            let mut max = m.max;
            if let Some(c @ ('-' | '+' | '−' | '负')) = char_before(text, start)
                && !char_before(text, start - c.len_utf8()).is_some_and(|b| b.is_ascii_digit() || b == '%')
            {
                if c != '+' {
                    (value, max) = negated(value, max);
                }
                start -= c.len_utf8();
            }
            let (qualifier, _) = qualifier_around(text, m, end);
            let qualifier = if over { Some(crate::Qualifier::Over) } else { qualifier };
            let role = role(text, start);
            list.push((start..end, fact::Percent { value, unit, role, qualifier, max }));
        }
        list.sort_by_key(|(span, _)| span.start);
        merge_ranges(text, &mut list, |a, b| a.unit == b.unit, |p| (p.value, p.max), |p, max| p.max = Some(max));
        for (span, p) in list {
            found.push(Candidate { span, value: Value::Percent(p) });
        }
    }
}

/// A value and its range bound with a minus sign written before them: a signed range
/// (`-8--88%`) runs from -8 to -88, so negated, its bounds change places and the value stays
/// the lower one.
fn negated(value: Decimal, max: Option<Decimal>) -> (Decimal, Option<Decimal>) {
    match max {
        Some(x) => (-x, Some(-value)),
        None => (-value, None),
    }
}

/// Words that begin with 成 and make it no share after a number (三成立, 一成不变, 五成员国).
const NOT_TENTHS: &[&str] = &[
    "成立",
    "成为",
    "成员",
    "成果",
    "成本",
    "成交",
    "成功",
    "成效",
    "成绩",
    "成就",
    "成熟",
    "成长",
    "成都",
    "成品",
    "成型",
    "成片",
    "成套",
    "成群",
    "成千",
    "成倍",
    "成批",
    "成规模",
    "成网",
    "成链",
    "成线",
    "成环",
    "成组",
    "成建制",
    "成体系",
    "成行",
    "成事",
    "成真",
    "成才",
    "成家",
    "成年",
    "成人",
    "成像",
    "成分",
    "成份",
    "成不变",
    "成方",
    "成形",
    "成文",
    "成册",
    "成对",
    "成串",
    "成堆",
];

/// A share written in tenths (`三成` = 30 %, `近八成`, `三到四成`, `九成九` = 99 %): the value, the
/// upper bound and where it ends. At most ten tenths, and no scale (`3万成` is nothing).
fn tenths(text: &str, m: &NumberMention) -> Option<(Decimal, Option<Decimal>, usize)> {
    let at = m.span.end;
    if !text[at..].starts_with('成') || NOT_TENTHS.iter().any(|w| text[at..].starts_with(w)) || m.scaled || m.value > Decimal::TEN {
        return None;
    }
    let mut end = at + '成'.len_utf8();
    let mut value = m.value * Decimal::TEN;
    // 九成九: a digit of hundredths after it, when no numeral follows that.
    if m.max.is_none()
        && let Some(c) = text[end..].chars().next()
        && let Some(d) = crate::number::chinese_digit(c)
        && !text[end + c.len_utf8()..].starts_with(|n: char| is_chinese_numeral_char(n) || n.is_ascii_digit())
    {
        value += Decimal::from(d);
        end += c.len_utf8();
    }
    Some((value.normalize(), m.max.map(|x| (x * Decimal::TEN).normalize()), end))
}

/// Whether a percent sign or a word for percentage points is written at `pos`.
pub(crate) fn unit_at(text: &str, pos: usize) -> bool {
    ["%", "个百分点", "百分点"].iter().any(|w| text[pos..].starts_with(w))
}

/// For each number, the end of its text when it is an item of a list whose last item is in
/// percentage points (`0.8个、3个百分点`, `1.2和0.9个百分点`): the number and a `个` after it.
fn listed_points(text: &str, numbers: &[NumberMention]) -> Vec<Option<usize>> {
    let mut out = vec![None; numbers.len()];
    // From the end, so that a list of any length passes the unit back item by item.
    for i in (0..numbers.len().saturating_sub(1)).rev() {
        let (m, next) = (&numbers[i], &numbers[i + 1]);
        let next_is_point = out[i + 1].is_some() || {
            let after = skip_spaces(text, next.span.end);
            text[after..].starts_with("个百分点") || text[after..].starts_with("百分点")
        };
        if !next_is_point {
            continue;
        }
        let end = if text[m.span.end..].starts_with('个') { m.span.end + '个'.len_utf8() } else { m.span.end };
        let between = text.get(end..next.span.start).unwrap_or("x");
        if matches!(between, "、" | "和" | "与" | "及" | "或" | "," | "、和") {
            out[i] = Some(end);
        }
    }
    out
}

/// `百分之`, also spaced out (`百 分 之`) and with the financial `佰`.
static PER_HUNDRED: LazyLock<Regex> = LazyLock::new(|| Regex::new("[百佰] {0,2}分 {0,2}之 {0,2}").expect("valid regex"));

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::*;
    use crate::parse_percent;

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn forms() {
        let p = parse_percent("66.50%").unwrap();
        assert_eq!((p.value.to_string(), p.unit), ("66.50".to_owned(), PercentUnit::Percent));
        assert_eq!(parse_percent("百分之三十五").unwrap().value, dec("35"));
        assert_eq!(parse_percent("百分之零点五").unwrap().value, dec("0.5"));
        assert_eq!(parse_percent("百分之一百二十点五").unwrap().value, dec("120.5"));
        assert_eq!(parse_percent("百分之百").unwrap().value, dec("100"));
        assert_eq!(parse_percent("百 分 之 2.4").unwrap().value, dec("2.4"));
        assert_eq!(parse_percent("百分之五 十").unwrap().value, dec("50"));
        assert_eq!(parse_percent("百 分 之 一 百二 十点 五").unwrap().value, dec("120.5"));
        assert_eq!(parse_percent("百分之15k").unwrap().value, dec("15000"));
        assert!(parse_percent("五百分之2.2").is_err());
        assert_eq!(parse_percent("-8.92%").unwrap().value, dec("-8.92"));
        let signed_range = parse_percent("-8--88%").unwrap();
        assert_eq!((signed_range.value, signed_range.max), (dec("-88"), Some(dec("-8"))));
        assert_eq!(parse_percent("21.5个百分点").unwrap().unit, PercentUnit::Point);
        let p = parse_percent("2个多百分点").unwrap();
        assert_eq!((p.value.to_string().as_str(), p.unit, p.qualifier), ("2", PercentUnit::Point, Some(crate::Qualifier::Over)));
        let r = parse_percent("5%-8%").unwrap();
        assert_eq!((r.value, r.max), (dec("5"), Some(dec("8"))));
        let r = parse_percent("5-8%").unwrap();
        assert_eq!((r.value, r.max), (dec("5"), Some(dec("8"))));
    }

    #[test]
    fn roles() {
        let t = "比去年同期增长11.73%";
        assert_eq!(role(t, t.find("11").unwrap()), Some(Role::Growth));
        let t = "占合同总投资额的66.50%";
        assert_eq!(role(t, t.find("66").unwrap()), Some(Role::Share));
        let t = "完成年度任务的105.72%,比去年同期增长28.64%";
        assert_eq!(role(t, t.find("105").unwrap()), Some(Role::Completion));
        assert_eq!(role(t, t.find("28").unwrap()), Some(Role::Growth));
        let t = "项目开工率达到46.23%";
        assert_eq!(role(t, t.find("46").unwrap()), Some(Role::Rate));
        let t = "贫困发生率降至1.97%";
        assert_eq!(role(t, t.find("1.97").unwrap()), Some(Role::Rate));
        let t = "高21.5个百分点";
        assert_eq!(role(t, t.find("21").unwrap()), Some(Role::Growth));
        let t = "41个工业行业大类中有28个行业增加值保持增长,增长面为68.3%";
        assert_eq!(role(t, t.find("68").unwrap()), Some(Role::Rate));
        let t = "分别占到总数的46%、8%和3%";
        assert_eq!(role(t, t.find("3%").unwrap()), Some(Role::Share));
        let t = "分别提高0.8个、3个百分点";
        assert_eq!(role(t, t.find("0.8").unwrap()), Some(Role::Growth));
        let t = "同比下降3.2%";
        assert_eq!(role(t, t.find("3.2").unwrap()), Some(Role::Decline));
        // Taiwan's and Hong Kong's words for a growth and a decline.
        let t = "总投资金额达2.23兆元,年成长25%";
        assert_eq!(role(t, t.find("25").unwrap()), Some(Role::Growth));
        let t = "出口按年衰退4.1%,按年跌幅为2.2%,减幅为1.5%,升幅为0.8%";
        assert_eq!(role(t, t.find("4.1").unwrap()), Some(Role::Decline));
        assert_eq!(role(t, t.find("2.2").unwrap()), Some(Role::Decline));
        assert_eq!(role(t, t.find("1.5").unwrap()), Some(Role::Decline));
        assert_eq!(role(t, t.find("0.8").unwrap()), Some(Role::Growth));
    }
}
