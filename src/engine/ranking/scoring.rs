//! A scoring transaction: the path by which every award other than message XP changes scores
//! (`/daily`, thanks, `/points`, redemptions). It takes both scoreboard locks, makes the touched
//! boards live, and after the commit moves the member on the live boards, so the in-memory
//! ranks follow the database's order of commits. Its transaction is a settled one: the award
//! log was folded first, so the totals it reads are whole.

use super::scoreboard::ScoreLock;
use crate::core::periods::Board;
use crate::core::scoring::AwardOutcome;
use crate::engine::{Engine, EngineResult};
use crate::store::{Award, WriteTx};

/// An open scoring transaction; dropping it rolls back and releases the locks.
pub(crate) struct Scoring<'a> {
    engine: &'a Engine,
    _lock: ScoreLock<'a>,
    pub tx: WriteTx,
}

impl Engine {
    /// Opens a scoring transaction for an award that will count on `boards`.
    pub(crate) async fn begin_scoring(&self, boards: &[Board]) -> EngineResult<Scoring<'_>> {
        let lock = self.scores.lock_scores().await;
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
        self.engine
            .scores
            .boards_mut()
            .apply(&outcome.changes, outcome.hidden);
        Ok(outcome)
    }

    /// Applies several awards in order in the same transaction (each its own ledger row),
    /// commits, and updates the live boards.
    pub(crate) async fn finish_all(
        mut self,
        awards: &[Award<'_>],
    ) -> EngineResult<Vec<AwardOutcome>> {
        let mut outcomes = Vec::with_capacity(awards.len());
        for award in awards {
            outcomes.push(self.tx.apply_award(award).await?);
        }
        self.tx.commit().await?;
        let mut boards = self.engine.scores.boards_mut();
        for outcome in &outcomes {
            boards.apply(&outcome.changes, outcome.hidden);
        }
        Ok(outcomes)
    }
}
