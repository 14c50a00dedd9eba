//! Document structure: what a bulletin says about itself (metadata), who speaks where (turns of
//! an interview or press conference), what is page chrome, and what is repeated.
//!
//! Everything here works on the normalized text (simplified, half-width), line by line, so the
//! patterns are written once in simplified script with ASCII punctuation: `問：` in the original
//! is `问:` here.

use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;
use serde::{Deserialize, Serialize};

/// What a document says about itself. Every field is `None` when the document does not say.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// The title.
    pub title: Option<String>,
    /// The publication date (发布日期, a dateline, a masthead date, or the date under the
    /// signature of a letter).
    pub published: Option<Date>,
    /// The publishing body (发布机构, 发文机关).
    pub publisher: Option<String>,
    /// Where the text comes from (来源).
    pub source: Option<String>,
    /// The author or reporter (作者, 记者).
    pub author: Option<String>,
    /// The index number of a government information disclosure page (索引号).
    pub index_no: Option<String>,
}

/// Where the publication date was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSource {
    /// A labelled field: 发布日期, 时间, 日期 ...
    Field,
    /// A date line at the top of the page.
    Dateline,
    /// The date under the signature at the end of a letter.
    Signature,
    /// A date in the page's own address (`…/2018/0412/5567.shtml`, `t20230515_…`): weaker than
    /// anything the page writes, stronger than what its text implies.
    Url,
}

/// A month and a day with no year: a news dateline (`新华社北京10月18日电`,
/// `本报讯(记者 张三) 3月30日,`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthDay {
    /// 1–12.
    pub month: i8,
    /// 1–31.
    pub day: i8,
}

/// A speaker's turn: from the label to the next label (or to page chrome).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    /// Bytes of the normalized text covered by the turn, label included.
    pub span: Range<usize>,
    /// The label as the text writes it, simplified: `裴航向`, `记者`, `问`.
    pub speaker: String,
}

/// A stretch of text that repeats an earlier one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repeat {
    /// The repeated copy.
    pub span: Range<usize>,
    /// Where the first copy starts; offsets inside the copy correspond one to one.
    pub first: usize,
}

/// The structure of a document, in byte offsets of the normalized text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// Every line (without its line break).
    pub lines: Vec<Range<usize>>,
    /// Lines that are page chrome: navigation, share bars, footers, staff lists, page numbers,
    /// related-news lists, metadata headers. Sorted, not overlapping.
    pub chrome: Vec<Range<usize>>,
    /// Speaker turns, in order.
    pub turns: Vec<Turn>,
    /// Lines that repeat earlier lines.
    pub repeats: Vec<Repeat>,
    /// What the document says about itself.
    pub meta: Meta,
    /// Where `meta.published` was read.
    pub published_from: Option<DateSource>,
    /// A dateline that writes a month and a day but no year: the day the text was written.
    /// With a published date near it, the time recognizer takes the dateline's day in that
    /// date's year; with none, its year from the text ([`crate::extract::time::dateline_date`]).
    pub dateline: Option<MonthDay>,
}

impl Layout {
    /// The speaker of the turn containing byte `pos`.
    pub fn speaker_at(&self, pos: usize) -> Option<&str> {
        let i = self.turns.partition_point(|t| t.span.start <= pos);
        let t = self.turns.get(i.checked_sub(1)?)?;
        (pos < t.span.end).then_some(t.speaker.as_str())
    }

    /// Whether `span` lies in page chrome.
    pub fn is_chrome(&self, span: &Range<usize>) -> bool {
        let i = self.chrome.partition_point(|c| c.end <= span.start);
        self.chrome.get(i).is_some_and(|c| c.start <= span.start && span.start < c.end)
    }

    /// The repeat containing `pos`, if it lies in a repeated copy.
    pub fn repeat_at(&self, pos: usize) -> Option<&Repeat> {
        let i = self.repeats.partition_point(|r| r.span.start <= pos);
        let r = self.repeats.get(i.checked_sub(1)?)?;
        (pos < r.span.end).then_some(r)
    }

    /// The line containing `pos`.
    pub fn line_at(&self, pos: usize) -> Option<Range<usize>> {
        let i = self.lines.partition_point(|l| l.start <= pos);
        self.lines.get(i.checked_sub(1)?).cloned()
    }
}

/// Labels that always open a turn when they start a line and are followed by a colon.
const SPEAKER_WORDS: &[&str] = &["问", "答", "记者", "主持人", "主持", "嘉宾", "网友", "提问", "回答", "Q", "A"];

