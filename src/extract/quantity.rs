//! Physical quantities: area, capacity, energy, weight, length, volume (`8.88平方公里`,
//! `150兆瓦`, `1.5万亩`).

use std::sync::LazyLock;

use rust_decimal::Decimal;

use super::{Candidate, Context, Found, Lexicon, Recognizer, list_ends, listed, merge_ranges, qualifier_around, skip_spaces};
use crate::fact::{self, Value};

/// Finds quantities.
#[derive(Debug, Clone, Copy, Default)]
pub struct Quantity;

/// What a unit needs around the number to be read as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Needs {
    /// Nothing: the unit is read after any number.
    Nothing,
    /// A 万/亿 scale on the number: 度 is also a degree of temperature or angle, but `5亿度` is
    /// electricity; `3方土` is no volume, `亿方` is.
    Scale,
    /// One of these words in the clause before the number: an age (`岁`) is a figure where the
    /// clause measures one (`人均预期寿命79.5岁`), not in an age bracket (`60岁以上`).
    Words(&'static [&'static str]),
}

/// Units, as written, and what they need.
static UNITS: LazyLock<Lexicon<Needs>> = LazyLock::new(|| {
    use Needs::{Nothing, Scale, Words};
    Lexicon::new(&[
        ("平方公里", Nothing),
        ("平方千米", Nothing),
        ("平方米", Nothing),
        ("平米", Nothing),
        ("㎡", Nothing),
        ("m²", Nothing),
        ("km²", Nothing),
        ("公顷", Nothing),
        ("亩", Nothing),
        ("坪", Nothing),
        ("吉瓦时", Nothing),
        ("兆瓦时", Nothing),
        ("千瓦时", Nothing),
        ("吉瓦", Nothing),
        ("兆瓦", Nothing),
        ("千瓦", Nothing),
        ("兆伏安", Nothing),
        ("千伏安", Nothing),
        ("千伏", Nothing),
        ("吨标准煤", Nothing),
        // Transport's work: a ton or a passenger carried a kilometre (`货物周转量3617亿吨公里`).
        ("吨公里", Nothing),
        ("人公里", Nothing),
        ("吨千米", Nothing),
        ("人千米", Nothing),
        ("吨", Nothing),
        ("公斤", Nothing),
        ("千克", Nothing),
        ("克", Nothing),
        ("斤", Nothing),
        ("两", Nothing),
        ("kg", Nothing),
        ("t", Nothing),
        ("公里", Nothing),
        ("千米", Nothing),
        ("km", Nothing),
        ("米", Nothing),
        ("厘米", Nothing),
        ("毫米", Nothing),
        ("立方米", Nothing),
        ("标准立方米", Nothing),
        ("升", Nothing),
        ("毫升", Nothing),
        ("微克/立方米", Nothing),
        ("毫克/立方米", Nothing),
        ("毫克/升", Nothing),
        ("标箱", Nothing),
        ("标准箱", Nothing),
        ("TEU", Nothing),
        ("英寸", Nothing),
        ("度", Scale),
        ("方", Scale),
        ("岁", Words(&["寿命", "年龄", "岁数"])),
        // Nights of a stay, as tourism statistics average them (平均留宿1.4晚).
        ("晚", Words(&["留宿", "逗留", "住宿", "过夜"])),
    ])
});

/// Words that begin with a unit's characters but are no unit after a number (`由49.5升至50.2`,
/// `3克服`).
const NOT_UNIT: &[&str] = &[
    "升至", "升到", "升为", "升级", "升高", "升温", "升格", "升学", "升值", "升降", "升幅", "克服", "克隆", "克制", "克难", "克拉", "两岸",
    "两会", "米粉", "米线",
];

/// The unit at `pos` (spaces skipped): the word, what it needs and where it ends. A unit
/// written in Latin letters stands alone (`5t`, not `5th`).
fn unit_word(text: &str, pos: usize) -> Option<(&'static str, Needs, usize)> {
    let (unit, &needs, end) = UNITS.at(text, pos)?;
    // 两 of weight ends its phrase (3两,): before a word it is the numeral (1980两年).
    if NOT_UNIT.iter().any(|w| text[pos..].starts_with(w))
        || unit.starts_with(|c: char| c.is_ascii_alphabetic()) && text[end..].starts_with(|c: char| c.is_ascii_alphanumeric())
        || unit == "两" && text[end..].starts_with(crate::normalize::script::is_han)
    {
        return None;
    }
    Some((unit, needs, end))
}

/// Whether the clause before `start` (up to 16 characters back) names one of `words`.
fn clause_names(text: &str, start: usize, words: &[&str]) -> bool {
    let head = &text[..start];
    let from = head
        .char_indices()
        .rev()
        .take(16)
        .take_while(|&(_, c)| !matches!(c, ',' | '。' | ';' | ':' | '!' | '?' | '\n'))
        .last()
        .map_or(start, |(i, _)| i);
    words.iter().any(|w| head[from..].contains(w))
}

