//! Width folding: full-width ASCII forms (`１２３`, `％`, `，`) and the ideographic space U+3000
//! become ASCII; half-width katakana and the like become their ordinary forms.
//!
//! This is NFKC restricted to the Halfwidth and Fullwidth Forms block (U+FF00–U+FFEF) and U+3000.
//! Full NFKC would also rewrite `①` to `1`, `㎡` to `m2` and `½` to `1⁄2`, silently changing what
//! a text says; those characters are left alone.

use std::borrow::Cow;

use unicode_normalization::char::decompose_compatible;

use super::offset::StageEdits;

/// Whether `c` is folded by this stage.
pub fn is_foldable(c: char) -> bool {
    matches!(c, '\u{3000}' | '\u{FF01}'..='\u{FFEE}')
}

/// Fold `c`, or return it unchanged.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{FF5F}'..='\u{FFEE}' => {
            let mut one = None;
            let mut n = 0;
            decompose_compatible(c, |d| {
                one = Some(d);
                n += 1;
            });
            match (one, n) {
                (Some(d), 1) => d,
                _ => c,
            }
        }
        _ => c,
    }
}

/// Fold widths; returns the text (borrowed when nothing changed) and the edits.
pub fn fold(text: &str) -> (Cow<'_, str>, StageEdits) {
    let bytes = text.as_bytes();
    let mut edits = StageEdits::new();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut search = 0;
    // Every foldable character is encoded starting with 0xE3 (U+3000) or 0xEF (U+FFxx). Both
    // bytes only ever lead a three-byte character, whose code is put together from its bytes
    // (CJK punctuation, `。`, `、`, `《`, also starts with 0xE3 and is passed over quickly).
    while let Some(rel) = memchr::memchr2(0xE3, 0xEF, &bytes[search..]) {
        let at = search + rel;
        search = at + 1;
        let &[b0, b1, b2, ..] = &bytes[at..] else { break };
        let code = (u32::from(b0 & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
        let Some(c) = char::from_u32(code).filter(|&c| is_foldable(c)) else {
            search = at + 3;
            continue;
        };
        let folded = fold_char(c);
        if folded == c {
            continue;
        }
        let buf = out.get_or_insert_with(|| String::with_capacity(text.len()));
        buf.push_str(&text[copied..at]);
        let out_start = buf.len();
        buf.push(folded);
        let end = at + c.len_utf8();
        if folded.len_utf8() != c.len_utf8() {
            edits.push(out_start..buf.len(), at..end);
        }
        copied = end;
        search = end;
    }
    match out {
        None => (Cow::Borrowed(text), edits),
        Some(mut buf) => {
            buf.push_str(&text[copied..]);
            (Cow::Owned(buf), edits)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_full_width_ascii_and_ideographic_space() {
        assert_eq!(fold("增长１１．７３％，").0, "增长11.73%,");
        assert_eq!(fold("主持人：\u{3000}好").0, "主持人: 好");
        assert_eq!(fold("ＡＢＣ１２３").0, "ABC123");
    }

    #[test]
    fn leaves_meaningful_compatibility_characters() {
        for s in ["①②", "100㎡", "½", "㈠", "℃", "二〇二三年", "，"] {
            let (t, _) = fold(s);
            if s == "，" {
                assert_eq!(t, ",");
            } else {
                assert_eq!(t, s, "{s} must not change");
                assert!(matches!(t, Cow::Borrowed(_)));
            }
        }
    }

    #[test]
    fn folds_exactly_the_foldable_characters() {
        // Every character of the three-byte range, alone and between CJK punctuation (which
        // shares the lead byte 0xE3), folds as `fold_char` says.
        for c in (0x800..=0xFFFFu32).filter_map(char::from_u32) {
            let folded = fold_char(c);
            let expected = if is_foldable(c) { folded } else { c };
            assert_eq!(fold(&c.to_string()).0, expected.to_string(), "{c:?}");
            assert_eq!(fold(&format!("。{c}、")).0, format!("。{expected}、"), "{c:?}");
        }
        assert_eq!(fold("、\u{3000}《１》").0, "、 《1》");
    }

    #[test]
    fn half_width_katakana_widen() {
        assert_eq!(fold("ｶﾀｶﾅ").0, "カタカナ");
    }

    #[test]
    fn spans_map_back() {
        let original = "投资１．８５亿元";
        let (text, edits) = fold(original);
        let mut map = crate::normalize::OffsetMap::identity();
        map.push_stage(edits);
        let a = text.find('1').unwrap();
        assert_eq!(&original[map.to_original(a..text.len())], "１．８５亿元");
        assert_eq!(&original[map.to_original(a..a + 4)], "１．８５");
    }
}
