//! Strip pinyin annotations that mirror sites insert after Han characters: `召開(kāi)`.
//!
//! Only a parenthesised single syllable with a tone mark (or a tone digit) right after a Han
//! character is pinyin: `(兴平)`, `(GDP)`, `(一)` and `(占比为45%)` stay. Some mirrors also lose
//! the opening parenthesis and the character before it to a literal `?` (`日?qǐng)?bào)`); such a
//! `?syllable)` is removed too, wherever it stands, as long as the syllable carries a tone mark.

use std::borrow::Cow;

use super::offset::StageEdits;
use super::script::is_han;

/// The longest pinyin syllable is six letters (`zhuang`, `chuang`), plus a tone digit.
const MAX_SYLLABLE: usize = 7;

/// Strip inline pinyin; returns the text (borrowed when nothing was stripped) and the edits.
pub fn strip(text: &str) -> (Cow<'_, str>, StageEdits) {
    let bytes = text.as_bytes();
    let mut edits = StageEdits::new();
    let mut out: Option<String> = None;
    let mut copied = 0; // input bytes copied to `out` (or that would have been)
    let mut removed = 0; // bytes removed so far: output offset = input offset - removed
    let mut search = 0;
    // '(' and '?' are ASCII; '（' (U+FF08) is EF BC 88.
    while let Some(rel) = memchr::memchr3(b'(', b'?', 0xEF, &bytes[search..]) {
        let at = search + rel;
        search = at + 1;
        let (open_len, needs_han) = match bytes[at] {
            b'(' => (1, true),
            b'?' => (1, false),
            _ if bytes[at..].starts_with("（".as_bytes()) => ("（".len(), true),
            _ => continue,
        };
        if needs_han && !after_han(&text[..at]) {
            continue;
        }
        let Some(len) = annotation_len(&text[at + open_len..]) else { continue };
        let end = at + open_len + len;
        let buf = out.get_or_insert_with(|| String::with_capacity(text.len()));
        buf.push_str(&text[copied..at]);
        let out_pos = at - removed;
        edits.push(out_pos..out_pos, at..end);
        removed += end - at;
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

/// Whether an annotation may follow `head`: it ends with a Han character, or with one stray
/// ASCII letter after a non-ASCII character (mirror sites garble the character before the
/// annotation into mojibake such as `丨h(huán)`).
fn after_han(head: &str) -> bool {
    let mut rev = head.chars().rev();
    match rev.next() {
        Some(c) if is_han(c) => true,
        Some(c) if c.is_ascii_alphabetic() => rev.next().is_some_and(|b| !b.is_ascii()),
        _ => false,
    }
}

/// If `rest` starts with `syllable)` or `syllable）`, the byte length of that, closing
/// parenthesis included.
fn annotation_len(rest: &str) -> Option<usize> {
    let mut letters = 0;
    let mut toned = false;
    for (i, c) in rest.char_indices() {
        match c {
            ')' | '）' if letters > 0 && toned => return Some(i + c.len_utf8()),
            'a'..='z' | 'ü' if letters < MAX_SYLLABLE => letters += 1,
            '1'..='5' if letters > 0 && !toned => {
                toned = true;
                letters = MAX_SYLLABLE; // a tone digit ends the syllable
            }
            c if letters < MAX_SYLLABLE && tone_marked(c) => {
                letters += 1;
                toned = true;
            }
            _ => return None,
        }
    }
    None
}

fn tone_marked(c: char) -> bool {
    matches!(
        c,
        'ā' | 'á'
            | 'ǎ'
            | 'à'
            | 'ē'
            | 'é'
            | 'ě'
            | 'è'
            | 'ī'
            | 'í'
            | 'ǐ'
            | 'ì'
            | 'ō'
            | 'ó'
            | 'ǒ'
            | 'ò'
            | 'ū'
            | 'ú'
            | 'ǔ'
            | 'ù'
            | 'ǖ'
            | 'ǘ'
            | 'ǚ'
            | 'ǜ'
            | 'ń'
            | 'ň'
            | 'ǹ'
            | 'ḿ'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stripped(s: &str) -> String {
        strip(s).0.into_owned()
    }

    #[test]
    fn strips_toned_syllables_after_han() {
        assert_eq!(stripped("召開(kāi)產(chǎn)業(yè)"), "召開產業");
        assert_eq!(stripped("項(xiàng)目247個(gè)"), "項目247個");
        assert_eq!(stripped("会(hui4)议"), "会议");
        assert_eq!(stripped("会（huì）议"), "会议");
    }

    #[test]
    fn keeps_everything_else_in_parentheses() {
        for s in ["秦创原(兴平)", "生产总值(GDP)", "(一)抓龙头", "任务(占比为45%)高", "abc(kāi)", "会(hui)议"] {
            assert_eq!(stripped(s), s);
            assert!(matches!(strip(s).0, Cow::Borrowed(_)));
        }
    }

    #[test]
    fn strips_mirror_question_mark_form() {
        assert_eq!(stripped("日?qǐng)?bào)"), "日");
        assert_eq!(stripped("當(dāng)?shù)氐"), "當氐");
        assert_eq!(stripped("融入當?shù)丨h(huán)境"), "融入當丨h境");
        assert_eq!(stripped("abc h(huán)"), "abc h(huán)");
        assert_eq!(stripped("什么?(对)"), "什么?(对)");
    }

    #[test]
    fn spans_map_back() {
        let original = "新簽約項(xiàng)目247個(gè),合同";
        let (text, edits) = strip(original);
        let mut map = crate::normalize::OffsetMap::identity();
        map.push_stage(edits);
        let a = text.find("247").unwrap();
        let b = text.find(',').unwrap();
        assert_eq!(&original[map.to_original(a..b)], "247個");
        let c = text.find("項").unwrap();
        assert_eq!(&original[map.to_original(c..b)], "項(xiàng)目247個");
    }
}
