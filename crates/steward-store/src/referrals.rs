//! Referrals: members' invite codes, who brought whom, the referred member's first payment, and
//! the referrer's credit once settled. Whether an arrival counts and when a referral settles are
//! the core's decisions (`referrals.rs`); these are reads and writes in the caller's transaction.

use chrono::{DateTime, Utc};

use super::error::During;
use super::{Result, Store, WriteTx, from_millis, millis};
use steward_core::ids::MemberId;

/// A paid referral not settled yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DueReferral {
    pub referred: MemberId,
    pub referrer: MemberId,
    pub paid_at: DateTime<Utc>,
    /// The first payment has a refund recorded.
    pub refunded: bool,
}

/// What one member's invitations came to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReferralStats {
    /// Members recorded as brought by them.
    pub joined: u32,
    /// Of those, who have paid.
    pub paid: u32,
    /// Paid and waiting out the hold.
    pub pending: u32,
    /// Refunded within the hold.
    pub reversed: u32,
    /// What the credited ones earned.
    pub xp: i64,
    pub days: i64,
}

impl Store {
    /// The member whose invite code this is.
    pub async fn member_by_referral_code(&self, code: &str) -> Result<Option<MemberId>> {
        let row: Option<(i64,)> =
            sqlx::query_as("SELECT member_id FROM referral_codes WHERE code = ?")
                .bind(code)
                .fetch_optional(&self.pool)
                .await
                .during("member_by_referral_code")?;
        Ok(row.map(|(id,)| MemberId(id)))
    }

    /// When `member` was first seen.
    pub async fn member_since(&self, member: MemberId) -> Result<Option<DateTime<Utc>>> {
        let row: Option<(i64,)> = sqlx::query_as("SELECT created_at FROM members WHERE id = ?")
            .bind(member.0)
            .fetch_optional(&self.pool)
            .await
            .during("member_since")?;
        Ok(row.map(|(at,)| from_millis(at)))
    }

    /// Paid referrals not settled, paid at or before `paid_before`, oldest first.
    pub async fn due_referrals(&self, paid_before: DateTime<Utc>) -> Result<Vec<DueReferral>> {
        let rows: Vec<(i64, i64, i64, bool)> = sqlx::query_as(
            "SELECT r.referred_id, r.referrer_id, r.paid_at, EXISTS (SELECT 1 FROM payments f \
             JOIN payments p ON p.id = r.payment_id WHERE f.kind = 'refund' \
             AND f.provider = p.provider AND f.charge_ref = p.charge_ref) \
             FROM referrals r WHERE r.paid_at IS NOT NULL AND r.paid_at <= ? \
             AND r.credited_at IS NULL AND r.reversed_at IS NULL ORDER BY r.paid_at",
        )
        .bind(millis(paid_before))
        .fetch_all(&self.pool)
        .await
        .during("due_referrals")?;
        Ok(rows
            .into_iter()
            .map(|(referred, referrer, paid_at, refunded)| DueReferral {
                referred: MemberId(referred),
                referrer: MemberId(referrer),
                paid_at: from_millis(paid_at),
                refunded,
            })
            .collect())
    }

