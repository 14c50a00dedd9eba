//! Place facts: divisions, regions and state-level new areas, found by name and resolved against
//! the rest of the document.
//!
//! 1. **Match.** One pass finds every name of the gazetteer in the normalized text, overlapping
//!    matches included (`新安康` holds 新安 and 安康), by the first two characters of the names
//!    (`NameIndex`).
//! 2. **Words.** jieba segments a short window around the matches (never the whole document),
//!    and a match counts only where it stands as words of its own: `长安` in `长安汽车` and
//!    `东城` in `广东城区` do not; `咸阳` in `中共咸阳市委` and `江门` in `江门纸业` do. A full name
//!    may end inside an unknown word when its suffix is the first character of it
//!    (`新建区松湖镇`, segmented 新建/区松/湖镇), or begin any word (`上海市人民政府`). Any
//!    name may begin a word jieba does not know but only guessed (`河北雄安再添`: 雄安再/添新),
//!    and dictionary words that jieba tags as places or organisations are compounds whose parts
//!    count (`上海浦东新区`, `中共湖南省委`, `苏州高新区`, `西安交通大学`). A name followed by a
//!    street word is a street (`北京路`, `香港中路`). Of overlapping matches the longest wins.
//! 3. **Doubt.** Full names (`兴平市`), short forms of provinces, cities, regions and areas
//!    (`咸阳`, `广西`, `雄安`), and short forms of counties that jieba's dictionary knows as place
//!    names (`莱芜`, `昆山`) are places. Other short forms of counties (`杨凌`, `高淳`) and
//!    two-character county names (`和县`) need *support*: the document names the same division
//!    in full, or a place in the same city or province, or the mention stands right after its
//!    province or city (`江苏昆山`). Common words need more: the full name elsewhere, or their
//!    province or city right before. They are the short forms jieba's dictionary tags as
//!    frequent common words (`延长` v, `公安` n; counties only, as it tags cities loosely too),
//!    those `data/common_words.txt` lists (`新建`, `来宾`), and a county's short form inside a
//!    longer name (`永定河`, `鄱阳湖`).
//! 4. **Choose.** A name that fits several divisions (吉林: province or city; 朝阳区: Beijing or
//!    Changchun; 海南: province or a prefecture of Qinghai) takes the one the document supports
//!    best: the division itself or a place inside it named elsewhere counts most, then places in
//!    the same city, then in the same province; a province or city written right before
//!    decides, and a place listed with others is taken at their level (北京、天津、河北:
//!    provinces). A reading below another (吉林市 under 吉林省) needs evidence about itself,
//!    not only about its province. With no support either way the higher level wins (吉林 →
//!    吉林省), then the lower code (朝阳区 → 110105, Beijing).
//!
//! 5. **Not places.** A name inside a person's name is none: the names after 记者, 通讯员,
//!    编辑, 作者, 主持人 and the like, in bylines and signatures (`(记者 张正阳)` holds no 正阳县).
//!    Nor is a name inside a word that means something else (`三江源`, `周年大庆`;
//!    `data/not_place_words.tsv`).
//!
//! Two more sources of support: short county forms in a list that ends with `等5个县` (a list
//! of counties says what its items are), and a county's full name of two characters (`沛县`,
//! `萧县`) standing as a word of its own and opening a phrase (after punctuation or a
//! preposition: `从沛县`, not `产业兴县`), which is a place unless its first character is a
//! function word (`和县` in `市和县`).
//!
//! 中国, 全国 and 国家 are not places (the contract has no country level), nor are compass
//! regions (西部, 华南地区); see `data/regions.tsv`.

use std::cmp::Reverse;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

// Maps keyed by small integers, looked up for every reading of every mention: a fast hash
// rather than the default SipHash, which only matters for keys an adversary chooses.
use rustc_hash::{FxHashMap, FxHashSet};

use super::{Candidate, Context, Found, Recognizer};
use crate::char_class::CharClass;
use crate::fact::{PlaceLevel, Value};
use crate::gazetteer::{self, Entry, EntryId, Form};
use crate::segment::{self, Word};

/// Finds place facts.
#[derive(Debug, Clone, Copy, Default)]
pub struct Place;

impl Recognizer for Place {
    fn name(&self) -> &'static str {
        "place"
    }

    fn recognize(&self, ctx: &Context<'_>, found: &mut Found) {
        let people = person_names(ctx.text);
        let not_places = not_place_words(ctx.text);
        // A currency's name inside an amount (`176亿澳门元`) is part of the amount, no place.
        let mut amounts: Vec<Range<usize>> =
            found.candidates.iter().filter(|c| matches!(c.value, Value::Money(_))).map(|c| c.span.clone()).collect();
        amounts.sort_by_key(|s| s.start);
        // A count read from the numeral a place's name opens with (`三门峡`, `七台河`, `五家渠`: 三门,
        // 七台, 五家) is part of the name.
        let mut counts_in_names = Vec::new();
        for (span, entry) in find(ctx.text) {
            let inside = |spans: &[Range<usize>]| {
                let i = spans.partition_point(|s| s.end <= span.start);
                spans[i..].iter().take_while(|s| s.start < span.end).any(|s| s.start <= span.start && span.end <= s.end)
            };
            if inside(&people) || inside(&not_places) || inside(&amounts) {
                continue;
            }
            if found.is_claimed(&span) {
                counts_in_names.push(span.clone());
            }
            found.push(Candidate { span, value: Value::Place(entry.to_place()) });
        }
        if !counts_in_names.is_empty() {
            found.candidates.retain(|c| {
                !(matches!(c.value, Value::Count(_))
                    && counts_in_names.iter().any(|name| name.start == c.span.start && c.span.end < name.end))
            });
        }
    }
}

