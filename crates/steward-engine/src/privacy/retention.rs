//! `ledger.keep_days` and `analytics.keep_days`: once a day the scheduler rolls up older
//! per-member detail (see `store/retention.rs`).

use chrono::{DateTime, Duration, Utc};

use crate::core::privacy::detail_cutoff;
use crate::store::Pruned;
use crate::{EngineResult, Privacy};

/// Member ids whose detail one transaction rolls up.
const MEMBERS_PER_PASS: i64 = 5_000;

/// How often detail is pruned; a day's rows are all that can have aged past the cutoff.
const PRUNE_EVERY: Duration = Duration::days(1);

impl Privacy {
    /// Prunes detail if a day has passed since this process last did (and at its first tick).
    pub(crate) async fn prune_detail_if_due(&self, now: DateTime<Utc>) -> EngineResult<Pruned> {
        if !self.retention.due(now, PRUNE_EVERY) {
            return Ok(Pruned::default());
        }
        self.prune_detail(now).await
    }

    /// Rolls up ledger detail older than `ledger.keep_days` and drops what expired. Runs over
    /// [`MEMBERS_PER_PASS`] member ids per transaction, so message awards wait for one short
    /// step at a time, never for the whole ledger.
    pub async fn prune_detail(&self, now: DateTime<Utc>) -> EngineResult<Pruned> {
        {
            let _writer = self.kernel.lock_writer().await;
            let mut tx = self.kernel.store.begin().await?;
            tx.prune_expired(now).await?;
            tx.commit().await?;
        }
        let mut pruned = Pruned::default();
        let ledger_cutoff = detail_cutoff(now, self.kernel.config.ledger_keep_days);
        let activity_cutoff = detail_cutoff(now, self.kernel.config.analytics.keep_days)
            .map(|at| self.kernel.config.calendar.day(at));
        if ledger_cutoff.is_none() && activity_cutoff.is_none() {
            return Ok(pruned);
        }
        let last = self.kernel.store.max_member_id().await?;
        let mut low = 1;
        while low <= last {
            let high = low.saturating_add(MEMBERS_PER_PASS - 1);
            let _writer = self.kernel.lock_writer().await;
            let mut tx = self.kernel.store.begin().await?;
            if let Some(cutoff) = ledger_cutoff {
                pruned += tx.roll_up_detail(cutoff, low..=high).await?;
            }
            if let Some(day) = activity_cutoff {
                pruned += tx.prune_activity(day, low..=high).await?;
            }
            tx.commit().await?;
            low = high.saturating_add(1);
        }
        if pruned != Pruned::default() {
            tracing::info!(
                ledger_rows = pruned.ledger_rows,
                thanks_rows = pruned.thanks_rows,
                activity_rows = pruned.activity_rows,
                "rolled up per-member detail older than ledger.keep_days and analytics.keep_days"
            );
        }
        Ok(pruned)
    }
}
