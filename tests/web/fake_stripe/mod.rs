//! An in-repo Stripe on 127.0.0.1 (axum): it opens checkout sessions (one per Idempotency-Key),
//! makes coupons (`coupons.rs`), records cancellations and refunds, lists events as `GET /v1/events` does, and signs and
//! delivers events to a webhook as Stripe does (its own HMAC, independent of Steward's).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;

use crate::harness::{STRIPE_KEY, STRIPE_WEBHOOK_SECRET};

#[derive(Default)]
pub struct Recorded {
    /// Each session opened: its idempotency key and form.
    pub sessions: Vec<(String, HashMap<String, String>)>,
    /// Subscriptions asked to stop renewing.
    pub cancelled: Vec<String>,
    /// Refunds asked for: the form.
    pub refunds: Vec<HashMap<String, String>>,
    /// Events, oldest first, as `GET /v1/events` lists them.
    pub events: Vec<Value>,
    /// Coupons by id: the form each was made with.
    pub coupons: HashMap<String, HashMap<String, String>>,
}

#[derive(Clone)]
pub struct FakeStripe {
    pub url: String,
    pub recorded: Arc<Mutex<Recorded>>,
}

type Shared = Arc<Mutex<Recorded>>;

fn authorized(headers: &HeaderMap) -> bool {
    headers.get("authorization").and_then(|v| v.to_str().ok())
        == Some(&format!("Bearer {STRIPE_KEY}"))
}

fn refused() -> (StatusCode, Json<Value>) {
    (
        StatusCode::UNAUTHORIZED,
        Json(json!({"error": {"message": "Invalid API Key provided"}})),
    )
}

