//! Fetching a drop's files once, into the media folder: at scheduling, and again before a
//! delivery for any file a first try missed. A file already stored is never fetched again, so
//! a deleted original still delivers; the folder never grows past `media.max_bytes`.

use chrono::{DateTime, Duration, Utc};

use super::drops::DM_TARGET;
use crate::core::ids::Platform;
use crate::core::media::readable_size;
use crate::i18n::Lang;
use crate::membership::words::platform as platform_name;
use crate::platform::PlatformError;
use crate::store::StoredMedia;
use crate::store::media_files::content_name;
use crate::{Drops, EngineResult, msg, tr};

/// The largest file a drop carries: a file is held in memory whole while it is fetched,
/// uploaded or served, so this bounds what one file costs a small server.
pub(crate) const MAX_FILE: u64 = 100 * crate::platform::MIB;

/// What fetching a drop's files could not do: each file that is still missing, and why.
#[derive(Debug, Default)]
pub(super) struct Missing(pub Vec<(String, PlatformError)>);

impl Missing {
    /// Whether some file is gone for good (deleted, too big), not merely not fetched yet.
    pub(super) fn gone(&self) -> Option<&(String, PlatformError)> {
        self.0
            .iter()
            .find(|(_, e)| matches!(e, PlatformError::Gone(_)))
    }
}

impl Drops {
    /// Fetches every file of drop `id` that is not stored yet from the platform keeping it;
    /// its files as stored, and what is missing.
    pub(super) async fn store_drop_media(
        &self,
        id: i64,
    ) -> EngineResult<(Vec<StoredMedia>, Missing)> {
        let mut media = self.kernel.store.drop_media(id).await?;
        let mut missing = Missing::default();
        for stored in &mut media {
            if stored.sha256.is_some() {
                continue;
            }
            let Ok(platform) = stored.platform.parse::<Platform>() else {
                let gone = PlatformError::Gone(msg!("media-not-on-platform"));
                missing.0.push((stored.media.name.clone(), gone));
                continue;
            };
            match self.fetch_one(id, platform, stored).await? {
                Ok(()) => {}
                Err(e) => missing.0.push((stored.media.name.clone(), e)),
            }
        }
        Ok((media, missing))
    }

    /// Fetches one file and records it stored; the platform's refusal, if any.
    async fn fetch_one(
        &self,
        id: i64,
        platform: Platform,
        stored: &mut StoredMedia,
    ) -> EngineResult<Result<(), PlatformError>> {
        let bound = self.kernel.config.media.max_bytes;
        let full = || PlatformError::Gone(msg!("media-store-full"));
        if stored.media.size.is_some_and(|size| size > MAX_FILE) {
            return Ok(Err(PlatformError::Gone(msg!("media-file-too-big"))));
        }
        if stored.media.size.is_some_and(|size| size > bound) {
            return Ok(Err(full()));
        }
        let bytes = match self
            .kernel
            .platform
            .fetch_media(platform, &stored.media, bound.min(MAX_FILE))
            .await
        {
            Ok(bytes) => bytes,
            Err(e) => return Ok(Err(e)),
        };
        let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
        let _folder = self.files_lock.lock().await;
        // Content already in the folder takes no more room.
        if !self
            .kernel
            .store
            .media_file_known(&content_name(&bytes))
            .await?
        {
            let used = self.kernel.store.media_bytes_stored().await?;
            if used.saturating_add(size) > bound {
                return Ok(Err(full()));
            }
        }
        let name = match self.files.put(&bytes).await {
            Ok(name) => name,
            Err(e) => {
                tracing::error!(error = %e, folder = %self.files.dir().display(), "a drop's file could not be stored");
                return Ok(Err(PlatformError::Failed(e.to_string())));
            }
        };
        let mut tx = self.kernel.store.begin().await?;
        tx.set_media_stored(id, stored.position, &name, size, self.kernel.now())
            .await?;
        tx.commit().await?;
        stored.sha256 = Some(name);
        stored.media.size = Some(size);
        Ok(Ok(()))
    }
}

