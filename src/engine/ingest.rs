//! Message XP with group commit. A burst of chat turns into few transactions: each awarded
//! message joins a queue, and whoever holds the writer lock next commits everything queued in
//! one transaction. An idle bot commits a lone message at once; a busy one batches without a
//! timer. Nobody hears of an award (a level-up) before its transaction committed, and a clean
//! shutdown takes the writer lock only after every queued award was committed.

use chrono::{DateTime, Utc};
use tokio::sync::oneshot;

use super::commands::CommandContext;
use super::{Engine, EngineError, EngineResult};
use crate::core::periods::Board;
use crate::core::points::{self, NoXp};
use crate::core::tiers::{self, Membership};
use crate::store::{AwardOutcome, MessageAward, StoreError};

/// One message award waiting for the next group commit.
pub(crate) struct PendingAward {
    award: MessageAward,
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
        let (done, committed) = oneshot::channel();
        let pending = PendingAward {
            award: MessageAward {
                member: ctx.member,
                base: rules.base_amount(self.random_unit()),
                at: ctx.at,
                day: self
                    .config
                    .calendar
                    .day(ctx.at)
                    .format("%Y-%m-%d")
                    .to_string(),
                boards: self.period_boards_at(ctx.at),
            },
            done,
        };
        if let Ok(mut queue) = self.ingest.lock() {
            queue.push(pending);
        }
        // Either another writer commits ours with its batch while we wait (then we leave the
        // lock queue at once), or we get the lock and commit everything queued.
        let mut committed = committed;
        let result = loop {
            tokio::select! {
                biased;
                result = &mut committed => break result,
                writer = self.writer.lock() => self.commit_queued_awards(writer).await,
            }
        };
        let outcome = result
            .map_err(|_| EngineError::Refused("message XP was dropped".into()))?
            .map_err(|e| EngineError::Store(StoreError::Batch(e)))?;
        if let Some(outcome) = outcome {
            self.announce_own_level_up(ctx, &outcome).await;
        }
        Ok(())
    }

    /// Commits every queued award in one transaction (if another caller has not already).
    pub(crate) async fn commit_queued_awards(&self, writer: tokio::sync::MutexGuard<'_, ()>) {
        let batch: Vec<PendingAward> = self
            .ingest
            .lock()
            .map(|mut q| std::mem::take(&mut *q))
            .unwrap_or_default();
        if batch.is_empty() {
            return; // an earlier lock holder committed ours with its batch
        }
        let started = std::time::Instant::now();
        let result = self.commit_batch(&batch, writer).await;
        tracing::debug!(
            awards = batch.len(),
            micros = started.elapsed().as_micros() as u64,
            "group commit"
        );
        match result {
            Ok((outcomes, board_order)) => {
                // Senders hear of their committed awards first; the rank moves follow under
                // the board order (a /rank in between still counts right: it ranks the stored
                // standing against the others).
                let mut moves = Vec::with_capacity(outcomes.len());
                for (pending, mut outcome) in batch.into_iter().zip(outcomes) {
                    if let Some(outcome) = &mut outcome {
                        if let Ok(mut cooldowns) = self.cooldowns.lock() {
                            cooldowns.insert(pending.award.member, pending.award.at);
                        }
                        moves.push((std::mem::take(&mut outcome.changes), outcome.hidden));
                    }
                    let _ = pending.done.send(Ok(outcome));
                }
                self.after_awards(&moves);
                drop(board_order);
            }
            Err(e) => {
                tracing::error!(error = %e, awards = batch.len(), "group commit of message XP failed");
                for pending in batch {
                    let _ = pending.done.send(Err(e.to_string()));
                }
            }
        }
    }

    /// One transaction for the whole batch. Returns with the writer lock handed on, so the next
    /// batch may start its transaction, and the board order held: the caller moves the live
    /// boards under it.
    async fn commit_batch(
        &self,
        batch: &[PendingAward],
        writer: tokio::sync::MutexGuard<'_, ()>,
    ) -> Result<(Vec<Option<AwardOutcome>>, tokio::sync::MutexGuard<'_, ()>), StoreError> {
        let awards: Vec<&MessageAward> = batch.iter().map(|p| &p.award).collect();
        let mut boards: Vec<Board> = Vec::new();
        for award in &awards {
            for board in &award.boards {
                if !boards.contains(board) {
                    boards.push(board.clone());
                }
            }
        }
        if !std::iter::once(&Board::AllTime)
            .chain(&boards)
            .all(|b| self.is_live(b))
        {
            let _board_order = self.board_order.lock().await;
            self.ensure_live(&boards).await?;
        }
        let tiers = &self.config.membership.tiers;
        let amount = |base: i64, held: &[Membership], at: DateTime<Utc>| {
            points::scaled(
                base,
                tiers::effective(tiers, held, at).map_or(1.0, |t| t.xp_multiplier),
            )
        };
        let mut tx = self.store.begin_unsettled().await?;
        let read = tx.read_message_batch(&awards).await?;
        // The period standings come from the live boards: wait until the previous batch moved
        // them (its board moves overlapped this batch's read).
        let board_order = self.board_order.lock().await;
        let period = |board: &Board, member| {
            self.boards
                .read()
                .ok()
                .and_then(|boards| boards.standing(board, member))
        };
        let outcomes = tx
            .apply_message_awards(
                read,
                &awards,
                self.config.message_xp.cooldown,
                amount,
                period,
            )
            .await?;
        tx.commit().await?;
        drop(writer);
        Ok((outcomes, board_order))
    }
}
