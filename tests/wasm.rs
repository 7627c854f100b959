//! The JS boundary, tested in real headless Chromium (wasm-bindgen-test):
//! spans are UTF-16 units that slice exactly the flagged text, even after
//! characters outside the BMP; hostile strings from JS never crash.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Reflect};
use report_checker::wasm::check;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).expect("property")
}

fn num(v: &JsValue, key: &str) -> u32 {
    get(v, key).as_f64().expect("number") as u32
}

fn diagnostics(report: &JsValue) -> Vec<JsValue> {
    get(report, "diagnostics")
        .dyn_into::<Array>()
        .expect("array")
        .iter()
        .collect()
}

/// Every span of every diagnostic lies inside `text` and slices a non-empty part of it.
fn assert_spans_inside(text: &JsString, report: &JsValue) {
    let len = text.length();
    for d in diagnostics(report) {
        let mut spans = vec![get(&d, "span")];
        for r in get(&d, "related").dyn_into::<Array>().unwrap().iter() {
            spans.push(get(&r, "span"));
        }
        for s in spans {
            let (start, end) = (num(&s, "start"), num(&s, "end"));
            assert!(
                start <= end && end <= len,
                "span {start}..{end} outside 0..{len}"
            );
            assert!(num(&s, "line") >= 1 && num(&s, "column") >= 1);
        }
    }
}

/// The flagged text of the first diagnostic of `rule`.
fn flagged(text: &JsString, report: &JsValue, rule: &str) -> Option<String> {
    diagnostics(report)
        .into_iter()
        .find(|d| get(d, "rule").as_string().as_deref() == Some(rule))
        .map(|d| {
            let s = get(&d, "span");
            String::from(text.slice(num(&s, "start"), num(&s, "end")))
        })
}

#[wasm_bindgen_test]
fn empty_text_gives_an_empty_report() {
    let report = check("", JsValue::UNDEFINED).unwrap();
    assert_eq!(diagnostics(&report).len(), 0);
    let summary = get(&report, "summary");
    assert_eq!(
        (
            num(&summary, "error"),
            num(&summary, "warning"),
            num(&summary, "info")
        ),
        (0, 0, 0)
    );
    assert!(get(&get(&report, "outline"), "title").is_null());
}

#[wasm_bindgen_test]
fn offsets_are_utf16_after_characters_outside_the_bmp() {
    // 𠀀 (U+20000) and 😀 take two UTF-16 units each: byte or char offsets would be off.
    let draft = "𠀀村2021年工作总结😀\n一、工作成效\n全村共有农户320户，其中已通自来水296户，未通30户。本季度共召开会议XX次。\n";
    let text = JsString::from(draft);
    let report = check(draft, JsValue::NULL).unwrap();
    assert_spans_inside(&text, &report);
    assert_eq!(
        flagged(&text, &report, "data.placeholder").as_deref(),
        Some("XX")
    );
    let sum = flagged(&text, &report, "numbers.sum").expect("320 ≠ 296 + 30 is found");
    assert!(
        sum.contains("320"),
        "sum finding points at the total, got {sum}"
    );
}

#[wasm_bindgen_test]
fn lone_surrogates_do_not_crash() {
    // A JS string with lone surrogates: wasm-bindgen hands Rust U+FFFD, one unit for one.
    let s = JsString::from_char_code(&[0xD800, 0x4E00, 0xDC00, 0x0031]);
    let owned: String = s
        .as_string()
        .unwrap_or_else(|| String::from_utf16_lossy(&[0xD800, 0x4E00, 0xDC00, 0x0031]));
    assert_eq!(owned.encode_utf16().count(), 4);
    let report = check(&owned, JsValue::UNDEFINED).unwrap();
    assert_spans_inside(&s, &report);
}

