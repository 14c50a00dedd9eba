//! Numbers written the ways documents, receipts and legacy pages write them, each in a sentence
//! with a unit, and the value it was written from: the cases of the whole-number property
//! (`tests/integration/whole_numbers.rs`, and the fuzz target `whole_numbers`). The writer takes
//! its choices from a source of numbers (a seeded generator, or the fuzzer's bytes), so that the
//! cases are not a list anyone could tune the parser to.
//!
//! The property: every money, count, percent or quantity fact overlapping the written number
//! has exactly its value, or no fact is reported.

#![allow(dead_code)] // (each includer uses a part)

use std::ops::Range;

use rust_decimal::Decimal;

/// A source of choices: `pick(n)` is a number in `0..n` (`n > 0`).
pub trait Choices {
    /// A number in `0..n`.
    fn pick(&mut self, n: u64) -> u64;

    /// One of `items`.
    fn one<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.pick(items.len() as u64) as usize]
    }

    /// True with probability `1 / n`.
    fn one_in(&mut self, n: u64) -> bool {
        self.pick(n) == 0
    }
}

/// SplitMix64: a small seeded generator, enough to spread the cases.
#[derive(Debug, Clone)]
pub struct SplitMix(pub u64);

impl Choices for SplitMix {
    fn pick(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % n
    }
}

/// Choices read from bytes (a fuzzer's input); zeros once they run out.
#[derive(Debug, Clone)]
pub struct Bytes<'a>(pub &'a [u8]);

impl Choices for Bytes<'_> {
    fn pick(&mut self, n: u64) -> u64 {
        let take = self.0.len().min(8);
        let (head, rest) = self.0.split_at(take);
        self.0 = rest;
        head.iter().fold(0u64, |v, &b| v << 8 | u64::from(b)) % n
    }
}

/// How the number is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `1234567.25`
    Digits,
    /// `1,234,567.25`
    Grouped,
    /// `一百二十三万四千五百六十七点二五`, with 零 where it belongs, 两 or traditional characters
    /// at times.
    Chinese,
    /// `壹佰贰拾叁万肆仟伍佰陆拾柒`, with the variants 參/叁/参, 貳, 陸.
    Financial,
    /// Digits and scale characters: `123万4567`, `3万2千`, `1亿零5`, `2万350`.
    Mixed,
    /// A decimal and a scale: `123.456725万`, `1.2亿`.
    Scaled,
    /// Money in yuan, jiao and fen: `27308元5角6分`, `贰万柒仟叁佰零捌元伍角陆分`, `十五块五`.
    SubUnits,
}

/// Every style.
pub const STYLES: [Style; 7] =
    [Style::Digits, Style::Grouped, Style::Chinese, Style::Financial, Style::Mixed, Style::Scaled, Style::SubUnits];

/// What kind of fact the sentence states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An amount of money.
    Money,
    /// A count.
    Count,
    /// A quantity.
    Quantity,
    /// A percentage.
    Percent,
}

/// One case: a sentence, where the number stands in it (bytes, the unit outside), and the value.
#[derive(Debug, Clone)]
pub struct Case {
    /// The sentence.
    pub text: String,
    /// The bytes of the written number.
    pub number: Range<usize>,
    /// The value written.
    pub value: Decimal,
    /// How it is written.
    pub style: Style,
    /// What the sentence states.
    pub kind: Kind,
}

const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const FINANCIAL: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];

/// How Chinese numerals are spelled in one case.
#[derive(Debug, Clone, Copy)]
struct Spelling {
    digits: [char; 10],
    /// 千, 百, 十 (or 仟, 佰, 拾).
    units: [char; 3],
    /// 万, 亿 (or 萬, 億).
    large: [char; 2],
    /// 两 for 2 before a unit of a hundred or more.
    liang: bool,
    /// 十五 rather than 一十五 at the head of the number.
    bare_ten: bool,
}

impl Spelling {
    fn chinese(c: &mut impl Choices) -> Spelling {
        let traditional = c.one_in(4);
        Spelling {
            digits: DIGITS,
            units: ['千', '百', '十'],
            large: if traditional { ['萬', '億'] } else { ['万', '亿'] },
            liang: c.one_in(2),
            bare_ten: !c.one_in(4),
        }
    }

