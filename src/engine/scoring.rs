//! A scoring transaction: the one path by which XP and balances change. It takes the writer
//! lock, makes the touched boards live, and after the commit moves the member on the live
//! boards, so the in-memory ranks always follow the database's order of commits.

use tokio::sync::MutexGuard;

use super::{Engine, EngineResult};
use crate::core::periods::Board;
use crate::store::{Award, AwardOutcome, WriteTx};

/// An open scoring transaction; dropping it rolls back and releases the writer lock.
pub(crate) struct Scoring<'a> {
    engine: &'a Engine,
    _writer: MutexGuard<'a, ()>,
    pub tx: WriteTx,
}

impl Engine {
    /// Opens a scoring transaction for an award that will count on `boards`.
    pub(crate) async fn begin_scoring(&self, boards: &[Board]) -> EngineResult<Scoring<'_>> {
        let writer = self.writer.lock().await;
        self.ensure_live(boards).await?;
        let tx = self.store.begin().await?;
        Ok(Scoring {
            engine: self,
            _writer: writer,
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
