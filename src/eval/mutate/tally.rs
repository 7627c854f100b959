//! Whether the checker found each plant, and the table of it.
//!
//! A plant is found when the mutant's report has a finding whose primary or
//! related span overlaps the planted span and that finding is new: the
//! original report had no finding of that rule there (its spans mapped
//! through the edit). A removed section is found by a new
//! `structure.missing-section` finding (one whose message the original's do
//! not have).

use super::plant::{Kind, Plant};
use super::{check, plant};
use crate::eval::corpus::Annotated;
use crate::eval::score::{overlaps, score_document};
use crate::eval::Score;
use crate::report::Diagnostic;
use crate::text::Span;
use crate::Options;
use std::collections::BTreeMap;
use std::fmt::Write as _;

const MISSING_SECTION: &str = "structure.missing-section";

#[derive(Debug, Default, Clone)]
struct Row {
    planted: usize,
    found: usize,
    /// Which rule's finding found the plants (the first new one over each).
    by_rule: BTreeMap<&'static str, usize>,
}

#[derive(Default)]
pub struct MutationScore {
    rows: BTreeMap<Kind, Row>,
    /// The normal eval's score of the untouched texts: their false alarms.
    untouched: Score,
    texts: usize,
    /// The corpus's size: characters of all texts, relations annotated.
    chars: usize,
    relations: usize,
    pub annotation_errors: Vec<String>,
    /// Relations with `holds: false`, not planted into.
    pub skipped_relations: usize,
    /// Restatements of a bound (至少有 48名), not planted into.
    pub bound_restatements: usize,
    /// With `verbose`: each missed plant, a line each.
    pub details: String,
    /// Texts the checker panicked on: `id [kind] excerpt`.
    pub crashes: Vec<String>,
}

fn spans(d: &Diagnostic) -> impl Iterator<Item = &Span> {
    std::iter::once(&d.span).chain(d.related.iter().map(|r| &r.span))
}

/// The rule of the first new finding of `mutated_findings` over the plant,
/// if there is one.
pub fn found_by(
    plant: &Plant,
    mutated: &str,
    original_findings: &[Diagnostic],
    mutated_findings: &[Diagnostic],
) -> Option<&'static str> {
    if plant.kind == Kind::SectionRemoved {
        return mutated_findings
            .iter()
            .find(|f| {
                f.rule == MISSING_SECTION
                    && !original_findings
                        .iter()
                        .any(|o| o.rule == MISSING_SECTION && o.message == f.message)
            })
            .map(|f| f.rule);
    }
    let planted = plant.edit.planted_span(mutated);
    let was_there = |rule: &str| {
        original_findings
            .iter()
            .filter(|o| o.rule == rule)
            .flat_map(spans)
            .any(|s| overlaps(&plant.edit.map(s), &planted))
    };
    mutated_findings
        .iter()
        .find(|f| spans(f).any(|s| overlaps(s, &planted)) && !was_there(f.rule))
        .map(|f| f.rule)
}

impl MutationScore {
    /// Plants into one text, checks each mutant, and scores the untouched text.
    pub fn add_text(
        &mut self,
        ann: &Annotated,
        text: &str,
        options: &Options,
        set: usize,
        verbose: bool,
    ) -> Result<(), String> {
        self.texts += 1;
        self.chars += text.chars().count();
        self.relations += ann.relations.len();
        let Some(original) = check(text, options)? else {
            self.crashes.push(format!("{}: the untouched text", ann.id));
            return Ok(());
        };
        score_document(&mut self.untouched, ann, text, &original, verbose);
        let planting = plant(ann, text, set);
        self.annotation_errors.extend(planting.errors);
        self.skipped_relations += planting.skipped;
        self.bound_restatements += planting.bounds;
        for p in &planting.plants {
            let mutated = p.edit.apply(text);
            let found = match check(&mutated, options)? {
                Some(findings) => found_by(p, &mutated, &original, &findings),
                None => {
                    let (id, kind) = (&ann.id, p.kind.as_str());
                    self.crashes
                        .push(format!("{id} [{kind}] {}", p.excerpt(text)));
                    None
                }
            };
            let row = self.rows.entry(p.kind).or_default();
            row.planted += 1;
            if let Some(rule) = found {
                row.found += 1;
                *row.by_rule.entry(rule).or_default() += 1;
            } else if verbose {
                let _ = writeln!(
                    self.details,
                    "  miss  {} [{}] {}",
                    ann.id,
                    p.kind.as_str(),
                    p.excerpt(text)
                );
            }
        }
        Ok(())
    }

