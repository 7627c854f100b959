//! Compiler-style text output of a report.

use report_checker::report::{Applicability, JsonSpan, Report};
use unicode_width::UnicodeWidthChar;

fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Compiler-style output: `file:line:col: severity[rule]: message`, then the
/// line (windowed around the span: drafts put a whole paragraph on one line)
/// with the flagged part underlined.
pub fn render_text(file: &str, text: &str, report: &Report) -> String {
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
