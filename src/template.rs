//! Expected-section templates: what a quarterly / half-year / annual summary
//! must contain. Built-in presets plus JSON templates from the caller.
//!
//! (Walking-skeleton version: the types. Issue #4 adds the presets and matching.)

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionSpec {
    /// Stable id: `results`, `methods`, `problems`, `plans` …
    pub id: String,
    /// Chinese label used in messages: 工作成效 …
    pub label: String,
    /// Heading patterns that satisfy the section (substrings of the heading text).
    pub patterns: Vec<String>,
    #[serde(default = "yes")]
    pub required: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub name: String,
    pub sections: Vec<SectionSpec>,
}

impl Template {
    /// The name a clerk reads in a message: presets in Chinese, a caller's own template as named.
    pub fn display_name(&self) -> &str {
        match self.name.as_str() {
            "quarterly" => "季度工作总结",
            "half-year" => "半年工作总结",
            "three-quarter" => "前三季度工作总结",
            "annual" => "年度工作总结",
            "summary-and-plan" => "工作总结及计划",
            other => other,
        }
    }
}

/// What the caller asks for: a preset by name, or a template of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateChoice {
    Name(String),
    Custom(Template),
}

// By hand, not `untagged`: a template object with a misspelt key gets the
// template's own error (“unknown field `sectons`”), not “no variant matched”.
impl<'de> Deserialize<'de> for TemplateChoice {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Choice;
        impl<'de> serde::de::Visitor<'de> for Choice {
            type Value = TemplateChoice;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a preset name or a template object")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<TemplateChoice, E> {
                Ok(TemplateChoice::Name(v.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<TemplateChoice, A::Error> {
                Template::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(TemplateChoice::Custom)
            }
        }
        d.deserialize_any(Choice)
    }
}

/// Names of the built-in presets.
pub const PRESET_NAMES: &[&str] = &[
    "quarterly",
    "half-year",
    "three-quarter",
    "annual",
    "summary-and-plan",
];

fn spec(id: &str, label: &str, patterns: &[&str], required: bool) -> SectionSpec {
    SectionSpec {
        id: id.into(),
        label: label.into(),
        patterns: patterns.iter().map(|p| p.to_string()).collect(),
        required,
    }
}

/// The sections of a work summary, matched by meaning: each lists the words
/// that headings for it use (工作开展情况 / 主要成效 / 工作回顾 … all report results).
fn summary_sections(plans_required: bool) -> Vec<SectionSpec> {
    vec![
        spec(
            "results",
            "工作成效/完成情况",
            &[
                "成效",
                "成绩",
                "成果",
                "完成情况",
                "开展情况",
                "工作情况",
                "进展情况",
                "主要工作",
                "工作回顾",
                "工作总结",
                "重点工作",
                "亮点",
                "取得",
                "进展",
                "落实情况",
                "基本情况",
                "工作开展",
            ],
            true,
        ),
        spec(
            "methods",
            "主要做法/经验",
            &["做法", "经验", "举措", "措施", "特色", "体会", "启示"],
            false,
        ),
        spec(
            "problems",
            "存在问题/不足",
            &["问题", "不足", "困难", "短板", "差距", "挑战", "薄弱"],
            true,
        ),
        spec(
            "plans",
            "下一步工作打算/计划",
            &[
                "打算",
                "计划",
                "思路",
                "安排",
                "下一步",
                "下步",
                "下半年",
                "明年",
                "工作要点",
                "展望",
                "目标任务",
                "重点任务",
            ],
            plans_required,
        ),
    ]
}

/// A built-in preset by name.
pub fn preset(name: &str) -> Option<Template> {
    let sections = match name {
        "quarterly" | "half-year" | "three-quarter" | "annual" => summary_sections(true),
        "summary-and-plan" => summary_sections(true),
        _ => return None,
    };
    Some(Template {
        name: name.to_string(),
        sections,
    })
}

/// Chooses a preset from the title: 一季度 → quarterly, 上半年 → half-year,
/// 前三季度 → three-quarter, 总结及…计划 → summary-and-plan, otherwise annual.
pub fn preset_for_title(title: &str) -> Template {
    let name = if title.contains("计划") || title.contains("要点") || title.contains("打算") {
        "summary-and-plan"
    } else if title.contains("前三季度") || title.contains("1-9月") || title.contains("1—9月")
    {
        "three-quarter"
    } else if title.contains("季度") {
        "quarterly"
    } else if title.contains("半年") {
        "half-year"
    } else {
        "annual"
    };
    preset(name).expect("built-in preset")
}

impl SectionSpec {
    /// Does a heading text satisfy this section?
    pub fn matches(&self, heading: &str) -> bool {
        self.patterns.iter().any(|p| heading.contains(p.as_str()))
    }
}

impl Template {
    /// A matcher that finds a heading's section in one pass over the heading,
    /// instead of one substring search per pattern.
    pub fn section_matcher(&self) -> SectionMatcher<'_> {
        let simple = self.sections.len() <= 64
            && self
                .sections
                .iter()
                .all(|s| s.patterns.iter().all(|p| !p.is_empty()));
        let mut masks: Vec<(&str, u64)> = Vec::new();
        if simple {
            for (i, section) in self.sections.iter().enumerate() {
                for p in &section.patterns {
                    match masks.iter_mut().find(|(w, _)| *w == p.as_str()) {
                        Some((_, m)) => *m |= 1 << i,
                        None => masks.push((p.as_str(), 1 << i)),
                    }
                }
            }
        }
        let words: Vec<&str> = masks.iter().map(|(w, _)| *w).collect();
        SectionMatcher {
            template: self,
            lexicon: simple.then(|| crate::text::Lexicon::new(&words)),
            masks,
        }
    }
}

