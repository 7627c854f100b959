//! `numbers.count`: a stated count against the items listed with it —
//! 建成3个示范点：甲村、乙村、丙村、丁村 lists four, not three;
//! 新增甲社区、乙社区、丙社区3个社区 is fine, and so is 甲、乙、丙等8类 (等 = not all),
//! unless 等 comes after more items than the count.
//!
//! A list is a run of items joined by 、 (and a final 和/及) inside one clause
//! or one pair of brackets. It is tied to a count only when the text says so:
//! the count closes the list (…丙村3个 / …丙村等3个 / …丙村共3个), or opens it
//! (3个示范点：… / 3个村（…） / 3个方面，即…). A count of people or households
//! (党员、干部3人) counts persons, not the items named, and is left alone.

use crate::document::Document;
use crate::quantity::{Approx, Quantity};
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};
use crate::text::{closer, fold_char, is_closer, Span};

pub struct Count;

use super::numbered_phrase;

pub static INFO: RuleInfo = RuleInfo {
    code: "numbers.count",
    family: Category::Numbers,
    severity: Severity::Error,
    summary: "所述个数与列举的项数不符",
    explanation:
        "写了“建成3个示范点”，后面却列了四个名称，读者无法判断哪个对。“等”表示未列全，不算矛盾。",
    example: "建成3个示范点：甲村、乙村、丙村、丁村",
    near_miss: "建成3个示范点：甲村、乙村、丙村",
};

/// Measure words that count named things (places, units, projects, kinds).
const ITEM_UNITS: &[&str] = &[
    "个", "项", "类", "家", "所", "条", "座", "处", "支", "种", "件", "批", "宗", "栋",
];
/// Words between the last item and a closing count: 甲、乙、丙共3个.
const CLOSERS: &[&str] = &[
    "等共",
    "等",
    "共计",
    "合计",
    "总计",
    "共",
    "计",
    "这",
    "在内的",
    "在内",
    "此",
];
/// Words that open a list after a comma: 3个示范点，分别是甲、乙、丙.
pub(super) const INTRO_WORDS: &[&str] = &["分别是", "分别为", "即", "包括", "为"];
/// Longest item (chars) that still reads as a name in a list.
const MAX_ITEM: usize = 16;
/// Counts above this are tallies, not the length of a list someone wrote out.
const MAX_COUNT: i64 = 30;

/// Items joined by 、 in one clause or one pair of brackets.
pub(super) struct Enumeration {
    pub span: Span,
    pub items: Vec<Span>,
}

/// Quotes and brackets open an inner list (ASCII [ ] too: 甲[乙、丙]).
fn is_open(c: char) -> bool {
    closer(c).is_some() || c == '['
}
fn is_close(c: char) -> bool {
    is_closer(c) || c == ']'
}
fn is_list_end(c: char) -> bool {
    matches!(
        fold_char(c),
        ',' | ';' | '。' | ':' | '!' | '?' | '…' | '\n'
    )
}

/// The lists of `span`: one scan, a context per bracket depth, so that
/// 、 inside quotes or brackets belongs to the inner list.
pub(super) fn enumerations(text: &str, span: &Span) -> Vec<Enumeration> {
    struct Ctx {
        start: usize,
        seps: Vec<usize>,
    }
    fn finish(ctx: &mut Ctx, end: usize, out: &mut Vec<Enumeration>) {
        if !ctx.seps.is_empty() {
            let mut items = Vec::with_capacity(ctx.seps.len() + 1);
            let mut from = ctx.start;
            for &s in &ctx.seps {
                items.push(from..s);
                from = s + '、'.len_utf8();
            }
            items.push(from..end);
            out.push(Enumeration {
                span: ctx.start..end,
                items,
            });
        }
        ctx.seps.clear();
    }
    let mut out = Vec::new();
    let mut stack = vec![Ctx {
        start: span.start,
        seps: Vec::new(),
    }];
    for (i, c) in text[span.clone()].char_indices() {
        let at = span.start + i;
        let after = at + c.len_utf8();
        if c == '、' {
            stack.last_mut().expect("never empty").seps.push(at);
        } else if is_open(c) {
            // Depth is bounded so nested junk stays linear in memory.
            if stack.len() < 16 {
                stack.push(Ctx {
                    start: after,
                    seps: Vec::new(),
                });
            }
        } else if is_close(c) {
            if stack.len() > 1 {
                let mut ctx = stack.pop().expect("len > 1");
                finish(&mut ctx, at, &mut out);
            }
        } else if is_list_end(c) {
            let top = stack.last_mut().expect("never empty");
            finish(top, at, &mut out);
            top.start = after;
        }
    }
    while let Some(mut ctx) = stack.pop() {
        finish(&mut ctx, span.end, &mut out);
    }
    crate::text::sort_stable_by(&mut out, |a, b| a.span.start.cmp(&b.span.start));
    out
}

/// 完成北银、裕园2个老旧小区改造并推进华顺公寓、东海未名园等3个老旧小区改造:
/// a count inside an item (not the last) closes a list of its own, and the
/// items after it begin another.
fn split_at_counts(text: &str, e: Enumeration, counts: &[&Quantity]) -> Vec<Enumeration> {
    // One walk over the items and the counts, both in text order.
    let mut out = Vec::new();
    let mut span_start = e.span.start;
    let mut items: Vec<Span> = Vec::new();
    // The walk starts at this list (a sentence of thousands of lists stays linear).
    let mut next_count = counts.partition_point(|q| q.span.start < e.span.start);
    let last = e.items.len() - 1;
    for (k, item) in e.items.iter().enumerate() {
        let mut item = item.clone();
        if k < last {
            // A count opening the first item (3个示范点包括甲村、…) is in it.
            while counts
                .get(next_count)
                .is_some_and(|q| q.span.start < item.start || (k > 0 && q.span.start == item.start))
            {
                next_count += 1;
            }
            let inside = counts.get(next_count).filter(|q| {
                q.span.end < item.end && !opens_a_name(&text[item.start..q.span.start])
            });
            if let Some(q) = inside {
                // The count ends this list; what follows it starts the next.
                items.push(item.start..item.end);
                if items.len() >= 2 {
                    out.push(Enumeration {
                        span: span_start..q.span.end,
                        items: std::mem::take(&mut items),
                    });
                }
                items.clear();
                span_start = q.span.end;
                item = q.span.end..item.end;
            }
        }
        items.push(item);
    }
    if items.len() >= 2 {
        out.push(Enumeration {
            span: span_start..e.span.end,
            items,
        });
    }
    out
}

/// Items short enough to be names standing in apposition to the count right
/// after them (`last` is the last item's text up to the count).
pub(super) fn names_in_apposition(doc: &Document, items: &[Span], last: &str) -> bool {
    items.iter().enumerate().all(|(k, it)| {
        let text = if k + 1 == items.len() {
            last
        } else {
            doc.slice(it)
        };
        let text = text.trim();
        // 五、六年级8个班: numerals listed, not names.
        let numeral = text
            .chars()
            .next()
            .is_some_and(|c| crate::quantity::is_han_digit(c) || crate::text::is_digit(c));
        // 钢厂家属区和北陈花园: the last item may join two names.
        let longest = text
            .split(['和', '及'])
            .map(|t| t.chars().count())
            .max()
            .unwrap_or(0);
        !numeral && longest <= if k == 0 { 12 } else { 6 }
    })
}