async fn sessions(
    State(state): State<Shared>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> (StatusCode, Json<Value>) {
    if !authorized(&headers) {
        return refused();
    }
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let mut recorded = state.lock().unwrap();
    if let Some(refusal) = coupons::unknown_in(&form, &recorded.coupons) {
        return refusal;
    }
    let index = match recorded.sessions.iter().position(|(k, _)| *k == key) {
        Some(i) if !key.is_empty() => i,
        _ => {
            recorded.sessions.push((key, form));
            recorded.sessions.len() - 1
        }
    };
    let id = format!("cs_test_{}", index + 1);
    let url = format!("https://checkout.stripe.test/c/pay/{id}");
    (
        StatusCode::OK,
        Json(json!({"id": id, "object": "checkout.session", "url": url})),
    )
}

/// `GET /v1/checkout/sessions/{id}`: the session as opened, with its line items only when asked
/// (`expand[]=line_items`), as Stripe documents (docs.stripe.com/api/checkout/sessions/retrieve,
/// docs.stripe.com/expand). An id it never opened is a 404 `resource_missing`.
async fn session(
    State(state): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(query): Query<Vec<(String, String)>>,
) -> (StatusCode, Json<Value>) {
    if !authorized(&headers) {
        return refused();
    }
    let recorded = state.lock().unwrap();
    let form = id
        .strip_prefix("cs_test_")
        .and_then(|n| n.parse::<usize>().ok())
        .and_then(|n| recorded.sessions.get(n.wrapping_sub(1)))
        .map(|(_, form)| form.clone());
    let Some(form) = form else {
        return (
            StatusCode::NOT_FOUND,
            Json(
                json!({"error": {"type": "invalid_request_error", "code": "resource_missing",
                "message": format!("No such checkout.session: '{id}'")}}),
            ),
        );
    };
    let mut session = json!({"id": id, "object": "checkout.session",
        "client_reference_id": form.get("client_reference_id")});
    if query
        .iter()
        .any(|(k, v)| k == "expand[]" && v == "line_items")
    {
        let price = form
            .get("line_items[0][price]")
            .cloned()
            .unwrap_or_default();
        session["line_items"] = json!({"object": "list", "has_more": false,
            "url": format!("/v1/checkout/sessions/{id}/line_items"),
            "data": [{"id": "li_1", "object": "item", "quantity": 1,
                      "price": {"id": price, "object": "price"}}]});
    }
    (StatusCode::OK, Json(session))
}

async fn subscription(
    State(state): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(form): Form<HashMap<String, String>>,
) -> (StatusCode, Json<Value>) {
    if !authorized(&headers) {
        return refused();
    }
    if form.get("cancel_at_period_end").map(String::as_str) == Some("true") {
        state.lock().unwrap().cancelled.push(id.clone());
    }
    (
        StatusCode::OK,
        Json(json!({"id": id, "cancel_at_period_end": true})),
    )
}

/// `POST /v1/billing_portal/sessions`: a portal session for a customer Stripe knows (here:
/// those its events named), else 400 `resource_missing` on `customer`, as Stripe answers.
async fn portal(
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> (StatusCode, Json<Value>) {
    if !authorized(&headers) {
        return refused();
    }
    let customer = form.get("customer").cloned().unwrap_or_default();
    if customer != "cus_1" {
        return (
            StatusCode::BAD_REQUEST,
            Json(
                json!({"error": {"type": "invalid_request_error", "code": "resource_missing",
                "param": "customer", "message": format!("No such customer: '{customer}'")}}),
            ),
        );
    }
    (
        StatusCode::OK,
        Json(
            json!({"id": "bps_1", "object": "billing_portal.session", "customer": customer,
            "return_url": form.get("return_url"), "livemode": false,
            "url": "https://billing.stripe.com/p/session/test_bps_1"}),
        ),
    )
}

async fn refunds(
    State(state): State<Shared>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> (StatusCode, Json<Value>) {
    if !authorized(&headers) {
        return refused();
    }
    let mut recorded = state.lock().unwrap();
    recorded.refunds.push(form);
    let id = format!("re_{}", recorded.refunds.len());
    (
        StatusCode::OK,
        Json(json!({"id": id, "status": "succeeded"})),
    )
}

/// Newest first; `ending_before` gives the oldest page of the events after that one.
async fn events(
    State(state): State<Shared>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> (StatusCode, Json<Value>) {
    if !authorized(&headers) {
        return refused();
    }
    let limit: usize = query
        .get("limit")
        .and_then(|l| l.parse().ok())
        .unwrap_or(10);
    let recorded = state.lock().unwrap();
    let all = &recorded.events;
    let (page, has_more) = match query.get("ending_before") {
        Some(cursor) => {
            let from = all
                .iter()
                .position(|e| e["id"] == *cursor)
                .map_or(0, |i| i + 1);
            let to = (from + limit).min(all.len());
            (all[from..to].to_vec(), to < all.len())
        }
        None => {
            let from = all.len().saturating_sub(limit);
            (all[from..].to_vec(), from > 0)
        }
    };
    let data: Vec<Value> = page.into_iter().rev().collect();
    (
        StatusCode::OK,
        Json(json!({"object": "list", "data": data, "has_more": has_more})),
    )
}

impl FakeStripe {
    pub async fn start() -> Self {
        let recorded: Shared = Arc::default();
        let app = Router::new()
            .route("/v1/checkout/sessions", post(sessions))
            .route("/v1/checkout/sessions/{id}", get(session))
            .route("/v1/subscriptions/{id}", post(subscription))
            .route("/v1/refunds", post(refunds))
            .route("/v1/billing_portal/sessions", post(portal))
            .route("/v1/events", get(events))
            .route("/v1/coupons", post(coupons::create))
            .route("/v1/coupons/{id}", get(coupons::read))
            .with_state(recorded.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Self { url, recorded }
    }

    /// A session Stripe opened without Steward (a Payment Link, a Pricing Table), where the buyer
    /// set `client_reference_id`; its id.
    pub fn open_elsewhere(&self, price: &str, reference: &str) -> String {
        let mut recorded = self.recorded.lock().unwrap();
        let form = HashMap::from([
            ("line_items[0][price]".to_owned(), price.to_owned()),
            ("client_reference_id".to_owned(), reference.to_owned()),
        ]);
        recorded.sessions.push((String::new(), form));
        format!("cs_test_{}", recorded.sessions.len())
    }

    pub fn sessions(&self) -> Vec<(String, HashMap<String, String>)> {
        self.recorded.lock().unwrap().sessions.clone()
    }
}

/// `t=…,v1=…` for `body` signed at `time` with `secret`.
pub fn signature(secret: &str, time: i64, body: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{time}.{body}").as_bytes());
    let hex: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("t={time},v1={hex}")
}

/// Posts `body` to the webhook with `header` as its Stripe-Signature; status and text.
pub async fn deliver_with(base: &str, body: &str, header: Option<&str>) -> (u16, String) {
    let mut request = reqwest::Client::new()
        .post(format!("{base}/webhooks/stripe"))
        .header("content-type", "application/json")
        .body(body.to_owned());
    if let Some(header) = header {
        request = request.header("stripe-signature", header);
    }
    let answer = request.send().await.unwrap();
    (answer.status().as_u16(), answer.text().await.unwrap())
}

/// Delivers `event` signed now (`time`) as Stripe would.
pub async fn deliver(base: &str, event: &Value, time: i64) -> (u16, String) {
    let body = event.to_string();
    let header = signature(STRIPE_WEBHOOK_SECRET, time, &body);
    deliver_with(base, &body, Some(&header)).await
}

mod coupons;
/// Stripe's events, in the API 2024-06-20 shapes.
pub mod make;
