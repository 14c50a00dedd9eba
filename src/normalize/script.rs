//! Which script a text is written in: simplified, traditional or a mix.
//!
//! One pass over the characters, counting those that exist only in traditional script (they
//! change under traditional→simplified conversion) and those that exist only in simplified
//! script. Both sets come from OpenCC's character tables (as bundled with hanconv) and are built
//! once per process into bitmaps, so the scan is a table lookup per character.

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

/// The script of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Script {
    /// Simplified characters only (or practically only).
    Simplified,
    /// Traditional characters (or practically only).
    Traditional,
    /// Both in earnest.
    Mixed,
}

impl Script {
    /// The name used in the JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Script::Simplified => "simplified",
            Script::Traditional => "traditional",
            Script::Mixed => "mixed",
        }
    }
}

/// Whether `c` is a Han character (CJK unified ideographs and their extensions, compatibility
/// ideographs, and `〇`).
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x323AF | 0x3007)
}

/// Counts of script-specific characters in a text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScriptCounts {
    /// Characters that exist only in traditional script.
    pub traditional: usize,
    /// Characters that exist only in simplified script.
    pub simplified: usize,
}

impl ScriptCounts {
    /// The script these counts suggest. A text is called one script when the other's characters
    /// are under a tenth of its own (names and quotations bring a few strays into any text).
    pub fn script(self) -> Script {
        let ScriptCounts { traditional: t, simplified: s } = self;
        if t == 0 || s >= 10 * t {
            Script::Simplified
        } else if t >= 10 * s {
            Script::Traditional
        } else {
            Script::Mixed
        }
    }
}

const PLANES: usize = 0x30000;

struct CharSets {
    traditional_only: Vec<u64>,
    simplified_only: Vec<u64>,
}

/// The two sets over the Basic Multilingual Plane side by side, traditional then simplified,
/// for the scan: a word pair per 64 code points.
fn bmp_pairs(sets: &CharSets) -> Box<[[u64; 2]; 1024]> {
    let mut pairs = Box::new([[0u64; 2]; 1024]);
    for (i, pair) in pairs.iter_mut().enumerate() {
        *pair = [sets.traditional_only[i], sets.simplified_only[i]];
    }
    pairs
}

fn bit(set: &[u64], c: char) -> bool {
    let i = c as usize;
    i < PLANES && set[i / 64] & (1 << (i % 64)) != 0
}

fn set_bit(set: &mut [u64], c: char) {
    let i = c as usize;
    if i < PLANES {
        set[i / 64] |= 1 << (i % 64);
    }
}

static SETS: LazyLock<CharSets> = LazyLock::new(|| {
    use hanconv::RawDictionary::{STCharacters, TSCharacters};
    let single = |s: &str| {
        let mut it = s.chars();
        match (it.next(), it.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        }
    };
    let mut trad = vec![0u64; PLANES / 64];
    let mut simp = vec![0u64; PLANES / 64];
    for (k, v) in TSCharacters.iter() {
        if let (Some(k), Some(v)) = (single(k), single(v))
            && k != v
        {
            set_bit(&mut trad, k);
        }
    }
    for (k, v) in STCharacters.iter() {
        if let (Some(k), Some(v)) = (single(k), single(v))
            && k != v
        {
            set_bit(&mut simp, k);
        }
    }
    // A character that both tables would convert (乾, 著 ...) is evidence of neither.
    for i in 0..trad.len() {
        let both = trad[i] & simp[i];
        trad[i] &= !both;
        simp[i] &= !both;
    }
    // Characters below U+3400 count for neither (no Han character is there).
    for i in 0..0x3400 / 64 {
        trad[i] = 0;
        simp[i] = 0;
    }
    CharSets { traditional_only: trad, simplified_only: simp }
});

static BMP_PAIRS: LazyLock<Box<[[u64; 2]; 1024]>> = LazyLock::new(|| bmp_pairs(&SETS));

/// Count script-specific characters.
///
/// The text is read byte by byte: a three-byte character (all the CJK ones) is looked up by its
/// bytes without being decoded, ASCII is passed over, and only the rare others are decoded.
pub fn count(text: &str) -> ScriptCounts {
    let sets = &*SETS;
    let pairs = &**BMP_PAIRS;
    let (mut traditional, mut simplified) = (0u64, 0u64);
    let mut rest = text.as_bytes();
    loop {
        match *rest {
            [b0, b1, b2, ref tail @ ..] if b0 & 0xF0 == 0xE0 => {
                // U+0800–U+FFFF: the bits of the code point are the low bits of the bytes. The
                // two sets are disjoint: at most one of these adds one.
                let [t, s] = pairs[(usize::from(b0 & 0x0F) << 6) | usize::from(b1 & 0x3F)];
                let bit = b2 & 0x3F;
                traditional += (t >> bit) & 1;
                simplified += (s >> bit) & 1;
                rest = tail;
            }
            [b0, ref tail @ ..] if b0.is_ascii() => rest = tail,
            [_, ..] => {
                let Some(c) = text.get(text.len() - rest.len()..).and_then(|s| s.chars().next()) else { break };
                if bit(&sets.traditional_only, c) {
                    traditional += 1;
                } else if bit(&sets.simplified_only, c) {
                    simplified += 1;
                }
                rest = rest.get(c.len_utf8()..).unwrap_or_default();
            }
            [] => break,
        }
    }
    ScriptCounts { traditional: traditional as usize, simplified: simplified as usize }
}

/// Detect the script of a text.
pub fn detect(text: &str) -> Script {
    count(text).script()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_scripts() {
        assert_eq!(detect("新签约项目52个，总投资116.68亿元"), Script::Simplified);
        assert_eq!(detect("全市新簽約項目247個，合同投資額890.15億元"), Script::Traditional);
        assert_eq!(detect("全市新簽約項目247個，新签约项目52个，总投资"), Script::Mixed);
        assert_eq!(detect("2023 abc"), Script::Simplified);
    }

    /// The per-character definition the byte-level scan must agree with.
    fn count_by_chars(text: &str) -> ScriptCounts {
        let sets = &*SETS;
        let mut counts = ScriptCounts::default();
        for c in text.chars().filter(|&c| c as u32 >= 0x3400) {
            if bit(&sets.traditional_only, c) {
                counts.traditional += 1;
            } else if bit(&sets.simplified_only, c) {
                counts.simplified += 1;
            }
        }
        counts
    }

    #[test]
    fn byte_scan_agrees_with_chars() {
        // Every character, one at a time and all in one text (one, two, three and four bytes).
        let all: String = (0..=0x10FFFFu32).filter_map(char::from_u32).collect();
        for c in all.chars() {
            let s = c.to_string();
            assert_eq!(count(&s), count_by_chars(&s), "{c:?} U+{:04X}", c as u32);
        }
        assert_eq!(count(&all), count_by_chars(&all));
        let counts = count(&all);
        assert!(counts.traditional > 1000 && counts.simplified > 1000, "{counts:?}");
        for s in ["", "a", "é", "簽約a項目é𠀀个", "〇一二", "abc\u{3000}簽"] {
            assert_eq!(count(s), count_by_chars(s), "{s}");
        }
    }

    #[test]
    fn han() {
        assert!(is_han('中') && is_han('〇') && is_han('𠀀'));
        assert!(!is_han('a') && !is_han('，') && !is_han('①'));
    }
}
