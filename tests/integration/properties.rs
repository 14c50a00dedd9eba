//! Property tests: the invariants the fuzz targets check (`fuzz/src/lib.rs`, included here),
//! on generated bulletin-like text, on every `cargo test`; the inputs fuzzing found that once
//! broke them; and large pathological inputs that must be read in linear time.

use gongbao::normalize::Normalizer;
use gongbao::{Extractor, Value};
use proptest::prelude::*;
use proptest::sample::select;
use rust_decimal::Decimal;

use crate::check;

/// Pieces of bulletins: numerals, units, classifiers, qualifiers, dates, punctuation, quotes and
/// brackets, traditional and full-width forms, inline pinyin, markup, identifiers.
const PIECES: &[&str] = &[
    "新签约项目",
    "总投资",
    "实际利用外资",
    "同比增长",
    "下降",
    "占比",
    "完成",
    "全市",
    "企业",
    "项目",
    "的",
    "和",
    "、",
    "1",
    "2",
    "5",
    "0",
    "12",
    "52",
    "116.68",
    "2023",
    "1,100",
    "0.5",
    "3.5",
    "99999999999999999999",
    "-",
    "至",
    "到",
    "~",
    "—",
    "一",
    "二",
    "两",
    "三",
    "五",
    "十",
    "百",
    "千",
    "万",
    "亿",
    "零",
    "〇",
    "壹",
    "拾",
    "佰",
    "点",
    "多",
    "余",
    "几",
    "来",
    "元",
    "亿元",
    "万元",
    "美元",
    "港元",
    "人民币",
    "个",
    "家",
    "户",
    "名",
    "人次",
    "项",
    "次",
    "%",
    "％",
    "个百分点",
    "百分之",
    "平方公里",
    "亩",
    "兆瓦",
    "千瓦",
    "吨",
    "约",
    "近",
    "超过",
    "突破",
    "以上",
    "左右",
    "不到",
    "年",
    "月",
    "日",
    "号",
    "季度",
    "上半年",
    "今年",
    "去年",
    "以来",
    "截至",
    "第",
    "届",
    "十四五",
    "“",
    "”",
    "《",
    "》",
    "(",
    ")",
    "（",
    "）",
    "【",
    "】",
    "〔",
    "〕",
    "[",
    "]",
    "\"",
    ":",
    "：",
    ",",
    "，",
    "。",
    "\n",
    " ",
    "　",
    "億",
    "萬",
    "個",
    "項(xiàng)",
    "(gè)",
    "１２",
    "．",
    "咸阳",
    "陕西",
    "京津冀",
    "长三角",
    "兴平",
    "问:",
    "答:",
    "主持人:",
    "电话",
    "0912-1234567",
    "13912345678",
    "400-800-1234",
    "邮编",
    "712000",
    "蜀ICP备12345678号",
    "〔2024〕12号",
    "http://www.gov.cn/1.html",
    "a@b.com",
    "<p>",
    "</p>",
    "<br>",
    "&nbsp;",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "<table>",
    "<td>",
    "\u{feff}",
    "\u{fffd}",
];

fn bulletin() -> impl Strategy<Value = String> {
    let piece = prop_oneof![8 => select(PIECES).prop_map(str::to_owned), 1 => any::<char>().prop_map(String::from)];
    prop::collection::vec(piece, 0..48).prop_map(|v| v.concat())
}

fn numeral() -> impl Strategy<Value = String> {
    let piece = select(
        &[
            "一", "二", "两", "三", "九", "十", "百", "千", "万", "亿", "零", "〇", "点", "多", "余", "几", "1", "0", "5", ".", ",", "k",
            "w", "至", "-", "个",
        ][..],
    );
    prop::collection::vec(piece, 1..12).prop_map(|v| v.concat())
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config(200))]

    #[test]
    fn extract_keeps_every_invariant(text in bulletin()) {
        let doc = gongbao::extract(&text);
        check::document(&text, &doc);
        prop_assert_eq!(gongbao::extract(&text), doc);
    }

    #[test]
    fn extract_html_keeps_every_invariant(text in bulletin()) {
        let html = format!("<html><body><p>{text}</p></body></html>");
        check::document(&html, &Extractor::new().extract_html(&html));
        check::document(&text, &Extractor::new().extract_html(&text));
    }

    #[test]
    fn offset_maps_are_monotone_and_aligned(text in bulletin()) {
        let n = Normalizer::default().normalize(&text);
        check::offset_map(&text, &n.text, &n.map, true);
        let h = Normalizer::default().normalize_html(&text);
        check::offset_map(&text, &h.text, &h.map, false);
    }

    #[test]
    fn decoding_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        if let Ok(d) = gongbao::decode::document(&bytes, None) {
            prop_assert!(!d.decoded.text.contains('\0'));
            check::document(&d.decoded.text, &gongbao::extract(&d.decoded.text));
        }
    }
}

