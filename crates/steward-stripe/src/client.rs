//! Stripe's REST API over reqwest: checkout sessions (with an `Idempotency-Key`, so asking
//! twice opens one; a promo's coupon made first where needed), cancelling renewal, refunds, and the event list poll mode reads. Requests
//! are form-encoded as Stripe expects and pin the API version the event translation reads.
//! The key goes only in the Authorization header; nothing here logs it.

use std::time::Duration;

use serde_json::Value;

use super::events::{REFERENCE_KEY, line_prices};
use crate::config::Secret;
use crate::engine::PlatformError;
use crate::engine::payments::{CardCheckout, CardCoupon, CardPayments, PricesFuture};
use crate::engine::platform::{LinkFuture, PlatformFuture};
use crate::msg;

/// The API version requests ask for.
pub const API_VERSION: &str = "2024-06-20";

/// How long connecting to Stripe may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// How long one call may take, answer included.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(20);

/// The waits before each further try of a call that may succeed later.
const RETRY_AFTER: [Duration; 2] = [Duration::from_millis(500), Duration::from_secs(2)];

/// One try's failure: worth trying again, or not.
enum Attempt {
    Again(PlatformError),
    Final(PlatformError),
}

/// Events asked for per page in poll mode.
const EVENTS_PAGE: u32 = 100;

/// Stripe's API at `api_url` with a secret key.
#[derive(Clone)]
pub struct StripeClient {
    http: reqwest::Client,
    api_url: String,
    key: Secret,
}

/// One page of `GET /v1/events`, newest first.
pub struct EventPage {
    /// Each event's id and its JSON text.
    pub events: Vec<(String, String)>,
    pub has_more: bool,
}

impl StripeClient {
    /// A client whose every call gives up after [`REQUEST_TIMEOUT`], so a hung Stripe never
    /// holds `/subscribe`, a refund or the poll loop. Fails only when TLS cannot start.
    pub fn new(api_url: &str, key: Secret) -> Result<Self, reqwest::Error> {
        let http = reqwest::Client::builder()
            .connect_timeout(CONNECT_TIMEOUT)
            .timeout(REQUEST_TIMEOUT)
            .build()?;
        Ok(Self {
            http,
            api_url: api_url.trim_end_matches('/').to_owned(),
            key,
        })
    }

    /// Sends `request`, trying again after [`RETRY_AFTER`] when Stripe could not be reached,
    /// timed out, was rate limited or failed on its side. Every call here may be repeated: reads,
    /// POSTs with an `Idempotency-Key`, and setting `cancel_at_period_end`, which is the same
    /// however often it is set (Stripe's advice on retries: docs.stripe.com/error-low-level).
    async fn call(&self, request: reqwest::RequestBuilder) -> Result<Value, PlatformError> {
        let mut waits = RETRY_AFTER.iter();
        loop {
            let attempt = request
                .try_clone()
                .ok_or_else(|| PlatformError::Refused(msg!("stripe-unreachable")))?;
            match (self.call_once(attempt).await, waits.next()) {
                (Err(Attempt::Again(_)), Some(wait)) => tokio::time::sleep(*wait).await,
                (Err(Attempt::Again(e) | Attempt::Final(e)), _) => return Err(e),
                (Ok(body), _) => return Ok(body),
            }
        }
    }

    async fn call_once(&self, request: reqwest::RequestBuilder) -> Result<Value, Attempt> {
        let answer = request
            .bearer_auth(self.key.expose())
            .header("Stripe-Version", API_VERSION)
            .send()
            .await
            .map_err(|e| {
                let error = crate::engine::platform::with_causes(&e.without_url());
                tracing::warn!(%error, "Stripe is unreachable");
                Attempt::Again(PlatformError::Refused(msg!("stripe-unreachable")))
            })?;
        let status = answer.status();
        let body: Value = answer.json().await.map_err(|_| {
            let e = PlatformError::Refused(msg!("stripe-bad-answer", status = status.as_u16()));
            if status.is_server_error() {
                Attempt::Again(e)
            } else {
                Attempt::Final(e)
            }
        })?;
        if status.is_success() {
            return Ok(body);
        }
        if status == reqwest::StatusCode::TOO_MANY_REQUESTS {
            return Err(Attempt::Again(PlatformError::RateLimited {
                retry_after_secs: 1,
            }));
        }
        let reason = body
            .get("error")
            .and_then(|e| e.get("message"))
            .and_then(Value::as_str)
            .unwrap_or_default();
        tracing::warn!(%status, reason, "Stripe refused a request");
        let e = PlatformError::Refused(msg!(
            "stripe-refused",
            status = status.as_u16(),
            reason = reason
        ));
        Err(if status.is_server_error() {
            Attempt::Again(e)
        } else {
            Attempt::Final(e)
        })
    }

    fn post(&self, path: &str) -> reqwest::RequestBuilder {
        self.http.post(format!("{}{path}", self.api_url))
    }

