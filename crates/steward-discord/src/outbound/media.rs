//! Files on Discord: an attachment is fetched from its CDN address (which Discord signs to
//! expire, so Steward fetches it once, at scheduling), and a drop's files go up as the
//! message's attachments, within the upload limit of a server without boosts (25 MB).
//!
//! Only Discord's CDN (or the local peer the client is pointed at) is fetched from: a stored
//! address is never a way to make the bot call anywhere else.

use std::time::Duration;

use url::Url;

use crate::core::media::Media;
use crate::engine::PlatformError;
use crate::engine::platform::{MIB, with_causes};
use crate::msg;

/// The largest upload Steward sends to a server (without boosts).
pub(crate) const UPLOAD_LIMIT: u64 = 25 * MIB;
/// Where Discord keeps attachments.
const CDN_HOSTS: [&str; 2] = ["cdn.discordapp.com", "media.discordapp.net"];
/// A fetch that takes longer than this is given up and tried again later.
const FETCH_TIMEOUT: Duration = Duration::from_secs(120);

/// Fetches attachments from where Discord keeps them.
pub(crate) struct MediaFetcher {
    client: reqwest::Client,
    /// The local peer's origin when the REST client is pointed at one (tests, the bench).
    local: Option<Url>,
}

impl MediaFetcher {
    pub(crate) fn new(proxy: Option<&str>) -> Self {
        let client = reqwest::Client::builder()
            .timeout(FETCH_TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_default();
        Self {
            client,
            local: proxy.and_then(|p| Url::parse(p).ok()),
        }
    }

    fn allowed(&self, url: &Url) -> bool {
        let cdn =
            url.scheme() == "https" && url.host_str().is_some_and(|host| CDN_HOSTS.contains(&host));
        let local = self
            .local
            .as_ref()
            .is_some_and(|l| l.origin() == url.origin());
        cdn || local
    }

    /// The bytes of the attachment at `media.source`, at most `max`.
    pub(crate) async fn fetch(&self, media: &Media, max: u64) -> Result<Vec<u8>, PlatformError> {
        let failed = |error: String| {
            PlatformError::Failed(msg!("media-fetch-failed", error = error).to_string())
        };
        let url = Url::parse(&media.source)
            .ok()
            .filter(|url| self.allowed(url))
            .ok_or_else(|| PlatformError::Gone(msg!("media-not-on-platform")))?;
        let mut response = self
            .client
            .get(url)
            .send()
            .await
            .map_err(|e| failed(with_causes(&e)))?;
        let status = response.status();
        if status.is_client_error() && status.as_u16() != 429 {
            // Deleted, or its signed address expired: asking again will not bring it back.
            return Err(PlatformError::Gone(msg!(
                "media-fetch-failed",
                error = status.to_string()
            )));
        }
        if !status.is_success() {
            return Err(failed(status.to_string()));
        }
        if response.content_length().is_some_and(|length| length > max) {
            return Err(PlatformError::Gone(msg!("media-file-too-big")));
        }
        let mut bytes = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| failed(with_causes(&e)))?
        {
            bytes.extend_from_slice(&chunk);
            if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > max {
                return Err(PlatformError::Gone(msg!("media-file-too-big")));
            }
        }
        Ok(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_cdn_or_the_local_peer_is_fetched_from() {
        let fetcher = MediaFetcher::new(Some("http://127.0.0.1:4000"));
        let allowed = |url: &str| fetcher.allowed(&Url::parse(url).expect("a url"));
        assert!(allowed(
            "https://cdn.discordapp.com/attachments/1/2/a.png?ex=1"
        ));
        assert!(allowed("http://127.0.0.1:4000/attachments/1/2/a.png"));
        assert!(!allowed("http://cdn.discordapp.com/attachments/1/2/a.png"));
        assert!(!allowed("https://cdn.discordapp.com.evil.example/a.png"));
        assert!(!allowed("http://127.0.0.1:4001/a.png"));
        assert!(!allowed("http://169.254.169.254/latest/meta-data"));
        assert!(
            !MediaFetcher::new(None)
                .allowed(&Url::parse("http://127.0.0.1:4000/a").expect("a url"))
        );
    }
}
