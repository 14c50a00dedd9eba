//! `str` questions the stage asks of short stretches, many times a document, answered from
//! their bytes: each function answers as the standard library's own does (its test says which),
//! without that function's setup for each call or decoding characters it need not decode.
//!
//! They are small and called from the other files of the stage, each its own codegen unit:
//! each is `#[inline]`, so that a call costs what it did when it lived beside its callers.
//!
//! (Most words and lines begin and end with Han characters, whose UTF-8 begins with a byte from
//! E4 to E9; white space and the marks the stage looks for begin otherwise, so a byte often
//! settles a question before a character is decoded.)

/// `s.trim()`, without reading characters where no end may be white space: every white space
/// character is ASCII or begins with a byte below E4, and most words and lines begin and end
/// with Han characters, which begin with E4 to E9; where an end is ASCII white space (a line's
/// indentation, its `\r`), it is stepped over by its bytes.
#[inline]
pub(super) fn trimmed(s: &str) -> &str {
    let b = s.as_bytes();
    if b.len() >= 3 && b[0] >= 0xE4 && (0xE4..0xF0).contains(&b[b.len() - 3]) {
        return s;
    }
    let s = s.trim_ascii();
    // (Other white space, `\u{3000}` or U+0085, is trimmed as `trim` does.)
    let plain = |c: Option<char>| c.is_none_or(|c| !c.is_whitespace());
    if plain(s.chars().next()) && plain(s.chars().next_back()) { s } else { s.trim() }
}

/// `s` without the white space at its end (`str::trim_end`), trimmed only where the last
/// character may be white space (as [`trimmed`] tells it).
#[inline]
pub(super) fn trimmed_end(s: &str) -> &str {
    let b = s.as_bytes();
    if b.len() >= 3 && (0xE4..0xF0).contains(&b[b.len() - 3]) { s } else { s.trim_end() }
}

/// `line` without the white space it starts with, as `str::trim_start`: the spaces most lines
/// open with — full-width ones, which the normalized text holds as ASCII spaces — are stepped
/// over by their bytes, and the trim, whose setup and Unicode lookup cost more than that, is
/// called only when the next character may be another space.
#[inline]
pub(super) fn trim_start(line: &str) -> &str {
    let bytes = line.as_bytes();
    let mut start = 0;
    loop {
        match bytes.get(start) {
            // (The ASCII white space of `char::is_whitespace`.)
            Some(b'\t'..=b'\r' | b' ') => start += 1,
            Some(0xE3) if bytes[start..].starts_with("\u{3000}".as_bytes()) => start += "\u{3000}".len(),
            _ => break,
        }
    }
    // (Only whole characters were stepped over: `start` is a character's start.)
    let rest = line.get(start..).unwrap_or("");
    // (Every other white space character's first byte is one of these: 0xC2 of U+0085 and
    // U+00A0, 0xE1 of U+1680, 0xE2 of U+2000–U+205F, 0xE3 of U+3000.)
    if rest.as_bytes().first().is_some_and(|b| matches!(b, 0xC2 | 0xE1..=0xE3)) { rest.trim_start() } else { rest }
}

/// `range` without the white space at its ends (what `str::trim` leaves of it).
#[inline]
pub(super) fn without_spaces(text: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    // (White space is ASCII or begins with a byte below E4, the first byte of the Han
    // characters most words begin and end with: those are not looked at as characters.)
    let padded = &text[range.clone()];
    let bytes = padded.as_bytes();
    let start = match bytes.first() {
        Some(&b) if b >= 0xE4 => range.start,
        _ => range.start + (padded.len() - padded.trim_start().len()),
    };
    let end = match bytes.last() {
        // (The last byte of a character of three bytes or more is a continuation byte; the
        // character's first byte is asked.)
        Some(_) if padded.len() >= 3 && bytes[padded.len() - 3] >= 0xE4 && bytes[padded.len() - 3] < 0xF0 => range.end,
        _ => range.end - (padded.len() - padded.trim_end().len()),
    };
    start..end.max(start)
}

