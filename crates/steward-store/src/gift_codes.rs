//! Gift codes: kept with the payment that bought them, read and redeemed in the caller's
//! transaction (whether a code may be redeemed is `core::payments::gift_code`'s decision).

use chrono::{DateTime, Utc};

use super::error::During;
use super::{Result, Store, WriteTx, from_millis, millis};
use steward_core::ids::MemberId;
use steward_core::payments::gift_code::GiftCode;

/// A code as stored, with who bought it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GiftCodeRow {
    pub code: GiftCode,
    pub buyer: Option<MemberId>,
}

impl<S> WriteTx<S> {
    /// Keeps a code bought by `payment`.
    pub async fn save_gift_code(
        &mut self,
        code: &str,
        plan: &str,
        buyer: MemberId,
        payment: i64,
        at: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO gift_codes (code, plan, buyer_id, payment_id, created_at, expires_at) \
             VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(code)
        .bind(plan)
        .bind(buyer.0)
        .bind(payment)
        .bind(millis(at))
        .bind(millis(expires_at))
        .execute(&mut *self.tx)
        .await
        .during("save_gift_code")?;
        Ok(())
    }

    /// The code, if there is one, with whether its payment was refunded.
    pub async fn gift_code(&mut self, code: &str) -> Result<Option<GiftCodeRow>> {
        let row: Option<(String, Option<i64>, i64, bool, bool)> = sqlx::query_as(
            "SELECT g.plan, g.buyer_id, g.expires_at, g.redeemed_by IS NOT NULL, \
             EXISTS (SELECT 1 FROM payments p JOIN payments f ON f.kind = 'refund' \
               AND f.provider = p.provider AND f.charge_ref = p.charge_ref \
               WHERE p.id = g.payment_id) \
             FROM gift_codes g WHERE g.code = ?",
        )
        .bind(code)
        .fetch_optional(&mut *self.tx)
        .await
        .during("gift_code")?;
        Ok(row.map(
            |(plan, buyer, expires_at, redeemed, refunded)| GiftCodeRow {
                code: GiftCode {
                    plan,
                    expires_at: from_millis(expires_at),
                    redeemed,
                    refunded,
                },
                buyer: buyer.map(MemberId),
            },
        ))
    }

    /// Whether `payment` bought a gift code (it gave its payer no time).
    pub async fn bought_gift_code(&mut self, payment: i64) -> Result<bool> {
        let row: Option<(i64,)> = sqlx::query_as("SELECT 1 FROM gift_codes WHERE payment_id = ?")
            .bind(payment)
            .fetch_optional(&mut *self.tx)
            .await
            .during("bought_gift_code")?;
        Ok(row.is_some())
    }

    /// Marks the code redeemed by `member`; `false` if someone redeemed it first.
    pub async fn redeem_gift_code(
        &mut self,
        code: &str,
        member: MemberId,
        at: DateTime<Utc>,
    ) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE gift_codes SET redeemed_by = ?, redeemed_at = ? \
             WHERE code = ? AND redeemed_by IS NULL",
        )
        .bind(member.0)
        .bind(millis(at))
        .bind(code)
        .execute(&mut *self.tx)
        .await
        .during("redeem_gift_code")?;
        Ok(done.rows_affected() == 1)
    }
}

/// A gift code as its buyer's page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoughtCode {
    pub code: String,
    pub plan: String,
    /// The last moment it can be redeemed.
    pub expires_at: DateTime<Utc>,
    pub used: bool,
}

impl Store {
    /// The gift codes `member` bought, newest first (the last 50).
    pub async fn gift_codes_bought(&self, member: MemberId) -> Result<Vec<BoughtCode>> {
        let rows: Vec<(String, String, i64, bool)> = sqlx::query_as(
            "SELECT code, plan, expires_at, redeemed_by IS NOT NULL FROM gift_codes \
             WHERE buyer_id = ? ORDER BY created_at DESC LIMIT 50",
        )
        .bind(member.0)
        .fetch_all(&self.pool)
        .await
        .during("gift_codes_bought")?;
        Ok(rows
            .into_iter()
            .map(|(code, plan, expires, used)| BoughtCode {
                code,
                plan,
                expires_at: from_millis(expires),
                used,
            })
            .collect())
    }
}
