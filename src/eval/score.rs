//! The score of the normal eval.
//!
//! - A defect is found when the span of any finding (primary or related)
//!   overlaps an occurrence of one of its quotes.
//! - A finding is true when its primary span overlaps a quote of any defect of
//!   that document; otherwise it is a false alarm.
//! - On a truncated document, completeness findings (missing sections,
//!   sign-off, date) are left out.
//! - `sections_missing` is scored too: a completeness finding is true when the
//!   document really lacks such an element, and each missing element counts as
//!   a defect of kind `section`.

use super::corpus::Annotated;
use crate::report::Diagnostic;
use crate::text::Span;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Rules whose findings say something is absent from the end of the document.
fn is_completeness_rule(rule: &str) -> bool {
    matches!(rule, "structure.missing-section" | "structure.signature")
}

/// Which `sections_missing` elements a completeness finding stands for.
fn element_matches(rule: &str, element: &str) -> bool {
    match rule {
        "structure.title" => element == "标题",
        "structure.signature" => element == "落款单位" || element == "成文日期",
        "structure.missing-section" => !matches!(element, "标题" | "落款单位" | "成文日期"),
        _ => false,
    }
}

pub(crate) fn overlaps(a: &Span, b: &Span) -> bool {
    a.start < b.end && b.start < a.end
}

pub(crate) fn occurrences(text: &str, quote: &str) -> Vec<Span> {
    if quote.is_empty() {
        return Vec::new();
    }
    text.match_indices(quote)
        .map(|(i, q)| i..i + q.len())
        .collect()
}

#[derive(Default)]
struct KindScore {
    annotated: usize,
    found: usize,
}

/// Scores of one folder.
#[derive(Default)]
pub struct Score {
    kinds: BTreeMap<String, KindScore>,
    findings: usize,
    true_findings: usize,
    false_by_rule: BTreeMap<&'static str, usize>,
    /// With `verbose`: every missed defect, a line each.
    pub details: String,
    /// With `verbose`: every false alarm, a line each.
    pub false_alarm_details: String,
}

impl Score {
    pub fn recall(&self) -> f64 {
        let (a, f) = self
            .kinds
            .values()
            .fold((0, 0), |(a, f), k| (a + k.annotated, f + k.found));
        if a == 0 {
            1.0
        } else {
            f as f64 / a as f64
        }
    }

    /// Adds another score's counts and listings.
    pub fn merge(&mut self, other: &Score) {
        for (kind, k) in &other.kinds {
            let mine = self.kinds.entry(kind.clone()).or_default();
            mine.annotated += k.annotated;
            mine.found += k.found;
        }
        self.findings += other.findings;
        self.true_findings += other.true_findings;
        for (rule, n) in &other.false_by_rule {
            *self.false_by_rule.entry(rule).or_default() += n;
        }
        self.details.push_str(&other.details);
        self.false_alarm_details
            .push_str(&other.false_alarm_details);
    }

    /// Findings that overlap no annotated defect, by rule.
    pub fn false_alarms_by_rule(&self) -> &BTreeMap<&'static str, usize> {
        &self.false_by_rule
    }

    pub fn false_alarms(&self) -> usize {
        self.findings - self.true_findings
    }

    pub fn precision(&self) -> f64 {
        if self.findings == 0 {
            1.0
        } else {
            self.true_findings as f64 / self.findings as f64
        }
    }

    pub fn render(&self, name: &str, docs: usize) -> String {
        let mut s = String::new();
        let defects: usize = self.kinds.values().map(|k| k.annotated).sum();
        let _ = writeln!(
            s,
            "corpus {name}: {docs} documents, {defects} annotated defects"
        );
        let _ = writeln!(s, "  {:<22} {:>7} {:>7}", "kind", "found", "recall");
        for (kind, k) in &self.kinds {
            let r = if k.annotated == 0 {
                100.0
            } else {
                100.0 * k.found as f64 / k.annotated as f64
            };
            let _ = writeln!(
                s,
                "  {:<22} {:>3}/{:<3} {:>6.1}%",
                kind, k.found, k.annotated, r
            );
        }
        let _ = writeln!(
            s,
            "  findings {}: true {}, false alarms {}, precision {:.1}%",
            self.findings,
            self.true_findings,
            self.findings - self.true_findings,
            100.0 * self.precision()
        );
        if !self.false_by_rule.is_empty() {
            let _ = writeln!(s, "  false alarms by rule:");
            for (rule, n) in &self.false_by_rule {
                let _ = writeln!(s, "    {rule:<28} {n}");
            }
        }
        let _ = writeln!(
            s,
            "recall {:.3} precision {:.3}",
            self.recall(),
            self.precision()
        );
        s
    }
}

