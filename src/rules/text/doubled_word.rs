//! `text.doubled-word`: a word written twice in a row by an editing slip —
//! 在区委区委的正确领导下, 市政府政府常务会议.
//!
//! Chinese doubles words on purpose (天天, 家家户户, 研究研究, 一个一个), so the
//! rule is narrow: a two-character word doubled only when it names an
//! institution or place (its last character is 委, 府, 局, 区 …: nouns, which do
//! not reduplicate), and any three- or four-character unit doubled. Text
//! between marks is Han or ASCII only, so a Han character is three bytes and
//! the copies are compared as bytes.

use crate::document::Document;
use crate::report::{Applicability, Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};

pub struct DoubledWord;

pub static INFO: RuleInfo = RuleInfo {
    code: "text.doubled-word",
    family: Category::Text,
    severity: Severity::Warning,
    summary: "词语误重复（区委区委、政府政府）",
    explanation: "修改稿件时复制粘贴，常留下连写两遍的词（“在区委区委的正确领导下”）。叠词（天天、家家户户、研究研究、一个一个）是正常用法，不报。删去重复的一遍即可，可一键采纳。",
    example: "在区委区委的正确领导下",
    near_miss: "家家户户都参加了研究研究再定的讨论",
};

/// Last characters of institution and place names: a two-character word
/// ending in one of these, doubled, is a slip (区委区委, 政府政府, 社区社区).
const INSTITUTION_ENDINGS: &str = "委府局部办厅院会所站队组室处科镇乡县市区省村校司社团馆";

/// First characters of measure phrases that double on purpose (一个一个, 每天每天).
const COUNTING_STARTS: &str = "一二两三几每各逐";

/// Bytes of a Han character inside a run between marks.
const HAN: usize = 3;

impl Rule for DoubledWord {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        for (pi, p) in doc.paragraphs.iter().enumerate() {
            let mut start = p.span.start;
            let marks = doc.paragraph_marks(pi).iter();
            let ends = marks.map(|&(at, c)| (at, at + c.len_utf8()));
            for (run_end, next_start) in ends.chain(std::iter::once((p.span.end, p.span.end))) {
                self.check_run(doc, start..run_end, out);
                start = next_start;
            }
        }
    }
}

impl DoubledWord {
    /// A run of Han and ASCII between two marks.
    fn check_run(&self, doc: &Document, run: std::ops::Range<usize>, out: &mut Vec<Diagnostic>) {
        // The shortest doubling is four Han characters.
        if run.len() < 4 * HAN {
            return;
        }
        let b = doc.text.as_bytes();
        let mut i = run.start;
        while i + 4 * HAN <= run.end {
            if b[i] < 0x80 {
                i += 1;
                continue;
            }
            match (2..=4).rev().find(|&n| doubled_at(b, i, n, run.end)) {
                Some(n) => {
                    let unit = i..i + n * HAN;
                    let word = doc.slice(&unit);
                    out.push(
                        self.diagnostic(
                            i..i + 2 * n * HAN,
                            format!("“{word}”重复写了两遍，请删去一个。"),
                        )
                        .with_suggestion(
                            unit.end..unit.end + n * HAN,
                            "",
                            Applicability::Safe,
                        ),
                    );
                    i += 2 * n * HAN;
                }
                None => i += HAN,
            }
        }
    }
}

/// Are the `n` Han characters at `i` written again right after, as a slip?
fn doubled_at(b: &[u8], i: usize, n: usize, end: usize) -> bool {
    let len = n * HAN;
    // The first character's bytes first: almost every position fails there.
    if i + 2 * len > end
        || b[i..i + HAN] != b[i + len..i + len + HAN]
        || b[i..i + len] != b[i + len..i + 2 * len]
        || b[i..i + 2 * len].iter().any(|&x| x < 0x80)
    {
        return false;
    }
    let unit = std::str::from_utf8(&b[i..i + len]).unwrap_or("");
    let mut chars = unit.chars();
    let first = chars.next().unwrap_or(' ');
    let last = unit.chars().next_back().unwrap_or(' ');
    if COUNTING_STARTS.contains(first) || unit.chars().all(|c| c == first) {
        return false;
    }
    n > 2 || INSTITUTION_ENDINGS.contains(last)
}