/// Words after which a person's name follows: bylines and signatures.
const PERSON_ROLES: [&str; 13] =
    ["记者", "通讯员", "实习生", "编辑", "责编", "作者", "主持人", "撰稿", "摄影", "审核", "校对", "文/", "图/"];

/// The spans of persons' names in bylines and signatures, in text order: after a role word
/// (and a space or colon), up to three runs of two to four Han characters, each ended by a
/// character that is not Han (a space, a bracket, a line break) or by another role word.
/// Without a space or colon after the role word, the name must end at a bracket, a space, a
/// line break or another role word. `记者从沛县获悉` and `记者沛县报道。` have no name.
fn person_names(text: &str) -> Vec<Range<usize>> {
    static ROLES: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(PERSON_ROLES)
            .expect("the role words build an automaton")
    });
    let is_han = crate::normalize::script::is_han;
    let mut spans: Vec<Range<usize>> = Vec::new();
    for m in ROLES.find_iter(text) {
        let mut pos = m.end();
        for _ in 0..3 {
            let rest = &text[pos..];
            let gap = rest.len() - rest.trim_start_matches([' ', ':', '：', '/', '\u{3000}']).len();
            let start = pos + gap;
            if PERSON_ROLES.iter().any(|r| text[start..].starts_with(r)) {
                break;
            }
            // Up to eight characters: a name and a role word glued to it (张正阳通讯员).
            let run: usize = text[start..].chars().take(8).take_while(|&c| is_han(c)).map(char::len_utf8).sum();
            let chars = text[start..start + run].chars().count();
            // A run of five or more Han characters may still be a name followed by a role word
            // (张正阳通讯员): cut it there.
            let end = match PERSON_ROLES.iter().filter_map(|r| text[start..start + run].find(r)).min() {
                Some(cut) if cut > 0 => start + cut,
                _ if (2..=4).contains(&chars) => start + run,
                _ => break,
            };
            let closed =
                end < start + run || text[end..].chars().next().is_none_or(|c| matches!(c, ')' | '）' | ' ' | '\n' | '\u{3000}' | '、'));
            if !(2..=4).contains(&text[start..end].chars().count()) || (gap == 0 && !closed) {
                break;
            }
            spans.push(start..end);
            pos = end;
            // Another name follows only after a space or 、.
            if !text[pos..].starts_with([' ', '、', '\u{3000}']) {
                break;
            }
        }
    }
    spans.sort_by_key(|s| s.start);
    spans
}

/// Words that contain a place name but mean something else (`data/not_place_words.tsv`).
static NOT_PLACE_WORDS: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    include_str!("../../data/not_place_words.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut fields = l.split('\t');
            Some((fields.next()?.trim(), fields.next()?.trim()))
        })
        .collect()
});

/// The spans of the words of [`NOT_PLACE_WORDS`] in `text`, in text order.
fn not_place_words(text: &str) -> Vec<Range<usize>> {
    static AUTOMATON: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(NOT_PLACE_WORDS.iter().map(|(w, _)| w))
            .expect("the words build an automaton")
    });
    AUTOMATON.find_iter(text).map(|m| m.range()).collect()
}

/// Characters of jieba's segmentation on each side of a match: enough for its longest words.
const CONTEXT_CHARS: usize = 12;

/// A dictionary word at least this frequent in jieba's dictionary, with a tag that is not a
/// name, is a common word (延长 v 1229, 公安 n 2800); rarer ones are mostly place names that
/// the dictionary tags loosely (柞水 n 3, 米脂 n 93).
const COMMON_WORD_FREQUENCY: usize = 100;

/// jieba's tags for names: places, persons, organisations, other proper nouns, abbreviations.
const NAME_TAGS: [&str; 7] = ["ns", "nr", "nrt", "nrfg", "nz", "nt", "j"];

/// Words that make the place before them a street name.
const STREET_WORDS: [&str; 15] =
    ["路", "街", "大街", "大道", "巷", "胡同", "东路", "西路", "南路", "北路", "中路", "东街", "西街", "南街", "北街"];

/// What separates the places of a list: `上海、福建`, `黑龙江和吉林`.
const LIST_SEPARATORS: [char; 7] = ['、', ',', '，', '和', '与', '及', '/'];

