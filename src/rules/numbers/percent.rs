//! `numbers.percent`: a share that contradicts its own figures —
//! 护理型床位1248张 of 4610张 is 27.07%, not 30.96%; and a share (占, 比重,
//! 覆盖率) over 100%. Rates that may exceed 100% (完成率, 增长) are not shares.
//!
//! A change rate is checked against the two years' figures when the sentence
//! gives both: 收入1200万元，较上年的1000万元增长25% (not 20%).
//!
//! The part and the whole come from the figure grammar (`frames::share`), the
//! base and the change from `frames::change`; a rate with no frame (its whole
//! or base is not in the text) is not checked. Every figure may be off by half
//! a unit of its last written digit: 33.3% for 1/3 is right.

use crate::document::Document;
use crate::frames::change::Change;
use crate::frames::share::{Reading, Share, ShareTest};
use crate::frames::{Frames, Interval};
use crate::quantity::Decimal;
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
    example: "全县常住人口48.2万人，其中城镇人口21.7万人，占55.0%",
    near_miss: "全县常住人口48.2万人，其中城镇人口21.7万人，占45.0%",
};

impl Rule for Percent {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Diagnostic>) {
        let frames = ctx.frames(doc);
        let qs = &doc.quantities;
        self.share_sets(doc, frames, out);
        self.share_shifts(doc, frames, out);
        self.orphans(doc, frames, out);
        super::table_share::check(self, doc, &frames.tables, out);
        let mut test = ShareTest::default();
        let mut changes = frames.changes.iter().peekable();
        let mut shares = frames.shares.iter().peekable();
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
            while shares.peek().is_some_and(|f| f.rate < i) {
                shares.next();
            }
            let frame = shares.next_if(|f| f.rate == i);
            // A rate of completion (完成目标任务12500人的98.5%) has its frame
            // though the share words are not there.
            let share_words = test.is_share(doc, p);
            if frame.is_none() && !share_words {
                continue;
            }
            // Completion may pass 100%; a part of a whole may not.
            if share_words
                && p.value.to_f64() > 100.0
                && !AGAINST_PLAN.occurs_in(doc.slice(&p.subject))
                && !OF_CAPACITY.occurs_in(doc.slice(&p.subject))
            {
                out.push(self.diagnostic(
                    p.span.clone(),
                    format!(
                        "占比{}超过了100%，部分不可能大于整体，请核对。",
                        doc.slice(&p.span)
                    ),
                ));
                continue;
            }
            if let Some(f) = frame {
                out.extend(self.share(doc, f));
            }
        }
    }
}

impl Percent {
    /// A share against its readings of part and whole, each figure with its
    /// rounding: right when any reading gives the rate.
    fn share(&self, doc: &Document, f: &Share) -> Option<Diagnostic> {
        let qs = &doc.quantities;
        let p = &qs[f.rate];
        let stated = Interval::of_decimal(p.value);
        let ratio = |r: &Reading| {
            Some(
                Interval::of(&qs[r.part])?
                    .div(Interval::of(&qs[r.whole])?)?
                    .scale(100.0),
            )
        };
        if f.readings
            .iter()
            .any(|r| ratio(r).is_none_or(|x| x.overlaps(stated)))
        {
            return None;
        }
        let first = f.readings.first()?;
        let actual = ratio(first)?;
        let (part, whole) = (&qs[first.part], &qs[first.whole]);
        let decimals = p.value.scale.max(1) as usize;
        Some(
            self.diagnostic(
                p.span.clone(),
                format!(
                    "比例与数字不符：{} ÷ {} ≈ {:.*}%，而文中写的是{}。请核对。",
                    doc.slice(&part.span),
                    doc.slice(&whole.span),
                    decimals,
                    actual.mid(),
                    doc.slice(&p.span)
                ),
            )
            .with_related(part.span.clone(), "部分")
            .with_related(whole.span.clone(), "整体"),
        )
    }
}

