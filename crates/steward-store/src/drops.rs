//! Drops: scheduling, the due ones, cancelling, and ratings. Deliveries live in `deliveries.rs`.

use chrono::{DateTime, NaiveTime, Utc};
use sqlx::Row;
use sqlx::sqlite::SqliteRow;

use super::error::During;
use super::{Result, Store, WriteTx, from_millis, millis};
use steward_core::ids::MemberId;

/// The message a reply-scheduled drop copies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceMessage {
    pub platform: String,
    pub chat: String,
    pub message: String,
}

/// A drop to schedule.
#[derive(Debug, Clone)]
pub struct NewDrop<'a> {
    pub created_by: MemberId,
    pub at: DateTime<Utc>,
    pub text: &'a str,
    pub source: Option<SourceMessage>,
    pub tier: Option<&'a str>,
    pub targets: &'a [String],
    pub rule: Option<String>,
    pub time_of_day: Option<NaiveTime>,
    pub first_at: DateTime<Utc>,
}

/// A stored drop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DropRow {
    pub id: i64,
    pub created_by: Option<MemberId>,
    pub text: String,
    pub source: Option<SourceMessage>,
    pub tier: Option<String>,
    pub targets: Vec<String>,
    pub rule: Option<String>,
    pub time_of_day: Option<NaiveTime>,
    pub next_at: Option<DateTime<Utc>>,
    pub cancelled_at: Option<DateTime<Utc>>,
}

const DROP_COLUMNS: &str = "SELECT id, created_by, text, source_platform, source_chat, source_message, tier, \
     targets, rule, time_of_day, next_at, cancelled_at FROM drops";

/// The copied message of a row with `source_platform`, `source_chat` and `source_message`.
pub(super) fn source_of(row: &SqliteRow) -> Option<SourceMessage> {
    match (
        row.get::<Option<String>, _>("source_platform"),
        row.get::<Option<String>, _>("source_chat"),
        row.get::<Option<String>, _>("source_message"),
    ) {
        (Some(platform), Some(chat), Some(message)) => Some(SourceMessage {
            platform,
            chat,
            message,
        }),
        _ => None,
    }
}

pub(super) fn drop_row(row: &SqliteRow) -> DropRow {
    let source = source_of(row);
    let targets: String = row.get("targets");
    DropRow {
        id: row.get("id"),
        created_by: row.get::<Option<i64>, _>("created_by").map(MemberId),
        text: row.get("text"),
        source,
        tier: row.get("tier"),
        targets: targets.split_whitespace().map(str::to_owned).collect(),
        rule: row.get("rule"),
        time_of_day: row
            .get::<Option<String>, _>("time_of_day")
            .and_then(|t| NaiveTime::parse_from_str(&t, "%H:%M:%S").ok()),
        next_at: row.get::<Option<i64>, _>("next_at").map(from_millis),
        cancelled_at: row.get::<Option<i64>, _>("cancelled_at").map(from_millis),
    }
}

pub(super) fn with_filter(filter: &'static str) -> sqlx::AssertSqlSafe<String> {
    // Sound: both parts are compile-time constants.
    sqlx::AssertSqlSafe(format!("{DROP_COLUMNS} {filter}"))
}