/// The Han words at the end of `span`: what follows its last bracket, digit
/// or other mark (国权路站 in 完成轨道交通18号线国权路站 keeps 号线国权路站).
pub(super) fn han_tail(text: &str, span: &Span) -> Span {
    let s = &text[span.clone()];
    let start = s
        .char_indices()
        .rev()
        .find(|&(_, c)| !crate::text::is_han(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    span.start + start..span.end
}

/// The name at the end of `span`: its Han tail (`han_tail`), or the quoted
/// name it ends with (打造李台社区“居民议事厅” keeps “居民议事厅”).
pub(super) fn name_tail(text: &str, span: &Span) -> Span {
    let s = &text[span.clone()];
    if s.ends_with(['”', '"', '」', '’']) {
        if let Some(open) = s.rfind(['“', '「', '‘']) {
            return span.start + open..span.end;
        }
    }
    han_tail(text, span)
}

/// 800、900、1000、1100亿斤: the first item ends in a number, the middle
/// ones are bare numbers, the last (`last`, up to the count) a number and
/// its unit of one or two Han characters.
fn numeral_series(doc: &Document, items: &[Span], last: &str) -> bool {
    let number = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || c == '.');
    let (Some(first), Some(middle)) = (items.first(), items.get(1..items.len() - 1)) else {
        return false;
    };
    let first = doc.slice(first).trim();
    let ends_in_number = first.ends_with(|c: char| c.is_ascii_digit());
    let unit = last.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    let last_number = unit.len() < last.len() && number(&last[..last.len() - unit.len()]);
    let unit_len = unit.chars().count();
    ends_in_number
        && middle.iter().all(|m| number(doc.slice(m).trim()))
        && last_number
        && (1..=2).contains(&unit_len)
        && unit.chars().all(crate::text::is_han)
}

/// Is a figure of `figures` (in text order) wholly within `from..to`?
fn figures_within(figures: &[Quantity], from: usize, to: usize) -> bool {
    let k = figures.partition_point(|o| o.span.start < from);
    figures.get(k).is_some_and(|o| o.span.end <= to)
}

/// Does `s` leave a quote or bracket open? A count after it is part of a
/// name (抓好“三个重点”), not the length of a list.
fn opens_a_name(s: &str) -> bool {
    s.chars().fold(0i32, |depth, c| {
        if is_open(c) {
            depth + 1
        } else if is_close(c) {
            depth - 1
        } else {
            depth
        }
    }) > 0
}

/// A figure that can be the length of a list: a small whole number of named things.
fn is_item_count(text: &str, q: &Quantity) -> bool {
    is_small_whole(text, q) && ITEM_UNITS.contains(&q.unit)
}

/// A small, exact whole number that is no rate or change.
fn is_small_whole(text: &str, q: &Quantity) -> bool {
    q.multiplier == 1
        && q.value.scale == 0
        && (1..=MAX_COUNT).contains(&q.value.mantissa)
        && q.approx == Approx::Exact
        && ((!q.roles.per && !q.roles.change) || glued_to_a_figure(text, q))
}

/// 人均可支配收入增长5.2%2项指标: a count written right after another
/// figure starts a phrase of its own; the role words before (人均, 增长)
/// were the earlier figure's.
fn glued_to_a_figure(text: &str, q: &Quantity) -> bool {
    let before = text[..q.span.start].trim_end_matches([' ', '\u{3000}']);
    // The earlier figure's unit: %, or a Han unit of a few characters (亩,
    // 万元), the whole of what stands after its digits (not 2022年增加).
    let han_tail = before
        .char_indices()
        .rev()
        .take(3)
        .take_while(|&(_, c)| crate::text::is_han(c))
        .last()
        .map_or(before.len(), |(i, _)| i);
    let unit_at = (han_tail..before.len())
        .filter(|&i| before.is_char_boundary(i))
        .find(|&i| {
            crate::quantity::unit_at(&before[i..]).is_some_and(|u| u.len() == before.len() - i)
        });
    let digits_end = match before.strip_suffix(['%', '％', '‰']) {
        Some(rest) => rest.len(),
        None => match unit_at {
            Some(i) => i,
            None => return false,
        },
    };
    before[..digits_end].ends_with(|c: char| c.is_ascii_digit())
}

/// Nouns of places that serve as their own measure word: 铜川、咸阳、延安3市.
const PLACE_NOUNS: &[&str] = &["市", "县", "区", "镇", "乡", "村"];
/// Words that begin with a place noun but name no place (3市场主体, 5村民小组).
const NOT_PLACES: &[&str] = &[
    "市场", "市民", "区域", "区县", "县城", "县域", "村民", "村庄", "乡村", "镇区",
];

/// What a count counts in: its measure word (3个, 3所), or the place noun
/// after a bare number (3市).
fn count_unit(text: &str, q: &Quantity) -> Option<&'static str> {
    if !is_small_whole(text, q) {
        return None;
    }
    if ITEM_UNITS.contains(&q.unit) {
        return Some(q.unit);
    }
    let after = &text[q.span.end..];
    if !q.unit.is_empty() || NOT_PLACES.iter().any(|w| after.starts_with(w)) {
        return None;
    }
    PLACE_NOUNS.iter().copied().find(|p| after.starts_with(p))
}

/// A count as the writer states it: 3个, or a numbered phrase (四大行动, “三勤”).
#[derive(Clone)]
pub(super) struct Stated {
    pub span: Span,
    pub n: usize,
    /// What the items are counted in, for the message: 个, 项.
    pub unit: &'static str,
}

impl Stated {
    /// The count a figure states (a small whole number: see the filters).
    fn of(q: &Quantity) -> Stated {
        Stated {
            span: q.span.clone(),
            n: q.value.mantissa as usize,
            unit: q.unit,
        }
    }
}

/// What the writer listed: the number of items (a final 甲和乙 counts two)
/// and whether the list is open (ends with 等).
fn listed(doc: &Document, items: &[Span]) -> Option<Listed> {
    let texts: Vec<&str> = items.iter().map(|s| doc.slice(s).trim()).collect();
    if texts
        .iter()
        .any(|t| t.is_empty() || t.chars().count() > MAX_ITEM)
    {
        return None;
    }
    let (last, earlier) = texts.split_last()?;
    // 乙和丙 joins two items; 和谐 begins with 和 and is one word.
    let joins = |t: &str| {
        t.char_indices()
            .any(|(i, c)| matches!(c, '和' | '及' | '与') && i > 0 && i + c.len_utf8() < t.len())
    };
    let mut n = texts.len();
    let mut last = *last;
    let open = last.ends_with('等') || last.ends_with("等等");
    if open {
        last = last.trim_end_matches('等');
    }
    if joins(last) && !joined_inside_a_name(earlier, last) {
        // 甲、乙和丙: three. 甲和乙、丙和丁: pairs, too ambiguous to count.
        if earlier.iter().any(|t| joins(t)) {
            return None;
        }
        n += 1;
    }
    // 甲、乙、丙和丁等4支: 和 marks the last item, so 等 closes a complete
    // list (等 after a bare 甲、乙 still means "and others").
    let complete = closes_with_conjunction(last);
    Some(Listed { n, open, complete })
}

/// 汽车制造业、食品制造业、燃气生产和供应业: industries listed, and the last
/// ends in 业 as a whole but not its words before 和 — one industry of the
/// national classification (批发和零售业, 住宿和餐饮业), not two items.
/// (Other lists elide a shared ending: 普通高中及职业教育 is two stages.)
fn joined_inside_a_name(earlier: &[&str], last: &str) -> bool {
    let end = '业';
    if earlier.is_empty() || !earlier.iter().all(|t| t.ends_with(end)) || !last.ends_with(end) {
        return false;
    }
    last.char_indices()
        .filter(|&(_, c)| matches!(c, '和' | '及' | '与'))
        .all(|(i, _)| !last[..i].ends_with(end))
}

/// What the writer listed (see `listed`).
struct Listed {
    n: usize,
    /// The list ends with 等.
    open: bool,
    /// A conjunction before the last item marks the list as complete.
    complete: bool,
}

/// Does the last item join two names with 和 / 及 / 与 (市容督查队和志愿服务队),
/// each of two characters at least? 祥和小区 or 人和镇 are one name.
fn closes_with_conjunction(last: &str) -> bool {
    last.char_indices()
        .filter(|&(_, c)| matches!(c, '和' | '及' | '与'))
        .any(|(i, c)| {
            let (a, b) = (&last[..i], &last[i + c.len_utf8()..]);
            a.chars().count() >= 2 && b.chars().count() >= 2
        })
}

impl Count {
    fn compare(
        &self,
        doc: &Document,
        count: &Quantity,
        items: &[Span],
        open: bool,
        out: &mut Vec<Diagnostic>,
    ) {
        let unit = count_unit(doc.text, count).unwrap_or(count.unit);
        // 3市: the place noun is part of the count as written.
        let noun = if count.unit.is_empty() { unit.len() } else { 0 };
        let stated = Stated {
            span: count.span.start..count.span.end + noun,
            n: count.value.mantissa as usize,
            unit,
        };
        self.compare_stated(doc, &stated, items, open, out);
    }

    /// The stated count against the items listed; a finding when they differ
    /// (fewer listed is fine when the list is open: 甲、乙等5个).
    pub(super) fn compare_stated(
        &self,
        doc: &Document,
        count: &Stated,
        items: &[Span],
        open: bool,
        out: &mut Vec<Diagnostic>,
    ) {
        let Some(Listed {
            n,
            open: open_list,
            complete,
        }) = listed(doc, items)
        else {
            return;
        };
        let open = (open || open_list) && !complete;
        if n == count.n || (open && n < count.n) {
            return;
        }
        let list = items[0].start..items[items.len() - 1].end;
        out.push(self.mismatch(doc, count, n, list, open));
    }

    /// The finding on `count` when `n` items are listed in `list`.
    fn mismatch(
        &self,
        doc: &Document,
        count: &Stated,
        n: usize,
        list: Span,
        open: bool,
    ) -> Diagnostic {
        let unit = count.unit;
        let message = if open {
            format!(
                "“等”表示未列全，但这里列出了{n}{unit}，多于所说的{}。请核对数目。",
                doc.slice(&count.span)
            )
        } else {
            format!("所说数目与列举不符：写的是{}，实际列出了{n}{unit}。请核对数目或补全、删减所列各项。", doc.slice(&count.span))
        };
        self.diagnostic(count.span.clone(), message)
            .with_related(list, format!("列举的{n}项"))
    }
}

