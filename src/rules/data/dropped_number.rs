//! `data.dropped-number`: a measure word whose number was never typed —
//! 等个项目, 每周开次, 全年启动个项目, 下辖个行政村, 面积约平方米, 共计万元, 完成户.
//!
//! Grammar, not phrases: a word that must be followed by a number (等, 共, 约,
//! 达, 完成, 开, 召开, 启动, 下辖, 拆除 …) stands directly before a measure
//! word or unit, and the measure word is not the first half of a compound
//! (个人, 项目, 人员, 次要 …). A noun of counting (人数, 天数) or a word of
//! totalling (共, 累计) right before its measure closing the clause has lost
//! the figure between (报到人数人。登记共人。).

use crate::document::Document;
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};
use crate::text::{is_han, Lexicon, Span};

pub struct DroppedNumber;

pub static INFO: RuleInfo = RuleInfo {
    code: "data.dropped-number",
    family: Category::Data,
    severity: Severity::Error,
    summary: "漏写数字（等个项目、每周开次）",
    explanation:
        "量词前的数字被漏掉（“启动个项目”“每周开次”），句子读不通，数据也缺了。请补上数字。",
    example: "全年启动个项目",
    near_miss: "全年启动个人信用体系建设",
};

/// Words after which Chinese grammar needs a number before a measure word.
const NUMBER_SLOTS: &[&str] = &[
    "等",
    "共",
    "共计",
    "合计",
    "总计",
    "累计",
    "计",
    "约",
    "达",
    "达到",
    "完成",
    "开",
    "召开",
    "举办",
    "开展",
    "组织",
    "启动",
    "下辖",
    "拆除",
    "新增",
    "新建",
    "建成",
    "发放",
    "投入",
    "培训",
    "排查",
    "受理",
    "接待",
    "办理",
    "走访",
    "慰问",
    "救助",
    "查处",
    "立案",
    "整改",
    "出动",
    "参加",
    "惠及",
    "覆盖",
    "流转",
    "种植",
    "栽种",
    "硬化",
    "修建",
    "改造",
    "引进",
    "签约",
    "评选出",
    "选出",
    "落实",
    "解决",
    "化解",
    "调处",
    "清理",
    "整治",
    "拨付",
    "筹集",
    "争取",
    "收缴",
    "帮助",
    "安置",
    "征收",
    "面积",
    "总数",
    "占地",
    "先后",
    "制定",
    "落户",
    "结转",
    "达到了",
];

/// Measure words and units a number must come before. Longest first.
const MEASURES: &[&str] = &[
    "平方公里",
    "平方米",
    "立方米",
    "万元",
    "亿元",
    "人次",
    "公里",
    "万",
    "个",
    "次",
    "项",
    "名",
    "户",
    "家",
    "所",
    "条",
    "件",
    "起",
    "处",
    "场",
    "批",
    "座",
    "栋",
    "台",
    "辆",
    "份",
    "篇",
    "张",
    "宗",
    "亩",
    "吨",
    "类",
    "种",
    "轮",
    "套",
    "株",
    "元",
    "位",
    "期",
    "支",
];

/// Slot word + measure word that form a word of their own: 开支 (expenses),
/// 开户, 等次 (grade), 开张, 计件 …
const SLOT_MEASURE_WORDS: &[&str] = &[
    "开支",
    "开户",
    "开张",
    "开篇",
    "开场",
    "开期",
    "开元",
    "开台",
    "开家",
    "等次",
    "等级",
    // 住房等项改革: 等项 is a word (“and the other items”).
    "等项",
    "计件",
    "计次",
    "达人",
    "共处",
    "约元",
    "完成类",
    "新建类",
    "组织类",
    "开展类",
];

