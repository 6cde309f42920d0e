//! Scheduled backups as a step function plus a loop: [`Backups::backup_if_due`] copies the
//! database when `backup.every` has passed since the newest backup in `backup.dir` (the first
//! one ten minutes after start, so a quick console session makes none) and deletes the oldest
//! beyond `backup.keep`; [`Backups::run_backups`] sleeps until the next is due. The folder is the
//! record: a restart, or a backup made by hand with `steward backup`, counts.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use tokio::sync::watch;

use crate::Kernel;
use crate::store::backup::{Backup, BackupError};

/// Scheduled backups of the database.
pub struct Backups {
    pub(super) kernel: Arc<Kernel>,
    pub(super) started_at: DateTime<Utc>,
}

impl Backups {
    pub(crate) fn new(kernel: Arc<Kernel>) -> Self {
        Self {
            started_at: kernel.now(),
            kernel,
        }
    }
}

/// How long after start the first backup of a folder with none is made.
pub const FIRST_BACKUP_AFTER: Duration = Duration::minutes(10);

/// The time in a backup's name, `steward-20250131-020000.db`.
const STAMP: &str = "%Y%m%d-%H%M%S";

/// What one [`Backups::backup_if_due`] did.
#[derive(Debug, Default)]
pub struct BackupOutcome {
    pub made: Option<Backup>,
    /// Old backups deleted past `backup.keep`.
    pub pruned: Vec<PathBuf>,
}

/// The name of a backup of `database` taken at `at`.
#[must_use]
pub fn backup_name(database: &Path, at: DateTime<Utc>) -> String {
    format!("{}-{}.db", stem(database), at.format(STAMP))
}

fn stem(database: &Path) -> String {
    database.file_stem().map_or_else(
        || "steward".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// The backups of `database` in `dir`, oldest first, with when each was taken.
#[must_use]
pub fn backups_in(dir: &Path, database: &Path) -> Vec<(DateTime<Utc>, PathBuf)> {
    let prefix = format!("{}-", stem(database));
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<_> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let stamp = name.strip_prefix(&prefix)?.strip_suffix(".db")?;
            let at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?.and_utc();
            Some((at, entry.path()))
        })
        .collect();
    found.sort();
    found
}

impl Backups {
    /// When the next scheduled backup is due, if backups are on.
    #[must_use]
    pub fn next_backup_at(&self) -> Option<DateTime<Utc>> {
        let every = self.kernel.config.backup.every?;
        let dir = self.backup_dir();
        Some(
            match backups_in(&dir, &self.kernel.config.database_path).last() {
                Some((at, _)) => *at + every,
                None => self.started_at + FIRST_BACKUP_AFTER,
            },
        )
    }

    fn backup_dir(&self) -> PathBuf {
        self.kernel
            .config
            .backup
            .dir_for(&self.kernel.config.database_path)
    }

    /// Backs up and prunes when a backup is due at `now`.
    pub async fn backup_if_due(&self, now: DateTime<Utc>) -> Result<BackupOutcome, BackupError> {
        match self.next_backup_at() {
            Some(due) if due <= now => {}
            _ => return Ok(BackupOutcome::default()),
        }
        let dir = self.backup_dir();
        let dest = dir.join(backup_name(&self.kernel.config.database_path, now));
        let made = self.kernel.store.backup_to(&dest).await?;
        self.kernel.metrics.backup_done(now);
        let backups = backups_in(&dir, &self.kernel.config.database_path);
        let keep = usize::try_from(self.kernel.config.backup.keep).unwrap_or(usize::MAX);
        let mut pruned = Vec::new();
        for (_, old) in backups.iter().take(backups.len().saturating_sub(keep)) {
            match std::fs::remove_file(old) {
                Ok(()) => pruned.push(old.clone()),
                Err(e) => {
                    tracing::warn!(path = %old.display(), error = %e, "could not delete an old backup")
                }
            }
        }
        tracing::info!(
            path = %made.path.display(),
            bytes = made.bytes,
            pruned = pruned.len(),
            "database backed up"
        );
        Ok(BackupOutcome {
            made: Some(made),
            pruned,
        })
    }

    /// Makes backups when due until `stop` turns true; a failure is logged and retried in
    /// five minutes.
    pub async fn run_backups(self: Arc<Self>, mut stop: watch::Receiver<bool>) {
        if self.kernel.config.backup.every.is_none() {
            return;
        }
        if let Some((at, _)) =
            backups_in(&self.backup_dir(), &self.kernel.config.database_path).last()
        {
            self.kernel.metrics.backup_done(*at);
        }
        while !*stop.borrow() {
            let mut wait = match self.backup_if_due(self.kernel.now()).await {
                Ok(_) => self.next_backup_at().map_or(StdDuration::MAX, |at| {
                    (at - self.kernel.now())
                        .to_std()
                        .unwrap_or(StdDuration::ZERO)
                }),
                Err(e) => {
                    tracing::error!(error = %e, "scheduled backup failed; trying again in 5 minutes");
                    StdDuration::from_secs(300)
                }
            };
            // Wake at least hourly, in case a backup was deleted or made by hand.
            wait = wait.min(StdDuration::from_secs(3600));
            tokio::select! {
                _ = stop.changed() => {}
                () = tokio::time::sleep(wait) => {}
            }
        }
    }
}
