//! Numbered phrases: a Chinese numeral that counts what its phrase names —
//! 四大行动, 五大基地, “三勤”, “两区创建”, 分三大门类看. The quantity model
//! leaves them out (十九大 is a congress, 一肩挑 a slogan), but they are counts
//! all the same when their items stand beside them:
//!
//! - names listed right before: 研发基地、认证基地、服务中心三大基地;
//! - numbered members right after: 坚持做到“三勤”：一是…二是…三是…
//!   (read by `numbers.count` with its other counts);
//! - the clauses of a breakdown opener: 分三大门类看，采矿业…，制造业…，电力…。

use super::count::{
    enumerations, han_tail, name_tail, names_in_apposition, without_intro_word, Count, Enumeration,
    Stated, INTRO_WORDS,
};
use crate::document::Document;
use crate::quantity::is_han_digit;
use crate::report::Diagnostic;
use crate::rules::Rule;
use crate::text::{is_digit, is_han, Span};

/// A numbered phrase: the numeral (and 大) that states the count.
pub struct NumberedPhrase {
    pub stated: Stated,
    /// Opened by a quote (“三勤”), not by N大.
    pub quoted: bool,
}

/// The value of a numeral that can count a phrase's items (二 to 十).
fn small_numeral(c: char) -> Option<usize> {
    match c {
        '十' => Some(10),
        _ => crate::quantity::han_digit_value(c)
            .filter(|&n| n >= 2)
            .map(|n| n as usize),
    }
}

/// Every numbered phrase of the document: N大 + a noun (not a congress: 党的
/// 十九大, 第N, or a numeral run), and a quoted phrase opening with N (“三勤”).
pub fn find(doc: &Document) -> Vec<NumberedPhrase> {
    let text = doc.text;
    let mut out = Vec::new();
    // Numerals are common Han characters: the rest of the text is stepped
    // over undecoded, and the character before one is read back when needed.
    for (i, c) in crate::text::han_block_char_indices(text) {
        let Some(n) = small_numeral(c) else {
            continue;
        };
        let before = text[..i].chars().next_back();
        let rest = &text[i + c.len_utf8()..];
        let mut next = rest.chars();
        let (after, after2) = (next.next(), next.next());
        if before.is_some_and(|b| is_han_digit(b) || is_digit(b) || b == '第')
            || after.is_some_and(is_han_digit)
            || text[..i].ends_with("党的")
            || text[..i].ends_with("中共")
        {
            continue;
        }
        let quoted = matches!(before, Some('“' | '"' | '「')) && after.is_some_and(is_han);
        let da = after == Some('大') && after2.is_some_and(|c| is_han(c) && c != '类');
        if !quoted && !da {
            continue;
        }
        let end = i + c.len_utf8() + if da { '大'.len_utf8() } else { 0 };
        out.push(NumberedPhrase {
            stated: Stated {
                span: i..end,
                n,
                unit: "项",
            },
            quoted,
        });
    }
    out
}

/// Most characters of a quoted phrase read for its noun (“两区创建”).
const QUOTED_PHRASE_CHARS: usize = 10;

/// Quoted phrases opening with 一 (“一区创建”): mostly slogans (“一网通办”,
/// “一站式”), so left out of [`find`]; `numbers.count` reads them as counts
/// only of members that carry their noun.
pub fn quoted_ones(doc: &Document) -> Vec<NumberedPhrase> {
    let text = doc.text;
    text.match_indices("“一")
        .filter_map(|(i, _)| {
            let at = i + '“'.len_utf8();
            let stated = Stated {
                span: at..at + '一'.len_utf8(),
                n: 1,
                unit: "项",
            };
            quoted_noun(text, &stated)?;
            Some(NumberedPhrase {
                stated,
                quoted: true,
            })
        })
        .collect()
}

/// The noun of a quoted numbered phrase: what stands between its numeral
/// (and a measure word: “三个主动”) and the closing quote, two Han
/// characters at least (“两区创建”: 区创建).
pub(super) fn quoted_noun(text: &str, stated: &Stated) -> Option<Span> {
    let rest = &text[stated.span.end..];
    let close = rest
        .char_indices()
        .take(QUOTED_PHRASE_CHARS)
        .find(|&(_, c)| c == '”')
        .map(|(k, _)| k)?;
    let inner = &rest[..close];
    let skip = inner
        .chars()
        .next()
        .filter(|c| "个项类条种大".contains(*c))
        .map_or(0, char::len_utf8);
    let noun = &inner[skip..];
    (noun.chars().count() >= 2 && noun.chars().all(is_han) && !noun.chars().any(is_han_digit))
        .then(|| stated.span.end + skip..stated.span.end + close)
}

