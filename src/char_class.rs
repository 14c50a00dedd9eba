//! Character classes as bitmaps, for the loops that test every character of a text (where a
//! number may start, where a time expression may begin).

/// The bitmap's 64-bit words, for the 65,536 characters of the Basic Multilingual Plane.
const BMP_WORDS: usize = 0x10000 / 64;

/// A class of characters given by a predicate: answered for the Basic Multilingual Plane by a
/// bitmap (8 KB) built once, and for the characters beyond it by the predicate itself.
pub(crate) struct CharClass {
    bmp: Box<[u64; BMP_WORDS]>,
    member: fn(char) -> bool,
}

impl CharClass {
    /// The class of the characters for which `member` holds.
    pub(crate) fn new(member: fn(char) -> bool) -> CharClass {
        CharClass::of((0..0x10000u32).filter_map(char::from_u32).filter(|&c| member(c)), member)
    }

    /// The class of `chars` in the Basic Multilingual Plane, and of the characters beyond it for
    /// which `beyond` holds (a class made from data: the characters that begin a list of words).
    pub(crate) fn of(chars: impl IntoIterator<Item = char>, beyond: fn(char) -> bool) -> CharClass {
        let mut bmp = Box::new([0u64; BMP_WORDS]);
        for c in chars.into_iter().filter(|&c| (c as usize) < 0x10000) {
            bmp[c as usize / 64] |= 1 << (c as usize % 64);
        }
        CharClass { bmp, member: beyond }
    }

    /// Whether `c` is in the class.
    #[inline]
    pub(crate) fn contains(&self, c: char) -> bool {
        match self.bmp.get(c as usize / 64) {
            Some(word) => word & (1 << (c as usize % 64)) != 0,
            None => (self.member)(c),
        }
    }

    /// The first character of the class in `text` at or after byte `from` (a character
    /// boundary), and where it is. Reads the bitmap straight from the UTF-8 bytes rather than
    /// decoding every character: the loops that call this see every character of every text
    /// and find few members.
    #[inline]
    pub(crate) fn find_in(&self, text: &str, from: usize) -> Option<(usize, char)> {
        let bytes = text.as_bytes();
        let mut rest = bytes.get(from..)?;
        loop {
            // The bitmap's word is the code point's bits above the lowest six; in UTF-8 those
            // six are the last byte's. Runs of three-byte characters (a Chinese text is mostly
            // one) go through a loop of their own.
            while let &[b0, b1, b2, ref tail @ ..] = rest
                && b0 & 0xF0 == 0xE0
            {
                let word = usize::from(b0 & 0x0F) << 6 | usize::from(b1 & 0x3F);
                if self.bmp[word] & 1 << (b2 & 0x3F) != 0 {
                    let at = bytes.len() - rest.len();
                    return char::from_u32((word << 6) as u32 | u32::from(b2 & 0x3F)).map(|c| (at, c));
                }
                rest = tail;
            }
            let (word, bit, tail) = match rest {
                &[b, ref tail @ ..] if b < 0x80 => (usize::from(b >> 6), b & 0x3F, tail),
                &[b0, b1, ref tail @ ..] if b0 & 0xE0 == 0xC0 => (usize::from(b0 & 0x1F), b1 & 0x3F, tail),
                [] => return None,
                // Beyond the Basic Multilingual Plane (rare): ask the predicate.
                _ => {
                    let at = bytes.len() - rest.len();
                    let c = text.get(at..)?.chars().next()?;
                    if (self.member)(c) {
                        return Some((at, c));
                    }
                    rest = rest.get(c.len_utf8()..)?;
                    continue;
                }
            };
            if self.bmp[word] & 1 << bit != 0 {
                let at = bytes.len() - rest.len();
                return char::from_u32((word << 6) as u32 | u32::from(bit)).map(|c| (at, c));
            }
            rest = tail;
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

    #[test]
    fn a_class_of_listed_characters() {
        let class = CharClass::of(['1', '十', '𠀀'], |c| c == '𠀁');
        for (c, member) in [('1', true), ('十', true), ('𠀁', true), ('𠀀', false), ('2', false), ('百', false)] {
            assert_eq!(class.contains(c), member, "{c:?}");
        }
        assert_eq!(class.find_in("百2十", 0), Some((4, '十')));
    }

    #[test]
    fn finds_what_char_indices_finds() {
        let member: fn(char) -> bool = |c| c.is_ascii_digit() || c == '十' || c == 'é' || c == '𠀀';
        let class = CharClass::new(member);
        let text = "a1 é十百𠀀x\u{FFFF}9\u{10FFFF}十";
        for (from, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let expected = text[from..].char_indices().find(|&(_, c)| member(c)).map(|(i, c)| (from + i, c));
            assert_eq!(class.find_in(text, from), expected, "{from}");
        }
        assert_eq!(class.find_in("", 0), None);
    }
}
