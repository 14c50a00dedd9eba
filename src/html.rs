//! HTML → text, with a real HTML parser (html5ever, through `scraper`).
//!
//! Block elements become line breaks, `<br>` a line break, table cells are separated by a
//! space; entities are decoded by the parser; `<script>`, `<style>`, `<noscript>`, `<template>`
//! and comments are dropped. The `<title>` becomes the first line. Runs of whitespace inside
//! a block collapse to one space, as a browser renders them.
//!
//! For an HTML document, this text is the "original" that fact spans point into: the CLI
//! decodes the bytes, converts the markup here, and extracts from the result.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// Elements whose content is not text of the page.
const SKIPPED: &[&str] = &["script", "style", "noscript", "template", "iframe", "object", "svg", "canvas", "head"];

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

/// The text of an HTML document.
///
/// ```
/// let html = "<html><head><title>签约公告</title><script>var a = '52个';</script></head>\
///             <body><p>新签约项目&nbsp;52个，<b>总投资</b>116.68亿元</p><p>第二段</p></body></html>";
/// assert_eq!(gongbao::html::to_text(html), "签约公告\n新签约项目 52个，总投资116.68亿元\n第二段\n");
/// ```
pub fn to_text(html: &str) -> String {
    let html = limit_nesting(html);
    let doc = Html::parse_document(&html);
    let mut out = String::with_capacity(html.len() / 2);
    let mut title: Option<String> = None;
    let mut skip_depth = 0usize;
    let mut in_title = false;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let name = e.name();
                    if name == "title" && title.is_none() {
                        in_title = true;
                        title = Some(String::new());
                    } else if SKIPPED.contains(&name) {
                        skip_depth += 1;
                    } else if skip_depth == 0 {
                        if name == "br" {
                            // A break ends the line; a second one in a row leaves a blank line.
                            if out.is_empty() || out.ends_with('\n') {
                                out.push('\n');
                            } else {
                                end_line(&mut out);
                            }
                        } else if BLOCKS.contains(&name) {
                            end_line(&mut out);
                        } else if matches!(name, "td" | "th") {
                            push_space(&mut out);
                        }
                    }
                }
                Node::Text(t) if in_title => {
                    if let Some(s) = title.as_mut() {
                        push_collapsed(s, t);
                    }
                }
                Node::Text(t) if skip_depth == 0 => push_collapsed(&mut out, t),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    let name = e.name();
                    if name == "title" && in_title {
                        in_title = false;
                    } else if SKIPPED.contains(&name) {
                        skip_depth = skip_depth.saturating_sub(1);
                    } else if skip_depth == 0 && BLOCKS.contains(&name) {
                        end_line(&mut out);
                    }
                }
            }
        }
    }
    end_line(&mut out);
    let title = title.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty());
    match title {
        Some(t) => format!("{t}\n{out}"),
        None => out,
    }
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

/// Append text with runs of whitespace collapsed to one space (no space at a line start).
fn push_collapsed(out: &mut String, text: &str) {
    for c in text.chars() {
        if c.is_whitespace() {
            push_space(out);
        } else {
            out.push(c);
        }
    }
}

fn push_space(out: &mut String) {
    if !(out.is_empty() || out.ends_with([' ', '\n'])) {
        out.push(' ');
    }
}

/// End the current line (trailing space dropped), unless the text is at a line start.
fn end_line(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
    if !(out.is_empty() || out.ends_with('\n')) {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
