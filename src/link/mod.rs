//! Records: each figure's context — what it measures, the period it covers, the area it is
//! about, and how it relates to the figures around it — read from the recognizers' facts and the
//! document's layout.
//!
//! This stage does not scan the text for numbers again: it reads the facts the recognizers found
//! (their kinds, values and spans in the normalized text), the document's lines and turns, and
//! the words between the facts. One file per question:
//!
//! - [`what`]: the indicator, from the words before a figure in its clause;
//! - [`when`]: the period, carried forward from the time fact that scopes a figure, and the base
//!   period of a growth;
//! - [`area`]: the document's home area and each figure's area;
//! - [`relate`]: the figure a percentage qualifies, the whole of a 其中 part, and figures that
//!   contradict each other.
//!
//! Two private files serve them all: `lexicon`, the word lists searched in the words between
//! facts, and `bytewise`, the `str` questions asked of short stretches answered from their bytes.
//!
//! Every look at the words around a figure is bounded ([`REACH`] characters), so the stage is
//! linear in the document's length.

pub mod area;
mod bytewise;
mod lexicon;
pub mod relate;
pub mod what;
pub mod when;

use std::ops::Range;

use crate::document::Layout;
use crate::fact::Reference;
use crate::fact::{Fact, HomeArea, Record};
use crate::normalize::OffsetMap;

/// How far (in characters) the stage looks back from a figure for its words.
pub const REACH: usize = 80;

/// How far (in characters) the stage looks back from a fact for the start of its sentence.
const SENTENCE_REACH: usize = 400;

/// The text from `from` to `to`, at most the last [`SENTENCE_REACH`] characters of it
/// (counted as three bytes each, as Han characters take): a sentence without marks may be a
/// whole text, and reading it back from every figure is quadratic.
pub(crate) fn recent(text: &str, from: usize, to: usize) -> &str {
    let mut from = from.min(to).max(to.saturating_sub(SENTENCE_REACH * 3));
    while !text.is_char_boundary(from) {
        from += 1;
    }
    text.get(from..to).unwrap_or("")
}

/// What the records stage reads: the texts, the layout, and the facts with their spans in the
/// normalized text.
pub struct Context<'a> {
    /// The original text.
    pub original: &'a str,
    /// The normalized text (simplified, half-width): the stage reads words here.
    pub text: &'a str,
    /// Normalized → original offsets, for the indicators' spans.
    pub map: &'a OffsetMap,
    /// Lines, turns, chrome.
    pub layout: &'a Layout,
    /// The facts, in span order.
    pub facts: &'a [Fact],
    /// Each fact's span in the normalized text (same order as `facts`).
    pub spans: &'a [Range<usize>],
    /// The reference date the facts were resolved against.
    pub reference: Option<Reference>,
    /// The region outside the mainland the document is written in (`None` for the mainland).
    pub region: Option<crate::gazetteer::region::Region>,
}

/// What the stage adds to a document.
#[derive(Debug, Default)]
pub struct Linked {
    /// One entry per fact: a record for figures, `None` for times and places (boxed: times and
    /// places are most of a long text's facts, and a record is larger than a fact).
    pub records: Vec<Option<Box<Record>>>,
    /// The area whose government or bureau speaks.
    pub home_area: Option<HomeArea>,
    /// Contradictions between figures that the text leaves no doubt about.
    pub warnings: Vec<String>,
}

