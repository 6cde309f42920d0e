//! The dashboard's subscriber list: every member with a running or past membership, with the
//! provider's subscription behind it (when one pays for it) and what they paid in all, searched,
//! sorted and paged in SQL.

use chrono::{DateTime, Utc};
use serde_json::json;

use crate::error::During;
use crate::{Result, Store, from_millis};
use steward_core::analytics::subscribers::SubscriberOrder;
use steward_core::ids::MemberId;

/// The ORDER BY clause of each order: constants, never input.
fn order_sql(order: SubscriberOrder) -> &'static str {
    match order {
        SubscriberOrder::Ending => {
            "ended_at IS NOT NULL, coalesce(expires_at, 9223372036854775807), ended_at DESC, member_id"
        }
        SubscriberOrder::Name => "display_name COLLATE NOCASE, member_id, tier",
        SubscriberOrder::Tier => "tier, display_name COLLATE NOCASE, member_id",
        SubscriberOrder::Started => "started_at DESC, member_id",
    }
}

/// What to list.
#[derive(Debug, Clone, Default)]
pub struct SubscriberQuery {
    /// Part of a display name or handle, or `#ID` / a member id; empty lists everyone.
    pub search: String,
    pub order: SubscriberOrder,
    pub offset: u32,
    pub limit: u32,
    /// `(plan, tier)` for every configured plan: which subscriptions pay for which tier.
    pub plan_tiers: Vec<(String, String)>,
}

/// One membership on the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubscriberRow {
    pub member: MemberId,
    pub name: String,
    pub tier: String,
    pub started_at: DateTime<Utc>,
    /// `None`: lifetime.
    pub expires_at: Option<DateTime<Utc>>,
    /// When it ended (expired or revoked); `None` while it runs.
    pub ended_at: Option<DateTime<Utc>>,
    /// The provider of the latest subscription paying for this tier, if any.
    pub provider: Option<String>,
    pub renews: bool,
    pub paid_until: Option<DateTime<Utc>>,
}

/// What one member paid in one currency: payments and renewals less refunds, minor units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaidTotal {
    pub member: MemberId,
    pub currency: String,
    pub minor: i64,
}

type Row = (
    i64,
    String,
    String,
    i64,
    Option<i64>,
    Option<i64>,
    Option<String>,
    Option<i64>,
    Option<i64>,
    i64,
);

impl Store {
    /// One page of the list and how many rows match in all. Erased members are not listed.
    pub async fn subscribers(&self, query: &SubscriberQuery) -> Result<(Vec<SubscriberRow>, i64)> {
        let search = query.search.trim();
        let id = search.trim_start_matches('#').parse::<i64>().ok();
        let pattern = format!("%{}%", like_escaped(&search.to_lowercase()));
        let plans: Vec<_> = query
            .plan_tiers
            .iter()
            .map(|(p, t)| json!([p, t]))
            .collect();
        let sql = format!(
            "WITH plan_tiers (plan, tier) AS (SELECT value ->> 0, value ->> 1 FROM json_each(?1)), \
             listed AS (SELECT m.member_id, p.display_name, m.tier, m.started_at, m.expires_at, \
             m.ended_at, (SELECT json_array(s.provider, s.renews, s.paid_until) FROM subscriptions s \
             JOIN plan_tiers t ON t.plan = s.plan WHERE s.member_id = m.member_id AND t.tier = m.tier \
             ORDER BY s.updated_at DESC LIMIT 1) AS sub \
             FROM memberships m JOIN members p ON p.id = m.member_id WHERE p.erased_at IS NULL \
             AND (?2 = '%%' OR m.member_id = ?3 OR lower(p.display_name) LIKE ?2 ESCAPE '\\' \
             OR EXISTS (SELECT 1 FROM accounts a WHERE a.member_id = m.member_id \
             AND (a.username LIKE ?2 ESCAPE '\\' OR lower(a.display_name) LIKE ?2 ESCAPE '\\')))) \
             SELECT member_id, display_name, tier, started_at, expires_at, ended_at, \
             sub ->> 0, sub ->> 1, sub ->> 2, COUNT(*) OVER () FROM listed ORDER BY {} \
             LIMIT ?4 OFFSET ?5",
            order_sql(query.order)
        );
        // The ORDER BY is one of SubscriberOrder's constant clauses, never input.
        let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(serde_json::Value::from(plans).to_string())
            .bind(&pattern)
            .bind(id)
            .bind(i64::from(query.limit))
            .bind(i64::from(query.offset))
            .fetch_all(&self.pool)
            .await
            .during("subscribers")?;
        let total = rows.first().map_or(0, |r| r.9);
        let rows = rows
            .into_iter()
            .map(
                |(member, name, tier, started, expires, ended, provider, renews, paid_until, _)| {
                    SubscriberRow {
                        member: MemberId(member),
                        name,
                        tier,
                        started_at: from_millis(started),
                        expires_at: expires.map(from_millis),
                        ended_at: ended.map(from_millis),
                        provider,
                        renews: renews == Some(1),
                        paid_until: paid_until.map(from_millis),
                    }
                },
            )
            .collect();
        Ok((rows, total))
    }

    /// What each of `members` paid, per currency (payments, renewals and payments that did not
    /// match their plan, less refunds).
    pub async fn paid_totals(&self, members: &[MemberId]) -> Result<Vec<PaidTotal>> {
        let ids: Vec<i64> = members.iter().map(|m| m.0).collect();
        let rows: Vec<(i64, String, i64)> = sqlx::query_as(
            "SELECT member_id, currency, SUM(amount) FROM payments \
             WHERE member_id IN (SELECT value FROM json_each(?)) \
             AND kind IN ('payment', 'renewal', 'mismatch', 'refund') \
             GROUP BY member_id, currency ORDER BY member_id, currency",
        )
        .bind(json!(ids).to_string())
        .fetch_all(&self.pool)
        .await
        .during("paid_totals")?;
        Ok(rows
            .into_iter()
            .map(|(member, currency, minor)| PaidTotal {
                member: MemberId(member),
                currency,
                minor,
            })
            .collect())
    }
}

/// `text` with LIKE's wildcards and the escape character taken literally.
fn like_escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
