//! Word segmentation and sentences, with spans.
//!
//! One jieba instance per process with the full dictionary ([`jieba`]), shared by every thread
//! (`Jieba` is `Send + Sync`). Extractors consult it only around a candidate (a count's subject,
//! a place name's word boundaries), never over a whole document, so documents without such
//! candidates never pay for segmentation.
//!
//! Loading the dictionary takes most of a short run's time, so it is built from tables made at
//! build time (`build.rs`: no decompression, no UTF-8 validation, no parsing) and, with
//! [`load_in_background`], on a thread of its own. Until it is ready, [`with_jieba`] hands out a
//! small jieba that knows every dictionary word written in the text at hand, with the full
//! dictionary's frequencies and total: on that text it segments, tags and answers word lookups
//! exactly as the full one does (jieba only ever consults the words inside the text it cuts),
//! and the first documents need not wait.

use std::cell::RefCell;
use std::ops::Range;
use std::sync::{Mutex, Once, OnceLock};

use jieba_rs::Jieba;

/// jieba's dictionary as `build.rs` lays it out: sorted by word, one table per field.
mod dictionary {
    include!(concat!(env!("OUT_DIR"), "/jieba_tags.rs"));

    /// The words, one after the other.
    static WORDS_TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/jieba_words.txt"));
    static ENDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/jieba_ends.bin"));
    static FREQS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/jieba_freqs.bin"));
    static TAG_IDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/jieba_tags.bin"));

    fn read_u32(table: &[u8], i: usize) -> u32 {
        let b = &table[i * 4..i * 4 + 4];
        u32::from_le_bytes([b[0], b[1], b[2], b[3]])
    }

    /// Word `i`.
    pub(crate) fn word(i: usize) -> &'static str {
        let start = if i == 0 { 0 } else { read_u32(ENDS, i - 1) as usize };
        &WORDS_TEXT[start..read_u32(ENDS, i) as usize]
    }

    /// Word `i`'s frequency.
    pub(crate) fn freq(i: usize) -> usize {
        read_u32(FREQS, i) as usize
    }

    /// Word `i`'s part-of-speech tag.
    pub(crate) fn tag(i: usize) -> &'static str {
        TAGS[TAG_IDS[i] as usize]
    }

    /// Every entry, as jieba's `add_word` takes it.
    pub(crate) fn entries() -> impl Iterator<Item = (&'static str, usize, &'static str)> {
        let mut start = 0;
        (0..WORDS).map(move |i| {
            let end = read_u32(ENDS, i) as usize;
            let word = &WORDS_TEXT[start..end];
            start = end;
            (word, freq(i), TAGS[TAG_IDS[i] as usize])
        })
    }

    /// Call `found(i)` for every dictionary word `i` written in `text` (at every character, the
    /// words beginning there: the range of words with the prefix read so far narrows by binary
    /// search, one more character at a time, until it is empty).
    pub(crate) fn words_in(text: &str, mut found: impl FnMut(usize)) {
        for (start, _) in text.char_indices() {
            let (mut lo, mut hi) = (0, WORDS);
            for (offset, c) in text[start..].char_indices() {
                let prefix = &text[start..start + offset + c.len_utf8()];
                lo += partition(lo, hi, |w| w < prefix);
                hi = lo + partition(lo, hi, |w| w.starts_with(prefix));
                if lo == hi {
                    break;
                }
                if word(lo) == prefix {
                    found(lo);
                }
            }
        }
    }

    /// How many of the words `lo..hi` (in order) satisfy `pred`, which holds for a leading run.
    fn partition(lo: usize, hi: usize, pred: impl Fn(&str) -> bool) -> usize {
        let (mut a, mut b) = (lo, hi);
        while a < b {
            let mid = a + (b - a) / 2;
            if pred(word(mid)) { a = mid + 1 } else { b = mid }
        }
        a - lo
    }
}

/// The full segmenter, loaded once.
static FULL: OnceLock<Jieba> = OnceLock::new();

/// The process-wide segmenter with jieba's whole default dictionary (the same words,
/// frequencies and tags as `Jieba::new()`), built on first use; a caller that comes while another
/// thread builds it waits for that one.
pub fn jieba() -> &'static Jieba {
    FULL.get_or_init(load_dictionary)
}

/// A new segmenter with jieba's whole default dictionary, built from the build-time tables
/// (what [`jieba`] does once per process; the same segmenter as `Jieba::new()`, built faster).
pub fn load_dictionary() -> Jieba {
    let mut jieba = Jieba::empty();
    for (word, freq, tag) in dictionary::entries() {
        jieba.add_word(word, Some(freq), Some(tag));
    }
    jieba
}

