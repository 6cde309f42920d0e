//! The operator's sections: `[backup]` (how often the running bot copies the database, how many
//! copies it keeps and where) and `[log]` (plain text or one JSON object per line).

use std::path::{Path, PathBuf};

use chrono::Duration;
use serde::Deserialize;
use toml::Spanned;

use super::problems::Problems;

/// Scheduled backups, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupConfig {
    /// Time between backups; `None`: the bot makes none (`every = ""`).
    pub every: Option<Duration>,
    /// Backups kept; older ones are deleted after each new one.
    pub keep: u32,
    /// Where backups go; a relative path is beside the database.
    pub dir: PathBuf,
}

impl Default for BackupConfig {
    fn default() -> Self {
        Self {
            every: Some(Duration::days(1)),
            keep: 7,
            dir: PathBuf::from("backups"),
        }
    }
}

impl BackupConfig {
    /// The backup folder of the database at `database`.
    #[must_use]
    pub fn dir_for(&self, database: &Path) -> PathBuf {
        let beside = database.parent().unwrap_or_else(|| Path::new(""));
        beside.join(&self.dir)
    }
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum LogFormat {
    /// Human-readable lines (colour only on a terminal).
    #[default]
    Text,
    /// One JSON object per line, for a log collector.
    Json,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct BackupSection {
    pub every: Spanned<String>,
    pub keep: u32,
    pub dir: Spanned<String>,
}

impl Default for BackupSection {
    fn default() -> Self {
        Self {
            every: Spanned::new(0..0, "1d".into()),
            keep: 7,
            dir: Spanned::new(0..0, "backups".into()),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LogSection {
    pub format: Spanned<String>,
}

impl Default for LogSection {
    fn default() -> Self {
        Self {
            format: Spanned::new(0..0, "text".into()),
        }
    }
}

pub(super) fn backup(section: &BackupSection, problems: &mut Problems<'_>) -> BackupConfig {
    let written = section.every.get_ref().trim();
    let every = if written.is_empty() {
        None
    } else {
        match steward_core::duration::parse_span(written) {
            Ok(every) if every >= Duration::hours(1) => Some(every),
            Ok(_) => {
                problems.add(
                    &section.every.span(),
                    "backup.every",
                    format!("`{written}` is too often: back up at most once an hour"),
                );
                None
            }
            Err(e) => {
                problems.add(&section.every.span(), "backup.every", e.to_string());
                None
            }
        }
    };
    if section.dir.get_ref().trim().is_empty() {
        problems.add(&section.dir.span(), "backup.dir", "must name a folder");
    }
    BackupConfig {
        every,
        keep: section.keep,
        dir: PathBuf::from(section.dir.get_ref().trim()),
    }
}

pub(super) fn log(section: &LogSection, problems: &mut Problems<'_>) -> LogFormat {
    match section.format.get_ref().trim() {
        "text" => LogFormat::Text,
        "json" => LogFormat::Json,
        other => {
            problems.add(
                &section.format.span(),
                "log.format",
                format!("`{other}` is not one of text, json"),
            );
            LogFormat::Text
        }
    }
}
