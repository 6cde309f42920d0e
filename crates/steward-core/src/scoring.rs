//! What an award does to a member's scores: the one rule for moving a standing (never below
//! zero; the time a score was reached moves only when the score changed, so a tie keeps going
//! to whoever got there first), the move on each board, and the outcome the engine announces
//! and ranks by.

use super::ids::MemberId;
use super::periods::Board;
use super::rank_index::Standing;

/// A member's place on one board before and after an award.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardChange {
    pub board: Board,
    /// `None`: no score on this board before.
    pub before: Option<Standing>,
    pub after: Standing,
}

/// What an award did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AwardOutcome {
    pub xp_before: i64,
    pub xp_after: i64,
    pub balance_after: i64,
    /// The amounts actually applied (smaller than asked when a removal hit zero).
    pub applied_xp: i64,
    pub applied_balance: i64,
    /// Hidden members move on no public board.
    pub hidden: bool,
    /// All-time first, then the period boards in the order given.
    pub changes: Vec<BoardChange>,
}

/// `before` (none: no score yet) moved by `delta` at `at_ms`.
#[must_use]
pub fn moved(before: Option<Standing>, member: MemberId, delta: i64, at_ms: i64) -> Standing {
    let (score, reached) = before.map_or((0, at_ms), |s| (s.score(), s.reached_at()));
    let after = score.saturating_add(delta).max(0);
    Standing::new(member, after, if after == score { reached } else { at_ms })
}

/// A member's totals as an award finds them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    /// Lifetime XP and when it was reached.
    pub standing: Standing,
    pub balance: i64,
    pub hidden: bool,
}

/// What one award of `xp` and `balance` (negative: taken away) at `at_ms` does: lifetime XP
/// and each period board (`periods`: a board and the member's standing on it, if any) move by
/// [`moved`], the balance moves and never below zero, and the amounts actually applied (what
/// the ledger records) may be smaller than asked when a removal hit zero.
#[must_use]
pub fn award(
    totals: Totals,
    xp: i64,
    balance: i64,
    at_ms: i64,
    periods: Vec<(Board, Option<Standing>)>,
) -> AwardOutcome {
    let member = totals.standing.member();
    let before = totals.standing;
    let after = moved(Some(before), member, xp, at_ms);
    let balance_after = totals.balance.saturating_add(balance).max(0);
    let mut changes = Vec::with_capacity(periods.len() + 1);
    changes.push(BoardChange {
        board: Board::AllTime,
        before: Some(before),
        after,
    });
    changes.extend(periods.into_iter().map(|(board, before)| BoardChange {
        after: moved(before, member, xp, at_ms),
        board,
        before,
    }));
    AwardOutcome {
        xp_before: before.score(),
        xp_after: after.score(),
        balance_after,
        applied_xp: after.score() - before.score(),
        applied_balance: balance_after - totals.balance,
        hidden: totals.hidden,
        changes,
    }
}

/// Every board of `lists` once, in the order first seen.
#[must_use]
pub fn distinct_boards<'a>(lists: impl IntoIterator<Item = &'a [Board]>) -> Vec<Board> {
    let mut boards: Vec<Board> = Vec::new();
    for list in lists {
        for board in list {
            if !boards.contains(board) {
                boards.push(board.clone());
            }
        }
    }
    boards
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALICE: MemberId = MemberId(1);

    #[test]
    fn a_gain_moves_the_score_and_the_time_it_was_reached() {
        let before = Standing::new(ALICE, 100, 5);
        assert_eq!(
            moved(Some(before), ALICE, 20, 9),
            Standing::new(ALICE, 120, 9)
        );
        assert_eq!(moved(None, ALICE, 20, 9), Standing::new(ALICE, 20, 9));
    }

    #[test]
    fn nothing_gained_keeps_the_time_so_the_tie_break_stays_fair() {
        let before = Standing::new(ALICE, 100, 5);
        assert_eq!(moved(Some(before), ALICE, 0, 9), before);
    }

    #[test]
    fn an_award_moves_every_board_and_a_removal_applies_only_what_there_was() {
        let week = Board::Week("2026-W49".into());
        let totals = Totals {
            standing: Standing::new(ALICE, 30, 5),
            balance: 10,
            hidden: false,
        };
        let outcome = award(totals, -50, -40, 9, vec![(week.clone(), None)]);
        assert_eq!((outcome.xp_before, outcome.xp_after), (30, 0));
        assert_eq!((outcome.applied_xp, outcome.applied_balance), (-30, -10));
        assert_eq!(outcome.balance_after, 0);
        assert_eq!(outcome.changes[0].after, Standing::new(ALICE, 0, 9));
        assert_eq!(outcome.changes[1].board, week);
        assert_eq!(outcome.changes[1].after, Standing::new(ALICE, 0, 9));

        let outcome = award(
            totals,
            20,
            5,
            9,
            vec![(week, Some(Standing::new(ALICE, 4, 2)))],
        );
        assert_eq!((outcome.applied_xp, outcome.applied_balance), (20, 5));
        assert_eq!(outcome.changes[1].after, Standing::new(ALICE, 24, 9));
    }

    #[test]
    fn a_removal_stops_at_zero() {
        let before = Standing::new(ALICE, 30, 5);
        assert_eq!(
            moved(Some(before), ALICE, -50, 9),
            Standing::new(ALICE, 0, 9)
        );
        let empty = Standing::new(ALICE, 0, 5);
        assert_eq!(moved(Some(empty), ALICE, -50, 9), empty);
    }

    #[test]
    fn distinct_boards_keep_the_first_order() {
        let week = Board::Week("2026-W48".into());
        let month = Board::Month("2026-11".into());
        let lists = [
            vec![week.clone(), month.clone()],
            vec![month.clone(), week.clone()],
        ];
        assert_eq!(
            distinct_boards(lists.iter().map(Vec::as_slice)),
            [week, month]
        );
    }
}
