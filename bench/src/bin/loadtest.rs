//! A bounded load test of `report-check serve` on this machine's loopback:
//! N clients, each on its own keep-alive connection, POST the same
//! 5,000-character draft to /v2/check for a fixed time (and at most a fixed
//! number of requests), then throughput, p50/p99 latency and the statuses.
//! With --pid the server's resident memory is read before and after each level.
//!
//!   loadtest --addr 127.0.0.1:8081 [--clients 1,8,64] [--seconds 10]
//!            [--max-requests 100000] [--chars 5000] [--pid PID]
//!
//! Loopback addresses only: this tool never sends traffic anywhere else.

use report_checker_bench::draft;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

struct Args {
    addr: SocketAddr,
    clients: Vec<usize>,
    seconds: u64,
    max_requests: usize,
    chars: usize,
    pid: Option<u32>,
}

fn parse_args() -> Args {
    let mut a = Args {
        addr: "127.0.0.1:8081".parse().unwrap(),
        clients: vec![1, 8, 64],
        seconds: 10,
        max_requests: 100_000,
        chars: 5_000,
        pid: None,
    };
    let argv: Vec<String> = std::env::args().skip(1).collect();
    for pair in argv.chunks(2) {
        let v = pair.get(1).map(String::as_str).unwrap_or("");
        match pair[0].as_str() {
            "--addr" => a.addr = v.parse().expect("--addr IP:PORT"),
            "--clients" => {
                a.clients = v
                    .split(',')
                    .map(|c| c.parse().expect("--clients 1,8,64"))
                    .collect()
            }
            "--seconds" => a.seconds = v.parse().expect("--seconds N"),
            "--max-requests" => a.max_requests = v.parse().expect("--max-requests N"),
            "--chars" => a.chars = v.parse().expect("--chars N"),
            "--pid" => a.pid = Some(v.parse().expect("--pid PID")),
            other => panic!("unknown option {other}"),
        }
    }
    assert!(
        a.addr.ip().is_loopback(),
        "loopback addresses only, not {}",
        a.addr
    );
    a
}

fn urlencode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Sends one request on `conn` (reconnecting if needed) and returns the status.
fn exchange(
    conn: &mut Option<BufReader<TcpStream>>,
    addr: SocketAddr,
    request: &[u8],
) -> Option<u16> {
    if conn.is_none() {
        let s = TcpStream::connect(addr).ok()?;
        s.set_nodelay(true).ok()?;
        *conn = Some(BufReader::new(s));
    }
    let r = conn.as_mut()?;
    if r.get_mut().write_all(request).is_err() {
        *conn = None;
        return None;
    }
    let mut status = 0;
    let mut length = 0usize;
    let mut close = false;
    let mut line = String::new();
    loop {
        line.clear();
        if r.read_line(&mut line).ok()? == 0 {
            *conn = None;
            return None;
        }
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        let lower = l.to_ascii_lowercase();
        if lower.starts_with("http/1.1 ") {
            status = lower[9..12].parse().unwrap_or(0);
        } else if let Some(v) = lower.strip_prefix("content-length:") {
            length = v.trim().parse().unwrap_or(0);
        } else if lower.starts_with("connection:") && lower.contains("close") {
            close = true;
        }
    }
    let mut body = vec![0; length];
    if r.read_exact(&mut body).is_err() || close {
        *conn = None;
    }
    Some(status)
}

struct Level {
    latencies: Vec<Duration>,
    statuses: Vec<(u16, usize)>,
    failures: usize,
    took: Duration,
}

fn run_level(args: &Args, clients: usize, request: Arc<Vec<u8>>) -> Level {
    let deadline = Instant::now() + Duration::from_secs(args.seconds);
    let budget = Arc::new(AtomicUsize::new(args.max_requests));
    let started = Instant::now();
    let handles: Vec<_> = (0..clients)
        .map(|_| {
            let (request, budget, addr) = (request.clone(), budget.clone(), args.addr);
            std::thread::spawn(move || {
                let mut conn = None;
                let mut latencies = Vec::new();
                let mut statuses = Vec::new();
                let mut failures = 0;
                while Instant::now() < deadline
                    && budget
                        .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_sub(1))
                        .is_ok()
                {
                    let t = Instant::now();
                    match exchange(&mut conn, addr, &request) {
                        Some(s) => {
                            latencies.push(t.elapsed());
                            statuses.push(s);
                        }
                        None => failures += 1,
                    }
                }
                (latencies, statuses, failures)
            })
        })
        .collect();
    let mut level = Level {
        latencies: Vec::new(),
        statuses: Vec::new(),
        failures: 0,
        took: Duration::ZERO,
    };
    for h in handles {
        let (l, s, f) = h.join().unwrap();
        level.latencies.extend(l);
        for status in s {
            match level.statuses.iter_mut().find(|(k, _)| *k == status) {
                Some((_, n)) => *n += 1,
                None => level.statuses.push((status, 1)),
            }
        }
        level.failures += f;
    }
    level.took = started.elapsed();
    level.latencies.sort();
    level.statuses.sort();
    level
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i].as_secs_f64() * 1000.0
}

fn main() {
    let args = parse_args();
    let text = draft(args.chars, 7);
    let body = format!("language=zh-CN&text={}", urlencode(&text));
    let request = Arc::new(
        format!(
            "POST /v2/check HTTP/1.1\r\nHost: {}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
            args.addr,
            body.len()
        )
        .into_bytes(),
    );
    println!(
        "draft: {} chars; at most {} s and {} requests per level; server {}",
        text.chars().count(),
        args.seconds,
        args.max_requests,
        args.addr
    );
    for &clients in &args.clients {
        let before = args.pid.and_then(rss_kb);
        let l = run_level(&args, clients, request.clone());
        let after = args.pid.and_then(rss_kb);
        let ok = l
            .statuses
            .iter()
            .find(|(s, _)| *s == 200)
            .map_or(0, |(_, n)| *n);
        let statuses: Vec<String> = l.statuses.iter().map(|(s, n)| format!("{s}×{n}")).collect();
        let mem = match (before, after) {
            (Some(b), Some(a)) => format!(
                "; server RSS {:.1} → {:.1} MB",
                b as f64 / 1024.0,
                a as f64 / 1024.0
            ),
            _ => String::new(),
        };
        println!(
            "{clients:>3} clients: {} requests in {:.1} s = {:.0} req/s ({:.0} checked/s); p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms; statuses {}; connection failures {}{mem}",
            l.latencies.len(),
            l.took.as_secs_f64(),
            l.latencies.len() as f64 / l.took.as_secs_f64(),
            ok as f64 / l.took.as_secs_f64(),
            percentile(&l.latencies, 0.50),
            percentile(&l.latencies, 0.99),
            percentile(&l.latencies, 1.0),
            statuses.join(" "),
            l.failures,
        );
    }
}
