//! Events and who joined them: created with a check-in code, joined once, checked in to once
//! (the row that pays attendance XP), reminded once before the start.

use chrono::{DateTime, Utc};

use super::error::During;
use super::{Result, Store, WriteTx, from_millis, millis};
use steward_core::ids::{ChatRef, MemberId};

/// A stored event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRow {
    pub id: i64,
    pub name: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub xp: i64,
    pub tier: Option<String>,
    pub code: String,
    pub joined: i64,
}

type EventTuple = (i64, String, i64, i64, i64, Option<String>, String, i64);

const COLUMNS: &str = "SELECT e.id, e.name, e.starts_at, e.ends_at, e.xp, e.tier, e.code, \
     (SELECT COUNT(*) FROM event_members m WHERE m.event_id = e.id) FROM events e";

fn event((id, name, starts, ends, xp, tier, code, joined): EventTuple) -> EventRow {
    EventRow {
        id,
        name,
        starts_at: from_millis(starts),
        ends_at: from_millis(ends),
        xp,
        tier,
        code,
        joined,
    }
}

fn query(filter: &'static str) -> sqlx::AssertSqlSafe<String> {
    // Sound: both parts are compile-time constants.
    sqlx::AssertSqlSafe(format!("{COLUMNS} {filter}"))
}

/// An event to create.
#[derive(Debug, Clone)]
pub struct NewEventRow<'a> {
    pub name: &'a str,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub xp: i64,
    pub tier: Option<&'a str>,
    pub code: &'a str,
    pub created_by: MemberId,
    pub at: DateTime<Utc>,
    /// The chat announcing the season the event opens, if it opens one.
    pub season_chat: Option<&'a ChatRef>,
}

impl WriteTx {
    /// Creates an event; `None` when its code is taken (draw another).
    pub async fn create_event(&mut self, new: &NewEventRow<'_>) -> Result<Option<i64>> {
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO events (name, starts_at, ends_at, xp, tier, code, created_by, created_at, \
             opens_season, season_platform, season_chat) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) \
             ON CONFLICT (code) DO NOTHING RETURNING id",
        )
        .bind(new.name)
        .bind(millis(new.starts_at))
        .bind(millis(new.ends_at))
        .bind(new.xp)
        .bind(new.tier)
        .bind(new.code)
        .bind(new.created_by.0)
        .bind(millis(new.at))
        .bind(new.season_chat.is_some())
        .bind(new.season_chat.map(|c| c.platform.as_str()))
        .bind(new.season_chat.map(|c| c.chat_id.as_str()))
        .fetch_optional(&mut *self.tx)
        .await
        .during("create_event")?;
        Ok(id)
    }

    /// Joins `member` to an event; false when they had joined already. `reminded` marks the
    /// reminder as not needed (the start is too close).
    pub async fn join_event(
        &mut self,
        event: i64,
        member: MemberId,
        reminded: bool,
        at: DateTime<Utc>,
    ) -> Result<bool> {
        let done = sqlx::query(
            "INSERT INTO event_members (event_id, member_id, joined_at, reminded) VALUES (?, ?, ?, ?) \
             ON CONFLICT DO NOTHING",
        )
        .bind(event)
        .bind(member.0)
        .bind(millis(at))
        .bind(reminded)
        .execute(&mut *self.tx)
        .await
        .during("join_event")?;
        Ok(done.rows_affected() == 1)
    }

    /// Records `member`'s check-in (joining them if needed); false when they had checked in.
    pub async fn check_in(
        &mut self,
        event: i64,
        member: MemberId,
        at: DateTime<Utc>,
    ) -> Result<bool> {
        self.join_event(event, member, true, at).await?;
        let done = sqlx::query(
            "UPDATE event_members SET checked_in_at = ?, reminded = 1 \
             WHERE event_id = ? AND member_id = ? AND checked_in_at IS NULL",
        )
        .bind(millis(at))
        .bind(event)
        .bind(member.0)
        .execute(&mut *self.tx)
        .await
        .during("check_in")?;
        Ok(done.rows_affected() == 1)
    }

    /// Takes an event's season start for the scheduler; false when it was taken already.
    pub async fn claim_event_season(&mut self, event: i64) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE events SET season_done = 1 WHERE id = ? AND opens_season = 1 AND season_done = 0",
        )
        .bind(event)
        .execute(&mut *self.tx)
        .await
        .during("claim_event_season")?;
        Ok(done.rows_affected() == 1)
    }

    /// Marks `member`'s reminder for `event` sent; false when it already was.
    pub async fn claim_event_reminder(&mut self, event: i64, member: MemberId) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE event_members SET reminded = 1 WHERE event_id = ? AND member_id = ? AND reminded = 0",
        )
        .bind(event)
        .bind(member.0)
        .execute(&mut *self.tx)
        .await
        .during("claim_event_reminder")?;
        Ok(done.rows_affected() == 1)
    }
}

