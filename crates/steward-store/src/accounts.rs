//! Members and their platform accounts: creation on first sight, name updates, lookups.

use chrono::{DateTime, Utc};
use sqlx::Row;
use sqlx::sqlite::SqliteRow;

use super::error::During;
use super::{Result, Store, StoreError, WriteTx, from_millis, millis, parse_day};
use steward_core::daily::DailyState;
use steward_core::ids::{AccountProfile, AccountRef, MemberId, Platform};

/// A member's stored totals and settings.
#[derive(Debug, Clone)]
pub struct MemberRow {
    pub id: MemberId,
    pub display_name: String,
    pub xp: i64,
    pub balance: i64,
    pub xp_reached_at: DateTime<Utc>,
    pub hidden: bool,
    pub daily: DailyState,
    pub last_message_xp_at: Option<DateTime<Utc>>,
}

const MEMBER_BY_ID: &str = "SELECT id, display_name, xp, balance, xp_reached_at, hidden, \
     daily_last_day, daily_streak, last_message_xp_at FROM members WHERE id = ?";

/// [`MEMBER_BY_ID`] with the award log's unfolded awards added as the fold would add them, so a
/// read outside a transaction sees whole totals without folding (a read never writes).
const MEMBER_BY_ID_WHOLE: &str = "SELECT m.id, m.display_name, m.xp + COALESCE(l.xp, 0) AS xp, \
     m.balance + COALESCE(l.xp, 0) AS balance, \
     CASE WHEN l.reached IS NULL THEN m.xp_reached_at ELSE l.reached END AS xp_reached_at, \
     m.hidden, m.daily_last_day, m.daily_streak, \
     CASE WHEN l.last_at IS NULL THEN m.last_message_xp_at \
     ELSE MAX(COALESCE(m.last_message_xp_at, 0), l.last_at) END AS last_message_xp_at \
     FROM members m, (SELECT SUM(xp) AS xp, MAX(CASE WHEN xp > 0 THEN at END) AS reached, \
     MAX(at) AS last_at FROM award_log WHERE member_id = ?1) l WHERE m.id = ?1";

fn member_row(row: &SqliteRow) -> MemberRow {
    let last_day: Option<String> = row.get("daily_last_day");
    MemberRow {
        id: MemberId(row.get("id")),
        display_name: row.get("display_name"),
        xp: row.get("xp"),
        balance: row.get("balance"),
        xp_reached_at: from_millis(row.get("xp_reached_at")),
        hidden: row.get::<i64, _>("hidden") != 0,
        daily: DailyState {
            last_day: last_day.as_deref().and_then(parse_day),
            streak: u32::try_from(row.get::<i64, _>("daily_streak")).unwrap_or(0),
        },
        last_message_xp_at: row
            .get::<Option<i64>, _>("last_message_xp_at")
            .map(from_millis),
    }
}

impl Store {
    /// The member an account belongs to, if it has been seen.
    pub async fn member_of(&self, account: &AccountRef) -> Result<Option<MemberId>> {
        let id: Option<i64> =
            sqlx::query_scalar("SELECT member_id FROM accounts WHERE platform = ? AND user_id = ?")
                .bind(account.platform.as_str())
                .bind(&account.user_id)
                .fetch_optional(&self.pool)
                .await
                .during("member_of")?;
        Ok(id.map(MemberId))
    }

    /// An account's member and the names stored for it, if it has been seen.
    pub async fn account(
        &self,
        account: &AccountRef,
    ) -> Result<Option<(MemberId, String, Option<String>)>> {
        let row: Option<(i64, String, Option<String>)> = sqlx::query_as(
            "SELECT member_id, display_name, username FROM accounts WHERE platform = ? AND user_id = ?",
        )
        .bind(account.platform.as_str())
        .bind(&account.user_id)
        .fetch_optional(&self.pool)
        .await.during("account")?;
        Ok(row.map(|(member, name, username)| (MemberId(member), name, username)))
    }

    pub async fn member(&self, id: MemberId) -> Result<MemberRow> {
        let query = if self.may_have_logged(id.0) {
            MEMBER_BY_ID_WHOLE
        } else {
            MEMBER_BY_ID
        };
        let row = sqlx::query(query)
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await
            .during("member")?
            .ok_or(StoreError::NoSuchMember(id.0))?;
        Ok(member_row(&row))
    }

    /// Finds a member by an account's handle or display name on one platform, ignoring case.
    pub async fn find_by_name(&self, platform: Platform, name: &str) -> Result<Option<MemberId>> {
        let id: Option<i64> = sqlx::query_scalar(
            "SELECT member_id FROM accounts WHERE platform = ?1 AND \
             (username = lower(?2) OR user_id = ?2 OR lower(display_name) = lower(?2)) \
             ORDER BY username = lower(?2) DESC LIMIT 1",
        )
        .bind(platform.as_str())
        .bind(name)
        .fetch_optional(&self.pool)
        .await
        .during("find_by_name")?;
        Ok(id.map(MemberId))
    }

