//! The decision for one group commit of message XP, as a pure function: in the order the
//! messages arrived, who is still inside their cooldown, what each award is worth with the
//! member's tier in effect, and each member's standings before and after on every board (a
//! member twice in one batch moves from where their first message left them). The store reads
//! the [`BatchSnapshot`] and writes what was decided; the engine supplies the period standings
//! from its live boards through [`PeriodStandings`].

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};

use super::ids::MemberId;
use super::periods::Board;
use super::points::{MessageXpRules, scaled};
use super::rank_index::Standing;
use super::scoring::{AwardOutcome, BoardChange, distinct_boards, moved};
use super::tiers::{self, Membership, TierDef};

/// One message that may earn XP.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageAward {
    pub member: MemberId,
    /// The rolled amount before the member's tier multiplier.
    pub base: i64,
    pub at: DateTime<Utc>,
    /// The community day, for the one-ledger-row-per-day rule.
    pub day: NaiveDate,
    /// Period boards this message counts towards (all time always).
    pub boards: Vec<Board>,
}

/// A member's scores as the batch starts, awards committed earlier included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberScores {
    pub xp: i64,
    pub balance: i64,
    /// When the XP was reached, in milliseconds (the all-time tie-break).
    pub reached_at_ms: i64,
    pub hidden: bool,
    pub last_message_at: Option<DateTime<Utc>>,
    /// Running memberships, for the tier multiplier.
    pub memberships: Vec<Membership>,
}

/// What the store knows of the batch's members. A member not in it (merged away since the
/// message arrived) earns nothing.
#[derive(Debug, Clone, Default)]
pub struct BatchSnapshot {
    pub members: HashMap<MemberId, MemberScores>,
}

/// A member's standing on a period board before the batch (`None`: no score there).
pub trait PeriodStandings {
    fn standing(&self, board: &Board, member: MemberId) -> Option<Standing>;
}

impl PeriodStandings for HashMap<(Board, MemberId), Standing> {
    fn standing(&self, board: &Board, member: MemberId) -> Option<Standing> {
        self.get(&(board.clone(), member)).copied()
    }
}

/// Decides every award of a batch, in order: `None` for a message inside its member's
/// cooldown (or of an unknown member), else what the award does.
#[must_use]
pub fn decide(
    mut snapshot: BatchSnapshot,
    awards: &[MessageAward],
    rules: &MessageXpRules,
    tiers: &[TierDef],
    periods: &impl PeriodStandings,
) -> Vec<Option<AwardOutcome>> {
    // Period standings already moved by this batch (a member twice on one board), keyed by the
    // board's place among the batch's few boards: cheaper to hash than the board's name.
    let boards = distinct_boards(awards.iter().map(|a| a.boards.as_slice()));
    let mut moved_here: HashMap<(usize, MemberId), Standing> = HashMap::new();
    let mut outcomes = Vec::with_capacity(awards.len());
    for award in awards {
        let Some(scores) = snapshot.members.get_mut(&award.member) else {
            outcomes.push(None);
            continue;
        };
        if rules.in_cooldown(scores.last_message_at, award.at) {
            outcomes.push(None);
            continue;
        }
        let multiplier =
            tiers::effective(tiers, &scores.memberships, award.at).map_or(1.0, |t| t.xp_multiplier);
        let xp = scaled(award.base, multiplier).max(0);
        let at = award.at.timestamp_millis();
        let before = Standing::new(award.member, scores.xp, scores.reached_at_ms);
        let after = moved(Some(before), award.member, xp, at);
        let xp_before = scores.xp;
        scores.xp = after.score();
        scores.reached_at_ms = after.reached_at();
        scores.balance = scores.balance.saturating_add(xp);
        scores.last_message_at = Some(award.at);
        let mut changes = Vec::with_capacity(award.boards.len() + 1);
        changes.push(BoardChange {
            board: Board::AllTime,
            before: Some(before),
            after,
        });
        for board in &award.boards {
            let slot = boards.iter().position(|b| b == board).unwrap_or_default();
            let key = (slot, award.member);
            let before = match moved_here.get(&key) {
                Some(standing) => Some(*standing),
                None => periods.standing(board, award.member),
            };
            let after = moved(before, award.member, xp, at);
            moved_here.insert(key, after);
            changes.push(BoardChange {
                board: board.clone(),
                before,
                after,
            });
        }
        outcomes.push(Some(AwardOutcome {
            xp_before,
            xp_after: scores.xp,
            balance_after: scores.balance,
            applied_xp: scores.xp - xp_before,
            applied_balance: xp,
            hidden: scores.hidden,
            changes,
        }));
    }
    outcomes
}

#[cfg(test)]
mod tests;
