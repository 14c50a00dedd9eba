//! HTML → text, with a real HTML parser (html5ever, through `scraper`), and an offset map back
//! to the HTML source.
//!
//! Block elements become line breaks, `<br>` a line break, table cells are separated by a
//! space; entities are decoded by the parser; `<script>`, `<style>`, `<noscript>`, `<template>`
//! and comments are dropped; the `<title>` is the first line. Runs of whitespace collapse to one
//! space, as a browser renders them.
//!
//! The parser does not say where in the source each piece of text came from, so the text is
//! aligned with the source afterwards: the visible characters appear in the source in the same
//! order, between tags, literally or as entities. The alignment walks the source once, skipping
//! markup, and records every difference (a removed tag, an entity, a collapsed space) as an
//! [`crate::normalize::Edit`]. Spans of facts found in the text therefore point into the HTML
//! source itself: slicing the page with a span gives the fact's text (with any tags inside it).

use std::ops::Range;

use ego_tree::iter::Edge;
use scraper::{Html, Node};

use super::StageEdits;

/// Elements whose content is not text of the page.
const SKIPPED: &[&str] = &["script", "style", "noscript", "template", "iframe", "object", "svg", "canvas", "math"];

/// Elements that start and end a line.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "title",
    "tr",
    "ul",
];

/// Whether a text looks like HTML: it starts with a doctype or an `<html>`, `<head>` or `<body>`
/// tag, or has several paragraph/div/br tags near its start.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text.trim_start_matches('\u{feff}').trim_start().chars().take(2048).collect::<String>().to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<head") || head.starts_with("<body") {
        return true;
    }
    let tags = ["<p>", "<p ", "<div", "<br", "</p>", "</div>", "<span", "<table"].iter().map(|t| head.matches(t).count()).sum::<usize>();
    head.starts_with('<') && tags >= 3
}

/// The text of an HTML page and how its bytes map back to the page's source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Converted {
    /// The text, one line per block.
    pub text: String,
    /// Text offsets → source offsets, as a normalization stage.
    pub edits: StageEdits,
}

/// The text of an HTML document.
///
/// ```
/// let html = "<html><head><title>签约公告</title><script>var a = '52个';</script></head>\
///             <body><p>新签约项目&nbsp;52个，<b>总投资</b>116.68亿元</p><p>第二段</p></body></html>";
/// assert_eq!(gongbao::normalize::html::to_text(html), "签约公告\n新签约项目 52个，总投资116.68亿元\n第二段\n");
/// ```
pub fn to_text(html: &str) -> String {
    convert(html).text
}

/// The text of an HTML document with the edits that map it back to the source.
///
/// ```
/// let html = "<p>总投资<b>116.68亿元</b>&nbsp;项目</p>";
/// let c = gongbao::normalize::html::convert(html);
/// assert_eq!(c.text, "总投资116.68亿元 项目\n");
/// let mut map = gongbao::normalize::OffsetMap::identity();
/// map.push_stage(c.edits);
/// let at = c.text.find("116").unwrap();
/// let span = map.to_original(at..at + "116.68亿元".len());
/// assert_eq!(&html[span], "116.68亿元");
/// ```
pub fn convert(html: &str) -> Converted {
    let limited = limit_nesting(html);
    let doc = Html::parse_document(&limited);
    let mut out = Builder::new(html);
    let mut skip_depth = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let name = e.name();
                    if SKIPPED.contains(&name) {
                        skip_depth += 1;
                    } else if skip_depth == 0 {
                        if name == "br" {
                            out.line_break();
                        } else if BLOCKS.contains(&name) {
                            out.end_line();
                        } else if matches!(name, "td" | "th") {
                            out.space_between();
                        }
                    }
                }
                Node::Text(t) if skip_depth == 0 => out.push_text(t),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    let name = e.name();
                    if SKIPPED.contains(&name) {
                        skip_depth = skip_depth.saturating_sub(1);
                    } else if skip_depth == 0 && BLOCKS.contains(&name) {
                        out.end_line();
                    }
                }
            }
        }
    }
    out.finish()
}