/// Whether a unit of quantity is written at `pos`.
pub(crate) fn unit_at(text: &str, pos: usize) -> bool {
    unit_word(text, pos).is_some()
}

/// Where a 半 at `pos` ends when it adds half a unit: not before a time it halves (半年, 半月,
/// 半天, 半日, 半个, 半小时).
fn half_after(text: &str, pos: usize) -> Option<usize> {
    let rest = text[pos..].strip_prefix('半')?;
    (!rest.starts_with(['年', '月', '天', '日', '个', '小', '数', '导'])).then_some(pos + '半'.len_utf8())
}

/// An earthquake's magnitude (`6.2级地震`, `里氏5级`, `震级4.5级`): where its `级` ends. A `级`
/// elsewhere is a grade or a level (`3级干部`, `5A级景区`), no quantity.
fn magnitude_end(text: &str, m: &crate::number::NumberMention) -> Option<usize> {
    let end = m.span.end + text[m.span.end..].strip_prefix('级').map(|_| '级'.len_utf8())?;
    let quake_after = ["地震", "强震", "余震", "左右的地震", "以上地震"].iter().any(|w| text[end..].starts_with(w));
    let head = &text[..m.span.start];
    let quake_before = ["里氏", "震级", "震级为", "震级达"].iter().any(|w| head.ends_with(w));
    (quake_after || quake_before).then_some(end)
}

impl Recognizer for Quantity {
    fn name(&self) -> &'static str {
        "quantity"
    }

    fn recognize(&self, ctx: &Context<'_>, found: &mut Found) {
        let text = ctx.text;
        let mut list: Vec<(std::ops::Range<usize>, fact::Quantity)> = Vec::new();
        let numbers = ctx.numbers();
        let ends = list_ends(text, numbers);
        for (i, m) in numbers.iter().enumerate() {
            if found.is_claimed(&m.span) {
                continue;
            }
            if let Some(end) = magnitude_end(text, m) {
                let (qualifier, _) = qualifier_around(text, m, end);
                list.push((
                    m.span.start..end,
                    fact::Quantity { value: m.value.normalize(), unit: "级".to_owned(), qualifier, max: m.max.map(|x| x.normalize()) },
                ));
                continue;
            }
            // The unit after the number, or after the last item of the list it is a bare item of
            // (800、900亿斤: the fact is the item, 800亿斤).
            let (unit, needs, end, scale, scaled) = match unit_word(text, skip_spaces(text, m.span.end)) {
                Some((unit, needs, end)) => (unit, needs, end, Decimal::ONE, m.scaled),
                None => {
                    let Some((last, scale)) = listed(text, numbers, &ends, i) else { continue };
                    let Some((unit, needs, _)) = unit_word(text, skip_spaces(text, last.span.end)) else { continue };
                    (unit, needs, m.span.end, scale, last.scaled)
                }
            };
            let needed = match needs {
                Needs::Nothing => true,
                Needs::Scale => scaled,
                Needs::Words(words) => clause_names(text, m.span.start, words),
            };
            if !needed {
                continue;
            }
            // A half after the unit of a whole number (`一亩半`, `3吨半`) is part of its value, not
            // a word of its own (but `100亩半年内`: half a year).
            let (value, end) = match half_after(text, end) {
                Some(half_end) if scale == Decimal::ONE && m.max.is_none() && m.value.fract().is_zero() => {
                    (m.value + Decimal::new(5, 1), half_end)
                }
                _ => (m.value * scale, end),
            };
            let (qualifier, _) = qualifier_around(text, m, end);
            let value = value.normalize();
            list.push((
                m.span.start..end,
                fact::Quantity { value, unit: unit.to_owned(), qualifier, max: m.max.map(|x| (x * scale).normalize()) },
            ));
        }
        merge_ranges(text, &mut list, |a, b| a.unit == b.unit, |q| (q.value, q.max), |q, max| q.max = Some(max));
        for (span, q) in list {
            found.push(Candidate { span, value: Value::Quantity(q) });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::parse_quantity;

    #[test]
    fn units() {
        for (s, v, u) in [
            ("8.88平方公里", "8.88", "平方公里"),
            ("150兆瓦", "150", "兆瓦"),
            ("1.5万亩", "15000", "亩"),
            ("10万千瓦", "100000", "千瓦"),
            ("3千米", "3", "千米"),
            ("5亿度", "500000000", "度"),
        ] {
            let q = parse_quantity(s).unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!((q.value.to_string().as_str(), q.unit.as_str()), (v, u), "{s}");
        }
        assert_eq!(parse_quantity("一亩半").unwrap().value.to_string(), "1.5");
        assert_eq!(parse_quantity("3吨半").unwrap().value.to_string(), "3.5");
        assert!(parse_quantity("30度").is_err());
        assert_eq!(parse_quantity("5亿方").unwrap().unit, "方");
        assert!(parse_quantity("3方").is_err());
    }
}
