//! Members' submissions and their review: kept pending (a few per member at most), then
//! approved into a drop or rejected with a reason, each exactly once.

use chrono::{DateTime, Utc};
use sqlx::Row;
use sqlx::sqlite::SqliteRow;

use super::drops::source_of;
use super::error::During;
use super::{Result, SourceMessage, Store, WriteTx, from_millis, millis};
use steward_core::ids::MemberId;

/// A submission as review sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubmissionRow {
    pub id: i64,
    pub author: MemberId,
    pub author_name: String,
    /// Whether the author keeps their name off public lists.
    pub author_hidden: bool,
    pub text: String,
    pub source: Option<SourceMessage>,
    pub at: DateTime<Utc>,
    pub state: String,
    /// The course it is a hand-in for (`/submit course ID`): approving it posts nothing.
    pub course: Option<String>,
}

const COLUMNS: &str = "SELECT s.id, s.member_id, m.display_name, m.hidden, s.text, s.source_platform, \
     s.source_chat, s.source_message, s.submitted_at, s.state, s.course_id FROM submissions s \
     JOIN members m ON m.id = s.member_id";

fn submission(row: &SqliteRow) -> SubmissionRow {
    let source = source_of(row);
    SubmissionRow {
        id: row.get("id"),
        author: MemberId(row.get("member_id")),
        author_name: row.get("display_name"),
        author_hidden: row.get("hidden"),
        text: row.get("text"),
        source,
        at: from_millis(row.get("submitted_at")),
        state: row.get("state"),
        course: row.get("course_id"),
    }
}

fn query(filter: &'static str) -> sqlx::AssertSqlSafe<String> {
    // Sound: both parts are compile-time constants.
    sqlx::AssertSqlSafe(format!("{COLUMNS} {filter}"))
}

impl WriteTx {
    /// Queues a submission unless `member` already has `cap` pending; its id when queued.
    pub async fn submit(
        &mut self,
        member: MemberId,
        text: &str,
        source: Option<&SourceMessage>,
        course: Option<&str>,
        cap: i64,
        at: DateTime<Utc>,
    ) -> Result<Option<i64>> {
        let pending: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM submissions WHERE member_id = ? AND state = 'pending'",
        )
        .bind(member.0)
        .fetch_one(&mut *self.tx)
        .await
        .during("submit")?;
        if pending >= cap {
            return Ok(None);
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO submissions (member_id, text, source_platform, source_chat, source_message, \
             submitted_at, course_id) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(member.0)
        .bind(text)
        .bind(source.map(|s| s.platform.as_str()))
        .bind(source.map(|s| s.chat.as_str()))
        .bind(source.map(|s| s.message.as_str()))
        .bind(millis(at))
        .bind(course)
        .fetch_one(&mut *self.tx)
        .await
        .during("submit")?;
        Ok(Some(id))
    }

    /// Takes a pending submission for a decision: the row as it was, or `None` when it is
    /// unknown or was already decided (two operators at once decide once).
    pub async fn decide_submission(
        &mut self,
        id: i64,
        state: &str,
        by: MemberId,
        reason: Option<&str>,
        drop: Option<i64>,
        at: DateTime<Utc>,
    ) -> Result<Option<SubmissionRow>> {
        let row = sqlx::query(query("WHERE s.id = ? AND s.state = 'pending'"))
            .bind(id)
            .fetch_optional(&mut *self.tx)
            .await
            .during("decide_submission")?;
        let Some(row) = row.as_ref().map(submission) else {
            return Ok(None);
        };
        let done = sqlx::query(
            "UPDATE submissions SET state = ?, decided_by = ?, decided_at = ?, reason = ?, drop_id = ? \
             WHERE id = ? AND state = 'pending'",
        )
        .bind(state)
        .bind(by.0)
        .bind(millis(at))
        .bind(reason)
        .bind(drop)
        .bind(id)
        .execute(&mut *self.tx)
        .await
        .during("decide_submission")?;
        Ok((done.rows_affected() == 1).then_some(row))
    }
}

impl Store {
    /// Pending submissions, oldest first.
    pub async fn pending_submissions(&self, limit: u32) -> Result<Vec<SubmissionRow>> {
        let rows = sqlx::query(query("WHERE s.state = 'pending' ORDER BY s.id LIMIT ?"))
            .bind(i64::from(limit))
            .fetch_all(&self.pool)
            .await
            .during("pending_submissions")?;
        Ok(rows.iter().map(submission).collect())
    }

    /// One submission, whatever its state.
    pub async fn submission(&self, id: i64) -> Result<Option<SubmissionRow>> {
        let row = sqlx::query(query("WHERE s.id = ?"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await
            .during("submission")?;
        Ok(row.as_ref().map(submission))
    }

    /// Whether an operator approved a hand-in of `member` for `course`.
    pub async fn hand_in_approved(&self, member: MemberId, course: &str) -> Result<bool> {
        sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM submissions WHERE member_id = ? AND course_id = ? \
             AND state = 'approved')",
        )
        .bind(member.0)
        .bind(course)
        .fetch_one(&self.pool)
        .await
        .during("hand_in_approved")
    }

    /// How many submissions wait for review.
    pub async fn pending_count(&self) -> Result<i64> {
        sqlx::query_scalar("SELECT COUNT(*) FROM submissions WHERE state = 'pending'")
            .fetch_one(&self.pool)
            .await
            .during("pending_count")
    }
}
