//! The batch binary's interface: what `CONTRACT.md` fixes about its input modes and its lines.

use std::io::Write;
use std::process::{Command, Stdio};

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

fn lines(out: &str) -> Vec<serde_json::Value> {
    out.lines().map(|l| serde_json::from_str(l).expect("every line is JSON")).collect()
}

#[test]
fn one_document_from_stdin() {
    let (code, out, _) = gongbao(&["extract", "-", "--reference-date", "2024-07-15"], Some("上半年全市新签约项目34个,合同引资51.61亿元。"));
    assert_eq!(code, 0);
    let lines = lines(&out);
    assert_eq!(lines.len(), 1);
    insta::assert_json_snapshot!("stdin_line", lines[0]);
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
    assert!(lines[3]["warnings"][0].as_str().unwrap().contains("reference_date ignored"));
    assert_eq!(lines[3]["error"], serde_json::Value::Null);
}

#[test]
fn csv_has_a_bom_a_header_and_one_row_per_fact() {
    let (code, out, _) = gongbao(&["extract", "--format", "csv", "-"], Some("新签约项目52个,总投资116.68亿元"));
    assert_eq!(code, 0);
    assert!(out.starts_with('\u{feff}'), "a byte-order mark for spreadsheet programs");
    let rows: Vec<&str> = out.trim_start_matches('\u{feff}').lines().collect();
    assert!(rows[0].starts_with("source,kind,start,end,text,value"));
    assert_eq!(rows.len(), 3);
    assert!(rows[1].starts_with("-,count,"));
    assert!(rows[2].contains("11668000000,,CNY"));
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(gongbao(&["extract"], None).0, 2, "nothing to read");
    assert_eq!(gongbao(&["extract", "--reference-date", "yesterday", "-"], Some("")).0, 2);
    assert_eq!(gongbao(&["frobnicate"], None).0, 2);
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
