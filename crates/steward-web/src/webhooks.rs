//! Payment providers' webhooks: the raw body and signature header go to the provider's adapter,
//! which checks the signature before anything is read.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use super::AppState;
use steward_stripe::webhook::receive;

/// `POST /webhooks/stripe`; 404 when no signing secret is set (deliveries are not expected).
pub(super) async fn stripe(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let Some(secret) = &state.stripe_webhook else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let signature = headers
        .get("stripe-signature")
        .and_then(|v| v.to_str().ok());
    let answer = receive(&state.engine, secret, signature, &body).await;
    let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, answer.text).into_response()
}