/// Builds the text, aligning every character with the source as it goes.
struct Builder<'a> {
    source: &'a str,
    text: String,
    edits: StageEdits,
    /// Source bytes before this have been accounted for.
    consumed: usize,
    /// Where to look for the next character in the source.
    cursor: usize,
    /// A space waiting for the next character on its line (dropped at a line end), with its
    /// source bytes.
    pending_space: Option<Range<usize>>,
    /// Source bytes passed over by searches that found nothing (see [`Builder::find`]).
    missed: usize,
}

impl<'a> Builder<'a> {
    fn new(source: &'a str) -> Self {
        Builder {
            source,
            text: String::with_capacity(source.len() / 2),
            edits: StageEdits::new(),
            consumed: 0,
            cursor: 0,
            pending_space: None,
            missed: 0,
        }
    }

    fn at_line_start(&self) -> bool {
        self.text.is_empty() || self.text.ends_with('\n')
    }

    /// Emit `c` for the source bytes `src` (empty for a character the conversion inserted).
    fn emit(&mut self, c: char, src: Range<usize>) {
        let at = self.text.len();
        if src.start > self.consumed {
            self.edits.push(at..at, self.consumed..src.start);
        }
        let start = src.start.max(self.consumed);
        let mut buf = [0u8; 4];
        let encoded = c.encode_utf8(&mut buf);
        if self.source.get(start..src.end) != Some(encoded) {
            self.edits.push(at..at + c.len_utf8(), start..src.end.max(start));
        }
        self.consumed = src.end.max(start);
        self.text.push(c);
    }

    fn flush_space(&mut self) {
        if let Some(src) = self.pending_space.take()
            && !self.at_line_start()
        {
            self.emit(' ', src);
        }
    }

    fn push_text(&mut self, t: &str) {
        for c in t.chars() {
            let src = self.find(c);
            if c.is_whitespace() {
                if self.pending_space.is_none() && !self.at_line_start() {
                    self.pending_space = Some(src);
                }
            } else {
                self.flush_space();
                self.emit(c, src);
            }
        }
    }

    /// A space between table cells.
    fn space_between(&mut self) {
        if self.pending_space.is_none() && !self.at_line_start() {
            self.pending_space = Some(self.cursor..self.cursor);
        }
    }

    /// End the current line, unless the text is at a line start.
    fn end_line(&mut self) {
        self.pending_space = None;
        if !self.at_line_start() {
            self.emit('\n', self.cursor..self.cursor);
        }
    }

    /// `<br>`: end the line; a second one in a row leaves a blank line.
    fn line_break(&mut self) {
        self.pending_space = None;
        if self.at_line_start() && !self.text.is_empty() {
            self.emit('\n', self.cursor..self.cursor);
        } else {
            self.end_line();
        }
    }

    fn finish(mut self) -> Converted {
        self.end_line();
        if self.consumed < self.source.len() {
            let at = self.text.len();
            self.edits.push(at..at, self.consumed..self.source.len());
        }
        Converted { text: self.text, edits: self.edits }
    }

    /// The source bytes of the next visible character `c`: the character itself, an entity
    /// (assumed to decode to it), or any whitespace for whitespace. Source characters that
    /// match nothing (text the parser dropped or moved) are passed over; a character not found
    /// within a window leaves the cursor where it was and gets an empty range.
    ///
    /// A search that finds its character moves the cursor past what it read, so together they
    /// read the source once; one that finds nothing reads up to a window (or more, across
    /// unclosed markup) and reads it again for the next character. When the parser reordered
    /// much of the page (text moved out of tables, markup inside `<title>`), such misses add up
    /// to time quadratic in the page's length; past a budget linear in it, the alignment gives
    /// up, and the rest of the text maps to nothing (facts there are dropped with a warning).
    fn find(&mut self, c: char) -> Range<usize> {
        const WINDOW: usize = 1 << 16;
        let bytes = self.source.as_bytes();
        let start = self.cursor;
        if self.missed > 8 * bytes.len() + (1 << 22) {
            return start..start;
        }
        let limit = (start + WINDOW).min(bytes.len());
        let mut p = start;
        while p < limit {
            match bytes[p] {
                b'<' => {
                    if let Some(end) = markup_end(self.source, p) {
                        p = end;
                        continue;
                    }
                }
                b'&' => {
                    if let Some(end) = entity_end(bytes, p) {
                        self.cursor = end;
                        return p..end;
                    }
                }
                _ => {}
            }
            let Some(ch) = self.source.get(p..).and_then(|s| s.chars().next()) else {
                p += 1;
                continue;
            };
            if ch == c || (c.is_whitespace() && ch.is_whitespace()) {
                self.cursor = p + ch.len_utf8();
                return p..self.cursor;
            }
            p += ch.len_utf8();
        }
        self.missed += p - start;
        start..start
    }
}

