//! The range reads behind the dashboard: a few hundred counter rows per panel and one row per
//! drop, whatever the community's size; never the per-member detail.

use chrono::{DateTime, Utc};
use serde_json::json;

use crate::error::During;
use crate::{Result, Store, from_millis, millis};

/// One counter value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CounterRow {
    pub name: String,
    pub period: String,
    pub value: i64,
}

impl From<(String, String, i64)> for CounterRow {
    fn from((name, period, value): (String, String, i64)) -> Self {
        Self {
            name,
            period,
            value,
        }
    }
}

/// One drop's reach and ratings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DropQualityRow {
    pub id: i64,
    /// The start of its text, for a label.
    pub excerpt: String,
    pub first_sent_at: DateTime<Utc>,
    /// Deliveries sent (a repeat to the same member counts again).
    pub sent: i64,
    /// Distinct members reached: sent a DM, or who rated it or marked its lesson done.
    pub reached: i64,
    /// Members who marked it done (a lesson).
    pub done: i64,
    pub failed: i64,
    pub missed: i64,
    pub ratings: i64,
    pub stars: i64,
    /// Written feedback received.
    pub feedback: i64,
}

/// Memberships expiring soon, by tier (running ones are in the community counts).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MembershipNow {
    pub expiring: Vec<(String, i64)>,
}

impl Store {
    /// Counter rows for each `(name, first period, last period)`, periods inclusive.
    pub async fn counter_rows(
        &self,
        ranges: &[(String, String, String)],
    ) -> Result<Vec<CounterRow>> {
        let ranges: Vec<_> = ranges.iter().map(|(n, f, t)| json!([n, f, t])).collect();
        let rows: Vec<(String, String, i64)> = sqlx::query_as(
            // CROSS JOIN keeps the ranges outside: each is one range of the primary key, instead
            // of every counter matched against every range.
            "SELECT c.name, c.period, c.value FROM json_each(?) r \
             CROSS JOIN stat_counters c ON c.name = r.value ->> 0 \
             AND c.period BETWEEN r.value ->> 1 AND r.value ->> 2",
        )
        .bind(serde_json::Value::from(ranges).to_string())
        .fetch_all(&self.pool)
        .await
        .during("counter_rows")?;
        Ok(rows.into_iter().map(CounterRow::from).collect())
    }

    /// Every counter whose name starts with `prefix` and ends between `from` and `to` (the
    /// cohorts: `cohort:2026-W40` for the weeks `2026-W40` to `2026-W49`), periods in the same
    /// range.
    pub async fn counter_family(
        &self,
        prefix: &str,
        from: &str,
        to: &str,
    ) -> Result<Vec<CounterRow>> {
        let rows: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT name, period, value FROM stat_counters \
             WHERE name BETWEEN ?1 || ?2 AND ?1 || ?3 AND period BETWEEN ?2 AND ?3",
        )
        .bind(prefix)
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await
        .during("counter_family")?;
        Ok(rows.into_iter().map(CounterRow::from).collect())
    }

    /// Every counter whose name starts with `prefix` (`chat-messages:`), periods `from` to `to`.
    pub async fn counters_with_prefix(
        &self,
        prefix: &str,
        from: &str,
        to: &str,
    ) -> Result<Vec<CounterRow>> {
        // The names after the prefix sort below the prefix with its last character raised.
        let mut end = prefix.to_owned();
        if let Some(last) = end.pop() {
            end.push(char::from_u32(u32::from(last) + 1).unwrap_or(char::MAX));
        }
        let rows: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT name, period, value FROM stat_counters \
             WHERE name >= ? AND name < ? AND period BETWEEN ? AND ?",
        )
        .bind(prefix)
        .bind(&end)
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await
        .during("counters_with_prefix")?;
        Ok(rows.into_iter().map(CounterRow::from).collect())
    }

    /// Drops first delivered in `[from, to)`, with their counts; and the mean of every rating
    /// ever given (the prior of the Bayesian mean).
    pub async fn drop_quality(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<(Vec<DropQualityRow>, Option<f64>)> {
        type Row = (i64, String, i64, i64, i64, i64, i64, i64, i64, i64, i64);
        let rows: Vec<Row> = sqlx::query_as(
            // The excerpt is the text's first line: a credit or link below it never shows cut.
            "SELECT s.drop_id, \
             substr(substr(d.text, 1, instr(d.text || char(10), char(10)) - 1), 1, 60), \
             s.first_sent_at, s.sent, s.reached, s.done, s.failed, s.missed, s.ratings, s.stars, \
             s.feedback \
             FROM drop_stats s JOIN drops d ON d.id = s.drop_id \
             WHERE s.first_sent_at >= ? AND s.first_sent_at < ? ORDER BY s.first_sent_at",
        )
        .bind(millis(from))
        .bind(millis(to))
        .fetch_all(&self.pool)
        .await
        .during("drop_quality")?;
        let mean: Option<f64> = sqlx::query_scalar(
            "SELECT CAST(SUM(stars) AS REAL) / SUM(ratings) FROM drop_stats WHERE ratings > 0",
        )
        .fetch_one(&self.pool)
        .await
        .during("drop_quality")?;
        let rows = rows
            .into_iter()
            .map(
                |(
                    id,
                    excerpt,
                    first,
                    sent,
                    reached,
                    done,
                    failed,
                    missed,
                    ratings,
                    stars,
                    feedback,
                )| {
                    DropQualityRow {
                        id,
                        excerpt,
                        first_sent_at: from_millis(first),
                        sent,
                        reached,
                        done,
                        failed,
                        missed,
                        ratings,
                        stars,
                        feedback,
                    }
                },
            )
            .collect();
        Ok((rows, mean))
    }

    /// Running memberships expiring in `[now, until)`, by tier.
    pub async fn membership_now(
        &self,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<MembershipNow> {
        let expiring: Vec<(String, i64)> = sqlx::query_as(
            "SELECT tier, COUNT(*) FROM memberships WHERE ended_at IS NULL \
             AND expires_at >= ? AND expires_at < ? GROUP BY tier ORDER BY tier",
        )
        .bind(millis(now))
        .bind(millis(until))
        .fetch_all(&self.pool)
        .await
        .during("membership_now")?;
        Ok(MembershipNow { expiring })
    }
}
