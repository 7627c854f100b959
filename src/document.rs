//! The document model: the text segmented once (lines, paragraphs, sentences,
//! clauses) plus the outline and the quantities. Rules read this; they never
//! re-parse the text on their own.

use crate::outline::Outline;
use crate::quantity::{self, Quantity};
use crate::text::{self, Mark, Span};
use std::ops::Range;

#[derive(Debug, Clone)]
pub struct Paragraph {
    /// The line, trimmed of blanks. Drafts put one paragraph on a line.
    pub span: Span,
    /// 0-based line index.
    pub line: usize,
    /// Indices into `Document::sentences`.
    pub sentences: Range<usize>,
    /// Indices into `Document::marks`: the paragraph's marks.
    pub marks: Range<usize>,
}

#[derive(Debug, Clone)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
    /// Indices into `Document::clauses`.
    pub clauses: Range<usize>,
}

pub struct Document<'a> {
    pub text: &'a str,
    /// Every line, blank or not, without its terminator.
    pub lines: Vec<Span>,
    /// Non-blank lines, trimmed.
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub clauses: Vec<Span>,
    /// The marks (punctuation, brackets, quotes, blanks) of every paragraph,
    /// in text order: found once, read by segmentation and by the rules that
    /// look for marks, instead of each scanning the text.
    pub marks: Vec<Mark>,
    pub outline: Outline,
    pub quantities: Vec<Quantity>,
    /// For each sentence, the index range of its figures in `quantities`.
    pub sentence_quantities: Vec<Range<usize>>,
}

impl<'a> Document<'a> {
    pub fn parse(text: &'a str) -> Document<'a> {
        let lines = text::split_lines(text);
        // Sized from the text (a sentence is rarely under ~40 bytes, a clause
        // under ~24) so the vectors of a long document are not copied as they
        // grow; pages never written are never touched.
        // The buffers of the last check on this thread are reused (see `Spare`).
        let mut paragraphs = take_spare(|s| &mut s.paragraphs);
        paragraphs.reserve(lines.len());
        let mut sentences = take_spare(|s| &mut s.sentences);
        sentences.reserve(text.len() / 40);
        let mut clauses = take_spare(|s| &mut s.clauses);
        clauses.reserve(text.len() / 24);
        let mut marks = take_spare(|s| &mut s.marks);
        marks.reserve(text.len() / 16);
        let mut paragraph_sentences = Vec::new();
        for (li, line) in lines.iter().enumerate() {
            let span = text::trim_span(text, line.clone());
            if span.is_empty() {
                continue;
            }
            let pi = paragraphs.len();
            let s0 = sentences.len();
            let m0 = marks.len();
            marks.extend(text::marks_of(text, &span));
            let paragraph_marks = &marks[m0..];
            paragraph_sentences.clear();
            text::split_sentences_at_marks(
                text,
                span.clone(),
                paragraph_marks,
                &mut paragraph_sentences,
            );
            let mut sentence_marks = text::MarkCursor::new(paragraph_marks);
            for s in paragraph_sentences.drain(..) {
                let c0 = clauses.len();
                let sentence_marks = sentence_marks.within(&s);
                text::split_clauses_at_marks(text, s.clone(), sentence_marks, &mut clauses);
                sentences.push(Sentence {
                    span: s,
                    paragraph: pi,
                    clauses: c0..clauses.len(),
                });
            }
            paragraphs.push(Paragraph {
                span,
                line: li,
                sentences: s0..sentences.len(),
                marks: m0..marks.len(),
            });
        }
        let para_spans: Vec<Span> = paragraphs.iter().map(|p| p.span.clone()).collect();
        let para_marks: Vec<&[Mark]> = paragraphs.iter().map(|p| &marks[p.marks.clone()]).collect();
        let outline = Outline::build_with_marks(text, &para_spans, &para_marks);
        let mut clause_sentence = take_spare(|s| &mut s.clause_sentence);
        clause_sentence.resize(clauses.len(), 0);
        for (si, s) in sentences.iter().enumerate() {
            clause_sentence[s.clauses.clone()].fill(si);
        }
        let mut quantities = take_spare(|s| &mut s.quantities);
        quantity::extract_into(text, &clauses, &clause_sentence, &mut quantities);
        give_spare(&mut clause_sentence, |s| &mut s.clause_sentence);
        let mut sentence_quantities = take_spare(|s| &mut s.sentence_quantities);
        quantities_by_sentence(sentences.len(), &quantities, &mut sentence_quantities);
        Document {
            text,
            lines,
            paragraphs,
            sentences,
            clauses,
            marks,
            outline,
            quantities,
            sentence_quantities,
        }
    }

    /// The marks of paragraph `pi`, at their offsets in the text.
    pub fn paragraph_marks(&self, pi: usize) -> &[Mark] {
        &self.marks[self.paragraphs[pi].marks.clone()]
    }

    pub fn slice(&self, span: &Span) -> &'a str {
        &self.text[span.clone()]
    }

