//! Text hygiene: unbalanced pairs, punctuation slips, heading-shaped text
//! problems read from the outline's sibling lists (a heading glued to its
//! body, a sibling that breaks the pattern of the others; `leads` reads the
//! first phrase of each sibling for both), and the careless slips a
//! proofreader circles: doubled words, stray characters, broken document
//! numbers, month ranges written several ways, numbers with a broken
//! decimal point, standard official formulations
//! shortened or garbled.

use super::Rule;

mod document_number;
mod doubled_word;
mod formulation;
mod full_name;
mod glued_heading;
mod leads;
mod month_range;
mod number_form;
mod pairs;
mod parallel;
mod punctuation;
mod stray_char;
mod wording;

pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(pairs::Pairs),
        Box::new(punctuation::Punctuation),
        Box::new(glued_heading::GluedHeading),
        Box::new(parallel::Parallel),
        Box::new(doubled_word::DoubledWord),
        Box::new(stray_char::StrayChar),
        Box::new(document_number::DocumentNumber),
        Box::new(month_range::MonthRange),
        Box::new(number_form::NumberForm),
        // A cited built-in list of standard formulations, plus the configuration's own.
        Box::new(formulation::Formulation),
        // The organisation's word lists (silent without a configuration).
        Box::new(wording::Wording),
        Box::new(full_name::FullName),
    ]
}