    /// Adds another folder's score (for the total over several folders).
    pub fn merge(&mut self, other: MutationScore) {
        for (kind, row) in other.rows {
            let mine = self.rows.entry(kind).or_default();
            mine.planted += row.planted;
            mine.found += row.found;
            for (rule, n) in row.by_rule {
                *mine.by_rule.entry(rule).or_default() += n;
            }
        }
        self.untouched.merge(&other.untouched);
        self.texts += other.texts;
        self.chars += other.chars;
        self.relations += other.relations;
        self.annotation_errors.extend(other.annotation_errors);
        self.skipped_relations += other.skipped_relations;
        self.bound_restatements += other.bound_restatements;
        self.details.push_str(&other.details);
        self.crashes.extend(other.crashes);
    }

    pub fn planted(&self, kind: Kind) -> usize {
        self.rows.get(&kind).map_or(0, |r| r.planted)
    }

    pub fn found(&self, kind: Kind) -> usize {
        self.rows.get(&kind).map_or(0, |r| r.found)
    }

    /// The mean of the kinds' recall, over the kinds planted (1 when none
    /// was): every kind weighs the same, however many figures a text has.
    pub fn recall(&self) -> f64 {
        let planted: Vec<&Row> = self.rows.values().filter(|r| r.planted > 0).collect();
        if planted.is_empty() {
            return 1.0;
        }
        let sum: f64 = planted
            .iter()
            .map(|r| r.found as f64 / r.planted as f64)
            .sum();
        sum / planted.len() as f64
    }

    /// Findings on the untouched texts that overlap no annotated defect.
    pub fn false_alarms(&self) -> usize {
        self.untouched.false_alarms()
    }

    /// With `verbose`: the misses, the false alarms, a line each, then which
    /// rules found each kind's plants.
    pub fn listing(&self) -> String {
        let mut s = format!("{}{}", self.details, self.untouched.false_alarm_details);
        for (kind, row) in &self.rows {
            let by: Vec<String> = row
                .by_rule
                .iter()
                .map(|(r, n)| format!("{r} {n}"))
                .collect();
            if !by.is_empty() {
                let _ = writeln!(s, "  found {} by {}", kind.as_str(), by.join(", "));
            }
        }
        s
    }

    pub fn render(&self, name: &str) -> String {
        let mut s = String::new();
        let planted: usize = self.rows.values().map(|r| r.planted).sum();
        let _ = writeln!(
            s,
            "mutate {name}: {} texts, {} characters, {} relations, {planted} plants",
            self.texts, self.chars, self.relations
        );
        let _ = writeln!(
            s,
            "  {:<18} {:>7} {:>7} {:>7}",
            "kind", "planted", "found", "recall"
        );
        for kind in Kind::ALL {
            let (p, f) = (self.planted(kind), self.found(kind));
            let recall = if p == 0 {
                "—".to_string()
            } else {
                format!("{:.1}%", 100.0 * f as f64 / p as f64)
            };
            let _ = writeln!(s, "  {:<18} {p:>7} {f:>7} {recall:>7}", kind.as_str());
        }
        let found: usize = self.rows.values().map(|r| r.found).sum();
        let pooled = 100.0 * found as f64 / planted.max(1) as f64;
        let _ = writeln!(s, "  {:<18} {planted:>7} {found:>7} {pooled:>6.1}%", "all");
        let _ = writeln!(
            s,
            "  false alarms on the untouched texts: {}",
            self.false_alarms()
        );
        for (rule, n) in self.untouched.false_alarms_by_rule() {
            let _ = writeln!(s, "    {rule:<28} {n}");
        }
        if self.skipped_relations > 0 {
            let _ = writeln!(
                s,
                "  relations that do not hold, not planted into: {}",
                self.skipped_relations
            );
        }
        if self.bound_restatements > 0 {
            let _ = writeln!(
                s,
                "  restatements of a bound (至少48名), not planted into: {}",
                self.bound_restatements
            );
        }
        if !self.crashes.is_empty() {
            let _ = writeln!(s, "  the checker panicked on: {}", self.crashes.len());
            for c in &self.crashes {
                let _ = writeln!(s, "    {c}");
            }
        }
        if !self.annotation_errors.is_empty() {
            let _ = writeln!(s, "  annotation errors: {}", self.annotation_errors.len());
            for e in &self.annotation_errors {
                let _ = writeln!(s, "    {e}");
            }
        }
        // The recall here is the mean over the kinds, not the pooled row above.
        let _ = writeln!(
            s,
            "mutate recall {:.3} false-alarms {}",
            self.recall(),
            self.false_alarms()
        );
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Category, Related, Severity};

