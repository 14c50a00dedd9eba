//! The region a document is written in — Taiwan, Hong Kong, Macau or the mainland — decided once
//! per document from cheap signals: the dateline (`中新社澳门5月3日电`), the places the text
//! names near its top, the region's own currency named anywhere (`新台币`, `港元`, `澳门元`) and
//! words only that region's texts use (`行政院`, `立法会`, `特区政府`, the offices that publish
//! statistics: `主计总处`, `政府统计处`, `统计暨普查局`), and words of every text written outside
//! the mainland (`按年` for year on year, `施政报告`). It decides what a bare currency means:
//! `亿元` in a Taiwan text is New Taiwan dollars, `澳元` in a Macau text is the pataca; and
//! whether a three-digit year is one of the Republic calendar (`113年`, see
//! [`crate::extract::time::republic_calendar`]). When the signals are few or point both ways,
//! the reading says so ([`Reading::doubt`]), and the money recognizer warns.
//!
//! Every signal is looked for in one left-to-right pass over the text (linear time), by three
//! automata whose matches are merged.
//!
//! ```
//! use gongbao::gazetteer::region::{document_region, Region};
//!
//! let (region, why) = document_region("中新社澳门5月3日电 澳门特区政府公布,全年投资30亿澳元。").unwrap();
//! assert_eq!(region, Region::Macau);
//! assert!(why.contains("dateline"));
//! assert!(document_region("全市新签约项目52个,总投资116.68亿元。").is_none());
//! ```

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, Input, Match, MatchKind};

use crate::normalize::Script;

/// A region outside the mainland whose texts use their own currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Region {
    /// Taiwan: a bare `元` is the New Taiwan dollar.
    Taiwan,
    /// Hong Kong: a bare `元` is the Hong Kong dollar.
    HongKong,
    /// Macau: a bare `元`, and `澳元`, are the pataca.
    Macau,
}

impl Region {
    /// The region's name, as a warning writes it.
    pub fn name(self) -> &'static str {
        match self {
            Region::Taiwan => "Taiwan",
            Region::HongKong => "Hong Kong",
            Region::Macau => "Macau",
        }
    }

    /// The ISO 4217 code of the region's currency.
    pub fn currency(self) -> &'static str {
        match self {
            Region::Taiwan => "TWD",
            Region::HongKong => "HKD",
            Region::Macau => "MOP",
        }
    }
}

/// Who a signal speaks for: one of the regions, the three of them (a usage of every text
/// written outside the mainland), or the mainland.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Region(Region),
    Outside,
    Mainland,
}

/// What kind of signal a word is, and its weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A news agency's dateline written from the region (`中新社澳门`): decisive at the top.
    Dateline,
    /// The region's currency named (`新台币`, `港元`), or the mainland's (`人民币`).
    Currency,
    /// A word only the region's texts use (`行政院`, `特区政府`, `市委`), or, for
    /// [`Side::Outside`], only texts from outside the mainland (`按年`).
    Word,
    /// A name only the mainland gives itself (`中华人民共和国`): 6 points.
    State,
    /// An office of the mainland that speaks about the regions (`国台办`, `港澳办`): its texts
    /// are the mainland's, however often they name the region (decisive unless a region's
    /// dateline opens the text).
    Office,
    /// A place of the region (`台北`, `香港`).
    Place,
}

