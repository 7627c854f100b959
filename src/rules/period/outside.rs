//! `period.outside`: an event dated after the reporting period ends, reported
//! as done — 7月 in a 上半年 summary, 2020年以来 in a 2019 summary — or after
//! the text's own date of issue (一、2023年工作回顾 in a report delivered on
//! 2023年1月15日). Plans and forecasts (将, 计划, 预计, 力争, 到2025年 …) and the
//! plan sections are fine.

use crate::document::Document;
// DISPOSAL: 将 that marks the object (现将…报告如下), not the future.
use crate::outline::{ends_with_doc_kind, is_date_line, is_date_only, Period, DISPOSAL};
use crate::report::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleInfo};
use crate::text::{floor_boundary, is_clause_sep, Span};

pub struct Outside;

pub static INFO: RuleInfo = RuleInfo {
    code: "period.outside",
    family: Category::Period,
    severity: Severity::Warning,
    summary: "已完成的事项日期超出了报告期",
    explanation: "总结只应报告报告期内已完成的工作；上半年总结里写“7月完成”，日期在报告期之后。计划、预计等打算不算。",
    example: "（2022年上半年工作总结）7月完成验收",
    near_miss: "（2022年上半年工作总结）计划7月完成验收",
};

const FUTURE: &[&str] = &[
    "将",
    // 2023年预算草案: the draft of next year's budget.
    "草案",
    "计划",
    "预计",
    "拟",
    "力争",
    "争取",
    "下一步",
    "下步",
    "打算",
    "确保",
    "预期",
    "年底前",
    "目标",
    // 要求各地2025年完成: a deadline set, not an event.
    "要求",
];

/// Words of a heading that reviews a year: 一、2021年工作回顾, （一）2022年工作总结.
const REVIEW_WORDS: &[&str] = &["回顾", "总结", "完成情况", "执行情况", "工作情况", "成效"];

/// A section whose heading reviews an earlier year than the document's
/// period (a 政府工作报告 of 2022 opens with 一、2021年工作回顾), or any
/// year when the document names no period (政府工作报告 alone).
struct ReviewSection {
    heading: Span,
    /// The section's text after its heading line.
    body: std::ops::Range<usize>,
    period: Period,
}

/// The review sections of `doc` (see [`ReviewSection`]): a heading naming
/// `YYYY年` before `year` and a review word; the section runs to the next
/// heading of its level or higher. A heading naming a later year narrows
/// nothing: it is checked like any date.
fn review_sections(doc: &Document, year: u32) -> Vec<ReviewSection> {
    let hs = &doc.outline.headings;
    let mut out = Vec::new();
    for (i, h) in hs.iter().enumerate() {
        let title = doc.slice(&h.title);
        let Some(p) = crate::outline::period_of(title) else {
            continue;
        };
        if p.year >= year || !REVIEW_WORDS.iter().any(|w| title.contains(w)) {
            continue;
        }
        let end = hs[i + 1..]
            .iter()
            .find(|n| n.style.level() <= h.style.level())
            .map_or(doc.text.len(), |n| n.marker.start);
        out.push(ReviewSection {
            heading: h.marker.start..h.title.end,
            body: h.title.end..end,
            period: p,
        });
    }
    bare_review_lines(doc, year, &mut out);
    // In document order, as `enclosing` reads them.
    crate::text::sort_stable_by(&mut out, |a, b| a.body.start.cmp(&b.body.start));
    out
}

/// Longest line (characters) read as a heading without a number.
const BARE_HEADING: usize = 20;

/// Paragraph `k` when it is short and holds no sentence (2022年工作回顾): a
/// heading without a number, maybe.
fn bare_heading<'a>(doc: &Document<'a>, k: usize) -> Option<&'a str> {
    let line = doc.slice(&doc.paragraphs[k].span).trim();
    (line.len() <= BARE_HEADING * 4
        && line.chars().count() <= BARE_HEADING
        && !line.contains(['。', '，', ',', '；']))
    .then_some(line)
}

/// Most characters of a meeting's name after its year.
const MEETING_NAME: usize = 20;

