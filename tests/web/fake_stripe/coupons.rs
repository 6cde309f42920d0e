//! Coupons as Stripe's API has them (docs.stripe.com/api/coupons): `POST /v1/coupons` makes one
//! under the id given (a second with that id is a 400 `resource_already_exists`), `GET
//! /v1/coupons/{id}` reads one (404 `resource_missing` if none), and a checkout session naming
//! an unknown coupon in `discounts[0][coupon]` is refused with 400 `resource_missing`.

use std::collections::HashMap;

use axum::Form;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use serde_json::{Value, json};

use super::{Shared, authorized, refused};

fn missing(id: &str) -> (StatusCode, Json<Value>) {
    (
        StatusCode::NOT_FOUND,
        Json(
            json!({"error": {"type": "invalid_request_error", "code": "resource_missing",
            "param": "id", "message": format!("No such coupon: '{id}'")}}),
        ),
    )
}

fn coupon(form: &HashMap<String, String>) -> Value {
    json!({"id": form.get("id"), "object": "coupon",
        "percent_off": form.get("percent_off").and_then(|p| p.parse::<f64>().ok()),
        "duration": form.get("duration"), "name": form.get("name"), "valid": true})
}

pub(super) async fn create(
    State(state): State<Shared>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> (StatusCode, Json<Value>) {
    if !authorized(&headers) {
        return refused();
    }
    let percent = form.get("percent_off").and_then(|p| p.parse::<f64>().ok());
    let duration_ok = matches!(
        form.get("duration").map(String::as_str),
        Some("once" | "forever" | "repeating") | None
    );
    if !percent.is_some_and(|p| p > 0.0 && p <= 100.0) || !duration_ok {
        return (
            StatusCode::BAD_REQUEST,
            Json(
                json!({"error": {"type": "invalid_request_error", "param": "percent_off",
                "message": "Invalid percent_off or duration"}}),
            ),
        );
    }
    let id = form.get("id").cloned().unwrap_or_default();
    let mut recorded = state.lock().unwrap();
    if recorded.coupons.contains_key(&id) {
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({"error": {"type": "invalid_request_error",
                "code": "resource_already_exists", "message": "Coupon already exists."}})),
        );
    }
    recorded.coupons.insert(id, form.clone());
    (StatusCode::OK, Json(coupon(&form)))
}

pub(super) async fn read(
    State(state): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> (StatusCode, Json<Value>) {
    if !authorized(&headers) {
        return refused();
    }
    match state.lock().unwrap().coupons.get(&id) {
        Some(form) => (StatusCode::OK, Json(coupon(form))),
        None => missing(&id),
    }
}

/// A checkout's `discounts[0][coupon]` that names no coupon: Stripe's answer, else `None`.
pub(super) fn unknown_in(
    form: &HashMap<String, String>,
    coupons: &HashMap<String, HashMap<String, String>>,
) -> Option<(StatusCode, Json<Value>)> {
    let id = form.get("discounts[0][coupon]")?;
    (!coupons.contains_key(id)).then(|| missing(id))
}
