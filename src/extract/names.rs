//! Slogans and names are not facts. A number inside a numbered slogan (`坚持两个不动摇`), a
//! policy's name (`中央八项规定`, `招商引资十五条`), a word that holds a numeral (`一元化`,
//! `城乡二元结构`, `三轮车`) or a figure of speech (`中间那一块`) states no figure.
//!
//! The forms are data ([`FORMS`]): what comes before the number, how it is written, its unit
//! and what comes after. Each form carries the phrases it must catch and the figures it must
//! leave alone, and the tests read both. Quotations and titles (`“四个亲自”`, `《…3年行动计划》`)
//! are the other way a text names things ([`in_name_or_slogan`]).

use std::ops::Range;

use crate::number::NumberMention;
use crate::segment::is_clause_end;

/// What must stand right before the number.
#[derive(Debug, Clone, Copy)]
pub enum Before {
    /// Anything.
    Any,
    /// One of these words.
    Words(&'static [&'static str]),
    /// A Chinese character that is not one of these words' last (a name's last character, not a
    /// verb or a linking word: `招商引资十五条`, not `出台了十五条`).
    NameNot(&'static [&'static str]),
    /// The first half of a paired slogan: a Chinese numeral, a classifier and a noun of one or two
    /// characters (`两个市场` before `两种资源`).
    Pair,
}

/// What must stand right after the unit.
#[derive(Debug, Clone, Copy)]
pub enum After {
    /// Anything.
    Any,
    /// One of these words.
    Words(&'static [&'static str]),
    /// A Chinese numeral (`三支两军`, `五位一体`).
    Numeral,
    /// A noun of one or two characters and a Chinese numeral (`两个市场两种资源`).
    Pair,
    /// The end of the clause, or one of these words (`招商引资十五条。`, `二十条政策`).
    EndOr(&'static [&'static str]),
}

/// A form of words in which a numeral and its unit name something rather than count it.
#[derive(Debug, Clone, Copy)]
pub struct Form {
    /// What the form is.
    pub what: &'static str,
    /// What stands before the number.
    pub before: Before,
    /// Whether the form is written in Chinese numerals only (slogans and names are).
    pub chinese_only: bool,
    /// The units (classifiers, currency words) it applies to.
    pub units: &'static [&'static str],
    /// What stands after the unit.
    pub after: After,
    /// The largest value the form has, if it is small (a policy has a few dozen articles; a
    /// count of 160 000 tyres is no policy).
    pub at_most: Option<u32>,
    /// Phrases in which the form holds: no figure in them.
    pub names: &'static [&'static str],
    /// Phrases that look like it but state a figure.
    pub figures: &'static [&'static str],
}

