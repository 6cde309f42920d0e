//! The range's top contributors: by XP earned, by thanks received, by submissions accepted.
//! Erased members are left out; operators see hidden members too (the page is theirs).

use chrono::{DateTime, NaiveDate, Utc};

use crate::error::During;
use crate::{Result, Store, day_text, millis};
use steward_core::ids::MemberId;

/// One member on a top list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopRow {
    pub member: MemberId,
    pub name: String,
    pub value: i64,
}

fn rows(rows: Vec<(i64, String, i64)>) -> Vec<TopRow> {
    rows.into_iter()
        .map(|(member, name, value)| TopRow {
            member: MemberId(member),
            name,
            value,
        })
        .collect()
}

impl Store {
    /// XP earned in `[from, to)` by taking part (not imported, rolled up, moved by a link or
    /// taken away), most first.
    pub async fn top_earners(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<TopRow>> {
        let found: Vec<(i64, String, i64)> = sqlx::query_as(
            "SELECT l.member_id, m.display_name, SUM(l.delta_xp) AS xp FROM ledger l \
             JOIN members m ON m.id = l.member_id AND m.erased_at IS NULL \
             WHERE l.at >= ? AND l.at < ? AND l.delta_xp > 0 \
             AND l.kind NOT IN ('import', 'rollup', 'link', 'remove') \
             GROUP BY l.member_id ORDER BY xp DESC, l.member_id LIMIT ?",
        )
        .bind(millis(from))
        .bind(millis(to))
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await
        .during("top_earners")?;
        Ok(rows(found))
    }

    /// Thanks received on the community days `from` to `to`, most first.
    pub async fn top_thanked(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        limit: u32,
    ) -> Result<Vec<TopRow>> {
        let found: Vec<(i64, String, i64)> = sqlx::query_as(
            "SELECT t.receiver_id, m.display_name, COUNT(*) AS n FROM thanks t \
             JOIN members m ON m.id = t.receiver_id AND m.erased_at IS NULL \
             WHERE t.day BETWEEN ? AND ? GROUP BY t.receiver_id ORDER BY n DESC, t.receiver_id \
             LIMIT ?",
        )
        .bind(day_text(from))
        .bind(day_text(to))
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await
        .during("top_thanked")?;
        Ok(rows(found))
    }

    /// Submissions accepted in `[from, to)`, most first.
    pub async fn top_submitters(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<TopRow>> {
        let found: Vec<(i64, String, i64)> = sqlx::query_as(
            "SELECT s.member_id, m.display_name, COUNT(*) AS n FROM submissions s \
             JOIN members m ON m.id = s.member_id AND m.erased_at IS NULL \
             WHERE s.state = 'approved' AND s.decided_at >= ? AND s.decided_at < ? \
             GROUP BY s.member_id ORDER BY n DESC, s.member_id LIMIT ?",
        )
        .bind(millis(from))
        .bind(millis(to))
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await
        .during("top_submitters")?;
        Ok(rows(found))
    }
}
