//! Card subscriptions' facts: provider events remembered by id (in the same transaction as
//! their effect), the periods a subscription's unrefunded payments paid, and the newest status
//! its provider reported. The engine derives the subscription's state from these, so the order
//! events arrive in does not change the outcome.

use chrono::{DateTime, Utc};

use super::error::During;
use super::payments::{
    PAYMENT_COLUMNS, PaymentTuple, SUBSCRIPTION_COLUMNS, SubscriptionTuple, payment, subscription,
    with,
};
use super::{PaymentRow, Result, Store, SubscriptionRow, WriteTx, from_millis, millis};
use steward_core::ids::MemberId;
use steward_core::payments::Provider;
use steward_core::payments::renewal::RenewalStatus;

const CHARGE_REFUNDED: &str =
    "SELECT 1 FROM payments WHERE provider = ? AND charge_ref = ? AND kind = 'refund' LIMIT 1";

impl Store {
    /// Whether a refund of `charge` was recorded.
    pub async fn charge_refunded(&self, provider: Provider, charge: &str) -> Result<bool> {
        let found: Option<i64> = sqlx::query_scalar(CHARGE_REFUNDED)
            .bind(provider.as_str())
            .bind(charge)
            .fetch_optional(&self.pool)
            .await
            .during("charge_refunded")?;
        Ok(found.is_some())
    }
}

impl Store {
    /// Whether `member` had a free trial of `plan` (one is offered once).
    pub async fn had_trial(&self, member: MemberId, plan: &str) -> Result<bool> {
        let found: Option<i64> = sqlx::query_scalar(
            "SELECT 1 FROM payments WHERE member_id = ? AND plan = ? AND kind = 'trial' LIMIT 1",
        )
        .bind(member.0)
        .bind(plan)
        .fetch_optional(&self.pool)
        .await
        .during("had_trial")?;
        Ok(found.is_some())
    }

    /// Of the trials that began in `[from, to)`: how many, and how many of their
    /// subscriptions have paid since.
    pub async fn trial_conversions(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<(i64, i64)> {
        let counts = sqlx::query_as(
            "SELECT COUNT(*), COALESCE(SUM(EXISTS (SELECT 1 FROM payments p WHERE p.provider = t.provider \
             AND p.subscription = t.subscription AND p.kind IN ('payment', 'renewal') \
             AND p.amount > 0)), 0) FROM payments t WHERE t.kind = 'trial' AND t.at >= ? AND t.at < ?",
        )
        .bind(millis(from))
        .bind(millis(to))
        .fetch_one(&self.pool)
        .await
        .during("trial_conversions")?;
        Ok(counts)
    }
}

impl Store {
    /// Card subscriptions renewing and paid beyond `now`: (currency, plan, the amount of the
    /// latest paid invoice).
    pub async fn card_renewing(&self, now: DateTime<Utc>) -> Result<Vec<(String, String, i64)>> {
        let rows = sqlx::query_as(
            "SELECT p.currency, s.plan, p.amount FROM subscriptions s JOIN payments p ON p.id = \
             (SELECT id FROM payments q WHERE q.provider = s.provider AND q.subscription = s.charge_ref \
             AND q.kind IN ('payment', 'renewal') AND q.amount > 0 ORDER BY q.id DESC LIMIT 1) \
             WHERE s.provider = 'stripe' AND s.renews = 1 AND s.ended_at IS NULL AND s.paid_until > ?",
        )
        .bind(millis(now))
        .fetch_all(&self.pool)
        .await
        .during("card_renewing")?;
        Ok(rows)
    }
}

impl WriteTx {
    /// Remembers a provider event; `false` when it was applied before, so its effect must not
    /// be applied again.
    pub async fn record_provider_event(
        &mut self,
        provider: Provider,
        event_id: &str,
        kind: &str,
        at: DateTime<Utc>,
    ) -> Result<bool> {
        let done = sqlx::query(
            "INSERT OR IGNORE INTO provider_events (provider, event_id, kind, at) VALUES (?, ?, ?, ?)",
        )
        .bind(provider.as_str())
        .bind(event_id)
        .bind(kind)
        .bind(millis(at))
        .execute(&mut *self.tx)
        .await
        .during("record_provider_event")?;
        Ok(done.rows_affected() == 1)
    }

