//! `text.formulation`: a standard official formulation shortened or garbled —
//! the guiding thought's name with a word dropped or added, the two 布局
//! swapped, the four 意识 or 自信 out of their fixed order, 第十九届全国代表大会
//! for 第十九次, and 十九大 written bare where the same draft writes 党的十九大.
//!
//! The built-in list is small and conservative: each wrong form is wrong
//! wherever it stands, and each canonical wording was checked against the
//! public source its entry names. What a quotation says (inside “”, 《》, 「」)
//! is never a finding, nor is a wrong form that is part of the canonical
//! wording itself (新时代中国特色社会主义思想 inside 习近平新时代中国特色社会主义思想).
//! The configuration adds the organisation's own entries (`wording.formulations`)
//! and can switch the built-in list off (`wording.defaultFormulations`).
//!
//! Only literal searches run over the text (no pattern engine for the built-in
//! list), so the check stays linear and cheap on a long paste in the page.

use crate::document::Document;
use crate::report::{Applicability, Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};
use crate::text::Span;
use std::cell::OnceCell;

pub struct Formulation;

pub static INFO: RuleInfo = RuleInfo {
    code: "text.formulation",
    family: Category::Text,
    severity: Severity::Warning,
    summary: "规范提法缺字、错字或顺序颠倒（指导思想名称、党代会名称、固定政治提法）",
    explanation: "党的指导思想、党代会名称和固定政治提法有规范写法，写错、写缺会被审稿人圈出。内置清单只收在任何场合都不对的写法，每条都核对过公开权威来源：指导思想名称多字或缺字（“习近平总书记新时代中国特色社会主义思想”“新时代中国特色社会主义思想”缺“习近平”）、“五位一体”总体布局与“四个全面”战略布局互换、“两个确立”中的“习近平同志”、“四个意识”“四个自信”的固定顺序、“第十九届全国代表大会”（应为“第十九次”）；文中已写“党的十九大”时，别处单写的“十九大”也应写全。引号、书名号内的引文和党代会主题原文不报。改为规范写法即可，确定无误的可一键采纳。单位可在配置文件的 wording.formulations 中增加本单位的规范提法，用 wording.defaultFormulations: false 关闭内置清单。",
    example: "统筹推进“五位一体”战略布局，协调推进“四个全面”战略布局",
    near_miss: "统筹推进“五位一体”总体布局，协调推进“四个全面”战略布局",
};

/// One entry of the built-in list: the canonical wording and the wrong forms
/// written for it.
struct Standard {
    canonical: &'static str,
    /// Wrong forms, literally.
    wrong: &'static [&'static str],
    /// Passages in which a wrong form is the right text after all (the 20th
    /// congress theme, quoted without quotation marks).
    allowed: &'static [&'static str],
    /// The replacement is certain (a safe fix), or a guess the writer confirms.
    sure: bool,
    /// Shown after the message.
    note: Option<&'static str>,
    /// Where the canonical wording was verified (a public page, as found).
    #[allow(dead_code)] // read by the tests: every entry cites its source
    source: &'static str,
}

const THOUGHT: &str = "习近平新时代中国特色社会主义思想";

/// What follows a congress counted in 届: 第十九届全国代表大会.
const SESSION_TAIL: &str = "届全国代表大会";