/// Every gazetteer name, by its first two characters (every name has two or more), for the pass
/// that finds them all in a text. An Aho-Corasick DFA over the 7,000 names took 12 MB, and its
/// pass over a text missed the cache at almost every byte; this index fits in the cache: a
/// pair of characters that begins no name (most of them) is passed over on one bit of a small
/// table, and the few others are looked up and their names compared with the text.
struct NameIndex {
    /// The characters that begin a name (most characters of a text begin none and are passed
    /// over on this bitmap, read from the UTF-8 bytes, before any hashing).
    first: CharClass,
    /// One bit per hash of a pair of characters; set for the pairs that begin a name.
    begins: Vec<u64>,
    /// The pairs that begin names (see [`pair_key`]), sorted, with where their names are in
    /// `names`.
    pairs: Vec<(u64, Range<u32>)>,
    /// Indexes of gazetteer names, grouped by their first two characters.
    names: Vec<u32>,
}

/// log2 of the number of bits in [`NameIndex::begins`]: 32 KB, few false hits for 3,000 pairs.
const PAIR_HASH_BITS: u32 = 18;

/// Two characters as one number.
fn pair_key(first: char, second: char) -> u64 {
    (u64::from(first) << 32) | u64::from(second)
}

/// Where a pair's bit is in [`NameIndex::begins`] (Fibonacci hashing).
fn pair_bit(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - PAIR_HASH_BITS)) as usize
}

impl NameIndex {
    fn new(names: &[gazetteer::Name]) -> NameIndex {
        let mut keyed: Vec<(u64, u32)> = names
            .iter()
            .enumerate()
            .filter_map(|(i, n)| {
                let mut chars = n.text.chars();
                Some((pair_key(chars.next()?, chars.next()?), u32::try_from(i).ok()?))
            })
            .collect();
        keyed.sort_unstable();
        // (A first character beyond the Basic Multilingual Plane is looked up by its pair.)
        let first = CharClass::of(keyed.iter().filter_map(|&(key, _)| char::from_u32((key >> 32) as u32)), |_| true);
        let mut begins = vec![0u64; (1 << PAIR_HASH_BITS) / 64];
        let mut pairs: Vec<(u64, Range<u32>)> = Vec::new();
        for (k, &(key, _)) in keyed.iter().enumerate() {
            let k = k as u32;
            match pairs.last_mut() {
                Some((last, range)) if *last == key => range.end = k + 1,
                _ => {
                    pairs.push((key, k..k + 1));
                    let bit = pair_bit(key);
                    begins[bit / 64] |= 1 << (bit % 64);
                }
            }
        }
        NameIndex { first, begins, pairs, names: keyed.into_iter().map(|(_, i)| i).collect() }
    }

    /// Every occurrence of every name in `text`, overlapping ones included: (span, name index),
    /// in the order of their starts.
    fn find_all(&self, text: &str) -> Vec<(Range<usize>, usize)> {
        let names = gazetteer::names();
        let mut found = Vec::new();
        let mut at = 0;
        while let Some((start, first)) = self.first.find_in(text, at) {
            at = start + first.len_utf8();
            let Some(second) = text[at..].chars().next() else { break };
            let key = pair_key(first, second);
            let bit = pair_bit(key);
            if self.begins[bit / 64] & (1 << (bit % 64)) != 0
                && let Ok(k) = self.pairs.binary_search_by_key(&key, |(key, _)| *key)
            {
                let range = self.pairs[k].1.clone();
                for &i in &self.names[range.start as usize..range.end as usize] {
                    let name: &str = &names[i as usize].text;
                    if text[start..].starts_with(name) {
                        found.push((start..start + name.len(), i as usize));
                    }
                }
            }
        }
        found
    }
}

static NAME_INDEX: LazyLock<NameIndex> = LazyLock::new(|| NameIndex::new(gazetteer::names()));

/// Whether a name is also a common word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Common {
    /// Only a name.
    No,
    /// Listed in `data/common_words.txt`.
    Listed,
    /// A frequent word of jieba's dictionary with a tag that is not a name (延长 v, 公安 n).
    /// Used for counties only: the dictionary tags many cities loosely too (合肥 n, 大连 d).
    InDictionary,
}

/// For each gazetteer name, whether it is a common word, worked out the first time the name is
/// found (the dictionary need not be loaded for the names a document does not have).
static COMMON_WORDS: LazyLock<Vec<OnceLock<Common>>> = LazyLock::new(|| gazetteer::names().iter().map(|_| OnceLock::new()).collect());

/// The names `data/common_words.txt` lists.
static LISTED_COMMON_WORDS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    include_str!("../../data/common_words.txt").lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
});

/// Whether gazetteer name `name` is a common word.
fn common(name: usize) -> Common {
    let (Some(cell), Some(n)) = (COMMON_WORDS.get(name), gazetteer::names().get(name)) else { return Common::No };
    *cell.get_or_init(|| {
        if LISTED_COMMON_WORDS.contains(n.text.as_ref()) {
            Common::Listed
        } else if is_dictionary_common_word(&n.text) {
            Common::InDictionary
        } else {
            Common::No
        }
    })
}