/// The signal words. The text is normalized (simplified script) before it is read.
const SIGNALS: &[(&str, Side, Kind)] = {
    use Kind::*;
    use Region::*;
    use Side::Mainland as M;
    const T: Side = Side::Region(Taiwan);
    const H: Side = Side::Region(HongKong);
    const O: Side = Side::Region(Macau);
    const X: Side = Side::Outside;
    &[
        // Datelines: agency + place.
        ("中新社台北", T, Dateline),
        ("新华社台北", T, Dateline),
        ("中央社台北", T, Dateline),
        ("中央社记者", T, Dateline),
        ("中央社", T, Word),
        ("中新社香港", H, Dateline),
        ("新华社香港", H, Dateline),
        ("中通社香港", H, Dateline),
        ("中新社澳门", O, Dateline),
        ("新华社澳门", O, Dateline),
        ("中通社澳门", O, Dateline),
        ("澳门日报", O, Dateline),
        ("新华社北京", M, Dateline),
        ("中新社北京", M, Dateline),
        ("中新网北京", M, Dateline),
        ("国台办", M, Office),
        ("国务院台办", M, Office),
        ("台办", M, Office),
        ("港澳办", M, Office),
        ("台胞", M, Word),
        ("中华人民共和国", M, State),
        ("社会主义", M, Word),
        ("人民代表大会", M, Word),
        ("各位代表", M, Word),
        ("五年计划", M, Word),
        ("五年规划", M, Word),
        // Currencies.
        ("新台币", T, Currency),
        ("台币", T, Currency),
        ("NT$", T, Currency),
        ("港元", H, Currency),
        ("港币", H, Currency),
        ("HK$", H, Currency),
        ("澳门元", O, Currency),
        ("澳门币", O, Currency),
        ("澳币", O, Currency),
        ("葡币", O, Currency),
        ("MOP", O, Currency),
        ("人民币", M, Currency),
        // Words of the region's institutions.
        ("行政院", T, Word),
        ("立法院", T, Word),
        ("监察院", T, Word),
        ("国发会", T, Word),
        ("陆委会", T, Word),
        ("经济部", T, Word),
        ("内政部", T, Word),
        ("卫福部", T, Word),
        ("县市政府", T, Word),
        ("民进党", T, Word),
        ("国民党", T, Word),
        ("民国", T, Word),
        ("主计总处", T, Word),
        ("各部会", T, Word),
        ("侨外投资", T, Word),
        ("投审会", T, Word),
        ("金管会", T, Word),
        ("六都", T, Word),
        // Taiwan's news writes the day or the year inside today and yesterday: 今(15)日, 昨(26)日.
        ("今(", T, Word),
        ("昨(", T, Word),
        ("立法会", H, Word),
        ("特首", H, Word),
        ("行政长官", H, Word),
        ("港府", H, Word),
        ("澳门特区", O, Word),
        ("澳门特别行政区", O, Word),
        ("澳府", O, Word),
        ("香港特区", H, Word),
        ("香港特别行政区", H, Word),
        ("政府统计处", H, Word),
        ("投资推广署", H, Word),
        ("财政司", H, Word),
        ("政务司", H, Word),
        // Written from Hong Kong: come to, visit Hong Kong (往来港澳 is the mainland's).
        ("来港", H, Word),
        ("访港", H, Word),
        ("统计暨普查局", O, Word),
        ("贸促局", O, Word),
        ("经济财政司", O, Word),
        ("本澳", O, Word),
        // Usages of Hong Kong, Macau and Taiwan alike: year on year (按年增长, not 按年度), the
        // head of government's policy address.
        ("按年增", X, Word),
        ("按年减", X, Word),
        ("按年上升", X, Word),
        ("按年下", X, Word),
        ("按年微", X, Word),
        ("按年跌", X, Word),
        ("施政报告", X, Word),
        ("市委", M, Word),
        ("县委", M, Word),
        ("省委", M, Word),
        ("区委", M, Word),
        ("党委", M, Word),
        ("人民政府", M, Word),
        ("国务院", M, Word),
        ("发改委", M, Word),
        ("全国人大", M, Word),
        ("招商引资", M, Word),
        // A visit to a region is written from elsewhere (赴香港招商).
        ("赴香港", M, Word),
        ("赴港", M, Word),
        ("赴澳门", M, Word),
        ("赴台湾", M, Word),
        ("赴台", M, Word),
        ("到香港", M, Word),
        ("到澳门", M, Word),
        ("到台湾", M, Word),
        ("往来港澳", M, Word),
        ("往来澳门", M, Word),
        // Capital and merchants of elsewhere, as the mainland counts them.
        ("台资", M, Word),
        ("港资", M, Word),
        ("澳资", M, Word),
        ("客商", M, Word),
        // Places.
        ("台湾", T, Place),
        ("台北", T, Place),
        ("新北", T, Place),
        ("桃园", T, Place),
        ("台中", T, Place),
        ("台南", T, Place),
        ("高雄", T, Place),
        ("香港", H, Place),
        ("九龙", H, Place),
        ("新界", H, Place),
        ("澳门", O, Place),
        ("澳门半岛", O, Place),
        ("氹仔", O, Place),
        ("路环", O, Place),
    ]
};

