//! Payments and paid plans: each provider event is a row recorded in the same transaction as
//! its effect (a repeat is refused by the unique key, so it changes nothing), and a member's
//! subscription with a provider is one row. The signing secret for payment references lives in
//! `adapter_state`, created on first use.

use chrono::{DateTime, Utc};

use super::error::During;
use super::{Result, Store, WriteTx, from_millis, millis};
use steward_core::ids::MemberId;
use steward_core::payments::Provider;

/// One provider event, as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentRow {
    pub id: i64,
    pub provider: Provider,
    pub provider_id: String,
    pub member: Option<MemberId>,
    pub plan: String,
    /// payment | renewal | refund | failure
    pub kind: String,
    pub amount: i64,
    pub currency: String,
    pub charge_ref: Option<String>,
    /// `platform:user id` of the account that paid (a Stripe customer id for card payments).
    pub payer: Option<String>,
    /// The provider's subscription this paid, and the end of the period it paid.
    pub subscription: Option<String>,
    pub period_end: Option<DateTime<Utc>>,
    pub at: DateTime<Utc>,
    /// The promo code the price was set by.
    pub promo: Option<String>,
}

/// A member's paid plan with one provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubscriptionRow {
    pub member: MemberId,
    pub plan: String,
    pub provider: Provider,
    pub charge_ref: String,
    /// `platform:user id` of the account that pays.
    pub payer: String,
    pub paid_until: Option<DateTime<Utc>>,
    pub renews: bool,
    pub cancelled_at: Option<DateTime<Utc>>,
    /// When the provider ended it for good: nothing later renews it.
    pub ended_at: Option<DateTime<Utc>>,
}

pub(super) type PaymentTuple = (
    i64,
    String,
    String,
    Option<i64>,
    String,
    String,
    i64,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
    i64,
    Option<String>,
);

pub(super) const PAYMENT_COLUMNS: &str = "SELECT id, provider, provider_id, member_id, plan, kind, amount, currency, charge_ref, payer, subscription, period_end, at, promo FROM payments";

pub(super) fn payment(
    (
        id,
        provider,
        provider_id,
        member,
        plan,
        kind,
        amount,
        currency,
        charge_ref,
        payer,
        subscription,
        period_end,
        at,
        promo,
    ): PaymentTuple,
) -> Option<PaymentRow> {
    Some(PaymentRow {
        id,
        provider: Provider::parse(&provider)?,
        provider_id,
        member: member.map(MemberId),
        plan,
        kind,
        amount,
        currency,
        charge_ref,
        payer,
        subscription,
        period_end: period_end.map(from_millis),
        at: from_millis(at),
        promo,
    })
}

pub(super) type SubscriptionTuple = (
    i64,
    String,
    String,
    String,
    String,
    Option<i64>,
    i64,
    Option<i64>,
    Option<i64>,
);

pub(super) fn subscription(
    (member, plan, provider, charge_ref, payer, until, renews, cancelled, ended): SubscriptionTuple,
) -> Option<SubscriptionRow> {
    Some(SubscriptionRow {
        member: MemberId(member),
        plan,
        provider: Provider::parse(&provider)?,
        charge_ref,
        payer,
        paid_until: until.map(from_millis),
        renews: renews != 0,
        cancelled_at: cancelled.map(from_millis),
        ended_at: ended.map(from_millis),
    })
}

pub(super) const SUBSCRIPTION_COLUMNS: &str = "SELECT member_id, plan, provider, charge_ref, payer, paid_until, renews, cancelled_at, ended_at FROM subscriptions";

pub(super) fn with(columns: &'static str, filter: &'static str) -> sqlx::AssertSqlSafe<String> {
    // Sound: both parts are compile-time constants.
    sqlx::AssertSqlSafe(format!("{columns} {filter}"))
}

