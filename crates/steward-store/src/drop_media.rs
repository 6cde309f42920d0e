//! The media recorded with a drop, in the order its message held them.

use super::error::During;
use super::{Result, Store, WriteTx};
use steward_core::media::{Media, MediaKind};

type MediaTuple = (String, String, Option<String>, Option<i64>, String);

impl WriteTx {
    /// Records `media` as drop `id`'s, in order.
    pub async fn add_drop_media(&mut self, id: i64, media: &[Media]) -> Result<()> {
        for (position, m) in media.iter().enumerate() {
            sqlx::query(
                "INSERT INTO drop_media (drop_id, position, kind, name, mime, size, source) \
                 VALUES (?, ?, ?, ?, ?, ?, ?)",
            )
            .bind(id)
            .bind(i64::try_from(position).unwrap_or(i64::MAX))
            .bind(m.kind.as_str())
            .bind(&m.name)
            .bind(&m.mime)
            .bind(m.size.and_then(|s| i64::try_from(s).ok()))
            .bind(&m.source)
            .execute(&mut *self.tx)
            .await
            .during("add_drop_media")?;
        }
        Ok(())
    }
}

impl Store {
    /// Drop `id`'s media, in order.
    pub async fn drop_media(&self, id: i64) -> Result<Vec<Media>> {
        let rows: Vec<MediaTuple> = sqlx::query_as(
            "SELECT kind, name, mime, size, source FROM drop_media WHERE drop_id = ? \
             ORDER BY position",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await
        .during("drop_media")?;
        Ok(rows
            .into_iter()
            .map(|(kind, name, mime, size, source)| Media {
                kind: MediaKind::parse(&kind),
                name,
                mime,
                size: size.and_then(|s| u64::try_from(s).ok()),
                source,
            })
            .collect())
    }
}
