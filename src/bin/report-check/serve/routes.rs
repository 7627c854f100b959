//! The endpoints: `/v2/check` and `/v2/languages` (LanguageTool), `/v1/check`
//! (our own report, the shape of `--format json`), `/health`.

use super::error::ApiError;
use super::form::Form;
use super::languagetool;
use super::limits::Gate;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use report_checker::template::TemplateChoice;
use report_checker::Options;
use serde::Deserialize;
use std::sync::Arc;

/// What every request shares: the configured options and the limits.
pub struct App {
    pub options: Options,
    pub gate: Gate,
}

pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/health", get(health))
        .route("/v2/languages", get(languages))
        .route("/v2/check", post(lt_check).get(lt_check))
        .route("/v1/check", post(report_check))
        .fallback(not_found)
        .with_state(app)
}

async fn health() -> Json<serde_json::Value> {
    Json(serde_json::json!({"status": "ok", "version": env!("CARGO_PKG_VERSION")}))
}

async fn languages() -> Json<serde_json::Value> {
    Json(languagetool::languages())
}

async fn not_found(method: Method, uri: axum::http::Uri) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        format!(
            "没有 {method} {}。可用：POST /v2/check、GET /v2/languages、POST /v1/check、GET /health",
            uri.path()
        ),
    )
}

fn content_type(headers: &HeaderMap) -> &str {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map_or("", |v| v.split(';').next().unwrap_or("").trim())
}

fn json_bytes(bytes: Vec<u8>) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], bytes).into_response()
}

/// `POST /v2/check` (form body) or `GET /v2/check?…` (query), as LanguageTool.
async fn lt_check(State(app): State<Arc<App>>, request: Request) -> Result<Response, ApiError> {
    let (parts, body) = request.into_parts();
    let (permit, body) = app.gate.admit(body)?;
    let raw: Bytes = if parts.method == Method::GET {
        Bytes::copy_from_slice(parts.uri.query().unwrap_or("").as_bytes())
    } else {
        let kind = content_type(&parts.headers);
        if !kind.is_empty() && !kind.eq_ignore_ascii_case("application/x-www-form-urlencoded") {
            return Err(ApiError::bad_request(format!(
                "/v2/check 需要 application/x-www-form-urlencoded 表单，收到的是 {kind}"
            )));
        }
        app.gate.read_body(&parts.headers, body).await?
    };
    let form = Form::parse(&raw).map_err(ApiError::bad_request)?;
    let lt = languagetool::parse_request(form, &app.options).map_err(ApiError::bad_request)?;
    let body = app
        .gate
        .run(permit, move || {
            let report = report_checker::check(&lt.doc.checked, &lt.options)
                .map_err(|e| ApiError::bad_request(e.0))?;
            serde_json::to_vec(&languagetool::response(&lt.doc, &report))
                .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))
        })
        .await?;
    Ok(json_bytes(body))
}

/// The `/v1/check` JSON body: the text, and what a request may change of
/// the server's configuration.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct ReportRequest {
    text: String,
    #[serde(default)]
    template: Option<TemplateChoice>,
    #[serde(default)]
    disabled_rules: Vec<String>,
}

/// `POST /v1/check`: JSON `{"text": …}` or a `text/plain` body; answers the
/// report of `report-check --format json`.
async fn report_check(State(app): State<Arc<App>>, request: Request) -> Result<Response, ApiError> {
    let (parts, body): (_, Body) = request.into_parts();
    let (permit, body) = app.gate.admit(body).map_err(ApiError::into_json)?;
    let is_json = match content_type(&parts.headers) {
        "application/json" => true,
        "text/plain" => false,
        other => {
            return Err(ApiError::bad_request(format!(
                "/v1/check 需要 application/json（{{\"text\": …}}）或 text/plain 正文，收到的是“{other}”"
            ))
            .into_json())
        }
    };
    let raw = app
        .gate
        .read_body(&parts.headers, body)
        .await
        .map_err(ApiError::into_json)?;
    let mut options = app.options.clone();
    let text = if is_json {
        let req: ReportRequest = serde_json::from_slice(&raw).map_err(|e| {
            let e = e.to_string();
            // JSON can carry half of a UTF-16 pair (\ud800), which no Rust string holds.
            let hint = if e.contains("surrogate") || e.contains("hex escape") {
                "（文本中有不成对的 UTF-16 代理项，请先替换为 U+FFFD）"
            } else {
                ""
            };
            ApiError::bad_request(format!("请求 JSON 有误：{e}{hint}")).into_json()
        })?;
        if req.template.is_some() {
            options.template = req.template;
        }
        options.disabled_rules.extend(req.disabled_rules);
        req.text
    } else {
        String::from_utf8(raw.to_vec()).map_err(|e| {
            ApiError::bad_request(format!(
                "正文不是合法的 UTF-8 编码（第 {} 个字节起）",
                e.utf8_error().valid_up_to() + 1
            ))
            .into_json()
        })?
    };
    let body = app
        .gate
        .run(permit, move || {
            let report = report_checker::check(&text, &options)
                .map_err(|e| ApiError::bad_request(e.0).into_json())?;
            serde_json::to_vec(&report)
                .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))
        })
        .await
        .map_err(ApiError::into_json)?;
    Ok(json_bytes(body))
}
