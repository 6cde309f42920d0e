//! What a leaderboard page shows depends on, as one value: the board (this week's, say), the
//! live boards' version (places, scores, levels, who is listed) and the names' generation. The
//! web side keeps rendered pages under their stamp and renders again once it moves.

use crate::WebPages;
use chrono::{DateTime, Utc};

use super::pages::{PageError, WebBoard};
use crate::core::access::Viewer;
use crate::core::periods::Board;

/// See the module header; equal stamps mean the same lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardStamp {
    board: Board,
    boards_version: u64,
    names_generation: u64,
}

impl WebPages {
    /// The stamp of a board page, after the same access check as [`WebPages::board_page`];
    /// `None` for a season's board (its pages are read each time).
    pub async fn board_stamp(
        &self,
        viewer: &Viewer,
        which: WebBoard,
        now: DateTime<Utc>,
    ) -> Result<Option<BoardStamp>, PageError> {
        self.may_see_standings(viewer)?;
        let calendar = &self.kernel.config.calendar;
        let board = match which {
            WebBoard::AllTime => Board::AllTime,
            WebBoard::Week => calendar.week_board(now),
            WebBoard::Month => calendar.month_board(now),
            WebBoard::Season(_) => return Ok(None),
        };
        // Read before the page's data, so a page rendered after it is never older than it.
        let names_generation = self.identity.names().generation();
        let boards = self.ranking.scores.boards();
        Ok(boards.is_live(&board).then(|| BoardStamp {
            boards_version: boards.version(),
            names_generation,
            board,
        }))
    }
}
