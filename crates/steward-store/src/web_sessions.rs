//! Web logins and sessions. Tokens and session ids reach the database only as SHA-256 hex
//! digests; taking a login deletes it in the same statement, so a link works once. Rights are
//! not stored: a session keeps only what the platform said when `/web` was asked
//! (`platform_admin`), and the engine decides the rest at each request.

use chrono::{DateTime, Utc};

use super::error::During;
use super::{Result, Store, from_millis, millis};
use steward_core::ids::MemberId;

/// A session as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebSessionRow {
    pub member: MemberId,
    /// The platform called the member an admin when they asked for the link.
    pub platform_admin: bool,
    pub csrf_token: String,
    pub created_at: DateTime<Utc>,
}

/// A login link to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewWebLogin<'a> {
    pub token_hash: &'a str,
    pub member: MemberId,
    /// The platform called the member an admin when they asked.
    pub platform_admin: bool,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// A login link as taken: whose, and the stored digest (compared again in constant time).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebLoginRow {
    pub member: MemberId,
    pub platform_admin: bool,
    pub token_hash: String,
}

impl Store {
    /// Makes `link` the only login link of its member, unless one of theirs was made after
    /// `since` (a cooldown): then nothing changes and the answer is when that one was made.
    /// One transaction, so two `/web` at once make one link.
    pub async fn replace_web_login(
        &self,
        link: &NewWebLogin<'_>,
        since: DateTime<Utc>,
    ) -> Result<Option<DateTime<Utc>>> {
        let mut tx = self
            .writer
            .begin_with("BEGIN IMMEDIATE")
            .await
            .during("replace_web_login")?;
        let member = link.member.0;
        let recent: Option<i64> = sqlx::query_scalar(
            "SELECT MAX(created_at) FROM web_logins WHERE member_id = ? AND created_at > ?",
        )
        .bind(member)
        .bind(millis(since))
        .fetch_one(&mut *tx)
        .await
        .during("replace_web_login")?;
        if let Some(made) = recent {
            return Ok(Some(from_millis(made)));
        }
        sqlx::query("DELETE FROM web_logins WHERE member_id = ?")
            .bind(member)
            .execute(&mut *tx)
            .await
            .during("replace_web_login")?;
        sqlx::query(
            "INSERT INTO web_logins (token_hash, member_id, platform_admin, created_at, expires_at) \
             VALUES (?, ?, ?, ?, ?)",
        )
        .bind(link.token_hash)
        .bind(member)
        .bind(i64::from(link.platform_admin))
        .bind(millis(link.created_at))
        .bind(millis(link.expires_at))
        .execute(&mut *tx)
        .await
        .during("replace_web_login")?;
        tx.commit().await.during("replace_web_login")?;
        Ok(None)
    }

    /// Withdraws a login link that never reached its member (the DM failed), so asking again
    /// is not held back by the cooldown.
    pub async fn withdraw_web_login(&self, token_hash: &str) -> Result<()> {
        sqlx::query("DELETE FROM web_logins WHERE token_hash = ?")
            .bind(token_hash)
            .execute(&self.writer)
            .await
            .during("withdraw_web_login")?;
        Ok(())
    }

    /// Takes the login with this digest if it is still valid at `now`. Gone afterwards either
    /// way, so a link is never used twice.
    pub async fn take_web_login(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<WebLoginRow>> {
        let row: Option<(i64, i64, i64, String)> = sqlx::query_as(
            "DELETE FROM web_logins WHERE token_hash = ? \
             RETURNING member_id, platform_admin, expires_at, token_hash",
        )
        .bind(token_hash)
        .fetch_optional(&self.writer)
        .await
        .during("take_web_login")?;
        Ok(row.filter(|(_, _, expires, _)| *expires > millis(now)).map(
            |(member, admin, _, token_hash)| WebLoginRow {
                member: MemberId(member),
                platform_admin: admin != 0,
                token_hash,
            },
        ))
    }

    /// The login with this digest if it is valid at `now`, left in place: opening the link's
    /// page only looks (a preview fetcher may be the one opening it).
    pub async fn peek_web_login(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<WebLoginRow>> {
        let row: Option<(i64, i64, String)> = sqlx::query_as(
            "SELECT member_id, platform_admin, token_hash FROM web_logins \
             WHERE token_hash = ? AND expires_at > ?",
        )
        .bind(token_hash)
        .bind(millis(now))
        .fetch_optional(&self.pool)
        .await
        .during("peek_web_login")?;
        Ok(row.map(|(member, admin, token_hash)| WebLoginRow {
            member: MemberId(member),
            platform_admin: admin != 0,
            token_hash,
        }))
    }

    /// Starts a session that runs until `expires_at`.
    pub async fn add_web_session(
        &self,
        session_hash: &str,
        session: &WebSessionRow,
        expires_at: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO web_sessions \
             (session_hash, member_id, platform_admin, csrf_token, created_at, expires_at) \
             VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(session_hash)
        .bind(session.member.0)
        .bind(i64::from(session.platform_admin))
        .bind(&session.csrf_token)
        .bind(millis(session.created_at))
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
        let row: Option<(i64, i64, String, i64)> = sqlx::query_as(
            "SELECT s.member_id, s.platform_admin, s.csrf_token, s.created_at FROM web_sessions s \
             JOIN members m ON m.id = s.member_id \
             WHERE s.session_hash = ? AND s.expires_at > ? AND m.erased_at IS NULL",
        )
        .bind(session_hash)
        .bind(millis(now))
        .fetch_optional(&self.pool)
        .await
        .during("web_session")?;
        Ok(
            row.map(|(member, admin, csrf_token, created)| WebSessionRow {
                member: MemberId(member),
                platform_admin: admin != 0,
                csrf_token,
                created_at: from_millis(created),
            }),
        )
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

    /// Ends every session of `member` and their login links; returns how many of the sessions
    /// still ran at `now` (expired ones go too, uncounted: the member had no use of them).
    pub async fn end_member_web_sessions(
        &self,
        member: MemberId,
        now: DateTime<Utc>,
    ) -> Result<usize> {
        let ended: Vec<i64> =
            sqlx::query_scalar("DELETE FROM web_sessions WHERE member_id = ? RETURNING expires_at")
                .bind(member.0)
                .fetch_all(&self.writer)
                .await
                .during("end_member_web_sessions")?;
        sqlx::query("DELETE FROM web_logins WHERE member_id = ?")
            .bind(member.0)
            .execute(&self.writer)
            .await
            .during("end_member_web_sessions")?;
        Ok(ended.iter().filter(|at| **at > millis(now)).count())
    }
}
