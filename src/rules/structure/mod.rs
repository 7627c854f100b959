//! Structure: title, expected sections by template and their order, sign-off,
//! and the form of the 成文日期. `parts` reads which section each top-level
//! heading is.

use super::Rule;

mod date_form;
mod missing_section;
mod order;
mod parts;
mod signature;
mod title;

pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(title::Title),
        Box::new(missing_section::MissingSection),
        Box::new(order::Order),
        Box::new(signature::Signature),
        Box::new(date_form::DateForm),
    ]
}
