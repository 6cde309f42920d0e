//! Consistent copies of a live database and putting one back. A copy is `VACUUM INTO` on a
//! reading connection: one read transaction, so it is a snapshot even while the bot writes, and
//! it never takes the writer's lock. Each copy is written under a temporary name, checked with
//! `PRAGMA integrity_check`, then renamed, so a file with a backup's name is a whole, sound one.
//! Restoring takes the process lock (`process_lock.rs`): never while a bot holds the file.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};
use sqlx::{Connection, Executor, Sqlite};

use super::error::During;
use super::process_lock::ProcessLock;
use super::{Result, Store, StoreError};

/// A backup written and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    pub path: PathBuf,
    pub bytes: u64,
}

/// Why a copy could not be made or put back.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    /// The file to copy from does not exist.
    #[error("there is no database at {0}")]
    Missing(PathBuf),
    /// The file to write exists already; backups never overwrite.
    #[error("{0} exists already: choose another name, or move it away first")]
    Exists(PathBuf),
    /// The copy (or the file to restore) fails SQLite's integrity check.
    #[error("{path} fails SQLite's integrity check: {detail}")]
    Damaged { path: PathBuf, detail: String },
    /// The file to restore is not a Steward database.
    #[error("{0} is not a Steward database (it has no migration history)")]
    NotSteward(PathBuf),
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Store {
    /// Copies the open database to `dest` (which must not exist) and checks the copy.
    pub async fn backup_to(&self, dest: &Path) -> Result<Backup, BackupError> {
        let mut connection = self.pool.acquire().await.during("backup")?;
        write_checked(&mut *connection, dest).await
    }
}

/// Copies the database at `database`, which another process (a running bot) may be writing,
/// to `dest`. Reads only: it needs no lock and waits for no writer.
pub async fn copy_live(database: &Path, dest: &Path) -> Result<Backup, BackupError> {
    if !database.exists() {
        return Err(BackupError::Missing(database.to_path_buf()));
    }
    let mut connection = connect(database, true).await?;
    let backup = write_checked(&mut connection, dest).await;
    let _ = connection.close().await;
    backup
}

/// Opens a copy of the database at `database`, made in `dir`, as a store of its own: for
/// commands that only read (exports) beside a running bot, which never touch the live file.
pub async fn open_snapshot(database: &Path, dir: &Path) -> Result<Store, BackupError> {
    let copy = dir.join(
        database
            .file_name()
            .unwrap_or_else(|| "steward.db".as_ref()),
    );
    copy_live(database, &copy).await?;
    Ok(Store::open(&copy).await?)
}

/// What [`restore`] put in place and where the database it replaced went.
#[derive(Debug)]
pub struct Restored {
    pub bytes: u64,
    /// A copy of the database that was there, if there was one.
    pub previous: Option<PathBuf>,
}

/// Puts the backup `file` in place of `database` after checking it; refused while any Steward
/// process holds `database`. The database it replaces is first copied beside it
/// (`steward.db.before-restore-…`), so a restore can itself be undone.
pub async fn restore(database: &Path, file: &Path) -> Result<Restored, BackupError> {
    if !file.exists() {
        return Err(BackupError::Missing(file.to_path_buf()));
    }
    let lock = ProcessLock::acquire(database)?;
    let mut source = connect(file, true).await?;
    check(&mut source, file).await?;
    let steward: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = '_sqlx_migrations')",
    )
    .fetch_one(&mut source)
    .await
    .during("restore")?;
    if !steward {
        return Err(BackupError::NotSteward(file.to_path_buf()));
    }
    let incoming = sibling(database, ".restoring");
    remove(&incoming)?;
    let backup = write_checked(&mut source, &incoming).await?;
    let _ = source.close().await;
    let previous = if database.exists() {
        let kept = sibling(
            database,
            &format!(
                ".before-restore-{}",
                chrono::Utc::now().format("%Y%m%d-%H%M%S")
            ),
        );
        copy_live(database, &kept).await?;
        for suffix in ["-wal", "-shm"] {
            remove(&sibling(database, suffix))?;
        }
        Some(kept)
    } else {
        None
    };
    std::fs::rename(&incoming, database).map_err(|source| BackupError::Io {
        path: database.to_path_buf(),
        source,
    })?;
    lock.release();
    Ok(Restored {
        bytes: backup.bytes,
        previous,
    })
}

/// `steward.db` + `-wal` → `steward.db-wal`.
fn sibling(database: &Path, suffix: &str) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn remove(path: &Path) -> Result<(), BackupError> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(BackupError::Io {
            path: path.to_path_buf(),
            source: e,
        }),
        _ => Ok(()),
    }
}

/// One connection to `path`, reading only when `read_only`.
async fn connect(path: &Path, read_only: bool) -> Result<SqliteConnection, BackupError> {
    let open_error = |source| StoreError::Open {
        path: path.to_path_buf(),
        source,
    };
    let options = SqliteConnectOptions::from_str("sqlite:")
        .map_err(open_error)?
        .filename(path)
        .read_only(read_only)
        .busy_timeout(std::time::Duration::from_secs(10));
    Ok(SqliteConnection::connect_with(&options)
        .await
        .map_err(open_error)?)
}

/// `VACUUM INTO` a temporary file beside `dest`, check it, and give it `dest`'s name.
pub(super) async fn write_checked<'c, E>(from: E, dest: &Path) -> Result<Backup, BackupError>
where
    E: Executor<'c, Database = Sqlite>,
{
    if dest.exists() {
        return Err(BackupError::Exists(dest.to_path_buf()));
    }
    let io_error = |source| BackupError::Io {
        path: dest.to_path_buf(),
        source,
    };
    if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(io_error)?;
    }
    let partial = sibling(dest, ".partial");
    remove(&partial)?;
    let written = sqlx::query("VACUUM INTO ?")
        .bind(partial.to_string_lossy().into_owned())
        .execute(from)
        .await
        .during("backup");
    if let Err(e) = written {
        let _ = std::fs::remove_file(&partial);
        return Err(e.into());
    }
    let mut copy = connect(&partial, true).await?;
    let checked = check(&mut copy, dest).await;
    let _ = copy.close().await;
    if let Err(e) = checked {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    std::fs::rename(&partial, dest).map_err(io_error)?;
    let bytes = std::fs::metadata(dest).map_err(io_error)?.len();
    Ok(Backup {
        path: dest.to_path_buf(),
        bytes,
    })
}

/// `PRAGMA integrity_check` answers one row, `ok`, for a sound file.
async fn check(connection: &mut SqliteConnection, path: &Path) -> Result<(), BackupError> {
    let rows: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&mut *connection)
        .await
        .during("integrity_check")?;
    if rows == ["ok"] {
        Ok(())
    } else {
        Err(BackupError::Damaged {
            path: path.to_path_buf(),
            detail: rows.join("; "),
        })
    }
}
