//! The batch binary on broken and hostile input: every input gets its output line (facts, or
//! an `error` saying what is wrong), in input order; the batch goes on; the exit status says
//! whether every document was read; the output does not depend on `--jobs`.
//!
//! Inputs are generated in a temporary folder at test time. The two largest (a 100 MB file of
//! repeated bulletins, a 10 MB line) are `#[ignore]`d: a debug build reads about half a
//! megabyte a second, so `.ci/run` runs them in release (`cargo test --release --test integration robustness:: -- --ignored`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value as Json;

use crate::common::TempDir;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixtures().join(name)).expect("a fixture")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongbao")).args(args).stdin(Stdio::null()).output().expect("the binary runs")
}

fn lines(out: &Output) -> Vec<Json> {
    let text = std::str::from_utf8(&out.stdout).expect("UTF-8 output");
    text.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("every line is JSON ({e}): {l}"))).collect()
}

fn name(line: &Json) -> &str {
    line["source"].as_str().expect("a source").rsplit('/').next().unwrap()
}

/// Every fact of an output line slices the bytes of the decoded document.
fn spans_slice(line: &Json, decoded: &str) {
    for f in line["facts"].as_array().expect("facts") {
        let (a, b) = (f["span"][0].as_u64().unwrap() as usize, f["span"][1].as_u64().unwrap() as usize);
        assert_eq!(decoded.get(a..b), f["text"].as_str(), "{}: span {a}..{b}", name(line));
    }
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian { vec![0xfe, 0xff] } else { vec![0xff, 0xfe] };
    for u in text.encode_utf16() {
        out.extend_from_slice(&if big_endian { u.to_be_bytes() } else { u.to_le_bytes() });
    }
    out
}

