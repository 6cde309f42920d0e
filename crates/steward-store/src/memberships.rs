//! Memberships and their ledger: granting, ending, reminders, and the shop's redemptions.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::error::During;
use super::{Result, Store, WriteTx, from_millis, millis};
use steward_core::analytics::Counter;
use steward_core::ids::MemberId;
use steward_core::tiers::Membership;

/// A running membership with who holds it, for lists and the scheduler.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldMembership {
    pub member: MemberId,
    pub name: String,
    pub tier: String,
    pub expires_at: Option<DateTime<Utc>>,
    pub reminded: Option<Duration>,
}

/// One line of the membership ledger.
#[derive(Debug, Clone, Copy)]
pub struct MembershipEvent<'a> {
    pub member: MemberId,
    pub tier: &'a str,
    pub action: &'a str,
    pub expires_before: Option<DateTime<Utc>>,
    pub expires_after: Option<DateTime<Utc>>,
    pub actor: Option<MemberId>,
    pub at: DateTime<Utc>,
    /// The community day of `at`: the day the dashboard counts it on.
    pub day: NaiveDate,
}

type HeldTuple = (i64, String, String, Option<i64>, Option<i64>);

fn held((member, name, tier, expires, reminded): HeldTuple) -> HeldMembership {
    HeldMembership {
        member: MemberId(member),
        name,
        tier,
        expires_at: expires.map(from_millis),
        reminded: reminded.map(Duration::seconds),
    }
}

impl Store {
    /// A member's memberships that have not ended.
    pub async fn memberships(&self, member: MemberId) -> Result<Vec<Membership>> {
        let rows: Vec<(String, Option<i64>)> = sqlx::query_as(
            "SELECT tier, expires_at FROM memberships WHERE member_id = ? AND ended_at IS NULL",
        )
        .bind(member.0)
        .fetch_all(&self.pool)
        .await
        .during("memberships")?;
        Ok(rows
            .into_iter()
            .map(|(tier, expires)| Membership {
                tier,
                expires_at: expires.map(from_millis),
            })
            .collect())
    }

    /// Running memberships, optionally of one tier, soonest expiry first.
    pub async fn running_memberships(&self, tier: Option<&str>) -> Result<Vec<HeldMembership>> {
        let rows: Vec<HeldTuple> = sqlx::query_as(
            "SELECT m.member_id, p.display_name, m.tier, m.expires_at, m.reminded_secs FROM memberships m \
             JOIN members p ON p.id = m.member_id \
             WHERE m.ended_at IS NULL AND (?1 IS NULL OR m.tier = ?1) \
             ORDER BY m.expires_at IS NULL, m.expires_at, p.display_name",
        )
        .bind(tier)
        .fetch_all(&self.pool)
        .await.during("running_memberships")?;
        Ok(rows.into_iter().map(held).collect())
    }

    /// Running memberships whose expiry falls before `until` (expired ones included).
    pub async fn memberships_ending_before(
        &self,
        until: DateTime<Utc>,
    ) -> Result<Vec<HeldMembership>> {
        let rows: Vec<HeldTuple> = sqlx::query_as(
            "SELECT m.member_id, p.display_name, m.tier, m.expires_at, m.reminded_secs FROM memberships m \
             JOIN members p ON p.id = m.member_id \
             WHERE m.ended_at IS NULL AND m.expires_at IS NOT NULL AND m.expires_at <= ? \
             ORDER BY m.expires_at",
        )
        .bind(millis(until))
        .fetch_all(&self.pool)
        .await.during("memberships_ending_before")?;
        Ok(rows.into_iter().map(held).collect())
    }

    /// The earliest running expiry of a membership or a team, for the scheduler's sleep.
    pub async fn next_expiry(&self) -> Result<Option<DateTime<Utc>>> {
        let at: Option<i64> =
            sqlx::query_scalar(
                "SELECT MIN(at) FROM (SELECT MIN(expires_at) AS at FROM memberships WHERE ended_at IS NULL \
                 UNION ALL SELECT MIN(expires_at) FROM teams WHERE ended_at IS NULL AND started_at IS NOT NULL)",
            )
                .fetch_one(&self.pool)
                .await
                .during("next_expiry")?;
        Ok(at.map(from_millis))
    }

    pub async fn set_reminded(&self, member: MemberId, tier: &str, offset: Duration) -> Result<()> {
        sqlx::query("UPDATE memberships SET reminded_secs = ? WHERE member_id = ? AND tier = ?")
            .bind(offset.num_seconds())
            .bind(member.0)
            .bind(tier)
            .execute(&self.pool)
            .await
            .during("set_reminded")?;
        Ok(())
    }
}

