//! `numbering.gap` / `numbering.repeat` / `numbering.order`: heading numbers
//! must count 1, 2, 3 … within their parent — （一）（三） skips （二）, a run-in
//! list that starts at 二是 lacks 一是. A restart at 1 begins a new list (the
//! plan part of 总结及计划 restarts 一、) and is not flagged.

use crate::document::Document;
use crate::outline::{Heading, NumberStyle};
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub struct Gap;

impl Gap {
    fn report(
        &self,
        doc: &Document,
        prev: Option<&Heading>,
        h: &Heading,
        out: &mut Vec<Diagnostic>,
    ) {
        // 其次 without 首先: writers often open with a topic sentence instead. Only skips count.
        if prev.is_none() && h.style == NumberStyle::RunInSequence {
            return;
        }
        let expected = prev.map_or(1, |p| p.number + 1);
        if h.number == expected || (h.number == 1 && prev.is_some()) {
            return;
        }
        let here = doc.slice(&h.marker);
        let want = h.style.marker(expected);
        let (rule, message) = match prev {
            Some(p) if h.number == p.number => ("numbering.repeat", format!("序号“{here}”与上一项重复，应为“{want}”。")),
            Some(p) if h.number < p.number => ("numbering.order", format!("序号“{here}”排在“{}”之后，顺序颠倒，应为“{want}”。", doc.slice(&p.marker))),
            Some(p) => ("numbering.gap", format!("序号跳过了“{want}”：上一项是“{}”，这里是“{here}”。请补上缺少的一项或重新编号。", doc.slice(&p.marker))),
            None => ("numbering.gap", format!("这组序号从“{here}”开始，缺少“{want}”。")),
        };
        // Where the skipped item can be located, point there (that is where the
        // fix goes) and link the marker that revealed the gap.
        let hint = if h.number > expected {
            missing_item_hint(doc, prev, h)
        } else {
            None
        };
        let mut d = match hint {
            Some(span) => self
                .diagnostic(
                    span,
                    match prev {
                        Some(p) => format!(
                            "这里可能缺少序号“{want}”：前一项是“{}”，后一项是“{here}”。",
                            doc.slice(&p.marker)
                        ),
                        None => format!("这里可能缺少序号“{want}”：这组序号从“{here}”开始。"),
                    },
                )
                .with_related(h.marker.clone(), format!("序号“{here}”")),
            None => self.diagnostic(h.marker.clone(), message),
        };
        d.rule = rule;
        out.push(d);
    }
}

/// Where the skipped item probably is: for run-ins, the sentence before the
/// first marker; for headings written with their body on one line, an
/// unnumbered paragraph between the two siblings.
fn missing_item_hint(
    doc: &Document,
    prev: Option<&Heading>,
    h: &Heading,
) -> Option<crate::text::Span> {
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

impl Rule for Gap {
    fn id(&self) -> &'static str {
        "numbering.gap"
    }
    fn category(&self) -> Category {
        Category::Numbering
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        // Line-initial headings: the last sibling seen at each level, reset when a parent appears.
        let mut last: [Option<&Heading>; 5] = [None; 5];
        let mut last_style: [Option<NumberStyle>; 5] = [None; 5];
        for h in &doc.outline.headings {
            let level = (h.style.level() - 1) as usize;
            // A different style at the same level is another list (numbering.style's business).
            if last_style[level].is_some_and(|s| s != h.style) {
                last[level] = None;
            }
            self.report(doc, last[level], h, out);
            last[level] = Some(h);
            last_style[level] = Some(h.style);
            for l in level + 1..5 {
                last[l] = None;
                last_style[l] = None;
            }
        }
        // Run-ins: one list per heading section and style (一是… / 第一，…); a new 一是 starts a new list.
        for list in doc.outline.run_in_lists() {
            let mut prev: Option<&Heading> = None;
            for i in list {
                let h = &doc.outline.run_ins[i];
                self.report(doc, prev, h, out);
                prev = Some(h);
            }
        }
    }
}
