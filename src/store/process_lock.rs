//! One process per database file. The engine keeps state beside the database (the live rank
//! indexes, the award log's unfolded sums, the cooldown cache) that another process's writes
//! would silently contradict, and a second process could deliver drops for platforms it does
//! not drive. So the store takes an exclusive lock on `<database>.lock` when it opens and a
//! second open is refused with the holder's process id; the lock goes with the process (the
//! kernel drops it even after a crash), so a stale lock file never blocks a start.

use std::fs::{File, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::StoreError;

/// The held lock; released on [`ProcessLock::release`] or when the last clone drops.
#[derive(Clone, Debug)]
pub(crate) struct ProcessLock {
    file: Arc<Mutex<Option<File>>>,
}

/// `steward.db` → `steward.db.lock`.
fn lock_path(database: &Path) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

impl ProcessLock {
    /// Takes the lock of `database`, or says which process holds it.
    pub(crate) fn acquire(database: &Path) -> Result<Self, StoreError> {
        let path = lock_path(database);
        let io_error = |source: std::io::Error| StoreError::Open {
            path: path.clone(),
            source: sqlx::Error::Io(source),
        };
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
    pub(crate) fn release(&self) {
        let mut file = self
            .file
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *file = None;
    }
}
