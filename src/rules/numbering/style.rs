//! `numbering.style`: one sibling numbered in another style — 1、 amid 1.,
//! or a first item 1. followed by 二、三、 at the same place in the outline.

use crate::document::Document;
use crate::outline::NumberStyle;
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};

pub struct Style;

pub static INFO: RuleInfo = RuleInfo {
    code: "numbering.style",
    family: Category::Numbering,
    severity: Severity::Warning,
    summary: "同级序号体例不一致（1. 与 1、 混用）",
    explanation: "同一级序号应用同一种写法：“1.”“2.”或“1、”“2、”不能混用；第一项写“1.”、后面接“二、”也是体例不一。请统一为同一种。",
    example: "1.加强宣传……2、完善台账……",
    near_miss: "1.加强宣传……2.完善台账……",
};

impl Rule for Style {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        let hs = &doc.outline.headings;
        for w in hs.windows(2) {
            let (a, b) = (&w[0], &w[1]);
            // 1. then 2、 (or the reverse): same level, consecutive numbers, other punctuation.
            let arabic =
                |s: NumberStyle| matches!(s, NumberStyle::ArabicDot | NumberStyle::ArabicComma);
            let mixed_arabic = arabic(a.style)
                && arabic(b.style)
                && a.style != b.style
                && b.number == a.number + 1;
            // 1. then 二、: the list continues its count in another style.
            let arabic_then_han = arabic(a.style)
                && b.style == NumberStyle::HanComma
                && b.number == a.number + 1
                && a.number == 1;
            if mixed_arabic || arabic_then_han {
                let want = a.style.marker(b.number);
                out.push(
                    self.diagnostic(
                        b.marker.clone(),
                        format!(
                            "同一级序号体例不一致：上一项用“{}”，这里用“{}”，应统一为“{want}”。",
                            doc.slice(&a.marker),
                            doc.slice(&b.marker)
                        ),
                    )
                    .with_related(a.marker.clone(), "同级的上一项"),
                );
            }
        }
    }
}
