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
use crate::quantity::{same_kind, Quantity};
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};
use crate::text::Words;

pub struct Percent;

pub static INFO: RuleInfo = RuleInfo {
    code: "numbers.percent",
    family: Category::Numbers,
    severity: Severity::Error,
    summary: "百分比与其数字不符，或占比超过100%",
    explanation: "比例应能由文中的两个数字算出（部分÷总数、增量÷基数）；对不上说明数字或比例有误。占比（占、比重、覆盖率）不可能超过100%。",
    example: "护理型床位1248张，占床位总数4610张的30.96%",
    near_miss: "护理型床位1248张，占床位总数4610张的27.07%",
};

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
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        let qs = &doc.quantities;
        // A figure's subject runs from its clause start, so whether it holds a
        // share word is read once per clause (not once per figure, which was
        // quadratic in a long clause): (clause, where the first word of
        // SHARE / NOT_SHARE ends).
        let mut clause_words: Option<(usize, Option<usize>, Option<usize>)> = None;
        for (i, p) in qs.iter().enumerate() {
            if p.unit != "%" || p.value.mantissa <= 0 {
                continue;
            }
            if let Some(d) = self.change_rate(doc, qs, i) {
                out.push(d);
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

/// Words that mark a figure as the base year's.
static BASE: Words = Words::new(&["上年", "去年", "上一年", "同期", "上半年同期"]);
static DOWN: Words = Words::new(&["下降", "减少", "降低"]);
static UP: Words = Words::new(&["增长", "增加", "提高", "上升"]);

impl Percent {
    /// 增长 / 下降 X% against this year's and the base year's figures in the same
    /// sentence: one figure marked by 上年 / 去年 / 同期 just before it, one not.
    fn change_rate(&self, doc: &Document, qs: &[Quantity], i: usize) -> Option<Diagnostic> {
        let p = &qs[i];
        let before_rate = &doc.text[doc.sentences[p.sentence].span.start..p.span.start];
        let tail = crate::text::tail(before_rate, 12);
        let down = DOWN.occurs_in(tail);
        if !down && !UP.occurs_in(tail) {
            return None;
        }
        // The words right before a figure, since the previous figure.
        let prefix = |k: usize| {
            let from = if k > 0 && qs[k - 1].sentence == qs[k].sentence {
                qs[k - 1].span.end
            } else {
                doc.sentences[qs[k].sentence].span.start
            };
            &doc.text[from.min(qs[k].span.start)..qs[k].span.start]
        };
        let same_sentence = |k: &usize| {
            qs[*k].sentence == p.sentence
                && !qs[*k].unit.is_empty()
                && !qs[*k].is_percent()
                && qs[*k].approx == crate::quantity::Approx::Exact
        };
        let near = (i.saturating_sub(6)..(i + 4).min(qs.len()))
            .filter(|k| *k != i)
            .filter(same_sentence);
        let (base, current): (Vec<usize>, Vec<usize>) =
            near.partition(|&k| BASE.occurs_in(prefix(k)));
        let [b] = base[..] else { return None };
        let current: Vec<usize> = current
            .into_iter()
            .filter(|&k| k < i && same_kind(qs[k].unit, qs[b].unit))
            .collect();
        let [a] = current[..] else { return None };
        let (av, bv) = (qs[a].scaled()?.to_f64(), qs[b].scaled()?.to_f64());
        if bv <= 0.0 {
            return None;
        }
        let actual = (av - bv) / bv * 100.0 * if down { -1.0 } else { 1.0 };
        let rate = p.value.to_f64();
        // The writer's precision, and the figures' own rounding.
        let tolerance = p.value.ulp() + (qs[a].value.ulp() + qs[b].value.ulp()) / bv * 100.0 + 1e-9;
        if (actual - rate).abs() <= tolerance {
            return None;
        }
        let decimals = p.value.scale.max(1) as usize;
        let verb = if down { "下降" } else { "增长" };
        Some(
            self.diagnostic(
                p.span.clone(),
                format!(
                    "{verb}幅度与数字不符：由{}到{}，{verb}约{:.*}%，而文中写的是{}。请核对。",
                    doc.slice(&qs[b].span),
                    doc.slice(&qs[a].span),
                    decimals,
                    actual,
                    doc.slice(&p.span)
                ),
            )
            .with_related(qs[b].span.clone(), "基期数")
            .with_related(qs[a].span.clone(), "本期数"),
        )
    }
}
