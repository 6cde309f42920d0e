//! Written feedback on drops: kept for the operators with who wrote it, a few per member and
//! drop, and counted per drop beside the ratings (a trigger keeps `drop_stats.feedback`).

use chrono::{DateTime, Utc};

use super::error::During;
use super::{Result, Store, WriteTx, from_millis, millis};
use steward_core::ids::MemberId;

/// One piece of feedback as the operators see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedbackRow {
    pub author: String,
    pub text: String,
    pub at: DateTime<Utc>,
}

impl WriteTx {
    /// Keeps `member`'s feedback on `drop` unless they already left `cap` on it; whether it
    /// was kept.
    pub async fn add_feedback(
        &mut self,
        drop: i64,
        member: MemberId,
        text: &str,
        cap: i64,
        at: DateTime<Utc>,
    ) -> Result<bool> {
        let given: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM feedback WHERE member_id = ? AND drop_id = ?")
                .bind(member.0)
                .bind(drop)
                .fetch_one(&mut *self.tx)
                .await
                .during("add_feedback")?;
        if given >= cap {
            return Ok(false);
        }
        sqlx::query("INSERT INTO feedback (drop_id, member_id, text, at) VALUES (?, ?, ?, ?)")
            .bind(drop)
            .bind(member.0)
            .bind(text)
            .bind(millis(at))
            .execute(&mut *self.tx)
            .await
            .during("add_feedback")?;
        Ok(true)
    }
}

impl Store {
    /// The latest feedback on a drop, newest first, with its authors' names.
    pub async fn feedback_on(&self, drop: i64, limit: u32) -> Result<Vec<FeedbackRow>> {
        let rows: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT m.display_name, f.text, f.at FROM feedback f JOIN members m ON m.id = f.member_id \
             WHERE f.drop_id = ? ORDER BY f.id DESC LIMIT ?",
        )
        .bind(drop)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await
        .during("feedback_on")?;
        Ok(rows
            .into_iter()
            .map(|(author, text, at)| FeedbackRow {
                author,
                text,
                at: from_millis(at),
            })
            .collect())
    }
}
