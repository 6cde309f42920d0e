//! Tags on drops: set with the drop or replaced later, read per drop, per tag, and all at once
//! for recommendations.

use super::drops::{drop_row, with_filter};
use super::error::During;
use super::{DropRow, Result, Store, WriteTx};

impl WriteTx {
    /// Replaces a drop's tags with `tags` (none clears them).
    pub async fn set_drop_tags(&mut self, drop: i64, tags: &[String]) -> Result<()> {
        sqlx::query("DELETE FROM drop_tags WHERE drop_id = ?")
            .bind(drop)
            .execute(&mut *self.tx)
            .await
            .during("set_drop_tags")?;
        for tag in tags {
            sqlx::query("INSERT OR IGNORE INTO drop_tags (drop_id, tag) VALUES (?, ?)")
                .bind(drop)
                .bind(tag)
                .execute(&mut *self.tx)
                .await
                .during("set_drop_tags")?;
        }
        Ok(())
    }
}

impl Store {
    /// A drop's tags, alphabetically.
    pub async fn drop_tags(&self, drop: i64) -> Result<Vec<String>> {
        sqlx::query_scalar("SELECT tag FROM drop_tags WHERE drop_id = ? ORDER BY tag")
            .bind(drop)
            .fetch_all(&self.pool)
            .await
            .during("drop_tags")
    }

    /// Every tag of every drop not cancelled, as (drop, tag).
    pub async fn all_drop_tags(&self) -> Result<Vec<(i64, String)>> {
        sqlx::query_as(
            "SELECT t.drop_id, t.tag FROM drop_tags t JOIN drops d ON d.id = t.drop_id \
             WHERE d.cancelled_at IS NULL",
        )
        .fetch_all(&self.pool)
        .await
        .during("all_drop_tags")
    }

    /// Drops with `tag` that went out or are still to come, newest first.
    pub async fn drops_tagged(&self, tag: &str, limit: u32) -> Result<Vec<DropRow>> {
        let rows = sqlx::query(with_filter(
            "WHERE cancelled_at IS NULL AND id IN (SELECT drop_id FROM drop_tags WHERE tag = ?) \
             AND (next_at IS NOT NULL OR EXISTS (SELECT 1 FROM deliveries d \
             WHERE d.drop_id = drops.id AND d.state = 'sent')) ORDER BY id DESC LIMIT ?",
        ))
        .bind(tag)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await
        .during("drops_tagged")?;
        Ok(rows.iter().map(drop_row).collect())
    }
}
