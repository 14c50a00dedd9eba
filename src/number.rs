//! The one number parser: Arabic and Chinese numerals, 万/亿 scales, ranges and qualifiers, as
//! exact decimals. Every extractor reads numbers through this module; nothing else parses them.
//!
//! What it reads:
//! - Arabic digits with decimals and thousands separators: `116.68`, `1,100`;
//! - Chinese numerals: `三千五百`, `两万`, `二十`, `十五`, colloquial `三万五` (= 35000), financial
//!   `壹贰叁` with `拾佰仟`, decimals `三点五`, digit sequences `二〇二三`;
//! - mixed forms: `3.5万`, `1.2万亿`, `33亿5,006万2千`;
//! - vague tails inside the number: `160多`, `50余`, `十几`, `10多万` (qualifier `over`);
//! - ranges: `5亿至10亿`, `3-5亿` (the lower bound takes the upper's scale), `1至2`, `三到五`.
//!
//! Values are [`Decimal`]s computed with checked arithmetic: `116.68亿` is exactly
//! `11668000000`, and a number too large to represent is an error, never a wrapped value.
//!
//! ```
//! use gongbao::number::parse_number;
//! use rust_decimal::Decimal;
//!
//! assert_eq!(parse_number("三千五百万").unwrap().value, Decimal::from(35_000_000));
//! assert_eq!(parse_number("116.68亿").unwrap().value.to_string(), "11668000000");
//! let range = parse_number("3-5亿").unwrap();
//! assert_eq!((range.value, range.max), (Decimal::from(300_000_000), Some(Decimal::from(500_000_000))));
//! ```

use std::ops::Range;
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::Qualifier;
use crate::char_class::CharClass;
use crate::error::{Error, Result};

/// A number read from a string, with its range bound and qualifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number {
    /// The value (the lower bound of a range).
    pub value: Decimal,
    /// The upper bound of a range.
    pub max: Option<Decimal>,
    /// How the number is hedged (`约`, `多`, `以上` ...).
    pub qualifier: Option<Qualifier>,
}

/// A number found in a text by [`scan`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberMention {
    /// Bytes of the numeral in the scanned text: the number (or range), with any vague tail
    /// (`多`, `余`) inside it, without units or outer qualifiers.
    pub span: Range<usize>,
    /// The value (lower bound of a range).
    pub value: Decimal,
    /// The upper bound of a range.
    pub max: Option<Decimal>,
    /// A qualifier written inside the number (`160多`, `50余`, `十几`).
    pub qualifier: Option<Qualifier>,
    /// Whether Arabic digits were used.
    pub arabic: bool,
    /// Whether Chinese numeral characters were used.
    pub chinese: bool,
    /// Whether the number ends in a 万/亿 scale (`5亿`, `3.5万`), as opposed to a plain number.
    pub scaled: bool,
    /// Whether the numeral is read from its true start to its true end. `false` when the
    /// characters right before or after it continue it in a way the parser does not read
    /// (`伍佰X拾亿` with an unknown X, `5万12345`, `1,234,5678`): the number is then only part
    /// of what is written, and no fact may be reported from it ([`numeral_run`] gives the
    /// whole run, for the warning).
    pub whole: bool,
}

impl NumberMention {
    /// The scale written at the end of the number (`1100亿` → 10^8, `3.5万` → 10^4, `2万亿` →
    /// 10^12), one when it ends in no 万 or 亿.
    pub fn scale(&self, text: &str) -> Decimal {
        let written = &text[self.span.clone()];
        written.chars().rev().map_while(large_unit).fold(Decimal::ONE, |s, e| s * pow10(e))
    }

    /// Whether the number is the bare Chinese `一` (or `两`), which is more often an article
    /// (`一个项目`, `一批企业`) than a figure.
    pub fn is_article(&self, text: &str) -> bool {
        !self.arabic && self.max.is_none() && matches!(&text[self.span.clone()], "一" | "壹")
    }
}

/// Something that went wrong in a number that looked like a figure (too many digits, a value
/// too large to represent exactly). Extraction reports these as warnings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberProblem {
    /// Where the number is.
    pub span: Range<usize>,
    /// What is wrong.
    pub message: String,
}

// ---------------------------------------------------------------------------------------------
// Characters

