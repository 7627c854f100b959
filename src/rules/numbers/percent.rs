//! `numbers.percent`: a share that contradicts its own figures —
//! 护理型床位1248张 of 4610张 is 27.07%, not 30.96%; and a share (占, 比重,
//! 覆盖率) over 100%. Rates that may exceed 100% (完成率, 增长) are not shares.
//!
//! A change rate is checked against the two years' figures when the sentence
//! gives both: 收入1200万元，较上年的1000万元增长25% (not 20%).
//!
//! The figures are the ones the sentence (or the one before it) gives with a
//! common unit; if ANY pair of them gives the stated rate, it is right. The
//! tolerance follows the precision the writer used: 33.3% for 1/3 is right.

use crate::document::Document;
use crate::frames::change::Change;
use crate::frames::Interval;
use crate::quantity::{same_kind, Quantity};
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule};
use crate::text::Words;

pub struct Percent;

/// Words that make a percentage a share of a whole.
static SHARE: Words = Words::new(&[
    "比例",
    "占比",
    "比重",
    "占",
    "覆盖率",
    "供养率",
    "入住率",
    "参保率",
    "达标率",
    "合格率",
    "普及率",
    "使用率",
    "利用率",
    "到位率",
    "知晓率",
    "满意率",
    "出勤率",
]);
/// Rates that are not shares of a whole and may exceed 100%.
static NOT_SHARE: Words = Words::new(&[
    "增长",
    "增幅",
    "下降",
    "降幅",
    "提高",
    "同比",
    "环比",
    "完成率",
    "完成",
    "超额",
    "增速",
    "提升",
]);

/// How many figures before the rate are tried.
const CANDIDATES: usize = 4;

impl Rule for Percent {
    fn id(&self) -> &'static str {
        "numbers.percent"
    }
    fn category(&self) -> Category {
        Category::Numbers
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        let qs = &doc.quantities;
        // A figure's subject runs from its clause start, so whether it holds a
        // share word is read once per clause (not once per figure, which was
        // quadratic in a long clause): (clause, where the first word of
        // SHARE / NOT_SHARE ends).
        let mut clause_words: Option<(usize, Option<usize>, Option<usize>)> = None;
        let mut changes = doc.frames.changes.iter().peekable();
        for (i, p) in qs.iter().enumerate() {
            if p.unit != "%" || p.value.mantissa <= 0 {
                continue;
            }
            // A rate in a change frame is judged against its frame alone.
            while changes.peek().is_some_and(|c| c.rate < i) {
                changes.next();
            }
            if let Some(c) = changes.next_if(|c| c.rate == i) {
                out.extend(self.change_rate(doc, c));
                continue;
            }
            if clause_words.is_none_or(|(c, _, _)| c != p.clause) {
                let clause = doc.slice(&doc.clauses[p.clause]);
                clause_words = Some((
                    p.clause,
                    SHARE.first_end_in(clause),
                    NOT_SHARE.first_end_in(clause),
                ));
            }
            let (_, share_end, not_share_end) = clause_words.expect("set above");
            // The subject starts where its clause starts.
            let subject_len = p.subject.end - doc.clauses[p.clause].start;
            let occurs = |end: Option<usize>| end.is_some_and(|e| e <= subject_len);
            if !occurs(share_end) || occurs(not_share_end) {
                continue;
            }
            let rate = p.value.to_f64();
            if rate > 100.0 {
                out.push(self.diagnostic(
                    p.span.clone(),
                    format!(
                        "占比{}超过了100%，部分不可能大于整体，请核对。",
                        doc.slice(&p.span)
                    ),
                ));
                continue;
            }
            // Figures before the rate in this sentence and the one before (same paragraph), with one unit kind.
            let para = doc.sentences[p.sentence].paragraph;
            let before: Vec<&Quantity> = qs[..i]
                .iter()
                .rev()
                .take_while(|q| {
                    q.sentence + 1 >= p.sentence && doc.sentences[q.sentence].paragraph == para
                })
                .take(16)
                .filter(|q| {
                    !q.unit.is_empty() && !q.is_percent() && !q.roles.per && !q.roles.change
                })
                .collect();
            let Some(nearest) = before.first() else {
                continue;
            };
            let same: Vec<&Quantity> = before
                .iter()
                .copied()
                .filter(|q| same_kind(q.unit, nearest.unit))
                .take(CANDIDATES)
                .collect();
            if same.len() < 2 {
                continue;
            }
            let tolerance = p.value.ulp() + 1e-9;
            let mut nearest_pair = None;
            let mut consistent = false;
            for (a_i, a) in same.iter().enumerate() {
                for b in &same[a_i + 1..] {
                    let (Some(av), Some(bv)) = (a.scaled(), b.scaled()) else {
                        continue;
                    };
                    let (part, whole) = if av.to_f64() <= bv.to_f64() {
                        (av, bv)
                    } else {
                        (bv, av)
                    };
                    if whole.to_f64() <= 0.0 || part.to_f64() == whole.to_f64() {
                        continue;
                    }
                    let actual = part.to_f64() / whole.to_f64() * 100.0;
                    if (actual - rate).abs() <= tolerance {
                        consistent = true;
                    }
                    if nearest_pair.is_none() {
                        nearest_pair = Some((*a, *b, actual));
                    }
                }
            }
            let Some((a, b, actual)) = nearest_pair else {
                continue;
            };
            if consistent {
                continue;
            }
            let (part, whole) = if a.scaled().map(|v| v.to_f64()) <= b.scaled().map(|v| v.to_f64())
            {
                (a, b)
            } else {
                (b, a)
            };
            let decimals = p.value.scale.max(1) as usize;
            out.push(
                self.diagnostic(
                    p.span.clone(),
                    format!(
                        "比例与数字不符：{} ÷ {} ≈ {:.*}%，而文中写的是{}。请核对。",
                        doc.slice(&part.number),
                        doc.slice(&whole.number),
                        decimals,
                        actual,
                        doc.slice(&p.span)
                    ),
                )
                .with_related(part.span.clone(), "分子")
                .with_related(whole.span.clone(), "分母"),
            );
        }
    }
}

