//! What recommendations read (every rating of a drop still standing) and the weekly "for you"
//! DM's subscribers with the slot each was last sent.

use chrono::{DateTime, Utc};

use super::error::During;
use super::{Result, Store, WriteTx, millis};
use steward_core::ids::MemberId;
use steward_core::recommend::Rating;

impl Store {
    /// Every rating of a drop that is not cancelled.
    pub async fn all_ratings(&self) -> Result<Vec<Rating>> {
        let rows: Vec<(i64, i64, i64)> = sqlx::query_as(
            "SELECT r.member_id, r.drop_id, r.stars FROM ratings r JOIN drops d ON d.id = r.drop_id \
             WHERE d.cancelled_at IS NULL",
        )
        .fetch_all(&self.pool)
        .await
        .during("all_ratings")?;
        Ok(rows
            .into_iter()
            .map(|(member, item, stars)| Rating {
                member,
                item,
                stars: u8::try_from(stars.clamp(1, 5)).unwrap_or(3),
            })
            .collect())
    }

    /// Whether `member` gets the weekly DM.
    pub async fn weekly_recommendations(&self, member: MemberId) -> Result<bool> {
        let found: Option<i64> =
            sqlx::query_scalar("SELECT 1 FROM recommend_weekly WHERE member_id = ?")
                .bind(member.0)
                .fetch_optional(&self.pool)
                .await
                .during("weekly_recommendations")?;
        Ok(found.is_some())
    }

    /// Subscribers not yet sent the DM of the slot at `slot`.
    pub async fn weekly_due(&self, slot: DateTime<Utc>, limit: u32) -> Result<Vec<MemberId>> {
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT member_id FROM recommend_weekly WHERE sent_for < ? ORDER BY member_id LIMIT ?",
        )
        .bind(millis(slot))
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await
        .during("weekly_due")?;
        Ok(ids.into_iter().map(MemberId).collect())
    }

    /// Whether anyone gets the weekly DM.
    pub async fn any_weekly_recommendations(&self) -> Result<bool> {
        let found: Option<i64> = sqlx::query_scalar("SELECT 1 FROM recommend_weekly LIMIT 1")
            .fetch_optional(&self.pool)
            .await
            .during("any_weekly_recommendations")?;
        Ok(found.is_some())
    }
}

impl WriteTx {
    /// Turns the weekly DM on (counting the slot at `sent_for` as sent) or off; whether that
    /// changed anything.
    pub async fn set_weekly_recommendations(
        &mut self,
        member: MemberId,
        on: bool,
        sent_for: DateTime<Utc>,
    ) -> Result<bool> {
        let done = if on {
            sqlx::query(
                "INSERT INTO recommend_weekly (member_id, sent_for) VALUES (?, ?) \
                 ON CONFLICT (member_id) DO NOTHING",
            )
            .bind(member.0)
            .bind(millis(sent_for))
            .execute(&mut *self.tx)
            .await
        } else {
            sqlx::query("DELETE FROM recommend_weekly WHERE member_id = ?")
                .bind(member.0)
                .execute(&mut *self.tx)
                .await
        }
        .during("set_weekly_recommendations")?;
        Ok(done.rows_affected() > 0)
    }

    /// Marks `member`'s DM of the slot at `slot` sent; false when it already was (another
    /// process or tick got there first).
    pub async fn claim_weekly(&mut self, member: MemberId, slot: DateTime<Utc>) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE recommend_weekly SET sent_for = ?1 WHERE member_id = ?2 AND sent_for < ?1",
        )
        .bind(millis(slot))
        .bind(member.0)
        .execute(&mut *self.tx)
        .await
        .during("claim_weekly")?;
        Ok(done.rows_affected() > 0)
    }
}
