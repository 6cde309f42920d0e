//! Deliveries: one row per (drop occurrence, target), moving pending -> sending -> sent |
//! failed | missed | cancelled. Claiming is one conditional UPDATE, so a delivery is claimed at
//! most once and never after its drop was cancelled.

use chrono::{DateTime, Utc};

use super::error::During;
use super::{Result, Store, WriteTx, from_millis, millis};
use steward_core::drops::delivery::DeliveryState;

/// One delivery as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryRow {
    pub id: i64,
    pub drop_id: i64,
    pub occurrence_at: DateTime<Utc>,
    pub target: String,
    pub state: DeliveryState,
    pub attempts: u32,
    pub next_attempt_at: DateTime<Utc>,
    pub last_error: Option<String>,
}

type DeliveryTuple = (i64, i64, i64, String, String, i64, i64, Option<String>);

fn delivery(
    (id, drop_id, occurrence, target, state, attempts, next, error): DeliveryTuple,
) -> DeliveryRow {
    DeliveryRow {
        id,
        drop_id,
        occurrence_at: from_millis(occurrence),
        target,
        state: DeliveryState::parse(&state).unwrap_or(DeliveryState::Failed),
        attempts: u32::try_from(attempts).unwrap_or(0),
        next_attempt_at: from_millis(next),
        last_error: error,
    }
}

const COLUMNS: &str = "SELECT id, drop_id, occurrence_at, target, state, attempts, next_attempt_at, last_error FROM deliveries";

fn with_filter(filter: &'static str) -> sqlx::AssertSqlSafe<String> {
    // Sound: both parts are compile-time constants.
    sqlx::AssertSqlSafe(format!("{COLUMNS} {filter}"))
}

/// How a delivery attempt ended.
#[derive(Debug, Clone)]
pub enum AttemptResult {
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
}

impl Store {
    /// Pending deliveries whose time has come, oldest first.
    /// Pending deliveries due at `now` whose target starts with one of `prefixes` (`discord`,
    /// `dm`, ...): the platforms this process drives.
    pub async fn due_deliveries(
        &self,
        now: DateTime<Utc>,
        prefixes: &[&str],
        limit: u32,
    ) -> Result<Vec<DeliveryRow>> {
        let rows: Vec<DeliveryTuple> = sqlx::query_as(with_filter(
            "WHERE state = 'pending' AND next_attempt_at <= ? \
             AND substr(target, 1, instr(target, ':') - 1) IN (SELECT value FROM json_each(?)) \
             ORDER BY next_attempt_at, id LIMIT ?",
        ))
        .bind(millis(now))
        .bind(serde_json::json!(prefixes).to_string())
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await
        .during("due_deliveries")?;
        Ok(rows.into_iter().map(delivery).collect())
    }

    /// The next time a pending delivery to one of `prefixes` is due.
    pub async fn next_delivery_at(&self, prefixes: &[&str]) -> Result<Option<DateTime<Utc>>> {
        let at: Option<i64> = sqlx::query_scalar(
            "SELECT MIN(next_attempt_at) FROM deliveries WHERE state = 'pending' \
             AND substr(target, 1, instr(target, ':') - 1) IN (SELECT value FROM json_each(?))",
        )
        .bind(serde_json::json!(prefixes).to_string())
        .fetch_one(&self.pool)
        .await
        .during("next_delivery_at")?;
        Ok(at.map(from_millis))
    }

    /// A drop's deliveries, latest occurrence first.
    pub async fn deliveries_of(&self, drop: i64, limit: u32) -> Result<Vec<DeliveryRow>> {
        let rows: Vec<DeliveryTuple> = sqlx::query_as(with_filter(
            "WHERE drop_id = ? ORDER BY occurrence_at DESC, target LIMIT ?",
        ))
        .bind(drop)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await
        .during("deliveries_of")?;
        Ok(rows.into_iter().map(delivery).collect())
    }

    /// Whether any occurrence of the drop was delivered somewhere, or is being: a member may
    /// press the buttons of a post the platform showed before its delivery is recorded.
    pub async fn was_delivered(&self, drop: i64) -> Result<bool> {
        let found: Option<i64> = sqlx::query_scalar(
            "SELECT 1 FROM deliveries WHERE drop_id = ? AND state IN ('sent', 'sending') LIMIT 1",
        )
        .bind(drop)
        .fetch_optional(&self.pool)
        .await
        .during("was_delivered")?;
        Ok(found.is_some())
    }

    /// Claims a pending delivery for sending; false if it is not pending any more or its drop
    /// was cancelled.
    pub async fn claim_delivery(&self, id: i64) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE deliveries SET state = 'sending' WHERE id = ? AND state = 'pending' \
             AND (SELECT cancelled_at FROM drops WHERE drops.id = deliveries.drop_id) IS NULL",
        )
        .bind(id)
        .execute(&self.pool)
        .await
        .during("claim_delivery")?;
        Ok(done.rows_affected() == 1)
    }

    /// Records how an attempt on a claimed delivery ended.
    pub async fn finish_delivery(&self, id: i64, result: &AttemptResult) -> Result<()> {
        let query = match result {
            AttemptResult::Sent { at } => {
                sqlx::query("UPDATE deliveries SET state = 'sent', attempts = attempts + 1, sent_at = ?, last_error = NULL WHERE id = ?")
                    .bind(millis(*at))
            }
            AttemptResult::Retry { attempts, at, error } => {
                sqlx::query("UPDATE deliveries SET state = 'pending', attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")
                    .bind(i64::from(*attempts))
                    .bind(millis(*at))
                    .bind(error.clone())
            }
            AttemptResult::Failed { attempts, error } => {
                sqlx::query("UPDATE deliveries SET state = 'failed', attempts = ?, last_error = ? WHERE id = ?")
                    .bind(i64::from(*attempts))
                    .bind(error.clone())
            }
        };
        query
            .bind(id)
            .execute(&self.pool)
            .await
            .during("finish_delivery")?;
        Ok(())
    }

    /// After a crash, deliveries left claimed go back to pending. Their platform call may or may
    /// not have gone through; sending again is the documented at-least-once window.
    pub async fn recover_interrupted(&self) -> Result<u64> {
        let done = sqlx::query("UPDATE deliveries SET state = 'pending' WHERE state = 'sending'")
            .execute(&self.pool)
            .await
            .during("recover_interrupted")?;
        Ok(done.rows_affected())
    }
}

impl WriteTx {
    /// Adds the deliveries of one occurrence; an occurrence already expanded is left as it is.
    pub async fn add_deliveries(
        &mut self,
        drop: i64,
        occurrence: DateTime<Utc>,
        targets: &[String],
        state: DeliveryState,
    ) -> Result<()> {
        for target in targets {
            sqlx::query(
                "INSERT OR IGNORE INTO deliveries (drop_id, occurrence_at, target, state, next_attempt_at) \
                 VALUES (?, ?, ?, ?, ?)",
            )
            .bind(drop)
            .bind(millis(occurrence))
            .bind(target)
            .bind(state.as_str())
            .bind(millis(occurrence))
            .execute(&mut *self.tx)
            .await.during("add_deliveries")?;
        }
        Ok(())
    }
}
