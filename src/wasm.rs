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

/// Options are read as the JSON of the configuration file, by the same code:
/// serde-wasm-bindgen looks up only the fields it knows, so an unknown key
/// (a misspelt `severites`) would pass silently instead of being named.
fn parse_options(options: JsValue) -> Result<Options, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    let json = js_sys::JSON::stringify(&options)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| JsError::new("选项有误：不是可转为 JSON 的对象"))?;
    Options::from_json(&json).map_err(|e| JsError::new(&e.0))
}

/// `check(text, options?)` → `{diagnostics, summary, outline}` with spans in UTF-16 units.
#[wasm_bindgen]
pub fn check(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options = parse_options(options)?;
    let report = crate::check(text, &options).map_err(|e| JsError::new(&e.0))?;
    to_js(&report)
}

/// `rules()` → every rule's registry entry: `[{code, family, severity, summary,
/// explanation, example, nearMiss}, …]` (the `rules` array of
/// `report-check rules --format json`).
#[wasm_bindgen]
pub fn rules() -> Result<JsValue, JsError> {
    to_js(&crate::rules::registry())
}

/// The crate version, for hosts that log what they embed.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

// ---- the live binding ------------------------------------------------------
//
// The host passes a *text getter* rather than the element's text being read
// here: the JS side decides what the text is (a textarea's value, or the
// editor's blocks joined with line breaks) and maps UTF-16 offsets back onto
// exactly that text, so highlights can never drift from what was checked.
// The JS side also decides *when* the text changed (a MutationObserver,
// composition events, the host's notify()) and calls `schedule()`; this side
// owns the debounce.

use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;

struct LiveState {
    get_text: js_sys::Function,
    on_result: js_sys::Function,
    options: Options,
    delay_ms: u32,
    pending: Option<Timeout>,
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn set(target: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), value);
}

/// Reads the text through the host's getter. A getter that throws or returns
/// something else than a string is an error, never an empty text (an empty
/// text has no errors, and a submit gate would let the form through).
fn read_text(get_text: &js_sys::Function) -> Result<String, String> {
    match get_text.call0(&JsValue::NULL) {
        Ok(v) => v
            .as_string()
            .ok_or_else(|| "读取文本失败：getText 没有返回字符串".to_string()),
        Err(e) => Err(format!(
            "读取文本失败：{}",
            js_sys::Error::from(e).message()
        )),
    }
}

/// Runs the check now and hands `{report, ms, text}` (or `{error}`) to the callback.
fn run_live(state: &Rc<RefCell<LiveState>>) {
    let (get_text, on_result, options) = {
        let mut s = state.borrow_mut();
        s.pending = None;
        (s.get_text.clone(), s.on_result.clone(), s.options.clone())
    };
    let result = js_sys::Object::new();
    let checked = read_text(&get_text).and_then(|text| {
        let started = now_ms();
        let report = crate::check(&text, &options).map_err(|e| e.0)?;
        let ms = now_ms() - started;
        Ok((text, report, ms))
    });
    match checked {
        Ok((text, report, ms)) => {
            set(&result, "report", &to_js(&report).unwrap_or(JsValue::NULL));
            set(&result, "ms", &JsValue::from_f64(ms));
            set(&result, "text", &JsValue::from_str(&text));
        }
        Err(e) => set(&result, "error", &JsValue::from_str(&e)),
    }
    let _ = on_result.call1(&JsValue::NULL, &result);
}

/// Re-checks a host editor as it changes: `schedule()` after every change
/// waits `delay_ms` past the last one (a gloo timer), reads the text through
/// `get_text`, checks, and calls `on_result({report, ms, text})` or
/// `on_result({error})`. Freeing it cancels a pending check.
#[wasm_bindgen]
pub struct LiveChecker {
    state: Rc<RefCell<LiveState>>,
}

#[wasm_bindgen]
impl LiveChecker {
    #[wasm_bindgen(constructor)]
    pub fn new(
        get_text: js_sys::Function,
        on_result: js_sys::Function,
        options: JsValue,
        delay_ms: Option<u32>,
    ) -> Result<LiveChecker, JsError> {
        let options = parse_options(options)?;
        Ok(LiveChecker {
            state: Rc::new(RefCell::new(LiveState {
                get_text,
                on_result,
                options,
                delay_ms: delay_ms.unwrap_or(200),
                pending: None,
            })),
        })
    }

    /// A change happened: checks `delay_ms` after the last of a burst of changes.
    pub fn schedule(&self) {
        let delay = self.state.borrow().delay_ms;
        let weak = Rc::downgrade(&self.state);
        // Replacing the pending timeout drops (cancels) the previous one: a debounce.
        self.state.borrow_mut().pending = Some(Timeout::new(delay, move || {
            if let Some(state) = weak.upgrade() {
                run_live(&state);
            }
        }));
    }

    /// Drops a pending check (an IME composition started: its text is half-typed).
    pub fn cancel(&self) {
        self.state.borrow_mut().pending = None;
    }

    /// Whether a change is waiting for its check.
    #[wasm_bindgen(getter)]
    pub fn pending(&self) -> bool {
        self.state.borrow().pending.is_some()
    }

    /// Checks now, cancelling any pending debounced check.
    pub fn recheck(&self) {
        run_live(&self.state);
    }

    #[wasm_bindgen(js_name = setOptions)]
    pub fn set_options(&self, options: JsValue) -> Result<(), JsError> {
        self.state.borrow_mut().options = parse_options(options)?;
        self.recheck();
        Ok(())
    }
}
