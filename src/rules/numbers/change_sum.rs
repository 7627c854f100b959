//! The changes of a breakdown's parts, judged for `numbers.sum`: when a total
//! and each of its parts carry their own change in the same unit (实现利润
//! 12.2亿元，同比增利2.7亿元。其中，甲…6.4亿元，增利2.6亿元；乙…5.9亿元，增利
//! 1094万元), the parts' changes add up to the total's as the levels do. Only
//! a breakdown whose levels add up is read: that says the list is whole.

use crate::document::Document;
use crate::frames::breakdown::Breakdown;
use crate::frames::change::DOWN;
use crate::frames::{Frames, Interval};
use crate::quantity::{same_kind, Decimal, Quantity};
use crate::report::Diagnostic;
use crate::rules::Rule;

/// How many characters may stand between a level and its own change
/// (…6.4亿元，增利2.6亿元 / 2700户，比上年增加395户).
const CHANGE_REACH: usize = 12;

/// The change stated right after a level (`k`), signed, in its sentence.
fn own_change(doc: &Document, k: usize) -> Option<(usize, bool)> {
    let qs = &doc.quantities;
    let (level, change) = (&qs[k], qs.get(k + 1)?);
    let gap = doc.text.get(level.span.end..change.span.start)?;
    let fits = change.roles.change
        && change.sentence == level.sentence
        && !change.is_percent()
        && same_kind(change.unit, level.unit)
        && gap.chars().count() <= CHANGE_REACH;
    fits.then(|| (k + 1, DOWN.occurs_in(gap)))
}

fn signed(q: &Quantity, down: bool) -> Option<Interval> {
    Interval::of(q).map(|i| if down { i.scale(-1.0) } else { i })
}

/// Judges the changes of each breakdown whose levels add up, each within
/// its rounding.
pub fn check(rule: &dyn Rule, doc: &Document, frames: &Frames, out: &mut Vec<Diagnostic>) {
    let qs = &doc.quantities;
    let levels_add_up = |b: &Breakdown| {
        let parts: Vec<&Quantity> = frames.parts_of(b).iter().map(|&p| &qs[p]).collect();
        parts.len() >= 2
            && super::sum::interval_of(&parts)
                .zip(Interval::of(&qs[b.total]))
                .is_some_and(|(s, t)| s.overlaps(t))
    };
    let whole = frames.breakdowns.iter().filter(|b| levels_add_up(b));
    out.extend(whole.filter_map(|b| judge(rule, doc, frames, b)));
}

fn judge(rule: &dyn Rule, doc: &Document, frames: &Frames, b: &Breakdown) -> Option<Diagnostic> {
    let qs = &doc.quantities;
    let (total_change, total_down) = own_change(doc, b.total)?;
    let mut sum = Interval { lo: 0.0, hi: 0.0 };
    let mut net = Decimal::new(0, 0);
    let mut changes = Vec::new();
    for &p in frames.parts_of(b) {
        let (c, down) = own_change(doc, p)?;
        sum = sum.add(signed(&qs[c], down)?);
        let v = qs[c].scaled()?;
        net = net.checked_add(if down {
            Decimal::new(-v.mantissa, v.scale)
        } else {
            v
        })?;
        changes.push((c, down));
    }
    let stated = signed(&qs[total_change], total_down)?;
    if sum.overlaps(stated) {
        return None;
    }
    let total = &qs[total_change];
    let part_qs: Vec<&Quantity> = changes.iter().map(|&(c, _)| &qs[c]).collect();
    let shown = |d: Decimal| {
        let sign = if d.mantissa < 0 { "减少" } else { "增加" };
        let abs = Decimal::new(d.mantissa.abs(), d.scale);
        format!(
            "{sign}{}",
            total.format_like(abs, total.scale_for(&part_qs))
        )
    };
    let listed: Vec<String> = changes
        .iter()
        .map(|&(c, down)| {
            format!(
                "{}{}",
                if down { "减少" } else { "增加" },
                doc.slice(&qs[c].span)
            )
        })
        .collect();
    let message = format!(
        "各分项的增减之和与总数的增减不一致：{}，合计{}，而总数{}{}。请核对。",
        listed.join("、"),
        shown(net),
        if total_down { "减少" } else { "增加" },
        doc.slice(&total.span)
    );
    let mut d = rule.diagnostic(total.span.clone(), message);
    for (c, _) in changes {
        d = d.with_related(
            qs[c].span.clone(),
            format!("分项增减 {}", doc.slice(&qs[c].span)),
        );
    }
    Some(d)
}