/// The built-in list. Every wrong form is wrong in any context.
const STANDARDS: &[Standard] = &[
    // 党章总纲 and every central document since October 2017 write the name in
    // full; the provincial page below quotes 生态环境部's 2024 work report.
    Standard {
        canonical: THOUGHT,
        wrong: &[
            "习近平总书记新时代中国特色社会主义思想",
            "习近平同志新时代中国特色社会主义思想",
            "习近平新时代特色社会主义思想",
            "习近平中国特色社会主义思想",
        ],
        allowed: &[],
        sure: true,
        note: Some("指导思想的正式名称"),
        source: "https://hbepb.hebei.gov.cn/hbhjt/xwzx/sbyw/101704416542604.html",
    },
    // The name without 习近平. Xi's own congress reports write it so, and the
    // theme of the 20th congress (全面贯彻新时代中国特色社会主义思想，弘扬伟大
    // 建党精神) is quoted as it stands: those passages are allowed, and the
    // fix is for the writer to confirm.
    Standard {
        canonical: THOUGHT,
        wrong: &["新时代中国特色社会主义思想"],
        allowed: &[
            "新时代中国特色社会主义思想，弘扬伟大建党精神",
            "新时代中国特色社会主义思想,弘扬伟大建党精神",
            "新时代中国特色社会主义思想和基本方略",
        ],
        sure: false,
        note: Some("指导思想名称缺了“习近平”；原文引用党代会报告或大会主题的除外"),
        // Xinhua's report of the 20th congress opening (theme and banner), as republished.
        source: "http://whdxet.com/eral/show/157",
    },
    Standard {
        canonical: "习近平生态文明思想",
        wrong: &["习近平总书记生态文明思想"],
        allowed: &[],
        sure: true,
        note: Some("正式名称中没有“总书记”"),
        source: "https://hbepb.hebei.gov.cn/hbhjt/xwzx/sbyw/101704416542604.html",
    },
    Standard {
        canonical: "习近平法治思想",
        wrong: &["习近平总书记法治思想"],
        allowed: &[],
        sure: true,
        note: Some("正式名称中没有“总书记”"),
        source: "https://workercn.cn/829/202011/18/201118080017362.shtml",
    },
    // 《中共中央关于党的百年奋斗重大成就和历史经验的决议》: 总体布局是五位一体，
    // 战略布局是四个全面 (quoted by 人民网-人民日报, republished below).
    Standard {
        canonical: "“五位一体”总体布局",
        wrong: &["“五位一体”战略布局"],
        allowed: &[],
        sure: true,
        note: Some("“五位一体”是总体布局，“四个全面”是战略布局"),
        source: "http://xsc.ztbu.edu.cn/2022_02/20_09/content-22843.html",
    },
    Standard {
        canonical: "五位一体总体布局",
        wrong: &["五位一体战略布局"],
        allowed: &[],
        sure: true,
        note: Some("“五位一体”是总体布局，“四个全面”是战略布局"),
        source: "http://xsc.ztbu.edu.cn/2022_02/20_09/content-22843.html",
    },
    Standard {
        canonical: "“四个全面”战略布局",
        wrong: &["“四个全面”总体布局"],
        allowed: &[],
        sure: true,
        note: Some("“五位一体”是总体布局，“四个全面”是战略布局"),
        source:
            "http://paper.people.com.cn/rmrb/html/2021-04/29/nw.D110000renmrb_20210429_2-08.htm",
    },
    Standard {
        canonical: "四个全面战略布局",
        wrong: &["四个全面总体布局"],
        allowed: &[],
        sure: true,
        note: Some("“五位一体”是总体布局，“四个全面”是战略布局"),
        source:
            "http://paper.people.com.cn/rmrb/html/2021-04/29/nw.D110000renmrb_20210429_2-08.htm",
    },
    // 两个确立, in the words of the 十九届六中全会 resolution (学习时报 via 中国网).
    Standard {
        canonical: "确立习近平同志党中央的核心",
        wrong: &["确立习近平总书记党中央的核心"],
        allowed: &[],
        sure: true,
        note: Some("“两个确立”写“习近平同志”，“两个维护”写“习近平总书记”"),
        source: "http://china.com.cn/opinion/theory/2021-11/23/content_77887609.htm",
    },
];

/// A fixed enumeration: its items written in another order are a slip.
struct Sequence {
    name: &'static str,
    items: &'static [&'static str],
    #[allow(dead_code)] // read by the tests: every entry cites its source
    source: &'static str,
}

