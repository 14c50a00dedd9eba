//! Traditional → simplified conversion at phrase level, with offsets kept.
//!
//! Two backends behind one [`Converter`] trait:
//! - [`Hanconv`] (default, pure Rust): OpenCC's dictionaries as bundled by the `hanconv` crate,
//!   applied with OpenCC's own longest-match rule, one dictionary after another. Because this
//!   crate drives the matching itself, every phrase replacement is known and recorded.
//! - `Opencc` (cargo feature `opencc`): the system OpenCC library through `opencc-rust`. OpenCC
//!   returns only the converted string, so offsets are recovered by aligning input and output.
//!
//! Most conversions replace a character by one of the same UTF-8 length and need no edit at
//! all; only replacements that change byte lengths are recorded.

use std::borrow::Cow;
use std::sync::OnceLock;

use hanconv::Trie;
use serde::{Deserialize, Serialize};

use super::offset::{OffsetMap, StageEdits};

/// Which OpenCC conversion to apply.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Variant {
    /// Traditional (OpenCC standard) → simplified.
    #[default]
    T2s,
    /// Taiwan traditional → mainland simplified, with mainland phrasing (`軟體` → `软件`).
    Tw2sp,
    /// Hong Kong traditional → simplified.
    Hk2s,
}

impl std::str::FromStr for Variant {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "t2s" => Ok(Variant::T2s),
            "tw2sp" => Ok(Variant::Tw2sp),
            "hk2s" => Ok(Variant::Hk2s),
            _ => Err(crate::Error::parse(s, "a conversion variant", "expected t2s, tw2sp or hk2s")),
        }
    }
}

/// Converts traditional script to simplified, recording how byte offsets move.
pub trait Converter: Send + Sync {
    /// Convert `text`; push the edits of each internal pass onto `map`. Returns the text
    /// borrowed when nothing changed.
    fn convert<'a>(&self, text: &'a str, map: &mut OffsetMap) -> Cow<'a, str>;
}

/// The pure-Rust backend: OpenCC's dictionaries, bundled by `hanconv`.
///
/// The dictionaries are built on first use (once per process, shared by every `Hanconv`), so
/// simplified-only workloads never pay for them.
pub struct Hanconv {
    variant: Variant,
    passes: OnceLock<Vec<&'static Trie<&'static str>>>,
}

impl Hanconv {
    /// The converter for `variant`.
    pub fn new(variant: Variant) -> Self {
        Hanconv { variant, passes: OnceLock::new() }
    }

    fn passes(&self) -> &[&'static Trie<&'static str>] {
        self.passes.get_or_init(|| {
            use hanconv::Converters;
            match self.variant {
                Variant::T2s => Converters::T2S,
                Variant::Tw2sp => Converters::TW2SP,
                Variant::Hk2s => Converters::HK2S,
            }
            .dictionaries()
        })
    }
}

impl Converter for Hanconv {
    fn convert<'a>(&self, text: &'a str, map: &mut OffsetMap) -> Cow<'a, str> {
        let mut current = Cow::Borrowed(text);
        for trie in self.passes() {
            let (next, edits) = convert_pass(trie, &current);
            map.push_stage(edits);
            if let Some(next) = next {
                current = Cow::Owned(next);
            }
        }
        current
    }
}

/// One longest-match pass of one dictionary; `None` when the text did not change.
fn convert_pass(trie: &Trie<&'static str>, text: &str) -> (Option<String>, StageEdits) {
    let mut edits = StageEdits::new();
    let mut out: Option<String> = None;
    let mut pos = 0;
    let bytes = text.as_bytes();
    while pos < text.len() {
        // Dictionary keys are Han text: skip ASCII runs without lookups.
        if bytes[pos] < 0x80 {
            let run = bytes[pos..].iter().position(|&b| b >= 0x80).unwrap_or(bytes.len() - pos);
            if let Some(o) = out.as_mut() {
                o.push_str(&text[pos..pos + run]);
            }
            pos += run;
            continue;
        }
        let rest = &text[pos..];
        let Some((replacement, chars)) = trie.r#match(rest.chars()) else {
            let c = rest.chars().next().map_or(1, char::len_utf8);
            if let Some(o) = out.as_mut() {
                o.push_str(&rest[..c]);
            }
            pos += c;
            continue;
        };
        let src_len = rest.char_indices().nth(chars).map_or(rest.len(), |(i, _)| i);
        let src = &rest[..src_len];
        let replacement: &str = replacement;
        if replacement != src {
            let o = out.get_or_insert_with(|| {
                let mut o = String::with_capacity(text.len());
                o.push_str(&text[..pos]);
                o
            });
            record(&mut edits, o.len(), pos, src, replacement);
            o.push_str(replacement);
        } else if let Some(o) = out.as_mut() {
            o.push_str(src);
        }
        pos += src_len;
    }
    (out, edits)
}

