//! `numbers.percent`: a share that contradicts its own figures —
//! 护理型床位1248张 of 4610张 is 27.07%, not 30.96%; and a share (占, 比重,
//! 覆盖率) over 100%. Rates that may exceed 100% (完成率, 增长) are not shares.
//!
//! The figures are the ones the sentence (or the one before it) gives with a
//! common unit; if ANY pair of them gives the stated rate, it is right. The
//! tolerance follows the precision the writer used: 33.3% for 1/3 is right.

use crate::document::Document;
use crate::quantity::{same_kind, Quantity};
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub struct Percent;

/// Words that make a percentage a share of a whole.
const SHARE_WORDS: &[&str] = &[
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
];
/// Rates that are not shares of a whole and may exceed 100%.
const NOT_SHARE: &[&str] = &[
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
];

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
        for (i, p) in qs.iter().enumerate() {
            if p.unit != "%" || p.value.mantissa <= 0 {
                continue;
            }
            let subject = doc.slice(&p.subject);
            if !SHARE_WORDS.iter().any(|w| subject.contains(w))
                || NOT_SHARE.iter().any(|w| subject.contains(w))
            {
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
