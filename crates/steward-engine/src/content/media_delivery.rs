//! A drop's files as one target platform gets them: uploads within the platform's limit, in
//! their order, and for each file past it a signed, expiring link to the web side (gated as the
//! drop is). Prepared once per drop and platform in a delivery pass, so a drop to a thousand
//! DMs reads its files once.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::core::ids::Platform;
use crate::core::media::readable_size;
use crate::core::media_links::MediaLink;
use crate::platform::{OutboundMedia, PlatformError};
use crate::store::DropRow;
use crate::{Drops, EngineResult, msg, tr};

/// A drop's files for one platform: what is uploaded, and lines with links for the rest.
#[derive(Debug, Clone, Default)]
pub(super) struct PreparedMedia {
    pub uploads: Vec<OutboundMedia>,
    pub links: Vec<String>,
}

/// Files prepared in one delivery pass, by drop and target platform; a failure is kept too,
/// so the drop's other deliveries in the pass wait with it instead of fetching again.
#[derive(Default)]
pub(super) struct MediaCache(HashMap<(i64, Platform), Result<PreparedMedia, PlatformError>>);

impl Drops {
    /// Drop `drop`'s files for `target`, fetching any not stored yet: `Err` when one is not
    /// fetched yet (retried with the delivery) or gone for good (the drop fails, not half
    /// posted).
    pub(super) async fn media_for(
        &self,
        drop: &DropRow,
        target: Platform,
        now: DateTime<Utc>,
        cache: &tokio::sync::Mutex<MediaCache>,
    ) -> EngineResult<Result<PreparedMedia, PlatformError>> {
        // Held while preparing, so deliveries in flight together read the files once.
        let mut cache = cache.lock().await;
        if let Some(known) = cache.0.get(&(drop.id, target)) {
            return Ok(known.clone());
        }
        let prepared = self.prepare(drop, target, now).await?;
        cache.0.insert((drop.id, target), prepared.clone());
        Ok(prepared)
    }

    async fn prepare(
        &self,
        drop: &DropRow,
        target: Platform,
        now: DateTime<Utc>,
    ) -> EngineResult<Result<PreparedMedia, PlatformError>> {
        let (files, missing) = self.store_drop_media(drop.id).await?;
        if let Some((name, why)) = missing.gone() {
            let why = why.why();
            return Ok(Err(PlatformError::Gone(msg!(
                "drop-media-gone",
                name = name.as_str(),
                why = why
            ))));
        }
        if let Some((_, e)) = missing.0.into_iter().next() {
            return Ok(Err(e));
        }
        let lang = self.kernel.community_language();
        let limit = self.kernel.platform.upload_limit(target);
        let mut prepared = PreparedMedia::default();
        let mut uploaded = 0u64;
        for stored in files {
            let m = stored.media;
            let size = m.size.unwrap_or(0);
            if uploaded.saturating_add(size) > limit {
                let Some(link) = self.media_link(drop.id, stored.position, now).await? else {
                    return Ok(Err(PlatformError::Gone(msg!(
                        "drop-media-too-big",
                        name = m.name.as_str(),
                        platform = target.title()
                    ))));
                };
                let (value, unit) = readable_size(size);
                let size = tr!(lang, "drop-media-size", value = value, unit = unit);
                prepared.links.push(tr!(
                    lang,
                    "drop-media-link",
                    name = m.name.as_str(),
                    size = size,
                    link = link
                ));
                continue;
            }
            let read = match stored.sha256.as_deref() {
                Some(name) => self.files.read(name).await,
                None => Ok(None),
            };
            let bytes = match read {
                Ok(Some(bytes)) => bytes,
                Ok(None) => {
                    return Ok(Err(PlatformError::Gone(msg!(
                        "drop-media-lost",
                        name = m.name.as_str()
                    ))));
                }
                Err(e) => return Ok(Err(PlatformError::Failed(e.to_string()))),
            };
            uploaded = uploaded.saturating_add(size);
            prepared.uploads.push(OutboundMedia {
                kind: m.kind,
                name: m.name,
                mime: m.mime,
                bytes: Arc::from(bytes),
            });
        }
        Ok(Ok(prepared))
    }

    /// A signed link to file `position` of drop `drop_id` on the web side; `None` when the
    /// web side is off.
    async fn media_link(
        &self,
        drop_id: i64,
        position: i64,
        now: DateTime<Utc>,
    ) -> EngineResult<Option<String>> {
        let web = &self.kernel.config.web;
        if !web.enabled {
            return Ok(None);
        }
        let secret = self.kernel.store.payment_secret().await?;
        let link = MediaLink::new(drop_id, position, now);
        // The file stays in the folder while a link to it is good.
        let until = DateTime::from_timestamp(link.expires, 0).unwrap_or(now);
        let mut tx = self.kernel.store.begin().await?;
        tx.set_media_linked(drop_id, position, until).await?;
        tx.commit().await?;
        let path = link.path(&secret);
        Ok(Some(format!("{}{path}", web.public_url)))
    }
}