/// The end of the markup (tag, comment, doctype, or a whole script/style element) starting at
/// `p`, or `None` when the `<` is a literal character.
fn markup_end(source: &str, p: usize) -> Option<usize> {
    let bytes = source.as_bytes();
    let rest = &bytes[p..];
    if rest.starts_with(b"<!--") {
        return Some(memchr::memmem::find(&rest[4..], b"-->").map_or(bytes.len(), |i| p + 4 + i + 3));
    }
    let next = *rest.get(1)?;
    if next == b'!' || next == b'?' {
        return Some(memchr::memchr(b'>', rest).map_or(bytes.len(), |i| p + i + 1));
    }
    let closing = next == b'/';
    let name_start = p + 1 + usize::from(closing);
    if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    // The tag ends at the first '>' outside quoted attribute values (a quote opens a value only
    // after `=`; elsewhere it is a character of a name, as the parser reads it).
    let mut i = name_start;
    let mut quote = None;
    let mut after_eq = false;
    while i < bytes.len() {
        match (bytes[i], quote) {
            (b'"' | b'\'', None) if after_eq => quote = Some(bytes[i]),
            (q, Some(open)) if q == open => quote = None,
            (b'>', None) => break,
            _ => {}
        }
        if quote.is_none() {
            after_eq = bytes[i] == b'=' || (after_eq && bytes[i].is_ascii_whitespace());
        }
        i += 1;
    }
    let end = (i + 1).min(bytes.len());
    let name_end = bytes[name_start..end].iter().position(|b| !b.is_ascii_alphanumeric()).map_or(end, |k| name_start + k);
    let name = source[name_start..name_end].to_ascii_lowercase();
    if !closing && SKIPPED.contains(&name.as_str()) {
        // Skip the element's content up to its closing tag.
        let close = format!("</{name}");
        let lower_rest = &bytes[end..];
        let found = lower_rest.windows(close.len()).position(|w| w.eq_ignore_ascii_case(close.as_bytes()));
        return Some(match found {
            Some(k) => memchr::memchr(b'>', &bytes[end + k..]).map_or(bytes.len(), |m| end + k + m + 1),
            None => bytes.len(),
        });
    }
    Some(end)
}

/// The end of a character reference (`&nbsp;`, `&#8220;`, `&#x4e2d;`) starting at `p`.
fn entity_end(bytes: &[u8], p: usize) -> Option<usize> {
    let rest = &bytes[p + 1..];
    let (digits, start) = match rest.first()? {
        b'#' if rest.get(1).is_some_and(|b| *b == b'x' || *b == b'X') => {
            (rest[2..].iter().take_while(|b| b.is_ascii_hexdigit()).count(), 3)
        }
        b'#' => (rest[1..].iter().take_while(|b| b.is_ascii_digit()).count(), 2),
        b if b.is_ascii_alphabetic() => (rest.iter().take(32).take_while(|b| b.is_ascii_alphanumeric()).count(), 1),
        _ => return None,
    };
    if digits == 0 || (start == 1 && digits < 2) {
        return None;
    }
    let end = p + start + digits;
    Some(if bytes.get(end) == Some(&b';') { end + 1 } else { end })
}

/// Deepest element nesting handed to the parser. The HTML tree builder checks the stack of
/// open elements for every tag, so its work grows with the square of the nesting depth; real
/// pages nest a few dozen levels, and hostile or broken ones must not stall a batch.
const MAX_DEPTH: usize = 256;

