//! The one writer: the lock every transaction that changes state holds from `BEGIN` until its
//! commit (SQLite has one writer anyway; holding it here keeps the live boards' moves in the
//! database's order of commits), and the board order beside it.
//!
//! - `writer`: held by every write transaction.
//! - `board_order`: held while the live boards move after a commit. A message batch hands the
//!   writer on as soon as it committed and moves its boards under `board_order` alone, so the
//!   next batch's read overlaps them; every other writer takes both ([`WriterLock::lock_scores`])
//!   and so starts only after the boards of every earlier commit have moved.

use tokio::sync::{Mutex, MutexGuard};

/// The writer lock and the board order, held together.
pub(crate) struct ScoreLock<'a> {
    _writer: MutexGuard<'a, ()>,
    _board_order: MutexGuard<'a, ()>,
}

#[derive(Default)]
pub(crate) struct WriterLock {
    writer: Mutex<()>,
    board_order: Mutex<()>,
}

impl WriterLock {
    /// Takes the writer lock, then waits until every committed batch has moved its boards.
    pub(crate) async fn lock_scores(&self) -> ScoreLock<'_> {
        let writer = self.writer.lock().await;
        let board_order = self.board_order.lock().await;
        ScoreLock {
            _writer: writer,
            _board_order: board_order,
        }
    }

    /// The writer lock alone: for a message batch (which hands it on at its commit) and for
    /// writes that move no board.
    pub(crate) async fn lock_writer(&self) -> MutexGuard<'_, ()> {
        self.writer.lock().await
    }

    /// The board order alone: a message batch moves its boards under it.
    pub(crate) async fn lock_board_order(&self) -> MutexGuard<'_, ()> {
        self.board_order.lock().await
    }
}