/// Whether jieba's dictionary has `word` as a frequent word with a tag that is not a name.
fn is_dictionary_common_word(word: &str) -> bool {
    segment::with_jieba(word, |jieba| {
        if !jieba.has_word(word) {
            return false;
        }
        let tags = jieba.tag(word, false);
        // `suggest_freq` of a word that segments as itself is its dictionary frequency (+1).
        matches!(tags.as_slice(), [t] if !NAME_TAGS.contains(&t.tag)) && jieba.suggest_freq(word) > COMMON_WORD_FREQUENCY
    })
}

/// How much evidence a reading needs before it counts (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Doubt {
    /// None: a full name, a short form of a province, city, region or area, a county's short
    /// form that jieba knows as a place name.
    None,
    /// Its full name, its parent next to it, or a place of its city or province elsewhere.
    Support,
    /// A common word: its full name elsewhere, or its parent next to it.
    CommonWord,
}

/// One reading of a mention.
#[derive(Debug, Clone, Copy)]
struct Reading {
    entry: EntryId,
    doubt: Doubt,
}

/// A name found where it stands as words of its own, with the readings that passed the checks.
#[derive(Debug)]
struct Mention {
    span: Range<usize>,
    /// The gazetteer name matched.
    name: usize,
    readings: Vec<Reading>,
}

/// The places named in `text` (normalized): byte spans with the division each one means, in
/// text order.
pub(crate) fn find(text: &str) -> Vec<(Range<usize>, &'static Entry)> {
    let matches = NAME_INDEX.find_all(text);
    if matches.is_empty() {
        return Vec::new();
    }
    let mut mentions = mentions(text, &matches, WORD_GROUP);
    drop(matches);
    // Of overlapping mentions, the leftmost, then the longest.
    mentions.sort_by_key(|m| (m.span.start, Reverse(m.span.end)));
    let mut end = 0;
    mentions.retain(|m| {
        let keep = m.span.start >= end;
        if keep {
            end = m.span.end;
        }
        keep
    });
    resolve(text, &mentions)
}

/// How many matches (at least) share one table of words (see [`mentions`]).
const WORD_GROUP: usize = 4096;

/// The matches (in text order) that stand as words of their own, with their readings.
///
/// The words are segmented for `group` matches at a time and dropped with them: for a long
/// text, the words of all its windows at once were the largest table of the whole extraction.
fn mentions(text: &str, matches: &[(Range<usize>, usize)], group: usize) -> Vec<Mention> {
    let mut mentions = Vec::new();
    for group in word_groups(text, matches, group) {
        let group = &matches[group];
        let words = Words::around(text, group.iter().map(|(r, _)| r.clone()));
        mentions.extend(group.iter().filter_map(|(span, name)| {
            let readings = readings(text, span, *name, &words);
            (!readings.is_empty()).then(|| Mention { span: span.clone(), name: *name, readings })
        }));
    }
    mentions
}

/// The matches (in text order) in groups of at least `size`, cut only where [`Words::around`]
/// would start a new window anyway (the next match's window does not overlap the ones before):
/// each group's words are those the whole text's windows give.
fn word_groups(text: &str, matches: &[(Range<usize>, usize)], size: usize) -> Vec<Range<usize>> {
    let mut groups = Vec::new();
    let (mut first, mut end) = (0, 0);
    for (k, (span, _)) in matches.iter().enumerate() {
        if k - first >= size && extend_left(text, span.start) > end {
            groups.push(first..k);
            first = k;
        }
        end = end.max(extend_right(text, span.end));
    }
    groups.push(first..matches.len());
    groups
}

