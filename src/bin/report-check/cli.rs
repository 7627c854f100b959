//! The CLI proper (native only).
//!
//!   report-check [--format text|json] [--template NAME|FILE] FILE...
//!   report-check eval [--verbose] DIR...
//!   report-check rules [--format text|json|markdown]
//!   report-check eval --mutate [--set N] [--verbose] DIR...
//!
//! Exit status: 0 no errors, 1 errors found, 2 bad usage or unreadable input.
//! `eval --mutate`: 1 when the checker panicked on a text (listed in the table).

use report_checker::report::{Applicability, JsonSpan, Report};
use report_checker::template::{Template, TemplateChoice};
use report_checker::Options;
use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;
use unicode_width::UnicodeWidthChar;

const USAGE: &str = "用法 / usage:
  report-check [--format text|json] [--template NAME|FILE] FILE...   检查文稿（FILE 为 - 时读标准输入）
  report-check eval [--verbose] DIR...                               按标注语料评分
  report-check rules [--format text|json|markdown]                   列出全部规则及说明
  report-check eval --mutate [--set N] [--verbose] DIR...            植入缺陷，逐类统计检出率（N：另一组植入）
退出码：0 无错误，1 有错误，2 用法错误或无法读取";

pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("eval") => run_eval(&args[1..]),
        Some("rules") => crate::rules_cmd::run(&args[1..]),
        Some("-h") | Some("--help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => run_check(&args),
    }
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("report-check: {msg}\n{USAGE}");
    ExitCode::from(2)
}

#[derive(PartialEq)]
enum Format {
    Text,
    Json,
}

fn run_check(args: &[String]) -> ExitCode {
    let mut format = Format::Text;
    let mut options = Options::default();
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" => match it.next().map(String::as_str) {
                Some("text") => format = Format::Text,
                Some("json") => format = Format::Json,
                _ => return usage_error("--format 只能是 text 或 json"),
            },
            "--template" => {
                let Some(t) = it.next() else {
                    return usage_error("--template 需要模板名或 JSON 文件");
                };
                match load_template(t) {
                    Ok(choice) => options.template = Some(choice),
                    Err(e) => return usage_error(&e),
                }
            }
            "-" => files.push(a.clone()),
            s if s.starts_with('-') => return usage_error(&format!("未知选项 {s}")),
            _ => files.push(a.clone()),
        }
    }
    if files.is_empty() {
        return usage_error("缺少要检查的文件");
    }
    let mut any_error = false;
    let mut unreadable = false;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for file in &files {
        let text = match read_text(file) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("report-check: {file}: {e}");
                unreadable = true;
                continue;
            }
        };
        let report = match report_checker::check(&text, &options) {
            Ok(r) => r,
            Err(e) => return usage_error(&e.0),
        };
        any_error |= report.has_errors();
        let written = match format {
            Format::Json if files.len() == 1 => serde_json::to_writer_pretty(&mut out, &report)
                .map_err(std::io::Error::from)
                .and_then(|_| writeln!(out)),
            Format::Json => {
                let v = serde_json::json!({ "file": file, "report": &report });
                serde_json::to_writer(&mut out, &v)
                    .map_err(std::io::Error::from)
                    .and_then(|_| writeln!(out))
            }
            Format::Text => out.write_all(render_text(file, &text, &report).as_bytes()),
        };
        if written.is_err() {
            // A closed pipe (| head): stop quietly.
            break;
        }
    }
    if unreadable {
        ExitCode::from(2)
    } else if any_error {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn load_template(arg: &str) -> Result<TemplateChoice, String> {
    if Path::new(arg).is_file() {
        let raw = std::fs::read_to_string(arg).map_err(|e| format!("{arg}: {e}"))?;
        let t: Template =
            serde_json::from_str(&raw).map_err(|e| format!("{arg}: 模板 JSON 有误：{e}"))?;
        Ok(TemplateChoice::Custom(t))
    } else {
        Ok(TemplateChoice::Name(arg.to_string()))
    }
}

/// Reads a draft: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK,
/// which office machines still save. Anything else is decoded lossily rather
/// than refused: a checker should say what it can.
fn read_text(file: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    if file == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| e.to_string())?;
    } else {
        bytes = std::fs::read(file).map_err(|e| e.to_string())?;
    }
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(&bytes) {
        return Ok(enc
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned());
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => {
            let bytes = e.into_bytes();
            let (s, _, had_errors) = encoding_rs::GB18030.decode(&bytes);
            if had_errors {
                Ok(String::from_utf8_lossy(&bytes).into_owned())
            } else {
                Ok(s.into_owned())
            }
        }
    }
}

fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Compiler-style output: `file:line:col: severity[rule]: message`, then the
/// line (windowed around the span: drafts put a whole paragraph on one line)
/// with the flagged part underlined.
fn render_text(file: &str, text: &str, report: &Report) -> String {
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let mut s = String::new();
    let mut cache = LineChars::default();
    for d in &report.diagnostics {
        s.push_str(&format!(
            "{file}:{}:{}: {}[{}]: {}\n",
            d.span.line,
            d.span.column,
            d.severity.as_str(),
            d.rule,
            d.message
        ));
        s.push_str(&excerpt(cache.get(&lines, d.span.line), &d.span));
        for r in &d.related {
            s.push_str(&format!(
                "  = {}:{}: {}\n",
                r.span.line, r.span.column, r.message
            ));
        }
        for sug in &d.suggestions {
            // Only a safe fix is stated as the fix; a guess is offered as one.
            let lead = match sug.applicability {
                Applicability::Safe => "建议改为",
                Applicability::Unsafe => "可能应为（请确认）",
                Applicability::DisplayOnly => "参考",
            };
            if sug.replacement.is_empty() {
                s.push_str(&format!("  = {lead}：删去\n"));
            } else {
                s.push_str(&format!("  = {lead}：“{}”\n", sug.replacement));
            }
        }
    }
    let sum = &report.summary;
    s.push_str(&format!(
        "{file}: {} 个错误，{} 个警告，{} 条提示\n",
        sum.error, sum.warning, sum.info
    ));
    s
}

/// The chars of the line last asked for. Diagnostics come sorted by position,
/// so one cached line keeps a 10 MB one-line draft with many findings linear.
#[derive(Default)]
struct LineChars {
    line: usize,
    chars: Vec<char>,
}

impl LineChars {
    fn get(&mut self, lines: &[&str], line: usize) -> &[char] {
        if self.line != line {
            self.line = line;
            self.chars = lines
                .get(line.wrapping_sub(1))
                .map_or_else(Vec::new, |l| l.chars().collect());
        }
        &self.chars
    }
}

fn excerpt(chars: &[char], span: &JsonSpan) -> String {
    let start = (span.column - 1).min(chars.len());
    // The span's length in chars, from its UTF-16 length, clipped to this line.
    let mut len = 0;
    let mut units = 0;
    while start + len < chars.len() && units < span.end - span.start {
        units += chars[start + len].len_utf16();
        len += 1;
    }
    const CONTEXT: usize = 24;
    let from = start.saturating_sub(CONTEXT);
    let to = (start + len + CONTEXT).min(chars.len());
    let prefix = if from > 0 { "…" } else { "" };
    let suffix = if to < chars.len() { "…" } else { "" };
    let shown: String = chars[from..to].iter().collect();
    let pad: usize = prefix.chars().map(char_width).sum::<usize>()
        + chars[from..start]
            .iter()
            .copied()
            .map(char_width)
            .sum::<usize>();
    let marks: usize = chars[start..start + len]
        .iter()
        .copied()
        .map(char_width)
        .sum::<usize>()
        .max(1);
    let gutter = span.line.to_string();
    format!(
        "{:w$} |\n{gutter} | {prefix}{shown}{suffix}\n{:w$} | {}{}\n",
        "",
        "",
        " ".repeat(pad),
        "^".repeat(marks),
        w = gutter.len()
    )
}

fn run_eval(args: &[String]) -> ExitCode {
    let (mut verbose, mut mutate, mut set) = (false, false, 0);
    let mut dirs: Vec<&String> = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--verbose" | "-v" => verbose = true,
            "--mutate" => mutate = true,
            "--set" => match it.next().and_then(|n| n.parse().ok()) {
                Some(n) => set = n,
                None => return usage_error("--set 需要一个非负整数"),
            },
            s if s.starts_with('-') => return usage_error(&format!("未知选项 {s}")),
            _ => dirs.push(a),
        }
    }
    if dirs.is_empty() {
        return usage_error("eval 需要标注语料目录");
    }
    if mutate {
        return run_mutate(&dirs, set, verbose);
    }
    for dir in dirs {
        match report_checker::eval::evaluate(Path::new(dir), &Options::default(), verbose) {
            Ok((score, docs)) => {
                let name = folder_name(dir);
                if verbose {
                    print!("{}{}", score.details, score.false_alarm_details);
                }
                print!("{}", score.render(&name, docs));
            }
            Err(e) => {
                eprintln!("report-check eval: {e}");
                return ExitCode::from(2);
            }
        }
    }
    ExitCode::SUCCESS
}

fn folder_name(dir: &str) -> String {
    Path::new(dir)
        .file_name()
        .map_or(dir.to_string(), |n| n.to_string_lossy().into_owned())
}

/// `eval --mutate`: a table per folder, and the total when there are several.
fn run_mutate(dirs: &[&String], set: usize, verbose: bool) -> ExitCode {
    use report_checker::eval::mutate;
    // A held-out set says so in every table's first line.
    let named = |name: &str| match set {
        0 => name.to_string(),
        n => format!("{name} (set {n})"),
    };
    let mut total = mutate::MutationScore::default();
    for dir in dirs {
        match mutate::evaluate(Path::new(dir.as_str()), &Options::default(), set, verbose) {
            Ok(score) => {
                if verbose {
                    print!("{}", score.listing());
                }
                print!("{}", score.render(&named(&folder_name(dir))));
                total.merge(score);
            }
            Err(e) => {
                eprintln!("report-check eval --mutate: {e}");
                return ExitCode::from(2);
            }
        }
    }
    if dirs.len() > 1 {
        // The listings were printed per folder; the total is the table alone.
        print!("{}", total.render(&named("all")));
    }
    if total.crashes.is_empty() {
        ExitCode::SUCCESS
    } else {
        // A low score is for the record; a panic of the checker is a failure.
        eprintln!(
            "report-check eval --mutate: the checker panicked on {} texts",
            total.crashes.len()
        );
        ExitCode::from(1)
    }
}
