//! `/healthz` (the process answers), `/readyz` (the database answers with every migration
//! applied) and `/metrics` (Prometheus text format).

use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};

use super::AppState;

pub(crate) async fn healthz() -> &'static str {
    "ok\n"
}

pub(crate) async fn readyz(State(state): State<AppState>) -> Response {
    match state.engine.ready().await {
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
    match state.engine.metrics_text().await {
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
