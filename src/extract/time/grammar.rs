//! Reading time expressions from the normalized text (simplified script, ASCII digits and
//! punctuation): a small recursive-descent parser that tries each position once and never
//! looks further than one expression ahead, so a scan is linear in the text.
//!
//! ```text
//! expression := [截至|截止] [从|自] range [以来|起|以后 | 及以前|以前|之前|前] [为止|止] [左右|前后]
//! range      := point [time-of-day] [起] [connector point [time-of-day] [止]]
//! point      := numeric date (2024-07-15, 2023.4.28, 20240307, 09-01, 6·30)
//!             | century / decade (上世纪80年代, 18世纪)
//!             | year [parts of a year | holiday]   (2023年, 今年, 民国112年, 07年第三季度)
//!             | parts of a year                     (1-10月, 上半年, 一季度, 4月28日, 前10个月)
//!             | 本月/上个月… [part] | 本季度… | 上周/星期一… | 今天/明天/次日… | 20天后
//!             | holiday                             (国庆, 春节, 母亲节)
//! ```
//!
//! What is not a time: a year glued to an identifier (`szsfwzx/2024-00049`), the year of a
//! document number (`〔2024〕12号`, claimed so its `12号` is no date either), ordinals
//! (`第39号`), single-digit or unit-bearing "years" that are durations (`三年`, `十年`,
//! `5年`), and a bare `全年`.

use rust_decimal::prelude::ToPrimitive;

use super::syntax::{Century, Expr, Holiday, LunarDay, Mention, MonthPart, MonthSpec, Open, Period, WeekPart, What, YearPart, YearSpec};
use crate::char_class::CharClass;
use crate::number::{chinese_digit, is_chinese_numeral_char, parse_number};

/// Every time expression (and every phrase to claim) in `text`, in order, not overlapping.
pub fn scan(text: &str) -> Vec<Mention> {
    scan_with(text, Calendars::default())
}

/// The calendars of the region a text is written in, where they differ from the mainland's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Calendars {
    /// Whether a year written with two or three digits is one of the Republic calendar (`108年`
    /// is 2019, `99年` is 2010: Taiwan's texts count years from 1912, often without writing
    /// `民国`); see [`super::republic_calendar`] for when a text does.
    pub republic: bool,
    /// Whether a year written as two (`2024/25年度`, `2024-25年度`) is a fiscal year from April
    /// to March (Hong Kong's); elsewhere such a year is no time (cotton and sugar years, school
    /// years begin in other months).
    pub fiscal_from_april: bool,
}

/// [`scan`], with the region's `calendars`.
pub fn scan_with(text: &str, calendars: Calendars) -> Vec<Mention> {
    let begins = &*BEGINS;
    scan_from(text, |text, from| begins.find_in(text, from), fits, calendars)
}

/// Whether an expression may begin with `c` (one of [`can_begin`]) where `rest` (from `c` on)
/// is written: the next character fits ([`second_fits`]), the word is one of `c`'s
/// ([`word_fits`]) and a number is followed by what follows one in a time ([`number_fits`]).
/// After 从 or 自, which begin an expression only as its prefix (从2020年起), the same holds of
/// what follows them: 从而, 自主, 自治 begin nothing.
fn fits(c: char, rest: &str) -> bool {
    if matches!(c, '从' | '自') {
        let after = &rest[c.len_utf8()..];
        return after.chars().next().is_some_and(|n| BEGINS.contains(n) && fits_unprefixed(n, after));
    }
    fits_unprefixed(c, rest)
}

/// [`fits`], for a `c` that is no prefix.
fn fits_unprefixed(c: char, rest: &str) -> bool {
    let after = &rest[c.len_utf8()..];
    // 第 begins only an ordinal quarter or day (第三季度, 第十天).
    if c == '第' {
        return after.starts_with(|n: char| n.is_ascii_digit() || is_chinese_numeral_char(n)) && number_fits(after);
    }
    // Digits begin no word, and second_fits lets any character follow them.
    if c.is_ascii_digit() {
        return number_fits(rest);
    }
    // 首 begins a count of the first quarters or months (首三季, 首十一个月) as well as its words.
    if c == '首' && after.starts_with(|n: char| n.is_ascii_digit() || is_chinese_numeral_char(n)) {
        return true;
    }
    // 五年来: the years under review (a single digit and 年 is otherwise a duration).
    if chinese_digit(c).is_some() && after.starts_with("年来") {
        return true;
    }
    second_fits(c, after.chars().next()) && word_fits(c, rest) && (!is_chinese_numeral_char(c) || number_fits(rest))
}

/// Whether the number at the start of `rest` (ASCII digits or Chinese numerals) may begin a
/// time, by what follows its digits: a word that follows a number in a time (年, 月, 日, 号,
/// 天, 世纪, 季度, and 个 only before 季度; 、 only before another quarter), the separator of a
/// date or a range (2024-07, 6·30, 11/3号, 1至3月, 1 - 3月), a space, or the end of the text.
/// Four or eight digits may be followed by anything (a year after a connector, 2016-2018;
/// 20240307), and a holiday or an era may begin with a numeral (五一, 三八妇女节, 七夕, 万历).
/// Most numbers of a text are amounts (1.5, 30%, 200万元, 三个), and the grammar is not tried on
/// them.
///
/// A run longer than any number of a time ([`LONGEST_NUMBER`]) is let through without looking
/// further: the grammar, which reads no more of it, decides there; reading such a run to its
/// end again from each of its characters took time quadratic in its length (`1111…`, `一一一…`).
fn number_fits(rest: &str) -> bool {
    let digits = rest.bytes().take(LONGEST_NUMBER + 1).take_while(u8::is_ascii_digit).count();
    if digits == 4 || digits == 8 || digits > LONGEST_NUMBER {
        return true;
    }
    let after = if digits > 0 {
        &rest[digits..]
    } else {
        match rest.char_indices().take(LONGEST_NUMBER + 1).find(|&(_, c)| !is_chinese_numeral_char(c)) {
            Some((end, _)) => &rest[end..],
            None => return true,
        }
    };
    let mut follow = after.chars();
    let follows = match follow.next() {
        None => true,
        Some('个') => follow.next().is_none_or(|c| c == '季'),
        Some('世') => follow.next().is_none_or(|c| c == '纪'),
        // 第1、2季, 一、二季度: two quarters in a row.
        Some('、') => follow.next().is_some_and(|c| c.is_ascii_digit() || is_chinese_numeral_char(c)) && follow.next() == Some('季'),
        Some(c) => {
            matches!(c, '年' | '月' | '日' | '号' | '天' | '季' | '-' | '·' | '/' | ' ' | '—' | '–' | '~' | '〜' | '至' | '到' | '起')
        }
    };
    follows || digits == 0 && begins_numeral_name(rest)
}

/// More digits or numerals than a number of a time has (eight: `20240307`, `二〇二四`).
const LONGEST_NUMBER: usize = 8;

/// Whether `rest` begins with the name of a holiday, festival or era that begins with a
/// numeral (五一, 七夕, 万历).
fn begins_numeral_name(rest: &str) -> bool {
    let (firsts, names) = &*NUMERAL_NAMES;
    firsts & 1 << first_key(rest.as_bytes()) != 0 && names.iter().any(|w| starts_with(rest, w))
}

/// The names of [`begins_numeral_name`], and the mask of their first characters (as in
/// [`Words`]).
static NUMERAL_NAMES: std::sync::LazyLock<(u128, Vec<&'static str>)> = std::sync::LazyLock::new(|| {
    let names =
        HOLIDAYS.entries.iter().map(|e| e.0).chain(LUNAR_FESTIVALS.entries.iter().map(|e| e.0)).chain(ERAS.entries.iter().map(|e| e.0));
    let names: Vec<&str> = names.filter(|w| w.starts_with(is_chinese_numeral_char)).collect();
    (names.iter().fold(0, |firsts, w| firsts | 1 << first_key(w.as_bytes())), names)
});

/// Words that begin an expression, for the characters that begin nothing else (eras, festivals,
/// solar terms, 今年, 截至 ...): an expression may begin with such a character only where one
/// of its words is written.
const FIRST_WORDS: &[&str] = &[
    "截至",
    "截止",
    "到目前为止",
    "今年",
    "今(",
    "明(",
    "昨",
    "开年",
    "过去",
    "今明两年",
    "今天",
    "今日",
    "今晚",
    "今夜",
    "今早",
    "去年",
    "明年",
    "明天",
    "明日",
    "明晚",
    "明早",
    "来年",
    "当年",
    "这一年",
    "这一星期",
    "这一礼拜",
    "这一周",
    "这个月",
    "这个季度",
    "这个星期",
    "这个礼拜",
    "这个周",
    "这月",
    "这季度",
    "这星期",
    "这礼拜",
    "这周",
    "大前年",
    "大后年",
    "大前天",
    "大后天",
    "大大前天",
    "大大后天",
    "大年",
    "大寒",
    "大暑",
    "当月",
    "当天",
    "当日",
    "同年",
    "同月",
    "同治",
    "次年",
    "次月",
    "次日",
    "翌年",
    "翌日",
    "公元",
    "年底",
    "年末",
    "年内",
    "首季",
    "首月",
    "星期",
    "礼拜",
    "民国",
    "宣统",
    "光绪",
    "咸丰",
    "道光",
    "嘉庆",
    "乾隆",
    "雍正",
    "康熙",
    "顺治",
    "崇祯",
    "万历",
    "永乐",
    "洪武",
    "天宝",
    "开元",
    "神龙",
    "贞观",
    "农历",
    "阴历",
    "正月",
    "冬月",
    "冬至",
    "腊月",
    "腊八",
    "春节",
    "春分",
    "元宵",
    "元旦",
    "端午",
    "中秋",
    "重阳",
    "除夕",
    "小寒",
    "小满",
    "小暑",
    "小雪",
    "立春",
    "立夏",
    "立秋",
    "立冬",
    "惊蛰",
    "清明",
    "谷雨",
    "芒种",
    "夏至",
    "处暑",
    "秋分",
    "新年",
    "女生节",
    "愚人节",
    "万圣节",
    "光棍节",
    "双十一",
    "双十二",
    "情人节",
    "妇女节",
    "植树节",
    "劳动节",
    "青年节",
    "儿童节",
    "建党节",
    "建军节",
    "教师节",
    "国庆",
    "平安夜",
    "圣诞节",
    "母亲节",
    "父亲节",
    "感恩节",
];

