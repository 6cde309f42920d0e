//! The scheduler as a step function plus a loop. [`Engine::tick`] does everything due at a
//! given time (season ends, drop occurrences, deliveries and retries, membership expiries and
//! reminders); [`Engine::run_scheduler`] sleeps until the next due item and wakes early when
//! something is scheduled or cancelled. There is no polling interval.

use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Utc};
use tokio::sync::watch;

use super::{Engine, EngineResult};

/// What one [`Engine::tick`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TickOutcome {
    /// Names of seasons that reached their end date.
    pub seasons_ended: Vec<String>,
    /// Drop occurrences turned into deliveries (missed ones included).
    pub occurrences: usize,
    pub missed: usize,
    pub sent: usize,
    pub retried: usize,
    pub failed: usize,
    pub memberships_expired: usize,
    pub reminders_sent: usize,
    /// Weekly "for you" DMs sent.
    pub recommendations_sent: usize,
    /// Reminders of events about to start.
    pub event_reminders_sent: usize,
    /// Seasons opened by events that started.
    pub event_seasons_opened: usize,
    /// Ledger rows rolled up past `ledger.keep_days` (at most once a day).
    pub ledger_rows_rolled_up: u64,
}

/// The longest the loop sleeps without a reason to wake, as a safety net.
const MAX_SLEEP: StdDuration = StdDuration::from_secs(3600);

impl Engine {
    /// Does everything due at `now`.
    #[tracing::instrument(name = "tick", skip(self))]
    pub async fn tick(&self, now: DateTime<Utc>) -> EngineResult<TickOutcome> {
        let seasons_ended = self.end_due_seasons(now).await?;
        let event_seasons_opened = self.open_event_seasons(now).await?;
        let (occurrences, missed) = self.expand_due_drops(now).await?;
        let counts = self.deliver_due(now).await?;
        let memberships_expired = self.expire_memberships(now).await?;
        let reminders_sent = self.send_reminders(now).await?;
        let recommendations_sent = self.send_weekly_recommendations(now).await?;
        let event_reminders_sent = self.send_event_reminders(now).await?;
        let pruned = self.prune_detail_if_due(now).await?;
        Ok(TickOutcome {
            seasons_ended,
            occurrences,
            missed,
            sent: counts.sent,
            retried: counts.retried,
            failed: counts.failed,
            memberships_expired,
            reminders_sent,
            recommendations_sent,
            event_reminders_sent,
            event_seasons_opened,
            ledger_rows_rolled_up: pruned.ledger_rows,
        })
    }

    /// When the next thing falls due, if anything is waiting.
    pub async fn next_wake(&self, now: DateTime<Utc>) -> EngineResult<Option<DateTime<Utc>>> {
        let season_end = self.scores.season().and_then(|s| s.ends_at);
        let candidates = [
            self.store.next_drop_at().await?,
            self.store.next_delivery_at(&self.driven_targets()).await?,
            self.store.next_expiry().await?,
            self.next_reminder_at(now).await?,
            self.next_weekly_at(now).await?,
            self.next_event_reminder_at(now).await?,
            self.store.next_event_season_at().await?,
            season_end,
        ];
        Ok(candidates.into_iter().flatten().min())
    }

    /// Runs [`Engine::tick`] whenever something is due, until `stop` turns true. A tick in
    /// progress is finished before stopping.
    pub async fn run_scheduler(self: Arc<Self>, mut stop: watch::Receiver<bool>) {
        while !*stop.borrow() {
            let now = self.now();
            let ticked = self.tick(now).await;
            let next = self.next_wake(now).await;
            let wake = match (&ticked, &next) {
                (Ok(_), Ok(wake)) => *wake,
                (Err(e), _) | (_, Err(e)) => {
                    // Back off instead of spinning on a failing database.
                    tracing::error!(error = ?e, "scheduler step failed; trying again in 5 s");
                    Some(self.now() + chrono::Duration::seconds(5))
                }
            };
            let sleep = wake.map_or(MAX_SLEEP, |at| {
                (at - self.now())
                    .to_std()
                    .unwrap_or(StdDuration::ZERO)
                    .min(MAX_SLEEP)
            });
            tokio::select! {
                _ = stop.changed() => {}
                () = tokio::time::sleep(sleep) => {}
                () = self.wake.notified() => {}
            }
        }
    }
}
