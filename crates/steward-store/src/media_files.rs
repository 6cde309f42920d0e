//! The media folder: each file a drop carries, stored once under the SHA-256 of its bytes
//! (`ab/abcdef…`), so two drops of one file share it and a deleted original still delivers.
//! Writes go to a temporary name and are renamed into place, so a killed process leaves no half
//! file under a real name. It stores and reads; what to keep is decided elsewhere.

use std::io;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// The folder of stored media.
#[derive(Debug, Clone)]
pub struct MediaFiles {
    dir: PathBuf,
}

/// The SHA-256 of `bytes` in lowercase hex: the name the file is stored under.
#[must_use]
pub fn content_name(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether `name` is a content name (64 hex digits): nothing else may become a path.
fn is_content_name(name: &str) -> bool {
    name.len() == 64
        && name
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
}

impl MediaFiles {
    #[must_use]
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The folder.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path(&self, name: &str) -> io::Result<PathBuf> {
        if !is_content_name(name) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "not a media content name",
            ));
        }
        Ok(self.dir.join(&name[..2]).join(name))
    }

    /// Stores `bytes` (once: the same content is not written twice); the name they are under.
    pub async fn put(&self, bytes: &[u8]) -> io::Result<String> {
        let name = content_name(bytes);
        let path = self.path(&name)?;
        if tokio::fs::try_exists(&path).await? {
            return Ok(name);
        }
        let folder = path.parent().unwrap_or(&self.dir);
        tokio::fs::create_dir_all(folder).await?;
        let partial = folder.join(format!(".{name}.{}.part", std::process::id()));
        tokio::fs::write(&partial, bytes).await?;
        tokio::fs::rename(&partial, &path).await?;
        Ok(name)
    }

    /// The bytes stored under `name`, or `None` when there are none (removed, never stored).
    pub async fn read(&self, name: &str) -> io::Result<Option<Vec<u8>>> {
        match tokio::fs::read(self.path(name)?).await {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Removes what a killed process left half written: temporary files in the folder whose
    /// last write is older than `older_than` (a live write is seconds old, so another process's
    /// write in progress is left alone). Returns how many were removed.
    pub async fn sweep_partials(&self, older_than: std::time::Duration) -> io::Result<usize> {
        let mut removed = 0;
        let mut folders = match tokio::fs::read_dir(&self.dir).await {
            Ok(folders) => folders,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(0),
            Err(e) => return Err(e),
        };
        while let Some(folder) = folders.next_entry().await? {
            if !folder.file_type().await?.is_dir() {
                continue;
            }
            let mut entries = tokio::fs::read_dir(folder.path()).await?;
            while let Some(entry) = entries.next_entry().await? {
                let name = entry.file_name();
                let partial = name
                    .to_str()
                    .is_some_and(|n| n.starts_with('.') && n.ends_with(".part"));
                if !partial {
                    continue;
                }
                let age = entry
                    .metadata()
                    .await?
                    .modified()?
                    .elapsed()
                    .unwrap_or_default();
                if age > older_than {
                    match tokio::fs::remove_file(entry.path()).await {
                        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
                        _ => removed += 1,
                    }
                }
            }
        }
        Ok(removed)
    }

    /// Removes the file stored under `name`; removing one that is gone is no error.
    pub async fn remove(&self, name: &str) -> io::Result<()> {
        match tokio::fs::remove_file(self.path(name)?).await {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_file_is_stored_once_under_its_content_and_read_back() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let files = MediaFiles::new(dir.path().join("media"));
        let name = files.put(b"slides").await.expect("stored");
        assert_eq!(name, content_name(b"slides"));
        assert_eq!(files.put(b"slides").await.expect("stored again"), name);
        assert_eq!(
            files.read(&name).await.expect("read"),
            Some(b"slides".to_vec())
        );
        files.remove(&name).await.expect("removed");
        assert_eq!(files.read(&name).await.expect("read"), None);
        files.remove(&name).await.expect("removing twice is fine");
    }

    #[tokio::test]
    async fn a_killed_write_is_swept_once_old_and_a_live_one_is_left() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let files = MediaFiles::new(dir.path().join("media"));
        let name = files.put(b"slides").await.expect("stored");
        let folder = dir.path().join("media").join(&name[..2]);
        let stale = folder.join(format!(".{name}.4242.part"));
        let live = folder.join(format!(".{name}.4343.part"));
        std::fs::write(&stale, b"half").expect("written");
        std::fs::write(&live, b"half").expect("written");
        let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        std::fs::File::options()
            .write(true)
            .open(&stale)
            .and_then(|f| f.set_modified(hour_ago))
            .expect("aged");
        let ten_minutes = std::time::Duration::from_secs(600);
        assert_eq!(files.sweep_partials(ten_minutes).await.expect("swept"), 1);
        assert!(!stale.exists() && live.exists());
        assert_eq!(
            files.read(&name).await.expect("read"),
            Some(b"slides".to_vec())
        );
        let empty = MediaFiles::new(dir.path().join("never made"));
        assert_eq!(empty.sweep_partials(ten_minutes).await.expect("swept"), 0);
    }

    #[tokio::test]
    async fn only_content_names_become_paths() {
        let files = MediaFiles::new("media");
        for name in ["../../etc/passwd", "", &"A".repeat(64), &"g".repeat(64)] {
            assert!(files.read(name).await.is_err(), "{name} was read");
        }
    }
}
