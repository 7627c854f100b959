//! Where the time goes: parsing the document model and each rule, on the 1 MB
//! input and on 100,000 headings, or on any file with `--file PATH`, or on `--chars N` (a draft) / `--numbers N` / `--headings N`; `--loop N`
//! checks the 1 MB input (or `--chars C`) N times for `perf record`; `--emit 5k|20k|1mb|headings|numbers`
//! prints a generated input. Run: `cargo run --release -p report-checker-bench --bin profile`.
use report_checker::document::Document;
use report_checker::rules::{all, Context};
use report_checker_bench::{draft_bytes, many_headings, many_numbers};
use std::time::Instant;

fn profile(name: &str, text: &str) {
    println!("{name} ({:.1} MB)", text.len() as f64 / 1e6);
    let t = Instant::now();
    let lines = report_checker::text::split_lines(text);
    let paras: Vec<_> = lines
        .iter()
        .map(|l| report_checker::text::trim_span(text, l.clone()))
        .filter(|p| !p.is_empty())
        .collect();
    let sentences: Vec<_> = paras
        .iter()
        .flat_map(|p| report_checker::text::split_sentences(text, p.clone()))
        .collect();
    let clauses: Vec<_> = sentences
        .iter()
        .flat_map(|s| report_checker::text::split_clauses(text, s.clone()))
        .collect();
    println!(
        "  {:<28} {:>8.2} ms",
        "  segmentation",
        t.elapsed().as_secs_f64() * 1e3
    );
    let t = Instant::now();
    let _ = report_checker::outline::Outline::build(text, &paras);
    println!(
        "  {:<28} {:>8.2} ms",
        "  outline",
        t.elapsed().as_secs_f64() * 1e3
    );
    let t = Instant::now();
    let _ = report_checker::quantity::extract(text, &clauses, &vec![0; clauses.len()]);
    println!(
        "  {:<28} {:>8.2} ms",
        "  quantities",
        t.elapsed().as_secs_f64() * 1e3
    );
    let t = Instant::now();
    let doc = Document::parse(text);
    println!(
        "  {:<28} {:>8.2} ms",
        "document model",
        t.elapsed().as_secs_f64() * 1e3
    );
    let template = report_checker::template_for(&doc, &report_checker::Options::default())
        .expect("default options");
    let wording = report_checker::wording::Wording::default();
    let ctx = Context::new(&template, &wording);
    for rule in all() {
        let mut out = Vec::new();
        let t = Instant::now();
        rule.check(&doc, &ctx, &mut out);
        println!(
            "  {:<28} {:>8.2} ms  ({} findings)",
            rule.id(),
            t.elapsed().as_secs_f64() * 1e3,
            out.len()
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--file") {
        let path = args.get(i + 1).expect("--file PATH");
        profile(
            path,
            &std::fs::read_to_string(path).expect("readable UTF-8 file"),
        );
        return;
    }
    let count = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1)?.parse::<usize>().ok())
    };
    if let Some(n) = count("--loop") {
        // For `perf record`: the whole check, n times, on the 1 MB input (or
        // on a draft of `--chars C` characters).
        let text = match count("--chars") {
            Some(c) => report_checker_bench::draft(c, 1),
            None => draft_bytes(1 << 20, 3),
        };
        let options = report_checker::Options::default();
        let mut times = Vec::with_capacity(n);
        for _ in 0..n {
            let t = Instant::now();
            std::hint::black_box(report_checker::check(&text, &options).ok());
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
        times.sort_by(f64::total_cmp);
        // The fastest run is the least disturbed by the rest of the machine.
        println!(
            "check {} bytes: fastest {:.3} ms, median {:.3} ms (of {n})",
            text.len(),
            times.first().unwrap_or(&0.0),
            times.get(n / 2).unwrap_or(&0.0)
        );
        return;
    }
    if let Some(n) = count("--chars") {
        let text = report_checker_bench::draft(n, 1);
        // Once cold (first use of the lexicons), once warm.
        profile(&format!("{n}-char draft (cold)"), &text);
        profile(&format!("{n}-char draft"), &text);
        return;
    }
    if let Some(n) = count("--numbers") {
        profile(&format!("{n} numbers"), &many_numbers(n));
        return;
    }
    if let Some(n) = count("--headings") {
        profile(&format!("{n} headings"), &many_headings(n));
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--emit") {
        // The generated inputs as files, e.g. to diff the CLI's findings before and after a change.
        let text = match args.get(i + 1).map(String::as_str) {
            Some("5k") => report_checker_bench::draft(5_000, 1),
            Some("20k") => report_checker_bench::draft(20_000, 2),
            Some("1mb") => draft_bytes(1 << 20, 3),
            Some("headings") => many_headings(10_000),
            Some("numbers") => many_numbers(10_000),
            _ => panic!("--emit 5k|20k|1mb|headings|numbers"),
        };
        print!("{text}");
        return;
    }
    if args.iter().any(|a| a == "--small") {
        profile("200 KB draft", &draft_bytes(200 << 10, 3));
        return;
    }
    profile("1 MB draft", &draft_bytes(1 << 20, 3));
    profile("100,000 headings", &many_headings(100_000));
    profile("100,000 numbers", &many_numbers(100_000));
}