/// Labels followed by a colon that are fields, not speakers.
const FIELD_WORDS: &[&str] = &[
    "来源",
    "作者",
    "时间",
    "日期",
    "地址",
    "电话",
    "邮箱",
    "编辑",
    "责任编辑",
    "通讯员",
    "摄影",
    "发布",
    "索引号",
    "网址",
    "传真",
    "邮编",
    "联系人",
    "附件",
    "标题",
    "名称",
    "注",
    "备注",
    "说明",
    "据了解",
    "据统计",
    "据悉",
    "要求",
    "目标",
    "内容",
    "主题",
    "方式",
    "地点",
    "单位",
    "类别",
    "分类",
    "文号",
    "状态",
    "浏览",
    "点击",
    "字号",
    "字体",
    "关键词",
];

/// Phrases that make a line page chrome.
const CHROME_PHRASES: &[&str] = &[
    "您当前的位置",
    "当前位置",
    "您的位置",
    "您现在的位置",
    "扫一扫",
    "分享到",
    "打印本页",
    "关闭窗口",
    "【打印】",
    "【关闭】",
    "字体:",
    "字号:",
    "【字体",
    "【字号",
    "责任编辑",
    "举报邮箱",
    "举报电话",
    "不良信息举报",
    "版权所有",
    "Copyright",
    "copyright",
    "ICP备",
    "ICP证",
    "公网安备",
    "网站标识码",
    "主办单位",
    "技术支持",
    "网站地图",
    "联系我们",
    "上一篇",
    "下一篇",
    "【举报】",
    "浏览次数",
    "阅读次数",
    "点击数:",
    "访问量",
    "【纠错】",
    "我要纠错",
    "收藏本页",
    "设为首页",
];

/// [`CHROME_PHRASES`] in one automaton: a line is searched once, not once per phrase. Leftmost
/// semantics (whether a phrase occurs does not depend on them) let aho-corasick use its SIMD
/// prefilter (Teddy) instead of stepping the automaton through every byte.
static CHROME_MATCHER: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build(CHROME_PHRASES)
        .expect("chrome phrases build an automaton")
});

/// Lines that open a list of related links: everything short after them is chrome.
const RELATED_PHRASES: &[&str] = &["相关新闻", "相关阅读", "相关链接", "相关文章", "推荐阅读", "热点新闻", "延伸阅读"];

/// Words that start a newspaper staff line (总策划 … 编辑 … 校对).
const STAFF_WORDS: &[&str] = &["总策划", "策划", "编辑", "校对", "美编", "责编", "版式", "组版", "审校", "统筹", "主编"];

/// Labels of metadata fields; table layouts put spaces between their characters.
const FIELD_LABELS: [&str; 23] = [
    "索引号",
    "发布机构",
    "发文机关",
    "发布日期",
    "成文日期",
    "发布时间",
    "公开目录",
    "主题分类",
    "名称",
    "标题",
    "文号",
    "来源",
    "作者",
    "时间",
    "日期",
    "责任编辑",
    "编辑",
    "记者",
    "通讯员",
    "有效性",
    "公开方式",
    "公开范围",
    "体裁分类",
];

static FIELD: LazyLock<Regex> = LazyLock::new(|| {
    let alts: Vec<String> =
        FIELD_LABELS.iter().map(|l| l.chars().map(|c| regex::escape(&c.to_string())).collect::<Vec<_>>().join(" *")).collect();
    Regex::new(&format!(r"(?:^|[\s|【\[(])({})(?: *[:]| +)", alts.join("|"))).expect("field regex")
});

/// Whether `s` may hold a field: [`FIELD`] ends every label with a colon or a space, so some
/// label's last character is right before one. Most lines with a colon or a space are
/// sentences, which this passes over without running the regex.
fn may_hold_field(s: &str) -> bool {
    memchr::memchr2_iter(b':', b' ', s.as_bytes())
        .any(|i| s[..i].chars().next_back().is_some_and(|c| FIELD_LABELS.iter().any(|l| l.ends_with(c))))
}

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号])").expect("date regex")
});

