//! The second form of `data.dropped-number`: an item of a list of figures
//! that ends in a measure word with no number before it —
//! 基础母羊45只、母猪头、脱温鸡苗1880只; 工矿商贸事故起、死亡14人; 边缘户21户人.
//!
//! Grammar, not phrases: statistical Chinese writes a list of parallel items,
//! each "noun + number + measure word". An item that ends in the measure word
//! while its siblings carry figures has lost its number — unless the measure
//! character ends a noun of its own (低保户, 负责人, 派出所), which the word
//! list below names. Doubled (贫困户户) it is always a loss. A list runs on
//! over semicolons; a date or an age in an item is no figure.
//!
//! The same module reads classifiers that count nothing: 辖7个镇、个乡 (个
//! after a word that cannot count), 为代表的位村民 (a classifier after 的),
//! 下沉名干部 / 下属家医疗机构 (名 before persons, 家 before organisations),
//! 清退户411人 (households before persons with their number lost).

use crate::document::Document;
use crate::quantity::is_han_digit;
use crate::text::{is_clause_sep, is_digit, is_han, is_sentence_end, Span};

/// Measure words and units an item may end with, longest first.
const MEASURES: &[&str] = &[
    "平方公里",
    "平方米",
    "立方米",
    "千公顷",
    "公顷",
    "公里",
    "万元",
    "亿元",
    "人次",
    "户次",
    "场次",
    "个",
    "次",
    "张",
    "条",
    "匹",
    "位",
    "天",
    "项",
    "名",
    "户",
    "家",
    "所",
    "起",
    "处",
    "座",
    "栋",
    "台",
    "辆",
    "亩",
    "吨",
    "头",
    "只",
    "人",
    "件",
    "场",
    "批",
    "套",
    "株",
    "元",
];

/// The last characters of [`MEASURES`] (a test holds the two together).
const MEASURE_ENDS: &str = "米顷里元次个项名户家所起处座栋台辆亩吨头只人件场批套株张条匹位天";

