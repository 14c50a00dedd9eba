//! The batch binary's interface: what `CONTRACT.md` fixes about its input modes and its lines.

use std::io::{self, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use crate::common::{TempDir, differs_from_expected};

fn gongbao(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gongbao"));
    cmd.args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("the binary runs");
    if let Some(input) = stdin {
        child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write stdin");
    }
    drop(child.stdin.take());
    let out = child.wait_with_output().expect("the binary finishes");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8 output"),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The binary's exit status, output and standard error, failing the test when it does not end
/// within `limit` (a run that loops would otherwise hang the suite).
fn gongbao_ending_within(args: &[&str], limit: std::time::Duration) -> (i32, String, String) {
    let child = Command::new(env!("CARGO_BIN_EXE_gongbao"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || tx.send(child.wait_with_output()));
    let Ok(out) = rx.recv_timeout(limit) else {
        let _ = Command::new("kill").arg(pid.to_string()).status();
        panic!("gongbao {args:?} did not end");
    };
    let out = out.expect("the binary finishes");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn csv_rows(out: &str) -> Vec<Vec<String>> {
    let body = out.strip_prefix('\u{feff}').expect("a byte-order mark for spreadsheet programs");
    csv::Reader::from_reader(body.as_bytes()).records().map(|r| r.expect("a CSV row").iter().map(str::to_owned).collect()).collect()
}

fn lines(out: &str) -> Vec<serde_json::Value> {
    out.lines().map(|l| serde_json::from_str(l).expect("every line is JSON")).collect()
}

#[test]
fn one_document_from_stdin() {
    let (code, out, _) = gongbao(&["extract", "-", "--reference-date", "2024-07-15"], Some("上半年全市新签约项目34个,合同引资51.61亿元。"));
    assert_eq!(code, 0);
    let lines = lines(&out);
    assert_eq!(lines.len(), 1);
    let got = serde_json::to_string_pretty(&lines[0]).expect("serializes") + "\n";
    let expected = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/testdata/stdin_line.json");
    if let Some(diff) = differs_from_expected(&got, &expected) {
        panic!("{diff}\n(rewrite with GONGBAO_BLESS=1 after reviewing)");
    }
}

#[test]
fn jsonl_input_keeps_order_ids_and_dates_and_reports_bad_lines() {
    let input = [
        r#"{"id": "a", "text": "今年以来签约项目5个", "reference_date": "2023-06-01"}"#,
        "not json",
        r#"{"id": 7, "text": "今年以来签约项目6个"}"#,
        "",
        r#"{"text": "投资10亿元", "reference_date": "2023-13-45"}"#,
    ]
    .join("\n");
    let (code, out, _) = gongbao(&["extract", "--jsonl", "-", "--reference-date", "2020-01-01", "-j", "2"], Some(&input));
    assert_eq!(code, 1, "a line that cannot be read makes the exit status 1");
    let lines = lines(&out);
    let sources: Vec<&str> = lines.iter().map(|l| l["source"].as_str().unwrap()).collect();
    assert_eq!(sources, ["a", "line 2", "7", "line 5"]);
    assert_eq!(lines[0]["reference_date"], "2023-06-01");
    assert_eq!(lines[0]["facts"][0]["start"], "2023-01-01");
    assert!(lines[1]["error"].as_str().unwrap().contains("line 2"));
    assert_eq!(lines[1]["facts"], serde_json::json!([]));
    assert_eq!(lines[2]["reference_date"], "2020-01-01");
    assert_eq!(lines[3]["warnings"][0], r#"reference_date "2023-13-45" is not a year, a date or a timestamp: ignored"#);
    assert_eq!(lines[3]["error"], serde_json::Value::Null);
}

#[test]
fn jsonl_text_may_be_in_content_or_a_field_named_on_the_command_line() {
    let input = [
        r#"{"id": "a", "content": "签约项目5个"}"#,
        r#"{"id": "b", "text": "签约项目6个", "content": "签约项目7个"}"#,
        r#"{"id": "c", "body": "签约项目8个"}"#,
        r#"{"id": "d", "text": 9}"#,
    ]
    .join("\n");
    let (code, out, err) = gongbao(&["extract", "--jsonl", "-"], Some(&input));
    assert_eq!(code, 1);
    let l = lines(&out);
    assert_eq!((l[0]["source"].as_str(), l[0]["facts"][0]["text"].as_str()), (Some("a"), Some("5个")));
    assert_eq!(l[1]["facts"][0]["text"], "6个", "text first, then content");
    assert!(l[2]["error"].as_str().unwrap().contains(r#"no "text" or "content" field"#), "{}", l[2]);
    assert!(l[3]["error"].as_str().unwrap().contains(r#""text" that is not a string"#), "{}", l[3]);
    assert!(err.contains("gongbao: line 3: has no"), "the line is named on stderr: {err}");

    let input = r#"{"doc": "x-1", "body": "签约项目8个"}"#;
    let (code, out, _) = gongbao(&["extract", "--jsonl", "-", "--text-field", "body", "--id-field", "doc"], Some(input));
    assert_eq!(code, 0);
    let l = lines(&out);
    assert_eq!((l[0]["source"].as_str(), l[0]["facts"][0]["text"].as_str()), (Some("x-1"), Some("8个")));
}

#[test]
fn a_bad_date_names_the_value_and_the_form() {
    let (code, _, err) = gongbao(&["extract", "--reference-date", "2024/13/15", "-"], Some(""));
    assert_eq!(code, 2);
    assert!(err.contains(r#""2024/13/15" is not a date (YYYY-MM-DD), a year or a timestamp"#), "{err}");
    let (_, out, _) = gongbao(&["extract", "--jsonl", "-"], Some(r#"{"text": "签约项目5个", "reference_date": "2024/13/15"}"#));
    assert_eq!(lines(&out)[0]["warnings"][0], r#"reference_date "2024/13/15" is not a year, a date or a timestamp: ignored"#);
}

/// Archives carry the date beside the text (`year`, `date`, `published`, `pubdate`), and a title:
/// `--date-field` and `--title-field` name them; the id is `id`, else `title`, else `url`.
#[test]
fn jsonl_dates_titles_and_ids_come_from_the_fields_archives_have() {
    let input = [
        // The shape of ../shared/corpus/gwr: no id, the text in "content", the year beside it.
        r#"{"title": "2024年政府工作报告", "url": "https://example.org/a", "content": "过去一年,新签约项目52个。今年投资30亿元。本月开工3个。", "year": "2024"}"#,
        r#"{"url": "https://example.org/b", "text": "今年签约项目6个", "year": 2023}"#,
        r#"{"text": "今年签约项目7个", "year": "2022-03-05T01:00:00+08:00"}"#,
        r#"{"id": "d", "title": "  ", "text": "今年签约项目8个", "year": 1646443200}"#,
        r#"{"id": "e", "text": "今年签约项目9个", "year": "last spring"}"#,
    ]
    .join("\n");
    let (code, out, _) = gongbao(&["extract", "--jsonl", "-", "--date-field", "year"], Some(&input));
    assert_eq!(code, 0);
    let l = lines(&out);
    let sources: Vec<&str> = l.iter().map(|l| l["source"].as_str().unwrap()).collect();
    assert_eq!(sources, ["2024年政府工作报告", "https://example.org/b", "line 3", "d", "e"]);
    assert_eq!(l[0]["meta"]["title"], "2024年政府工作报告", "the title field is the document's title");
    assert_eq!((l[0]["reference_date"].as_str(), l[0]["reference_from"].as_str()), (Some("2024-01-01"), Some("argument")));
    let times: Vec<(&str, &str)> = l[0]["facts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "time")
        .map(|f| (f["text"].as_str().unwrap(), f["end"].as_str().unwrap()))
        .collect();
    assert_eq!(times, [("过去一年", "2023-12-31"), ("今年", "2024-12-31")], "a year resolves years, not months (本月)");
    assert_eq!(l[1]["reference_date"], "2023-01-01");
    assert_eq!(l[2]["reference_date"], "2022-03-05", "a timestamp's day");
    assert_eq!(
        (l[3]["reference_date"].as_str(), l[3]["meta"]["title"].as_str()),
        (Some("2022-03-05"), Some("今年签约项目8个")),
        "Unix time; a blank title field leaves the title the document states"
    );
    assert_eq!(l[4]["warnings"][0], r#"year "last spring" is not a year, a date or a timestamp: ignored"#);

    let input = r#"{"doc": "x", "headline": "标题甲", "title": "标题乙", "body": "今年签约项目8个", "reference_date": "2020-01-01"}"#;
    let args = ["extract", "--jsonl", "-", "--id-field", "doc", "--title-field", "headline", "--text-field", "body"];
    let l = lines(&gongbao(&args, Some(input)).1);
    assert_eq!((l[0]["source"].as_str(), l[0]["meta"]["title"].as_str()), (Some("x"), Some("标题甲")));
    assert_eq!(l[0]["reference_date"], "2020-01-01", "the default date field");
    let l = lines(&gongbao(&["extract", "--reference-date", "2021", "-"], Some("今年签约项目8个")).1);
    assert_eq!((l[0]["reference_date"].as_str(), l[0]["reference_from"].as_str()), (Some("2021-01-01"), Some("argument")));
    assert_eq!(gongbao(&["extract", "--date-field", "year", "-"], Some("")).0, 2, "a field is for --jsonl");
}

#[test]
fn a_folder_given_to_jsonl_is_refused_once() {
    let dir = TempDir::new("jsonl-folder");
    dir.file("a.txt", "签约项目1个");
    let (code, out, err) = gongbao_ending_within(&["extract", "--jsonl", dir.path()], std::time::Duration::from_secs(120));
    assert_eq!(code, 2, "bad usage");
    assert_eq!(out, "");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("a folder") && err.contains("without --jsonl"), "{err}");
}

/// A read error ends its input: one line for it, not a line per attempt. (On Linux, reading a
/// process's own memory at offset 0 fails with an I/O error.)
#[cfg(target_os = "linux")]
#[test]
fn a_read_error_ends_the_json_lines_input_once() {
    let (code, out, err) = gongbao_ending_within(&["extract", "--jsonl", "/proc/self/mem"], std::time::Duration::from_secs(120));
    assert_eq!(code, 1);
    let l = lines(&out);
    assert_eq!(l.len(), 1, "{out}");
    assert!(l[0]["error"].as_str().unwrap().starts_with("cannot read line 1"), "{}", l[0]);
    assert!(err.contains("gongbao: /proc/self/mem line 1: "), "{err}");
}

/// `gongbao extract ... | head -1`: once the reader is gone, the run ends quietly, with status 0.
#[test]
fn a_closed_output_pipe_is_a_normal_end() {
    use std::io::BufRead;
    let dir = TempDir::new("pipe");
    let line = r#"{"text": "2023年,全市新签约项目52个,总投资116.68亿元,同比增长11.73%。"}"#;
    let input = dir.file("big.jsonl", format!("{line}\n").repeat(2000));
    for format in ["jsonl", "csv"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_gongbao"))
            .args(["extract", "-j", "2", "--format", format, "--jsonl", input.to_str().unwrap()])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        let mut reader = io::BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        reader.read_line(&mut first).unwrap();
        assert!(!first.is_empty());
        drop(reader);
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{format}: {err}");
        assert_eq!(err, "", "{format}: nothing to say");
    }
}

#[test]
fn unreadable_inputs_are_named_on_stderr_with_a_summary() {
    let dir = TempDir::new("stderr");
    let good = dir.file("a.txt", "签约项目1个,投资3亿元");
    let missing = dir.0.join("nope.txt");
    let (code, out, err) = gongbao(&["extract", good.to_str().unwrap(), missing.to_str().unwrap()], None);
    assert_eq!(code, 1);
    assert_eq!(lines(&out).len(), 2, "the missing file still has its line");
    let err: Vec<&str> = err.lines().collect();
    assert_eq!(
        err,
        [
            format!("gongbao: {}: No such file or directory", missing.display()).as_str(),
            "gongbao: 2 documents, 2 facts, 1 document with errors"
        ]
    );

    let (code, _, err) = gongbao(&["extract", good.to_str().unwrap()], None);
    assert_eq!((code, err.as_str()), (0, ""), "nothing went wrong and stderr is not a terminal: no summary");
}

/// A run that read nothing is not a success (exit status 2), and says why.
#[test]
fn a_folder_with_no_document_says_so_and_exits_2() {
    let dir = TempDir::new("empty");
    dir.file("notes.md", "签约项目9个");
    let (code, out, err) = gongbao(&["extract", dir.path()], None);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains(&format!("gongbao: {}: no *.txt, *.htm or *.html file", dir.path())), "{err}");
    assert!(err.contains("gongbao: no document read"), "{err}");
    let (code, _, _) = gongbao(&["extract", "--jsonl", "-"], Some("\n\n"));
    assert_eq!(code, 2, "JSON Lines with no line");
    // A folder with nothing beside a document that is read: said, and the run is a success.
    let good = TempDir::new("empty-beside");
    let a = good.file("a.txt", "签约项目9个");
    let (code, out, err) = gongbao(&["extract", dir.path(), a.to_str().unwrap()], None);
    assert_eq!((code, lines(&out).len()), (0, 1), "{err}");
}

#[cfg(not(feature = "opencc"))]
#[test]
fn opencc_in_a_build_without_it_says_how_to_get_it() {
    let (code, _, err) = gongbao(&["extract", "--opencc", "-"], Some(""));
    assert_eq!(code, 2);
    assert!(err.contains("cargo build --release --features opencc"), "{err}");
}

#[test]
fn csv_has_a_bom_a_header_and_one_row_per_fact() {
    let (code, out, _) = gongbao(&["extract", "--format", "csv", "-"], Some("新签约项目52个,总投资116.68亿元"));
    assert_eq!(code, 0);
    assert!(out.starts_with('\u{feff}'), "a byte-order mark for spreadsheet programs");
    let rows: Vec<&str> = out.trim_start_matches('\u{feff}').lines().collect();
    assert!(rows[0].starts_with("source,kind,start,end,char_start,char_end,text,value"));
    assert_eq!(rows.len(), 3);
    assert!(rows[1].starts_with("-,count,15,20,5,8,52个,52,"));
    assert!(rows[2].contains("11668000000,,CNY"));
}

/// Every document is in the table: its facts with the document's columns on each row, one row
/// with an empty kind when it has no facts, one row with its error when it could not be read.
#[test]
fn csv_has_every_document_and_its_columns_on_every_row() {
    let dir = TempDir::new("csv");
    dir.file("a.txt", "发布日期:2024-07-15\n上半年,全市新签约项目34个。");
    dir.file("b.txt", "今天天气很好。");
    let missing = dir.0.join("c.txt");
    let (code, out, _) = gongbao(&["extract", "--format", "csv", dir.path(), missing.to_str().unwrap()], None);
    assert_eq!(code, 1);
    let rows = csv_rows(&out);
    let header = gongbao::output::table::COLUMNS;
    let col = |row: &[String], name: &str| row[header.iter().position(|c| *c == name).unwrap()].clone();
    let of = |name: &str| rows.iter().filter(|r| col(r, "source").ends_with(name)).collect::<Vec<_>>();
    assert!(rows.iter().all(|r| r.len() == header.len()));

    let a = of("a.txt");
    assert!(a.len() >= 2, "{a:?}");
    for row in &a {
        assert_eq!(
            (col(row, "published"), col(row, "reference_date"), col(row, "reference_from")),
            ("2024-07-15".into(), "2024-07-15".into(), "metadata".into())
        );
    }
    let count = a.iter().find(|r| col(r, "kind") == "count").unwrap();
    let text = "发布日期:2024-07-15\n上半年,全市新签约项目34个。";
    let (start, end) = (col(count, "char_start").parse::<usize>().unwrap(), col(count, "char_end").parse::<usize>().unwrap());
    assert_eq!(text.chars().skip(start).take(end - start).collect::<String>(), "34个");
    assert_eq!(&text[col(count, "start").parse::<usize>().unwrap()..col(count, "end").parse::<usize>().unwrap()], "34个");

    let b = of("b.txt");
    assert_eq!((b.len(), col(b[0], "kind"), col(b[0], "error")), (1, String::new(), String::new()), "a document with no facts has its row");
    let c = of("c.txt");
    assert_eq!((c.len(), col(c[0], "kind")), (1, String::new()));
    assert!(col(c[0], "error").contains("cannot read"));
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(gongbao(&["extract"], None).0, 2, "nothing to read");
    assert_eq!(gongbao(&["extract", "--reference-date", "yesterday", "-"], Some("")).0, 2);
    assert_eq!(gongbao(&["frobnicate"], None).0, 2);
    let (code, _, err) = gongbao(&["extract", "--jsonl", "/nonexistent/in.jsonl"], None);
    assert_eq!((code, err.trim()), (2, "gongbao: /nonexistent/in.jsonl: No such file or directory"));
}

#[test]
fn folders_are_walked_in_name_order_and_missing_paths_get_a_line() {
    let dir = std::env::temp_dir().join(format!("gongbao-cli-{}", std::process::id()));
    let sub = dir.join("b");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(dir.join("a.txt"), "签约项目1个").unwrap();
    std::fs::write(sub.join("c.html"), "<p>签约项目<b>3个</b></p>").unwrap();
    std::fs::write(dir.join("d.txt"), "签约项目4个").unwrap();
    std::fs::write(dir.join("notes.md"), "签约项目9个").unwrap();
    let missing = dir.join("missing.txt");
    let (code, out, _) = gongbao(&["extract", dir.to_str().unwrap(), missing.to_str().unwrap()], None);
    let lines = lines(&out);
    let names: Vec<String> = lines.iter().map(|l| l["source"].as_str().unwrap().rsplit('/').next().unwrap().to_owned()).collect();
    assert_eq!(names, ["a.txt", "c.html", "d.txt", "missing.txt"]);
    assert_eq!(lines[1]["facts"][0]["text"], "3个", "an HTML page's span slices the page");
    assert!(lines[3]["error"].is_string());
    assert_eq!(code, 1);
    std::fs::remove_dir_all(&dir).ok();
}
