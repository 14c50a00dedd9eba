//! Money: a number with a currency (`116.68亿元`, `4830万美元`, `港币两千九百六十元`, `$20`), or
//! a scaled number where the sentence is about investment (`投资过5亿的`).
//!
//! Values are in the currency's base unit, exact: `116.68亿元` is `11668000000` CNY. Sub-units
//! (`5元3角`, `两美元又三美分`) are added in.

use std::sync::LazyLock;

use rust_decimal::Decimal;

use super::{
    Candidate, Context, Found, Lexicon, Recognizer, in_name_or_slogan, merge_ranges, qualifier_around, skip_spaces, spread_list_qualifier,
};
use crate::fact::{self, Value};
use crate::number::NumberMention;

/// Finds money.
#[derive(Debug, Clone, Copy, Default)]
pub struct Money;

/// Currency words written after the amount, with their ISO 4217 codes.
static SUFFIX: LazyLock<Lexicon<&'static str>> = LazyLock::new(|| {
    Lexicon::new(&[
        ("元", "CNY"),
        ("圆", "CNY"),
        ("块钱", "CNY"),
        ("块", "CNY"),
        ("人民币", "CNY"),
        ("元人民币", "CNY"),
        ("人民币元", "CNY"),
        ("美元", "USD"),
        ("美圆", "USD"),
        ("美金", "USD"),
        ("港元", "HKD"),
        ("港币", "HKD"),
        ("澳门元", "MOP"),
        ("澳门币", "MOP"),
        ("澳元", "AUD"),
        ("澳大利亚元", "AUD"),
        ("新台币", "TWD"),
        ("台币", "TWD"),
        ("欧元", "EUR"),
        ("日元", "JPY"),
        ("日币", "JPY"),
        ("英镑", "GBP"),
        ("韩元", "KRW"),
        ("卢布", "RUB"),
        ("瑞士法郎", "CHF"),
        ("加元", "CAD"),
        ("加拿大元", "CAD"),
        ("新加坡元", "SGD"),
        ("新西兰元", "NZD"),
        ("泰铢", "THB"),
        ("林吉特", "MYR"),
        ("卢比", "INR"),
        ("越南盾", "VND"),
        ("奈拉", "NGN"),
        ("雷亚尔", "BRL"),
        ("兰特", "ZAR"),
    ])
});

/// Currency words and symbols written before the amount (`人民币 50元`, `港币两千元`, `$20`).
const PREFIX: &[(&str, &str)] = &[
    ("人民币", "CNY"),
    ("RMB", "CNY"),
    ("CNY", "CNY"),
    ("¥", "CNY"),
    ("US$", "USD"),
    ("USD", "USD"),
    ("美元", "USD"),
    ("HK$", "HKD"),
    ("HKD", "HKD"),
    ("港币", "HKD"),
    ("港元", "HKD"),
    ("NT$", "TWD"),
    ("新台币", "TWD"),
    ("台币", "TWD"),
    ("澳门币", "MOP"),
    ("MOP", "MOP"),
    ("€", "EUR"),
    ("EUR", "EUR"),
    ("欧元", "EUR"),
    ("£", "GBP"),
    ("GBP", "GBP"),
    ("英镑", "GBP"),
    ("日元", "JPY"),
    ("JPY", "JPY"),
    ("$", "USD"),
];

/// Words that, shortly before a scaled number without a currency, make it an amount of money in
/// yuan (`投资过5亿的项目`, `引资1.85亿`).
const MONEY_CONTEXT: &[&str] = &[
    "投资",
    "资金",
    "金额",
    "引资",
    "融资",
    "总额",
    "资本",
    "基金",
    "贷款",
    "拨款",
    "补助",
    "补贴",
    "奖补",
    "奖励",
    "出资",
    "注资",
    "募资",
    "销售额",
    "营收",
    "营业收入",
    "产值",
    "税收",
    "投入",
];

/// Characters allowed between such a word and the number (`投资过`, `总投资约`, `投资额达`).
const CONTEXT_GLUE: &str = "过超约近逾达为了共计合累额总额度高突破";

