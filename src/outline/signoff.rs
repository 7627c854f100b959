//! The sign-off: the issuing unit (落款) and the 成文日期, at the end or
//! under the title.

use super::dates::find_dates;
use super::headings::parse_marker;
use super::words::{is_chrome, UNIT_SUFFIXES};
use super::Outline;
use crate::text::Span;

/// A paragraph that is one full date and nothing else: 2022年12月20日.
fn is_date_line(text: &str, p: &Span) -> bool {
    let mut dates = Vec::new();
    find_dates(text, p, &mut dates);
    dates.len() == 1 && dates[0].day.is_some() && dates[0].span == *p
}

/// A short line naming an issuing unit: 中共某某镇委员会, 县民政局.
fn is_unit_line(text: &str, p: &Span) -> bool {
    let s = &text[p.clone()];
    s.chars().count() <= 40
        && !s.contains(['。', ',', '，', ':', '：'])
        && UNIT_SUFFIXES.iter().any(|u| s.ends_with(u))
        && parse_marker(s).is_none()
}

impl Outline {
    /// The sign-off: a date line (成文日期) and the unit line before it, at the
    /// end — or under the title, as some drafts place them.
    pub(super) fn find_signoff(&mut self, text: &str, paragraphs: &[Span]) {
        // The last three paragraphs that are not page chrome, last first (found
        // from the end: the sign-off is there, and a long draft costs nothing more).
        let tail: Vec<usize> = (0..paragraphs.len())
            .rev()
            .filter(|&i| !is_chrome(&text[paragraphs[i].clone()]))
            .take(3)
            .collect();
        let head = self
            .title_paragraph
            .map(|t| (t + 1..(t + 4).min(paragraphs.len())).collect::<Vec<_>>())
            .unwrap_or_default();
        for i in tail.iter().chain(&head).copied() {
            if self.signoff_date.is_none() && is_date_line(text, &paragraphs[i]) {
                self.signoff_date = Some(i);
                if i > 0
                    && is_unit_line(text, &paragraphs[i - 1])
                    && Some(i - 1) != self.title_paragraph
                {
                    self.signoff_unit = Some(i - 1);
                }
            }
        }
        // 中共黄盖镇委 黄盖镇人民政府 under the title, the date at the end: both count.
        if self.signoff_unit.is_none() {
            self.signoff_unit = head
                .iter()
                .copied()
                .find(|&i| is_unit_line(text, &paragraphs[i]));
        }
        if self.signoff_unit.is_none() {
            if let Some(&last) = tail.first() {
                if is_unit_line(text, &paragraphs[last]) && Some(last) != self.title_paragraph {
                    self.signoff_unit = Some(last);
                }
            }
        }
    }
}
