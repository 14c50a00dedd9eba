//! Build script: jieba's dictionary in the form that loads fastest.
//!
//! jieba-rs embeds its dictionary zstd-compressed and, at every start, decompresses it,
//! validates it as UTF-8 and parses its lines: a third of its load. `data/jieba_dict.txt` is
//! the same file (the test `segment_matches_stock_jieba` fails if it drifts from the one jieba-rs
//! embeds); here it is parsed once, sorted by word, and written out as four tables that the
//! library embeds as they are:
//!
//! - `jieba_words.txt`: the words, one after the other, with no separator (UTF-8 checked by
//!   `include_str!` at compile time, never at run time);
//! - `jieba_ends.bin`: for each word, the byte offset of its end (`u32`, little-endian);
//! - `jieba_freqs.bin`: for each word, its frequency (`u32`, little-endian);
//! - `jieba_tags.bin`: for each word, the index of its part-of-speech tag (`u8`);
//! - `jieba_tags.rs`: the tags (`TAGS`), the number of words (`WORDS`) and the sum of the
//!   frequencies (`TOTAL`).
//!
//! Sorted by bytes, the words that begin with a given prefix are contiguous, so the library
//! also finds the dictionary words inside a piece of text by binary search, with nothing
//! loaded.

use std::collections::BTreeMap;
use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

fn main() {
    let source = "data/jieba_dict.txt";
    println!("cargo::rerun-if-changed={source}");
    println!("cargo::rerun-if-changed=build.rs");
    let text = fs::read_to_string(source).expect("data/jieba_dict.txt is readable UTF-8");
    let mut entries: Vec<(&str, u32, &str)> = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let mut fields = line.split_ascii_whitespace();
        let Some(word) = fields.next() else { continue };
        let freq = fields.next().map_or(0, |f| f.parse::<u32>().unwrap_or_else(|e| panic!("line {}: frequency {f:?}: {e}", number + 1)));
        let tag = fields.next().unwrap_or("");
        entries.push((word, freq, tag));
    }
    entries.sort_by(|a, b| a.0.cmp(b.0));
    for pair in entries.windows(2) {
        assert_ne!(pair[0].0, pair[1].0, "a word is listed twice; jieba's loader would keep the later frequency");
    }

    let mut tag_ids: BTreeMap<&str, u8> = BTreeMap::new();
    for &(_, _, tag) in &entries {
        let next = u8::try_from(tag_ids.len()).expect("at most 256 tags");
        tag_ids.entry(tag).or_insert(next);
    }
    let mut tags_by_id: Vec<&str> = vec![""; tag_ids.len()];
    for (&tag, &id) in &tag_ids {
        tags_by_id[id as usize] = tag;
    }

    let mut words = String::with_capacity(text.len());
    let mut ends = Vec::with_capacity(entries.len() * 4);
    let mut freqs = Vec::with_capacity(entries.len() * 4);
    let mut tags = Vec::with_capacity(entries.len());
    let mut total: u64 = 0;
    for &(word, freq, tag) in &entries {
        words.push_str(word);
        ends.extend_from_slice(&u32::try_from(words.len()).expect("words under 4 GB").to_le_bytes());
        freqs.extend_from_slice(&freq.to_le_bytes());
        tags.push(tag_ids[tag]);
        total += u64::from(freq);
    }

    let out = env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    fs::write(out.join("jieba_words.txt"), &words).expect("write jieba_words.txt");
    fs::write(out.join("jieba_ends.bin"), &ends).expect("write jieba_ends.bin");
    fs::write(out.join("jieba_freqs.bin"), &freqs).expect("write jieba_freqs.bin");
    fs::write(out.join("jieba_tags.bin"), &tags).expect("write jieba_tags.bin");
    let mut rust = String::new();
    writeln!(rust, "/// Number of words in the dictionary.").unwrap();
    writeln!(rust, "pub(crate) const WORDS: usize = {};", entries.len()).unwrap();
    writeln!(rust, "/// Sum of the frequencies of all words (jieba's `total`).").unwrap();
    writeln!(rust, "pub(crate) const TOTAL: usize = {total};").unwrap();
    writeln!(rust, "/// The part-of-speech tags, by index.").unwrap();
    writeln!(rust, "pub(crate) static TAGS: [&str; {}] = {:?};", tags_by_id.len(), tags_by_id).unwrap();
    fs::write(out.join("jieba_tags.rs"), rust).expect("write jieba_tags.rs");
}