const SEQUENCES: &[Sequence] = &[
    Sequence {
        name: "四个意识",
        items: &["政治意识", "大局意识", "核心意识", "看齐意识"],
        // China Keywords (中国外文局): 中共中央政治局会议首次公开提出增强政治意识、大局意识、核心意识、看齐意识.
        source: "http://japanese.china.org.cn/jp/china_key_words/2018-11/06/content_68113763.htm",
    },
    Sequence {
        name: "四个自信",
        items: &["道路自信", "理论自信", "制度自信", "文化自信"],
        // China Keywords (当代中国与世界研究院): 坚定道路自信、理论自信、制度自信、文化自信.
        source: "http://keywords.china.org.cn/m/2022-07/11/content_78317094.html",
    },
];

/// Separators between the items of an enumeration.
const ITEM_SEPARATORS: &[&str] = &["、", "，", ",", "和", "及", "与"];

/// The national congresses a draft of these years names by number.
const CONGRESSES: &[&str] = &[
    "十五大",
    "十六大",
    "十七大",
    "十八大",
    "十九大",
    "二十大",
    "二十一大",
];

/// Where every built-in needle (wrong form, sequence item, congress name, the
/// 届 tail) occurs in a text: one pass over it, not one per needle.
struct Needles<'t> {
    /// (start, needle), in text order.
    found: Vec<(usize, &'static str)>,
    text: &'t str,
}

impl<'t> Needles<'t> {
    fn scan(text: &'t str) -> Self {
        let needles = STANDARDS
            .iter()
            .flat_map(|s| s.wrong.iter())
            .chain(SEQUENCES.iter().flat_map(|s| s.items.iter()))
            .chain(CONGRESSES.iter())
            .chain(std::iter::once(&SESSION_TAIL));
        // A vectorised substring search per needle: a few dozen passes that
        // skip most of the text a block at a time cost less than decoding it.
        let mut found = Vec::new();
        for &w in needles {
            found.extend(crate::text::find_all(text, w).map(|i| (i, w)));
        }
        crate::text::sort_stable_by(&mut found, |a, b| a.0.cmp(&b.0));
        Needles { found, text }
    }

    /// The starts of `needle`, in text order.
    fn of(&self, needle: &'static str) -> impl Iterator<Item = (usize, &'t str)> + '_ {
        self.found
            .iter()
            .filter(move |(_, w)| *w == needle)
            .map(|&(i, w)| (i, &self.text[i..i + w.len()]))
    }
}

/// What marks a congress name as the full form: 党的十九大, 中共十九大.
const CONGRESS_PREFIXES: &[&str] = &["党的", "中共"];

/// What follows a congress name (精神, 报告, 以来 …): a bare 十九大 followed by
/// anything else may be nineteen of something (十九大类), and is left alone.
const CONGRESS_FOLLOWERS: &[&str] = &[
    "精神", "报告", "代表", "以来", "召开", "胜利", "开幕", "闭幕", "提出", "作出", "明确", "强调",
    "部署", "期间", "和十", "和二", "及十", "及二", "、十", "、二", "以及",
];

/// Connectors of a list of congresses (党的十八大、十九大): the later ones share
/// the first one's 党的.
const CONGRESS_CONNECTORS: &[&str] = &["、", "和", "及", "与", "以及"];

/// Chinese numerals: a congress name right after one is part of a longer number.
const NUMERALS: &str = "〇零一二三四五六七八九十百千两第";

/// The quotations of a document (“…”, 《…》, 「…」, 『…』, ‘…’ within a
/// paragraph): what a quote or a title says is its author's wording. Read on
/// first use, once, so a paste with a wrong form in every sentence stays linear.
struct Quotations<'d> {
    doc: &'d Document<'d>,
    /// The insides of the outermost quotations, in text order (disjoint).
    insides: OnceCell<Vec<Span>>,
}

impl<'d> Quotations<'d> {
    fn new(doc: &'d Document<'d>) -> Self {
        Quotations {
            doc,
            insides: OnceCell::new(),
        }
    }