impl WriteTx {
    /// Records a provider event; `false` when it was recorded before (its effect must not be
    /// applied again).
    pub async fn record_payment(&mut self, p: &PaymentRow, raw: Option<&str>) -> Result<bool> {
        Ok(self.record_payment_id(p, raw).await?.is_some())
    }

    /// As [`WriteTx::record_payment`], with the new row's id (`None` when recorded before).
    pub async fn record_payment_id(
        &mut self,
        p: &PaymentRow,
        raw: Option<&str>,
    ) -> Result<Option<i64>> {
        let done = sqlx::query(
            "INSERT OR IGNORE INTO payments (provider, provider_id, member_id, plan, kind, amount, \
             currency, charge_ref, payer, subscription, period_end, raw, at, promo) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(p.provider.as_str())
        .bind(&p.provider_id)
        .bind(p.member.map(|m| m.0))
        .bind(&p.plan)
        .bind(&p.kind)
        .bind(p.amount)
        .bind(&p.currency)
        .bind(&p.charge_ref)
        .bind(&p.payer)
        .bind(&p.subscription)
        .bind(p.period_end.map(millis))
        .bind(raw)
        .bind(millis(p.at))
        .bind(&p.promo)
        .execute(&mut *self.tx)
        .await
        .during("record_payment")?;
        Ok((done.rows_affected() == 1).then(|| done.last_insert_rowid()))
    }

    /// Starts or moves on a member's paid plan with a provider. A renewal keeps the charge the
    /// subscription began with: that is the handle its provider cancels by.
    pub async fn save_subscription(
        &mut self,
        s: &SubscriptionRow,
        renewal: bool,
        at: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO subscriptions (member_id, plan, provider, charge_ref, payer, paid_until, renews, \
             cancelled_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) \
             ON CONFLICT (member_id, plan, provider) DO UPDATE SET \
             charge_ref = CASE WHEN ?10 THEN charge_ref ELSE ?4 END, payer = ?5, paid_until = ?6, \
             renews = CASE WHEN cancelled_at >= ?9 THEN 0 ELSE ?7 END, \
             cancelled_at = CASE WHEN cancelled_at >= ?9 THEN cancelled_at ELSE ?8 END, \
             updated_at = ?9",
        )
        .bind(s.member.0)
        .bind(&s.plan)
        .bind(s.provider.as_str())
        .bind(&s.charge_ref)
        .bind(&s.payer)
        .bind(s.paid_until.map(millis))
        .bind(i64::from(s.renews))
        .bind(s.cancelled_at.map(millis))
        .bind(millis(at))
        .bind(renewal)
        .execute(&mut *self.tx)
        .await
        .during("save_subscription")?;
        Ok(())
    }

    /// The subscription a provider's charge belongs to.
    pub async fn subscription_by_charge(
        &mut self,
        provider: Provider,
        charge_ref: &str,
    ) -> Result<Option<SubscriptionRow>> {
        let row: Option<SubscriptionTuple> = sqlx::query_as(with(
            SUBSCRIPTION_COLUMNS,
            "WHERE provider = ? AND charge_ref = ?",
        ))
        .bind(provider.as_str())
        .bind(charge_ref)
        .fetch_optional(&mut *self.tx)
        .await
        .during("subscription_by_charge")?;
        Ok(row.and_then(subscription))
    }
}

impl WriteTx {
    /// Stops a subscription's renewal (access runs to `paid_until`).
    pub async fn stop_renewal(
        &mut self,
        member: MemberId,
        plan: &str,
        provider: Provider,
        at: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "UPDATE subscriptions SET renews = 0, cancelled_at = ?4, updated_at = ?4 \
             WHERE member_id = ?1 AND plan = ?2 AND provider = ?3",
        )
        .bind(member.0)
        .bind(plan)
        .bind(provider.as_str())
        .bind(millis(at))
        .execute(&mut *self.tx)
        .await
        .during("stop_renewal")?;
        Ok(())
    }
}

