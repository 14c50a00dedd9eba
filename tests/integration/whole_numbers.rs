//! The whole number or nothing: numbers written in every style documents use (digits with and
//! without separators, Chinese and financial numerals, digits mixed with scales, decimals and
//! scales, yuan with jiao and fen), each in a sentence with a unit, are either reported with
//! exactly the value written or not reported at all; never with part of the value dropped.
//!
//! The cases come from a seeded generator (`fuzz/src/numerals.rs`, shared with the fuzz target
//! `whole_numbers`): 10⁴ of them here, 10⁶ in the ignored test
//! (`cargo test --release --test integration whole_numbers:: -- --ignored`), which prints its tally.

use crate::check::numerals::{self, Case, Outcome, STYLES, SplitMix, Style, case, judge};

/// What a run of cases came to, by style.
#[derive(Default)]
struct Tally {
    /// Per style: cases, read whole, not reported, wrong.
    by_style: Vec<(Style, [usize; 4])>,
    /// The first wrong cases, with what was reported.
    wrong: Vec<(Case, String)>,
    /// The first cases of each style not reported.
    nothing: Vec<Case>,
}

impl Tally {
    fn total(&self) -> [usize; 4] {
        self.by_style.iter().fold([0; 4], |mut t, (_, n)| {
            for i in 0..4 {
                t[i] += n[i];
            }
            t
        })
    }

    fn report(&self) -> String {
        let mut out = String::from("style        cases    whole  nothing  wrong\n");
        for (style, [n, whole, nothing, wrong]) in &self.by_style {
            out.push_str(&format!("{:<10} {n:>7} {whole:>8} {nothing:>8} {wrong:>6}\n", format!("{style:?}")));
        }
        let [n, whole, nothing, wrong] = self.total();
        out.push_str(&format!("{:<10} {n:>7} {whole:>8} {nothing:>8} {wrong:>6}\n", "all"));
        for case in &self.nothing {
            out.push_str(&format!(
                "nothing: {:?} ({:?}, number {:?}, value {})\n",
                case.text,
                case.kind,
                &case.text[case.number.clone()],
                case.value
            ));
        }
        for (case, facts) in &self.wrong {
            out.push_str(&format!(
                "wrong: {:?} ({:?}, number {:?}, value {}): {facts}\n",
                case.text,
                case.kind,
                &case.text[case.number.clone()],
                case.value
            ));
        }
        out
    }
}

/// Cases per document: each on a line of its own (a document's fixed costs, such as its
/// records, are paid once for several cases).
const PER_DOCUMENT: usize = 10;

fn run(seed: u64, cases: usize) -> Tally {
    let extractor = gongbao::Extractor::new();
    let mut rng = SplitMix(seed);
    let mut tally = Tally { by_style: STYLES.iter().map(|&s| (s, [0; 4])).collect(), wrong: Vec::new(), nothing: Vec::new() };
    let mut batch: Vec<Case> = Vec::new();
    for i in 0..cases {
        batch.push(case(&mut rng));
        if batch.len() < PER_DOCUMENT && i + 1 < cases {
            continue;
        }
        let (text, starts) = numerals::document(&batch);
        let doc = extractor.extract(&text);
        for (case, at) in batch.drain(..).zip(starts) {
            tally.add(case, &doc, at);
        }
    }
    tally
}

impl Tally {
    fn add(&mut self, case: Case, doc: &gongbao::Document, at: usize) {
        let tally = self;
        let outcome = judge(&case, doc, at);
        let counts = &mut tally.by_style.iter_mut().find(|(s, _)| *s == case.style).expect("every style is tallied").1;
        counts[0] += 1;
        counts[match outcome {
            Outcome::Whole => 1,
            Outcome::Nothing => 2,
            Outcome::Wrong => 3,
        }] += 1;
        if outcome == Outcome::Nothing && tally.nothing.iter().filter(|c| c.style == case.style).count() < 5 {
            tally.nothing.push(case.clone());
        }
        if outcome == Outcome::Wrong && tally.wrong.len() < 20 {
            let facts: Vec<String> = doc
                .facts
                .iter()
                .filter(|f| f.span.start < at + case.number.end && at + case.number.start < f.span.end)
                .map(|f| format!("{}={:?}", f.text, f.value))
                .collect();
            tally.wrong.push((case, facts.join(", ")));
        }
    }
}

/// No wrong value, and at least 99 % of the numbers read whole.
fn check(tally: &Tally) {
    let [n, whole, _, wrong] = tally.total();
    assert!(wrong == 0 && whole * 100 >= n * 99, "{}", tally.report());
}

#[test]
fn every_figure_has_the_value_written_or_none_is_reported() {
    let tally = run(22, 10_000);
    println!("{}", tally.report());
    check(&tally);
}

#[test]
#[ignore = "a million cases: run with --release -- --ignored"]
fn a_million_cases() {
    let tally = run(2_2022, 1_000_000);
    println!("{}", tally.report());
    check(&tally);
}