/// The checks of numbered phrases that read names and clauses (members are
/// read with the other counts in `numbers.count`).
pub fn check(rule: &Count, doc: &Document, phrases: &[NumberedPhrase], out: &mut Vec<Diagnostic>) {
    // The lists of a sentence are read once for all its phrases.
    let mut lists: Option<(usize, Vec<Enumeration>)> = None;
    for p in phrases {
        let Some(si) = doc.sentence_at(p.stated.span.start) else {
            continue;
        };
        if lists.as_ref().is_none_or(|(s, _)| *s != si) {
            lists = Some((si, enumerations(doc.text, &doc.sentences[si].span)));
        }
        if let Some((_, es)) = &lists {
            listed_before(rule, doc, p, es, out);
            listed_after_colon(rule, doc, p, es, out);
            abbreviated_items(rule, doc, p, es, out);
        }
        opener_clauses(rule, doc, p, out);
    }
}

/// 研发基地、试验中心基地、认证基地、服务中心五大基地: the names listed right
/// before the phrase, in apposition.
fn listed_before(
    rule: &Count,
    doc: &Document,
    p: &NumberedPhrase,
    lists: &[Enumeration],
    out: &mut Vec<Diagnostic>,
) {
    let at = p.stated.span.start;
    // The quote opens the phrase: the list ends before it.
    // (“, " or 「: its own length, not that of “).
    let list_end = if p.quoted {
        doc.text[..at]
            .char_indices()
            .next_back()
            .map_or(at, |(i, _)| i)
    } else {
        at
    };
    // The list whose last item holds the phrase starts before it: among the
    // last few that do (lists are in order of their starts; inner ones nest).
    let upto = lists.partition_point(|e| e.span.start < list_end);
    for e in &lists[upto.saturating_sub(8)..upto] {
        let Some(last) = e.items.last() else { continue };
        if !(last.start < list_end && list_end <= e.span.end) {
            continue;
        }
        let last_text = &doc.text[last.start..list_end];
        let mut items = e.items.clone();
        let mut list_start = e.span.start;
        // 生产组装基地、认\n证基地、服务中心五大基地: a list broken across
        // lines goes on from the line before, the broken item made whole.
        if continues_a_broken_line(doc.text, e.span.start) {
            let Some(before) = items_before_the_break(doc.text, e.span.start) else {
                continue;
            };
            list_start = before.span.start;
            let mut joined = before.items;
            let broken = joined.pop().expect("two items at least");
            items[0] = broken.start..items[0].end;
            joined.append(&mut items);
            items = joined;
        }
        let figures = doc.text[list_start..list_end].chars().any(is_digit);
        // N大 after a list is its count whatever the names' length
        // (…、秋冬季大气污染防治四大行动); a quoted slogan only after short names.
        let apposed = if p.quoted {
            items[0] = han_tail(doc.text, &items[0]);
            names_in_apposition(doc, &items, last_text)
        } else {
            items[0] = name_tail(doc.text, &items[0]);
            no_numerals(doc, &items)
        };
        if last_text.trim().is_empty() || figures || !apposed {
            continue;
        }
        *items.last_mut().expect("non-empty") = last.start..list_end;
        // A slogan in quotes (统筹推进“五位一体”…、协调推进“四个全面”) follows
        // verbs as often as names: only a list of short names counts it
        // (党务、政务、服务、法务“四张清单”). The first item may carry the
        // words before the list (全省夏粮生产面积、单产、总产实现“三增”): it
        // is held to the apposition's length only.
        let short_names = items.len() >= 3
            && items[1..]
                .iter()
                .all(|it| doc.slice(it).trim().chars().count() <= 4);
        if p.quoted && !short_names {
            continue;
        }
        rule.compare_stated(doc, &p.stated, &items, false, out);
    }
}

/// Items that are names, not numerals (五、六年级 lists grades).
fn no_numerals(doc: &Document, items: &[Span]) -> bool {
    items.iter().all(|it| {
        doc.slice(it)
            .trim()
            .chars()
            .next()
            .is_some_and(|c| !is_han_digit(c) && !is_digit(c))
    })
}