/// Start loading the full segmenter on a thread of its own, once per process; [`with_jieba`]
/// does not wait for it (and calls this itself). Call it as early as possible (the batch binary
/// does so first thing).
pub fn load_in_background() {
    static STARTED: Once = Once::new();
    STARTED.call_once(|| {
        let spawned = std::thread::Builder::new().name("jieba-dictionary".into()).spawn(|| {
            jieba();
        });
        // Without a thread, the first caller loads it.
        drop(spawned);
    });
}

/// A word no text handed to the partial segmenter contains (texts with its first character go
/// to the full one): its frequency makes up the rest of the dictionary's total, so that every
/// word's log-probability is the same as with the full dictionary.
const FILLER: &str = "\u{FDD0}\u{FDD1}";

/// A segmenter with the dictionary words of the texts it was given so far, one per thread.
struct Partial {
    jieba: Jieba,
    /// Which dictionary words it has (a bit per word).
    added: Vec<u64>,
    /// Sum of their frequencies.
    sum: usize,
}

impl Partial {
    fn new() -> Self {
        let mut jieba = Jieba::empty();
        jieba.add_word(FILLER, Some(dictionary::TOTAL), Some("x"));
        Partial { jieba, added: vec![0; dictionary::WORDS.div_ceil(64)], sum: 0 }
    }

    /// Add the dictionary words written in `text`.
    fn learn(&mut self, text: &str) {
        let before = self.sum;
        dictionary::words_in(text, |i| {
            let bit = 1u64 << (i % 64);
            if self.added[i / 64] & bit == 0 {
                self.added[i / 64] |= bit;
                let freq = dictionary::freq(i);
                self.jieba.add_word(dictionary::word(i), Some(freq), Some(dictionary::tag(i)));
                self.sum += freq;
            }
        });
        if self.sum != before {
            self.jieba.add_word(FILLER, Some(dictionary::TOTAL - self.sum), Some("x"));
        }
    }
}

thread_local! {
    static PARTIAL: RefCell<Option<Partial>> = const { RefCell::new(None) };
}

/// Run `f` with a segmenter that answers exactly as [`jieba`] does for `text` and any part of
/// it (segmenting, tagging, `has_word`, `suggest_freq`, `cut_for_search`): the full one when it
/// is loaded, else this thread's partial one, taught the dictionary words of `text` first.
pub fn with_jieba<R>(text: &str, f: impl FnOnce(&Jieba) -> R) -> R {
    if let Some(full) = FULL.get() {
        return f(full);
    }
    // A library user who did not start the load gets it started here, so that the partial
    // segmenters serve only the first documents.
    load_in_background();
    if text.contains(FILLER.chars().next().unwrap_or_default()) {
        return f(jieba());
    }
    PARTIAL.with(|cell| match cell.try_borrow_mut() {
        Ok(mut slot) => {
            let partial = slot.get_or_insert_with(Partial::new);
            partial.learn(text);
            f(&partial.jieba)
        }
        // `f` itself asked for a segmenter: the full one.
        Err(_) => f(jieba()),
    })
}

/// Whether jieba's dictionary has `word`.
pub fn has_word(word: &str) -> bool {
    with_jieba(word, |j| j.has_word(word))
}

/// A tag with the lifetime of the program: jieba's tags are a few dozen strings.
fn static_tag(tag: &str) -> &'static str {
    if let Some(t) = dictionary::TAGS.iter().find(|t| **t == tag) {
        return t;
    }
    static OTHERS: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());
    let mut others = OTHERS.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(t) = others.iter().find(|t| **t == tag) {
        return t;
    }
    let t: &'static str = Box::leak(tag.into());
    others.push(t);
    t
}

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
    words_at(text, 0)
}

/// Segment `text[range]` and report spans in `text`'s offsets.
pub fn words_in(text: &str, range: Range<usize>) -> Vec<Word<'_>> {
    let base = range.start;
    words_at(&text[range], base)
}

