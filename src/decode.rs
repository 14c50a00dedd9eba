//! Bytes → text: the "original" every span points into.
//!
//! - UTF-8, with or without a byte-order mark (the mark is dropped);
//! - UTF-16 (LE or BE) with a byte-order mark, or without one when the NUL pattern is clear;
//! - GB18030 (and its subsets GBK/GB2312) and Big5, detected with `chardetng` and decoded with
//!   `encoding_rs`, with a warning saying so;
//! - UTF-8 with a few invalid bytes: decoded with U+FFFD in their place and a warning (one bad
//!   byte in a long file should not lose the file, nor three in a short one: valid multi-byte
//!   characters outweigh a handful of broken bytes at any length);
//! - text with stray NUL bytes (PDF and OCR conversions leave them): each NUL becomes a space, so
//!   no offset moves, and a warning says how many;
//! - binary files (images, archives, PDFs) and text too damaged to read are errors: content whose
//!   bytes are mostly control characters is not text.
//!
//! HTML is a second step ([`crate::normalize::html`]); this module decides the character encoding and
//! whether a document is a page.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use crate::error::{Error, Result};

/// A decoded document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The text.
    pub text: Cow<'a, str>,
    /// The encoding it was read in (`"UTF-8"`, `"GB18030"`, `"Big5"`, `"UTF-16LE"` ...).
    pub encoding: &'static str,
    /// What the reader should know: a non-UTF-8 encoding, replaced bytes.
    pub warnings: Vec<String>,
}

/// Signatures of common binary formats.
const BINARY_MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
];

/// Share of replacement characters above which a text is too damaged to read.
const MAX_DAMAGE: f64 = 0.05;

/// Share (in percent) of control bytes (NUL and the other C0 controls but tab, line feed,
/// carriage return, form feed and escape) above which content is binary, not text with stray
/// NULs. Random bytes have 11% of them; text has next to none.
const MAX_CONTROL_PERCENT: usize = 5;

/// Control bytes a text may have whatever its length (stray NULs in a short note).
const MAX_STRAY_CONTROLS: usize = 8;

/// How many valid multi-byte UTF-8 characters must stand for each invalid sequence for a file
/// to be read as damaged UTF-8 rather than as a legacy encoding. Text in GB18030 or Big5 read as
/// UTF-8 has almost no valid multi-byte characters (a lead byte E0–EF followed by two bytes
/// 80–BF is rare in them) and an invalid sequence at nearly every character.
const MULTIBYTE_PER_INVALID: usize = 3;

/// Decode `bytes` into text.
///
/// ```
/// use gongbao::decode::decode;
///
/// let gbk = encoding_rs::GB18030.encode("新签约项目52个，总投资116.68亿元").0;
/// let d = decode(&gbk).unwrap();
/// assert_eq!(d.text, "新签约项目52个，总投资116.68亿元");
/// assert_eq!(d.encoding, "gb18030");
/// assert!(decode(b"\x89PNG\r\n\x1a\n\0\0").is_err());
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        let mut warnings = Vec::new();
        if enc != UTF_8 {
            warnings.push(format!("decoded from {} (byte-order mark)", enc.name()));
        }
        return finish(text, enc, had_errors, warnings);
    }
    if let Some((_, what)) = BINARY_MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Err(Error::NotText(format!("the file is {what}")));
    }
    // UTF-16 without a byte-order mark is valid UTF-8 when its text is ASCII (every other byte
    // NUL): it is looked for before NULs are taken for strays.
    let has_nul = memchr::memchr(0, bytes).is_some();
    if has_nul && let Some(enc) = utf16_without_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        return finish(text, enc, had_errors, vec![format!("decoded from {} (no byte-order mark)", enc.name())]);
    }
    // Binary content has NULs; text without any is never refused for other control bytes.
    if has_nul && is_binary(bytes) {
        return Err(Error::NotText("binary data (control bytes)".to_owned()));
    }
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        let mut warnings = Vec::new();
        let text = space_nuls(Cow::Borrowed(s), &mut warnings);
        return Ok(Decoded { text, encoding: "UTF-8", warnings });
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        return finish(text, enc, had_errors, vec![format!("decoded from {} (no byte-order mark)", enc.name())]);
    }
    // Mostly UTF-8 with a few broken bytes: keep it UTF-8. A long text may have a few broken
    // bytes among much ASCII; at any length, valid multi-byte characters well outnumbering the
    // broken sequences say UTF-8 (a legacy encoding reads as a few of them among many broken
    // bytes).
    let lossy = String::from_utf8_lossy(bytes);
    let replaced = lossy.chars().filter(|&c| c == '\u{FFFD}').count();
    let multibyte = lossy.chars().filter(|&c| !c.is_ascii() && c != '\u{FFFD}').count();
    if replaced * 1000 <= lossy.chars().count() || (multibyte >= 2 && replaced * MULTIBYTE_PER_INVALID <= multibyte) {
        let mut warnings = vec![format!("{replaced} invalid UTF-8 sequence(s) replaced with U+FFFD")];
        let text = space_nuls(Cow::Owned(lossy.into_owned()), &mut warnings);
        return Ok(Decoded { text, encoding: "UTF-8", warnings });
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Deny);
    let enc = if enc == encoding_rs::GBK { encoding_rs::GB18030 } else { enc };
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    finish(text, enc, had_errors, vec![format!("decoded from {} (detected)", enc.name())])
}

