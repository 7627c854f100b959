//! Properties that hold for every input: `check` never panics; every span lies
//! inside the text on char boundaries; UTF-16 offsets slice exactly the text of
//! the byte span; line/column agree with a naive count; the same input gives
//! the same report. Strings are built from fragments drafts are made of, so the
//! rules actually fire. Longer runs: `PROPTEST_CASES=100000 cargo test --release --test properties`.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use report_checker::document::Document;
use report_checker::{check, check_document, Options};

const FRAGMENTS: &[&str] = &[
    "一、",
    "二、",
    "四、",
    "（一）",
    "(三)",
    "1.",
    "2、",
    "（1）",
    "一是",
    "三是",
    "工作总结",
    "2020年上半年",
    "3月26日",
    "2月30日",
    "2022——2022年",
    "共有",
    "其中",
    "已",
    "未",
    "2544人",
    "2546人",
    "1,200",
    "1.6万个",
    "38.6亿",
    "30.96%",
    "占",
    "比例",
    "XX",
    "x",
    "××",
    "某某",
    "**",
    "【】",
    "（待补充）",
    "等个",
    "每周开次",
    "来源:",
    "“",
    "”",
    "‘",
    "’",
    "《",
    "》",
    "（",
    "）",
    "(",
    ")",
    "、等",
    "，，",
    "。",
    "；",
    "：",
    ",",
    "\n",
    "\r\n",
    "\n\n",
    " ",
    "\u{3000}",
    "𠀀",
    "😀",
    "e\u{301}",
    "\u{200B}",
    "\u{202E}",
    "\u{0}",
    "\u{FFFD}",
    "１２３",
    "万元",
    "户",
    "名",
    "镇",
    "村",
    "党员",
    "报到",
    "社区",
    "下辖",
    "完成",
    "增长",
    "率",
    "9999999999999999999999999999999999999",
    "0.",
];

fn draft() -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![4 => prop::sample::select(FRAGMENTS).prop_map(String::from), 1 => any::<String>()], 0..60)
        .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(256), ..ProptestConfig::default() })]

    #[test]
    fn spans_are_inside_on_boundaries_and_map_exactly(text in draft()) {
        let doc = Document::parse(&text);
        let diags = check_document(&doc, &Options::default()).unwrap();
        let report = check(&text, &Options::default()).unwrap();
        prop_assert_eq!(diags.len(), report.diagnostics.len());
        let utf16: Vec<u16> = text.encode_utf16().collect();
        for (d, j) in diags.iter().zip(&report.diagnostics) {
            let spans = std::iter::once((&d.span, &j.span))
                .chain(d.related.iter().zip(&j.related).map(|(a, b)| (&a.span, &b.span)))
                .chain(d.suggestions.iter().zip(&j.suggestions).map(|(a, b)| (&a.span, &b.span)));
            for (bytes, json) in spans {
                prop_assert!(bytes.start <= bytes.end && bytes.end <= text.len());
                prop_assert!(text.is_char_boundary(bytes.start) && text.is_char_boundary(bytes.end));
                let sliced = String::from_utf16(&utf16[json.start..json.end]).unwrap();
                prop_assert_eq!(sliced.as_str(), &text[bytes.clone()]);
                let before = &text[..bytes.start];
                let line = before.matches('\n').count() + before.matches('\r').count() - before.matches("\r\n").count() + 1;
                let line_start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
                prop_assert_eq!(json.line, line);
                prop_assert_eq!(json.column, text[line_start..bytes.start].chars().count() + 1);
            }
        }
        let again = check(&text, &Options::default()).unwrap();
        prop_assert_eq!(serde_json::to_string(&report).unwrap(), serde_json::to_string(&again).unwrap());
    }
}
