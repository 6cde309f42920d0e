//! The ingest service: message XP with group commit. A burst of chat turns into few
//! transactions: each awarded message joins a queue, and whoever holds the writer lock next
//! commits everything queued in one transaction. An idle bot commits a lone message at once; a
//! busy one batches without a timer. The batch is decided by the core
//! (`core::message_batch::decide`) on a snapshot the store reads, and appended to the award
//! log, which `fold.rs` folds into the tables about once a second. Nobody hears of an award (a
//! level-up) before its transaction committed, and a clean shutdown takes the writer lock only
//! after every queued award was committed.

mod fold;

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::{DateTime, Utc};
use tokio::sync::{MutexGuard, oneshot};

use crate::commands::CommandContext;
use crate::core::ids::MemberId;
use crate::core::message_batch::{self, MessageAward};
use crate::core::points::NoXp;
use crate::core::scoring::{AwardOutcome, distinct_boards};
use crate::store::StoreError;
use crate::{Activity, Kernel, Ranking};
use crate::{EngineError, EngineResult, sync};
pub use fold::FOLD_EVERY;
use std::sync::Arc;

/// Messages' awards: the cooldown cache, the group-commit queue and the award log's fold.
pub struct Ingest {
    kernel: Arc<Kernel>,
    ranking: Arc<Ranking>,
    activity: Arc<Activity>,
    queue: AwardQueue,
}

impl Ingest {
    pub(crate) fn new(kernel: Arc<Kernel>, ranking: Arc<Ranking>, activity: Arc<Activity>) -> Self {
        Self {
            queue: AwardQueue::default(),
            kernel,
            ranking,
            activity,
        }
    }
}

/// What a sender learns of their award once its batch committed.
type Committed = Result<Option<AwardOutcome>, String>;

/// One message award waiting for the next group commit.
struct PendingAward {
    award: MessageAward,
    done: oneshot::Sender<Committed>,
}

/// The queue of the next group commit, and the cooldown cache that keeps most messages inside
/// a cooldown from queueing at all (the batch decision checks the cooldown again against the
/// database, so the cache may only ever be behind, never wrong the other way).
#[derive(Default)]
pub(crate) struct AwardQueue {
    queue: Mutex<Vec<PendingAward>>,
    last_award: Mutex<HashMap<MemberId, DateTime<Utc>>>,
}

impl AwardQueue {
    fn last_award(&self, member: MemberId) -> Option<DateTime<Utc>> {
        sync::lock(&self.last_award).get(&member).copied()
    }

    fn take_batch(&self) -> Vec<PendingAward> {
        std::mem::take(&mut *sync::lock(&self.queue))
    }

    /// Forgets a member merged away.
    fn forget_member(&self, member: MemberId) {
        sync::lock(&self.last_award).remove(&member);
    }
}

impl Ingest {
    /// Forgets a member merged away or erased.
    pub(crate) fn forget_member(&self, member: MemberId) {
        self.queue.forget_member(member);
    }

    /// Awards message XP unless the chat, the length or the cooldown says no.
    pub(crate) async fn message_xp(&self, ctx: &CommandContext, text: &str) -> EngineResult<()> {
        if !self.kernel.config.chats.earns_xp(&ctx.chat) {
            return Ok(());
        }
        let rules = &self.kernel.config.message_xp;
        let cached = self.queue.last_award(ctx.member);
        if let Err(NoXp::TooShort | NoXp::Cooldown) = rules.check(text, cached, ctx.at) {
            return Ok(());
        }
        let award = MessageAward {
            member: ctx.member,
            base: rules.base_amount(self.kernel.random_unit()),
            at: ctx.at,
            day: self.kernel.config.calendar.day(ctx.at),
            boards: self.ranking.period_boards_at(ctx.at),
        };
        if let Some(outcome) = self.submit_award(award).await? {
            self.ranking.announce_own_level_up(ctx, &outcome).await;
        }
        Ok(())
    }