    fn financial(c: &mut impl Choices) -> Spelling {
        let mut digits = FINANCIAL;
        digits[2] = *c.one(&['贰', '貳']);
        digits[3] = *c.one(&['叁', '參', '参']);
        digits[6] = *c.one(&['陆', '陸']);
        let traditional = c.one_in(3);
        Spelling {
            digits,
            units: ['仟', '佰', '拾'],
            large: if traditional { ['萬', '億'] } else { ['万', '亿'] },
            liang: false,
            bare_ten: false,
        }
    }

    /// A digit before a unit of 10^`power`.
    fn digit(&self, d: u64, power: u32) -> char {
        if d == 2 && self.liang && power >= 2 { '两' } else { self.digits[d as usize] }
    }

    /// A number below 10 000: 三千零五十.
    fn section(&self, n: u64, out: &mut String, head: bool) {
        let parts = [(n / 1000, 3), (n / 100 % 10, 2), (n / 10 % 10, 1), (n % 10, 0)];
        let mut zero = false;
        let mut written = false;
        for (d, power) in parts {
            if d == 0 {
                zero |= written;
                continue;
            }
            if zero {
                out.push(self.digits[0]);
                zero = false;
            }
            // 十五 at the head of the number; 一十 elsewhere (一百一十).
            if !(power == 1 && d == 1 && head && !written && self.bare_ten) {
                out.push(self.digit(d, power));
            }
            if power > 0 {
                out.push(self.units[3 - power as usize]);
            }
            written = true;
        }
    }

    /// `n` with 万 and 亿 (and 万亿 above), zeros where they belong: 一亿零五, 三万零五十.
    fn number(&self, n: u64, out: &mut String, head: bool) {
        if n == 0 {
            out.push(self.digits[0]);
            return;
        }
        let (yi, wan, low) = (n / 100_000_000, n / 10_000 % 10_000, n % 10_000);
        if yi > 0 {
            self.number(yi, out, head);
            out.push(self.large[1]);
        }
        if wan > 0 {
            if yi > 0 && wan < 1000 {
                out.push(self.digits[0]);
            }
            self.section(wan, out, head && yi == 0);
            out.push(self.large[0]);
        }
        if low > 0 {
            if (yi > 0 || wan > 0) && (low < 1000 || (wan == 0 && yi > 0)) {
                out.push(self.digits[0]);
            }
            self.section(low, out, head && yi == 0 && wan == 0);
        }
    }
}

