//! The LanguageTool HTTP protocol (`/v2/check`, `/v2/languages`) mapped onto
//! our check: form fields in, LanguageTool's match objects out. Offsets are
//! UTF-16 units, as in our reports and as LanguageTool's clients expect.
//! A plain LanguageTool client shows only `message`, so the related places of
//! a finding (the other figure of a conflict) are written into it.

use super::annotated::Annotated;
use super::form::Form;
use report_checker::report::{Category, JsonDiagnostic, Report};
use report_checker::rules::RuleInfo;
use report_checker::Options;
use serde_json::{json, Value};

/// What a `/v2/check` request asks for.
pub struct Request {
    /// The text to check, and how its offsets map back to what the client sent.
    pub doc: Annotated,
    pub options: Options,
}

/// Reads a `/v2/check` form against the server's configured options.
/// Rule codes the checker does not have are ignored, as LanguageTool does
/// (clients such as LTeX send their own defaults for English rules).
pub fn parse_request(mut form: Form, base: &Options) -> Result<Request, String> {
    let language = form.get("language").unwrap_or("auto");
    if !is_supported_language(language) {
        return Err(format!(
            "不支持的语言“{language}”：本服务只检查中文（zh-CN），也接受 auto"
        ));
    }
    let doc = match (form.take("text"), form.take("data")) {
        (Some(text), _) => Annotated::plain(text),
        (None, Some(data)) => Annotated::parse(&data)?,
        (None, None) => return Err("缺少参数：需要 text 或 data".to_string()),
    };
    let codes = rule_codes();
    let list = |name: &str| -> Vec<String> {
        form.get(name)
            .unwrap_or("")
            .split(',')
            .map(str::trim)
            .filter(|c| codes.contains(c))
            .map(str::to_string)
            .collect()
    };
    let enabled = list("enabledRules");
    let disabled = list("disabledRules");
    let enabled_only = form.get("enabledOnly").is_some_and(|v| v == "true");
    let mut options = base.clone();
    if enabled_only {
        options.disabled_rules = codes
            .iter()
            .filter(|c| !enabled.iter().any(|e| e == *c))
            .map(|c| c.to_string())
            .collect();
    } else {
        options.disabled_rules.retain(|c| !enabled.contains(c));
    }
    options.disabled_rules.extend(disabled);
    Ok(Request { doc, options })
}

fn rule_codes() -> Vec<&'static str> {
    report_checker::rules::all()
        .iter()
        .map(|r| r.id())
        .collect()
}

fn is_supported_language(tag: &str) -> bool {
    let tag = tag.to_ascii_lowercase();
    tag == "auto" || tag == "zh" || tag.starts_with("zh-")
}

/// `GET /v2/languages`.
pub fn languages() -> Value {
    json!([{"name": "Chinese", "code": "zh", "longCode": "zh-CN"}])
}

/// The `/v2/check` response for a report on `doc`.
pub fn response(doc: &Annotated, report: &Report) -> Value {
    let units: Vec<u16> = doc.checked.encode_utf16().collect();
    let registry = report_checker::rules::registry();
    let matches: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| lt_match(d, doc, &units, &registry))
        .collect();
    json!({
        "software": {
            "name": "report-checker",
            "version": env!("CARGO_PKG_VERSION"),
            "buildDate": "",
            "apiVersion": 1,
            "premium": false,
            "status": "",
        },
        "warnings": {"incompleteResults": false},
        "language": {
            "name": "Chinese",
            "code": "zh-CN",
            "detectedLanguage": {"name": "Chinese", "code": "zh-CN", "confidence": 1.0},
        },
        "matches": matches,
    })
}

fn lt_match(d: &JsonDiagnostic, doc: &Annotated, units: &[u16], registry: &[&RuleInfo]) -> Value {
    let (start, end) = (d.span.start, d.span.end);
    let mut message = d.message.clone();
    for r in &d.related {
        let quoted = utf16_slice(units, r.span.start, r.span.end);
        message.push_str(&format!(
            " 相关位置：第{}行第{}列“{}”（{}）",
            r.span.line, r.span.column, quoted, r.message
        ));
    }
    let (context, context_offset) = context(units, start, end);
    let offset = doc.original(start, false);
    let length = doc.original(end, true).saturating_sub(offset);
    json!({
        "message": message,
        "shortMessage": short_message(d.category),
        "replacements": d.suggestions.iter().map(|s| json!({"value": s.replacement})).collect::<Vec<_>>(),
        "offset": offset,
        "length": length,
        "context": {"text": context, "offset": context_offset, "length": end - start},
        "sentence": sentence(units, start, end),
        "type": {"typeName": "Other"},
        "rule": {
            "id": d.rule,
            "description": rule_description(d, registry),
            "issueType": issue_type(d.category),
            "category": {"id": d.category.as_str().to_ascii_uppercase(), "name": d.category.label_zh()},
        },
        "ignoreForIncompleteSentence": false,
        "contextForSureMatch": 0,
    })
}

