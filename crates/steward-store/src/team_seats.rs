//! Team seats: the seats' ledger (who held one, added and removed by whom and when), and what a
//! member's seats give them. Whether a seat may be taken is the core's decision
//! (`teams::may_seat`), made on reads in the caller's transaction.

use chrono::{DateTime, Utc};

use super::error::During;
use super::teams::{TEAM_COLUMNS, TeamTuple, team};
use super::{Result, Store, WriteTx, from_millis, millis};
use steward_core::ids::MemberId;
use steward_core::teams::Team;
use steward_core::tiers::Membership;

/// One seat held, with its holder's name, for the manager's view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatRow {
    pub member: MemberId,
    pub name: String,
    pub added_at: DateTime<Utc>,
}

impl Store {
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

    /// Every running seat, as the membership it gives its holder (for DM drops to a tier).
    pub async fn running_seats(&self) -> Result<Vec<(MemberId, Membership)>> {
        let rows: Vec<(i64, String, Option<i64>)> = sqlx::query_as(
            "SELECT s.member_id, t.tier, t.expires_at FROM team_seats s \
             JOIN teams t ON t.id = s.team_id WHERE s.removed_at IS NULL \
             AND t.started_at IS NOT NULL AND t.ended_at IS NULL",
        )
        .fetch_all(&self.pool)
        .await
        .during("running_seats")?;
        Ok(rows
            .into_iter()
            .map(|(member, tier, expires)| {
                let held = Membership {
                    tier,
                    expires_at: expires.map(from_millis),
                };
                (MemberId(member), held)
            })
            .collect())
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
}

impl WriteTx {
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
