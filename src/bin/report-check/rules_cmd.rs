//! `report-check rules [--format text|json|markdown]`: the rule registry, as
//! text for a reader, as JSON (`{"rules": [...]}`, the shape `rules()` gives
//! in JS), or as the Markdown table the README carries.

use report_checker::rules::{registry, RuleInfo};
use std::io::Write;
use std::process::ExitCode;

pub fn run(args: &[String]) -> ExitCode {
    let format = match args {
        [] => "text",
        [flag, f] if flag == "--format" && matches!(f.as_str(), "text" | "json" | "markdown") => f,
        _ => {
            eprintln!("report-check rules: 用法 report-check rules [--format text|json|markdown]");
            return ExitCode::from(2);
        }
    };
    let rules = registry();
    let out = match format {
        "json" => {
            // A struct, not json!(): the fields keep the registry's order.
            #[derive(serde::Serialize)]
            struct Listing<'a> {
                rules: &'a [&'a RuleInfo],
            }
            let mut s = serde_json::to_string_pretty(&Listing { rules: &rules })
                .expect("the registry serialises");
            s.push('\n');
            s
        }
        "markdown" => markdown_table(&rules),
        _ => text(&rules),
    };
    // A closed pipe (| head) is not an error.
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    ExitCode::SUCCESS
}

fn text(rules: &[&RuleInfo]) -> String {
    let mut s = String::new();
    for r in rules {
        s.push_str(&format!(
            "{} [{}] {}\n  {}\n  例：{}\n  不报：{}\n\n",
            r.code,
            r.severity.as_str(),
            r.summary,
            r.explanation,
            r.example,
            r.near_miss
        ));
    }
    s.push_str(&format!("共 {} 条规则。\n", rules.len()));
    s
}

/// The README's rule table: one row per code, in registry order.
pub fn markdown_table(rules: &[&RuleInfo]) -> String {
    let mut s = String::from("| code | family | severity | 检查什么 |\n|---|---|---|---|\n");
    for r in rules {
        s.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            r.code,
            r.family.as_str(),
            r.severity.as_str(),
            r.summary
        ));
    }
    s
}
