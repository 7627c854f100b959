//! Growth and memory: 10× the text must cost at most ~12× the time, and
//! 100,000 headings or numbers must not go quadratic. Also the peak heap for
//! the 1 MB input. Run: `cargo run --release -p report-checker-bench --bin growth`.
use report_checker::Options;
use report_checker_bench::{draft_bytes, many_headings, many_numbers};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

/// Counts live and peak heap bytes.
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(live, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Fastest of `runs` checks, in seconds. The work is deterministic, so the
/// fastest run is the one least disturbed by the rest of a shared machine; a
/// median still moves ±20% from run to run there.
fn time(text: &str, runs: usize) -> f64 {
    let options = Options::default();
    (0..runs)
        .map(|_| {
            let s = Instant::now();
            std::hint::black_box(report_checker::check(text, &options).unwrap());
            s.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn ratio(name: &str, small: &str, large: &str) -> f64 {
    let (a, b) = (time(small, 15), time(large, 9));
    let r = b / a;
    println!(
        "{name}: {:.2} ms → {:.2} ms for {:.1}× the bytes: {:.1}× the time",
        a * 1e3,
        b * 1e3,
        large.len() as f64 / small.len() as f64,
        r
    );
    r
}

fn main() {
    let mb = draft_bytes(1 << 20, 3);
    let text = ratio("text 100 KB → 1 MB", &draft_bytes(100 << 10, 3), &mb);
    let headings = ratio(
        "headings 10,000 → 100,000",
        &many_headings(10_000),
        &many_headings(100_000),
    );
    let numbers = ratio(
        "numbers 10,000 → 100,000",
        &many_numbers(10_000),
        &many_numbers(100_000),
    );
    // A fresh thread: the buffers the document model keeps between checks
    // live per thread, and a first check allocates them all.
    let (peak, report) = std::thread::scope(|scope| {
        scope
            .spawn(|| {
                let base = LIVE.load(Relaxed);
                PEAK.store(base, Relaxed);
                let report = report_checker::check(&mb, &Options::default()).unwrap();
                (PEAK.load(Relaxed) - base, report)
            })
            .join()
            .expect("the check runs")
    });
    println!(
        "peak heap: {:.1} MB for a {:.1} MB input ({} findings)",
        peak as f64 / 1e6,
        mb.len() as f64 / 1e6,
        report.diagnostics.len()
    );
    // Ordinary text: 10× the text, at most 12× the time. The pathological shapes
    // (one 3 MB line of figures, 100,000 headings) outgrow the CPU caches, so they
    // get more room — but a quadratic path would cost 100×, far above 20×.
    println!("growth for 10× the text: {text:.1}× the time (limit 12×)");
    let shapes = headings.max(numbers);
    println!("worst growth for 10× the headings or numbers: {shapes:.1}× the time (limit 20×, quadratic would be 100×)");
    if text > 12.0 || shapes > 20.0 {
        std::process::exit(1);
    }
}
