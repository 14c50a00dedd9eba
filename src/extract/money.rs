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

use super::names::name_form;
use super::{
    Candidate, Context, Found, Lexicon, Recognizer, in_name_or_slogan, list_ends, listed, merge_ranges, qualifier_around, skip_spaces,
    spread_list_qualifier,
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
        ("令吉", "MYR"),
        ("马币", "MYR"),
        ("韩币", "KRW"),
        ("印度卢比", "INR"),
        ("澳币", "AUD"),
        ("加币", "CAD"),
        ("新币", "SGD"),
        ("日圆", "JPY"),
        ("泰币", "THB"),
        ("英磅", "GBP"),
        // Hong Kong and Macau speech: a dollar of the place.
        ("蚊", "HKD"),
        ("USD", "USD"),
        ("CNY", "CNY"),
        ("RMB", "CNY"),
        ("HKD", "HKD"),
        ("MOP", "MOP"),
        ("TWD", "TWD"),
        ("NTD", "TWD"),
        ("JPY", "JPY"),
        ("EUR", "EUR"),
        ("GBP", "GBP"),
        ("AUD", "AUD"),
        ("CAD", "CAD"),
        ("SGD", "SGD"),
        ("KRW", "KRW"),
        ("INR", "INR"),
        ("MYR", "MYR"),
        ("THB", "THB"),
        ("CHF", "CHF"),
        ("NZD", "NZD"),
        ("€", "EUR"),
    ])
});

/// Currency words, codes and symbols written before the amount (`人民币 50元`, `港币两千元`,
/// `$20`, `A$45万`, `JPY¥300万`). The longest written one counts (`HK$` before `$`).
const PREFIX: &[(&str, &str)] = &[
    ("人民币", "CNY"),
    ("RMB", "CNY"),
    ("CNY", "CNY"),
    ("CN¥", "CNY"),
    ("¥", "CNY"),
    ("￥", "CNY"),
    ("US$", "USD"),
    ("USD", "USD"),
    ("美元", "USD"),
    ("美金", "USD"),
    ("$", "USD"),
    ("HK$", "HKD"),
    ("HKD", "HKD"),
    ("港币", "HKD"),
    ("港元", "HKD"),
    ("MOP$", "MOP"),
    ("MOP", "MOP"),
    ("澳门币", "MOP"),
    ("澳门元", "MOP"),
    ("NT$", "TWD"),
    ("NTD", "TWD"),
    ("TWD", "TWD"),
    ("新台币", "TWD"),
    ("台币", "TWD"),
    ("A$", "AUD"),
    ("AU$", "AUD"),
    ("AUD", "AUD"),
    ("C$", "CAD"),
    ("CA$", "CAD"),
    ("CAD", "CAD"),
    ("S$", "SGD"),
    ("SGD", "SGD"),
    ("NZ$", "NZD"),
    ("NZD", "NZD"),
    ("€", "EUR"),
    ("EUR", "EUR"),
    ("欧元", "EUR"),
    ("£", "GBP"),
    ("GBP", "GBP"),
    ("英镑", "GBP"),
    ("JPY", "JPY"),
    ("JPY¥", "JPY"),
    ("JP¥", "JPY"),
    ("日元", "JPY"),
    ("₩", "KRW"),
    ("KRW", "KRW"),
    ("韩元", "KRW"),
    ("₹", "INR"),
    ("INR", "INR"),
    ("MYR", "MYR"),
    ("RM", "MYR"),
    ("THB", "THB"),
    ("฿", "THB"),
    ("CHF", "CHF"),
];

/// Words in a sentence that make its `¥` the Japanese yen (the same sign as the yuan's).
const JAPAN: &[&str] = &["日本", "日元", "日圆", "日币", "东京", "大阪", "JPY"];

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
    "揽金",
    "吸金",
    "筹资",
    "集资",
    "募集",
    "筹集",
];

