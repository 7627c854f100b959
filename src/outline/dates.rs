//! Dates written in the text: 2018年3月26日, 3月5日, 2018年, 2022—2025年,
//! 二〇一八年三月二十六日.

use super::numerals::{is_numeral, numeral_at};
use crate::text::{fold_char, Span};

/// A date or a year range written in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    pub span: Span,
    pub year: Option<u32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// For `2022—2025年`: the end year.
    pub end_year: Option<u32>,
    /// The date is written in Chinese numerals (二〇一八年三月二十六日).
    pub han: bool,
}

/// Days in a month (Gregorian), 0 for a month that does not exist.
pub fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

fn is_dash(c: char) -> bool {
    matches!(fold_char(c), '-' | '~') || c == '—' || c == '–' || c == '至' || c == '到'
}

fn is_year(n: u32, chars: usize) -> bool {
    (1900..2200).contains(&n) && chars == 4
}

/// One paragraph's text, read in place; positions are byte offsets into it.
struct Paragraph<'a> {
    s: &'a str,
    /// Where the paragraph starts in the document.
    base: usize,
}

impl Paragraph<'_> {
    fn at(&self, b: usize) -> Option<char> {
        self.s.get(b..).and_then(|r| r.chars().next())
    }

    /// The date starting at the numeral run at `k`.
    fn date_at(&self, k: usize) -> Option<DateMention> {
        let num = numeral_at(&self.s[k..])?;
        let mut m = DateMention {
            span: 0..0,
            year: None,
            month: None,
            day: None,
            end_year: None,
            han: num.han,
        };
        let mut j = k + num.bytes;
        if let Some(end) = self.year_range_end(j, num.value, num.chars, num.han) {
            m.year = Some(num.value);
            m.end_year = Some(end.1);
            j = end.0;
        } else if let Some(end) = self
            .marked(j, &['年'])
            .filter(|_| is_year(num.value, num.chars))
        {
            m.year = Some(num.value);
            j = end;
            if let Some(mo) = numeral_at(&self.s[j..]) {
                if let Some(end) = self.marked(j + mo.bytes, &['月']) {
                    m.month = Some(mo.value);
                    j = end;
                }
            }
        } else if let Some(end) = self.marked(j, &['月']).filter(|_| num.chars <= 2) {
            m.month = Some(num.value);
            j = end;
        } else {
            return None;
        }
        if m.month.is_some() {
            if let Some(d) = numeral_at(&self.s[j..]) {
                if let Some(end) = self.marked(j + d.bytes, &['日', '号']) {
                    m.day = Some(d.value);
                    j = end;
                }
            }
        }
        m.span = self.base + k..self.base + j;
        Some(m)
    }

    /// Past one of `marks` at `j` (年, 月, 日), maybe set off by a blank
    /// (2020 年8月10 日: text from a PDF): where the date goes on.
    fn marked(&self, j: usize, marks: &[char]) -> Option<usize> {
        let blank = usize::from(self.at(j) == Some(' '));
        let mark = self.at(j + blank).filter(|c| marks.contains(c))?;
        Some(j + blank + mark.len_utf8())
    }

    /// For a first year ending at `j`: the end of a range 2022—2025年 and its
    /// second year, (end after 年, year).
    fn year_range_end(&self, j: usize, n: u32, chars: usize, han: bool) -> Option<(usize, u32)> {
        if han || !is_year(n, chars) {
            return None;
        }
        let mut r = j;
        while let Some(d) = self.at(r).filter(|&c| is_dash(c)) {
            r += d.len_utf8();
        }
        if r == j {
            return None;
        }
        let end = numeral_at(&self.s[r..]).filter(|e| !e.han && e.chars == 4)?;
        (self.at(r + end.bytes) == Some('年')).then(|| (r + end.bytes + '年'.len_utf8(), end.value))
    }

    /// The start of the numeral run ending at `end`, if the run is 1..=`cap` long.
    fn run_before(&self, end: usize, cap: usize) -> Option<(usize, usize)> {
        let (mut start, mut n) = (end, 0);
        while let Some(c) = self.s[..start]
            .chars()
            .next_back()
            .filter(|&c| is_numeral(c))
        {
            n += 1;
            if n > cap {
                return None;
            }
            start -= c.len_utf8();
        }
        (n > 0).then_some((start, n))
    }

    /// Before 年 at `a`: the start of a range 2022—2025年 whose second year ends there.
    fn range_start_before(&self, a: usize) -> Option<usize> {
        let (second, _) = self.run_before(a, 4).filter(|&(_, n)| n == 4)?;
        let mut d = second;
        while let Some(c) = self.s[..d].chars().next_back().filter(|&c| is_dash(c)) {
            d -= c.len_utf8();
        }
        (d < second)
            .then(|| self.run_before(d, 4))
            .flatten()
            .map(|(first, _)| first)
    }
}

/// Every 年 and 月 in `s`, as (byte offset, the mark). 年 is E5 B9 B4 and 月
/// E6 9C 88: memchr finds their last bytes a word at a time, and the two bytes
/// before are checked.
fn year_month_marks(s: &str) -> impl Iterator<Item = (usize, &str)> {
    memchr::memchr2_iter(0xB4, 0x88, s.as_bytes()).filter_map(|last| {
        let mark = s.get(last.checked_sub(2)?..last + 1)?;
        (mark == "年" || mark == "月").then_some((last - 2, mark))
    })
}

/// Dates in one paragraph, pushed onto `out` in order.
pub(super) fn find_dates(text: &str, p: &Span, out: &mut Vec<DateMention>) {
    let s = &text[p.clone()];
    // Every date form ends its number with 年 or 月: most paragraphs have neither.
    if !s.contains('年') && !s.contains('月') {
        return;
    }
    let para = Paragraph { s, base: p.start };
    // Every date has its first number end right before 年 or 月 (2020年, 3月),
    // or is a range whose second year does (2022—2025年). So only the numeral
    // runs just before each 年 / 月 are tried, in text order; a date found
    // covers the runs inside it (2020年3月: the 3 before 月 is part of it).
    let mut covered = 0;
    for (a, mark) in year_month_marks(s) {
        let range_start = (mark == "年").then(|| para.range_start_before(a)).flatten();
        // The number ends right before the mark, or one blank before it.
        let number_end = if s[..a].ends_with(' ') { a - 1 } else { a };
        let plain_start = para.run_before(number_end, 5).map(|(start, _)| start);
        for k in [range_start, plain_start].into_iter().flatten() {
            if k < covered {
                continue;
            }
            if let Some(m) = para.date_at(k) {
                covered = m.span.end - p.start;
                out.push(m);
            }
        }
    }
}
