//! Checking many drafts: each file's findings as they come (text, or one JSON
//! line per file), a progress bar on a terminal, and, for more than one file,
//! a summary table at the end. Output goes through one buffer: printing the
//! 2,600 findings of a 1 MB draft line by line cost more than checking it.

use crate::input;
use crate::render::render_text;
use report_checker::report::Report;
use report_checker::Options;
use std::collections::BTreeMap;
use std::io::{BufWriter, IsTerminal, Write};
use std::time::{Duration, Instant};
use unicode_width::UnicodeWidthStr;

#[derive(PartialEq, Clone, Copy)]
pub enum Format {
    Text,
    Json,
}

/// What a run found, for the exit status.
pub struct Outcome {
    pub any_error: bool,
    pub unreadable: bool,
}

/// One file's line in the summary table.
struct Row {
    file: String,
    counts: Result<[usize; 3], String>,
}

/// Checks `files` in order. `many`: a batch (several files, or a folder even
/// of one), printed as JSON Lines and closed by the summary table.
pub fn run(
    files: &[String],
    many: bool,
    format: Format,
    options: &Options,
) -> Result<Outcome, String> {
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut progress = Progress::new(files.len());
    let mut rows = Vec::new();
    let mut by_rule: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut outcome = Outcome {
        any_error: false,
        unreadable: false,
    };
    // Bad options (an unknown template name …) are bad usage, said once, not per file.
    report_checker::check("", options).map_err(|e| e.0)?;
    let started = Instant::now();
    // A single file keeps the pretty report of `--format json`; a batch is JSON Lines.
    let lines = many;
    for (i, file) in files.iter().enumerate() {
        progress.show(i, file);
        // A file that cannot be read, or whose check fails inside the checker
        // (a panic, caught: one bad draft must not end a batch of a thousand),
        // is reported and the batch goes on; the run then exits 2.
        let (text, report) = match read_and_check(file, options) {
            Ok(r) => r,
            Err(e) => {
                progress.clear();
                eprintln!("report-check: {file}: {e}");
                outcome.unreadable = true;
                if format == Format::Json && lines {
                    let v = serde_json::json!({ "file": file, "error": e });
                    let _ = write_json_line(&mut out, &v);
                }
                rows.push(Row {
                    file: file.clone(),
                    counts: Err(e),
                });
                continue;
            }
        };
        outcome.any_error |= report.has_errors();
        for d in &report.diagnostics {
            *by_rule.entry(d.rule).or_default() += 1;
        }
        let written = write_report(&mut out, format, lines, file, &text, &report);
        if written.is_err() {
            // A closed pipe (| head): stop quietly.
            progress.clear();
            return Ok(outcome);
        }
        rows.push(Row {
            file: file.clone(),
            counts: Ok(counts(&report)),
        });
    }
    progress.clear();
    if lines && format == Format::Text {
        let _ = out.write_all(summary_table(&rows, &by_rule, started.elapsed()).as_bytes());
    }
    let _ = out.flush();
    Ok(outcome)
}

/// Reads and checks one file. A file that cannot be read, or whose check fails
/// inside the checker (a panic, caught: one bad draft must not end a batch of a
/// thousand), is an error message; the batch reports it and goes on.
fn read_and_check(file: &str, options: &Options) -> Result<(String, Report), String> {
    input::read_text(file).and_then(|text| {
        let run = || report_checker::check(&text, options);
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
            Ok(Ok(report)) => Ok((text, report)),
            Ok(Err(e)) => Err(e.0),
            Err(_) => {
                Err("检查时内部出错（见上方的出错信息），请把这份文稿报告给维护者".to_string())
            }
        }
    })
}

