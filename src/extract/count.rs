//! Counts: a number with a classifier (`52个`, `160多家`, `1.3万人次`, `六个`), with the thing
//! counted — the noun phrase after the classifier (`33家高校`) or, when none follows, the one
//! before the number (`新签约项目52个`). The segmenter is consulted only around each count.

use std::ops::Range;
use std::sync::LazyLock;

use rust_decimal::Decimal;

use super::names::name_form;
use super::{
    Candidate, Context, Found, Lexicon, Recognizer, in_name_or_slogan, list_ends, listed, merge_ranges, qualifier_around, skip_spaces,
};
use crate::fact::{self, Value};
use crate::segment::{self, Word};

/// Finds counts.
#[derive(Debug, Clone, Copy, Default)]
pub struct Count;

/// Classifiers (measure words), as written after the number.
static CLASSIFIERS: LazyLock<Lexicon<()>> = LazyLock::new(|| {
    Lexicon::new(&[
        ("人次", ()),
        ("批次", ()),
        ("户次", ()),
        ("家次", ()),
        ("架次", ()),
        ("个", ()),
        ("家", ()),
        ("户", ()),
        ("条", ()),
        ("次", ()),
        ("名", ()),
        ("人", ()),
        ("批", ()),
        ("支", ()),
        ("只", ()),
        ("项", ()),
        ("场", ()),
        ("位", ()),
        ("所", ()),
        ("件", ()),
        ("座", ()),
        ("台", ()),
        ("套", ()),
        ("艘", ()),
        ("架", ()),
        ("辆", ()),
        ("篇", ()),
        ("份", ()),
        ("本", ()),
        ("张", ()),
        ("种", ()),
        ("类", ()),
        ("处", ()),
        ("栋", ()),
        ("幢", ()),
        ("间", ()),
        ("片", ()),
        ("棵", ()),
        ("株", ()),
        ("头", ()),
        ("匹", ()),
        ("轮", ()),
        ("宗", ()),
        ("例", ()),
        ("起", ()),
        ("部", ()),
        ("扇", ()),
        ("幅", ()),
        ("门", ()),
        ("对", ()),
        ("双", ()),
        ("册", ()),
        ("枚", ()),
        ("根", ()),
        ("块", ()),
        ("首", ()),
        ("颗", ()),
        ("期", ()),
        ("组", ()),
        // Taiwan's and official texts count cases, items and lots: 3案, 11件, 2宗.
        ("案", ()),
    ])
});

/// A classifier followed by these characters is part of another word (个月 is a duration,
/// 人口 a population, 项目 a noun, 次日 a date).
const NOT_CLASSIFIER: &[&str] = &[
    "个月",
    // (A duration with a half or a remainder, `3个半月`, `1个多月`: no count of 3 or 1.)
    "个半月",
    "个多月",
    "个半小时",
    "个多小时",
    "个多星期",
    "个半世纪",
    "个多世纪",
    "个多季度",
    "个小时",
    "个星期",
    "个季度",
    "个世纪",
    "个工作日",
    "个交易日",
    "个百分点",
    "个多百分点",
    "人口",
    "人民",
    "人均",
    "次日",
    "次年",
    // `三次产业结构`: the three sectors, a name.
    "次产业",
    // `跨越两个台阶`: levels reached, said again, not counted.
    "个台阶",
    "个新台阶",
    "台湾",
    "所属",
    "所在",
    "所有",
    "位于",
    // `保持两位数增长`: a growth of two digits, no count of two.
    "位数",
    "场所",
    "只有",
    "只是",
    "只要",
    "条例",
    "条件",
    "家庭",
    "家乡",
    "户籍",
    "户口",
    "项目",
    // `618期间` (a shopping festival), `十四五期间`: a time, not sessions.
    "期间",
    "期内",
    "起来",
    "起步",
    "起草",
    "起点",
    "批准",
    "批复",
    "名单",
    "名称",
    "名额",
    "部门",
    "部署",
    "座谈",
    "处理",
    "处置",
    "类型",
    "片区",
    "头部",
    "门户",
    "宗旨",
    "对接",
    "对外",
    "对象",
    "本地",
    "本市",
    "本级",
    "张家",
    "首批",
    "首次",
    "首个",
    "首家",
    "块钱",
    "间接",
    "种类",
    "轮廓",
    "台阶",
    "例如",
    "双方",
    "支持",
    "支出",
    "支付",
    "件事",
    "人才",
    "人员",
    "份额",
    "门类",
    "案件",
    "案例",
    "案由",
    "组织",
    "组成",
    "组建",
    "组合",
    "组长",
    "组团",
    "组委",
    "组件",
    "组别",
    "组队",
    "组装",
    "组网",
];

