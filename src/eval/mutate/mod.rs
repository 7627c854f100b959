//! `report-check eval --mutate DIR`: the planted-defect harness. Into each
//! annotated text it plants one defect at a time — into the `relations` that
//! hold (sum, share, change, count, conflict), and by its own reading of the
//! text (numbering, dropped figures, placeholders, empty fields, dates, whole
//! sections) — checks each mutant once, and counts a plant found when a new
//! finding covers it. The untouched texts give the false alarms, scored as
//! the normal eval scores them.

mod dates;
mod fields;
mod figure;
mod figures;
mod numbering;
mod plant;
mod relations;
mod sections;
mod tally;

pub use plant::{Edit, Kind, Plant};
pub use tally::MutationScore;

use super::corpus::{self, Annotated};
use crate::document::Document;
use crate::report::Diagnostic;
use crate::Options;
use std::path::Path;

/// The plants of one text, and what kept some relations from being planted.
#[derive(Debug, Default)]
pub struct Planting {
    /// Which set of plants is wanted: 0 the standard set; another number
    /// moves other figures, in other directions, for a held-out score.
    pub set: usize,
    pub plants: Vec<Plant>,
    /// Quotes not found or not unique, figures not read: `id: relation n (kind): …`.
    pub errors: Vec<String>,
    /// Relations with `holds: false`.
    pub skipped: usize,
    /// Restatements whose figure is a bound or an estimate (至少有 48名):
    /// moving one is no contradiction.
    pub bounds: usize,
}

/// Every plant of one text of set `set`, in a fixed order.
pub fn plant(ann: &Annotated, text: &str, set: usize) -> Planting {
    let mut out = Planting {
        set,
        ..Planting::default()
    };
    relations::plant(&ann.id, text, &ann.relations, &mut out);
    numbering::plant(text, &mut out);
    figures::plant(text, &mut out);
    fields::plant(text, &mut out);
    if let Some(period) = ann.period.as_deref().and_then(dates::parse_period) {
        dates::plant(text, &period, &mut out);
    }
    if !ann.truncated {
        sections::plant(text, &mut out);
    }
    out
}

/// Plants set `set` into every text of the folder `dir` and scores what the
/// checker finds. With `verbose`, `MutationScore::listing` gives each missed
/// plant and each false alarm.
pub fn evaluate(
    dir: &Path,
    options: &Options,
    set: usize,
    verbose: bool,
) -> Result<MutationScore, String> {
    let mut score = MutationScore::default();
    for (ann, text) in corpus::load(dir)? {
        score.add_text(&ann, &text, options, set, verbose)?;
    }
    Ok(score)
}

/// The checker's findings on a text, or `None` when it panicked (the panic's
/// message has gone to stderr): the run goes on and names the text.
fn check(text: &str, options: &Options) -> Result<Option<Vec<Diagnostic>>, String> {
    let folded = crate::text::fold_traditional(text);
    let run = || crate::check_document(&Document::parse(&folded), options);
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
        Ok(found) => found.map(Some).map_err(|e| e.0),
        Err(_) => Ok(None),
    }
}

/// The texts one of the planters makes of `text`, in order (for its tests).
#[cfg(test)]
fn mutants(planter: fn(&str, &mut Planting), text: &str) -> Vec<String> {
    let mut out = Planting::default();
    planter(text, &mut out);
    out.plants.iter().map(|p| p.edit.apply(text)).collect()
}
