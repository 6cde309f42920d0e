//! Ranking: the scoreboard (live boards and the running season, moved in the database's order
//! of commits under the kernel's writer lock and board order), the scoring transaction every
//! non-message award goes through and the level-ups it announces, one board page for chat and
//! web (`Ranking::page`), `/rank`, `/leaderboard`, `/privacy`, and seasons.

mod boards;
mod commands;
mod level_ups;
mod live_boards;
mod scoreboard;
mod scoring;
mod seasons;

use crate::{Identity, Kernel};
pub(crate) use boards::RankedRow;
pub(crate) use scoreboard::Scoreboard;
pub(crate) use scoring::Grant;
use std::sync::Arc;

/// The scoreboard: live boards, the running season, scoring, `/rank`, `/leaderboard`, `/privacy` and seasons.
pub struct Ranking {
    kernel: Arc<Kernel>,
    identity: Arc<Identity>,
    pub(crate) scores: Scoreboard,
}

impl Ranking {
    pub(crate) fn new(
        kernel: Arc<Kernel>,
        identity: Arc<Identity>,
        season: Option<crate::store::Season>,
    ) -> Self {
        Self {
            scores: Scoreboard::new(season),
            kernel,
            identity,
        }
    }
}