impl Count {
    /// The lists after a count and its intro word (…2个，分别是…), read two
    /// ways: two names joined by 和 ([`Count::pair_after_intro`]), or items
    /// run together, each ended by its figure ([`Count::glued_after_intro`]).
    fn lists_after_intro(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        for (qi, q) in doc.quantities.iter().enumerate() {
            if !is_item_count(doc.text, q) {
                continue;
            }
            let Some((list_at, reach)) = intro_after(doc, qi) else {
                continue;
            };
            self.pair_after_intro(doc, q, list_at, reach, out);
            self.glued_after_intro(doc, qi, list_at, out);
        }
    }

    /// 地级市有2个，分别是沈阳市和大连市: two names joined by 和 / 及 after an
    /// intro word, with no 、 to make a list of them.
    fn pair_after_intro(
        &self,
        doc: &Document,
        q: &Quantity,
        list_at: usize,
        reach: usize,
        out: &mut Vec<Diagnostic>,
    ) {
        let list = &doc.text[list_at..reach.max(list_at)];
        let end = list
            .find(|c: char| !crate::text::is_han(c))
            .unwrap_or(list.len());
        let names = &list[..end];
        let Some(join) = names.find(['和', '及', '与']) else {
            return;
        };
        let (a, b) = (&names[..join], &names[join + '和'.len_utf8()..]);
        let short = |t: &str| (2..=8).contains(&t.chars().count());
        if !short(a) || !short(b) || b.contains(['和', '及', '与']) {
            return;
        }
        let items = [
            list_at..list_at + join,
            list_at + join + '和'.len_utf8()..list_at + end,
        ];
        self.compare(doc, q, &items, false, out);
    }

    /// 2项指标符合预期，分别是：固定资产投资增长12%进出口总额增长10%: items
    /// taken from a table run together, each a name and its figure, after a
    /// count and its intro word; each figure ends an item.
    fn glued_after_intro(
        &self,
        doc: &Document,
        qi: usize,
        list_at: usize,
        out: &mut Vec<Diagnostic>,
    ) {
        let q = &doc.quantities[qi];
        let sentence_end = doc.sentences[q.sentence].span.end;
        let reach =
            crate::text::floor_boundary(doc.text, (list_at + CLAUSE_REACH).min(sentence_end));
        // The run ends at the next count (…增长10%6项指标不达预期).
        let next = doc.quantities[qi + 1..]
            .iter()
            .take_while(|o| o.span.start < reach)
            .find(|o| o.span.start >= list_at && is_item_count(doc.text, o))
            .map_or(reach, |o| o.span.start);
        let items = glued_items(doc.text, list_at..next.max(list_at));
        let n = items.len();
        if n >= 2 && n != q.value.mantissa as usize {
            let list = items[0].start..items[n - 1].end;
            out.push(self.mismatch(doc, &Stated::of(q), n, list, false));
        }
    }
}

/// The items of a run of names each followed by its figure with no mark
/// between (固定资产投资增长12%进出口总额增长10%), to the run's end;
/// none unless the run is only such items.
fn glued_items(text: &str, span: Span) -> Vec<Span> {
    let run = &text[span.clone()];
    // The sentence's own end closes the run (…增长5.2%。).
    let run = &run[..run
        .find(['。', '；', ';', '！', '？', '\n'])
        .unwrap_or(run.len())];
    let mut items = Vec::new();
    let mut item_start = 0;
    let mut names = 0;
    let mut chars = run.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if crate::text::is_han(c) {
            names += 1;
            continue;
        }
        let sign = matches!(c, '-' | '－' | '+');
        if !(c.is_ascii_digit() || sign) || names < 2 {
            return Vec::new();
        }
        // The number, then its unit: the item ends there.
        let mut end = i + c.len_utf8();
        while let Some(&(k, d)) = chars.peek() {
            if d.is_ascii_digit() || d == '.' {
                end = k + d.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let rest = &run[end..];
        let unit = match rest.chars().next() {
            Some(u @ ('%' | '％' | '‰')) => u.len_utf8(),
            _ => crate::quantity::unit_at(rest).map_or(0, str::len),
        };
        if unit == 0 || (sign && end == i + c.len_utf8()) {
            return Vec::new();
        }
        end += unit;
        while chars.peek().is_some_and(|&(k, _)| k < end) {
            chars.next();
        }
        items.push(span.start + item_start..span.start + end);
        item_start = end;
        names = 0;
    }
    // Names after the last figure: the run is no list of figures.
    if names > 0 {
        return Vec::new();
    }
    items
}

/// How far (bytes) after a count 分别是 may still introduce its items.
const FAR_INTRO_REACH: usize = 150;

/// Where the items introduced after the count `doc.quantities[qi]` begin,
/// and how far they may be read: right after its noun and an intro word
/// (有2个，分别是…), or after a clause or two about the count when a clause
/// opens with 分别是 / 分别为 and no other count comes between
/// (2项指标符合时间节点要求，预计能够完成，分别是：…).
fn intro_after(doc: &Document, qi: usize) -> Option<(usize, usize)> {
    let q = &doc.quantities[qi];
    // The intro stands near the count: read a few dozen bytes (a 10 MB
    // sentence of counts stays linear).
    let sentence_end = doc.sentences[q.sentence].span.end;
    let bound = |reach: usize| {
        crate::text::floor_boundary(doc.text, (q.span.end + reach).min(sentence_end))
    };
    let reach = bound(INTRO_REACH);
    let rest = &doc.text[q.span.end..reach];
    if let Some(comma) = rest.find(['，', ',', '：', ':']) {
        let noun = &rest[..comma];
        if noun.chars().count() <= 8 && noun.chars().all(crate::text::is_han) {
            let after = &rest[comma + rest[comma..].chars().next().map_or(1, char::len_utf8)..];
            if let Some(word) = INTRO_WORDS.iter().find(|w| after.starts_with(*w)) {
                // 分别是：甲和乙: the colon after the intro word too.
                let list = &after[word.len()..];
                let colon = list
                    .chars()
                    .next()
                    .filter(|c| matches!(c, '：' | ':'))
                    .map_or(0, char::len_utf8);
                return Some((
                    q.span.end + (rest.len() - after.len()) + word.len() + colon,
                    reach,
                ));
            }
        }
    }
    let far = bound(FAR_INTRO_REACH);
    let rest = &doc.text[q.span.end..far];
    let (at, word) = ["，分别是", "，分别为", ",分别是", ",分别为"]
        .iter()
        .filter_map(|w| rest.find(w).map(|k| (k, w)))
        .min()?;
    let intro = q.span.end + at;
    let another = doc.quantities[qi + 1..]
        .iter()
        .take_while(|o| o.span.start < intro)
        .any(|o| is_item_count(doc.text, o));
    if another {
        return None;
    }
    let list_at = intro + word.len();
    let colon = doc.text[list_at..]
        .chars()
        .next()
        .filter(|c| matches!(c, '：' | ':'))
        .map_or(0, char::len_utf8);
    Some((list_at + colon, far))
}

/// The names of the clause starting at `from` (after a comma) when it holds
/// nothing else: 蒌根及薛宅 / 丙村、丁村. Two at least, each 2–6 Han characters.
fn names_clause(text: &str, from: usize, sentence_end: usize) -> Option<Vec<Span>> {
    let from = text[from..]
        .find(|c: char| c != ',' && c != '，')
        .map(|k| from + k)?;
    let clause = &text[from..sentence_end];
    let end = clause
        .find(|c: char| is_list_end(c) || matches!(c, '，' | ','))
        .unwrap_or(clause.len());
    let mut names = Vec::new();
    let mut start = 0;
    let body = &clause[..end];
    for (i, c) in body
        .char_indices()
        .chain(std::iter::once((body.len(), '、')))
    {
        if matches!(c, '、' | '和' | '及') {
            let name = &body[start..i];
            let n = name.chars().count();
            if !(2..=6).contains(&n) || !name.chars().all(crate::text::is_han) {
                return None;
            }
            names.push(from + start..from + i);
            start = i + c.len_utf8();
        }
    }
    // One word alone may be a predicate (…，均已出列): names come joined.
    (names.len() >= 2).then_some(names)
}

/// How far (bytes) after a count the list it introduces may begin.
const INTRO_REACH: usize = 60;

impl Count {
    /// 重点工作目标有五项：一是…六是…; 做到“三个主动”。一是…二是…: a count that
    /// introduces numbered members (run-ins or headings) counts them.
    fn counted_members(
        &self,
        doc: &Document,
        phrases: &[numbered_phrase::NumberedPhrase],
        ones: &[numbered_phrase::NumberedPhrase],
        points: &[Stated],
        out: &mut Vec<Diagnostic>,
    ) {
        let members: Vec<&crate::outline::Heading> = {
            let mut all: Vec<&crate::outline::Heading> = doc
                .outline
                .run_ins
                .iter()
                .chain(doc.outline.headings.iter())
                .collect();
            crate::text::sort_stable_by(&mut all, |a, b| a.marker.start.cmp(&b.marker.start));
            all
        };
        // Figures that count items, and numbered phrases (做到“三勤”：一是…).
        // Each with whether it is a numbered phrase.
        let mut counts: Vec<(&Stated, bool)> = Vec::new();
        let of_figures: Vec<Stated> = doc
            .quantities
            .iter()
            .filter(|q| is_item_count(doc.text, q) || follows_yixia(doc.text, q))
            .map(Stated::of)
            .collect();
        counts.extend(of_figures.iter().map(|q| (q, false)));
        counts.extend(points.iter().map(|q| (q, false)));
        counts.extend(phrases.iter().chain(ones).map(|p| (&p.stated, true)));
        crate::text::sort_stable_by(&mut counts, |a, b| a.0.span.start.cmp(&b.0.span.start));
        for (ci, &(q, phrase)) in counts.iter().enumerate() {
            let first = members.partition_point(|h| h.marker.start < q.span.end);
            let Some(head) = members.get(first).filter(|h| h.number == 1) else {
                continue;
            };
            if head.marker.start - q.span.end > INTRO_REACH {
                continue;
            }
            let between = &doc.text[q.span.end..head.marker.start];
            // (二)抓实“两区创建”，打造示范样板 / 一是…二是…: a numbered phrase
            // in a heading introduces the members that open the paragraphs
            // under it (a figure there, 新建3个服务中心, may be followed by
            // the measures taken, not by the centres).
            let heads_members = phrase
                && heading_holding(doc, q.span.start)
                    .is_some_and(|h| head.paragraph == h.paragraph + 1);
            let introduces = between.contains(['：', ':'])
                || (between.trim_end().ends_with('。') && between.chars().count() <= 12)
                || heads_members;
            // A numbered phrase introduces its members at once: “三勤”：一是….
            let at_once = between
                .char_indices()
                .take(6)
                .any(|(_, c)| matches!(c, '：' | ':'));
            if phrase && !at_once && !heads_members {
                continue;
            }
            // Another count between them introduces the list instead (the
            // counts between lie within INTRO_REACH bytes: a few at most).
            // A count read twice (“三个主动” is a figure and a quoted phrase)
            // is not another.
            // Counts are in text order: only those before the head are read.
            let another = counts[ci + 1..]
                .iter()
                .take_while(|(o, _)| o.span.start < head.marker.start)
                .any(|(o, _)| o.span.start >= q.span.end && o.span.end <= head.marker.start);
            let read_as_figure = phrase
                && counts[..ci]
                    .iter()
                    .rev()
                    .take_while(|(o, _)| o.span.start == q.span.start)
                    .any(|(o, _)| o.span != q.span);
            if !introduces || another || read_as_figure {
                continue;
            }
            // A quoted phrase of one (“一区创建”) is mostly a slogan
            // (“一网通办”): a count only of members that carry its noun.
            let slogan = phrase && q.n == 1;
            if slogan && !members_carry_the_noun(doc, q, &members[first..]) {
                continue;
            }
            self.compare_members(doc, q, &members[first..], out);
        }
    }
}

/// The members a count introduces: those of the first's style numbered
/// 1, 2, 3 … in order (`members[0]` is the first).
fn member_run<'h>(members: &[&'h crate::outline::Heading]) -> Vec<&'h crate::outline::Heading> {
    let head = members[0];
    let mut run: Vec<&crate::outline::Heading> = Vec::new();
    for h in members.iter().filter(|h| h.style == head.style) {
        if h.number as usize != run.len() + 1 {
            break;
        }
        run.push(h);
    }
    run
}