/// Whether a classifier is written at `pos` (not the first character of another word).
pub(crate) fn unit_at(text: &str, pos: usize) -> bool {
    CLASSIFIERS.at(text, pos).is_some() && !NOT_CLASSIFIER.iter().any(|w| text[pos..].starts_with(w))
}

/// Whether a count starting at `start` opens its clause and the clause before holds a count
/// with the same classifier (`有42宗是外国国民, 一宗来自澳门`).
fn parallel(text: &str, counts: &[(Range<usize>, fact::Count)], start: usize, classifier: &str) -> bool {
    let head = text[..start].trim_end_matches(' ');
    let Some(opening) = head.chars().next_back().filter(|c| matches!(c, ',' | ';' | '、')) else { return false };
    let clause_before = &head[..head.len() - opening.len_utf8()];
    counts.last().is_some_and(|(span, c)| {
        c.classifier == classifier
            && span.end <= clause_before.len()
            && !clause_before[span.end..].contains(|c: char| segment::is_clause_end(c) || "()、".contains(c))
    })
}

/// What a `次` after a session number is part of (`十四届全国人大四次会议`: the fourth session of
/// the fourteenth congress), with a `届` shortly before: an ordinal, not a count.
const SESSION_WORDS: [&str; 5] = ["会议", "全会", "全体会议", "大会", "常委会"];

/// Whether the number at `span`, followed by `次` ending at `end`, is a session ordinal: a
/// session word after it and a `届` within the few characters before it.
fn is_session_ordinal(text: &str, span: &Range<usize>, end: usize) -> bool {
    if !SESSION_WORDS.iter().any(|w| text[end..].starts_with(w)) {
        return false;
    }
    text[..span.start].chars().rev().take(12).take_while(|&c| !segment::is_clause_end(c)).any(|c| c == '届')
}

/// Words that end the noun phrase before a number: pronouns and scope words (全市, 我市),
/// time words, connectives.
const BEFORE_STOP: &[&str] = &[
    "全市", "全省", "全县", "全区", "全州", "全国", "全年", "我市", "本市", "我县", "我区", "今年", "去年", "其中", "累计", "共计", "合计",
    "总计", "共", "达", "目前", "已", "还", "等", "和", "及", "与", "或",
];

/// Characters that, before a verb, turn it into a modifier of the noun after it (新签约项目,
/// 已落地项目, 拟引进项目).
const VERB_MODIFIERS: &[&str] = &["新", "已", "拟", "待", "在", "未", "正在"];

/// Nouns that name people attached to an organisation (企业负责人): the count is of the
/// organisation, so the phrase stops before them.
const PERSON_HEADS: &[&str] = &["负责人", "代表", "人员", "员工", "职工", "专家", "专家学者", "家属", "客商"];

fn is_nounish(w: &Word<'_>) -> bool {
    w.is_noun() || matches!(w.tag, "b" | "nz" | "j" | "ng")
}

/// The noun phrase after the classifier ending at `at`, if one starts right there.
fn subject_after(text: &str, at: usize) -> Option<String> {
    let end = clause_end(text, at, 24);
    if end <= at {
        return None;
    }
    let words = segment::words_in(text, at..end);
    let first = words.first()?;
    if !is_nounish(first) && first.tag != "a" {
        return None;
    }
    let mut out = String::new();
    for (i, w) in words.iter().take(3).enumerate() {
        if !(is_nounish(w) || (i == 0 && w.tag == "a")) || (i > 0 && PERSON_HEADS.contains(&w.text)) {
            break;
        }
        out.push_str(w.text);
        // Stop after the first plain noun unless the next word is a noun it modifies.
        if w.tag == "n"
            && !words
                .get(i + 1)
                .is_some_and(|n| n.tag == "n" && !PERSON_HEADS.contains(&n.text) && out.chars().count() + n.text.chars().count() <= 6)
        {
            break;
        }
    }
    (!out.is_empty()).then_some(out)
}

