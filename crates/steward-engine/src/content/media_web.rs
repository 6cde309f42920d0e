//! A drop's file on the web side, for the signed links sent where it was too big to upload:
//! the link must hold (signed by this community, not expired), and the viewer must be allowed
//! to see the drop, exactly as in chat. Anything else is "not found", so a link says nothing
//! to someone who may not open it.

use chrono::{DateTime, Utc};

use crate::core::access::{Viewer, may_see};
use crate::core::media::MediaKind;
use crate::core::media_links::MediaLink;
use crate::{Drops, EngineResult};

/// A drop's file as a page lists it: its name, whether it is a picture (shown inline), and a
/// signed link to it on this site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebFile {
    pub name: String,
    pub image: bool,
    pub link: String,
}

/// A file as the web side serves it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaDownload {
    pub name: String,
    pub mime: Option<String>,
    pub bytes: Vec<u8>,
}

impl Drops {
    /// Drop `drop_id`'s stored files as a page lists them, with links good from `now`; none
    /// before the community's secret exists (made at start). A read: the caller has checked
    /// that the viewer may see the drop.
    pub(crate) async fn web_files(
        &self,
        drop_id: i64,
        now: DateTime<Utc>,
    ) -> EngineResult<Vec<WebFile>> {
        let Some(secret) = self.kernel.store.existing_payment_secret().await? else {
            return Ok(Vec::new());
        };
        let files = self.kernel.store.drop_media(drop_id).await?;
        Ok(files
            .into_iter()
            .filter(|f| f.sha256.is_some())
            .map(|f| WebFile {
                image: f.media.kind == MediaKind::Photo || f.media.kind == MediaKind::Animation,
                link: MediaLink::new(drop_id, f.position, now).path(&secret),
                name: f.media.name,
            })
            .collect())
    }

    /// The file `link` names, if `signature` is the link's, it has not expired and `viewer`
    /// may see its drop; `None` otherwise.
    pub async fn media_file(
        &self,
        viewer: &Viewer,
        link: MediaLink,
        signature: &str,
    ) -> EngineResult<Option<MediaDownload>> {
        // A read: no secret yet means no link was ever made.
        let Some(secret) = self.kernel.store.existing_payment_secret().await? else {
            return Ok(None);
        };
        if !link.holds(&secret, signature, self.kernel.now()) {
            return Ok(None);
        }
        let Some(drop) = self.kernel.store.drop_by_id(link.drop_id).await? else {
            return Ok(None);
        };
        if !may_see(viewer, self.membership.gate(drop.tier.as_deref())) {
            return Ok(None);
        }
        let files = self.kernel.store.drop_media(link.drop_id).await?;
        let Some(stored) = files.into_iter().find(|f| f.position == link.position) else {
            return Ok(None);
        };
        let Some(name) = stored.sha256.as_deref() else {
            return Ok(None);
        };
        let bytes = match self.files.read(name).await {
            Ok(Some(bytes)) => bytes,
            Ok(None) => return Ok(None),
            Err(e) => {
                tracing::error!(error = %e, "a drop's file could not be read");
                return Ok(None);
            }
        };
        Ok(Some(MediaDownload {
            name: stored.media.name,
            mime: stored.media.mime,
            bytes,
        }))
    }
}