/// Shortest noun of a phrase (区创建) that ties a member to it.
const MEMBER_NOUN_CHARS: usize = 3;

/// “两区创建”：一是…示范区创建，二是…景区创建: members that each carry the
/// phrase's noun (区创建) are its items, whatever its numeral. A member
/// carrying the whole phrase (一是建好“一站式”大厅) names it as a slogan.
fn members_carry_the_noun(
    doc: &Document,
    q: &Stated,
    members: &[&crate::outline::Heading],
) -> bool {
    let Some(noun) = numbered_phrase::quoted_noun(doc.text, q) else {
        return false;
    };
    let whole = &doc.text[q.span.start..noun.end];
    let noun = doc.slice(&noun);
    // Two characters (中心, 服务) are met in members of any heading.
    if noun.chars().count() < MEMBER_NOUN_CHARS {
        return false;
    }
    let run = member_run(members);
    run.len() >= 2
        && run.iter().all(|h| {
            let title = doc.slice(&h.title);
            title.contains(noun) && !title.contains(whole)
        })
}

/// 以下三点 / 做了以下3各方面的工作: “the following N” counts what follows
/// whatever its measure word (点 is no unit, 各 a slip for 个).
fn follows_yixia(text: &str, q: &Quantity) -> bool {
    is_small_whole(text, q)
        && ["以下", "如下", "下列", "下面"]
            .iter()
            .any(|w| text[..q.span.start].ends_with(w))
}

/// The heading whose title holds `at`, if any (headings are in text order).
fn heading_holding<'d>(doc: &'d Document, at: usize) -> Option<&'d crate::outline::Heading> {
    let k = doc
        .outline
        .headings
        .partition_point(|h| h.title.start <= at);
    let h = doc.outline.headings.get(k.checked_sub(1)?)?;
    (at < h.title.end).then_some(h)
}

impl Count {
    /// The stated count against the members that follow it (`members[0]` is
    /// the first): 1, 2, 3 … of the first's style, in order.
    fn compare_members(
        &self,
        doc: &Document,
        q: &Stated,
        members: &[&crate::outline::Heading],
        out: &mut Vec<Diagnostic>,
    ) {
        let head = members[0];
        let of_style = || members.iter().filter(|h| h.style == head.style);
        let n = member_run(members).len() as u32;
        let stated = q.n as u32;
        let last = of_style()
            .nth(n.saturating_sub(1) as usize)
            .copied()
            .unwrap_or(head);
        // A list that reaches the end of the text may run on past a cut,
        // unless its last member already runs on twice as long as any
        // before it: the next would have begun before the cut.
        let longest = of_style()
            .take(n as usize)
            .zip(of_style().skip(1).take(n as usize - 1))
            .map(|(a, b)| b.marker.start.saturating_sub(a.marker.start))
            .max()
            .unwrap_or(0);
        let tail = doc.text.trim_end().len().saturating_sub(last.marker.start);
        let cut_short = tail <= 2 * longest;
        let last_paragraph = last.paragraph + 1 >= doc.paragraphs.len() && cut_short;
        if n < 2 || n == stated || (n < stated && last_paragraph) {
            return;
        }
        out.push(
            self.diagnostic(
                q.span.clone(),
                format!(
                    "所说数目与列举不符：写的是{}，后面列出了{n}项（{}至{}）。请核对数目或所列各项。",
                    doc.slice(&q.span),
                    doc.slice(&head.marker),
                    doc.slice(&last.marker)
                ),
            )
            .with_related(head.marker.clone(), "列举的第一项")
            .with_related(last.marker.clone(), "列举的最后一项"),
        );
    }

    /// The count closes the list: …丙村3个 / …丙村等3个. Whether a count
    /// after the list's last item was found (then no other form is tried).
    fn count_closing_list(
        &self,
        doc: &Document,
        figures: &[Quantity],
        counts: &[&Quantity],
        e: &Enumeration,
        out: &mut Vec<Diagnostic>,
    ) -> bool {
        let last = e.items.last().expect("two items at least");
        // The count closes the list: …丙村3个 / …丙村等3个.
        // Counts and figures are in text order: found by binary search, so a
        // clause of thousands of lists stays linear.
        let next = counts.partition_point(|q| q.span.start <= last.start);
        if let Some(q) = counts.get(next).filter(|q| q.span.end <= e.span.end) {
            let before = &doc.text[last.start..q.span.start];
            // 在屯留区、潞城区和武乡县布置了7个试验点: a verb done (了) stands
            // between: the list is where or who, and the count is its object.
            if opens_a_name(before) || before.contains('了') {
                return true;
            }
            let (item, closer) = match CLOSERS.iter().find(|c| before.ends_with(*c)) {
                Some(c) => (&before[..before.len() - c.len()], Some(*c)),
                None => (before, None),
            };
            // Tied by a closer word, or the noun after the count repeats the
            // items' ending (…金坪社区5个社区, …丙村3个村).
            let rest = doc.text[q.span.end..e.span.end].trim();
            let tail_noun = rest
                .char_indices()
                .skip(1)
                .map(|(i, _)| &rest[..i])
                .chain(std::iter::once(rest))
                .take(3)
                .any(|noun| !noun.is_empty() && item.ends_with(noun));
            // 越过800、900、1000亿斤四个台阶: bare numbers sharing the last
            // one's unit are the items themselves.
            if closer.is_none() && numeral_series(doc, &e.items, item) {
                let mut items = e.items.clone();
                *items.last_mut().expect("non-empty") = last.start..last.start + item.len();
                self.compare(doc, q, &items, false, out);
                return true;
            }
            // Items with figures of their own (道路2条、桥梁3座) are parallel figures, not a list to count.
            let figures_inside = figures_within(figures, e.span.start, last.start);
            // 三铺村、塔桥村两个 / 北银、裕园2个老旧小区: short names with the
            // count right after them (apposition) are tied to it too. The
            // first item may carry the verb before the list (解决了广顺里) and
            // begins after the last bracket or figure before it
            // (…近三学年(2015-2017)在县内就读学前教育、…).
            let mut items = e.items.clone();
            items[0] = name_tail(doc.text, &items[0]);
            let apposition = closer.is_none() && names_in_apposition(doc, &items, item);
            if item.is_empty() || figures_inside || !(closer.is_some() || tail_noun || apposition) {
                return true;
            }
            // 新建公厕8座，角园、文化广场7个: kinds of things and how many
            // there are, not names counted — no writer lists two names and
            // counts seven.
            let names_only = closer.is_none() && !tail_noun;
            if names_only && q.value.mantissa > items.len() as i64 + 2 && q.value.scale == 0 {
                return true;
            }
            // 申请、申诉再审案件1件: the measure repeats the last name's own
            // noun (案件, 件): a category and how many it holds, as in the
            // clauses around it (执行未结案557件).
            if names_only && !q.unit.is_empty() && item.ends_with(q.unit) {
                return true;
            }
            *items.last_mut().expect("non-empty") = last.start..last.start + item.len();
            self.compare(
                doc,
                q,
                &items,
                closer.is_some_and(|c| c.starts_with('等')),
                out,
            );
            return true;
        }
        false
    }

