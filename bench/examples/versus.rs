//! report-checker against autocorrect, interleaved: each round times one check
//! and one lint of the same input back to back, so both see the same state of
//! a shared, noisy machine (Criterion times one for seconds, then the other).
//! Prints each side's median and the median of the per-round ratios.
//!
//! `--rounds N` (default 20). `--peer-loop N` only lints the 1 MB input N
//! times with autocorrect, for instruction counts under valgrind (compare with
//! the `profile` binary's `--loop N`).
//! Run: `cargo run --release -p report-checker-bench --example versus`.
use report_checker::Options;
use report_checker_bench::{draft, draft_bytes};
use std::time::Instant;

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let count = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1)?.parse::<usize>().ok())
    };
    if let Some(n) = count("--peer-loop") {
        let text = draft_bytes(1 << 20, 3);
        for _ in 0..n {
            std::hint::black_box(autocorrect::lint_for(&text, "text"));
        }
        return;
    }
    let rounds = count("--rounds").unwrap_or(20).max(1);
    let options = Options::default();
    let inputs = [
        ("5,000 chars", draft(5_000, 1)),
        ("20,000 chars", draft(20_000, 2)),
        ("1 MB", draft_bytes(1 << 20, 3)),
    ];
    println!("| input | report-checker | autocorrect | ratio (median of {rounds} paired rounds) |");
    println!("|---|---|---|---|");
    for (name, text) in &inputs {
        // Small inputs are repeated inside a round so each timing is well above the clock's grain.
        let reps = (200_000 / text.len()).max(1);
        let (mut ours, mut peer, mut ratio) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..rounds {
            let t = Instant::now();
            for _ in 0..reps {
                std::hint::black_box(report_checker::check(text, &options).ok());
            }
            let a = t.elapsed().as_secs_f64() * 1e3 / reps as f64;
            let t = Instant::now();
            for _ in 0..reps {
                std::hint::black_box(autocorrect::lint_for(text, "text"));
            }
            let b = t.elapsed().as_secs_f64() * 1e3 / reps as f64;
            ours.push(a);
            peer.push(b);
            ratio.push(b / a);
        }
        let mb_s = text.len() as f64 / 1e6 / (median(&mut ours) / 1e3);
        println!(
            "| {name} | {:.3} ms ({mb_s:.1} MB/s) | {:.3} ms | {:.1}× |",
            median(&mut ours),
            median(&mut peer),
            median(&mut ratio)
        );
    }
}