proptest! {
    #![proptest_config(config(1000))]

    #[test]
    fn numbers_are_exact(s in numeral()) {
        if let Ok(n) = gongbao::parse_number(&s) {
            check::range(n.value, n.max);
        }
        for value in [gongbao::parse_money(&format!("{s}元")).map(|m| (m.value, m.max)), gongbao::parse_count(&format!("{s}个")).map(|c| (c.value, c.max))]
            .into_iter()
            .flatten()
        {
            check::range(value.0, value.1);
        }
    }

    #[test]
    fn digits_read_as_themselves(d in "[1-9][0-9]{0,5}") {
        check::digits_round_trip(&d);
        prop_assert_eq!(gongbao::parse_number(&d).unwrap().value, d.parse::<Decimal>().unwrap());
    }

    #[test]
    fn decimals_print_and_parse_back(int in 0u64..=u64::MAX, scale in 0u32..=12) {
        check::exact(Decimal::from_i128_with_scale(i128::from(int), scale).normalize());
    }

    #[test]
    fn parse_functions_never_panic(s in bulletin()) {
        let _ = gongbao::parse_number(&s);
        let _ = gongbao::parse_money(&s);
        let _ = gongbao::parse_count(&s);
        let _ = gongbao::parse_percent(&s);
        let _ = gongbao::parse_quantity(&s);
        if let Ok(t) = gongbao::parse_time(&s, Some(jiff::civil::date(2024, 7, 15))) {
            check::value(&Value::Time(t));
        }
        check::facts(&s, &gongbao::places(&s));
    }
}

/// Scales after scales: 万亿 multiplies (10^12) and 万万 is the old 亿 (六万万 = 600 million),
/// but 亿亿 and 亿万 once added up to wrong values (1亿亿 read as 2亿); they are not one number.
#[test]
fn stacked_scales() {
    assert_eq!(gongbao::parse_number("3万亿").unwrap().value, Decimal::from(3_000_000_000_000u64));
    assert_eq!(gongbao::parse_number("5千万亿").unwrap().value, Decimal::from(5_000_000_000_000_000u64));
    assert_eq!(gongbao::parse_number("六万万").unwrap().value, Decimal::from(600_000_000u64));
    assert_eq!(gongbao::parse_number("1万万").unwrap().value, Decimal::from(100_000_000u64));
    for s in ["1亿亿", "1亿万", "1万亿亿", "1亿2万万"] {
        assert!(gongbao::parse_number(s).is_err(), "{s}: {:?}", gongbao::parse_number(s));
    }
}

/// Bytes fuzzing found that decoded badly.
#[test]
fn decoding_findings() {
    // UTF-8 with one broken byte and a NUL: decoded with the NUL kept (text with NUL is not text).
    let mut bytes = "雄安新区签约项目，雄安再添新项目，河北雄安新区签约项目".repeat(2).into_bytes();
    bytes.insert(3, 0xe6);
    bytes.extend_from_slice(b"\0");
    bytes.extend_from_slice("项目。".as_bytes());
    if let Ok(d) = gongbao::decode::document(&bytes, None) {
        assert!(!d.decoded.text.contains('\0'), "decoded with a NUL: {:?}", d.decoded.text);
    }
}

/// Bytes the fuzzer's decode target found: decoded as GBK, a place fact ends after the words of
/// the count that follows it, and the records stage sliced the text backwards (a panic).
#[test]
fn decoded_findings_extract() {
    let bytes: &[u8] = &[
        0x2d, 0x30, 0x32, 0x31, 0xe5, 0xb9, 0xe4, 0xb8, 0x89, 0xb4, 0x20, 0xb5, 0xd8, 0xb7, 0xbd, 0x20, 0x3e, 0x20, 0xc3, 0xbc, 0xc9, 0xbd,
        0x0a, 0xc8, 0xca, 0xca, 0xd9, 0xcf, 0xd8, 0xc7, 0xb0, 0x2d, 0x2d, 0x3e, 0x28, 0xf7, 0x67, 0xc3, 0xa8, 0x29, 0x36, 0x38, 0xb8, 0xf6,
        0x20, 0xd0, 0xad, 0xd2, 0xe9, 0xcd, 0xb6, 0xd7, 0xca, 0xb3, 0xac, 0x34, 0x32,
    ];
    if let Ok(d) = gongbao::decode::document(bytes, None) {
        check::document(&d.decoded.text, &gongbao::extract(&d.decoded.text));
    }
}

