//! The scheduler as a step function plus a loop. [`Scheduler::tick`] does everything due at a
//! given time (season ends, drop occurrences, deliveries and retries, membership expiries and
//! reminders); [`Scheduler::run_scheduler`] sleeps until the next due item and wakes early when
//! something is scheduled or cancelled. There is no polling interval.

use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Utc};
use tokio::sync::watch;

use super::EngineResult;
use crate::{CommunityEvents, Drops, Kernel, Memberships, Privacy, Ranking, Recommendations};

/// The scheduler: the next due work of every service, run when due.
pub struct Scheduler {
    pub(super) kernel: Arc<Kernel>,
    pub(super) ranking: Arc<Ranking>,
    pub(super) membership: Arc<Memberships>,
    pub(super) drops: Arc<Drops>,
    pub(super) events: Arc<CommunityEvents>,
    pub(super) recommendations: Arc<Recommendations>,
    pub(super) privacy: Arc<Privacy>,
    pub(super) referrals: Arc<crate::Referrals>,
    pub(super) teams: Arc<crate::Teams>,
    pub(super) questions: Arc<crate::Questions>,
}

/// What one [`Scheduler::tick`] did.
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
    /// Paid referrals credited or reversed once their hold passed.
    pub referrals_settled: u32,
    /// Teams whose time was up (or whose payment was refunded), ended with their seats.
    pub teams_ended: usize,
    /// Bounties given back to their askers: nobody's answer was accepted in time.
    pub bounties_returned: usize,
    /// Files removed from the media folder: no drop needed them any more.
    pub media_files_removed: usize,
}

/// The longest the loop sleeps without a reason to wake, as a safety net.
const MAX_SLEEP: StdDuration = StdDuration::from_secs(3600);

impl Scheduler {
    /// Does everything due at `now`.
    #[tracing::instrument(name = "tick", skip(self))]
    pub async fn tick(&self, now: DateTime<Utc>) -> EngineResult<TickOutcome> {
        let seasons_ended = self.ranking.end_due_seasons(now).await?;
        let event_seasons_opened = self.events.open_event_seasons(now).await?;
        let (occurrences, missed) = self.drops.expand_due_drops(now).await?;
        let counts = self.drops.deliver_due(now).await?;
        let memberships_expired = self.membership.expire_memberships(now).await?;
        let reminders_sent = self.membership.send_reminders(now).await?;
        let recommendations_sent = self
            .recommendations
            .send_weekly_recommendations(now)
            .await?;
        let event_reminders_sent = self.events.send_event_reminders(now).await?;
        let pruned = self.privacy.prune_detail_if_due(now).await?;
        let referrals_settled = self.referrals.settle_due(now).await?;
        let teams_ended = self.teams.end_lapsed_teams(now).await?;
        let reminders_sent = reminders_sent + self.teams.remind_team_managers(now).await?;
        let bounties_returned = self.questions.return_due_bounties(now).await?;
        let media_files_removed = self.drops.prune_media(now).await?;
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
            referrals_settled,
            teams_ended,
            bounties_returned,
            media_files_removed,
        })
    }

    /// When the next thing falls due, if anything is waiting.
    pub async fn next_wake(&self, now: DateTime<Utc>) -> EngineResult<Option<DateTime<Utc>>> {
        let season_end = self.ranking.scores.season().and_then(|s| s.ends_at);
        let candidates = [
            self.kernel.store.next_drop_at().await?,
            self.kernel
                .store
                .next_delivery_at(&self.drops.driven_targets())
                .await?,
            self.kernel.store.next_expiry().await?,
            self.membership.next_reminder_at(now).await?,
            self.recommendations.next_weekly_at(now).await?,
            self.events.next_event_reminder_at(now).await?,
            self.kernel.store.next_event_season_at().await?,
            self.questions.next_bounty_return().await?,
            season_end,
        ];
        Ok(candidates.into_iter().flatten().min())
    }

    /// Runs [`Scheduler::tick`] whenever something is due, until `stop` turns true. A tick in
    /// progress is finished before stopping.
    pub async fn run_scheduler(self: Arc<Self>, mut stop: watch::Receiver<bool>) {
        while !*stop.borrow() {
            let now = self.kernel.now();
            let ticked = self.tick(now).await;
            let next = self.next_wake(now).await;
            let wake = match (&ticked, &next) {
                (Ok(_), Ok(wake)) => *wake,
                (Err(e), _) | (_, Err(e)) => {
                    // Back off instead of spinning on a failing database.
                    tracing::error!(error = ?e, "scheduler step failed; trying again in 5 s");
                    Some(self.kernel.now() + chrono::Duration::seconds(5))
                }
            };
            let sleep = wake.map_or(MAX_SLEEP, |at| {
                (at - self.kernel.now())
                    .to_std()
                    .unwrap_or(StdDuration::ZERO)
                    .min(MAX_SLEEP)
            });
            tokio::select! {
                _ = stop.changed() => {}
                () = tokio::time::sleep(sleep) => {}
                () = self.kernel.wake.notified() => {}
            }
        }
    }
}