/// [`FIRST_WORDS`] by first character, sorted by it; 萬, 亿 and 億 begin nothing (a number
/// never starts with them).
static WORDS_BY_FIRST: std::sync::LazyLock<Vec<(char, Vec<&'static str>)>> = std::sync::LazyLock::new(|| {
    let mut by_first: Vec<(char, Vec<&'static str>)> = Vec::new();
    let firsts = FIRST_WORDS.iter().map(|w| (w.chars().next().unwrap_or_default(), Some(*w)));
    for (c, word) in firsts.chain(['萬', '亿', '億'].map(|c| (c, None))) {
        match by_first.iter_mut().find(|(f, _)| *f == c) {
            Some((_, words)) => words.extend(word),
            None => by_first.push((c, word.into_iter().collect())),
        }
    }
    by_first.sort_by_key(|(c, _)| *c);
    by_first
});

/// Whether `rest` (which starts with `c`) starts with one of `c`'s words, for a character that
/// begins only words; true for the others.
fn word_fits(c: char, rest: &str) -> bool {
    let by_first = &*WORDS_BY_FIRST;
    by_first.binary_search_by_key(&c, |(f, _)| *f).map_or(true, |i| by_first[i].1.iter().any(|w| starts_with(rest, w)))
}

/// [`can_begin`], by a bitmap built once per process.
static BEGINS: std::sync::LazyLock<CharClass> = std::sync::LazyLock::new(|| CharClass::new(can_begin));

/// [`scan`], trying the grammar only at the characters `c` that `next_begin(text, from)` finds
/// (the first at or after byte `from` that may begin an expression, and where) and where
/// `fits(c, rest)` (`rest` is the text from `c` on).
fn scan_from(
    text: &str,
    next_begin: impl Fn(&str, usize) -> Option<(usize, char)>,
    fits: impl Fn(char, &str) -> bool,
    calendars: Calendars,
) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut at = 0;
    // From one character that may begin an expression to the next, in one tight loop.
    while let Some((found, c)) = next_begin(text, at) {
        at = found;
        if fits(c, &text[at..])
            && may_start(text, at, c)
            && let Some(m) = mention_in(text, at, calendars)
            && m.span.end > at
        {
            // The next expression begins after this one.
            at = m.span.end;
            out.push(m);
        } else {
            at += c.len_utf8();
        }
    }
    out
}

/// Parse the one time expression starting exactly at `at`, if any.
pub fn mention_at(text: &str, at: usize) -> Option<Mention> {
    mention_in(text, at, Calendars::default())
}

/// [`mention_at`], with the region's `calendars` (see [`scan_with`]).
fn mention_in(text: &str, at: usize, calendars: Calendars) -> Option<Mention> {
    let mut p = Parser { t: text, i: at, number_at: None, calendars };
    if p.attempt(not_time).is_some() {
        return Some(Mention { span: at..p.i, what: What::NotTime });
    }
    let expr = p.attempt(expression)?;
    // 每周一, 每月15日, 每年春节: a recurring time is no date; claimed so that its digits are no
    // figure either.
    let what = if recurring_before(&text[..at]) { What::NotTime } else { What::Time(expr) };
    Some(Mention { span: at..p.i, what })
}

/// Whether `head` (the text before a time expression) ends with a word that makes the
/// expression recur: `每`, `每逢`, `每年`, `每月的`, `每个星期` (`每周一`, `每月15日`, `每年春节`).
fn recurring_before(head: &str) -> bool {
    let head = head.trim_end_matches(' ');
    let head = head.strip_suffix('的').unwrap_or(head);
    let head = ["个月", "个星期", "星期", "季度", "年", "月", "周", "逢"].iter().find_map(|w| head.strip_suffix(w)).unwrap_or(head);
    let head = head.strip_suffix('个').unwrap_or(head);
    head.ends_with('每')
}

/// Whether some expression (or phrase to claim) may begin with `c`: a digit, a Chinese numeral,
/// `Q`, or the first character of a word the grammar reads first (截至, 从, 今年, 上半年, 第,
/// 星期, 农历, 国庆, 立春 ...). Most characters of a text begin nothing, and `scan` skips them
/// without running the grammar (ten times fewer attempts on government work reports). A word
/// added to the grammar that can come first needs its first character here; the test
/// `first_characters_cover_the_grammar` checks every literal of this file.
fn can_begin(c: char) -> bool {
    c.is_ascii_digit()
        || c == 'Q'
        || is_chinese_numeral_char(c)
        || matches!(
            c,
            // prefixes and phrases to claim: 截至, 截止, 从, 自, 到目前为止
            '截' | '从' | '自' | '到'
            // years, eras, months, quarters, weeks and days named by words
            | '今' | '去' | '明' | '前' | '后' | '大' | '过' | '上' | '下' | '这' | '本' | '来' | '当' | '同'
            | '次' | '翌' | '昨' | '公' | '年' | '首' | '第' | '星' | '礼' | '周'
            // eras
            | '民' | '宣' | '光' | '咸' | '道' | '嘉' | '乾' | '雍' | '康' | '顺' | '崇' | '永' | '洪'
            | '天' | '开' | '神' | '贞'
            // the lunar calendar and its festivals
            | '农' | '阴' | '闰' | '正' | '冬' | '腊' | '春' | '元' | '端' | '中' | '重' | '除'
            // solar terms (雨水, 白露, 寒露 and 霜降 only after a year)
            | '小' | '立' | '惊' | '清' | '谷' | '芒' | '夏' | '处' | '秋'
            // holidays
            | '新' | '女' | '愚' | '双' | '情' | '妇' | '植' | '劳' | '青' | '儿' | '建' | '教' | '国'
            | '平' | '圣' | '母' | '父' | '感'
        )
}

/// Whether `next` may follow `c` at the start of an expression, for the frequent characters
/// that begin only a few words (国 only 国庆, 中 only 中秋, 年 only 年底, 年末, 年内); the others
/// may be followed by anything. Checked by the same tests as [`can_begin`].
fn second_fits(c: char, next: Option<char>) -> bool {
    let Some(n) = next else {
        return !matches!(
            c,
            '国' | '大'
                | '民'
                | '中'
                | '建'
                | '年'
                | '重'
                | '农'
                | '新'
                | '同'
                | '平'
                | '开'
                | '这'
                | '到'
                | '公'
                | '教'
                | '来'
                | '过'
                | '立'
                | '春'
                | '元'
                | '本'
                | '后'
                | '周'
        );
    };
    match c {
        '国' => n == '庆',
        '大' => matches!(n, '前' | '后' | '年' | '寒' | '暑' | '大'),
        '民' => n == '国',
        '中' => n == '秋',
        '建' => matches!(n, '党' | '军'),
        '年' => matches!(n, '底' | '末' | '内'),
        '重' => n == '阳',
        '农' => n == '历',
        '新' => n == '年',
        '同' => matches!(n, '年' | '月' | '治'),
        '平' => n == '安',
        '开' => matches!(n, '元' | '年'),
        '这' => matches!(n, '一' | '个' | '月' | '季' | '星' | '礼' | '周'),
        // 周 begins only a day of the week or a weekend (周三, 周末, 周的星期一).
        '周' => matches!(n, '末' | '的' | '星' | '礼' | '周' | '一' | '二' | '三' | '四' | '五' | '六' | '日' | '天' | '1'..='7'),
        '到' => n == '目',
        '公' => n == '元',
        '教' => n == '师',
        '来' => n == '年',
        '过' => n == '去',
        '立' => matches!(n, '春' | '夏' | '秋' | '冬'),
        '春' => matches!(n, '节' | '分'),
        '元' => matches!(n, '旦' | '宵'),
        '本' => matches!(n, '年' | '月' | '季' | '世' | '日' | '周' | '星' | '礼' | '('),
        '后' => matches!(n, '年' | '天'),
        '上' | '下' => matches!(n, '半' | '年' | '一' | '月' | '个' | '上' | '下' | '季' | '世' | '星' | '礼' | '周'),
        '前' => matches!(n, '年' | '天') || n.is_ascii_digit() || is_chinese_numeral_char(n),
        // A Chinese numeral goes on as a numeral, or is followed by what follows a number in a
        // time (年, 月, 日, a range connector ...), or begins a festival (七夕, 五一, 万圣节) or
        // an era (万历).
        // A single digit and 年 is a duration (五年), never a year: a year written in Chinese
        // digits has two or more (九七年, 二〇二三年); 十年代 is a decade.
        // (一年来 is the year under review.)
        _ if chinese_digit(c).is_some() && n == '年' => c == '一',
        _ if is_chinese_numeral_char(c) => {
            is_chinese_numeral_char(n)
                || matches!(
                    n,
                    '年' | '月'
                        | '日'
                        | '号'
                        | '季'
                        | '个'
                        | '世'
                        | '天'
                        | '至'
                        | '到'
                        | '起'
                        | '-'
                        | '~'
                        | '—'
                        | '–'
                        | '〜'
                        | ' '
                        | '夕'
                        | '历'
                        | '圣'
                )
        }
        _ => true,
    }
}

/// Whether an expression may start at `at` (where `c` is): not inside a number, an identifier
/// or an ordinal.
fn may_start(text: &str, at: usize, c: char) -> bool {
    let prev = text[..at].chars().next_back();
    if c.is_ascii_digit() {
        return !prev.is_some_and(|p| p.is_ascii_alphanumeric() || one_of("./_@-#%", p) || p == '第' || p == '每');
    }
    if is_chinese_numeral_char(c) {
        return !prev.is_some_and(|p| is_chinese_numeral_char(p) || p == '第' || p == '每');
    }
    // 年内, 年底 after a count of years (3年内, 三五年内, 半年内) are part of a duration.
    if c == '年' && prev.is_some_and(|p| p.is_ascii_digit() || is_chinese_numeral_char(p) || one_of("半几多数", p)) {
        return false;
    }
    c == 'Q' || !c.is_ascii()
}

// ---------------------------------------------------------------------------------------------
// The cursor

/// A number as written: its value, how many digits, in which script.
#[derive(Debug, Clone, Copy)]
struct Num {
    value: u32,
    /// Digits written (Arabic, or Chinese digit by digit); 0 for Chinese with 十/百/千.
    digits: u8,
    arabic: bool,
    /// Written with a leading zero (`07`).
    zero_lead: bool,
}

struct Parser<'t> {
    t: &'t str,
    i: usize,
    /// The last number read: where, and what (with the bytes it took). The alternatives of
    /// the grammar read the number at one position again and again.
    number_at: Option<(usize, Option<(Num, usize)>)>,
    /// The region's calendars: years of the Republic (`108年`), fiscal years from April.
    calendars: Calendars,
}

impl<'t> Parser<'t> {
    fn rest(&self) -> &'t str {
        self.t.get(self.i..).unwrap_or("")
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn prev(&self) -> Option<char> {
        self.t.get(..self.i).and_then(|h| h.chars().next_back())
    }

    fn eat(&mut self, s: &str) -> bool {
        let ok = starts_with(self.rest(), s);
        if ok {
            self.i += s.len();
        }
        ok
    }

    #[inline]
    fn eat_any(&mut self, words: &[&str]) -> bool {
        let rest = self.rest();
        let word = words.iter().find(|w| starts_with(rest, w));
        self.i += word.map_or(0, |w| w.len());
        word.is_some()
    }