/// The readings of the name `name` at `span` that stand as words of their own.
fn readings(text: &str, span: &Range<usize>, name: usize, words: &Words<'_>) -> Vec<Reading> {
    let (Some(gazetteer_name), Some(word)) = (gazetteer::names().get(name), words.containing(span.start)) else {
        return Vec::new();
    };
    // A street named after the place (北京路, 南京东路, 香港中路) is somewhere else.
    let next_word = if span.end < word.end { text.get(span.end..word.end) } else { words.word_at(span.end).map(|w| w.text) };
    if next_word.is_some_and(|w| STREET_WORDS.contains(&w)) {
        return Vec::new();
    }
    let at_word_start = word.start == span.start;
    let ends = words.is_boundary(span.end);
    let one_word = at_word_start && word.end == span.end;
    let in_dictionary = segment::has_word(word.text);
    // Inside a dictionary word that names a place or an organisation after places, on the
    // boundaries of its own parts (上海浦东新区, 中共湖南省委, 苏州高新区, 西安交通大学).
    let in_compound =
        !one_word && span.end <= word.end && in_dictionary && matches!(word.tag, "ns" | "nt") && compound_parts_bound(word, span);
    // A full name may begin any word (上海市人民政府); any name may begin a word jieba does not
    // know, which its HMM guessed (河北雄安再添: 河北/雄安再/添新).
    let begins_word = at_word_start && span.end < word.end;
    let begins_unknown_word = begins_word && !in_dictionary;
    // The suffix glued to the word that follows: an unknown word (新建区松湖镇: 新建/区松/湖镇)
    // or the division's organs (吉林省委, 咸阳市长, 兴平市政府). Another known word there makes
    // the stem the name (河北区域 is 河北, not 河北区).
    let suffix_glued = || {
        let last = text[..span.end].chars().next_back().map_or(0, char::len_utf8);
        let stem_end = span.end - last;
        words.is_boundary(stem_end) && words.word_at(stem_end).is_some_and(|w| !segment::has_word(w.text) || names_an_organ(w.text))
    };
    // jieba's dictionary knows the name as a place (莱芜 ns, 昆山 ns).
    let dictionary_place = one_word && word.tag == "ns" && in_dictionary;
    let chars = gazetteer_name.text.chars().count();
    let common = common(name);
    // The name opens a phrase: after punctuation, a space, the start of the text, or a word
    // that introduces a place (从沛县, 和杞县); not inside a slogan (产业兴县).
    let opens_phrase =
        text[..span.start].chars().next_back().is_none_or(|c| !crate::normalize::script::is_han(c) || PLACE_INTRODUCERS.contains(&c));
    gazetteer_name
        .senses
        .iter()
        .filter_map(|sense| {
            let stands_alone = match sense.form {
                Form::Full if chars <= 2 => one_word || begins_unknown_word,
                Form::Full => (at_word_start && (ends || begins_word || suffix_glued())) || in_compound,
                Form::Short => (at_word_start && ends && (one_word || chars >= 3)) || in_compound || begins_unknown_word,
            };
            if !stands_alone {
                return None;
            }
            let county = gazetteer::get(sense.entry).level == PlaceLevel::County;
            let short = sense.form == Form::Short;
            let doubt = match common {
                Common::Listed if short || county => Doubt::CommonWord,
                Common::InDictionary if county => Doubt::CommonWord,
                // Part of another name: a river, a lake, a mountain (永定河, 鄱阳湖, 五台山).
                _ if county && short && in_compound => Doubt::CommonWord,
                // 沛县, 萧县: a county's full name of two characters standing as a word is a
                // place, unless it starts with a function word (和县 in 市和县, 各县).
                _ if county && !short && chars <= 2 && !(one_word && opens_phrase && !gazetteer_name.text.starts_with(FUNCTION_CHARS)) => {
                    Doubt::Support
                }
                _ if county && short && !dictionary_place => Doubt::Support,
                _ => Doubt::None,
            };
            Some(Reading { entry: sense.entry, doubt })
        })
        .collect()
}

/// Characters after which a county's two-character full name opens a phrase: prepositions and
/// the conjunctions of lists.
const PLACE_INTRODUCERS: [char; 12] = ['从', '在', '到', '赴', '于', '至', '往', '和', '与', '及', '或', '、'];

/// Characters that begin a two-character county name but are more often a word of their own
/// before 县 (和县: 市和县; 全县, 每县, 两县 are no counties, but the check costs nothing).
const FUNCTION_CHARS: [char; 11] = ['和', '及', '与', '或', '各', '本', '该', '全', '每', '两', '一'];

/// Whether a word that begins with a division's suffix names its organs: 省委, 市长, 县政府.
fn names_an_organ(word: &str) -> bool {
    matches!(word.chars().nth(1), Some('委' | '长' | '政'))
}

/// Whether `span` starts and ends on the boundaries of the parts jieba's search mode finds in
/// the dictionary word `word` (上海浦东新区: 上海, 浦东, 新区).
fn compound_parts_bound(word: &Word<'_>, span: &Range<usize>) -> bool {
    let parts = segment::with_jieba(word.text, |jieba| jieba.cut_for_search(word.text, false));
    let bound = |pos: usize| {
        pos == word.start || pos == word.end || parts.iter().any(|p| word.start + p.byte_start == pos || word.start + p.byte_end == pos)
    };
    bound(span.start) && bound(span.end)
}

