//! Ranking: the scoreboard component (live boards, the running season and the locks that keep
//! them in commit order), the scoring transaction every non-message award goes through,
//! `/rank`, `/leaderboard`, `/privacy`, and seasons.

mod board_names;
mod boards;
mod commands;
mod live_boards;
mod scoreboard;
mod scoring;
mod seasons;

pub(crate) use scoreboard::Scoreboard;
pub(crate) use scoring::Grant;