    /// A count right after a quoted list. Whether one was found.
    fn count_after_quoted_list(
        &self,
        doc: &Document,
        figures: &[Quantity],
        counts: &[&Quantity],
        e: &Enumeration,
        out: &mut Vec<Diagnostic>,
    ) -> bool {
        // “富强、民主、文明”三个目标: a quoted list with its count right after it.
        let after_quote = doc.text[e.span.end..]
            .strip_prefix(['”', '"', '」', '’'])
            .map(|_| {
                e.span.end
                    + doc.text[e.span.end..]
                        .chars()
                        .next()
                        .map_or(0, char::len_utf8)
            });
        let at_quote = |at: usize| {
            let k = counts.partition_point(|q| q.span.start < at);
            counts.get(k).filter(|q| q.span.start == at)
        };
        if let Some(q) = after_quote.and_then(at_quote) {
            let figures_inside = figures_within(figures, e.span.start, e.span.end);
            if !figures_inside {
                self.compare(doc, q, &e.items, false, out);
            }
            return true;
        }
        // 新建文化广场（甲村、乙村、丙村）2个。: a count right after a bracket
        // of names, ending its clause, counts the noun before the bracket and
        // so the names (甲村（一组、二组）2个项目 counts projects, not groups).
        let after_bracket = doc.text[e.span.end..]
            .strip_prefix(['）', ')'])
            .map(|rest| doc.text.len() - rest.len());
        if let Some(q) = after_bracket.and_then(at_quote) {
            let ends_clause = doc.text[q.span.end..]
                .chars()
                .next()
                .is_none_or(|c| is_list_end(c) || matches!(c, '，' | ',' | '；' | ';'));
            let figures_inside = figures_within(figures, e.span.start, e.span.end);
            if ends_clause && !figures_inside {
                self.compare(doc, q, &e.items, false, out);
                return true;
            }
        }
        false
    }

    /// A count before the list that it opens.
    fn count_opening_list(
        &self,
        doc: &Document,
        counts: &[&Quantity],
        e: &Enumeration,
        sentence_end: usize,
        out: &mut Vec<Diagnostic>,
    ) {
        // The count opens the list: 3个示范点：甲、乙、丙.
        let before = counts.partition_point(|q| q.span.end <= e.span.start);
        let Some(q) = before.checked_sub(1).map(|k| counts[k]) else {
            return;
        };
        let between = &doc.text[q.span.end..e.span.start];
        let first = doc.slice(&e.items[0]);
        // 3个示范点：甲… / 3个村（甲… directly; after a comma only with 分别是 / 即 / 包括.
        let (noun, items) = if let Some(noun) = between.strip_suffix(['（', '(']) {
            // 25个省（区、市）: one character each, the bracket names kinds
            // of the noun, not its members.
            if e.items
                .iter()
                .all(|i| doc.slice(i).trim().chars().count() <= 1)
            {
                return;
            }
            // 2处（甲组、乙组）: the bracket may follow the count directly.
            (if noun.is_empty() { "括号" } else { noun }, e.items.clone())
        } else if let Some(noun) = between.strip_suffix(['：', ':']) {
            // “三个到位”：即思想到位、…: a quoted count, and an intro word
            // after the colon.
            let noun = noun.strip_suffix(['”', '"']).unwrap_or(noun);
            // 3个示范点，分别是：甲… / 包括：甲…: the intro word before the colon.
            let noun = INTRO_WORDS
                .iter()
                .find_map(|w| noun.strip_suffix(w))
                .and_then(|n| n.strip_suffix(['，', ',']).or(Some(n)))
                .unwrap_or(noun);
            // 示范点3个：甲…: the noun before the count, the colon right after it.
            let noun = if noun.is_empty() { "冒号" } else { noun };
            (noun, without_intro_word(doc.text, &e.items))
        } else if let Some(noun) = between.strip_suffix(['，', ',']) {
            let Some(word) = INTRO_WORDS.iter().find(|w| first.starts_with(*w)) else {
                if noun.is_empty() {
                    self.count_then_names(doc, q, e, sentence_end, out);
                }
                return;
            };
            let mut items = e.items.clone();
            items[0].start += word.len();
            // 共4家，分别是甲、乙和丙: the intro word ties the list to the
            // count even with no noun after the measure word.
            (if noun.is_empty() { word } else { noun }, items)
        } else if between.is_empty() {
            // 3个示范点分别是甲村、…: the noun and the intro word open the
            // first item (即 and 为 begin words too: 即将, 为民).
            let Some((at, word)) =
                first
                    .char_indices()
                    .take(MAX_CLAUSE_NOUN + 1)
                    .find_map(|(k, _)| {
                        ["分别是", "分别为", "包括"]
                            .iter()
                            .find(|w| first[k..].starts_with(*w))
                            .map(|w| (k, *w))
                    })
            else {
                return;
            };
            let mut items = e.items.clone();
            items[0].start += at + word.len();
            (&first[..at], items)
        } else {
            return;
        };
        // 4个村，分别是甲、乙（…），丙及丁: a list ended by a comma may go on.
        let ends_at_comma = doc.text[e.span.end..].starts_with([',', '，']);
        let listed_fewer = listed(doc, &items).is_some_and(|l| l.n < q.value.mantissa as usize);
        let mut items = items;
        // （一年级48人、…、六年级57人，合计299人）: a total after the list closes it.
        let totalled = ends_at_comma && {
            let next = doc.text[e.span.end..].trim_start_matches([',', '，', ' ', '\u{3000}']);
            ["合计", "共计", "总计", "总共", "共有", "共"]
                .iter()
                .any(|w| next.starts_with(w))
        };
        if ends_at_comma && listed_fewer && !totalled {
            // …，蒌根及薛宅，其中…: a clause of names only goes on with the list.
            match names_clause(doc.text, e.span.end, sentence_end) {
                Some(more) => items.extend(more),
                None => return,
            }
        }
        // 4个村（社区）：…: a short note in brackets is part of the noun.
        if is_count_noun(noun) {
            self.compare(doc, q, &items, false, out);
        }
    }

    /// 建成甲村、乙村、丙村，共2个示范点: a clause that opens with a total
    /// word and the count, and holds nothing but the count and its noun,
    /// totals the list ending at the comma before it (and maybe more):
    /// a total below the names listed is wrong. Whether one was read.
    fn total_after_comma(
        &self,
        doc: &Document,
        figures: &[Quantity],
        counts: &[&Quantity],
        e: &Enumeration,
        out: &mut Vec<Diagnostic>,
    ) -> bool {
        let Some(rest) = doc.text[e.span.end..].strip_prefix(['，', ',']) else {
            return false;
        };
        let Some(word) = ["共计", "合计", "总计", "总共", "共有", "共"]
            .iter()
            .find(|w| rest.starts_with(*w))
        else {
            return false;
        };
        let at = doc.text.len() - rest.len() + word.len();
        let k = counts.partition_point(|q| q.span.start < at);
        let Some(q) = counts.get(k).filter(|q| q.span.start == at) else {
            return false;
        };
        // Only the count's noun after it: 共4个示范点。 (共解决问题4个 is another tally).
        let after = &doc.text[q.span.end..];
        let noun_end = after
            .char_indices()
            .take(7)
            .find(|&(_, c)| !crate::text::is_han(c))
            .map(|(k, _)| k);
        let ends_clause = noun_end.is_some_and(|k| {
            after[k..]
                .chars()
                .next()
                .is_some_and(|c| is_list_end(c) || matches!(c, '，' | ',' | '；' | ';'))
        });
        // 道路2条、桥梁3座，共5处: parts with figures of their own are a sum.
        if !ends_clause || figures_within(figures, e.span.start, e.span.end) {
            return false;
        }
        let mut items = e.items.clone();
        items[0] = name_tail(doc.text, &items[0]);
        let last = doc.slice(&items[items.len() - 1]).to_owned();
        if !names_in_apposition(doc, &items, &last) {
            return false;
        }
        // 新增甲社区、…、戊社区，总计12个社区: a total after a comma may
        // take in items named before; only one below the list is wrong.
        let stated = Stated::of(q);
        if let Some(listed) = listed(doc, &items).filter(|l| !l.open && l.n > stated.n) {
            let list = items[0].start..items[items.len() - 1].end;
            out.push(self.mismatch(doc, &stated, listed.n, list, false));
        }
        true
    }
}