/// Choose one reading per mention, or none, from what the whole document says.
fn resolve(text: &str, mentions: &[Mention]) -> Vec<(Range<usize>, &'static Entry)> {
    let evidence = Evidence::of(mentions);
    let list_levels = list_levels(text, mentions);
    let county_lists = county_lists(text, mentions);
    let judged: Vec<Vec<Judged>> = mentions
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let before = i.checked_sub(1).map(|j| &mentions[j]);
            let after = mentions.get(i + 1);
            let count = |e: Option<&Entry>| e.map_or(0, |e| evidence.count(e.id(), m.name));
            m.readings
                .iter()
                .filter_map(|r| {
                    let entry = gazetteer::get(r.entry);
                    // A province or city written right before (江苏昆山), or a place inside it
                    // written right after (山西长治潞州区).
                    let adjacent = before.is_some_and(|b| b.span.end == m.span.start && encloses(b, entry))
                        || after.is_some_and(|a| a.span.start == m.span.end && inside(a, entry));
                    let parent = entry.parent();
                    let grandparent = parent.and_then(Entry::parent);
                    let named = evidence.named(r.entry, m.name);
                    let nearby = count(parent) + count(grandparent) > 0;
                    let supported = match r.doubt {
                        Doubt::None => true,
                        Doubt::Support => adjacent || named || nearby || (county_lists[i] && entry.level == PlaceLevel::County),
                        Doubt::CommonWord => adjacent || named,
                    };
                    let own = count(Some(entry));
                    let like_list = list_levels[i] == Some(entry.level);
                    let score =
                        100 * usize::from(adjacent) + 50 * usize::from(like_list) + 4 * own + 2 * count(parent) + count(grandparent);
                    supported.then_some(Judged { entry, score, adjacent, direct: adjacent || like_list || own > 0 })
                })
                .collect()
        })
        .collect();
    let best: Vec<Option<&Judged>> = judged.iter().map(|j| best_reading(j)).collect();
    // A name placed by its parent or child once (北京朝阳) keeps that reading wherever else the
    // document uses it and the reading is supported there (朝阳企业).
    let mut placed: FxHashMap<usize, EntryId> = FxHashMap::default();
    for (m, best) in mentions.iter().zip(&best) {
        if let Some(j) = best.filter(|j| j.adjacent) {
            placed.entry(m.name).or_insert(j.entry.id());
        }
    }
    mentions
        .iter()
        .zip(&judged)
        .zip(best)
        .filter_map(|((m, judged), best)| {
            let placed_elsewhere = || {
                let id = placed.get(&m.name)?;
                judged.iter().find(|j| j.entry.id() == *id)
            };
            let chosen = match best {
                Some(j) if j.adjacent => j,
                _ => placed_elsewhere().or(best)?,
            };
            Some((m.span.clone(), chosen.entry))
        })
        .collect()
}

/// The reading the document supports best. A reading below the highest one (吉林市 under
/// 吉林省, 河北区 under 河北省) needs evidence about itself: places around it in the same
/// province do not make 河北 a district of Tianjin.
fn best_reading(judged: &[Judged]) -> Option<&Judged> {
    let top = judged.iter().map(|j| j.entry.level).min();
    judged
        .iter()
        .filter(|j| Some(j.entry.level) == top || j.direct)
        .max_by_key(|j| (j.score, Reverse(j.entry.level), Reverse(j.entry.code.is_none()), Reverse(j.entry.code), Reverse(j.entry.id())))
}

/// For each mention in a list of places (上海、福建、四川), the level most of the other places
/// of the list have, counting those whose readings are all of one level.
fn list_levels(text: &str, mentions: &[Mention]) -> Vec<Option<PlaceLevel>> {
    let level_of = |m: &Mention| {
        let mut levels = m.readings.iter().map(|r| gazetteer::get(r.entry).level);
        let first = levels.next()?;
        levels.all(|l| l == first).then_some(first)
    };
    let listed_with_next = |i: usize| {
        mentions.get(i + 1).is_some_and(|next| {
            let mut gap = text.get(mentions[i].span.end..next.span.start).unwrap_or("").chars();
            matches!((gap.next(), gap.next()), (Some(c), None) if LIST_SEPARATORS.contains(&c))
        })
    };
    let mut out = vec![None; mentions.len()];
    let mut start = 0;
    while start < mentions.len() {
        let mut end = start + 1;
        while listed_with_next(end - 1) {
            end += 1;
        }
        let levels: Vec<Option<PlaceLevel>> = mentions[start..end].iter().map(level_of).collect();
        let mut counts: FxHashMap<PlaceLevel, usize> = FxHashMap::default();
        for level in levels.iter().flatten() {
            *counts.entry(*level).or_default() += 1;
        }
        for (own, slot) in levels.iter().zip(&mut out[start..end]) {
            let others = |level: PlaceLevel, count: usize| count - usize::from(*own == Some(level));
            let top = counts.iter().map(|(&l, &c)| others(l, c)).max().unwrap_or(0);
            let mut leaders = counts.iter().filter(|&(&l, &c)| others(l, c) == top && top > 0);
            if let (Some((&level, _)), None) = (leaders.next(), leaders.next()) {
                *slot = Some(level);
            }
        }
        start = end;
    }
    out
}

/// For each mention, whether it is in a list that ends with a word saying its items are
/// counties (`平乐、荔浦等5个县`, `杨凌、高淳两县区`).
fn county_lists(text: &str, mentions: &[Mention]) -> Vec<bool> {
    let mut out = vec![false; mentions.len()];
    let mut start = 0;
    while start < mentions.len() {
        let mut end = start + 1;
        while end < mentions.len() && {
            let mut gap = text.get(mentions[end - 1].span.end..mentions[end].span.start).unwrap_or("").chars();
            matches!((gap.next(), gap.next()), (Some(c), None) if LIST_SEPARATORS.contains(&c))
        } {
            end += 1;
        }
        if end - start >= 2 && says_counties(text.get(mentions[end - 1].span.end..).unwrap_or("")) {
            out[start..end].iter_mut().for_each(|b| *b = true);
        }
        start = end;
    }
    out
}