/// A currency word right after the amount, returning the ISO code and where the word ends.
fn currency_after(text: &str, pos: usize) -> Option<(&'static str, usize)> {
    let p = skip_spaces(text, pos);
    let (word, &iso, end) = SUFFIX.at(text, p)?;
    // 块 is money only when no noun follows (三块 vs 三块土地).
    if word == "块"
        && text[end..]
            .chars()
            .next()
            .is_some_and(|c| crate::normalize::script::is_han(c) && c != '又' && !crate::number::is_chinese_numeral_char(c))
    {
        return None;
    }
    // 9000元日币, 三万元欧元: a currency after 元 is the currency.
    if matches!(word, "元" | "圆")
        && let Some((w2, &iso2, end2)) = SUFFIX.at(text, end)
        && !matches!(w2, "元" | "圆" | "块" | "块钱")
    {
        return Some((iso2, end2));
    }
    Some((iso, end))
}

/// A currency word or symbol right before the amount, returning the ISO code and where it starts.
fn currency_before(text: &str, start: usize) -> Option<(&'static str, usize)> {
    let head = text[..start].trim_end_matches(' ');
    PREFIX.iter().find_map(|&(w, iso)| head.strip_suffix(w).map(|rest| (iso, rest.len())))
}

/// Sub-units after a yuan or dollar amount: `3角`, `6毛`, `1分`, `又三美分`, and a closing `钱`/`整`.
fn sub_units(text: &str, numbers: &[NumberMention], iso: &str, mut pos: usize) -> (Decimal, usize) {
    let mut extra = Decimal::ZERO;
    let units: &[(&str, Decimal)] = match iso {
        "CNY" => &[("角", Decimal::new(1, 1)), ("毛", Decimal::new(1, 1)), ("分", Decimal::new(1, 2))],
        "USD" => &[("美分", Decimal::new(1, 2))],
        _ => &[],
    };
    for _ in 0..2 {
        let at = if text[pos..].starts_with('又') { pos + '又'.len_utf8() } else { pos };
        // (`numbers` are in text order.)
        let next = numbers.get(numbers.partition_point(|m| m.span.start < at));
        let Some(m) = next.filter(|m| m.span.start == at && m.max.is_none() && m.value < Decimal::TEN) else { break };
        let Some(&(u, factor)) = units.iter().find(|(u, _)| text[m.span.end..].starts_with(u)) else { break };
        extra += m.value * factor;
        pos = m.span.end + u.len();
    }
    for tail in ["钱", "整"] {
        if text[pos..].starts_with(tail) {
            pos += tail.len();
        }
    }
    (extra, pos)
}

/// Whether a scaled number without a currency is money by its context.
fn money_by_context(text: &str, m: &NumberMention) -> bool {
    if !m.scaled {
        return false;
    }
    // What follows must end the phrase: a unit or a noun would make it something else.
    let next = text[m.span.end..].chars().next();
    if !next.is_none_or(|c| !crate::normalize::script::is_han(c) || "的、和及与或等以左".contains(c)) {
        return false;
    }
    let mut head = &text[..m.span.start];
    for _ in 0..3 {
        match head.chars().next_back() {
            Some(c) if CONTEXT_GLUE.contains(c) => head = &head[..head.len() - c.len_utf8()],
            _ => break,
        }
    }
    MONEY_CONTEXT.iter().any(|w| head.ends_with(w))
}