    /// The first word of `words` at the cursor (tables list longer words first), consumed.
    fn lookup<T: Copy>(&mut self, words: &Words<T>) -> Option<T> {
        let &(w, v) = words.find(self.rest())?;
        self.i += w.len();
        Some(v)
    }

    /// Skip up to three ASCII spaces (texts copied from tables and PDFs space out `2008 年`).
    fn spaces(&mut self) {
        for _ in 0..3 {
            if !self.eat(" ") {
                break;
            }
        }
    }

    /// Run `f`; on failure, put the cursor back.
    fn attempt<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let save = self.i;
        let r = f(self);
        if r.is_none() {
            self.i = save;
        }
        r
    }

    /// At most `max` ASCII digits (at least one).
    fn digits(&mut self, max: usize) -> Option<(u32, usize)> {
        let n = self.rest().bytes().take(max).take_while(u8::is_ascii_digit).count();
        let v = self.rest().get(..n)?.parse().ok()?;
        self.i += n;
        Some((v, n))
    }

    /// A number: Arabic digits, or Chinese numerals (digit by digit, `二〇二三`, or with units,
    /// `二十八`, read by the shared number parser).
    fn number(&mut self) -> Option<Num> {
        let read = match self.number_at {
            Some((at, read)) if at == self.i => read,
            _ => {
                let read = read_number(self.rest());
                self.number_at = Some((self.i, read));
                read
            }
        };
        let (num, len) = read?;
        self.i += len;
        Some(num)
    }

    /// A number from 1 to `max`, one or two digits (or a Chinese numeral).
    fn small(&mut self, max: u32) -> Option<u32> {
        // (Two digits a typesetter spaced out, `1 2 月2 0 日`: one number before the unit, not
        // a second that starts at its last digit. Told from the bytes: most numbers are not.)
        let rest = self.rest();
        if let &[a, b' ', b, ..] = rest.as_bytes()
            && a.is_ascii_digit()
            && b.is_ascii_digit()
        {
            let v = u32::from(a - b'0') * 10 + u32::from(b - b'0');
            let after = &rest[3..];
            let after = after.strip_prefix(' ').unwrap_or(after);
            if (1..=max).contains(&v) && after.starts_with(['月', '日', '号', '时']) {
                self.i += rest.len() - after.len();
                return Some(v);
            }
        }
        self.attempt(|p| {
            let n = p.number()?;
            (n.value >= 1 && n.value <= max && n.digits <= 2).then_some(n.value)
        })
    }

    /// A range connector (`-`, `至`, `到`, `~`, `——`), with spaces around it.
    fn connector(&mut self) -> bool {
        self.attempt(|p| {
            p.spaces();
            p.eat_any(CONNECTORS).then(|| p.spaces())
        })
        .is_some()
    }
}

/// The number at the start of `rest` (see [`Parser::number`]) and its length in bytes.
fn read_number(rest: &str) -> Option<(Num, usize)> {
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        let n = rest.bytes().take(LONGEST_NUMBER + 1).take_while(u8::is_ascii_digit).count();
        if n > LONGEST_NUMBER {
            return None;
        }
        let value = rest[..n].parse().ok()?;
        return Some((Num { value, digits: n as u8, arabic: true, zero_lead: n > 1 && rest.starts_with('0') }, n));
    }
    let run_len: usize = rest
        .chars()
        .take_while(|&c| is_chinese_numeral_char(c) && !matches!(c, '万' | '萬' | '亿' | '億'))
        .take(8)
        .map(char::len_utf8)
        .sum();
    let run = &rest[..run_len];
    if run.is_empty() {
        return None;
    }
    let sequence: Option<u32> = run.chars().try_fold(0u32, |acc, c| Some(acc * 10 + u32::from(chinese_digit(c)?)));
    let (value, digits) = match sequence {
        Some(v) => (v, run.chars().count() as u8),
        None => {
            let n = parse_number(run).ok()?;
            if n.max.is_some() || n.qualifier.is_some() || !n.value.fract().is_zero() {
                return None;
            }
            (n.value.to_u32()?, 0)
        }
    };
    let zero_lead = digits > 1 && run.chars().next().and_then(chinese_digit) == Some(0);
    Some((Num { value, digits, arabic: false, zero_lead }, run_len))
}

/// Whether `c` is one of `chars`, read one by one: the grammar's lists are a handful of
/// characters, for which this is several times cheaper than `str::contains`.
#[inline]
fn one_of(chars: &str, c: char) -> bool {
    chars.chars().any(|x| x == c)
}

/// `text.starts_with(word)`, rejecting most words on their first character's bytes before
/// comparing the rest (the grammar tries hundreds of words where few can match).
#[inline]
fn starts_with(text: &str, word: &str) -> bool {
    let (t, w) = (text.as_bytes(), word.as_bytes());
    let n = w.len();
    t.len() >= n && (n == 0 || t[0] == w[0]) && (n < 2 || t[1] == w[1]) && (n < 3 || t[2] == w[2]) && t[..n] == *w
}

/// A table of words and what each means, with the first characters of its words summed up
/// in a mask (a bit for each code point's lowest seven bits): the grammar looks a dozen tables
/// up at each position it tries, and the mask turns most of them down without reading a word.
struct Words<T: 'static> {
    entries: &'static [(&'static str, T)],
    firsts: u128,
}

impl<T> Words<T> {
    const fn new(entries: &'static [(&'static str, T)]) -> Words<T> {
        let mut firsts = 0;
        let mut i = 0;
        while i < entries.len() {
            firsts |= 1 << first_key(entries[i].0.as_bytes());
            i += 1;
        }
        Words { entries, firsts }
    }

    /// The first entry whose word starts `text`.
    #[inline]
    fn find(&self, text: &str) -> Option<&(&'static str, T)> {
        if self.firsts & 1 << first_key(text.as_bytes()) == 0 {
            return None;
        }
        self.entries.iter().find(|(w, _)| starts_with(text, w))
    }
}

/// The lowest seven bits of the code point of the first character of `text` (UTF-8), 0 for
/// none: in UTF-8 they are the last byte's six and one more from the byte before it.
const fn first_key(text: &[u8]) -> u32 {
    let last = match text {
        [] => return 0,
        [b, ..] if *b < 0x80 => return *b as u32,
        [b0, b1, ..] if *b0 < 0xE0 => [*b0, *b1],
        [_, b1, b2, ..] if text[0] < 0xF0 => [*b1, *b2],
        [_, _, b2, b3, ..] => [*b2, *b3],
        _ => return 0,
    };
    ((last[0] & 1) as u32) << 6 | (last[1] & 0x3F) as u32
}

const CONNECTORS: &[&str] = &["——", "—", "–", "-", "~", "〜", "起至", "至", "到"];

// ---------------------------------------------------------------------------------------------
// Expressions

/// Names of an event and a route that hold a month or a century and name a thing, not a time the
/// text speaks of: the October Revolution, the 21st-Century Maritime Silk Road.
const NAMED: &[&str] = &["十月革命", "21世纪海上丝绸之路", "二十一世纪海上丝绸之路"];

/// Phrases that are no time but must not be read as figures.
fn not_time(p: &mut Parser<'_>) -> Option<()> {
    if p.eat_any(&["截至目前", "截止目前", "截至当前", "截止当前", "到目前为止"]) || p.eat_any(NAMED) {
        return Some(());
    }
    // A year written as two outside Hong Kong (2023/24年度: a cotton, sugar or school year, whose
    // months the text does not say).
    if !p.calendars.fiscal_from_april
        && p.attempt(|p| {
            let (y, n) = p.digits(4)?;
            (n == 4).then_some(())?;
            fiscal_year(p, y as i16)
        })
        .is_some()
    {
        return Some(());
    }
    // The year of a document number: 〔2024〕12号, [2024]12号.
    if p.prev().is_some_and(|c| one_of("〔[【(", c)) {
        let (y, n) = p.digits(4)?;
        if n == 4 && (1900..=2100).contains(&y) && p.eat_any(&["〕", "]", "】", ")"]) {
            if p.attempt(|p| p.digits(6).and_then(|_| p.eat("号").then_some(()))).is_none() {
                p.eat("号");
            }
            return Some(());
        }
    }
    None
}

fn expression(p: &mut Parser<'_>) -> Option<Expr> {
    let start = p.i;
    let after_comparison = ["比", "较", "同比"].iter().any(|w| p.t[..p.i].ends_with(w));
    let until = p.eat_any(&["截至", "截止到", "截止至", "截止"]);
    p.eat_any(&["从", "自"]);
    let (first, last) = range(p)?;
    let mut open = if until { Open::Start } else { Open::Neither };
    // A suffix bounds a single period; after a range (2020至2025年前) it only restates its end.
    let suffix = p.attempt(|p| open_suffix(p, &last)).unwrap_or(Open::Neither);
    if open == Open::Neither && first == last {
        open = suffix;
    }
    p.eat_any(&["为止", "止"]);
    // 截至9月底的三个月: the months up to the month-end named, closed (Hong Kong's statistics).
    let mut first = first;
    if until
        && first == last
        && let Some(from) = p.attempt(|p| months_ending(p, &last))
    {
        (first, open) = (from, Open::Neither);
    }
    p.eat_any(&["左右", "前后"]);
    // 比去年同期, 与2019年相比, 和上年同期比: a comparison base.
    let compared = ["与", "和", "跟", "同"].iter().any(|w| p.t[..start].ends_with(w))
        && ["相比", "比较", "对比", "比"].iter().any(|w| p.rest().starts_with(w));
    let comparison = after_comparison || compared || p.t[..p.i].ends_with("同期");
    Some(Expr { first, last, open, comparison })
}

/// After `截至` a month's end (`last`): `的三个月`, the `n` months that end with it; the first of
/// them, a year earlier when they cross the start of a year (`截至2月底的三个月` begins in
/// December) and the year can be counted back.
fn months_ending(p: &mut Parser<'_>, last: &Period) -> Option<Period> {
    let Period::Year(spec, YearPart::Month(MonthSpec::Named(m), part)) = *last else { return None };
    if !matches!(part, MonthPart::LastDay | MonthPart::Whole) && !matches!(part, MonthPart::Day(d) if d >= 28) {
        return None;
    }
    p.eat("的").then_some(())?;
    let n = p.small(12)? as i8;
    (p.eat("个") && p.eat("月")).then_some(())?;
    let start = m - n + 1;
    if start >= 1 {
        return Some(Period::Year(spec, month(start as u8)));
    }
    let earlier = match spec {
        YearSpec::Absolute(y) => YearSpec::Absolute(y.checked_sub(1)?),
        YearSpec::TwoDigit(y) => YearSpec::TwoDigit(y.checked_sub(1)?),
        YearSpec::Deictic(k) => YearSpec::Deictic(k.checked_sub(1)?),
        YearSpec::Anaphoric(k) => YearSpec::Anaphoric(k.checked_sub(1)?),
        YearSpec::UnderReview(k) => YearSpec::UnderReview(k.checked_add(1)?),
        YearSpec::Implicit => return None,
    };
    Some(Period::Year(earlier, month((start + 12) as u8)))
}