impl Percent {
    /// Shares of one whole add up to it: a structure ratio to 100, a 分别
    /// list to no more than 100 (to 100 when its items cover the whole).
    /// 结构由12.9:37.2:49.9调整为12.7:38.3:49.0，第二产业…比重提高1.1个百分点:
    /// the points are the move of that industry's component, within rounding.
    fn share_shifts(&self, doc: &Document, frames: &Frames, out: &mut Vec<Diagnostic>) {
        let qs = &doc.quantities;
        for shift in &frames.share_shifts {
            let p = &qs[shift.points];
            let moved =
                Interval::of_decimal(shift.new.value).sub(Interval::of_decimal(shift.old.value));
            let stated = Interval::of_decimal(p.value);
            let stated = if shift.down {
                stated.scale(-1.0)
            } else {
                stated
            };
            if moved.overlaps(stated) {
                continue;
            }
            let Some(diff) = shift.new.value.checked_add(Decimal::new(
                -shift.old.value.mantissa,
                shift.old.value.scale,
            )) else {
                continue;
            };
            let (word, by) = if diff.mantissa < 0 {
                ("下降", Decimal::new(-diff.mantissa, diff.scale))
            } else {
                ("提高", diff)
            };
            out.push(
                self.diagnostic(
                    p.span.clone(),
                    format!(
                        "比重变化与结构比不符：由{}到{}应为{word}{by}个百分点，文中写的是{}。请核对。",
                        doc.slice(&shift.old.span),
                        doc.slice(&shift.new.span),
                        doc.slice(&p.span)
                    ),
                )
                .with_related(shift.old.span.clone(), "上期比重")
                .with_related(shift.new.span.clone(), "本期比重"),
            );
        }
    }

    fn share_sets(&self, doc: &Document, frames: &Frames, out: &mut Vec<Diagnostic>) {
        for set in &frames.share_sets {
            let sum = set
                .components
                .iter()
                .try_fold(Interval { lo: 0.0, hi: 0.0 }, |acc, t| {
                    Some(acc.add(Interval::of_decimal(t.value)))
                });
            let Some(sum) = sum else { continue };
            let hundred = Interval {
                lo: 100.0,
                hi: 100.0,
            };
            // 覆盖人数和全程接种人数分别占总人口的91.3%、88.85%: two parts of one
            // whole cannot both pass half of it; rates that do are of groups
            // that overlap (the fully vaccinated among the covered).
            let over_half = set
                .components
                .iter()
                .filter(|t| t.value.to_f64() > 50.0)
                .count();
            let wrong = if set.exhaustive {
                !sum.overlaps(hundred)
            } else {
                sum.lo > 100.0 + 1e-9 && over_half < 2
            };
            if !wrong {
                continue;
            }
            let (first, last) = (
                &set.components[0].span,
                &set.components[set.components.len() - 1].span,
            );
            let listed: Vec<&str> = set.components.iter().map(|t| doc.slice(&t.span)).collect();
            let total = set
                .components
                .iter()
                .try_fold(Decimal::new(0, 0), |acc, t| acc.checked_add(t.value));
            let Some(total) = total else { continue };
            let mut d = self.diagnostic(
                first.start..last.end,
                format!(
                    "各部分所占比例相加应为100%：{} = {total}%。请核对各项比例。",
                    listed.join(" + ")
                ),
            );
            for t in &set.components {
                d = d.with_related(t.span.clone(), format!("比例 {}", doc.slice(&t.span)));
            }
            out.push(d);
        }
    }

    /// 男性人口28.07万人，占50.79%；女性人口27.2万人，占49.21%: shares side by
    /// side whose whole is not named must imply one whole (part ÷ rate).
    fn orphans(&self, doc: &Document, frames: &Frames, out: &mut Vec<Diagnostic>) {
        let qs = &doc.quantities;
        let orphans = &frames.orphan_shares;
        let mut k = 0;
        while k < orphans.len() {
            let para =
                |o: &crate::frames::share::Orphan| doc.sentences[qs[o.rate].sentence].paragraph;
            let mut j = k + 1;
            while j < orphans.len()
                && para(&orphans[j]) == para(&orphans[k])
                && crate::quantity::same_kind(qs[orphans[j].part].unit, qs[orphans[k].part].unit)
                && j - k < 8
            {
                j += 1;
            }
            let implied: Vec<Option<Interval>> = orphans[k..j]
                .iter()
                .map(|o| {
                    Interval::of(&qs[o.part])?
                        .div(Interval::of_decimal(qs[o.rate].value).scale(0.01))
                })
                .collect();
            if let (Some(Some(first)), true) = (implied.first(), j - k >= 2) {
                for (o, w) in orphans[k + 1..j].iter().zip(&implied[1..]) {
                    let Some(w) = w else { continue };
                    if w.overlaps(*first) {
                        continue;
                    }
                    let head = &orphans[k];
                    let actual = Interval::of(&qs[o.part])
                        .and_then(|p| p.div(*first))
                        .map(|x| x.scale(100.0).mid());
                    let Some(actual) = actual else { continue };
                    let decimals = decimals_to_show(actual, qs[o.rate].value);
                    out.push(
                        self.diagnostic(
                            qs[o.rate].span.clone(),
                            format!(
                                "同一整体的比例不一致：按{}占{}推算，{}应占约{:.*}%，而文中写的是{}。请核对。",
                                doc.slice(&qs[head.part].span),
                                doc.slice(&qs[head.rate].span),
                                doc.slice(&qs[o.part].span),
                                decimals,
                                actual,
                                doc.slice(&qs[o.rate].span)
                            ),
                        )
                        .with_related(qs[head.rate].span.clone(), "同一整体的另一比例")
                        .with_related(qs[o.part].span.clone(), "部分"),
                    );
                }
            }
            k = j;
        }
    }
}