impl Store {
    /// A member's paid plans.
    pub async fn subscriptions_of(&self, member: MemberId) -> Result<Vec<SubscriptionRow>> {
        let rows: Vec<SubscriptionTuple> = sqlx::query_as(with(
            SUBSCRIPTION_COLUMNS,
            "WHERE member_id = ? ORDER BY plan",
        ))
        .bind(member.0)
        .fetch_all(&self.pool)
        .await
        .during("subscriptions_of")?;
        Ok(rows.into_iter().filter_map(subscription).collect())
    }

    /// The latest payments, of one member or of everyone, newest first.
    pub async fn payments(&self, member: Option<MemberId>, limit: u32) -> Result<Vec<PaymentRow>> {
        let rows: Vec<PaymentTuple> = sqlx::query_as(with(
            PAYMENT_COLUMNS,
            "WHERE ?1 IS NULL OR member_id = ?1 ORDER BY id DESC LIMIT ?2",
        ))
        .bind(member.map(|m| m.0))
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await
        .during("payments")?;
        Ok(rows.into_iter().filter_map(payment).collect())
    }

    /// One payment by its row id.
    pub async fn payment(&self, id: i64) -> Result<Option<PaymentRow>> {
        let row: Option<PaymentTuple> = sqlx::query_as(with(PAYMENT_COLUMNS, "WHERE id = ?"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await
            .during("payment")?;
        Ok(row.and_then(payment))
    }

    /// The secret payment references are signed with: created at first use (two processes
    /// asking at once agree on the first one written).
    pub async fn payment_secret(&self) -> Result<Vec<u8>> {
        let fresh: String = (0..32)
            .map(|_| format!("{:02x}", rand::random::<u8>()))
            .collect();
        sqlx::query(
            "INSERT OR IGNORE INTO adapter_state (key, value) VALUES ('payments.secret', ?)",
        )
        .bind(&fresh)
        .execute(&self.writer)
        .await
        .during("payment_secret")?;
        let secret: String =
            sqlx::query_scalar("SELECT value FROM adapter_state WHERE key = 'payments.secret'")
                .fetch_one(&self.writer)
                .await
                .during("payment_secret")?;
        Ok(secret.into_bytes())
    }

    /// The secret, if one was made: for checking what it signed without making one (a read).
    pub async fn existing_payment_secret(&self) -> Result<Option<Vec<u8>>> {
        let secret: Option<String> =
            sqlx::query_scalar("SELECT value FROM adapter_state WHERE key = 'payments.secret'")
                .fetch_optional(&self.pool)
                .await
                .during("existing_payment_secret")?;
        Ok(secret.map(String::into_bytes))
    }

    /// Payments in `[from, to)` by currency and kind: (currency, kind, count, sum of amounts).
    pub async fn revenue(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<(String, String, i64, i64)>> {
        let rows = sqlx::query_as(
            "SELECT currency, kind, COUNT(*), SUM(amount) FROM payments WHERE at >= ? AND at < ? \
             GROUP BY currency, kind ORDER BY currency, kind",
        )
        .bind(millis(from))
        .bind(millis(to))
        .fetch_all(&self.pool)
        .await
        .during("revenue")?;
        Ok(rows)
    }

    /// Renewing subscriptions paid beyond `now`, by plan and provider; and how many stopped
    /// renewing in `[from, to)`.
    pub async fn renewing(
        &self,
        now: DateTime<Utc>,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<(Vec<(String, String, i64)>, i64)> {
        let running: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT plan, provider, COUNT(*) FROM subscriptions WHERE renews = 1 AND paid_until > ? \
             GROUP BY plan, provider ORDER BY plan",
        )
        .bind(millis(now))
        .fetch_all(&self.pool)
        .await
        .during("renewing")?;
        let stopped: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM subscriptions WHERE cancelled_at >= ? AND cancelled_at < ?",
        )
        .bind(millis(from))
        .bind(millis(to))
        .fetch_one(&self.pool)
        .await
        .during("renewing")?;
        Ok((running, stopped))
    }
}
