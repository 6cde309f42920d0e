//! The media recorded with a drop, in the order its message held them, and which stored content
//! (the media folder's SHA-256 name) each one is once fetched.

use chrono::{DateTime, Duration, Utc};

use super::error::During;
use super::{Result, Store, WriteTx};
use steward_core::media::{Media, MediaKind};

/// One file of a drop: what the platform said of it, and its stored content once fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredMedia {
    pub position: i64,
    /// The platform that keeps the file (`telegram`, `discord`, `console`).
    pub platform: String,
    pub media: Media,
    /// The content name in the media folder; `None` until fetched.
    pub sha256: Option<String>,
}

type MediaTuple = (
    i64,
    String,
    String,
    String,
    Option<String>,
    Option<i64>,
    String,
    Option<String>,
);

impl WriteTx {
    /// Records `media`, kept by `platform`, as drop `id`'s, in order.
    pub async fn add_drop_media(&mut self, id: i64, platform: &str, media: &[Media]) -> Result<()> {
        self.add_files(
            "INSERT INTO drop_media (drop_id, position, platform, kind, name, mime, size, \
             source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            id,
            platform,
            media,
        )
        .await
    }

    /// Runs `insert` (owner, position, platform, kind, name, type, size, source) for each of
    /// `media`, in order: the one shape of a drop's and a submission's files.
    pub(super) async fn add_files(
        &mut self,
        insert: &'static str,
        owner: i64,
        platform: &str,
        media: &[Media],
    ) -> Result<()> {
        for (position, m) in media.iter().enumerate() {
            sqlx::query(insert)
                .bind(owner)
                .bind(i64::try_from(position).unwrap_or(i64::MAX))
                .bind(platform)
                .bind(m.kind.as_str())
                .bind(&m.name)
                .bind(&m.mime)
                .bind(m.size.and_then(|s| i64::try_from(s).ok()))
                .bind(&m.source)
                .execute(&mut *self.tx)
                .await
                .during("add_files")?;
        }
        Ok(())
    }

    /// Records that file `position` of drop `id` is stored as `sha256`, `size` bytes (its true
    /// size, whatever the platform said), and counts the content in the folder once.
    pub async fn set_media_stored(
        &mut self,
        id: i64,
        position: i64,
        sha256: &str,
        size: u64,
        at: DateTime<Utc>,
    ) -> Result<()> {
        let size = i64::try_from(size).unwrap_or(i64::MAX);
        sqlx::query("INSERT OR IGNORE INTO media_files (sha256, size, stored_at) VALUES (?, ?, ?)")
            .bind(sha256)
            .bind(size)
            .bind(super::millis(at))
            .execute(&mut *self.tx)
            .await
            .during("set_media_stored")?;
        sqlx::query(
            "UPDATE drop_media SET sha256 = ?, size = ? WHERE drop_id = ? AND position = ?",
        )
        .bind(sha256)
        .bind(size)
        .bind(id)
        .bind(position)
        .execute(&mut *self.tx)
        .await
        .during("set_media_stored")?;
        Ok(())
    }
}

impl WriteTx {
    /// Records that links to file `position` of drop `id` were sent, good until `until`.
    pub async fn set_media_linked(
        &mut self,
        id: i64,
        position: i64,
        until: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "UPDATE drop_media SET linked_until = MAX(COALESCE(linked_until, 0), ?) \
             WHERE drop_id = ? AND position = ?",
        )
        .bind(super::millis(until))
        .bind(id)
        .bind(position)
        .execute(&mut *self.tx)
        .await
        .during("set_media_linked")?;
        Ok(())
    }

    /// Forgets stored content `sha256` (its file is gone from the folder): it no longer counts
    /// against the bound. The drops keep naming it, so `/drop show` still lists the file.
    pub async fn forget_media_file(&mut self, sha256: &str) -> Result<()> {
        sqlx::query("DELETE FROM media_files WHERE sha256 = ?")
            .bind(sha256)
            .execute(&mut *self.tx)
            .await
            .during("forget_media_file")?;
        Ok(())
    }
}

impl Store {
    /// Stored content no drop needs any more at `now`: every drop carrying it is done (no
    /// occurrence to come, nothing left to deliver) for longer than `keep`, and no link to it
    /// sent with a drop is still good.
    pub async fn media_to_prune(&self, now: DateTime<Utc>, keep: Duration) -> Result<Vec<String>> {
        let now = super::millis(now);
        sqlx::query_scalar(
            "SELECT f.sha256 FROM media_files f WHERE NOT EXISTS ( \
               SELECT 1 FROM drop_media m JOIN drops d ON d.id = m.drop_id \
               WHERE m.sha256 = f.sha256 AND ( \
                 (d.cancelled_at IS NULL AND d.next_at IS NOT NULL) \
                 OR COALESCE(m.linked_until, 0) > ? \
                 OR EXISTS (SELECT 1 FROM deliveries x WHERE x.drop_id = d.id \
                            AND x.state IN ('pending', 'sending')) \
                 OR MAX(d.created_at, COALESCE(d.cancelled_at, 0), \
                        COALESCE((SELECT MAX(COALESCE(x.sent_at, x.next_attempt_at)) \
                                  FROM deliveries x WHERE x.drop_id = d.id), 0)) > ?))",
        )
        .bind(now)
        .bind(now - keep.num_milliseconds())
        .fetch_all(&self.pool)
        .await
        .during("media_to_prune")
    }

    /// Drop `id`'s media, in order.
    pub async fn drop_media(&self, id: i64) -> Result<Vec<StoredMedia>> {
        let rows: Vec<MediaTuple> = sqlx::query_as(
            "SELECT m.position, COALESCE(m.platform, d.source_platform, ''), m.kind, m.name, \
             m.mime, m.size, m.source, m.sha256 FROM drop_media m JOIN drops d ON d.id = m.drop_id \
             WHERE m.drop_id = ? ORDER BY m.position",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await
        .during("drop_media")?;
        Ok(rows
            .into_iter()
            .map(
                |(position, platform, kind, name, mime, size, source, sha256)| StoredMedia {
                    position,
                    platform,
                    media: Media {
                        kind: MediaKind::parse(&kind),
                        name,
                        mime,
                        size: size.and_then(|s| u64::try_from(s).ok()),
                        source,
                    },
                    sha256,
                },
            )
            .collect())
    }

    /// Bytes the media folder holds, by the files recorded in it.
    pub async fn media_bytes_stored(&self) -> Result<u64> {
        let total: Option<i64> = sqlx::query_scalar("SELECT SUM(size) FROM media_files")
            .fetch_one(&self.pool)
            .await
            .during("media_bytes_stored")?;
        Ok(total.and_then(|t| u64::try_from(t).ok()).unwrap_or(0))
    }

    /// Whether content `sha256` is recorded as stored.
    pub async fn media_file_known(&self, sha256: &str) -> Result<bool> {
        let found: Option<i64> = sqlx::query_scalar("SELECT 1 FROM media_files WHERE sha256 = ?")
            .bind(sha256)
            .fetch_optional(&self.pool)
            .await
            .during("media_file_known")?;
        Ok(found.is_some())
    }
}
