//! Word segmentation and sentences, with spans.
//!
//! One jieba instance per process ([`JIEBA`]), loaded on first use and shared by every thread
//! (`Jieba` is `Send + Sync`). Extractors consult it only around a candidate (a count's subject,
//! a place name's word boundaries), never over a whole document, so documents without such
//! candidates never pay for segmentation.

use std::ops::Range;
use std::sync::LazyLock;

use jieba_rs::Jieba;

/// The process-wide segmenter, with jieba's default dictionary.
pub static JIEBA: LazyLock<Jieba> = LazyLock::new(Jieba::new);

/// A word with its part-of-speech tag (jieba's ICTCLAS-style tags: `n`, `ns`, `v`, `m`, `q` ...)
/// and its byte span in the text that was segmented.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word.
    pub text: &'a str,
    /// Part of speech.
    pub tag: &'a str,
    /// Byte span in the segmented text.
    pub start: usize,
    /// End of the byte span (exclusive).
    pub end: usize,
}

impl Word<'_> {
    /// The span as a range.
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether the tag says noun-like (`n`, `nr`, `ns`, `nt`, `nz`, `vn`, `ng`, `an`, `j`).
    pub fn is_noun(&self) -> bool {
        self.tag.starts_with('n') || matches!(self.tag, "vn" | "an" | "j" | "l")
    }
}

/// Segment `text` into tagged words (jieba with HMM for unknown words).
pub fn words(text: &str) -> Vec<Word<'_>> {
    JIEBA.tag(text, true).into_iter().map(|t| Word { text: t.word, tag: t.tag, start: t.byte_start, end: t.byte_end }).collect()
}

/// Segment `text[range]` and report spans in `text`'s offsets.
pub fn words_in(text: &str, range: Range<usize>) -> Vec<Word<'_>> {
    let base = range.start;
    words(&text[range]).into_iter().map(|w| Word { start: w.start + base, end: w.end + base, ..w }).collect()
}

/// Whether `c` ends a sentence: `。！？；` (and their ASCII forms after width folding) and line
/// breaks.
pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | ';' | '！' | '？' | '；' | '\n' | '\r')
}

/// Whether `c` ends a clause: a sentence end or a comma, an enumeration comma or a colon.
pub fn is_clause_end(c: char) -> bool {
    is_sentence_end(c) || matches!(c, ',' | '，' | '、' | ':' | '：')
}

/// The sentences of `text`, as byte ranges (terminators included, surrounding whitespace not).
pub fn sentences(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    let mut iter = text.char_indices().peekable();
    std::iter::from_fn(move || {
        for (i, c) in iter.by_ref() {
            if is_sentence_end(c) {
                let range = trim(text, start..i + c.len_utf8());
                start = i + c.len_utf8();
                if !range.is_empty() {
                    return Some(range);
                }
            }
        }
        if start < text.len() {
            let range = trim(text, start..text.len());
            start = text.len();
            if !range.is_empty() {
                return Some(range);
            }
        }
        None
    })
}

/// The sentence of `text` containing byte `pos`.
pub fn sentence_at(text: &str, pos: usize) -> Range<usize> {
    let pos = pos.min(text.len());
    let start = text[..pos].char_indices().rev().find(|&(_, c)| is_sentence_end(c)).map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[pos..].char_indices().find(|&(_, c)| is_sentence_end(c)).map_or(text.len(), |(i, c)| pos + i + c.len_utf8());
    start..end
}

fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead >= s.len() { r.start..r.start } else { r.start + lead..r.end - trail }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_have_spans_and_tags() {
        let text = "兴平市招商局新签约项目52个";
        for w in words(text) {
            assert_eq!(&text[w.span()], w.text);
            assert!(!w.tag.is_empty());
        }
    }

    #[test]
    fn sentences_split_on_terminators_and_lines() {
        let text = "一是项目增多。二是资金到位!\n三是服务";
        let s: Vec<_> = sentences(text).map(|r| &text[r]).collect();
        assert_eq!(s, ["一是项目增多。", "二是资金到位!", "三是服务"]);
        assert_eq!(&text[sentence_at(text, text.find("资金").unwrap())], "二是资金到位!");
    }
}