    /// Members referred in `[from, to)`, and referred members whose first payment fell in it.
    pub async fn referrals_in(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<(i64, i64)> {
        let counts: (i64, i64) = sqlx::query_as(
            "SELECT COUNT(CASE WHEN at >= ?1 AND at < ?2 THEN 1 END), \
             COUNT(CASE WHEN paid_at >= ?1 AND paid_at < ?2 THEN 1 END) FROM referrals",
        )
        .bind(millis(from))
        .bind(millis(to))
        .fetch_one(&self.pool)
        .await
        .during("referrals_in")?;
        Ok(counts)
    }

    /// What `referrer`'s invitations came to.
    pub async fn referral_stats(&self, referrer: MemberId) -> Result<ReferralStats> {
        let (joined, paid, pending, reversed, xp, days): (i64, i64, i64, i64, i64, i64) =
            sqlx::query_as(
                "SELECT COUNT(*), COUNT(paid_at), \
                 COUNT(CASE WHEN paid_at IS NOT NULL AND credited_at IS NULL \
                   AND reversed_at IS NULL THEN 1 END), \
                 COUNT(reversed_at), COALESCE(SUM(xp), 0), COALESCE(SUM(days), 0) \
                 FROM referrals WHERE referrer_id = ?",
            )
            .bind(referrer.0)
            .fetch_one(&self.pool)
            .await
            .during("referral_stats")?;
        let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
        Ok(ReferralStats {
            joined: count(joined),
            paid: count(paid),
            pending: count(pending),
            reversed: count(reversed),
            xp,
            days,
        })
    }
}

impl<S> WriteTx<S> {
    /// Keeps `member`'s invite code (the same code again changes nothing).
    pub async fn save_referral_code(&mut self, member: MemberId, code: &str) -> Result<()> {
        sqlx::query("INSERT OR IGNORE INTO referral_codes (member_id, code) VALUES (?, ?)")
            .bind(member.0)
            .bind(code)
            .execute(&mut *self.tx)
            .await
            .during("save_referral_code")?;
        Ok(())
    }

    /// Whether `member` has been recorded as referred (by anyone, ever).
    pub async fn was_referred(&mut self, member: MemberId) -> Result<bool> {
        let row: Option<(i64,)> =
            sqlx::query_as("SELECT referrer_id FROM referrals WHERE referred_id = ?")
                .bind(member.0)
                .fetch_optional(&mut *self.tx)
                .await
                .during("was_referred")?;
        Ok(row.is_some())
    }

    /// Records `referred` as brought by `referrer`; `false` if they were already.
    pub async fn record_referral(
        &mut self,
        referred: MemberId,
        referrer: MemberId,
        at: DateTime<Utc>,
    ) -> Result<bool> {
        let done = sqlx::query(
            "INSERT OR IGNORE INTO referrals (referred_id, referrer_id, at) VALUES (?, ?, ?)",
        )
        .bind(referred.0)
        .bind(referrer.0)
        .bind(millis(at))
        .execute(&mut *self.tx)
        .await
        .during("record_referral")?;
        Ok(done.rows_affected() == 1)
    }

    /// Notes `member`'s first payment on their referral, if they were referred and had not paid.
    pub async fn note_referral_payment(
        &mut self,
        member: MemberId,
        payment: i64,
        at: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "UPDATE referrals SET payment_id = ?, paid_at = ? \
             WHERE referred_id = ? AND payment_id IS NULL",
        )
        .bind(payment)
        .bind(millis(at))
        .bind(member.0)
        .execute(&mut *self.tx)
        .await
        .during("note_referral_payment")?;
        Ok(())
    }

    /// Settles `referred`'s referral: credited with `xp` and `days`, or reversed. `false` if it
    /// was settled already (another step got there first).
    pub async fn settle_referral(
        &mut self,
        referred: MemberId,
        credited: Option<(i64, i64)>,
        at: DateTime<Utc>,
    ) -> Result<bool> {
        let (column, xp, days) = match credited {
            Some((xp, days)) => ("credited_at", xp, days),
            None => ("reversed_at", 0, 0),
        };
        let sql = if column == "credited_at" {
            "UPDATE referrals SET credited_at = ?, xp = ?, days = ? WHERE referred_id = ? \
             AND credited_at IS NULL AND reversed_at IS NULL"
        } else {
            "UPDATE referrals SET reversed_at = ?, xp = ?, days = ? WHERE referred_id = ? \
             AND credited_at IS NULL AND reversed_at IS NULL"
        };
        let done = sqlx::query(sql)
            .bind(millis(at))
            .bind(xp)
            .bind(days)
            .bind(referred.0)
            .execute(&mut *self.tx)
            .await
            .during("settle_referral")?;
        Ok(done.rows_affected() == 1)
    }
}
