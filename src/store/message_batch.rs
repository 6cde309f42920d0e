//! Message XP for a whole group commit in two statements, whatever the batch size: one reads
//! the members and their running memberships (with the award log's unfolded awards added, see
//! `award_log`), the batch is decided in memory, and one appends it to the log (rows passed as
//! a JSON array). The cooldown is checked against the stored time plus the log, inside the
//! write lock, so a second process cannot double-award. Period-board standings before the
//! batch come from the caller (the engine's live boards), which saves the costliest part of
//! the read: text-keyed lookups in `period_scores`.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use serde_json::json;

use super::award_log::{self, LoggedAward};
use super::{AwardOutcome, BoardChange, Result, WriteTx, from_millis, millis};
use crate::core::ids::MemberId;
use crate::core::periods::Board;
use crate::core::rank_index::Standing;
use crate::core::tiers::Membership;

/// One message that may earn XP.
#[derive(Debug, Clone)]
pub struct MessageAward {
    pub member: MemberId,
    /// The rolled amount before the member's tier multiplier.
    pub base: i64,
    pub at: DateTime<Utc>,
    /// The community day, for the one-ledger-row-per-day rule.
    pub day: String,
    /// Period boards this message counts towards.
    pub boards: Vec<Board>,
}

/// What [`WriteTx::read_message_batch`] found: each known member's totals (log included) and
/// running memberships. Members not found (merged away) earn nothing.
pub struct BatchRead {
    scores: HashMap<i64, Scores>,
    memberships: HashMap<i64, Vec<Membership>>,
}

#[derive(Clone, Copy)]
struct Scores {
    xp: i64,
    balance: i64,
    reached: i64,
    hidden: bool,
    last_message: Option<i64>,
}

/// A member row with its running memberships (tier, expiry), as the batch read packs them.
type MemberTuple = (
    i64,
    i64,
    i64,
    i64,
    i64,
    Option<i64>,
    Vec<(String, Option<i64>)>,
);

/// One appended row as the log insert reads it: member, xp, day, at, board keys.
type LogRow<'a> = (i64, i64, &'a str, i64, Vec<&'a str>);

fn ids_json(ids: impl Iterator<Item = i64>) -> String {
    json!(ids.collect::<Vec<_>>()).to_string()
}

impl WriteTx {
    /// Reads what a batch decides on, in one statement that returns one row: every statement,
    /// and every row of a result, is a hand-off to the connection's thread and back, which
    /// costs more than the reads themselves.
    pub async fn read_message_batch(&mut self, awards: &[&MessageAward]) -> Result<BatchRead> {
        let mut ids: Vec<i64> = awards.iter().map(|a| a.member.0).collect();
        ids.sort_unstable();
        ids.dedup();
        let (packed, log_max_seq): (Option<String>, Option<i64>) = sqlx::query_as(
            "SELECT json_group_array(json_array(m.id, m.xp, m.balance, m.xp_reached_at, m.hidden, \
             m.last_message_xp_at, \
             json((SELECT json_group_array(json_array(tier, expires_at)) FROM memberships \
              WHERE member_id = m.id AND ended_at IS NULL)))), \
             (SELECT MAX(seq) FROM award_log) \
             FROM members m WHERE m.id IN (SELECT value FROM json_each(?))",
        )
        .bind(ids_json(ids.into_iter()))
        .fetch_one(&mut *self.tx)
        .await?;
        let rows: Vec<MemberTuple> = match packed {
            Some(packed) => serde_json::from_str(&packed)?,
            None => Vec::new(),
        };
        let mut read = BatchRead {
            scores: HashMap::with_capacity(rows.len()),
            memberships: HashMap::new(),
        };
        for (id, xp, balance, reached, hidden, last, held) in rows {
            read.scores.insert(
                id,
                Scores {
                    xp,
                    balance,
                    reached,
                    hidden: hidden != 0,
                    last_message: last,
                },
            );
            if !held.is_empty() {
                let held = held.into_iter().map(|(tier, expires)| Membership {
                    tier,
                    expires_at: expires.map(from_millis),
                });
                read.memberships.insert(id, held.collect());
            }
        }
        if !read.scores.is_empty() {
            self.sync_award_log(log_max_seq).await?;
            self.add_logged_awards(&mut read.scores);
        }
        Ok(read)
    }