/// How far (bytes) after a count its clauses are read.
const CLAUSE_REACH: usize = 600;

impl Count {
    /// 学校分为三块：一块是幼儿园，一块是五、六年级，一块是一至四年级: a
    /// count and a colon, then clauses that each open with 一<measure word>
    /// (or 另一 / 二 / 三 … in order) name its items one by one.
    fn clauses_after_colon(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        for q in doc
            .quantities
            .iter()
            .filter(|q| is_small_whole(doc.text, q))
        {
            let mut unit = q.unit.chars();
            let (Some(m), None) = (unit.next(), unit.next()) else {
                continue;
            };
            let Some(rest) = doc.text[q.span.end..].strip_prefix(['：', ':']) else {
                continue;
            };
            let from = doc.text.len() - rest.len();
            let sentence_end = doc.sentences[q.sentence].span.end;
            let reach =
                crate::text::floor_boundary(doc.text, (from + CLAUSE_REACH).min(sentence_end));
            let clauses = clauses_opening_with(doc.text, from..reach, m);
            let n = clauses.len();
            if n < 2 || n == q.value.mantissa as usize {
                continue;
            }
            let (first, last) = (clauses[0].clone(), clauses[n - 1].clone());
            out.push(
                self.diagnostic(
                    q.span.clone(),
                    format!(
                        "所说数目与列举不符：写的是{}，后面分述了{n}{m}。请核对数目或所列各项。",
                        doc.slice(&q.span)
                    ),
                )
                .with_related(first.start..last.end, format!("分述的{n}项")),
            );
        }
    }
}

impl Count {
    /// 主要有三个特点：交通便利；基础薄弱；发展居中。 / “四增为水稻…；小麦…；
    /// 玉米…；其他…。: a count that introduces items set apart by ；, to the
    /// end of the sentence, counts them (numbered members are read apart).
    fn semicolon_items(
        &self,
        doc: &Document,
        phrases: &[numbered_phrase::NumberedPhrase],
        points: &[Stated],
        out: &mut Vec<Diagnostic>,
    ) {
        let figures = doc
            .quantities
            .iter()
            .filter(|q| is_item_count(doc.text, q))
            .map(Stated::of)
            .chain(points.iter().cloned());
        // Run-in markers are in document order already.
        let members = &doc.outline.run_ins;
        for (q, phrase) in figures
            .map(|q| (q, false))
            .chain(phrases.iter().map(|p| (p.stated.clone(), true)))
        {
            let Some(from) = items_intro_end(doc.text, q.span.end, phrase) else {
                continue;
            };
            let reach =
                crate::text::floor_boundary(doc.text, (from + CLAUSE_REACH).min(doc.text.len()));
            let body = &doc.text[from..reach];
            let Some(end) = body.find(['。', '\n', '！', '？']).map(|k| from + k) else {
                continue;
            };
            let k = members.partition_point(|m| m.marker.start < from);
            if members.get(k).is_some_and(|m| m.marker.start < end) {
                continue;
            }
            let items = split_at_semicolons(doc.text, from..end);
            let n = items.len();
            if n < 2 {
                // 3个示范点：甲村，乙村，丙村，丁村: names set apart by commas.
                let names = comma_names(doc.text, from..end);
                if names.len() >= 2 && names.len() != q.n {
                    let list = names[0].start..names[names.len() - 1].end;
                    out.push(self.mismatch(doc, &q, names.len(), list, false));
                }
                continue;
            }
            if n == q.n {
                continue;
            }
            out.push(
                self.diagnostic(
                    q.span.clone(),
                    format!(
                        "所说数目与列举不符：写的是{}，后面以分号分述了{n}项。请核对数目或所列各项。",
                        doc.slice(&q.span)
                    ),
                )
                .with_related(items[0].start..items[n - 1].end, format!("分述的{n}项")),
            );
        }
    }
}

/// How far (bytes) after a count of kinds its bracket may open.
const KINDS_REACH: usize = 120;

impl Count {
    /// 全市“三类对象”监测总数为16369户(脱贫不稳定户5018户、边缘易致贫户4876户、
    /// 突发严重困难户6475户): a count of kinds (N类, N种) and, in the same
    /// clause, a bracket breaking the figure down kind by kind.
    fn kinds_in_bracket(
        &self,
        doc: &Document,
        phrases: &[numbered_phrase::NumberedPhrase],
        out: &mut Vec<Diagnostic>,
    ) {
        let figures = doc
            .quantities
            .iter()
            .filter(|q| is_small_whole(doc.text, q) && matches!(q.unit, "类" | "种"))
            .map(Stated::of);
        let kind_phrases = phrases
            .iter()
            .filter(|p| doc.text[p.stated.span.end..].starts_with('类'))
            .map(|p| p.stated.clone());
        for q in figures.chain(kind_phrases) {
            let reach = crate::text::floor_boundary(
                doc.text,
                (q.span.end + KINDS_REACH).min(doc.text.len()),
            );
            let ahead = &doc.text[q.span.end..reach];
            let Some(open) = ahead.find(['（', '(', '，', ',', '；', ';', '。', '\n']) else {
                continue;
            };
            if !ahead[open..].starts_with(['（', '(']) {
                continue;
            }
            let from = q.span.end + open + ahead[open..].chars().next().map_or(1, char::len_utf8);
            let inner_reach =
                crate::text::floor_boundary(doc.text, (from + CLAUSE_REACH).min(doc.text.len()));
            let inner = &doc.text[from..inner_reach];
            let Some(close) = inner.find(['）', ')', '（', '(', '\n']) else {
                continue;
            };
            if !inner[close..].starts_with(['）', ')']) {
                continue;
            }
            // Each item by its name: the Han words before its figures.
            let items: Vec<Span> = split_at(doc.text, from..from + close, '、')
                .into_iter()
                .map(|it| {
                    let name = doc.slice(&it);
                    let end = name
                        .find(|c: char| !crate::text::is_han(c))
                        .unwrap_or(name.len());
                    it.start..it.start + end
                })
                .collect();
            let named = items.iter().all(|it| doc.slice(it).chars().count() >= 2);
            // (其中甲类5户、乙类3户) names only some kinds; so does a list ending in 等.
            let inner = doc.text[from..from + close].trim();
            let partial = ["其中", "含", "如", "主要", "包含"]
                .iter()
                .any(|w| inner.starts_with(w));
            let open = inner.trim_end_matches(['。', '.']).ends_with('等');
            if items.len() >= 2 && named && !partial {
                self.compare_stated(doc, &q, &items, open, out);
            }
        }
    }
}

/// The parts of `span` between the separators `sep`.
fn split_at(text: &str, span: Span, sep: char) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = span.start;
    for (k, c) in text[span.clone()].char_indices() {
        if c == sep {
            out.push(start..span.start + k);
            start = span.start + k + c.len_utf8();
        }
    }
    out.push(start..span.end);
    out
}

/// Where the items after a count begin: past its noun (Han characters, a
/// few only) and a colon (三个特点：), or for a numbered phrase past 为 / 是
/// too (“四增为…).
fn items_intro_end(text: &str, at: usize, phrase: bool) -> Option<usize> {
    let rest = &text[at..];
    let noun_end = rest
        .char_indices()
        .take(MAX_CLAUSE_NOUN + 1)
        .find(|&(_, c)| !crate::text::is_han(c) || (phrase && matches!(c, '为' | '是')))
        .map(|(k, _)| k)?;
    let after = &rest[noun_end..];
    let intro = after
        .chars()
        .next()
        .filter(|&c| matches!(c, '：' | ':') || (phrase && matches!(c, '为' | '是')))?;
    // A phrase's own noun is a character or two (四增为, “三勤”：).
    let noun = rest[..noun_end]
        .trim_end_matches(['”', '"'])
        .chars()
        .count();
    if phrase && noun > 2 {
        return None;
    }
    Some(at + noun_end + intro.len_utf8())
}

/// The parts of `span` set apart by ；, each non-empty.
fn split_at_semicolons(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = span.start;
    let body = &text[span.clone()];
    for (k, c) in body
        .char_indices()
        .chain(std::iter::once((body.len(), '；')))
    {
        if matches!(c, '；' | ';') {
            let part = start..span.start + k;
            if text[part.clone()].trim().is_empty() {
                return Vec::new();
            }
            out.push(part);
            start = span.start + k + c.len_utf8();
        }
    }
    out
}