    /// The first payment recorded for a charge (a refund names the charge, not the payment).
    pub async fn payment_by_charge(
        &mut self,
        provider: Provider,
        charge: &str,
    ) -> Result<Option<PaymentRow>> {
        let row: Option<PaymentTuple> = sqlx::query_as(with(
            PAYMENT_COLUMNS,
            "WHERE provider = ? AND charge_ref = ? AND kind IN ('payment', 'renewal', 'mismatch') \
             ORDER BY id LIMIT 1",
        ))
        .bind(provider.as_str())
        .bind(charge)
        .fetch_optional(&mut *self.tx)
        .await
        .during("payment_by_charge")?;
        Ok(row.and_then(payment))
    }

    /// Whether a refund of `charge` was recorded (it may arrive before the payment it undoes).
    pub async fn charge_refunded(&mut self, provider: Provider, charge: &str) -> Result<bool> {
        let found: Option<i64> = sqlx::query_scalar(CHARGE_REFUNDED)
            .bind(provider.as_str())
            .bind(charge)
            .fetch_optional(&mut *self.tx)
            .await
            .during("charge_refunded")?;
        Ok(found.is_some())
    }

    /// The latest end of a period a subscription's payments paid: `(unrefunded, any)`.
    pub async fn paid_through(
        &mut self,
        provider: Provider,
        subscription: &str,
    ) -> Result<(Option<DateTime<Utc>>, Option<DateTime<Utc>>)> {
        let (kept, ever): (Option<i64>, Option<i64>) = sqlx::query_as(
            "SELECT MAX(CASE WHEN NOT EXISTS (SELECT 1 FROM payments r WHERE r.provider = p.provider \
             AND r.charge_ref = p.charge_ref AND r.kind = 'refund') THEN p.period_end END), \
             MAX(p.period_end) FROM payments p WHERE p.provider = ? AND p.subscription = ? \
             AND p.kind IN ('trial', 'payment', 'renewal')",
        )
        .bind(provider.as_str())
        .bind(subscription)
        .fetch_one(&mut *self.tx)
        .await
        .during("paid_through")?;
        Ok((kept.map(from_millis), ever.map(from_millis)))
    }

    /// Every period a subscription's payments paid: `(end of the period, refunded)`.
    pub async fn paid_periods(
        &mut self,
        provider: Provider,
        subscription: &str,
    ) -> Result<Vec<(DateTime<Utc>, bool)>> {
        let rows: Vec<(i64, bool)> = sqlx::query_as(
            "SELECT p.period_end, EXISTS (SELECT 1 FROM payments r WHERE r.provider = p.provider \
             AND r.charge_ref = p.charge_ref AND r.kind = 'refund') FROM payments p \
             WHERE p.provider = ? AND p.subscription = ? AND p.kind IN ('payment', 'renewal') \
             AND p.period_end IS NOT NULL",
        )
        .bind(provider.as_str())
        .bind(subscription)
        .fetch_all(&mut *self.tx)
        .await
        .during("paid_periods")?;
        Ok(rows
            .into_iter()
            .map(|(end, refunded)| (from_millis(end), refunded))
            .collect())
    }

    /// The latest end a platform's entitlements to `plan` named for `member`.
    pub async fn entitlement_end(
        &mut self,
        plan: &str,
        member: MemberId,
    ) -> Result<Option<DateTime<Utc>>> {
        let end: Option<i64> = sqlx::query_scalar(
            "SELECT MAX(period_end) FROM payments WHERE provider = 'discord' AND plan = ? \
             AND member_id = ?",
        )
        .bind(plan)
        .bind(member.0)
        .fetch_one(&mut *self.tx)
        .await
        .during("entitlement_end")?;
        Ok(end.map(from_millis))
    }