/// The value of a Chinese digit character.
pub fn chinese_digit(c: char) -> Option<u8> {
    Some(match c {
        '〇' | '零' | '○' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' | '貳' | '兩' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// The value of a digit character where a digit is expected (after 点, before 角 or 分): a
/// Chinese digit, or 参 (參) written for the financial 叁.
pub fn digit_in_numeral(c: char) -> Option<u8> {
    chinese_digit(c).or(matches!(c, '参' | '參').then_some(3))
}

/// The power of ten of a small unit character (十 百 千).
fn small_unit(c: char) -> Option<u32> {
    match c {
        '十' | '拾' => Some(1),
        '百' | '佰' => Some(2),
        '千' | '仟' => Some(3),
        _ => None,
    }
}

/// Unit words that begin with a numeral character (千瓦 is a kilowatt, not a thousand 瓦).
const UNIT_WORDS_WITH_NUMERAL: [&str; 10] = ["千瓦", "千米", "千克", "千伏", "千卡", "千焦", "千帕", "千赫", "千兆", "百米"];

/// The power of ten of a large unit character (万 亿).
fn large_unit(c: char) -> Option<u32> {
    match c {
        '万' | '萬' => Some(4),
        '亿' | '億' => Some(8),
        _ => None,
    }
}

/// Whether `c` can be part of a Chinese numeral.
pub fn is_chinese_numeral_char(c: char) -> bool {
    chinese_digit(c).is_some() || small_unit(c).is_some() || large_unit(c).is_some()
}

/// Whether a 兆 ending at `after` is 10^12: a currency follows (`2兆新台币`, `3兆元`), or more
/// of the number with a 亿 or 万 (`3兆1,250亿`).
fn zhao_is_trillion(text: &str, after: usize) -> bool {
    const CURRENCIES: [&str; 14] =
        ["元", "新台币", "台币", "美元", "美金", "日元", "日圆", "韩元", "港元", "港币", "人民币", "欧元", "英镑", "澳门元"];
    let rest = text.get(after..).unwrap_or("");
    if CURRENCIES.iter().any(|c| rest.starts_with(c)) {
        return true;
    }
    // Digits, separators and Chinese numerals up to a 亿 or 万, within a few characters.
    for (n, c) in rest.chars().enumerate() {
        if large_unit(c).is_some() {
            return n > 0;
        }
        if n >= 16 || !(c.is_ascii_digit() || c == ',' || c == '.' || chinese_digit(c).is_some() || small_unit(c).is_some()) {
            return false;
        }
    }
    false
}

/// A scale written without a digit (`千万`, `百亿`, `亿`), as in `超千万元` or `亿元以上`: its value
/// and where it ends. At least one 万 or 亿; 十, 百 or 千 only before them.
pub fn bare_scale_at(text: &str, pos: usize) -> Option<(Decimal, usize)> {
    let rest = text.get(pos..)?;
    let mut value = Decimal::ONE;
    let mut end = pos;
    let mut chars = rest.chars().peekable();
    if let Some(e) = chars.peek().and_then(|&c| small_unit(c).filter(|_| !is_financial(c))) {
        value = pow10(e);
        end += chars.next().map_or(0, char::len_utf8);
    }
    let mut large = 0;
    while let Some(e) = chars.peek().and_then(|&c| if c == '万' || c == '亿' { large_unit(c) } else { None }) {
        // 万亿 stacks; 亿万 is not one scale.
        if large > 0 && large != 4 || e < large {
            break;
        }
        value = value.checked_mul(pow10(e))?;
        large = e;
        end += chars.next().map_or(0, char::len_utf8);
    }
    (large > 0).then_some((value, end))
}

fn pow10(e: u32) -> Decimal {
    Decimal::from_i128_with_scale(10i128.pow(e), 0)
}

// ---------------------------------------------------------------------------------------------
// Lexing one numeral

#[derive(Debug, Clone, Copy, PartialEq)]
enum Atom {
    /// An Arabic number, or a Chinese decimal such as 三点五.
    Value(Decimal),
    /// A Chinese digit.
    Digit(u8),
    /// 零 / 〇 between parts.
    Zero,
    /// 十 百 千.
    Small(u32),
    /// 万 亿.
    Large(u32),
}

/// The result of lexing one numeral.
#[derive(Debug, Clone, PartialEq)]
struct Lexed {
    end: usize,
    value: Decimal,
    qualifier: Option<Qualifier>,
    arabic: bool,
    chinese: bool,
    /// The product of the units after the last digit (`5千万` → 10^7, `三十万` → 10^5).
    units_after_digit: Decimal,
    /// The product of the trailing 万/亿 units alone (`三十万` → 10^4).
    large_scale: Decimal,
    /// Whether a 万/亿 unit was written.
    has_large: bool,
    scaled: bool,
    /// The upper bound of a vague range written with two neighbouring digits (`三五百万`).
    vague_max: Option<Decimal>,
}

/// The longest Arabic number at `at`: digits, thousands groups, one decimal part (a point, or
/// the middle dot some pages print for it: `1·8%`). Returns the end and the digits without
/// separators. In a text wrapped at `wrap` columns, a line break between digits at a full line
/// is not a break in the number (`16⏎42亿元` is 1642亿元).
fn arabic_at(text: &str, at: usize, space_groups: bool, wrap: Option<usize>, two_spaced: bool) -> Option<(usize, String)> {
    let b = text.as_bytes();
    if let Some(spaced) = letter_spaced(b, at, two_spaced) {
        return Some(spaced);
    }
    let mut i = at;
    let mut digits = String::new();
    loop {
        while i < b.len() && b[i].is_ascii_digit() {
            digits.push(b[i] as char);
            i += 1;
        }
        let joined = i > at
            && b.get(i) == Some(&b'\n')
            && b.get(i + 1).is_some_and(u8::is_ascii_digit)
            && wrap.is_some_and(|width| is_soft_break(text, i, width));
        if !joined {
            break;
        }
        i += 1;
    }
    if digits.is_empty() {
        return None;
    }
    // Thousands groups: ",ddd" exactly, only after 1–3 leading digits.
    if digits.len() <= 3 {
        while i + 3 < b.len() + 1
            && b.get(i) == Some(&b',')
            && b.get(i + 1..i + 4).is_some_and(|g| g.iter().all(u8::is_ascii_digit))
            && !b.get(i + 4).is_some_and(u8::is_ascii_digit)
        {
            digits.push_str(&text[i + 1..i + 4]);
            i += 4;
        }
        // Hong Kong, Macau and Taiwan texts group thousands with a space (7 215): exactly three
        // digits after the space, and no digit after them.
        while space_groups
            && digits.len() <= 3 + 3 * 4
            && !digits.contains(',')
            && b.get(i) == Some(&b' ')
            && b.get(i + 1..i + 4).is_some_and(|g| g.iter().all(u8::is_ascii_digit))
            && !b.get(i + 4).is_some_and(u8::is_ascii_digit)
            && !(b.get(i + 4) == Some(&b'.') && b.get(i + 5).is_some_and(u8::is_ascii_digit) && b.get(i + 6) == Some(&b' '))
        {
            digits.push_str(&text[i + 1..i + 4]);
            i += 4;
        }
    }
    let point = if b.get(i) == Some(&b'.') {
        1
    } else if text[i..].starts_with('·') {
        '·'.len_utf8()
    } else {
        0
    };
    if point > 0 && b.get(i + point).is_some_and(u8::is_ascii_digit) {
        digits.push('.');
        i += point;
        while i < b.len() && b[i].is_ascii_digit() {
            digits.push(b[i] as char);
            i += 1;
        }
    }
    Some((i, digits))
}

/// Digits letter-spaced as some converted pages print them (`4 9 2 5 0 万吨`, `1 0 .3 %`): single
/// digits, one space between each, three or more of them (two in a text that spaces its digits,
/// [`spaces_its_digits`]), and a decimal part after ` .`. Returns the end and the digits.
fn letter_spaced(b: &[u8], at: usize, two: bool) -> Option<(usize, String)> {
    let single = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit) && !b.get(i + 1).is_some_and(u8::is_ascii_digit);
    let mut digits = String::new();
    let mut i = at;
    while single(i) {
        digits.push(char::from(b[i]));
        if !(b.get(i + 1) == Some(&b' ') && single(i + 2)) {
            break;
        }
        i += 2;
    }
    if digits.len() < if two { 2 } else { 3 } {
        return None;
    }
    let mut end = i + 1;
    if b.get(end..end + 2) == Some(b" .") && b.get(end + 2).is_some_and(u8::is_ascii_digit) {
        digits.push('.');
        end += 2;
        while b.get(end).is_some_and(u8::is_ascii_digit) {
            digits.push(char::from(b[end]));
            end += if b.get(end + 1) == Some(&b' ') && b.get(end + 2).is_some_and(u8::is_ascii_digit) { 2 } else { 1 };
        }
    }
    Some((end, digits))
}

/// Whether a text letter-spaces its digits (`1 9 9 7 年`): two runs of three single digits or
/// more, one space between each.
pub fn spaces_its_digits(text: &str) -> bool {
    let b = text.as_bytes();
    let mut runs = 0;
    let mut at = 0;
    while let Some(i) = memchr::memchr(b' ', &b[at..]).map(|i| at + i) {
        at = i + 1;
        if i >= 1
            && (i < 2 || !b[i - 2].is_ascii_digit())
            && let Some((end, _)) = letter_spaced(b, i - 1, false)
        {
            runs += 1;
            if runs == 2 {
                return true;
            }
            at = end;
        }
    }
    false
}

/// The width of a line in columns: one for an ASCII character, two for any other (a Chinese
/// character is two columns wide in the fixed-width layouts that wrap text).
fn columns(line: &str) -> usize {
    // Bytes that begin a character: ASCII ones count one column, the others two.
    line.bytes()
        .map(|b| {
            if b < 0x80 {
                1
            } else if b >= 0xC0 {
                2
            } else {
                0
            }
        })
        .sum()
}

/// The width at which a text is hard-wrapped (converted PDFs, bulletin-board reposts), if it
/// is: at least five lines, two in five of the text's lines and two in three of its lines of
/// 40 columns or more, end within five columns of one width, at most 160. Such a text breaks
/// lines in the middle of sentences, words and numbers.
///
/// ```
/// use gongbao::number::wrap_width;
///
/// let line = "全市新签约项目五十二个总投资一百亿元其中外资项目十个";
/// let wrapped = format!("{line}\n{line}\n{line}\n{line}\n{line}\n完。");
/// assert_eq!(wrap_width(&wrapped), Some(52));
/// assert_eq!(wrap_width("一段话。\n另一段话。"), None);
/// ```
pub fn wrap_width(text: &str) -> Option<usize> {
    let mut widths: Vec<usize> = Vec::new();
    let mut lines = 0;
    for line in text.split('\n') {
        let w = columns(line.trim_end_matches('\r'));
        lines += usize::from(w > 0);
        if w >= 40 {
            widths.push(w);
        }
    }
    widths.sort_unstable();
    // The five-column window holding the most long lines (the widest of equals).
    let (count, top) = widths.iter().enumerate().map(|(i, &top)| (i + 1 - widths.partition_point(|&w| w + 5 < top), top)).max()?;
    (count >= 5 && 5 * count >= 2 * lines && 3 * count >= 2 * widths.len() && top <= 160).then_some(top)
}

/// Whether a line break in the text stands between two digits (`16⏎42`).
pub fn breaks_lines_between_digits(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr_iter(b'\n', b).any(|i| i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit))
}

/// Whether the line break at `at` (a `\n`) ends a full line of a text wrapped at `width`
/// columns: a break made by the layout, not by the writer.
fn is_soft_break(text: &str, at: usize, width: usize) -> bool {
    let line = &text[text[..at].rfind('\n').map_or(0, |i| i + 1)..at];
    (width.saturating_sub(5)..=width + 2).contains(&columns(line))
}

/// The character at byte `i`, if any.
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// The character before byte `i`, if any.
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// Why a run of numeral characters is not a number.
#[derive(Debug, Clone, PartialEq)]
struct NotANumber {
    /// Where the run ends, so that scanning resumes after it (`三五成群` is skipped whole).
    end: usize,
    /// A problem worth reporting (too many digits, too large), or `None` for ordinary words.
    problem: Option<String>,
}

/// Financial numeral characters: a single one alone is a word (拾起, 登陆部队), not a number.
fn is_financial(c: char) -> bool {
    matches!(c, '壹' | '贰' | '貳' | '叁' | '参' | '參' | '肆' | '伍' | '陆' | '陸' | '柒' | '捌' | '玖' | '拾' | '佰' | '仟')
}

/// 参 (參) written for 叁, the financial three, in a numeral that is otherwise financial:
/// before 拾, 佰 or 仟, before 万 or 亿 and a financial character (参万柒仟), or after a
/// financial character, 零 between them or not (伍佰参拾, 壹佰零参). Elsewhere it is the
/// character of 参加, 人参.
fn financial_three(text: &str, at: usize, c: char) -> Option<u8> {
    if !matches!(c, '参' | '參') {
        return None;
    }
    let next = at + c.len_utf8();
    let unit_after = match char_at(text, next) {
        Some('拾' | '佰' | '仟') => true,
        Some(l) if large_unit(l).is_some() => char_at(text, next + l.len_utf8()).is_some_and(is_financial),
        _ => false,
    };
    (unit_after
        || char_before(text, at)
            .is_some_and(|b| is_financial(b) || b == '零' && char_before(text, at - b.len_utf8()).is_some_and(is_financial)))
    .then_some(3)
}

/// The tens written as one character: 廿 (20), 卅 (30), 卌 (40); the digit of the tens.
fn tens_char(c: char) -> Option<u8> {
    match c {
        '廿' => Some(2),
        '卅' => Some(3),
        '卌' => Some(4),
        _ => None,
    }
}

/// How a numeral may be written, beyond the plain forms.
#[derive(Debug, Clone, Copy, Default)]
struct Mode {
    /// Single spaces between the characters of the numeral (`百分之五 十`).
    spaced: bool,
    /// Thousands grouped with a space (`7 215`), as Hong Kong, Macau and Taiwan texts write them.
    space_groups: bool,
    /// The width in columns at which the text is hard-wrapped, if it is ([`wrap_width`]).
    wrap: Option<usize>,
    /// The text letter-spaces its digits ([`spaces_its_digits`]): two spaced digits are one number.
    letter_spaced: bool,
}

/// Lex one numeral starting at `start`: `None` when no numeral starts there. In `spaced` mode
/// single spaces between the characters of the numeral are allowed (`百分之五 十`); otherwise
/// only between digits and a following 万/亿 (`177.1 亿`), as scraped text has them.
fn lex(text: &str, start: usize, mode: Mode) -> Option<std::result::Result<Lexed, NotANumber>> {
    let spaced = mode.spaced;
    let mut atoms: Vec<Atom> = Vec::new();
    let mut pos = start;
    let mut qualifier = None;
    let mut arabic = false;
    let mut chinese = false;
    // The smallest 十/百/千 since the last 万/亿: within a section they must decrease.
    let mut section_unit: Option<u32> = None;
    let mut too_long = None;
    // A decimal written after a scale (4万点八) ends the numeral.
    let mut sealed = false;
    loop {
        // Where the next atom would start, with the spaces this mode allows skipped.
        let gap = if atoms.is_empty() { 0 } else { text[pos..].len() - text[pos..].trim_start_matches(' ').len() };
        let at = pos + gap;
        let Some(c) = char_at(text, at) else { break };
        if gap > 0 {
            let to_large = gap <= 2 && matches!(atoms.last(), Some(Atom::Value(_))) && large_unit(c).is_some();
            if !(to_large || (spaced && gap == 1 && (is_chinese_numeral_char(c) || c.is_ascii_digit() || c == '点'))) {
                break;
            }
        }
        let last = atoms.last().copied();
        let after_number = matches!(last, Some(Atom::Value(_) | Atom::Digit(_)));
        if sealed {
            break;
        }
        if c.is_ascii_digit() {
            if after_number || qualifier.is_some() {
                break;
            }
            let (e, digits) = arabic_at(text, at, mode.space_groups && !mode.spaced, mode.wrap, mode.letter_spaced)?;
            // After a unit, digits continue the number when another unit follows (33亿5006万),
            // or when they fill the places below the last unit (2万350 = 20350, 6万7601,
            // 1亿72300, 3千500, 1亿零500); one digit alone right after the unit is its next place,
            // as in 三万五 (3万5 = 35000). More digits than the places below the unit, or a
            // decimal, are not read (the scan then reports the numeral as not read whole).
            let unit_follows = char_at(text, e).is_some_and(|c| small_unit(c).or(large_unit(c)).is_some());
            let below = atoms.iter().rev().find_map(|a| match a {
                Atom::Small(u) | Atom::Large(u) => Some(*u),
                _ => None,
            });
            let mut colloquial = None;
            if let (Some(places), false) =
                (below.filter(|_| matches!(last, Some(Atom::Small(_) | Atom::Large(_) | Atom::Zero))), unit_follows)
            {
                if digits.contains('.') || digits.len() > places as usize || gap > 0 {
                    break;
                }
                if digits.len() == 1 && last != Some(Atom::Zero) {
                    colloquial = digits.bytes().next().map(|b| b - b'0');
                }
            }
            if digits.len() > 40 {
                too_long = Some(digits.len());
                pos = e;
                break;
            }
            let Ok(v) = Decimal::from_str_exact(&digits) else {
                let problem = Some(format!("{} digits cannot be represented exactly", digits.len()));
                return Some(Err(NotANumber { end: e, problem }));
            };
            atoms.push(colloquial.map_or(Atom::Value(v), Atom::Digit));
            arabic = true;
            pos = e;
            // 15k, 3.2K, 30w: thousand and ten thousand as written in informal text.
            let scale = match char_at(text, pos) {
                Some('k' | 'K') => Some(Atom::Small(3)),
                Some('w') => Some(Atom::Large(4)),
                _ => None,
            };
            if let Some(scale) = scale
                && !char_at(text, pos + 1).is_some_and(|c| c.is_ascii_alphanumeric())
            {
                atoms.push(scale);
                pos += 1;
            }
        } else if c == '点' && matches!(last, Some(Atom::Digit(_) | Atom::Small(_) | Atom::Large(_))) && qualifier.is_none() && !sealed {
            // A Chinese decimal: 三点五, 一百二十点五, and after a scale the decimal of the whole
            // (一百二十万零五百点五 = 1200500.5, 4万点八 = 40000.8), after which no unit follows.
            let mut frac = String::new();
            let mut p = at + '点'.len_utf8();
            if spaced && text[p..].starts_with(' ') && char_at(text, p + 1).and_then(chinese_digit).is_some() {
                p += 1;
            }
            while let Some((fc, d)) = char_at(text, p).and_then(|c| digit_in_numeral(c).map(|d| (c, d))) {
                frac.push(char::from(b'0' + d));
                p += fc.len_utf8();
                if spaced && text[p..].starts_with(' ') && char_at(text, p + 1).and_then(chinese_digit).is_some() {
                    p += 1;
                }
            }
            if frac.is_empty() {
                break;
            }
            sealed = atoms.iter().any(|a| matches!(a, Atom::Large(_)));
            let Ok(int) = evaluate(&atoms) else { break };
            let Ok(frac) = Decimal::from_str_exact(&format!("0.{frac}")) else { break };
            atoms = vec![Atom::Value(int + frac)];
            chinese = true;
            section_unit = None;
            pos = p;
        } else if let Some(tens) = tens_char(c) {
            // 廿三 = 23, 卅五 = 35: 廿, 卅 and 卌 are 二十, 三十 and 四十 in one character.
            if qualifier.is_some() || after_number || section_unit.is_some_and(|u| u <= 1) {
                break;
            }
            atoms.extend([Atom::Digit(tens), Atom::Small(1)]);
            section_unit = Some(1);
            chinese = true;
            pos = at + c.len_utf8();
        } else if let Some(d) = chinese_digit(c).or_else(|| financial_three(text, at, c)) {
            if qualifier.is_some() || matches!(last, Some(Atom::Value(_))) {
                break;
            }
            // 两 is never a digit of a sequence (一九八二两个年度: the years, then two of them).
            if matches!(c, '两' | '兩') && atoms.len() >= 2 && atoms.iter().all(|a| matches!(a, Atom::Digit(_) | Atom::Zero)) {
                break;
            }
            atoms.push(if d == 0 && !matches!(last, Some(Atom::Digit(_))) && !atoms.is_empty() { Atom::Zero } else { Atom::Digit(d) });
            chinese = true;
            pos = at + c.len_utf8();
        } else if let Some(e) = small_unit(c) {
            // 千瓦, 千米, 千克: the 千 belongs to the unit that follows, not to the number.
            if UNIT_WORDS_WITH_NUMERAL.iter().any(|w| text[at..].starts_with(w)) {
                break;
            }
            if qualifier.is_some() && !matches!(last, Some(Atom::Value(_) | Atom::Digit(_) | Atom::Small(_))) {
                break;
            }
            // 七十百分位: units within a section decrease; a larger one starts something else.
            if section_unit.is_some_and(|u| e >= u) {
                break;
            }
            section_unit = Some(e);
            atoms.push(Atom::Small(e));
            chinese = true;
            pos = at + c.len_utf8();
        } else if c == '兆'
            && gap == 0
            && matches!(last, Some(Atom::Value(_) | Atom::Digit(_) | Atom::Small(_)))
            && zhao_is_trillion(text, at + c.len_utf8())
        {
            // 3兆1,250亿元, 2兆新台币: 兆 is 10^12 in money (Taiwan writes it so); before a unit
            // (兆瓦, 兆帕, 兆字节) it is the prefix mega and ends the number.
            if atoms.iter().any(|a| matches!(a, Atom::Large(_))) {
                break;
            }
            atoms.push(Atom::Large(12));
            section_unit = None;
            pos = at + c.len_utf8();
        } else if let Some(e) = large_unit(c) {
            // 万万 is the old way to write 亿 (六万万人民: 600 million), in a number with no 亿.
            if e == 4 && last == Some(Atom::Large(4)) && !atoms.contains(&Atom::Large(8)) {
                if let Some(l) = atoms.last_mut() {
                    *l = Atom::Large(8);
                }
                section_unit = None;
                pos = at + c.len_utf8();
                continue;
            }
            // 万亿 stacks (10^12); 亿亿 and 亿万 are not one number.
            if atoms.is_empty() || matches!(last, Some(Atom::Large(prev)) if e <= prev) {
                break;
            }
            atoms.push(Atom::Large(e));
            section_unit = None;
            pos = at + c.len_utf8();
        } else if c == '个' && gap == 0 && after_number && (text[pos..].starts_with("个亿") || text[pos..].starts_with("个万")) {
            // 两个亿: colloquial, the 个 is not a classifier.
            pos += c.len_utf8();
        } else if matches!(c, '多' | '余' | '几' | '来') && gap == 0 && qualifier.is_none() && !atoms.is_empty() {
            // 160多, 50余, 10多万, 十几, 十来: a vague tail, then possibly a scale.
            let ok = match c {
                '多' | '余' => after_number || matches!(last, Some(Atom::Small(_) | Atom::Large(_))),
                '几' => matches!(last, Some(Atom::Small(_))),
                _ => matches!(last, Some(Atom::Small(_))) && !arabic,
            };
            if !ok {
                break;
            }
            qualifier = Some(if c == '来' { Qualifier::Approx } else { Qualifier::Over });
            pos += c.len_utf8();
        } else {
            break;
        }
    }
    let end = pos;
    if let Some(n) = too_long {
        let problem = Some(format!("a number of {n} digits is too long to be a figure"));
        return Some(Err(NotANumber { end, problem }));
    }
    // Drop trailing zero markers (二十零?) that end a numeral.
    while matches!(atoms.last(), Some(Atom::Zero)) {
        atoms.pop();
    }
    if atoms.is_empty() {
        return None;
    }
    // A numeral needs a digit, or to start with 十 (十五 = 15); 零 alone is a word (零部件),
    // and so is one financial character alone (拾起).
    let has_digit = atoms.iter().any(|a| matches!(a, Atom::Value(_) | Atom::Digit(_)));
    // (The financial digits that are no common word are digits alone too: 贰元, 玖角, 柒名; 伍,
    // 陆 and 拾 stay words: 队伍, 登陆部队, 大陆个人游, 拾起. After 百分之 any is a digit.)
    let lone_financial = !arabic
        && !mode.spaced
        && text[start..end].chars().count() == 1
        && text[start..end].chars().all(|c| "伍陆陸拾佰仟参參".contains(c));
    if (!has_digit && atoms[0] != Atom::Small(1)) || atoms == [Atom::Digit(0)] || lone_financial {
        return Some(Err(NotANumber { end, problem: None }));
    }
    // Two neighbouring digits before units of a hundred or more (三五百万, 两三千, 七八万) are a
    // vague range: 3 to 5 百万. Before 十 alone (二三十) they stay a vague word, as the
    // peers' suites read them.
    let vague_max = match atoms.as_slice() {
        [Atom::Digit(a), Atom::Digit(b), units @ ..]
            if *a >= 1
                && b > a
                && b - a <= 2
                && units != [Atom::Small(1)]
                && !units.is_empty()
                && units.iter().all(|u| matches!(u, Atom::Small(_) | Atom::Large(_))) =>
        {
            let scale = |d: u8| evaluate(&[&[Atom::Digit(d)], units].concat()).ok();
            match (scale(*a), scale(*b)) {
                (Some(low), Some(high)) => Some((low, high)),
                _ => return Some(Err(NotANumber { end, problem: None })),
            }
        }
        _ => None,
    };
    if let Some((low, high)) = vague_max {
        let scaled = matches!(atoms.last(), Some(Atom::Large(_)));
        let large_scale =
            atoms.iter().filter_map(|a| if let Atom::Large(e) = a { Some(pow10(*e)) } else { None }).fold(Decimal::ONE, |a, b| a * b);
        return Some(Ok(Lexed {
            end,
            value: low,
            qualifier,
            arabic,
            chinese,
            units_after_digit: Decimal::ONE,
            large_scale,
            has_large: true,
            scaled,
            vague_max: Some(high),
        }));
    }
    // Two digits side by side without a unit (三五成群, 七八个, 十三五) are a vague range or
    // a name, not a number.
    if (atoms.len() < 3 || !atoms.iter().all(|a| matches!(a, Atom::Digit(_) | Atom::Zero)))
        && atoms.windows(2).any(|w| matches!(w, [Atom::Digit(_) | Atom::Value(_), Atom::Digit(_) | Atom::Value(_)]))
    {
        return Some(Err(NotANumber { end, problem: None }));
    }
    let value = match evaluate(&atoms) {
        Ok(v) => v,
        Err(problem) => return Some(Err(NotANumber { end, problem: Some(problem) })),
    };
    // The scales a range's lower bound may share (see `mention_at`): all the units after the
    // last digit (5千万 → 10^7), and the 万/亿 part alone (三十万 → 10^4).
    let mut units_after_digit = Decimal::ONE;
    let mut large_scale = Decimal::ONE;
    let too_large = || Some(Err(NotANumber { end, problem: Some("the value is too large to represent exactly".to_owned()) }));
    for a in atoms.iter().rev() {
        match a {
            Atom::Small(e) => match units_after_digit.checked_mul(pow10(*e)) {
                Some(u) => units_after_digit = u,
                None => return too_large(),
            },
            Atom::Large(e) => match (units_after_digit.checked_mul(pow10(*e)), large_scale.checked_mul(pow10(*e))) {
                (Some(u), Some(l)) => (units_after_digit, large_scale) = (u, l),
                _ => return too_large(),
            },
            _ => break,
        }
    }
    let has_large = atoms.iter().any(|a| matches!(a, Atom::Large(_)));
    let scaled = matches!(atoms.last(), Some(Atom::Large(_))) || (arabic && matches!(atoms.last(), Some(Atom::Small(_))));
    Some(Ok(Lexed { end, value, qualifier, arabic, chinese, units_after_digit, large_scale, has_large, scaled, vague_max: None }))
}

/// The value of a sequence of atoms.
fn evaluate(atoms: &[Atom]) -> std::result::Result<Decimal, String> {
    let overflow = || "the value is too large to represent exactly".to_owned();
    // Digit sequences without units: 二〇二三 = 2023. Two digits alone (三五, 八九) are a
    // vague range in Chinese, not a number.
    if atoms.len() >= 3 && atoms.iter().all(|a| matches!(a, Atom::Digit(_) | Atom::Zero)) {
        let mut v = Decimal::ZERO;
        for a in atoms {
            let d = if let Atom::Digit(d) = a { *d } else { 0 };
            v = v.checked_mul(Decimal::TEN).and_then(|v| v.checked_add(Decimal::from(d))).ok_or_else(overflow)?;
        }
        return Ok(v);
    }
    // Whether a digit was written since the last 亿 (a scale with none before it counts once).
    let mut written = false;
    let mut total = Decimal::ZERO; // parts of 亿 and above
    let mut wan = Decimal::ZERO; // the part between 亿 and 万
    let mut section = Decimal::ZERO; // below 万
    let mut current: Option<Decimal> = None;
    let mut last_unit: Option<u32> = None;
    let mut zero_since_unit = false;
    let mul = |a: Decimal, b: Decimal| a.checked_mul(b).ok_or_else(overflow);
    let add = |a: Decimal, b: Decimal| a.checked_add(b).ok_or_else(overflow);
    for a in atoms {
        match *a {
            Atom::Value(v) => (current, written) = (Some(v), true),
            Atom::Digit(d) => (current, written) = (Some(Decimal::from(d)), true),
            Atom::Zero => zero_since_unit = true,
            Atom::Small(e) => {
                written = true;
                section = add(section, mul(current.take().unwrap_or(Decimal::ONE), pow10(e))?)?;
                last_unit = Some(e);
                zero_since_unit = false;
            }
            Atom::Large(4) => {
                let part = add(section, current.take().unwrap_or(Decimal::ZERO))?;
                // 万 after 亿-less text scales everything below it; 万亿 stacks.
                wan = add(wan, mul(if written { part } else { Decimal::ONE }, pow10(4))?)?;
                section = Decimal::ZERO;
                last_unit = Some(4);
                zero_since_unit = false;
            }
            Atom::Large(e) => {
                let part = add(add(wan, section)?, current.take().unwrap_or(Decimal::ZERO))?;
                total = add(total, mul(if written { part } else { Decimal::ONE }, pow10(e))?)?;
                written = false;
                wan = Decimal::ZERO;
                section = Decimal::ZERO;
                last_unit = Some(e);
                zero_since_unit = false;
            }
        }
    }
    // Colloquial trailing digit: 三万五 = 35000, 一千二 = 1200 (not after 零: 三万零五 = 30005).
    if let (Some(Atom::Digit(d)), Some(unit)) = (atoms.last(), last_unit)
        && atoms.len() >= 3
        && !zero_since_unit
        && unit >= 2
    {
        current = Some(mul(Decimal::from(*d), pow10(unit - 1))?);
    }
    add(add(add(total, wan)?, section)?, current.unwrap_or(Decimal::ZERO))
}

// ---------------------------------------------------------------------------------------------
// Qualifiers around a number

/// Words before a number that hedge it, longest first.
const PREFIX_QUALIFIERS: &[(&str, Qualifier)] = &[
    ("至少有", Qualifier::Over),
    ("至少", Qualifier::Over),
    ("最少", Qualifier::Over),
    ("最多", Qualifier::Under),
    ("至多", Qualifier::Under),
    ("不超过", Qualifier::Under),
    ("不高于", Qualifier::Under),
    ("不多于", Qualifier::Under),
    ("不少于", Qualifier::Over),
    ("不低于", Qualifier::Over),
    ("超过", Qualifier::Over),
    ("多于", Qualifier::Over),
    ("高于", Qualifier::Over),
    ("突破", Qualifier::Over),
    ("不到", Qualifier::Under),
    ("不足", Qualifier::Under),
    ("低于", Qualifier::Under),
    ("少于", Qualifier::Under),
    ("大约", Qualifier::Approx),
    ("大概", Qualifier::Approx),
    ("将近", Qualifier::Approx),
    ("接近", Qualifier::Approx),
    ("约合", Qualifier::Approx),
    ("逾", Qualifier::Over),
    ("超", Qualifier::Over),
    ("过", Qualifier::Over),
    ("约", Qualifier::Approx),
    ("近", Qualifier::Approx),
];

/// Characters that, before a one-character qualifier, make it part of another word
/// (签约, 节约, 最近, 附近, 通过, 经过 ...).
fn blocks_single_qualifier(q: &str, before: Option<char>) -> bool {
    let Some(b) = before else { return false };
    match q {
        "约" => "签节制合契履违特邀预公条盟协缔守践赴相婚要集简隐如".contains(b),
        "近" => "最附靠邻就临亲贴远将接逼".contains(b),
        "过" => "通经超不度越路跨错难改记闯放错胜".contains(b),
        "超" => "高赶".contains(b),
        _ => false,
    }
}

/// Words after a number (and its unit) that hedge it.
const SUFFIX_QUALIFIERS: &[(&str, Qualifier)] = &[
    ("以上", Qualifier::Over),
    ("之多", Qualifier::Over),
    ("左右", Qualifier::Approx),
    ("上下", Qualifier::Approx),
    ("以下", Qualifier::Under),
    ("以内", Qualifier::Under),
    ("之内", Qualifier::Under),
];

/// A qualifier word ending exactly at `start` (with at most the verbs 达/为/了 between it and
/// the number). Returns the qualifier and where its word starts.
pub fn prefix_qualifier(text: &str, start: usize) -> Option<(Qualifier, usize)> {
    let mut at = start;
    // 超过了, 约为, 近达: allow one linking character between.
    for _ in 0..2 {
        let head = &text[..at];
        for &(w, q) in PREFIX_QUALIFIERS {
            if let Some(rest) = head.strip_suffix(w) {
                if w.chars().count() == 1 && blocks_single_qualifier(w, rest.chars().next_back()) {
                    continue;
                }
                return Some((q, rest.len()));
            }
        }
        match char_before(text, at) {
            Some(c @ ('达' | '为' | '了' | '是')) if at == start => at -= c.len_utf8(),
            _ => break,
        }
    }
    None
}

/// A qualifier word starting exactly at `end`. Returns it and where it ends.
pub fn suffix_qualifier(text: &str, end: usize) -> Option<(Qualifier, usize)> {
    let tail = &text[end..];
    for &(w, q) in SUFFIX_QUALIFIERS {
        if let Some(rest) = tail.strip_prefix(w) {
            // 上下游, 上下级: not a hedge.
            if w == "上下" && rest.chars().next().is_some_and(|c| "游级班文一联行".contains(c)) {
                continue;
            }
            return Some((q, end + w.len()));
        }
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Scanning a text

/// Range connectors between two numbers.
const RANGE_CONNECTORS: &[&str] = &["至", "到", "--", "——", "-", "~", "–", "—", "～", "〜"];

/// Words after which a number is an identifier (phone, code, serial), not a figure.
const IDENTIFIER_CUES: &[&str] = &[
    "电话",
    "手机",
    "传真",
    "热线",
    "邮编",
    "邮政编码",
    "QQ",
    "qq",
    "微信",
    "备案",
    "ICP",
    "编号",
    "账号",
    "帐号",
    "身份证",
    "证号",
    "工号",
    "序号",
    "代码",
    "索引号",
    "文号",
    "号码",
    "Tel",
    "TEL",
    "tel",
    "Fax",
    "FAX",
];

fn is_identifier_char(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, '@' | '_' | '/' | '\\' | '#' | '&' | '=' | '%')
}

/// The spans of web addresses (`http://…`, `https://…`, `www.…`): numbers in them are not figures.
fn url_spans(text: &str) -> Vec<Range<usize>> {
    let mut starts: Vec<usize> =
        ["http://", "https://", "www."].iter().flat_map(|needle| memchr::memmem::find_iter(text.as_bytes(), needle)).collect();
    starts.sort_unstable();
    // In text order, an address starting inside the previous one is part of it.
    let mut spans: Vec<Range<usize>> = Vec::new();
    for start in starts {
        if spans.last().is_some_and(|s| s.contains(&start)) {
            continue;
        }
        let len = text[start..]
            .find(|c: char| c.is_whitespace() || !c.is_ascii() || matches!(c, '"' | '\'' | '<' | '>' | ')' | ']'))
            .unwrap_or(text.len() - start);
        spans.push(start..start + len);
    }
    spans
}

/// Whether the Arabic number at `span` is an identifier: a phone number, an ID or postal code,
/// part of a code, a URL or an e-mail address.
fn is_identifier(text: &str, span: &Range<usize>) -> bool {
    let before = char_before(text, span.start);
    let after = char_at(text, span.end);
    // Letters before the digits make a code (NB33102), unless they are a currency's code
    // standing alone (RMB300万, RM120).
    let head = &text[..span.start];
    let letters = head.len() - head.trim_end_matches(|c: char| c.is_ascii_alphabetic()).len();
    let currency_code = (letters == 3 && head[head.len() - 3..].bytes().all(|b| b.is_ascii_uppercase()) || head.ends_with("RM"))
        && !head[..head.len() - letters].ends_with(|c: char| c.is_ascii_alphanumeric());
    if before.is_some_and(|c| {
        (is_identifier_char(c) && !currency_code)
            || c == '-' && char_before(text, span.start - 1).is_some_and(|c| c.is_ascii_alphanumeric())
    }) {
        return true;
    }
    // Letters after them make a code when more of it follows (12ab34, 5x_y); a unit or a
    // currency written in letters ends there (20kg, 300万TEU, 100USD).
    let tail = text[span.end..].trim_start_matches(|c: char| c.is_ascii_alphabetic());
    let letters_after = tail.len() < text.len() - span.end;
    if (letters_after && tail.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '@' | '_' | '/' | '\\' | '#' | '-' | '.')))
        || after.is_some_and(|c| matches!(c, '@' | '_' | '/' | '\\' | '#'))
        || (after == Some('.') && char_at(text, span.end + 1).is_some_and(|c| c.is_ascii_alphanumeric()))
        || (after == Some(':') && char_at(text, span.end + 1).is_some_and(|c| c.is_ascii_digit()))
    {
        return true;
    }
    let s = &text[span.clone()];
    let digits = s.bytes().filter(u8::is_ascii_digit).count();
    // Phone-like: 11-digit mobiles, area-code landlines, 400/800 numbers, ID numbers. (Eleven
    // digits or more before a word or a percent sign may be a figure written out in full,
    // 83612517741元; if no unit follows, it is no fact anyway.)
    let bare = s.bytes().all(|b| b.is_ascii_digit() || b == b'-');
    // (But a mobile number's shape, 1[3-9] and nine digits, or an ID number's length, 15 or 18,
    // is an identifier before any word but money's: `13912345678个人`, `…1234名`.)
    let shaped = digits == s.len()
        && (digits == 11 && s.starts_with('1') && s.as_bytes()[1] >= b'3' || digits == 15 || digits == 18)
        && after != Some('元');
    let word_after = !shaped && after.is_some_and(|c| c == '%' || crate::normalize::script::is_han(c));
    if bare && ((digits >= 11 && !word_after) || (digits >= 7 && s.contains('-')) || (s.starts_with('0') && digits >= 7)) {
        return true;
    }
    if bare && digits >= 7 && before == Some('-') {
        return true;
    }
    // A landline after its area code in brackets or after a space: (0914)2321234, 0912 1234567.
    if bare && digits >= 7 && area_code_before(text, span.start) {
        return true;
    }
    // The serial after a registration number: 陕ICP备05004645号-1.
    if before == Some('-')
        && text[..span.start - 1].strip_suffix('号').is_some_and(|h| h.bytes().rev().take(6).take_while(u8::is_ascii_digit).count() == 6)
    {
        return true;
    }
    // The head of a dash chain that did not read as a range (400-123-4567).
    if after == Some('-') && char_at(text, span.end + 1).is_some_and(|c| c.is_ascii_digit()) {
        return true;
    }
    let head = &text[..span.start];
    let head = head.trim_end_matches([':', '：', ' ', '(', '（', '为', '是']);
    // The last six characters; a cue anywhere in them counts for long numbers only, so the
    // search through them is made for those alone (most numbers are short).
    let window = &head[head.char_indices().rev().nth(5).map_or(0, |(i, _)| i)..];
    IDENTIFIER_CUES.iter().any(|cue| window.ends_with(cue) || (digits >= 5 && window.contains(cue)))
}