/// 重点推进三大工程：道路硬化工程、安全饮水工程、危房改造工程 / 坚持“三个
/// 到位”：思想到位、…: the phrase, its noun (a few characters) and a colon,
/// then the list.
fn listed_after_colon(
    rule: &Count,
    doc: &Document,
    p: &NumberedPhrase,
    lists: &[Enumeration],
    out: &mut Vec<Diagnostic>,
) {
    let rest = &doc.text[p.stated.span.end..];
    let Some((colon, c)) = rest
        .char_indices()
        .take(PHRASE_NOUN + 2)
        .find(|&(_, c)| !is_han(c))
    else {
        return;
    };
    let (noun_end, colon_at) = match c {
        '：' | ':' | '，' | ',' => (colon, colon),
        // “三个到位”：
        '”' | '"' if p.quoted => (colon, colon + c.len_utf8()),
        _ => return,
    };
    let after = &doc.text[p.stated.span.end + colon_at..];
    let list_at = if let Some(r) = after.strip_prefix(['：', ':']) {
        doc.text.len() - r.len()
    } else if let Some(r) = after.strip_prefix(['，', ',']) {
        // 四大工程，即道路工程、…: after a comma only with an intro word (the
        // list read from the comma keeps it; a colon after it opens the list).
        let Some(word) = INTRO_WORDS.iter().find(|w| r.starts_with(*w)) else {
            return;
        };
        match r[word.len()..].strip_prefix(['：', ':']) {
            Some(list) => doc.text.len() - list.len(),
            None => doc.text.len() - r.len(),
        }
    } else {
        return;
    };
    if noun_end == 0 || rest[..noun_end].chars().count() > PHRASE_NOUN + 1 {
        return;
    }
    let k = lists.partition_point(|e| e.span.start < list_at);
    let Some(e) = lists.get(k).filter(|e| e.span.start == list_at) else {
        return;
    };
    // 三大任务：抓好产业、生态，推进治理: a list cut by a comma may be the
    // objects of the first clause only.
    if doc.text[e.span.end..].starts_with(['，', ',']) {
        return;
    }
    let items = without_intro_word(doc.text, &e.items);
    rule.compare_stated(doc, &p.stated, &items, false, out);
}

/// How many characters the noun of a numbered phrase may have (三大工程, “三个到位”).
const PHRASE_NOUN: usize = 4;

/// How far (bytes) from an abbreviating phrase its list may begin.
const ABBREVIATION_REACH: usize = 150;

/// “四务融合” … 党务、政务、服务、法务: a quoted phrase that abbreviates its
/// items by the character they share after the numeral (四务: …务; “三资”:
/// 资金、资产、资源) counts the list of the sentence whose items all end,
/// or all begin, with that character.
fn abbreviated_items(
    rule: &Count,
    doc: &Document,
    p: &NumberedPhrase,
    lists: &[Enumeration],
    out: &mut Vec<Diagnostic>,
) {
    let Some(shared) = doc.text[p.stated.span.end..]
        .chars()
        .next()
        .filter(|c| is_han(*c))
    else {
        return;
    };
    if !p.quoted {
        return;
    }
    // Only the lists near the phrase (lists are in order of their starts):
    // a sentence of thousands of phrases and lists stays linear.
    let at = p.stated.span.start;
    let from = lists.partition_point(|e| e.span.start + ABBREVIATION_REACH < at);
    let near = lists[from..]
        .iter()
        .take_while(|e| e.span.start < at + ABBREVIATION_REACH)
        .take(8);
    for e in near {
        // “六稳”“六保”…兜牢“三保”(保基本民生、…): a quoted phrase between this
        // one and the list is the one the list spells out.
        let between = doc.text.get(p.stated.span.end..e.span.start).unwrap_or("");
        if between.contains('“') {
            continue;
        }
        // Each item as a name: the Han words before any quote or bracket
        // that follows it (法务“四张清单” names 法务).
        let items: Vec<Span> = e
            .items
            .iter()
            .map(|it| {
                let s = doc.slice(it);
                let end = s.find(['“', '"', '（', '(', '「']).unwrap_or(s.len());
                han_tail(doc.text, &(it.start..it.start + s[..end].trim_end().len()))
            })
            .collect();
        let names: Vec<&str> = items.iter().map(|it| doc.slice(it)).collect();
        let short = names.iter().all(|n| (2..=6).contains(&n.chars().count()));
        let ends = names.iter().all(|n| n.ends_with(shared));
        let begins = names.iter().all(|n| n.starts_with(shared));
        if short && (ends || begins) {
            rule.compare_stated(doc, &p.stated, &items, false, out);
            return;
        }
    }
}

