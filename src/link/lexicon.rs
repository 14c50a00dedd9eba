//! Word lists looked for in the short stretches of text around a figure, by their first
//! character.
//!
//! The stage asks many small questions of each figure's words (does a cut word occur, is this only
//! a role word). Asked with `str::find` per word, each question builds a substring searcher per
//! word of the list; a [`Lexicon`] reads the stretch once, and at each character tries only the
//! words that begin with it (most characters begin none).
//!
//! The two lists read over a whole text (the scope words, the plan and now markers) are
//! [`HanWords`]: an automaton, whose vector search suits a long text, fed the words so that
//! its search tells CJK words apart.

/// A word list, grouped by first character, each group longest first.
pub(crate) struct Lexicon {
    /// (first character, the words that begin with it, longest first), sorted by character.
    by_first: Vec<(char, Vec<&'static str>)>,
    /// A bit per first character (its code point modulo 4096): a character whose bit is clear
    /// begins no word, which spares most characters the search of `by_first`. (Modulo 128, a
    /// list of a hundred first characters let half of all characters through.)
    firsts: Box<[u64; 64]>,
}

impl Lexicon {
    /// A lexicon of `words` that prefers the longest word where several match (empty words are
    /// left out: they would match everywhere).
    pub(crate) fn new(words: impl IntoIterator<Item = &'static str>) -> Self {
        let mut lexicon = Lexicon::in_order(words);
        for (_, group) in &mut lexicon.by_first {
            group.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }
        lexicon
    }

    /// A lexicon of `words` that prefers the word listed first where several match.
    pub(crate) fn in_order(words: impl IntoIterator<Item = &'static str>) -> Self {
        let mut by_first: Vec<(char, Vec<&'static str>)> = Vec::new();
        for w in words {
            let Some(c) = w.chars().next() else { continue };
            // (A word listed twice can only be in its first character's group: only that group
            // is searched for it. The lexicons are built while the first document is read.)
            match by_first.binary_search_by_key(&c, |(f, _)| *f) {
                Ok(k) if by_first[k].1.contains(&w) => {}
                Ok(k) => by_first[k].1.push(w),
                Err(k) => by_first.insert(k, (c, vec![w])),
            }
        }
        let mut firsts = Box::new([0u64; 64]);
        for (c, _) in &by_first {
            let (word, mask) = bit(*c);
            firsts[word] |= mask;
        }
        Lexicon { by_first, firsts }
    }

    /// The preferred word that `s` starts with.
    pub(crate) fn prefix(&self, s: &str) -> Option<&'static str> {
        self.prefix_where(s, |_| true)
    }

    /// The preferred word that `s` starts with, among those for which `keep` holds.
    pub(crate) fn prefix_where(&self, s: &str, keep: impl Fn(&str) -> bool) -> Option<&'static str> {
        self.prefix_from(s, s.chars().next()?, keep)
    }

    /// [`Lexicon::prefix_where`] for `s` that starts with `c` (a search already decoded it).
    fn prefix_from(&self, s: &str, c: char, keep: impl Fn(&str) -> bool) -> Option<&'static str> {
        let (word, mask) = bit(c);
        if self.firsts[word] & mask == 0 {
            return None;
        }
        let k = self.by_first.binary_search_by_key(&c, |(f, _)| *f).ok()?;
        self.by_first[k].1.iter().find(|w| s.starts_with(**w) && keep(w)).copied()
    }

    /// The leftmost word in `s`, as its byte offset and the word (the preferred at that offset).
    pub(crate) fn find(&self, s: &str) -> Option<(usize, &'static str)> {
        self.find_where(s, |_, _| true)
    }

    /// The leftmost word in `s` at an offset for which `keep(offset, word)` holds.
    pub(crate) fn find_where(&self, s: &str, keep: impl Fn(usize, &str) -> bool) -> Option<(usize, &'static str)> {
        s.char_indices().find_map(|(k, c)| self.prefix_from(&s[k..], c, |w| keep(k, w)).map(|w| (k, w)))
    }

    /// Whether a word of the list occurs in `s`.
    pub(crate) fn occurs_in(&self, s: &str) -> bool {
        self.find(s).is_some()
    }
}

