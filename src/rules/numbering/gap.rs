//! `numbering.gap`: a number skipped — （一）（三） lacks （二）, a run-in list
//! that starts at 二是 lacks 一是. Where the skipped item can be located (an
//! unnumbered paragraph between two siblings, the sentence before 二是) the
//! finding points there and links the marker that revealed the gap.

use super::sequence::{misnumbered, Misnumbered, Slip};
use crate::document::Document;
use crate::outline::Heading;
use crate::quantity::is_han_digit;
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};
use crate::text::Span;

pub struct Gap;

pub static INFO: RuleInfo = RuleInfo {
    code: "numbering.gap",
    family: Category::Numbering,
    severity: Severity::Error,
    summary: "序号跳号：缺少中间一项",
    explanation: "同级序号应连续：（一）之后是（二），一是之后是二是。跳号多半是删改时漏了一项或忘了重新编号，请补上缺少的一项或重新编号。",
    example: "（一）加强领导……（三）强化督查……",
    near_miss: "（一）加强领导……（二）完善制度……（三）强化督查……",
};

impl Rule for Gap {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Diagnostic>) {
        for m in misnumbered(doc, ctx, Slip::Gap) {
            if m.prev.is_none() && (starts_the_text(doc, m.heading) || written_before(doc, &m)) {
                continue;
            }
            out.push(self.finding(doc, &m));
        }
    }
}

/// The list's first member is the very first thing in the text: the text is
/// a page that begins inside a document (四、对外经济 …), and what comes before
/// is on another page. A draft has its title first; one that starts at 二、
/// after its title is still reported.
fn starts_the_text(doc: &Document, h: &Heading) -> bool {
    doc.text[..h.marker.start].trim().is_empty()
}

/// The missing markers are written before the first member, in its
/// paragraph or the one before, where the page lost a line break: a title
/// run into 一、 (…工作汇报一、学校基本情况…), 一、 after a colon (情况如下：
/// 一、…) or a heading run into its first item (…扎实有力1.城乡低保…). A marker
/// inside a word (统一、) or a list of ordinals (一、二年级) is not one.
fn written_before(doc: &Document, m: &Misnumbered) -> bool {
    let h = m.heading;
    let Some(pi) = doc.paragraph_at(h.marker.start) else {
        return false;
    };
    // This paragraph up to the member, and the one before it: a heading
    // run into its first item (一、社会救助工作扎实有力1.城乡低保…).
    let from = doc.paragraphs[pi.saturating_sub(1)].span.start;
    let before = &doc.text[from..h.marker.start];
    (m.want..h.number).all(|n| {
        let marker = h.style.marker(n);
        before.match_indices(marker.as_str()).any(|(i, _)| {
            let at = from + i;
            let prev = doc.text[..at].chars().next_back();
            let after = doc.text[at + marker.len()..].chars().next();
            let opens = doc.outline.title_glued_at == Some(at)
                || prev.is_none_or(|c| crate::text::is_clause_sep(c) || crate::text::is_blank(c));
            // An Arabic marker glued between Han words is no decimal point.
            let glued = marker.starts_with(|c: char| c.is_ascii_digit())
                && prev.is_some_and(crate::text::is_han)
                && after.is_some_and(|c| crate::text::is_han(c) && !is_han_digit(c));
            (opens || glued) && !after.is_some_and(|c| is_han_digit(c) || c == '第')
        })
    })
}

impl Gap {
    fn finding(&self, doc: &Document, m: &Misnumbered) -> Diagnostic {
        let h = m.heading;
        let here = doc.slice(&h.marker);
        let want = h.style.marker(m.want);
        if let Some(span) = missing_item_hint(doc, m.prev, h) {
            let message = match m.prev {
                Some(p) => format!(
                    "这里可能缺少序号“{want}”：前一项是“{}”，后一项是“{here}”。",
                    doc.slice(&p.marker)
                ),
                None => format!("这里可能缺少序号“{want}”：这组序号从“{here}”开始。"),
            };
            return self
                .diagnostic(span, message)
                .with_related(h.marker.clone(), format!("序号“{here}”"));
        }
        let message = match m.prev {
            Some(p) => format!(
                "序号跳过了“{want}”：上一项是“{}”，这里是“{here}”。请补上缺少的一项或重新编号。",
                doc.slice(&p.marker)
            ),
            None => format!("这组序号从“{here}”开始，缺少“{want}”。"),
        };
        self.diagnostic(h.marker.clone(), message)
    }
}

/// Where the skipped item probably is: for run-ins, the sentence before the
/// first marker; for headings written with their body on one line, an
/// unnumbered paragraph between the two siblings.
fn missing_item_hint(doc: &Document, prev: Option<&Heading>, h: &Heading) -> Option<Span> {
    if h.style.level() == 5 {
        // Only a list that starts late (二是 with no 一是): the item is the sentence before.
        if prev.is_some() {
            return None;
        }
        let si = doc.sentence_at(h.marker.start)?;
        let s = &doc.sentences[si];
        if s.span.start == h.marker.start
            && si > 0
            && doc.sentences[si - 1].paragraph == s.paragraph
        {
            return Some(doc.sentences[si - 1].span.clone());
        }
        return None;
    }
    let prev = prev?;
    let prev_para = &doc.paragraphs[prev.paragraph];
    // Sibling headings that carry their body on the same line: a bare paragraph between them is an item.
    let run_in_style = prev_para.span.end > prev.title.end + 30;
    let between: Vec<usize> = (prev.paragraph + 1..h.paragraph).collect();
    if run_in_style && between.len() == (h.number - prev.number - 1) as usize {
        let p = &doc.paragraphs[*between.first()?];
        let end = doc.sentences[p.sentences.start].span.end.min(p.span.end);
        return Some(p.span.start..end);
    }
    None
}