/// Whether an area code (`0914`, `029`) in brackets or followed by a space ends right before `at`.
fn area_code_before(text: &str, at: usize) -> bool {
    let head = &text[..at];
    let (head, bracketed) = match (head.strip_suffix(')'), head.strip_suffix(' ')) {
        (Some(h), _) => (h, true),
        (None, Some(h)) => (h, false),
        (None, None) => return false,
    };
    let len = head.bytes().rev().take(5).take_while(u8::is_ascii_digit).count();
    let (rest, code) = head.split_at(head.len() - len);
    (3..=4).contains(&len)
        && code.starts_with('0')
        && if bracketed { rest.ends_with('(') } else { !rest.ends_with(|c: char| c.is_ascii_alphanumeric()) }
}

/// Where a number may start ([`number_start_char`]), by a bitmap built once per process and
/// read from the UTF-8 bytes ([`CharClass::find_in`]).
static NUMBER_STARTS: std::sync::LazyLock<CharClass> = std::sync::LazyLock::new(|| CharClass::new(number_start_char));

/// Whether a number may start with `c`: a digit, a Chinese digit (参 too, for 叁), 十, 廿, 卅, 卌.
fn number_start_char(c: char) -> bool {
    c.is_ascii_digit() || chinese_digit(c).is_some() || small_unit(c) == Some(1) || tens_char(c).is_some() || matches!(c, '参' | '參')
}

