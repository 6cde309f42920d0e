//! What happens before migrations run on a database that has some already: a database from a
//! newer Steward (migrations this one does not know) is refused before anything touches it,
//! and one that needs migrating is first copied beside itself
//! (`steward.db.before-upgrade-YYYYMMDD-HHMMSS`), checked like any backup, so a failed or
//! regretted upgrade can be rolled back by restoring that file with the older binary.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use sqlx::SqlitePool;
use sqlx::migrate::{MigrationType, Migrator};

use super::error::During;
use super::{Result, StoreError, backup};

/// Checks `database` against `migrator` and, when `backup` is set and migrations are pending on
/// a database that has any, copies it first. Returns the copy's path.
pub(super) async fn prepare(
    writer: &SqlitePool,
    database: &Path,
    migrator: &Migrator,
    copy_first: bool,
) -> Result<Option<PathBuf>> {
    let has_history: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations')",
    )
    .fetch_one(writer)
    .await
    .during("upgrade")?;
    if !has_history {
        return Ok(None);
    }
    let applied: Vec<i64> = sqlx::query_scalar("SELECT version FROM _sqlx_migrations")
        .fetch_all(writer)
        .await
        .during("upgrade")?;
    let known: HashSet<i64> = migrator
        .iter()
        .filter(|m| !matches!(m.migration_type, MigrationType::ReversibleDown))
        .map(|m| m.version)
        .collect();
    let newest_known = known.iter().copied().max().unwrap_or(0);
    if let Some(unknown) = applied.iter().copied().filter(|v| !known.contains(v)).max() {
        return Err(StoreError::Newer {
            path: database.to_path_buf(),
            version: unknown,
            known: newest_known,
        });
    }
    let pending = known.iter().any(|v| !applied.contains(v));
    if applied.is_empty() || !pending || !copy_first {
        return Ok(None);
    }
    let mut name = database.as_os_str().to_owned();
    name.push(format!(
        ".before-upgrade-{}",
        chrono::Utc::now().format("%Y%m%d-%H%M%S")
    ));
    let dest = PathBuf::from(name);
    let copy = backup::write_checked(writer, &dest)
        .await
        .map_err(|source| StoreError::UpgradeBackup {
            path: database.to_path_buf(),
            source: Box::new(source),
        })?;
    tracing::info!(
        path = %copy.path.display(),
        bytes = copy.bytes,
        "database backed up before upgrading it"
    );
    Ok(Some(copy.path))
}