/// See [`Template::section_matcher`].
pub struct SectionMatcher<'t> {
    template: &'t Template,
    /// All patterns (None when the template is too large or has an empty pattern:
    /// then each section is searched on its own).
    lexicon: Option<crate::text::Lexicon<'t>>,
    /// For each pattern, the sections (bits, template order) it belongs to.
    masks: Vec<(&'t str, u64)>,
}

impl SectionMatcher<'_> {
    /// The first section, in template order, that `heading` satisfies.
    pub fn first_section(&self, heading: &str) -> Option<usize> {
        let Some(lexicon) = &self.lexicon else {
            return self
                .template
                .sections
                .iter()
                .position(|s| s.matches(heading));
        };
        let mut found = 0u64;
        for (i, _) in heading.char_indices() {
            for word in lexicon.prefixes(&heading[i..]) {
                if let Some((_, m)) = self.masks.iter().find(|(w, _)| *w == word) {
                    found |= m;
                }
            }
        }
        (found != 0).then(|| found.trailing_zeros() as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_match_by_meaning() {
        let t = preset("annual").unwrap();
        let kind = |h: &str| {
            t.sections
                .iter()
                .find(|s| s.matches(h))
                .map(|s| s.id.as_str())
        };
        for h in [
            "工作开展情况",
            "主要成效",
            "工作成效",
            "完成情况",
            "工作回顾",
            "主要工作",
        ] {
            assert_eq!(kind(h), Some("results"), "{h}");
        }
        for h in ["存在问题", "存在的问题", "问题与不足", "困难和问题"] {
            assert_eq!(kind(h), Some("problems"), "{h}");
        }
        for h in [
            "下一步工作打算",
            "下步工作打算",
            "下半年工作计划",
            "2021年工作计划",
        ] {
            assert_eq!(kind(h), Some("plans"), "{h}");
        }
        assert_eq!(kind("主要做法"), Some("methods"));
    }

    #[test]
    fn one_pass_matcher_agrees_with_each_section_searched_alone() {
        // Headings that hit one section, several sections (the first in
        // template order wins), none, and patterns that overlap or repeat.
        let headings = [
            "工作开展情况",
            "存在问题及下一步工作打算",
            "主要做法和成效",
            "下半年工作计划",
            "加强领导，明确责任",
            "困难和问题",
            "",
            "2021年工作计划及存在的问题",
        ];
        for name in ["annual", "quarterly", "half-year", "summary-and-plan"] {
            let t = preset(name).unwrap();
            let matcher = t.section_matcher();
            for h in headings {
                assert_eq!(
                    matcher.first_section(h),
                    t.sections.iter().position(|s| s.matches(h)),
                    "{name}: {h}"
                );
            }
        }
        // An empty pattern (a custom template) matches every heading, as `contains` does.
        let mut t = preset("annual").unwrap();
        t.sections[1].patterns.push(String::new());
        assert_eq!(t.section_matcher().first_section("加强领导"), Some(1));
    }

    #[test]
    fn preset_from_title() {
        assert_eq!(
            preset_for_title("黄盖镇2018年一季度工作总结").name,
            "quarterly"
        );
        assert_eq!(
            preset_for_title("沱江镇2020年上半年工作总结").name,
            "half-year"
        );
        assert_eq!(
            preset_for_title("牛车湾村2021年工作总结及2022年工作计划").name,
            "summary-and-plan"
        );
        assert_eq!(preset_for_title("某局2021年工作总结").name, "annual");
        assert!(preset("no-such").is_none());
    }
}
