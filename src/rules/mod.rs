//! The rules. Each rule is one type implementing [`Rule`], in its own module
//! `src/rules/<family>/<name>.rs`, and declares its identity once, in a
//! [`RuleInfo`]: code, family, default severity, summary, explanation, example
//! and near-miss. The CLI (`report-check rules`), the JS module (`rules()`) and
//! the README's rule table all read that registry. One rule, one code.
//!
//! Rules read the [`Document`] model and push [`Diagnostic`]s; they never
//! re-parse the text.

use crate::document::Document;
use crate::report::{Category, Diagnostic, Severity};
use crate::template::Template;
use crate::text::Span;
use serde::Serialize;
use std::cell::OnceCell;

pub mod data;
pub mod numbering;
pub mod numbers;
pub mod period;
pub mod structure;
pub mod text;

/// What a check knows besides the text: the caller's options, resolved, and
/// readings of the document that several rules share, made on first use. A
/// context serves one document.
pub struct Context<'a> {
    /// The template in force: the caller's, or the preset the title calls for.
    pub template: &'a Template,
    /// The organisation's word lists (empty unless configured).
    pub wording: &'a crate::wording::Wording,
    lists: OnceCell<NumberedLists>,
    section_kinds: OnceCell<Vec<Option<usize>>>,
    frames: OnceCell<crate::frames::Frames>,
}

/// The numbered lists of a document: sibling headings (indices into
/// `outline.headings`) and run-in lists (indices into `outline.run_ins`).
pub struct NumberedLists {
    pub headings: Vec<Vec<usize>>,
    pub run_ins: Vec<Vec<usize>>,
}

impl<'a> Context<'a> {
    pub fn new(template: &'a Template, wording: &'a crate::wording::Wording) -> Self {
        Context {
            template,
            wording,
            lists: OnceCell::new(),
            section_kinds: OnceCell::new(),
            frames: OnceCell::new(),
        }
    }

    /// How the figures of `doc` tie together (the figure grammar), read once
    /// for the numeric rules.
    pub fn frames(&self, doc: &Document) -> &crate::frames::Frames {
        self.frames
            .get_or_init(|| crate::frames::Frames::build(doc))
    }

    /// The numbered lists of `doc`, read once for the numbering and heading rules.
    pub fn lists(&self, doc: &Document) -> &NumberedLists {
        self.lists.get_or_init(|| NumberedLists {
            headings: doc.outline.sibling_lists(),
            run_ins: doc.outline.run_in_lists(doc.text),
        })
    }

    /// For each of `doc.outline.top_level()`, the index into
    /// `template.sections` of the section it satisfies (the first match in
    /// template order), if any: read once for the section rules and the
    /// document map.
    pub fn section_kinds(&self, doc: &Document) -> &[Option<usize>] {
        self.section_kinds.get_or_init(|| {
            let matcher = self.template.section_matcher();
            doc.outline
                .top_level()
                .into_iter()
                .map(|i| matcher.first_section(doc.slice(&doc.outline.headings[i].title)))
                .collect()
        })
    }
}

/// A rule's identity, declared once beside its code (`pub static INFO`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleInfo {
    /// Stable code, `family.name`: `numbers.conflict`.
    pub code: &'static str,
    /// The family the code starts with; it is the finding's `category`.
    pub family: Category,
    /// The severity of its findings unless the rule says otherwise for one.
    pub severity: Severity,
    /// One line, Chinese: what the rule finds.
    pub summary: &'static str,
    /// Why it matters and what to do, Chinese.
    pub explanation: &'static str,
    /// A passage that the rule flags.
    pub example: &'static str,
    /// A passage that looks alike and stays silent.
    pub near_miss: &'static str,
}

pub trait Rule: Send + Sync {
    /// The rule's registry entry.
    fn info(&self) -> &'static RuleInfo;
    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Diagnostic>);

    /// The rule's code: `numbers.conflict`.
    fn id(&self) -> &'static str {
        self.info().code
    }

    /// A finding of this rule at `span`, with its default severity.
    fn diagnostic(&self, span: Span, message: String) -> Diagnostic {
        let info = self.info();
        Diagnostic {
            rule: info.code,
            category: info.family,
            severity: info.severity,
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
    rules.extend(numbers::rules());
    rules.extend(data::rules());
    rules.extend(period::rules());
    rules.extend(text::rules());
    rules
}

/// The registry: every rule's [`RuleInfo`], in the order of [`all`].
pub fn registry() -> Vec<&'static RuleInfo> {
    all().iter().map(|r| r.info()).collect()
}

/// The registry entry for `code`, if a rule has it.
pub fn find(code: &str) -> Option<&'static RuleInfo> {
    registry().into_iter().find(|r| r.code == code)
}
