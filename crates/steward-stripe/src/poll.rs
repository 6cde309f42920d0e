//! Poll mode, for hosts Stripe cannot reach: the same events the webhook would carry, read from
//! `GET /v1/events` after the last one applied (the cursor is kept in the database), oldest
//! first. A step function and the loop that runs it.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;

use super::client::StripeClient;
use super::events::translate;
use crate::engine::{Engine, EngineError, PlatformError};

/// How often Stripe is asked for new events.
pub const POLL_EVERY: Duration = Duration::from_secs(30);

/// Where the cursor is kept.
const CURSOR: &str = "stripe.events";

/// Why a poll stopped early; the next one resumes after the last event applied.
#[derive(Debug, thiserror::Error)]
pub enum PollError {
    #[error("reading Stripe's events: {0}")]
    Stripe(#[from] PlatformError),
    #[error("applying an event: {0}")]
    Engine(#[from] EngineError),
}

/// Applies every event since the cursor; how many were read. Without a cursor (the first
/// poll), the newest page is read and the cursor starts there.
pub async fn poll_once(client: &StripeClient, engine: &Engine) -> Result<usize, PollError> {
    let mut cursor = engine.kernel().adapter_cursor(CURSOR).await?;
    let mut read = 0;
    loop {
        let first_page = cursor.is_none();
        let page = client.events(cursor.as_deref()).await?;
        let Some((newest, _)) = page.events.first() else {
            break;
        };
        let newest = newest.clone();
        for (id, raw) in page.events.iter().rev() {
            match translate(raw) {
                Ok(Some(event)) => {
                    engine.payments().billing_event(&event).await?;
                }
                Ok(None) => {}
                Err(e) => tracing::warn!(event = %id, error = %e, "an unreadable Stripe event"),
            }
            engine.kernel().save_adapter_cursor(CURSOR, id).await?;
            read += 1;
        }
        cursor = Some(newest);
        // Without a cursor, more pages are older events, from before Steward listened.
        if !page.has_more || first_page {
            break;
        }
    }
    Ok(read)
}

/// Polls until `stop` turns true.
pub async fn run(client: Arc<StripeClient>, engine: Arc<Engine>, mut stop: watch::Receiver<bool>) {
    loop {
        if let Err(e) = poll_once(&client, &engine).await {
            tracing::warn!(error = %e, "Stripe poll stopped early; the next one resumes");
        }
        tokio::select! {
            () = tokio::time::sleep(POLL_EVERY) => {}
            _ = stop.changed() => {}
        }
        if *stop.borrow() {
            break;
        }
    }
}