pub(crate) fn score_document(
    score: &mut Score,
    ann: &Annotated,
    text: &str,
    findings: &[Diagnostic],
    verbose: bool,
) {
    let findings: Vec<&Diagnostic> = findings
        .iter()
        .filter(|d| !(ann.truncated && is_completeness_rule(d.rule)))
        .collect();
    let quote_spans: Vec<Vec<Span>> = ann
        .defects
        .iter()
        .map(|d| d.quote.iter().flat_map(|q| occurrences(text, q)).collect())
        .collect();

    for (defect, spans) in ann.defects.iter().zip(&quote_spans) {
        let k = score.kinds.entry(defect.kind.clone()).or_default();
        k.annotated += 1;
        let hit = findings.iter().any(|f| {
            std::iter::once(&f.span)
                .chain(f.related.iter().map(|r| &r.span))
                .any(|fs| spans.iter().any(|q| overlaps(fs, q)))
        });
        if hit {
            k.found += 1;
        } else if verbose {
            let _ = writeln!(
                score.details,
                "  miss  {} [{}] {:?} — {}",
                ann.id, defect.kind, defect.quote, defect.explanation
            );
        }
    }
    if !ann.truncated {
        for element in &ann.sections_missing {
            let k = score.kinds.entry("section".to_string()).or_default();
            k.annotated += 1;
            if findings.iter().any(|f| element_matches(f.rule, element)) {
                k.found += 1;
            } else if verbose {
                let _ = writeln!(score.details, "  miss  {} [section] {element}", ann.id);
            }
        }
    }
    for f in &findings {
        score.findings += 1;
        let on_defect = quote_spans.iter().flatten().any(|q| overlaps(&f.span, q));
        let on_missing = ann
            .sections_missing
            .iter()
            .any(|e| element_matches(f.rule, e));
        if on_defect || on_missing {
            score.true_findings += 1;
        } else {
            *score.false_by_rule.entry(f.rule).or_default() += 1;
            if verbose {
                let _ = writeln!(
                    score.false_alarm_details,
                    "  false {} {} «{}» {}",
                    ann.id,
                    f.rule,
                    &text[f.span.clone()],
                    f.message
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Category, Severity};

    fn finding(rule: &'static str, span: Span) -> Diagnostic {
        Diagnostic {
            rule,
            category: Category::Data,
            severity: Severity::Error,
            message: String::new(),
            span,
            related: vec![],
            suggestions: vec![],
        }
    }

    #[test]
    fn scores_found_missed_and_false_alarms() {
        let text = "甲乙丙丁戊己庚辛";
        let ann = Annotated {
            id: "t".into(),
            period: None,
            relations: vec![],
            truncated: true,
            defects: vec![
                crate::eval::Defect {
                    kind: "placeholder".into(),
                    quote: vec!["乙丙".into()],
                    explanation: String::new(),
                },
                crate::eval::Defect {
                    kind: "numbering".into(),
                    quote: vec!["庚".into()],
                    explanation: String::new(),
                },
            ],
            sections_missing: vec![],
        };
        let q = |s: &str| text.find(s).unwrap()..text.find(s).unwrap() + s.len();
        let findings = vec![
            finding("data.placeholder", q("丙丁")),
            finding("text.pairs", q("戊")),
            // Left out: completeness on a truncated document.
            finding("structure.signature", q("辛")),
        ];
        let mut score = Score::default();
        score_document(&mut score, &ann, text, &findings, false);
        assert_eq!(score.kinds["placeholder"].found, 1);
        assert_eq!(score.kinds["numbering"].found, 0);
        assert_eq!(score.findings, 2);
        assert_eq!(score.true_findings, 1);
        assert_eq!(score.false_by_rule["text.pairs"], 1);
        assert!((score.recall() - 0.5).abs() < 1e-9);
    }
}