/// Words of Han characters found in a whole text in one pass, leftmost and longest, as one
/// `aho_corasick` automaton over the words would find them.
///
/// Why not that automaton: its vector prefilter fingerprints each word by its first four bytes,
/// and in UTF-8 those are a whole first character and the lead byte of the second, which nearly
/// every CJK character shares (`E4`–`E9`). A word like `全市` then matches at every `全` followed
/// by any character, and the automaton checks each of them. Without its first byte, the
/// fingerprint of a word ends in two bytes of its second character, and the false candidates
/// mostly go. Each match of the shortened words is checked for the lead byte it dropped; where a
/// longer word's check fails, the words at that place are searched for anchored there.
pub(crate) struct HanWords {
    /// The words without their first byte, leftmost-longest.
    tails: aho_corasick::AhoCorasick,
    /// The words themselves, anchored: the fallback where a tail's lead byte differs (built
    /// the first time one does, from `words`).
    anchored: std::sync::OnceLock<aho_corasick::AhoCorasick>,
    /// The words.
    words: Vec<&'static str>,
    /// Each word's first byte, which its tail dropped.
    leads: Vec<u8>,
}

impl HanWords {
    /// The automata for `words`, each of at least two characters and opening with a
    /// character of three bytes in UTF-8 (the first byte is dropped, and a match never starts
    /// within a character).
    pub(crate) fn new(words: &[&'static str]) -> Self {
        assert!(words.iter().all(|w| w.chars().count() >= 2 && w.chars().next().is_some_and(|c| c.len_utf8() == 3)), "{words:?}");
        // (A contiguous NFA, not the DFA the builder would choose for so few words: the search
        // runs the automaton only where the vector prefilter found a candidate, a few steps each,
        // and the DFA's table costs more to build than all of a batch's searches gain by it. The
        // anchored fallback uses no prefilter, so it builds none.)
        HanWords {
            tails: build(aho_corasick::StartKind::Unanchored, true, words.iter().map(|w| &w.as_bytes()[1..]).collect()),
            anchored: std::sync::OnceLock::new(),
            words: words.to_vec(),
            leads: words.iter().map(|w| w.as_bytes()[0]).collect(),
        }
    }

    /// The anchored automaton over the words, built on first use.
    fn anchored(&self) -> &aho_corasick::AhoCorasick {
        self.anchored.get_or_init(|| build(aho_corasick::StartKind::Anchored, false, self.words.iter().map(|w| w.as_bytes()).collect()))
    }

    /// The words in `text`, leftmost-longest and not overlapping, as (start, index in the
    /// list).
    pub(crate) fn find_iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
        let bytes = text.as_bytes();
        // Where the next tail may start: one byte after the next word's start.
        let mut at = 1;
        std::iter::from_fn(move || {
            while at <= bytes.len() {
                let tail = self.tails.find(aho_corasick::Input::new(bytes).span(at..bytes.len()))?;
                let (start, k) = (tail.start() - 1, tail.pattern().as_usize());
                if bytes[start] == self.leads[k] {
                    at = tail.end() + 1;
                    return Some((start, k));
                }
                let whole = aho_corasick::Input::new(bytes).span(start..bytes.len()).anchored(aho_corasick::Anchored::Yes);
                if let Some(m) = self.anchored().find(whole) {
                    at = m.end() + 1;
                    return Some((start, m.pattern().as_usize()));
                }
                at = tail.start() + 1;
            }
            None
        })
    }
}

/// A leftmost-longest automaton over `patterns` for [`HanWords`].
fn build(start: aho_corasick::StartKind, prefilter: bool, patterns: Vec<&[u8]>) -> aho_corasick::AhoCorasick {
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .start_kind(start)
        .prefilter(prefilter)
        .build(patterns)
        .expect("the words build an automaton")
}

/// A character's bit in [`Lexicon::firsts`]: the word and the bit in it.
fn bit(c: char) -> (usize, u64) {
    let k = u32::from(c) as usize % 4096;
    (k / 64, 1 << (k % 64))
}

#[cfg(test)]
mod tests {
    use super::{HanWords, Lexicon};