    /// Index of the paragraph containing byte `pos` (or the one before it).
    pub fn paragraph_at(&self, pos: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.span.start <= pos);
        i.checked_sub(1)
    }

    /// 1-based line number of byte `pos`, for messages (“前文为2544人（第12行）”).
    pub fn line_number(&self, pos: usize) -> usize {
        self.paragraph_at(pos)
            .map_or(1, |p| self.paragraphs[p].line + 1)
    }

    /// The text around `span` within its sentence, at most `reach` bytes either
    /// side: context words (将, 计划, 较) are near what they qualify, and a
    /// bounded window keeps a rule linear on a 10 MB one-sentence paste.
    pub fn around(&self, span: &Span, reach: usize) -> &'a str {
        let sentence = self
            .sentence_at(span.start)
            .map_or(0..self.text.len(), |i| self.sentences[i].span.clone());
        let start = text::floor_boundary(
            self.text,
            span.start.saturating_sub(reach).max(sentence.start),
        );
        let end = text::floor_boundary(
            self.text,
            (span.end + reach).min(sentence.end.max(span.end)),
        );
        &self.text[start..end]
    }

    /// Does sentence `s` continue the one before it in its paragraph after a
    /// semicolon (其中城镇人口4374万人；占总人口比重为57.6%)? Such a sentence
    /// may read the figures of the one before.
    pub fn follows_semicolon(&self, s: usize) -> bool {
        let Some(prev) = s.checked_sub(1) else {
            return false;
        };
        let (a, b) = (&self.sentences[prev], &self.sentences[s]);
        a.paragraph == b.paragraph
            && self.text[a.span.start..b.span.start]
                .trim_end()
                .ends_with(['；', ';'])
    }

    /// The Han characters right after a figure's unit in its sentence, at
    /// most `max` of them: the noun a count counts (3个党支部 → 党支部…).
    pub fn han_after(&self, q: &Quantity, max: usize) -> &'a str {
        let rest = &self.text[q.span.end..self.sentences[q.sentence].span.end];
        let len: usize = rest
            .chars()
            .take(max)
            .take_while(|c| text::is_han(*c))
            .map(char::len_utf8)
            .sum();
        &rest[..len]
    }

    /// Index of the sentence containing byte `pos` (or the one before it).
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.start <= pos);
        i.checked_sub(1)
    }
}

/// For each sentence, the index range of its quantities in `quantities`
/// (quantities are in document order, so one pass suffices), into `ranges`.
fn quantities_by_sentence(sentences: usize, qs: &[Quantity], ranges: &mut Vec<Range<usize>>) {
    ranges.clear();
    ranges.resize(sentences, 0..0);
    let mut i = 0;
    while i < qs.len() {
        let (s, start) = (qs[i].sentence, i);
        while i < qs.len() && qs[i].sentence == s {
            i += 1;
        }
        ranges[s] = start..i;
    }
}

/// The document model's largest vectors, kept between checks on this thread:
/// the page checks the draft on every edit and a server checks draft after
/// draft, and fresh memory must be faulted in page by page (on a 1 MB draft
/// that took a third of the check), while reused memory is already there.
/// A vector is kept only up to `SPARE_BYTES`, so one huge paste does not hold
/// on to its memory.
#[derive(Default)]
struct Spare {
    paragraphs: Vec<Paragraph>,
    sentences: Vec<Sentence>,
    clauses: Vec<Span>,
    marks: Vec<Mark>,
    quantities: Vec<Quantity>,
    sentence_quantities: Vec<Range<usize>>,
    clause_sentence: Vec<usize>,
}

const SPARE_BYTES: usize = 64 << 20;

thread_local! {
    static SPARE: std::cell::RefCell<Spare> = std::cell::RefCell::new(Spare::default());
}

/// The kept vector that `pick` names, empty, or a new one.
fn take_spare<T>(pick: impl FnOnce(&mut Spare) -> &mut Vec<T>) -> Vec<T> {
    SPARE
        .try_with(|s| {
            s.try_borrow_mut()
                .map(|mut s| std::mem::take(pick(&mut s)))
                .unwrap_or_default()
        })
        .unwrap_or_default()
}

/// Keeps `v` (emptied) as the vector that `pick` names, if it is not too big.
fn give_spare<T>(v: &mut Vec<T>, pick: impl FnOnce(&mut Spare) -> &mut Vec<T>) {
    if v.capacity() * std::mem::size_of::<T>() > SPARE_BYTES {
        return;
    }
    let mut kept = std::mem::take(v);
    kept.clear();
    let _ = SPARE.try_with(|s| {
        if let Ok(mut s) = s.try_borrow_mut() {
            *pick(&mut s) = kept;
        }
    });
}

impl Drop for Document<'_> {
    fn drop(&mut self) {
        give_spare(&mut self.paragraphs, |s| &mut s.paragraphs);
        give_spare(&mut self.sentences, |s| &mut s.sentences);
        give_spare(&mut self.clauses, |s| &mut s.clauses);
        give_spare(&mut self.marks, |s| &mut s.marks);
        give_spare(&mut self.quantities, |s| &mut s.quantities);
        give_spare(&mut self.sentence_quantities, |s| {
            &mut s.sentence_quantities
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a document model holds, for comparing two parses.
    fn outline_of(doc: &Document) -> String {
        format!(
            "{:?} {:?} {:?} {:?} {:?}",
            doc.paragraphs, doc.sentences, doc.clauses, doc.marks, doc.quantities
        )
    }

    #[test]
    fn a_document_parsed_after_another_holds_nothing_of_it() {
        let long = "一、工作情况\n（一）共有农户320户，已通自来水296户，未通30户。报到2544人；其中党员104名。\n"
            .repeat(200);
        let short = "二、问题\n全年培训3场，共90人。\n";
        // On a fresh thread: no kept buffers.
        let fresh = std::thread::spawn(move || outline_of(&Document::parse(short)))
            .join()
            .expect("parses");
        // After a longer document on this thread: its buffers are reused.
        drop(Document::parse(&long));
        assert_eq!(outline_of(&Document::parse(short)), fresh);
        // And two documents alive at once do not share them.
        let a = Document::parse(&long);
        let b = Document::parse(short);
        assert_eq!(outline_of(&b), fresh);
        assert_eq!(a.quantities.len(), 200 * 5);
    }
}