    /// Makes `coupon` at Stripe unless it is there already. Its id names its terms, so an
    /// existing one is the same coupon; a coupon cannot be changed once made.
    async fn ensure_coupon(&self, coupon: &CardCoupon) -> Result<(), PlatformError> {
        let read = self
            .http
            .get(format!("{}/v1/coupons/{}", self.api_url, coupon.id));
        if self.call(read).await.is_ok() {
            return Ok(());
        }
        let percent = coupon.percent_off.to_string();
        let request = self
            .post("/v1/coupons")
            .header("Idempotency-Key", format!("steward-coupon-{}", coupon.id))
            .form(&[
                ("id", coupon.id.as_str()),
                ("percent_off", percent.as_str()),
                ("duration", if coupon.once { "once" } else { "forever" }),
                ("name", coupon.id.as_str()),
            ]);
        self.call(request).await.map(|_| ())
    }

    /// Events after `after` (the oldest page of them), or the newest page with no cursor.
    pub async fn events(&self, after: Option<&str>) -> Result<EventPage, PlatformError> {
        let mut query = vec![("limit", EVENTS_PAGE.to_string())];
        if let Some(after) = after {
            query.push(("ending_before", after.to_owned()));
        }
        let request = self
            .http
            .get(format!("{}/v1/events", self.api_url))
            .query(&query);
        let body = self.call(request).await?;
        let events = body
            .get("data")
            .and_then(Value::as_array)
            .map(|data| {
                data.iter()
                    .filter_map(|e| Some((e.get("id")?.as_str()?.to_owned(), e.to_string())))
                    .collect()
            })
            .unwrap_or_default();
        Ok(EventPage {
            events,
            has_more: body.get("has_more").and_then(Value::as_bool) == Some(true),
        })
    }
}

impl CardPayments for StripeClient {
    fn checkout_prices<'a>(&'a self, checkout: &'a str) -> PricesFuture<'a> {
        Box::pin(async move {
            let request = self
                .http
                .get(format!("{}/v1/checkout/sessions/{checkout}", self.api_url))
                .query(&[("expand[]", "line_items")]);
            let session = self.call(request).await?;
            Ok(session
                .get("line_items")
                .map(line_prices)
                .unwrap_or_default())
        })
    }

    fn checkout<'a>(&'a self, c: &'a CardCheckout) -> LinkFuture<'a> {
        Box::pin(async move {
            let reference_key = format!("metadata[{REFERENCE_KEY}]");
            let carried_by = if c.recurring {
                format!("subscription_data[metadata][{REFERENCE_KEY}]")
            } else {
                format!("payment_intent_data[metadata][{REFERENCE_KEY}]")
            };
            let trial = c.trial_days.map(|days| days.to_string());
            let mut form = vec![
                (
                    "mode",
                    if c.recurring {
                        "subscription"
                    } else {
                        "payment"
                    },
                ),
                ("line_items[0][price]", c.price.as_str()),
                ("line_items[0][quantity]", "1"),
                ("client_reference_id", c.reference.as_str()),
                (reference_key.as_str(), c.reference.as_str()),
                (carried_by.as_str(), c.reference.as_str()),
                ("success_url", c.success_url.as_str()),
                ("cancel_url", c.cancel_url.as_str()),
                ("locale", c.locale),
            ];
            if let Some(days) = &trial {
                form.push(("subscription_data[trial_period_days]", days.as_str()));
            }
            if let Some(coupon) = &c.coupon {
                self.ensure_coupon(coupon).await?;
                form.push(("discounts[0][coupon]", coupon.id.as_str()));
            }
            let request = self
                .post("/v1/checkout/sessions")
                .header("Idempotency-Key", &c.idempotency_key)
                .form(&form);
            let session = self.call(request).await?;
            session
                .get("url")
                .and_then(Value::as_str)
                .map(str::to_owned)
                .ok_or_else(|| PlatformError::Refused(msg!("stripe-bad-answer", status = 200)))
        })
    }

    fn stop_renewal<'a>(&'a self, subscription: &'a str) -> PlatformFuture<'a> {
        Box::pin(async move {
            let request = self
                .post(&format!("/v1/subscriptions/{subscription}"))
                .form(&[("cancel_at_period_end", "true")]);
            self.call(request).await.map(|_| ())
        })
    }

    fn portal<'a>(&'a self, customer: &'a str, return_url: &'a str) -> LinkFuture<'a> {
        Box::pin(async move {
            let request = self
                .post("/v1/billing_portal/sessions")
                .form(&[("customer", customer), ("return_url", return_url)]);
            let session = self.call(request).await?;
            session
                .get("url")
                .and_then(Value::as_str)
                .map(str::to_owned)
                .ok_or_else(|| PlatformError::Refused(msg!("stripe-bad-answer", status = 200)))
        })
    }

    fn refund<'a>(&'a self, charge: &'a str) -> PlatformFuture<'a> {
        Box::pin(async move {
            let field = if charge.starts_with("ch_") {
                "charge"
            } else {
                "payment_intent"
            };
            let request = self
                .post("/v1/refunds")
                .header("Idempotency-Key", format!("steward-refund-{charge}"))
                .form(&[(field, charge)]);
            self.call(request).await.map(|_| ())
        })
    }
}