/// `以来`, `起`, `以后` (open end); `及以前`, `以前`, `之前`, `前` (open start).
fn open_suffix(p: &mut Parser<'_>, last: &Period) -> Option<Open> {
    if p.eat_any(&["以来", "至今", "以后", "之后", "开始"]) {
        return Some(Open::End);
    }
    if p.eat("起") {
        // 起步, 起草, 起点 are words of their own.
        return (!p.peek().is_some_and(|c| one_of("步草点来飞诉源始", c))).then_some(Open::End);
    }
    if p.eat_any(&["及以前", "及之前", "以前", "之前"]) {
        return Some(Open::Start);
    }
    // A bare 前 bounds only a written date (2025年前, 3月15日前), and not 前所未有, 前列 ...
    let written = match last {
        Period::Year(y, part) => y.is_written() || matches!(part, YearPart::Month(MonthSpec::Named(_), _)),
        _ => false,
    };
    if written && p.eat("前") && !p.peek().is_some_and(|c| one_of("所列景期沿身夕后提进往来三两一二四五六七八九十", c))
    {
        return Some(Open::Start);
    }
    None
}

fn range(p: &mut Parser<'_>) -> Option<(Period, Period)> {
    let (first, single_last) = point(p)?;
    time_of_day(p);
    // Where a single point ends, should no second one follow.
    let after_first = p.i;
    p.eat("起");
    if p.connector()
        && let Some((_, last)) = p.attempt(point)
    {
        time_of_day(p);
        return Some((first, last));
    }
    p.i = after_first;
    Some((first, single_last))
}

fn point(p: &mut Parser<'_>) -> Option<(Period, Period)> {
    p.attempt(numeric_date)
        .or_else(|| p.attempt(centuries))
        .or_else(|| p.attempt(|p| lunar(p, YearSpec::Implicit)))
        .or_else(|| p.attempt(years_under_review))
        .or_else(|| p.attempt(year_led))
        .or_else(|| {
            p.attempt(|p| {
                parts_of_year(p, YearSpec::Implicit)
                    .map(|(a, b)| (Period::Year(YearSpec::Implicit, a), Period::Year(YearSpec::Implicit, b)))
            })
        })
        .or_else(|| p.attempt(day_alone))
        .or_else(|| p.attempt(month_relative))
        .or_else(|| p.attempt(quarter_relative))
        .or_else(|| p.attempt(week))
        .or_else(|| p.attempt(day_relative))
        .or_else(|| {
            p.attempt(|p| holiday(p, false).map(|h| (Period::Holiday(YearSpec::Implicit, h), Period::Holiday(YearSpec::Implicit, h))))
        })
}

fn same(p: Period) -> (Period, Period) {
    (p, p)
}

// ---------------------------------------------------------------------------------------------
// Numeric dates

fn numeric_date(p: &mut Parser<'_>) -> Option<(Period, Period)> {
    let start = p.i;
    let rest = p.rest();
    let run = rest.bytes().take_while(u8::is_ascii_digit).count();
    // 20240307
    if run == 8 {
        let (y, m, d) = (rest[..4].parse().ok()?, rest[4..6].parse().ok()?, rest[6..8].parse().ok()?);
        if !(1900..=2100).contains(&y) || jiff::civil::Date::new(y, m, d).is_err() || near_phone_cue(p.t, start) {
            return None;
        }
        p.i += 8;
        return Some(same(day(YearSpec::Absolute(y), m, d)));
    }
    if run == 4 {
        let (y, _) = p.digits(4)?;
        if !(1000..=2100).contains(&y) {
            return None;
        }
        let y = y as i16;
        let after_year = p.i;
        // 2024/25年度: a fiscal year from April (Hong Kong's; elsewhere `not_time` claims it).
        if p.calendars.fiscal_from_april && p.attempt(|p| fiscal_year(p, y)).is_some() {
            return Some((Period::Year(YearSpec::Absolute(y), month(4)), Period::Year(YearSpec::Absolute(y + 1), month(3))));
        }
        if let Some(found) = p.attempt(|p| {
            let sep = p.peek().filter(|c| one_of("-./ ", *c))?;
            p.i += 1;
            let (m, mlen) = p.digits(2)?;
            if !(1..=12).contains(&m) || (sep == ' ' && mlen != 2) {
                return None;
            }
            let with_day = p.attempt(|p| {
                let sep2 = p.peek().filter(|c| one_of("-./ ", *c))?;
                if (sep == ' ') != (sep2 == ' ') {
                    return None;
                }
                p.i += 1;
                let (d, dlen) = p.digits(2)?;
                if sep == ' ' && dlen != 2 {
                    return None;
                }
                jiff::civil::Date::new(y, m as i8, d as i8).ok()?;
                // 2018-12-1209:03: a clock glued to the day.
                if p.peek().is_some_and(|c| c.is_ascii_digit()) && !clock_ahead(p) {
                    return None;
                }
                Some(day(YearSpec::Absolute(y), m as i8, d as i8))
            });
            if let Some(d) = with_day {
                return Some(same(d));
            }
            // A year and month alone (2008.03) only as one end of a range: 2023.5 alone is a
            // decimal number. With a dash or a slash (2021-03, 2021/3) it is a month, unless
            // what follows makes it something else (2010-11年 is two years).
            if sep == ' ' || p.peek().is_some_and(|c| c.is_ascii_digit()) {
                return None;
            }
            let stamp = matches!(sep, '-' | '/')
                && !p.rest().trim_start_matches(' ').starts_with(['年', '月', '日', '号', '-', '.', '/', ':', '%']);
            let ranged = stamp || is_connector_before(p.t, start) || digits_after_connector(p);
            ranged.then(|| same(Period::Year(YearSpec::Absolute(y), YearPart::Month(MonthSpec::Named(m as i8), MonthPart::Whole))))
        }) {
            return Some(found);
        }
        p.i = after_year;
        // A bare year: 2018 alone, before a space and a word, or as one end of a range (2016-2018).
        if !(1900..=2100).contains(&y) {
            return None;
        }
        let next = p.peek();
        if p.rest().trim_start_matches(' ').starts_with(['年', '月', '日']) {
            return None;
        }
        let alone = next.is_none()
            || next == Some(' ') && p.rest()[1..].chars().next().is_some_and(|c| !c.is_ascii_digit() && !one_of("年月日", c));
        let ranged = is_connector_before(p.t, start) || digits_after_connector(p);
        // (Not the number of a figure, which a unit, a classifier or a currency follows, after 多
        // or 余 and a scale: `提高到2000元`, `增加到2000多人`, `达到1949亿美元`, `1800-2000 元` are
        // amounts, however a range's end reads. The recognizers' own units decide.)
        let quantity = {
            let rest = p.rest().trim_start_matches(' ').trim_start_matches(['多', '余']).trim_start_matches(['十', '百', '千', '万', '亿']);
            crate::extract::unit_follows(p.t, start, p.t.len() - rest.len())
        };
        return ((alone || ranged) && !quantity).then(|| same(Period::Year(YearSpec::Absolute(y), YearPart::Whole)));
    }
    if (1..=2).contains(&run) {
        let (m, mlen) = p.digits(2)?;
        let sep = p.peek()?;
        p.i += sep.len_utf8();
        let (d, dlen) = p.digits(2)?;
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) || p.peek().is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        let ok = match sep {
            // 09-01: zero-padded month and day, not part of a longer dash chain.
            '-' => mlen == 2 && dlen == 2 && !p.rest().starts_with(['-', '.']),
            // 6·30, but 1·8% is a decimal point printed as a middle dot, which the number
            // parser reads (the figure is the percent recognizer's).
            '·' => !p.rest().starts_with(['%', '％', '‰', '个', '倍']),
            // 11/3号
            '/' => p.eat_any(&["号", "日"]),
            _ => false,
        };
        return ok.then(|| same(day(YearSpec::Implicit, m as i8, d as i8)));
    }
    None
}

/// After a year `y`, the next one and `年度` (`/25年度`, `-2025年度`): a year written as two, a
/// fiscal or a crop year.
fn fiscal_year(p: &mut Parser<'_>, y: i16) -> Option<()> {
    p.eat_any(&["/", "-"]).then_some(())?;
    let (next, len) = p.digits(4)?;
    let follows = match len {
        2 => next == (y as u32 + 1) % 100,
        4 => next == y as u32 + 1,
        _ => false,
    };
    (follows && p.eat("年度")).then_some(())
}

/// Whether `at` follows a range connector (the second end of `2008.03-2009`).
fn is_connector_before(text: &str, at: usize) -> bool {
    let head = text[..at].trim_end_matches(' ');
    if head.ends_with("截至") || head.ends_with("截止") {
        return false;
    }
    CONNECTORS.iter().any(|c| head.ends_with(c)) || head.ends_with('从') || head.ends_with('自')
}

/// Whether a connector and a digit follow the cursor (which does not move).
fn digits_after_connector(p: &mut Parser<'_>) -> bool {
    let save = p.i;
    let yes = p.connector() && p.peek().is_some_and(|c| c.is_ascii_digit());
    p.i = save;
    yes
}

/// Whether `HH:MM` starts at the cursor.
fn clock_ahead(p: &Parser<'_>) -> bool {
    let b = p.rest().as_bytes();
    b.len() >= 4 && b[0].is_ascii_digit() && (b[1] == b':' || b[1].is_ascii_digit() && b.get(2) == Some(&b':'))
}

/// Whether a telephone or fax label is just before `at` (`电话:20231011` is no date).
fn near_phone_cue(text: &str, at: usize) -> bool {
    let head: String = text[..at].chars().rev().take(8).collect::<Vec<_>>().into_iter().rev().collect();
    ["电话", "传真", "热线", "手机", "Tel", "TEL", "tel", "编号", "号码", "代码"].iter().any(|c| head.contains(c))
}

fn day(y: YearSpec, m: i8, d: i8) -> Period {
    Period::Year(y, YearPart::Month(MonthSpec::Named(m), MonthPart::Day(d)))
}

// ---------------------------------------------------------------------------------------------
// Years

/// Eras whose years are counted from 1: the value is the year before the first.
const ERAS: Words<i16> = Words::new(&[
    ("民国", 1911),
    ("宣统", 1908),
    ("光绪", 1874),
    ("同治", 1861),
    ("咸丰", 1850),
    ("道光", 1820),
    ("嘉庆", 1795),
    ("乾隆", 1735),
    ("雍正", 1722),
    ("康熙", 1661),
    ("顺治", 1643),
    ("崇祯", 1627),
    ("万历", 1572),
    ("永乐", 1402),
    ("洪武", 1367),
    ("天宝", 741),
    ("开元", 712),
    ("神龙", 704),
    ("贞观", 626),
]);