/// Find every number in `text`. Ordinals (`第39号`), identifiers (phone numbers, codes,
/// e-mail addresses) and Chinese numeral characters that are only units (`万`, `千亿`) are not
/// numbers. Problems (numbers too large to represent) are reported beside.
pub fn scan(text: &str) -> (Vec<NumberMention>, Vec<NumberProblem>) {
    scan_with(text, ScanOptions::default())
}

/// What a scan reads beyond the forms every text uses.
#[derive(Debug, Clone, Copy, Default)]
pub struct ScanOptions {
    /// Thousands grouped with a space (`7 215家`), as Hong Kong, Macau and Taiwan texts write
    /// them: one to three digits, a space, exactly three digits.
    pub space_groups: bool,
    /// The width at which the text is hard-wrapped ([`wrap_width`]): a line break between
    /// digits at a full line does not break the number.
    pub wrap: Option<usize>,
    /// The text letter-spaces its digits ([`spaces_its_digits`]): two single digits with a space
    /// between them are one number (`6 5 %`).
    pub letter_spaced: bool,
}

/// [`scan`] with options.
pub fn scan_with(text: &str, options: ScanOptions) -> (Vec<NumberMention>, Vec<NumberProblem>) {
    let mode = Mode { spaced: false, space_groups: options.space_groups, wrap: options.wrap, letter_spaced: options.letter_spaced };
    let mut found = Vec::new();
    let mut problems = Vec::new();
    let mut pos = 0;
    let bytes = text.as_bytes();
    let urls = url_spans(text);
    // The first address not ending before `pos` (addresses are disjoint and in text order).
    let mut url = 0;
    while pos < text.len() {
        // Most characters start no number: skip them before anything else (a URL is skipped
        // whole at the first character in it that could).
        let Some((start, c)) = NUMBER_STARTS.find_in(text, pos) else { break };
        pos = start;
        while urls.get(url).is_some_and(|u| u.end <= pos) {
            url += 1;
        }
        if let Some(u) = urls.get(url).filter(|u| u.contains(&pos)) {
            pos = u.end;
            continue;
        }
        // Do not start inside an Arabic number or a longer alphanumeric token.
        if c.is_ascii_digit() && pos > 0 && (bytes[pos - 1].is_ascii_digit() || bytes[pos - 1] == b'.') {
            pos += 1;
            continue;
        }
        match mention_at(text, pos, mode) {
            None => pos += c.len_utf8(),
            Some(Err((span, problem))) => {
                pos = span.end.max(pos + c.len_utf8());
                if let Some(message) = problem {
                    problems.push(NumberProblem { span, message });
                }
            }
            Some(Ok(mut m)) => {
                pos = m.span.end.max(pos + c.len_utf8());
                // 第39号, 五届三次, 第2、3、5项: ordinals.
                let ordinal = matches!(char_before(text, m.span.start), Some('第' | '届')) || listed_after_ordinal(text, m.span.start);
                // 数十, 几百, 好几千: vague (数80 is not).
                let vague = !m.arabic && char_before(text, m.span.start).is_some_and(|b| matches!(b, '数' | '几' | '好'));
                let identifier = m.arabic && is_identifier(text, &m.span);
                if !(ordinal || vague || identifier) {
                    m.whole = !continued_before(text, &m.span) && !continued_after(text, m.span.end);
                    found.push(m);
                }
            }
        }
    }
    (found, problems)
}

