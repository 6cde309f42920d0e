//! Teams: a team's row (plan, tier, seats, manager, when it runs, the reminder of its end) and
//! the payments that started or renewed it (`team_payments`, so a refund takes back exactly what
//! it paid for). The seats are `team_seats.rs`.

use chrono::{DateTime, Duration, Utc};

use super::error::During;
use super::{Result, Store, WriteTx, from_millis, millis};
use steward_core::ids::MemberId;
use steward_core::teams::Team;

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
    /// The reminders of its end already past when it starts.
    pub reminded: Option<Duration>,
}

/// A payment that started or renewed a team, and the team's end before and after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TeamPayment {
    pub team: i64,
    /// `None`: the payment started the team.
    pub before: Option<DateTime<Utc>>,
    /// `None`: for life.
    pub after: Option<DateTime<Utc>>,
}

pub(super) type TeamTuple = (
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

/// A team's row and the closest reminder of its end already sent.
type RemindedTuple = (
    i64,
    String,
    String,
    String,
    i64,
    i64,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
);

pub(super) const TEAM_COLUMNS: &str =
    "id, name, plan, tier, seats, manager_id, started_at, expires_at, ended_at";

pub(super) fn team(
    (id, name, plan, tier, seats, manager, started, expires, ended): TeamTuple,
) -> Team {
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

    /// Running teams whose end falls before `until`, with the closest reminder already sent.
    pub async fn teams_ending_before(
        &self,
        until: DateTime<Utc>,
    ) -> Result<Vec<(Team, Option<Duration>)>> {
        let sql = format!(
            "SELECT {TEAM_COLUMNS}, reminded_secs FROM teams WHERE ended_at IS NULL \
             AND started_at IS NOT NULL AND expires_at <= ? ORDER BY expires_at, id"
        );
        let rows: Vec<RemindedTuple> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(millis(until))
            .fetch_all(&self.pool)
            .await
            .during("teams_ending_before")?;
        Ok(rows
            .into_iter()
            .map(
                |(id, name, plan, tier, seats, manager, started, expires, ended, reminded)| {
                    let row = (
                        id, name, plan, tier, seats, manager, started, expires, ended,
                    );
                    (team(row), reminded.map(Duration::seconds))
                },
            )
            .collect())
    }

    /// Notes the reminder of a team's end sent at `offset` before it.
    pub async fn set_team_reminded(&self, id: i64, offset: Duration) -> Result<()> {
        sqlx::query("UPDATE teams SET reminded_secs = ? WHERE id = ?")
            .bind(offset.num_seconds())
            .bind(id)
            .execute(&self.pool)
            .await
            .during("set_team_reminded")?;
        Ok(())
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
             started_at, expires_at, reminded_secs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) \
             RETURNING id",
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
        .bind(new.reminded.map(|r| r.num_seconds()))
        .fetch_one(&mut *self.tx)
        .await
        .during("create_team")?;
        Ok(id)
    }

    /// Starts a team its payment paid for; `false` if it had started or ended.
    pub async fn start_team(
        &mut self,
        id: i64,
        payment: i64,
        at: DateTime<Utc>,
        expires: Option<DateTime<Utc>>,
        reminded: Option<Duration>,
    ) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE teams SET started_at = ?, expires_at = ?, reminded_secs = ? \
             WHERE id = ? AND started_at IS NULL AND ended_at IS NULL",
        )
        .bind(millis(at))
        .bind(expires.map(millis))
        .bind(reminded.map(|r| r.num_seconds()))
        .bind(id)
        .execute(&mut *self.tx)
        .await
        .during("start_team")?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        self.record_team_payment(payment, id, None, expires).await?;
        Ok(true)
    }

    /// Moves a running team's end from `before` to `after` for a payment (a renewal) or a
    /// refund (`payment` is `None`), with the reminders of the new end already past.
    pub async fn move_team_end(
        &mut self,
        id: i64,
        payment: Option<i64>,
        (before, after): (Option<DateTime<Utc>>, Option<DateTime<Utc>>),
        reminded: Option<Duration>,
    ) -> Result<()> {
        sqlx::query(
            "UPDATE teams SET expires_at = ?, reminded_secs = ? WHERE id = ? AND ended_at IS NULL",
        )
        .bind(after.map(millis))
        .bind(reminded.map(|r| r.num_seconds()))
        .bind(id)
        .execute(&mut *self.tx)
        .await
        .during("move_team_end")?;
        if let Some(payment) = payment {
            self.record_team_payment(payment, id, before, after).await?;
        }
        Ok(())
    }

    async fn record_team_payment(
        &mut self,
        payment: i64,
        team: i64,
        before: Option<DateTime<Utc>>,
        after: Option<DateTime<Utc>>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO team_payments (payment_id, team_id, expires_before, expires_after) \
             VALUES (?, ?, ?, ?)",
        )
        .bind(payment)
        .bind(team)
        .bind(before.map(millis))
        .bind(after.map(millis))
        .execute(&mut *self.tx)
        .await
        .during("record_team_payment")?;
        Ok(())
    }

    /// What a payment did to a team, if it paid for one.
    pub async fn team_payment(&mut self, payment: i64) -> Result<Option<TeamPayment>> {
        let row: Option<(i64, Option<i64>, Option<i64>)> = sqlx::query_as(
            "SELECT team_id, expires_before, expires_after FROM team_payments WHERE payment_id = ?",
        )
        .bind(payment)
        .fetch_optional(&mut *self.tx)
        .await
        .during("team_payment")?;
        Ok(row.map(|(team, before, after)| TeamPayment {
            team,
            before: before.map(from_millis),
            after: after.map(from_millis),
        }))
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
}