/// Compounds that begin with a measure-word character: after 等 or 完成 these
/// are ordinary words (等个人信息, 完成项目建设, 开展次要工作).
const COMPOUNDS: &[&str] = &[
    "个人",
    "个体",
    "个别",
    "个性",
    "个案",
    "项目",
    "名单",
    "名称",
    "名义",
    "名额",
    "名录",
    "名牌",
    "名片",
    "名优",
    "名师",
    "名校",
    "户籍",
    "户外",
    "户口",
    "户主",
    "户厕",
    "户用",
    "家庭",
    "家长",
    "家园",
    "家乡",
    "家风",
    "家政",
    "家属",
    "家人",
    "家门",
    "所有",
    "所属",
    "所在",
    "所得",
    "所以",
    "所需",
    "条件",
    "条例",
    "条款",
    "条线",
    "件事",
    "起来",
    "起步",
    "起草",
    "起点",
    "处理",
    "处置",
    "处罚",
    "处分",
    "处室",
    "处级",
    "场所",
    "场地",
    "场景",
    "场馆",
    "批准",
    "批示",
    "批复",
    "座谈",
    "台账",
    "台风",
    "台阶",
    "份额",
    "篇章",
    "张贴",
    "宗旨",
    "宗教",
    "类型",
    "类别",
    "种植",
    "种类",
    "种养",
    "种子",
    "种业",
    "元旦",
    "位置",
    "位于",
    "期间",
    "期限",
    "期刊",
    "期末",
    "期望",
    "支持",
    "支部",
    "支委",
    "支书",
    "支队伍",
    "支出",
    "支付",
    "支撑",
    "支援",
    "支队",
    "次数",
    "次序",
    "次要",
    "次年",
    "个数",
    "户数",
    "人数",
    "件数",
    "项数",
    "套餐",
    "轮流",
    "轮训",
    "轮岗",
    "轮换",
    "万众",
    "万吨级",
    "万元级",
    "万亩",
    "万家",
    "万物",
    "亩产",
    "吨位",
    "次日",
    "名列",
    "项工作",
    "期工程",
    "株洲",
    "所长",
    "处长",
    "家底",
    "家访",
    // Size classes: 亿元项目, 引进亿元以上重大项目.
    "亿元项目",
    "亿元以上",
    "亿元级",
    "万元以上",
];

struct Lexicons {
    slots: Lexicon<'static>,
    measures: Lexicon<'static>,
    compounds: Lexicon<'static>,
    slot_measure_words: Lexicon<'static>,
}

fn lexicons() -> &'static Lexicons {
    static L: std::sync::OnceLock<Lexicons> = std::sync::OnceLock::new();
    L.get_or_init(|| Lexicons {
        slots: Lexicon::new(NUMBER_SLOTS),
        measures: Lexicon::new(MEASURES),
        compounds: Lexicon::new(COMPOUNDS),
        slot_measure_words: Lexicon::new(SLOT_MEASURE_WORDS),
    })
}

impl Rule for DroppedNumber {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        let mut found = Vec::new();
        slot_words(doc, &mut found);
        count_nouns(doc, &mut found);
        lost_in_lists(doc, &mut found);
        // One finding where forms overlap (个百分点 is a unit before a
        // classifier): by start, then by the order of the forms.
        crate::text::sort_stable_by(&mut found, |a, b| {
            (a.span.start, a.form.rank()).cmp(&(b.span.start, b.form.rank()))
        });
        let mut last_end = 0;
        for lost in found {
            if lost.span.start < last_end {
                continue;
            }
            last_end = lost.span.end;
            out.push(self.diagnostic(lost.span, lost.form.message()));
        }
    }
}

/// A number lost before a measure word, in one of its forms.
struct Lost {
    span: Span,
    form: Form,
}

