//! The outline of a draft: title, headings at the four GB/T 9704 levels plus
//! run-in markers (一是/二是), sign-off block and reporting period. Built once
//! per check; rules read it and the report carries a view of it.
//!
//! (Walking-skeleton version: headings and run-in markers only. Issue #4 deepens it.)

use crate::report::JsonSpan;
use crate::text::OffsetIndex;
use crate::text::{fold_char, Mark, Span};
use serde::Serialize;
use std::ops::Range;

/// How a heading is numbered. The style decides the level by GB/T 9704
/// convention (一、 > （一） > 1. > （1））; run-in markers sit inside paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NumberStyle {
    /// 一、
    HanComma,
    /// （一）
    HanParen,
    /// 1. or 1．
    ArabicDot,
    /// 1、
    ArabicComma,
    /// （1）
    ArabicParen,
    /// 一是 / 二是 inside a paragraph
    RunIn,
    /// 第一，/ 第二， inside a paragraph
    RunInOrdinal,
    /// 首先，/ 其次，/ 再次， inside a paragraph
    RunInSequence,
}

impl NumberStyle {
    /// Nesting level, 1-based. 1. and 1、 share level 3 (drafts use either).
    pub fn level(self) -> u8 {
        match self {
            NumberStyle::HanComma => 1,
            NumberStyle::HanParen => 2,
            NumberStyle::ArabicDot | NumberStyle::ArabicComma => 3,
            NumberStyle::ArabicParen => 4,
            NumberStyle::RunIn | NumberStyle::RunInOrdinal | NumberStyle::RunInSequence => 5,
        }
    }