    /// What one leftmost-longest automaton over the words finds.
    fn one_automaton(words: &[&str], text: &str) -> Vec<(usize, usize)> {
        let ac = aho_corasick::AhoCorasick::builder().match_kind(aho_corasick::MatchKind::LeftmostLongest).build(words).unwrap();
        ac.find_iter(text).map(|m| (m.start(), m.pattern().as_usize())).collect()
    }

    #[test]
    fn han_words_are_found_as_one_automaton_finds_them() {
        // (在 and 全 end in the same byte, 0xA8: a tail of one is checked against the other's lead.)
        let words = ["全市", "全市政府", "在港", "市委", "国务院", "我国", "区政府", "新区"];
        let texts = [
            "全市政府工作",
            "在港全市委员会",
            "我国务院",
            "新区政府在港在港",
            "",
            "市",
            "abc全市",
            "全全市",
            "浦东新区政府和国务院",
            "在市委",
        ];
        let scanner = HanWords::new(&words);
        for text in texts {
            assert_eq!(scanner.find_iter(text).collect::<Vec<_>>(), one_automaton(&words, text), "{text}");
        }
        // Every text of up to eleven characters from the words' own characters that a small
        // generator draws (in, 港, 政 and 务 complete some words and not others).
        let alphabet = ['全', '市', '在', '港', '委', '政', '府', '国', '务', '院', '我', '区', '新', 'a'];
        for text in crate::link::drawn_texts(7, 5000, 12, &alphabet) {
            assert_eq!(scanner.find_iter(&text).collect::<Vec<_>>(), one_automaton(&words, &text), "{text}");
        }
        // 慨 (U+6168) differs from 全 (U+5168) in its lead byte alone: a tail of 全市政 matches
        // at 慨, whose word the anchored fallback (built when first needed) finds.
        let words = ["全市政", "慨市", "市政府"];
        let scanner = HanWords::new(&words);
        assert!(scanner.anchored.get().is_none());
        for text in ["全市政府", "慨市政府", "慨市", "全市", "a慨市政全市政"] {
            assert_eq!(scanner.find_iter(text).collect::<Vec<_>>(), one_automaton(&words, text), "{text}");
        }
        assert!(scanner.anchored.get().is_some());
    }

    #[test]
    fn finds_the_leftmost_and_longest() {
        let lexicon = Lexicon::new(["高于", "低于", "按现价", "按可比价", "按", ""]);
        assert_eq!(lexicon.find("增速高于全省按现价"), Some(("增速".len(), "高于")));
        assert_eq!(lexicon.find("按可比价计算"), Some((0, "按可比价")));
        assert_eq!(lexicon.find("按年"), Some((0, "按")));
        assert_eq!(lexicon.find("地区生产总值"), None);
        assert_eq!(lexicon.find(""), None);
        assert_eq!(lexicon.prefix("低于预期"), Some("低于"));
        assert_eq!(lexicon.prefix("预期低于"), None);
        assert!(lexicon.occurs_in("快于高于"));
        assert_eq!(lexicon.find_where("高于低于", |k, _| k > 0), Some(("高于".len(), "低于")));
    }

    #[test]
    fn words_listed_twice_are_kept_once_as_a_search_of_every_group_keeps_them() {
        let words = ["全", "全市", "新增", "全", "新增", "市", "全市", "增长", "市", "", "新", "全省", "增长"];
        // (The groups as they were built when a word was looked for in every group.)
        let mut every_group: Vec<(char, Vec<&str>)> = Vec::new();
        for w in words {
            let Some(c) = w.chars().next() else { continue };
            if every_group.iter().any(|(_, g)| g.contains(&w)) {
                continue;
            }
            match every_group.binary_search_by_key(&c, |(f, _)| *f) {
                Ok(k) => every_group[k].1.push(w),
                Err(k) => every_group.insert(k, (c, vec![w])),
            }
        }
        assert_eq!(Lexicon::in_order(words).by_first, every_group);
    }

    #[test]
    fn in_order_prefers_the_word_listed_first() {
        let lexicon = Lexicon::in_order(["全", "全市", "新增"]);
        assert_eq!(lexicon.prefix("全市签约"), Some("全"));
        assert_eq!(lexicon.prefix_where("全市签约", |w| w.len() > 3), Some("全市"));
        assert_eq!(Lexicon::new(["全", "全市"]).prefix("全市签约"), Some("全市"));
    }
}