    /// Decides a batch in order and appends the awarded messages to the log. `amount` turns a
    /// base amount and the member's running memberships into the award (the tier multiplier);
    /// `period` gives a member's standing on a period board before this batch (`None`: no
    /// score there). Returns one outcome per message: `None` for those inside the cooldown.
    pub async fn apply_message_awards(
        &mut self,
        read: BatchRead,
        awards: &[&MessageAward],
        cooldown: Duration,
        amount: impl Fn(i64, &[Membership], DateTime<Utc>) -> i64,
        period: impl Fn(&Board, MemberId) -> Option<Standing>,
    ) -> Result<Vec<Option<AwardOutcome>>> {
        let BatchRead {
            mut scores,
            memberships,
        } = read;
        let mut keys: Vec<(&Board, String)> = Vec::new();
        // Standings moved earlier in this batch (a member twice on one board).
        let mut moved: HashMap<(usize, i64), Standing> = HashMap::new();
        let mut outcomes = Vec::with_capacity(awards.len());
        let mut logged: Vec<LoggedAward> = Vec::new();
        let mut json_rows: Vec<LogRow<'_>> = Vec::new();
        for &award in awards {
            for board in &award.boards {
                if !keys.iter().any(|(b, _)| *b == board) {
                    keys.push((board, board.key()));
                }
            }
        }
        for &award in awards {
            let id = award.member.0;
            let at = millis(award.at);
            let Some(current) = scores.get(&id).copied() else {
                outcomes.push(None);
                continue;
            };
            if current
                .last_message
                .is_some_and(|last| last > at - cooldown.num_milliseconds())
            {
                outcomes.push(None);
                continue;
            }
            let xp = amount(
                award.base,
                memberships.get(&id).map_or(&[][..], Vec::as_slice),
                award.at,
            )
            .max(0);
            let after = Scores {
                xp: current.xp.saturating_add(xp),
                balance: current.balance.saturating_add(xp),
                reached: if xp == 0 { current.reached } else { at },
                last_message: Some(at),
                ..current
            };
            scores.insert(id, after);
            let mut changes = vec![BoardChange {
                board: Board::AllTime,
                before: Some(Standing::new(award.member, current.xp, current.reached)),
                after: Standing::new(award.member, after.xp, after.reached),
            }];
            let mut key_texts: Vec<&str> = Vec::with_capacity(award.boards.len());
            for board in &award.boards {
                let b = keys.iter().position(|(k, _)| *k == board).unwrap_or(0);
                let before = match moved.get(&(b, id)) {
                    Some(standing) => Some(*standing),
                    None => period(board, award.member),
                };
                let (old_xp, old_at) = before.map_or((0, at), |s| (s.score(), s.reached_at()));
                let new =
                    Standing::new(award.member, old_xp + xp, if xp == 0 { old_at } else { at });
                moved.insert((b, id), new);
                key_texts.push(&keys[b].1);
                changes.push(BoardChange {
                    board: board.clone(),
                    before,
                    after: new,
                });
            }
            json_rows.push((id, xp, &award.day, at, key_texts));
            logged.push(LoggedAward { member: id, xp, at });
            outcomes.push(Some(AwardOutcome {
                xp_before: current.xp,
                xp_after: after.xp,
                balance_after: after.balance,
                applied_xp: xp,
                applied_balance: xp,
                hidden: current.hidden,
                changes,
            }));
        }
        if !logged.is_empty() {
            let rows = serde_json::to_string(&json_rows)?;
            self.append_awards(rows, logged).await?;
        }
        Ok(outcomes)
    }

    /// Adds the log's unfolded awards to the totals read from the tables.
    fn add_logged_awards(&self, scores: &mut HashMap<i64, Scores>) {
        let log = award_log::lock(&self.log);
        for (id, s) in scores.iter_mut() {
            if let Some(p) = log.member(*id) {
                s.xp += p.xp;
                s.balance += p.xp;
                s.reached = p.reached.unwrap_or(s.reached);
                s.last_message = Some(s.last_message.unwrap_or(0).max(p.last_at));
            }
        }
    }
}
