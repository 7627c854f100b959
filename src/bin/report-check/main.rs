//! `report-check`: the native CLI. Thin: reads files, calls the core, prints.
//!
//!   report-check [--format text|json] [--template NAME|FILE] FILE...
//!   report-check eval [--verbose] DIR...
//!   report-check rules [--format text|json|markdown]
//!
//! Exit status: 0 no errors, 1 errors found, 2 bad usage or unreadable input.
//! (Compiled to an empty program on wasm32, where test builds still build bins.)

#[cfg(not(target_arch = "wasm32"))]
mod batch;
#[cfg(not(target_arch = "wasm32"))]
mod cli;
#[cfg(not(target_arch = "wasm32"))]
mod config;
#[cfg(not(target_arch = "wasm32"))]
mod docx;
#[cfg(not(target_arch = "wasm32"))]
mod input;
#[cfg(not(target_arch = "wasm32"))]
mod render;
#[cfg(not(target_arch = "wasm32"))]
mod rules_cmd;
#[cfg(not(target_arch = "wasm32"))]
mod serve;

#[cfg(not(target_arch = "wasm32"))]
use cli::usage_error;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