/// Whether `rest` begins with words that make the list before it a list of counties: `等`,
/// a number and `个` (each optional), then 县 (县区, 区县, 县市, 县(市、区)).
fn says_counties(rest: &str) -> bool {
    let rest = rest.strip_prefix('等').unwrap_or(rest);
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || crate::number::chinese_digit(c).is_some() || c == '十');
    let rest = rest.strip_prefix('个').unwrap_or(rest);
    ["县", "区县", "市县"].iter().any(|w| rest.starts_with(w))
}

/// A supported reading of a mention, weighed.
struct Judged {
    entry: &'static Entry,
    /// How well the document supports it.
    score: usize,
    /// Whether its parent is written right before it, or a child right after.
    adjacent: bool,
    /// Whether the evidence is about the entry itself (named, or a place inside it named, or
    /// its parent or child written next to it), not only about its surroundings.
    direct: bool,
}

/// What the document says for sure: the mentions with exactly one undoubted reading, counted at
/// that entry and at every division enclosing it, by the name that said it. A mention is never
/// evidence for its own name, so that a name repeated (朝阳 ×3) does not vote for its own
/// first reading.
struct Evidence {
    /// Entry → mentions at or inside it.
    within: FxHashMap<EntryId, usize>,
    /// (entry, name) → mentions of that name at or inside the entry.
    within_by_name: FxHashMap<(EntryId, usize), usize>,
    /// Entry → the names that named it for sure.
    named: FxHashMap<EntryId, FxHashSet<usize>>,
}

impl Evidence {
    fn of(mentions: &[Mention]) -> Evidence {
        let mut evidence = Evidence { within: FxHashMap::default(), within_by_name: FxHashMap::default(), named: FxHashMap::default() };
        for m in mentions {
            let mut sure = m.readings.iter().filter(|r| r.doubt == Doubt::None).map(|r| r.entry);
            let (Some(id), None) = (sure.next(), sure.next()) else {
                continue;
            };
            evidence.named.entry(id).or_default().insert(m.name);
            let entry = gazetteer::get(id);
            for e in std::iter::once(entry).chain(entry.ancestors()) {
                *evidence.within.entry(e.id()).or_default() += 1;
                *evidence.within_by_name.entry((e.id(), m.name)).or_default() += 1;
            }
        }
        evidence
    }

    /// Mentions at or inside `entry`, by names other than `name`.
    fn count(&self, entry: EntryId, name: usize) -> usize {
        let all = self.within.get(&entry).copied().unwrap_or(0);
        all - self.within_by_name.get(&(entry, name)).copied().unwrap_or(0)
    }

    /// Whether a name other than `name` names `entry` for sure.
    fn named(&self, entry: EntryId, name: usize) -> bool {
        self.named.get(&entry).is_some_and(|names| names.len() > 1 || !names.contains(&name))
    }
}

/// Whether a reading of `m` is a division that encloses `entry`.
fn encloses(m: &Mention, entry: &Entry) -> bool {
    m.readings.iter().any(|r| r.entry != entry.id() && entry.is_within(gazetteer::get(r.entry)))
}

/// Whether a reading of `m` is a division inside `entry`.
fn inside(m: &Mention, entry: &Entry) -> bool {
    m.readings.iter().any(|r| r.entry != entry.id() && gazetteer::get(r.entry).is_within(entry))
}

/// jieba's words in windows around the matches, in text order.
struct Words<'t> {
    words: Vec<Word<'t>>,
}

impl<'t> Words<'t> {
    /// Segment a window of [`CONTEXT_CHARS`] around each span (merged where they overlap),
    /// cut at characters that end jieba's blocks anyway (punctuation, spaces), so the words are
    /// those of the whole text.
    fn around(text: &'t str, spans: impl Iterator<Item = Range<usize>>) -> Words<'t> {
        let mut around: Vec<Range<usize>> = spans.map(|s| extend_left(text, s.start)..extend_right(text, s.end)).collect();
        // In the order of their starts, whatever the order of the spans.
        around.sort_by_key(|w| w.start);
        let mut windows: Vec<Range<usize>> = Vec::new();
        for w in around {
            match windows.last_mut() {
                Some(last) if w.start <= last.end => last.end = last.end.max(w.end),
                _ => windows.push(w),
            }
        }
        let words = windows.into_iter().flat_map(|w| segment::words_in(text, w)).collect();
        Words { words }
    }

    /// The word that contains byte `pos`.
    fn containing(&self, pos: usize) -> Option<&Word<'t>> {
        let i = self.words.partition_point(|w| w.end <= pos);
        self.words.get(i).filter(|w| w.start <= pos)
    }

    /// The word that starts at byte `pos`.
    fn word_at(&self, pos: usize) -> Option<&Word<'t>> {
        let i = self.words.partition_point(|w| w.start < pos);
        self.words.get(i).filter(|w| w.start == pos)
    }

    /// Whether a word starts or ends at byte `pos`.
    fn is_boundary(&self, pos: usize) -> bool {
        // The first word that ends at or after `pos` ends there, starts there, or spans it.
        let i = self.words.partition_point(|w| w.end < pos);
        self.words.get(i).is_some_and(|w| w.end == pos || w.start == pos)
    }
}