/// Words right after a scaled number without a unit that make it a target (`完成全年80亿目标任务`):
/// it is then in the unit of the figure it is the target of, the nearest one before it in its
/// sentence.
const TARGET_AFTER: &[&str] = &["目标", "任务", "计划"];

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
    // A code stands alone (100 USD, not 100 USDT).
    if word.starts_with(|c: char| c.is_ascii_alphabetic()) && text[end..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return None;
    }
    // 块 is money only when no noun follows (三块 vs 三块土地).
    if word == "块"
        && text[end..].chars().next().is_some_and(|c| {
            crate::normalize::script::is_han(c)
                && c != '又'
                && !crate::number::is_chinese_numeral_char(c)
                && crate::number::digit_in_numeral(c).is_none()
        })
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
        "元" | "圆" | "块" | "块钱" | "蚊" => Written::Bare,
        "澳元" => Written::Aoyuan,
        _ => Written::Named,
    };
    Some((iso, end, written))
}

/// Whether a currency is written right before `start` or at `after` (for numbers not read
/// whole, which are no fact but are warned about where one would have been).
pub(crate) fn unit_at(text: &str, start: usize, after: usize) -> bool {
    currency_after(text, after).is_some() || currency_before(text, start).is_some()
}

/// A currency word or symbol right before the amount, returning the ISO code and where it
/// starts. A code stands alone (`USD`, not the end of a longer word); `¥` is the yen in a
/// sentence about Japan.
fn currency_before(text: &str, start: usize) -> Option<(&'static str, usize)> {
    // The characters prefixes end with, to pass over most numbers at once.
    static LAST: LazyLock<Vec<char>> = LazyLock::new(|| {
        let mut last: Vec<char> = PREFIX.iter().filter_map(|(w, _)| w.chars().next_back()).collect();
        last.sort_unstable();
        last.dedup();
        last
    });
    let head = text[..start].trim_end_matches(' ');
    if head.chars().next_back().is_none_or(|c| LAST.binary_search(&c).is_err()) {
        return None;
    }
    let (w, iso) = PREFIX
        .iter()
        .filter(|(w, _)| {
            head.strip_suffix(*w).is_some_and(|rest| {
                !(w.starts_with(|c: char| c.is_ascii_alphabetic()) && rest.ends_with(|c: char| c.is_ascii_alphabetic()))
            })
        })
        .max_by_key(|(w, _)| w.len())?;
    let at = head.len() - w.len();
    let iso =
        if *iso == "CNY" && w.ends_with(['¥', '￥']) && !w.starts_with("CN") && sentence_names(text, at, JAPAN) { "JPY" } else { iso };
    Some((iso, at))
}

/// Whether the sentence around `at` names one of `words`.
fn sentence_names(text: &str, at: usize, words: &[&str]) -> bool {
    let ends = |c: char| matches!(c, '。' | '!' | '?' | ';' | '\n');
    let head = &text[..at];
    let start = head
        .char_indices()
        .rev()
        .take(200)
        .find(|&(_, c)| ends(c))
        .map_or_else(|| head.char_indices().rev().take(200).last().map_or(0, |(i, _)| i), |(i, c)| i + c.len_utf8());
    let tail = &text[at..];
    let end = at
        + tail
            .char_indices()
            .take(200)
            .find(|&(_, c)| ends(c))
            .map_or_else(|| tail.char_indices().take(200).last().map_or(0, |(i, c)| i + c.len_utf8()), |(i, _)| i);
    words.iter().any(|w| text[start..end].contains(w))
}

/// The sub-units of a currency, largest first, with their value in the base unit.
fn sub_unit_table(iso: &str) -> &'static [(&'static str, Decimal)] {
    const TENTH: Decimal = Decimal::from_parts(1, 0, 0, false, 1);
    const HUNDREDTH: Decimal = Decimal::from_parts(1, 0, 0, false, 2);
    match iso {
        "CNY" => &[("角", TENTH), ("毛", TENTH), ("分", HUNDREDTH)],
        // Hong Kong and Macau: 毫 (ten cents) and 仙 (a cent).
        "HKD" | "MOP" => &[("毫", TENTH), ("角", TENTH), ("仙", HUNDREDTH)],
        "USD" => &[("美分", HUNDREDTH)],
        "EUR" => &[("欧分", HUNDREDTH)],
        _ => &[],
    }
}

