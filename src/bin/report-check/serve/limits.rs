//! What keeps one request from hurting the others: checks run at most
//! `max_in_flight` at a time (one per core: the work is CPU-bound), and at
//! most `max_queue` more requests wait for a turn; a request beyond both is
//! answered 503 at once, before its body is read, so saturation never piles
//! up memory or latency. A maximum body (413), one time limit on reading the
//! body and one on waiting plus checking, and the check run on a blocking
//! thread where a panic is caught and answered 500.

use super::error::ApiError;
use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, StatusCode};
use http_body_util::BodyExt;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

#[derive(Debug, Clone)]
pub struct Limits {
    pub max_body: usize,
    pub timeout: Duration,
    pub max_in_flight: usize,
    pub max_queue: usize,
}

impl Default for Limits {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Limits {
            max_body: 16 << 20,
            timeout: Duration::from_secs(10),
            max_in_flight: cores,
            max_queue: 64,
        }
    }
}

/// A request's place: admitted (counted against in-flight plus queue) until
/// it is answered, or until its abandoned check's thread ends. Held, never read.
#[derive(Debug)]
pub struct Admission(#[allow(dead_code)] OwnedSemaphorePermit);

/// The bounds. Both permits of a check are held until its thread finishes,
/// even when the client was already answered with a timeout: the bounds
/// count real work, not waiting clients.
pub struct Gate {
    /// Requests admitted: checking, waiting to check, or sending their body.
    admitted: Arc<Semaphore>,
    /// Checks running.
    running: Arc<Semaphore>,
    limits: Limits,
}

impl Gate {
    pub fn new(limits: Limits) -> Gate {
        Gate {
            admitted: Arc::new(Semaphore::new(limits.max_in_flight + limits.max_queue)),
            running: Arc::new(Semaphore::new(limits.max_in_flight)),
            limits,
        }
    }

    /// Admits a request, or answers 503 at once when checks and queue are full.
    pub fn enter(&self) -> Result<Admission, ApiError> {
        let permit = self.admitted.clone().try_acquire_owned().map_err(|_| {
            ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "服务繁忙：{} 个检查正在进行，另有 {} 个在排队，请稍后重试",
                    self.limits.max_in_flight, self.limits.max_queue
                ),
            )
        })?;
        Ok(Admission(permit))
    }

    /// Admits a request with its body; a refused one's body is read and
    /// dropped in the background (within the limits), so the client reads
    /// the 503 on a connection that stays open instead of a reset.
    pub fn admit(&self, body: Body) -> Result<(Admission, Body), ApiError> {
        match self.enter() {
            Ok(admission) => Ok((admission, body)),
            Err(e) => {
                let (max, timeout) = (self.limits.max_body, self.limits.timeout);
                tokio::spawn(async move {
                    let drain = async {
                        let mut body = body;
                        let mut seen = 0;
                        while let Some(Ok(frame)) = body.frame().await {
                            seen += frame.data_ref().map_or(0, |d| d.len());
                            if seen > max {
                                break;
                            }
                        }
                    };
                    let _ = tokio::time::timeout(timeout, drain).await;
                });
                Err(e)
            }
        }
    }

    /// Reads the whole body, refusing one over the limit (by its declared
    /// length at once, or as it streams) or one that arrives too slowly.
    pub async fn read_body(&self, headers: &HeaderMap, body: Body) -> Result<Bytes, ApiError> {
        let max = self.limits.max_body;
        let too_large = || {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("请求体超过上限 {max} 字节（服务端用 --max-body 调整）"),
            )
        };
        let declared = headers
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        if declared.is_some_and(|n| n > max as u64) {
            return Err(too_large());
        }
        let limited = http_body_util::Limited::new(body, max);
        match tokio::time::timeout(self.limits.timeout, limited.collect()).await {
            Err(_) => Err(ApiError::new(
                StatusCode::REQUEST_TIMEOUT,
                "请求体在时限内没有传完",
            )),
            Ok(Err(e)) if e.is::<http_body_util::LengthLimitError>() => Err(too_large()),
            Ok(Err(e)) => Err(ApiError::bad_request(format!("请求体读取失败：{e}"))),
            Ok(Ok(collected)) => Ok(collected.to_bytes()),
        }
    }

    /// Waits for a turn, then runs `work` on a blocking thread, all within
    /// the time limit. The permits go with the thread and are released when
    /// the work ends.
    pub async fn run<T: Send + 'static>(
        &self,
        admission: Admission,
        work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let over_time = || {
            ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "排队与检查超过时限 {} 毫秒，已放弃",
                    self.limits.timeout.as_millis()
                ),
            )
        };
        let deadline = tokio::time::Instant::now() + self.limits.timeout;
        let turn = tokio::time::timeout_at(deadline, self.running.clone().acquire_owned())
            .await
            .map_err(|_| over_time())?
            .map_err(|_| over_time())?;
        let task = tokio::task::spawn_blocking(move || {
            let _permits = (admission, turn);
            work()
        });
        match tokio::time::timeout_at(deadline, task).await {
            Err(_) => Err(over_time()),
            Ok(Err(join)) => Err(ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                if join.is_panic() {
                    "检查这份文稿时内部出错（已记录），服务仍在运行".to_string()
                } else {
                    format!("检查被中止：{join}")
                },
            )),
            Ok(Ok(result)) => result,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gate(max_in_flight: usize, max_queue: usize, timeout_ms: u64) -> Gate {
        Gate::new(Limits {
            max_body: 8,
            timeout: Duration::from_millis(timeout_ms),
            max_in_flight,
            max_queue,
        })
    }

    #[tokio::test]
    async fn a_panic_is_a_500_and_frees_its_place() {
        let g = gate(1, 0, 5_000);
        let permit = g.enter().unwrap();
        let err = g
            .run(permit, || -> Result<(), ApiError> { panic!("rule bug") })
            .await
            .unwrap_err();
        assert_eq!(err.status, StatusCode::INTERNAL_SERVER_ERROR);
        // The place is free again and the next check runs.
        let permit = g.enter().unwrap();
        assert_eq!(g.run(permit, || Ok(7)).await.unwrap(), 7);
    }

    #[tokio::test]
    async fn a_request_waits_its_turn_within_the_queue() {
        let g = Arc::new(gate(1, 1, 2_000));
        let first = g.enter().unwrap();
        let second = g.enter().unwrap();
        // Checks and queue are full: a third is refused at once.
        assert_eq!(
            g.enter().err().unwrap().status,
            StatusCode::SERVICE_UNAVAILABLE
        );
        let slow = {
            let g = g.clone();
            tokio::spawn(async move {
                g.run(first, || {
                    std::thread::sleep(Duration::from_millis(200));
                    Ok(1)
                })
                .await
            })
        };
        tokio::time::sleep(Duration::from_millis(20)).await;
        let t = std::time::Instant::now();
        // The second waits for the first, then runs.
        assert_eq!(g.run(second, || Ok(2)).await.unwrap(), 2);
        assert!(
            t.elapsed() >= Duration::from_millis(150),
            "{:?}",
            t.elapsed()
        );
        assert_eq!(slow.await.unwrap().unwrap(), 1);
    }

    #[tokio::test]
    async fn saturation_and_time_limit_answer_503_and_keep_the_bound() {
        let g = gate(1, 0, 50);
        let permit = g.enter().unwrap();
        let err = g
            .run(permit, || {
                std::thread::sleep(Duration::from_millis(300));
                Ok(())
            })
            .await
            .unwrap_err();
        assert_eq!(err.status, StatusCode::SERVICE_UNAVAILABLE);
        assert!(err.message.contains("时限"), "{}", err.message);
        // The abandoned check still runs: its place is still taken.
        let busy = g.enter().unwrap_err();
        assert_eq!(busy.status, StatusCode::SERVICE_UNAVAILABLE);
        assert!(busy.message.contains("繁忙"), "{}", busy.message);
        tokio::time::sleep(Duration::from_millis(400)).await;
        assert!(g.enter().is_ok());
    }

    #[tokio::test]
    async fn bodies_over_the_limit_are_413() {
        let g = gate(1, 0, 1_000);
        let err = g
            .read_body(&HeaderMap::new(), Body::from("123456789"))
            .await
            .unwrap_err();
        assert_eq!(err.status, StatusCode::PAYLOAD_TOO_LARGE);
        let ok = g.read_body(&HeaderMap::new(), Body::from("12345678")).await;
        assert_eq!(&ok.unwrap()[..], b"12345678");
    }
}