/// The forms of slogans and names.
pub const FORMS: &[Form] = &[
    Form {
        what: "a numbered slogan: a numeral, 个 and a slogan's verb, negation or numeral",
        before: Before::Any,
        chinese_only: true,
        units: &["个"],
        after: After::Words(&[
            "不",
            "一百年",
            "一以贯之",
            "维护",
            "确立",
            "务必",
            "意识",
            "自信",
            "全面",
            "代表",
            "毫不动摇",
            "坚持",
            "亲自",
            "绝不",
            "决不",
            "必须",
            "没有变",
        ]),
        at_most: None,
        names: &["坚持两个不动摇", "做到两个维护", "深刻领悟两个确立", "增强四个意识", "实现两个一百年奋斗目标"],
        figures: &["建成两个产业园", "新增三个项目"],
    },
    Form {
        what: "the Eight-point Regulation of the Party's centre",
        before: Before::Words(&["中央"]),
        chinese_only: true,
        units: &["项"],
        after: After::Words(&["规定"]),
        at_most: None,
        names: &["严格落实中央八项规定"],
        figures: &["出台三项规定", "中央财政下达八项补助"],
    },
    Form {
        what: "the Eight-point Regulation named by its spirit",
        before: Before::Any,
        chinese_only: true,
        units: &["项"],
        after: After::Words(&["规定精神"]),
        at_most: None,
        names: &["贯彻八项规定精神"],
        figures: &["修订三项规定"],
    },
    Form {
        what: "a paired slogan, its first half: a numeral, a classifier, a short noun and another numeral",
        before: Before::Any,
        chinese_only: true,
        units: &["个", "种", "条", "项", "支"],
        after: After::Pair,
        at_most: Some(10),
        names: &["统筹两个市场两种资源", "坚持一个中心两个基本点"],
        figures: &["建成两个园区,三个基地"],
    },
    Form {
        what: "a paired slogan, its second half",
        before: Before::Pair,
        chinese_only: true,
        units: &["个", "种", "条", "项", "支"],
        after: After::Any,
        at_most: Some(10),
        names: &["统筹两个市场两种资源", "坚持一个中心两个基本点"],
        figures: &["引进两个项目,签约三个", "一个共有五十多个民族的国家"],
    },
    Form {
        what: "an abbreviated slogan: a numeral and a classifier before another numeral",
        before: Before::Any,
        chinese_only: true,
        units: &["支", "位"],
        after: After::Numeral,
        at_most: None,
        names: &["三支两军时期", "统筹推进五位一体总体布局", "三位一体"],
        figures: &["组建三支队伍", "五位专家", "经过三个五年计划的努力"],
    },
    Form {
        what: "a word holding 元 (one-dimensional, dual): 一元化, 二元结构, 一元复始",
        before: Before::Any,
        chinese_only: true,
        units: &["元"],
        after: After::Words(&["化", "结构", "论", "复始", "体制", "格局", "对立", "分割", "经济", "社会", "一次方程"]),
        at_most: None,
        names: &["坚持党的一元化领导", "破除城乡二元结构", "一元复始,万象更新"],
        figures: &["每人补助一元", "票价二元"],
    },
    Form {
        what: "a part or a place, not a yuan: 这一块, 那一块, 一块儿",
        before: Before::Words(&["这", "那", "哪", "每", "某", "同"]),
        chinese_only: true,
        units: &["块"],
        after: After::Any,
        at_most: None,
        names: &["中间那一块", "这一块工作要抓紧", "落实到每一块"],
        figures: &["每斤一块五", "一共十五块"],
    },
    Form {
        what: "together: 一块儿",
        before: Before::Any,
        chinese_only: true,
        units: &["块"],
        after: After::Words(&["儿"]),
        at_most: None,
        names: &["大家一块儿干"],
        figures: &["花了三块钱"],
    },
    Form {
        what: "a numbered policy named after its field: 招商引资十五条, 金融十条",
        before: Before::NameNot(&[
            "了", "有", "共", "计", "达", "为", "是", "出", "台", "定", "布", "发", "订", "提", "等", "的", "和", "与", "及", "其", "中",
            "第", "每", "约", "近", "超", "余", "多", "增", "减", "新",
        ]),
        chinese_only: true,
        units: &["条"],
        after: After::EndOr(&["政策", "措施", "举措", "意见", "新政", "规定", "”", "》"]),
        at_most: Some(99),
        names: &["出台招商引资十五条。", "落实稳增长二十条政策", "用好金融十条,"],
        figures: &["搜集招商线索154条", "出台了十五条", "共十条", "生产汽车轮胎十六万条,"],
    },
    Form {
        what: "a vehicle named by its wheels: 三轮车, 两轮摩托",
        before: Before::Any,
        chinese_only: false,
        units: &["轮"],
        after: After::Words(&["车", "摩托", "汽车", "电动", "驱动", "货车"]),
        at_most: None,
        names: &["三轮摩托车整车项目", "签约三轮摩托车及发动机生产项目"],
        figures: &["开展三轮招商", "经过两轮谈判"],
    },
];

/// The classifiers of paired slogans (`两个市场两种资源`).
const PAIR_UNITS: &str = "个种条项支";

/// Whether `c` is a numeral as slogans write them (一 to 十, 两), not a financial one (队伍).
fn numeral(c: char) -> bool {
    "一二三四五六七八九十两".contains(c)
}

/// The form, if any, in which the number `m` and its unit (`unit`, ending at `unit_end`) name
/// something rather than state a figure.
pub fn name_form(text: &str, m: &NumberMention, unit: &str, unit_end: usize) -> Option<&'static Form> {
    FORMS.iter().find(|form| {
        form.units.contains(&unit)
            && !(form.chinese_only && m.arabic)
            && form.at_most.is_none_or(|most| m.value <= rust_decimal::Decimal::from(most))
            && before_fits(form.before, &text[..m.span.start])
            && after_fits(form.after, &text[unit_end..])
    })
}

fn before_fits(before: Before, head: &str) -> bool {
    match before {
        Before::Any => true,
        Before::Words(words) => words.iter().any(|w| head.ends_with(w)),
        Before::NameNot(words) => {
            head.chars().next_back().is_some_and(|c| crate::normalize::script::is_han(c) && !numeral(c))
                && !words.iter().any(|w| head.ends_with(w))
        }
        Before::Pair => {
            // A Chinese numeral, a classifier and a noun of one or two characters.
            let last: Vec<char> = head.chars().rev().take(4).collect();
            let words = last.iter().take_while(|&&c| crate::normalize::script::is_han(c) && !numeral(c)).count();
            (2..=3).contains(&words) && PAIR_UNITS.contains(last[words - 1]) && last.get(words).is_some_and(|&c| numeral(c))
        }
    }
}