/// Words that end in a measure character and are nouns of their own (or a
/// measure word with a word for "every / some" before it), read backwards
/// from the item's end.
const NOUNS: &[&str] = &[
    // Places named after what is done there (养鸡场, 堆场, 篮球场).
    "堆场",
    "球场",
    "广场",
    "市场",
    "农场",
    "牧场",
    "林场",
    "渔场",
    "鸡场",
    "猪场",
    "牛场",
    "现场",
    "机场",
    "操场",
    "剧场",
    "商场",
    "会场",
    "考场",
    "赛场",
    "屠宰场",
    "农户",
    "贫困户",
    "低保户",
    "五保户",
    "脱贫户",
    "监测户",
    "用户",
    "客户",
    "商户",
    "住户",
    "大户",
    "专业户",
    "困难户",
    "危房户",
    "搬迁户",
    "特困户",
    "散户",
    "示范户",
    "贫困户",
    "边缘户",
    "一般户",
    "负责人",
    "责任人",
    "带头人",
    "联系人",
    "当事人",
    "个人",
    "老人",
    "家人",
    "工人",
    "法人",
    "接班人",
    "监护人",
    "病人",
    "残疾人",
    "军人",
    "年轻人",
    "证人",
    "主持人",
    "投资人",
    "他人",
    "本人",
    "成年人",
    "后继人",
    "传承人",
    "明白人",
    "管理人",
    "代理人",
    "经纪人",
    "致富带头人",
    "群众人",
    "一起",
    "日起",
    "月起",
    "年起",
    "引起",
    "发起",
    "兴起",
    "崛起",
    "提起",
    "说起",
    "做起",
    "抓起",
    "干起",
    "建起",
    "立起",
    "整个",
    "各个",
    "这个",
    "那个",
    "每个",
    "某个",
    "哪个",
    "多个",
    "几个",
    "数个",
    "单个",
    "国家",
    "大家",
    "专家",
    "农家",
    "作家",
    "商家",
    "厂家",
    "回家",
    "居家",
    "全家",
    "企业家",
    "科学家",
    "派出所",
    "场所",
    "住所",
    "司法所",
    "财政所",
    "卫生所",
    "事务所",
    "研究所",
    "厕所",
    "诊所",
    "服务所",
    "报名",
    "排名",
    "命名",
    "署名",
    "提名",
    "点名",
    "著名",
    "知名",
    "姓名",
    "实名",
    "匿名",
    "冠名",
    "留名",
    "定名",
    "更名",
    "签名",
    "联名",
    "书名",
    "品名",
    "地名",
    "人名",
    "化名",
    "别名",
    "全名",
    "事项",
    "款项",
    "选项",
    "强项",
    "弱项",
    "单项",
    "各项",
    "逐项",
    "立项",
    "专项",
    "分项",
    "办事处",
    "到处",
    "各处",
    "好处",
    "难处",
    "用处",
    "长处",
    "短处",
    "深处",
    "此处",
    "住处",
    "相处",
    "讲座",
    "在座",
    "星座",
    "平台",
    "出台",
    "后台",
    "前台",
    "舞台",
    "电视台",
    "上台",
    "下台",
    "站台",
    "柜台",
    "阳台",
    "讲台",
    "车辆",
    "龙头",
    "带头",
    "源头",
    "街头",
    "镜头",
    "口头",
    "牵头",
    "领头",
    "开头",
    "尽头",
    "山头",
    "苗头",
    "势头",
    "念头",
    "上头",
    "里头",
    "前头",
    "年头",
    "户头",
    "文件",
    "案件",
    "事件",
    "条件",
    "证件",
    "软件",
    "硬件",
    "部件",
    "配件",
    "物件",
    "信件",
    "邮件",
    "稿件",
    "要件",
    "市场",
    "现场",
    "广场",
    "农场",
    "立场",
    "战场",
    "会场",
    "考场",
    "机场",
    "商场",
    "赛场",
    "操场",
    "下场",
    "登场",
    "到场",
    "在场",
    "全场",
    "主场",
    "当场",
    "职场",
    "林场",
    "牧场",
    "审批",
    "报批",
    "分批",
    "成批",
    "配套",
    "整套",
    "外套",
    "单元",
    "公元",
    "美元",
    "多元",
    "欧元",
    "日元",
    "港元",
    "不只",
    "船只",
    "一栋",
    "植株",
    "一户",
    "万户",
    "千户",
    "家家户户",
    "逐户",
    "入户",
    "到户",
    "分户",
    "落户",
    "开户",
    "立户",
    "每户",
    "各户",
    "挨家挨户",
    "户户",
    "种植户",
    "养殖户",
    "经营户",
    "个体户",
    "工商户",
    "承包户",
    "门户",
    "窗户",
    "账户",
    "帐户",
    "订户",
    "储户",
    "渔户",
    "牧户",
    "重点户",
    "钉子户",
    "拆迁户",
    "安置户",
    "移民户",
    "文明户",
    "星级户",
    "典型户",
    "帮扶户",
    "结对户",
    "兜底户",
    "残疾户",
    "独居户",
    "空巢户",
    "留守户",
    "返贫户",
    "致贫户",
    "建档立卡户",
    "整户",
    "全户",
    "本户",
    "该户",
    "此户",
    "居民户",
    "常住户",
    // 次: order, degree and adverbs of time.
    "其次",
    "依次",
    "首次",
    "再次",
    "多次",
    "屡次",
    "历次",
    "每次",
    "这次",
    "此次",
    "本次",
    "上次",
    "下次",
    "初次",
    "逐次",
    "渐次",
    "层次",
    "档次",
    "名次",
    "批次",
    "班次",
    "车次",
    "架次",
    "频次",
    "位次",
    "席次",
    "座次",
    "轮次",
    "等次",
    "主次",
    "一次",
    "二次",
    "几次",
    "数次",
    // 张: adjectives and verbs.
    "紧张",
    "主张",
    "扩张",
    "开张",
    "夸张",
    "伸张",
    "嚣张",
    "慌张",
    "铺张",
    "纸张",
    "每张",
    // 条: things that are strips, and 条 as an adjective.
    "一条",
    "每条",
    "逐条",
    "各条",
    "链条",
    "萧条",
    "苗条",
    "线条",
    "教条",
    "便条",
    "头条",
    "封条",
    "收条",
    "欠条",
    "借条",
    "信条",
    "字条",
    "纸条",
    "专条",
    "金条",
    "面条",
    "油条",
    "有条",
    // 天: days named, weather and sky.
    "今天",
    "明天",
    "昨天",
    "后天",
    "前天",
    "每天",
    "当天",
    "这天",
    "那天",
    "一天",
    "天天",
    "春天",
    "夏天",
    "秋天",
    "冬天",
    "白天",
    "整天",
    "全天",
    "半天",
    "几天",
    "多天",
    "数天",
    "连天",
    "晴天",
    "雨天",
    "阴天",
    "雪天",
    "伏天",
    "露天",
    "航天",
    "冲天",
    "聊天",
    "蓝天",
    "上天",
    "先天",
    "青天",
    "苍天",
    "漫天",
    "满天",
    "滔天",
    "洞天",
    // 匹.
    "马匹",
    "布匹",
    // 位: places, ranks and posts.
    "单位",
    "岗位",
    "地位",
    "定位",
    "到位",
    "部位",
    "职位",
    "席位",
    "方位",
    "首位",
    "座位",
    "铺位",
    "床位",
    "车位",
    "泊位",
    "摊位",
    "展位",
    "各位",
    "诸位",
    "每位",
    "学位",
    "品位",
    "价位",
    "水位",
    "排位",
    "本位",
    "错位",
    "就位",
    "在位",
    "退位",
    "站位",
    "点位",
    "区位",
    "缺位",
    "补位",
    "越位",
    "上位",
    "高位",
    "低位",
    "档位",
    "机位",
    "号位",
    "虚位",
    "卡位",
    "空位",
    "归位",
    "阵位",
    "哨位",
    "餐位",
    "工位",
    "舱位",
    "床位",
    "靠位",
];