const YEAR_WORDS: Words<YearSpec> = Words::new(&[
    ("大前年", YearSpec::Deictic(-3)),
    ("大后年", YearSpec::Deictic(3)),
    ("过去的一年", YearSpec::UnderReview(0)),
    ("过去一年", YearSpec::UnderReview(0)),
    ("一年来", YearSpec::UnderReview(0)),
    ("上一年", YearSpec::Deictic(-1)),
    ("下一年", YearSpec::Deictic(1)),
    ("这一年", YearSpec::Anaphoric(0)),
    ("今年", YearSpec::Deictic(0)),
    ("去年", YearSpec::Deictic(-1)),
    ("明年", YearSpec::Deictic(1)),
    ("前年", YearSpec::Deictic(-2)),
    ("后年", YearSpec::Deictic(2)),
    // 上年 is the year before the one the text speaks of (2023年…比上年增长: 2022), like 次年.
    ("上年", YearSpec::Anaphoric(-1)),
    ("本年", YearSpec::Deictic(0)),
    ("来年", YearSpec::Deictic(1)),
    ("当年", YearSpec::Anaphoric(0)),
    ("同年", YearSpec::Anaphoric(0)),
    ("次年", YearSpec::Anaphoric(1)),
    ("翌年", YearSpec::Anaphoric(1)),
]);

/// Characters before 前/后/上 that make them part of another word (提前, 以后, 以上).
fn glued_before(c: Option<char>) -> bool {
    c.is_some_and(|c| one_of("提之以目面空眼史向最先落靠延往朝日然此超年线", c))
}

/// A year: a number and 年, an era year, or a word (今年, 去年, 当年).
fn year(p: &mut Parser<'_>) -> Option<YearSpec> {
    let prev = p.prev();
    // 今(2018)年: Taiwan's news writes the year inside this year.
    if let Some(y) = p.attempt(|p| {
        p.eat("今(").then_some(())?;
        let (y, n) = p.digits(4)?;
        (n == 4 && (1900..=2100).contains(&y) && p.eat(")年")).then_some(y as i16)
    }) {
        return Some(YearSpec::Absolute(y));
    }
    // 1 9 9 8 年: a year whose digits a typesetter spaced out.
    if let Some(y) = p.attempt(|p| {
        let mut y = 0;
        for k in 0..4 {
            if k > 0 && !p.eat(" ") {
                return None;
            }
            let (d, _) = p.digits(1)?;
            y = y * 10 + d;
        }
        p.eat(" ");
        ((1000..=2100).contains(&y) && p.eat("年") && !p.peek().is_some_and(|c| one_of("代级龄", c))).then_some(y as i16)
    }) {
        p.eat("度");
        return Some(YearSpec::Absolute(y));
    }
    // 开年以来, 开年至今: since the year began (开年 alone is its first days, too vague for a date).
    if p.eat("开年") {
        return (p.rest().starts_with("以来") || p.rest().starts_with("至今")).then_some(YearSpec::Deictic(0));
    }
    if let Some(spec) = p.lookup(&YEAR_WORDS) {
        let word_start_glued = glued_before(prev) && !matches!(spec, YearSpec::Deictic(0 | 1) | YearSpec::Anaphoric(0 | 1))
            // 后年 after a verb is "after it, a year's" (`建成后年产值`, `投产后年纳税`), not the
            // year after next (`明年、后年`, `到后年`).
            || matches!(spec, YearSpec::Deictic(2 | 3))
                && prev.is_some_and(|c| crate::normalize::script::is_han(c) && !one_of("明今年和及与或至到比较于在大", c));
        // 后年均, 上年度 is fine, 以后年份 is not a year.
        if word_start_glued || p.peek().is_some_and(|c| one_of("均龄轻纪", c)) {
            return None;
        }
        p.eat("度");
        return Some(spec);
    }
    if let Some(base) = p.lookup(&ERAS) {
        let n = if p.eat("元") { 1 } else { p.number()?.value };
        if !(1..=200).contains(&n) || !p.eat("年") {
            return None;
        }
        return Some(YearSpec::Absolute(base + n as i16));
    }
    p.eat("公元");
    let n = p.number()?;
    if n.arabic {
        p.spaces();
    }
    if !p.eat("年") || p.peek().is_some_and(|c| one_of("代级龄", c)) {
        return None;
    }
    let after = p.i;
    let spec = match (n.arabic, n.digits) {
        // 108年, 99年3月 in a text that counts years from the Republic's founding.
        (true, 3) if p.calendars.republic && (100..=150).contains(&n.value) => YearSpec::Absolute(1911 + n.value as i16),
        (true, 2) if p.calendars.republic && n.value >= 80 && !n.zero_lead => {
            p.spaces();
            let part_follows =
                p.peek().is_some_and(|c| c.is_ascii_digit() || is_chinese_numeral_char(c) || one_of("第前后首上下Q度至到-", c));
            p.i = after;
            part_follows.then_some(YearSpec::Absolute(1911 + n.value as i16))?
        }
        // Digit by digit in Chinese, any year (七八九年) but one with a leading zero: 〇一九年 is
        // 二〇一九年 with its first digit lost.
        (true, 4) | (false, 3 | 4) if (1000..=2100).contains(&n.value) || !n.arabic && n.value > 0 && !n.zero_lead => {
            YearSpec::Absolute(n.value as i16)
        }
        (true, 2) => {
            // 15年 is more often fifteen years; a two-digit year needs a leading zero or a
            // month, quarter or half after it (15年3月, 07年第三季度).
            p.spaces();
            let part_follows = p.peek().is_some_and(|c| c.is_ascii_digit() || is_chinese_numeral_char(c) || one_of("第前后首上下Q", c));
            p.i = after;
            (n.zero_lead || part_follows).then_some(YearSpec::TwoDigit(n.value as u8))?
        }
        // 三五年内, 七八年来, 四五年左右: two neighbouring digits are a vague count of years.
        (false, 2)
            if matches!(n.value, 12 | 23 | 34 | 35 | 45 | 56 | 67 | 78 | 89) && p.peek().is_some_and(|c| one_of("内来左以多间", c)) =>
        {
            return None;
        }
        (false, 2) => YearSpec::TwoDigit(n.value as u8),
        (false, 0) if (1000..=2100).contains(&n.value) => YearSpec::Absolute(n.value as i16),
        _ => return None,
    };
    p.eat("度");
    Some(spec)
}

/// `五年来`, `过去五年`, `过去的五年`, `十年来`: the last `n` years up to the year under review
/// (a work report's review of a five-year plan or of a government's term).
fn years_under_review(p: &mut Parser<'_>) -> Option<(Period, Period)> {
    let past = p.eat("过去");
    if past {
        p.eat("的");
    }
    let n = p.number()?;
    if !(2..=50).contains(&n.value) || n.zero_lead || n.arabic && n.digits > 2 || !p.eat("年") {
        return None;
    }
    // 五年来, 过去五年(来); not 过去五年的 + a noun's 年 (过去五年级).
    if !p.eat("来") && !past {
        return None;
    }
    if p.peek().is_some_and(|c| one_of("级度代龄", c)) {
        return None;
    }
    let back = (n.value - 1) as u8;
    Some((Period::Year(YearSpec::UnderReview(back), YearPart::Whole), Period::Year(YearSpec::UnderReview(0), YearPart::Whole)))
}

/// A year and what follows it: a part of it, a holiday in it, or nothing.
fn year_led(p: &mut Parser<'_>) -> Option<(Period, Period)> {
    if p.eat("今明两年") {
        return Some((Period::Year(YearSpec::Deictic(0), YearPart::Whole), Period::Year(YearSpec::Deictic(1), YearPart::Whole)));
    }
    let spec = year(p)?;
    p.spaces();
    if let Some(lunar) = p.attempt(|p| lunar(p, spec)) {
        return Some(lunar);
    }
    if let Some((a, b)) = p.attempt(|p| parts_of_year(p, spec)) {
        return Some((Period::Year(spec, a), Period::Year(spec, b)));
    }
    if let Some(h) = p.attempt(|p| holiday(p, true)) {
        return Some(same(Period::Holiday(spec, h)));
    }
    // 2023年全年, 2024年内, 去年同期: still the year.
    p.eat_any(&["全年", "年内", "内", "年初", "初", "同期"]);
    Some(same(Period::Year(spec, YearPart::Whole)))
}

// ---------------------------------------------------------------------------------------------
// Parts of a year

const QUARTER: &[&str] = &["季度", "季"];

/// What follows a year (or stands alone, with the year implicit): halves, quarters, months,
/// days, weeks.
fn parts_of_year(p: &mut Parser<'_>, year: YearSpec) -> Option<(YearPart, YearPart)> {
    let written = year != YearSpec::Implicit;
    let one = |x: YearPart| Some((x, x));
    if p.eat("上半年") {
        return one(YearPart::Half(1));
    }
    if p.eat("下半年") {
        return one(YearPart::Half(2));
    }
    if p.eat_any(&["年底", "年末"]) || written && p.eat_any(&["底", "末"]) {
        return one(YearPart::LastDay);
    }
    if !written && p.eat("年内") {
        return one(YearPart::Whole);
    }
    if p.eat_any(&["首季度", "首季"]) {
        return quarter_end(p, 1, 1);
    }
    if p.eat("Q") {
        let (q, _) = p.digits(1)?;
        if !(1..=4).contains(&q) {
            return None;
        }
        p.eat("季度");
        return quarter_end(p, q as u8, q as u8);
    }
    if p.eat("首月") {
        return one(YearPart::Month(MonthSpec::Named(1), MonthPart::Whole));
    }
    // 前三季度, 前10个月, 后三月, 首三季, 首十一个月
    if let Some(r) = p.attempt(|p| {
        let first = p.eat("前") || p.eat("首");
        if !(first || written && p.eat("后")) {
            return None;
        }
        let n = p.small(12)? as u8;
        p.eat("个");
        if p.eat_any(QUARTER) {
            return (n <= 4).then(|| if first { (1, n) } else { (5 - n, 4) }).map(|(a, b)| (YearPart::Quarter(a), YearPart::Quarter(b)));
        }
        p.eat("月").then_some(())?;
        let (a, b) = if first { (1, n) } else { (13 - n, 12) };
        Some((month(a), month(b)))
    }) {
        return Some(r);
    }
    // 第N季度, 一季度, 1-3季度, 第1、2季 (two quarters in a row: after 第 or a year only, as 一、
    // opens a list item)
    if let Some((a, b)) = p.attempt(|p| {
        let ordinal = p.eat("第");
        let a = p.small(4)? as u8;
        let b = p
            .attempt(|p| {
                let listed = (ordinal || written) && p.eat("、");
                if !listed && !p.connector() {
                    return None;
                }
                p.eat("第");
                let b = p.small(4)? as u8;
                (!listed || b == a + 1).then_some(b)
            })
            .unwrap_or(a);
        p.eat("个");
        (p.eat_any(QUARTER) && a <= b).then_some((a, b))
    }) {
        return quarter_end(p, a, b);
    }
    if written {
        // 第52周, 第三十七个星期, 第十天, 第8个月
        if let Some(r) = p.attempt(|p| {
            p.eat("第").then_some(())?;
            let n = p.small(366)?;
            if p.eat("天") {
                return one(YearPart::Day(n as u16));
            }
            p.eat("个");
            if p.eat("月") {
                return (n <= 12).then(|| (month(n as u8), month(n as u8)));
            }
            (p.eat_any(&["周", "星期", "礼拜"]) && n <= 53).then_some((YearPart::Week(n as u8), YearPart::Week(n as u8)))
        }) {
            return Some(r);
        }
        // 去年本月十日
        if p.eat_any(&["本月", "当月"]) {
            let (a, b) = month_part(p);
            return Some((YearPart::Month(MonthSpec::OfReference, a), YearPart::Month(MonthSpec::OfReference, b)));
        }
    }
    months(p)
}