/// 记者从2024年全市市场监管工作会议上获悉: a year naming a meeting (its
/// year's work) dates no event; the meeting may be held before that year.
fn names_a_meeting(doc: &Document, d: &crate::outline::DateMention) -> bool {
    let after = &doc.text[d.span.end..];
    let name_len: usize = after
        .chars()
        .take(MEETING_NAME)
        .take_while(|&c| crate::text::is_han(c))
        .map(char::len_utf8)
        .sum();
    let name = &after[..name_len];
    d.month.is_none()
        && ["工作会议", "大会", "年会"].iter().any(|w| {
            name.find(w)
                .is_some_and(|at| !name[..at].contains(['召', '开', '在', '于', '将']))
        })
}

/// Words of planning: the work of a year they govern is planned, not done.
const PLANNING: &[&str] = &[
    "部署", "安排", "思路", "谋划", "设想", "要点", "规划", "展望", "动员",
];

/// 并对2020年工作作总动员总部署, 2021年度工作思路: a year naming the work
/// that its clause plans (YYYY年(度)(的)工作, then a word of planning) dates
/// no event; the plan is made before its year begins.
fn names_planned_work(doc: &Document, d: &crate::outline::DateMention) -> bool {
    let after = &doc.text[d.span.end..];
    let after = after.strip_prefix('度').unwrap_or(after);
    let after = after.strip_prefix('的').unwrap_or(after);
    let Some(work) = after.strip_prefix("工作") else {
        return false;
    };
    let clause_end = work
        .char_indices()
        .find(|&(_, c)| is_clause_sep(c) && c != '、')
        .map_or(work.len(), |(i, _)| i);
    d.month.is_none() && PLANNING.iter().any(|w| work[..clause_end].contains(w))
}

/// Most lines a title is broken into.
const TITLE_LINES: usize = 4;

/// Line `k` with the short lines around it before the first heading, and
/// the first of them: a title broken over lines (关于柯桥区2021年财政⏎
/// 预算执行情况及2022年财政⏎预算草案的报告) is read whole, its period the
/// first it names.
fn title_lines_around<'a>(doc: &Document<'a>, k: usize) -> (usize, std::borrow::Cow<'a, str>) {
    let first_heading = doc
        .outline
        .headings
        .first()
        .map_or(usize::MAX, |h| h.paragraph);
    let line = |j: usize| doc.slice(&doc.paragraphs[j].span).trim();
    if k >= first_heading {
        return (k, line(k).into());
    }
    // A line of the title: short, no sentence, no date of its own; a line
    // ending with its 文种 is its last.
    let bare = |j: usize| bare_heading(doc, j).is_some_and(|l| !is_date_only(l));
    let goes_on = |j: usize| bare(j) && !ends_with_doc_kind(line(j));
    let first = (k.saturating_sub(TITLE_LINES - 1)..k)
        .rev()
        .take_while(|&j| goes_on(j))
        .last()
        .unwrap_or(k);
    let last = if goes_on(k) {
        (k + 1
            ..(k + TITLE_LINES)
                .min(first_heading)
                .min(doc.paragraphs.len()))
            .take_while(|&j| bare(j))
            .scan(false, |ended, j| {
                let take = !*ended;
                *ended = ends_with_doc_kind(line(j));
                take.then_some(j)
            })
            .last()
            .unwrap_or(k)
    } else {
        k
    };
    if first == last {
        return (k, line(k).into());
    }
    (first, (first..=last).map(line).collect::<String>().into())
}

/// 2022年工作回顾 on a line of its own, with no number: a review heading too.
/// Its section runs to the next such short line naming a year (2023年工作安排).
fn bare_review_lines(doc: &Document, year: u32, out: &mut Vec<ReviewSection>) {
    let short_dated = |k: usize| {
        // Headings are in document order: one binary search, not a scan.
        let hs = &doc.outline.headings;
        let heading = hs
            .get(hs.partition_point(|h| h.paragraph < k))
            .is_some_and(|h| h.paragraph == k);
        let line = bare_heading(doc, k).filter(|_| !heading)?;
        crate::outline::period_of(line).map(|p| (line, p))
    };
    let lines: Vec<(usize, &str, crate::outline::Period)> = (0..doc.paragraphs.len())
        .filter_map(|k| short_dated(k).map(|(line, p)| (k, line, p)))
        .collect();
    for (n, (k, line, p)) in lines.iter().enumerate() {
        if p.year >= year || !REVIEW_WORDS.iter().any(|w| line.contains(w)) {
            continue;
        }
        let span = &doc.paragraphs[*k].span;
        let end = lines.get(n + 1).map_or(doc.text.len(), |(next, _, _)| {
            doc.paragraphs[*next].span.start
        });
        out.push(ReviewSection {
            heading: span.clone(),
            body: span.end..end,
            period: p.clone(),
        });
    }
}

