//! Questions, where their answers arrive, the answers, and the acceptance and bounty moves. A
//! question's bounty leaves `held` once, to `paid` or `returned`, in the statement that moves
//! it (`settle_bounty`), so acceptance and expiry racing cannot both pay it. Whether a move is
//! allowed is the engine's (`core::questions`) to decide. Reading them back is
//! `question_reads.rs`.

use chrono::{DateTime, Utc};

use super::error::During;
use super::{Result, WriteTx, from_millis, millis};
use steward_core::ids::{ChatRef, MemberId};
use steward_core::questions::BountyState;

/// A question about to be asked.
#[derive(Debug, Clone, Copy)]
pub struct NewQuestion<'a> {
    pub asker: MemberId,
    pub title: &'a str,
    pub tags: &'a [String],
    pub tier: Option<&'a str>,
    pub chat: &'a ChatRef,
    pub bounty: i64,
    pub at: DateTime<Utc>,
    pub request_key: &'a str,
}

/// An answer as it arrived.
#[derive(Debug, Clone, Copy)]
pub struct NewAnswer<'a> {
    pub question: i64,
    pub answerer: MemberId,
    pub chat: &'a ChatRef,
    pub message_id: &'a str,
    pub text: &'a str,
    pub at: DateTime<Utc>,
}

/// A question as the rules and the lists read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionRow {
    pub id: i64,
    pub asker: MemberId,
    pub asker_name: String,
    pub asker_hidden: bool,
    pub title: String,
    pub tags: Vec<String>,
    pub tier: Option<String>,
    pub bounty: i64,
    pub bounty_state: BountyState,
    pub asked_at: DateTime<Utc>,
    pub answers: i64,
    pub accepted_at: Option<DateTime<Utc>>,
    /// The accepted answer, while its answerer's data is kept.
    pub accepted: Option<AnswerRow>,
}

/// One answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerRow {
    pub id: i64,
    pub question: i64,
    pub answerer: MemberId,
    pub answerer_name: String,
    pub answerer_hidden: bool,
    pub text: String,
    pub at: DateTime<Utc>,
}

/// Which questions a list holds.
#[derive(Debug, Clone, Copy, Default)]
pub struct QuestionQuery<'a> {
    /// Only those without an accepted answer.
    pub open: bool,
    pub asker: Option<MemberId>,
    pub tag: Option<&'a str>,
    pub limit: u32,
}

pub(super) const QUESTION_COLUMNS: &str = "q.id, q.asker_id, m.display_name, m.hidden, q.title, q.tags, \
     q.tier, q.bounty, q.bounty_state, q.asked_at, \
     (SELECT COUNT(*) FROM question_answers x WHERE x.question_id = q.id), q.accepted_at, \
     a.id, a.answerer_id, am.display_name, am.hidden, a.text, a.answered_at \
     FROM questions q JOIN members m ON m.id = q.asker_id \
     LEFT JOIN question_answers a ON a.id = q.accepted_answer_id \
     LEFT JOIN members am ON am.id = a.answerer_id";

pub(super) fn question_row(
    row: &sqlx::sqlite::SqliteRow,
) -> std::result::Result<QuestionRow, sqlx::Error> {
    use sqlx::Row;
    let tags: String = row.try_get(5)?;
    let accepted = match (row.try_get::<Option<i64>, _>(12)?, row.try_get(13)?) {
        (Some(id), Some(answerer)) => Some(AnswerRow {
            id,
            question: row.try_get(0)?,
            answerer: MemberId(answerer),
            answerer_name: row.try_get::<Option<String>, _>(14)?.unwrap_or_default(),
            answerer_hidden: row.try_get::<Option<bool>, _>(15)?.unwrap_or(true),
            text: row.try_get::<Option<String>, _>(16)?.unwrap_or_default(),
            at: from_millis(row.try_get::<Option<i64>, _>(17)?.unwrap_or(0)),
        }),
        _ => None,
    };
    let state: String = row.try_get(8)?;
    Ok(QuestionRow {
        id: row.try_get(0)?,
        asker: MemberId(row.try_get(1)?),
        asker_name: row.try_get(2)?,
        asker_hidden: row.try_get(3)?,
        title: row.try_get(4)?,
        tags: tags
            .split(',')
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect(),
        tier: row.try_get(6)?,
        bounty: row.try_get(7)?,
        bounty_state: BountyState::parse(&state),
        asked_at: from_millis(row.try_get(9)?),
        answers: row.try_get(10)?,
        accepted_at: row.try_get::<Option<i64>, _>(11)?.map(from_millis),
        accepted,
    })
}

