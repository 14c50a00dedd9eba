//! Money: a number with a currency (`116.68亿元`, `4830万美元`, `港币两千九百六十元`, `$20`), or
//! a scaled number where the sentence is about investment (`投资过5亿的`).
//!
//! Values are in the currency's base unit, exact: `116.68亿元` is `11668000000` CNY. Sub-units
//! (`5元3角`, `两美元又三美分`) are added in.
//!
//! A bare `元` is the currency of the document's region ([`crate::gazetteer::region`]): yuan in
//! mainland texts, New Taiwan dollars in Taiwan's, Hong Kong dollars in Hong Kong's, patacas in
//! Macau's (where `澳元` is the pataca too, not the Australian dollar); a warning says when the
//! region decided. Spoken and elliptical amounts are read too: `两个亿` (2亿, money without a
//! currency word), `三五百万元` (3 to 5 百万), `超千万元` and `亿元以上` (a scale without a digit).
//! An amount is never reported with part of its value dropped: a number that continues with
//! characters the parser cannot read (`兆` before a unit it does not know) is no fact.

use std::sync::LazyLock;

use rust_decimal::Decimal;

use super::{
    Candidate, Context, Found, Lexicon, Recognizer, in_name_or_slogan, merge_ranges, qualifier_around, skip_spaces, spread_list_qualifier,
};
use crate::fact::{self, Value};
use crate::gazetteer::region::Region;
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
    "揽金",
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

/// How a currency was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Written {
    /// By its own name (`美元`, `人民币`, `新台币`).
    Named,
    /// As a bare `元` (or `块`), whose currency is the region's.
    Bare,
    /// As `澳元`: the pataca in Macau, the Australian dollar elsewhere.
    Aoyuan,
}

/// The currency of a bare `元` or of `澳元` in a document of `region`, and the word whose
/// currency the region decided.
fn regional(iso: &'static str, written: Written, region: Option<Region>) -> (&'static str, Option<&'static str>) {
    match (written, region) {
        (Written::Bare, Some(r)) => (r.currency(), Some("元")),
        (Written::Aoyuan, Some(Region::Macau)) => ("MOP", Some("澳元")),
        _ => (iso, None),
    }
}

/// Remember `word` among the words whose currency the region decided.
fn note(words: &mut Vec<&'static str>, word: Option<&'static str>) {
    if let Some(w) = word
        && !words.contains(&w)
    {
        words.push(w);
    }
}

