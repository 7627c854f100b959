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
