//! Course certificates: issued once per member, course and printed name (asking again finds
//! the same one), read by id for the public page, revoked by an operator. Whether a member may
//! have one is the engine's to check (a finished course).

use chrono::{DateTime, Utc};

use super::error::During;
use super::{Result, Store, WriteTx, from_millis, millis};
use steward_core::certificates::{Certificate, Revoked};
use steward_core::ids::MemberId;

/// A certificate about to be issued.
#[derive(Debug, Clone, Copy)]
pub struct NewCertificate<'a> {
    /// The id to give it if it is new.
    pub id: &'a str,
    pub member: MemberId,
    pub course: &'a str,
    pub name: &'a str,
    pub course_title: &'a str,
    pub finished_at: DateTime<Utc>,
    pub at: DateTime<Utc>,
}

type CertificateTuple = (String, String, String, i64, Option<i64>, Option<String>);

fn certificate((id, name, title, finished, revoked_at, reason): CertificateTuple) -> Certificate {
    Certificate {
        id,
        name,
        course_title: title,
        finished_at: from_millis(finished),
        revoked: revoked_at.map(|at| Revoked {
            at: from_millis(at),
            reason: reason.unwrap_or_default(),
        }),
    }
}

impl Store {
    /// A certificate by id.
    pub async fn certificate(&self, id: &str) -> Result<Option<Certificate>> {
        let row: Option<CertificateTuple> = sqlx::query_as(
            "SELECT id, name, course_title, finished_at, revoked_at, revoke_reason \
             FROM certificates WHERE id = ?",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await
        .during("certificate")?;
        Ok(row.map(certificate))
    }

    /// When `member` finished `course`, if they did.
    pub async fn course_finished_at(
        &self,
        member: MemberId,
        course: &str,
    ) -> Result<Option<DateTime<Utc>>> {
        let at: Option<i64> = sqlx::query_scalar(
            "SELECT at FROM courses_finished WHERE member_id = ? AND course_id = ?",
        )
        .bind(member.0)
        .bind(course)
        .fetch_optional(&self.pool)
        .await
        .during("course_finished_at")?;
        Ok(at.map(from_millis))
    }

    /// Whether `member` rated `drop` (sat a course's exam).
    pub async fn has_rated(&self, member: MemberId, drop: i64) -> Result<bool> {
        let found: Option<i64> =
            sqlx::query_scalar("SELECT 1 FROM ratings WHERE member_id = ? AND drop_id = ?")
                .bind(member.0)
                .bind(drop)
                .fetch_optional(&self.pool)
                .await
                .during("has_rated")?;
        Ok(found.is_some())
    }

    /// The courses `member` finished, in the order they finished them.
    pub async fn courses_finished(&self, member: MemberId) -> Result<Vec<String>> {
        let rows: Vec<String> = sqlx::query_scalar(
            "SELECT course_id FROM courses_finished WHERE member_id = ? ORDER BY at, course_id",
        )
        .bind(member.0)
        .fetch_all(&self.pool)
        .await
        .during("courses_finished")?;
        Ok(rows)
    }
}

impl WriteTx {
    /// Issues the certificate, or finds the one issued before for the same member, course and
    /// name; its id.
    pub async fn issue_certificate(&mut self, new: NewCertificate<'_>) -> Result<String> {
        sqlx::query(
            "INSERT OR IGNORE INTO certificates \
             (id, member_id, course_id, name, course_title, finished_at, issued_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(new.id)
        .bind(new.member.0)
        .bind(new.course)
        .bind(new.name)
        .bind(new.course_title)
        .bind(millis(new.finished_at))
        .bind(millis(new.at))
        .execute(&mut *self.tx)
        .await
        .during("issue_certificate")?;
        let id: String = sqlx::query_scalar(
            "SELECT id FROM certificates WHERE member_id = ? AND course_id = ? AND name = ?",
        )
        .bind(new.member.0)
        .bind(new.course)
        .bind(new.name)
        .fetch_one(&mut *self.tx)
        .await
        .during("issue_certificate")?;
        Ok(id)
    }

    /// Revokes a certificate that stands; `false` if there is none or it was revoked before.
    pub async fn revoke_certificate(
        &mut self,
        id: &str,
        by: MemberId,
        reason: &str,
        at: DateTime<Utc>,
    ) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE certificates SET revoked_at = ?, revoked_by = ?, revoke_reason = ? \
             WHERE id = ? AND revoked_at IS NULL",
        )
        .bind(millis(at))
        .bind(by.0)
        .bind(reason)
        .bind(id)
        .execute(&mut *self.tx)
        .await
        .during("revoke_certificate")?;
        Ok(done.rows_affected() == 1)
    }
}