/// `digits` (no sign, no point) with a comma before every group of three.
fn grouped(digits: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// An integer of up to `max_digits` digits, its length spread evenly (small and large numbers
/// alike).
fn integer(c: &mut impl Choices, max_digits: u32) -> u64 {
    let digits = 1 + c.pick(u64::from(max_digits)) as u32;
    let low = if digits == 1 { 0 } else { 10u64.pow(digits - 1) };
    low + c.pick(10u64.pow(digits) - low)
}

/// The decimal `int.frac` with `places` places of `frac`.
fn decimal(int: u64, frac: u64, places: u32) -> Decimal {
    Decimal::from_i128_with_scale(i128::from(int) * 10i128.pow(places) + i128::from(frac), places)
}

/// The number written in `style`, with its value (the unit's words are the caller's).
fn write(c: &mut impl Choices, style: Style, kind: Kind) -> (String, Decimal) {
    // Counts are whole, except scaled ones (1.3万人次); percentages stay below ten thousand.
    let max_digits = if kind == Kind::Percent { 4 } else { 16 };
    let int = integer(c, max_digits);
    let places = if kind == Kind::Count || c.one_in(2) { 0 } else { 1 + c.pick(4) as u32 };
    let frac = if places == 0 { 0 } else { c.pick(10u64.pow(places)) };
    let frac_digits = format!("{frac:0width$}", width = places as usize);
    match style {
        Style::Digits | Style::Grouped => {
            let head = if style == Style::Grouped { grouped(&int.to_string()) } else { int.to_string() };
            let text = if places > 0 { format!("{head}.{frac_digits}") } else { head };
            (text, decimal(int, frac, places))
        }
        Style::Chinese | Style::Financial => {
            let spelling = if style == Style::Chinese { Spelling::chinese(c) } else { Spelling::financial(c) };
            let mut text = String::new();
            spelling.number(int, &mut text, true);
            if places > 0 {
                text.push('点');
                text.extend(frac_digits.bytes().map(|b| spelling.digits[usize::from(b - b'0')]));
            }
            (text, decimal(int, frac, places))
        }
        Style::Mixed => {
            let (yi, wan, low) = (int / 100_000_000, int / 10_000 % 10_000, int % 10_000);
            let large = if c.one_in(4) { ['萬', '億'] } else { ['万', '亿'] };
            let mut text = String::new();
            let section = |n: u64, c: &mut dyn FnMut(u64) -> bool| if n >= 1000 && c(2) { grouped(&n.to_string()) } else { n.to_string() };
            let mut flip = |n: u64| c.one_in(n);
            if yi > 0 {
                text.push_str(&section(yi, &mut flip));
                text.push(large[1]);
            }
            if wan > 0 {
                text.push_str(&section(wan, &mut flip));
                text.push(large[0]);
            }
            if low > 0 {
                if text.is_empty() {
                    text.push_str(&low.to_string());
                } else if low % 1000 == 0 && flip(2) {
                    // 3万2千
                    text.push_str(&format!("{}千", low / 1000));
                } else {
                    // One digit right after a scale is its next place (3万5 = 35000): a writer
                    // puts 零 before it when it means ones (3万零5).
                    if low < 10 {
                        text.push('零');
                    }
                    text.push_str(&section(low, &mut flip));
                }
            }
            if text.is_empty() {
                text.push('0');
            }
            (text, Decimal::from(int))
        }
        Style::Scaled => {
            let value = decimal(int, frac, places);
            let scales: &[(&str, u32)] = &[("万", 4), ("亿", 8), ("万亿", 12)];
            let (word, power) = *c.one(scales);
            let mantissa = (value / Decimal::from_i128_with_scale(10i128.pow(power), 0)).normalize();
            let written = mantissa.to_string();
            let written = match written.split_once('.') {
                Some((head, tail)) if c.one_in(3) => format!("{}.{tail}", grouped(head)),
                None if c.one_in(3) => grouped(&written),
                _ => written,
            };
            (format!("{written}{word}"), value)
        }
        Style::SubUnits => {
            let yuan = integer(c, 12).max(1);
            let (jiao, fen) = (c.pick(10), c.pick(10));
            let value = decimal(yuan, jiao * 10 + fen, 2);
            let spelling = match c.pick(3) {
                0 => None,
                1 => Some(Spelling::chinese(c)),
                _ => Some(Spelling::financial(c)),
            };
            let digit = |d: u64| spelling.map_or_else(|| char::from(b'0' + d as u8), |s| s.digits[d as usize]);
            let mut text = String::new();
            match spelling {
                None => text.push_str(&yuan.to_string()),
                Some(s) => s.number(yuan, &mut text, true),
            }
            // 十五块五: the colloquial yuan and its tenths, when there are no fen.
            if fen == 0 && jiao > 0 && spelling.is_some() && c.one_in(3) {
                text.push('块');
                text.push(digit(jiao));
                return (text, value);
            }
            text.push('元');
            if jiao > 0 {
                text.push(digit(jiao));
                text.push(*c.one(&['角', '毛']));
            } else if fen > 0 && c.one_in(2) {
                text.push(digit(0));
            }
            if fen > 0 {
                text.push(digit(fen));
                text.push('分');
            }
            (text, value)
        }
    }
}

/// Words before the number.
const BEFORE: &[&str] = &["", "全年", "共计", "实现", "累计完成", "全市新增", "其中", "总量达到", "约", "比上年多", "据统计,共有"];

/// Words after the number and its unit.
const AFTER: &[&str] = &["", "。", ",同比增长", "以上。", "左右", "\n下一段", ",其中"];

/// A case: a number in one of the styles, in a sentence stating a fact of some kind.
pub fn case(c: &mut impl Choices) -> Case {
    let style = *c.one(&STYLES);
    let kind = match style {
        Style::SubUnits => Kind::Money,
        // A percentage is written in digits or in Chinese numerals (百分之…).
        Style::Mixed | Style::Scaled => *c.one(&[Kind::Money, Kind::Count, Kind::Quantity]),
        _ => *c.one(&[Kind::Money, Kind::Count, Kind::Quantity, Kind::Percent]),
    };
    let (written, value) = write(c, style, kind);
    let (prefix, unit) = match (kind, style) {
        (Kind::Money, Style::SubUnits) => ("", ""),
        // 万元 (a table's unit) after digits.
        (Kind::Money, Style::Digits | Style::Grouped) => *c.one(&[("", "元"), ("", "美元"), ("", "万元"), ("人民币", "元"), ("", "港元")]),
        (Kind::Money, _) => *c.one(&[("", "元"), ("", "美元"), ("人民币", "元"), ("", "港元")]),
        (Kind::Count, _) => *c.one(&[("", "个"), ("", "家"), ("", "人"), ("", "项"), ("", "名")]),
        (Kind::Quantity, _) => *c.one(&[("", "吨"), ("", "平方米"), ("", "公顷"), ("", "千瓦时"), ("", "公斤")]),
        (Kind::Percent, Style::Chinese | Style::Financial) => ("百分之", ""),
        (Kind::Percent, _) => ("", "%"),
    };
    // 万元: the unit scales the value.
    let value = if unit == "万元" { value * Decimal::from(10_000) } else { value };
    let before = c.one(BEFORE);
    let after = c.one(AFTER);
    let start = before.len() + prefix.len();
    let text = format!("{before}{prefix}{written}{unit}{after}");
    Case { number: start..start + written.len(), text, value, style, kind }
}

/// Cases on lines of one document: the document, and where each case's line starts in it.
pub fn document(cases: &[Case]) -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut starts = Vec::with_capacity(cases.len());
    for case in cases {
        starts.push(text.len());
        text.push_str(&case.text);
        text.push('\n');
    }
    (text, starts)
}