/// The registry's one-line summary of the rule (what `report-check rules` lists).
fn rule_description(d: &JsonDiagnostic, registry: &[&RuleInfo]) -> String {
    registry
        .iter()
        .find(|r| r.code == d.rule)
        .map_or_else(|| d.rule.to_string(), |r| r.summary.to_string())
}

fn short_message(category: Category) -> &'static str {
    match category {
        Category::Numbers => "数字不一致",
        Category::Data => "缺少数据",
        Category::Numbering => "序号问题",
        Category::Structure => "结构问题",
        Category::Period => "时间问题",
        Category::Text => "文字规范",
    }
}

/// LanguageTool's issue types (from the Localization Quality Issue Types).
fn issue_type(category: Category) -> &'static str {
    match category {
        Category::Numbers | Category::Period => "inconsistency",
        Category::Data | Category::Structure => "omission",
        Category::Numbering => "non-conformance",
        Category::Text => "typographical",
    }
}

/// Characters of context on each side of a match, as LanguageTool gives.
const CONTEXT_UNITS: usize = 40;
/// A sentence longer than this on either side of the match is cut there
/// (a 10 MB draft on one line must not make every match carry all of it).
const SENTENCE_CAP: usize = 300;

fn context(units: &[u16], start: usize, end: usize) -> (String, usize) {
    let stop_at_line = |i: &usize| units[*i] != u16::from(b'\n');
    let from = (start.saturating_sub(CONTEXT_UNITS)..start)
        .rev()
        .take_while(stop_at_line)
        .last()
        .unwrap_or(start);
    let to = (end..(end + CONTEXT_UNITS).min(units.len()))
        .take_while(stop_at_line)
        .last()
        .map_or(end, |i| i + 1);
    let (from, to) = (char_floor(units, from), char_ceil(units, to));
    (String::from_utf16_lossy(&units[from..to]), start - from)
}

fn sentence(units: &[u16], start: usize, end: usize) -> String {
    let ends_sentence = |u: u16| {
        matches!(
            char::from_u32(u32::from(u)),
            Some('。' | '！' | '？' | '!' | '?' | '\n')
        )
    };
    let from = (start.saturating_sub(SENTENCE_CAP)..start)
        .rev()
        .find(|&i| ends_sentence(units[i]))
        .map_or(start.saturating_sub(SENTENCE_CAP), |i| i + 1);
    let to = (end..(end + SENTENCE_CAP).min(units.len()))
        .find(|&i| ends_sentence(units[i]))
        .map_or((end + SENTENCE_CAP).min(units.len()), |i| i + 1);
    let (from, to) = (char_floor(units, from), char_ceil(units, to));
    String::from_utf16_lossy(&units[from..to])
        .trim()
        .to_string()
}

fn utf16_slice(units: &[u16], start: usize, end: usize) -> String {
    let end = end.min(units.len());
    String::from_utf16_lossy(&units[start.min(end)..end])
}

fn is_low_surrogate(u: u16) -> bool {
    (0xDC00..0xE000).contains(&u)
}

/// Moves a cut back off the second half of a surrogate pair.
fn char_floor(units: &[u16], i: usize) -> usize {
    if i > 0 && i < units.len() && is_low_surrogate(units[i]) {
        i - 1
    } else {
        i
    }
}

fn char_ceil(units: &[u16], i: usize) -> usize {
    if i < units.len() && is_low_surrogate(units[i]) {
        i + 1
    } else {
        i
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn context_stays_on_the_line_and_off_half_characters() {
        let u = units("第一行\n报到人数2546人。𠀀𠀀后文");
        let start = 8; // 2546
        let (text, offset) = context(&u, start, start + 5);
        assert_eq!(text, "报到人数2546人。𠀀𠀀后文");
        assert_eq!(offset, 4);
        assert_eq!(sentence(&u, start, start + 5), "报到人数2546人。");
        assert_eq!(char_floor(&u, 15), 14);
        assert_eq!(char_ceil(&u, 15), 16);
        assert_eq!(char_floor(&u, 16), 16);
    }

    #[test]
    fn rule_lists_follow_languagetool() {
        let base = Options::default();
        let form = Form::parse(
            b"language=zh-CN&text=x&disabledRules=numbers.sum,WHITESPACE_RULE&enabledOnly=false",
        )
        .unwrap();
        let r = parse_request(form, &base).unwrap();
        assert_eq!(r.options.disabled_rules, vec!["numbers.sum".to_string()]);
        let form =
            Form::parse(b"language=auto&text=x&enabledRules=numbers.conflict&enabledOnly=true")
                .unwrap();
        let r = parse_request(form, &base).unwrap();
        assert!(!r
            .options
            .disabled_rules
            .contains(&"numbers.conflict".to_string()));
        assert_eq!(r.options.disabled_rules.len(), rule_codes().len() - 1);
        let err = parse_request(Form::parse(b"language=en-US&text=x").unwrap(), &base)
            .err()
            .unwrap();
        assert!(err.contains("en-US"), "{err}");
        let err = parse_request(Form::parse(b"language=zh-CN").unwrap(), &base)
            .err()
            .unwrap();
        assert!(err.contains("text 或 data"), "{err}");
    }
}
