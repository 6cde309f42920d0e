//! The scoreboard: the live leaderboards and the running season, side by side. Change the boards only while holding the board order (`engine/writer.rs`).

use std::sync::{RwLock, RwLockReadGuard, RwLockWriteGuard};

use super::live_boards::LiveBoards;
use crate::core::periods::Board;
use crate::store::Season;
use crate::sync;

pub(crate) struct Scoreboard {
    boards: RwLock<LiveBoards>,
    season: RwLock<Option<Season>>,
}

impl Scoreboard {
    pub(crate) fn new(season: Option<Season>) -> Self {
        Self {
            boards: RwLock::new(LiveBoards::default()),
            season: RwLock::new(season),
        }
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