/// One folder of broken and hostile files, read in one batch: each gets its line in name order,
/// the readable ones with facts (and warnings about how they were decoded), the others with an
/// error, and the exit status is 1.
#[test]
fn a_batch_of_broken_files() {
    let dir = TempDir::new("batch");
    let news = fixture("web_news.txt");
    let traditional = fixture("press_traditional.txt");
    let mixed = fixture("mixed_forms.txt");

    // a: invalid UTF-8 in the middle of a file.
    let mut bytes = news.clone().into_bytes();
    let middle = (0..=bytes.len() / 2).rev().find(|&i| news.is_char_boundary(i)).unwrap();
    bytes.splice(middle..middle, [0xff, 0xfe, 0xc3]);
    dir.file("a_invalid_utf8.txt", &bytes);
    // b, c: legacy encodings.
    // (Characters Big5 lacks, such as the pinyin's tone marks, are written as &#NNN;.)
    let gb = encoding_rs::GB18030.encode(&mixed).0.into_owned();
    let big5 = encoding_rs::BIG5.encode(&traditional).0.into_owned();
    let gb_text = encoding_rs::GB18030.decode(&gb).0.into_owned();
    let big5_text = encoding_rs::BIG5.decode(&big5).0.into_owned();
    assert_eq!(gb_text, mixed);
    dir.file("b_gb18030.txt", &gb);
    dir.file("c_big5.txt", &big5);
    // d, e: UTF-16 with a byte-order mark.
    dir.file("d_utf16le.txt", utf16(&news, false));
    dir.file("e_utf16be.txt", utf16(&news, true));
    // f: empty.
    dir.file("f_empty.txt", b"");
    // g: a PNG image, named as text.
    let mut png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x01\x00".to_vec();
    png.extend((0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    dir.file("g_image.txt", &png);
    // h: a number of 10,000 digits, then a figure.
    dir.file("h_digits.txt", format!("{}个。新签约项目52个。", "7".repeat(10_000)));
    // i: deeply nested and unbalanced brackets and quotes, then a figure.
    let nested = format!(
        "{}{}{}{}{}新签约项目52个{}",
        "(".repeat(50_000),
        "“".repeat(50_000),
        "《".repeat(20_000),
        "【「[（".repeat(10_000),
        "\"".repeat(9_999),
        ")》”".repeat(30_000)
    );
    dir.file("i_brackets.txt", &nested);
    // j: an HTML page with scripts full of figures; only the body's figure is a fact.
    let script = "<script>var s = '签约52个项目,投资100亿元'; if (a < b && c > d) { x = \"</p>\"; }</script>";
    let page = format!(
        "<!DOCTYPE html><html><head><title>公告</title>{script}<style>p {{ width: 52%; }}</style></head>\
         <body>{script}<p>新签约项目18个<script>document.write('99个')</script></p><noscript>7个</noscript></body></html>"
    );
    dir.file("j_scripts.html", &page);
    // k: a link to nothing (a file that cannot be read).
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.0.join("nowhere.txt"), dir.0.join("k_dangling.txt")).unwrap();
    // l: a subfolder that is a link to nothing (a folder that cannot be read).
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.0.join("no_folder"), dir.0.join("l_folder")).unwrap();
    // m: a line of a megabyte without a line break (10 MB in the release test below).
    let flat: String = fixture("interview.txt").replace('\n', "");
    let line = flat.repeat((1 << 20) / flat.len() + 1);
    dir.file("m_long_line.txt", &line);
    // n: an ordinary file after all that.
    dir.file("n_ordinary.txt", "新签约项目52个,总投资116.68亿元。");

    let missing = dir.0.join("z_missing.txt");
    let out = run(&["extract", "-j", "2", dir.0.to_str().unwrap(), missing.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "some documents were not read; stderr: {stderr}");
    let lines = lines(&out);
    let names: Vec<&str> = lines.iter().map(name).collect();
    let mut expected = vec!["a_invalid_utf8.txt", "b_gb18030.txt", "c_big5.txt", "d_utf16le.txt", "e_utf16be.txt", "f_empty.txt"];
    expected.extend(["g_image.txt", "h_digits.txt", "i_brackets.txt", "j_scripts.html"]);
    if cfg!(unix) {
        expected.extend(["k_dangling.txt", "l_folder"]);
    }
    expected.extend(["m_long_line.txt", "n_ordinary.txt", "z_missing.txt"]);
    assert_eq!(names, expected, "one line per input, in order");
    let by_name = |n: &str| lines.iter().find(|l| name(l) == n).unwrap();
    let facts = |n: &str| by_name(n)["facts"].as_array().unwrap().len();
    let texts = |n: &str| -> Vec<String> {
        by_name(n)["facts"].as_array().unwrap().iter().map(|f| f["text"].as_str().unwrap().to_owned()).collect()
    };
    let warnings = |n: &str| by_name(n)["warnings"].to_string();
    let read = |n: &str| assert!(by_name(n)["error"].is_null(), "{n} was read: {}", by_name(n)["error"]);
    let failed = |n: &str, why: &str| {
        let e = by_name(n)["error"].as_str().unwrap_or_else(|| panic!("{n} has an error"));
        assert!(e.contains(why), "{n}: {e:?} should say {why:?}");
        assert_eq!(facts(n), 0);
    };

    // The decoded text is what spans point into.
    let lossy = String::from_utf8_lossy(&bytes).into_owned();
    read("a_invalid_utf8.txt");
    assert!(warnings("a_invalid_utf8.txt").contains("U+FFFD"), "{}", warnings("a_invalid_utf8.txt"));
    spans_slice(by_name("a_invalid_utf8.txt"), &lossy);
    assert!(facts("a_invalid_utf8.txt") >= gongbao::extract(&news).facts.len() - 2, "the damaged file keeps its facts");
    for (n, text) in [("b_gb18030.txt", &gb_text), ("c_big5.txt", &big5_text), ("d_utf16le.txt", &news), ("e_utf16be.txt", &news)] {
        read(n);
        spans_slice(by_name(n), text);
        assert_eq!(facts(n), gongbao::extract(text).facts.len(), "{n} has the facts of its text");
        assert!(warnings(n).contains("decoded from"), "{n}: {}", warnings(n));
    }
    read("f_empty.txt");
    assert_eq!(facts("f_empty.txt"), 0);
    failed("g_image.txt", "PNG");
    read("h_digits.txt");
    assert_eq!(texts("h_digits.txt"), ["52个"]);
    assert!(warnings("h_digits.txt").contains("10000 digits"), "{}", warnings("h_digits.txt"));
    read("i_brackets.txt");
    spans_slice(by_name("i_brackets.txt"), &nested);
    read("j_scripts.html");
    assert_eq!(texts("j_scripts.html"), ["18个"], "figures in scripts, styles and noscript are not facts");
    spans_slice(by_name("j_scripts.html"), &page);
    if cfg!(unix) {
        failed("k_dangling.txt", "cannot read");
        failed("l_folder", "cannot read");
    }
    read("m_long_line.txt");
    spans_slice(by_name("m_long_line.txt"), &line);
    assert!(facts("m_long_line.txt") > 1000);
    read("n_ordinary.txt");
    assert_eq!(texts("n_ordinary.txt"), ["52个", "116.68亿元"]);
    failed("z_missing.txt", "cannot read");
}

/// A short UTF-8 bulletin with a few broken bytes stays UTF-8, and one with stray NULs (as PDF
/// and OCR conversions leave them) is text: both keep every fact, with a warning.
#[test]
fn short_damaged_files_keep_their_facts() {
    let dir = TempDir::new("damaged");
    let text = "全市新签约项目52个,总投资116.68亿元,同比增长11.73%。";
    let clean: Vec<String> = gongbao::extract(text).facts.iter().map(|f| f.text.to_owned()).collect();
    // Three broken bytes: one after the first sentence, two at the end.
    let mut broken = text.as_bytes().to_vec();
    broken.insert(0, 0xe6);
    broken.extend_from_slice(&[0xff, 0xc3]);
    dir.file("a_broken.txt", &broken);
    // Two stray NULs.
    let with_nuls = text.replace(",总", ",\0总").replace('。', "\0。");
    dir.file("b_nuls.txt", &with_nuls);
    let out = run(&["extract", dir.0.to_str().unwrap()]);
    let lines = lines(&out);
    assert_eq!(out.status.code(), Some(0));
    for (line, warning) in lines.iter().zip(["U+FFFD", "NUL byte(s) replaced with spaces"]) {
        assert!(line["error"].is_null(), "{}: {}", name(line), line["error"]);
        let texts: Vec<&str> = line["facts"].as_array().unwrap().iter().map(|f| f["text"].as_str().unwrap()).collect();
        assert_eq!(texts, clean, "{} keeps every fact", name(line));
        assert!(line["warnings"].to_string().contains(warning), "{}: {}", name(line), line["warnings"]);
    }
    spans_slice(&lines[0], &String::from_utf8_lossy(&broken));
    spans_slice(&lines[1], &with_nuls.replace('\0', " "));
}

/// A subfolder that cannot be listed gets its line and makes the exit status 1. (As root,
/// permissions do not stop reading; the dangling link in the batch above covers that case.)
#[cfg(unix)]
#[test]
fn an_unreadable_folder_gets_a_line() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new("unreadable");
    dir.file("a.txt", "签约项目1个");
    let locked = dir.0.join("b_locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::write(locked.join("inside.txt"), "签约项目2个").unwrap();
    dir.file("c.txt", "签约项目3个");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let readable_anyway = std::fs::read_dir(&locked).is_ok();
    let out = run(&["extract", dir.0.to_str().unwrap()]);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    let lines = lines(&out);
    let names: Vec<&str> = lines.iter().map(name).collect();
    if readable_anyway {
        assert_eq!(names, ["a.txt", "inside.txt", "c.txt"]);
        assert_eq!(out.status.code(), Some(0));
    } else {
        assert_eq!(names, ["a.txt", "b_locked", "c.txt"]);
        assert!(lines[1]["error"].as_str().unwrap().contains("cannot read folder"));
        assert_eq!(out.status.code(), Some(1));
    }
}

/// Standard input that is not text, and JSON Lines with broken lines, get their lines too.
#[test]
fn broken_standard_input_and_json_lines() {
    let dir = TempDir::new("stdin");
    let png = dir.file("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR");
    let out = Command::new(env!("CARGO_BIN_EXE_gongbao"))
        .args(["extract", "-"])
        .stdin(std::fs::File::open(&png).unwrap())
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(1));
    let l = lines(&out);
    assert_eq!((l.len(), l[0]["source"].as_str()), (1, Some("-")));
    assert!(l[0]["error"].as_str().unwrap().contains("PNG"));

    let mut jsonl = Vec::new();
    jsonl.extend_from_slice("{\"id\": \"ok\", \"text\": \"签约项目1个\"}\n".as_bytes());
    jsonl.extend_from_slice(b"{\"id\": \"bad utf-8\", \"text\": \"\xff\xfe\"}\n");
    jsonl.extend_from_slice(b"{\"id\": \"truncated\", \"text\": \"\xe7\xad\xbe\n");
    jsonl.extend_from_slice(format!("{{\"id\": \"deep\", \"text\": \"{}\"}}\n", "(".repeat(100_000)).as_bytes());
    jsonl.extend_from_slice(format!("{}\n", "[".repeat(100_000)).as_bytes());
    jsonl.extend_from_slice("{\"id\": \"last\", \"text\": \"签约项目2个\"}".as_bytes());
    let input = dir.file("in.jsonl", &jsonl);
    let out = run(&["extract", "--jsonl", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let l = lines(&out);
    let sources: Vec<&str> = l.iter().map(|x| x["source"].as_str().unwrap()).collect();
    assert_eq!(sources, ["ok", "line 2", "line 3", "deep", "line 5", "last"]);
    for (i, read) in [true, false, false, true, false, true].into_iter().enumerate() {
        assert_eq!(l[i]["error"].is_null(), read, "line {}: {}", i + 1, l[i]);
    }
    assert_eq!(l[5]["facts"][0]["text"], "2个");
}

/// The same input gives byte-identical output whatever the number of jobs, and from one run to
/// the next.
#[test]
fn output_does_not_depend_on_jobs() {
    let dir = TempDir::new("jobs");
    // The fixtures, several times over, so that a parallel run really interleaves documents.
    let mut copies = 0;
    for round in 0..4 {
        for entry in std::fs::read_dir(fixtures()).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt" || e == "html") {
                let name = format!("{round}_{}", path.file_name().unwrap().to_str().unwrap());
                std::fs::copy(&path, dir.0.join(name)).unwrap();
                copies += 1;
            }
        }
    }
    dir.file("9_broken.txt", b"\x89PNG\r\n\x1a\n\x00");
    let folder = dir.0.to_str().unwrap();
    let reference = run(&["extract", "-j", "1", "--reference-date", "2024-07-15", folder]);
    assert_eq!(lines(&reference).len(), copies + 1);
    for args in [["-j", "4"], ["-j", "2"], ["-j", "1"]] {
        let out = run(&["extract", args[0], args[1], "--reference-date", "2024-07-15", folder]);
        assert!(out.stdout == reference.stdout, "output with {args:?} differs from -j 1");
        assert_eq!(out.status.code(), reference.status.code());
    }
    let csv = |j: &str| run(&["extract", "-j", j, "--format", "csv", folder]).stdout;
    assert!(csv("1") == csv("4"), "CSV output differs between -j 1 and -j 4");
    let fixtures = fixtures();
    let fixtures = fixtures.to_str().unwrap();
    assert!(run(&["extract", "-j", "1", fixtures]).stdout == run(&["extract", "-j", "4", fixtures]).stdout);
}

