//! `[media]`: where the files drops carry are kept (content-addressed, beside the database), how
//! much room they may take, and how long a file stays once its drop is done.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::problems::Problems;

/// The media store's settings, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaConfig {
    /// Where the files go; a relative path is beside the database.
    pub dir: PathBuf,
    /// Bytes the whole store may hold: a file that would pass it is not fetched, and the
    /// operator is told at scheduling.
    pub max_bytes: u64,
    /// Days a file is kept after the last drop that carries it is done (delivered, cancelled,
    /// no occurrence left); `None`: until then and no longer.
    pub keep_days: Option<u32>,
}

/// 2 GB: a season of slides and short recordings on a small server's disk.
const DEFAULT_MAX_BYTES: u64 = 2_000_000_000;

impl Default for MediaConfig {
    fn default() -> Self {
        Self {
            dir: PathBuf::from("media"),
            max_bytes: DEFAULT_MAX_BYTES,
            keep_days: None,
        }
    }
}

impl MediaConfig {
    /// The media folder of the database at `database`.
    #[must_use]
    pub fn dir_for(&self, database: &Path) -> PathBuf {
        let beside = database.parent().unwrap_or_else(|| Path::new(""));
        beside.join(&self.dir)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MediaSection {
    pub dir: Spanned<String>,
    pub max_bytes: u64,
    pub keep_days: Option<u32>,
}

impl Default for MediaSection {
    fn default() -> Self {
        Self {
            dir: Spanned::new(0..0, "media".into()),
            max_bytes: DEFAULT_MAX_BYTES,
            keep_days: None,
        }
    }
}

pub(super) fn read(section: &MediaSection, problems: &mut Problems<'_>) -> MediaConfig {
    if section.dir.get_ref().trim().is_empty() {
        problems.add(&section.dir.span(), "media.dir", "must name a folder");
    }
    MediaConfig {
        dir: PathBuf::from(section.dir.get_ref().trim()),
        max_bytes: section.max_bytes,
        keep_days: section.keep_days,
    }
}