impl WriteTx {
    /// The running membership of a member in a tier, if any.
    pub async fn membership(&mut self, member: MemberId, tier: &str) -> Result<Option<Membership>> {
        let row: Option<Option<i64>> = sqlx::query_scalar(
            "SELECT expires_at FROM memberships WHERE member_id = ? AND tier = ? AND ended_at IS NULL",
        )
        .bind(member.0)
        .bind(tier)
        .fetch_optional(&mut *self.tx)
        .await.during("membership")?;
        Ok(row.map(|expires| Membership {
            tier: tier.to_owned(),
            expires_at: expires.map(from_millis),
        }))
    }

    /// Starts or extends a membership to `expires_at` (`None`: lifetime).
    /// Starts or extends a membership to `expires_at`; `reminded` is the closest reminder to
    /// count as sent (one whose time had already passed at this grant).
    pub async fn set_membership(
        &mut self,
        member: MemberId,
        tier: &str,
        expires_at: Option<DateTime<Utc>>,
        reminded: Option<Duration>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO memberships (member_id, tier, started_at, expires_at, reminded_secs) \
             VALUES (?1, ?2, ?3, ?4, ?5) \
             ON CONFLICT (member_id, tier) DO UPDATE SET expires_at = ?4, reminded_secs = ?5, \
             started_at = CASE WHEN ended_at IS NULL THEN started_at ELSE ?3 END, ended_at = NULL",
        )
        .bind(member.0)
        .bind(tier)
        .bind(millis(now))
        .bind(expires_at.map(millis))
        .bind(reminded.map(|r| r.num_seconds()))
        .execute(&mut *self.tx)
        .await
        .during("set_membership")?;
        Ok(())
    }

    /// The ledger row that last made `member`'s `tier` run with no end: its action and the
    /// expiry the membership had before (`None` inside: it was not running or had no end).
    pub async fn opened_by(
        &mut self,
        member: MemberId,
        tier: &str,
    ) -> Result<Option<(String, Option<DateTime<Utc>>)>> {
        let row: Option<(String, Option<i64>)> = sqlx::query_as(
            "SELECT action, expires_before FROM membership_events WHERE member_id = ? AND tier = ? \
             AND expires_after IS NULL ORDER BY id DESC LIMIT 1",
        )
        .bind(member.0)
        .bind(tier)
        .fetch_optional(&mut *self.tx)
        .await
        .during("opened_by")?;
        Ok(row.map(|(action, before)| (action, before.map(from_millis))))
    }

    /// Marks a running membership ended at `at` (its access is being removed); returns whether
    /// it was running.
    pub async fn end_membership(
        &mut self,
        member: MemberId,
        tier: &str,
        at: DateTime<Utc>,
    ) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE memberships SET ended_at = ?3, expires_at = MIN(COALESCE(expires_at, ?3), ?3) \
             WHERE member_id = ?1 AND tier = ?2 AND ended_at IS NULL",
        )
        .bind(member.0)
        .bind(tier)
        .bind(millis(at))
        .execute(&mut *self.tx)
        .await
        .during("end_membership")?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn record_membership_event(&mut self, event: MembershipEvent<'_>) -> Result<()> {
        sqlx::query(
            "INSERT INTO membership_events (member_id, tier, action, expires_before, expires_after, actor_member_id, at) \
             VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(event.member.0)
        .bind(event.tier)
        .bind(event.action)
        .bind(event.expires_before.map(millis))
        .bind(event.expires_after.map(millis))
        .bind(event.actor.map(|a| a.0))
        .bind(millis(event.at))
        .execute(&mut *self.tx)
        .await.during("record_membership_event")?;
        let counter = Counter::Membership(event.action.to_owned());
        self.bump_counters(&[(counter, event.day, 1)])
            .await
            .during("record_membership_event")
    }

    /// Whether a redemption request was already carried out.
    pub async fn redemption_done(&mut self, request_key: &str) -> Result<bool> {
        let found: Option<i64> =
            sqlx::query_scalar("SELECT id FROM redemptions WHERE request_key = ?")
                .bind(request_key)
                .fetch_optional(&mut *self.tx)
                .await
                .during("redemption_done")?;
        Ok(found.is_some())
    }

    pub async fn record_redemption(
        &mut self,
        member: MemberId,
        reward: &str,
        cost: i64,
        request_key: &str,
        at: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query("INSERT INTO redemptions (member_id, reward, cost, request_key, at) VALUES (?, ?, ?, ?, ?)")
            .bind(member.0)
            .bind(reward)
            .bind(cost)
            .bind(request_key)
            .bind(millis(at))
            .execute(&mut *self.tx)
            .await.during("record_redemption")?;
        Ok(())
    }
}
