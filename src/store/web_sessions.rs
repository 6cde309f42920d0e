//! Web logins and sessions. Tokens and session ids reach the database only as SHA-256 hex
//! digests; taking a login deletes it in the same statement, so a link works once.

use chrono::{DateTime, Utc};

use super::error::During;
use super::{Result, Store, millis};
use crate::core::ids::MemberId;

/// A session as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebSessionRow {
    pub member: MemberId,
    pub operator: bool,
    pub csrf_token: String,
}

impl Store {
    /// Records a login link's token digest for `member`, valid until `expires_at`.
    pub async fn add_web_login(
        &self,
        token_hash: &str,
        member: MemberId,
        operator: bool,
        expires_at: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO web_logins (token_hash, member_id, operator, expires_at) VALUES (?, ?, ?, ?)",
        )
        .bind(token_hash)
        .bind(member.0)
        .bind(i64::from(operator))
        .bind(millis(expires_at))
        .execute(&self.writer)
        .await
        .during("add_web_login")?;
        Ok(())
    }

    /// Takes the login with this digest if it is still valid at `now`: (member, operator, the
    /// stored digest). Gone afterwards either way, so a link is never used twice.
    pub async fn take_web_login(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<(MemberId, bool, String)>> {
        let row: Option<(i64, i64, i64, String)> = sqlx::query_as(
            "DELETE FROM web_logins WHERE token_hash = ? \
             RETURNING member_id, operator, expires_at, token_hash",
        )
        .bind(token_hash)
        .fetch_optional(&self.writer)
        .await
        .during("take_web_login")?;
        Ok(row
            .filter(|(_, _, expires, _)| *expires > millis(now))
            .map(|(member, operator, _, hash)| (MemberId(member), operator != 0, hash)))
    }

    /// Starts a session.
    pub async fn add_web_session(
        &self,
        session_hash: &str,
        session: &WebSessionRow,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO web_sessions (session_hash, member_id, operator, csrf_token, created_at, expires_at) \
             VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(session_hash)
        .bind(session.member.0)
        .bind(i64::from(session.operator))
        .bind(&session.csrf_token)
        .bind(millis(now))
        .bind(millis(expires_at))
        .execute(&self.writer)
        .await
        .during("add_web_session")?;
        Ok(())
    }

    /// The session with this digest, if it runs at `now` and its member was not erased.
    pub async fn web_session(
        &self,
        session_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<WebSessionRow>> {
        let row: Option<(i64, i64, String)> = sqlx::query_as(
            "SELECT s.member_id, s.operator, s.csrf_token FROM web_sessions s \
             JOIN members m ON m.id = s.member_id \
             WHERE s.session_hash = ? AND s.expires_at > ? AND m.erased_at IS NULL",
        )
        .bind(session_hash)
        .bind(millis(now))
        .fetch_optional(&self.pool)
        .await
        .during("web_session")?;
        Ok(row.map(|(member, operator, csrf_token)| WebSessionRow {
            member: MemberId(member),
            operator: operator != 0,
            csrf_token,
        }))
    }

    /// Ends a session (logging out).
    pub async fn end_web_session(&self, session_hash: &str) -> Result<()> {
        sqlx::query("DELETE FROM web_sessions WHERE session_hash = ?")
            .bind(session_hash)
            .execute(&self.writer)
            .await
            .during("end_web_session")?;
        Ok(())
    }
}