/// Decode a document and decide whether it is HTML: `html` is `Some(true)` for an
/// `.htm`/`.html` file, `Some(false)` to force plain text, and `None` to sniff the text.
///
/// ```
/// let d = gongbao::decode::document(b"<!DOCTYPE html><p>52\xe4\xb8\xaa</p>", None).unwrap();
/// assert!(d.html);
/// assert!(!gongbao::decode::document("新签约52个".as_bytes(), None).unwrap().html);
/// ```
pub fn document(bytes: &[u8], html: Option<bool>) -> Result<Document<'_>> {
    let decoded = decode(bytes)?;
    #[cfg(feature = "html")]
    let is_html = html.unwrap_or_else(|| crate::normalize::html::looks_like_html(&decoded.text));
    #[cfg(not(feature = "html"))]
    let is_html = html.unwrap_or(false);
    Ok(Document { decoded, html: is_html })
}

/// A decoded document, and whether it is an HTML page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document<'a> {
    /// The decoded text (the HTML source for a page).
    pub decoded: Decoded<'a>,
    /// Whether to read it as HTML.
    pub html: bool,
}

fn finish<'a>(text: Cow<'a, str>, enc: &'static Encoding, had_errors: bool, mut warnings: Vec<String>) -> Result<Decoded<'a>> {
    if had_errors {
        let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
        let total = text.chars().count().max(1);
        if bad as f64 / total as f64 > MAX_DAMAGE {
            return Err(Error::NotText(format!("{bad} of {total} characters are not valid {}", enc.name())));
        }
        warnings.push(format!("{bad} invalid {} sequence(s) replaced with U+FFFD", enc.name()));
    }
    let text = space_nuls(text, &mut warnings);
    Ok(Decoded { text, encoding: enc.name(), warnings })
}

/// Whether content is binary: more than [`MAX_STRAY_CONTROLS`] control bytes (NUL and the C0
/// controls that text does not use), and more than [`MAX_CONTROL_PERCENT`] of its bytes.
fn is_binary(bytes: &[u8]) -> bool {
    let control = bytes.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)).count();
    // A handful of strays is never binary, however short the text.
    control > MAX_STRAY_CONTROLS && control * 100 > bytes.len() * MAX_CONTROL_PERCENT
}

/// Stray NULs replaced by spaces (one byte for one: no offset moves), with a warning.
fn space_nuls<'a>(text: Cow<'a, str>, warnings: &mut Vec<String>) -> Cow<'a, str> {
    let nuls = text.bytes().filter(|&b| b == 0).count();
    if nuls == 0 {
        return text;
    }
    warnings.push(format!("{nuls} NUL byte(s) replaced with spaces"));
    Cow::Owned(text.replace('\0', " "))
}

