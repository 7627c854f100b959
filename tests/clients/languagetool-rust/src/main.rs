//! The server driven by a LanguageTool client no one here wrote: the
//! `languagetool-rust` crate's `ServerClient`, pointed at `report-check serve`.
//! Each draft's numbers.conflict must come back at the UTF-16 offset of the
//! second figure, with the first figure named in the message.
//!
//!   languagetool-rust-check REPORT_CHECK_BINARY FIXTURES_DIR [SEED000]
//!
//! Prints `N passed, N failed` last; exits 1 on any failure.

use languagetool_rust::api::check::Request;
use languagetool_rust::api::server::ServerClient;
use std::io::{BufRead, BufReader};
use std::process::{Command, ExitCode, Stdio};

struct Tally {
    passed: usize,
    failed: usize,
}

impl Tally {
    fn expect(&mut self, ok: bool, what: &str) {
        if ok {
            self.passed += 1;
            println!("ok   {what}");
        } else {
            self.failed += 1;
            println!("FAIL {what}");
        }
    }
}

fn utf16_slice(text: &str, offset: usize, length: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16_lossy(&units[offset.min(units.len())..(offset + length).min(units.len())])
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (binary, fixtures) = (&args[0], &args[1]);
    let mut drafts = vec![format!("{fixtures}/township_q1_with_problems.txt")];
    match args.get(2).filter(|p| std::path::Path::new(p).exists()) {
        Some(seed) => drafts.insert(0, seed.clone()),
        None => {
            println!("note: seed000 not found beside the repository; checking the fixtures only")
        }
    }
    let mut server = Command::new(binary)
        .args(["serve", "--addr", "127.0.0.1:0"])
        .stderr(Stdio::piped())
        .spawn()
        .expect("start report-check serve");
    let mut line = String::new();
    BufReader::new(server.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let port = line.trim().rsplit(':').next().unwrap().to_string();
    let client = ServerClient::new("http://127.0.0.1", &port);
    let mut t = Tally {
        passed: 0,
        failed: 0,
    };

    match client.languages().await {
        Ok(langs) => t.expect(
            langs.iter().any(|l| l.long_code == "zh-CN"),
            "languages() lists zh-CN",
        ),
        Err(e) => t.expect(false, &format!("languages(): {e}")),
    }
    for path in &drafts {
        let name = path.rsplit('/').next().unwrap();
        let text = std::fs::read_to_string(path).unwrap();
        let request = Request::default()
            .with_text(text.clone())
            .with_language("zh-CN".to_string());
        let response = match client.check(&request).await {
            Ok(r) => r,
            Err(e) => {
                t.expect(false, &format!("{name}: check(): {e}"));
                continue;
            }
        };
        let conflicts: Vec<_> = response
            .matches
            .iter()
            .filter(|m| m.rule.id == "numbers.conflict")
            .collect();
        t.expect(
            !conflicts.is_empty(),
            &format!(
                "{name}: numbers.conflict among {} matches",
                response.matches.len()
            ),
        );
        for m in &conflicts {
            let flagged = utf16_slice(&text, m.offset, m.length);
            t.expect(
                flagged.starts_with(|c: char| c.is_ascii_digit()),
                &format!("{name}: offset {} flags a figure: {flagged:?}", m.offset),
            );
            let ctx = utf16_slice(&m.context.text, m.context.offset, m.context.length);
            t.expect(
                ctx == flagged,
                &format!("{name}: the context marks the same figure: {ctx:?}"),
            );
        }
        if name == "seed000.txt" {
            let second: usize = text[..text.find("2546人").unwrap()].encode_utf16().count();
            let hit = conflicts
                .iter()
                .find(|m| m.offset == second && m.length == 5);
            t.expect(
                hit.is_some(),
                "seed000: the 2544/2546 conflict at the offset of 2546人",
            );
            t.expect(
                hit.is_some_and(|m| m.message.contains("2544人")),
                "seed000: the message names 2544人",
            );
        }
    }
    let _ = server.kill();
    let _ = server.wait();
    println!(
        "languagetool-rust: {} passed, {} failed",
        t.passed, t.failed
    );
    if t.failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
