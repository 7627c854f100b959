//! `text.wording`: a phrasing the organisation's word list forbids or calls
//! outdated (`forbidden` in the configuration), with the preferred form as the
//! replacement when the list gives one. Silent without a word list.

use crate::document::Document;
use crate::report::{Applicability, Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};

pub struct Wording;

pub static INFO: RuleInfo = RuleInfo {
    code: "text.wording",
    family: Category::Text,
    severity: Severity::Warning,
    summary: "本单位词表中禁用或已过时的提法",
    explanation: "单位可在配置文件的 wording.forbidden 中列出禁用或已过时的提法（正则表达式）及应改用的说法。文中出现这些提法时提示改写，给出规定的说法。没有配置词表时本规则不提示。",
    example: r#"（配置 {"pattern": "精准扶贫", "preferred": "巩固拓展脱贫攻坚成果"}）全年持续推进精准扶贫工作"#,
    near_miss: r#"（同一配置）全年持续巩固拓展脱贫攻坚成果"#,
};

impl Rule for Wording {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Diagnostic>) {
        for entry in &ctx.wording.forbidden {
            for (start, end) in entry.pattern.find_iter(doc.text) {
                if start == end {
                    continue;
                }
                let found = &doc.text[start..end];
                let mut message = match &entry.preferred {
                    Some(p) => format!("“{found}”是本单位规定不再使用的提法，应改为“{p}”"),
                    None => format!("“{found}”是本单位规定不使用的提法，请改写"),
                };
                if let Some(note) = &entry.note {
                    message.push_str(&format!("（{note}）"));
                }
                let mut d = self.diagnostic(start..end, message);
                if let Some(p) = &entry.preferred {
                    // A literal phrasing's preferred form is the organisation's
                    // own rule; a pattern may have matched more than was meant.
                    let sure = if entry.pattern.is_literal() {
                        Applicability::Safe
                    } else {
                        Applicability::Unsafe
                    };
                    d = d.with_suggestion(start..end, p.clone(), sure);
                }
                out.push(d);
            }
        }
    }
}