/// Subjects whose growth rates are by convention at comparable prices (real
/// growth), so the nominal figures around them do not give the rate.
static REAL_GROWTH: Words = Words::new(&["增加值", "生产总值", "GDP", "可比价", "可比口径"]);

impl Percent {
    /// A change rate against the figures of its frame: the base and the
    /// current level, or one of them and the change between them. Each
    /// figure may be off by half a unit of its last digit; the rate must fall
    /// within what the figures allow.
    fn change_rate(&self, doc: &Document, c: &Change) -> Option<Diagnostic> {
        let qs = &doc.quantities;
        let p = &qs[c.rate];
        let sentence = doc.slice(&doc.sentences[p.sentence].span);
        if REAL_GROWTH.occurs_in(sentence) {
            return None;
        }
        let iv = |k: usize| Interval::of(&qs[k]);
        let (base, change) = match (c.base, c.current, c.delta) {
            (Some(b), Some(a), _) => (iv(b)?, iv(a)?.sub(iv(b)?)),
            (None, Some(a), Some((d, down))) => {
                let delta = iv(d)?;
                let base = if down { iv(a)?.add(delta) } else { iv(a)?.sub(delta) };
                (base, if down { delta.scale(-1.0) } else { delta })
            }
            (Some(b), None, Some((d, down))) => {
                (iv(b)?, if down { iv(d)?.scale(-1.0) } else { iv(d)? })
            }
            _ => return None,
        };
        let actual = change.div(base)?.scale(if c.down { -100.0 } else { 100.0 });
        let stated = Interval::of_decimal(p.value);
        if actual.overlaps(stated) {
            return None;
        }
        let decimals = p.value.scale.max(1) as usize;
        let verb = if c.down { "下降" } else { "增长" };
        let mut figures: Vec<usize> = [c.base, c.current, c.delta.map(|d| d.0)]
            .into_iter()
            .flatten()
            .collect();
        figures.sort_unstable();
        let shown: Vec<&str> = figures.iter().map(|&k| doc.slice(&qs[k].span)).collect();
        let mut d = self.diagnostic(
            p.span.clone(),
            format!(
                "{verb}幅度与数字不符：按{}计算，{verb}约{:.*}%，而文中写的是{}。请核对。",
                shown.join("、"),
                decimals,
                actual.mid(),
                doc.slice(&p.span)
            ),
        );
        if let Some(b) = c.base {
            d = d.with_related(qs[b].span.clone(), "基期数");
        }
        if let Some(a) = c.current {
            d = d.with_related(qs[a].span.clone(), "本期数");
        }
        if let Some((k, _)) = c.delta {
            d = d.with_related(qs[k].span.clone(), "增减量");
        }
        Some(d)
    }
}
