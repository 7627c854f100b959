//! Errors a request can meet, each a status and a Chinese message naming the
//! problem. `/v2` answers them as plain text (as LanguageTool does, whose
//! clients show the body); `/v1` as `{"error": "…"}`.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
    pub json: bool,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
            json: false,
        }
    }

    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    /// The same error, answered as JSON.
    pub fn into_json(mut self) -> ApiError {
        self.json = true;
        self
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let retry = self.status == StatusCode::SERVICE_UNAVAILABLE;
        let mut response = if self.json {
            (
                self.status,
                axum::Json(serde_json::json!({"error": self.message})),
            )
                .into_response()
        } else {
            (
                self.status,
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                format!("Error: {}\n", self.message),
            )
                .into_response()
        };
        if retry {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from_static("1"));
        }
        response
    }
}