    /// A member's subscription to a plan with a provider.
    pub async fn subscription(
        &mut self,
        member: MemberId,
        plan: &str,
        provider: Provider,
    ) -> Result<Option<SubscriptionRow>> {
        let row: Option<SubscriptionTuple> = sqlx::query_as(with(
            SUBSCRIPTION_COLUMNS,
            "WHERE member_id = ? AND plan = ? AND provider = ?",
        ))
        .bind(member.0)
        .bind(plan)
        .bind(provider.as_str())
        .fetch_optional(&mut *self.tx)
        .await
        .during("subscription")?;
        Ok(row.and_then(subscription))
    }

    /// Applies a status the provider reported at `reported` (its own clock), unless a newer one
    /// was applied already; an end is kept whatever arrives after it.
    pub async fn set_subscription_status(
        &mut self,
        s: &SubscriptionRow,
        status: RenewalStatus,
        reported: DateTime<Utc>,
        at: DateTime<Utc>,
    ) -> Result<()> {
        let renews = status == RenewalStatus::Renewing;
        let ended = (status == RenewalStatus::Ended).then(|| millis(at));
        sqlx::query(
            "UPDATE subscriptions SET \
             renews = CASE WHEN status_at IS NULL OR status_at <= ?4 THEN ?5 ELSE renews END, \
             cancelled_at = CASE WHEN status_at IS NULL OR status_at <= ?4 \
                THEN (CASE WHEN ?5 THEN NULL ELSE COALESCE(cancelled_at, ?7) END) ELSE cancelled_at END, \
             status_at = MAX(COALESCE(status_at, ?4), ?4), \
             ended_at = COALESCE(ended_at, ?6), updated_at = ?7 \
             WHERE member_id = ?1 AND plan = ?2 AND provider = ?3",
        )
        .bind(s.member.0)
        .bind(&s.plan)
        .bind(s.provider.as_str())
        .bind(millis(reported))
        .bind(renews)
        .bind(ended)
        .bind(millis(at))
        .execute(&mut *self.tx)
        .await
        .during("set_subscription_status")?;
        Ok(())
    }

    /// Records the end of what a subscription paid, as derived from its payments.
    pub async fn set_paid_until(
        &mut self,
        s: &SubscriptionRow,
        paid_until: Option<DateTime<Utc>>,
        at: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "UPDATE subscriptions SET paid_until = ?4, updated_at = ?5 \
             WHERE member_id = ?1 AND plan = ?2 AND provider = ?3",
        )
        .bind(s.member.0)
        .bind(&s.plan)
        .bind(s.provider.as_str())
        .bind(paid_until.map(millis))
        .bind(millis(at))
        .execute(&mut *self.tx)
        .await
        .during("set_paid_until")?;
        Ok(())
    }

    /// Starts tracking a subscription with a fresh state, replacing the member's earlier one
    /// to the same plan with the same provider (the engine replaces only one that is over).
    pub async fn track_subscription(
        &mut self,
        s: &SubscriptionRow,
        at: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO subscriptions (member_id, plan, provider, charge_ref, payer, paid_until, \
             renews, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, NULL, 1, ?6) \
             ON CONFLICT (member_id, plan, provider) DO UPDATE SET \
             charge_ref = ?4, payer = ?5, paid_until = NULL, renews = 1, cancelled_at = NULL, \
             status_at = NULL, ended_at = NULL, updated_at = ?6",
        )
        .bind(s.member.0)
        .bind(&s.plan)
        .bind(s.provider.as_str())
        .bind(&s.charge_ref)
        .bind(&s.payer)
        .bind(millis(at))
        .execute(&mut *self.tx)
        .await
        .during("track_subscription")?;
        Ok(())
    }
}
