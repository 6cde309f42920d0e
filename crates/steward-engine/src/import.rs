//! `steward import` and `steward export json`: XP from other bots into the ledger, and out again
//! in the plain list format. Run by the command line on a stopped bot's database (one process
//! per file), so the running engine's boards never miss a change. An import sets each account's
//! figure for its source: importing a corrected file updates, it does not add again.

use chrono::{DateTime, Utc};

use crate::core::import::{self, BadRow, ImportFormat};
use crate::i18n::Msg;
use crate::store::{ImportOutcome, Store, StoreError};

/// How to treat a file with bad rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportOptions {
    /// Report what would change, and change nothing.
    pub dry_run: bool,
    /// Refuse the whole file when any row is bad, instead of skipping those rows.
    pub strict: bool,
}

/// What an import did, with the rows it skipped.
#[derive(Debug)]
pub struct ImportReport {
    pub rows: usize,
    pub skipped: Vec<BadRow>,
    /// `None` when `--strict` refused the file for its bad rows.
    pub outcome: Option<ImportOutcome>,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{0}")]
    Unreadable(Msg),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Reads `text` as `format` and applies it (see [`ImportOptions`]).
pub async fn import_xp(
    store: &Store,
    format: ImportFormat,
    text: &str,
    options: ImportOptions,
    now: DateTime<Utc>,
) -> Result<ImportReport, ImportError> {
    let file = import::read(format, text).map_err(ImportError::Unreadable)?;
    let refused = options.strict && !file.bad.is_empty();
    let outcome = if refused {
        None
    } else {
        Some(
            store
                .import_xp(format, &file.hash, &file.rows, now, options.dry_run)
                .await?,
        )
    };
    Ok(ImportReport {
        rows: file.rows.len(),
        skipped: file.bad,
        outcome,
    })
}

/// What importing `text` as `format` would do to a community with no members yet: a dry run
/// where there is no database, which must not create one.
pub fn preview_on_empty(
    format: ImportFormat,
    text: &str,
    options: ImportOptions,
) -> Result<ImportReport, ImportError> {
    let file = import::read(format, text).map_err(ImportError::Unreadable)?;
    let refused = options.strict && !file.bad.is_empty();
    let rows = u64::try_from(file.rows.len()).unwrap_or(u64::MAX);
    let outcome = (!refused).then(|| ImportOutcome {
        added: rows,
        new_members: rows,
        xp: file.rows.iter().map(|r| r.xp).sum(),
        ..ImportOutcome::default()
    });
    Ok(ImportReport {
        rows: file.rows.len(),
        skipped: file.bad,
        outcome,
    })
}

/// Every member with XP, in the format `steward import json` reads.
pub async fn export_json(store: &Store) -> Result<String, StoreError> {
    let rows: Vec<serde_json::Value> = store
        .export_xp()
        .await?
        .into_iter()
        .map(|(platform, id, name, xp)| {
            serde_json::json!({"id": id, "platform": platform, "name": name, "xp": xp})
        })
        .collect();
    Ok(serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".to_owned()))
}