enum Form {
    /// 等个项目: a word that needs a number, then the measure word.
    AfterSlot {
        slot: &'static str,
        measure: &'static str,
    },
    /// 母羊45只、母猪头: a list item whose siblings carry figures.
    ListItem(&'static str),
    /// 同比增长%: a unit only ever written after a number.
    Unit(&'static str),
    /// 辖7个镇、个乡: a classifier no word can count.
    Classifier(&'static str),
}

impl Form {
    fn rank(&self) -> u8 {
        match self {
            Form::AfterSlot { .. } => 0,
            Form::Unit(_) => 1,
            Form::ListItem(_) => 2,
            Form::Classifier(_) => 3,
        }
    }

    fn message(&self) -> String {
        let (measure, advice) = match self {
            Form::AfterSlot { slot, measure } => {
                return format!(
                    "“{slot}”与“{measure}”之间缺少数字，请补上具体数量（如“{slot}N{measure}”）。"
                )
            }
            Form::ListItem(m) => (m, "同一句的其他各项都写了数量，这一项漏填了，请补上"),
            Form::Unit(m) => (m, "请补上具体数值"),
            Form::Classifier(m) => (m, "量词前没有数词，请补上具体数量"),
        };
        format!("“{measure}”前缺少数字：{advice}（如“N{measure}”）。")
    }
}

/// 等个项目, 每周开次, 全年启动个项目: a slot word right before a measure word.
fn slot_words(doc: &Document, found: &mut Vec<Lost>) {
    let lex = lexicons();
    for p in &doc.paragraphs {
        let s = doc.slice(&p.span);
        // Where the last slot word matched ends, so 召开 is not read again as 开.
        let mut covered = 0;
        // Every slot word starts with a common Han character (a test
        // holds the list to that): the rest of the text is stepped over.
        for (i, c) in crate::text::han_block_char_indices(s) {
            // The bitset test first: it rejects almost every character.
            if !lex.slots.may_start(c) || i < covered {
                continue;
            }
            let rest = &s[i..];
            let Some(slot) = lex.slots.longest_prefix(rest) else {
                continue;
            };
            covered = i + slot.len();
            if let Some(measure) = measure_closing_slot(s, i, slot, lex) {
                let start = p.span.start + i;
                found.push(Lost {
                    span: start..start + slot.len() + measure.len(),
                    form: Form::AfterSlot { slot, measure },
                });
            }
        }
    }
}

/// The measure word right after the slot word at `i` in `s`, when it closes
/// the number's slot (a noun or the clause's end follows it) and the two
/// are not a word of their own (开支, 等级) or a label (养殖类：).
fn measure_closing_slot(
    s: &str,
    i: usize,
    slot: &'static str,
    lex: &Lexicons,
) -> Option<&'static str> {
    let rest = &s[i..];
    let after = &rest[slot.len()..];
    let Some(measure) = lex.measures.longest_prefix(after) else {
        return measure_ending_clause(slot, after);
    };
    if lex.compounds.longest_prefix(after).is_some()
        || lex
            .slot_measure_words
            .longest_prefix(rest)
            .is_some_and(|w| w.len() == slot.len() + measure.len())
    {
        return None;
    }
    let next = after[measure.len()..].chars().next();
    // The measure word must close a number slot: a noun or the end of the clause follows.
    if next.is_some_and(|n| !is_han(n) && !crate::text::is_clause_sep(n)) {
        return None;
    }
    // 等等 / 共同 / 计划 … begin with a slot word but are words of their own.
    let before = s[..i].chars().next_back();
    if before.is_some_and(|b| crate::text::is_digit(b) || crate::quantity::is_han_digit(b)) {
        return None;
    }
    // 养殖类：… is a label, not a count.
    if next.is_some_and(|n| matches!(n, '：' | ':')) {
        return None;
    }
    // 医疗救助户的43户: a kind named (救助户), its figure right after 的.
    if after[measure.len()..]
        .strip_prefix('的')
        .is_some_and(|r| r.starts_with(crate::text::is_digit))
    {
        return None;
    }
    Some(measure)
}

/// The sentences of `doc`, those joined by a semicolon read as one: a
/// statistical list runs on over ；(马存栏2708匹；禽存栏只。), and its items
/// are siblings across it.
fn semicolon_lists(doc: &Document) -> Vec<Span> {
    let mut lists: Vec<(Span, usize)> = Vec::new();
    for s in &doc.sentences {
        if let Some((last, paragraph)) = lists.last_mut() {
            let joined = doc.text[..s.span.start].trim_end().ends_with([';', '；']);
            if *paragraph == s.paragraph && joined && last.end <= s.span.start {
                last.end = s.span.end;
                continue;
            }
        }
        lists.push((s.span.clone(), s.paragraph));
    }
    lists.into_iter().map(|(span, _)| span).collect()
}

/// Slot words after which 人 or 天 must follow a number: they total or
/// reach a count (登记共人。天数达天，). Not 达 alone (达人), 近 (平易近人),
/// 计 (设计人) or 约 (签约人, 预约人).
const TOTALS: &[&str] = &["共", "共计", "合计", "总计", "累计", "达到"];

/// 人 and 天 begin and end many words (人员, 天气, 今天); after a slot word
/// of [`TOTALS`] and closing the clause they can only be a count's measure.
fn measure_ending_clause(slot: &'static str, after: &str) -> Option<&'static str> {
    let measure = ["人", "天"].into_iter().find(|m| after.starts_with(m))?;
    let next = after[measure.len()..].chars().next();
    let closes =
        next.is_some_and(|c| crate::text::is_clause_sep(c) || crate::text::is_sentence_end(c));
    (TOTALS.contains(&slot) && closes).then_some(measure)
}

/// Nouns of counting (人数, 户数, 总数 …) and the copulas that may stand
/// between them and the figure (人数为, 天数达).
const COUNT_NOUN_HEADS: &str = "人户总次件天";
const COPULAS: &[&str] = &["为", "是", "达", "达到", "共", "有", "约"];

/// 报到人数人。涉鄂人数 人，天数达天: a noun of counting, then straight away
/// its measure closing the clause — the figure between was lost.
fn count_nouns(doc: &Document, found: &mut Vec<Lost>) {
    const MEASURES_AFTER_COUNT: &[&str] = &[
        "人次", "人", "户", "个", "次", "件", "家", "天", "名", "项", "所", "元",
    ];
    for p in &doc.paragraphs {
        let s = doc.slice(&p.span);
        for i in crate::text::find_all(s, "数") {
            let head = s[..i].chars().next_back();
            if !head.is_some_and(|c| COUNT_NOUN_HEADS.contains(c)) {
                continue;
            }
            let mut after = s[i + '数'.len_utf8()..].trim_start_matches([' ', '\u{3000}']);
            if let Some(copula) = COPULAS
                .iter()
                .filter(|c| after.starts_with(*c))
                .max_by_key(|c| c.len())
            {
                after = &after[copula.len()..];
            }
            let Some(measure) = MEASURES_AFTER_COUNT.iter().find(|m| after.starts_with(*m)) else {
                continue;
            };
            let next = after[measure.len()..].chars().next();
            if next.is_some_and(is_han) {
                continue;
            }
            let at = p.span.start + (s.len() - after.len());
            found.push(Lost {
                span: at..at + measure.len(),
                form: Form::Unit(measure),
            });
        }
    }
}

/// The forms read over lists and units: an item of a list of figures that
/// lost its number (母猪头、脱温鸡苗1880只), a classifier no word can count
/// (辖7个镇、个乡) and a unit only ever written after a number (同比增长%).
fn lost_in_lists(doc: &Document, found: &mut Vec<Lost>) {
    let mut spans = Vec::new();
    for list in semicolon_lists(doc) {
        super::bare_measure::find(doc, &list, &mut spans);
    }
    found.extend(spans.drain(..).map(|(span, m)| Lost {
        span,
        form: Form::ListItem(m),
    }));
    for p in &doc.paragraphs {
        let text = doc.slice(&p.span);
        super::bare_measure::stray_classifiers(text, p.span.start, &mut spans);
        found.extend(spans.drain(..).map(|(span, m)| Lost {
            span,
            form: Form::Classifier(m),
        }));
        super::bare_unit::find(text, p.span.start, &mut spans);
        found.extend(spans.drain(..).map(|(span, m)| Lost {
            span,
            form: Form::Unit(m),
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_slot_word_starts_in_the_scanned_han_block() {
        for w in NUMBER_SLOTS {
            let c = w.chars().next().expect("no empty slot word");
            assert!(('\u{4000}'..='\u{9FFF}').contains(&c), "{w}");
        }
    }
}