/// The nouns of [`NOUNS`] that end in `c` (built once, by last character).
fn nouns_ending_in(c: char) -> &'static [&'static str] {
    static BY_LAST: std::sync::OnceLock<std::collections::HashMap<char, Vec<&'static str>>> =
        std::sync::OnceLock::new();
    BY_LAST
        .get_or_init(|| {
            let mut map: std::collections::HashMap<char, Vec<&'static str>> =
                std::collections::HashMap::new();
            for w in NOUNS {
                if let Some(last) = w.chars().next_back() {
                    map.entry(last).or_default().push(w);
                }
            }
            map
        })
        .get(&c)
        .map_or(&[], Vec::as_slice)
}

/// Separators of the items of a list.
fn is_item_sep(c: char) -> bool {
    matches!(
        c,
        '，' | ',' | '、' | '；' | ';' | '：' | ':' | '。' | '（' | '(' | '）' | ')'
    )
}

/// The measure word an item ends with, and whether its number is missing.
fn bare_measure(item: &str) -> Option<&'static str> {
    // One character tells most items apart: none of the measures ends them.
    let last = item.chars().next_back()?;
    if !MEASURE_ENDS.contains(last) {
        return None;
    }
    let m = MEASURES.iter().find(|m| item.ends_with(*m))?;
    let before = &item[..item.len() - m.len()];
    // 贫困人口281户、人: the item is the measure word alone.
    let Some(prev) = before.chars().next_back() else {
        return Some(m);
    };
    if !is_han(prev)
        || is_han_digit(prev)
        || matches!(
            prev,
            '万' | '亿' | '每' | '各' | '多' | '余' | '这' | '那' | '几' | '该' | '此'
        )
    {
        return None;
    }
    // 贫困户户: the measure doubled after a noun ending in it.
    let doubled = m.chars().count() == 1 && before.ends_with(*m) && !before.ends_with(&m.repeat(2));
    if doubled {
        return Some(m);
    }
    // A noun of its own ends the item (纳入低保户、…): read the longest such word.
    let ends_in_noun = nouns_ending_in(m.chars().next_back().unwrap_or('\0'))
        .iter()
        .any(|w| item.ends_with(w));
    (!ends_in_noun).then_some(m)
}

/// Pushes (span of the measure word, measure) for every item of `sentence`
/// that lost its number while a sibling item carries a figure.
pub fn find(doc: &Document, sentence: &Span, out: &mut Vec<(Span, &'static str)>) {
    let text = doc.slice(sentence);
    // Most sentences have no figure at all: nothing to compare an item with.
    if !text.chars().any(is_digit) {
        return;
    }
    // Each item with the separator after it.
    let mut items: Vec<(Span, Option<char>)> = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if is_item_sep(c) {
            items.push((start..i, Some(c)));
            start = i + c.len_utf8();
        }
    }
    items.push((start..text.len(), None));
    let has_figure = |r: &Span| has_count(&text[r.clone()]);
    if text.contains('户') {
        household_pairs(text, sentence.start, out);
    }
    for (k, (r, _)) in items.iter().enumerate() {
        let item = text[r.clone()].trim();
        // The measure word first: most items end in none, told by their last bytes.
        let Some(m) = bare_measure(item) else {
            continue;
        };
        // An item with a date or an age only (2021年人均收入元) is still bare;
        // one counted in words (建起了一个规模化的养鸡场) is not.
        if has_count(item) || counted_in_words(item) || item.chars().count() > 24 {
            continue;
        }
        // A measure that labels, names or is the object of a verb, or a
        // name whose figure stands elsewhere in the clause.
        let sep_before = k.checked_sub(1).and_then(|j| items[j].1);
        let sep_after = items[k].1;
        let item_before = k
            .checked_sub(1)
            .map_or("", |j| text[items[j].0.clone()].trim());
        if unit_in_brackets(item, m, sep_before, &text[r.end..])
            || other_form_of_unit(item, m, sep_before, item_before)
            || object_of_negated_verb(&item[..item.len() - m.len()])
            || figure_after_gloss(&text[r.end..], sep_after)
            || names_figures_given_after(&text[r.end..], sep_after)
        {
            continue;
        }
        // A neighbouring item carries a figure (母羊45只、母猪头; 人均可支配收入
        // 元，增长5.8%), so this one is an item of a list of figures, not a clause
        // that ends in a word (“创”的劲头，“干”的作风). A phrase led by a
        // preposition (对红花套、高坝洲…) names places, not a figure.
        // Empty items (between “）” and “，”) are no siblings: step over them.
        let is_blank = |r: &Span| text[r.clone()].trim().is_empty();
        let joined_before = items[..k]
            .iter()
            .rev()
            .find(|(r, _)| !is_blank(r))
            .is_some_and(|(r, _)| has_figure(r));
        let joined_after = items[k + 1..]
            .iter()
            .find(|(r, _)| !is_blank(r))
            .is_some_and(|(r, _)| has_figure(r));
        if opens_prepositional_phrase(item) || !joined_before && !joined_after {
            continue;
        }
        let end = sentence.start + r.start + text[r.clone()].trim_end().len();
        out.push((end - m.len()..end, m));
    }
}