    /// Queues an award and returns once its batch committed: `None` when the batch decided it
    /// earns nothing (the cooldown).
    async fn submit_award(&self, award: MessageAward) -> EngineResult<Option<AwardOutcome>> {
        let (done, mut committed) = oneshot::channel();
        sync::lock(&self.queue.queue).push(PendingAward { award, done });
        // Either another writer commits ours with its batch while we wait (then we leave the
        // lock queue at once), or we get the lock and commit everything queued.
        let result = loop {
            tokio::select! {
                biased;
                result = &mut committed => break result,
                writer = self.kernel.lock_writer() => self.commit_queued_awards(writer).await,
            }
        };
        match result {
            Ok(committed) => committed.map_err(|e| EngineError::Store(StoreError::Batch(e))),
            // The committing task went away without an answer: as far as this sender can
            // tell, the message earned nothing.
            Err(_) => {
                tracing::error!("a message award's batch ended without an answer");
                Ok(None)
            }
        }
    }

    /// Commits every queued award in one transaction (if another caller has not already).
    pub(crate) async fn commit_queued_awards(&self, writer: MutexGuard<'_, ()>) {
        let batch = self.queue.take_batch();
        if batch.is_empty() {
            return; // an earlier lock holder committed ours with its batch
        }
        let (awards, senders): (Vec<MessageAward>, Vec<_>) =
            batch.into_iter().map(|p| (p.award, p.done)).unzip();
        let started = std::time::Instant::now();
        let result = self.commit_batch(&awards, writer).await;
        tracing::debug!(
            awards = awards.len(),
            micros = started.elapsed().as_micros() as u64,
            "group commit"
        );
        match result {
            Ok((outcomes, board_order)) => {
                let awarded = outcomes.iter().filter(|o| o.is_some()).count();
                self.kernel.metrics.batch(awards.len(), awarded);
                // Senders hear of their committed awards first; the rank moves follow under
                // the board order (a /rank in between still counts right: it ranks the stored
                // standing against the others).
                // The cooldown cache first, in one short hold: woken senders check it for their
                // next message at once, and must not find it locked while this loop wakes more.
                {
                    let mut cooldowns = sync::lock(&self.queue.last_award);
                    for (award, outcome) in awards.iter().zip(&outcomes) {
                        if outcome.is_some() {
                            cooldowns.insert(award.member, award.at);
                        }
                    }
                }
                let mut moves = Vec::with_capacity(outcomes.len());
                for (done, mut outcome) in senders.into_iter().zip(outcomes) {
                    if let Some(outcome) = &mut outcome {
                        moves.push((std::mem::take(&mut outcome.changes), outcome.hidden));
                    }
                    let _ = done.send(Ok(outcome));
                }
                self.ranking.scores.boards_mut().apply_batch(&moves);
                drop(board_order);
            }
            Err(e) => {
                tracing::error!(error = %e, awards = awards.len(), "group commit of message XP failed");
                for done in senders {
                    let _ = done.send(Err(e.to_string()));
                }
            }
        }
    }

    /// One transaction for the whole batch. Returns with the writer lock handed on, so the next
    /// batch may start its transaction, and the board order held: the caller moves the live
    /// boards under it.
    async fn commit_batch(
        &self,
        awards: &[MessageAward],
        writer: MutexGuard<'_, ()>,
    ) -> Result<(Vec<Option<AwardOutcome>>, MutexGuard<'_, ()>), StoreError> {
        let boards = distinct_boards(awards.iter().map(|a| a.boards.as_slice()));
        if !boards.iter().all(|b| self.ranking.scores.is_live(b)) {
            let _board_order = self.kernel.lock_board_order().await;
            self.ranking.ensure_live(&boards).await?;
        }
        let mut tx = self.kernel.store.begin_unsettled().await?;
        let snapshot = tx.read_message_batch(awards).await?;
        // The period standings come from the live boards: wait until the previous batch moved
        // them (its board moves overlapped this batch's read).
        let board_order = self.kernel.lock_board_order().await;
        let outcomes = message_batch::decide(
            snapshot,
            awards,
            &self.kernel.config.message_xp,
            &self.kernel.config.membership.tiers,
            &*self.ranking.scores.boards(),
        );
        tx.append_message_awards(awards, &outcomes).await?;
        tx.commit().await?;
        drop(writer);
        Ok((outcomes, board_order))
    }
}
