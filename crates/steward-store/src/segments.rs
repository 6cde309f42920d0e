//! Who is in a segment: the rule and its thresholds come from the core
//! ([`SegmentFilter`]); here each is one WHERE clause over `members m`, its values bound as one
//! JSON object, so every filter is a constant statement.

use serde_json::json;

use crate::error::During;
use crate::{Result, Store, day_text, millis, parse_day};
use chrono::{DateTime, NaiveDate, Utc};
use steward_core::analytics::segments::SegmentFilter;
use steward_core::ids::MemberId;

/// A running membership of member `m` at `$.now`.
const RUNNING: &str = "s.member_id = m.id AND s.ended_at IS NULL \
     AND (s.expires_at IS NULL OR s.expires_at > ?1 ->> '$.now')";

/// The WHERE clause of a filter over `members m` (not erased), with `?1` the JSON of values.
pub(crate) fn segment_clause(filter: &SegmentFilter) -> (String, serde_json::Value) {
    let base = "m.erased_at IS NULL";
    let (rule, values) = match filter {
        SegmentFilter::AtRisk {
            now,
            renews_before,
            inactive_since,
        } => (
            "EXISTS (SELECT 1 FROM memberships s WHERE s.member_id = m.id AND s.ended_at IS NULL \
             AND s.expires_at >= ?1 ->> '$.now' AND s.expires_at < ?1 ->> '$.before') \
             AND (m.last_active_day IS NULL OR m.last_active_day <= ?1 ->> '$.inactive')"
                .to_owned(),
            json!({
                "now": millis(*now),
                "before": millis(*renews_before),
                "inactive": day_text(*inactive_since),
            }),
        ),
        SegmentFilter::Upgrade {
            now,
            today,
            from,
            weeks,
        } => (
            format!(
                "NOT EXISTS (SELECT 1 FROM memberships s WHERE {RUNNING}) \
                 AND m.id IN (SELECT member_id FROM member_days \
                 WHERE day BETWEEN ?1 ->> '$.from' AND ?1 ->> '$.today' GROUP BY member_id \
                 HAVING COUNT(DISTINCT CAST((julianday(?1 ->> '$.today') - julianday(day)) / 7 AS INTEGER)) \
                 >= ?1 ->> '$.weeks')"
            ),
            json!({
                "now": millis(*now),
                "today": day_text(*today),
                "from": day_text(*from),
                "weeks": weeks,
            }),
        ),
        SegmentFilter::Lapsed { now, ended_since } => (
            format!(
                "NOT EXISTS (SELECT 1 FROM memberships s WHERE {RUNNING}) \
                 AND m.id IN (SELECT member_id FROM memberships WHERE ended_at >= ?1 ->> '$.since')"
            ),
            json!({ "now": millis(*now), "since": millis(*ended_since) }),
        ),
        SegmentFilter::Active { since } => (
            "m.last_active_day >= ?1 ->> '$.since'".to_owned(),
            json!({ "since": day_text(*since) }),
        ),
        SegmentFilter::All => ("1".to_owned(), json!({})),
        SegmentFilter::Tier { tier, now } => (
            "m.id IN (SELECT member_id FROM memberships WHERE tier = ?1 ->> '$.tier' \
             AND ended_at IS NULL AND (expires_at IS NULL OR expires_at > ?1 ->> '$.now'))"
                .to_owned(),
            json!({ "tier": tier, "now": millis(*now) }),
        ),
    };
    (format!("{base} AND {rule}"), values)
}

/// One member of a segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmentMemberRow {
    pub member: MemberId,
    pub name: String,
    pub last_active: Option<NaiveDate>,
    /// Ids of the tiers they hold now.
    pub tiers: Vec<String>,
    /// When the soonest-ending of those ends (`None`: none, or all lifetime).
    pub ends_at: Option<DateTime<Utc>>,
}

type Row = (
    i64,
    String,
    Option<String>,
    Option<String>,
    Option<i64>,
    i64,
);

impl Store {
    /// One page of a segment's members, by id, and how many it has in all.
    pub async fn segment_members(
        &self,
        filter: &SegmentFilter,
        now: DateTime<Utc>,
        offset: u32,
        limit: u32,
    ) -> Result<(Vec<SegmentMemberRow>, i64)> {
        let (clause, mut values) = segment_clause(filter);
        values["now"] = json!(millis(now));
        let sql = format!(
            "SELECT m.id, m.display_name, m.last_active_day, \
             (SELECT group_concat(s.tier, ' ') FROM memberships s WHERE {RUNNING}), \
             (SELECT MIN(s.expires_at) FROM memberships s WHERE {RUNNING}), \
             COUNT(*) OVER () FROM members m WHERE {clause} ORDER BY m.id LIMIT ?2 OFFSET ?3"
        );
        // The clause is one of segment_clause's constants; values are bound.
        let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(values.to_string())
            .bind(i64::from(limit))
            .bind(i64::from(offset))
            .fetch_all(&self.pool)
            .await
            .during("segment_members")?;
        let total = rows.first().map_or(0, |r| r.5);
        Ok((
            rows.into_iter()
                .map(|(id, name, last, tiers, ends, _)| SegmentMemberRow {
                    member: MemberId(id),
                    name,
                    last_active: last.as_deref().and_then(parse_day),
                    tiers: tiers
                        .map(|t| t.split(' ').map(str::to_owned).collect())
                        .unwrap_or_default(),
                    ends_at: ends.map(crate::from_millis),
                })
                .collect(),
            total,
        ))
    }
}