    fn read(doc: &Document) -> Vec<Span> {
        const OPENERS: [char; 5] = ['“', '《', '「', '『', '‘'];
        const CLOSERS: [char; 5] = ['”', '》', '」', '』', '’'];
        let mut insides = Vec::new();
        for p in 0..doc.paragraphs.len() {
            // Where the inside of each open quotation starts, outermost first,
            // and per kind the indices of its open ones: a closer closes the
            // innermost of its kind and whatever opened inside it, and each
            // opening is dropped once, so the walk stays linear.
            let mut open: Vec<usize> = Vec::new();
            let mut by_kind: [Vec<usize>; 5] = Default::default();
            for &(pos, c) in doc.paragraph_marks(p) {
                if let Some(j) = OPENERS.iter().position(|&o| o == c) {
                    by_kind[j].push(open.len());
                    open.push(pos + c.len_utf8());
                } else if let Some(j) = CLOSERS.iter().position(|&cl| cl == c) {
                    let Some(k) = by_kind[j].pop() else { continue };
                    if k == 0 {
                        insides.push(open[0]..pos);
                    }
                    open.truncate(k);
                    for kind in &mut by_kind {
                        while kind.last().is_some_and(|&x| x >= k) {
                            kind.pop();
                        }
                    }
                }
            }
        }
        insides
    }

    /// Whether `span` lies inside a quotation.
    fn cover(&self, span: &Span) -> bool {
        let insides = self.insides.get_or_init(|| Self::read(self.doc));
        let i = insides.partition_point(|q| q.start <= span.start);
        i > 0 && insides[i - 1].end >= span.end
    }
}

/// Whether `span` is part of an occurrence of `container` in the text.
fn inside(text: &str, span: &Span, container: &str) -> bool {
    let found = &text[span.clone()];
    container.match_indices(found).any(|(k, _)| {
        span.start
            .checked_sub(k)
            .and_then(|a| text.get(a..a + container.len()))
            == Some(container)
    })
}

/// A wrong form found, with what its entry says about it.
struct Found<'a> {
    span: Span,
    /// Found by a literal search (or a pattern without regex syntax).
    literal: bool,
    canonical: &'a str,
    allowed: &'a [&'a str],
    sure: bool,
    note: Option<&'a str>,
}

/// The finds no other one contains: a long wrong form and a short one inside
/// it (习近平总书记新时代…思想, 新时代…思想) are one slip.
fn outermost(mut found: Vec<Found>) -> Vec<Found> {
    crate::text::sort_stable_by(&mut found, |a, b| {
        (a.span.start, std::cmp::Reverse(a.span.end))
            .cmp(&(b.span.start, std::cmp::Reverse(b.span.end)))
    });
    let mut kept: Vec<Found> = Vec::new();
    for f in found {
        if kept.last().is_some_and(|k| k.span.end >= f.span.end) {
            continue;
        }
        kept.push(f);
    }
    kept
}

impl Formulation {
    /// A finding for each wrong form found, unless it is part of its canonical
    /// wording or of an allowed passage, or quoted.
    fn flag_wrong(
        &self,
        doc: &Document,
        quotes: &Quotations,
        found: Vec<Found>,
        out: &mut Vec<Diagnostic>,
    ) {
        let text = doc.text;
        for f in outermost(found) {
            let span = f.span;
            if inside(text, &span, f.canonical)
                || f.allowed.iter().any(|a| inside(text, &span, a))
                || quotes.cover(&span)
            {
                continue;
            }
            let written = &text[span.clone()];
            let canonical = f.canonical;
            let mut message = format!("“{written}”不是规范提法，应为“{canonical}”");
            if let Some(note) = f.note {
                message.push_str(&format!("（{note}）"));
            }
            let applicability = if f.sure && f.literal {
                Applicability::Safe
            } else {
                Applicability::Unsafe
            };
            out.push(self.diagnostic(span.clone(), message).with_suggestion(
                span,
                canonical.to_string(),
                applicability,
            ));
        }
    }

