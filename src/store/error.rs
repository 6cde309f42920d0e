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
    /// A migration failed; the database is left at the last good version.
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// Any other database failure.
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
        matches!(self, Self::Database(sqlx::Error::Database(e)) if e.is_unique_violation())
    }
}