fn month(m: u8) -> YearPart {
    YearPart::Month(MonthSpec::Named(m as i8), MonthPart::Whole)
}

/// After quarters: `末` is the quarter's last day.
fn quarter_end(p: &mut Parser<'_>, a: u8, b: u8) -> Option<(YearPart, YearPart)> {
    if p.eat("末") {
        let last = YearPart::Month(MonthSpec::Named((b * 3) as i8), MonthPart::LastDay);
        return Some((last, last));
    }
    p.eat("初");
    Some((YearPart::Quarter(a), YearPart::Quarter(b)))
}

/// `4月`, `1-10月`, `1至3月份`, `4月28日`, `3月15日至19日`, `6月下旬`, `6月底`, `2月份第二周`.
fn months(p: &mut Parser<'_>) -> Option<(YearPart, YearPart)> {
    let m1 = p.small(12)? as i8;
    if let Some(m2) = p.attempt(|p| {
        p.connector().then_some(())?;
        let m2 = p.small(12)? as i8;
        p.eat("月").then_some(m2)
    }) {
        p.eat("份");
        return (m1 < m2).then(|| (month(m1 as u8), month(m2 as u8)));
    }
    // (3 月: spaced out by a typesetter.)
    p.spaces();
    if !p.eat("月") {
        return None;
    }
    p.eat("份");
    let (a, b) = month_part(p);
    Some((YearPart::Month(MonthSpec::Named(m1), a), YearPart::Month(MonthSpec::Named(m1), b)))
}

const WEEKDAY_WORDS: &[&str] = &["星期", "礼拜", "周"];

fn weekday(p: &mut Parser<'_>) -> Option<u8> {
    let c = p.peek()?;
    let w = match c {
        '一' | '1' => 1,
        '二' | '2' => 2,
        '三' | '3' => 3,
        '四' | '4' => 4,
        '五' | '5' => 5,
        '六' | '6' => 6,
        '日' | '天' | '7' => 7,
        _ => return None,
    };
    p.i += c.len_utf8();
    Some(w)
}

/// What follows a month: a day, a range of days, a third of the month, its end, a week.
fn month_part(p: &mut Parser<'_>) -> (MonthPart, MonthPart) {
    let before_de = p.i;
    let de = p.eat("的");
    let one = |x: MonthPart| (x, x);
    const XUN: Words<u8> = Words::new(&[("上旬", 1), ("中旬", 2), ("下旬", 3)]);
    if let Some(x) = p.lookup(&XUN) {
        return one(MonthPart::Xun(x));
    }
    if p.eat_any(&["底", "末"]) {
        return one(MonthPart::LastDay);
    }
    if let Some(r) = p.attempt(|p| {
        if p.eat("第") {
            let n = p.small(6)? as u8;
            if p.eat("周") {
                return Some(one(MonthPart::Week(n)));
            }
            p.eat("个");
            p.eat_any(WEEKDAY_WORDS).then_some(())?;
            return Some(one(MonthPart::NthWeekday { n, weekday: weekday(p)? }));
        }
        if p.eat("最后一个") {
            p.eat_any(WEEKDAY_WORDS).then_some(())?;
            return Some(one(MonthPart::LastWeekday(weekday(p)?)));
        }
        if p.eat("最后") {
            let n = p.small(31)? as u8;
            return p.eat("天").then_some(one(MonthPart::LastDays(n)));
        }
        if p.eat("前") {
            let n = p.small(31)? as u8;
            return p.eat("天").then_some(one(MonthPart::FirstDays(n)));
        }
        None
    }) {
        return r;
    }
    if let Some(r) = p.attempt(days) {
        return r;
    }
    // A 的 that no part of the month follows belongs to the words after it (`10月的零售额`).
    if de {
        p.i = before_de;
        return one(MonthPart::Whole);
    }
    p.eat("初");
    one(MonthPart::Whole)
}

/// `28日`, `12-19日`, `15日至19日`, `九号`, or a bare day at the end of a phrase (`1月3`).
fn days(p: &mut Parser<'_>) -> Option<(MonthPart, MonthPart)> {
    let d1 = p.small(31)? as i8;
    if let Some(d2) = p.attempt(|p| {
        p.eat_any(&["日", "号"]);
        p.connector().then_some(())?;
        let d2 = p.small(31)? as i8;
        p.eat_any(&["日", "号"]).then_some(d2)
    }) {
        return (d1 < d2).then_some((MonthPart::Day(d1), MonthPart::Day(d2)));
    }
    if !p.eat_any(&["日", "号"]) {
        // A bare day: only where nothing else can follow the number (1月3, 十月31, 1月3至2月10).
        let next = p.peek();
        let free = next.is_none_or(|c| one_of(" ,.;:!?)。、;!?)\"”", c) || one_of("至到-~—", c) || one_of("早上下中晚凌傍夜", c));
        if !free {
            return None;
        }
    }
    Some((MonthPart::Day(d1), MonthPart::Day(d1)))
}

/// A day with no month: `18日`, `29号`. Its month is the text's last month, or the reference's.
fn day_alone(p: &mut Parser<'_>) -> Option<(Period, Period)> {
    // 今(15)日, 本(18)日, 昨(14)日: Taiwan's news writes the day of the month inside today and
    // yesterday.
    if let Some(d) = p.attempt(|p| {
        p.eat_any(&["今(", "本(", "昨(", "明("]).then_some(())?;
        let d = p.small(31)?;
        (p.eat(")日") || p.eat("日)")).then_some(d as i8)
    }) {
        return Some(same(Period::Year(YearSpec::Implicit, YearPart::Month(MonthSpec::Inherited, MonthPart::Day(d)))));
    }
    let start = p.i;
    let n = p.number()?;
    if !(1..=31).contains(&n.value) || !n.arabic && n.digits > 2 {
        return None;
    }
    let d = n.value as i8;
    let unit = p.peek()?;
    if !matches!(unit, '日' | '号') {
        return None;
    }
    p.i += unit.len_utf8();
    let next = p.peek();
    let ok = match unit {
        // 7日内, 3日游, 5日均线, 日元 ... are not dates.
        '日' => {
            !next.is_some_and(|c| one_of("内游均元线前后以之", c))
                && (n.arabic || next.is_none_or(|c| !c.is_alphanumeric() || one_of("上下早晚中", c)))
        }
        // 3号楼, 1号线, 12号文: 号 names things; a day needs a pause or a time after it.
        _ => next.is_none_or(|c| !c.is_alphanumeric() || one_of("上下早晚中凌起前后至到开是的你我他这那", c)),
    };
    if !ok || p.t[..start].ends_with(['〕', ']', '】', ')']) {
        return None;
    }
    let period = Period::Year(YearSpec::Implicit, YearPart::Month(MonthSpec::Inherited, MonthPart::Day(d)));
    Some(same(period))
}

// ---------------------------------------------------------------------------------------------
// Relative months, quarters, weeks, days

fn month_relative(p: &mut Parser<'_>) -> Option<(Period, Period)> {
    const WORDS: Words<(i8, bool)> = Words::new(&[
        ("上上个月", (-2, false)),
        ("上一个月", (-1, false)),
        ("上个月", (-1, false)),
        ("上一月", (-1, false)),
        ("上月", (-1, false)),
        ("下一个月", (1, false)),
        ("下个月", (1, false)),
        ("下月", (1, false)),
        ("本月", (0, false)),
        ("这个月", (0, false)),
        ("这月", (0, false)),
        ("当月", (0, true)),
        ("同月", (0, true)),
        ("次月", (1, true)),
    ]);
    let (offset, anaphoric) = p.lookup(&WORDS)?;
    let (a, b) = month_part(p);
    Some((Period::Month { offset, anaphoric, part: a }, Period::Month { offset, anaphoric, part: b }))
}

fn quarter_relative(p: &mut Parser<'_>) -> Option<(Period, Period)> {
    const WORDS: Words<i8> = Words::new(&[
        ("上一季度", -1),
        ("上个季度", -1),
        ("上季度", -1),
        // (Hong Kong and Macau write 季 for 季度: `较上一季减少`.)
        ("上一季", -1),
        ("本季度", 0),
        ("这个季度", 0),
        ("这季度", 0),
        ("下一季度", 1),
        ("下个季度", 1),
        ("下季度", 1),
        ("下一季", 1),
    ]);
    Some(same(Period::Quarter(p.lookup(&WORDS)?)))
}

/// `上周`, `下周三`, `下下周末`, `上上个周三`, `这个星期一`, `星期天`, `周末`.
fn week(p: &mut Parser<'_>) -> Option<(Period, Period)> {
    const OFFSETS: Words<i8> = Words::new(&[
        ("上上个", -2),
        ("上上", -2),
        ("下下个", 2),
        ("下下", 2),
        ("上一个", -1),
        ("上个", -1),
        ("上一", -1),
        ("上", -1),
        ("下一个", 1),
        ("下个", 1),
        ("下一", 1),
        ("下", 1),
        ("本", 0),
        ("这个", 0),
        ("这一", 0),
        ("这", 0),
    ]);
    let prev = p.prev();
    let offset = p.lookup(&OFFSETS);
    if offset.is_some() && glued_before(prev) {
        return None;
    }
    if !p.eat_any(WEEKDAY_WORDS) {
        return None;
    }
    // 周期, 周边, 周年, 周到 ... are other words.
    if p.peek().is_some_and(|c| one_of("期边年岁转全到密围长报刊末", c)) && !p.rest().starts_with("末") {
        return None;
    }
    let part = if p.eat("末") {
        WeekPart::Weekend
    } else if let Some(w) = p.attempt(|p| {
        p.eat("的");
        p.eat_any(WEEKDAY_WORDS);
        weekday(p)
    }) {
        WeekPart::Day(w)
    } else if offset.is_some() {
        WeekPart::Whole
    } else {
        return None;
    };
    Some(same(Period::Week { offset: offset.unwrap_or(0), part }))
}