impl WriteTx {
    /// Records a question; a repeated request finds the one it made. Returns its id and
    /// whether it is new.
    pub async fn ask_question(&mut self, q: NewQuestion<'_>) -> Result<(i64, bool)> {
        let state = if q.bounty > 0 {
            BountyState::Held
        } else {
            BountyState::None
        };
        let made: Option<i64> = sqlx::query_scalar(
            "INSERT INTO questions (asker_id, title, tags, tier, platform, chat_id, bounty, \
             bounty_state, asked_at, request_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) \
             ON CONFLICT (request_key) DO NOTHING RETURNING id",
        )
        .bind(q.asker.0)
        .bind(q.title)
        .bind(q.tags.join(","))
        .bind(q.tier)
        .bind(q.chat.platform.as_str())
        .bind(&q.chat.chat_id)
        .bind(q.bounty)
        .bind(state.as_str())
        .bind(millis(q.at))
        .bind(q.request_key)
        .fetch_optional(&mut *self.tx)
        .await
        .during("ask_question")?;
        if let Some(id) = made {
            return Ok((id, true));
        }
        let id = sqlx::query_scalar("SELECT id FROM questions WHERE request_key = ?")
            .bind(q.request_key)
            .fetch_one(&mut *self.tx)
            .await
            .during("ask_question")?;
        Ok((id, false))
    }

    /// Answers to `question` arrive at `chat` (a thread: `message_id` empty) or as replies to
    /// the message `message_id` there.
    pub async fn add_question_place(
        &mut self,
        question: i64,
        chat: &ChatRef,
        message_id: &str,
    ) -> Result<()> {
        sqlx::query(
            "INSERT OR IGNORE INTO question_places (question_id, platform, chat_id, message_id) \
             VALUES (?, ?, ?, ?)",
        )
        .bind(question)
        .bind(chat.platform.as_str())
        .bind(&chat.chat_id)
        .bind(message_id)
        .execute(&mut *self.tx)
        .await
        .during("add_question_place")?;
        Ok(())
    }

    /// Records an answer (once per message) and the question's first answer time. Returns
    /// whether it is new.
    pub async fn record_answer(&mut self, a: NewAnswer<'_>) -> Result<bool> {
        let added = sqlx::query(
            "INSERT OR IGNORE INTO question_answers \
             (question_id, answerer_id, platform, chat_id, message_id, text, answered_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(a.question)
        .bind(a.answerer.0)
        .bind(a.chat.platform.as_str())
        .bind(&a.chat.chat_id)
        .bind(a.message_id)
        .bind(a.text)
        .bind(millis(a.at))
        .execute(&mut *self.tx)
        .await
        .during("record_answer")?
        .rows_affected()
            > 0;
        if added {
            sqlx::query(
                "UPDATE questions SET first_answer_at = ? WHERE id = ? AND first_answer_at IS NULL",
            )
            .bind(millis(a.at))
            .bind(a.question)
            .execute(&mut *self.tx)
            .await
            .during("record_answer")?;
        }
        Ok(added)
    }

    /// A question read inside this transaction.
    pub async fn question(&mut self, id: i64) -> Result<Option<QuestionRow>> {
        let sql = format!("SELECT {QUESTION_COLUMNS} WHERE q.id = ?");
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .try_map(|row| question_row(&row))
            .fetch_optional(&mut *self.tx)
            .await
            .during("question")
    }

    /// `answerer`'s latest answer to `question`, if any.
    pub async fn latest_answer_by(
        &mut self,
        question: i64,
        answerer: MemberId,
    ) -> Result<Option<i64>> {
        sqlx::query_scalar(
            "SELECT id FROM question_answers WHERE question_id = ? AND answerer_id = ? \
             ORDER BY answered_at DESC, id DESC LIMIT 1",
        )
        .bind(question)
        .bind(answerer.0)
        .fetch_optional(&mut *self.tx)
        .await
        .during("latest_answer_by")
    }

    /// Who gave `answer`: their member and display name.
    pub async fn answer_author(&mut self, answer: i64) -> Result<Option<(MemberId, String)>> {
        let row: Option<(i64, String)> = sqlx::query_as(
            "SELECT m.id, m.display_name FROM question_answers a \
             JOIN members m ON m.id = a.answerer_id WHERE a.id = ?",
        )
        .bind(answer)
        .fetch_optional(&mut *self.tx)
        .await
        .during("answer_author")?;
        Ok(row.map(|(id, name)| (MemberId(id), name)))
    }

    /// Marks `answer` accepted, unless an answer was already: returns whether this did.
    pub async fn accept_answer(
        &mut self,
        question: i64,
        answer: i64,
        by: MemberId,
        at: DateTime<Utc>,
    ) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE questions SET accepted_answer_id = ?, accepted_at = ?, accepted_by = ? \
             WHERE id = ? AND accepted_at IS NULL",
        )
        .bind(answer)
        .bind(millis(at))
        .bind(by.0)
        .bind(question)
        .execute(&mut *self.tx)
        .await
        .during("accept_answer")?
        .rows_affected();
        Ok(done > 0)
    }

    /// Moves a held bounty to `to` (paid or returned); returns whether it was still held.
    pub async fn settle_bounty(&mut self, question: i64, to: BountyState) -> Result<bool> {
        let moved = sqlx::query(
            "UPDATE questions SET bounty_state = ? WHERE id = ? AND bounty_state = 'held'",
        )
        .bind(to.as_str())
        .bind(question)
        .execute(&mut *self.tx)
        .await
        .during("settle_bounty")?
        .rows_affected();
        Ok(moved > 0)
    }
}
