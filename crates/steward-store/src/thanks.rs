//! Thanks given, for the per-giver and per-pair daily limits.

use chrono::{DateTime, NaiveDate, Utc};

use super::error::During;
use super::{Result, WriteTx, day_text, millis};
use steward_core::ids::MemberId;

impl WriteTx {
    /// How many thanks `giver` gave on `day`, and whether one of them went to `receiver`.
    pub async fn thanks_given(
        &mut self,
        giver: MemberId,
        receiver: MemberId,
        day: NaiveDate,
    ) -> Result<(u32, bool)> {
        let (count, pair): (i64, i64) = sqlx::query_as(
            "SELECT COUNT(*), COALESCE(SUM(receiver_id = ?), 0) FROM thanks WHERE giver_id = ? AND day = ?",
        )
        .bind(receiver.0)
        .bind(giver.0)
        .bind(day_text(day))
        .fetch_one(&mut *self.tx)
        .await.during("thanks_given")?;
        Ok((u32::try_from(count).unwrap_or(u32::MAX), pair > 0))
    }

    /// Records a thanks; the primary key refuses a second one for the same pair and day.
    pub async fn record_thanks(
        &mut self,
        giver: MemberId,
        receiver: MemberId,
        day: NaiveDate,
        at: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query("INSERT INTO thanks (giver_id, receiver_id, day, at) VALUES (?, ?, ?, ?)")
            .bind(giver.0)
            .bind(receiver.0)
            .bind(day_text(day))
            .bind(millis(at))
            .execute(&mut *self.tx)
            .await
            .during("record_thanks")?;
        Ok(())
    }
}