/// Does a list starting at `start` open a line that goes on from the line
/// before (生产组装基地、认\n证基地、服务中心五大基地: a break inside a list)?
fn continues_a_broken_line(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '\t', '\u{3000}']);
    let Some(line) = before.strip_suffix('\n') else {
        return false;
    };
    let tail: Vec<char> = line.trim_end().chars().rev().take(8).collect();
    // 认\n证基地 breaks an item; 认证基地、\n服务中心 breaks between two.
    tail.first().is_some_and(|c| is_han(*c) || *c == '、') && tail.contains(&'、')
}

/// How far (bytes) back the line before a break is read.
const BROKEN_LINE_REACH: usize = 300;

/// The list that ends the line before `start` (where a list goes on after a
/// line break), read from that line alone.
fn items_before_the_break(text: &str, start: usize) -> Option<Enumeration> {
    let before = text[..start].trim_end_matches([' ', '\t', '\u{3000}']);
    let line_end = before.strip_suffix('\n')?.trim_end().len();
    let from = crate::text::floor_boundary(text, line_end.saturating_sub(BROKEN_LINE_REACH));
    let line_start = text[from..line_end]
        .rfind('\n')
        .map_or(from, |k| from + k + 1);
    enumerations(text, &(line_start..line_end))
        .into_iter()
        .rfind(|e| e.span.end == line_end)
}

/// How far (bytes) after a breakdown opener its clauses are read.
const OPENER_REACH: usize = 600;

/// Words that go on with the clause before rather than name an item of a
/// breakdown: 采矿业增长0.1%，比上月加快1.2个百分点.
const GOES_ON: &[&str] = &[
    "比", "较", "同比", "增", "下降", "其中", "占", "拉动", "分别", "与",
];

/// 分三大门类看，采矿业…，制造业…，电力…。: the clauses after the opener,
/// one per item, to the end of the sentence.
fn opener_clauses(rule: &Count, doc: &Document, p: &NumberedPhrase, out: &mut Vec<Diagnostic>) {
    let text = doc.text;
    let span = &p.stated.span;
    if p.quoted || !(text[..span.start].ends_with('分') || text[..span.start].ends_with('按')) {
        return;
    }
    // The opener: 分三大门类看， / 按三大产业划分，.
    let rest = &text[span.end..];
    let Some(comma) = rest
        .char_indices()
        .take(10)
        .find(|(_, c)| matches!(c, '，' | ','))
        .map(|(k, _)| k)
    else {
        return;
    };
    let lead = &rest[..comma];
    if !(lead.ends_with('看') || lead.ends_with("划分")) || !lead.chars().all(is_han) {
        return;
    }
    let from = span.end
        + comma
        + '，'
            .len_utf8()
            .min(rest[comma..].chars().next().map_or(1, char::len_utf8));
    // The items run to the end of the sentence (a ；between items goes on),
    // a few hundred bytes at most.
    let reach = crate::text::floor_boundary(text, (from + OPENER_REACH).min(text.len()));
    let end = text[from..reach]
        .find(['。', '\n'])
        .map_or(reach, |k| from + k);
    let mut items: Vec<Span> = Vec::new();
    let mut start = from;
    for (k, c) in text[from..end]
        .char_indices()
        .chain(std::iter::once((end - from, '，')))
    {
        if matches!(c, '，' | ',' | '；' | ';') {
            let clause = text[start..from + k].trim();
            let new_item =
                clause.chars().any(is_digit) && !GOES_ON.iter().any(|w| clause.starts_with(w));
            if new_item {
                items.push(start..from + k);
            }
            start = from + k + c.len_utf8();
        }
    }
    let n = items.len();
    if n < 2 || n == p.stated.n {
        return;
    }
    let (first, last) = (items[0].clone(), items[n - 1].clone());
    out.push(
        rule.diagnostic(
            span.clone(),
            format!(
                "所说数目与列举不符：写的是{}，后面分述了{n}项。请核对数目或所列各项。",
                doc.slice(span)
            ),
        )
        .with_related(first.start..last.end, format!("分述的{n}项")),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_phrases_not_congresses() {
        let text =
            "梳理党务、政务、服务、法务“五张清单”，实施四大行动，学习党的十九大精神，第三大队。";
        let doc = Document::parse(text);
        let found: Vec<&str> = find(&doc)
            .iter()
            .map(|p| doc.slice(&p.stated.span))
            .collect();
        assert_eq!(found, ["五", "四大"]);
    }
}