fn is_open_bracket(c: char) -> bool {
    matches!(c, '（' | '(')
}

/// 实有床位数(张) | 2802, 门诊部(所)26.7万个: a measure word alone in
/// brackets, the figure right after them, is the unit the figure is counted
/// in (a table's label) or the name's other form. After a figure (已精修2口
/// (亩);) it is a second figure that lost its number. `rest` starts with the
/// separator after the item.
fn unit_in_brackets(item: &str, measure: &str, before: Option<char>, rest: &str) -> bool {
    item == measure
        && before.is_some_and(is_open_bracket)
        && rest
            .strip_prefix(['）', ')'])
            .is_some_and(starts_with_figure)
}

/// Classifiers of one kind of thing, either of which a bulletin may write:
/// 牲畜总头数60.58万头(只) counts cattle by 头 and sheep by 只.
const OTHER_FORMS: &[(&str, &str)] = &[
    ("头", "只"),
    ("只", "头"),
    ("头", "匹"),
    ("只", "羽"),
    ("羽", "只"),
    ("人", "名"),
    ("名", "人"),
];

/// A measure word alone in brackets right after a figure counted in another
/// classifier of the same things (60.58万头(只)): the unit's other form, not
/// a second figure that lost its number (已精修2口(亩) is one).
fn other_form_of_unit(item: &str, measure: &str, before: Option<char>, item_before: &str) -> bool {
    item == measure
        && before.is_some_and(is_open_bracket)
        && OTHER_FORMS.iter().any(|&(unit, other)| {
            other == measure
                && item_before
                    .strip_suffix(unit)
                    .is_some_and(|b| b.ends_with(|c: char| is_digit(c) || c == '万' || c == '亿'))
        })
}

/// Does `rest` open with a figure, maybe past blanks and a table's cell
/// bars (实有床位数(张) | 2802)?
fn starts_with_figure(rest: &str) -> bool {
    rest.trim_start_matches([' ', '\u{3000}', '|'])
        .starts_with(is_digit)
}

/// Most characters of a bracketed gloss on a name (卫生监督所(中心)).
const GLOSS: usize = 8;

/// 卫生监督所(中心)3106个: the item's name goes on in brackets, and its figure
/// follows the closing bracket. `rest` starts with the separator after the item.
fn figure_after_gloss(rest: &str, sep: Option<char>) -> bool {
    let Some(open) = sep.filter(|&c| is_open_bracket(c)) else {
        return false;
    };
    let inner = &rest[open.len_utf8()..];
    let Some(close) = inner.find(['）', ')']) else {
        return false;
    };
    let gloss = &inner[..close];
    gloss.chars().count() <= GLOSS
        && !gloss.contains(is_item_sep)
        && inner[close..]
            .strip_prefix(['）', ')'])
            .is_some_and(starts_with_figure)
}

/// 门急诊人次、出院病人数分别为998514、16648: names joined by 、 before 分别
/// are indicators whose figures the clause gives after 分别, in order; a name
/// ending in a measure (人次) is no item that lost its number. `rest` starts
/// with the separator after the item.
fn names_figures_given_after(rest: &str, sep: Option<char>) -> bool {
    let clause_end = rest
        .char_indices()
        .skip(1)
        .find(|&(_, c)| is_clause_sep(c) && c != '、')
        .map_or(rest.len(), |(i, _)| i);
    sep == Some('、') && rest[..clause_end].contains("分别")
}

/// Verbs of a bound, which a number follows even when negated: 不足, 不到,
/// 不满, 不超 …, 不少于, 不低于 (不足户 lost its number).
const BOUND_VERBS: &str = "足到满超少多低高及过于够逾达";

/// 村不漏户、户不漏人, 不落人: after a verb negated by 不 the measure
/// character is the verb's object, a noun — a count there would need 一
/// (不漏一户), which no writer drops. 未 negates a deed done, whose count
/// may be lost (该出未出户、170人). `before` is the item up to its measure.
fn object_of_negated_verb(before: &str) -> bool {
    let mut last = before.chars().rev();
    let (Some(verb), Some(negation)) = (last.next(), last.next()) else {
        return false;
    };
    negation == '不' && is_han(verb) && !is_han_digit(verb) && !BOUND_VERBS.contains(verb)
}