/// What the files of this stage learn about each fact on the way, beside the records.
#[derive(Debug, Clone, Default)]
pub struct Notes {
    /// The fact's sentence: where it starts (normalized bytes).
    pub sentence: usize,
    /// Where the fact's full sentence starts: after the last full stop (`。`, `!`, `?`) or line
    /// break; semicolons, which end a [`Notes::sentence`], do not end it (a list under 其中 or
    /// after 分产业看 runs through them).
    pub stop: usize,
    /// Where reading back from the fact for its marks stopped: every character from here to the
    /// fact was read, and where 中, 看, 划, 观 and 统 stand among them was noted (for
    /// [`relate::parts`]).
    pub read_from: usize,
    /// Where the fact's clause starts: after the nearest clause mark or the end of the previous
    /// fact, whichever is nearer.
    pub clause: usize,
    /// Where the fact's clause starts by its marks alone (facts before it in the clause count).
    pub clause_mark: usize,
    /// The index of the line (paragraph) the fact is in.
    pub line: usize,
    /// Where the parenthesis the fact sits in opens, if it sits in one.
    pub paren: Option<usize>,
    /// The words before the figure that say what it measures (normalized bytes), trimmed.
    pub words: Option<Range<usize>>,
    /// A figure with no period: a project's size, a threshold, a standing total, an attribute.
    pub periodless: bool,
    /// A target or a task (目标, 任务, 计划) rather than a result.
    pub target: bool,
    /// The run of figures this one belongs to: figures of one kind (percentages of one unit) in
    /// one sentence with nothing but list words between them (`6.9万元、3.4万元`,
    /// `10.6%和9.1%`), as the index of the run's first figure and its length.
    pub run: (usize, usize),
    /// An amount by which something changed (`比上年增加63公顷`, `减少162万吨`) rather than a
    /// level: it shares the level's indicator, has a base period, and is neither qualified by a
    /// percentage nor a part or whole.
    pub change: bool,
}

/// Build every figure's record.
pub fn link(ctx: &Context<'_>) -> Linked {
    link_at_home(ctx, None)
}

/// [`link`] with the home area decided beforehand (`Some`): a document read in sections takes
/// its first section's for every section, so that `area` means one thing in all of them.
pub fn link_at_home(ctx: &Context<'_>, home_area: Option<Option<HomeArea>>) -> Linked {
    let mut records: Vec<Option<Box<Record>>> = ctx.facts.iter().map(|f| f.is_figure().then(Box::default)).collect();
    let (mut notes, openers) = notes(ctx);
    runs(ctx, &mut notes);
    what::words(ctx, &mut notes);
    when::periodless(ctx, &mut notes);
    relate::qualifies(ctx, &notes, &mut records);
    relate::parts(ctx, &notes, &openers, &mut records);
    relate::parenthesized_parts(ctx, &notes, &mut records);
    relate::sums(ctx, &notes, &mut records);
    what::indicators(ctx, &notes, &mut records);
    // (The scope words, the plan and now markers and the home words, in one pass; a text read
    // in sections has its home area already.)
    let found = text_words(ctx.text);
    when::periods_among(ctx, &notes, when::Markers::among(found.markers), &mut records);
    let home_area = home_area.unwrap_or_else(|| area::home_area_among(ctx, &found.scope_words));
    area::areas_among(ctx, &notes, home_area.as_ref(), &found.home_words, &mut records);
    let mut warnings = Vec::new();
    relate::contradictions(ctx, &records, &mut warnings);
    Linked { records, home_area, warnings }
}

/// The words the stage looks for over a whole text, as one list: the vector search over a
/// whole text costs much the same per byte for one list as for three.
struct WholeTextWords {
    /// The scope words ([`area`]), then the plan and now markers ([`when`]), then the home words
    /// ([`area`]) that are no scope words.
    words: lexicon::HanWords,
    /// How many scope words and markers the list opens with.
    scope_words: usize,
    markers: usize,
    /// For each word of the list, its index among the home words, if it is one.
    home: Vec<Option<usize>>,
    /// For each marker, the scope words (with their indices, in order) that start with its last
    /// character: those that may share it (most markers have none).
    shared: Vec<Vec<(usize, &'static str)>>,
}

static TEXT_WORDS: std::sync::LazyLock<WholeTextWords> = std::sync::LazyLock::new(|| {
    let home_words = area::home_words();
    let mut words: Vec<&str> = area::scope_words().chain(when::marker_words()).collect();
    let (scope_words, markers) = (area::scope_words().count(), when::marker_words().count());
    words.extend(home_words.iter().filter(|w| !words.contains(w)).collect::<Vec<_>>());
    let home = words.iter().map(|w| home_words.iter().position(|h| h == w)).collect();
    let shared = when::marker_words()
        .map(|m| {
            let last = m.chars().next_back().unwrap_or_default();
            area::scope_words().enumerate().filter(|(_, w)| w.starts_with(last)).collect()
        })
        .collect();
    WholeTextWords { words: lexicon::HanWords::new(&words), scope_words, markers, home, shared }
});

/// A text's scope words, its plan and now markers and its home words, in text order.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct TextWords {
    /// (start, index in [`area::scope_words`]).
    pub(crate) scope_words: Vec<(usize, usize)>,
    /// (start, is a plan marker).
    pub(crate) markers: Vec<(usize, bool)>,
    /// (start, index in [`area::home_words`]): every place one stands.
    pub(crate) home_words: Vec<(usize, usize)>,
}

