//! The reads behind the objectives and the revenue figures: the payments of a range as facts
//! (the engine buckets them by the community's weeks), the events held, and what each paying
//! member has paid over their whole time, per currency.

use chrono::{DateTime, Utc};

use crate::error::During;
use crate::{Result, Store, from_millis, millis};

/// One payments row, as the dashboard needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentFact {
    pub at: DateTime<Utc>,
    pub member: Option<i64>,
    pub plan: String,
    /// payment | renewal | refund | mismatch | failure | trial
    pub kind: String,
    /// Minor units; refunds negative.
    pub amount: i64,
    pub currency: String,
}

/// Per currency: the members who ever paid, what they paid in all (less refunds) and the days
/// from each one's first payment to the end of the last period paid (or the last payment).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayingMembers {
    pub currency: String,
    pub members: i64,
    pub net: i64,
    pub days: i64,
}

impl Store {
    /// The payments made in `[from, to)`, oldest first.
    pub async fn payment_facts(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<PaymentFact>> {
        let rows: Vec<(i64, Option<i64>, String, String, i64, String)> = sqlx::query_as(
            "SELECT at, member_id, plan, kind, amount, currency FROM payments \
             WHERE at >= ? AND at < ? ORDER BY at, id",
        )
        .bind(millis(from))
        .bind(millis(to))
        .fetch_all(&self.pool)
        .await
        .during("payment_facts")?;
        Ok(rows
            .into_iter()
            .map(|(at, member, plan, kind, amount, currency)| PaymentFact {
                at: from_millis(at),
                member,
                plan,
                kind,
                amount,
                currency,
            })
            .collect())
    }

    /// Every currency's paying members over all time.
    pub async fn paying_members(&self) -> Result<Vec<PayingMembers>> {
        let rows: Vec<(String, i64, i64, i64)> = sqlx::query_as(
            "SELECT currency, COUNT(*), SUM(net), SUM(days) FROM ( \
             SELECT currency, SUM(amount) AS net, \
             MAX(0, (MAX(COALESCE(period_end, at)) - MIN(at)) / 86400000) AS days \
             FROM payments WHERE member_id IS NOT NULL \
             AND kind IN ('payment', 'renewal', 'refund', 'mismatch') \
             GROUP BY member_id, currency HAVING SUM(amount) > 0) \
             GROUP BY currency ORDER BY currency",
        )
        .fetch_all(&self.pool)
        .await
        .during("paying_members")?;
        Ok(rows
            .into_iter()
            .map(|(currency, members, net, days)| PayingMembers {
                currency,
                members,
                net,
                days,
            })
            .collect())
    }

    /// Events that started in `[from, to)`: (name, start), oldest first.
    pub async fn events_started(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<(String, DateTime<Utc>)>> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT name, starts_at FROM events WHERE starts_at >= ? AND starts_at < ? \
             ORDER BY starts_at",
        )
        .bind(millis(from))
        .bind(millis(to))
        .fetch_all(&self.pool)
        .await
        .during("events_started")?;
        Ok(rows
            .into_iter()
            .map(|(name, at)| (name, from_millis(at)))
            .collect())
    }
}