    /// The platforms a member has accounts on.
    pub async fn platforms_of(&self, member: MemberId) -> Result<Vec<Platform>> {
        let names: Vec<String> =
            sqlx::query_scalar("SELECT DISTINCT platform FROM accounts WHERE member_id = ?")
                .bind(member.0)
                .fetch_all(&self.pool)
                .await
                .during("platforms_of")?;
        Ok(names.iter().filter_map(|p| p.parse().ok()).collect())
    }
}

impl<S> WriteTx<S> {
    /// The member behind an account, creating both on first sight and refreshing the names.
    /// Touches no score, so it runs in any transaction.
    pub async fn ensure_account(
        &mut self,
        profile: &AccountProfile,
        now: DateTime<Utc>,
    ) -> Result<MemberId> {
        let username = profile.username.as_deref().map(str::to_lowercase);
        let existing: Option<(i64, String, Option<String>)> = sqlx::query_as(
            "SELECT member_id, display_name, username FROM accounts WHERE platform = ? AND user_id = ?",
        )
        .bind(profile.account.platform.as_str())
        .bind(&profile.account.user_id)
        .fetch_optional(&mut *self.tx)
        .await.during("ensure_account")?;
        match existing {
            Some((member, name, handle)) => {
                if name != profile.display_name || handle != username {
                    sqlx::query("UPDATE accounts SET display_name = ?, username = ? WHERE platform = ? AND user_id = ?")
                        .bind(&profile.display_name)
                        .bind(&username)
                        .bind(profile.account.platform.as_str())
                        .bind(&profile.account.user_id)
                        .execute(&mut *self.tx)
                        .await.during("ensure_account")?;
                    sqlx::query("UPDATE members SET display_name = ? WHERE id = ?")
                        .bind(&profile.display_name)
                        .bind(member)
                        .execute(&mut *self.tx)
                        .await
                        .during("ensure_account")?;
                }
                Ok(MemberId(member))
            }
            None => {
                let member: i64 = sqlx::query_scalar(
                    "INSERT INTO members (display_name, xp_reached_at, created_at) VALUES (?, ?, ?) RETURNING id",
                )
                .bind(&profile.display_name)
                .bind(millis(now))
                .bind(millis(now))
                .fetch_one(&mut *self.tx)
                .await.during("ensure_account")?;
                sqlx::query(
                    "INSERT INTO accounts (platform, user_id, member_id, username, display_name) VALUES (?, ?, ?, ?, ?)",
                )
                .bind(profile.account.platform.as_str())
                .bind(&profile.account.user_id)
                .bind(member)
                .bind(&username)
                .bind(&profile.display_name)
                .execute(&mut *self.tx)
                .await.during("ensure_account")?;
                Ok(MemberId(member))
            }
        }
    }
}

impl WriteTx {
    pub async fn member(&mut self, id: MemberId) -> Result<MemberRow> {
        let row = sqlx::query(MEMBER_BY_ID)
            .bind(id.0)
            .fetch_optional(&mut *self.tx)
            .await
            .during("member")?
            .ok_or(StoreError::NoSuchMember(id.0))?;
        Ok(member_row(&row))
    }

    pub async fn set_hidden(&mut self, id: MemberId, hidden: bool) -> Result<()> {
        sqlx::query("UPDATE members SET hidden = ? WHERE id = ?")
            .bind(i64::from(hidden))
            .bind(id.0)
            .execute(&mut *self.tx)
            .await
            .during("set_hidden")?;
        Ok(())
    }

    /// Records a claimed `/daily` (the award itself goes through the ledger).
    pub async fn set_daily(
        &mut self,
        id: MemberId,
        state: steward_core::daily::DailyState,
    ) -> Result<()> {
        sqlx::query("UPDATE members SET daily_last_day = ?, daily_streak = ? WHERE id = ?")
            .bind(state.last_day.map(super::day_text))
            .bind(i64::from(state.streak))
            .bind(id.0)
            .execute(&mut *self.tx)
            .await
            .during("set_daily")?;
        Ok(())
    }
}

impl Store {
    /// Every account of a member, Telegram and Discord before the console.
    pub async fn accounts_of(&self, member: MemberId) -> Result<Vec<AccountRef>> {
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT platform, user_id FROM accounts WHERE member_id = ? \
             ORDER BY platform = 'console', platform, user_id",
        )
        .bind(member.0)
        .fetch_all(&self.pool)
        .await
        .during("accounts_of")?;
        Ok(rows
            .into_iter()
            .filter_map(|(platform, id)| Some(AccountRef::new(platform.parse().ok()?, id)))
            .collect())
    }
}
