//! The `report-check` binary as a pre-submission gate and a batch tool uses it:
//! exit status 0 / 1 / 2, compiler-style text, the JSON report of DESIGN.md,
//! templates from a file, GB18030 input, standard input, and `eval`.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

mod common;

/// A short quarterly summary whose one error is 2544人 / 2546人.
const WITH_ERRORS: &str = common::CONFLICT_DRAFT;

/// The same summary with the conflicting paragraph replaced by a clean one.
fn clean() -> String {
    common::CONFLICT_DRAFT.replace(
        "机关党员到社区报到2544人，开展服务活动。推进党建进小区，机关党员到社区的报到人数2546人。",
        "本季度新建村级活动场所3个，完成投资120万元。",
    )
}

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
    let f = write(&dir, "clean.txt", clean().as_bytes());
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
        run(&["--template", "weekly", "-"], Some(clean().as_bytes()))
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
    let f = write(&dir, "clean.txt", clean().as_bytes());
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
    let b = write(&dir, "b.txt", clean().as_bytes());
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

/// A .docx as Word writes it: a zip holding word/document.xml, deflated.
fn docx(text: &str) -> Vec<u8> {
    use zip::write::SimpleFileOptions;
    let body: String = text
        .lines()
        .map(|l| format!("<w:p><w:r><w:t xml:space=\"preserve\">{l}</w:t></w:r></w:p>"))
        .collect();
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    let deflated =
        SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("[Content_Types].xml", deflated).unwrap();
    zip.write_all(b"<Types/>").unwrap();
    zip.start_file("word/document.xml", deflated).unwrap();
    zip.write_all(xml.as_bytes()).unwrap();
    zip.finish().unwrap();
    buf.into_inner()
}

#[test]
fn a_folder_is_checked_recursively_with_a_summary_table() {
    let dir = temp_dir("folder");
    let sub = dir.join("二季度");
    std::fs::create_dir_all(&sub).unwrap();
    write(&dir, "a.txt", WITH_ERRORS.as_bytes());
    write(&sub, "b.docx", &docx(WITH_ERRORS));
    write(&sub, "c.txt", clean().as_bytes());
    write(&sub, "notes.md", WITH_ERRORS.as_bytes()); // not a draft: skipped
    write(&sub, "~$b.docx", b"owner file"); // Word's lock file: skipped
    let o = run(&[dir.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    // The .docx is read as its paragraphs: the conflict is on line 3 there too.
    let docx_path = sub.join("b.docx");
    assert!(
        out.contains(&format!("{}:3:", docx_path.display()))
            && out.contains("error[numbers.conflict]"),
        "{out}"
    );
    assert!(!out.contains("notes.md") && !out.contains("~$"), "{out}");
    let table: Vec<&str> = out.lines().skip_while(|l| !l.starts_with("文件")).collect();
    assert!(table.len() >= 6, "{out}");
    let row = |name: &str| {
        table
            .iter()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{out}"))
    };
    // The last three cells of a row: errors, warnings, notes.
    let cells = |l: &str| -> Vec<String> {
        let mut c: Vec<String> = l
            .split_whitespace()
            .rev()
            .take(3)
            .map(String::from)
            .collect();
        c.reverse();
        c
    };
    assert_eq!(cells(row("c.txt")), ["0", "0", "0"]);
    assert_eq!(cells(row("b.docx"))[0], "1");
    assert!(
        table
            .iter()
            .any(|l| l.starts_with("3 个文件：1 个无错误，2 个有错误，0 个未能检查")),
        "{out}"
    );
    assert!(
        table
            .iter()
            .any(|l| l.starts_with("按规则：") && l.contains("numbers.conflict 2")),
        "{out}"
    );
}

#[test]
fn a_folder_as_json_lines_and_a_broken_docx() {
    let dir = temp_dir("folder-json");
    write(&dir, "a.txt", WITH_ERRORS.as_bytes());
    write(&dir, "b.docx", b"PK\x03\x04 not really a zip");
    let o = run(&["--format", "json", dir.to_str().unwrap()], None);
    // An unreadable file makes the run exit 2, after the others are checked.
    assert_eq!(o.status.code(), Some(2));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0]["file"].as_str().unwrap().ends_with("a.txt"));
    assert!(lines[0]["report"]["summary"]["error"].as_u64().unwrap() >= 1);
    assert!(
        lines[1]["error"].as_str().unwrap().contains(".docx"),
        "{}",
        lines[1]
    );
    // A folder of one draft is still a batch: one JSON line.
    let one = temp_dir("folder-one");
    write(&one, "a.txt", WITH_ERRORS.as_bytes());
    let o = run(&["--format", "json", one.to_str().unwrap()], None);
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(serde_json::from_str::<serde_json::Value>(&out).unwrap()["file"].is_string());
    // A folder with no drafts is bad usage.
    let empty = temp_dir("folder-empty");
    assert_eq!(run(&[empty.to_str().unwrap()], None).status.code(), Some(2));
}

#[test]
fn the_configuration_file_is_read_by_the_cli() {
    let dir = temp_dir("config");
    let f = write(&dir, "draft.txt", WITH_ERRORS.as_bytes());
    let cfg = write(
        &dir,
        "org.json",
        r#"{"severity": {"numbers.conflict": "warning"}, "wording": {"forbidden": [{"pattern": "党建进小区", "preferred": "党建引领小区治理"}]}}"#.as_bytes(),
    );
    let o = run(
        &["--config", cfg.to_str().unwrap(), f.to_str().unwrap()],
        None,
    );
    // The conflict is only a warning now: no errors, exit 0.
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let out = stdout(&o);
    assert!(out.contains("warning[numbers.conflict]"), "{out}");
    assert!(
        out.contains("warning[text.wording]") && out.contains("建议改为：“党建引领小区治理”"),
        "{out}"
    );
    let bad = write(
        &dir,
        "bad.json",
        br#"{"disabledRules": ["numbers.conflit"]}"#,
    );
    let o = run(
        &["--config", bad.to_str().unwrap(), f.to_str().unwrap()],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("numbers.conflit"));
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