/// Whether `c` belongs to a numeral wherever it stands: a digit, a Chinese or financial digit
/// (参 for 叁 too), 十 百 千, 万 亿, 廿 卅 卌, 兆 and 京 (10^12 and 10^16).
fn numeral_char(c: char) -> bool {
    c.is_ascii_digit()
        || is_chinese_numeral_char(c)
        || is_financial(c)
        || tens_char(c).is_some()
        || matches!(c, '〇' | '○' | '兆' | '京' | '萬' | '億')
}

/// Whether a numeral character that is not a digit, at `at`, may join what is on its two sides
/// into one numeral: a decimal point or dot, or a thousands separator before a group of three.
fn joins_digits(text: &str, at: usize) -> bool {
    let Some(c) = char_at(text, at) else { return false };
    let after = at + c.len_utf8();
    match c {
        '.' | '·' => char_at(text, after).is_some_and(|n| n.is_ascii_digit()),
        '点' => char_at(text, after).is_some_and(|n| digit_in_numeral(n).is_some()),
        ',' => {
            let b = text.as_bytes();
            b.get(after..after + 3).is_some_and(|g| g.iter().all(u8::is_ascii_digit)) && !b.get(after + 3).is_some_and(u8::is_ascii_digit)
        }
        _ => false,
    }
}

