//! Sending broadcasts: the step that sends what is due (each platform at its own pace, several
//! claims in flight, each DM in the member's language when the text is a `broadcast-…` key, a
//! 429 waited out without costing an attempt), its loop beside the scheduler, the recovery of claims a crash left, and the final
//! count told to the operator once.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use futures::future::join_all;
use futures::stream::{self, StreamExt};
use tokio::sync::watch;

use super::{BATCH, BroadcastCounts, Broadcasts, IDLE, IN_FLIGHT, KEY_PREFIX, START_QUIET};
use crate::core::drops::delivery::{MAX_ATTEMPTS, backoff};
use crate::core::ids::{MemberId, Platform};
use crate::platform::PlatformError;
use crate::store::{BroadcastDeliveryRow, BroadcastOutcome};
use crate::tr;
use crate::{EngineError, EngineResult};

impl Broadcasts {
    /// After a crash: claims go back to pending where a repeat is recognised, else `unknown`.
    pub(crate) async fn recover(&self) -> Result<(), crate::store::StoreError> {
        let resendable: Vec<Platform> = Platform::ALL
            .into_iter()
            .filter(|p| self.kernel.platform.recognises_repeats(*p))
            .collect();
        let (resent, unknown) = self
            .kernel
            .store
            .recover_broadcast_claims(&resendable)
            .await?;
        if resent + unknown > 0 {
            tracing::warn!(
                resent,
                unknown,
                "broadcast deliveries interrupted by a crash: resent where the platform \
                 recognises a repeat, else counted as unknown"
            );
        }
        Ok(())
    }

    /// Sends the deliveries due at `now`, then tells operators of broadcasts that finished: the
    /// step [`Broadcasts::run_broadcasts`] repeats.
    pub async fn deliver_due(&self, now: DateTime<Utc>) -> EngineResult<BroadcastCounts> {
        self.deliver(now, &|| false).await
    }

    /// Sends broadcasts as they fall due, beside the scheduler (a broadcast to thousands takes
    /// minutes at the platforms' rates, and drops and expiries must not wait for it), until
    /// `stop` turns true; a stop is seen between two deliveries. The first step waits
    /// [`START_QUIET`].
    pub async fn run_broadcasts(self: Arc<Self>, mut stop: watch::Receiver<bool>) {
        tokio::select! {
            _ = stop.changed() => {}
            () = tokio::time::sleep(START_QUIET) => {}
        }
        while !*stop.borrow() {
            let now = self.kernel.now();
            let stopping = stop.clone();
            let stepped = self.deliver(now, &|| *stopping.borrow()).await;
            let next = self
                .kernel
                .store
                .next_broadcast_delivery_at(&self.driven())
                .await
                .map_err(EngineError::from);
            let wake = match (&stepped, &next) {
                (Ok(_), Ok(wake)) => *wake,
                (Err(e), _) | (_, Err(e)) => {
                    tracing::error!(error = ?e, "broadcast step failed; trying again in 5 s");
                    Some(self.kernel.now() + Duration::seconds(5))
                }
            };
            let sleep = wake.map_or(IDLE, |at| {
                (at - self.kernel.now())
                    .to_std()
                    .unwrap_or(std::time::Duration::ZERO)
                    .min(IDLE)
            });
            tokio::select! {
                _ = stop.changed() => {}
                () = tokio::time::sleep(sleep) => {}
                () = self.wake.notified() => {}
            }
        }
    }

    /// Each platform's deliveries go at that platform's own pace, side by side: Telegram's
    /// 30 a second is not held back by Discord's two requests per new DM, nor the other way.
    async fn deliver(
        &self,
        now: DateTime<Utc>,
        stopping: &(dyn Fn() -> bool + Sync),
    ) -> EngineResult<BroadcastCounts> {
        let platforms = self.driven();
        let each = join_all(
            platforms
                .iter()
                .map(|platform| self.deliver_on(*platform, now, stopping)),
        )
        .await;
        let mut counts = BroadcastCounts::default();
        for platform in each {
            counts.add(platform?);
        }
        self.report_finished().await?;
        Ok(counts)
    }