/// `今天`, `明天`, `大前天`, `次日`, `第三天`, `20天后`, `两天之前`.
fn day_relative(p: &mut Parser<'_>) -> Option<(Period, Period)> {
    const WORDS: Words<(i32, bool)> = Words::new(&[
        ("大大后天", (4, false)),
        ("大大前天", (-4, false)),
        ("大后天", (3, false)),
        ("大前天", (-3, false)),
        ("前天", (-2, false)),
        ("后天", (2, false)),
        ("昨天", (-1, false)),
        ("昨日", (-1, false)),
        ("昨晚", (-1, false)),
        ("昨夜", (-1, false)),
        ("今天", (0, false)),
        ("今日", (0, false)),
        ("本日", (0, false)),
        ("今晚", (0, false)),
        ("今夜", (0, false)),
        ("今早", (0, false)),
        ("明天", (1, false)),
        ("明日", (1, false)),
        ("明晚", (1, false)),
        ("明早", (1, false)),
        ("当天", (0, true)),
        ("当日", (0, true)),
        ("次日", (1, true)),
        ("翌日", (1, true)),
    ]);
    let prev = p.prev();
    if let Some((offset, anaphoric)) = p.lookup(&WORDS) {
        // 提前天数, 之后天气: 前天/后天 inside other words.
        return (!glued_before(prev) && !p.peek().is_some_and(|c| one_of("数气然", c))).then_some(same(Period::Day { offset, anaphoric }));
    }
    // 戴局长昨与…出席, 局长昨回复: 昨 alone, after its subject and before a verb, is yesterday
    // (昨是今非 and 昨非 are sayings).
    if prev.is_some_and(crate::normalize::script::is_han) && p.eat("昨") {
        let verb_follows = p.peek().is_some_and(|c| crate::normalize::script::is_han(c) && !one_of("是非今", c));
        return verb_follows.then_some(same(Period::Day { offset: -1, anaphoric: false }));
    }
    // 第三天: counting the text's last day (or the reference date) as the first.
    if p.eat("第") {
        let n = p.small(366)? as i32;
        return p.eat("天").then_some(same(Period::Day { offset: n - 1, anaphoric: true }));
    }
    let n = p.number()?.value as i32;
    if !(1..=10_000).contains(&n) || !p.eat("天") {
        return None;
    }
    // 20天后 is one day; 20天以后 and 两天之前 are bounds, read by the expression's suffix.
    let offset = if p.eat("后") || p.rest().starts_with("以后") || p.rest().starts_with("之后") {
        n
    } else if p.eat("前") || p.rest().starts_with("以前") || p.rest().starts_with("之前") {
        -n
    } else {
        return None;
    };
    Some(same(Period::Day { offset, anaphoric: false }))
}

// ---------------------------------------------------------------------------------------------
// Centuries and decades

fn centuries(p: &mut Parser<'_>) -> Option<(Period, Period)> {
    const CENTURIES: Words<i8> = Words::new(&[("上个世纪", -1), ("上世纪", -1), ("本世纪", 0), ("下个世纪", 1), ("下世纪", 1)]);
    let century = if let Some(k) = p.lookup(&CENTURIES) {
        Some(Century::Deictic(k))
    } else {
        p.attempt(|p| {
            let n = p.small(21)?;
            p.eat("世纪").then_some(Century::Numbered(n as u8))
        })
    };
    let decade = p.attempt(|p| {
        let n = p.number()?;
        let ok = n.value < 100 && n.value % 10 == 0 && (!n.arabic || n.digits == 2);
        (ok && p.eat("年代")).then_some((n.value / 10) as u8)
    });
    match (century, decade) {
        (None, None) => None,
        (None, Some(_)) => Some(same(Period::Centuries { century: Century::Unnamed, decade })),
        (Some(century), decade) => Some(same(Period::Centuries { century, decade })),
    }
}

// ---------------------------------------------------------------------------------------------
// Holidays

const HOLIDAYS: Words<Holiday> = Words::new(&[
    ("元旦", Holiday::Fixed(1, 1)),
    ("新年", Holiday::Fixed(1, 1)),
    ("女生节", Holiday::Fixed(3, 7)),
    ("愚人节", Holiday::Fixed(4, 1)),
    ("万圣节", Holiday::Fixed(10, 31)),
    ("光棍节", Holiday::Fixed(11, 11)),
    ("双十一", Holiday::Fixed(11, 11)),
    ("双十二", Holiday::Fixed(12, 12)),
    ("情人节", Holiday::Fixed(2, 14)),
    ("三八妇女节", Holiday::Fixed(3, 8)),
    ("妇女节", Holiday::Fixed(3, 8)),
    ("植树节", Holiday::Fixed(3, 12)),
    ("五一劳动节", Holiday::Fixed(5, 1)),
    ("劳动节", Holiday::Fixed(5, 1)),
    ("五一", Holiday::Fixed(5, 1)),
    ("五四青年节", Holiday::Fixed(5, 4)),
    ("青年节", Holiday::Fixed(5, 4)),
    ("六一儿童节", Holiday::Fixed(6, 1)),
    ("儿童节", Holiday::Fixed(6, 1)),
    ("建党节", Holiday::Fixed(7, 1)),
    ("建军节", Holiday::Fixed(8, 1)),
    ("教师节", Holiday::Fixed(9, 10)),
    ("国庆节", Holiday::Fixed(10, 1)),
    ("国庆", Holiday::Fixed(10, 1)),
    ("平安夜", Holiday::Fixed(12, 24)),
    ("圣诞节", Holiday::Fixed(12, 25)),
    ("母亲节", Holiday::NthWeekday { month: 5, n: 2, weekday: 7 }),
    ("父亲节", Holiday::NthWeekday { month: 6, n: 3, weekday: 7 }),
    ("感恩节", Holiday::NthWeekday { month: 11, n: 4, weekday: 4 }),
]);

/// The solar terms by the sun's longitude, and whether the name alone (without a year) is the
/// term: 雨水, 小雪, 白露 ... are also ordinary words.
const SOLAR_TERMS: Words<(u16, bool)> = Words::new(&[
    ("小寒", (285, true)),
    ("大寒", (300, true)),
    ("立春", (315, true)),
    ("雨水", (330, false)),
    ("惊蛰", (345, true)),
    ("春分", (0, true)),
    ("清明", (15, true)),
    ("谷雨", (30, true)),
    ("立夏", (45, true)),
    ("小满", (60, true)),
    ("芒种", (75, true)),
    ("夏至", (90, true)),
    ("小暑", (105, true)),
    ("大暑", (120, true)),
    ("立秋", (135, true)),
    ("处暑", (150, true)),
    ("白露", (165, false)),
    ("秋分", (180, true)),
    ("寒露", (195, false)),
    ("霜降", (210, false)),
    ("立冬", (225, true)),
    ("小雪", (240, false)),
    ("大雪", (255, false)),
    ("冬至", (270, true)),
]);

/// A holiday or a solar term; `after_year` when a year is written before it.
fn holiday(p: &mut Parser<'_>, after_year: bool) -> Option<Holiday> {
    let rest = p.rest();
    if let Some(&(name, (longitude, alone))) = SOLAR_TERMS.find(rest) {
        if !(alone || after_year) {
            return None;
        }
        p.i += name.len();
        p.eat("节");
        return Some(Holiday::SolarTerm(longitude));
    }
    let h = p.lookup(&HOLIDAYS)?;
    // 国庆70周年 is an anniversary, not the day.
    p.eat_any(&["当天", "当日"]);
    Some(h)
}

// ---------------------------------------------------------------------------------------------
// The lunisolar calendar

const LUNAR_FESTIVALS: Words<(u8, LunarDay)> = Words::new(&[
    ("春节", (1, LunarDay::Day(1))),
    ("元宵节", (1, LunarDay::Day(15))),
    ("元宵", (1, LunarDay::Day(15))),
    ("端午节", (5, LunarDay::Day(5))),
    ("端午", (5, LunarDay::Day(5))),
    ("七夕节", (7, LunarDay::Day(7))),
    ("七夕", (7, LunarDay::Day(7))),
    ("中秋节", (8, LunarDay::Day(15))),
    ("中秋", (8, LunarDay::Day(15))),
    ("重阳节", (9, LunarDay::Day(9))),
    ("重阳", (9, LunarDay::Day(9))),
    ("腊八节", (12, LunarDay::Day(8))),
    ("腊八", (12, LunarDay::Day(8))),
    ("除夕", (12, LunarDay::Last)),
    ("大年三十", (12, LunarDay::Last)),
]);

/// A lunar date: `农历八月十五`, `正月初八`, `闰四月`, `腊月`, `大年初一`, `中秋`. Something must
/// mark it lunar (农历/阴历, 闰, a month named 正/冬/腊, a day named 初N); `八月十五` alone is
/// read as a Gregorian date.
fn lunar(p: &mut Parser<'_>, year_before: YearSpec) -> Option<(Period, Period)> {
    let marked = p.eat_any(&["农历", "阴历"]);
    let year = match year_before {
        YearSpec::Implicit if marked => p.attempt(year).unwrap_or(YearSpec::Implicit),
        y => y,
    };
    let lunar = |month, leap, day| same(Period::Lunar { year, month, leap, day });
    if let Some((month, day)) = p.lookup(&LUNAR_FESTIVALS) {
        return Some(lunar(month, false, day));
    }
    if p.eat("大年") {
        return Some(lunar(1, false, LunarDay::Day(lunar_day(p)?)));
    }
    let leap = p.eat("闰");
    const NAMED_MONTHS: Words<u8> = Words::new(&[("正月", 1), ("冬月", 11), ("腊月", 12)]);
    let (month, named) = if let Some(m) = p.lookup(&NAMED_MONTHS) {
        (m, true)
    } else {
        let m = p.small(12)? as u8;
        p.eat("月").then_some((m, false))?
    };
    let first_day_named = p.rest().starts_with('初');
    // Without a mark the month is no lunar one (3月15日), and its day is not read.
    if !(marked || leap || named || first_day_named) {
        return None;
    }
    let day = p.attempt(|p| {
        let d = lunar_day(p)?;
        p.eat_any(&["日", "号"]);
        Some(d)
    });
    if !(marked || leap || named || first_day_named && day.is_some()) {
        return None;
    }
    Some(lunar(month, leap, day.map_or(LunarDay::Whole, LunarDay::Day)))
}

