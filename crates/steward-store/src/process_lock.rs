//! One process per database file. The engine keeps state beside the database (the live rank
//! indexes, the award log's unfolded sums, the cooldown cache) that another process's writes
//! would silently contradict, and a second process could deliver drops for platforms it does
//! not drive. So the store takes an exclusive lock on `<database>.lock`, beside the file the
//! path resolves to (symlinks followed), when it opens and a second open is refused with the
//! holder's process id; the lock goes with the process (the kernel drops it even after a
//! crash), so a stale lock file never blocks a start.

use std::fs::{File, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::StoreError;

/// The held lock; released on [`ProcessLock::release`] or when the last clone drops.
#[derive(Clone, Debug)]
pub struct ProcessLock {
    file: Arc<Mutex<Option<File>>>,
}

/// `steward.db` → `steward.db.lock`, beside the file the path resolves to: two names of one
/// database (a symlink to it, a path through a symlinked directory) must meet at one lock, or a
/// second writer starts through the other name.
fn lock_path(database: &Path) -> std::io::Result<PathBuf> {
    let mut name = resolved(database)?.into_os_string();
    name.push(".lock");
    Ok(PathBuf::from(name))
}

/// The database's canonical path; one not created yet is its directory's canonical path and
/// its file name, which is where SQLite will create it.
fn resolved(database: &Path) -> std::io::Result<PathBuf> {
    match database.canonicalize() {
        Ok(path) => Ok(path),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let Some(file) = database.file_name() else {
                return Err(e);
            };
            let dir = match database.parent() {
                Some(dir) if !dir.as_os_str().is_empty() => dir,
                _ => Path::new("."),
            };
            Ok(dir.canonicalize()?.join(file))
        }
        Err(e) => Err(e),
    }
}

impl ProcessLock {
    /// Takes the lock of `database`, or says which process holds it.
    pub fn acquire(database: &Path) -> Result<Self, StoreError> {
        let io_error = |path: &Path, source: std::io::Error| StoreError::Open {
            path: path.to_path_buf(),
            source: sqlx::Error::Io(source),
        };
        let path = lock_path(database).map_err(|e| io_error(database, e))?;
        let io_error = |source| io_error(&path, source);
        let mut file = File::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io_error)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut holder = String::new();
                // The pid is only for the message; an unreadable one still refuses.
                let _ = file.read_to_string(&mut holder);
                return Err(StoreError::InUse {
                    path: database.to_path_buf(),
                    holder: holder.trim().parse().ok(),
                });
            }
            Err(TryLockError::Error(e)) => return Err(io_error(e)),
        }
        file.set_len(0).map_err(io_error)?;
        file.rewind().map_err(io_error)?;
        write!(file, "{}", std::process::id()).map_err(io_error)?;
        Ok(Self {
            file: Arc::new(Mutex::new(Some(file))),
        })
    }

    /// Lets another process open the database (after a clean close).
    pub fn release(&self) {
        let mut file = self
            .file
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *file = None;
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::symlink;

    use super::*;

    fn refused(result: Result<ProcessLock, StoreError>) -> bool {
        matches!(result, Err(StoreError::InUse { .. }))
    }

    #[test]
    fn a_second_open_through_a_symlink_to_the_file_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let real = dir.path().join("real.db");
        File::create(&real).expect("database file");
        symlink(&real, dir.path().join("alias.db")).expect("symlink");
        let _held = ProcessLock::acquire(&real).expect("first lock");
        assert!(refused(ProcessLock::acquire(&dir.path().join("alias.db"))));
    }

    #[test]
    fn a_second_open_through_a_relative_symlink_in_another_dir_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let real = dir.path().join("real.db");
        File::create(&real).expect("database file");
        std::fs::create_dir(dir.path().join("sub")).expect("sub dir");
        symlink("../real.db", dir.path().join("sub/real.db")).expect("symlink");
        let _held = ProcessLock::acquire(&dir.path().join("sub/real.db")).expect("first lock");
        assert!(refused(ProcessLock::acquire(&real)));
    }

    #[test]
    fn a_database_not_yet_created_is_locked_through_its_resolved_dir() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(dir.path().join("data")).expect("data dir");
        symlink("data", dir.path().join("link")).expect("symlink");
        let _held = ProcessLock::acquire(&dir.path().join("data/new.db")).expect("first lock");
        assert!(refused(ProcessLock::acquire(
            &dir.path().join("link/new.db")
        )));
        assert!(!dir.path().join("data/new.db").exists());
    }
}