/// The first calendar date written in `s` (`2024-07-15`, `2024/7/15`, `2024年7月15日`).
pub fn find_date(s: &str) -> Option<(Date, Range<usize>)> {
    for c in DATE.captures_iter(s) {
        let y: i16 = c[1].parse().ok()?;
        let (m, d) = match (c.get(2), c.get(3)) {
            (Some(m), Some(d)) => (m.as_str(), d.as_str()),
            _ => (c.get(4)?.as_str(), c.get(5)?.as_str()),
        };
        let (Ok(m), Ok(d)) = (m.parse::<i8>(), d.parse::<i8>()) else { continue };
        if let Ok(date) = Date::new(y, m, d)
            && (1900..=2200).contains(&y)
        {
            return Some((date, c.get(0)?.range()));
        }
    }
    None
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        // 新华社北京10月18日电, 中新社澳门5月3日电, 本报北京3月5日讯, 据新华社…2023年1月17日电
        r"^[^。,;]{0,30}?(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:电|讯)",
        // 本报讯(记者 张三) 3月30日, (记者 张三 通讯员 李四)3月30日上午
        r"|^(?:[^\s。,()]{0,10}讯\s*(?:\([^)]{0,40}\))?|\((?:本报|本台|本网)?记者[^)]{0,40}\))\s*(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日",
        // 记者3月30日从市统计局获悉
        r"|^[^。]{0,40}?记者(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:从|在|获悉|了解)",
    ))
    .expect("dateline regex")
});

/// A news dateline at the start of `line`: its year if written, its month and day.
fn find_dateline(line: &str) -> Option<(Option<i16>, MonthDay)> {
    // Every form writes 月: the many lines without one are passed over without the regex.
    if !line.contains('月') {
        return None;
    }
    let c = DATELINE.captures(line)?;
    let whole = c.get(0)?;
    // 10月18日电子商务大会 is no dateline.
    if whole.as_str().ends_with('电')
        && line[whole.end()..].starts_with(|c: char| "子视力影台网信器脑价量站厂动梯商气池缆源竞话报".contains(c))
    {
        return None;
    }
    let (y, m, d) = match (c.get(2), c.get(5)) {
        (Some(m), _) => (c.get(1), m, c.get(3)?),
        (None, Some(m)) => (c.get(4), m, c.get(6)?),
        (None, None) => (c.get(7), c.get(8)?, c.get(9)?),
    };
    let md = MonthDay { month: m.as_str().parse().ok()?, day: d.as_str().parse().ok()? };
    // The day must exist in some year (2月29日 does).
    Date::new(2000, md.month, md.day).ok()?;
    Some((y.and_then(|y| y.as_str().parse().ok()), md))
}

static URL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?:https?://|www\.)[0-9A-Za-z./_\-?=&%#:~+]+").expect("url regex"));

static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    // /2018/0412/, /2021-07/29/, t20230515_, /20230515/, /2023/05/15/
    Regex::new(r"(?:^|[/_=t-])((?:19|20)\d{2})[-/_]?(0[1-9]|1[0-2])[-/_]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)").expect("url date regex")
});

/// The date in the first web address of `text` that has one (`http://…/2018/0412/5567.shtml`,
/// `…/2021-07/29/content_…`, `…/t20230515_…`).
pub fn find_url_date(text: &str) -> Option<Date> {
    URL.find_iter(text).find_map(|u| {
        let path = u.as_str().split_once("//").map_or(u.as_str(), |(_, p)| p);
        let c = URL_DATE.captures(path.split_once('/').map_or("", |(_, p)| p))?;
        Date::new(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?).ok()
    })
}

/// The date with `md`'s month and day nearest to `date` (a year before, the same, or after).
pub fn nearest_with(date: Date, md: MonthDay) -> Option<Date> {
    let y = date.year();
    [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|y| Date::new(y, md.month, md.day).ok())
        .min_by_key(|c| date.until((jiff::Unit::Day, *c)).map_or(i64::MAX, |s| i64::from(s.get_days()).abs()))
}

/// Read the structure of a normalized text.
pub fn analyze(text: &str) -> Layout {
    let mut layout = Layout { lines: lines(text), ..Layout::default() };
    find_chrome(text, &mut layout);
    find_meta(text, &mut layout);
    find_turns(text, &mut layout);
    find_repeats(text, &mut layout);
    layout
}

fn lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
        let end = if i > start && text.as_bytes()[i - 1] == b'\r' { i - 1 } else { i };
        out.push(start..end);
        start = i + 1;
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

fn trimmed(text: &str, r: &Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    r.start + lead..r.start + lead + t.len()
}

fn is_chrome_line(line: &str) -> bool {
    let t = line.trim().trim_start_matches(['•', '·', '●', '-', '*', ' ']);
    if t.is_empty() {
        return false;
    }
    if CHROME_MATCHER.is_match(t) || t.starts_with("首页>") || t.starts_with("首页 >") || t == "外链" {
        return true;
    }
    // A page number: a few digits alone, or 第N版.
    if t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    // A newspaper staff line: 总策划 张三 编辑 李四 ...
    if let Some(w) = STAFF_WORDS.iter().find(|w| t.starts_with(**w)) {
        let rest = &t[w.len()..];
        return rest.starts_with(' ') && !rest.contains(['。', ',']) && t.chars().count() <= 60;
    }
    false
}