    /// A fixed enumeration written in another order: 理论自信、道路自信、….
    fn sequence(
        &self,
        doc: &Document,
        quotes: &Quotations,
        seq: &Sequence,
        needles: &Needles,
        out: &mut Vec<Diagnostic>,
    ) {
        let text = doc.text;
        let n = seq.items.len();
        // Occurrences of the items: (start, end, item).
        let mut occ: Vec<(usize, usize, usize)> = Vec::new();
        for (k, item) in seq.items.iter().enumerate() {
            occ.extend(needles.of(item).map(|(i, m)| (i, i + m.len(), k)));
        }
        if occ.len() < n {
            return;
        }
        crate::text::sort_stable_by(&mut occ, |a, b| a.cmp(b));
        let mut i = 0;
        while i < occ.len() {
            // The run of items joined by separators from occ[i].
            let mut j = i + 1;
            while j < occ.len()
                && occ[j].0 >= occ[j - 1].1
                && ITEM_SEPARATORS.contains(&&text[occ[j - 1].1..occ[j].0])
            {
                j += 1;
            }
            let run = &occ[i..j];
            i = j;
            let seen = run.iter().fold(0u32, |m, o| m | 1 << o.2);
            let in_order = run.iter().enumerate().all(|(k, o)| o.2 == k);
            if run.len() != n || seen != (1 << n) - 1 || in_order {
                continue;
            }
            let span = run[0].0..run[n - 1].1;
            if quotes.cover(&span) {
                continue;
            }
            // The canonical order, with the separators as written.
            let mut fixed = String::new();
            for (k, item) in seq.items.iter().enumerate() {
                fixed.push_str(item);
                if k + 1 < n {
                    fixed.push_str(&text[run[k].1..run[k + 1].0]);
                }
            }
            let message = format!(
                "“{}”的顺序是固定的，应为“{}”",
                seq.name,
                seq.items.join("、")
            );
            out.push(self.diagnostic(span.clone(), message).with_suggestion(
                span,
                fixed,
                Applicability::Safe,
            ));
        }
    }

    /// 中国共产党第十九届全国代表大会: a congress is the 19th 次; 届 numbers
    /// the central committee it elects.
    fn congress_session(
        &self,
        doc: &Document,
        quotes: &Quotations,
        needles: &Needles,
        out: &mut Vec<Diagnostic>,
    ) {
        const TAIL: &str = SESSION_TAIL;
        let text = doc.text;
        for (i, _) in needles.of(TAIL) {
            let head = &text[..i];
            let digits: usize = head
                .chars()
                .rev()
                .take_while(|c| "一二三四五六七八九十".contains(*c))
                .take(4)
                .map(char::len_utf8)
                .sum();
            let Some(ordinal) = head[..head.len() - digits].strip_suffix('第') else {
                continue;
            };
            if digits == 0
                || !["中国共产党", "党的", "中共"]
                    .iter()
                    .any(|p| ordinal.ends_with(p))
            {
                continue;
            }
            let span = ordinal.len()..i + TAIL.len();
            if quotes.cover(&span) {
                continue;
            }
            let fixed = format!("{}次全国代表大会", &text[ordinal.len()..i]);
            out.push(
                self.diagnostic(
                    span.clone(),
                    format!(
                        "党的全国代表大会按“次”计（“{fixed}”），“届”用于中央委员会（十九届中央委员会）"
                    ),
                )
                .with_suggestion(span, fixed, Applicability::Safe),
            );
        }
    }

