//! The accept loop: hyper's HTTP/1 connections serving the router, with what
//! `axum::serve` lacks — a timer, so a client that sends no request head
//! within the idle timeout (a slow-loris, or a keep-alive connection left
//! idle) is closed; a cap on open connections (one over it is closed at once); and
//! graceful shutdown that waits for the requests in progress, for a while.

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// How connections are held.
pub struct Connections {
    /// Open connections at most; one more is closed as soon as it is accepted.
    pub max: usize,
    /// How long a connection may take to send a request head, idle time included.
    pub idle_timeout: Duration,
    /// How long shutdown waits for the requests in progress.
    pub grace: Duration,
}

pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Connections,
    shutdown: impl Future<Output = ()>,
) {
    let open = Arc::new(Semaphore::new(limits.max));
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // Out of file descriptors and the like: wait, do not spin.
                    eprintln!("report-check serve: accept: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            _ = &mut shutdown => break,
        };
        let Ok(permit) = open.clone().try_acquire_owned() else {
            continue; // over the cap: dropped, so closed
        };
        let _ = stream.set_nodelay(true);
        let mut builder = hyper::server::conn::http1::Builder::new();
        builder
            .timer(TokioTimer::new())
            .header_read_timeout(limits.idle_timeout);
        let connection = builder.serve_connection(
            TokioIo::new(stream),
            TowerToHyperService::new(router.clone()),
        );
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            let _permit = permit;
            let _ = connection.await;
        });
    }
    drop(listener);
    tokio::select! {
        _ = graceful.shutdown() => {}
        _ = tokio::time::sleep(limits.grace) => {
            eprintln!("report-check serve: 仍有请求未完成，已等待 {} 秒，强制退出", limits.grace.as_secs());
        }
    }
}