/// The innermost review section holding `pos`: the last to start before
/// it that has not ended (sections nest at most a few levels deep).
fn enclosing(sections: &[ReviewSection], pos: usize) -> Option<&ReviewSection> {
    let started = sections.partition_point(|s| s.body.start <= pos);
    sections[..started]
        .iter()
        .rev()
        .take(4)
        .find(|s| s.body.contains(&pos))
}

/// How far from a date its clause and the plan words governing it are read, in bytes.
const REACH: usize = 120;

/// Words that make a whole sentence a plan, wherever they stand before the date.
const PLAN_LEADS: &[&str] = &["下一步", "下步", "打算", "今后", "明年"];

/// Verbs that report a plan carried out.
const CARRIED_OUT: &[&str] = &["完成", "实现", "执行", "落实"];

/// Does the clause from a plan noun on report it carried out (目标任务全面完成,
/// 计划执行情况)? Not when a word of the future stands before the verb (计划
/// 力争完成).
fn plan_carried_out(from_noun: &str) -> bool {
    CARRIED_OUT.iter().any(|v| {
        from_noun.find(v).is_some_and(|i| {
            let between = &from_noun[..i];
            !["将", "力争", "争取", "确保", "预计", "拟"]
                .iter()
                .any(|f| between.contains(f))
        })
    })
}

/// 即将过去 / 即将结束: 将 of the year now ending.
fn ends_now(before: &str, from: &str) -> bool {
    before.ends_with('即') && ["将过去", "将结束"].iter().any(|w| from.starts_with(w))
}

/// Plans named by a noun: they govern the dates of their own conjunct only
/// (现将2022年工作总结及2023年工作计划报告如下).
const PLAN_NOUNS: &[&str] = &["计划", "草案", "目标"];

/// Words that join the conjuncts of a clause.
const COORDINATORS: &[&str] = &["以及", "及", "和", "与"];

/// Does the word at `at` of `clause` stand in a conjunct after the date's
/// own, which ends at `date_end` with a head word of its own (2023年上半年
/// 工作进度及下半年工作计划)? A date with no head of its own (2022年和2023年
/// 工作计划) shares the plan's.
fn in_a_later_conjunct(clause: &str, date_end: usize, at: usize) -> bool {
    let Some(between) = clause.get(date_end..at) else {
        return false;
    };
    COORDINATORS
        .iter()
        .filter_map(|c| between.find(c))
        .min()
        .is_some_and(|k| {
            between[..k]
                .chars()
                .filter(|&c| crate::text::is_han(c))
                .count()
                >= 2
        })
}