/// Record the replacement of `src` (at input offset `input_at`) by `replacement` (at output
/// offset `out_at`). Equal character counts are aligned character by character so that spans
/// inside a converted phrase stay exact; otherwise the phrase is one edit.
fn record(edits: &mut StageEdits, out_at: usize, input_at: usize, src: &str, replacement: &str) {
    if src.len() == replacement.len() && src.chars().zip(replacement.chars()).all(|(a, b)| a.len_utf8() == b.len_utf8()) {
        return;
    }
    if src.chars().count() == replacement.chars().count() {
        let (mut o, mut i) = (out_at, input_at);
        for (a, b) in src.chars().zip(replacement.chars()) {
            if a.len_utf8() != b.len_utf8() {
                edits.push(o..o + b.len_utf8(), i..i + a.len_utf8());
            }
            o += b.len_utf8();
            i += a.len_utf8();
        }
    } else {
        edits.push(out_at..out_at + replacement.len(), input_at..input_at + src.len());
    }
}

/// The system OpenCC library (cargo feature `opencc`).
#[cfg(feature = "opencc")]
pub struct Opencc {
    inner: opencc_rust::OpenCC,
}

#[cfg(feature = "opencc")]
impl Opencc {
    /// Open the system OpenCC configuration for `variant`.
    pub fn new(variant: Variant) -> crate::Result<Self> {
        use opencc_rust::DefaultConfig;
        let config = match variant {
            Variant::T2s => DefaultConfig::T2S,
            Variant::Tw2sp => DefaultConfig::TW2SP,
            Variant::Hk2s => DefaultConfig::HK2S,
        };
        let inner = opencc_rust::OpenCC::new(config)
            .map_err(|e| crate::Error::NotText(format!("cannot open OpenCC configuration {config:?}: {e}")))?;
        Ok(Opencc { inner })
    }
}

#[cfg(feature = "opencc")]
impl Converter for Opencc {
    fn convert<'a>(&self, text: &'a str, map: &mut OffsetMap) -> Cow<'a, str> {
        let converted = self.inner.convert(text);
        if converted == text {
            return Cow::Borrowed(text);
        }
        let mut edits = StageEdits::new();
        if converted.chars().count() == text.chars().count() {
            record(&mut edits, 0, 0, text, &converted);
            map.push_stage(edits);
            return Cow::Owned(converted);
        }
        // Phrases changed length somewhere: align line by line, each line exactly where its
        // character count is kept, else as one edit.
        let mut out = String::with_capacity(converted.len());
        let mut input_at = 0;
        for line in text.split_inclusive('\n') {
            let conv = self.inner.convert(line);
            if conv.chars().count() == line.chars().count() {
                record(&mut edits, out.len(), input_at, line, &conv);
            } else if conv.len() != line.len() {
                edits.push(out.len()..out.len() + conv.len(), input_at..input_at + line.len());
            }
            out.push_str(&conv);
            input_at += line.len();
        }
        map.push_stage(edits);
        Cow::Owned(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_phrases_and_keeps_offsets() {
        let original = "貴港市召開產業鏈招商工作成效新聞發佈會";
        let mut map = OffsetMap::identity();
        let text = Hanconv::new(Variant::T2s).convert(original, &mut map);
        assert_eq!(text, "贵港市召开产业链招商工作成效新闻发布会");
        let a = text.find("产业链").unwrap();
        assert_eq!(&original[map.to_original(a..a + "产业链".len())], "產業鏈");
    }

    #[test]
    fn simplified_passes_through_borrowed() {
        let mut map = OffsetMap::identity();
        let text = Hanconv::new(Variant::T2s).convert("新签约项目52个", &mut map);
        assert!(matches!(text, Cow::Borrowed(_)));
        assert!(map.is_identity());
    }

    #[test]
    fn taiwan_phrasing() {
        let mut map = OffsetMap::identity();
        let original = "軟體產業";
        let text = Hanconv::new(Variant::Tw2sp).convert(original, &mut map);
        assert_eq!(text, "软件产业");
    }
}