/// Which automaton a signal word goes to: the mainland's words, Taiwan's with the words of every
/// text outside the mainland, Hong Kong's with Macau's.
fn automaton_of(side: Side) -> usize {
    match side {
        Side::Mainland => 0,
        Side::Region(Region::Taiwan) | Side::Outside => 1,
        Side::Region(Region::HongKong | Region::Macau) => 2,
    }
}

/// The signal words in three automata (see [`automaton_of`]), each leftmost-longest
/// (`中新社澳门` before `澳门`), with the index in [`SIGNALS`] of each of its words.
///
/// Why several: an automaton of at most 64 words gets the crate's vector prefilter (Teddy), one
/// of all the words does not, and in CJK text (whose UTF-8 lead bytes are all alike) it then
/// walks every byte. [`Signals`] merges their matches into exactly those of one automaton over
/// all the words.
static AUTOMATA: LazyLock<[(AhoCorasick, Vec<usize>); 3]> = LazyLock::new(|| {
    let part = |k: usize| {
        let words: Vec<usize> = (0..SIGNALS.len()).filter(|&i| automaton_of(SIGNALS[i].1) == k).collect();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(words.iter().map(|&i| SIGNALS[i].0))
            .expect("the region signals build an automaton");
        (automaton, words)
    };
    [part(0), part(1), part(2)]
});

/// The signal words in `text`, as one leftmost-longest automaton over all of them would find
/// them: the index in [`SIGNALS`] and the start of each, in text order, never overlapping.
///
/// From the end of the last match, each automaton's next match is known; the earliest wins, the
/// longest if several start at the same place (two words of the same length there are the same
/// word). A match that the winner overlaps is looked for again past its end.
struct Signals<'t> {
    text: &'t str,
    /// Where the next match may start.
    at: usize,
    /// Each automaton's first match at or after some offset not after `at`; `None` once it
    /// has no more.
    next: [Option<Match>; 3],
    /// Whether `next` was searched for yet.
    searched: [bool; 3],
}

impl<'t> Signals<'t> {
    fn new(text: &'t str) -> Signals<'t> {
        Signals { text, at: 0, next: [None; 3], searched: [false; 3] }
    }
}

impl Iterator for Signals<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let automata = &*AUTOMATA;
        for (i, (automaton, _)) in automata.iter().enumerate() {
            let stale = self.next[i].is_some_and(|m| m.start() < self.at);
            if !self.searched[i] || stale {
                self.searched[i] = true;
                self.next[i] = automaton.find(Input::new(self.text).span(self.at..self.text.len()));
            }
        }
        let (i, m) = (0..automata.len())
            .filter_map(|i| Some((i, self.next[i]?)))
            .min_by_key(|&(i, m)| (m.start(), std::cmp::Reverse(m.end()), automata[i].1[m.pattern().as_usize()]))?;
        self.at = m.end();
        Some((automata[i].1[m.pattern().as_usize()], m.start()))
    }
}

/// Bytes at the top of a text where a dateline or a place counts more (about 100 characters).
const TOP: usize = 300;

/// Points a region needs before it decides the document.
const THRESHOLD: u32 = 6;

/// What a document's signal words say of the region it is written in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reading {
    /// The region outside the mainland the document is written in, with the reason (for a
    /// warning); `None` for the mainland and for texts that do not say.
    pub region: Option<(Region, String)>,
    /// The region whose own words the text names most, decided or not (`台北市` alone leans to
    /// Taiwan); `None` when no region's words are named, when two tie, or when a mainland
    /// dateline or office speaks.
    pub leaning: Option<Region>,
    /// Why the decision is uncertain, when it is: a region decided on few words, or against
    /// words of the mainland, or a region's words named in a text left to the mainland.
    pub doubt: Option<String>,
    /// Whether the original was written in simplified script (as [`read`] was told).
    pub simplified: bool,
}