/// The clauses of `span` (split at ，and ；) that name an item by the
/// measure word `m`: 一块是…，一块是… or 一类…，二类…; the first clause must.
fn clauses_opening_with(text: &str, span: Span, m: char) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut start = span.start;
    let body = &text[span.clone()];
    for (k, c) in body
        .char_indices()
        .chain(std::iter::once((body.len(), '，')))
    {
        if !matches!(c, '，' | ',' | '；' | ';' | '。') {
            continue;
        }
        let clause = &text[start..span.start + k];
        let ordinal = clause
            .strip_prefix("另")
            .unwrap_or(clause)
            .chars()
            .next()
            .and_then(crate::quantity::han_digit_value);
        let names_one = clause
            .trim_start_matches('另')
            .chars()
            .nth(1)
            .is_some_and(|c| c == m);
        let next = out.len() as u32 + 1;
        // 一块…一块…一块 repeats 一; 一类…二类…三类 counts up.
        let opens_item = names_one && (ordinal == Some(1) || ordinal == Some(next));
        if opens_item {
            out.push(start..span.start + k);
        } else if out.is_empty() {
            return out;
        }
        if c == '。' {
            break;
        }
        start = span.start + k + c.len_utf8();
    }
    out
}

/// The items with an intro word (即, 包括, 分别是) taken off the first.
pub(super) fn without_intro_word(text: &str, items: &[Span]) -> Vec<Span> {
    let mut items = items.to_vec();
    let first = &text[items[0].clone()];
    if let Some(word) = INTRO_WORDS.iter().find(|w| first.starts_with(*w)) {
        items[0].start += word.len();
    }
    items
}

/// Characters of predicates, not of names: 乙村已投用 says what 乙村 did.
const PREDICATE_CHARS: &[char] = &[
    '已', '均', '正', '将', '被', '都', '也', '还', '获', '是', '为', '的', '了', '得', '把', '使',
];

/// How many characters the noun of a count's own clause may have (村级完小3所).
const MAX_CLAUSE_NOUN: usize = 8;

impl Count {
    /// 村级完小3所，甘洛、斗牌和观岩小学: a clause that is only a noun and its
    /// count, followed by a clause that is only names, names what it counts.
    fn count_then_names(
        &self,
        doc: &Document,
        q: &Quantity,
        e: &Enumeration,
        sentence_end: usize,
        out: &mut Vec<Diagnostic>,
    ) {
        let noun: String = doc.text[..q.span.start]
            .chars()
            .rev()
            .take_while(|c| crate::text::is_han(*c))
            .take(MAX_CLAUSE_NOUN + 1)
            .collect();
        let noun_len = noun.chars().count();
        let opens_clause = doc.text[..q.span.start - noun.len()]
            .chars()
            .next_back()
            .is_none_or(|c| is_list_end(c) || matches!(c, '，' | ',' | '；' | ';'));
        if !(2..=MAX_CLAUSE_NOUN).contains(&noun_len) || !opens_clause {
            return;
        }
        let Some(names) = names_clause(doc.text, e.span.start, sentence_end) else {
            return;
        };
        let whole_clause = names.last().is_some_and(|n| n.end == e.span.end);
        let predicate = names.iter().any(|n| doc.slice(n).contains(PREDICATE_CHARS));
        if whole_clause && !predicate {
            self.compare(doc, q, &names, false, out);
        }
    }
}

impl Rule for Count {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        let first = out.len();
        self.check_all_forms(doc, out);
        one_finding_per_count(out, first);
    }
}