/// A share of a plan, a task or a budget is a completion rate: it may pass 100%.
static AGAINST_PLAN: Words = Words::new(&["计划", "任务", "目标", "预算"]);
/// Rates of use against a capacity, which extra use passes (病床使用率108.68%
/// with beds added).
static OF_CAPACITY: Words = Words::new(&["使用率"]);

/// Subjects whose growth rates are by convention at comparable prices (real
/// growth), so the nominal figures around them do not give the rate.
static REAL_GROWTH: Words = Words::new(&["增加值", "生产总值", "GDP", "可比价", "可比口径"]);
/// How far (bytes) before its frame's first figure a subject of real growth is read.
const REAL_GROWTH_REACH: usize = 240;

impl Percent {
    /// A change rate against the figures of its frame: the base and the
    /// current level, or one of them and the change between them. Each
    /// figure may be off by half a unit of its last digit; the rate must fall
    /// within what the figures allow.
    fn change_rate(&self, doc: &Document, c: &Change) -> Option<Diagnostic> {
        let qs = &doc.quantities;
        let p = &qs[c.rate];
        // The words around the frame, not the whole sentence (a sentence of
        // thousands of frames stays linear).
        let first = [c.base, c.current, c.delta.map(|d| d.0)]
            .into_iter()
            .flatten()
            .map(|k| qs[k].span.start)
            .min()
            .unwrap_or(p.span.start);
        let sentence = &doc.sentences[p.sentence].span;
        let from = crate::text::floor_boundary(
            doc.text,
            first.saturating_sub(REAL_GROWTH_REACH).max(sentence.start),
        );
        if REAL_GROWTH.occurs_in(&doc.text[from..p.span.end]) {
            return None;
        }
        let iv = |k: usize| Interval::of(&qs[k]);
        let (base, change) = match (c.base, c.current, c.delta) {
            (Some(b), Some(a), _) => (iv(b)?, iv(a)?.sub(iv(b)?)),
            (None, Some(a), Some((d, down))) => {
                let delta = iv(d)?;
                let base = if down {
                    iv(a)?.add(delta)
                } else {
                    iv(a)?.sub(delta)
                };
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
        let decimals = decimals_to_show(actual.mid().abs(), p.value);
        let verb = if c.down { "下降" } else { "增长" };
        let mut figures: Vec<usize> = [c.base, c.current, c.delta.map(|d| d.0)]
            .into_iter()
            .flatten()
            .collect();
        crate::text::sort_stable_by(&mut figures, Ord::cmp);
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

/// Decimals to show a computed rate with: one more than the writer's, and
/// more while the shown value would round to what the writer wrote (11.49%
/// against a written 12% shows as 11.49, not 11.5).
fn decimals_to_show(actual: f64, stated: crate::quantity::Decimal) -> usize {
    let scale = stated.scale as usize;
    let round = |x: f64, d: usize| {
        let k = 10f64.powi(d as i32);
        (x * k).round() / k
    };
    let mut decimals = scale.max(1);
    while decimals < 4 && (round(round(actual, decimals), scale) - stated.to_f64()).abs() < 1e-9 {
        decimals += 1;
    }
    decimals
}