/// Inputs fuzzing found that once panicked or broke an invariant (minimized); each is read by
/// every entry point.
#[test]
fn fuzz_findings() {
    let findings: &[&str] = &[
        // Units after the last digit multiplied past Decimal's range: a panic.
        "1亿亿亿亿",
        "33亿亿亿亿2千万2千",
        "1.624億(yì)億(yì)億(yì)億(yì)元",
        // HTML whose text the source alignment lost gave facts with empty spans: a quote in a
        // tag name read as opening an attribute value (the rest of the page was one tag), text
        // the parser moved out of a table.
        "<h\">4间",
        "<p><p><table><td>2%</td>U",
        // Figures near Decimal's largest value added up as parts of a whole, and a share with
        // 28 decimal places: the records stage's sums overflowed (a panic).
        "全市投资额70000000000000000000亿元,A项目60000000000000000000亿元,B项目50000000000000000000亿元,C项目1亿元。其中甲30000000000000000000亿元,乙60000000000000000000亿元。",
        "总投资9亿元,其中A项目8亿元,占比88.8888888888888888888888888888%。",
    ];
    for s in findings {
        check::document(s, &gongbao::extract(s));
        check::document(s, &Extractor::new().extract_html(s));
        let _ = (gongbao::parse_number(s), gongbao::parse_money(s), gongbao::parse_count(s), gongbao::parse_percent(s));
        let _ = (gongbao::parse_quantity(s), gongbao::parse_time(s, None));
    }
}

/// The size of each pathological input: 128 KiB in a debug build (`cargo test`), 1 MiB in a
/// release build (`cargo test --release`, as `.ci/run` runs it).
const PATHOLOGICAL: usize = if cfg!(debug_assertions) { 128 << 10 } else { 1 << 20 };

/// About [`PATHOLOGICAL`] bytes of `piece`, repeated.
fn pathological(piece: &str) -> String {
    piece.repeat(PATHOLOGICAL / piece.len())
}

// Large pathological inputs: each must be read in time linear in its size. Each once took time
// quadratic in it (every number reading its line back to the start, every percentage its
// clause, speaker labels counted against each other, facts inserted into a sorted vector, HTML
// alignment searching unclosed markup again for every character): a megabyte took minutes to
// hours. Linear, the slowest takes under a second in release (about 5 s in all in debug at
// 128 KiB). No time is asserted: a regression shows as a test that does not end.

#[test]
fn pathological_texts_finish() {
    let pieces = [
        "一",
        "(",
        "“",
        "1",
        "十",
        "<div>",
        // One line, one figure every few characters: counts, money, percentages.
        "项目52个,",
        "投资5亿元,",
        "增长5%",
        "百分之五 ",
        // One list of figures the whole text long (each figure's run, the sums' look-ahead).
        "12个及",
        "5亿元、",
        "www.a ",
        // A fact on every line, and speaker turns.
        "问:今年签约52个项目\n答:是的\n",
        "主持人:52个\n",
    ];
    for piece in pieces {
        let text = pathological(piece);
        check::facts(&text, &gongbao::extract(&text).facts);
    }
}

#[test]
fn pathological_pages_finish() {
    let pages = [
        pathological("<div>"),
        pathological("<p>项目52个</p>"),
        // Markup inside <title> and <textarea> is text; unclosed comments and scripts.
        format!("<title>{}</title>", pathological("<script>")),
        format!("<title>{}</title>", pathological("<!--")),
        format!("<title>{}</title>", pathological("<a")),
        format!("<textarea>{}</textarea>", pathological("<style>")),
        // Text the parser moves out of a table, before it.
        format!("<table><tr><td>{}</td></tr>{}</table>", pathological("甲"), pathological("乙")),
    ];
    for page in &pages {
        check::facts(page, &Extractor::new().extract_html(page).facts);
    }
}

/// `places` gives the place facts of `extract`, also where a place's name is part of another
/// figure: a currency named by its place inside an amount is the amount's (a fuzzing find).
#[test]
fn places_are_the_place_facts_of_extract() {
    for text in ["全年博彩收入澳门元6亿，澳门旅游业回暖", "澳门元6", "汇往澳门的款项共计港元300万元", "澳门元"]
    {
        let doc = gongbao::extract(text);
        let among: Vec<_> = doc.facts.iter().filter(|f| f.kind() == gongbao::Kind::Place).cloned().collect();
        let alone = gongbao::places(text);
        assert_eq!(alone, among, "{text}");
    }
    let named: Vec<_> = gongbao::places("全年博彩收入澳门元6亿，澳门旅游业回暖").into_iter().map(|f| f.text).collect();
    assert_eq!(named, ["澳门"], "the second 澳门 only: the first is the amount's currency");
}