/// The largest inputs, in release: a 100 MB file of repeated bulletins and a 10 MB line without a
/// line break. Each gets one line, read, with its facts; times go to standard error
/// (`cargo test --release --test integration robustness:: -- --ignored --nocapture` shows them).
#[test]
#[ignore = "large: run in release (`cargo test --release --test integration robustness:: -- --ignored`)"]
fn huge_inputs() {
    let dir = TempDir::new("huge");
    let docs: Vec<String> =
        ["interview.txt", "newspaper.txt", "press_traditional.txt", "reply_letter.txt", "web_news.txt", "mixed_forms.txt"]
            .iter()
            .map(|n| fixture(n))
            .collect();
    let bulletins = docs.join("\n");
    let copies = (100 << 20) / bulletins.len() + 1;
    let big = dir.file("big.txt", (bulletins.clone() + "\n").repeat(copies));
    let flat = bulletins.replace('\n', "");
    let long = dir.file("long_line.txt", flat.repeat((10 << 20) / flat.len() + 1));
    let one = gongbao::extract(&bulletins).facts.len();
    // (Copies after the first may read a few facts differently: a date carried over, chrome.)
    for (path, min_facts) in [(&big, one * copies * 9 / 10), (&long, 10_000)] {
        let out_path = dir.0.join("out.jsonl");
        let started = std::time::Instant::now();
        let status = Command::new(env!("CARGO_BIN_EXE_gongbao"))
            .args(["extract", path.to_str().unwrap()])
            .stdout(std::fs::File::create(&out_path).unwrap())
            .status()
            .expect("the binary runs");
        let elapsed = started.elapsed();
        let size = std::fs::metadata(path).unwrap().len();
        let out = std::fs::read(&out_path).unwrap();
        eprintln!("{}: {} MB read in {:.1} s, {} MB of output", path.display(), size >> 20, elapsed.as_secs_f64(), out.len() >> 20);
        assert_eq!(status.code(), Some(0));
        assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), 1, "one line");
        assert!(out.ends_with(b",\"error\":null}\n"), "read without error");
        let facts = out.windows(8).filter(|w| w == b"\"kind\":\"").count();
        assert!(facts >= min_facts, "{facts} facts, expected at least {min_facts}");
    }
}