/// Segment `text` with spans moved on by `base`: one vector, built as jieba hands out its words
/// (a second pass to move the spans would build and free another).
fn words_at(text: &str, base: usize) -> Vec<Word<'_>> {
    if let Some(full) = FULL.get() {
        return full
            .tag(text, true)
            .into_iter()
            .map(|t| Word { text: t.word, tag: t.tag, start: base + t.byte_start, end: base + t.byte_end })
            .collect();
    }
    with_jieba(text, |j| {
        j.tag(text, true)
            .into_iter()
            .map(|t| Word {
                text: &text[t.byte_start..t.byte_end],
                tag: static_tag(t.tag),
                start: base + t.byte_start,
                end: base + t.byte_end,
            })
            .collect()
    })
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

    /// The fixtures' texts, and the seeds' when the shared corpus is beside the repository.
    fn sample_texts() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = Vec::new();
        for dir in [root.join("fixtures"), root.join("../shared/corpus/seeds")] {
            let Ok(entries) = std::fs::read_dir(&dir) else { continue };
            let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            for path in paths {
                if path.extension().is_some_and(|e| e == "txt" || e == "html") {
                    texts.extend(std::fs::read_to_string(&path).ok());
                }
            }
        }
        assert!(texts.len() >= 7, "the fixtures are there");
        texts
    }

    /// Everything the extractors ask jieba about `text`, as comparable values.
    fn answers(j: &Jieba, text: &str) -> Vec<String> {
        let mut out: Vec<String> = j.tag(text, true).iter().map(|t| format!("{}/{}@{}", t.word, t.tag, t.byte_start)).collect();
        out.extend(j.tag(text, false).iter().map(|t| format!("{}/{}", t.word, t.tag)));
        out.extend(j.cut_for_search(text, false).iter().map(|t| format!("{}@{}", t.word, t.byte_start)));
        for t in j.cut(text, false) {
            out.push(format!("{} {} {}", t.word, j.has_word(t.word), j.suggest_freq(t.word)));
        }
        out
    }

    #[test]
    fn segment_matches_stock_jieba() {
        let stock = Jieba::new();
        let full = load_dictionary();
        for text in sample_texts() {
            let mut partial = Partial::new();
            for range in sentences(&text) {
                let sentence = &text[range];
                let expected = answers(&stock, sentence);
                assert_eq!(answers(&full, sentence), expected, "full dictionary on {sentence:?}");
                partial.learn(sentence);
                assert_eq!(answers(&partial.jieba, sentence), expected, "partial dictionary on {sentence:?}");
            }
            assert_eq!(answers(&full, &text), answers(&stock, &text));
        }
    }

    #[test]
    fn words_in_a_range_are_the_range_s_words_moved_on() {
        let text = "据介绍,全市新签约亿元以上项目52个,总投资116.68亿元。";
        let range = text.find("全市").unwrap()..text.find(',').map(|k| k + 1).and_then(|k| text[k..].find(',').map(|j| k + j)).unwrap();
        let moved: Vec<_> =
            words(&text[range.clone()]).into_iter().map(|w| Word { start: w.start + range.start, end: w.end + range.start, ..w }).collect();
        assert_eq!(words_in(text, range), moved);
    }

    #[test]
    fn the_dictionary_is_jiebas() {
        let stock = Jieba::new();
        let full = load_dictionary();
        // Every word, tagged alone, the same way (its tag, or how it splits).
        for (i, (word, _, _)) in dictionary::entries().enumerate().filter(|(i, _)| i % 7 == 0) {
            let tags = |j: &Jieba| j.tag(word, false).iter().map(|t| format!("{}/{}", t.word, t.tag)).collect::<Vec<_>>();
            assert_eq!(tags(&full), tags(&stock), "word {i} {word}");
            assert_eq!(full.suggest_freq(word), stock.suggest_freq(word), "word {i} {word}");
        }
        assert_eq!(format!("{full:?}"), format!("{stock:?}"));
    }

    #[test]
    fn the_partial_dictionary_finds_every_word_in_a_text() {
        let text = "兴平市招商局新签约项目52个";
        let mut found = Vec::new();
        dictionary::words_in(text, |i| found.push(dictionary::word(i)));
        for w in ["兴平", "招商", "招商局", "新", "签约", "项目", "个"] {
            assert!(found.contains(&w), "{w} in {found:?}");
        }
        assert!(found.iter().all(|w| text.contains(w)));
        let mut partial = Partial::new();
        partial.learn(text);
        assert_eq!(
            format!("{:?}", partial.jieba),
            format!("Jieba {{ records_len: {}, total_freq: {} }}", found.len() + 1, dictionary::TOTAL)
        );
    }

    #[test]
    fn a_text_with_the_filler_goes_to_the_full_dictionary() {
        let text = format!("项目{FILLER}52个");
        let expected: Vec<_> = Jieba::new().tag(&text, true).iter().map(|t| (t.word.to_owned(), t.tag.to_owned())).collect();
        let got = with_jieba(&text, |j| j.tag(&text, true).iter().map(|t| (t.word.to_owned(), t.tag.to_owned())).collect::<Vec<_>>());
        assert_eq!(got, expected);
    }

    #[test]
    fn sentences_split_on_terminators_and_lines() {
        let text = "一是项目增多。二是资金到位!\n三是服务";
        let s: Vec<_> = sentences(text).map(|r| &text[r]).collect();
        assert_eq!(s, ["一是项目增多。", "二是资金到位!", "三是服务"]);
        assert_eq!(&text[sentence_at(text, text.find("资金").unwrap())], "二是资金到位!");
    }
}
