//! `text.parallel`: sibling headings that share a pattern while one breaks it —
//! （一）用心用力强化… （二）用心用力做实… （三）心用力打赢… （四）用心用力提升…:
//! the odd one lost a character.
//!
//! A pattern is a beginning (or ending) of at least three characters that every
//! sibling but one shares. The odd one is flagged only when its own beginning is
//! one edit away from the pattern — a slip, not a different heading: （三）推进…
//! beside 加强… 加强… is a free choice and stays silent.

use super::leads::sibling_leads;
use crate::document::Document;
use crate::report::{Applicability, Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};

pub struct Parallel;

pub static INFO: RuleInfo = RuleInfo {
    code: "text.parallel",
    family: Category::Text,
    severity: Severity::Warning,
    summary: "并列标题中有一项与其余格式不一（疑似漏字）",
    explanation: "同级标题共用一个开头或结尾（用心用力……），其中一项只差一个字，多半是漏字或错字。补上的字是据其他标题推测的，请撰写人确认。",
    example: "（一）用心用力强化……（二）用心用力做实……（三）心用力打赢……",
    near_miss: "（一）加强……（二）加强……（三）推进……",
};

const MIN_PATTERN: usize = 3;
const MAX_PATTERN: usize = 8;

/// Are `a` and `b` at most one insertion, deletion or substitution apart?
fn within_one_edit(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        short[prefix + 1.min(short.len() - prefix)..] == long[prefix + 1.min(long.len() - prefix)..]
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

/// `a == b`, compared inline: `==` on slices calls `memcmp`, which costs
/// more than the few characters of a pattern.
#[inline]
fn same_chars(a: &[char], b: &[char]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// Which end of the heading a pattern sits at.
#[derive(Clone, Copy)]
enum End {
    Start,
    Finish,
}

/// The `k` chars at `end` of `chars`, if it has that many.
fn take(chars: &[char], k: usize, end: End) -> Option<&[char]> {
    (chars.len() >= k).then(|| match end {
        End::Start => &chars[..k],
        End::Finish => &chars[chars.len() - k..],
    })
}

impl Rule for Parallel {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Diagnostic>) {
        for (list, leads) in sibling_leads(doc, ctx, 3) {
            let chars: Vec<Vec<char>> = leads
                .iter()
                .map(|l| doc.slice(&l.span).chars().collect())
                .collect();
            'ends: for end in [End::Start, End::Finish] {
                // The longest pattern first: 用心用力 rather than 用心用.
                for k in (MIN_PATTERN..=MAX_PATTERN).rev() {
                    // A pattern all siblings but one share is the first or the
                    // second sibling's: count just those two, in one pass each.
                    let shared = |p: &[char]| {
                        chars
                            .iter()
                            .filter(|c| take(c, k, end).is_some_and(|t| same_chars(t, p)))
                            .count()
                    };
                    let Some((pattern, n)) = chars[..2]
                        .iter()
                        .filter_map(|c| take(c, k, end))
                        .map(|p| (p, shared(p)))
                        .find(|&(_, n)| n + 1 == list.len() && n >= 2)
                    else {
                        continue;
                    };
                    let odd = chars
                        .iter()
                        .position(|c| !take(c, k, end).is_some_and(|t| same_chars(t, pattern)))
                        .expect("one lacks it");
                    // The odd one's own version of the pattern: one char shorter, as long, or longer.
                    let Some(written) = (k.saturating_sub(1)..=k + 1)
                        .filter(|&m| m > 0)
                        .filter_map(|m| take(&chars[odd], m, end))
                        .find(|w| within_one_edit(w, pattern))
                    else {
                        continue;
                    };
                    // 大力推进 / 大力推动 / 大力加强: the odd one keeps all but the
                    // pattern's inner edge (大力 of 大力推), where the words that
                    // vary begin — siblings whose next words start alike, not a
                    // dropped character. A character lost inside the fixed
                    // phrase (心用力 for 用心用力) is still one.
                    let inner_edge_lost = written.len() + 1 == k
                        && match end {
                            End::Start => same_chars(written, &pattern[..k - 1]),
                            End::Finish => same_chars(written, &pattern[1..]),
                        };
                    if inner_edge_lost {
                        continue;
                    }
                    let lead = &leads[odd].span;
                    let bytes: usize = written.iter().map(|c| c.len_utf8()).sum();
                    let span = match end {
                        End::Start => lead.start..lead.start + bytes,
                        End::Finish => lead.end - bytes..lead.end,
                    };
                    let pattern: String = pattern.iter().collect();
                    let written: String = written.iter().collect();
                    let place = match end {
                        End::Start => "开头",
                        End::Finish => "结尾",
                    };
                    let example = if odd == 0 { 1 } else { 0 };
                    out.push(
                        self.diagnostic(
                            span.clone(),
                            format!("并列的小标题句式不一致：同级其余{n}项都以“{pattern}”{place}，这一项写作“{written}”，可能漏字或错字。"),
                        )
                        .with_related(leads[example].span.clone(), format!("同级小标题（以“{pattern}”{place}）"))
                        .with_suggestion(span, pattern, Applicability::Unsafe),
                    );
                    break 'ends;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::within_one_edit;

    fn w(a: &str, b: &str) -> bool {
        within_one_edit(
            &a.chars().collect::<Vec<_>>(),
            &b.chars().collect::<Vec<_>>(),
        )
    }

    #[test]
    fn one_edit() {
        assert!(w("心用力", "用心用力"));
        assert!(w("用心用力", "用心力"));
        assert!(w("用新用力", "用心用力"));
        assert!(w("用心用力", "用心用力"));
        assert!(!w("推进工作", "用心用力"));
        assert!(!w("心力", "用心用力"));
        assert!(!w("用力用心", "用心用力"));
    }
}
