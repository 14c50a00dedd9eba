//! Normalization: the original text → one canonical form the extractors read, with an
//! [`OffsetMap`] back to the original.
//!
//! The stages, in order, each `&str → Cow<str>` plus the edits it made:
//! 0. [`html`] (pages only, feature `html`): the text a page shows, aligned with its source;
//! 1. [`pinyin`]: strip pinyin annotations inserted after Han characters (`召開(kāi)`);
//! 2. [`width`]: fold full-width ASCII and U+3000 to ASCII (guarded NFKC);
//! 3. [`script`]: detect simplified / traditional / mixed (a scan, no edit);
//! 4. [`convert`]: traditional → simplified at phrase level, only when the scan found
//!    traditional characters.
//!
//! Text that needs none of this (simplified, half-width, no annotations) is never copied: the
//! result borrows the input and the map is the identity.
//!
//! ```
//! use gongbao::normalize::Normalizer;
//!
//! let original = "新簽約項(xiàng)目２４７個";
//! let n = Normalizer::default().normalize(original);
//! assert_eq!(n.text, "新签约项目247个");
//! let at = n.text.find("247").unwrap();
//! let span = n.map.to_original(at..n.text.len());
//! assert_eq!(&original[span], "２４７個");
//! ```

pub mod convert;
#[cfg(feature = "html")]
pub mod html;
pub mod offset;
pub mod pinyin;
pub mod script;
pub mod width;

use std::borrow::Cow;

pub use convert::{Converter, Hanconv, Variant};
pub use offset::{Edit, OffsetMap, StageEdits};
pub use script::Script;

/// A normalized text and how to get back to the original.
#[derive(Debug, Clone)]
pub struct Normalized<'a> {
    /// The normalized text: no pinyin annotations, half-width ASCII, simplified script.
    pub text: Cow<'a, str>,
    /// Normalized byte offsets → original byte offsets.
    pub map: OffsetMap,
    /// The script of the original text.
    pub script: Script,
}

/// The normalization pipeline, with its traditional→simplified converter.
pub struct Normalizer {
    converter: Box<dyn Converter>,
}

impl Default for Normalizer {
    fn default() -> Self {
        Normalizer::new(Variant::default())
    }
}

impl std::fmt::Debug for Normalizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Normalizer").finish_non_exhaustive()
    }
}

impl Normalizer {
    /// The pure-Rust pipeline converting with `variant`.
    pub fn new(variant: Variant) -> Self {
        Normalizer { converter: Box::new(Hanconv::new(variant)) }
    }

    /// A pipeline with another converter (such as `convert::Opencc`).
    pub fn with_converter(converter: Box<dyn Converter>) -> Self {
        Normalizer { converter }
    }

    /// Normalize `original`.
    pub fn normalize<'a>(&self, original: &'a str) -> Normalized<'a> {
        let mut map = OffsetMap::identity();
        let (text, edits) = pinyin::strip(original);
        map.push_stage(edits);
        let text = then(text, |t| {
            let (folded, edits) = width::fold(t);
            map.push_stage(edits);
            folded
        });
        let counts = script::count(&text);
        let script = counts.script();
        let text = if counts.traditional > 0 { then(text, |t| self.converter.convert(t, &mut map)) } else { text };
        Normalized { text, map, script }
    }
}

impl Normalizer {
    /// Normalize an HTML page: its text (see [`html`]), then the usual stages. The map
    /// leads back to the HTML source.
    #[cfg(feature = "html")]
    pub fn normalize_html(&self, html: &str) -> Normalized<'static> {
        let converted = html::convert(html);
        let Normalized { text, mut map, script } = self.normalize(&converted.text);
        // The page's text itself when no stage changed it (not a copy of it).
        let changed = match text {
            Cow::Borrowed(_) => None,
            Cow::Owned(text) => Some(text),
        };
        map.prepend_stage(converted.edits);
        Normalized { text: Cow::Owned(changed.unwrap_or(converted.text)), map, script }
    }
}

/// Apply a stage to the output of the previous one, keeping the borrow of the original when
/// the stage changed nothing.
fn then<'a>(prev: Cow<'a, str>, stage: impl FnOnce(&str) -> Cow<'_, str>) -> Cow<'a, str> {
    let changed = match stage(&prev) {
        Cow::Borrowed(_) => None,
        Cow::Owned(s) => Some(s),
    };
    match changed {
        None => prev,
        Some(s) => Cow::Owned(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn untouched_text_is_borrowed() {
        let n = Normalizer::default().normalize("新签约项目52个,总投资116.68亿元。");
        assert!(matches!(n.text, Cow::Borrowed(_)));
        assert!(n.map.is_identity());
        assert_eq!(n.script, Script::Simplified);
    }

    #[test]
    fn all_stages_compose() {
        let original = "合同投資額８９０．１５億(yì)元，高21.5個(gè)百分點(diǎn)";
        let n = Normalizer::default().normalize(original);
        assert_eq!(n.text, "合同投资额890.15亿元,高21.5个百分点");
        assert_eq!(n.script, Script::Traditional);
        let a = n.text.find("890").unwrap();
        let b = n.text.find(',').unwrap();
        assert_eq!(&original[n.map.to_original(a..b)], "８９０．１５億(yì)元");
        let c = n.text.find("21.5").unwrap();
        assert_eq!(&original[n.map.to_original(c..n.text.len())], "21.5個(gè)百分點");
    }
}
