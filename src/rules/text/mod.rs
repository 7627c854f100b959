//! Text hygiene: unbalanced pairs and punctuation slips. (Heading-shaped text
//! problems — glued headings, broken parallel headings — read the outline and
//! live in `headings`.)

use super::Rule;

mod pairs;
mod punctuation;

pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![Box::new(pairs::Pairs), Box::new(punctuation::Punctuation)]
}
