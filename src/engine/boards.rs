//! The live leaderboards: one rank index per board in use (all time, this week, this month, the
//! running season), rebuilt from the database on first use and kept in step with every award.
//! Callers change them only while holding the engine's writer lock, after their transaction
//! committed, so the indexes follow the database's order of writes.

use std::collections::HashMap;

use crate::core::periods::Board;
use crate::core::rank_index::{RankIndex, Standing};
use crate::store::BoardChange;

#[derive(Debug, Default)]
pub(crate) struct LiveBoards {
    boards: HashMap<Board, RankIndex>,
}

impl LiveBoards {
    pub(crate) fn get(&self, board: &Board) -> Option<&RankIndex> {
        self.boards.get(board)
    }

    pub(crate) fn is_live(&self, board: &Board) -> bool {
        self.boards.contains_key(board)
    }

    /// Installs a freshly loaded board, dropping older boards of the same kind (last week's).
    pub(crate) fn install(&mut self, board: Board, index: RankIndex) {
        let same_kind =
            |a: &Board, b: &Board| std::mem::discriminant(a) == std::mem::discriminant(b);
        self.boards.retain(|b, _| !same_kind(b, &board));
        self.boards.insert(board, index);
    }

    pub(crate) fn drop_board(&mut self, board: &Board) {
        self.boards.remove(board);
    }

    /// Moves a member's standings as an award changed them; hidden members are not listed.
    pub(crate) fn apply(&mut self, changes: &[BoardChange], hidden: bool) {
        for change in changes {
            if let Some(index) = self.boards.get_mut(&change.board) {
                if !hidden {
                    index.replace(change.before, change.after);
                } else if let Some(before) = &change.before {
                    index.remove(before);
                }
            }
        }
    }

    /// Takes standings off their boards (a member hiding, or merged away).
    pub(crate) fn remove(&mut self, standings: &[(Board, Standing)]) {
        for (board, standing) in standings {
            if let Some(index) = self.boards.get_mut(board) {
                index.remove(standing);
            }
        }
    }

    /// Puts standings on their boards (a member showing again).
    pub(crate) fn insert(&mut self, standings: &[(Board, Standing)]) {
        for (board, standing) in standings {
            if let Some(index) = self.boards.get_mut(board) {
                index.insert(*standing);
            }
        }
    }

    /// The boards currently live, for refreshing one member everywhere.
    pub(crate) fn live(&self) -> Vec<Board> {
        self.boards.keys().cloned().collect()
    }
}
