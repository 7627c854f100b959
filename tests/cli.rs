//! The `report-check` binary as a pre-submission gate and a batch tool uses it:
//! exit status 0 / 1 / 2, compiler-style text, the JSON report of DESIGN.md,
//! templates from a file, GB18030 input, standard input, and `eval`.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const WITH_ERRORS: &str = "青山镇2023年一季度工作总结
一、工作成效
机关党员到社区报到2544人，开展服务活动。推进党建进小区，机关党员到社区的报到人数2546人。
二、主要做法
强化统筹调度。
三、存在问题
资金不足。
四、下步工作打算
继续推进。
青山镇人民政府
2023年4月2日
";

const CLEAN: &str = "青山镇2023年一季度工作总结
一、工作成效
本季度新建村级活动场所3个，完成投资120万元。
二、主要做法
强化统筹调度。
三、存在问题
资金不足。
四、下步工作打算
继续推进。
青山镇人民政府
2023年4月2日
";

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("report-check-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_report-check"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(bytes) = stdin {
        // The binary may exit before reading (bad usage): a closed pipe is fine.
        let _ = input.write_all(bytes);
    }
    drop(input);
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn errors_exit_one_and_print_like_a_compiler() {
    let dir = temp_dir("errors");
    let f = write(&dir, "draft.txt", WITH_ERRORS.as_bytes());
    let o = run(&[f.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let head = format!("{}:3:", f.display());
    let line = out
        .lines()
        .find(|l| l.starts_with(&head) && l.contains("error[numbers.conflict]"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(line.contains("2544人"), "{line}");
    // The line itself, then carets under the flagged figure.
    assert!(
        out.lines()
            .any(|l| l.starts_with("3 | ") && l.contains("报到人数2546人")),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.trim_start().starts_with('|') && l.contains("^^^^^")),
        "{out}"
    );
    assert!(
        out.trim_end().ends_with("1 个错误，0 个警告，0 条提示"),
        "{out}"
    );
}

#[test]
fn a_clean_draft_exits_zero() {
    let dir = temp_dir("clean");
    let f = write(&dir, "clean.txt", CLEAN.as_bytes());
    let o = run(&[f.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn json_has_the_shape_of_the_design() {
    let o = run(&["--format", "json", "-"], Some(WITH_ERRORS.as_bytes()));
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let d = &v["diagnostics"][0];
    assert_eq!(d["rule"], "numbers.conflict");
    assert_eq!(d["category"], "numbers");
    assert_eq!(d["severity"], "error");
    let span = &d["span"];
    let utf16: Vec<u16> = WITH_ERRORS.encode_utf16().collect();
    let (s, e) = (
        span["start"].as_u64().unwrap() as usize,
        span["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(String::from_utf16(&utf16[s..e]).unwrap(), "2546人");
    assert_eq!(span["line"], 3);
    assert!(span["paragraph"]
        .as_u64()
        .is_some_and(|p| (1..=3).contains(&p)));
    assert!(d["related"][0]["span"]["start"].is_u64());
    assert!(d["suggestions"].is_array());
    assert_eq!(v["summary"]["error"], 1);
    assert_eq!(v["outline"]["title"]["text"], "青山镇2023年一季度工作总结");
    let sections = v["outline"]["sections"].as_array().unwrap();
    let kinds: Vec<&str> = sections.iter().filter_map(|s| s["kind"].as_str()).collect();
    assert_eq!(
        kinds,
        vec!["results", "methods", "problems", "plans"],
        "{sections:?}"
    );
}

#[test]
fn bad_usage_and_unreadable_input_exit_two() {
    assert_eq!(run(&[], None).status.code(), Some(2));
    assert_eq!(
        run(&["--format", "xml", "-"], Some(b"x")).status.code(),
        Some(2)
    );
    assert_eq!(run(&["--bogus", "-"], Some(b"x")).status.code(), Some(2));
    assert_eq!(
        run(&["--template", "weekly", "-"], Some(CLEAN.as_bytes()))
            .status
            .code(),
        Some(2)
    );
    let o = run(&["/nonexistent/draft.txt"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(!o.stderr.is_empty());
}

#[test]
fn a_template_from_a_file_is_applied() {
    let dir = temp_dir("template");
    let t = write(
        &dir,
        "t.json",
        r#"{"name": "党建工作总结", "sections": [
            {"id": "results", "label": "工作成效", "patterns": ["成效"]},
            {"id": "party", "label": "党风廉政建设", "patterns": ["党风廉政"], "required": true}
        ]}"#
        .as_bytes(),
    );
    let f = write(&dir, "clean.txt", CLEAN.as_bytes());
    let o = run(
        &["--template", t.to_str().unwrap(), f.to_str().unwrap()],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("缺少“党风廉政建设”部分"),
        "{}",
        stdout(&o)
    );
    let bad = write(&dir, "bad.json", b"{\"name\": 1}");
    assert_eq!(
        run(
            &["--template", bad.to_str().unwrap(), f.to_str().unwrap()],
            None
        )
        .status
        .code(),
        Some(2)
    );
}

#[test]
fn gb18030_and_utf16_files_are_read() {
    let dir = temp_dir("encodings");
    let (gbk, _, _) = encoding_rs::GB18030.encode(WITH_ERRORS);
    let f = write(&dir, "gbk.txt", &gbk);
    let out = stdout(&run(&[f.to_str().unwrap()], None));
    assert!(out.contains("报到人数2546人"), "{out}");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(WITH_ERRORS.encode_utf16().flat_map(|u| u.to_le_bytes()));
    let f = write(&dir, "utf16.txt", &utf16);
    assert_eq!(run(&[f.to_str().unwrap()], None).status.code(), Some(1));
}

#[test]
fn several_files_give_one_json_line_each() {
    let dir = temp_dir("many");
    let a = write(&dir, "a.txt", WITH_ERRORS.as_bytes());
    let b = write(&dir, "b.txt", CLEAN.as_bytes());
    let o = run(
        &["--format", "json", a.to_str().unwrap(), b.to_str().unwrap()],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["report"]["summary"]["error"], 0);
}

#[test]
fn eval_scores_an_annotated_folder() {
    let dir = temp_dir("eval");
    write(&dir, "a.txt", WITH_ERRORS.as_bytes());
    write(
        &dir,
        "annotations.json",
        r#"[{"id": "a", "truncated": false, "defects": [
            {"kind": "numbers_inconsistent", "quote": ["报到2544人", "报到人数2546人"], "explanation": ""},
            {"kind": "placeholder", "quote": ["开展服务活动"], "explanation": ""}
        ]}]"#
        .as_bytes(),
    );
    let o = run(&["eval", dir.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(
        out.contains("numbers_inconsistent") && out.contains("placeholder"),
        "{out}"
    );
    assert_eq!(
        out.lines().last().unwrap(),
        "recall 0.500 precision 1.000",
        "{out}"
    );
}