impl Drops {
    /// Fetches drop `id`'s files right after it is scheduled, and tells the operator what did
    /// not go as planned: a file not fetched (with why; a passing failure is tried again before
    /// delivery) and a file too big for a platform it goes to (it goes there as a link).
    pub(super) async fn media_notes(
        &self,
        lang: Lang,
        id: i64,
        copied: Option<Platform>,
        targets: &[String],
    ) -> EngineResult<Vec<String>> {
        let (files, missing) = self.store_drop_media(id).await?;
        let mut notes: Vec<String> = missing
            .0
            .iter()
            .map(|(name, why)| {
                let (name, why_text) = (name.as_str(), why.describe(lang));
                match why {
                    PlatformError::Gone(_) => {
                        tr!(lang, "drop-media-not-fetched", name = name, why = why_text)
                    }
                    _ => tr!(lang, "drop-media-fetch-later", name = name, why = why_text),
                }
            })
            .collect();
        for platform in self.upload_platforms(copied, targets) {
            let limit = self.kernel.platform.upload_limit(platform);
            for stored in &files {
                let Some(size) = stored.media.size.filter(|size| *size > limit) else {
                    continue;
                };
                let (value, unit) = readable_size(size);
                let (max, max_unit) = readable_size(limit);
                notes.push(tr!(
                    lang,
                    "drop-media-linked",
                    name = stored.media.name.as_str(),
                    size = tr!(lang, "drop-media-size", value = value, unit = unit),
                    platform = platform_name(platform),
                    limit = tr!(lang, "drop-media-size", value = max, unit = max_unit)
                ));
            }
        }
        Ok(notes)
    }

    /// The platforms `targets` reach where a drop is uploaded, not copied (a copy is only of
    /// the `copied` message's platform): chats on them, and for DMs every platform this
    /// process drives.
    fn upload_platforms(&self, copied: Option<Platform>, targets: &[String]) -> Vec<Platform> {
        let platform = &self.kernel.platform;
        Platform::ALL
            .into_iter()
            .filter(|p| !(Some(*p) == copied && platform.copies_messages(*p)))
            .filter(|p| {
                targets.iter().any(|key| {
                    (key == DM_TARGET && platform.drives(*p))
                        || key.split_once(':').is_some_and(|(on, _)| on == p.as_str())
                })
            })
            .collect()
    }
}

impl Drops {
    /// Removes from the media folder each file no drop needs any more: every drop carrying it
    /// done for `media.keep_days` (at once when unset) and no link to it still good. The file
    /// goes before its record, so a crash in between leaves a record the next pass removes.
    /// Returns how many were removed.
    pub(crate) async fn prune_media(&self, now: DateTime<Utc>) -> EngineResult<usize> {
        let keep = Duration::days(i64::from(self.kernel.config.media.keep_days.unwrap_or(0)));
        let _folder = self.files_lock.lock().await;
        let unneeded = self.kernel.store.media_to_prune(now, keep).await?;
        let mut removed = 0;
        for name in unneeded {
            if let Err(e) = self.files.remove(&name).await {
                tracing::warn!(error = %e, "a drop's file could not be removed from the media folder");
                continue;
            }
            let mut tx = self.kernel.store.begin().await?;
            tx.forget_media_file(&name).await?;
            tx.commit().await?;
            removed += 1;
        }
        self.sweep_partials_if_due(now).await;
        Ok(removed)
    }

    /// Once an hour (and at the first tick), removes files a killed process left half written.
    async fn sweep_partials_if_due(&self, now: DateTime<Utc>) {
        if !self.partials_swept.due(now, SWEEP_EVERY) {
            return;
        }
        match self.files.sweep_partials(PARTIAL_AGE).await {
            Ok(0) => {}
            Ok(swept) => tracing::info!(swept, "half-written media files left by a crash removed"),
            Err(e) => tracing::warn!(error = %e, "the media folder could not be swept"),
        }
    }
}

/// How often the media folder is swept of half-written files.
const SWEEP_EVERY: Duration = Duration::hours(1);
/// A half-written file older than this was left by a killed process: a write lasts seconds.
const PARTIAL_AGE: std::time::Duration = std::time::Duration::from_secs(600);
