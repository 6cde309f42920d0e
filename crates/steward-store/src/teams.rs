//! Teams and their seats: a team's row (plan, tier, seats, manager, when it runs) and the
//! seats' ledger (who held one, added and removed by whom and when). Whether a seat may be
//! taken is the core's decision (`teams::may_seat`), made on reads in the caller's transaction.

use chrono::{DateTime, Utc};

use super::error::During;
use super::{Result, Store, WriteTx, from_millis, millis};
use steward_core::ids::MemberId;
use steward_core::teams::Team;
use steward_core::tiers::Membership;

/// A team about to be made.
#[derive(Debug, Clone, Copy)]
pub struct NewTeam<'a> {
    pub name: &'a str,
    pub plan: &'a str,
    pub tier: &'a str,
    pub seats: u32,
    pub manager: MemberId,
    pub created_by: MemberId,
    pub at: DateTime<Utc>,
    /// `Some(expiry)` to start it at once (an operator's grant; `None` inside for life);
    /// `None` to wait for its payment.
    pub started: Option<Option<DateTime<Utc>>>,
}

/// One seat held, with its holder's name, for the manager's view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatRow {
    pub member: MemberId,
    pub name: String,
    pub added_at: DateTime<Utc>,
}

type TeamTuple = (
    i64,
    String,
    String,
    String,
    i64,
    i64,
    Option<i64>,
    Option<i64>,
    Option<i64>,
);

const TEAM_COLUMNS: &str =
    "id, name, plan, tier, seats, manager_id, started_at, expires_at, ended_at";

fn team((id, name, plan, tier, seats, manager, started, expires, ended): TeamTuple) -> Team {
    Team {
        id,
        name,
        plan,
        tier,
        seats: u32::try_from(seats).unwrap_or(0),
        manager: MemberId(manager),
        started_at: started.map(from_millis),
        expires_at: expires.map(from_millis),
        ended_at: ended.map(from_millis),
    }
}

impl Store {
    /// A team by id.
    pub async fn team(&self, id: i64) -> Result<Option<Team>> {
        let sql = format!("SELECT {TEAM_COLUMNS} FROM teams WHERE id = ?");
        let row: Option<TeamTuple> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(&self.pool)
            .await
            .during("team")?;
        Ok(row.map(team))
    }

    /// The teams `manager` manages that have not ended, newest first.
    pub async fn teams_managed_by(&self, manager: MemberId) -> Result<Vec<Team>> {
        let sql = format!(
            "SELECT {TEAM_COLUMNS} FROM teams WHERE manager_id = ? AND ended_at IS NULL \
             ORDER BY created_at DESC, id DESC"
        );
        let rows: Vec<TeamTuple> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(manager.0)
            .fetch_all(&self.pool)
            .await
            .during("teams_managed_by")?;
        Ok(rows.into_iter().map(team).collect())
    }

    /// The seats of `team` held now, in the order they were given.
    pub async fn team_seats(&self, team: i64) -> Result<Vec<SeatRow>> {
        let rows: Vec<(i64, String, i64)> = sqlx::query_as(
            "SELECT s.member_id, m.display_name, s.added_at FROM team_seats s \
             JOIN members m ON m.id = s.member_id \
             WHERE s.team_id = ? AND s.removed_at IS NULL ORDER BY s.added_at, s.id",
        )
        .bind(team)
        .fetch_all(&self.pool)
        .await
        .during("team_seats")?;
        Ok(rows
            .into_iter()
            .map(|(member, name, added)| SeatRow {
                member: MemberId(member),
                name,
                added_at: from_millis(added),
            })
            .collect())
    }

