//! The outline of a draft: title, headings at the four GB/T 9704 levels plus
//! run-in markers (一是/二是), sign-off block, reporting period and dates.
//! Built once per check; rules read it and the report layer shows a view of it.
//!
//! `headings` reads the numbering markers, `title` the title and its period,
//! `signoff` the 落款 and 成文日期, `dates` every date; `numerals` and `words`
//! hold the numbers and word lists they share.

use crate::text::{Mark, Span};
use serde::Serialize;

mod body_period;
mod dates;
mod headings;
mod numerals;
mod signoff;
mod title;
mod words;

pub use body_period::{is_date_line, DISPOSAL};

/// The length in bytes of a numbering marker (一、 （五） 1.) at the start of
/// `s`, zero when there is none.
pub fn marker_len(s: &str) -> usize {
    headings::parse_marker(s).map_or(0, |m| m.len)
}

pub use dates::{days_in_month, DateMention};
pub use title::{is_date_only, period_of};
use words::SEQUENCE_WORDS;
pub use words::{ends_with_doc_kind, names_doc_kind, PERIODIC_KINDS};

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
    /// The reporting period the body states when the title names none (see
    /// [`Outline::reporting_period`]).
    pub body_period: Option<Period>,
    /// Sign-off: the issuing unit line and the 成文日期 line (paragraph indices).
    pub signoff_unit: Option<usize>,
    pub signoff_date: Option<usize>,
    /// Every date mentioned, in document order.
    pub dates: Vec<DateMention>,
}

/// How many line breaks in `between` end a paragraph: those after a line
/// that ends a sentence (or is blank). A line that stops mid-sentence was
/// wrapped, and the next line goes on its paragraph.
fn paragraphs_ended(between: &str) -> usize {
    between
        .split('\n')
        .rev()
        .skip(1)
        .filter(|line| {
            line.trim_end()
                .chars()
                .next_back()
                .is_none_or(|c| crate::text::is_sentence_end(c) || matches!(c, '：' | ':'))
        })
        .count()
}

/// A reporting period as an inclusive range of (year, month).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub label: String,
    pub year: u32,
    pub start_month: u32,
    pub end_month: u32,
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
            let row_label = paragraphs.get(pi + 1).is_some_and(|next| {
                headings::labels_a_table_row(&text[p.clone()], &text[next.clone()])
            });
            if !row_label {
                outline.headings.extend(headings::line_heading(text, p, pi));
            }
            outline
                .headings
                .extend(headings::inline_headings(text, p, pi, marks));
        }
        outline.run_ins = headings::find_run_ins(text, paragraphs, paragraph_marks);
        crate::text::sort_stable_by(&mut outline.headings, |a, b| {
            a.marker.start.cmp(&b.marker.start)
        });
        outline.find_title(text, paragraphs);
        outline.period = outline
            .title
            .as_ref()
            .and_then(|t| period_of(&text[t.clone()]));
        outline.find_signoff(text, paragraphs);
        for p in paragraphs {
            dates::find_dates(text, p, &mut outline.dates);
        }
        outline.find_body_period(text, paragraphs);
        outline
    }

    /// The top-level headings, as indices into `headings`: 一、 if the draft
    /// has two or more, else （一） if it has two or more, else the one 一、 or
    /// （一） it has. The sections checks (which judge only two or more) and the
    /// document map both read the draft's parts from these.
    pub fn top_level(&self) -> Vec<usize> {
        let of_style = |style: NumberStyle| {
            (0..self.headings.len())
                .filter(|&i| self.headings[i].style == style)
                .collect::<Vec<_>>()
        };
        let han = of_style(NumberStyle::HanComma);
        if han.len() >= 2 {
            return han;
        }
        let paren = of_style(NumberStyle::HanParen);
        if paren.len() >= 2 || han.is_empty() {
            paren
        } else {
            han
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
    /// indices into `run_ins` in document order; a heading between them or a
    /// new 一是 starts a new list — except a 一是 repeated where 二是 belongs
    /// (一是…一是…三是, or 一是…一是 after a lone 一是), which is a slip inside
    /// the list. A 一是 right after a colon inside a list opens a list of its
    /// own within the member (有2家：一是甲厂…；二是乙厂…。二是…): it runs to
    /// its sentence's end, and the outer list goes on after it.
    pub fn run_in_lists(&self, text: &str) -> Vec<Vec<usize>> {
        let mut lists: Vec<Vec<usize>> = Vec::new();
        // (index in `lists` of the outer list, of the nested one)
        let mut nested: Option<(usize, usize)> = None;
        for (i, h) in self.run_ins.iter().enumerate() {
            let before = &text[..h.marker.start];
            let after_colon = before.trim_end().ends_with(['：', ':']);
            if let Some((outer, inner)) = nested {
                let last = *lists[inner].last().unwrap_or(&i);
                let same_sentence =
                    !text[self.run_ins[last].marker.end..h.marker.start].contains('。');
                if same_sentence && self.run_ins_close(text, last, i) {
                    lists[inner].push(i);
                    continue;
                }
                nested = None;
                let outer_last = *lists[outer].last().unwrap_or(&i);
                if h.number == self.run_ins[outer_last].number + 1
                    && self.run_ins_close(text, outer_last, i)
                {
                    lists[outer].push(i);
                    continue;
                }
            }
            // The numbers first: they are cheap, and most run-ins are a 一是 alone.
            // A 一是 after a list of one 一是 repeats it (a list of one member
            // is no list): 一是…一是 is the slip of 一是…二是.
            let alone = lists.last().is_some_and(|l| l.len() == 1);
            if h.number == 1
                && after_colon
                && i > 0
                && self.run_ins_close(text, i - 1, i)
                && !lists.is_empty()
            {
                lists.push(vec![i]);
                nested = Some((lists.len() - 2, lists.len() - 1));
                continue;
            }
            let continues = i > 0
                && (h.number != 1
                    || (self.run_ins[i - 1].number == 1
                        && (alone || self.next_run_in_is(text, i, 3))))
                && self.run_ins_close(text, i - 1, i);
            match lists.last_mut() {
                Some(l) if continues => l.push(i),
                _ => lists.push(vec![i]),
            }
        }
        lists
    }

    /// Run-ins `a` and `b` could belong to one list: same style, no heading
    /// between, at most three paragraphs apart — lines that go on a sentence
    /// the line before broke off (text from a PDF, wrapped at the page's
    /// width) are of that line's paragraph.
    fn run_ins_close(&self, text: &str, a: usize, b: usize) -> bool {
        let (p, h) = (&self.run_ins[a], &self.run_ins[b]);
        p.style == h.style
            && !self.heading_between(p.paragraph, h.paragraph)
            && (h.paragraph - p.paragraph <= 3
                || paragraphs_ended(&text[p.marker.end..h.marker.start]) <= 3)
    }

    /// The run-in after `i` continues its list with number `n`.
    fn next_run_in_is(&self, text: &str, i: usize, n: u32) -> bool {
        i + 1 < self.run_ins.len()
            && self.run_ins[i + 1].number == n
            && self.run_ins_close(text, i, i + 1)
    }
}
