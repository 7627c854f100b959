//! Criterion benchmarks (filled in by issue #6).
use criterion::{criterion_group, criterion_main, Criterion};

fn bench(c: &mut Criterion) {
    let text = "沱江镇2020年上半年工作总结\n一、工作开展情况\n".repeat(10);
    c.bench_function("check/small", |b| b.iter(|| report_checker::check(&text, &Default::default())));
}

criterion_group!(benches, bench);
criterion_main!(benches);
