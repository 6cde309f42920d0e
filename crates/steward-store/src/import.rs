//! XP imported from other bots in one transaction: new accounts and members for ids never seen,
//! and each account moved to the file's figure for its source (`imported_xp`): one `import`
//! ledger row per account whose figure changed, by the difference, so a corrected file updates
//! instead of adding everything again. Set-based (a temporary table and a few statements), so
//! 100,000 rows take a fraction of a second.

use chrono::{DateTime, Utc};

use super::error::During;
use super::{Result, Store, millis};
use steward_core::import::{ImportFormat, ImportRow};

/// Rows per INSERT into the staging table, inside SQLite's 32,766 bound parameters.
const ROWS_PER_INSERT: usize = 5_000;

/// What an import did (or, dry, would do), counted by account.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportOutcome {
    /// Accounts imported from this source for the first time.
    pub added: u64,
    /// Of those, accounts Steward had never seen: each a new member.
    pub new_members: u64,
    /// Accounts imported before whose figure changed.
    pub updated: u64,
    /// Accounts whose figure was already the file's.
    pub unchanged: u64,
    /// XP added overall (less than zero when corrected figures are lower).
    pub xp: i64,
}

/// Statements run in order on the staged rows, with ?1 = the time, ?2 = the file's hash and
/// ?3 = the source.
const APPLY: &[&str] = &[
    "UPDATE import_rows SET member_id = a.member_id FROM accounts AS a \
     WHERE a.platform = import_rows.platform AND a.user_id = import_rows.user_id",
    "UPDATE import_rows SET before = i.xp FROM imported_xp AS i \
     WHERE i.platform = import_rows.platform AND i.user_id = import_rows.user_id AND i.source = ?3",
    // New members get the ids after the highest, in file order (keyed by row, so the update
    // below is a lookup per row, not a scan).
    "INSERT INTO import_new_ids (r, id) SELECT rowid, \
     (SELECT coalesce(max(id), 0) FROM members) + row_number() OVER (ORDER BY rowid) \
     FROM import_rows WHERE member_id IS NULL",
    "UPDATE import_rows SET is_new = 1, member_id = n.id FROM import_new_ids AS n \
     WHERE import_rows.rowid = n.r",
    "INSERT INTO members (id, display_name, xp_reached_at, created_at) \
     SELECT member_id, name, ?1, ?1 FROM import_rows WHERE is_new = 1",
    "INSERT INTO accounts (platform, user_id, member_id, username, display_name) \
     SELECT platform, user_id, member_id, NULL, name FROM import_rows WHERE is_new = 1",
    // A lower figure takes back at most what the member holds (an operator may have removed
    // points since), so no total goes below zero.
    "UPDATE import_rows SET delta = max(xp - coalesce(before, 0), \
     -(SELECT m.xp FROM members AS m WHERE m.id = import_rows.member_id))",
    "INSERT INTO ledger (member_id, delta_xp, delta_balance, kind, reference, reason, actor_member_id, at) \
     SELECT member_id, delta, 0, 'import', ?2, ?3, NULL, ?1 FROM import_rows WHERE delta != 0",
    "UPDATE members SET xp = members.xp + r.delta, xp_reached_at = ?1 \
     FROM import_rows AS r WHERE members.id = r.member_id AND r.delta != 0",
    "INSERT INTO imported_xp (platform, user_id, source, xp, imported_at) \
     SELECT platform, user_id, ?3, xp, ?1 FROM import_rows WHERE before IS NOT xp \
     ON CONFLICT (platform, user_id, source) DO UPDATE SET xp = excluded.xp, imported_at = excluded.imported_at",
];

