//! Message XP with group commit. A burst of chat turns into few transactions: each awarded
//! message joins a queue, and whoever holds the writer lock next commits everything queued in
//! one transaction. An idle bot commits a lone message at once; a busy one batches without a
//! timer. Nobody hears of an award (a level-up) before its transaction committed, and a clean
//! shutdown takes the writer lock only after every queued award was committed.

use chrono::{DateTime, Utc};
use tokio::sync::oneshot;

use super::commands::CommandContext;
use super::{Engine, EngineError, EngineResult};
use crate::core::ids::MemberId;
use crate::core::periods::Board;
use crate::core::points::NoXp;
use crate::store::{Award, AwardOutcome, LedgerKind, StoreError};

/// One message award waiting for the next group commit.
pub(crate) struct PendingAward {
    member: MemberId,
    amount: i64,
    at: DateTime<Utc>,
    day: String,
    boards: Vec<Board>,
    done: oneshot::Sender<Result<Option<AwardOutcome>, String>>,
}

impl Engine {
    /// Awards message XP unless the chat, the length or the cooldown says no.
    pub(crate) async fn message_xp(&self, ctx: &CommandContext, text: &str) -> EngineResult<()> {
        if self.config.earns_no_xp(&ctx.chat) {
            return Ok(());
        }
        let rules = &self.config.message_xp;
        let cached = self
            .cooldowns
            .lock()
            .ok()
            .and_then(|c| c.get(&ctx.member).copied());
        if let Err(NoXp::TooShort | NoXp::Cooldown) = rules.check(text, cached, ctx.at) {
            return Ok(());
        }
        let multiplier = self
            .effective_tier(ctx.member, ctx.at)
            .await?
            .map_or(1.0, |t| t.xp_multiplier);
        let (done, committed) = oneshot::channel();
        let pending = PendingAward {
            member: ctx.member,
            amount: rules.amount(self.random_unit(), multiplier),
            at: ctx.at,
            day: self
                .config
                .calendar
                .day(ctx.at)
                .format("%Y-%m-%d")
                .to_string(),
            boards: self.period_boards_at(ctx.at),
            done,
        };
        if let Ok(mut queue) = self.ingest.lock() {
            queue.push(pending);
        }
        self.commit_queued_awards().await;
        let outcome = committed
            .await
            .map_err(|_| EngineError::Refused("message XP was dropped".into()))?
            .map_err(|e| EngineError::Store(StoreError::Batch(e)))?;
        if let Some(outcome) = outcome {
            self.announce_level_up(ctx, &ctx.sender.person.profile.display_name, &outcome)
                .await;
        }
        Ok(())
    }

    /// Commits every queued award in one transaction (if another caller has not already).
    async fn commit_queued_awards(&self) {
        let _writer = self.writer.lock().await;
        let batch: Vec<PendingAward> = self
            .ingest
            .lock()
            .map(|mut q| std::mem::take(&mut *q))
            .unwrap_or_default();
        if batch.is_empty() {
            return; // an earlier lock holder committed ours with its batch
        }
        match self.commit_batch(&batch).await {
            Ok(outcomes) => {
                for (pending, outcome) in batch.into_iter().zip(outcomes) {
                    if outcome.is_some()
                        && let Ok(mut cooldowns) = self.cooldowns.lock()
                    {
                        cooldowns.insert(pending.member, pending.at);
                    }
                    let _ = pending.done.send(Ok(outcome));
                }
            }
            Err(e) => {
                tracing::error!(error = %e, awards = batch.len(), "group commit of message XP failed");
                for pending in batch {
                    let _ = pending.done.send(Err(e.to_string()));
                }
            }
        }
    }

    /// One transaction for the whole batch; the live boards move only after it committed.
    async fn commit_batch(
        &self,
        batch: &[PendingAward],
    ) -> Result<Vec<Option<AwardOutcome>>, StoreError> {
        let mut boards: Vec<Board> = Vec::new();
        for pending in batch {
            for board in &pending.boards {
                if !boards.contains(board) {
                    boards.push(board.clone());
                }
            }
        }
        self.ensure_live(&boards).await?;
        let cooldown = self.config.message_xp.cooldown;
        let mut tx = self.store.begin().await?;
        let mut outcomes = Vec::with_capacity(batch.len());
        for pending in batch {
            let award = Award {
                member: pending.member,
                xp: pending.amount,
                balance: pending.amount,
                kind: LedgerKind::Message,
                reference: Some(pending.day.clone()),
                reason: None,
                actor: None,
                at: pending.at,
                boards: &pending.boards,
            };
            outcomes.push(
                tx.apply_message_award(&award, pending.at - cooldown)
                    .await?,
            );
        }
        tx.commit().await?;
        for outcome in outcomes.iter().flatten() {
            self.after_award(outcome);
        }
        Ok(outcomes)
    }
}
