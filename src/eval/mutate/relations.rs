//! Plants into the annotated relations (`sum`, `share`, `change`, `count`,
//! `same`), one per relation that holds. Each plant moves one figure far
//! enough that no rounding of the relation's figures explains it.

use super::figure::{first_figure, is_bound, Figure};
use super::plant::{Kind, Plant};
use super::Planting;
use crate::eval::corpus::Relation;
use crate::eval::score::occurrences;

/// A rate moves by 3–9 points (a fifth of it), and always beyond what the
/// rounding of its figures allows.
const RATE_MOVE_MIN: f64 = 3.0;
const RATE_MOVE_MAX: f64 = 9.0;

/// Words that make a change a fall: the previous figure is current + delta.
const FALLING: [&str; 6] = ["下降", "减少", "降低", "回落", "下滑", "减"];

/// Which plant of a kind this is in the text: alternates target and direction.
struct Turns {
    sum: usize,
    delta: usize,
    rate: usize,
    count: usize,
    conflict: usize,
}

impl Turns {
    /// Set `set` begins every alternation `set` turns on.
    fn starting_at(set: usize) -> Turns {
        Turns {
            sum: set,
            delta: set,
            rate: set,
            count: set,
            conflict: set,
        }
    }
}

fn next(turn: &mut usize) -> usize {
    *turn += 1;
    *turn - 1
}

/// Finds each quote of a relation once in the text and reads its figure.
struct Quotes<'a> {
    text: &'a str,
}

impl Quotes<'_> {
    fn figure(&self, quote: &str) -> Result<Figure, String> {
        let found = occurrences(self.text, quote);
        match found.len() {
            0 => Err(format!("quote «{quote}» not found in the text")),
            1 => first_figure(self.text, found[0].clone())
                .ok_or_else(|| format!("quote «{quote}» has no figure")),
            n => Err(format!("quote «{quote}» occurs {n} times")),
        }
    }

    fn optional(&self, quote: &Option<String>) -> Result<Option<Figure>, String> {
        quote.as_deref().map(|q| self.figure(q)).transpose()
    }

    fn required(&self, quote: &Option<String>, field: &str) -> Result<Figure, String> {
        match quote {
            Some(q) => self.figure(q),
            None => Err(format!("no `{field}`")),
        }
    }

    /// Rates written in 倍 count a hundred points per unit.
    fn points_per_unit(&self, rate: &Figure) -> f64 {
        if self.text[rate.range.end..]
            .trim_start_matches(['万', '亿'])
            .starts_with('倍')
        {
            100.0
        } else {
            1.0
        }
    }
}

/// One plant per relation that holds; relations that do not hold are counted
/// as skipped, unreadable ones reported with their number.
pub fn plant(id: &str, text: &str, relations: &[Relation], out: &mut Planting) {
    let quotes = Quotes { text };
    let mut turns = Turns::starting_at(out.set);
    for (i, rel) in relations.iter().enumerate() {
        if !rel.holds {
            out.skipped += 1;
            continue;
        }
        match plant_one(&quotes, rel, &mut turns) {
            Ok(Some(p)) => out.plants.push(p),
            Ok(None) => out.bounds += 1,
            Err(e) => out
                .errors
                .push(format!("{id}: relation {} ({}): {e}", i + 1, rel.kind)),
        }
    }
}

/// The plant for one relation; `None` for a restatement of a bound.
fn plant_one(q: &Quotes, rel: &Relation, turns: &mut Turns) -> Result<Option<Plant>, String> {
    let plant = match rel.kind.as_str() {
        "sum" => {
            let total = q.required(&rel.total, "total")?;
            let parts: Vec<Figure> = rel
                .parts
                .iter()
                .map(|p| q.figure(p))
                .collect::<Result<_, _>>()?;
            if parts.is_empty() {
                return Err("no `parts`".into());
            }
            Ok(sum(total, parts, next(&mut turns.sum)))
        }
        "share" => {
            let part = q.required(&rel.part, "part")?;
            let whole = q.required(&rel.whole, "whole")?;
            let rate = q.required(&rel.rate, "rate")?;
            if whole.base_value() <= 0.0 {
                return Err("the whole is zero".into());
            }
            let ppu = q.points_per_unit(&rate);
            let implied = 100.0 * part.base_value() / whole.base_value();
            let slack = 100.0 * part.rounding() / whole.base_value()
                + implied * whole.rounding() / whole.base_value();
            Ok(rate_plant(
                Kind::Share,
                &rate,
                ppu,
                slack,
                true,
                next(&mut turns.rate),
            ))
        }
        "change" => change(q, rel, turns),
        "count" => {
            let count = q.required(&rel.count, "count")?;
            let up = next(&mut turns.count) % 2 == 0;
            Ok(Plant::new(
                Kind::Count,
                count.range.clone(),
                count.moved(1, up),
            ))
        }
        "same" => {
            let first = q.required(&rel.first, "first")?;
            let second = q.required(&rel.second, "second")?;
            if is_bound(q.text, &first) || is_bound(q.text, &second) {
                return Ok(None);
            }
            let steps = second.steps_beyond(first.rounding() + second.rounding());
            let up = next(&mut turns.conflict) % 2 == 0;
            Ok(Plant::new(
                Kind::Conflict,
                second.range.clone(),
                second.moved(steps, up),
            ))
        }
        other => Err(format!("unknown kind `{other}`")),
    };
    plant.map(Some)
}

