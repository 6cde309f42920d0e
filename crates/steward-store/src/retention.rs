//! How long per-member detail lives: day-by-day awards older than the cutoff roll up into one
//! `rollup` ledger row per member (so totals still equal the ledger), and the detail nothing
//! needs any more (old thanks pairs, expired link codes and erasure requests) goes. The roll-up
//! runs over a range of member ids at a time, so no one transaction holds the write lock for
//! long on a big ledger.

use std::ops::RangeInclusive;

use chrono::{DateTime, NaiveDate, Utc};

use super::error::During;
use super::{Result, Store, WriteTx, day_text, millis};

/// What a pass removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pruned {
    /// Ledger rows folded into rollups.
    pub ledger_rows: u64,
    pub thanks_rows: u64,
    /// Per-member-per-day activity rows dropped (`analytics.keep_days`).
    pub activity_rows: u64,
}

impl std::ops::AddAssign for Pruned {
    fn add_assign(&mut self, other: Self) {
        self.ledger_rows += other.ledger_rows;
        self.thanks_rows += other.thanks_rows;
        self.activity_rows += other.activity_rows;
    }
}

/// The kinds of ledger row that are per-member-per-day detail; operators' grants, imports,
/// redemptions and links stay as they are, for the audit.
const DETAIL_KINDS: &str = "('message', 'daily', 'thanks', 'rollup')";

impl Store {
    /// The highest member id there is (0 with no members).
    pub async fn max_member_id(&self) -> Result<i64> {
        let id: Option<i64> = sqlx::query_scalar("SELECT MAX(id) FROM members")
            .fetch_one(&self.pool)
            .await
            .during("max_member_id")?;
        Ok(id.unwrap_or(0))
    }
}

impl WriteTx {
    /// Removes link codes and erasure requests that expired before `now`.
    pub async fn prune_expired(&mut self, now: DateTime<Utc>) -> Result<()> {
        for sql in [
            "DELETE FROM link_codes WHERE expires_at <= ?",
            "DELETE FROM erasure_requests WHERE expires_at <= ?",
            "DELETE FROM web_logins WHERE expires_at <= ?",
            "DELETE FROM web_sessions WHERE expires_at <= ?",
        ] {
            sqlx::query(sql)
                .bind(millis(now))
                .execute(&mut *self.tx)
                .await
                .during("prune_expired")?;
        }
        Ok(())
    }

    /// Rolls up the ledger detail of the members in `members` from before `cutoff`, and drops
    /// the thanks pairs they gave before it.
    pub async fn roll_up_detail(
        &mut self,
        cutoff: DateTime<Utc>,
        members: RangeInclusive<i64>,
    ) -> Result<Pruned> {
        let (cutoff, low, high) = (millis(cutoff), *members.start(), *members.end());
        for sql in [
            "CREATE TEMP TABLE IF NOT EXISTS rollup_sums (member_id INTEGER PRIMARY KEY, \
             xp INTEGER NOT NULL, balance INTEGER NOT NULL, at INTEGER NOT NULL)",
            "DELETE FROM temp.rollup_sums",
        ] {
            sqlx::query(sql)
                .execute(&mut *self.tx)
                .await
                .during("roll_up_detail")?;
        }
        // A member whose only old row is the last pass's rollup is left alone, so a pass over
        // an unchanged ledger writes nothing.
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "INSERT INTO temp.rollup_sums SELECT member_id, SUM(delta_xp), SUM(delta_balance), \
             MAX(at) FROM ledger WHERE member_id BETWEEN ?2 AND ?3 AND at < ?1 \
             AND kind IN {DETAIL_KINDS} GROUP BY member_id HAVING SUM(kind <> 'rollup') > 0"
        )))
        .bind(cutoff)
        .bind(low)
        .bind(high)
        .execute(&mut *self.tx)
        .await
        .during("roll_up_detail")?;
        let deleted = sqlx::query(sqlx::AssertSqlSafe(format!(
            "DELETE FROM ledger WHERE member_id IN (SELECT member_id FROM temp.rollup_sums) \
             AND at < ?1 AND kind IN {DETAIL_KINDS}"
        )))
        .bind(cutoff)
        .execute(&mut *self.tx)
        .await
        .during("roll_up_detail")?
        .rows_affected();
        let inserted = sqlx::query(
            "INSERT INTO ledger (member_id, delta_xp, delta_balance, kind, reference, at) \
             SELECT member_id, xp, balance, 'rollup', NULL, at FROM temp.rollup_sums",
        )
        .execute(&mut *self.tx)
        .await
        .during("roll_up_detail")?
        .rows_affected();
        let thanks_rows =
            sqlx::query("DELETE FROM thanks WHERE giver_id BETWEEN ?2 AND ?3 AND at < ?1")
                .bind(cutoff)
                .bind(low)
                .bind(high)
                .execute(&mut *self.tx)
                .await
                .during("roll_up_detail")?
                .rows_affected();
        Ok(Pruned {
            ledger_rows: deleted.saturating_sub(inserted),
            thanks_rows,
            activity_rows: 0,
        })
    }

    /// Drops the members' per-day activity rows from before `day` (the counters keep the
    /// totals), for member ids in `members`.
    pub async fn prune_activity(
        &mut self,
        day: NaiveDate,
        members: RangeInclusive<i64>,
    ) -> Result<Pruned> {
        let activity_rows =
            sqlx::query("DELETE FROM member_days WHERE member_id BETWEEN ? AND ? AND day < ?")
                .bind(*members.start())
                .bind(*members.end())
                .bind(day_text(day))
                .execute(&mut *self.tx)
                .await
                .during("prune_activity")?
                .rows_affected();
        let activity_rows = activity_rows
            + sqlx::query(
                "DELETE FROM member_chat_days WHERE member_id BETWEEN ? AND ? AND day < ?",
            )
            .bind(*members.start())
            .bind(*members.end())
            .bind(day_text(day))
            .execute(&mut *self.tx)
            .await
            .during("prune_activity")?
            .rows_affected();
        Ok(Pruned {
            activity_rows,
            ..Pruned::default()
        })
    }
}
