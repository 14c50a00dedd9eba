//! A large document read in sections (`gongbao::Sections`): the library's sections make the
//! document `extract` gives, and the binary writes the same line, section by section. The
//! section size is made small (`Extractor::section_bytes`, `--section-bytes`) so that a
//! document of a few hundred kilobytes has many sections.

use std::io::Write;
use std::process::{Command, Stdio};

use gongbao::Extractor;
use gongbao::output::Line;
use proptest::prelude::*;
use proptest::sample::select;

use crate::check;

/// A bulletin of `paragraphs` paragraphs, each whole in itself (its own year, its own place,
/// figures that refer to nothing before it) and none like another, under a dated head: read in
/// sections cut at its paragraphs, it has the facts it has read whole.
fn bulletin(paragraphs: usize) -> String {
    let places = ["咸阳市", "兴平市", "安康市", "汉中市"];
    let mut text = String::from("某市招商引资工作通报\n发布日期:2024-01-15\n");
    for n in 0..paragraphs {
        let place = places[n % places.len()];
        text += &format!(
            "{place}第{n}号通报:2023年1-10月,{place}新签约项目{}个,总投资{}.{}亿元,同比增长{}.{}%,\
             其中制造业项目{}个;实际利用外资{}万美元。\n\n",
            n % 90 + 10,
            n + 100,
            n % 100,
            n % 30 + 1,
            n % 10,
            n % 9 + 1,
            n * 7 + 300,
        );
    }
    text
}

const SECTION: usize = 32 << 10;

#[test]
fn a_document_read_in_sections_has_the_facts_it_has_read_whole() {
    let text = bulletin(1500);
    assert!(text.len() > 4 * SECTION, "several sections: {} bytes", text.len());
    let whole = Extractor::new().extract(&text);
    let in_sections = Extractor::new().section_bytes(SECTION).extract(&text);
    check::document(&text, &in_sections);
    assert!(whole.facts.len() > 10_000, "{} facts", whole.facts.len());
    assert_eq!(in_sections, whole);
}

#[test]
fn the_binary_writes_the_line_of_a_document_read_in_sections() {
    let text = bulletin(1500);
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongbao"))
        .args(["extract", "--no-progress", "--section-bytes", &SECTION.to_string(), "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("gongbao runs");
    let mut stdin = child.stdin.take().expect("its standard input");
    let written = text.clone();
    let writer = std::thread::spawn(move || stdin.write_all(written.as_bytes()));
    let out = child.wait_with_output().expect("gongbao ends");
    writer.join().expect("the writer").expect("the text written");
    let source = "-";
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc = Extractor::new().section_bytes(SECTION).extract(&text);
    let mut line = serde_json::to_vec(&Line::new(source, Some(&doc), &doc.warnings, None)).expect("JSON");
    line.push(b'\n');
    assert!(out.stdout == line, "the binary's line is not the library's");
}

#[test]
fn a_document_of_one_section_is_read_whole() {
    // A text at the section size is one section: no cut, whatever its lines.
    let text = bulletin(3);
    let doc = Extractor::new().section_bytes(text.len()).extract(&text);
    assert_eq!(doc, Extractor::new().extract(&text));
    let extractor = Extractor::new().section_bytes(text.len());
    let mut sections = extractor.sections(&text);
    assert_eq!(sections.by_ref().count(), 1);
}

/// Lines of a bulletin, written for these tests: figures, dates, places, a speaker, a
/// traditional line with pinyin, a repeated line, lines that run on without a break.
const LINES: &[&str] = &[
    "2023年1-10月,全市新签约项目52个,总投资116.68亿元,同比增长11.73%。",
    "其中,制造业项目31个,投资额82.5亿元,占比70.7%;",
    "上半年实际利用外资4830万美元,比去年同期增长6.2个百分点",
    "咸阳市与兴平市签约落地项目12个",
    "张世波:今年我们引进企业160多家。",
    "記者:全市新簽約項(xiàng)目247個(gè),總投資890.15億元。",
    "截至2023年12月20日,累计完成投资约3.2亿元,用地8.88平方公里",
    "",
    "   ",
    "第三部分 重点工作",
    "新建光伏电站150兆瓦;完成年度计划的95%!全年预计增长8%?",
];

fn long_bulletin() -> impl Strategy<Value = String> {
    let line = prop_oneof![6 => select(LINES).prop_map(str::to_owned), 1 => any::<char>().prop_map(String::from)];
    let join = select(&["\n", "\r\n", "\n\n", ""][..]);
    prop::collection::vec((line, join), 1..80).prop_map(|v| v.into_iter().map(|(l, j)| l + j).collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    /// Whatever the cuts (sections of a few lines, or shorter than a line), every span points
    /// into the whole original text, every index to a fact of the whole document.
    #[test]
    fn spans_point_into_the_whole_text_across_sections(text in long_bulletin(), size in 16usize..600) {
        let extractor = Extractor::new().section_bytes(size);
        let doc = extractor.extract(&text);
        check::document(&text, &doc);
        let mut sections = extractor.sections(&text);
        let head = sections.head().clone();
        let facts: Vec<gongbao::Fact> = sections.by_ref().flatten().collect();
        prop_assert_eq!(&facts, &doc.facts);
        prop_assert_eq!(sections.warnings(), &doc.warnings[..]);
        prop_assert_eq!((head.script, head.meta, head.home_area), (doc.script, doc.meta.clone(), doc.home_area.clone()));
    }
}
