//! How the members of each numbered list count: the one reading that
//! `numbering.gap`, `numbering.repeat` and `numbering.order` share. Numbers
//! must count 1, 2, 3 … within their parent; a restart at 1 begins a new list
//! (the plan part of 总结及计划 restarts 一、) and is not a slip.

use crate::document::Document;
use crate::outline::{Heading, NumberStyle};
use crate::rules::Context;

/// What is wrong with a member's number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Slip {
    /// （一）（三）: （二） skipped; or a list that starts at 二是.
    Gap,
    /// （一）（一）（三）: the second （一） was meant as （二）.
    Repeat,
    /// 三、 then 二、: a number smaller than the one before.
    Order,
}

/// A list member whose number is not the one the list expects.
pub(super) struct Misnumbered<'d> {
    pub slip: Slip,
    pub heading: &'d Heading,
    /// The member before it in its list.
    pub prev: Option<&'d Heading>,
    /// The number expected here.
    pub want: u32,
    /// The member after it continues the count as if this one had `want`
    /// (（一）（一）（三）): renumbering this one is then certainly the fix.
    pub confirmed: bool,
}

/// Every numbered list of the draft: sibling headings, then run-in lists.
fn lists<'d>(doc: &'d Document, ctx: &'d Context) -> impl Iterator<Item = Vec<&'d Heading>> + 'd {
    let o = &doc.outline;
    let lists = ctx.lists(doc);
    let headings = lists
        .headings
        .iter()
        .map(|l| l.iter().map(|&i| &o.headings[i]).collect());
    let run_ins = lists
        .run_ins
        .iter()
        .map(|l| l.iter().map(|&i| &o.run_ins[i]).collect());
    headings.chain(run_ins)
}

/// The misnumbered members of every list, of the kind `slip`.
pub(super) fn misnumbered<'d>(
    doc: &'d Document,
    ctx: &'d Context,
    slip: Slip,
) -> Vec<Misnumbered<'d>> {
    let mut out = Vec::new();
    for list in lists(doc, ctx) {
        out.extend(classify(&list).into_iter().filter(|m| m.slip == slip));
    }
    out
}

/// Reads one list: `count` is the number the previous member stands for (a
/// repeat confirmed by its successor stands for the number it should have).
fn classify<'d>(list: &[&'d Heading]) -> Vec<Misnumbered<'d>> {
    let mut out = Vec::new();
    let mut count: Option<u32> = None;
    for (k, &h) in list.iter().enumerate() {
        let prev = k.checked_sub(1).map(|j| list[j]);
        let next = list.get(k + 1).map(|n| n.number);
        let Some(c) = count else {
            // 其次 without 首先: writers often open with a topic sentence instead.
            if h.number != 1 && h.style != NumberStyle::RunInSequence {
                out.push(Misnumbered {
                    slip: Slip::Gap,
                    heading: h,
                    prev,
                    want: 1,
                    confirmed: false,
                });
            }
            count = Some(h.number);
            continue;
        };
        let confirmed = next == Some(c + 2);
        let (slip, now) = if h.number == c + 1 {
            (None, h.number)
        } else if h.number == c && (c != 1 || confirmed || k == 1) {
            // 一、…一、 with nothing before: a list of one member is no list, so
            // the second 一、 is a repeat, not a restart.
            (Some(Slip::Repeat), if confirmed { c + 1 } else { c })
        } else if h.number == 1 {
            (None, 1)
        } else if h.number < c {
            (Some(Slip::Order), c)
        } else {
            (Some(Slip::Gap), h.number)
        };
        if let Some(slip) = slip {
            out.push(Misnumbered {
                slip,
                heading: h,
                prev,
                want: c + 1,
                confirmed,
            });
        }
        count = Some(now);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(number: u32) -> Heading {
        Heading {
            style: NumberStyle::HanParen,
            number,
            marker: 0..0,
            title: 0..0,
            paragraph: 0,
        }
    }

    fn slips(numbers: &[u32]) -> Vec<(u32, Slip, u32)> {
        let hs: Vec<Heading> = numbers.iter().map(|&n| heading(n)).collect();
        let list: Vec<&Heading> = hs.iter().collect();
        classify(&list)
            .iter()
            .map(|m| {
                (
                    list.iter()
                        .position(|h| std::ptr::eq(*h, m.heading))
                        .unwrap() as u32,
                    m.slip,
                    m.want,
                )
            })
            .collect()
    }

    #[test]
    fn a_repeat_is_reported_on_the_second_of_the_pair_not_on_the_next() {
        assert_eq!(slips(&[1, 1, 3]), vec![(1, Slip::Repeat, 2)]);
        assert_eq!(slips(&[1, 2, 2, 4]), vec![(2, Slip::Repeat, 3)]);
        assert_eq!(slips(&[1, 2, 2, 3]), vec![(2, Slip::Repeat, 3)]);
    }

    #[test]
    fn restarts_gaps_and_order() {
        assert_eq!(slips(&[1, 2, 3, 1, 2]), vec![]);
        assert_eq!(slips(&[1, 1]), vec![(1, Slip::Repeat, 2)]);
        assert_eq!(slips(&[1, 3]), vec![(1, Slip::Gap, 2)]);
        assert_eq!(slips(&[2, 3]), vec![(0, Slip::Gap, 1)]);
        assert_eq!(
            slips(&[1, 3, 2]),
            vec![(1, Slip::Gap, 2), (2, Slip::Order, 4)]
        );
    }
}