/// The region a document is written in, with the reason (for a warning), or `None` for the
/// mainland and for texts that do not say: [`read`]'s decision on a text whose script is not
/// known to be simplified.
pub fn document_region(text: &str) -> Option<(Region, String)> {
    read(text, Script::Mixed).region
}

/// What the signal words of `text` (normalized: simplified script) say of its region;
/// `script` is the original's: simplified script, as the mainland writes, is 3 points to the
/// mainland, and traditional script, as Hong Kong's, Macau's and Taiwan's pages are written, 3
/// points to the usages of every text outside it (it decides nothing alone — mainland pages
/// are copied into traditional script too — but a release that names only its own statistics
/// office, `政府统计处`, is then placed).
///
/// A dateline at the top decides (a mainland one for the mainland), and so does a mainland
/// office that speaks about the regions (`国台办`). Otherwise each signal word adds points to
/// its side once, however often it is repeated — a currency 3, an institution's word 2 and a
/// place 1 (both 3 at the top), the mainland's name for itself 6. A region wins when its own
/// points and those of the usages of every text outside the mainland (`按年增长`) come to at
/// least `THRESHOLD` and more than the mainland's, and its own points are more than twice those
/// of any other region: a mainland bulletin that names Hong Kong once or quotes an amount in 港元
/// stays mainland. The decision is sure when a dateline makes it, or when the region's own words
/// reach `THRESHOLD` and three times the mainland's points; otherwise [`Reading::doubt`] says
/// why it is not.
pub fn read(text: &str, script: Script) -> Reading {
    let simplified = script == Script::Simplified;
    const REGIONS: [Region; 3] = [Region::Taiwan, Region::HongKong, Region::Macau];
    // The weight of each signal word, the largest of its occurrences (a word repeated counts
    // once), and the first dateline at the top.
    let mut weights = vec![0u32; SIGNALS.len()];
    let mut dateline: Option<(Side, &str)> = None;
    let mut office = false;
    for (p, start) in Signals::new(text) {
        let (word, side, kind) = SIGNALS[p];
        let top = start < TOP;
        let weight = match kind {
            Kind::Dateline if top => {
                dateline.get_or_insert((side, word));
                10
            }
            Kind::Office => {
                office = true;
                10
            }
            Kind::State => 6,
            Kind::Dateline | Kind::Currency => 3,
            Kind::Word if top => 3,
            Kind::Word => 2,
            Kind::Place if top => 3,
            Kind::Place => 1,
        };
        weights[p] = weights[p].max(weight);
    }
    match dateline {
        Some((Side::Region(r), word)) => {
            return Reading { region: Some((r, format!("the dateline {word}"))), leaning: Some(r), doubt: None, simplified };
        }
        Some((_, _)) => return Reading { simplified, ..Reading::default() },
        None if office => return Reading { simplified, ..Reading::default() },
        None => {}
    }
    let mut points = [0u32; 3];
    let (mut outside, mut mainland) = (0u32, 0u32);
    // Up to three words per side, for the reason, in the order of the signal list.
    let mut seen: [Vec<&'static str>; 5] = Default::default();
    if simplified {
        mainland += 3;
        seen[4].push("simplified script");
    }
    if script == Script::Traditional {
        outside += 3;
        seen[3].push("traditional script");
    }
    for (&(word, side, _), &weight) in SIGNALS.iter().zip(&weights).filter(|(_, w)| **w > 0) {
        let i = match side {
            Side::Region(r) => {
                let i = REGIONS.iter().position(|&x| x == r).unwrap_or(0);
                points[i] += weight;
                i
            }
            Side::Outside => {
                outside += weight;
                3
            }
            Side::Mainland => {
                mainland += weight;
                4
            }
        };
        if seen[i].len() < 3 {
            seen[i].push(word);
        }
    }
    let Some((best, &own)) = points.iter().enumerate().max_by_key(|&(_, p)| *p) else {
        return Reading { simplified, ..Reading::default() };
    };
    let second = points.iter().enumerate().filter(|&(i, _)| i != best).map(|(_, p)| *p).max().unwrap_or(0);
    let leaning = (own > second).then_some(REGIONS[best]);
    let region = REGIONS[best];
    let words = |i: usize| seen[i].join(", ");
    let total = own + outside;
    let decided = own > 0 && total >= THRESHOLD && own > 2 * second && total > mainland;
    if !decided {
        // Worth a word only when the region had a case: enough points, or its own words in a
        // text that names nothing of the mainland.
        let doubt = (leaning.is_some() && (total >= THRESHOLD || own >= 3 && mainland == 0)).then(|| {
            let against = if mainland > 0 { format!(", and {}", words(4)) } else { String::new() };
            format!("the text names {}{against}, too little to place it in {}", words(best), region.name())
        });
        return Reading { region: None, leaning, doubt, simplified };
    }
    let mut why = format!("the text names {}", words(best));
    if outside > 0 {
        why.push_str(&format!(" and {}", words(3)));
    }
    let sure = own >= THRESHOLD && own >= 3 * mainland;
    // A mainland city or county named by its full name at the top is the text's subject: a
    // region decided on few words is then only where an investor comes from (`吉林市丰满区…;香港
    // 某集团投资3亿港元`).
    if !sure && let Some(place) = mainland_division_at_top(text) {
        let doubt = format!("the text names {}, but {place} at its top: it is left to the mainland", words(best));
        return Reading { region: None, leaning, doubt: Some(doubt), simplified };
    }
    let doubt = (!sure).then(|| {
        let against = if mainland > 0 { format!(", but also {}", words(4)) } else { String::new() };
        format!("{} is decided on {}{against}", region.name(), &why["the text names ".len()..])
    });
    Reading { region: Some((region, why)), leaning, doubt, simplified }
}

/// The first mainland city or county (not Hong Kong's, Macau's or Taiwan's) that the top of
/// `text` names by its full name, suffix and all (`丰满区`, `吉林市`): the words before each 市,
/// 县, 区, 州, 旗 or 盟, two to five characters with it, looked up in the gazetteer.
fn mainland_division_at_top(text: &str) -> Option<&'static str> {
    let mut top = TOP.min(text.len());
    while !text.is_char_boundary(top) {
        top -= 1;
    }
    let top = &text[..top];
    let starts: Vec<usize> = top.char_indices().map(|(k, _)| k).collect();
    top.char_indices().enumerate().filter(|(_, (_, c))| "市县区州旗盟".contains(*c)).find_map(|(n, (k, c))| {
        let end = k + c.len_utf8();
        (1..=4).filter(|&back| back <= n).find_map(|back| {
            super::lookup(&top[starts[n - back]..end]).into_iter().find_map(|e| {
                let mainland = e.code.is_some_and(|code| !["71", "81", "82"].iter().any(|p| code.starts_with(p)));
                (mainland && matches!(e.level, crate::fact::PlaceLevel::City | crate::fact::PlaceLevel::County)).then_some(e.name)
            })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region(text: &str) -> Option<Region> {
        read(text, Script::Mixed).region.map(|(r, _)| r)
    }

    /// One automaton over all the words: what [`Signals`] must find.
    fn one_automaton(text: &str) -> Vec<(usize, usize)> {
        static ONE: LazyLock<AhoCorasick> = LazyLock::new(|| {
            AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(SIGNALS.iter().map(|(w, _, _)| w)).unwrap()
        });
        ONE.find_iter(text).map(|m| (m.pattern().as_usize(), m.start())).collect()
    }

    #[test]
    fn each_automaton_is_small_enough_for_the_vector_prefilter() {
        let mut words: Vec<&str> = SIGNALS.iter().map(|(w, _, _)| *w).collect();
        words.sort_unstable();
        words.dedup();
        assert_eq!(words.len(), SIGNALS.len(), "a signal word is listed twice");
        for (_, words) in AUTOMATA.iter() {
            assert!((1..=64).contains(&words.len()), "{} words", words.len());
        }
    }

    #[test]
    fn the_automata_find_what_one_would() {
        let cases = [
            // Words of the two automata overlapping: the earlier wins, the longer at a tie, and
            // the one it overlaps is looked for again after it.
            "民进党委",
            "赴台北",
            "赴台湾",
            "到香港特区",
            "中新社香港",
            "中新社北京香港",
            "国台办台胞台湾",
            "澳门特别行政区人民政府",
            "人民币港元新台币NT$HK$MOP",
            "新华社台北新华社北京",
            "",
            "台",
        ];
        for text in cases {
            assert_eq!(Signals::new(text).collect::<Vec<_>>(), one_automaton(text), "{text}");
        }
        // Every pair of words, side by side and sharing a character, and texts made of the
        // words' characters at random (a fixed sequence).
        let words: Vec<&str> = SIGNALS.iter().map(|(w, _, _)| *w).collect();
        for a in &words {
            for b in &words {
                let joined = format!("{a}{b}");
                assert_eq!(Signals::new(&joined).collect::<Vec<_>>(), one_automaton(&joined), "{joined}");
                let skip = b.chars().next().map_or(0, char::len_utf8);
                let shared = format!("{a}{}", &b[skip..]);
                assert_eq!(Signals::new(&shared).collect::<Vec<_>>(), one_automaton(&shared), "{shared}");
            }
        }
        let chars: Vec<char> = words.iter().flat_map(|w| w.chars()).chain(['的', ',']).collect();
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..2000 {
            let text: String = (0..40)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    chars[(state % chars.len() as u64) as usize]
                })
                .collect();
            assert_eq!(Signals::new(&text).collect::<Vec<_>>(), one_automaton(&text), "{text}");
        }
    }

    #[test]
    fn datelines_decide() {
        assert_eq!(region("中新社台北10月18日电 台湾当局公布预算3兆1,250亿元。"), Some(Region::Taiwan));
        assert_eq!(region("新华社香港3月2日电 特区政府拨款50亿元。"), Some(Region::HongKong));
    }

    #[test]
    fn signals_add_up() {
        assert_eq!(region("行政院会通过预算,台北市与高雄市各获新台币50亿元。"), Some(Region::Taiwan));
        assert_eq!(region("香港特区政府宣布,立法会通过拨款100亿元。"), Some(Region::HongKong));
    }

    #[test]
    fn a_mainland_text_naming_a_region_stays_mainland() {
        let office = "国台办发言人表示,台湾同胞、台湾企业在大陆投资。台北、高雄的台商参会,民进党当局阻挠。签约50亿元。";
        assert_eq!(region(office), None);
        assert_eq!(region("新华社北京5月3日电 香港特区政府、立法会与港元汇率。"), None);
        // A report of 1954 names the old regime's ministries and calendar.
        let report =
            "各位代表:中华人民共和国宪法通过。人民政府领导社会主义建设,第一个五年计划。国民党政府的经济部在民国年间,台湾尚未解放。";
        assert_eq!(region(report), None);
        assert_eq!(region("市委书记率团赴香港招商,签约项目12个,总投资50亿元,其中港资3亿港元。"), None);
        assert_eq!(region("全市新签约项目52个,总投资116.68亿元,与台湾客商座谈。"), None);
        assert_eq!(region(""), None);
        // A mainland page on Hong Kong's economy quotes its dollars and its statistics.
        let quoting = "新华社北京3月2日电 香港特区政府统计处公布,本港按年增长3%,港元汇率稳定,内地企业投资50亿元。";
        assert_eq!(region(quoting), None);
        assert_eq!(region("市政府组织企业赴港招商,持往来港澳通行证的客商签约30亿元,其中港资5亿港元。"), None);
    }

    #[test]
    fn offices_and_usages_place_a_text() {
        // Hong Kong: the investment agency, visitors "coming to Hong Kong", 按年, the policy address.
        let hk = "投资推广署:去年协助500间公司来港 带来600亿元投资\n企业合计带来600亿元投资,按年增长10%。根据施政报告,香港将续吸引企业。";
        assert_eq!(region(hk), Some(Region::HongKong));
        assert_eq!(read(hk, Script::Mixed).doubt, None);
        // Macau: its currency, its trade promotion institute, its statistics office.
        let macau = "经济局推出援助计划,批出金额20亿元。贸促局资助企业参展,涉及金额300万元,并推动澳门元与人民币挂钩。";
        let reading = read(macau, Script::Mixed);
        assert_eq!(reading.region.as_ref().map(|(r, _)| *r), Some(Region::Macau));
        // ... against the mainland's currency named once: decided, but not surely.
        assert!(reading.doubt.as_deref().is_some_and(|d| d.starts_with("Macau is decided on") && d.contains("人民币")), "{reading:?}");
        assert_eq!(region("统计暨普查局资料显示,今年9月旅客按年减少5%,澳门半岛酒店入住率为80%。"), Some(Region::Macau));
        // Taiwan: the ministries, overseas Chinese and foreign investment, 昨(26)日.
        let taiwan = "经济部昨(26)日公布,各部会及地方政府5亿元以上投资案共有200件,侨外投资达3000亿元,台湾投资回温。";
        assert_eq!(region(taiwan), Some(Region::Taiwan));
        assert_eq!(read("台北市113年预算", Script::Mixed).leaning, Some(Region::Taiwan));
    }

    #[test]
    fn traditional_script_supports_a_region_but_decides_nothing_alone() {
        let release = "政府统计处今日发表的零售业销货额临时统计数字显示,一月的零售业总销货价值为353亿元,上升0.6%。";
        assert_eq!(read(release, Script::Mixed).region, None);
        assert_eq!(read(release, Script::Traditional).region.map(|(r, _)| r), Some(Region::HongKong));
        // A mainland bulletin copied into traditional script stays the mainland's.
        assert_eq!(read("全市新签约项目52个,总投资116.68亿元。", Script::Traditional).region, None);
    }

    #[test]
    fn simplified_script_speaks_for_the_mainland() {
        let mainland = "全省与台湾客商签约30亿元,台资企业新增投资5亿新台币。";
        assert_eq!(read(mainland, Script::Simplified).region, None);
        assert_eq!(read("香港客商参会,全市实际利用港资3亿港元。", Script::Simplified).region, None);
        // Hong Kong's government writes simplified pages too.
        let hk = "香港特区政府统计处公布,第三季本地生产总值按年增长4%,财政司司长表示经济向好。";
        assert_eq!(read(hk, Script::Simplified).region.map(|(r, _)| r), Some(Region::HongKong));
    }

    #[test]
    fn a_mainland_division_at_the_top_outweighs_a_few_region_words() {
        let district = "吉林市丰满区上半年签约项目12个,总投资50亿元;香港某集团投资3亿港元。";
        let reading = read(district, Script::Simplified);
        assert_eq!(reading.region, None);
        assert!(reading.doubt.as_deref().is_some_and(|d| d.contains("吉林市")), "{reading:?}");
        let currencies: Vec<String> = crate::extract(district)
            .facts
            .iter()
            .filter_map(|f| match &f.value {
                crate::fact::Value::Money(m) => Some(m.currency.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(currencies, ["CNY", "HKD"]);
        // (Not a full name: 吉林 alone, a province's too, places nothing.)
        assert_eq!(mainland_division_at_top("吉林上半年签约"), None);
        assert_eq!(mainland_division_at_top("香港特别行政区"), None);
        // A region decided surely keeps the text, whatever mainland city it names.
        let hk = "深圳市企业参展。投资推广署:去年协助500间公司来港 带来600亿元投资\n企业合计带来600亿元投资,按年增长10%。根据施政报告,香港将续吸引企业。";
        assert_eq!(region(hk), Some(Region::HongKong));
    }

    #[test]
    fn a_region_named_but_not_placed_is_a_doubt() {
        let reading = read("香港特区政府宣布,拨款100亿元。", Script::Mixed);
        assert!(!reading.simplified);
        assert_eq!(reading.region, None);
        assert!(reading.doubt.as_deref().is_some_and(|d| d.contains("香港特区") && d.contains("Hong Kong")), "{reading:?}");
        assert_eq!(read("全市新签约项目52个,总投资116.68亿元。", Script::Mixed), Reading::default());
    }
}