/// A text's scope words, plan and now markers and home words, found in one pass: the matches a
/// pass of each list of its own finds (the home words, which no two overlap, wherever they
/// stand).
///
/// (A marker and a scope word can share only a character that ends the one and starts the
/// other: `接下来港` is the marker `接下来` to a pass of the markers and `来港` to a pass of the
/// scope words. The pass of all finds the marker; the scope word is looked for where the
/// marker's last character stands. No home word shares a character with a word of another list
/// but itself. See the tests.)
pub(crate) fn text_words(text: &str) -> TextWords {
    let list = &*TEXT_WORDS;
    let (mut scope_words, mut markers, mut home_words) = (Vec::new(), Vec::new(), Vec::new());
    for (start, k) in list.words.find_iter(text) {
        if let Some(h) = list.home[k] {
            home_words.push((start, h));
        }
        if k < list.scope_words {
            scope_words.push((start, k));
            continue;
        }
        let Some(m) = Some(k - list.scope_words).filter(|&m| m < list.markers) else { continue };
        markers.push((start, when::is_plan_marker(m)));
        let marker = when::marker_words().nth(m).unwrap_or("");
        let last = start + marker.len() - marker.chars().next_back().map_or(0, char::len_utf8);
        let rest = text.get(last..).unwrap_or("");
        // (Only a scope word that starts with the marker's last character can start there.)
        let shared = list.shared[m].iter().filter(|(_, w)| rest.starts_with(w)).max_by_key(|(_, w)| w.len());
        if let Some(&(s, _)) = shared {
            scope_words.push((last, s));
        }
    }
    TextWords { scope_words, markers, home_words }
}

/// Whether `c` ends a sentence: the segmenter's sentence ends (`。！？；`, line breaks).
pub(crate) fn is_sentence_mark(c: char) -> bool {
    crate::segment::is_sentence_end(c)
}

/// Whether `c` ends a full sentence: a full stop, an exclamation or question mark, a line break
/// (not a semicolon).
pub(crate) fn is_full_stop(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | '！' | '？' | '\n' | '\r')
}

/// Whether `c` ends a clause for this stage: the segmenter's clause ends (sentence ends, commas,
/// enumeration commas, colons), and also brackets, quotation marks and spaces, which close off
/// the words before a figure too.
pub(crate) fn is_clause_mark(c: char) -> bool {
    crate::segment::is_clause_end(c)
        || matches!(c, '(' | ')' | '（' | '）' | '“' | '”' | '"' | '《' | '》' | '【' | '】' | '[' | ']' | ' ' | '\u{3000}' | '\t')
}

/// Where the clause that goes on at `from` ends: at the next clause mark, or [`REACH`]
/// characters on (at most three times as many bytes) — [`back_to`]'s counterpart forward.
pub(crate) fn clause_end(text: &str, from: usize) -> usize {
    let rest = text.get(from..).unwrap_or("");
    from + rest.char_indices().take(REACH).find(|&(_, c)| is_clause_mark(c)).map_or(rest.len().min(REACH * 3), |(k, _)| k)
}

/// Where the stretch that `pos` ends starts: back from `pos` to just after the nearest char
/// for which `stop` holds, `floor`, or [`REACH`] characters, whichever is nearest.
pub(crate) fn back_to(text: &str, pos: usize, floor: usize, stop: impl Fn(char) -> bool) -> usize {
    let mut start = pos;
    for (n, (i, c)) in text[floor..pos].char_indices().rev().enumerate() {
        if stop(c) || n >= REACH {
            break;
        }
        start = floor + i;
    }
    start
}

