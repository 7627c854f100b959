//! `report-check serve`: the checker as an HTTP service that speaks the
//! LanguageTool protocol, so LanguageTool's clients (LibreOffice, the browser
//! extension, LTeX, the Python and Rust client libraries) check a 工作总结
//! unchanged. Stateless: run more instances behind a load balancer to scale.
//!
//!   report-check serve [--addr 127.0.0.1:8081] [--config FILE] [--cors-origin ORIGIN]...
//!                      [--max-body BYTES] [--timeout-ms MS] [--max-in-flight N] [--max-queue N]
//!                      [--max-connections N] [--idle-timeout-ms MS]

mod annotated;
mod error;
mod form;
mod languagetool;
mod limits;
mod listen;
mod routes;

use limits::{Gate, Limits};
use report_checker::Options;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;
use tower_http::cors::{AllowOrigin, CorsLayer};

struct Settings {
    addr: SocketAddr,
    options: Options,
    limits: Limits,
    /// Origins a browser page may call us from; none by default (CORS off).
    cors: Vec<String>,
    max_connections: usize,
    idle_timeout: Duration,
}

fn parse_args(args: &[String]) -> Result<Settings, String> {
    let mut s = Settings {
        addr: SocketAddr::from(([127, 0, 0, 1], 8081)),
        options: Options::default(),
        limits: Limits::default(),
        cors: Vec::new(),
        max_connections: 1024,
        idle_timeout: Duration::from_secs(15),
    };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{flag} 需要一个值"));
        let number = |v: &str| {
            v.parse::<u64>()
                .ok()
                .filter(|&n| n > 0)
                .ok_or_else(|| format!("{flag} 需要正整数，收到“{v}”"))
        };
        match flag.as_str() {
            "--addr" => {
                let v = value()?;
                s.addr = v
                    .parse()
                    .map_err(|_| format!("--addr 需要 IP:端口（如 127.0.0.1:8081），收到“{v}”"))?;
            }
            "--config" => s.options = crate::config::load(value()?)?,
            "--cors-origin" => s.cors.push(value()?.clone()),
            "--max-body" => s.limits.max_body = number(value()?)? as usize,
            "--timeout-ms" => s.limits.timeout = Duration::from_millis(number(value()?)?),
            "--max-in-flight" => s.limits.max_in_flight = number(value()?)? as usize,
            "--max-connections" => s.max_connections = number(value()?)? as usize,
            "--idle-timeout-ms" => s.idle_timeout = Duration::from_millis(number(value()?)?),
            "--max-queue" => {
                let v = value()?;
                s.limits.max_queue = v
                    .parse()
                    .map_err(|_| format!("--max-queue 需要非负整数，收到“{v}”"))?;
            }
            other => return Err(format!("serve 不认识选项 {other}")),
        }
    }
    Ok(s)
}

fn cors_layer(origins: &[String]) -> Result<CorsLayer, String> {
    let allow = if origins.iter().any(|o| o == "*") {
        AllowOrigin::any()
    } else {
        let values = origins
            .iter()
            .map(|o| {
                o.parse()
                    .map_err(|_| format!("--cors-origin “{o}”不是合法的来源"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        AllowOrigin::list(values)
    };
    Ok(CorsLayer::new()
        .allow_origin(allow)
        .allow_methods([axum::http::Method::GET, axum::http::Method::POST])
        .allow_headers([axum::http::header::CONTENT_TYPE]))
}

pub fn main(args: &[String]) -> ExitCode {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{}", crate::cli::USAGE);
        return ExitCode::SUCCESS;
    }
    let settings = match parse_args(args) {
        Ok(s) => s,
        Err(e) => return crate::usage_error(&e),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        // Checks run on blocking threads, at most max_in_flight at once.
        .max_blocking_threads(settings.limits.max_in_flight.max(1))
        .build();
    let runtime = match runtime {
        Ok(r) => r,
        Err(e) => {
            eprintln!("report-check serve: 无法启动：{e}");
            return ExitCode::from(2);
        }
    };
    match runtime.block_on(serve(settings)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("report-check serve: {e}");
            ExitCode::from(2)
        }
    }
}

async fn serve(settings: Settings) -> Result<(), String> {
    let timeout = settings.limits.timeout;
    let app = Arc::new(routes::App {
        options: settings.options,
        gate: Gate::new(settings.limits),
    });
    let mut router = routes::router(app)
        // A panic outside the check (which has its own guard) is a 500, not a dead connection task.
        .layer(tower_http::catch_panic::CatchPanicLayer::new());
    if !settings.cors.is_empty() {
        router = router.layer(cors_layer(&settings.cors)?);
    }
    let listener = tokio::net::TcpListener::bind(settings.addr)
        .await
        .map_err(|e| format!("无法监听 {}：{e}", settings.addr))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    if !addr.ip().is_loopback() {
        eprintln!("report-check serve: 注意：监听的是 {addr}，本机以外的机器也能访问");
    }
    // Tests and scripts read this line for the port (with --addr 127.0.0.1:0).
    eprintln!("report-check serve: listening on http://{addr}");
    let connections = listen::Connections {
        max: settings.max_connections,
        idle_timeout: settings.idle_timeout,
        // In-flight requests get their own time limit, and a little more, to finish.
        grace: timeout + Duration::from_secs(5),
    };
    listen::serve(listener, router, connections, shutdown_signal()).await;
    eprintln!("report-check serve: 已停止");
    Ok(())
}

/// SIGTERM or Ctrl-C: stop accepting, finish the requests in progress, exit 0.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    eprintln!("report-check serve: 收到停止信号，处理完进行中的请求后退出");
}