/// Is the date at `span` a plan or forecast? A future word governs its
/// clause: 计划7月完成, 7月将完成, 力争到7月 — so it is looked for in the
/// date's clause (and a short clause just before it: 同时，将于…); a plan
/// lead (下一步，…) governs the sentence before the date. A word of another
/// clause (认真落实工作目标任务，7月…) says nothing about this date.
fn is_future(doc: &Document, span: &Span) -> bool {
    let text = doc.text;
    // The sentence, within reach of the date: a run of dates never costs
    // more than its length.
    let sentence = doc
        .sentence_at(span.start)
        .map_or(0..text.len(), |i| doc.sentences[i].span.clone());
    let sentence = sentence
        .start
        .max(floor_boundary(text, span.start.saturating_sub(REACH)))
        ..sentence.end.min(floor_boundary(text, span.end + REACH));
    let s_end = sentence.end.max(span.end);
    // A list comma (、) joins words inside a clause; it ends none.
    let is_break = |c: char| is_clause_sep(c) && c != '、';
    let clause_start = |end: usize| {
        text[sentence.start..end]
            .char_indices()
            .rev()
            .find(|&(_, c)| is_break(c))
            .map_or(sentence.start, |(i, c)| sentence.start + i + c.len_utf8())
    };
    let clause_end = |from: usize| {
        text[from..s_end]
            .char_indices()
            .find(|&(_, c)| is_break(c))
            .map_or(s_end, |(i, _)| from + i)
    };
    let mut start = clause_start(span.start);
    if start > sentence.start {
        let sep = text[..start].chars().next_back().map_or(1, char::len_utf8);
        let prev = clause_start(start - sep);
        if text[prev..start].chars().count() <= 8 {
            start = prev;
        }
    }
    let mut end = clause_end(span.end);
    // 2020年，预计…: a date standing alone as the topic governs the clause after it.
    if text[start..span.start].trim().is_empty() && end == span.end && end < s_end {
        let sep = text[end..].chars().next().map_or(1, char::len_utf8);
        end = clause_end(end + sep);
    }
    let clause = &text[start..end];
    let disposal = |at: usize| {
        DISPOSAL
            .iter()
            .any(|w| clause[..at + '将'.len_utf8()].ends_with(w))
    };
    let date_end = span.end.min(end) - start;
    let future = FUTURE.iter().any(|w| {
        clause.match_indices(w).any(|(at, _)| {
            (*w != "将" || !disposal(at))
                && !(PLAN_NOUNS.contains(w) && in_a_later_conjunct(clause, date_end, at))
                // 要求各地2025年完成: the verb sets the deadline after it; the
                // noun (落实…要求) says nothing of a date before it.
                && (*w != "要求" || at < span.start - start)
                // 2022年，各项目标任务全面完成 / 2022年计划执行情况: a plan
                // after its date, done or reviewed, is a result.
                && !(PLAN_NOUNS.contains(w) && at >= date_end && plan_carried_out(&clause[at..]))
                // 即将过去的2019年: the year now ending, not one to come.
                && !(*w == "将" && ends_now(&clause[..at], &clause[at..]))
        })
    });
    future
        || PLAN_LEADS
            .iter()
            .any(|w| text[sentence.start..span.start].contains(w))
}

impl Rule for Outside {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        let doc_period = doc.outline.reporting_period();
        let sections = review_sections(doc, doc_period.map_or(u32::MAX, |p| p.year));
        let issue = issued_on(doc);
        let issued = issue.map(|i| i.0);
        let issue_paragraph = issue.and_then(|i| i.1);
        if doc_period.is_none() && sections.is_empty() && issued.is_none() {
            return;
        }
        let plans_start = plans_start(doc, issued);
        let signoff = doc
            .outline
            .signoff_date
            .map(|p| doc.paragraphs[p].span.clone());
        for d in &doc.outline.dates {
            if d.span.start >= plans_start
                || signoff.as_ref().is_some_and(|s| s.contains(&d.span.start))
                || d.end_year.is_some()
            {
                continue;
            }
            // The title (…2021年工作情况和2022年工作安排) and a date on a line of its own
            // (when the text was issued or published) are not events of the period.
            let para = doc.paragraph_at(d.span.start).map(|i| &doc.paragraphs[i]);
            let in_title = doc
                .outline
                .title
                .as_ref()
                .is_some_and(|t| t.contains(&d.span.start));
            let issue_line =
                issue_paragraph.is_some() && doc.paragraph_at(d.span.start) == issue_paragraph;
            if in_title
                || issue_line
                || names_a_meeting(doc, d)
                || names_planned_work(doc, d)
                || para.is_some_and(|p| is_date_line(doc.slice(&p.span), doc.slice(&d.span)))
            {
                continue;
            }
            // A review section (一、2021年工作回顾) narrows the period to its year.
            let section = enclosing(&sections, d.span.start);
            let Some(period) = section.map(|s| &s.period).or(doc_period) else {
                if let Some(message) = issued.and_then(|on| after_issue(doc, d, on)) {
                    out.push(self.diagnostic(d.span.clone(), message));
                }
                continue;
            };
            let from_title = section.is_none() && doc.outline.period.is_some();
            let year = d.year.unwrap_or(period.year);
            let later_year = year > period.year && year < period.year + 10;
            let later_month =
                year == period.year && d.month.is_some_and(|m| m > period.end_month && m <= 12);
            if !(later_year || later_month) {
                if let Some(message) = issued.and_then(|on| after_issue(doc, d, on)) {
                    out.push(self.diagnostic(d.span.clone(), message));
                }
                continue;
            }
            // 到2025年, 为2024年…献礼, 工期为2024年3月: a target or a
            // schedule, not an event (截至9月底 and 于7月完成 are events).
            let before = doc.text[..d.span.start].chars().next_back();
            if matches!(before, Some('到' | '为')) {
                continue;
            }
            if is_future(doc, &d.span) {
                continue;
            }
            let written = doc.slice(&d.span);
            let message = if let Some(s) = section.filter(|_| later_year) {
                format!(
                    "正文写的是“{written}”，本节标题“{}”回顾的是{}年：年份不符，请核对年份。",
                    doc.slice(&s.heading),
                    s.period.year
                )
            } else {
                outside_period_message(written, period, later_year, from_title)
            };
            out.push(self.diagnostic(d.span.clone(), message));
        }
    }
}