/// Mark the runs of figures listed side by side (see [`Notes::run`]).
fn runs(ctx: &Context<'_>, notes: &mut [Notes]) {
    let same_kind = |a: usize, b: usize| match (&ctx.facts[a].value, &ctx.facts[b].value) {
        (crate::fact::Value::Percent(x), crate::fact::Value::Percent(y)) => x.unit == y.unit,
        (x, y) => x.kind() == y.kind(),
    };
    let mut first = 0;
    for i in 0..ctx.facts.len() {
        notes[i].run = (i, 1);
        if !ctx.facts[i].is_figure() {
            continue;
        }
        let listed = i > 0
            && ctx.facts[i - 1].is_figure()
            && same_kind(i - 1, i)
            && notes[i - 1].sentence == notes[i].sentence
            && ctx.text.get(ctx.spans[i - 1].end..ctx.spans[i].start).is_some_and(|gap| {
                is_list_gap(gap)
                    || is_respective_gap(gap) && ctx.text.get(notes[i].sentence..ctx.spans[first].start).is_some_and(|s| s.contains("分别"))
            });
        if !listed {
            first = i;
        }
        notes[i].run = (first, 1);
    }
    // Each run's length, once its last figure is known (linear however long a list runs).
    let mut end = ctx.facts.len();
    for i in (0..ctx.facts.len()).rev() {
        let first = notes[i].run.0;
        if i + 1 >= end || notes.get(i + 1).is_none_or(|n| n.run.0 != first) {
            end = i + 1;
        }
        notes[i].run = (first, end - first);
    }
}

/// The words that list figures side by side.
const LIST_WORDS: &[&str] = &["、", "和", "及", "与", "以及"];

/// Whether the words between two figures only list them (`、`, `和`, `及`, `与`, spaces).
fn is_list_gap(gap: &str) -> bool {
    LIST_WORDS.contains(&gap.trim())
}

/// Whether the words between two figures of a 分别 list give each its own verb of change
/// (`分别减少18.4%及增加12.7%`, `分别增长5%、下降3%`): a list word, then the verb.
fn is_respective_gap(gap: &str) -> bool {
    let gap = gap.trim();
    let verb = LIST_WORDS.iter().chain(&[",", "，"]).find_map(|w| gap.strip_prefix(w)).unwrap_or("");
    !verb.is_empty() && what::CHANGE_VERBS.contains(&verb.strip_suffix('了').unwrap_or(verb))
}

/// Whether a line that ends in `c` ends its sentence for [`paragraphs`]: a full stop, an
/// exclamation or question mark, a semicolon, a colon, a closing quotation mark, title mark or
/// bracket. (Matched, not looked up in a string of the marks: `str::contains` searches for the
/// character's bytes, and this is asked of every line.)
fn is_line_end_mark(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | '！' | '？' | ';' | '；' | ':' | '：' | '”' | '"' | '》' | ')' | '）')
}

/// The paragraph each line belongs to, as the index of the paragraph's first line: a line that
/// a fixed-width layout broke in the middle of a sentence (a converted PDF's `社会消费品零售⏎总额
/// 增长8%`) goes on in the next. Such a text breaks most of its lines at one width without a
/// mark at their end; a line that reaches that width without ending a sentence goes on.
fn paragraphs(ctx: &Context<'_>) -> Vec<usize> {
    let lines = &ctx.layout.lines;
    let text = ctx.text;
    let body = |l: &std::ops::Range<usize>| text.get(l.clone()).unwrap_or("").trim_end();
    let ends_sentence = |s: &str| s.chars().next_back().is_none_or(is_line_end_mark);
    // The widths of the lines that end without a mark.
    let mut widths: Vec<usize> =
        lines.iter().map(body).filter(|s| !ends_sentence(s)).map(|s| s.chars().count()).filter(|&n| n >= 12).collect();
    let mut para: Vec<usize> = (0..lines.len()).collect();
    if widths.len() < 3 {
        return para;
    }
    widths.sort_unstable();
    // The most common width, give or take two characters (a window over the sorted widths:
    // linear after the sort, however many lines the text has).
    let (mut best, mut best_n) = (0, 0);
    let (mut lo, mut hi) = (0, 0);
    for &w in &widths {
        while widths[lo] + 2 < w {
            lo += 1;
        }
        while hi < widths.len() && widths[hi] <= w + 2 {
            hi += 1;
        }
        if hi - lo > best_n {
            (best, best_n) = (w, hi - lo);
        }
    }
    if best_n < 3 || best_n * 2 < widths.len() {
        return para;
    }
    for k in 1..lines.len() {
        let previous = body(&lines[k - 1]);
        let wrapped = !ends_sentence(previous) && previous.chars().count() + 2 >= best && !body(&lines[k]).is_empty();
        if wrapped {
            para[k] = para[k - 1];
        }
    }
    para
}