    /// The running teams in which `member` holds a seat.
    pub async fn seats_of(&self, member: MemberId) -> Result<Vec<Team>> {
        let sql = format!(
            "SELECT {} FROM team_seats s JOIN teams t ON t.id = s.team_id \
             WHERE s.member_id = ? AND s.removed_at IS NULL AND t.started_at IS NOT NULL \
             AND t.ended_at IS NULL ORDER BY t.id",
            TEAM_COLUMNS
                .split(", ")
                .map(|c| format!("t.{c}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let rows: Vec<TeamTuple> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(member.0)
            .fetch_all(&self.pool)
            .await
            .during("seats_of")?;
        Ok(rows.into_iter().map(team).collect())
    }

    /// What gives `member` a tier: their own memberships that have not ended, and a seat in
    /// each running team. Access and perks read this; buying and extending read
    /// [`Store::memberships`], which is the member's own time only.
    pub async fn tiers_held(&self, member: MemberId) -> Result<Vec<Membership>> {
        let mut held = self.memberships(member).await?;
        held.extend(
            self.seats_of(member)
                .await?
                .iter()
                .map(Team::seat_membership),
        );
        Ok(held)
    }

    /// Started teams not ended whose time is up at `now`, soonest first.
    pub async fn teams_lapsed(&self, now: DateTime<Utc>) -> Result<Vec<Team>> {
        let sql = format!(
            "SELECT {TEAM_COLUMNS} FROM teams WHERE ended_at IS NULL AND started_at IS NOT NULL \
             AND expires_at <= ? ORDER BY expires_at, id"
        );
        let rows: Vec<TeamTuple> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(millis(now))
            .fetch_all(&self.pool)
            .await
            .during("teams_lapsed")?;
        Ok(rows.into_iter().map(team).collect())
    }
}

impl WriteTx {
    /// A team by id, read in the transaction.
    pub async fn team(&mut self, id: i64) -> Result<Option<Team>> {
        let sql = format!("SELECT {TEAM_COLUMNS} FROM teams WHERE id = ?");
        let row: Option<TeamTuple> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(&mut *self.tx)
            .await
            .during("team")?;
        Ok(row.map(team))
    }

    /// Whether a started team not ended already has this name (compared without case).
    pub async fn team_name_taken(&mut self, name: &str) -> Result<bool> {
        let row: Option<i64> = sqlx::query_scalar(
            "SELECT 1 FROM teams WHERE ended_at IS NULL AND started_at IS NOT NULL \
             AND lower(name) = lower(?)",
        )
        .bind(name)
        .fetch_optional(&mut *self.tx)
        .await
        .during("team_name_taken")?;
        Ok(row.is_some())
    }

    /// The name of the team `manager` manages that runs at `at`, if any.
    pub async fn running_team_of(
        &mut self,
        manager: MemberId,
        at: DateTime<Utc>,
    ) -> Result<Option<String>> {
        let row: Option<String> = sqlx::query_scalar(
            "SELECT name FROM teams WHERE manager_id = ? AND ended_at IS NULL \
             AND started_at IS NOT NULL AND (expires_at IS NULL OR expires_at > ?) LIMIT 1",
        )
        .bind(manager.0)
        .bind(millis(at))
        .fetch_optional(&mut *self.tx)
        .await
        .during("running_team_of")?;
        Ok(row)
    }

    /// Ends the teams `manager` ordered and did not pay for: a later payment for one starts
    /// nothing (and is kept for a refund).
    pub async fn end_unpaid_teams(&mut self, manager: MemberId, at: DateTime<Utc>) -> Result<()> {
        sqlx::query(
            "UPDATE teams SET ended_at = ? WHERE manager_id = ? AND started_at IS NULL \
             AND ended_at IS NULL",
        )
        .bind(millis(at))
        .bind(manager.0)
        .execute(&mut *self.tx)
        .await
        .during("end_unpaid_teams")?;
        Ok(())
    }

    /// Makes a team; returns its id.
    pub async fn create_team(&mut self, new: NewTeam<'_>) -> Result<i64> {
        let (started, expires) = match new.started {
            Some(expires) => (Some(millis(new.at)), expires.map(millis)),
            None => (None, None),
        };
        let id = sqlx::query_scalar(
            "INSERT INTO teams (name, plan, tier, seats, manager_id, created_by, created_at, \
             started_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(new.name)
        .bind(new.plan)
        .bind(new.tier)
        .bind(i64::from(new.seats))
        .bind(new.manager.0)
        .bind(new.created_by.0)
        .bind(millis(new.at))
        .bind(started)
        .bind(expires)
        .fetch_one(&mut *self.tx)
        .await
        .during("create_team")?;
        Ok(id)
    }

    /// Starts a team its payment paid for; `false` if it had started (a repeat) or ended.
    pub async fn start_team(
        &mut self,
        id: i64,
        payment: i64,
        at: DateTime<Utc>,
        expires: Option<DateTime<Utc>>,
    ) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE teams SET started_at = ?, expires_at = ?, payment_id = ? \
             WHERE id = ? AND started_at IS NULL AND ended_at IS NULL",
        )
        .bind(millis(at))
        .bind(expires.map(millis))
        .bind(payment)
        .bind(id)
        .execute(&mut *self.tx)
        .await
        .during("start_team")?;
        Ok(done.rows_affected() == 1)
    }

    /// The team a payment started, if it started one.
    pub async fn team_of_payment(&mut self, payment: i64) -> Result<Option<i64>> {
        let row: Option<i64> = sqlx::query_scalar("SELECT id FROM teams WHERE payment_id = ?")
            .bind(payment)
            .fetch_optional(&mut *self.tx)
            .await
            .during("team_of_payment")?;
        Ok(row)
    }

    /// Brings a running team's end forward to `at` (its payment was refunded): the lapse then
    /// ends it and its seats' access, once.
    pub async fn cut_team_short(&mut self, id: i64, at: DateTime<Utc>) -> Result<()> {
        sqlx::query(
            "UPDATE teams SET expires_at = ? WHERE id = ? AND ended_at IS NULL \
             AND (expires_at IS NULL OR expires_at > ?)",
        )
        .bind(millis(at))
        .bind(id)
        .bind(millis(at))
        .execute(&mut *self.tx)
        .await
        .during("cut_team_short")?;
        Ok(())
    }

    /// Ends a team at `at`; `false` if it had ended (a repeat changes nothing).
    pub async fn end_team(&mut self, id: i64, at: DateTime<Utc>) -> Result<bool> {
        let done = sqlx::query("UPDATE teams SET ended_at = ? WHERE id = ? AND ended_at IS NULL")
            .bind(millis(at))
            .bind(id)
            .execute(&mut *self.tx)
            .await
            .during("end_team")?;
        Ok(done.rows_affected() == 1)
    }

    /// How many seats of `team` are held, and whether `member` holds one.
    pub async fn seats_taken(&mut self, team: i64, member: MemberId) -> Result<(u32, bool)> {
        let (taken, seated): (i64, i64) = sqlx::query_as(
            "SELECT COUNT(*), COALESCE(SUM(member_id = ?), 0) FROM team_seats \
             WHERE team_id = ? AND removed_at IS NULL",
        )
        .bind(member.0)
        .bind(team)
        .fetch_one(&mut *self.tx)
        .await
        .during("seats_taken")?;
        Ok((u32::try_from(taken).unwrap_or(u32::MAX), seated > 0))
    }

    /// Gives `member` a seat in `team`.
    pub async fn add_seat(
        &mut self,
        team: i64,
        member: MemberId,
        by: MemberId,
        at: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO team_seats (team_id, member_id, added_at, added_by) VALUES (?, ?, ?, ?)",
        )
        .bind(team)
        .bind(member.0)
        .bind(millis(at))
        .bind(by.0)
        .execute(&mut *self.tx)
        .await
        .during("add_seat")?;
        Ok(())
    }

    /// Frees `member`'s seat in `team`; `false` if they held none.
    pub async fn remove_seat(
        &mut self,
        team: i64,
        member: MemberId,
        by: MemberId,
        at: DateTime<Utc>,
    ) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE team_seats SET removed_at = ?, removed_by = ? \
             WHERE team_id = ? AND member_id = ? AND removed_at IS NULL",
        )
        .bind(millis(at))
        .bind(by.0)
        .bind(team)
        .bind(member.0)
        .execute(&mut *self.tx)
        .await
        .during("remove_seat")?;
        Ok(done.rows_affected() == 1)
    }
}