    fn finding(rule: &'static str, message: &str, span: Span, related: &[Span]) -> Diagnostic {
        Diagnostic {
            rule,
            category: Category::Numbers,
            severity: Severity::Error,
            message: message.to_string(),
            span,
            related: related
                .iter()
                .map(|s| Related {
                    span: s.clone(),
                    message: String::new(),
                })
                .collect(),
            suggestions: vec![],
        }
    }

    #[test]
    fn a_plant_is_found_by_a_new_finding_over_it() {
        let text = "全镇党支部24个，其中农村18个、社区6个。";
        let at = text.find("18").unwrap();
        let plant = Plant::new(Kind::Sum, at..at + 2, "20");
        let mutated = plant.edit.apply(text);
        let total = text.find("24").unwrap()..text.find("24").unwrap() + 2;
        let part = at..at + 2;
        let elsewhere = text.find("社区").unwrap()..text.find("社区").unwrap() + 6;
        let sum = |span: Span, related: &[Span]| finding("numbers.sum", "", span, related);

        let by =
            |before: &[Diagnostic], after: &[Diagnostic]| found_by(&plant, &mutated, before, after);

        // A related span over the plant counts.
        let related = [sum(total, std::slice::from_ref(&part))];
        assert_eq!(by(&[], &related), Some("numbers.sum"));
        // A finding elsewhere does not.
        assert_eq!(by(&[], &[sum(elsewhere, &[])]), None);
        // Nor one the original text already had there, of the same rule.
        let there = [sum(part.clone(), &[])];
        assert_eq!(by(&there, &there), None);
        // Of another rule, it is new.
        let other = [finding("numbers.conflict", "", part, &[])];
        assert_eq!(by(&other, &there), Some("numbers.sum"));
    }

    #[test]
    fn recall_is_the_mean_over_the_kinds_planted() {
        let mut score = MutationScore::default();
        let row = |planted, found| Row {
            planted,
            found,
            ..Row::default()
        };
        score.rows.insert(Kind::Sum, row(2, 2));
        score.rows.insert(Kind::DroppedFigure, row(98, 0));
        score.rows.insert(Kind::Count, row(0, 0));
        assert_eq!(score.recall(), 0.5);
        let table = score.render("x");
        assert!(table.contains("  all                    100       2    2.0%\n"));
        assert!(table.contains("  count                    0       0       —\n"));
        assert!(table.ends_with("mutate recall 0.500 false-alarms 0\n"));
    }

    #[test]
    fn a_removed_section_is_found_by_a_new_missing_section_message() {
        let text = "一、成效\n二、存在问题\n问题。\n";
        let start = text.find("二、").unwrap();
        let plant = Plant::new(Kind::SectionRemoved, start..text.len(), "");
        let mutated = plant.edit.apply(text);
        let missing = |m: &str| finding(MISSING_SECTION, m, 0..3, &[]);
        let before = [missing("缺少“下一步打算”")];
        let same = [missing("缺少“下一步打算”")];
        let new = [missing("缺少“下一步打算”"), missing("缺少“存在问题”")];
        assert_eq!(found_by(&plant, &mutated, &before, &same), None);
        assert_eq!(
            found_by(&plant, &mutated, &before, &new),
            Some(MISSING_SECTION)
        );
    }
}
