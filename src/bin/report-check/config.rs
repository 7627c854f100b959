//! The configuration file (`--config FILE`), read by the CLI and the server:
//! the JSON of `check()`'s options (README, “配置文件”).

use report_checker::Options;

pub fn load(path: &str) -> Result<Options, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    Options::from_json(&raw).map_err(|e| format!("{path}: {e}"))
}
