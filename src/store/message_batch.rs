//! Message XP for a whole group commit in a handful of statements, whatever the batch size:
//! members, running memberships and period scores are read with one query each, the award
//! log's unfolded awards added (`award_log`), decided in memory, and appended to the log with
//! one statement (rows passed as a JSON array). The cooldown is checked against the stored
//! time plus the log, inside the write lock, so a second process cannot double-award.

use std::collections::HashMap;
use std::sync::Arc;

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

#[derive(Clone, Copy)]
struct Scores {
    xp: i64,
    balance: i64,
    reached: i64,
    hidden: bool,
    last_message: Option<i64>,
}

/// A member row with its running memberships (tier, expiry) and board standings (board, xp,
/// reached), as the batch read packs them.
type MemberTuple = (
    i64,
    i64,
    i64,
    i64,
    i64,
    Option<i64>,
    Vec<(String, Option<i64>)>,
    Vec<(String, i64, i64)>,
);

/// One appended row as the log insert reads it: member, xp, day, at, board keys.
type LogRow<'a> = (i64, i64, &'a str, i64, Vec<&'a str>);

fn ids_json(ids: impl Iterator<Item = i64>) -> String {
    json!(ids.collect::<Vec<_>>()).to_string()
}

impl WriteTx {
    /// Applies a batch of message awards in order. `amount` turns a base amount and the
    /// member's running memberships into the award (the tier multiplier). Returns one outcome
    /// per message: `None` for those inside the cooldown.
    pub async fn apply_message_awards(
        &mut self,
        awards: &[&MessageAward],
        cooldown: Duration,
        amount: impl Fn(i64, &[Membership], DateTime<Utc>) -> i64,
    ) -> Result<Vec<Option<AwardOutcome>>> {
        let mut ids: Vec<i64> = awards.iter().map(|a| a.member.0).collect();
        ids.sort_unstable();
        ids.dedup();
        let mut boards: Vec<Board> = Vec::new();
        for award in awards {
            for board in &award.boards {
                if !boards.contains(board) {
                    boards.push(board.clone());
                }
            }
        }
        let keys: Vec<Arc<str>> = boards.iter().map(|b| Arc::from(b.key())).collect();

        // One statement and one row for everything a batch decides on: every statement, and
        // every row of a result, is a hand-off to the connection's thread and back, which
        // costs more than the reads themselves.
        let (packed, log_max_seq): (Option<String>, Option<i64>) = sqlx::query_as(
            "SELECT json_group_array(json_array(m.id, m.xp, m.balance, m.xp_reached_at, m.hidden, \
             m.last_message_xp_at, \
             json((SELECT json_group_array(json_array(tier, expires_at)) FROM memberships \
              WHERE member_id = m.id AND ended_at IS NULL)), \
             json((SELECT json_group_array(json_array(board, xp, reached_at)) FROM period_scores \
              WHERE board IN (SELECT value FROM json_each(?2)) AND member_id = m.id)))), \
             (SELECT MAX(seq) FROM award_log) \
             FROM members m WHERE m.id IN (SELECT value FROM json_each(?1))",
        )
        .bind(ids_json(ids.into_iter()))
        .bind(serde_json::to_string(
            &keys.iter().map(|k| &**k).collect::<Vec<_>>(),
        )?)
        .fetch_one(&mut *self.tx)
        .await?;
        let rows: Vec<MemberTuple> = match packed {
            Some(packed) => serde_json::from_str(&packed)?,
            None => Vec::new(),
        };
        let mut scores: HashMap<i64, Scores> = HashMap::with_capacity(rows.len());
        let mut memberships: HashMap<i64, Vec<Membership>> = HashMap::new();
        let mut period: HashMap<(usize, i64), (i64, i64)> = HashMap::new();
        for (id, xp, balance, reached, hidden, last, held, standings) in rows {
            scores.insert(
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
                memberships.insert(id, held.collect());
            }
            for (key, xp, at) in standings {
                if let Some(b) = keys.iter().position(|k| **k == *key) {
                    period.insert((b, id), (xp, at));
                }
            }
        }
        if !scores.is_empty() {
            self.sync_award_log(log_max_seq).await?;
        }
        self.add_logged_awards(&mut scores, &mut period, &keys);

        // Decide every message in order, in memory.
        let mut outcomes = Vec::with_capacity(awards.len());
        let mut logged: Vec<LoggedAward> = Vec::new();
        let mut json_rows: Vec<LogRow<'_>> = Vec::new();
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
            let mut award_keys = Vec::with_capacity(award.boards.len());
            let mut key_texts: Vec<&str> = Vec::with_capacity(award.boards.len());
            for board in &award.boards {
                let b = boards.iter().position(|x| x == board).unwrap_or(0);
                let before = period.get(&(b, id)).copied();
                let (old_xp, old_at) = before.unwrap_or((0, at));
                let new = (old_xp + xp, if xp == 0 { old_at } else { at });
                period.insert((b, id), new);
                award_keys.push(keys[b].clone());
                key_texts.push(&keys[b]);
                changes.push(BoardChange {
                    board: board.clone(),
                    before: before.map(|(x, t)| Standing::new(award.member, x, t)),
                    after: Standing::new(award.member, new.0, new.1),
                });
            }
            json_rows.push((id, xp, &award.day, at, key_texts));
            logged.push(LoggedAward {
                member: id,
                xp,
                at,
                boards: award_keys,
            });
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
            self.append_awards(serde_json::to_string(&json_rows)?, logged)
                .await?;
        }
        Ok(outcomes)
    }

    /// Adds the log's unfolded awards to the totals read from the tables.
    fn add_logged_awards(
        &self,
        scores: &mut HashMap<i64, Scores>,
        period: &mut HashMap<(usize, i64), (i64, i64)>,
        keys: &[Arc<str>],
    ) {
        let log = award_log::lock(&self.log);
        for (id, s) in scores.iter_mut() {
            if let Some(p) = log.member(*id) {
                s.xp += p.xp;
                s.balance += p.xp;
                s.reached = p.reached.unwrap_or(s.reached);
                s.last_message = Some(s.last_message.unwrap_or(0).max(p.last_at));
            }
            for (b, key) in keys.iter().enumerate() {
                if let Some(p) = log.board(key, *id) {
                    let (xp, at) = period.get(&(b, *id)).copied().unwrap_or((0, p.last_at));
                    period.insert((b, *id), (xp + p.xp, p.reached.unwrap_or(at)));
                }
            }
        }
    }
}
