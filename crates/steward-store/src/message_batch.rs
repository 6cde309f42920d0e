//! Message XP for a whole group commit in two statements, whatever the batch size: one reads
//! the members and their running memberships (with the award log's unfolded awards added, see
//! `award_log`) into the core's [`BatchSnapshot`], and, once the core decided the batch, one
//! appends the awarded messages to the log (rows passed as a JSON array). Both run inside the
//! write lock, so the cooldown read is the one the append relies on.

use std::collections::HashMap;

use serde_json::json;

use super::award_log::{self, LoggedAward};
use super::error::During;
use super::{Result, UnsettledTx, day_text, from_millis};
use steward_core::ids::MemberId;
use steward_core::message_batch::{BatchSnapshot, MemberScores, MessageAward};
use steward_core::periods::Board;
use steward_core::scoring::{AwardOutcome, distinct_boards};
use steward_core::tiers::Membership;

/// A member row with its running memberships (tier, expiry) and its running teams' seats, as
/// the batch read packs them.
type MemberTuple = (
    i64,
    i64,
    i64,
    i64,
    i64,
    Option<i64>,
    Vec<(String, Option<i64>)>,
    Vec<(String, Option<i64>)>,
);

/// One appended row as the log insert reads it: member, xp, day, at, board keys.
type LogRow<'a> = (i64, i64, String, i64, Vec<&'a str>);

impl UnsettledTx {
    /// Reads what a batch decides on, in one statement that returns one row: every statement,
    /// and every row of a result, is a hand-off to the connection's thread and back, which
    /// costs more than the reads themselves.
    pub async fn read_message_batch(&mut self, awards: &[MessageAward]) -> Result<BatchSnapshot> {
        let mut ids: Vec<i64> = awards.iter().map(|a| a.member.0).collect();
        ids.sort_unstable();
        ids.dedup();
        let packed: Option<String> = sqlx::query_scalar(
            "SELECT json_group_array(json_array(m.id, m.xp, m.balance, m.xp_reached_at, m.hidden, \
             m.last_message_xp_at, \
             json((SELECT json_group_array(json_array(tier, expires_at)) FROM memberships \
              WHERE member_id = m.id AND ended_at IS NULL)), \
             json((SELECT json_group_array(json_array(t.tier, t.expires_at)) FROM team_seats s \
              JOIN teams t ON t.id = s.team_id WHERE s.member_id = m.id AND s.removed_at IS NULL \
              AND t.started_at IS NOT NULL AND t.ended_at IS NULL)))) \
             FROM members m WHERE m.id IN (SELECT value FROM json_each(?))",
        )
        .bind(json!(ids).to_string())
        .fetch_one(&mut *self.tx)
        .await
        .during("read_message_batch")?;
        let rows: Vec<MemberTuple> = match packed {
            Some(packed) => serde_json::from_str(&packed)?,
            None => Vec::new(),
        };
        let mut members = HashMap::with_capacity(rows.len());
        for (id, xp, balance, reached, hidden, last, held, seats) in rows {
            let memberships = held
                .into_iter()
                .chain(seats)
                .map(|(tier, expires)| Membership {
                    tier,
                    expires_at: expires.map(from_millis),
                })
                .collect();
            let scores = MemberScores {
                xp,
                balance,
                reached_at_ms: reached,
                hidden: hidden != 0,
                last_message_at: last.map(from_millis),
                memberships,
            };
            members.insert(MemberId(id), scores);
        }
        if !members.is_empty() {
            self.sync_award_log().await.during("read_message_batch")?;
            self.add_logged_awards(&mut members);
        }
        Ok(BatchSnapshot { members })
    }

    /// Appends the awarded messages of a decided batch (`outcomes` in the order of `awards`;
    /// `None`: not awarded) to the log.
    pub async fn append_message_awards(
        &mut self,
        awards: &[MessageAward],
        outcomes: &[Option<AwardOutcome>],
    ) -> Result<()> {
        // A batch touches one or two sets of boards: each key is written once, not per row.
        let keys: Vec<(Board, String)> =
            distinct_boards(awards.iter().map(|a| a.boards.as_slice()))
                .into_iter()
                .map(|b| {
                    let key = b.key();
                    (b, key)
                })
                .collect();
        let key_of = |board: &Board| {
            keys.iter()
                .find(|(b, _)| b == board)
                .map_or("", |(_, key)| key.as_str())
        };
        let mut rows: Vec<LogRow<'_>> = Vec::new();
        let mut logged: Vec<LoggedAward> = Vec::new();
        for (award, outcome) in awards.iter().zip(outcomes) {
            let Some(outcome) = outcome else { continue };
            let at = award.at.timestamp_millis();
            let keys = award.boards.iter().map(key_of).collect();
            rows.push((
                award.member.0,
                outcome.applied_xp,
                day_text(award.day),
                at,
                keys,
            ));
            logged.push(LoggedAward {
                member: award.member.0,
                xp: outcome.applied_xp,
                at,
            });
        }
        if logged.is_empty() {
            return Ok(());
        }
        self.append_awards(serde_json::to_string(&rows)?, logged)
            .await
    }

    /// Adds the log's unfolded awards to the totals read from the tables.
    fn add_logged_awards(&self, members: &mut HashMap<MemberId, MemberScores>) {
        let log = award_log::lock(&self.log);
        for (id, s) in members.iter_mut() {
            if let Some(p) = log.member(id.0) {
                s.xp += p.xp;
                s.balance += p.xp;
                s.reached_at_ms = p.reached.unwrap_or(s.reached_at_ms);
                let last = from_millis(p.last_at);
                s.last_message_at = Some(s.last_message_at.map_or(last, |l| l.max(last)));
            }
        }
    }
}