/// Words that open a prepositional phrase, not a list item with a figure.
const PREPOSITIONS: [char; 10] = ['对', '向', '在', '从', '把', '以', '将', '按', '据', '给'];

/// Words that begin with a preposition's character but are adverbs or
/// attributes of the item's noun: 按期转正党员人 still lost its number.
const NOT_PREPOSITIONS: &[&str] = &[
    "按期", "按时", "在册", "在岗", "在职", "在编", "在校", "在建", "在库", "在园", "以上",
];

/// Does `item` open with a prepositional phrase (对红花套、高坝洲…)?
fn opens_prepositional_phrase(item: &str) -> bool {
    item.starts_with(PREPOSITIONS) && !NOT_PREPOSITIONS.iter().any(|w| item.starts_with(w))
}

/// Does `item` carry a count — a digit that is not part of a date or an
/// age (2021年, 4月26日, 35岁, 35-50岁)? A date names when and an age
/// whom, not how many: 2021年居民人均收入元 and 35岁以下党员名 lost their figure.
fn has_count(item: &str) -> bool {
    let mut at = 0;
    // Digits are found by their bytes: the Han text between is not decoded.
    while let Some(i) = next_digit(item, at) {
        let run = item[i..].len() - item[i..].trim_start_matches(is_digit).len();
        let end = i + run;
        let digits = item[i..end].chars().count();
        let mut rest = item[end..].chars();
        let next = rest.next();
        // 35-50岁: the range's first end; its last decides.
        let range = matches!(next, Some('-' | '—' | '－' | '~' | '～' | '至'))
            && rest.next().is_some_and(is_digit);
        let date = matches!(next, Some('月' | '日' | '号' | '岁'))
            || digits == 4 && matches!(next, Some('年' | '-' | '—' | '－'));
        if !date && !range {
            return true;
        }
        at = end;
    }
    false
}

/// Is the item's noun counted in words: a Han numeral and a measure word
/// (一个, 两座; 各类 is no count: 各类市场主体户 lost its number)?
fn counted_in_words(item: &str) -> bool {
    // 每千名老人: a rate's base, not a count.
    let mut previous = None;
    let mut chars = item.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        if is_han_digit(c)
            && previous != Some('每')
            && next.is_some_and(|n| "个座批家所处项条台辆只头件套张株".contains(n))
        {
            return true;
        }
        previous = Some(c);
    }
    false
}

/// The byte offset of the first digit (ASCII or full-width, ０ = EF BC 90)
/// in `s` at or after `from`.
fn next_digit(s: &str, from: usize) -> Option<usize> {
    let b = s.as_bytes();
    (from..b.len()).find(|&i| {
        b[i].is_ascii_digit()
            || b[i] == 0xEF
                && b.get(i + 1) == Some(&0xBC)
                && b.get(i + 2).is_some_and(|x| (0x90..=0x99).contains(x))
    })
}