/// The sub-unit of `units` that `rest` begins with (not the 分 of 分钟 or 分之).
fn sub_unit_word(units: &[(&'static str, Decimal)], rest: &str) -> Option<(&'static str, Decimal)> {
    units.iter().copied().find(|(u, _)| rest.starts_with(u) && !["钟", "之"].iter().any(|w| rest[u.len()..].starts_with(w)))
}

/// One digit at `pos` (Chinese or Arabic, not followed by another digit): its value and end.
fn digit_at(text: &str, pos: usize) -> Option<(Decimal, usize)> {
    let c = text.get(pos..)?.chars().next()?;
    let d = if c.is_ascii_digit() { c as u8 - b'0' } else { crate::number::digit_in_numeral(c)? };
    let end = pos + c.len_utf8();
    (!text[end..].starts_with(|n: char| n.is_ascii_digit())).then_some((Decimal::from(d), end))
}

/// What follows an amount's main unit.
struct SubUnits {
    /// The value of the sub-units, in the base unit.
    value: Decimal,
    /// Where the amount ends (after a closing `钱` or `整`).
    end: usize,
    /// Whether a numeral follows the amount that continues it in a way not read (`两块五一斤`).
    cut: bool,
}

/// Sub-units after an amount whose main unit ends at `pos`: `3角`, `6毛`, `1分`, `零6分`,
/// `又三美分`, Hong Kong's `一毫` and `4仙`; a digit alone after a colloquial main unit (`块`, or
/// Hong Kong's `个`) is its tenths (`十五块五` = 15.5), and after a tenth its hundredths
/// (`五毛二`, `一毫四`); then a closing `钱` or `整`.
fn sub_units(text: &str, iso: &str, colloquial: bool, mut pos: usize) -> SubUnits {
    let units = sub_unit_table(iso);
    let mut value = Decimal::ZERO;
    // The value of a digit written alone at this point: tenths after a colloquial main unit,
    // hundredths after a tenth; none after a 元 (元5 is no sub-unit).
    let mut alone = if colloquial { units.first().map(|u| u.1) } else { None };
    let mut cut = false;
    for _ in 0..2 {
        // (零6分, and 06分 as digits write it.)
        let at = ["又", "零", "0"]
            .iter()
            .find(|w| text[pos..].starts_with(**w) && digit_at(text, pos + w.len()).is_some())
            .map_or(pos, |w| pos + w.len());
        let Some((d, digit_end)) = digit_at(text, at) else { break };
        if let Some((u, factor)) = sub_unit_word(units, &text[digit_end..]) {
            value += d * factor;
            pos = digit_end + u.len();
            alone = (factor > units.last().map_or(Decimal::ZERO, |l| l.1)).then(|| units.last().map(|l| l.1)).flatten();
            continue;
        }
        let Some(factor) = alone.filter(|_| at == pos) else { break };
        // A digit alone ends the amount; a numeral after it makes it something else.
        if text[digit_end..].starts_with(|c: char| crate::number::is_chinese_numeral_char(c) || c.is_ascii_digit()) {
            cut = true;
            break;
        }
        value += d * factor;
        pos = digit_end;
        break;
    }
    // A sub-unit written in a way not read (12元05角, 3元十分) cuts the amount.
    let numerals =
        text[pos..].trim_start_matches(|c: char| c.is_ascii_digit() || crate::number::digit_in_numeral(c).is_some() || c == '又');
    if numerals.len() < text.len() - pos && sub_unit_word(units, numerals).is_some() {
        cut = true;
    }
    for tail in ["钱", "整"] {
        if text[pos..].starts_with(tail) {
            pos += tail.len();
        }
    }
    SubUnits { value, end: pos, cut }
}

/// The scale of a number without a currency that is money by its context: 1 for a scaled
/// number after an investment word (`投资过5亿的`, `引资1.85亿`) or spoken (`两个亿`), 10^12 for
/// one followed by `兆` there (`总金额达2.23兆`: Taiwan's trillion, whose currency the text dropped),
/// with where the amount ends. `None` when the context says nothing of money.
fn money_by_context(text: &str, m: &NumberMention) -> Option<(Decimal, usize)> {
    // 两个亿, 100个亿: the spoken amount is money without a word for it.
    if m.scaled && text[m.span.clone()].contains("个亿") {
        return Some((Decimal::ONE, m.span.end));
    }
    let (scale, end) = match text[m.span.end..].strip_prefix('兆') {
        Some(_) if m.max.is_none() && !m.scaled => (Decimal::from(1_000_000_000_000_i64), m.span.end + '兆'.len_utf8()),
        _ if m.scaled => (Decimal::ONE, m.span.end),
        _ => return None,
    };
    (ends_phrase(text, end) && money_word_before(text, m.span.start)).then_some((scale, end))
}

/// Whether an investment word stands shortly before `start`.
fn money_word_before(text: &str, start: usize) -> bool {
    // (Scraped text puts a space between the word and the number: 总投资 86 亿.)
    // The word is looked for before each glue character taken off, since a word may end in one
    // (`总金额达2.23万亿`: 额 is glue in `投资额达`, and the end of 金额).
    let mut head = text[..start].trim_end_matches(' ');
    for _ in 0..=3 {
        if MONEY_CONTEXT.iter().any(|w| head.ends_with(w)) {
            return true;
        }
        match head.chars().next_back() {
            Some(c) if CONTEXT_GLUE.contains(c) => head = &head[..head.len() - c.len_utf8()],
            _ => break,
        }
    }
    false
}

/// Whether what follows a number without a unit (ending at `end`) ends its phrase: a unit or a
/// noun would make it something else.
fn ends_phrase(text: &str, end: usize) -> bool {
    let next = text[end..].chars().next();
    next.is_none_or(|c| !crate::normalize::script::is_han(c) || "的、和及与或等以左".contains(c))
}

/// The lines above the body: those before the first line that writes a sentence (a title, a
/// subtitle, a headline), page chrome left out.
fn head_lines(ctx: &Context<'_>) -> Vec<std::ops::Range<usize>> {
    ctx.layout.lines.iter().filter(|r| !ctx.layout.is_chrome(r)).take_while(|r| !ctx.text[(*r).clone()].contains('。')).cloned().collect()
}

/// A headline drops the currency its story writes (`援助批8,600宗24亿` over `涉及金额24亿元`): a
/// scaled number without a unit at the end of a phrase of a line above the body is the money of
/// the same value the body reports, in its currency. `list` holds the amounts found so far.
fn headline_amounts(
    ctx: &Context<'_>,
    bare: &[&NumberMention],
    list: &mut Vec<(std::ops::Range<usize>, fact::Money)>,
    flags: &mut Vec<bool>,
) {
    if bare.is_empty() {
        return;
    }
    let head = head_lines(ctx);
    let Some(body) = head.last().map(|r| r.end) else { return };
    for m in bare {
        let in_head = head.iter().any(|r| r.start <= m.span.start && m.span.end <= r.end);
        if !(m.scaled && m.max.is_none() && in_head && ends_phrase(ctx.text, m.span.end)) || in_name_or_slogan(ctx.text, &m.span) {
            continue;
        }
        let value = m.value.normalize();
        let told = list.iter().find(|(span, money)| span.start >= body && money.max.is_none() && money.value == value);
        if let Some((_, money)) = told {
            let money = fact::Money { value, currency: money.currency.clone(), qualifier: None, max: None };
            list.push((m.span.clone(), money));
            flags.push(false);
        }
    }
}

/// The currency of a target written without one (`实际到位资金1005136万元,…,完成全年80亿目标任务`):
/// that of the nearest figure before it in its sentence, when that figure is money (a
/// percentage between them qualifies that figure and is passed over).
fn target_currency(text: &str, numbers: &[NumberMention], i: usize) -> Option<(&'static str, Written)> {
    let m = &numbers[i];
    if !m.scaled || !TARGET_AFTER.iter().any(|w| text[m.span.end..].starts_with(w)) {
        return None;
    }
    for before in numbers[..i].iter().rev() {
        if text[before.span.end..m.span.start].contains(['。', ';', '\n', '!', '?']) {
            return None;
        }
        if crate::extract::percent::unit_at(text, skip_spaces(text, before.span.end)) {
            continue;
        }
        return currency_after(text, before.span.end).map(|(iso, _, written)| (iso, written));
    }
    None
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
        // Scaled numbers without a currency, for the headline's amounts.
        let mut bare: Vec<&NumberMention> = Vec::new();
        let ends = list_ends(text, numbers);
        for (i, m) in numbers.iter().enumerate() {
            if m.span.start < consumed_until || found.is_claimed(&m.span) {
                continue;
            }
            // A bare item of a list takes the currency and the scale of its last item (5、8亿元).
            let item = listed(text, numbers, &ends, i)
                .and_then(|(last, scale)| currency_after(text, last.span.end).map(|(iso, _, written)| (iso, written, scale)));
            let mut list_scale = Decimal::ONE;
            // The fact's span starts at the currency word before the number only when that word
            // decides the currency: 港币两千九百六十元, 新台币 177.1 亿元, $20 (but 人民币5亿元
            // reads 5亿元).
            let (iso, mut end, start, written) = match (currency_after(text, m.span.end), currency_before(text, m.span.start)) {
                (Some(("CNY", end, _)), Some((iso, start))) if iso != "CNY" => (iso, end, start, Written::Named),
                (Some((iso, end, written)), _) => (iso, end, m.span.start, written),
                // 港币三个一毫四: Hong Kong and Macau say 个 (or 蚊) for a dollar.
                (None, Some((iso @ ("HKD" | "MOP"), start))) if text[m.span.end..].starts_with('个') => {
                    (iso, m.span.end + '个'.len_utf8(), start, Written::Named)
                }
                (None, Some((iso, start))) => (iso, m.span.end, start, Written::Named),
                (None, None) if let Some((iso, written, scale)) = item => {
                    list_scale = scale;
                    (iso, m.span.end, m.span.start, written)
                }
                (None, None) if let Some((scale, end)) = money_by_context(text, m) => {
                    list_scale = scale;
                    ("CNY", end, m.span.start, Written::Bare)
                }
                (None, None) if let Some((iso, written)) = target_currency(text, numbers, i) => (iso, m.span.end, m.span.start, written),
                (None, None) => {
                    if m.scaled {
                        bare.push(m);
                    }
                    continue;
                }
            };
            // Only numbers with a currency are looked at further (the quotation test reads
            // around the number).
            if in_name_or_slogan(text, &m.span) {
                continue;
            }
            // 党的一元化领导, 城乡二元结构, 中间那一块: words and figures of speech.
            let word = text[m.span.end..end].trim_start_matches(' ');
            if written == Written::Bare && name_form(text, m, word, end).is_some() {
                found.claim(m.span.start..end);
                continue;
            }
            // Sub-units follow the word written (元3角 in any region's yuan or dollar).
            let colloquial = ["块", "个", "蚊"].iter().any(|w| text[..end].ends_with(w));
            let sub = sub_units(text, iso, colloquial, end);
            if sub.cut {
                found.refuse(ctx, start..sub.end, "the amount goes on with a numeral that cannot be read with it");
                consumed_until = sub.end;
                continue;
            }
            let (extra, sub_end) = (sub.value, sub.end);
            end = sub_end;
            let (iso, word) = regional(iso, written, region);
            note(&mut by_region, word);
            consumed_until = end;
            let (mut qualifier, from_list_word) = qualifier_around(text, m, end);
            // 约新台币5.2兆元: a qualifier before the currency word.
            if qualifier.is_none() && start < m.span.start {
                qualifier = crate::number::prefix_qualifier(text, start).map(|(q, _)| q);
            }
            let value = (m.value * list_scale + extra).normalize();
            let max = m.max.map(|x| (x * list_scale).normalize());
            list.push((start..end, fact::Money { value, currency: iso.to_owned(), qualifier, max }));
            list_flags.push(from_list_word);
        }
        let numbered = list.len();
        headline_amounts(ctx, &bare, &mut list, &mut list_flags);
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