impl Store {
    pub async fn drop_by_id(&self, id: i64) -> Result<Option<DropRow>> {
        let row = sqlx::query(with_filter("WHERE id = ?"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await
            .during("drop_by_id")?;
        Ok(row.as_ref().map(drop_row))
    }

    /// Drops with an occurrence still to come, soonest first.
    pub async fn upcoming_drops(&self, limit: u32) -> Result<Vec<DropRow>> {
        let rows = sqlx::query(with_filter(
            "WHERE next_at IS NOT NULL AND cancelled_at IS NULL ORDER BY next_at, id LIMIT ?",
        ))
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await
        .during("upcoming_drops")?;
        Ok(rows.iter().map(drop_row).collect())
    }

    /// Drops delivered somewhere at least once and not cancelled, newest first.
    pub async fn delivered_drops(&self, limit: u32) -> Result<Vec<DropRow>> {
        let rows = sqlx::query(with_filter(
            "WHERE cancelled_at IS NULL AND EXISTS (SELECT 1 FROM deliveries d \
             WHERE d.drop_id = drops.id AND d.state = 'sent') ORDER BY id DESC LIMIT ?",
        ))
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await
        .during("delivered_drops")?;
        Ok(rows.iter().map(drop_row).collect())
    }

    /// Drops whose next occurrence is due at `now`.
    pub async fn due_drops(&self, now: DateTime<Utc>, limit: u32) -> Result<Vec<DropRow>> {
        let rows = sqlx::query(with_filter(
            "WHERE next_at IS NOT NULL AND next_at <= ? AND cancelled_at IS NULL ORDER BY next_at, id LIMIT ?",
        ))
        .bind(millis(now))
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await.during("due_drops")?;
        Ok(rows.iter().map(drop_row).collect())
    }

    /// The earliest occurrence still to expand.
    pub async fn next_drop_at(&self) -> Result<Option<DateTime<Utc>>> {
        let at: Option<i64> = sqlx::query_scalar(
            "SELECT MIN(next_at) FROM drops WHERE next_at IS NOT NULL AND cancelled_at IS NULL",
        )
        .fetch_one(&self.pool)
        .await
        .during("next_drop_at")?;
        Ok(at.map(from_millis))
    }

    /// Records (or changes) a member's rating of a drop.
    pub async fn rate(
        &self,
        drop: i64,
        member: MemberId,
        stars: u8,
        at: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO ratings (drop_id, member_id, stars, at) VALUES (?, ?, ?, ?) \
             ON CONFLICT (drop_id, member_id) DO UPDATE SET stars = excluded.stars, at = excluded.at",
        )
        .bind(drop)
        .bind(member.0)
        .bind(i64::from(stars))
        .bind(millis(at))
        .execute(&self.pool)
        .await.during("rate")?;
        Ok(())
    }

    /// How many members gave each number of stars (index 0 = one star).
    pub async fn ratings(&self, drop: i64) -> Result<[u64; 5]> {
        let rows: Vec<(i64, i64)> =
            sqlx::query_as("SELECT stars, COUNT(*) FROM ratings WHERE drop_id = ? GROUP BY stars")
                .bind(drop)
                .fetch_all(&self.pool)
                .await
                .during("ratings")?;
        let mut counts = [0; 5];
        for (stars, n) in rows {
            if let Some(slot) = usize::try_from(stars - 1)
                .ok()
                .and_then(|i| counts.get_mut(i))
            {
                *slot = u64::try_from(n).unwrap_or(0);
            }
        }
        Ok(counts)
    }
}

impl WriteTx {
    pub async fn insert_drop(&mut self, drop: &NewDrop<'_>) -> Result<i64> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO drops (created_by, created_at, text, source_platform, source_chat, source_message, \
             tier, targets, rule, time_of_day, next_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(drop.created_by.0)
        .bind(millis(drop.at))
        .bind(drop.text)
        .bind(drop.source.as_ref().map(|s| s.platform.clone()))
        .bind(drop.source.as_ref().map(|s| s.chat.clone()))
        .bind(drop.source.as_ref().map(|s| s.message.clone()))
        .bind(drop.tier)
        .bind(drop.targets.join(" "))
        .bind(&drop.rule)
        .bind(drop.time_of_day.map(|t| t.format("%H:%M:%S").to_string()))
        .bind(millis(drop.first_at))
        .fetch_one(&mut *self.tx)
        .await.during("insert_drop")?;
        Ok(id)
    }

    pub async fn drop_by_id(&mut self, id: i64) -> Result<Option<DropRow>> {
        let row = sqlx::query(with_filter("WHERE id = ?"))
            .bind(id)
            .fetch_optional(&mut *self.tx)
            .await
            .during("drop_by_id")?;
        Ok(row.as_ref().map(drop_row))
    }

    pub async fn set_next_at(&mut self, id: i64, next: Option<DateTime<Utc>>) -> Result<()> {
        sqlx::query("UPDATE drops SET next_at = ? WHERE id = ?")
            .bind(next.map(millis))
            .bind(id)
            .execute(&mut *self.tx)
            .await
            .during("set_next_at")?;
        Ok(())
    }

    /// Cancels a drop and its pending deliveries. Returns how many deliveries had already been
    /// claimed or sent, or `None` if the drop was unknown or already cancelled.
    pub async fn cancel_drop(&mut self, id: i64, at: DateTime<Utc>) -> Result<Option<u64>> {
        let done = sqlx::query("UPDATE drops SET cancelled_at = ?, next_at = NULL WHERE id = ? AND cancelled_at IS NULL")
            .bind(millis(at))
            .bind(id)
            .execute(&mut *self.tx)
            .await.during("cancel_drop")?;
        if done.rows_affected() == 0 {
            return Ok(None);
        }
        sqlx::query(
            "UPDATE deliveries SET state = 'cancelled' WHERE drop_id = ? AND state = 'pending'",
        )
        .bind(id)
        .execute(&mut *self.tx)
        .await
        .during("cancel_drop")?;
        let gone: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM deliveries WHERE drop_id = ? AND state IN ('sending', 'sent')",
        )
        .bind(id)
        .fetch_one(&mut *self.tx)
        .await
        .during("cancel_drop")?;
        Ok(Some(u64::try_from(gone).unwrap_or(0)))
    }
}
