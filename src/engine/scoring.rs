//! A scoring transaction: the one path by which XP and balances change. It takes the writer
//! lock, makes the touched boards live, and after the commit moves the member on the live
//! boards, so the in-memory ranks always follow the database's order of commits.
//!
//! Message batches (`engine/ingest.rs`) hand the writer lock on as soon as they committed and
//! move their boards under `board_order` alone, so the next batch's database work overlaps
//! the board moves. Every other writer takes both locks ([`Engine::lock_scores`]): it starts
//! only after the boards of every earlier commit have moved.

use tokio::sync::MutexGuard;

/// The writer lock and the board order, held together.
pub(crate) struct ScoreLock<'a> {
    _writer: MutexGuard<'a, ()>,
    _board_order: MutexGuard<'a, ()>,
}

impl Engine {
    /// Takes the writer lock, then waits until every committed batch has moved its boards.
    pub(crate) async fn lock_scores(&self) -> ScoreLock<'_> {
        let writer = self.writer.lock().await;
        let board_order = self.board_order.lock().await;
        ScoreLock {
            _writer: writer,
            _board_order: board_order,
        }
    }
}

use super::{Engine, EngineResult};
use crate::core::periods::Board;
use crate::store::{Award, AwardOutcome, WriteTx};

/// An open scoring transaction; dropping it rolls back and releases the writer lock.
pub(crate) struct Scoring<'a> {
    engine: &'a Engine,
    _lock: ScoreLock<'a>,
    pub tx: WriteTx,
}

impl Engine {
    /// Opens a scoring transaction for an award that will count on `boards`.
    pub(crate) async fn begin_scoring(&self, boards: &[Board]) -> EngineResult<Scoring<'_>> {
        let lock = self.lock_scores().await;
        self.ensure_live(boards).await?;
        let tx = self.store.begin().await?;
        Ok(Scoring {
            engine: self,
            _lock: lock,
            tx,
        })
    }
}

impl Scoring<'_> {
    /// Applies the award, commits, and updates the live boards.
    pub(crate) async fn finish(mut self, award: &Award<'_>) -> EngineResult<AwardOutcome> {
        let outcome = self.tx.apply_award(award).await?;
        self.tx.commit().await?;
        self.engine.after_award(&outcome);
        Ok(outcome)
    }
}
