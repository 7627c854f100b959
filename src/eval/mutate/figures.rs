//! `dropped-figure` and `placeholder`: a figure followed by a measure word or
//! unit (312所, 45人, 2.88万吨, 9.8%) loses its digits (所, 人, 万吨, %) or
//! has them replaced by XX / ×× (alternately).

use super::figure::{body_numbers, Figure};
use super::plant::{Kind, Plant};
use super::Planting;

/// Measure words and units that may follow a figure.
const UNITS: &str = "个所人户家名项次件元吨亩间座台辆套条处场期批起栋本册篇份张位只头匹株棵米斤克\
                     %％倍㎡公平立千万亿天支队类种级届枚块片部架艘根股笔宗例床";

/// At most this many figures of a text, spread evenly over it: a bulletin
/// with hundreds of figures should not outweigh a short summary.
const PER_TEXT: usize = 12;

pub fn plant(text: &str, out: &mut Planting) {
    let chosen = spread(candidates(text), PER_TEXT, out.set);
    for (turn, fig) in chosen.iter().enumerate() {
        out.plants
            .push(Plant::new(Kind::DroppedFigure, fig.range.clone(), ""));
        let mark = if (turn + out.set) % 2 == 0 {
            "XX"
        } else {
            "××"
        };
        out.plants
            .push(Plant::new(Kind::Placeholder, fig.range.clone(), mark));
    }
}

/// Every figure of the body (the title line left out) with a unit after it;
/// not dates (2021年), ordinals (第3), ranges (5-10人) or footnotes ([2]).
fn candidates(text: &str) -> Vec<Figure> {
    body_numbers(text)
        .into_iter()
        .filter(|fig| {
            let before = text[..fig.range.start].chars().next_back();
            let after = text[fig.range.end..].chars().next();
            let joined =
                before.is_some_and(|b| b.is_ascii_alphanumeric() || "第[［-—–~～至.．".contains(b));
            !joined && after.is_some_and(|a| UNITS.contains(a))
        })
        .collect()
}

/// At most `n` of `items`, evenly spaced from the `offset`th on (wrapping).
pub fn spread<T: Clone>(items: Vec<T>, n: usize, offset: usize) -> Vec<T> {
    if items.len() <= n {
        return items;
    }
    let mut picked: Vec<usize> = (0..n)
        .map(|i| (i * items.len() / n + offset) % items.len())
        .collect();
    picked.sort_unstable();
    picked.into_iter().map(|i| items[i].clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_and_blanks_figures_with_units() {
        let text = "标题2021年\n全县学校312所，2021年比第3季度多5-10人，蔬菜2.88万吨，增长9.8%。\n";
        let mutated = super::super::mutants(plant, text);
        let body = |s: &str| s.lines().nth(1).unwrap().to_string();
        let bodies: Vec<String> = mutated.iter().map(|m| body(m)).collect();
        assert_eq!(
            bodies,
            [
                "全县学校所，2021年比第3季度多5-10人，蔬菜2.88万吨，增长9.8%。",
                "全县学校XX所，2021年比第3季度多5-10人，蔬菜2.88万吨，增长9.8%。",
                "全县学校312所，2021年比第3季度多5-10人，蔬菜万吨，增长9.8%。",
                "全县学校312所，2021年比第3季度多5-10人，蔬菜××万吨，增长9.8%。",
                "全县学校312所，2021年比第3季度多5-10人，蔬菜2.88万吨，增长%。",
                "全县学校312所，2021年比第3季度多5-10人，蔬菜2.88万吨，增长XX%。",
            ]
        );
    }

    #[test]
    fn spreads_evenly() {
        assert_eq!(spread((0..10).collect(), 4, 0), vec![0, 2, 5, 7]);
        assert_eq!(spread((0..10).collect(), 4, 3), vec![0, 3, 5, 8]);
        assert_eq!(spread((0..3).collect(), 4, 3), vec![0, 1, 2]);
    }
}
