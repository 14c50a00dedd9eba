//! Character classes as bitmaps, for the loops that test every character of a text (where a
//! number may start, where a time expression may begin).

/// A class of characters given by a predicate: answered for the Basic Multilingual Plane by a
/// bitmap (8 KB) built once, and for the characters beyond it by the predicate itself.
pub(crate) struct CharClass {
    bmp: Box<[u64]>,
    member: fn(char) -> bool,
}

impl CharClass {
    /// The class of the characters for which `member` holds.
    pub(crate) fn new(member: fn(char) -> bool) -> CharClass {
        let mut bmp = vec![0u64; 0x10000 / 64].into_boxed_slice();
        for c in (0..0x10000u32).filter_map(char::from_u32).filter(|&c| member(c)) {
            bmp[c as usize / 64] |= 1 << (c as usize % 64);
        }
        CharClass { bmp, member }
    }

    /// Whether `c` is in the class.
    #[inline]
    pub(crate) fn contains(&self, c: char) -> bool {
        match self.bmp.get(c as usize / 64) {
            Some(word) => word & (1 << (c as usize % 64)) != 0,
            None => (self.member)(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_its_predicate() {
        let member: fn(char) -> bool = |c| c.is_ascii_digit() || c == '十' || c == '𠀀';
        let class = CharClass::new(member);
        for c in ['0', '9', '十', '𠀀', 'a', '百', '\u{FFFF}', '\u{10FFFF}'] {
            assert_eq!(class.contains(c), member(c), "{c:?}");
        }
    }
}
