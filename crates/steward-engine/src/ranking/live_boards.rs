//! The live leaderboards: one rank index per board in use (all time, this week, this month, the
//! running season), rebuilt from the database on first use and kept in step with every award.
//! Callers change them only while holding the board order, after their transaction committed,
//! so the indexes follow the database's order of writes (`scoreboard.rs`).

use std::collections::HashMap;

use crate::core::ids::MemberId;
use crate::core::levels::LevelInfo;
use crate::core::message_batch::PeriodStandings;
use crate::core::periods::Board;
use crate::core::rank_index::{RankIndex, Standing};
use crate::core::scoring::BoardChange;

/// Member ids above this have no kept level (read from the database instead); ids are dense.
const MAX_LEVEL_ID: usize = 50_000_000;

/// One member's net move on one board in a batch: first before, last after, hidden.
type Move = (Option<Standing>, Standing, bool);

#[derive(Debug, Default)]
pub(crate) struct LiveBoards {
    boards: HashMap<Board, LiveBoard>,
    /// By member id: the level of each member on the all-time board, plus one (zero: not
    /// known), which every board's lines show; two bytes a member, where XP would take eight.
    levels: Vec<u16>,
    /// Bumped by every change (see `Scoreboard::boards_mut`): a page rendered at one version
    /// is still true while the version stands.
    version: u64,
}

/// One board's index and, for period boards, each listed member's standing: a message batch
/// reads a member's week and month scores here instead of from SQL. (The all-time board has
/// none; its scores come with the member rows a batch reads anyway.)
#[derive(Debug)]
struct LiveBoard {
    index: RankIndex,
    by_member: Option<HashMap<MemberId, Standing>>,
}

impl LiveBoard {
    fn put(&mut self, standing: Standing) {
        if let Some(by_member) = &mut self.by_member {
            if standing.score() > 0 {
                by_member.insert(standing.member(), standing);
            } else {
                by_member.remove(&standing.member());
            }
        }
    }

    fn forget(&mut self, standing: &Standing) {
        if let Some(by_member) = &mut self.by_member {
            by_member.remove(&standing.member());
        }
    }

    /// Moves a member from `before` to `after`; a hidden member only leaves the board.
    fn shift(&mut self, before: Option<Standing>, after: Standing, hidden: bool) {
        if !hidden {
            self.index.replace(before, after);
            self.put(after);
        } else if let Some(before) = &before {
            self.index.remove(before);
            self.forget(before);
        }
    }
}

impl LiveBoards {
    pub(crate) fn get(&self, board: &Board) -> Option<&RankIndex> {
        self.boards.get(board).map(|b| &b.index)
    }

    /// The levels of listed members (`None`: not on the all-time board, or it is not live).
    pub(crate) fn levels(&self, members: &[MemberId]) -> Vec<Option<u32>> {
        let live = self.is_live(&Board::AllTime);
        members
            .iter()
            .map(|member| {
                let kept = *self.levels.get(usize::try_from(member.0).ok()?)?;
                live.then_some(u32::from(kept).checked_sub(1)).flatten()
            })
            .collect()
    }

    /// Notes the level of an all-time standing.
    fn note_level(&mut self, board: &Board, standing: &Standing) {
        // A score of zero or less keeps level 0 (a member taken below zero may still be on a
        // period board).
        if *board != Board::AllTime {
            return;
        }
        let Some(at) = usize::try_from(standing.member().0)
            .ok()
            .filter(|at| *at <= MAX_LEVEL_ID)
        else {
            return;
        };
        if at >= self.levels.len() {
            self.levels.resize(at + 1, 0);
        }
        let level = LevelInfo::from_xp(standing.score()).level;
        self.levels[at] = u16::try_from(level + 1).unwrap_or(u16::MAX);
    }

    pub(crate) fn version(&self) -> u64 {
        self.version
    }

    pub(crate) fn touch(&mut self) {
        self.version += 1;
    }

    pub(crate) fn is_live(&self, board: &Board) -> bool {
        self.boards.contains_key(board)
    }

    /// Installs a freshly loaded board, dropping older boards of the same kind (last week's).
    pub(crate) fn install(&mut self, board: Board, index: RankIndex) {
        let same_kind =
            |a: &Board, b: &Board| std::mem::discriminant(a) == std::mem::discriminant(b);
        self.boards.retain(|b, _| !same_kind(b, &board));
        if board == Board::AllTime {
            self.levels.clear();
            for standing in index.iter() {
                self.note_level(&board, standing);
            }
        }
        let by_member =
            (board != Board::AllTime).then(|| index.iter().map(|s| (s.member(), *s)).collect());
        self.boards.insert(board, LiveBoard { index, by_member });
    }

    pub(crate) fn drop_board(&mut self, board: &Board) {
        self.boards.remove(board);
    }

    /// Moves a member's standings as an award changed them; hidden members are not listed.
    pub(crate) fn apply(&mut self, changes: &[BoardChange], hidden: bool) {
        for change in changes {
            if let Some(live) = self.boards.get_mut(&change.board) {
                live.shift(change.before, change.after, hidden);
                if !hidden {
                    self.note_level(&change.board, &change.after);
                }
            }
        }
    }

    /// Moves the standings of a whole batch of awards. A member's changes on one board are
    /// merged into one move (first before, last after), and each board's moves are made in
    /// board order, so consecutive moves touch neighbouring blocks of the index.
    pub(crate) fn apply_batch(&mut self, awards: &[(Vec<BoardChange>, bool)]) {
        let mut moves: HashMap<&Board, HashMap<MemberId, Move>> = HashMap::new();
        for (changes, hidden) in awards {
            for change in changes {
                moves
                    .entry(&change.board)
                    .or_default()
                    .entry(change.after.member())
                    .and_modify(|m| m.1 = change.after)
                    .or_insert((change.before, change.after, *hidden));
            }
        }
        for (board, by_member) in moves {
            let Some(live) = self.boards.get_mut(board) else {
                continue;
            };
            let mut ordered: Vec<_> = by_member.into_values().collect();
            ordered.sort_unstable_by_key(|(_, after, _)| *after);
            for (before, after, hidden) in &ordered {
                live.shift(*before, *after, *hidden);
            }
            for (_, after, hidden) in ordered {
                if !hidden {
                    self.note_level(board, &after);
                }
            }
        }
    }

    /// Takes standings off their boards (a member hiding, or merged away).
    pub(crate) fn remove(&mut self, standings: &[(Board, Standing)]) {
        for (board, standing) in standings {
            if let Some(live) = self.boards.get_mut(board) {
                live.index.remove(standing);
                live.forget(standing);
            }
        }
    }

    /// Puts standings on their boards (a member showing again).
    pub(crate) fn insert(&mut self, standings: &[(Board, Standing)]) {
        for (board, standing) in standings {
            if let Some(live) = self.boards.get_mut(board) {
                live.index.insert(*standing);
                live.put(*standing);
                self.note_level(board, standing);
            }
        }
    }

    /// The boards currently live, for refreshing one member everywhere.
    pub(crate) fn live(&self) -> Vec<Board> {
        self.boards.keys().cloned().collect()
    }
}

/// A message batch reads a member's period standings here instead of from SQL: a listed
/// member's standing on a live period board (`None`: not listed, or not kept).
impl PeriodStandings for LiveBoards {
    fn standing(&self, board: &Board, member: MemberId) -> Option<Standing> {
        self.boards
            .get(board)?
            .by_member
            .as_ref()?
            .get(&member)
            .copied()
    }
}