/// Whether jieba segments `c` inside a block of text (CJK, ASCII letters and digits, `+#&._%-`).
fn in_jieba_block(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
        || c.is_ascii_alphanumeric()
        || matches!(c, '+' | '#' | '&' | '.' | '_' | '%' | '-')
}

fn extend_left(text: &str, pos: usize) -> usize {
    text[..pos].char_indices().rev().take(CONTEXT_CHARS).take_while(|&(_, c)| in_jieba_block(c)).last().map_or(pos, |(i, _)| i)
}

fn extend_right(text: &str, pos: usize) -> usize {
    text[pos..]
        .char_indices()
        .take(CONTEXT_CHARS)
        .take_while(|&(_, c)| in_jieba_block(c))
        .last()
        .map_or(pos, |(i, c)| pos + i + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn names(text: &str) -> Vec<(&str, &'static str)> {
        find(text).into_iter().map(|(span, e)| (&text[span], e.name)).collect()
    }

    #[test]
    fn every_name_is_indexed_by_its_first_two_characters() {
        assert!(gazetteer::names().iter().all(|n| n.text.chars().count() >= 2));
        assert_eq!(NAME_INDEX.names.len(), gazetteer::names().len());
        assert_eq!(COMMON_WORDS.len(), gazetteer::names().len());
    }

    #[test]
    fn every_common_word_listed_is_a_gazetteer_name() {
        let listed = include_str!("../../data/common_words.txt").lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'));
        for word in listed {
            assert!(!gazetteer::lookup(word).is_empty(), "{word} is no name");
        }
    }

    #[test]
    fn words_segmented_in_groups_read_as_the_whole_text_does() {
        // Names in windows that overlap (咸阳兴平), touch a block's edge, or stand alone.
        let text = "咸阳兴平招商,渭南市与西安。杨凌示范区高淳区(高淳)北京路;".repeat(40);
        let matches = NAME_INDEX.find_all(&text);
        assert!(matches.len() > 200);
        let whole = format!("{:?}", mentions(&text, &matches, usize::MAX));
        for size in [1, 2, 7, 64] {
            assert!(word_groups(&text, &matches, size).len() > 1);
            assert_eq!(format!("{:?}", mentions(&text, &matches, size)), whole, "groups of {size}");
        }
    }

    #[test]
    fn names_at_the_edges_of_the_text_and_of_blocks() {
        assert_eq!(names("咸阳"), [("咸阳", "咸阳市")]);
        assert_eq!(names("(咸阳)"), [("咸阳", "咸阳市")]);
        assert_eq!(names("A咸阳市1"), [("咸阳市", "咸阳市")]);
        assert!(names("").is_empty());
    }

    #[test]
    fn a_county_short_form_is_supported_by_its_full_name_elsewhere() {
        // 高淳 alone is a person's name to jieba; 高淳区 written once makes it the district.
        assert!(names("高淳招商推介会").is_empty());
        assert_eq!(names("高淳区招商推介会，高淳客商"), [("高淳区", "高淳区"), ("高淳", "高淳区")]);
    }

    #[test]
    fn persons_names_in_bylines_are_not_places() {
        let text = "本报讯(记者 张正阳 通讯员 李江源)近日,责任编辑:王江源。记者从沛县获悉";
        let spans: Vec<&str> = person_names(text).into_iter().map(|s| &text[s]).collect();
        assert_eq!(spans, ["张正阳", "李江源", "王江源"]);
        assert_eq!(person_names("记者张正阳通讯员李江源").len(), 2);
        assert!(person_names("记者沛县报道。审核沛县项目。").is_empty());
    }

    #[test]
    fn not_place_words_hold_their_names() {
        assert!(!NOT_PLACE_WORDS.is_empty());
        for (word, name) in NOT_PLACE_WORDS.iter() {
            assert!(word.contains(name), "{word} holds {name}");
            assert!(!gazetteer::lookup(name).is_empty(), "{name} is a gazetteer name");
        }
    }

    #[test]
    fn counties_in_a_list_of_counties() {
        assert!(says_counties("等5个县参加"));
        assert!(says_counties("两县区"));
        assert!(says_counties("等县(市、区)"));
        assert!(!says_counties("等地"));
    }

    #[test]
    fn a_name_placed_once_keeps_its_reading() {
        let text = "北京朝阳，朝阳企业，朝阳项目";
        assert!(names(text).iter().skip(1).all(|&(_, name)| name == "朝阳区"));
    }

    proptest! {
        #[test]
        fn spans_are_names_in_order_and_never_overlap(
            text in "[咸阳兴平市县区省西安长治久北京朝吉林海南新建延安康中国、,。a1 \\n😀]{0,40}"
        ) {
            let found = find(&text);
            let mut end = 0;
            for (span, entry) in found {
                prop_assert!(span.start >= end);
                end = span.end;
                let slice = text.get(span.clone()).expect("spans fall on char boundaries");
                prop_assert!(gazetteer::lookup(slice).iter().any(|e| e.id() == entry.id()));
            }
        }
    }
}