/// The noun phrase right before the number starting at `at`.
fn subject_before(text: &str, at: usize) -> Option<String> {
    // Skip qualifiers and linking verbs between the phrase and the number (客商约230户).
    let mut end = at;
    if let Some((_, start)) = crate::number::prefix_qualifier(text, at) {
        end = start;
    }
    for w in ["共计", "合计", "累计", "总计", "达到", "共", "达", "为", "有"] {
        if text[..end].ends_with(w) {
            end -= w.len();
            break;
        }
    }
    let start = clause_start(text, end, 24);
    if start >= end {
        return None;
    }
    let words = segment::words_in(text, start..end);
    let mut taken: Vec<&Word<'_>> = Vec::new();
    let mut has_noun = false;
    let mut i = words.len();
    while i > 0 && taken.len() < 5 {
        i -= 1;
        let w = &words[i];
        if BEFORE_STOP.contains(&w.text) || matches!(w.tag, "r" | "p" | "c" | "u" | "m" | "q" | "t" | "x" | "ns" | "nr" | "d" | "f" | "uj")
        {
            break;
        }
        if w.tag.starts_with('v') && w.tag != "vn" {
            // A verb before the phrase ends it (拜访企业), unless a modifier makes it part of
            // it (新签约项目); a phrase made only of verbs is the thing counted (考察洽谈83次).
            let modified = i > 0 && VERB_MODIFIERS.contains(&words[i - 1].text);
            if has_noun && !modified {
                break;
            }
            taken.push(w);
            if modified {
                i -= 1;
                taken.push(&words[i]);
            }
            continue;
        }
        if !(is_nounish(w) || w.tag == "a" || w.tag == "vn") {
            break;
        }
        has_noun |= is_nounish(w);
        taken.push(w);
    }
    if taken.is_empty() {
        return None;
    }
    let s: String = taken.iter().rev().map(|w| w.text).collect();
    (s.chars().count() <= 12).then_some(s)
}

/// Where `人次` stands when it is written before a large number rather than after it, as Hong
/// Kong's and Macau's releases write (`访港旅客人次约3,700万`): the number, with 万 or 亿 or of
/// four digits at least, ends its clause.
fn visits_before(text: &str, m: &crate::number::NumberMention) -> Option<usize> {
    let written = &text[m.span.clone()];
    if !m.whole || m.max.is_some() || !(written.ends_with(['万', '亿']) || m.value >= Decimal::from(1000)) {
        return None;
    }
    if text[m.span.end..].chars().next().is_some_and(|c| crate::normalize::script::is_han(c) && !segment::is_clause_end(c)) {
        return None;
    }
    let before = text[..m.span.start].trim_end();
    let before =
        ["约为", "约", "为", "达到", "达", "录得", "逾", "超过", "近", "共"].iter().find_map(|w| before.strip_suffix(w)).unwrap_or(before);
    before.ends_with("人次").then(|| before.len() - "人次".len())
}

fn clause_start(text: &str, end: usize, max_chars: usize) -> usize {
    let mut start = end;
    for (n, (i, c)) in text[..end].char_indices().rev().enumerate() {
        if segment::is_clause_end(c) || matches!(c, '(' | ')' | '“' | '”' | '"' | '《' | '》' | '【' | '】') || n >= max_chars {
            break;
        }
        start = i;
    }
    start
}

fn clause_end(text: &str, start: usize, max_chars: usize) -> usize {
    let mut end = start;
    for (n, (i, c)) in text[start..].char_indices().enumerate() {
        if segment::is_clause_end(c) || matches!(c, '(' | ')' | '“' | '”' | '"' | '《' | '》' | '【' | '】') || n >= max_chars {
            break;
        }
        end = start + i + c.len_utf8();
    }
    end
}