    /// The marker for number `n` in this style, for messages (“应为（二）”).
    pub fn marker(self, n: u32) -> String {
        let h = crate::quantity::han_numeral(n);
        match self {
            NumberStyle::HanComma => format!("{h}、"),
            NumberStyle::HanParen => format!("（{h}）"),
            NumberStyle::ArabicDot => format!("{n}."),
            NumberStyle::ArabicComma => format!("{n}、"),
            NumberStyle::ArabicParen => format!("（{n}）"),
            NumberStyle::RunIn => format!("{h}是"),
            NumberStyle::RunInOrdinal => format!("第{h}"),
            NumberStyle::RunInSequence => SEQUENCE_WORDS
                .get(n as usize - 1)
                .map_or(h, |w| w.to_string()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub style: NumberStyle,
    pub number: u32,
    /// The numbering marker itself: `（二）`, `3.`, `二是`.
    pub marker: Span,
    /// The heading text after the marker, up to the first sentence end or the line end.
    pub title: Span,
    /// Index into `Document::paragraphs`.
    pub paragraph: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Outline {
    /// The title paragraph (page chrome such as 日期: … 来源: is never taken for it).
    pub title: Option<Span>,
    /// Index into `Document::paragraphs` of the title.
    pub title_paragraph: Option<usize>,
    /// A title run straight into the first item (…工作总结1.加快…): where the body begins.
    pub title_glued_at: Option<usize>,
    /// Headings (line-initial, and 一、 after a full stop) in document order.
    pub headings: Vec<Heading>,
    /// Run-in markers (一是…) in document order.
    pub run_ins: Vec<Heading>,
    /// The reporting period, from the title.
    pub period: Option<Period>,
    /// Sign-off: the issuing unit line and the 成文日期 line (paragraph indices).
    pub signoff_unit: Option<usize>,
    pub signoff_date: Option<usize>,
    /// Every date mentioned, in document order.
    pub dates: Vec<DateMention>,
}

/// A reporting period as an inclusive range of (year, month).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub label: String,
    pub year: u32,
    pub start_month: u32,
    pub end_month: u32,
}

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

/// Words that make a paragraph page chrome rather than content.
const CHROME: &[&str] = &[
    "日期:",
    "日期：",
    "来源:",
    "来源：",
    "字体",
    "发布时间",
    "发布日期",
    "浏览次数",
    "相关附件",
    "相关阅读",
    "相关链接",
    "打印本页",
    "关闭窗口",
    "返回顶部",
    "其他部门",
    "分享到",
];

/// 文种: the kind of document a title names.
const DOC_KINDS: &[&str] = &[
    "总结", "汇报", "报告", "计划", "要点", "回顾", "通知", "方案", "意见", "公报", "通报", "述职",
    "简况",
];

/// 文种 of documents that report on a period and must name it in the title
/// (a 政府工作报告 or a 通知 need not).
pub const PERIODIC_KINDS: &[&str] = &["总结", "汇报", "述职", "小结"];

fn is_chrome(s: &str) -> bool {
    CHROME.iter().any(|c| s.contains(c))
}

/// Units that issue summaries end with these.
const UNIT_SUFFIXES: &[&str] = &[
    "镇",
    "乡",
    "局",
    "委",
    "政府",
    "办事处",
    "街道",
    "村",
    "社区",
    "委员会",
    "中心",
    "办公室",
    "公司",
    "院",
    "所",
    "厅",
    "部",
    "队",
    "站",
];

/// The reporting period a title names: 2020年上半年, 2018年一季度, 前三季度, 1-9月, 年度.
pub fn period_of(title: &str) -> Option<Period> {
    let year = first_year(title)?;
    let (label, start, end) =
        if title.contains("前三季度") || title.contains("1-9月") || title.contains("1—9月")
        {
            ("前三季度", 1, 9)
        } else if title.contains("一季度") || title.contains("第一季度") {
            ("一季度", 1, 3)
        } else if title.contains("二季度") || title.contains("第二季度") {
            ("二季度", 4, 6)
        } else if title.contains("三季度") || title.contains("第三季度") {
            ("三季度", 7, 9)
        } else if title.contains("四季度") || title.contains("第四季度") {
            ("四季度", 10, 12)
        } else if title.contains("上半年") || title.contains("半年") {
            ("上半年", 1, 6)
        } else if title.contains("下半年") {
            ("下半年", 7, 12)
        } else {
            ("年度", 1, 12)
        };
    let label = if label == "年度" {
        format!("{year}年度")
    } else {
        format!("{year}年{label}")
    };
    Some(Period {
        label,
        year,
        start_month: start,
        end_month: end,
    })
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

fn han_digit_string(s: &str) -> Option<u32> {
    // 二〇一八 (digit by digit) or 二十六 (a cardinal).
    if s.chars().count() == 4
        && s.chars()
            .all(|c| crate::quantity::is_han_digit(c) && c != '十')
    {
        return s.chars().try_fold(0u32, |acc, c| {
            Some(
                acc * 10
                    + crate::quantity::parse_han_ordinal(c.encode_utf8(&mut [0; 4]))
                        .or((c == '〇' || c == '零').then_some(0))?,
            )
        });
    }
    crate::quantity::parse_han_ordinal(s)
}

/// Dates in one paragraph: 2018年3月26日, 3月5日, 2018年, 2022—2025年, 二〇一八年三月二十六日.
fn find_dates(text: &str, p: &Span, out: &mut Vec<DateMention>) {
    let s = &text[p.clone()];
    // Every date form ends its number with 年 or 月: most paragraphs have neither.
    if !s.contains('年') && !s.contains('月') {
        return;
    }
    // Positions are byte offsets into `s`; the text is read in place.
    let at = |b: usize| s.get(b..).and_then(|r| r.chars().next());
    let num_at = |b: usize| -> Option<Numeral> {
        // Up to five digits, or five Chinese numerals.
        let run = |is: fn(char) -> bool| {
            s[b..]
                .chars()
                .take_while(|&c| is(c))
                .take(5)
                .fold((0, 0), |(chars, bytes), c| {
                    (chars + 1, bytes + c.len_utf8())
                })
        };
        let (chars, bytes) = run(crate::text::is_digit);
        if chars > 0 {
            let value = s[b..b + bytes]
                .chars()
                .fold(0, |n, c| n * 10 + fold_char(c).to_digit(10).unwrap_or(0));
            return Some(Numeral {
                value,
                chars,
                bytes,
                han: false,
            });
        }
        let (chars, bytes) = run(crate::quantity::is_han_digit);
        if chars > 0 {
            let value = han_digit_string(&s[b..b + bytes])?;
            return Some(Numeral {
                value,
                chars,
                bytes,
                han: true,
            });
        }
        None
    };
    let is_numeral = |c: char| crate::text::is_digit(c) || crate::quantity::is_han_digit(c);
    let is_dash = |c: char| {
        matches!(fold_char(c), '-' | '~') || c == '—' || c == '–' || c == '至' || c == '到'
    };
    // The date starting at numeral-run start `k`.
    let date_at = |k: usize| -> Option<DateMention> {
        let num = num_at(k)?;
        let (n, len, han) = (num.value, num.chars, num.han);
        let mut j = k + num.bytes;
        let mut m = DateMention {
            span: 0..0,
            year: None,
            month: None,
            day: None,
            end_year: None,
            han,
        };
        let mut matched = false;
        // A year range: 2022—2025年 / 2022-2022年.
        if (1900..2200).contains(&n) && len == 4 && !han {
            let mut r = j;
            while let Some(d) = at(r).filter(|&c| is_dash(c)) {
                r += d.len_utf8();
            }
            if r > j {
                if let Some(end) = num_at(r).filter(|e| !e.han && e.chars == 4) {
                    if at(r + end.bytes) == Some('年') {
                        m.year = Some(n);
                        m.end_year = Some(end.value);
                        j = r + end.bytes + '年'.len_utf8();
                        matched = true;
                    }
                }
            }
        }
        if !matched && at(j) == Some('年') && ((1900..2200).contains(&n) && (len == 4)) {
            m.year = Some(n);
            j += '年'.len_utf8();
            matched = true;
            if let Some(mo) = num_at(j) {
                if at(j + mo.bytes) == Some('月') {
                    m.month = Some(mo.value);
                    j += mo.bytes + '月'.len_utf8();
                }
            }
        } else if !matched && at(j) == Some('月') && len <= 2 {
            m.month = Some(n);
            j += '月'.len_utf8();
            matched = true;
        }
        if !matched {
            return None;
        }
        if m.month.is_some() {
            if let Some(d) = num_at(j) {
                if matches!(at(j + d.bytes), Some('日') | Some('号')) {
                    m.day = Some(d.value);
                    j += d.bytes + '日'.len_utf8();
                }
            }
        }
        m.span = p.start + k..p.start + j;
        Some(m)
    };
    // The start of the numeral run ending at `end`, if the run is 1..=`cap` long.
    let run_before = |end: usize, cap: usize| -> Option<(usize, usize)> {
        let (mut start, mut n) = (end, 0);
        while let Some(c) = s[..start].chars().next_back().filter(|&c| is_numeral(c)) {
            n += 1;
            if n > cap {
                return None;
            }
            start -= c.len_utf8();
        }
        (n > 0).then_some((start, n))
    };
    // Every date has its first number end right before 年 or 月 (2020年, 3月),
    // or is a range whose second year does (2022—2025年). So only the numeral
    // runs just before each 年 / 月 are tried, in text order; a date found
    // covers the runs inside it (2020年3月: the 3 before 月 is part of it).
    let mut covered = 0;
    // 年 is E5 B9 B4 and 月 E6 9C 88: memchr finds their last bytes a word at a
    // time, and the two bytes before are checked.
    let marks = memchr::memchr2_iter(0xB4, 0x88, s.as_bytes()).filter_map(|last| {
        let mark = s.get(last.checked_sub(2)?..last + 1)?;
        (mark == "年" || mark == "月").then_some((last - 2, mark))
    });
    for (a, mark) in marks {
        let range_start = (mark == "年")
            .then(|| run_before(a, 4).filter(|&(_, n)| n == 4))
            .flatten()
            .and_then(|(second, _)| {
                let mut d = second;
                while let Some(c) = s[..d].chars().next_back().filter(|&c| is_dash(c)) {
                    d -= c.len_utf8();
                }
                (d < second).then(|| run_before(d, 4)).flatten()
            })
            .map(|(first, _)| first);
        let plain_start = run_before(a, 5).map(|(start, _)| start);
        for k in [range_start, plain_start].into_iter().flatten() {
            if k < covered {
                continue;
            }
            if let Some(m) = date_at(k) {
                covered = m.span.end - p.start;
                out.push(m);
            }
        }
    }
}

/// A number read by `find_dates`: its value and its length in chars and bytes.
struct Numeral {
    value: u32,
    chars: usize,
    bytes: usize,
    han: bool,
}

/// Parses a line-initial numbering marker at the start of `s`.
/// Returns (style, number, marker length in bytes).
/// Digits, full- or half-width, as a heading number: `１２` → 12.
fn parse_arabic(s: &str) -> Option<u32> {
    s.chars().map(fold_char).collect::<String>().parse().ok()
}

pub fn parse_marker(s: &str) -> Option<(NumberStyle, u32, usize)> {
    let mut chars = s.char_indices().map(|(i, c)| (i, fold_char(c)));
    let (_, first) = chars.next()?;
    if first == '(' {
        // (一) or (1)
        let inner_start = s.char_indices().nth(1)?.0;
        let close = s[inner_start..]
            .char_indices()
            .find(|&(_, c)| fold_char(c) == ')')?
            .0
            + inner_start;
        let inner = &s[inner_start..close];
        let len = close + s[close..].chars().next()?.len_utf8();
        if let Some(n) = crate::quantity::parse_han_ordinal(inner) {
            return Some((NumberStyle::HanParen, n, len));
        }
        let n = parse_arabic(inner)?;
        if inner.chars().count() <= 3 {
            return Some((NumberStyle::ArabicParen, n, len));
        }
        return None;
    }
    // 一、 / 1. / 1、
    let end = s
        .char_indices()
        .find(|&(_, c)| !(crate::quantity::is_han_digit(c) || crate::text::is_digit(c)))?
        .0;
    if end == 0 {
        return None;
    }
    let num = &s[..end];
    let sep = fold_char(s[end..].chars().next()?);
    let sep_len = s[end..].chars().next()?.len_utf8();
    if let Some(n) = crate::quantity::parse_han_ordinal(num) {
        if sep == '、' {
            return Some((NumberStyle::HanComma, n, end + sep_len));
        }
        return None;
    }
    if num.chars().count() > 2 {
        return None;
    }
    let n = parse_arabic(num)?;
    // "1.5万" is a number, not a heading: the dot must not be followed by a digit.
    let after = s[end + sep_len..].chars().next();
    match sep {
        '.' | '．' if !after.is_some_and(crate::text::is_digit) => {
            Some((NumberStyle::ArabicDot, n, end + sep_len))
        }
        '、' => Some((NumberStyle::ArabicComma, n, end + sep_len)),
        _ => None,
    }
}

/// First-level headings written inside a paragraph after a full stop:
/// `…成效明显。二、名校品牌建设…` (pages that lost their line breaks).
/// `marks`: the paragraph's marks (see [`Mark`]); a 一、 heading follows a 。.
fn inline_headings(text: &str, p: &Span, pi: usize, marks: &[Mark]) -> Vec<Heading> {
    let s = &text[p.clone()];
    let mut out = Vec::new();
    for &(stop, _) in marks.iter().filter(|&&(_, c)| c == '。') {
        let at = stop - p.start + '。'.len_utf8();
        // Only a Chinese numeral starts a 一、 marker: most sentences are passed at once.
        if !s[at..].starts_with(crate::quantity::is_han_digit) {
            continue;
        }
        if let Some((NumberStyle::HanComma, number, len)) = parse_marker(&s[at..]) {
            if !s[at + len..]
                .chars()
                .next()
                .is_some_and(crate::text::is_han)
            {
                continue;
            }
            let start = p.start + at;
            let title_end = text[start + len..p.end]
                .char_indices()
                .find(|&(_, c)| crate::text::is_sentence_end(c))
                .map_or(p.end, |(j, _)| start + len + j);
            out.push(Heading {
                style: NumberStyle::HanComma,
                number,
                marker: start..start + len,
                title: start + len..title_end,
                paragraph: pi,
            });
        }
    }
    out
}

/// Run-in markers 一是 / 二是 … inside paragraphs. A marker starts a clause:
/// it stands at the paragraph start or after a mark (。；：，、) — so 统一是 or
/// 唯一是 inside a word is not one.
/// Run-in markers without a number, in their order: 首先，… 其次，… 再次，…
const SEQUENCE_WORDS: [&str; 3] = ["首先", "其次", "再次"];

/// A run-in marker at the start of `s`: its style, number, the marker's length
/// and the length of the separator after it (the comma after 第一 / 首先).
fn run_in_at(s: &str) -> Option<(NumberStyle, u32, usize, usize)> {
    let comma_len = |after: &str, seps: &[char]| {
        after
            .chars()
            .next()
            .filter(|c| seps.contains(&fold_char(*c)))
            .map(char::len_utf8)
    };
    // 首先，… 其次，…: numbered by their order.
    if let Some((k, w)) = SEQUENCE_WORDS
        .iter()
        .enumerate()
        .find(|(_, w)| s.starts_with(**w))
    {
        let sep = comma_len(&s[w.len()..], &[',', ':'])?;
        return Some((NumberStyle::RunInSequence, k as u32 + 1, w.len(), sep));
    }
    // 第一，资金缺口较大: an ordinal followed by a comma (not 第一时间, 全省第一).
    let from = if s.starts_with('第') {
        '第'.len_utf8()
    } else {
        0
    };
    let digits = s[from..]
        .find(|c: char| !crate::quantity::is_han_digit(c))
        .unwrap_or(s.len() - from);
    let n = crate::quantity::parse_han_ordinal(&s[from..from + digits])?;
    let after = &s[from + digits..];
    if from > 0 {
        let sep = comma_len(after, &[',', '、', ':'])?;
        Some((NumberStyle::RunInOrdinal, n, from + digits, sep))
    } else {
        after
            .starts_with('是')
            .then_some((NumberStyle::RunIn, n, digits + '是'.len_utf8(), 0))
    }
}

/// `paragraph_marks[pi]`: the marks of paragraph `pi` (see [`Mark`]).
fn find_run_ins(text: &str, paragraphs: &[Span], paragraph_marks: &[&[Mark]]) -> Vec<Heading> {
    let mut out = Vec::new();
    for (pi, (p, marks)) in paragraphs.iter().zip(paragraph_marks).enumerate() {
        let s = &text[p.clone()];
        // A marker starts the paragraph or follows a mark: only the marks are read.
        let after_marks = marks.iter().filter_map(|&(at, c)| {
            matches!(
                fold_char(c),
                '。' | ';' | ':' | ',' | '、' | ')' | '!' | '?' | '”'
            )
            .then_some(at - p.start + c.len_utf8())
        });
        for i in std::iter::once(0).chain(after_marks) {
            let Some(c) = s[i..].chars().next() else {
                continue;
            };
            if !(crate::quantity::is_han_digit(c) || matches!(c, '第' | '首' | '其' | '再')) {
                continue;
            }
            let Some((style, number, marker_len, sep_len)) = run_in_at(&s[i..]) else {
                continue;
            };
            let marker = p.start + i..p.start + i + marker_len;
            // The phrase after the marker (and its comma) up to the next clause break.
            let title_start = marker.end + sep_len;
            let title_end = text[title_start..p.end]
                .char_indices()
                .find(|&(_, c)| crate::text::is_clause_sep(c))
                .map_or(p.end, |(j, _)| title_start + j);
            out.push(Heading {
                style,
                number,
                marker,
                title: title_start..title_end,
                paragraph: pi,
            });
        }
    }
    out
}

impl Outline {
    pub fn build(text: &str, paragraphs: &[Span]) -> Outline {
        let marks: Vec<Vec<Mark>> = paragraphs
            .iter()
            .map(|p| crate::text::marks_of(text, p).collect())
            .collect();
        let paragraph_marks: Vec<&[Mark]> = marks.iter().map(Vec::as_slice).collect();
        Outline::build_with_marks(text, paragraphs, &paragraph_marks)
    }

    /// [`Outline::build`] given each paragraph's marks (`paragraph_marks[pi]`),
    /// as the document model holds them.
    pub fn build_with_marks(
        text: &str,
        paragraphs: &[Span],
        paragraph_marks: &[&[Mark]],
    ) -> Outline {
        let mut outline = Outline::default();
        for (pi, (p, marks)) in paragraphs.iter().zip(paragraph_marks).enumerate() {
            let s = &text[p.clone()];
            if let Some((style, number, len)) = parse_marker(s) {
                let rest = p.start + len..p.end;
                let title_end = text[rest.clone()]
                    .char_indices()
                    .find(|&(_, c)| crate::text::is_sentence_end(c))
                    .map_or(rest.end, |(i, _)| rest.start + i);
                outline.headings.push(Heading {
                    style,
                    number,
                    marker: p.start..p.start + len,
                    title: rest.start..title_end,
                    paragraph: pi,
                });
            }
            outline.headings.extend(inline_headings(text, p, pi, marks));
        }
        outline.run_ins = find_run_ins(text, paragraphs, paragraph_marks);
        outline.headings.sort_by_key(|h| h.marker.start);
        outline.find_title(text, paragraphs);
        outline.period = outline
            .title
            .as_ref()
            .and_then(|t| period_of(&text[t.clone()]));
        outline.find_signoff(text, paragraphs);
        for p in paragraphs {
            find_dates(text, p, &mut outline.dates);
        }
        outline
    }

    /// The title: the first short line naming a 文种 (总结/汇报/…) before the
    /// body begins, skipping pasted page chrome.
    fn find_title(&mut self, text: &str, paragraphs: &[Span]) {
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
                if next_is_body && s.chars().count() <= 40 && !s.contains([',', '，', ':', '：']) {
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
                parse_marker(&rest[i..]).is_some_and(|(st, _, _)| st != NumberStyle::RunIn)
            });
            if let Some((i, _)) = glue {
                self.title = Some(p.start..p.start + kind_at + i);
                self.title_paragraph = Some(pi);
                self.title_glued_at = Some(p.start + kind_at + i);
            }
            return;
        }
    }

    /// The sign-off: a date line (成文日期) and the unit line before it, at the
    /// end — or under the title, as some drafts place them.
    fn find_signoff(&mut self, text: &str, paragraphs: &[Span]) {
        let is_date_line = |p: &Span| {
            let mut dates = Vec::new();
            find_dates(text, p, &mut dates);
            dates.len() == 1 && dates[0].day.is_some() && dates[0].span == *p
        };
        let is_unit_line = |p: &Span| {
            let s = &text[p.clone()];
            s.chars().count() <= 40
                && !s.contains(['。', ',', '，', ':', '：'])
                && UNIT_SUFFIXES.iter().any(|u| s.ends_with(u))
                && parse_marker(s).is_none()
        };
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
            if self.signoff_date.is_none() && is_date_line(&paragraphs[i]) {
                self.signoff_date = Some(i);
                if i > 0 && is_unit_line(&paragraphs[i - 1]) && Some(i - 1) != self.title_paragraph
                {
                    self.signoff_unit = Some(i - 1);
                }
            }
        }
        // 中共黄盖镇委 黄盖镇人民政府 under the title, the date at the end: both count.
        if self.signoff_unit.is_none() {
            self.signoff_unit = head.iter().copied().find(|&i| is_unit_line(&paragraphs[i]));
        }
        if self.signoff_unit.is_none() {
            if let Some(&last) = tail.first() {
                if is_unit_line(&paragraphs[last]) && Some(last) != self.title_paragraph {
                    self.signoff_unit = Some(last);
                }
            }
        }
    }

    /// For each of `count` paragraphs: does a heading start it?
    pub fn heading_paragraphs(&self, count: usize) -> Vec<bool> {
        let mut is = vec![false; count];
        for h in &self.headings {
            if let Some(x) = is.get_mut(h.paragraph) {
                *x = true;
            }
        }
        is
    }

    /// Is there a heading in paragraphs `after + 1 ..= upto`? (Headings are in document order.)
    pub fn heading_between(&self, after: usize, upto: usize) -> bool {
        let i = self.headings.partition_point(|h| h.paragraph <= after);
        self.headings.get(i).is_some_and(|h| h.paragraph <= upto)
    }

    /// Sibling lists: headings of one level and style under one parent, as
    /// indices into `headings`, in order. A different style at the same level,
    /// or a heading of a higher level, starts a new list.
    pub fn sibling_lists(&self) -> Vec<Vec<usize>> {
        let mut lists: Vec<Vec<usize>> = Vec::new();
        // The open list at each level, as an index into `lists`.
        let mut open: [Option<usize>; 5] = [None; 5];
        for (i, h) in self.headings.iter().enumerate() {
            let level = (h.style.level() - 1) as usize;
            match open[level] {
                Some(li) if self.headings[lists[li][0]].style == h.style => lists[li].push(i),
                _ => {
                    open[level] = Some(lists.len());
                    lists.push(vec![i]);
                }
            }
            for o in open.iter_mut().skip(level + 1) {
                *o = None;
            }
        }
        lists
    }

    /// Run-in lists (一是…二是…): run-ins of one section close together, as
    /// ranges of `run_ins` (a list's members are consecutive); a heading
    /// between them or a new 一是 starts a new list.
    pub fn run_in_lists(&self) -> Vec<Range<usize>> {
        let mut lists: Vec<Range<usize>> = Vec::new();
        for (i, h) in self.run_ins.iter().enumerate() {
            let continues = i > 0 && h.number != 1 && {
                let p = &self.run_ins[i - 1];
                p.style == h.style
                    && !self.heading_between(p.paragraph, h.paragraph)
                    && h.paragraph - p.paragraph <= 3
            };
            match lists.last_mut() {
                Some(l) if continues => l.end = i + 1,
                _ => lists.push(i..i + 1),
            }
        }
        lists
    }

    pub fn view(&self, text: &str, index: &OffsetIndex) -> OutlineView {
        OutlineView {
            title: self.title.as_ref().map(|s| OutlineItem {
                text: text[s.clone()].to_string(),
                span: JsonSpan::new(index, s),
            }),
            period: self.period.as_ref().map(|p| PeriodView {
                label: p.label.clone(),
                start: format!("{:04}-{:02}-01", p.year, p.start_month),
                end: format!(
                    "{:04}-{:02}-{:02}",
                    p.year,
                    p.end_month,
                    days_in_month(p.year, p.end_month)
                ),
            }),
            sections: self
                .headings
                .iter()
                .map(|h| OutlineSection {
                    level: h.style.level(),
                    number: h.number,
                    text: text[h.marker.start..h.title.end].to_string(),
                    span: JsonSpan::new(index, &(h.marker.start..h.title.end)),
                    kind: None,
                })
                .collect(),
        }
    }
}

/// The outline as it leaves the core, for a host page's document map.
#[derive(Debug, Clone, Serialize, Default)]
pub struct OutlineView {
    pub title: Option<OutlineItem>,
    pub period: Option<PeriodView>,
    pub sections: Vec<OutlineSection>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OutlineItem {
    pub text: String,
    pub span: JsonSpan,
}

#[derive(Debug, Clone, Serialize)]
pub struct PeriodView {
    pub label: String,
    /// ISO dates, inclusive.
    pub start: String,
    pub end: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct OutlineSection {
    pub level: u8,
    pub number: u32,
    pub text: String,
    pub span: JsonSpan,
    /// The template section it satisfies (results / methods / problems / plans …), if any.
    pub kind: Option<String>,
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
