//! The scoreboard component: the live leaderboards, the names they show, the running season,
//! and the two locks that keep the boards in the database's order of commits, side by side.
//!
//! - `writer`: held by every transaction that changes scores, from `BEGIN` until its commit
//!   (SQLite has one writer anyway; holding it here keeps board moves in commit order).
//! - `board_order`: held while the live boards move after a commit. A message batch hands the
//!   writer on as soon as it committed and moves its boards under `board_order` alone, so the
//!   next batch's read overlaps them; every other writer takes both ([`Scoreboard::lock_scores`])
//!   and so starts only after the boards of every earlier commit have moved.

use std::sync::{RwLock, RwLockReadGuard, RwLockWriteGuard};

use tokio::sync::{Mutex, MutexGuard};

use super::board_names::BoardNames;
use super::live_boards::LiveBoards;
use crate::core::periods::Board;
use crate::engine::sync;
use crate::store::Season;

/// The writer lock and the board order, held together.
pub(crate) struct ScoreLock<'a> {
    _writer: MutexGuard<'a, ()>,
    _board_order: MutexGuard<'a, ()>,
}

pub(crate) struct Scoreboard {
    writer: Mutex<()>,
    board_order: Mutex<()>,
    boards: RwLock<LiveBoards>,
    season: RwLock<Option<Season>>,
    names: BoardNames,
}

impl Scoreboard {
    pub(crate) fn new(season: Option<Season>) -> Self {
        Self {
            writer: Mutex::new(()),
            board_order: Mutex::new(()),
            boards: RwLock::new(LiveBoards::default()),
            season: RwLock::new(season),
            names: BoardNames::default(),
        }
    }

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

    pub(crate) fn boards(&self) -> RwLockReadGuard<'_, LiveBoards> {
        sync::read(&self.boards)
    }

    /// Change the live boards only while holding the board order (see the module header).
    pub(crate) fn boards_mut(&self) -> RwLockWriteGuard<'_, LiveBoards> {
        let mut boards = sync::write(&self.boards);
        // Every change goes through here, so every change moves the version.
        boards.touch();
        boards
    }

    /// The names boards show.
    pub(crate) fn names(&self) -> &BoardNames {
        &self.names
    }

    pub(crate) fn is_live(&self, board: &Board) -> bool {
        self.boards().is_live(board)
    }

    /// The running season, as last started or ended.
    pub(crate) fn season(&self) -> Option<Season> {
        sync::read(&self.season).clone()
    }

    pub(crate) fn set_season(&self, season: Option<Season>) {
        *sync::write(&self.season) = season;
    }
}