fn find_chrome(text: &str, layout: &mut Layout) {
    let mut related = false;
    let lines = layout.lines.clone();
    for (i, r) in lines.iter().enumerate() {
        let line = &text[r.clone()];
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        let short = t.chars().count() <= 40;
        if RELATED_PHRASES.iter().any(|p| t.starts_with(p)) && short {
            related = true;
        } else if related && !short {
            related = false;
        }
        // A reaction list (微笑 流汗 难过 ...): a bullet and one short word.
        let bullet = line.trim_start().starts_with(['•', '·', '●']) && t.chars().count() <= 8;
        // A line of a few characters between chrome lines is chrome too (外链, 分享).
        let between =
            short && t.chars().count() <= 6 && i > 0 && layout.chrome.last().is_some_and(|c| c.end + 8 >= r.start) && !t.ends_with('。');
        if related || bullet || between || is_chrome_line(line) {
            layout.chrome.push(trimmed(text, r));
        }
    }
}

/// The fields of a metadata line: (label without spaces, value range).
fn fields(text: &str, line: &Range<usize>) -> Vec<(String, Range<usize>)> {
    let s = &text[line.clone()];
    if !may_hold_field(s) {
        return Vec::new();
    }
    let found: Vec<_> = FIELD.captures_iter(s).filter_map(|c| Some((c.get(1)?, c.get(0)?.end()))).collect();
    let mut out = Vec::new();
    for (k, (label, value_start)) in found.iter().enumerate() {
        let value_end = found.get(k + 1).map_or(s.len(), |next| next.0.start());
        let value = s[*value_start..value_end].trim_end_matches(['|', '【', '[', '(']);
        let v = trimmed(text, &(line.start + value_start..line.start + value_start + value.len()));
        if !v.is_empty() {
            out.push((label.as_str().replace(' ', ""), v));
        }
    }
    out
}

