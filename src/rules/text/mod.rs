//! Text hygiene: unbalanced pairs, punctuation slips, and heading-shaped text
//! problems read from the outline's sibling lists (a heading glued to its
//! body, a sibling that breaks the pattern of the others; `leads` reads the
//! first phrase of each sibling for both).

use super::Rule;

mod glued_heading;
mod leads;
mod pairs;
mod parallel;
mod punctuation;

pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(pairs::Pairs),
        Box::new(punctuation::Punctuation),
        Box::new(glued_heading::GluedHeading),
        Box::new(parallel::Parallel),
    ]
}