/// Turns go a part up, the total up, the total down, another part down …:
/// half the plants put the parts over the total (wrong whatever else the
/// total holds), half leave them short of it (wrong as the breakdown is
/// complete, which the annotator vouched for by calling it a sum).
fn sum(total: Figure, parts: Vec<Figure>, turn: usize) -> Plant {
    let slack = total.rounding() + parts.iter().map(Figure::rounding).sum::<f64>();
    let (on_total, up) = match turn % 4 {
        0 => (false, true),
        1 => (true, true),
        2 => (true, false),
        _ => (false, false),
    };
    let target = if on_total {
        &total
    } else {
        &parts[(turn / 2) % parts.len()]
    };
    let moved = target.moved(target.steps_beyond(slack), up);
    Plant::new(Kind::Sum, target.range.clone(), moved)
}

/// A change relation: its rate moved when it has one, else its delta.
fn change(q: &Quotes, rel: &Relation, turns: &mut Turns) -> Result<Plant, String> {
    let current = q.required(&rel.current, "current")?;
    let previous = q.optional(&rel.previous)?;
    let delta = q.optional(&rel.delta)?;
    let rate = q.optional(&rel.rate)?;
    let Some(rate) = rate else {
        let (Some(previous), Some(delta)) = (previous, delta) else {
            return Err("needs two of `previous`, `delta`, `rate`".into());
        };
        let slack = current.rounding() + previous.rounding() + delta.rounding();
        let up = next(&mut turns.delta) % 2 == 0;
        let moved = delta.moved(delta.steps_beyond(slack), up);
        return Ok(Plant::new(Kind::Change, delta.range.clone(), moved));
    };
    // The base year's figure and what rounding may hide in the change and in it.
    let (base, change, change_slack, base_slack) = match (&previous, &delta) {
        (Some(p), _) => (
            p.base_value(),
            (current.base_value() - p.base_value()).abs(),
            current.rounding() + p.rounding(),
            p.rounding(),
        ),
        (None, Some(d)) => {
            let quoted = [&rel.rate, &rel.delta];
            let falling = quoted
                .iter()
                .filter_map(|s| s.as_deref())
                .any(|s| FALLING.iter().any(|w| s.contains(w)));
            let sign = if falling { 1.0 } else { -1.0 };
            (
                current.base_value() + sign * d.base_value(),
                d.base_value(),
                d.rounding(),
                current.rounding() + d.rounding(),
            )
        }
        (None, None) => return Err("needs two of `previous`, `delta`, `rate`".into()),
    };
    let slack = if base > 0.0 {
        100.0 * change_slack / base + 100.0 * change * base_slack / (base * base)
    } else {
        0.0
    };
    let ppu = q.points_per_unit(&rate);
    Ok(rate_plant(
        Kind::Change,
        &rate,
        ppu,
        slack,
        false,
        next(&mut turns.rate),
    ))
}

/// The rate moved by a fifth of it, 3–9 points, and by more than `slack`
/// (points the part and whole's rounding allow) plus its own rounding. A
/// share stays within 0–100 %.
fn rate_plant(kind: Kind, rate: &Figure, ppu: f64, slack: f64, share: bool, turn: usize) -> Plant {
    let points = rate.value() * ppu;
    let wanted = (points.abs() / 5.0).clamp(RATE_MOVE_MIN, RATE_MOVE_MAX) / ppu;
    let beyond = (((slack / ppu + rate.rounding()) / rate.step_value() + 1e-9).floor() as i64)
        .saturating_add(1);
    let steps = rate.steps_for(wanted).max(beyond);
    let amount = steps as f64 * rate.step_value() * ppu;
    let mut up = turn % 2 == 0;
    if share && up && points + amount > 100.0 {
        up = false;
    }
    Plant::new(kind, rate.range.clone(), rate.moved(steps, up))
}