/// (year, month) the text was issued or delivered on, and the paragraph of
/// that date (no event of the text): its sign-off date, or a full date
/// before the first heading on a line of its own or opening the line after a
/// dash or a bracket (——2023年1月15日在…人民代表大会…上).
fn issued_on(doc: &Document) -> Option<((u32, u32), Option<usize>)> {
    let outline = &doc.outline;
    let body_start = outline
        .headings
        .first()
        .map_or(usize::MAX, |h| h.marker.start);
    let full =
        |d: &&crate::outline::DateMention| d.year.is_some() && d.month.is_some() && d.day.is_some();
    let on_line = |d: &crate::outline::DateMention, para: usize| {
        let line = doc.slice(&doc.paragraphs[para].span);
        let before = &doc.text[doc.paragraphs[para].span.start..d.span.start];
        let after = &doc.text[d.span.end..doc.paragraphs[para].span.end];
        is_date_line(line, doc.slice(&d.span))
            || before
                .trim_start_matches(['—', '-', '－', ' ', '　', '(', '（'])
                .is_empty()
                && !before.is_empty()
            || delivered_at_a_meeting(doc, d, para)
            // 某县统计局 国家统计局某县调查队2024年4月29日: the issuers, then the day.
            || after.trim_matches(|c: char| c.is_whitespace() || "。)）".contains(c)).is_empty()
                && before
                    .trim_end()
                    .ends_with(|c: char| ISSUER_ENDINGS.contains(c))
            // 2019年08月05日20:21  来源:人民网: the page's stamp of publication.
            || before.trim().is_empty() && published_stamp(after)
    };
    let signed = outline.signoff_date.and_then(|p| {
        let span = &doc.paragraphs[p].span;
        outline
            .dates
            .iter()
            .filter(full)
            .find(|d| span.contains(&d.span.start))
    });
    let heading = || {
        outline
            .dates
            .iter()
            .take_while(|d| d.span.start < body_start)
            .take(ISSUE_DATES_READ)
            .filter(full)
            .find(|d| {
                doc.paragraph_at(d.span.start)
                    .is_some_and(|p| on_line(d, p))
            })
    };
    let d = signed.or_else(heading)?;
    Some(((d.year?, d.month?), doc.paragraph_at(d.span.start)))
}

/// Does the rest of a line after its opening date make it a stamp of
/// publication: a time of day (20:21) or the source (来源：)?
fn published_stamp(after: &str) -> bool {
    let rest = after.trim_start();
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let time = (1..=2).contains(&digits) && rest[digits..].starts_with([':', '：']);
    time || rest.starts_with("来源")
}

/// Last characters of the names of bodies that issue a text (统计局, 调查队).
const ISSUER_ENDINGS: &str = "局队委府办院会室所厅部心处站";

/// 政府工作报告 2018年2月5日在澄城县第十八届人民代表大会第二次会议上 (the line
/// may break before 会议上): a date followed by 在 and a meeting is the day
/// the text was delivered.
fn delivered_at_a_meeting(doc: &Document, d: &crate::outline::DateMention, para: usize) -> bool {
    let line_end = doc.paragraphs[para].span.end;
    let reach = doc
        .paragraphs
        .get(para + 1)
        .map_or(line_end, |next| next.span.end);
    let after = &doc.text[d.span.end..reach];
    after.starts_with('在') && ["会议", "大会"].iter().any(|w| after.contains(w))
}

/// How many dates before the first heading are read for the date of issue.
const ISSUE_DATES_READ: usize = 8;

/// Months after the date of issue a year under review may still end: a
/// year's summary is written in its last weeks (2018年工作回顾 delivered on
/// 2018年12月25日).
const REVIEW_MARGIN: u32 = 2;