impl Recognizer for Count {
    fn name(&self) -> &'static str {
        "count"
    }

    fn recognize(&self, ctx: &Context<'_>, found: &mut Found) {
        let text = ctx.text;
        let mut list: Vec<(Range<usize>, fact::Count)> = Vec::new();
        let numbers = ctx.numbers();
        let ends = list_ends(text, numbers);
        for (i, m) in numbers.iter().enumerate() {
            if found.is_claimed(&m.span) {
                continue;
            }
            // The classifier after the number, or after the last item of the list it is a bare
            // item of (120、110与47间: the fact is the item, 120).
            let mut written_before = false;
            let (at, scale, is_item) = match CLASSIFIERS.at(text, skip_spaces(text, m.span.end)) {
                Some(_) => (skip_spaces(text, m.span.end), Decimal::ONE, false),
                None => match listed(text, numbers, &ends, i) {
                    Some((last, scale)) => (skip_spaces(text, last.span.end), scale, true),
                    None => match visits_before(text, m) {
                        Some(at) => {
                            written_before = true;
                            (at, Decimal::ONE, true)
                        }
                        None => continue,
                    },
                },
            };
            let Some((classifier, _, unit_end)) = CLASSIFIERS.at(text, at) else { continue };
            let end = if is_item { m.span.end } else { unit_end };
            // 一个, 一批: an article, unless it opens a clause parallel to a count of the same
            // classifier earlier in the sentence (有42宗是外国国民, 一宗来自澳门).
            if m.is_article(text) && !parallel(text, &list, m.span.start, classifier) {
                continue;
            }
            // Only numbers with a classifier are looked at further (the quotation test reads
            // around the number).
            if NOT_CLASSIFIER.iter().any(|w| text[at..].starts_with(w)) || in_name_or_slogan(text, &m.span) {
                continue;
            }
            // 坚持两个不动摇, 中央八项规定, 三轮摩托车: slogans and names.
            if name_form(text, m, classifier, unit_end).is_some() {
                found.claim(m.span.start..unit_end);
                continue;
            }
            // 前五名, 前10位: a rank, not a count of people.
            if matches!(classifier, "名" | "位") && text[..m.span.start].ends_with('前') {
                found.claim(m.span.start..end);
                continue;
            }
            // 2期 (two sessions) is a count; 二期 is the second phase of a project.
            if classifier == "期" && !m.arabic {
                continue;
            }
            // 十四届全国人大四次会议: the fourth session, not four of them. The number is claimed
            // so that no later recognizer reads it.
            if classifier == "次" && is_session_ordinal(text, &m.span, end) {
                found.claim(m.span.start..end);
                continue;
            }
            let (qualifier, _) = qualifier_around(text, m, end);
            let subject = if written_before {
                subject_before(text, at)
            } else {
                subject_after(text, unit_end).or_else(|| subject_before(text, m.span.start))
            };
            let value = (m.value * scale).normalize();
            let max = m.max.map(|x| (x * scale).normalize());
            list.push((m.span.start..end, fact::Count { value, classifier: classifier.to_owned(), subject, qualifier, max }));
        }
        merge_ranges(text, &mut list, |a, b| a.classifier == b.classifier, |c| (c.value, c.max), |c, max| c.max = Some(max));
        for (span, c) in list {
            found.push(Candidate { span, value: Value::Count(c) });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_count;

    #[test]
    fn classifiers() {
        let c = parse_count("160多家").unwrap();
        assert_eq!((c.value.to_string().as_str(), c.classifier.as_str(), c.qualifier), ("160", "家", Some(crate::Qualifier::Over)));
        assert_eq!(parse_count("1.3万人次").unwrap().value.to_string(), "13000");
        assert_eq!(parse_count("693批次").unwrap().classifier, "批次");
        let c = parse_count("1至2个").unwrap();
        assert_eq!((c.value.to_string(), c.max.map(|m| m.to_string())), ("1".into(), Some("2".into())));
        assert_eq!(parse_count("六个").unwrap().value.to_string(), "6");
        for s in ["3个月", "3个半月", "1个多月", "两个多小时", "一个", "第39号", "21.5个百分点", "5亿元"] {
            assert!(parse_count(s).is_err(), "{s}");
        }
    }

    #[test]
    fn subjects() {
        let cases = [
            ("全市新签约项目52个,总投资", "新签约项目"),
            ("上报新签约招商引资项目46个", "新签约招商引资项目"),
            ("累计叩门拜访企业853户", "企业"),
            ("与33家高校、科研院所", "高校"),
            ("160多家企业负责人", "企业"),
            ("抽调33名后备干部组建11个招商小分队", "后备干部"),
            ("组建11个招商小分队", "招商小分队"),
            ("搜集招商线索154条", "招商线索"),
        ];
        for (text, want) in cases {
            let doc = crate::extract(text);
            let got = doc.facts.iter().find_map(|f| match &f.value {
                Value::Count(c) => Some(c.subject.clone()),
                _ => None,
            });
            assert_eq!(got.flatten().as_deref(), Some(want), "{text}");
        }
    }
}
