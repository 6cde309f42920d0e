//! `/healthz` (the process answers), `/readyz` (the database answers with every migration
//! applied) and `/metrics` (Prometheus text format): on the metrics listener as is, on the
//! pages' listener only to a request bearing `STEWARD_METRICS_TOKEN`.

use axum::extract::State;
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE, WWW_AUTHENTICATE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use super::AppState;

pub(crate) async fn healthz() -> &'static str {
    "ok\n"
}

pub(crate) async fn readyz(State(state): State<AppState>) -> Response {
    match state.engine.operations().ready().await {
        Ok(()) => (StatusCode::OK, "ready\n").into_response(),
        Err(down) if down.is_empty() => {
            (StatusCode::SERVICE_UNAVAILABLE, "database not ready\n").into_response() // not translated: a probe answer for machines
        }
        Err(down) => {
            let names: Vec<&str> = down.iter().map(|p| p.as_str()).collect();
            let text = format!("not connected: {}\n", names.join(", ")); // not translated: a probe answer for machines
            (StatusCode::SERVICE_UNAVAILABLE, text).into_response()
        }
    }
}

pub(crate) async fn metrics(State(state): State<AppState>) -> Response {
    match state.engine.kernel().metrics_text().await {
        Ok(text) => (
            [(
                CONTENT_TYPE,
                "application/openmetrics-text; version=1.0.0; charset=utf-8", // not translated: an HTTP header
            )],
            text,
        )
            .into_response(),
        Err(e) => {
            tracing::error!(error = %e, "rendering metrics failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `/metrics` on the pages' listener: only with `Authorization: Bearer STEWARD_METRICS_TOKEN`.
pub(crate) async fn metrics_with_token(state: State<AppState>, headers: HeaderMap) -> Response {
    let sent = headers
        .get(AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "));
    let allowed = match (&state.metrics_token, sent) {
        (Some(token), Some(sent)) => same_secret(token.expose(), sent.trim()),
        _ => false,
    };
    if !allowed {
        return (
            StatusCode::UNAUTHORIZED,
            [(WWW_AUTHENTICATE, "Bearer")], // not translated: an HTTP header
            "a bearer token is needed\n",   // not translated: an answer for Prometheus
        )
            .into_response();
    }
    metrics(state).await
}

/// Whether `sent` is the secret, in time that tells nothing of either (their digests are
/// compared, so not even the length).
fn same_secret(secret: &str, sent: &str) -> bool {
    let secret: [u8; 32] = Sha256::digest(secret).into();
    let sent: [u8; 32] = Sha256::digest(sent).into();
    bool::from(secret.ct_eq(&sent))
}

/// Counts each request by its route's pattern and status, with the time to answer.
pub(crate) async fn count_requests(
    State(state): State<AppState>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let route = request
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned());
    let started = std::time::Instant::now();
    let response = next.run(request).await;
    state
        .engine
        .kernel()
        .observe_http(&route, response.status().as_u16(), started.elapsed());
    response
}
