//! `report-check eval DIR`: scores the checker against an annotated folder
//! (format and scoring rule: `shared/corpus/README.md`), and
//! `report-check eval --mutate DIR`: the planted-defect harness ([`mutate`]).

mod corpus;
pub mod mutate;
mod score;

pub use corpus::{Annotated, Defect, Relation};
pub use score::Score;

use crate::document::Document;
use crate::Options;
use std::path::Path;

/// Scores the checker on the folder `dir` (with `annotations.json`). With
/// `verbose`, `Score::details` lists every miss, `false_alarm_details` every
/// false alarm.
pub fn evaluate(dir: &Path, options: &Options, verbose: bool) -> Result<(Score, usize), String> {
    let docs = corpus::load(dir)?;
    let mut score = Score::default();
    for (ann, text) in &docs {
        // As `check` reads it: traditional characters folded, offsets kept.
        let folded = crate::text::fold_traditional(text);
        let found = crate::check_document(&Document::parse(&folded), options).map_err(|e| e.0)?;
        score::score_document(&mut score, ann, text, &found, verbose);
    }
    Ok((score, docs.len()))
}