/// Writes one file's report: pretty JSON for a single file, a JSON line in a
/// batch (`lines`), or the compiler-style text.
fn write_report(
    out: &mut impl Write,
    format: Format,
    lines: bool,
    file: &str,
    text: &str,
    report: &Report,
) -> std::io::Result<()> {
    match format {
        Format::Json if !lines => serde_json::to_writer_pretty(&mut *out, report)
            .map_err(std::io::Error::from)
            .and_then(|_| writeln!(out)),
        Format::Json => {
            write_json_line(out, &serde_json::json!({ "file": file, "report": report }))
        }
        Format::Text => out.write_all(render_text(file, text, report).as_bytes()),
    }
}

fn write_json_line(out: &mut impl Write, v: &serde_json::Value) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, v)?;
    writeln!(out)
}

fn counts(report: &Report) -> [usize; 3] {
    let s = &report.summary;
    [s.error, s.warning, s.info]
}

/// The table printed after a batch: one row per file, the totals, and how
/// many findings each rule made.
fn summary_table(rows: &[Row], by_rule: &BTreeMap<&'static str, usize>, took: Duration) -> String {
    let width = rows
        .iter()
        .map(|r| r.file.width())
        .max()
        .unwrap_or(0)
        .max(4);
    // Padded by display width: the headings are Chinese, two columns a character.
    let pad_to = |s: &str, w: usize| " ".repeat(w.saturating_sub(s.width()));
    let line = |name: &str, cells: [String; 3]| {
        let cells: Vec<String> = cells
            .iter()
            .map(|c| format!("{}{c}", pad_to(c, 6)))
            .collect();
        format!("{name}{}  {}\n", pad_to(name, width), cells.join("  "))
    };
    let mut s = String::from("\n");
    s.push_str(&line("文件", ["错误", "警告", "提示"].map(String::from)));
    let mut total = [0usize; 3];
    let (mut clean, mut failed) = (0, 0);
    for row in rows {
        match &row.counts {
            Ok(c) => {
                s.push_str(&line(&row.file, c.map(|n| n.to_string())));
                (0..3).for_each(|k| total[k] += c[k]);
                clean += usize::from(c[0] == 0);
            }
            Err(e) => {
                s.push_str(&format!(
                    "{}{}  未检查：{e}\n",
                    row.file,
                    pad_to(&row.file, width)
                ));
                failed += 1;
            }
        }
    }
    s.push_str(&line("合计", total.map(|n| n.to_string())));
    s.push_str(&format!(
        "{} 个文件：{} 个无错误，{} 个有错误，{} 个未能检查；用时 {:.2} 秒\n",
        rows.len(),
        clean,
        rows.len() - clean - failed,
        failed,
        took.as_secs_f64()
    ));
    if !by_rule.is_empty() {
        let parts: Vec<String> = by_rule.iter().map(|(r, n)| format!("{r} {n}")).collect();
        s.push_str(&format!("按规则：{}\n", parts.join("，")));
    }
    s
}

/// A one-line progress bar on standard error, only when it is a terminal and
/// the run is long enough to want one; redrawn at most ten times a second.
struct Progress {
    total: usize,
    enabled: bool,
    last: Option<Instant>,
}

impl Progress {
    fn new(total: usize) -> Progress {
        Progress {
            total,
            enabled: total > 1 && std::io::stderr().is_terminal(),
            last: None,
        }
    }

    fn show(&mut self, done: usize, file: &str) {
        if !self.enabled
            || self
                .last
                .is_some_and(|t| t.elapsed() < Duration::from_millis(100))
        {
            return;
        }
        self.last = Some(Instant::now());
        const BAR: usize = 30;
        let filled = done * BAR / self.total.max(1);
        let name: String = file
            .chars()
            .rev()
            .take(40)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        eprint!(
            "\r\x1b[K[{}{}] {done}/{} {name}",
            "#".repeat(filled),
            "-".repeat(BAR - filled),
            self.total
        );
    }

    fn clear(&mut self) {
        if self.enabled && self.last.is_some() {
            eprint!("\r\x1b[K");
            self.last = None;
        }
    }
}
