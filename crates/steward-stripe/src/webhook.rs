//! A delivery to `POST /webhooks/stripe`: the signature is checked over the raw body before
//! anything is read, then the event is applied once. A bad signature or body is refused with
//! 400 and nothing written; a storage failure answers 500, so Stripe delivers it again.

use std::sync::Arc;

use super::events::translate;
use super::signature::verify;
use crate::config::Secret;
use crate::core::payments::Provider;
use crate::engine::Engine;
use crate::engine::payments::Applied;

/// The answer to a delivery: an HTTP status code and a short reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    pub text: String,
}

impl Answer {
    fn new(status: u16, text: impl Into<String>) -> Self {
        Self {
            status,
            text: text.into(),
        }
    }
}

/// Applies one delivery.
pub async fn receive(
    engine: &Arc<Engine>,
    secret: &Secret,
    signature: Option<&str>,
    body: &[u8],
) -> Answer {
    let now = engine.kernel().now().timestamp();
    if let Err(e) = verify(signature, body, secret.expose().as_bytes(), now) {
        tracing::warn!(reason = %e, "a Stripe delivery was refused");
        engine.payments().delivery_refused(Provider::Stripe);
        return Answer::new(400, e.to_string());
    }
    let Ok(raw) = std::str::from_utf8(body) else {
        engine.payments().delivery_refused(Provider::Stripe);
        return Answer::new(400, "the body is not UTF-8"); // not translated: an answer to Stripe
    };
    let event = match translate(raw) {
        Ok(Some(event)) => event,
        Ok(None) => return Answer::new(200, "ignored"),
        Err(e) => {
            engine.payments().delivery_refused(Provider::Stripe);
            return Answer::new(400, e.to_string());
        }
    };
    match engine.payments().billing_event(&event).await {
        Ok(Applied::Done) => Answer::new(200, "applied"),
        Ok(Applied::Repeat) => Answer::new(200, "already applied"), // not translated: to Stripe
        Ok(Applied::NotOurs) => Answer::new(200, "ignored"),
        Err(e) => {
            tracing::error!(error = %e, event = %event.id, "a Stripe event could not be applied");
            Answer::new(500, "not applied; deliver it again") // not translated: to Stripe
        }
    }
}