/// Whether what is written right before the numeral at `span` continues it: numeral characters
/// (or a point or separator between digits) that hold a digit, within a few characters
/// (`2万` before `12345`, `伍佰X` before `拾亿`). Unit characters alone (`万一`, `千万`) are words.
fn continued_before(text: &str, span: &Range<usize>) -> bool {
    // 两 begins a numeral of its own (一九八二两个年度: the years, then two of them).
    if text[span.start..].starts_with(['两', '兩']) {
        return false;
    }
    // A single digit after a digit and a space: letter-spaced digits (5 0 万吨) not read as one.
    let b = text.as_bytes();
    if span.start >= 2
        && b[span.start - 1] == b' '
        && b[span.start - 2].is_ascii_digit()
        && b[span.start].is_ascii_digit()
        && !b.get(span.start + 1).is_some_and(u8::is_ascii_digit)
    {
        return true;
    }
    let mut at = span.start;
    for _ in 0..24 {
        let Some(c) = char_before(text, at) else { return false };
        let before = at - c.len_utf8();
        if !(numeral_char(c) || joins_digits(text, before)) {
            return false;
        }
        if c.is_ascii_digit() || digit_in_numeral(c).is_some_and(|d| d > 0) || tens_char(c).is_some() || c == '十' {
            return true;
        }
        at = before;
    }
    false
}

/// Whether what follows the numeral ending at `end` continues it: a numeral character, or a
/// point or separator before more digits. Units that begin with a numeral character (千瓦, 兆瓦,
/// 3两 of weight) do not.
fn continued_after(text: &str, end: usize) -> bool {
    let Some(c) = char_at(text, end) else { return false };
    let rest = &text[end..];
    if joins_digits(text, end) {
        return true;
    }
    // (百分位, 千分之: words of their own after a number.)
    if !numeral_char(c) || UNIT_WORDS_WITH_NUMERAL.iter().chain(&["百分", "千分", "万分"]).any(|w| rest.starts_with(w)) {
        return false;
    }
    let next = char_at(text, end + c.len_utf8());
    match c {
        // 3两 (of weight), 一九八二两个 (two of them): a unit, or a numeral of its own.
        '两' | '兩' => false,
        // 150兆瓦: a unit; 兆 or 京 before more numerals is part of the number.
        '兆' | '京' => next.is_some_and(numeral_char),
        _ => true,
    }
}

/// The whole run of numeral characters around `span` (what a reader sees as one numeral), for
/// a warning about a number not read whole.
pub fn numeral_run(text: &str, span: &Range<usize>) -> Range<usize> {
    let mut start = span.start;
    while let Some(c) = char_before(text, start).filter(|&c| numeral_char(c) || joins_digits(text, start - c.len_utf8())) {
        start -= c.len_utf8();
    }
    let mut end = span.end;
    while let Some(c) = char_at(text, end).filter(|&c| numeral_char(c) || joins_digits(text, end)) {
        end += c.len_utf8();
    }
    start..end
}

/// Whether the number at `start` is an item of a list that goes on from an ordinal (the 3 and the
/// 5 of `第2、3、5项`).
fn listed_after_ordinal(text: &str, start: usize) -> bool {
    let mut head = &text[..start];
    while let Some(rest) = head.strip_suffix('、') {
        let before = rest.trim_end_matches(|c: char| c.is_ascii_digit() || is_chinese_numeral_char(c));
        if before.len() == rest.len() {
            return false;
        }
        if before.ends_with('第') {
            return true;
        }
        head = before;
    }
    false
}

/// The number (or range) starting at `pos`; `Err` gives the extent of a run that is not a
/// number, and the problem with it if it is worth reporting.
#[allow(clippy::type_complexity)]
fn mention_at(text: &str, pos: usize, mode: Mode) -> Option<std::result::Result<NumberMention, (Range<usize>, Option<String>)>> {
    let first = match lex(text, pos, mode)? {
        Ok(l) => l,
        Err(NotANumber { end, problem }) => return Some(Err((pos..end.max(pos + 1).min(text.len()), problem))),
    };
    let mut m = NumberMention {
        span: pos..first.end,
        value: first.value,
        max: first.vague_max,
        qualifier: first.qualifier,
        arabic: first.arabic,
        chinese: first.chinese,
        scaled: first.scaled,
        whole: true,
    };
    if first.vague_max.is_some() {
        return Some(Ok(m));
    }
    if let Some((low, second)) = listed_vague_range(text, pos, &first, mode) {
        (m.value, m.max, m.span.end, m.scaled) = (low, Some(second.value), second.end, second.scaled);
        return Some(Ok(m));
    }
    if let Some((second, end)) = range_end(text, pos, &first, mode) {
        m.value = second.0;
        m.max = Some(second.1.value);
        m.span.end = end;
        m.qualifier = first.qualifier.or(second.1.qualifier);
        m.chinese |= second.1.chinese;
        m.arabic |= second.1.arabic;
        m.scaled = second.1.scaled;
    }
    Some(Ok(m))
}