impl Store {
    /// Imports `rows` of the file `hash` from `format`; with `dry_run`, reports and rolls back.
    pub async fn import_xp(
        &self,
        format: ImportFormat,
        hash: &str,
        rows: &[ImportRow],
        at: DateTime<Utc>,
        dry_run: bool,
    ) -> Result<ImportOutcome> {
        let mut tx = self.begin().await?;
        let conn = &mut *tx.tx;
        for sql in [
            "CREATE TEMP TABLE IF NOT EXISTS import_rows (platform TEXT NOT NULL, user_id TEXT NOT NULL, \
             name TEXT NOT NULL, xp INTEGER NOT NULL, member_id INTEGER, is_new INTEGER NOT NULL DEFAULT 0, \
             before INTEGER, delta INTEGER NOT NULL DEFAULT 0)",
            "CREATE TEMP TABLE IF NOT EXISTS import_new_ids (r INTEGER PRIMARY KEY, id INTEGER NOT NULL)",
            "CREATE INDEX IF NOT EXISTS temp.import_rows_by_member ON import_rows (member_id)",
            "DELETE FROM import_rows",
            "DELETE FROM import_new_ids",
        ] {
            sqlx::query(sql)
                .execute(&mut *conn)
                .await
                .during("import_xp")?;
        }
        for chunk in rows.chunks(ROWS_PER_INSERT) {
            // Only placeholders are repeated; every value is bound.
            let sql = sqlx::AssertSqlSafe(format!(
                "INSERT INTO import_rows (platform, user_id, name, xp) VALUES {}",
                vec!["(?, ?, ?, ?)"; chunk.len()].join(", ")
            ));
            let mut query = sqlx::query(sql);
            for row in chunk {
                query = query
                    .bind(row.account.platform.as_str())
                    .bind(&row.account.user_id)
                    .bind(&row.name)
                    .bind(row.xp);
            }
            query.execute(&mut *conn).await.during("import_xp")?;
        }
        let at_ms = millis(at);
        for &sql in APPLY {
            sqlx::query(sql)
                .bind(at_ms)
                .bind(hash)
                .bind(format.as_str())
                .execute(&mut *conn)
                .await
                .during("import_xp")?;
        }
        let counts: (i64, i64, i64, i64, i64) = sqlx::query_as(
            "SELECT coalesce(sum(before IS NULL), 0), coalesce(sum(is_new), 0), \
             coalesce(sum(before IS NOT NULL AND before != xp), 0), coalesce(sum(before = xp), 0), \
             coalesce(sum(delta), 0) FROM import_rows",
        )
        .fetch_one(&mut *conn)
        .await
        .during("import_xp")?;
        // The record of each run; a file imported again is recorded at its latest run.
        sqlx::query(
            "INSERT INTO imports (hash, format, imported_at, rows, xp) VALUES (?, ?, ?, ?, ?) \
             ON CONFLICT (hash) DO UPDATE SET imported_at = excluded.imported_at, xp = excluded.xp",
        )
        .bind(hash)
        .bind(format.as_str())
        .bind(at_ms)
        .bind(i64::try_from(rows.len()).unwrap_or(i64::MAX))
        .bind(counts.4)
        .execute(&mut *conn)
        .await
        .during("import_xp")?;
        for sql in ["DELETE FROM import_rows", "DELETE FROM import_new_ids"] {
            sqlx::query(sql)
                .execute(&mut *conn)
                .await
                .during("import_xp")?;
        }
        if !dry_run {
            tx.commit().await?;
        }
        let count = |n: i64| u64::try_from(n).unwrap_or(0);
        Ok(ImportOutcome {
            added: count(counts.0),
            new_members: count(counts.1),
            updated: count(counts.2),
            unchanged: count(counts.3),
            xp: counts.4,
        })
    }

    /// Every member with XP as `(platform, id, name, xp)` of their first account (Discord and
    /// Telegram before the console): what `steward export json` writes.
    pub async fn export_xp(&self) -> Result<Vec<(String, String, String, i64)>> {
        sqlx::query_as(
            "SELECT a.platform, a.user_id, m.display_name, m.xp FROM members AS m \
             JOIN accounts AS a ON a.rowid = (SELECT rowid FROM accounts WHERE member_id = m.id \
               ORDER BY platform = 'console', platform, user_id LIMIT 1) \
             WHERE m.xp > 0 ORDER BY m.xp DESC, m.id",
        )
        .fetch_all(&self.pool)
        .await
        .during("export_xp")
    }
}