/// Where the last `word` in `s` starts (`str::rfind` with a word, without building a substring
/// searcher for each of the short stretches the stage reads): found by the word's last byte with
/// the `memchr` crate's vector search back. (A match of a whole word starts at a character's
/// first byte.)
#[inline]
pub(super) fn rfind_word(s: &str, word: &str) -> Option<usize> {
    let (bytes, word) = (s.as_bytes(), word.as_bytes());
    let last = *word.last()?;
    memchr::memrchr_iter(last, bytes).map(|e| e + 1).find(|&end| bytes[..end].ends_with(word)).map(|end| end - word.len())
}

/// Where `word` starts in `s`, each place from the first (`str::match_indices` of a word or a
/// character, without the searcher the standard library builds per call — and its search for a
/// character's last byte is not vectorized): found by the word's last byte with the `memchr`
/// crate's vector search, as [`rfind_word`] finds the last. (A match of a whole word
/// starts at a character's first byte.) Matches may overlap: the callers' words cannot overlap
/// themselves. An empty word is found nowhere.
#[inline]
pub(super) fn word_starts<'a>(s: &'a str, word: &'a str) -> impl Iterator<Item = usize> + 'a {
    let (bytes, word) = (s.as_bytes(), word.as_bytes());
    let last = word.last().copied();
    memchr::memchr_iter(last.unwrap_or(0), if last.is_some() { bytes } else { &[] })
        .map(|e| e + 1)
        .filter(move |&end| bytes[..end].ends_with(word))
        .map(move |end| end - word.len())
}

/// Whether `s` holds `word`, as `str::contains` answers: found where the word's last byte stands
/// ([`rfind_word`], with `memchr`). `str::contains` with a word builds a substring
/// searcher on each call, which costs more than reading the short clauses and words asked about.
#[inline]
pub(super) fn holds(s: &str, word: &str) -> bool {
    word.is_empty() || rfind_word(s, word).is_some()
}

/// `s` without every repetition of `word` at its start (`str::trim_start_matches` with a word,
/// without building a substring searcher).
#[inline]
pub(super) fn strip_all<'a>(mut s: &'a str, word: &str) -> &'a str {
    while let Some(rest) = s.strip_prefix(word).filter(|_| !word.is_empty()) {
        s = rest;
    }
    s
}

/// The last byte of a character in UTF-8: the character itself, or its six lowest bits after
/// the continuation mark.
#[inline]
const fn last_byte(c: char) -> u8 {
    if c.is_ascii() { c as u8 } else { 0x80 | (c as u32 & 0x3F) as u8 }
}

/// Whether `s` ends with one of `chars` (`str::ends_with` with them): its last byte is compared
/// with theirs first, and the last character decoded only when it may be one of them (most
/// stretches end in none).
#[inline]
pub(super) fn ends_with_char(s: &str, chars: &[char]) -> bool {
    s.as_bytes().last().is_some_and(|&b| chars.iter().any(|&c| last_byte(c) == b)) && s.ends_with(chars)
}

/// The code point of a character of three bytes in UTF-8 (all the CJK Unified Ideographs are),
/// read from its bytes.
#[inline]
fn code_of_three(b: &[u8]) -> u32 {
    u32::from(b[0] & 0x0F) << 12 | u32::from(b[1] & 0x3F) << 6 | u32::from(b[2] & 0x3F)
}

/// `s`'s first character when it is of three bytes, as a code point (read from its bytes,
/// without decoding others).
#[inline]
pub(super) fn first_of_three(s: &str) -> Option<u32> {
    let b = s.as_bytes();
    (b.len() >= 3 && (0xE0..0xF0).contains(&b[0])).then(|| code_of_three(&b[..3]))
}

/// `s`'s last character when it is of three bytes, as a code point. (In UTF-8, the byte three
/// from the end is that character's first exactly when it begins a character of three bytes.)
#[inline]
pub(super) fn last_of_three(s: &str) -> Option<u32> {
    let b = s.as_bytes();
    (b.len() >= 3 && (0xE0..0xF0).contains(&b[b.len() - 3])).then(|| code_of_three(&b[b.len() - 3..]))
}

