//! Word lists looked for in the short stretches of text around a figure, by their first
//! character.
//!
//! The stage asks many small questions of each figure's words (does a cut word occur, is this only
//! a role word). Asked with `str::find` per word, each question builds a substring searcher per
//! word of the list; a [`Lexicon`] reads the stretch once, and at each character tries only the
//! words that begin with it (most characters begin none).

/// A word list, grouped by first character, each group longest first.
pub(crate) struct Lexicon {
    /// (first character, the words that begin with it, longest first), sorted by character.
    by_first: Vec<(char, Vec<&'static str>)>,
    /// A bit per first character (its code point modulo 128): a character whose bit is clear
    /// begins no word, which spares most characters the search of `by_first`.
    firsts: u128,
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
            if by_first.iter().any(|(_, g)| g.contains(&w)) {
                continue;
            }
            match by_first.binary_search_by_key(&c, |(f, _)| *f) {
                Ok(k) => by_first[k].1.push(w),
                Err(k) => by_first.insert(k, (c, vec![w])),
            }
        }
        let firsts = by_first.iter().fold(0, |bits, (c, _)| bits | bit(*c));
        Lexicon { by_first, firsts }
    }

    /// The preferred word that `s` starts with.
    pub(crate) fn prefix(&self, s: &str) -> Option<&'static str> {
        self.prefix_where(s, |_| true)
    }

    /// The preferred word that `s` starts with, among those for which `keep` holds.
    pub(crate) fn prefix_where(&self, s: &str, keep: impl Fn(&str) -> bool) -> Option<&'static str> {
        let c = s.chars().next()?;
        if self.firsts & bit(c) == 0 {
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
        s.char_indices().find_map(|(k, _)| self.prefix_where(&s[k..], |w| keep(k, w)).map(|w| (k, w)))
    }

    /// Whether a word of the list occurs in `s`.
    pub(crate) fn occurs_in(&self, s: &str) -> bool {
        self.find(s).is_some()
    }
}

/// A character's bit in [`Lexicon::firsts`].
fn bit(c: char) -> u128 {
    1 << (u32::from(c) % 128)
}

#[cfg(test)]
mod tests {
    use super::Lexicon;

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
    fn in_order_prefers_the_word_listed_first() {
        let lexicon = Lexicon::in_order(["全", "全市", "新增"]);
        assert_eq!(lexicon.prefix("全市签约"), Some("全"));
        assert_eq!(lexicon.prefix_where("全市签约", |w| w.len() > 3), Some("全市"));
        assert_eq!(Lexicon::new(["全", "全市"]).prefix("全市签约"), Some("全市"));
    }
}
