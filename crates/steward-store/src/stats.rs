//! Community-wide counts for the operators' overview and the metrics scrape: members, running
//! memberships by tier, deliveries by state, and the database's size.

use super::error::During;
use super::{Result, Store};

/// The counts, read in one go.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommunityCounts {
    /// Members not erased.
    pub members: i64,
    pub running_by_tier: Vec<(String, i64)>,
    pub deliveries_by_state: Vec<(String, i64)>,
    pub database_bytes: i64,
}

impl Store {
    pub async fn community_counts(&self) -> Result<CommunityCounts> {
        let members: i64 =
            // Kept by migration 0010's triggers.
            sqlx::query_scalar("SELECT COALESCE(SUM(value), 0) FROM stat_counters WHERE name = 'members' AND period = 'all'")
                .fetch_one(&self.pool)
                .await
                .during("community_counts")?;
        let running_by_tier: Vec<(String, i64)> = sqlx::query_as(
            "SELECT tier, COUNT(*) FROM memberships WHERE ended_at IS NULL GROUP BY tier ORDER BY tier",
        )
        .fetch_all(&self.pool)
        .await
        .during("community_counts")?;
        let deliveries_by_state: Vec<(String, i64)> =
            sqlx::query_as("SELECT state, n FROM delivery_states WHERE n > 0 ORDER BY state")
                .fetch_all(&self.pool)
                .await
                .during("community_counts")?;
        let database_bytes: i64 = sqlx::query_scalar(
            "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
        )
        .fetch_one(&self.pool)
        .await
        .during("community_counts")?;
        Ok(CommunityCounts {
            members,
            running_by_tier,
            deliveries_by_state,
            database_bytes,
        })
    }

    /// Whether the database answers and every migration this binary knows is applied.
    pub async fn ready(&self) -> bool {
        let applied: Result<i64, sqlx::Error> =
            sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE success = 1")
                .fetch_one(&self.pool)
                .await;
        let known = sqlx::migrate!("../../migrations").iter().count();
        applied.is_ok_and(|n| usize::try_from(n).is_ok_and(|n| n >= known))
    }
}
