//! The award log's fold as a step function plus a loop, like the scheduler: about once a
//! second, if message awards wait in the log, one transaction moves them into the member
//! totals, the ledger's day rows and the period boards (`store/award_log.rs`). Other writes
//! and reads of scores fold first anyway; the loop keeps the log short when nothing else comes
//! by. The same step writes the activity tallied for the dashboard (`engine/analytics`). The
//! runtime that owns the engine's other tasks starts it ([`Engine::run`]).

use crate::Ingest;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;

use crate::EngineResult;

/// How often a non-empty log is folded when nothing else folds it first.
pub const FOLD_EVERY: Duration = Duration::from_secs(1);

impl Ingest {
    /// Folds the award log and writes the tallied activity, if either holds anything; says
    /// whether it did.
    pub async fn fold_step(&self) -> EngineResult<bool> {
        let folding = self.kernel.store.has_unfolded_awards();
        if !folding && self.activity.is_empty() {
            return Ok(false);
        }
        if folding {
            // One writer at a time: the fold waits its turn behind the batches queued before it.
            let _writer = self.kernel.lock_writer().await;
            let started = std::time::Instant::now();
            self.kernel.store.settle().await?;
            self.kernel.metrics.fold(started.elapsed());
            tracing::debug!(
                micros = started.elapsed().as_micros() as u64,
                "award log folded"
            );
        }
        self.activity.flush_activity().await?;
        Ok(true)
    }

    /// Runs [`Ingest::fold_step`] every [`FOLD_EVERY`] until `stop` turns true.
    pub async fn run_folds(self: Arc<Self>, mut stop: watch::Receiver<bool>) {
        while !*stop.borrow() {
            tokio::select! {
                _ = stop.changed() => return,
                () = tokio::time::sleep(FOLD_EVERY) => {}
            }
            if let Err(e) = self.fold_step().await {
                // The log stays in the file; the next step (or any write) folds it.
                tracing::warn!(error = ?e, "folding the award log failed; retrying");
            }
        }
    }
}
