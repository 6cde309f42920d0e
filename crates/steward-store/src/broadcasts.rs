//! Broadcasts and their deliveries (one per member and account): written with the recipients in
//! one transaction, claimed one at a time with a conditional UPDATE, settled once.

use chrono::{DateTime, Utc};
use serde_json::json;

use crate::error::During;
use crate::segments::segment_clause;
use crate::{Result, Store, WriteTx, from_millis, millis};
use steward_core::analytics::segments::SegmentFilter;
use steward_core::ids::{AccountRef, MemberId, Platform};

/// One delivery due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BroadcastDeliveryRow {
    pub id: i64,
    pub broadcast: i64,
    pub member: MemberId,
    pub account: AccountRef,
    pub attempts: u32,
    pub text: String,
}

/// How one attempt ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BroadcastOutcome {
    Sent {
        at: DateTime<Utc>,
    },
    Retry {
        attempts: u32,
        at: DateTime<Utc>,
        error: String,
    },
    Failed {
        attempts: u32,
        error: String,
    },
    /// Not sent on purpose (the member opted out or was erased since).
    Skipped,
}

/// Where a broadcast stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BroadcastStatus {
    pub id: i64,
    pub segment: String,
    pub text: String,
    pub created_by: Option<MemberId>,
    pub created_at: DateTime<Utc>,
    pub total: i64,
    pub sent: i64,
    pub failed: i64,
    pub skipped: i64,
    /// Claims a crash interrupted on a platform that cannot tell a repeat: maybe sent.
    pub unknown: i64,
    /// Pending or being sent.
    pub remaining: i64,
    pub finished_at: Option<DateTime<Utc>>,
    /// The first and latest delivery sent, for the rate so far.
    pub first_sent_at: Option<DateTime<Utc>>,
    pub last_sent_at: Option<DateTime<Utc>>,
}

impl WriteTx {
    /// Writes a broadcast and its recipients: every account, on `platforms`, of the members
    /// `filter` matches who have not turned broadcasts off. Returns its id and recipient count.
    pub async fn create_broadcast(
        &mut self,
        segment: &str,
        text: &str,
        by: MemberId,
        filter: &SegmentFilter,
        platforms: &[Platform],
        now: DateTime<Utc>,
    ) -> Result<(i64, i64)> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO broadcasts (segment, text, created_by, created_at) VALUES (?, ?, ?, ?) \
             RETURNING id",
        )
        .bind(segment)
        .bind(text)
        .bind(by.0)
        .bind(millis(now))
        .fetch_one(&mut *self.tx)
        .await
        .during("create_broadcast")?;
        let (clause, mut values) = segment_clause(filter);
        values["platforms"] = json!(platforms.iter().map(|p| p.as_str()).collect::<Vec<_>>());
        values["broadcast"] = json!(id);
        values["at"] = json!(millis(now));
        let sql = format!(
            "INSERT INTO broadcast_deliveries (broadcast_id, member_id, platform, user_id, state, \
             next_attempt_at) SELECT ?1 ->> '$.broadcast', m.id, a.platform, a.user_id, 'pending', \
             ?1 ->> '$.at' FROM members m JOIN accounts a ON a.member_id = m.id \
             WHERE {clause} AND m.broadcasts_off = 0 \
             AND a.platform IN (SELECT value FROM json_each(?1 ->> '$.platforms')) \
             ORDER BY m.id, a.platform"
        );
        // The clause is one of segment_clause's constants; values are bound.
        let written = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(values.to_string())
            .execute(&mut *self.tx)
            .await
            .during("create_broadcast")?
            .rows_affected();
        let total = i64::try_from(written).unwrap_or(i64::MAX);
        sqlx::query("UPDATE broadcasts SET total = ? WHERE id = ?")
            .bind(total)
            .bind(id)
            .execute(&mut *self.tx)
            .await
            .during("create_broadcast")?;
        Ok((id, total))
    }
}