/// Two neighbouring digits written with a `、` between them before units (`四、五十亿` = 40亿 to
/// 50亿, `二、三百亿`, `一、二千万`), as `四五十亿` is without it: the lower bound and the upper. The
/// first is one Chinese digit; the second the next but one or two, with units after it.
fn listed_vague_range(text: &str, pos: usize, first: &Lexed, mode: Mode) -> Option<(Decimal, Lexed)> {
    let mut digits = text[pos..first.end].chars();
    let a = digits.next().and_then(chinese_digit).filter(|&a| a > 0 && digits.next().is_none())?;
    let at = first.end + text[first.end..].strip_prefix('、').map(|_| '、'.len_utf8())?;
    let mut second_chars = text[at..].chars();
    let b = second_chars.next().and_then(chinese_digit)?;
    if !(1..=2).contains(&b.checked_sub(a)?) || second_chars.next().is_none_or(|u| small_unit(u).or(large_unit(u)).is_none()) {
        return None;
    }
    let Some(Ok(second)) = lex(text, at, mode) else { return None };
    if second.vague_max.is_some() || second.units_after_digit <= Decimal::ONE {
        return None;
    }
    Some((Decimal::from(a).checked_mul(second.units_after_digit)?, second))
}

/// The upper bound of a range after the numeral `first` (at `pos`): `至`, `到`, dashes or
/// tildes, with at most one space around, and `(含)` allowed before the connector. Returns
/// the lower bound (scaled like the upper one where it wrote no scale: `3-5亿` is 3亿 to 5亿,
/// `一千到两千万` 1000万 to 2000万, but `从8500到3万` stays 8500), the upper numeral, and the
/// end of the range.
fn range_end(text: &str, pos: usize, first: &Lexed, mode: Mode) -> Option<((Decimal, Lexed), usize)> {
    let mut at = first.end;
    if text[at..].starts_with("(含)") {
        at += "(含)".len();
    }
    let spaces_before = text[at..].len() - text[at..].trim_start_matches(' ').len();
    let after_space = at + spaces_before.min(1);
    let conn = RANGE_CONNECTORS.iter().find(|c| text[after_space..].starts_with(**c))?;
    let mut second_at = after_space + conn.len();
    if text[second_at..].starts_with(' ') {
        second_at += 1;
    }
    let Some(Ok(second)) = lex(text, second_at, mode) else { return None };
    if second.vague_max.is_some() {
        return None;
    }
    // A dash chain (400-123-4567, 2024-07-15) is not a range.
    let dash = matches!(*conn, "-" | "~" | "–");
    if dash && (text[second.end..].starts_with(['-', '~']) || char_before(text, pos) == Some('-')) {
        return None;
    }
    if first.qualifier.is_some() && second.qualifier.is_none() && first.arabic {
        return None;
    }
    let scales: &[Decimal] = if first.has_large { &[Decimal::ONE] } else { &[second.units_after_digit, second.large_scale, Decimal::ONE] };
    let low = scales.iter().filter_map(|s| first.value.checked_mul(*s)).find(|low| *low < second.value)?;
    let end = second.end;
    Some(((low, second), end))
}

/// Parse a whole string as a number: digits or Chinese numerals, with scales, a range, and
/// qualifiers before (`约`, `超过`) or after (`多`, `以上`, `左右`). Full-width characters are
/// accepted.
///
/// # Examples
///
/// ```
/// use gongbao::number::parse_number;
/// use gongbao::Qualifier;
///
/// let n = parse_number("约1.2万亿").unwrap();
/// assert_eq!(n.value.to_string(), "1200000000000");
/// assert_eq!(n.qualifier, Some(Qualifier::Approx));
/// assert_eq!(parse_number("33亿5,006万2千").unwrap().value.to_string(), "3350062000");
/// assert_eq!(parse_number("壹仟贰佰叁拾肆").unwrap().value.to_string(), "1234");
/// assert!(parse_number("99999999999999999999999亿").is_err());
/// assert!(parse_number("项目").is_err());
/// ```
pub fn parse_number(input: &str) -> Result<Number> {
    let folded = crate::normalize::width::fold(input.trim()).0;
    let text = folded.trim();
    let (prefix_q, start) = leading_qualifier(text);
    let Some(lexed) = mention_at(text, start, Mode::default()) else {
        return Err(Error::parse(input, "a number", "no number found"));
    };
    let m = lexed.map_err(|(_, problem)| match problem {
        Some(msg) => Error::OutOfRange(format!("{input}: {msg}")),
        None => Error::parse(input, "a number", "digits side by side without a unit"),
    })?;
    let (suffix_q, end) = suffix_qualifier(text, m.span.end).map_or((None, m.span.end), |(q, e)| (Some(q), e));
    if end != text.len() {
        return Err(Error::parse(input, "a number", format!("unexpected {:?}", &text[end..])));
    }
    Ok(Number { value: m.value.normalize(), max: m.max.map(|x| x.normalize()), qualifier: m.qualifier.or(prefix_q).or(suffix_q) })
}

/// A qualifier word at the very start of `text`, and where the rest starts.
pub(crate) fn leading_qualifier(text: &str) -> (Option<Qualifier>, usize) {
    for &(w, q) in PREFIX_QUALIFIERS {
        if text.starts_with(w) {
            return (Some(q), w.len());
        }
    }
    (None, 0)
}

/// The number starting exactly at `pos`, with single spaces between its characters allowed
/// (`百分之五 十`): for recognizers that found an unambiguous cue before it.
pub(crate) fn spaced_number_at(text: &str, pos: usize) -> Option<NumberMention> {
    let mut m = mention_at(text, pos, Mode { spaced: true, space_groups: false, wrap: None, letter_spaced: false })?.ok()?;
    m.whole = !continued_after(text, m.span.end);
    Some(m)
}

impl FromStr for Number {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        parse_number(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_skip_agrees_with_chars() {
        let by_chars = |text: &str, from: usize| {
            text.get(from..).and_then(|rest| rest.char_indices().find(|&(_, c)| number_start_char(c))).map(|(i, c)| (from + i, c))
        };
        // Every character alone, after an ASCII letter and before a digit.
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let s = format!("a{c}7");
            assert_eq!(NUMBER_STARTS.find_in(&s, 0), by_chars(&s, 0), "{c:?}");
            assert_eq!(NUMBER_STARTS.find_in(&s, 1), by_chars(&s, 1), "{c:?}");
        }
        // From every offset, boundaries or not, in a text with one-, two-, three- and
        // four-byte characters.
        let text = "é签约〇项目𠀀5个,两亿○元·十万 三拾 NT$7.5 www.x.cn/9 壹";
        for from in 0..=text.len() + 1 {
            let expected = if text.is_char_boundary(from) { by_chars(text, from) } else { None };
            assert_eq!(NUMBER_STARTS.find_in(text, from), expected, "from {from}");
        }
    }

    #[test]
    fn numbers_right_after_an_address() {
        let texts = |text: &str| scan(text).0.iter().map(|m| text[m.span.clone()].to_string()).collect::<Vec<_>>();
        assert_eq!(texts("网址www.example.gov.cn/a/2024/52.html签约项目8个,三亿元"), ["8", "三亿"]);
        assert_eq!(texts("见http://example.cn/5 12个"), ["12"]);
        assert_eq!(texts("https://x.cn/1https://y.cn/2 签约3个"), ["3"]);
    }

    fn v(s: &str) -> String {
        parse_number(s).unwrap_or_else(|e| panic!("{s}: {e}")).value.normalize().to_string()
    }

    #[test]
    fn arabic() {
        assert_eq!(v("116.68亿"), "11668000000");
        assert_eq!(v("1,100万"), "11000000");
        assert_eq!(v("3.5万"), "35000");
        assert_eq!(v("1.2万亿"), "1200000000000");
        assert_eq!(v("4830万"), "48300000");
        assert_eq!(v("0.5"), "0.5");
        assert_eq!(v("5千万"), "50000000");
    }

    #[test]
    fn chinese() {
        assert_eq!(v("三千五百"), "3500");
        assert_eq!(v("三千五百万"), "35000000");
        assert_eq!(v("两"), "2");
        assert_eq!(v("一千二百亿"), "120000000000");
        assert_eq!(v("二十"), "20");
        assert_eq!(v("十五"), "15");
        assert_eq!(v("十"), "10");
        assert_eq!(v("三万五"), "35000");
        assert_eq!(v("一千二"), "1200");
        assert_eq!(v("三万零五"), "30005");
        assert_eq!(v("一百零五"), "105");
        assert_eq!(v("壹贰叁"), "123");
        assert_eq!(v("壹仟贰佰叁拾肆"), "1234");
        assert_eq!(v("二〇二三"), "2023");
        assert_eq!(v("三点五"), "3.5");
        assert_eq!(v("十三点五亿"), "1350000000");
        assert_eq!(v("一亿零五百万"), "105000000");
        assert_eq!(v("五十万"), "500000");
        assert_eq!(v("十万"), "100000");
    }

