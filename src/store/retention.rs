//! How long per-member detail lives: day-by-day awards older than the cutoff roll up into one
//! `rollup` ledger row per member (so totals still equal the ledger), and the detail nothing
//! needs any more (old thanks pairs, used or expired link codes and erasure requests) goes.

use chrono::{DateTime, Utc};

use super::error::During;
use super::{Result, WriteTx, millis};

/// What one pass removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pruned {
    /// Ledger rows folded into rollups.
    pub ledger_rows: u64,
    pub thanks_rows: u64,
}

/// The kinds of ledger row that are per-member-per-day detail; operators' grants, imports,
/// redemptions and links stay as they are, for the audit.
const DETAIL_KINDS: &str = "('message', 'daily', 'thanks', 'rollup')";

impl WriteTx {
    /// Rolls up ledger detail and drops thanks pairs from before `cutoff`, and removes link
    /// codes and erasure requests that expired before `now`.
    pub async fn prune_detail(
        &mut self,
        cutoff: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<Pruned> {
        let mut pruned = Pruned::default();
        for sql in [
            "DELETE FROM link_codes WHERE expires_at <= ?",
            "DELETE FROM erasure_requests WHERE expires_at <= ?",
        ] {
            sqlx::query(sql)
                .bind(millis(now))
                .execute(&mut *self.tx)
                .await
                .during("prune_detail")?;
        }
        let Some(cutoff) = cutoff else {
            return Ok(pruned);
        };
        let cutoff = millis(cutoff);
        // Members with detail to roll up; a member whose only old row is last pass's rollup
        // is left alone, so a pass over an unchanged ledger writes nothing.
        for sql in [
            "CREATE TEMP TABLE IF NOT EXISTS rollup_sums (member_id INTEGER PRIMARY KEY, \
             xp INTEGER NOT NULL, balance INTEGER NOT NULL, at INTEGER NOT NULL)",
            "DELETE FROM temp.rollup_sums",
        ] {
            sqlx::query(sql)
                .execute(&mut *self.tx)
                .await
                .during("prune_detail")?;
        }
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "INSERT INTO temp.rollup_sums SELECT member_id, SUM(delta_xp), SUM(delta_balance), \
             MAX(at) FROM ledger WHERE at < ?1 AND kind IN {DETAIL_KINDS} \
             GROUP BY member_id HAVING SUM(kind <> 'rollup') > 0"
        )))
        .bind(cutoff)
        .execute(&mut *self.tx)
        .await
        .during("prune_detail")?;
        let deleted = sqlx::query(sqlx::AssertSqlSafe(format!(
            "DELETE FROM ledger WHERE at < ?1 AND kind IN {DETAIL_KINDS} \
             AND member_id IN (SELECT member_id FROM temp.rollup_sums)"
        )))
        .bind(cutoff)
        .execute(&mut *self.tx)
        .await
        .during("prune_detail")?
        .rows_affected();
        let inserted = sqlx::query(
            "INSERT INTO ledger (member_id, delta_xp, delta_balance, kind, reference, at) \
             SELECT member_id, xp, balance, 'rollup', NULL, at FROM temp.rollup_sums",
        )
        .execute(&mut *self.tx)
        .await
        .during("prune_detail")?
        .rows_affected();
        pruned.ledger_rows = deleted.saturating_sub(inserted);
        pruned.thanks_rows = sqlx::query("DELETE FROM thanks WHERE at < ?")
            .bind(cutoff)
            .execute(&mut *self.tx)
            .await
            .during("prune_detail")?
            .rows_affected();
        Ok(pruned)
    }
}
