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

/// The crate version, for hosts that log what they embed.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

// ---- the live binding ------------------------------------------------------
//
// The host passes a *text getter* rather than the element's text being read
// here: the JS side decides what the text is (a textarea's value, or the text
// nodes of a contenteditable joined with line breaks between blocks) and maps
// UTF-16 offsets back onto exactly that text, so highlights can never drift
// from what was checked.

use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;

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

/// Runs the check now and hands `{report, ms}` (or `{error}`) to the callback.
fn run_live(state: &Rc<RefCell<LiveState>>) {
    let (get_text, on_result, options) = {
        let s = state.borrow();
        (s.get_text.clone(), s.on_result.clone(), s.options.clone())
    };
    let text = get_text
        .call0(&JsValue::NULL)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    let started = now_ms();
    let result = js_sys::Object::new();
    match crate::check(&text, &options) {
        Ok(report) => {
            let ms = now_ms() - started;
            let _ = js_sys::Reflect::set(
                &result,
                &"report".into(),
                &to_js(&report).unwrap_or(JsValue::NULL),
            );
            let _ = js_sys::Reflect::set(&result, &"ms".into(), &JsValue::from_f64(ms));
            let _ = js_sys::Reflect::set(&result, &"text".into(), &JsValue::from_str(&text));
        }
        Err(e) => {
            let _ = js_sys::Reflect::set(&result, &"error".into(), &JsValue::from_str(&e.0));
        }
    }
    let _ = on_result.call1(&JsValue::NULL, &result);
}

/// Re-checks a host editor as the user types: listens for `input` on `target`,
/// waits `delay_ms` after the last keystroke (gloo timer), checks, and calls
/// `on_result({report, ms, text})`.
#[wasm_bindgen]
pub struct LiveChecker {
    state: Rc<RefCell<LiveState>>,
    target: web_sys::EventTarget,
    listener: Option<Closure<dyn FnMut(web_sys::Event)>>,
}

#[wasm_bindgen]
impl LiveChecker {
    #[wasm_bindgen(constructor)]
    pub fn new(
        target: web_sys::EventTarget,
        get_text: js_sys::Function,
        on_result: js_sys::Function,
        options: JsValue,
        delay_ms: Option<u32>,
    ) -> Result<LiveChecker, JsError> {
        let options = parse_options(options)?;
        let state = Rc::new(RefCell::new(LiveState {
            get_text,
            on_result,
            options,
            delay_ms: delay_ms.unwrap_or(200),
            pending: None,
        }));
        let weak = Rc::downgrade(&state);
        let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |_event: web_sys::Event| {
            let Some(state) = weak.upgrade() else { return };
            let delay = state.borrow().delay_ms;
            let for_timer = Rc::downgrade(&state);
            // Replacing the pending timeout drops (cancels) the previous one: a debounce.
            state.borrow_mut().pending = Some(Timeout::new(delay, move || {
                if let Some(state) = for_timer.upgrade() {
                    state.borrow_mut().pending = None;
                    run_live(&state);
                }
            }));
        });
        target
            .add_event_listener_with_callback("input", listener.as_ref().unchecked_ref())
            .map_err(|_| JsError::new("无法监听输入事件"))?;
        Ok(LiveChecker {
            state,
            target,
            listener: Some(listener),
        })
    }

    /// Checks now, cancelling any pending debounced check.
    pub fn recheck(&self) {
        self.state.borrow_mut().pending = None;
        run_live(&self.state);
    }

    #[wasm_bindgen(js_name = setOptions)]
    pub fn set_options(&self, options: JsValue) -> Result<(), JsError> {
        self.state.borrow_mut().options = parse_options(options)?;
        self.recheck();
        Ok(())
    }

    /// Stops listening; the host editor is left as it was.
    pub fn detach(&mut self) {
        self.state.borrow_mut().pending = None;
        if let Some(listener) = self.listener.take() {
            let _ = self
                .target
                .remove_event_listener_with_callback("input", listener.as_ref().unchecked_ref());
        }
    }
}