    /// 十九大 written bare where the draft also writes 党的十九大 (or 中共十九大):
    /// the draft's own house style is the full form. A list shares its first
    /// name's 党的 (党的十八大、十九大).
    fn bare_congress(
        &self,
        doc: &Document,
        quotes: &Quotations,
        needles: &Needles,
        out: &mut Vec<Diagnostic>,
    ) {
        let text = doc.text;
        // (span, prefix if written in full), every congress named.
        let mut named: Vec<(Span, Option<&str>)> = Vec::new();
        for name in CONGRESSES {
            for (i, m) in needles.of(name) {
                let head = &text[..i];
                if head
                    .chars()
                    .next_back()
                    .is_some_and(|c| NUMERALS.contains(c) || c.is_ascii_digit() || c == '党')
                {
                    continue;
                }
                let prefix = CONGRESS_PREFIXES.iter().find(|p| head.ends_with(*p));
                named.push((i..i + m.len(), prefix.copied()));
            }
        }
        crate::text::sort_stable_by(&mut named, |a, b| a.0.start.cmp(&b.0.start));
        let Some((full_at, prefix)) = named.iter().find_map(|(s, p)| p.map(|p| (s.clone(), p)))
        else {
            return;
        };
        // Names never overlap: their ends are in the order of their starts.
        let ends: Vec<usize> = named.iter().map(|(s, _)| s.end).collect();
        let ends_a_name = |end: usize| ends.binary_search(&end).is_ok();
        for (span, p) in &named {
            if p.is_some() {
                continue;
            }
            let after = &text[span.end..];
            if !CONGRESS_FOLLOWERS.iter().any(|f| after.starts_with(f)) {
                continue;
            }
            let head = &text[..span.start];
            let listed = CONGRESS_CONNECTORS
                .iter()
                .any(|c| head.strip_suffix(c).is_some_and(|h| ends_a_name(h.len())));
            if listed || quotes.cover(span) {
                continue;
            }
            let bare = &text[span.clone()];
            let full = &text[full_at.start - prefix.len()..full_at.end];
            out.push(
                self.diagnostic(
                    span.clone(),
                    format!("文中已写“{full}”，这里的“{bare}”也应写全为“{prefix}{bare}”，前后一致"),
                )
                .with_related(full_at.start - prefix.len()..full_at.end, "全称写法在此")
                .with_suggestion(
                    span.clone(),
                    format!("{prefix}{bare}"),
                    Applicability::Safe,
                ),
            );
        }
    }
}

impl Rule for Formulation {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Diagnostic>) {
        let text = doc.text;
        let quotes = Quotations::new(doc);
        if ctx.wording.default_formulations {
            let needles = Needles::scan(text);
            let found: Vec<Found> = STANDARDS
                .iter()
                .flat_map(|s| {
                    let needles = &needles;
                    s.wrong.iter().flat_map(move |w| {
                        needles.of(w).map(move |(i, m)| Found {
                            span: i..i + m.len(),
                            literal: true,
                            canonical: s.canonical,
                            allowed: s.allowed,
                            sure: s.sure,
                            note: s.note,
                        })
                    })
                })
                .collect();
            self.flag_wrong(doc, &quotes, found, out);
            for seq in SEQUENCES {
                self.sequence(doc, &quotes, seq, &needles, out);
            }
            self.congress_session(doc, &quotes, &needles, out);
            self.bare_congress(doc, &quotes, &needles, out);
        }
        for f in &ctx.wording.formulations {
            let found: Vec<Found> = f
                .wrong
                .iter()
                .flat_map(|p| {
                    let literal = p.is_literal();
                    p.find_iter(text)
                        .filter(|(s, e)| s < e)
                        .map(move |(s, e)| Found {
                            span: s..e,
                            literal,
                            canonical: &f.canonical,
                            allowed: &[],
                            sure: true,
                            note: f.note.as_deref(),
                        })
                })
                .collect();
            self.flag_wrong(doc, &quotes, found, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_cites_a_public_page() {
        let sources = STANDARDS
            .iter()
            .map(|s| s.source)
            .chain(SEQUENCES.iter().map(|s| s.source));
        for source in sources {
            assert!(source.starts_with("http"), "{source}");
        }
    }

    #[test]
    fn no_wrong_form_is_its_own_canonical_wording() {
        for s in STANDARDS {
            for w in s.wrong {
                assert_ne!(*w, s.canonical);
                assert!(!s.canonical.is_empty() && !w.is_empty());
            }
        }
    }
}