impl Store {
    pub async fn event_by_id(&self, id: i64) -> Result<Option<EventRow>> {
        let row: Option<EventTuple> = sqlx::query_as(query("WHERE e.id = ?"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await
            .during("event_by_id")?;
        Ok(row.map(event))
    }

    pub async fn event_by_code(&self, code: &str) -> Result<Option<EventRow>> {
        let row: Option<EventTuple> = sqlx::query_as(query("WHERE e.code = ?"))
            .bind(code)
            .fetch_optional(&self.pool)
            .await
            .during("event_by_code")?;
        Ok(row.map(event))
    }

    /// Events not over at `now`, soonest first.
    pub async fn coming_events(&self, now: DateTime<Utc>, limit: u32) -> Result<Vec<EventRow>> {
        let rows: Vec<EventTuple> = sqlx::query_as(query(
            "WHERE e.ends_at > ? ORDER BY e.starts_at, e.id LIMIT ?",
        ))
        .bind(millis(now))
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await
        .during("coming_events")?;
        Ok(rows.into_iter().map(event).collect())
    }

    /// The events `member` joined, of those given.
    pub async fn joined_events(&self, member: MemberId) -> Result<Vec<i64>> {
        sqlx::query_scalar("SELECT event_id FROM event_members WHERE member_id = ?")
            .bind(member.0)
            .fetch_all(&self.pool)
            .await
            .during("joined_events")
    }

    /// (event, member) pairs whose reminder is due: the event starts by `horizon` and has not
    /// started at `now`.
    pub async fn event_reminders_due(
        &self,
        now: DateTime<Utc>,
        horizon: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<(EventRow, MemberId)>> {
        let rows: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT m.event_id, m.member_id FROM event_members m JOIN events e ON e.id = m.event_id \
             WHERE m.reminded = 0 AND e.starts_at > ? AND e.starts_at <= ? LIMIT ?",
        )
        .bind(millis(now))
        .bind(millis(horizon))
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await
        .during("event_reminders_due")?;
        let mut events: std::collections::HashMap<i64, Option<EventRow>> = Default::default();
        let mut due = Vec::with_capacity(rows.len());
        for (event_id, member) in rows {
            if let std::collections::hash_map::Entry::Vacant(slot) = events.entry(event_id) {
                slot.insert(self.event_by_id(event_id).await?);
            }
            if let Some(Some(event)) = events.get(&event_id) {
                due.push((event.clone(), MemberId(member)));
            }
        }
        Ok(due)
    }

    /// Events whose season is due to open at `now`, with the chat that announces it.
    pub async fn event_seasons_due(&self, now: DateTime<Utc>) -> Result<Vec<(EventRow, ChatRef)>> {
        let rows: Vec<(i64, String, String)> = sqlx::query_as(
            "SELECT id, season_platform, season_chat FROM events \
             WHERE opens_season = 1 AND season_done = 0 AND starts_at <= ? ORDER BY starts_at",
        )
        .bind(millis(now))
        .fetch_all(&self.pool)
        .await
        .during("event_seasons_due")?;
        let mut due = Vec::with_capacity(rows.len());
        for (id, platform, chat) in rows {
            let (Some(event), Ok(platform)) = (self.event_by_id(id).await?, platform.parse())
            else {
                continue;
            };
            due.push((event, ChatRef::group(platform, chat)));
        }
        Ok(due)
    }

    /// The earliest start of an event whose season is still to open.
    pub async fn next_event_season_at(&self) -> Result<Option<DateTime<Utc>>> {
        let at: Option<i64> = sqlx::query_scalar(
            "SELECT MIN(starts_at) FROM events WHERE opens_season = 1 AND season_done = 0",
        )
        .fetch_one(&self.pool)
        .await
        .during("next_event_season_at")?;
        Ok(at.map(from_millis))
    }

    /// The earliest start of an event with a reminder still to send.
    pub async fn next_event_reminder_start(
        &self,
        now: DateTime<Utc>,
    ) -> Result<Option<DateTime<Utc>>> {
        let at: Option<i64> = sqlx::query_scalar(
            "SELECT MIN(e.starts_at) FROM events e WHERE e.starts_at > ? \
             AND EXISTS (SELECT 1 FROM event_members m WHERE m.event_id = e.id AND m.reminded = 0)",
        )
        .bind(millis(now))
        .fetch_one(&self.pool)
        .await
        .during("next_event_reminder_start")?;
        Ok(at.map(from_millis))
    }

    /// The event's participants ranked by XP earned while it ran (message XP counts by the
    /// community day it was folded on); hidden members are left out.
    pub async fn event_board(&self, event: &EventRow, limit: u32) -> Result<Vec<(String, i64)>> {
        sqlx::query_as(
            "SELECT mb.display_name, SUM(l.delta_xp) AS xp FROM event_members em \
             JOIN members mb ON mb.id = em.member_id \
             JOIN ledger l ON l.member_id = em.member_id AND l.at >= ? AND l.at <= ? \
             WHERE em.event_id = ? AND mb.hidden = 0 \
             GROUP BY em.member_id HAVING xp > 0 ORDER BY xp DESC, mb.id LIMIT ?",
        )
        .bind(millis(event.starts_at))
        .bind(millis(event.ends_at))
        .bind(event.id)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await
        .during("event_board")
    }
}
