//! The wasm-bindgen boundary: thin conversion only. The report crosses as a
//! plain JS object (serde-wasm-bindgen, JSON-compatible: `null`, not `undefined`).
//!
//! Lone UTF-16 surrogates from JS arrive as U+FFFD (one unit for one unit), so
//! every offset still indexes the caller's string exactly.

use crate::Options;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

fn parse_options(options: JsValue) -> Result<Options, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("选项有误：{e}")))
}

/// `check(text, options?)` → `{diagnostics, summary, outline}` with spans in UTF-16 units.
#[wasm_bindgen]
pub fn check(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options = parse_options(options)?;
    let report = crate::check(text, &options).map_err(|e| JsError::new(&e.0))?;
    to_js(&report)
}

/// The crate version, for hosts that log what they embed.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
