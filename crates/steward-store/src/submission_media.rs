//! The files of a member's submission, in the order their message held them, with the platform
//! that keeps them. Approved, they are copied to the drop the submission becomes.

use super::error::During;
use super::{Result, Store, WriteTx};
use steward_core::media::{Media, MediaKind};

type Row = (String, String, String, Option<String>, Option<i64>, String);

impl WriteTx {
    /// Records `media`, kept by `platform`, as submission `id`'s.
    pub async fn add_submission_media(
        &mut self,
        id: i64,
        platform: &str,
        media: &[Media],
    ) -> Result<()> {
        self.add_files(
            "INSERT INTO submission_media (submission_id, position, platform, kind, name, \
             mime, size, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            id,
            platform,
            media,
        )
        .await
    }
}

impl Store {
    /// Submission `id`'s files and the platform keeping them, in order.
    pub async fn submission_media(&self, id: i64) -> Result<Vec<(String, Media)>> {
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT platform, kind, name, mime, size, source FROM submission_media \
             WHERE submission_id = ? ORDER BY position",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await
        .during("submission_media")?;
        Ok(rows
            .into_iter()
            .map(|(platform, kind, name, mime, size, source)| {
                let media = Media {
                    kind: MediaKind::parse(&kind),
                    name,
                    mime,
                    size: size.and_then(|s| u64::try_from(s).ok()),
                    source,
                };
                (platform, media)
            })
            .collect())
    }
}