/// UTF-16 without a byte-order mark shows as NUL bytes in every other position (for the ASCII
/// and Latin parts of the text).
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 8 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let even_nul = bytes.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = bytes.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let other_nul_free = |n: usize| n * 50 < pairs;
    if odd_nul * 3 > pairs && other_nul_free(even_nul) {
        Some(UTF_16LE)
    } else if even_nul * 3 > pairs && other_nul_free(odd_nul) {
        Some(UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "貴港市新簽約項目247個，合同投資額890.15億元。今年以來，全市招商引資到位資金549.72億元。";

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(TEXT.as_bytes()).unwrap().text, TEXT);
        let mut with_bom = b"\xef\xbb\xbf".to_vec();
        with_bom.extend_from_slice(TEXT.as_bytes());
        let d = decode(&with_bom).unwrap();
        assert_eq!(d.text, TEXT);
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn legacy_encodings() {
        let big5 = encoding_rs::BIG5.encode(TEXT).0;
        let d = decode(&big5).unwrap();
        assert_eq!((d.text.as_ref(), d.encoding), (TEXT, "Big5"));
        assert_eq!(d.warnings.len(), 1);
        let simplified = "新签约项目52个，总投资116.68亿元，其中省际到位资金758.67亿元。";
        let gb = encoding_rs::GB18030.encode(simplified).0;
        let d = decode(&gb).unwrap();
        assert_eq!((d.text.as_ref(), d.encoding), (simplified, "gb18030"));
    }

    #[test]
    fn utf16() {
        let mut le = vec![0xff, 0xfe];
        for u in TEXT.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&le).unwrap().text, TEXT);
        let plain: Vec<u8> = "abc 123 新签约项目52个 def".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(decode(&plain).unwrap().text, "abc 123 新签约项目52个 def");
    }

    #[test]
    fn damaged_utf8_keeps_the_rest() {
        let mut bytes = TEXT.repeat(20).into_bytes();
        bytes.insert(30, 0xff);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.warnings.len(), 1);
        assert!(d.text.contains('\u{FFFD}'));
    }

    #[test]
    fn a_short_text_with_a_few_broken_bytes_stays_utf8() {
        // Three broken bytes in 40 characters: the 30-odd valid Chinese characters outweigh them.
        let text = "全市新签约项目52个,总投资116.68亿元,同比增长11.73%。";
        for cut in [1usize, 2] {
            let mut bytes = text.as_bytes().to_vec();
            // Truncate the first character of 签约 and put stray bytes inside the number words.
            let at = text.find('签').unwrap();
            bytes.drain(at..at + cut);
            let at2 = bytes.len() - 6;
            bytes.insert(at2, 0xff);
            let d = decode(&bytes).unwrap();
            assert_eq!(d.encoding, "UTF-8", "{cut}");
            assert!(d.warnings[0].contains("U+FFFD"), "{:?}", d.warnings);
            assert!(d.text.contains("116.68亿元"), "{}", d.text);
        }
        let mut tiny = "新签约项目".as_bytes().to_vec();
        tiny.insert(0, 0xc3);
        assert_eq!(decode(&tiny).unwrap().encoding, "UTF-8");
    }

    #[test]
    fn legacy_encodings_are_not_taken_for_damaged_utf8() {
        for text in [TEXT, "新签约项目52个，总投资116.68亿元。", "招商", "全市签约项目12个"] {
            let gb = encoding_rs::GB18030.encode(text).0;
            assert_eq!(decode(&gb).unwrap().encoding, "gb18030", "{text}");
        }
        let big5 = encoding_rs::BIG5.encode(TEXT).0;
        assert_eq!(decode(&big5).unwrap().encoding, "Big5");
    }

    #[test]
    fn stray_nuls_become_spaces() {
        let text = "新签约项目52个,\0总投资116.68亿元。\0";
        let d = decode(text.as_bytes()).unwrap();
        assert_eq!(d.text.len(), text.len(), "no offset moves");
        assert_eq!(d.text, text.replace('\0', " "));
        assert_eq!(d.warnings, ["2 NUL byte(s) replaced with spaces"]);
        // Also in damaged UTF-8 and in a legacy encoding.
        let mut bytes = text.as_bytes().to_vec();
        bytes.insert(0, 0xff);
        assert!(!decode(&bytes).unwrap().text.contains('\0'));
        let gb = encoding_rs::GB18030.encode(text).0;
        let d = decode(&gb).unwrap();
        assert_eq!(d.text, text.replace('\0', " "));
    }

    #[test]
    fn mostly_control_bytes_are_binary() {
        let mut bytes = "新签约项目52个".as_bytes().to_vec();
        bytes.extend_from_slice(&[0, 1, 2, 3, 0, 0, 0, 5, 0, 0]);
        assert!(decode(&bytes).is_err());
    }

    #[test]
    fn binary_is_an_error() {
        assert!(decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").is_err());
        assert!(decode(&[0u8, 1, 2, 3, 0, 0, 0, 5, 200, 0, 0, 0]).is_err());
    }
}