#[wasm_bindgen_test]
fn the_configuration_file_is_accepted_as_options() {
    // The organisation's word lists match with regex-lite in the page.
    let config = js_sys::JSON::parse(
        r#"{"severity": {"data.placeholder": "info"},
            "wording": {"forbidden": [{"pattern": "精准扶贫|扶贫攻坚", "preferred": "巩固拓展脱贫攻坚成果"}],
                        "fullNames": [{"full": "青山县民政局", "short": ["县?民政局"]}]}}"#,
    )
    .unwrap();
    let text =
        JsString::from("2023年工作总结\n一、工作成效\n县民政局推进精准扶贫，共召开会议XX次。\n");
    let report = check(&String::from(&text), config).unwrap();
    assert_spans_inside(&text, &report);
    assert_eq!(
        flagged(&text, &report, "text.wording").as_deref(),
        Some("精准扶贫")
    );
    assert_eq!(
        flagged(&text, &report, "text.full-name").as_deref(),
        Some("县民政局")
    );
    let placeholder = diagnostics(&report)
        .into_iter()
        .find(|d| get(d, "rule").as_string().as_deref() == Some("data.placeholder"))
        .unwrap();
    assert_eq!(
        get(&placeholder, "severity").as_string().as_deref(),
        Some("info")
    );
    // Unknown keys, unknown rule codes and bad patterns are errors naming the culprit.
    for (bad, culprit) in [
        (r#"{"severites": {}}"#, "severites"),
        (
            r#"{"disabledRules": ["numbers.conflit"]}"#,
            "numbers.conflit",
        ),
        (
            r#"{"wording": {"forbidden": [{"pattern": "精准(扶贫"}]}}"#,
            "精准(扶贫",
        ),
    ] {
        let err = check("一、工作成效", js_sys::JSON::parse(bad).unwrap()).unwrap_err();
        let message = String::from(js_sys::Error::from(JsValue::from(err)).message());
        assert!(message.contains(culprit), "{bad}: {message}");
    }
}