/// A currency word right after the amount, returning the ISO code, where the word ends and
/// how it was written.
fn currency_after(text: &str, pos: usize) -> Option<(&'static str, usize, Written)> {
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
        return Some((iso2, end2, if w2 == "澳元" { Written::Aoyuan } else { Written::Named }));
    }
    let written = match word {
        "元" | "圆" | "块" | "块钱" => Written::Bare,
        "澳元" => Written::Aoyuan,
        _ => Written::Named,
    };
    Some((iso, end, written))
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
    // 两个亿, 100个亿: the spoken amount is money without a word for it.
    if text[m.span.clone()].contains("个亿") {
        return true;
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

/// Whether the number `m` is the head or the tail of a longer number the parser did not read
/// whole: a `兆`/`京` right after it, or a scale character or digit right before it.
fn is_part_of_unread_number(text: &str, m: &NumberMention) -> bool {
    let after = text[m.span.end..].chars().next();
    let before = text[..m.span.start].chars().next_back();
    after.is_some_and(|c| matches!(c, '兆' | '京')) || before.is_some_and(|c| matches!(c, '兆' | '京'))
}

/// Amounts written as a scale without a digit: `超千万元` (over 10^7 yuan), `亿元以上`, `逾百亿元`.
/// Only with a qualifier on either side, which makes the scale an amount (a bare `万元` is the
/// unit of a table). Notes in `by_region` the words whose currency the region decided.
fn bare_scales(
    ctx: &Context<'_>,
    found: &Found,
    region: Option<Region>,
    list: &mut Vec<(std::ops::Range<usize>, fact::Money)>,
    flags: &mut Vec<bool>,
    by_region: &mut Vec<&'static str>,
) {
    // Where the scale characters are, by one SIMD substring search each (a search for a set
    // of `char`s decodes every character of the text, and a multi-pattern one is slowed by the
    // lead byte they share with most Han characters).
    static SCALES: LazyLock<[memchr::memmem::Finder<'static>; 4]> =
        LazyLock::new(|| ["千", "百", "万", "亿"].map(|w| memchr::memmem::Finder::new(w.as_bytes())));
    let text = ctx.text;
    let mut scales: Vec<usize> = SCALES.iter().flat_map(|f| f.find_iter(text.as_bytes())).collect();
    scales.sort_unstable();
    let mut pos = 0;
    for at in scales {
        if at < pos {
            continue;
        }
        pos = at + '万'.len_utf8();
        // A scale after a digit or another numeral character is part of a number.
        if crate::number::char_before(text, at)
            .is_some_and(|c| c.is_ascii_digit() || crate::number::is_chinese_numeral_char(c) || c == '兆')
        {
            continue;
        }
        let Some((value, scale_end)) = crate::number::bare_scale_at(text, at) else { continue };
        pos = scale_end;
        let Some((iso, end, written)) = currency_after(text, scale_end) else { continue };
        if text[scale_end..].starts_with(' ') || found.is_claimed(&(at..end)) || list.iter().any(|(s, _)| s.start < end && at < s.end) {
            continue;
        }
        let before = crate::number::prefix_qualifier(text, at).map(|(q, _)| q);
        let after = crate::number::suffix_qualifier(text, end).map(|(q, _)| q);
        let Some(qualifier) = before.or(after) else { continue };
        let (iso, word) = regional(iso, written, region);
        note(by_region, word);
        list.push((at..end, fact::Money { value: value.normalize(), currency: iso.to_owned(), qualifier: Some(qualifier), max: None }));
        flags.push(after.is_some() && before.is_none());
        pos = end;
    }
}

impl Recognizer for Money {
    fn name(&self) -> &'static str {
        "money"
    }

    fn recognize(&self, ctx: &Context<'_>, found: &mut Found) {
        let text = ctx.text;
        let numbers = ctx.numbers();
        let region = ctx.region().map(|(r, _)| r);
        // The words whose currency the region decided (for one warning per document).
        let mut by_region: Vec<&'static str> = Vec::new();
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
            let (iso, mut end, start, written) = match (currency_after(text, m.span.end), currency_before(text, m.span.start)) {
                (Some(("CNY", end, _)), Some((iso, start))) if iso != "CNY" => (iso, end, start, Written::Named),
                (Some((iso, end, written)), _) => (iso, end, m.span.start, written),
                (None, Some((iso, start))) => (iso, m.span.end, start, Written::Named),
                (None, None) if money_by_context(text, m) => ("CNY", m.span.end, m.span.start, Written::Bare),
                (None, None) => continue,
            };
            // Only numbers with a currency are looked at further (the quotation test reads
            // around the number).
            if in_name_or_slogan(text, &m.span) {
                continue;
            }
            // Part of a longer number the parser could not read whole (3兆1,250亿 with a 兆 it
            // did not take for 10^12): no figure rather than a figure missing a part.
            if is_part_of_unread_number(text, m) {
                continue;
            }
            // Sub-units follow the word written (元3角 in any region's yuan or dollar).
            let (extra, sub_end) = sub_units(text, numbers, iso, end);
            end = sub_end;
            let (iso, word) = regional(iso, written, region);
            note(&mut by_region, word);
            consumed_until = end;
            let (mut qualifier, from_list_word) = qualifier_around(text, m, end);
            // 约新台币5.2兆元: a qualifier before the currency word.
            if qualifier.is_none() && start < m.span.start {
                qualifier = crate::number::prefix_qualifier(text, start).map(|(q, _)| q);
            }
            let value = (m.value + extra).normalize();
            list.push((start..end, fact::Money { value, currency: iso.to_owned(), qualifier, max: m.max.map(|x| x.normalize()) }));
            list_flags.push(from_list_word);
        }
        let numbered = list.len();
        bare_scales(ctx, found, region, &mut list, &mut list_flags, &mut by_region);
        if list.len() > numbered {
            let mut both: Vec<_> = list.drain(..).zip(list_flags.drain(..)).collect();
            both.sort_by_key(|((span, _), _)| span.start);
            (list, list_flags) = both.into_iter().unzip();
        }
        if !by_region.is_empty()
            && let Some((r, why)) = ctx.region()
        {
            found.warnings.push(format!(
                "currency inferred from the region: {} read as {} because the document is from {} ({why})",
                by_region.join(" and "),
                r.currency(),
                r.name()
            ));
        }
        // The region's hook: when the region was decided on little, or left undecided against
        // its words, amounts in the currency it chose say so.
        let default = region.map_or("CNY", Region::currency);
        if let Some(doubt) = &ctx.region_reading().doubt
            && list.iter().any(|(_, m)| m.currency == default)
        {
            found.warnings.push(format!("the region is uncertain: {doubt}; amounts in a bare 元 are read as {default}"));
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
    fn the_region_decides_a_bare_yuan_and_says_so() {
        let doc = crate::extract("中新社澳门5月3日电 特区政府向每名居民发放1万元,总额约68亿澳元。");
        let currencies: Vec<String> = doc
            .facts
            .iter()
            .filter_map(|f| match &f.value {
                crate::Value::Money(m) => Some(m.currency.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(currencies, ["MOP", "MOP"]);
        let warning = doc.warnings.iter().find(|w| w.starts_with("currency inferred from the region")).expect("a warning");
        assert!(warning.contains("元 and 澳元 read as MOP") && warning.contains("Macau") && warning.contains("中新社澳门"), "{warning}");
        let mainland = crate::extract("全市新签约项目52个,总投资116.68亿元。");
        assert!(mainland.warnings.iter().all(|w| !w.contains("region")));
    }

    #[test]
    fn not_money() {
        for s in ["五角大楼", "3块土地", "52个", "标准普尔指数下降"] {
            assert!(parse_money(s).is_err(), "{s}");
        }
    }
}