fn after_fits(after: After, tail: &str) -> bool {
    match after {
        After::Any => true,
        After::Words(words) => words.iter().any(|w| tail.starts_with(w)),
        // (三个五年计划: a number of years is no slogan.)
        After::Numeral => tail.starts_with(numeral) && tail.chars().nth(1).is_none_or(|c| c != '年'),
        After::Pair => {
            let noun = tail.chars().take_while(|c| crate::normalize::script::is_han(*c) && !numeral(*c)).count();
            let mut rest = tail.chars().skip(noun);
            (1..=2).contains(&noun) && rest.next().is_some_and(numeral) && rest.next().is_some_and(|c| PAIR_UNITS.contains(c))
        }
        After::EndOr(words) => tail.chars().next().is_none_or(is_clause_end) || words.iter().any(|w| tail.starts_with(w)),
    }
}

/// Whether `span` lies inside a short quotation or a title (`“四个亲自”`, `《…3年行动计划》`):
/// numbers there are names and slogans, not figures.
pub fn in_name_or_slogan(text: &str, span: &Range<usize>) -> bool {
    // A mark farther than `max` characters from the number makes the quotation too long, so
    // each side is read only that far (in bytes, four per character at most), within the line.
    let head = &text[..span.start];
    let tail = &text[span.end..];
    let window_before = |max: usize| {
        let mut start = head.len().saturating_sub(4 * (max + 2) + 4);
        while !head.is_char_boundary(start) {
            start += 1;
        }
        let w = &head[start..];
        w.rfind('\n').map_or(w, |i| &w[i + 1..])
    };
    let window_after = |max: usize| {
        let mut end = tail.len().min(4 * (max + 2) + 4);
        while !tail.is_char_boundary(end) {
            end -= 1;
        }
        let w = &tail[..end];
        w.find('\n').map_or(w, |i| &w[..i])
    };
    for (open, close, max) in [('《', '》', 60), ('“', '”', 12), ('"', '"', 12), ('「', '」', 12)] {
        let before = window_before(max);
        let after = window_after(max);
        let Some(o) = before.rfind(open) else { continue };
        if open != close && before[o..].contains(close) {
            continue;
        }
        if open == close {
            // The parity of the marks on the whole line before the number.
            let line_start = head.rfind('\n').map_or(0, |i| i + 1);
            if head[line_start..].matches(open).count() % 2 == 0 {
                continue;
            }
        }
        let Some(c) = after.find(close) else { continue };
        let inner = before[o + open.len_utf8()..].chars().count() + text[span.clone()].chars().count() + after[..c].chars().count();
        if inner <= max {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::Value;

    /// `in_name_or_slogan` as first written: whole lines on both sides.
    fn in_name_or_slogan_whole_lines(text: &str, span: &Range<usize>) -> bool {
        let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[span.end..].find('\n').map_or(text.len(), |i| span.end + i);
        let before = &text[line_start..span.start];
        let after = &text[span.end..line_end];
        for (open, close, max) in [('《', '》', 60), ('“', '”', 12), ('"', '"', 12), ('「', '」', 12)] {
            let Some(o) = before.rfind(open) else { continue };
            if open != close && before[o..].contains(close) {
                continue;
            }
            if open == close && before.matches(open).count() % 2 == 0 {
                continue;
            }
            let Some(c) = after.find(close) else { continue };
            let inner = before[o + open.len_utf8()..].chars().count() + text[span.clone()].chars().count() + after[..c].chars().count();
            if inner <= max {
                return true;
            }
        }
        false
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn windows_read_as_whole_lines(
            before in "[《》“”\"「」\n数a😀]{0,90}",
            number in "[0-9]{1,3}",
            after in "[《》“”\"「」\n数a😀]{0,90}",
        ) {
            let text = format!("{before}{number}{after}");
            let span = before.len()..before.len() + number.len();
            prop_assert_eq!(in_name_or_slogan(&text, &span), in_name_or_slogan_whole_lines(&text, &span));
        }
    }

    /// The money and counts of a phrase, as `text=value`.
    fn figures(phrase: &str) -> Vec<String> {
        crate::extract(phrase)
            .facts
            .iter()
            .filter_map(|f| match &f.value {
                Value::Money(m) => Some(format!("{}={}", f.text, m.value)),
                Value::Count(c) => Some(format!("{}={}", f.text, c.value)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_form_catches_its_names_and_leaves_its_figures() {
        for form in FORMS {
            for name in form.names {
                assert_eq!(figures(name), Vec::<String>::new(), "{}: {name:?} is a name", form.what);
            }
            for figure in form.figures {
                assert!(!figures(figure).is_empty(), "{}: {figure:?} states a figure", form.what);
            }
        }
    }
}
