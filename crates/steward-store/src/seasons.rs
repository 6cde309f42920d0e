//! Seasons: the one running season, starting and ending it, and finding archived ones by name.

use chrono::{DateTime, Utc};

use super::error::During;
use super::{Result, Store, WriteTx, from_millis, millis};
use steward_core::ids::{ChatRef, Platform};
use steward_core::periods::Board;

/// A season, running or archived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Season {
    pub id: i64,
    pub name: String,
    pub started_at: DateTime<Utc>,
    pub ends_at: Option<DateTime<Utc>>,
    pub ended_at: Option<DateTime<Utc>>,
    /// Where the final table is announced.
    pub announce: ChatRef,
}

impl Season {
    #[must_use]
    pub fn board(&self) -> Board {
        Board::Season(self.id)
    }
}

type SeasonTuple = (i64, String, i64, Option<i64>, Option<i64>, String, String);

const COLUMNS: &str = "id, name, started_at, ends_at, ended_at, announce_platform, announce_chat";

fn season((id, name, started, ends, ended, platform, chat): SeasonTuple) -> Season {
    let platform = platform.parse().unwrap_or(Platform::Console);
    Season {
        id,
        name,
        started_at: from_millis(started),
        ends_at: ends.map(from_millis),
        ended_at: ended.map(from_millis),
        announce: ChatRef::group(platform, chat),
    }
}

impl Store {
    pub async fn active_season(&self) -> Result<Option<Season>> {
        let row: Option<SeasonTuple> = sqlx::query_as(const_format(ACTIVE))
            .fetch_optional(&self.pool)
            .await
            .during("active_season")?;
        Ok(row.map(season))
    }

    /// A season by name, ignoring case.
    pub async fn season_named(&self, name: &str) -> Result<Option<Season>> {
        let row: Option<SeasonTuple> = sqlx::query_as(const_format(BY_NAME))
            .bind(name)
            .fetch_optional(&self.pool)
            .await
            .during("season_named")?;
        Ok(row.map(season))
    }

    /// A season by id.
    pub async fn season(&self, id: i64) -> Result<Option<Season>> {
        let row: Option<SeasonTuple> = sqlx::query_as(const_format(BY_ID))
            .bind(id)
            .fetch_optional(&self.pool)
            .await
            .during("season")?;
        Ok(row.map(season))
    }

    /// Every season, the newest first.
    pub async fn seasons(&self) -> Result<Vec<Season>> {
        let rows: Vec<SeasonTuple> = sqlx::query_as(const_format(ALL))
            .fetch_all(&self.pool)
            .await
            .during("seasons")?;
        Ok(rows.into_iter().map(season).collect())
    }

    /// The most recently ended season, for `/leaderboard season` when none runs.
    pub async fn last_ended_season(&self) -> Result<Option<Season>> {
        let row: Option<SeasonTuple> = sqlx::query_as(const_format(LAST_ENDED))
            .fetch_optional(&self.pool)
            .await
            .during("last_ended_season")?;
        Ok(row.map(season))
    }
}

const ACTIVE: &str = "WHERE ended_at IS NULL";
const BY_NAME: &str = "WHERE name = ? COLLATE NOCASE";
const BY_ID: &str = "WHERE id = ?";
const ALL: &str = "ORDER BY started_at DESC, id DESC";
const LAST_ENDED: &str = "WHERE ended_at IS NOT NULL ORDER BY ended_at DESC LIMIT 1";

/// The three season queries share their column list; `AssertSqlSafe` is sound here because every
/// piece is a compile-time constant.
fn const_format(filter: &'static str) -> sqlx::AssertSqlSafe<String> {
    sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM seasons {filter}"))
}

impl WriteTx {
    pub async fn active_season(&mut self) -> Result<Option<Season>> {
        let row: Option<SeasonTuple> = sqlx::query_as(const_format(ACTIVE))
            .fetch_optional(&mut *self.tx)
            .await
            .during("active_season")?;
        Ok(row.map(season))
    }

    pub async fn season_name_taken(&mut self, name: &str) -> Result<bool> {
        let found: Option<i64> =
            sqlx::query_scalar("SELECT id FROM seasons WHERE name = ? COLLATE NOCASE")
                .bind(name)
                .fetch_optional(&mut *self.tx)
                .await
                .during("season_name_taken")?;
        Ok(found.is_some())
    }

    pub async fn start_season(
        &mut self,
        name: &str,
        at: DateTime<Utc>,
        ends_at: Option<DateTime<Utc>>,
        announce: &ChatRef,
    ) -> Result<Season> {
        let row: SeasonTuple = sqlx::query_as(
            "INSERT INTO seasons (name, started_at, ends_at, announce_platform, announce_chat) \
             VALUES (?, ?, ?, ?, ?) \
             RETURNING id, name, started_at, ends_at, ended_at, announce_platform, announce_chat",
        )
        .bind(name)
        .bind(millis(at))
        .bind(ends_at.map(millis))
        .bind(announce.platform.as_str())
        .bind(&announce.chat_id)
        .fetch_one(&mut *self.tx)
        .await
        .during("start_season")?;
        Ok(season(row))
    }

    pub async fn end_season(&mut self, id: i64, at: DateTime<Utc>) -> Result<()> {
        sqlx::query("UPDATE seasons SET ended_at = ? WHERE id = ? AND ended_at IS NULL")
            .bind(millis(at))
            .bind(id)
            .execute(&mut *self.tx)
            .await
            .during("end_season")?;
        Ok(())
    }
}