fn find_meta(text: &str, layout: &mut Layout) {
    let lines: Vec<Range<usize>> = layout.lines.iter().map(|r| trimmed(text, r)).filter(|r| !r.is_empty()).collect();
    // The head: the lines before the body starts (its first sentence), at most fifteen. Mastheads,
    // datelines and titles are there; a date after the body is a signature's.
    let body_start = lines.iter().position(|r| text[r.clone()].contains('。')).unwrap_or(lines.len());
    let head = body_start.min(15);
    let mut meta = Meta::default();
    let mut published_from = None;
    let mut header_lines = Vec::new();
    for (i, r) in lines.iter().enumerate() {
        let in_head = i < head;
        let fs = fields(text, r);
        let mut is_header = false;
        for (label, v) in &fs {
            let value = text[v.clone()].trim();
            // A labelled value is a field only when it is short (a sentence that starts with
            // 时间 is not a field).
            if value.chars().count() > 60 && !matches!(label.as_str(), "名称" | "标题") {
                continue;
            }
            match label.as_str() {
                "索引号" => set(&mut meta.index_no, value.split_whitespace().next().unwrap_or(value)),
                "发布机构" | "发文机关" => set(&mut meta.publisher, value),
                "名称" | "标题" => set(&mut meta.title, value),
                "来源" => {
                    let v = value.split_whitespace().next().unwrap_or(value);
                    set(&mut meta.source, v);
                    set(&mut meta.publisher, v);
                }
                // A reporter's name, not a question put by 记者: in an interview.
                "作者" | "记者" => {
                    let name = value.split_whitespace().next().unwrap_or(value);
                    if is_person_name(name) {
                        set(&mut meta.author, name);
                    }
                }
                "发布日期" | "发布时间" | "时间" | "日期" | "成文日期" => {
                    if meta.published.is_none()
                        && let Some((d, _)) = find_date(value)
                    {
                        meta.published = Some(d);
                        published_from = Some(DateSource::Field);
                    }
                }
                _ => {}
            }
            is_header = true;
        }
        let line = &text[r.clone()];
        // A byline: 记者 王拥 通讯员 吴海燕.
        if let Some(rest) = line.strip_prefix("记者 ")
            && let Some(name) = rest.split_whitespace().next()
            && name.chars().count() <= 4
        {
            set(&mut meta.author, name);
        }
        // A date alone on a line near the top (a masthead or dateline), or a stamp that opens
        // one (`2023-05-06 09:15:42 来源:某某网`).
        if in_head
            && meta.published.is_none()
            && let Some((d, span)) = find_date(line)
            && (line.len() - span.len() <= 24 || opens_line(line, &span) && line.chars().count() <= 80)
            && !line.contains('。')
        {
            meta.published = Some(d);
            published_from = Some(DateSource::Dateline);
            is_header = true;
        }
        if is_header && in_head {
            header_lines.push(r.clone());
        }
    }
    // A news dateline: 新华社北京10月18日电, 本报讯(记者 张三) 3月30日.
    let mut month_day = None;
    for r in lines.iter().take(40).filter(|r| !layout.is_chrome(r)) {
        let Some((year, md)) = find_dateline(&text[r.clone()]) else { continue };
        match year.and_then(|y| Date::new(y, md.month, md.day).ok()) {
            Some(d) if meta.published.is_none() => {
                meta.published = Some(d);
                published_from = Some(DateSource::Dateline);
            }
            Some(_) => {}
            None => month_day = Some(md),
        }
        break;
    }
    // The date under a signature: the last lines are an organisation and a date (or a stamp,
    // `2023/02/15 16:20`, `2021年3月31日 来源:某某日报`).
    if meta.published.is_none() {
        for r in lines.iter().rev().take(4) {
            let line = &text[r.clone()];
            if let Some((d, span)) = find_date(line)
                && (span.len() + 2 >= line.len() || opens_line(line, &span) && line.chars().count() <= 40 && !line.contains(['。', ',']))
            {
                meta.published = Some(d);
                published_from = Some(DateSource::Signature);
                break;
            }
        }
    }
    // A news lead or a press conference that opens with its date: `2023年7月17日上午,…`,
    // `国务院新闻办公室于2023年7月17日上午举行新闻发布会`.
    if meta.published.is_none()
        && month_day.is_none()
        && let Some(r) = lines.get(body_start).filter(|r| !layout.is_chrome(r))
    {
        let line = &text[r.clone()];
        let sentence = &line[..line.find('。').unwrap_or(line.len())];
        if let Some((d, span)) = find_date(sentence)
            && (opens_line(sentence, &span)
                || sentence[..span.start].ends_with('于') && ["举行", "召开"].iter().any(|w| sentence[span.end..].contains(w)))
        {
            meta.published = Some(d);
            published_from = Some(DateSource::Dateline);
        }
    }
    // The page's own address: with a dateline, it gives the dateline its year; alone, it is the
    // date when nothing the page writes is.
    if meta.published.is_none() {
        let url = find_url_date(text);
        match (month_day, url) {
            (Some(md), Some(u)) => {
                meta.published = nearest_with(u, md);
                published_from = meta.published.map(|_| DateSource::Dateline);
            }
            (None, Some(u)) => {
                meta.published = Some(u);
                published_from = Some(DateSource::Url);
            }
            (_, None) => {}
        }
    }
    layout.dateline = month_day;
    if meta.title.is_none() {
        // The title comes before the body: the first line written as sentences ends the search.
        meta.title = lines
            .iter()
            .take(head)
            .filter(|r| !layout.is_chrome(r) && !header_lines.contains(r))
            .map(|r| text[r.clone()].trim())
            .take_while(|l| !l.contains('。') && l.chars().count() <= 120)
            .find(|l| {
                let n = l.chars().count();
                (6..=80).contains(&n)
                    && !l.contains(['。', '!', '?', ':', ','])
                    && !l.starts_with(['【', '▲', '△', '●', '■', '图'])
                    && find_date(l).is_none()
                    && !l.starts_with("——")
            })
            .map(str::to_owned);
    }
    for r in header_lines {
        if !layout.is_chrome(&r) {
            let i = layout.chrome.partition_point(|c| c.start < r.start);
            layout.chrome.insert(i, r);
        }
    }
    layout.meta = meta;
    layout.published_from = published_from;
}

/// Whether `span` opens `line`, after dashes and an opening bracket: a stamp
/// (`2023-05-06 09:15 来源:…`) or the delivery line of a report (`——2023年1月10日在…会议上`).
fn opens_line(line: &str, span: &Range<usize>) -> bool {
    line[..span.start].trim_start_matches(['—', '-', '(', '[', '【', ' ']).is_empty()
}

/// Whether `s` looks like a Chinese personal name (two to four Han characters) or a short list
/// of them.
fn is_person_name(s: &str) -> bool {
    s.split(['、', ',', '/']).all(|n| (2..=4).contains(&n.chars().count()) && n.chars().all(crate::normalize::script::is_han))
}

fn set(slot: &mut Option<String>, value: &str) {
    let v = value.trim().trim_matches(['|', ' ']);
    if slot.is_none() && !v.is_empty() {
        *slot = Some(v.to_owned());
    }
}

