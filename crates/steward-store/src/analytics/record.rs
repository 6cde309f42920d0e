//! Writing the dashboard's counters: one upsert per counter, and a flush of members' activity
//! (their per-day rows and first and last active days) in three statements, whatever its size.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde_json::json;

use crate::error::During;
use crate::{Result, WriteTx, day_text, parse_day};
use steward_core::analytics::Counter;
use steward_core::analytics::activity::ActiveSpan;
use steward_core::ids::MemberId;

/// A member active on one community day, as flushed from memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DayActivity {
    pub member: MemberId,
    pub day: NaiveDate,
}

/// A member who wrote a chat line in one chat on one community day.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ChatDayActivity {
    pub member: MemberId,
    /// `platform:chat id`.
    pub chat: String,
    pub day: NaiveDate,
}

impl<S> WriteTx<S> {
    /// Writes members' first lines of a day in a chat; returns `(chat, day)` of each row that
    /// was new (a row already there, from before a restart, is not counted again).
    pub async fn write_chat_days(
        &mut self,
        rows: &[ChatDayActivity],
    ) -> Result<Vec<(String, NaiveDate)>> {
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let packed: Vec<_> = rows
            .iter()
            .map(|r| json!([r.member.0, r.chat, day_text(r.day)]))
            .collect();
        let added: Vec<(String, String)> = sqlx::query_as(
            "INSERT OR IGNORE INTO member_chat_days (member_id, chat, day) \
             SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?) WHERE true \
             AND value ->> 0 IN (SELECT id FROM members) RETURNING chat, day",
        )
        .bind(serde_json::Value::from(packed).to_string())
        .fetch_all(&mut *self.tx)
        .await
        .during("write_chat_days")?;
        Ok(added
            .into_iter()
            .filter_map(|(chat, day)| Some((chat, parse_day(&day)?)))
            .collect())
    }

    /// Adds to counters: `(counter, day it happened, amount)`.
    pub async fn bump_counters(&mut self, counts: &[(Counter, NaiveDate, i64)]) -> Result<()> {
        if counts.is_empty() {
            return Ok(());
        }
        let rows: Vec<_> = counts
            .iter()
            .map(|(counter, day, n)| json!([counter.key(), counter.period_of(*day), n]))
            .collect();
        sqlx::query(
            "INSERT INTO stat_counters (name, period, value) \
             SELECT value ->> 0, value ->> 1, SUM(value ->> 2) FROM json_each(?) WHERE true \
             GROUP BY value ->> 0, value ->> 1 \
             ON CONFLICT (name, period) DO UPDATE SET value = value + excluded.value",
        )
        .bind(serde_json::Value::from(rows).to_string())
        .execute(&mut *self.tx)
        .await
        .during("bump_counters")?;
        Ok(())
    }

    /// The first and last active day of each member named (members not found are left out).
    pub async fn active_spans(
        &mut self,
        members: &[MemberId],
    ) -> Result<HashMap<MemberId, ActiveSpan>> {
        let ids: Vec<i64> = members.iter().map(|m| m.0).collect();
        let packed: Option<String> = sqlx::query_scalar(
            "SELECT json_group_array(json_array(id, first_active_day, last_active_day)) \
             FROM members WHERE id IN (SELECT value FROM json_each(?))",
        )
        .bind(json!(ids).to_string())
        .fetch_one(&mut *self.tx)
        .await
        .during("active_spans")?;
        let rows: Vec<(i64, Option<String>, Option<String>)> = match packed {
            Some(packed) => serde_json::from_str(&packed)?,
            None => Vec::new(),
        };
        Ok(rows
            .into_iter()
            .map(|(id, first, last)| {
                let span = ActiveSpan {
                    first: first.as_deref().and_then(parse_day),
                    last: last.as_deref().and_then(parse_day),
                };
                (MemberId(id), span)
            })
            .collect())
    }

    /// Writes a flush: the per-day rows, the members' new spans and the
    /// counters the engine decided.
    pub async fn write_activity(
        &mut self,
        days: &[DayActivity],
        spans: &HashMap<MemberId, ActiveSpan>,
        counts: &[(Counter, NaiveDate, i64)],
    ) -> Result<()> {
        let rows: Vec<_> = days
            .iter()
            .map(|d| json!([d.member.0, day_text(d.day)]))
            .collect();
        sqlx::query(
            "INSERT OR IGNORE INTO member_days (member_id, day) \
             SELECT value ->> 0, value ->> 1 FROM json_each(?)",
        )
        .bind(serde_json::Value::from(rows).to_string())
        .execute(&mut *self.tx)
        .await
        .during("write_activity")?;
        let spans: Vec<_> = spans
            .iter()
            .map(|(member, span)| {
                json!([member.0, span.first.map(day_text), span.last.map(day_text)])
            })
            .collect();
        sqlx::query(
            "UPDATE members SET first_active_day = s.value ->> 1, last_active_day = s.value ->> 2 \
             FROM json_each(?) s WHERE members.id = s.value ->> 0",
        )
        .bind(serde_json::Value::from(spans).to_string())
        .execute(&mut *self.tx)
        .await
        .during("write_activity")?;
        self.bump_counters(counts).await.during("write_activity")
    }
}