#[wasm_bindgen_test]
fn bad_options_are_a_js_error_not_a_panic() {
    let bad = js_sys::JSON::parse(r#"{"template": 42}"#).unwrap();
    assert!(check("一、工作成效", bad).is_err());
    let unknown = js_sys::JSON::parse(r#"{"template": "no-such-preset"}"#).unwrap();
    assert!(check("一、工作成效", unknown).is_err());
}

#[wasm_bindgen_test]
fn a_megabyte_of_text_is_checked() {
    let mut draft = String::new();
    let mut i = 0u32;
    while draft.len() < 1 << 20 {
        draft.push_str(&format!(
            "（{}）第{}项工作完成投资{}万元，同比增长{}.{}%。\n",
            i % 9 + 1,
            i,
            100 + i % 997,
            i % 50,
            i % 10
        ));
        i += 1;
    }
    let text = JsString::from(draft.as_str());
    let report = check(&draft, JsValue::UNDEFINED).unwrap();
    assert_spans_inside(&text, &report);
}

// ---- the live binding (what attach() runs on) --------------------------------

use report_checker::wasm::LiveChecker;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;

/// A LiveChecker over a getter written in JS, and the results it hands back.
fn live(getter_body: &str, options: JsValue) -> (LiveChecker, Rc<RefCell<Vec<JsValue>>>) {
    let results = Rc::new(RefCell::new(Vec::new()));
    let sink = results.clone();
    let on_result = Closure::<dyn FnMut(JsValue)>::new(move |r: JsValue| sink.borrow_mut().push(r));
    let get_text = js_sys::Function::new_no_args(getter_body);
    let checker = LiveChecker::new(
        get_text,
        on_result
            .as_ref()
            .unchecked_ref::<js_sys::Function>()
            .clone(),
        options,
        Some(50),
    )
    .expect("live checker");
    on_result.forget();
    (checker, results)
}

#[wasm_bindgen_test]
fn recheck_reports_the_getters_text_with_paragraph_numbers() {
    let (checker, results) = live(
        "return '青山镇2023年一季度工作总结\\n\\n一、工作成效\\n召开会议XX次。'",
        JsValue::UNDEFINED,
    );
    checker.recheck();
    let results = results.borrow();
    assert_eq!(results.len(), 1);
    let text: JsString = get(&results[0], "text").dyn_into().unwrap();
    let report = get(&results[0], "report");
    assert_eq!(
        flagged(&text, &report, "data.placeholder").as_deref(),
        Some("XX")
    );
    let d = diagnostics(&report)
        .into_iter()
        .find(|d| get(d, "rule").as_string().as_deref() == Some("data.placeholder"))
        .unwrap();
    // Line 4, but the third paragraph: the blank line is not one.
    assert_eq!(num(&get(&d, "span"), "line"), 4);
    assert_eq!(num(&get(&d, "span"), "paragraph"), 3);
    assert!(get(&results[0], "ms").as_f64().unwrap() >= 0.0);
}

#[wasm_bindgen_test]
fn a_getter_that_fails_is_an_error_never_an_empty_report() {
    for body in ["throw new Error('frame gone')", "return 42"] {
        let (checker, results) = live(body, JsValue::UNDEFINED);
        checker.recheck();
        let r = &results.borrow()[0];
        assert!(get(r, "report").is_undefined(), "{body}");
        let error = get(r, "error").as_string().unwrap();
        assert!(error.starts_with("读取文本失败"), "{error}");
    }
}

#[wasm_bindgen_test]
fn schedule_waits_and_cancel_or_recheck_drop_the_wait() {
    let (checker, results) = live("return '召开会议XX次。'", JsValue::UNDEFINED);
    checker.schedule();
    assert!(checker.pending());
    checker.cancel();
    assert!(!checker.pending());
    checker.schedule();
    checker.recheck();
    assert!(!checker.pending(), "a check now answers the pending change");
    assert_eq!(results.borrow().len(), 1);
}

#[wasm_bindgen_test]
fn bad_live_options_fail_at_construction() {
    let bad = js_sys::JSON::parse(r#"{"template": 42}"#).unwrap();
    let get_text = js_sys::Function::new_no_args("return ''");
    let on_result = js_sys::Function::new_no_args("");
    assert!(LiveChecker::new(get_text, on_result, bad, None).is_err());
}

// ---- the registry and fix applicability ----------------------------------

#[wasm_bindgen_test]
fn rules_lists_every_code_with_its_explanation() {
    let rules: Vec<JsValue> = report_checker::wasm::rules()
        .unwrap()
        .dyn_into::<Array>()
        .expect("array")
        .iter()
        .collect();
    let codes: Vec<String> = rules
        .iter()
        .map(|r| get(r, "code").as_string().expect("code"))
        .collect();
    assert_eq!(codes.len(), report_checker::rules::registry().len());
    assert!(codes.iter().any(|c| c == "numbering.repeat"));
    for r in &rules {
        for key in [
            "family",
            "severity",
            "summary",
            "explanation",
            "example",
            "nearMiss",
        ] {
            assert!(
                !get(r, key).as_string().unwrap_or_default().is_empty(),
                "{key}"
            );
        }
    }
}

#[wasm_bindgen_test]
fn an_unknown_rule_code_is_an_error_naming_it() {
    let options = js_sys::JSON::parse(r#"{"disabledRules": ["numbers.confict"]}"#).unwrap();
    let err = check("一、工作成效", options).expect_err("unknown code");
    let message = get(&JsValue::from(err), "message")
        .as_string()
        .unwrap_or_default();
    assert!(message.contains("numbers.confict"), "{message}");
}

#[wasm_bindgen_test]
fn a_suggestion_says_how_safe_it_is() {
    let report = check("走访了甲村、乙村、等地。", JsValue::UNDEFINED).unwrap();
    let d = diagnostics(&report)
        .into_iter()
        .find(|d| get(d, "rule").as_string().as_deref() == Some("text.punctuation"))
        .expect("、等 flagged");
    let s = get(&d, "suggestions").dyn_into::<Array>().unwrap().get(0);
    assert_eq!(
        get(&s, "applicability").as_string().as_deref(),
        Some("safe")
    );
}