/// A speaker label at the start of `line`: `【裴航向】:`, `问:`, `张世波:`. Returns the label
/// and whether it is bracketed.
fn speaker_label(line: &str) -> Option<(&str, bool)> {
    let t = line.trim_start();
    if let Some(rest) = t.strip_prefix('【') {
        let close = rest.find('】')?;
        let label = rest[..close].trim();
        let after = rest[close + '】'.len_utf8()..].trim_start();
        let n = label.chars().count();
        if (1..=8).contains(&n) && (after.starts_with(':') || !after.is_empty()) && !label.contains(['•', ' ']) && label != "举报" {
            return Some((label, true));
        }
        return None;
    }
    let colon = t.find(':')?;
    let label = t[..colon].trim();
    let n = label.chars().count();
    if n == 0 || n > 6 || t[colon + 1..].trim().is_empty() {
        return None;
    }
    if !label.chars().all(|c| crate::normalize::script::is_han(c) || c.is_ascii_alphabetic()) {
        return None;
    }
    Some((label, false))
}

fn find_turns(text: &str, layout: &mut Layout) {
    // Candidate labels per line; plain labels count only when they are speaker words or
    // recur (a name that opens two answers is a speaker; 据统计 once is not).
    let mut cands: Vec<(Range<usize>, String, bool)> = Vec::new();
    for r in &layout.lines {
        if let Some((label, bracketed)) = speaker_label(&text[r.clone()]) {
            cands.push((r.clone(), label.to_owned(), bracketed));
        }
    }
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for c in &cands {
        *counts.entry(c.1.as_str()).or_default() += 1;
    }
    let count = |l: &str| counts.get(l).copied().unwrap_or(0);
    let accepted: Vec<(usize, String)> = cands
        .iter()
        .filter(|(_, label, bracketed)| {
            !FIELD_WORDS.contains(&label.as_str())
                && (*bracketed || SPEAKER_WORDS.contains(&label.as_str()) || (count(label) >= 2 && label.chars().count() <= 4))
        })
        .map(|(r, l, _)| (r.start + (text[r.clone()].len() - text[r.clone()].trim_start().len()), l.clone()))
        .collect();
    // A plain name counts only in a document that has other turns too.
    let turns_start: Vec<(usize, String)> = if accepted.len() >= 2 { accepted } else { Vec::new() };
    for (k, (start, speaker)) in turns_start.iter().enumerate() {
        let next = turns_start.get(k + 1).map_or(text.len(), |n| n.0);
        // A turn ends at the next turn, or at the first chrome line or byline before it.
        let mut end = next;
        let after = layout.lines.partition_point(|l| l.start <= *start);
        for line in layout.lines[after..].iter().take_while(|l| l.start < next) {
            let t = text[line.clone()].trim();
            if layout.is_chrome(&trimmed(text, line)) || t.starts_with("记者 ") {
                end = line.start;
                break;
            }
        }
        layout.turns.push(Turn { span: *start..end, speaker: speaker.clone() });
    }
}

