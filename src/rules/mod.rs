//! The rules. Each rule is one type implementing [`Rule`], in its own module,
//! grouped by family; a family's `rules()` lists its rules. Rules read the
//! [`Document`] model and push [`Diagnostic`]s; they never re-parse the text.

use crate::document::Document;
use crate::report::{Category, Diagnostic, Severity};
use crate::template::Template;
use crate::text::Span;

pub mod data;
pub mod headings;
pub mod numbering;
pub mod numbers;
pub mod period;
pub mod structure;
pub mod text;

/// What a check knows besides the text: the caller's options, resolved.
pub struct Context<'a> {
    /// The template in force: the caller's, or the preset the title calls for.
    pub template: &'a Template,
    /// The organisation's word lists (empty unless configured).
    pub wording: &'a crate::wording::Wording,
}

pub trait Rule: Send + Sync {
    /// Stable id, `family.name`: `numbers.conflict`.
    fn id(&self) -> &'static str;
    fn category(&self) -> Category;
    fn default_severity(&self) -> Severity;
    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Diagnostic>);

    /// A finding of this rule at `span`, with its default severity.
    fn diagnostic(&self, span: Span, message: String) -> Diagnostic {
        Diagnostic {
            rule: self.id(),
            category: self.category(),
            severity: self.default_severity(),
            message,
            span,
            related: Vec::new(),
            suggestions: Vec::new(),
        }
    }
}

/// Every rule, in a stable order.
pub fn all() -> Vec<Box<dyn Rule>> {
    let mut rules: Vec<Box<dyn Rule>> = Vec::new();
    rules.extend(structure::rules());
    rules.extend(numbering::rules());
    rules.extend(headings::rules());
    rules.extend(numbers::rules());
    rules.extend(data::rules());
    rules.extend(period::rules());
    rules.extend(text::rules());
    rules
}
