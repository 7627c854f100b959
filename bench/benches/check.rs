//! report-checker against the CJK linter `autocorrect` on the same inputs, so
//! the ratio holds on a noisy machine. autocorrect is asked to lint the text as
//! plain text (`lint_for(text, "text")`), the closest equivalent of a full check.
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use report_checker::Options;
use report_checker_bench::{draft, draft_bytes};
use std::time::Duration;

fn inputs() -> Vec<(&'static str, String)> {
    vec![
        ("5k-chars", draft(5_000, 1)),
        ("20k-chars", draft(20_000, 2)),
        ("1MB", draft_bytes(1 << 20, 3)),
    ]
}

fn bench(c: &mut Criterion) {
    let options = Options::default();
    for (name, text) in inputs() {
        let mut g = c.benchmark_group(name);
        g.throughput(Throughput::Bytes(text.len() as u64));
        if text.len() > 100_000 {
            g.sample_size(10).measurement_time(Duration::from_secs(8));
        } else {
            g.measurement_time(Duration::from_secs(3));
        }
        g.bench_with_input(BenchmarkId::new("report-checker", name), &text, |b, t| {
            b.iter(|| report_checker::check(t, &options).unwrap())
        });
        g.bench_with_input(BenchmarkId::new("autocorrect", name), &text, |b, t| {
            b.iter(|| autocorrect::lint_for(t, "text"))
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