/// “N户M人” with one number lost: 边缘户21户人 (户人 closing the item after a
/// number) and 贫困户户475人 (户 doubled before the persons).
fn household_pairs(text: &str, offset: usize, out: &mut Vec<(Span, &'static str)>) {
    for (i, _) in text.match_indices("户人") {
        let before = text[..i].chars().next_back();
        let after = text[i + "户人".len()..].chars().next();
        if before.is_some_and(is_digit) && after.is_none_or(|c| !is_han(c) || c == '的') {
            let at = offset + i + "户".len();
            out.push((at..at + "人".len(), "人"));
        }
    }
    households_before_persons(text, offset, out);
    for (i, _) in text.match_indices("户户") {
        let before = text[..i].chars().next_back();
        let after = text[i + "户户".len()..].chars().next();
        if before.is_some_and(|c| is_han(c) && !is_han_digit(c)) && after.is_some_and(is_digit) {
            let at = offset + i + "户".len();
            out.push((at..at + "户".len(), "户"));
        }
    }
}

/// “N户M人” with N lost: 清退户411人, 低保对象户1772人, 风险消除户1097人 —
/// 户 after a word that is no numeral and does not end in 户 itself
/// (贫困户848人 and 脱贫户2433人 name the households), then the persons'
/// figure.
fn households_before_persons(text: &str, offset: usize, out: &mut Vec<(Span, &'static str)>) {
    for i in crate::text::find_all(text, "户") {
        let after = &text[i + '户'.len_utf8()..];
        // The persons' figure: digits, then a Han unit (人, 口, 平方米).
        let digits = after.len() - after.trim_start_matches(is_digit).len();
        let unit = after[digits..].chars().next();
        // 消除户3户, 重病户5户: households counted in 户 are named by the word before.
        if digits == 0
            || !unit.is_some_and(|c| is_han(c) && !matches!(c, '户' | '年' | '月' | '日'))
        {
            continue;
        }
        let head = &text[..i];
        let lost = match head.chars().next_back() {
            // 三类对象”户19409人: a quoted name, then the count's place.
            Some('”' | '’') => true,
            Some(b) => {
                is_han(b)
                    && !is_han_digit(b)
                    && !matches!(
                        b,
                        '万' | '亿'
                            | '千'
                            | '百'
                            | '每'
                            | '各'
                            | '多'
                            | '余'
                            | '该'
                            | '本'
                            | '全'
                            | '整'
                    )
                    && !nouns_ending_in('户')
                        .iter()
                        .any(|w| text[..i + '户'.len_utf8()].ends_with(w))
            }
            None => false,
        };
        if lost {
            let at = offset + i;
            out.push((at..at + '户'.len_utf8(), "户"));
        }
    }
}

/// 个 after a word that cannot count (辖7个村个社区, 新组建个小区党支部) or
/// opening a clause (。个农业主产县), and 项 opening a clause: a classifier
/// follows a numeral or a demonstrative; its number was lost.
pub fn stray_classifiers(text: &str, offset: usize, out: &mut Vec<(Span, &'static str)>) {
    const COUNTERS: &str = "这那每各整某几多哪此该半两数单逐真自上下前后头第本首合个";
    const COMPOUNDS: &[&str] = &[
        "个人", "个别", "个体", "个性", "个案", "个税", "个股", "个子", "个把",
    ];
    for (i, _) in text.match_indices('个') {
        let rest = &text[i..];
        if COMPOUNDS.iter().any(|w| rest.starts_with(w)) {
            continue;
        }
        let before = text[..i].chars().next_back();
        let after = rest['个'.len_utf8()..].chars().next();
        let ends_clause =
            |c: Option<char>| c.is_none_or(|c| is_clause_sep(c) || is_sentence_end(c));
        let lost = match before {
            // 个 opens the clause (。个农业主产县, 辖7个镇、个乡): no word can count.
            b if ends_clause(b) => after.is_some_and(is_han),
            Some(b) => {
                is_han(b)
                    && !is_han_digit(b)
                    && !COUNTERS.contains(b)
                    && !matches!(b, '万' | '亿' | '余' | '来')
                    // 新组建个小区 / 新增就业岗位个，比上年.
                    && (after.is_some_and(is_han) || ends_clause(after) && after.is_some())
            }
            None => false,
        };
        if !lost {
            continue;
        }
        let at = offset + i;
        out.push((at..at + '个'.len_utf8(), "个"));
    }
    // 项 opens a clause only as 项目: 。项经济社会指标, 务66项，项长期任务;
    // after a word it counts a noun: 建设项重点工作, 涉及的项营商环境测评任务.
    for (i, _) in text.match_indices('项') {
        let before = text[..i].chars().next_back();
        let rest = &text[i + '项'.len_utf8()..];
        let opens = before.is_some_and(|c| is_clause_sep(c) || is_sentence_end(c));
        let counts_noun = rest
            .chars()
            .next()
            .is_some_and(|c| is_han(c) && !"目链".contains(c));
        if counts_noun && (opens || before.is_some_and(cannot_count_xiang)) {
            let at = offset + i;
            out.push((at..at + '项'.len_utf8(), "项"));
        }
    }
    after_de(text, offset, out);
    range_starts(text, offset, out);
    measure_after_its_noun(text, offset, out);
    classifier_before_noun(text, offset, out, &MING);
    classifier_before_noun(text, offset, out, &JIA);
    persons_closing_with_ming(text, offset, out);
}

/// A classifier, the nouns it counts, and the characters that make a word
/// with it when they come before it (著名, 报名; 国家, 专家).
struct Counted {
    classifier: &'static str,
    nouns: &'static [&'static str],
    word_heads: &'static str,
}

/// 名 counts persons: 下沉名干部, 柔性引入名院士, 做好名管控人员.
static MING: Counted = Counted {
    classifier: "名",
    nouns: &[
        "干部", "党员", "院士", "人才", "群众", "村民", "居民", "教师", "学生", "医生", "医护",
        "志愿", "职工", "代表", "委员", "专家", "同志", "青年", "妇女", "儿童", "老人", "患者",
        "工人", "农民", "民警", "辅警", "学员", "队员", "成员", "骨干", "管控", "隔离", "退役",
        "留守", "残疾", "护士", "网格员",
    ],
    word_heads: "著知有出成闻驰盛美大无莫齐同实匿署报排提点命姓冠签题联更改起化得取原又别罪俗慕声威校地为真假译域网人书品挂留记除列重正虚浮芳英学乳小",
};

/// 家 counts organisations: 下属家医疗机构, 新认定家孵化器, 筹建家“暖蜂驿站”.
static JIA: Counted = Counted {
    classifier: "家",
    nouns: &[
        "企业", "公司", "机构", "医疗", "医院", "银行", "工厂", "合作社", "孵化", "众创", "门店",
        "商户", "店铺", "超市", "酒店", "宾馆", "饭店", "学校", "幼儿园", "养老", "社会", "民营",
        "规上", "规模", "龙头", "物流", "电商", "外资", "合资", "金融", "药店", "诊所", "“",
    ],
    word_heads: "国大专人作回学本画皇政官联我你他谁自在儒道法名全独老居离到搬安成起当持治发管亲公娘婆酒渔客世店商厂农船卖买玩赢庄东行业术育善想藏论乐食险明王张李刘陈杨黄赵周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯董程曹袁邓许沈彭吕苏卢蒋蔡贾丁魏薛叶潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙段雷钱汤尹黎易常武乔贺赖龚文",
};

/// `counted.classifier` after a Han word that cannot count (no numeral,
/// demonstrative or word of its own) and before a noun it counts.
fn classifier_before_noun(
    text: &str,
    offset: usize,
    out: &mut Vec<(Span, &'static str)>,
    counted: &Counted,
) {
    const COUNTERS: &str = "这那每各整某几多哪此该半两数上下前后头第本首余来万亿千百十";
    let m = counted.classifier;
    for i in crate::text::find_all(text, m) {
        let rest = &text[i + m.len()..];
        if !counted.nouns.iter().any(|n| rest.starts_with(n)) {
            continue;
        }
        let before = text[..i].chars().next_back();
        let lost = before.is_some_and(|b| {
            is_han(b)
                && !is_han_digit(b)
                && !COUNTERS.contains(b)
                && !counted.word_heads.contains(b)
        });
        if lost {
            let at = offset + i;
            out.push((at..at + m.len(), counted.classifier));
        }
    }
}

/// 引进高层次人才名。隔离人员名，: 名 closing the clause after a noun of
/// persons, where its figure belonged (人员名单 and 姓名 go on or differ).
fn persons_closing_with_ming(text: &str, offset: usize, out: &mut Vec<(Span, &'static str)>) {
    for i in crate::text::find_all(text, "名") {
        let after = text[i + '名'.len_utf8()..].chars().next();
        // 会员名：张三 is a label, not a count.
        let closes = after
            .is_some_and(|c| (is_clause_sep(c) || is_sentence_end(c)) && !matches!(c, '：' | ':'));
        let before = text[..i].chars().next_back();
        if closes && before.is_some_and(|b| "员部众民才工者师生".contains(b)) {
            let at = offset + i;
            out.push((at..at + '名'.len_utf8(), "名"));
        }
    }
}

/// Can the Han character `c` not stand before 项 — neither a numeral or
/// demonstrative (各项, 这项, 多项) nor the first half of a noun in 项 (事项,
/// 款项, 立项, 专项, 数据项)?
fn cannot_count_xiang(c: char) -> bool {
    const WORD_HEADS: &str = "事款选奖党强颈弱进主杂兼长浦义税子若干附说账负谱诸缺组类等要漏列细同移常通末立专单大小余分本逐首数据择甲乙丙丁正条效存外内全表";
    const COUNTERS: &str = "这那每各整某几多哪此该半两上下前后头第十百千万亿";
    is_han(c) && !is_han_digit(c) && !WORD_HEADS.contains(c) && !COUNTERS.contains(c)
}

/// A classifier and the last characters of the nouns it counts (学校 → 所,
/// 学生 → 人). 企业家 is a word: 家 is not read after 企业.
const AGREEMENT: &[(&str, &str)] = &[
    ("所", "校院园学"),
    ("人", "生口工员师民众者"),
    ("名", "生工员师民众者"),
    ("家", "位司构社店行"),
    ("个", "目室"),
    ("场", "动讲赛"),
    ("次", "习训查访动"),
    ("起", "纷故案"),
    ("辆", "车"),
    ("张", "证"),
];

/// 全县现有各级各类学校所，在校学生人，户籍人口为人。: a classifier right
/// after the noun it counts, closing the clause, or after 为 closing it — the
/// number between was lost.
fn measure_after_its_noun(text: &str, offset: usize, out: &mut Vec<(Span, &'static str)>) {
    for (i, c) in text.char_indices() {
        let Some(&(measure, nouns)) = AGREEMENT.iter().find(|(m, _)| m.starts_with(c)) else {
            continue;
        };
        let end = i + c.len_utf8();
        // 全院开放床位 张；: a blank where the number stood (text from a PDF).
        let blank_before = text[..i].ends_with(' ')
            && text[..i]
                .trim_end_matches(' ')
                .chars()
                .next_back()
                .is_some_and(|b| is_han(b) && !is_han_digit(b))
            && !word_split_by_blank(&text[..end]);
        let closes = text[end..]
            .chars()
            .next()
            // 会员名：张三 is a label.
            .is_some_and(|n| (is_clause_sep(n) || is_sentence_end(n)) && !matches!(n, '：' | ':'))
            // 进口整车辆以上: a bound closes the number's slot as well.
            || ["以上", "以下", "左右"].iter().any(|w| text[end..].starts_with(w));
        let before = text[..i].chars().next_back();
        let after_wei = before == Some('为') && !text[..i].ends_with("作为");
        if closes && (before.is_some_and(|b| nouns.contains(b)) || after_wei || blank_before) {
            out.push((offset + i..offset + end, measure));
        }
    }
}

/// 东方购物广 场: a stray blank (text from a PDF) inside a noun that ends in
/// the measure character; `head` ends with that character.
fn word_split_by_blank(head: &str) -> bool {
    let Some(last) = head.chars().next_back() else {
        return false;
    };
    let before = head[..head.len() - last.len_utf8()].trim_end_matches(' ');
    nouns_ending_in(last).iter().any(|noun| {
        let stem = &noun[..noun.len() - last.len_utf8()];
        !stem.is_empty() && before.ends_with(stem)
    })
}

/// Words joining the two ends of a range or of a change (160户至255户,
/// 由1680元提高到2760元).
const RANGE_JOINS: &[&str] = &[
    "提高到",
    "提高至",
    "增加到",
    "增加至",
    "减少到",
    "减少至",
    "下降到",
    "下降至",
    "上升到",
    "上升至",
    "调整为",
    "增至",
    "降至",
    "至",
    "到",
    "～",
    "~",
    "—",
    "－",
    "-",
];

/// 在户至255户之间, 年标准元提高到2760元: a measure word right before the
/// word joining a range to a number with that same measure — the range's
/// first end has lost its number; 任务人的98.5%: a measure word before the
/// 的 of a rate — the rate's whole has. A noun ending in the measure's character
/// (低保户至300户 reads 低保户) is no bare measure.
fn range_starts(text: &str, offset: usize, out: &mut Vec<(Span, &'static str)>) {
    for (i, c) in text.char_indices() {
        if !MEASURE_ENDS.contains(c) {
            continue;
        }
        let end = i + c.len_utf8();
        let Some(measure) = MEASURES.iter().find(|m| text[..end].ends_with(*m)) else {
            continue;
        };
        let start = end - measure.len();
        let before = text[..start].chars().next_back();
        if !before.is_some_and(|b| is_han(b) && !is_han_digit(b) && !"万亿余多几数百千".contains(b))
            || nouns_ending_in(c).iter().any(|n| text[..end].ends_with(n))
        {
            continue;
        }
        let rest = &text[end..];
        let digits_at = |s: &str| {
            s.len()
                - s.trim_start_matches(|d: char| d.is_ascii_digit() || d == '.')
                    .len()
        };
        // 完成年目标任务人的98.5%: the whole of a rate is a figure.
        if let Some(rate) = rest.strip_prefix('的') {
            let n = digits_at(rate);
            if n > 0 && rate[n..].starts_with(['%', '％']) {
                out.push((offset + start..offset + end, measure));
            }
            continue;
        }
        let Some(join) = RANGE_JOINS.iter().find(|j| rest.starts_with(*j)) else {
            continue;
        };
        let after = &rest[join.len()..];
        let n = digits_at(after);
        if n > 0 && after[n..].starts_with(*measure) {
            out.push((offset + start..offset + end, measure));
        }
    }
}

/// 为代表的位村民, 在申报的户商户中, 滞后的条问题: 的 then a classifier
/// and its noun — a classifier follows a numeral, not 的, so the number was
/// lost. The classifier's own words (的位置, 的户籍, 的条件) are left out.
fn after_de(text: &str, offset: usize, out: &mut Vec<(Span, &'static str)>) {
    const CLASSIFIERS: [(&str, &str); 3] = [
        ("位", "于置居子列次移处数尊势高错点段能阶标"),
        ("户", "口籍外部型主厕用数均内头名号户县长田"),
        ("条", "件例约款线块理文幅码形目令子状纹规陈条石凳带"),
    ];
    for i in crate::text::find_all(text, "的") {
        let rest = &text[i + '的'.len_utf8()..];
        let mut chars = rest.chars();
        let (Some(m), Some(next)) = (chars.next(), chars.next()) else {
            continue;
        };
        let Some((measure, words)) = CLASSIFIERS.iter().find(|(c, _)| c.starts_with(m)) else {
            continue;
        };
        if is_han(next) && !words.contains(next) {
            let at = offset + i + '的'.len_utf8();
            out.push((at..at + m.len_utf8(), measure));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_measure_ends_in_one_of_the_measure_ends() {
        for m in MEASURES {
            let last = m.chars().next_back().expect("no empty measure");
            assert!(MEASURE_ENDS.contains(last), "{m}");
        }
    }
}