impl Recognizer for Money {
    fn name(&self) -> &'static str {
        "money"
    }

    fn recognize(&self, ctx: &Context<'_>, found: &mut Found) {
        let text = ctx.text;
        let numbers = ctx.numbers();
        let mut list: Vec<(std::ops::Range<usize>, fact::Money)> = Vec::new();
        let mut list_flags = Vec::new();
        let mut consumed_until = 0;
        for m in numbers {
            if m.span.start < consumed_until || found.is_claimed(&m.span) {
                continue;
            }
            // The fact's span starts at the currency word before the number only when that word
            // decides the currency: 港币两千九百六十元, 新台币 177.1 亿元, $20 (but 人民币5亿元
            // reads 5亿元).
            let (iso, mut end, start) = match (currency_after(text, m.span.end), currency_before(text, m.span.start)) {
                (Some(("CNY", end)), Some((iso, start))) if iso != "CNY" => (iso, end, start),
                (Some((iso, end)), _) => (iso, end, m.span.start),
                (None, Some((iso, start))) => (iso, m.span.end, start),
                (None, None) if money_by_context(text, m) => ("CNY", m.span.end, m.span.start),
                (None, None) => continue,
            };
            // Only numbers with a currency are looked at further (the quotation test reads
            // around the number).
            if in_name_or_slogan(text, &m.span) {
                continue;
            }
            let (extra, sub_end) = sub_units(text, numbers, iso, end);
            end = sub_end;
            consumed_until = end;
            let (qualifier, from_list_word) = qualifier_around(text, m, end);
            let value = (m.value + extra).normalize();
            list.push((start..end, fact::Money { value, currency: iso.to_owned(), qualifier, max: m.max.map(|x| x.normalize()) }));
            list_flags.push(from_list_word);
        }
        spread_list_qualifier(text, &mut list, &list_flags, |m| m.qualifier, |m, q| m.qualifier = Some(q));
        merge_ranges(text, &mut list, |a, b| a.currency == b.currency, |m| (m.value, m.max), |m, max| m.max = Some(max));
        for (span, money) in list {
            found.push(Candidate { span, value: Value::Money(money) });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::parse_money;

    fn money(s: &str) -> (String, String) {
        let m = parse_money(s).unwrap_or_else(|e| panic!("{s}: {e}"));
        (m.value.to_string(), m.currency)
    }

    #[test]
    fn currencies() {
        assert_eq!(money("116.68亿元"), ("11668000000".into(), "CNY".into()));
        assert_eq!(money("4830万美元"), ("48300000".into(), "USD".into()));
        assert_eq!(money("5亿元人民币"), ("500000000".into(), "CNY".into()));
        assert_eq!(money("1.95港元"), ("1.95".into(), "HKD".into()));
        assert_eq!(money("100澳门元"), ("100".into(), "MOP".into()));
        assert_eq!(money("100澳元"), ("100".into(), "AUD".into()));
        assert_eq!(money("5306亿台币"), ("530600000000".into(), "TWD".into()));
        assert_eq!(money("港币两千九百六十元"), ("2960".into(), "HKD".into()));
        assert_eq!(money("9000元日币"), ("9000".into(), "JPY".into()));
        assert_eq!(money("$20"), ("20".into(), "USD".into()));
        assert_eq!(money("¥300"), ("300".into(), "CNY".into()));
    }

    #[test]
    fn sub_units() {
        assert_eq!(money("50元6角三分").0, "50.63");
        assert_eq!(money("五元三毛").0, "5.3");
        assert_eq!(money("两美元又三美分").0, "2.03");
        assert_eq!(money("一百三十五块六角七分钱").0, "135.67");
    }

    #[test]
    fn ranges_and_qualifiers() {
        let m = parse_money("5亿元至10亿元").unwrap();
        assert_eq!((m.value.to_string(), m.max.unwrap().to_string()), ("500000000".into(), "1000000000".into()));
        let m = parse_money("3-5亿元").unwrap();
        assert_eq!((m.value.to_string(), m.max.unwrap().to_string()), ("300000000".into(), "500000000".into()));
        assert_eq!(parse_money("约4.287亿美元").unwrap().qualifier, Some(crate::Qualifier::Approx));
        assert_eq!(parse_money("10亿元以上").unwrap().qualifier, Some(crate::Qualifier::Over));
    }

    #[test]
    fn not_money() {
        for s in ["五角大楼", "3块土地", "52个", "标准普尔指数下降"] {
            assert!(parse_money(s).is_err(), "{s}");
        }
    }
}
