//! Message XP for a whole group commit in a handful of statements, whatever the batch size:
//! members, running memberships and period scores are read with one query each, decided in
//! memory, and written back with one multi-row statement each (rows passed as a JSON array).
//! The cooldown is checked against the stored time, so a second process cannot double-award.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use serde_json::json;

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

fn ids_json(ids: impl Iterator<Item = i64>) -> String {
    json!(ids.collect::<Vec<_>>()).to_string()
}

impl WriteTx {
    /// Applies a batch of message awards in order. `amount` turns a base amount and the
    /// member's running memberships into the award (the tier multiplier). Returns one outcome
    /// per message: `None` for those inside the cooldown.
    pub async fn apply_message_awards(
        &mut self,
        awards: &[MessageAward],
        cooldown: Duration,
        amount: impl Fn(i64, &[Membership], DateTime<Utc>) -> i64,
    ) -> Result<Vec<Option<AwardOutcome>>> {
        let mut ids: Vec<i64> = awards.iter().map(|a| a.member.0).collect();
        ids.sort_unstable();
        ids.dedup();
        let ids = ids_json(ids.into_iter());

        let rows: Vec<(i64, i64, i64, i64, i64, Option<i64>)> = sqlx::query_as(
            "SELECT id, xp, balance, xp_reached_at, hidden, last_message_xp_at FROM members \
             WHERE id IN (SELECT value FROM json_each(?))",
        )
        .bind(&ids)
        .fetch_all(&mut *self.tx)
        .await?;
        let mut scores: HashMap<i64, Scores> = rows
            .into_iter()
            .map(|(id, xp, balance, reached, hidden, last)| {
                (
                    id,
                    Scores {
                        xp,
                        balance,
                        reached,
                        hidden: hidden != 0,
                        last_message: last,
                    },
                )
            })
            .collect();

        let held: Vec<(i64, String, Option<i64>)> = sqlx::query_as(
            "SELECT member_id, tier, expires_at FROM memberships \
             WHERE ended_at IS NULL AND member_id IN (SELECT value FROM json_each(?))",
        )
        .bind(&ids)
        .fetch_all(&mut *self.tx)
        .await?;
        let mut memberships: HashMap<i64, Vec<Membership>> = HashMap::new();
        for (member, tier, expires) in held {
            memberships.entry(member).or_default().push(Membership {
                tier,
                expires_at: expires.map(from_millis),
            });
        }

        let mut boards: Vec<Board> = Vec::new();
        for award in awards {
            for board in &award.boards {
                if !boards.contains(board) {
                    boards.push(board.clone());
                }
            }
        }
        let mut period: HashMap<(usize, i64), (i64, i64)> = HashMap::new();
        for (b, board) in boards.iter().enumerate() {
            let rows: Vec<(i64, i64, i64)> = sqlx::query_as(
                "SELECT member_id, xp, reached_at FROM period_scores \
                 WHERE board = ? AND member_id IN (SELECT value FROM json_each(?))",
            )
            .bind(board.key())
            .bind(&ids)
            .fetch_all(&mut *self.tx)
            .await?;
            for (member, xp, at) in rows {
                period.insert((b, member), (xp, at));
            }
        }

        // Decide every message in order, in memory.
        let mut outcomes = Vec::with_capacity(awards.len());
        let mut ledger: HashMap<(i64, String), (i64, i64)> = HashMap::new();
        let mut touched_periods: Vec<(usize, i64)> = Vec::new();
        for award in awards {
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
            let entry = ledger.entry((id, award.day.clone())).or_insert((0, at));
            entry.0 += xp;
            entry.1 = at;
            let mut changes = vec![BoardChange {
                board: Board::AllTime,
                before: Some(Standing::new(award.member, current.xp, current.reached)),
                after: Standing::new(award.member, after.xp, after.reached),
            }];
            for board in &award.boards {
                let b = boards.iter().position(|x| x == board).unwrap_or(0);
                let before = period.get(&(b, id)).copied();
                let (old_xp, old_at) = before.unwrap_or((0, at));
                let new = (old_xp + xp, if xp == 0 { old_at } else { at });
                period.insert((b, id), new);
                if !touched_periods.contains(&(b, id)) {
                    touched_periods.push((b, id));
                }
                changes.push(BoardChange {
                    board: board.clone(),
                    before: before.map(|(x, t)| Standing::new(award.member, x, t)),
                    after: Standing::new(award.member, new.0, new.1),
                });
            }
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
        if ledger.is_empty() {
            return Ok(outcomes);
        }

        // Write back: one statement per table (per board for period scores).
        let awarded: std::collections::HashSet<i64> = ledger.keys().map(|(id, _)| *id).collect();
        let members: Vec<_> = scores
            .iter()
            .filter(|(id, _)| awarded.contains(id))
            .map(|(id, s)| json!([id, s.xp, s.balance, s.reached, s.last_message]))
            .collect();
        // An upsert on rows that all exist: one primary-key lookup per row. (UPDATE ... FROM a
        // JSON table lets the planner scan `members` instead.)
        sqlx::query(
            "INSERT INTO members (id, display_name, xp, balance, xp_reached_at, last_message_xp_at, created_at) \
             SELECT json_extract(value, '$[0]'), '', json_extract(value, '$[1]'), json_extract(value, '$[2]'), \
             json_extract(value, '$[3]'), json_extract(value, '$[4]'), 0 FROM json_each(?) WHERE true \
             ON CONFLICT (id) DO UPDATE SET xp = excluded.xp, balance = excluded.balance, \
             xp_reached_at = excluded.xp_reached_at, last_message_xp_at = excluded.last_message_xp_at",
        )
        .bind(json!(members).to_string())
        .execute(&mut *self.tx)
        .await?;
        let rows: Vec<_> = ledger
            .iter()
            .map(|((id, day), (xp, at))| json!([id, xp, day, at]))
            .collect();
        sqlx::query(
            "INSERT INTO ledger (member_id, delta_xp, delta_balance, kind, reference, at) \
             SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[1]'), 'message', \
             json_extract(value, '$[2]'), json_extract(value, '$[3]') FROM json_each(?) WHERE true \
             ON CONFLICT (member_id, reference) WHERE kind = 'message' DO UPDATE SET \
             delta_xp = delta_xp + excluded.delta_xp, delta_balance = delta_balance + excluded.delta_balance, at = excluded.at",
        )
        .bind(json!(rows).to_string())
        .execute(&mut *self.tx)
        .await?;
        for (b, board) in boards.iter().enumerate() {
            let rows: Vec<_> = touched_periods
                .iter()
                .filter(|(pb, _)| *pb == b)
                .filter_map(|(_, id)| period.get(&(b, *id)).map(|(xp, at)| json!([id, xp, at])))
                .collect();
            if rows.is_empty() {
                continue;
            }
            sqlx::query(
                "INSERT INTO period_scores (board, member_id, xp, reached_at) \
                 SELECT ?1, json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') \
                 FROM json_each(?2) WHERE true \
                 ON CONFLICT (board, member_id) DO UPDATE SET xp = excluded.xp, reached_at = excluded.reached_at",
            )
            .bind(board.key())
            .bind(json!(rows).to_string())
            .execute(&mut *self.tx)
            .await?;
        }
        Ok(outcomes)
    }
}