/// A day of a lunar month: `初一`…`初十`, `十五`, `廿三`, `23`.
fn lunar_day(p: &mut Parser<'_>) -> Option<u8> {
    if p.eat("初") {
        return p.small(10).map(|d| d as u8);
    }
    if p.eat("廿") {
        return Some(20 + p.small(9).unwrap_or(0) as u8);
    }
    p.small(30).map(|d| d as u8)
}

// ---------------------------------------------------------------------------------------------
// Time of day (read to claim its digits; it does not change the date)

const DAY_PARTS: &[&str] = &[
    "后半夜",
    "上午",
    "下午",
    "中午",
    "早上",
    "早晨",
    "晚上",
    "凌晨",
    "傍晚",
    "夜间",
    "夜里",
    "半夜",
    "午夜",
    "黎明",
    "清晨",
    "深夜",
    "午后",
    "早",
    "晚",
    "夜",
];

fn time_of_day(p: &mut Parser<'_>) {
    let save = p.i;
    p.spaces();
    let part = p.eat_any(DAY_PARTS);
    let has_clock = p.attempt(clock).is_some();
    if has_clock {
        // 9:30~11:30, 下午3点至下午8点, 1点到3点十分
        p.attempt(|p| {
            p.connector().then_some(())?;
            p.eat_any(DAY_PARTS);
            clock(p)
        });
    }
    if !part && !has_clock {
        p.i = save;
    }
}

/// `8点11分`, `十一点半`, `20时1刻`, `18:59`, `09:36:46`, `零时`.
fn clock(p: &mut Parser<'_>) -> Option<()> {
    if let Some(()) = p.attempt(|p| {
        let (h, _) = p.digits(2)?;
        p.eat(":").then_some(())?;
        let (m, mlen) = p.digits(2)?;
        if h > 24 || m > 59 || mlen != 2 {
            return None;
        }
        p.attempt(|p| if p.eat(":") { p.digits(2) } else { None });
        p.eat("时");
        Some(())
    }) {
        return Some(());
    }
    let h = p.number()?.value;
    if h > 24 || !p.eat_any(&["点", "时"]) {
        return None;
    }
    if !p.eat_any(&["半", "一刻", "三刻"]) {
        p.attempt(|p| {
            let m = p.number()?.value;
            (m < 60 && p.eat_any(&["分", "刻"])).then_some(())
        });
        p.attempt(|p| {
            let s = p.number()?.value;
            (s < 60 && p.eat("秒")).then_some(())
        });
    }
    p.eat_any(&["钟", "许"]);
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        scan(text).iter().filter(|m| matches!(m.what, What::Time(_))).map(|m| &text[m.span.clone()]).collect()
    }

    #[test]
    fn finds_whole_expressions() {
        assert_eq!(spans("1-10月,全市新签约项目247个"), ["1-10月"]);
        assert_eq!(spans("3月15日至19日,赴北京考察"), ["3月15日至19日"]);
        assert_eq!(spans("截至2023年12月20日,签约56个"), ["截至2023年12月20日"]);
        assert_eq!(spans("今年以来,全市共谋划项目"), ["今年以来"]);
        assert_eq!(spans("预计明年一季度上规"), ["明年一季度"]);
        assert_eq!(spans("2022年及以前存量厂房"), ["2022年及以前"]);
        assert_eq!(spans("6月28日上午,推介会举行"), ["6月28日上午"]);
    }

    #[test]
    fn leaves_non_times_alone() {
        assert!(spans("索引号 abc/2024-00049").is_empty());
        assert!(spans("十三五规划,第三届博览会,三年行动,5年以上").is_empty());
        assert!(spans("全年目标任务,长期以来,主题教育开展以来").is_empty());
        assert!(spans("第39号提案,3号楼,7日内办结").is_empty());
        assert!(spans("培育1至2个潜力产业,投资3-5亿元").is_empty());
        assert!(spans("提前天数,周边城市,周期").is_empty());
        let claimed = scan("〔2024〕12号文件");
        assert_eq!(claimed.len(), 1);
        assert_eq!(claimed[0].what, What::NotTime);
    }

    /// Every string and character literal of the grammar (before the tests), and some numbers.
    fn grammar_words() -> Vec<String> {
        let source = include_str!("grammar.rs");
        let code = &source[..source.find("#[cfg(test)]").unwrap()];
        let strings = regex::Regex::new(r#""((?:[^"\\]|\\.)*)"|'([^'\\])'"#).unwrap();
        let mut words: Vec<String> = strings
            .captures_iter(code)
            .filter_map(|c| c.get(1).or(c.get(2)).map(|m| m.as_str().to_owned()))
            .filter(|w| !w.is_empty() && !w.contains('\\'))
            .collect();
        words.extend(["1", "12", "2023", "08", "20240307", "十", "十五", "三", "二〇二三", "千", " "].map(String::from));
        words.sort();
        words.dedup();
        words
    }

    /// Every character, for [`scan_from`] without the filter.
    fn every_char(text: &str, from: usize) -> Option<(usize, char)> {
        text[from..].chars().next().map(|c| (from, c))
    }

    #[test]
    fn first_characters_cover_the_grammar() {
        // Whatever two words of the grammar make, the filtered scan finds what trying every
        // position finds.
        let words = grammar_words();
        assert!(words.len() > 300, "{}", words.len());
        for a in &words {
            for b in &words {
                let text = format!("{a}{b}");
                assert_eq!(scan(&text), scan_from(&text, every_char, |_, _| true, Calendars::default()), "{text}");
            }
        }
    }

    /// What follows a number decides whether it may begin a time (一个季度, 七夕, 万历,
    /// 3个季度, 第三天): wherever the filter turns a number down for the words after it, no
    /// expression starts there, whatever word comes next. Every number is tried before every
    /// pair of the grammar's words; the numbers are shared among three tests so that the test
    /// harness runs them side by side (at `opt-level = 0` the whole square is the slowest test).
    fn numbers_then_two_words_scan_the_same(numbers: &[&str]) {
        let words = grammar_words();
        for n in numbers {
            let c = n.chars().next().unwrap();
            for a in &words {
                for b in &words {
                    let text = format!("{n}{a}{b}");
                    if fits(c, &text) {
                        continue;
                    }
                    let found = mention_at(&text, 0).filter(|m| m.span.end > 0);
                    assert!(found.is_none() || !may_start(&text, 0, c), "{text}");
                }
            }
        }
    }

    #[test]
    fn chinese_numerals_then_two_words_scan_the_same() {
        numbers_then_two_words_scan_the_same(&["一", "三", "十", "十五", "二〇二三", "七"]);
    }

    #[test]
    fn large_chinese_numerals_then_two_words_scan_the_same() {
        numbers_then_two_words_scan_the_same(&["万", "两", "千", "亿"]);
    }

    #[test]
    fn digits_and_ordinals_then_two_words_scan_the_same() {
        numbers_then_two_words_scan_the_same(&["3", "12", "123", "2023", "第三", "第12", "从3"]);
    }

    proptest::proptest! {
        #[test]
        fn the_filter_changes_nothing(picks in proptest::collection::vec(0usize..10_000, 1..8)) {
            let words = grammar_words();
            let text: String = picks.iter().map(|&i| words[i % words.len()].as_str()).collect();
            proptest::prop_assert_eq!(scan(&text), scan_from(&text, every_char, |_, _| true, Calendars::default()));
        }
    }

    #[test]
    fn the_quarter_before_is_not_the_first_quarter() {
        for text in ["就业人口较上一季减少1800人", "预计下一季回升"] {
            assert!(scan(text).iter().all(|m| !text[m.span.clone()].starts_with('一')), "{text}");
        }
    }

    #[test]
    fn the_year_after_next_is_not_a_verb_then_an_annual_figure() {
        assert_eq!(spans("项目建成后年产值20亿元,投产后年纳税1亿元"), Vec::<&str>::new());
        assert_eq!(spans("明年、后年分别建成两个园区,到后年完成"), ["明年", "后年", "后年"]);
    }

    #[test]
    fn recurring_times_are_claimed_not_dated() {
        let text = "每周一开放,每月15日发放,每年的3月检查,每逢春节慰问,每个星期五例会;3月15日签约";
        assert_eq!(spans(text), ["3月15日"]);
        let claimed: Vec<&str> = scan(text).iter().filter(|m| m.what == What::NotTime).map(|m| &text[m.span.clone()]).collect();
        assert_eq!(claimed, ["周一", "15日", "3月", "春节", "星期五"]);
    }

    #[test]
    fn a_year_and_month_with_a_dash_is_a_month() {
        assert_eq!(spans("2021-03,签约5个;2021/4签约3个"), ["2021-03", "2021/4"]);
        assert_eq!(spans("2023.5亿元"), Vec::<&str>::new());
        assert_eq!(spans("2016-2018年"), ["2016-2018年"]);
        assert_eq!(spans("文号XZ-2024-0012"), Vec::<&str>::new());
    }

    #[test]
    fn a_year_spaced_out_by_a_typesetter() {
        assert_eq!(spans("本届政府于1 9 9 3 年3 月就职,二、关于1 9 9 8 年政府工作的建议"), ["1 9 9 3 年3 月", "1 9 9 8 年"]);
        assert!(spans("编号1 2 3 4 5年").iter().all(|s| !s.contains(' ')));
        assert_eq!(spans("1 9 9 9 年1 2 月2 0 日"), ["1 9 9 9 年1 2 月2 0 日"]);
    }

    #[test]
    fn a_middle_dot_is_a_day_unless_a_percentage_follows() {
        let text = "6·30事件,增长1·8%,提高2·9个百分点";
        assert_eq!(spans(text), ["6·30"]);
        // The decimals are left to the number parser, unclaimed.
        assert!(scan(text).iter().all(|m| m.what != What::NotTime));
    }

    #[test]
    fn the_year_under_review() {
        assert_eq!(spans("一年来,过去的一年,过去一年来"), ["一年来", "过去的一年", "过去一年"]);
        assert!(spans("第一年,一年级").is_empty());
        // The last years up to the year under review: a review of a plan's five years.
        assert_eq!(spans("五年来,过去五年,过去的十年,十一年来,2019年来华"), ["五年来", "过去五年", "过去的十年", "十一年来", "2019年"]);
    }

    #[test]
    fn republic_years_only_when_asked() {
        let republic = |t: &str| {
            scan_with(t, Calendars { republic: true, ..Calendars::default() })
                .iter()
                .map(|m| t[m.span.clone()].to_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(republic("108年至109年6月底,111年度,99年3月"), ["108年至109年6月底", "111年度", "99年3月"]);
        assert!(spans("108年至109年6月底").iter().all(|s| !s.starts_with("108")));
        assert_eq!(republic("2023年"), ["2023年"]);
    }

    #[test]
    fn two_digit_years_need_a_part_or_a_zero() {
        assert_eq!(spans("07年以后"), ["07年以后"]);
        assert_eq!(spans("15年3月2日"), ["15年3月2日"]);
        assert!(spans("用15年时间").is_empty());
    }
}