impl Store {
    /// Deliveries due at `now` on `platforms`, oldest broadcast first.
    pub async fn due_broadcast_deliveries(
        &self,
        now: DateTime<Utc>,
        platforms: &[Platform],
        limit: u32,
    ) -> Result<Vec<BroadcastDeliveryRow>> {
        let names: Vec<&str> = platforms.iter().map(|p| p.as_str()).collect();
        let rows: Vec<(i64, i64, i64, String, String, i64, String)> = sqlx::query_as(
            "SELECT d.id, d.broadcast_id, d.member_id, d.platform, d.user_id, d.attempts, b.text \
             FROM broadcast_deliveries d JOIN broadcasts b ON b.id = d.broadcast_id \
             WHERE d.state = 'pending' AND d.next_attempt_at <= ? \
             AND d.platform IN (SELECT value FROM json_each(?)) \
             ORDER BY d.broadcast_id, d.id LIMIT ?",
        )
        .bind(millis(now))
        .bind(json!(names).to_string())
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await
        .during("due_broadcast_deliveries")?;
        Ok(rows
            .into_iter()
            .filter_map(|(id, broadcast, member, platform, user, attempts, text)| {
                Some(BroadcastDeliveryRow {
                    id,
                    broadcast,
                    member: MemberId(member),
                    account: AccountRef::new(platform.parse().ok()?, user),
                    attempts: u32::try_from(attempts).unwrap_or(u32::MAX),
                    text,
                })
            })
            .collect())
    }

    /// When the next pending delivery on `platforms` falls due.
    pub async fn next_broadcast_delivery_at(
        &self,
        platforms: &[Platform],
    ) -> Result<Option<DateTime<Utc>>> {
        let names: Vec<&str> = platforms.iter().map(|p| p.as_str()).collect();
        let at: Option<i64> = sqlx::query_scalar(
            "SELECT MIN(next_attempt_at) FROM broadcast_deliveries WHERE state = 'pending' \
             AND platform IN (SELECT value FROM json_each(?))",
        )
        .bind(json!(names).to_string())
        .fetch_one(&self.pool)
        .await
        .during("next_broadcast_delivery_at")?;
        Ok(at.map(from_millis))
    }