/// “四类对象” is a numbered phrase and a figure (四类), and two forms may
/// read the same count: the first finding on a count stands for it.
fn one_finding_per_count(out: &mut Vec<Diagnostic>, first: usize) {
    let mut order: Vec<usize> = (first..out.len()).collect();
    order.sort_by_key(|&i| (out[i].span.start, i));
    let mut drop = vec![false; out.len()];
    // The end of the last kept finding's span.
    let mut reach: Option<usize> = None;
    for &i in &order {
        let span = &out[i].span;
        if reach.is_some_and(|end| span.start < end) {
            drop[i] = true;
        } else {
            reach = Some(span.end);
        }
    }
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

impl Count {
    fn check_all_forms(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let phrases = numbered_phrase::find(doc);
        let points = point_counts(doc.text);
        let ones = numbered_phrase::quoted_ones(doc);
        self.counted_members(doc, &phrases, &ones, &points, out);
        self.lists_after_intro(doc, out);
        self.clauses_after_colon(doc, out);
        self.semicolon_items(doc, &phrases, &points, out);
        self.kinds_in_bracket(doc, &phrases, out);
        self.semicolons_in_bracket(doc, out);
        super::phases::ordinals_past_count(self, doc, out);
        let qs = &doc.quantities;
        for (sentence, range) in doc
            .sentences
            .iter()
            .zip(doc.sentence_quantities.iter().cloned())
        {
            let (from, qi) = (range.start, range.end);
            let counts: Vec<&Quantity> = qs[from..qi]
                .iter()
                .filter(|q| count_unit(doc.text, q).is_some())
                .collect();
            let one = sentence_has_han_count(doc.text, &sentence.span);
            if counts.is_empty() && !one {
                continue;
            }
            let lists: Vec<Enumeration> = enumerations(doc.text, &sentence.span)
                .into_iter()
                .flat_map(|e| split_at_counts(doc.text, e, &counts))
                .collect();
            self.single_names_in_brackets(doc, &counts, out);
            for e in &lists {
                if self.count_closing_list(doc, &qs[from..qi], &counts, e, out)
                    || self.count_after_quoted_list(doc, &qs[from..qi], &counts, e, out)
                    || (one && self.han_count_closing_list(doc, &qs[from..qi], e, out))
                    || self.total_after_comma(doc, &qs[from..qi], &counts, e, out)
                {
                    continue;
                }
                self.count_opening_list(doc, &counts, e, sentence.span.end, out);
            }
        }
        // After the figures: a count read both ways (“两个提升”) is reported
        // as the figure.
        numbered_phrase::check(self, doc, &phrases, out);
    }
}

/// A count in Han numerals the figures leave out, at the start of `after`
/// (just past the numeral `c`): 一 and a measure word (一个), or a numeral
/// and a place noun (两村); its value and its unit.
fn han_count_at(c: char, after: &str) -> Option<(usize, &'static str)> {
    let n = crate::quantity::han_digit_value(c).filter(|&n| n >= 1)? as usize;
    if n == 1 {
        let unit = ITEM_UNITS.iter().find(|u| after.starts_with(**u))?;
        return plain_count_unit(after, unit).then_some((1, *unit));
    }
    // 两村联建; 一村一品 and 两乡两策 are slogans, 两村民 no place.
    let place = PLACE_NOUNS.iter().find(|p| after.starts_with(**p))?;
    let next = after[place.len()..].chars().next();
    let slogan = next.is_some_and(crate::quantity::is_han_digit);
    let not_place = NOT_PLACES.iter().any(|w| after.starts_with(w));
    (!slogan && !not_place).then_some((n, *place))
}

/// Is there a count in Han numerals the figures leave out in `span`?
fn sentence_has_han_count(text: &str, span: &Span) -> bool {
    let s = &text[span.clone()];
    s.char_indices().any(|(i, c)| {
        crate::quantity::is_han_digit(c) && han_count_at(c, &s[i + c.len_utf8()..]).is_some()
    })
}

impl Count {
    /// 出列村三铺村、塔桥村一个 / 甲村、乙村、丙村两村联建: 一个 is left out
    /// of the figures (mostly "a"), and so is 两村, but right after the last
    /// of two names or more that share their ending (村, 村) they close the
    /// list as counts. Whether one was read.
    fn han_count_closing_list(
        &self,
        doc: &Document,
        figures: &[Quantity],
        e: &Enumeration,
        out: &mut Vec<Diagnostic>,
    ) -> bool {
        let last = e.items.last().expect("two items at least");
        let s = doc.slice(last);
        let Some((at, numeral, n, unit)) = s.char_indices().find_map(|(i, c)| {
            let before = s[..i].chars().next_back();
            if before.is_some_and(crate::quantity::is_han_digit) {
                return None;
            }
            let (n, unit) = han_count_at(c, &s[i + c.len_utf8()..])?;
            Some((i, c.len_utf8(), n, unit))
        }) else {
            return false;
        };
        // The count stands right after the last name (no 等 or 共 between:
        // 甲村、乙村等一个 is no way to write it).
        let item = &s[..at];
        // What follows is the end of the list or the items' own noun
        // (…塔桥村一个贫困村); 一个都不能少 is no count. After a place noun
        // (两村联建) anything may follow: the noun is the items' own.
        let rest = s[at + numeral + unit.len()..].trim();
        let place = PLACE_NOUNS.contains(&unit);
        let mut items = e.items.clone();
        items[0] = name_tail(doc.text, &items[0]);
        let ending = |t: &str| t.trim().chars().next_back();
        let Some(shared) = ending(item).filter(|c| crate::text::is_han(*c)) else {
            return false;
        };
        let all_share = items[..items.len() - 1]
            .iter()
            .all(|it| ending(doc.slice(it)) == Some(shared));
        let noun_ok = if place {
            unit.starts_with(shared)
        } else {
            rest.is_empty()
                || (rest.chars().count() <= 4
                    && rest.chars().all(crate::text::is_han)
                    && ending(rest) == Some(shared))
        };
        if !all_share || !noun_ok || figures_within(figures, e.span.start, last.start + at) {
            return false;
        }
        *items.last_mut().expect("non-empty") = last.start..last.start + at;
        let start = last.start + at;
        let stated = Stated {
            span: start..start + numeral + unit.len(),
            n,
            unit,
        };
        self.compare_stated(doc, &stated, &items, false, out);
        true
    }
}

/// Is `unit`, at the start of `after`, a measure word standing alone: not
/// part of a longer unit, a time (个月, 个小时) or an approximation (个多)?
fn plain_count_unit(after: &str, unit: &str) -> bool {
    const NOT_ALONE: &[&str] = &[
        "多",
        "余",
        "来",
        "月",
        "年",
        "日",
        "天",
        "周",
        "时",
        "小时",
        "半",
        "星期",
        "工作日",
        "季度",
        "百分",
    ];
    let next = &after[unit.len()..];
    crate::quantity::unit_at(after).is_none_or(|w| w == unit)
        && !NOT_ALONE.iter().any(|w| next.starts_with(w))
}

/// How far (bytes) a bracket after a count is read for the names in it.
const BRACKET_REACH: usize = 200;

/// The inside of the bracket right after `at`, if it closes within reach.
fn bracket_after(text: &str, at: usize, reach: usize) -> Option<Span> {
    let rest = text[at..].strip_prefix(['（', '('])?;
    let from = text.len() - rest.len();
    let reach = crate::text::floor_boundary(text, (from + reach).min(text.len()));
    let close = text[from..reach].find(['）', ')', '（', '(', '\n', '。'])?;
    text[from + close..]
        .starts_with(['）', ')'])
        .then_some(from..from + close)
}

impl Count {
    /// 规上工业企业2家(森财木业、睿新鹏电子)，重点服务业企业2家(新宗华驾驶员
    /// 培训学校): where a sentence names the items of a count in the bracket
    /// after it, and the names agree with it, a bracket after another count
    /// that holds one name only lists one item.
    fn single_names_in_brackets(
        &self,
        doc: &Document,
        counts: &[&Quantity],
        out: &mut Vec<Diagnostic>,
    ) {
        let mut agreeing = false;
        let mut single: Vec<(&Quantity, Span)> = Vec::new();
        for q in counts
            .iter()
            .copied()
            .filter(|q| ITEM_UNITS.contains(&q.unit))
        {
            let Some(inside) = bracket_after(doc.text, q.span.end, BRACKET_REACH) else {
                continue;
            };
            let names = split_at(doc.text, inside.clone(), '、');
            let plain = names.iter().all(|n| {
                let t = doc.slice(n).trim();
                let len = t.chars().count();
                (2..=MAX_ITEM).contains(&len)
                    && t.chars().all(crate::text::is_han)
                    && !t.contains(PREDICATE_CHARS)
                    && !t.contains(['和', '及', '与', '等'])
                    && !PARTIAL_OPENERS.iter().any(|w| t.starts_with(w))
            });
            if !plain {
                continue;
            }
            if names.len() == 1 {
                single.push((q, inside));
            } else if names.len() == q.value.mantissa as usize {
                agreeing = true;
            }
        }
        if !agreeing {
            return;
        }
        for (q, inside) in single {
            if q.value.mantissa > 1 {
                out.push(self.mismatch(doc, &Stated::of(q), 1, inside, false));
            }
        }
    }
}

/// How many characters may stand between a count and the bracket of its
/// items (2个投资额在500万元以上的项目（…）).
const BRACKET_NOUN: usize = 24;

/// Words that open a bracket of some items or of a note, not of all items.
const PARTIAL_OPENERS: &[&str] = &[
    "其中", "含", "如", "主要", "包括", "包含", "不含", "全部", "分别", "均", "以上", "详见", "见",
];

impl Count {
    /// 完成2个投资额在500万元以上的项目（甲公司计划投资1400万元；乙公司计划
    /// 投资1400万元）: a count, its noun, and a bracket of items set apart
    /// by ；, each about one of the things counted.
    fn semicolons_in_bracket(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        for (qi, q) in doc.quantities.iter().enumerate() {
            if !is_item_count(doc.text, q) {
                continue;
            }
            let reach = crate::text::floor_boundary(
                doc.text,
                (q.span.end + BRACKET_NOUN * 3 + 3).min(doc.text.len()),
            );
            let ahead = &doc.text[q.span.end..reach];
            let Some(open) = ahead.find(|c: char| {
                !(crate::text::is_han(c) || c.is_ascii_digit() || matches!(c, '.' | '%'))
            }) else {
                continue;
            };
            let noun = &ahead[..open];
            // 3个村的道路（…）: the bracket names the roads, not the villages.
            let de = noun.chars().take(4).any(|c| c == '的');
            let bracket = q.span.end + open;
            let another = doc.quantities[qi + 1..]
                .iter()
                .take_while(|o| o.span.start < bracket)
                .any(|o| is_item_count(doc.text, o));
            if noun.chars().count() > BRACKET_NOUN || de || another {
                continue;
            }
            let Some(inside) = bracket_after(doc.text, bracket, CLAUSE_REACH) else {
                continue;
            };
            let body = doc.slice(&inside).trim();
            if !body.contains(['；', ';']) || PARTIAL_OPENERS.iter().any(|w| body.starts_with(w)) {
                continue;
            }
            let items = split_at_semicolons(doc.text, inside);
            let n = items.len();
            if n >= 2 && n != q.value.mantissa as usize {
                let list = items[0].start..items[n - 1].end;
                out.push(self.mismatch(doc, &Stated::of(q), n, list, false));
            }
        }
    }
}

/// 三点体会 / 以下两方面: a Han numeral before 点 or 方面 counts points or
/// aspects (the figures leave them out: 点 is no unit); read only where
/// numbered members follow.
fn point_counts(text: &str) -> Vec<Stated> {
    let mut out = Vec::new();
    for (i, c) in crate::text::han_block_char_indices(text) {
        let Some(n) = crate::quantity::han_digit_value(c).filter(|&n| n >= 2) else {
            continue;
        };
        let before = text[..i].chars().next_back();
        if before.is_some_and(|b| {
            crate::quantity::is_han_digit(b) || crate::text::is_digit(b) || matches!(b, '第' | '十')
        }) {
            continue;
        }
        let rest = &text[i + c.len_utf8()..];
        // 三点钟 / 两点半 tell the time.
        let unit = if rest.starts_with("点")
            && !rest["点".len()..].starts_with(['钟', '半', '多', '零'])
        {
            "点"
        } else if rest.starts_with("方面") {
            "方面"
        } else {
            continue;
        };
        out.push(Stated {
            span: i..i + c.len_utf8() + unit.len(),
            n: n as usize,
            unit,
        });
    }
    out
}

/// Is `noun` the Han noun of a count (8 characters at most), maybe with a
/// short note in brackets (村（社区）)?
fn is_count_noun(noun: &str) -> bool {
    let (mut outside, mut inside, mut depth) = (0, 0, 0);
    for c in noun.chars() {
        match c {
            '（' | '(' if depth == 0 => depth = 1,
            '）' | ')' if depth == 1 => depth = 2,
            c if crate::text::is_han(c) && depth == 1 => inside += 1,
            c if crate::text::is_han(c) && depth != 1 => outside += 1,
            _ => return false,
        }
    }
    (1..=8).contains(&outside) && depth != 1 && inside <= 4
}

/// The names of `span` when it is only names set apart by commas, each of
/// 2–8 Han characters, no predicate in them, all ending alike (甲村，乙村，
/// 丙村): clauses such as 抓紧落实，确保完成 say something, name nothing.
fn comma_names(text: &str, span: Span) -> Vec<Span> {
    let mut parts = Vec::new();
    let mut start = span.start;
    let mut ending = None;
    let body = &text[span.clone()];
    for (k, c) in body
        .char_indices()
        .chain(std::iter::once((body.len(), '，')))
    {
        if !matches!(c, '，' | ',') {
            continue;
        }
        let (at, part) = (span.start + k, &body[start - span.start..k]);
        let last = part.chars().next_back();
        let plain = part
            .chars()
            .all(|c| crate::text::is_han(c) && !PREDICATE_CHARS.contains(&c));
        if !plain
            || !(2..=8).contains(&part.chars().count())
            || (ending.is_some() && last != ending)
        {
            return Vec::new();
        }
        ending = last;
        parts.push(start..at);
        start = at + c.len_utf8();
    }
    parts
}