/// The lead bytes of the three-byte characters that `notes` passes without decoding them: all
/// but `E2` (the curly quotation marks), `E3` (CJK punctuation, the ideographic space) and `EF`
/// (the full-width forms). (A table: one look-up for each character read back.)
const PASSED_LEADS: [bool; 256] = {
    let mut passed = [false; 256];
    let mut lead = 0xE0;
    while lead <= 0xEF {
        passed[lead] = !matches!(lead, 0xE2 | 0xE3 | 0xEF);
        lead += 1;
    }
    passed
};

/// What each fact's sentence and clause are (see [`Notes`]), and where 中, 看, 划, 观 and 统 (what the
/// openers of lists of parts hold, see [`relate::parts`]) stand in the stretches read back, in
/// text order.
fn notes(ctx: &Context<'_>) -> (Vec<Notes>, Vec<(usize, char)>) {
    let text = ctx.text;
    let lines = &ctx.layout.lines;
    let paragraph = paragraphs(ctx);
    let mut notes: Vec<Notes> = Vec::with_capacity(ctx.facts.len());
    let mut openers: Vec<(usize, char)> = Vec::new();
    let mut line = 0;
    let mut prev_end = 0;
    for span in ctx.spans {
        let start = span.start.min(text.len());
        while lines.get(line + 1).is_some_and(|l| l.start <= start) {
            line += 1;
        }
        let first_line = paragraph.get(line).copied().unwrap_or(line);
        let line_start = lines.get(first_line).map_or(0, |l| l.start.min(start));
        // (A line break inside a paragraph is no mark.)
        let soft = |at: usize| {
            let k = lines.partition_point(|l| l.start <= at);
            paragraph.get(k).is_some_and(|&p| p == first_line) && k > first_line
        };
        // Back from the fact to the previous fact's end (at most SENTENCE_REACH characters):
        // the last sentence mark, clause mark and bracket; what is not found there is the
        // previous fact's, when it is on the same line. Only the tail of a long stretch without
        // facts is read, so the text is read at most once.
        let floor = prev_end.clamp(line_start, start);
        let (mut sentence, mut clause, mut paren, mut stop) = (None, None, None::<Option<usize>>, None);
        let mut bounded = false;
        // Spaces right before the figure (`增长 6%`, a converted PDF's padding) end nothing.
        let mut padding = true;
        // (Read back byte by byte: a character whose lead byte is none of ASCII's, `E2` (the
        // curly quotation marks), `E3` (CJK punctuation, the ideographic space) or `EF` (the
        // full-width forms) is no mark and no space, and is passed without being decoded.)
        let bytes = text.as_bytes();
        let mut end = start;
        let mut n = 0;
        let first_opener = openers.len();
        while end > floor {
            // (A character of three bytes, as Han characters are, is stepped over at once: the
            // byte three back from a character's end is a three-byte lead only if that
            // character starts there. A run of those that are no marks, as most are, is passed
            // here, with no more asked of each than whether it is one of 中, 看, 划, 观 and 统; the
            // run is counted once it ends, and goes no further than the characters left to
            // read allow, three bytes each.)
            let run_end = end;
            let lowest = (floor + 3).max((run_end + 1).saturating_sub(3 * (SENTENCE_REACH - n)));
            while end >= lowest && PASSED_LEADS[usize::from(bytes[end - 3])] {
                if relate::may_end_an_opener_character(bytes[end - 1])
                    && let Some(c) = relate::opener_character(&bytes[end - 3..end])
                {
                    openers.push((end - 3, c));
                }
                end -= 3;
            }
            if end < run_end {
                n += (run_end - end) / 3;
                padding = false;
                if end <= floor {
                    break;
                }
            }
            let mut at = if end >= floor + 3 && bytes[end - 3] & 0xF0 == 0xE0 { end - 3 } else { end - 1 };
            while at > floor && bytes[at] & 0xC0 == 0x80 {
                at -= 1;
            }
            let char_end = end;
            end = at;
            if n >= SENTENCE_REACH {
                // (This character is not read.)
                end = char_end;
                bounded = true;
                sentence = Some(char_end);
                stop.get_or_insert(char_end);
                break;
            }
            n += 1;
            let lead = bytes[at];
            if lead >= 0x80 && !matches!(lead, 0xE2 | 0xE3 | 0xEF) {
                padding = false;
                if relate::may_end_an_opener_character(bytes[char_end - 1])
                    && let Some(c) = relate::opener_character(&bytes[at..char_end])
                {
                    openers.push((at, c));
                }
                continue;
            }
            let Some(c) = text[at..char_end].chars().next() else { break };
            if matches!(c, '\n' | '\r') && soft(at) {
                continue;
            }
            let space = matches!(c, ' ' | '\u{3000}' | '\t');
            padding &= space;
            // 、 ends a clause after a figure (`5万亿元、6万亿元`, `200个以上、总投资1500亿元`);
            // between words it joins a noun phrase's parts (`电力、热力生产和供应业`).
            let listed =
                c != '、' || floor == prev_end && matches!(text[floor..at].trim(), "" | "以上" | "以下" | "左右" | "多" | "余" | "以内");
            if clause.is_none() && is_clause_mark(c) && !(space && padding) && listed {
                clause = Some(char_end);
            }
            if paren.is_none() && sentence.is_none() {
                match c {
                    '(' | '（' => paren = Some(Some(at)),
                    ')' | '）' => paren = Some(None),
                    _ => {}
                }
            }
            if is_full_stop(c) {
                stop = Some(char_end);
                sentence.get_or_insert(char_end);
                break;
            }
            if sentence.is_none() && is_sentence_mark(c) {
                sentence = Some(char_end);
            }
        }
        let read_from = end;
        // (Found reading back: in text order, after those of the facts before.)
        openers[first_opener..].reverse();
        let line = first_line;
        let previous = notes.last().filter(|p| p.line == line);
        let sentence_start = match (sentence, previous) {
            (Some(s), _) => s,
            (None, Some(p)) if !bounded => p.sentence,
            (None, _) => line_start,
        };
        let stop = match (stop, previous) {
            (Some(s), _) => s,
            (None, Some(p)) if !bounded => p.stop,
            (None, _) => line_start,
        }
        .min(sentence_start);
        let inherited = previous.filter(|p| p.sentence == sentence_start);
        let clause_mark = clause.or(inherited.map(|p| p.clause_mark)).unwrap_or(sentence_start).clamp(sentence_start, start);
        let paren = match paren {
            Some(p) => p,
            None => inherited.and_then(|p| p.paren),
        };
        let clause_start = clause_mark.max(prev_end.min(start));
        notes.push(Notes { sentence: sentence_start, stop, read_from, clause: clause_start, clause_mark, line, paren, ..Notes::default() });
        prev_end = prev_end.max(span.end.min(text.len()));
    }
    (notes, openers)
}

