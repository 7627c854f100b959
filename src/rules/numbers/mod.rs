//! Numbers that contradict each other. Every rule reads the quantity model
//! (`Document::quantities`), built once per check.

use super::Rule;

mod change_sum;
mod class_restated;
mod conflict;
mod count;
mod duplicate_item;
mod numbered_phrase;
mod percent;
mod phases;
mod sum;
mod table_share;
mod table_sum;
mod tally_phrase;

pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(conflict::Conflict),
        Box::new(sum::Sum),
        Box::new(count::Count),
        Box::new(percent::Percent),
        Box::new(duplicate_item::DuplicateItem),
    ]
}