/// What the extractor made of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A fact overlapping the number has exactly its value (and none has another).
    Whole,
    /// No fact overlaps the number.
    Nothing,
    /// A fact overlapping the number has another value.
    Wrong,
}

/// Judge the facts of a document holding the case's text at byte `at`.
pub fn judge(case: &Case, doc: &gongbao::Document, at: usize) -> Outcome {
    let number = at + case.number.start..at + case.number.end;
    let mut whole = false;
    for f in &doc.facts {
        let (value, max) = match &f.value {
            gongbao::Value::Money(m) => (m.value, m.max),
            gongbao::Value::Count(n) => (n.value, n.max),
            gongbao::Value::Percent(p) => (p.value, p.max),
            gongbao::Value::Quantity(q) => (q.value, q.max),
            _ => continue,
        };
        if f.span.start >= number.end || number.start >= f.span.end {
            continue;
        }
        if value != case.value || max.is_some() {
            return Outcome::Wrong;
        }
        whole = true;
    }
    if whole { Outcome::Whole } else { Outcome::Nothing }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_writer_writes_what_people_write() {
        let s = Spelling { digits: DIGITS, units: ['千', '百', '十'], large: ['万', '亿'], liang: false, bare_ten: true };
        let w = |n: u64| {
            let mut out = String::new();
            s.number(n, &mut out, true);
            out
        };
        assert_eq!(w(35_000_000), "三千五百万");
        assert_eq!(w(100_000_005), "一亿零五");
        assert_eq!(w(10_005), "一万零五");
        assert_eq!(w(3050), "三千零五十");
        assert_eq!(w(15), "十五");
        assert_eq!(w(115), "一百一十五");
        assert_eq!(grouped("1234567"), "1,234,567");
    }
}