/// Elements that never have content (no closing tag).
const VOID: &[&str] = &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

/// Drop the tags (not the text) that open or close elements nested deeper than [`MAX_DEPTH`].
/// A rough tag scanner suffices: it only has to bound the depth, the parser does the rest.
fn limit_nesting(html: &str) -> std::borrow::Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while let Some(rel) = memchr::memchr(b'<', &bytes[i..]) {
        let at = i + rel;
        i = at + 1;
        let closing = bytes.get(at + 1) == Some(&b'/');
        let name_start = at + 1 + usize::from(closing);
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let Some(end) = memchr::memchr(b'>', &bytes[at..]).map(|e| at + e + 1) else { break };
        let name_end = bytes[name_start..end].iter().position(|b| !b.is_ascii_alphanumeric()).map_or(end, |p| name_start + p);
        let name = html[name_start..name_end].to_ascii_lowercase();
        let self_closing = bytes[..end].ends_with(b"/>");
        let deep = if closing {
            let d = depth;
            depth = depth.saturating_sub(1);
            d > MAX_DEPTH
        } else if VOID.contains(&name.as_str()) || self_closing {
            false
        } else {
            depth += 1;
            depth > MAX_DEPTH
        };
        if deep {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..at]);
            copied = end;
        }
        i = end;
    }
    match out {
        None => std::borrow::Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(&html[copied..]);
            std::borrow::Cow::Owned(o)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::OffsetMap;

    #[test]
    fn detects_html() {
        assert!(looks_like_html("<!DOCTYPE html><html></html>"));
        assert!(looks_like_html("  <html lang=\"zh\">"));
        assert!(looks_like_html("<div>a</div><p>b</p><br>"));
        assert!(!looks_like_html("新签约项目52个,<b>总投资</b>"));
        assert!(!looks_like_html("【主持人】:您好"));
    }

    #[test]
    fn tables_and_breaks() {
        let html = "<body><table><tr><td>项目</td><td>52个</td></tr></table>一行<br>二行</body>";
        assert_eq!(to_text(html), "项目 52个\n一行\n二行\n");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!("{}新签约项目52个{}", "<div>".repeat(100_000), "</div>".repeat(100_000));
        assert!(to_text(&html).contains("新签约项目52个"));
    }

    /// Every line of the text, and every character, maps back to source bytes that render as it.
    #[test]
    fn every_character_maps_back() {
        let html = "<!DOCTYPE html><html><head><title>标题 一</title><style>p{x:1}</style><script>var s = '签约52个';</script></head>\
                    <body><nav>首页&nbsp;&gt;&nbsp;正文</nav><p>今年&ldquo;项目为王&rdquo;,签约<b>52个</b>,\n   总投资116.68亿元。</p>\
                    <table><tr><td>天长市</td><td>18个</td></tr></table><!-- 注释 99个 --><p>新能源&amp;新材料</p></body></html>";
        let c = convert(html);
        assert_eq!(c.text, "标题 一\n首页 > 正文\n今年“项目为王”,签约52个, 总投资116.68亿元。\n天长市 18个\n新能源&新材料\n");
        let mut map = OffsetMap::identity();
        map.push_stage(c.edits.clone());
        for (i, ch) in c.text.char_indices() {
            let span = map.to_original(i..i + ch.len_utf8());
            let src = &html[span.clone()];
            let ok = match ch {
                '\n' => src.is_empty(),
                ' ' => src.trim().is_empty() || src == "&nbsp;",
                '>' => src == "&gt;",
                '“' => src == "&ldquo;",
                '”' => src == "&rdquo;",
                '&' => src == "&amp;",
                _ => src == ch.to_string(),
            };
            assert!(ok, "{ch:?} at {i} maps to {src:?} ({span:?})");
        }
        let at = c.text.find("116.68").unwrap();
        assert_eq!(&html[map.to_original(at..at + "116.68亿元".len())], "116.68亿元");
        let at = c.text.find("52个").unwrap();
        assert_eq!(&html[map.to_original(at..at + "52个".len())], "52个");
    }
}
