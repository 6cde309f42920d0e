//! Storage errors. None of them is shown to members as is: the engine answers with a plain
//! "something went wrong" and logs the detail.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database file could not be opened or created.
    #[error("cannot open the database at {path}: {source}")]
    Open {
        path: PathBuf,
        #[source]
        source: sqlx::Error,
    },
    /// Another process (a running `steward run`, a console) has the database open.
    #[error(
        "another Steward process{} is using {}: only one process may run on a database file. Stop it first (or give this one its own database.path).",
        holder.map(|pid| format!(" (pid {pid})")).unwrap_or_default(),
        path.display()
    )]
    InUse { path: PathBuf, holder: Option<u32> },
    /// The database was written by a newer Steward: it is not opened.
    #[error(
        "{} was written by a newer Steward: it has database migration {version}, and this Steward knows migrations up to {known}. Run the newer Steward on it, or restore the backup made before the upgrade (docs/operations.md, \"Upgrades\").",
        path.display()
    )]
    Newer {
        path: PathBuf,
        version: i64,
        known: i64,
    },
    /// The copy made before migrating failed; nothing was migrated.
    #[error("cannot back up {path} before upgrading it, so it was not upgraded: {source}")]
    UpgradeBackup {
        path: PathBuf,
        #[source]
        source: Box<super::backup::BackupError>,
    },
    /// A migration failed; the database is left at the last good version.
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A statement failed; `op` names the store operation it belonged to.
    #[error("database error in {op}: {source}")]
    Query {
        op: &'static str,
        #[source]
        source: sqlx::Error,
    },
    /// A database failure outside any named operation (a commit, a pool).
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// A JSON value the store wrote could not be read back.
    #[error("unreadable stored JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// A group commit this request was part of failed (the detail was logged once).
    #[error("a batched write failed: {0}")]
    Batch(String),
    /// A row the caller relied on is gone (a member merged away mid-request).
    #[error("member {0} does not exist")]
    NoSuchMember(i64),
}

impl StoreError {
    /// Whether a unique constraint refused the write (a duplicate request).
    #[must_use]
    pub fn is_unique_violation(&self) -> bool {
        match self {
            Self::Database(sqlx::Error::Database(e))
            | Self::Query {
                source: sqlx::Error::Database(e),
                ..
            } => e.is_unique_violation(),
            _ => false,
        }
    }
}

/// Names the operation a failed statement belonged to, so a log line says what the store was
/// doing, not only what SQLite said. Errors that already carry their own context pass through.
pub trait During<T> {
    fn during(self, op: &'static str) -> Result<T, StoreError>;
}

impl<T, E: Into<StoreError>> During<T> for Result<T, E> {
    fn during(self, op: &'static str) -> Result<T, StoreError> {
        self.map_err(|e| match e.into() {
            StoreError::Database(source) => StoreError::Query { op, source },
            other => other,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_statement_names_its_operation() {
        let failed: Result<(), sqlx::Error> = Err(sqlx::Error::RowNotFound);
        let error = failed.during("member_of").unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("database error in member_of: "),
            "{error}"
        );
        let refused: Result<(), StoreError> = Err(StoreError::NoSuchMember(7));
        assert_eq!(
            refused.during("member").unwrap_err().to_string(),
            "member 7 does not exist"
        );
    }
}
