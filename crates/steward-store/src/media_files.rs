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
    async fn only_content_names_become_paths() {
        let files = MediaFiles::new("media");
        for name in ["../../etc/passwd", "", &"A".repeat(64), &"g".repeat(64)] {
            assert!(files.read(name).await.is_err(), "{name} was read");
        }
    }
}