    #[test]
    fn mixed_and_ranges() {
        assert_eq!(v("33亿5,006万2千"), "3350062000");
        let r = parse_number("5亿至10亿").unwrap();
        assert_eq!((r.value.to_string(), r.max.unwrap().to_string()), ("500000000".into(), "1000000000".into()));
        let r = parse_number("3-5亿").unwrap();
        assert_eq!(r.value.to_string(), "300000000");
        let r = parse_number("1至2").unwrap();
        assert_eq!((r.value, r.max), (Decimal::ONE, Some(Decimal::TWO)));
        let r = parse_number("三到五").unwrap();
        assert_eq!((r.value, r.max), (Decimal::from(3), Some(Decimal::from(5))));
    }

    #[test]
    fn spoken_forms() {
        let r = parse_number("三五百万").unwrap();
        assert_eq!((r.value.to_string(), r.max.map(|m| m.to_string())), ("3000000".into(), Some("5000000".into())));
        let r = parse_number("两三千").unwrap();
        assert_eq!((r.value.to_string(), r.max.map(|m| m.to_string())), ("2000".into(), Some("3000".into())));
        assert_eq!(v("两个亿"), "200000000");
        assert_eq!(v("100个亿"), "10000000000");
        for s in ["三五", "七八", "二三十", "五三百"] {
            assert!(parse_number(s).is_err(), "{s}");
        }
    }

    #[test]
    fn numerals_read_to_their_true_ends() {
        assert_eq!(v("伍佰参拾亿"), "53000000000");
        assert_eq!(v("参万柒仟"), "37000");
        assert_eq!(v("壹佰零参"), "103");
        assert_eq!(v("廿三"), "23");
        assert_eq!(v("一百廿"), "120");
        assert_eq!(v("2万350"), "20350");
        assert_eq!(v("6万7601"), "67601");
        assert_eq!(v("1亿72300"), "100072300");
        assert_eq!(v("3万2,105"), "32105");
        assert_eq!(v("3千500"), "3500");
        assert_eq!(v("3万5"), "35000");
        assert_eq!(v("3万零5"), "30005");
        assert_eq!(v("4万点八"), "40000.8");
        assert_eq!(v("一百二十万零五百点五"), "1200500.5");
        assert_eq!(v("三点参"), "3.3");
        assert_eq!(v("1·8"), "1.8");
        assert_eq!(v("0万亿"), "0");
        assert_eq!(v("贰"), "2");
        let r = parse_number("四、五十亿").unwrap();
        assert_eq!((r.value.to_string(), r.max.map(|m| m.to_string())), ("4000000000".into(), Some("5000000000".into())));
        // Not read: more digits than the places below the scale, a decimal after it.
        for s in ["5万12345", "3万2.5", "伍", "参加"] {
            assert!(parse_number(s).is_err(), "{s}");
        }
    }

    #[test]
    fn a_number_continued_unread_is_not_whole() {
        let whole = |text: &str| scan(text).0.iter().map(|m| (text[m.span.clone()].to_owned(), m.whole)).collect::<Vec<_>>();
        assert_eq!(whole("投资5万12345人"), [("5万".to_owned(), false), ("12345".to_owned(), false)]);
        assert_eq!(whole("1234,567元"), [("1234".to_owned(), false), ("567".to_owned(), false)]);
        // (Four digits after a comma: the comma separates, as a Chinese comma folded to it does.)
        assert_eq!(whole("12,3456元"), [("12".to_owned(), true), ("3456".to_owned(), true)]);
        assert_eq!(whole("3兆京1,250亿元"), [("3".to_owned(), false), ("1,250亿".to_owned(), false)]);
        // Units and words that begin with a numeral character end a number whole.
        let ends = [("150".to_owned(), true), ("10".to_owned(), true), ("七十".to_owned(), true), ("一".to_owned(), true)];
        assert_eq!(whole("150兆瓦,10千瓦,七十百分位,万一"), ends);
        assert_eq!(numeral_run("投资5万12345人", &(6..10)), 6..15);
    }

    #[test]
    fn spaced_and_wrapped_digits() {
        let values = |text: &str, options: ScanOptions| scan_with(text, options).0.iter().map(|m| m.value.to_string()).collect::<Vec<_>>();
        assert_eq!(values("产量4 9 2 5 0 万吨,增长1 1 5 .3 %", ScanOptions::default()), ["492500000", "115.3"]);
        let spaced = ScanOptions { letter_spaced: true, ..ScanOptions::default() };
        assert_eq!(values("占6 5 %,增长1 0 .3 %", spaced), ["65", "10.3"]);
        assert!(spaces_its_digits("1 9 9 7 年,4 9 2 5 0 万吨") && !spaces_its_digits("7 215家,1 9 9 7 年"));
        let line = "其中高雄市获投资额最多达到一千亿元台中市居次获投资16";
        let text = format!("{line}\n42亿元");
        assert_eq!(values(&text, ScanOptions { wrap: Some(columns(line)), ..ScanOptions::default() }), ["100000000000", "164200000000"]);
        assert_eq!(values(&text, ScanOptions::default()), ["100000000000", "16", "4200000000"]);
    }

    #[test]
    fn zhao_is_a_trillion_only_in_money() {
        let text = "3兆1,250亿元";
        let (found, _) = scan(text);
        assert_eq!(found[0].value.to_string(), "3125000000000");
        assert_eq!(found[0].span, 0..text.len() - "元".len());
        let (found, _) = scan("2兆新台币");
        assert_eq!(found[0].value.to_string(), "2000000000000");
        for text in ["150兆瓦", "10兆帕", "100兆宽带"] {
            let (found, _) = scan(text);
            assert_eq!(found[0].value.to_string(), text.trim_end_matches(|c: char| !c.is_ascii_digit()), "{text}");
        }
    }

    #[test]
    fn thousands_grouped_with_a_space() {
        let options = ScanOptions { space_groups: true, wrap: None, letter_spaced: false };
        let text = "7 215家,1 250 000元,12 34个,2023 年";
        let got: Vec<String> = scan_with(text, options).0.iter().map(|m| m.value.to_string()).collect();
        assert_eq!(got, ["7215", "1250000", "12", "34", "2023"]);
        let plain: Vec<String> = scan("7 215家").0.iter().map(|m| m.value.to_string()).collect();
        assert_eq!(plain, ["7", "215"]);
    }

    #[test]
    fn bare_scales() {
        let at = |s: &str| bare_scale_at(s, 0).map(|(v, e)| (v.to_string(), e));
        assert_eq!(at("千万元"), Some(("10000000".into(), 6)));
        assert_eq!(at("百亿元"), Some(("10000000000".into(), 6)));
        assert_eq!(at("亿元"), Some(("100000000".into(), 3)));
        assert_eq!(at("万亿"), Some(("1000000000000".into(), 6)));
        assert_eq!(at("千人"), None);
        assert_eq!(at("亿万"), Some(("100000000".into(), 3)));
    }

    #[test]
    fn qualifiers() {
        assert_eq!(parse_number("160多").unwrap().qualifier, Some(Qualifier::Over));
        assert_eq!(parse_number("50余").unwrap().qualifier, Some(Qualifier::Over));
        assert_eq!(parse_number("约230").unwrap().qualifier, Some(Qualifier::Approx));
        assert_eq!(parse_number("不到5").unwrap().qualifier, Some(Qualifier::Under));
        assert_eq!(parse_number("10以上").unwrap().qualifier, Some(Qualifier::Over));
        let n = parse_number("10多万").unwrap();
        assert_eq!((n.value.to_string(), n.qualifier), ("100000".into(), Some(Qualifier::Over)));
        assert_eq!(parse_number("十几").unwrap().value, Decimal::TEN);
    }

    #[test]
    fn rejects_non_numbers() {
        for s in ["", "项目", "万", "千亿", "三五", "1 2", "零"] {
            assert!(parse_number(s).is_err(), "{s:?}");
        }
        assert!(matches!(parse_number("99999999999999999999999亿"), Err(Error::OutOfRange(_))));
        assert!(matches!(parse_number(&"9".repeat(10_000)), Err(Error::OutOfRange(_))));
    }

    #[test]
    fn scan_skips_ordinals_and_identifiers() {
        let text = "第39号提案,电话:18992491111,邮箱qianxun162@163.com,编辑NB33102,新签约项目52个";
        let (found, _) = scan(text);
        let got: Vec<&str> = found.iter().map(|m| &text[m.span.clone()]).collect();
        assert_eq!(got, ["52"]);
    }

    #[test]
    fn scan_finds_chinese_and_mixed() {
        let text = "六个承载平台,1.3万人次,3-5亿元,投资过5亿的,四大特点";
        let (found, _) = scan(text);
        let got: Vec<&str> = found.iter().map(|m| &text[m.span.clone()]).collect();
        assert_eq!(got, ["六", "1.3万", "3-5亿", "5亿", "四"]);
    }

    #[test]
    fn qualifier_words_in_context() {
        let t = "签约383亿元";
        assert_eq!(prefix_qualifier(t, t.find("383").unwrap()), None);
        let t = "总投资约677亿元";
        assert_eq!(prefix_qualifier(t, t.find("677").unwrap()).map(|q| q.0), Some(Qualifier::Approx));
        let t = "实际利用外资突破4000万美元";
        assert_eq!(prefix_qualifier(t, t.find("4000").unwrap()).map(|q| q.0), Some(Qualifier::Over));
        let t = "通过3个平台";
        assert_eq!(prefix_qualifier(t, t.find('3').unwrap()), None);
        let t = "10个上下游项目";
        assert_eq!(suffix_qualifier(t, t.find('个').unwrap() + 3), None);
    }
}
