//! The CLI proper (native only).
//!
//!   report-check [--format text|json] [--template NAME|FILE] [--config FILE] FILE|DIR...
//!   report-check serve [--addr 127.0.0.1:8081] [--config FILE] …
//!   report-check eval [--verbose] DIR...
//!   report-check rules [--format text|json|markdown]
//!   report-check eval --mutate [--set N] [--verbose] DIR...
//!
//! Exit status: 0 no errors, 1 errors found, 2 bad usage or unreadable input.
//! `eval --mutate`: 1 when the checker panicked on a text (listed in the table).

use crate::batch::{self, Format};
use crate::input;
use report_checker::template::{Template, TemplateChoice};
use report_checker::Options;
use std::path::Path;
use std::process::ExitCode;

pub const USAGE: &str = "用法 / usage:
  report-check [--format text|json] [--template NAME|FILE] [--config FILE] FILE|DIR...
                                            检查文稿；目录递归检查其中的 .txt 与 .docx（FILE 为 - 时读标准输入）
  report-check serve [--addr 127.0.0.1:8081] [--config FILE] [--cors-origin ORIGIN]...
                     [--max-body BYTES] [--timeout-ms MS] [--max-in-flight N] [--max-queue N]
                     [--max-connections N] [--idle-timeout-ms MS]
                                            HTTP 服务（LanguageTool 协议 /v2/check，报告 /v1/check）
  report-check eval [--verbose] DIR...      按标注语料评分
  report-check eval --mutate [--set N] [--verbose] DIR...
                                            植入缺陷，逐类统计检出率（N：另一组植入）
  report-check rules [--format text|json|markdown]
                                            列出全部规则及说明
退出码：0 无错误，1 有错误，2 用法错误或无法读取";

pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("eval") => run_eval(&args[1..]),
        Some("serve") => crate::serve::main(&args[1..]),
        Some("rules") => crate::rules_cmd::run(&args[1..]),
        Some("-h") | Some("--help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => run_check(&args),
    }
}

pub fn usage_error(msg: &str) -> ExitCode {
    eprintln!("report-check: {msg}\n{USAGE}");
    ExitCode::from(2)
}

fn run_check(args: &[String]) -> ExitCode {
    let mut format = Format::Text;
    let mut template = None;
    let mut config = None;
    let mut paths = Vec::new();
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
                    Ok(choice) => template = Some(choice),
                    Err(e) => return usage_error(&e),
                }
            }
            "--config" => {
                let Some(path) = it.next() else {
                    return usage_error("--config 需要配置文件");
                };
                match crate::config::load(path) {
                    Ok(o) => config = Some(o),
                    Err(e) => return usage_error(&e),
                }
            }
            "-" => paths.push(a.clone()),
            s if s.starts_with('-') => return usage_error(&format!("未知选项 {s}")),
            _ => paths.push(a.clone()),
        }
    }
    if paths.is_empty() {
        return usage_error("缺少要检查的文件");
    }
    let mut options = config.unwrap_or_default();
    // --template on the command line wins over the configuration's.
    if template.is_some() {
        options.template = template;
    }
    let files = match input::collect(&paths) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("report-check: {e}");
            return ExitCode::from(2);
        }
    };
    if files.is_empty() {
        eprintln!("report-check: 目录中没有 .txt 或 .docx 文件");
        return ExitCode::from(2);
    }
    let many = files.len() > 1 || paths.iter().any(|p| p != "-" && Path::new(p).is_dir());
    match batch::run(&files, many, format, &options) {
        Err(e) => usage_error(&e),
        Ok(o) if o.unreadable => ExitCode::from(2),
        Ok(o) if o.any_error => ExitCode::from(1),
        Ok(_) => ExitCode::SUCCESS,
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