/// Texts for the tests that check a fast reading against the search it replaces: `count` texts,
/// each of fewer than `most` pieces drawn from `pieces`, by a small linear congruential generator
/// started at `seed` (the same texts on every run, and no test dependency for them).
#[cfg(test)]
pub(crate) fn drawn_texts<P: std::fmt::Display>(seed: u32, count: usize, most: u32, pieces: &[P]) -> Vec<String> {
    use std::fmt::Write;
    let mut state = seed;
    let mut draw = || {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
        state >> 16
    };
    (0..count)
        .map(|_| {
            let mut text = String::new();
            for _ in 0..draw() % most {
                let _ = write!(text, "{}", pieces[draw() as usize % pieces.len()]);
            }
            text
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::lexicon::HanWords;
    use super::{TextWords, area, text_words, when};

    /// [`text_words`] looks for a scope word only at a marker's last character:
    /// that is the only place the two lists' words can overlap.
    #[test]
    fn markers_and_scope_words_overlap_only_at_a_markers_last_character() {
        for marker in when::marker_words() {
            for word in area::scope_words() {
                assert!(!marker.contains(word) && !word.contains(marker), "{marker} {word}");
                for (k, _) in word.char_indices().skip(1) {
                    assert!(!marker.starts_with(&word[k..]), "{word} ends with the start of {marker}");
                }
                let last = marker.char_indices().next_back().map_or(0, |(k, _)| k);
                for (k, _) in marker.char_indices().skip(1).filter(|&(k, _)| k < last) {
                    assert!(!word.starts_with(&marker[k..]), "{marker} ends with the start of {word}");
                }
            }
        }
    }

    /// No word of the other lists starts before a home word and runs into it, nor holds one: the
    /// pass of all finds every home word where it stands. And a home word that is no scope word
    /// shares no character with a word of the other lists: it hides none of theirs.
    #[test]
    fn home_words_overlap_no_other_word() {
        for home in area::home_words() {
            let own = area::scope_words().any(|w| w == *home);
            for word in area::scope_words().chain(when::marker_words()).filter(|w| w != home) {
                assert!(!word.contains(home), "{word} holds {home}");
                for (k, _) in word.char_indices().skip(1) {
                    assert!(!home.starts_with(&word[k..]), "{word} ends with the start of {home}");
                }
                if !own {
                    assert!(!home.contains(word), "{home} holds {word}");
                    for (k, _) in home.char_indices().skip(1) {
                        assert!(!word.starts_with(&home[k..]), "{home} ends with the start of {word}");
                    }
                }
            }
        }
    }

    /// One pass of the scope words, the markers and the home words finds what a pass of each
    /// list finds.
    #[test]
    fn text_words_are_found_as_two_passes_find_them() {
        let scope: Vec<&str> = area::scope_words().collect();
        let markers: Vec<&str> = when::marker_words().collect();
        let (scope_pass, marker_pass) = (HanWords::new(&scope), HanWords::new(&markers));
        let two_passes = |text: &str| {
            let markers = marker_pass.find_iter(text).map(|(at, k)| (at, when::is_plan_marker(k))).collect();
            // (Every place a home word stands.)
            let home = area::home_words();
            let home_words =
                text.char_indices().filter_map(|(k, _)| home.iter().position(|w| text[k..].starts_with(w)).map(|n| (k, n))).collect();
            TextWords { scope_words: scope_pass.find_iter(text).collect(), markers, home_words }
        };
        for text in [
            "接下来港澳",
            "展望未来澳门",
            "接下来来港",
            "今后全市",
            "截至目前我国",
            "下一步市政府",
            "a接下来港府",
            "全盟全州我州全市委",
            "新区全市",
        ] {
            assert_eq!(text_words(text), two_passes(text), "{text}");
        }
        // Texts of words of both lists, their characters and a letter, as a small generator
        // draws them.
        let words: Vec<&str> = scope.iter().chain(&markers).chain(area::home_words()).copied().collect();
        let pieces: Vec<String> = words
            .iter()
            .map(|w| w.to_string())
            .chain(words.iter().flat_map(|w| w.chars()).map(String::from))
            .chain(["a".to_string()])
            .collect();
        for text in super::drawn_texts(11, 20000, 7, &pieces) {
            assert_eq!(text_words(&text), two_passes(&text), "{text}");
        }
    }

    /// [`super::is_line_end_mark`] answers as the string of marks it replaced did.
    #[test]
    fn line_end_marks_are_the_marks_of_the_string() {
        for cp in 0..=0x10FFFFu32 {
            let Some(c) = char::from_u32(cp) else { continue };
            assert_eq!(super::is_line_end_mark(c), "。!?！？;；:：”\"》)）".contains(c), "{c:?}");
        }
    }

    /// [`super::PASSED_LEADS`] holds the three-byte leads but `E2`, `E3` and `EF`.
    #[test]
    fn passed_leads_are_the_three_byte_leads_but_the_marks() {
        for lead in 0..=255u8 {
            assert_eq!(super::PASSED_LEADS[usize::from(lead)], lead & 0xF0 == 0xE0 && !matches!(lead, 0xE2 | 0xE3 | 0xEF), "{lead:X}");
        }
    }

    /// `notes` passes over a character whose lead byte is none of ASCII's, `E2`, `E3` or `EF`
    /// without decoding it: every mark and space it looks for must have one of those.
    #[test]
    fn every_mark_has_a_lead_byte_that_notes_decodes() {
        for cp in 0..=0xFFFFu32 {
            let Some(c) = char::from_u32(cp) else { continue };
            let marks = super::is_clause_mark(c) || super::is_full_stop(c) || super::is_sentence_mark(c);
            if marks || matches!(c, '(' | '（' | ')' | '）' | ' ' | '\u{3000}' | '\t' | '、') {
                let mut buf = [0u8; 4];
                let lead = c.encode_utf8(&mut buf).as_bytes()[0];
                assert!(lead < 0x80 || matches!(lead, 0xE2 | 0xE3 | 0xEF), "{c:?}");
            }
        }
    }
}
