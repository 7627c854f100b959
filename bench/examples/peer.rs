//! The peer alone, for instruction counts that do not depend on the machine's
//! load: `valgrind --tool=cachegrind target/release/examples/peer --loop N`
//! lints the 1 MB benchmark input N times with autocorrect (compare with the
//! `profile` binary's `--loop N`). Run: `cargo build --release -p
//! report-checker-bench --example peer`.
use report_checker_bench::draft_bytes;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n = args
        .iter()
        .position(|a| a == "--loop")
        .and_then(|i| args.get(i + 1)?.parse().ok())
        .unwrap_or(1);
    let text = draft_bytes(1 << 20, 3);
    for _ in 0..n {
        std::hint::black_box(autocorrect::lint_for(&text, "text"));
    }
}
