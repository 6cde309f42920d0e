//! A synthetic year of dashboard history for `steward bench`: the counters a year of activity
//! leaves, per-member days for the kept detail, drops with their deliveries and ratings (the
//! triggers keep their statistics, as in production) and running memberships. Written straight
//! into the tables; the dashboard reads it as it reads a real year.

use chrono::{Datelike, Days, NaiveDate};

use crate::error::During;
use crate::{Result, Store};
use steward_core::analytics::{Counter, week_key, week_start};

/// The size of the synthetic history.
#[derive(Debug, Clone, Copy)]
pub struct SyntheticYear {
    pub today: NaiveDate,
    /// The days of counters, ending today.
    pub days: u32,
    /// Members in the database (ids 1..=members).
    pub members: i64,
    /// Members active on a weekday.
    pub daily_active: i64,
    /// The days of per-member detail kept (`analytics.keep_days`).
    pub detail_days: u32,
    /// Milliseconds of today's start: drops go out every 12 hours before it.
    pub now_ms: i64,
}

impl Store {
    /// Writes the year (see the module docs).
    pub async fn bulk_history(&self, year: &SyntheticYear) -> Result<()> {
        let mut tx = self.begin().await.during("bulk_history")?;
        tx.bump_counters(&counters(year))
            .await
            .during("bulk_history")?;
        tx.commit().await.during("bulk_history")?;
        let drops = i64::from(year.days) * 2;
        let statements: [(&str, Vec<i64>); 6] = [
            (
                "WITH RECURSIVE d(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d WHERE n < ?1 - 1), \
                 k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < ?2 - 1) \
                 INSERT OR IGNORE INTO member_days (member_id, day) \
                 SELECT ((i * 7919 + n * 104729) % ?3) + 1 AS m, \
                 date(?4 / 1000, 'unixepoch', '-' || n || ' days') AS day FROM d, k \
                 ORDER BY m, day",
                vec![
                    i64::from(year.detail_days),
                    year.daily_active,
                    year.members,
                    year.now_ms,
                ],
            ),
            (
                "WITH RECURSIVE d(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM d WHERE n < ?1) \
                 INSERT INTO drops (created_by, created_at, text, targets) \
                 SELECT NULL, ?2 - n * 43200000, 'Synthetic drop ' || n || ': a tip worth reading', \
                 'console:announcements telegram:-100' FROM d",
                vec![drops, year.now_ms],
            ),
            (
                "INSERT INTO deliveries (drop_id, occurrence_at, target, state, attempts, next_attempt_at, sent_at) \
                 SELECT d.id, d.created_at, t.value, \
                 CASE WHEN d.id % 17 = 0 AND t.value = 'telegram:-100' THEN 'failed' ELSE 'sent' END, \
                 1, d.created_at, d.created_at \
                 FROM drops d, json_each('[\"console:announcements\",\"telegram:-100\"]') t \
                 WHERE d.id <= ?1",
                vec![drops],
            ),
            // Every tenth drop also went to 2,000 members by DM.
            (
                "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 2000) \
                 INSERT INTO deliveries (drop_id, occurrence_at, target, state, attempts, next_attempt_at, sent_at) \
                 SELECT d.id, d.created_at, 'dm:' || (((d.id * 31 + i) % ?2) + 1), 'sent', 1, d.created_at, \
                 d.created_at FROM drops d, k WHERE d.id <= ?1 AND d.id % 10 = 0",
                vec![drops, year.members],
            ),
            (
                "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 140) \
                 INSERT OR IGNORE INTO ratings (drop_id, member_id, stars, at) \
                 SELECT d.id, ((d.id * 977 + i * 13) % ?2) + 1, 1 + ((d.id * 3 + i * i) % 5), \
                 d.created_at + i * 1000 FROM drops d, k WHERE d.id <= ?1 AND i <= 20 + d.id % 120",
                vec![drops, year.members],
            ),
            (
                "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?1 / 20) \
                 INSERT OR IGNORE INTO memberships (member_id, tier, started_at, expires_at) \
                 SELECT (i * 19) % ?1 + 1, CASE i % 3 WHEN 0 THEN 'basic' WHEN 1 THEN 'pro' ELSE 'vip' END, \
                 ?2 - 86400000 * (i % 300), ?2 + 3600000 * (i % 2000) FROM k",
                vec![year.members, year.now_ms],
            ),
        ];
        let mut tx = self.begin().await.during("bulk_history")?;
        for (sql, binds) in statements {
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
            for b in binds {
                query = query.bind(b);
            }
            query.execute(&mut *tx.tx).await.during("bulk_history")?;
        }
        tx.commit().await.during("bulk_history")?;
        Ok(())
    }
}

/// The counters of a year: weekday rhythm, a steady trickle of new members, cohorts that
/// halve after their first week and fade by a tenth a week after that.
fn counters(year: &SyntheticYear) -> Vec<(Counter, NaiveDate, i64)> {
    let mut out = Vec::new();
    let first = year.today - Days::new(u64::from(year.days.saturating_sub(1)));
    let mut new_by_week: Vec<(NaiveDate, i64)> = Vec::new();
    for day in first.iter_days().take_while(|d| *d <= year.today) {
        let weekend = day.weekday().num_days_from_monday() >= 5;
        let active = if weekend {
            year.daily_active * 6 / 10
        } else {
            year.daily_active
        };
        let new = (active / 50).max(1);
        let xp = |kind: &str| Counter::Xp(kind.to_owned());
        let membership = |action: &str| Counter::Membership(action.to_owned());
        out.extend([
            (Counter::ActiveDay, day, active),
            (Counter::NewMembers, day, new),
            (Counter::Messages, day, active * 8),
            (Counter::Commands, day, active),
            (Counter::RollingWeek, day, year.daily_active * 3),
            (Counter::RollingMonth, day, year.daily_active * 6),
            (xp("message"), day, active * 60),
            (xp("daily"), day, active / 3 * 10),
            (xp("thanks"), day, active / 10 * 5),
            (xp("grant"), day, 50),
            (Counter::Spent, day, active),
            (membership("grant"), day, 20),
            (membership("extend"), day, 30),
            (membership("redeem"), day, 5),
            (membership("expire"), day, 25),
            (membership("revoke"), day, 1),
        ]);
        for chat in ["telegram:-100", "discord:200", "console:general"] {
            out.push((Counter::ChatMessages(chat.to_owned()), day, active * 8 / 3));
            out.push((Counter::ChatActive(chat.to_owned()), day, active / 2));
        }
        for hour in 0..24 {
            out.push((Counter::Hour(hour), day, active * 8 / 24));
        }
        let monday = week_start(day);
        match new_by_week.last_mut() {
            Some((week, n)) if *week == monday => *n += new,
            _ => new_by_week.push((monday, new)),
        }
        if day.day() == 1 || day == first {
            out.push((Counter::ActiveMonth, day, year.daily_active * 6));
        }
    }
    for (i, (cohort, size)) in new_by_week.iter().enumerate() {
        out.push((Counter::ActiveWeek, *cohort, year.daily_active * 3));
        let name = week_key(*cohort);
        let mut active = *size;
        for (k, (week, _)) in new_by_week[i..].iter().enumerate() {
            out.push((Counter::Cohort(name.clone()), *week, active));
            active = if k == 0 { active / 2 } else { active * 9 / 10 };
        }
    }
    out
}