/// A byte repeated in each of the eight bytes of a word: `BYTES * b`.
pub(super) const BYTES: u64 = 0x0101_0101_0101_0101;

/// Whether one of the eight bytes of `x` is zero (exact for the word as a whole: a borrow can
/// only mark a byte above a zero one).
#[inline]
pub(super) fn has_zero_byte(x: u64) -> bool {
    x.wrapping_sub(BYTES) & !x & (BYTES * 0x80) != 0
}

/// Whether one of the eight bytes of `x` is below `n`, for `n` up to 128 (exact for the word as a
/// whole, as [`has_zero_byte`]).
#[inline]
pub(super) fn has_byte_below(x: u64, n: u8) -> bool {
    x.wrapping_sub(BYTES * u64::from(n)) & !x & (BYTES * 0x80) != 0
}

/// Whether `test` holds for one of the eight-byte words `bytes` reads as (the last read back
/// from the end, overlapping the one before; fewer than eight bytes padded with 80, a byte no
/// test looks for): a question about each byte of a short stretch asked eight bytes at a time,
/// where `memchr` costs more in its call and its choice of a search than it saves on a few words.
#[inline]
pub(super) fn any_eight(bytes: &[u8], test: impl Fn(u64) -> bool) -> bool {
    let word = |b: &[u8]| <[u8; 8]>::try_from(b).map_or(BYTES * 0x80, u64::from_le_bytes);
    if bytes.len() < 8 {
        let mut padded = [0x80u8; 8];
        padded[..bytes.len()].copy_from_slice(bytes);
        return test(u64::from_le_bytes(padded));
    }
    let mut found = test(word(&bytes[bytes.len() - 8..]));
    for chunk in bytes.chunks_exact(8) {
        found |= test(word(chunk));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfind_word_answers_as_str_rfind_does() {
        for s in ["", "全年", "围绕全年签约项目", "全年全年", "全市全年计划", "年全", "全", "a全年b", "占全年增加额的全", "来自香港来自"]
        {
            for word in ["全年", "年", "全", "a全", "来自", "b"] {
                assert_eq!(rfind_word(s, word), s.rfind(word), "{s} {word}");
            }
        }
        assert_eq!(rfind_word("全年", ""), None, "an empty word is found nowhere");
    }

    /// [`last_byte`] is the last byte of each character's UTF-8, and [`ends_with_char`] answers
    /// as `str::ends_with` with the characters does.
    #[test]
    fn ends_with_char_answers_as_str_ends_with() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut buffer = [0; 4];
            assert_eq!(Some(&last_byte(c)), c.encode_utf8(&mut buffer).as_bytes().last(), "{c:?}");
        }
        // (与 and 从 end in one byte, 0x8E: the character is compared after its byte; and
        // characters of one, two and four bytes.)
        let alphabet = ["比", "较", "与", "由", "从", "长", "同", "环", "对", "a", ")", "𠀀", "é"];
        for s in super::super::drawn_texts(41, 20000, 5, &alphabet) {
            for chars in
                [&['比', '较', '与'][..], &['由', '从'], &['同', '环', '对'], &['降', '升', '高', '长'], &['与'], &[')', 'a'], &['𠀀', 'é']]
            {
                assert_eq!(ends_with_char(&s, chars), s.ends_with(chars), "{s} {chars:?}");
            }
        }
    }

    /// [`trim_start`] trims as `str::trim_start` does.
    #[test]
    fn trim_start_trims_as_str_trim_start() {
        for s in [
            "",
            " ",
            "a",
            " a",
            "\u{3000}\u{3000}一是",
            "\t\n其中 ",
            "一是 ",
            "\u{a0}图1",
            "图 1",
            "\u{3000} \u{a0}\u{3000}x",
            "\u{3001}",
            "\u{3000}",
            "  一是",
            " \u{3000}\r\n\u{b}\u{c}\u{1c}x",
            "\u{3000}\u{3000}\u{a0} 其一",
        ] {
            assert_eq!(trim_start(s), s.trim_start(), "{s:?}");
        }
        // Every character, alone and after spaces (full-width, ASCII, both).
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for s in [format!("{c}x"), format!("\u{3000}{c}x"), format!("  {c}x"), format!(" \u{3000}\t{c}x")] {
                assert_eq!(trim_start(&s), s.trim_start(), "{c:?}");
            }
        }
    }

    #[test]
    fn trimmed_trims_as_str_trim_does() {
        let pieces = ["其中", "市", " ", "\u{3000}", "\n", "\u{a0}", "\u{85}", "\u{2009}", "a", "𠀀", "é", "项目", "（", "”"];
        let mut texts = super::super::drawn_texts(19, 20000, 5, &pieces);
        texts.extend(pieces.iter().map(|w| (*w).to_owned()));
        for s in &texts {
            assert_eq!(trimmed(s), s.trim(), "{s:?}");
            assert_eq!(trimmed_end(s), s.trim_end(), "{s:?}");
        }
    }

    #[test]
    fn without_spaces_trims_as_str_trim_does() {
        let texts = [
            "",
            " ",
            "\u{3000}",
            "地区生产总值增长 ",
            " 地区生产总值",
            "\u{3000}项目\u{3000}",
            "\n\t项目 \r\n",
            "项",
            "a",
            " a ",
            "\u{a0}投资\u{2009}",
            "投资\u{85}",
            "𠀀",
            " 𠀀 ",
            "增长 6%",
            "（GDP）",
            "“专精特新”",
        ];
        for text in texts {
            // Every range between character boundaries of the text.
            let bounds: Vec<usize> = text.char_indices().map(|(k, _)| k).chain([text.len()]).collect();
            for &a in &bounds {
                for &b in bounds.iter().filter(|&&b| b >= a) {
                    let r = without_spaces(text, a..b);
                    assert_eq!(&text[r], text[a..b].trim(), "{text:?} {a}..{b}");
                }
            }
        }
    }

    #[test]
    fn eight_bytes_are_asked_as_each_byte_is() {
        // Texts of every length up to 40 bytes holding each byte looked for (or one next to it)
        // at every place, among Han characters and ASCII.
        let mut texts: Vec<Vec<u8>> = Vec::new();
        for len in 0..40 {
            for filler in [0xE4u8, 0x80, b'a', 0xBF] {
                texts.push(vec![filler; len]);
                for at in 0..len {
                    for b in [0u8, 0x09, 0x2E, 0x2F, 0x30, 0x7F, 0x80, 0x9D, 0x9E, 0x9F, 0xE1, 0xE2, 0xE3, 0xE4, 0xFF] {
                        let mut t = vec![filler; len];
                        t[at] = b;
                        texts.push(t);
                    }
                }
            }
        }
        for t in &texts {
            // (Not 80, the padding.)
            for b in [0x9E, 0xE3, 0x00, 0x7F, 0x81, 0xFF] {
                assert_eq!(any_eight(t, |x| has_zero_byte(x ^ (BYTES * u64::from(b)))), t.contains(&b), "{t:x?} {b:x}");
            }
            for n in [1u8, 0x0A, 0x30, 0x80] {
                assert_eq!(any_eight(t, |x| has_byte_below(x, n)), t.iter().any(|&c| c < n), "{t:x?} {n:x}");
            }
            let marks = |x: u64| has_byte_below(x, b'/' + 1) | has_zero_byte((x ^ (BYTES * 0xE2)) & (BYTES * 0xFE));
            assert_eq!(any_eight(t, marks), t.iter().any(|&c| c <= b'/' || c == 0xE2 || c == 0xE3), "{t:x?}");
        }
    }

    /// [`holds`] answers as `str::contains` does.
    #[test]
    fn holds_answers_as_str_contains_does() {
        let texts = [
            "",
            "a",
            "全年",
            "第一产业增加值占地区生产总值比重",
            "项目开工率",
            "49个项目已开工建设",
            "商务部消息,国家发改委",
            "人均可支配收入均价",
            "工业和信息化部部",
        ];
        for s in texts {
            for word in texts.iter().chain(&["开工", "占", "部", "均价", "a全", "业和", "率"]) {
                assert_eq!(holds(s, word), s.contains(word), "{s} {word}");
            }
        }
    }
}
