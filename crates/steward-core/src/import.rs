//! Reading XP exported by other bots: MEE6's leaderboard JSON (`players[].id`, `username`, `xp`)
//! and the plain list other bots such as xpd write (`[{"id", "platform", "xp"}]`, which
//! `steward export json` writes too). Pure: every row becomes an account and its XP, or a problem
//! named with its line, its place in the list and its id (a file on one line still says which
//! row); the file's SHA-256 is kept in the import's record.

use std::collections::HashMap;

use serde::Deserialize;
use serde_json::value::RawValue;
use sha2::{Digest, Sha256};

use super::ids::{AccountRef, IdOf, Platform};
use super::names::clean_display_name;
use steward_i18n::Msg;
use steward_i18n::msg;

/// Most XP one row may carry: far beyond any real community, far inside an i64 sum.
pub const MAX_IMPORT_XP: i64 = 1_000_000_000_000;

/// Which exporter wrote the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportFormat {
    Mee6,
    Json,
}

impl ImportFormat {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Mee6 => "mee6",
            Self::Json => "json",
        }
    }
}

/// One account and the XP it brings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    pub line: usize,
    pub account: AccountRef,
    /// The name the exporter knew, if any; the account's id otherwise.
    pub name: String,
    pub xp: i64,
}

/// A row that cannot be imported, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    pub line: usize,
    /// Its place in the list, from 1.
    pub entry: usize,
    /// Its id as written, when it has one.
    pub id: Option<String>,
    pub problem: Msg,
}

/// A file read: its good rows, its bad ones, and its hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportFile {
    pub rows: Vec<ImportRow>,
    pub bad: Vec<BadRow>,
    /// SHA-256 of the file's bytes, hex.
    pub hash: String,
}

#[derive(Deserialize)]
struct Mee6File<'a> {
    #[serde(borrow)]
    players: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
struct Entry {
    id: serde_json::Value,
    #[serde(default)]
    platform: Option<String>,
    #[serde(default)]
    username: Option<String>,
    #[serde(default)]
    name: Option<String>,
    xp: serde_json::Value,
}

/// What is left of a row that is not an [`Entry`]: its id, to name it by.
#[derive(Deserialize)]
struct IdOnly {
    #[serde(default)]
    id: Option<serde_json::Value>,
}

/// Reads `text` as `format`. A file that is not the format at all is one problem for the whole
/// file; a bad row is named with its line and the rest are still read.
pub fn read(format: ImportFormat, text: &str) -> Result<ImportFile, Msg> {
    let entries: Vec<&RawValue> = match format {
        ImportFormat::Mee6 => {
            serde_json::from_str::<Mee6File<'_>>(text)
                .map_err(|e| msg!("import-not-mee6", error = e.to_string()))?
                .players
        }
        ImportFormat::Json => serde_json::from_str::<Vec<&RawValue>>(text)
            .map_err(|e| msg!("import-not-json-list", error = e.to_string()))?,
    };
    let mut file = ImportFile {
        rows: Vec::with_capacity(entries.len()),
        bad: Vec::new(),
        hash: sha256_hex(text.as_bytes()),
    };
    let mut seen: HashMap<AccountRef, usize> = HashMap::new();
    let mut lines = LineCounter::default();
    for (index, raw) in entries.into_iter().enumerate() {
        let line = lines.line_of(text, raw.get());
        let entry = index + 1;
        let bad = |problem| BadRow {
            line,
            entry,
            id: id_of(raw.get()),
            problem,
        };
        match row(format, raw.get(), line) {
            Ok(row) => match seen.get(&row.account) {
                Some(first) => file.bad.push(bad(msg!(
                    "import-row-twice",
                    id = &row.account.user_id,
                    first = *first
                ))),
                None => {
                    seen.insert(row.account.clone(), entry);
                    file.rows.push(row);
                }
            },
            Err(problem) => file.bad.push(bad(problem)),
        }
    }
    Ok(file)
}

fn row(format: ImportFormat, raw: &str, line: usize) -> Result<ImportRow, Msg> {
    let entry: Entry =
        serde_json::from_str(raw).map_err(|e| msg!("import-row-shape", error = e.to_string()))?;
    let id = match &entry.id {
        serde_json::Value::String(id) => id.trim().to_owned(),
        serde_json::Value::Number(n) => n.to_string(),
        _ => return Err(msg!("import-row-id")),
    };
    let platform = match (format, entry.platform.as_deref()) {
        (ImportFormat::Mee6, _) | (ImportFormat::Json, None) => Platform::Discord,
        (ImportFormat::Json, Some(name)) => name.trim().to_lowercase().parse::<Platform>()?,
    };
    let user_id = platform.checked_id(&id, IdOf::Member)?;
    let xp = entry
        .xp
        .as_i64()
        .filter(|xp| (0..=MAX_IMPORT_XP).contains(xp))
        .ok_or_else(|| {
            msg!(
                "import-row-xp",
                xp = entry.xp.to_string(),
                max = MAX_IMPORT_XP
            )
        })?;
    let name = entry
        .username
        .or(entry.name)
        // Cleaned as a name seen on a platform would be (see `names`).
        .map(|n| clean_display_name(n.trim()).trim().to_owned())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| id.clone());
    Ok(ImportRow {
        line,
        account: AccountRef::new(platform, user_id),
        name,
        xp,
    })
}

/// The id a row names, as written, whatever else is wrong with it.
fn id_of(raw: &str) -> Option<String> {
    match serde_json::from_str::<IdOnly>(raw).ok()?.id? {
        serde_json::Value::String(id) => Some(id.trim().to_owned()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Lines of the parts of a text, asked in order: each count resumes where the last stopped, so
/// a file of 100,000 rows is scanned once, not once per row.
#[derive(Default)]
struct LineCounter {
    offset: usize,
    newlines: usize,
}

impl LineCounter {
    /// The line `part` (a slice of `text`, as serde's raw values are) starts on.
    fn line_of(&mut self, text: &str, part: &str) -> usize {
        let offset = (part.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
        if offset >= self.offset {
            self.newlines += text
                .get(self.offset..offset)
                .map_or(0, |between| between.matches('\n').count());
            self.offset = offset;
        }
        self.newlines + 1
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests;
