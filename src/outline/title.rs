//! The title and the reporting period it names.

use super::headings::parse_marker;
use super::words::{is_chrome, DOC_KINDS};
use super::{NumberStyle, Outline, Period};
use crate::text::{is_blank, Span};

/// The reporting period a title names: 2020年上半年, 2018年一季度, 前三季度,
/// 1-9月, 1—4月, 2020年3月, 年度.
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
pub(super) fn period_months(title: &str) -> (String, u32, u32) {
    let has = |words: &[&str]| words.iter().any(|w| title.contains(w));
    let named = |label: &str, first, last| (label.to_string(), first, last);
    if has(&["前三季度", "1-9月", "1—9月"]) {
        named("前三季度", 1, 9)
    } else if has(&["一季度"]) {
        named("一季度", 1, 3)
    } else if has(&["二季度"]) {
        named("二季度", 4, 6)
    } else if has(&["三季度"]) {
        named("三季度", 7, 9)
    } else if has(&["四季度"]) {
        named("四季度", 10, 12)
    } else if has(&["上半年"]) {
        named("上半年", 1, 6)
    } else if has(&["下半年"]) {
        named("下半年", 7, 12)
    } else if has(&["半年"]) {
        named("上半年", 1, 6)
    } else if let Some((first, last)) = month_span(title) {
        let label = if first == last {
            format!("{last}月")
        } else {
            format!("{first}—{last}月")
        };
        (label, first, last)
    } else {
        named("年度", 1, 12)
    }
}

/// The months a title names as its period: a range `1-4月` / `元—4月` /
/// `3至5月`, or one month written right after the year, `2020年3月`
/// (not a day, `2020年3月5日`).
fn month_span(title: &str) -> Option<(u32, u32)> {
    let month = |s: &str| -> Option<(u32, usize)> {
        let n = s.bytes().take_while(u8::is_ascii_digit).count();
        let m: u32 = s.get(..n)?.parse().ok()?;
        (n <= 2 && (1..=12).contains(&m)).then_some((m, n))
    };
    for (i, c) in title.char_indices() {
        if !matches!(c, '-' | '—' | '–' | '~' | '～' | '至' | '到') {
            continue;
        }
        let before = &title[..i];
        let first = if before.ends_with('元') {
            Some(1)
        } else {
            let digits = before.bytes().rev().take_while(u8::is_ascii_digit).count();
            before[before.len() - digits..]
                .parse::<u32>()
                .ok()
                .filter(|m| digits <= 2 && (1..=12).contains(m))
        };
        let after = &title[i + c.len_utf8()..];
        if let (Some(first), Some((last, n))) = (first, month(after)) {
            if after[n..].starts_with('月') && first <= last {
                return Some((first, last));
            }
        }
    }
    let at = year_end(title)?;
    let rest = &title[at..];
    let (m, n) = month(rest)?;
    let after = rest[n..].strip_prefix('月')?;
    let day = after.starts_with(|c: char| c.is_ascii_digit() || c == '日' || c == '号');
    (!day).then_some((m, m))
}

/// Where the first `YYYY年` of `s` ends.
fn year_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(4)).find_map(|i| {
        let ok = b[i..i + 4].iter().all(u8::is_ascii_digit)
            && s[i + 4..].starts_with('年')
            && (i == 0 || !b[i - 1].is_ascii_digit());
        ok.then_some(i + 4 + '年'.len_utf8())
    })
}

/// A line that is only a date, maybe in brackets: `2019年3月22日`, `（2023年5月17日）`.
pub fn is_date_only(s: &str) -> bool {
    let mut dates = Vec::new();
    super::dates::find_dates(s, &(0..s.len()), &mut dates);
    dates.len() == 1 && super::body_period::is_date_line(s, &s[dates[0].span.clone()])
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
            let chars = s.chars().count();
            // A headline stands alone before the body or the first heading:
            // it may carry commas (…经济稳定增长，工业生产保持快速增长), a
            // source (统计局：今年夏粮增产…) or a question, but no full stop,
            // and it does not lead into what follows (各位代表：, 总结如下：).
            // (Page chrome between them, 来源：…日报, does not count.)
            let next_opens_body = paragraphs[pi + 1..]
                .iter()
                .map(|n| &text[n.clone()])
                .find(|n| !is_chrome(n))
                .is_some_and(|n| {
                    n.chars().count() > 60
                        || parse_marker(n).is_some()
                        // A sentence (…在这里隆重开幕。), or a table's unit line (单位：万人次).
                        || n.trim_end().ends_with('。')
                        || n.starts_with("单位：")
                        || n.starts_with("单位:")
                });
            // (A question may head a news item: 河北省现有多少人口？…)
            let headline = next_opens_body
                && !s.contains(['。', ';', '；', '!', '！', '…'])
                && !s.trim_end().ends_with([':', '：'])
                && !is_date_only(s);
            let Some(kind_at) = DOC_KINDS
                .iter()
                .filter_map(|k| head.find(k).map(|i| i + k.len()))
                .min()
            else {
                // A long first paragraph of body text: the draft has no title.
                if chars > 60 || s.contains('。') {
                    return;
                }
                // 政 府 工 作 报 告: a 文种 spaced out letter by letter.
                let compact: String = head.chars().filter(|&c| !is_blank(c)).collect();
                let spaced =
                    DOC_KINDS.iter().any(|k| compact.contains(k)) && !s.contains([',', '，']);
                // A short line before the body is a title that names no 文种
                // (a headline: 上半年国民经济运行总体平稳).
                if spaced || (headline && chars <= 40) {
                    self.title = Some(p.clone());
                    self.title_paragraph = Some(pi);
                    return;
                }
                continue;
            };
            // 现将2022年工作总结如下： leads into the body; it is no title.
            let clean_line = chars <= 60
                && !s.contains(['。', ',', '，'])
                && !s.trim_end().ends_with([':', '：']);
            if clean_line || (headline && chars <= 60) {
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
