//! Text hygiene: unbalanced pairs and punctuation slips. (Heading-shaped text
//! problems — glued headings, broken parallel headings — read the outline and
//! live in `headings`.)

use super::Rule;

mod full_name;
mod pairs;
mod punctuation;
mod wording;

pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(pairs::Pairs),
        Box::new(punctuation::Punctuation),
        // The organisation's word lists (silent without a configuration).
        Box::new(wording::Wording),
        Box::new(full_name::FullName),
    ]
}
