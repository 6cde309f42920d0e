//! Reading questions back: by id, by where answers arrive, as lists, the held bounties due, and
//! the times the dashboard's figures are drawn from.

use chrono::{DateTime, Utc};

use super::error::During;
use super::questions::{QUESTION_COLUMNS, QuestionQuery, QuestionRow, question_row};
use super::{Result, Store, from_millis, millis};
use steward_core::ids::{ChatRef, MemberId};
use steward_core::questions::QuestionTimes;

impl Store {
    /// How many questions `asker` asked from `since` on.
    pub async fn questions_asked_since(
        &self,
        asker: MemberId,
        since: DateTime<Utc>,
    ) -> Result<i64> {
        sqlx::query_scalar("SELECT COUNT(*) FROM questions WHERE asker_id = ? AND asked_at >= ?")
            .bind(asker.0)
            .bind(millis(since))
            .fetch_one(&self.pool)
            .await
            .during("questions_asked_since")
    }

    /// The question whose answers arrive at `chat` (a thread) or as replies to `message_id`.
    pub async fn question_at(
        &self,
        chat: &ChatRef,
        message_id: Option<&str>,
    ) -> Result<Option<i64>> {
        sqlx::query_scalar(
            "SELECT question_id FROM question_places WHERE platform = ? AND chat_id = ? \
             AND message_id IN ('', ?) ORDER BY message_id DESC LIMIT 1",
        )
        .bind(chat.platform.as_str())
        .bind(&chat.chat_id)
        .bind(message_id.unwrap_or_default())
        .fetch_optional(&self.pool)
        .await
        .during("question_at")
    }

    /// The question the request `key` asked, if it was carried out already.
    pub async fn question_for_request(&self, key: &str) -> Result<Option<i64>> {
        sqlx::query_scalar("SELECT id FROM questions WHERE request_key = ?")
            .bind(key)
            .fetch_optional(&self.pool)
            .await
            .during("question_for_request")
    }

    /// Every chat where answers may arrive, and whether it is a question's own thread.
    pub async fn question_place_chats(&self) -> Result<Vec<(ChatRef, bool)>> {
        let rows: Vec<(String, String, bool)> = sqlx::query_as(
            "SELECT platform, chat_id, MAX(message_id = '') FROM question_places \
             GROUP BY platform, chat_id",
        )
        .fetch_all(&self.pool)
        .await
        .during("question_place_chats")?;
        Ok(rows
            .into_iter()
            .filter_map(|(platform, chat, thread)| {
                let platform = platform.parse().ok()?;
                Some((ChatRef::group(platform, chat), thread))
            })
            .collect())
    }

    /// The answer that message `message_id` in `chat` gave: (answer, question, answerer).
    pub async fn answer_at(
        &self,
        chat: &ChatRef,
        message_id: &str,
    ) -> Result<Option<(i64, i64, MemberId)>> {
        let row: Option<(i64, i64, i64)> = sqlx::query_as(
            "SELECT id, question_id, answerer_id FROM question_answers \
             WHERE platform = ? AND chat_id = ? AND message_id = ?",
        )
        .bind(chat.platform.as_str())
        .bind(&chat.chat_id)
        .bind(message_id)
        .fetch_optional(&self.pool)
        .await
        .during("answer_at")?;
        Ok(row.map(|(a, q, m)| (a, q, MemberId(m))))
    }

    /// Questions as `query` asks, newest first.
    pub async fn questions(&self, query: QuestionQuery<'_>) -> Result<Vec<QuestionRow>> {
        let sql = format!(
            "SELECT {QUESTION_COLUMNS} WHERE (? = 0 OR q.accepted_at IS NULL) \
             AND (? IS NULL OR q.asker_id = ?) \
             AND (? IS NULL OR instr(',' || q.tags || ',', ',' || ? || ',') > 0) \
             ORDER BY q.asked_at DESC, q.id DESC LIMIT ?"
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(query.open)
            .bind(query.asker.map(|m| m.0))
            .bind(query.asker.map(|m| m.0))
            .bind(query.tag)
            .bind(query.tag)
            .bind(i64::from(query.limit))
            .try_map(|row| question_row(&row))
            .fetch_all(&self.pool)
            .await
            .during("questions")
    }

    /// A question by id.
    pub async fn question(&self, id: i64) -> Result<Option<QuestionRow>> {
        let sql = format!("SELECT {QUESTION_COLUMNS} WHERE q.id = ?");
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .try_map(|row| question_row(&row))
            .fetch_optional(&self.pool)
            .await
            .during("question")
    }

    /// Held bounties on questions asked at or before `asked_by`: (question, asker, bounty).
    pub async fn bounties_due(&self, asked_by: DateTime<Utc>) -> Result<Vec<(i64, MemberId, i64)>> {
        let rows: Vec<(i64, i64, i64)> = sqlx::query_as(
            "SELECT id, asker_id, bounty FROM questions \
             WHERE bounty_state = 'held' AND asked_at <= ? ORDER BY asked_at",
        )
        .bind(millis(asked_by))
        .fetch_all(&self.pool)
        .await
        .during("bounties_due")?;
        Ok(rows
            .into_iter()
            .map(|(q, m, b)| (q, MemberId(m), b))
            .collect())
    }

    /// When the oldest held bounty was asked, if any is held.
    pub async fn oldest_held_bounty(&self) -> Result<Option<DateTime<Utc>>> {
        let at: Option<i64> =
            sqlx::query_scalar("SELECT MIN(asked_at) FROM questions WHERE bounty_state = 'held'")
                .fetch_one(&self.pool)
                .await
                .during("oldest_held_bounty")?;
        Ok(at.map(from_millis))
    }

    /// The times of every question asked in `[from, to)`.
    pub async fn question_times(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<QuestionTimes>> {
        let rows: Vec<(i64, Option<i64>, Option<i64>)> = sqlx::query_as(
            "SELECT asked_at, first_answer_at, accepted_at FROM questions \
             WHERE asked_at >= ? AND asked_at < ?",
        )
        .bind(millis(from))
        .bind(millis(to))
        .fetch_all(&self.pool)
        .await
        .during("question_times")?;
        Ok(rows
            .into_iter()
            .map(|(asked, first, accepted)| QuestionTimes {
                asked_at: from_millis(asked),
                first_answer_at: first.map(from_millis),
                accepted_at: accepted.map(from_millis),
            })
            .collect())
    }
}
