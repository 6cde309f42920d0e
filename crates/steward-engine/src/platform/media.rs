//! Files drops carry, on their way in and out: fetched once from where a platform keeps them
//! (a Telegram file id, a Discord attachment's address), uploaded where a drop cannot be copied.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use super::PlatformError;
use crate::core::media::MediaKind;

/// A file as uploaded with a drop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboundMedia {
    pub kind: MediaKind,
    pub name: String,
    pub mime: Option<String>,
    /// Shared: one drop's file goes to every target from one copy in memory.
    pub bytes: Arc<[u8]>,
}

/// A file's bytes, fetched from its platform.
pub type FetchFuture<'a> =
    Pin<Box<dyn Future<Output = Result<Vec<u8>, PlatformError>> + Send + 'a>>;

/// 1 MiB, the unit platforms state their limits in.
pub const MIB: u64 = 1024 * 1024;