/// A date after the text's own date of issue (`on`), as done: a year under
/// review (一、2023年工作回顾 in a report delivered on 2023年1月15日) or an event.
fn after_issue(doc: &Document, d: &crate::outline::DateMention, on: (u32, u32)) -> Option<String> {
    let year = d.year?;
    let issued = format!("{}年{}月", on.0, on.1);
    let written = doc.slice(&d.span);
    let heading = doc
        .outline
        .headings
        .iter()
        .find(|h| h.title.contains(&d.span.start));
    // 一、2020年工作回顾, or 2020年工作回顾 on a line of its own.
    let heading_line = heading
        .map(|h| (doc.slice(&h.title).into(), h.marker.start..h.title.end))
        .or_else(|| {
            let k = doc.paragraph_at(d.span.start)?;
            bare_heading(doc, k)?;
            let (first, title) = title_lines_around(doc, k);
            // The period of a broken title is that of its first year, held
            // to the date where it is written.
            let earlier_year = (first..k)
                .any(|j| crate::outline::period_of(doc.slice(&doc.paragraphs[j].span)).is_some());
            (!earlier_year).then(|| (title, doc.paragraphs[k].span.clone()))
        });
    if let Some((title, shown)) = heading_line {
        let title: std::borrow::Cow<str> = title;
        let p = crate::outline::period_of(&title)?;
        let reviews = REVIEW_WORDS.iter().any(|w| title.contains(w));
        let ends = p.year * 12 + p.end_month;
        return (reviews && ends > on.0 * 12 + on.1 + REVIEW_MARGIN).then(|| {
            format!(
                "标题“{}”回顾的时段到成文时间（{issued}）还没有结束：年份可能写错，请核对。",
                doc.slice(&shown).trim()
            )
        });
    }
    let later = match d.month {
        Some(m) => (year, m) > on,
        None => year > on.0,
    };
    later.then(|| {
        format!(
            "“{written}”晚于本文的成文时间（{issued}），却作为已完成的工作写入：请核对年份或日期。"
        )
    })
}

/// Where the plans start: the first heading naming them. Nothing after it
/// is a result of the period.
/// A heading naming a year after the text's date of issue (`issued`) and
/// no review word starts them too (二、2023年工作安排 in a report delivered
/// on 2022年12月25日).
fn plans_start(doc: &Document, issued: Option<(u32, u32)>) -> usize {
    let opens_plans = |title: &str| {
        let reviews = REVIEW_WORDS.iter().any(|w| title.contains(w));
        // 促进就业计划执行情况 reviews a plan.
        ["打算", "计划", "下一步", "下步", "下半年", "安排", "展望"]
            .iter()
            .any(|w| title.contains(w))
            && !reviews
            || issued.is_some_and(|(year, _)| {
                crate::outline::period_of(title).is_some_and(|p| p.year > year) && !reviews
            })
    };
    let numbered = doc
        .outline
        .headings
        .iter()
        .find(|h| opens_plans(doc.slice(&h.title)))
        .map_or(usize::MAX, |h| h.marker.start);
    // 2023年工作安排 on a line of its own, with no number, before that.
    let bare = doc
        .paragraphs
        .iter()
        .take_while(|p| p.span.start < numbered)
        .enumerate()
        .find(|&(k, _)| {
            bare_heading(doc, k)
                .is_some_and(|line| crate::outline::period_of(line).is_some() && opens_plans(line))
        })
        .map_or(usize::MAX, |(_, p)| p.span.start);
    numbered.min(bare)
}

/// The finding's message for a date after the whole text's period.
fn outside_period_message(
    written: &str,
    period: &crate::outline::Period,
    later_year: bool,
    from_title: bool,
) -> String {
    if later_year && from_title {
        format!(
            "正文写的是“{written}”，标题的报告期是{}年（{}）：年份不符，请核对标题或正文的年份。",
            period.year, period.label
        )
    } else if later_year {
        format!(
            "正文写的是“{written}”，全文报告的是{}年（{}）：年份不符，请核对年份。",
            period.year, period.label
        )
    } else {
        format!(
            "“{written}”在报告期（{}）之后，却作为已完成的工作写入总结，请核对日期或移到下一步计划。",
            period.label
        )
    }
}