    /// Claims a pending delivery for sending; false when someone else has it or it is settled.
    pub async fn claim_broadcast_delivery(&self, id: i64) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE broadcast_deliveries SET state = 'sending' WHERE id = ? AND state = 'pending'",
        )
        .bind(id)
        .execute(&self.writer)
        .await
        .during("claim_broadcast_delivery")?;
        Ok(done.rows_affected() == 1)
    }

    /// Settles a claimed delivery, and marks its broadcast finished when it was the last one.
    pub async fn finish_broadcast_delivery(
        &self,
        id: i64,
        outcome: &BroadcastOutcome,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let mut tx = self.begin().await.during("finish_broadcast_delivery")?;
        let (state, attempts, next, sent, error) = match outcome {
            BroadcastOutcome::Sent { at } => ("sent", None, None, Some(millis(*at)), None),
            BroadcastOutcome::Retry {
                attempts,
                at,
                error,
            } => (
                "pending",
                Some(*attempts),
                Some(millis(*at)),
                None,
                Some(error.as_str()),
            ),
            BroadcastOutcome::Failed { attempts, error } => {
                ("failed", Some(*attempts), None, None, Some(error.as_str()))
            }
            BroadcastOutcome::Skipped => ("skipped", None, None, None, None),
        };
        sqlx::query(
            "UPDATE broadcast_deliveries SET state = ?, attempts = coalesce(?, attempts + 1), \
             next_attempt_at = coalesce(?, next_attempt_at), sent_at = ?, last_error = ? \
             WHERE id = ? AND state = 'sending'",
        )
        .bind(state)
        .bind(attempts.map(i64::from))
        .bind(next)
        .bind(sent)
        .bind(error)
        .bind(id)
        .execute(&mut *tx.tx)
        .await
        .during("finish_broadcast_delivery")?;
        sqlx::query(
            "UPDATE broadcasts SET finished_at = ?1 WHERE finished_at IS NULL \
             AND id = (SELECT broadcast_id FROM broadcast_deliveries WHERE id = ?2) \
             AND NOT EXISTS (SELECT 1 FROM broadcast_deliveries WHERE broadcast_id = broadcasts.id \
             AND state IN ('pending', 'sending'))",
        )
        .bind(millis(now))
        .bind(id)
        .execute(&mut *tx.tx)
        .await
        .during("finish_broadcast_delivery")?;
        tx.commit().await.during("finish_broadcast_delivery")
    }

    /// After a crash: claims on `resendable` platforms (which recognise a repeat) go back to
    /// pending; the others become `unknown` and are not sent again. Returns (resent, unknown).
    pub async fn recover_broadcast_claims(&self, resendable: &[Platform]) -> Result<(u64, u64)> {
        let names: Vec<&str> = resendable.iter().map(|p| p.as_str()).collect();
        let names = json!(names).to_string();
        let resent = sqlx::query(
            "UPDATE broadcast_deliveries SET state = 'pending' WHERE state = 'sending' \
             AND platform IN (SELECT value FROM json_each(?))",
        )
        .bind(&names)
        .execute(&self.writer)
        .await
        .during("recover_broadcast_claims")?
        .rows_affected();
        let unknown = sqlx::query(
            "UPDATE broadcast_deliveries SET state = 'unknown', \
             last_error = 'interrupted while sending' WHERE state = 'sending'",
        )
        .execute(&self.writer)
        .await
        .during("recover_broadcast_claims")?
        .rows_affected();
        Ok((resent, unknown))
    }

    /// A broadcast's counts.
    pub async fn broadcast_status(&self, id: i64) -> Result<Option<BroadcastStatus>> {
        type Row = (
            i64,
            String,
            String,
            Option<i64>,
            i64,
            i64,
            Option<i64>,
            String,
        );
        let row: Option<Row> = sqlx::query_as(
            "SELECT b.id, b.segment, b.text, b.created_by, b.created_at, b.total, b.finished_at, \
             (SELECT json_object('sent', SUM(state = 'sent'), 'failed', SUM(state = 'failed'), \
             'skipped', SUM(state = 'skipped'), 'unknown', SUM(state = 'unknown'), \
             'remaining', SUM(state IN ('pending', 'sending')), \
             'first', MIN(sent_at), 'last', MAX(sent_at)) \
             FROM broadcast_deliveries WHERE broadcast_id = b.id) \
             FROM broadcasts b WHERE b.id = ?",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await
        .during("broadcast_status")?;
        let Some((id, segment, text, by, created, total, finished, counts)) = row else {
            return Ok(None);
        };
        let counts: serde_json::Value = serde_json::from_str(&counts)?;
        let n = |k: &str| counts[k].as_i64().unwrap_or(0);
        Ok(Some(BroadcastStatus {
            id,
            segment,
            text,
            created_by: by.map(MemberId),
            created_at: from_millis(created),
            total,
            sent: n("sent"),
            failed: n("failed"),
            skipped: n("skipped"),
            unknown: n("unknown"),
            remaining: n("remaining"),
            finished_at: finished.map(from_millis),
            first_sent_at: counts["first"].as_i64().map(from_millis),
            last_sent_at: counts["last"].as_i64().map(from_millis),
        }))
    }

    /// Broadcasts finished but not yet reported to their operator; each is marked reported as it
    /// is returned, so the final count goes out once.
    pub async fn take_finished_broadcasts(&self) -> Result<Vec<i64>> {
        let ids: Vec<i64> = sqlx::query_scalar(
            "UPDATE broadcasts SET reported_at = finished_at \
             WHERE finished_at IS NOT NULL AND reported_at IS NULL RETURNING id",
        )
        .fetch_all(&self.writer)
        .await
        .during("take_finished_broadcasts")?;
        Ok(ids)
    }

    /// Turns broadcasts off (or on again) for a member.
    pub async fn set_broadcasts_off(&self, member: MemberId, off: bool) -> Result<()> {
        sqlx::query("UPDATE members SET broadcasts_off = ? WHERE id = ?")
            .bind(i64::from(off))
            .bind(member.0)
            .execute(&self.writer)
            .await
            .during("set_broadcasts_off")?;
        Ok(())
    }

    /// Whether a member gets broadcasts (false when erased or opted out).
    pub async fn gets_broadcasts(&self, member: MemberId) -> Result<bool> {
        let found: Option<i64> = sqlx::query_scalar(
            "SELECT 1 FROM members WHERE id = ? AND erased_at IS NULL AND broadcasts_off = 0",
        )
        .bind(member.0)
        .fetch_optional(&self.pool)
        .await
        .during("gets_broadcasts")?;
        Ok(found.is_some())
    }
}