    /// Sends what is due on `platform`, [`IN_FLIGHT`] at a time: the adapter paces them, and
    /// several in flight keep a distant API's round trips from setting the rate.
    async fn deliver_on(
        &self,
        platform: Platform,
        now: DateTime<Utc>,
        stopping: &(dyn Fn() -> bool + Sync),
    ) -> EngineResult<BroadcastCounts> {
        let mut counts = BroadcastCounts::default();
        loop {
            let due = self
                .kernel
                .store
                .due_broadcast_deliveries(now, &[platform], BATCH)
                .await?;
            if due.is_empty() || stopping() {
                return Ok(counts);
            }
            let mut sent = stream::iter(due)
                .map(|delivery| self.deliver_one(delivery, stopping))
                .buffer_unordered(IN_FLIGHT);
            while let Some(outcome) = sent.next().await {
                match outcome? {
                    Some(BroadcastOutcome::Sent { .. }) => counts.sent += 1,
                    Some(BroadcastOutcome::Retry { .. }) => counts.retried += 1,
                    Some(BroadcastOutcome::Failed { .. }) => counts.failed += 1,
                    Some(BroadcastOutcome::Skipped) => counts.skipped += 1,
                    None => {}
                }
            }
        }
    }

    /// Claims, sends and records one delivery; `None` when it was not this call's to send (a
    /// stop came first, or another process claimed it).
    async fn deliver_one(
        &self,
        delivery: BroadcastDeliveryRow,
        stopping: &(dyn Fn() -> bool + Sync),
    ) -> EngineResult<Option<BroadcastOutcome>> {
        if stopping()
            || !self
                .kernel
                .store
                .claim_broadcast_delivery(delivery.id)
                .await?
        {
            return Ok(None);
        }
        let outcome = self.attempt(&delivery).await?;
        self.kernel
            .store
            .finish_broadcast_delivery(delivery.id, &outcome, self.kernel.now())
            .await?;
        Ok(Some(outcome))
    }

    async fn attempt(&self, d: &BroadcastDeliveryRow) -> EngineResult<BroadcastOutcome> {
        // Opted out or erased since it was written: not sent.
        if !self.kernel.store.gets_broadcasts(d.member).await? {
            return Ok(BroadcastOutcome::Skipped);
        }
        let text = self.text_for(d.member, &d.text).await;
        let key = format!("steward-b{}", d.id);
        let e = match self.kernel.platform.dm_once(&d.account, &text, &key).await {
            Ok(()) => {
                return Ok(BroadcastOutcome::Sent {
                    at: self.kernel.now(),
                });
            }
            Err(e) => e,
        };
        let error = e.describe(self.kernel.community_language());
        let (attempts, asked) = match &e {
            // The platform's own pacing: waiting as asked costs no attempt.
            PlatformError::RateLimited { retry_after_secs } => (
                d.attempts,
                Some(Duration::seconds(
                    i64::try_from(*retry_after_secs).unwrap_or(i64::MAX / 2_000),
                )),
            ),
            _ => (d.attempts + 1, None),
        };
        if attempts >= MAX_ATTEMPTS {
            return Ok(BroadcastOutcome::Failed { attempts, error });
        }
        Ok(BroadcastOutcome::Retry {
            attempts,
            at: self.kernel.now() + backoff(attempts.max(1), asked),
            error,
        })
    }

    /// The text as the member reads it: a `broadcast-…` locale key in their language, anything
    /// else as written.
    async fn text_for(&self, member: MemberId, text: &str) -> String {
        if text.starts_with(KEY_PREFIX) && !text.contains(char::is_whitespace) {
            let lang = self.kernel.language_of(member).await;
            if let Some(words) = crate::i18n::render_known(lang, text) {
                return words;
            }
        }
        text.to_owned()
    }

    /// Tells each finished broadcast's operator its final count, once.
    async fn report_finished(&self) -> EngineResult<()> {
        for id in self.kernel.store.take_finished_broadcasts().await? {
            let Some(status) = self.kernel.store.broadcast_status(id).await? else {
                continue;
            };
            let Some(by) = status.created_by else {
                continue;
            };
            self.kernel
                .tell_with(by, |lang| {
                    tr!(
                        lang,
                        "broadcast-finished",
                        id = status.id,
                        segment = status.segment.as_str(),
                        sent = status.sent,
                        failed = status.failed + status.unknown,
                        skipped = status.skipped
                    )
                })
                .await?;
        }
        Ok(())
    }
}
