//! The title and the reporting period it names.

use super::headings::parse_marker;
use super::words::{is_chrome, DOC_KINDS};
use super::{NumberStyle, Outline, Period};
use crate::text::Span;

/// The reporting period a title names: 2020年上半年, 2018年一季度, 前三季度, 1-9月, 年度.
pub fn period_of(title: &str) -> Option<Period> {
    let year = first_year(title)?;
    let (label, start_month, end_month) = period_months(title);
    let label = if label == "年度" {
        format!("{year}年度")
    } else {
        format!("{year}年{label}")
    };
    Some(Period {
        label,
        year,
        start_month,
        end_month,
    })
}

/// The part of the year a title names, and its first and last month.
fn period_months(title: &str) -> (&'static str, u32, u32) {
    let has = |words: &[&str]| words.iter().any(|w| title.contains(w));
    if has(&["前三季度", "1-9月", "1—9月"]) {
        ("前三季度", 1, 9)
    } else if has(&["一季度"]) {
        ("一季度", 1, 3)
    } else if has(&["二季度"]) {
        ("二季度", 4, 6)
    } else if has(&["三季度"]) {
        ("三季度", 7, 9)
    } else if has(&["四季度"]) {
        ("四季度", 10, 12)
    } else if has(&["上半年", "半年"]) {
        ("上半年", 1, 6)
    } else if has(&["下半年"]) {
        ("下半年", 7, 12)
    } else {
        ("年度", 1, 12)
    }
}

/// The first `YYYY年` in `s`.
fn first_year(s: &str) -> Option<u32> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(4)).find_map(|i| {
        let d = &b[i..i + 4];
        let ok = d.iter().all(u8::is_ascii_digit)
            && s[i + 4..].starts_with('年')
            && (i == 0 || !b[i - 1].is_ascii_digit());
        ok.then(|| s[i..i + 4].parse().ok()).flatten()
    })
}

impl Outline {
    /// The title: the first short line naming a 文种 (总结/汇报/…) before the
    /// body begins, skipping pasted page chrome.
    pub(super) fn find_title(&mut self, text: &str, paragraphs: &[Span]) {
        let first_heading = self.headings.first().map_or(usize::MAX, |h| h.paragraph);
        for (pi, p) in paragraphs.iter().enumerate().take(10) {
            let s = &text[p.clone()];
            if pi > first_heading || parse_marker(s).is_some() {
                break;
            }
            if is_chrome(s) {
                continue;
            }
            let head: String = s.chars().take(64).collect();
            let Some(kind_at) = DOC_KINDS
                .iter()
                .filter_map(|k| head.find(k).map(|i| i + k.len()))
                .min()
            else {
                // A long first paragraph of body text: the draft has no title.
                if s.chars().count() > 60 || s.contains('。') {
                    return;
                }
                // A short clean line before the body is a title that names no
                // 文种 (a headline: 上半年国民经济运行总体平稳).
                let next_is_body = paragraphs
                    .get(pi + 1)
                    .is_some_and(|n| text[n.clone()].chars().count() > 60);
                if next_is_body && s.chars().count() <= 40 && !s.contains([',', '，', ':', '：'])
                {
                    self.title = Some(p.clone());
                    self.title_paragraph = Some(pi);
                    return;
                }
                continue;
            };
            let clean_line = s.chars().count() <= 60 && !s.contains(['。', ',', '，']);
            if clean_line {
                self.title = Some(p.clone());
                self.title_paragraph = Some(pi);
                return;
            }
            // 教育局2022年工作总结范文范例1.加快…: a title glued to the first item.
            let rest = &s[kind_at..];
            let glue = rest.char_indices().take(8).find(|&(i, _)| {
                parse_marker(&rest[i..]).is_some_and(|m| m.style != NumberStyle::RunIn)
            });
            if let Some((i, _)) = glue {
                self.title = Some(p.start..p.start + kind_at + i);
                self.title_paragraph = Some(pi);
                self.title_glued_at = Some(p.start + kind_at + i);
            }
            return;
        }
    }
}