fn find_repeats(text: &str, layout: &mut Layout) {
    use std::collections::HashMap;
    let long: Vec<Range<usize>> =
        layout.lines.iter().map(|r| trimmed(text, r)).filter(|t| text[t.clone()].chars().nth(19).is_some()).collect();
    // A line whose length no other line has repeats none: only lines of shared lengths are
    // hashed whole.
    let mut lengths: HashMap<usize, u32> = HashMap::new();
    for t in &long {
        *lengths.entry(t.len()).or_default() += 1;
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for t in long {
        if lengths.get(&t.len()).is_some_and(|&n| n < 2) {
            continue;
        }
        let s = &text[t.clone()];
        match seen.get(s) {
            Some(&first) => layout.repeats.push(Repeat { span: t, first }),
            None => {
                seen.insert(s, t.start);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_field_precheck_passes_every_field_line() {
        // (line, whether the regex finds a field in it)
        let lines = [
            ("索 引 号 abc/2024-00012 发布机构 市招商服务中心", true),
            ("名  称 关于某事的答复函", true),
            ("来源:某某新闻网 作者:王敏 时间:2023-11-02 09:15", true),
            ("发布日期 :2024-07-15", true),
            ("(记者 周敏)", true),
            ("|体裁分类 通知", true),
            ("会议指出:要抓好项目。", false),
            ("全年 签约项目12个", false),
            ("【来源】某某网", false),
            ("", false),
        ];
        for (line, field) in lines {
            assert_eq!(FIELD.is_match(line), field, "{line}");
            // The precheck lets every field line through; of the others, those where no
            // label's last character comes before a colon or a space are passed over.
            assert_eq!(may_hold_field(line), field, "{line}");
        }
    }

    #[test]
    fn reads_a_disclosure_header() {
        let text = "政府信息公开\n关于某事的答复函\n索 引 号 abc/2024-00012 发布机构 市招商服务中心\n公开目录 建议提案办理 发布日期 2024-07-15\n名  称 关于某事的答复函\n\n正文。";
        let l = analyze(text);
        assert_eq!(l.meta.index_no.as_deref(), Some("abc/2024-00012"));
        assert_eq!(l.meta.publisher.as_deref(), Some("市招商服务中心"));
        assert_eq!(l.meta.published, Some(jiff::civil::date(2024, 7, 15)));
        assert_eq!(l.meta.title.as_deref(), Some("关于某事的答复函"));
    }

    #[test]
    fn reads_a_dateline() {
        let text = "外链\n您当前的位置:首页 > 新闻\n某县签约项目68个\n来源:某某新闻网 作者:王敏 时间:2023-11-02 09:15\n正文。";
        let l = analyze(text);
        assert_eq!(l.meta.published, Some(jiff::civil::date(2023, 11, 2)));
        assert_eq!(l.published_from, Some(DateSource::Field));
        assert_eq!((l.meta.source.as_deref(), l.meta.author.as_deref()), (Some("某某新闻网"), Some("王敏")));
        assert_eq!(l.meta.title.as_deref(), Some("某县签约项目68个"));
    }

    #[test]
    fn reads_a_masthead_and_a_byline() {
        let text = "总策划 张三 编辑 李四\n校对 王五\n\n2021年3月9日\n\n5\n\n招大引强聚动能\n\n正文。\n\n记者 周敏 通讯员 陈亮";
        let l = analyze(text);
        assert_eq!(l.meta.published, Some(jiff::civil::date(2021, 3, 9)));
        assert_eq!(l.published_from, Some(DateSource::Dateline));
        assert_eq!(l.meta.author.as_deref(), Some("周敏"));
        assert_eq!(l.meta.title.as_deref(), Some("招大引强聚动能"));
        for chrome in ["总策划", "校对", "5"] {
            let at = text.find(chrome).unwrap();
            assert!(l.is_chrome(&(at..at + 1)), "{chrome} is chrome");
        }
    }

    #[test]
    fn reads_a_signature_date() {
        let text = "某某单位:\n\n现答复如下。\n\n市投资促进局\n\n2023年7月28日\n\n(联系人:某某,电话:13912345678)";
        let l = analyze(text);
        assert_eq!(l.meta.published, Some(jiff::civil::date(2023, 7, 28)));
        assert_eq!(l.published_from, Some(DateSource::Signature));
    }

    #[test]
    fn reads_news_datelines() {
        let month_day = |t: &str| find_dateline(t).map(|(y, md)| (y, md.month, md.day));
        assert_eq!(month_day("新华社北京10月18日电 国家统计局18日发布"), Some((None, 10, 18)));
        assert_eq!(month_day("中新社澳门5月3日电(记者 李明)"), Some((None, 5, 3)));
        assert_eq!(month_day("本报讯(记者 王立新 通讯员 陈静) 3月30日,县里举行仪式"), Some((None, 3, 30)));
        assert_eq!(month_day("(记者 王立新)3月30日上午,县里举行仪式"), Some((None, 3, 30)));
        assert_eq!(month_day("人民网长沙2022年8月9日电 湖南省"), Some((Some(2022), 8, 9)));
        assert_eq!(month_day("本报讯 记者3月30日从市统计局获悉,一季度"), Some((None, 3, 30)));
        assert_eq!(month_day("10月18日电子商务大会开幕"), None);
        assert_eq!(month_day("会议指出,10月18日前完成"), None);
        // The 月 a dateline needs may come after a long run of spaces (the regex's `\s*`).
        let spaced = format!("本报讯{}3月30日,县里举行仪式", " ".repeat(200));
        assert_eq!(month_day(&spaced), Some((None, 3, 30)));
        assert_eq!(month_day("新华社北京电 国家统计局今天发布"), None);
        let l = analyze("标题\n新华社北京10月18日电 正文。");
        assert_eq!((l.dateline, l.meta.published), (Some(MonthDay { month: 10, day: 18 }), None));
    }

    #[test]
    fn reads_dates_in_addresses() {
        let url = |t: &str| find_url_date(t).map(|d| d.to_string());
        assert_eq!(url("http://www.example.gov.cn/xw/2018/0412/5567.shtml").as_deref(), Some("2018-04-12"));
        assert_eq!(url("见 https://news.example.cn/gn/2021-07/29/content_77318.htm。").as_deref(), Some("2021-07-29"));
        assert_eq!(url("www.example.gov.cn/zwgk/202305/t20230515_1234567.html").as_deref(), Some("2023-05-15"));
        assert_eq!(url("http://www.example.cn/2023/05/15/a.html").as_deref(), Some("2023-05-15"));
        assert_eq!(url("http://www.example.gov.cn/col/col20231399/index.html"), None);
        assert_eq!(url("http://www20231015.example.cn/a.html"), None);
        assert_eq!(url("文件/2023/0412/不是网址"), None);
    }

    #[test]
    fn ranks_the_page_dates() {
        // A field before the address; the address before nothing; the address gives a dateline its year.
        let l = analyze("标题\n发布日期:2023-06-02\nhttp://www.example.gov.cn/a/2023/0601/8.html\n正文。");
        assert_eq!((l.meta.published, l.published_from), (Some(jiff::civil::date(2023, 6, 2)), Some(DateSource::Field)));
        let l = analyze("标题\nhttp://www.example.gov.cn/a/2023/0601/8.html\n正文。");
        assert_eq!((l.meta.published, l.published_from), (Some(jiff::civil::date(2023, 6, 1)), Some(DateSource::Url)));
        let l = analyze("http://www.example.cn/n1/2020/0101/c1.html\n新华社北京12月31日电 正文。");
        assert_eq!((l.meta.published, l.published_from), (Some(jiff::civil::date(2019, 12, 31)), Some(DateSource::Dateline)));
        // A stamp at the foot of the page.
        let l = analyze("标题\n本报讯(记者 张三) 3月30日,正文。\n2021年3月31日 来源:某某日报");
        assert_eq!((l.meta.published, l.published_from), (Some(jiff::civil::date(2021, 3, 31)), Some(DateSource::Signature)));
        assert_eq!(l.dateline, Some(MonthDay { month: 3, day: 30 }));
    }

    #[test]
    fn reads_a_lead_that_opens_with_its_date() {
        let l = analyze("某市召开新闻发布会\n2023年7月17日上午,市政府新闻办召开发布会。今天发布数据。");
        assert_eq!((l.meta.published, l.published_from), (Some(jiff::civil::date(2023, 7, 17)), Some(DateSource::Dateline)));
        let l = analyze("国务院新闻办公室于2023年7月17日(星期一)上午10时举行新闻发布会。");
        assert_eq!(l.meta.published, Some(jiff::civil::date(2023, 7, 17)));
        let l = analyze("全市新签约项目52个,2023年7月17日签约的项目已开工。");
        assert_eq!(l.meta.published, None);
        // A letter's signature is its date, whatever day its first sentence opens with.
        let l = analyze("2023年5月6日您反映的问题收悉。\n现答复如下。\n市住建局\n2023年6月1日");
        assert_eq!((l.meta.published, l.published_from), (Some(jiff::civil::date(2023, 6, 1)), Some(DateSource::Signature)));
    }

    #[test]
    fn reads_a_stamp_that_opens_a_line() {
        let l = analyze("某市签约项目31个\n2023-05-06 09:15:42 来源:市融媒体中心 作者:李华 浏览次数:1024\n正文。");
        assert_eq!(l.meta.published, Some(jiff::civil::date(2023, 5, 6)));
        assert_eq!(l.meta.title.as_deref(), Some("某市签约项目31个"));
    }

    #[test]
    fn finds_turns() {
        let text = "【主持人】:您好!\n【王局长】:大家好。\n我们签约5个项目。\n扫一扫在手机打开当前页";
        let l = analyze(text);
        let at = text.find("签约").unwrap();
        assert_eq!(l.speaker_at(at), Some("王局长"));
        assert_eq!(l.speaker_at(text.find("扫一扫").unwrap()), None);
        assert!(l.is_chrome(&(text.find("扫一扫").unwrap()..text.len())));
    }

    #[test]
    fn plain_labels_need_to_recur() {
        let text = "据统计:今年签约5个项目。\n记者:问题一?\n张三:回答一。\n记者:问题二?\n张三:回答二。";
        let l = analyze(text);
        assert_eq!(l.speaker_at(0), None);
        assert_eq!(l.speaker_at(text.find("回答二").unwrap()), Some("张三"));
    }

    #[test]
    fn finds_chrome() {
        let text = "您当前的位置:首页 > 资讯\n正文第一段。\n责任编辑:某某\n举报电话:12345678901\n13";
        let l = analyze(text);
        assert!(!l.is_chrome(&(text.find("正文").unwrap()..text.find("正文").unwrap() + 3)));
        assert_eq!(l.chrome.len(), 4);
    }
}
