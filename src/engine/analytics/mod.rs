//! The dashboard's engine side: members' activity tallied in memory as messages arrive and
//! written with the award log's fold about once a second (this file), and the dashboard's
//! panels for operators (`dashboard.rs`, `series.rs`).
//!
//! Tallying in memory keeps the message path free of writes: a busy chat costs one map update
//! per message, and a flush writes one row per member and day. A crash loses at most the last
//! second's counts (never points: those go through the award log).

mod dashboard;
mod series;

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;

use chrono::{DateTime, NaiveDate, Utc};

use crate::core::analytics::Counter;
use crate::core::analytics::activity::activity_increments;
use crate::core::ids::MemberId;
use crate::engine::{Engine, EngineResult, sync};
use crate::store::DayActivity;
pub use dashboard::{
    ContentPanel, ContentWeek, Dashboard, DashboardRange, DropQuality, MEMBERSHIP_ACTIONS,
    MembershipPanel, MembershipWeek,
};
pub use series::{ActivityPanel, CohortRow, DayRow, WeekIndex, XP_SOURCES};

/// Messages per member and community day since the last flush.
#[derive(Default)]
pub(crate) struct ActivityTally(Mutex<HashMap<(MemberId, NaiveDate), u32>>);

impl ActivityTally {
    fn note(&self, member: MemberId, day: NaiveDate) {
        *sync::lock(&self.0).entry((member, day)).or_default() += 1;
    }

    pub(crate) fn is_empty(&self) -> bool {
        sync::lock(&self.0).is_empty()
    }

    fn take(&self) -> Vec<DayActivity> {
        std::mem::take(&mut *sync::lock(&self.0))
            .into_iter()
            .map(|((member, day), messages)| DayActivity {
                member,
                day,
                messages,
            })
            .collect()
    }

    /// Puts back a flush that could not be written, so the next one carries it.
    fn restore(&self, days: Vec<DayActivity>) {
        let mut tally = sync::lock(&self.0);
        for d in days {
            *tally.entry((d.member, d.day)).or_default() += d.messages;
        }
    }
}

impl Engine {
    /// Counts a message a member wrote in a community chat.
    pub(crate) fn note_activity(&self, member: MemberId, at: DateTime<Utc>) {
        self.activity.note(member, self.config.calendar.day(at));
    }

    /// Writes the tallied activity in one transaction; the caller holds the writer lock.
    /// On failure the tally is kept for the next flush.
    pub(crate) async fn flush_activity(&self) -> EngineResult<()> {
        let days = self.activity.take();
        if days.is_empty() {
            return Ok(());
        }
        if let Err(e) = self.write_activity(&days).await {
            self.activity.restore(days);
            return Err(e);
        }
        Ok(())
    }

    async fn write_activity(&self, days: &[DayActivity]) -> EngineResult<()> {
        let mut by_member: BTreeMap<MemberId, Vec<NaiveDate>> = BTreeMap::new();
        for d in days {
            by_member.entry(d.member).or_default().push(d.day);
        }
        let members: Vec<MemberId> = by_member.keys().copied().collect();
        let mut tx = self.store.begin().await?;
        let spans = tx.active_spans(&members).await?;
        let mut counts = Vec::new();
        let mut after = HashMap::with_capacity(spans.len());
        for (member, mut member_days) in by_member {
            // A member merged away since the message has no row left to count on.
            let Some(span) = spans.get(&member) else {
                continue;
            };
            member_days.sort_unstable();
            let (span, increments) = activity_increments(*span, &member_days);
            counts.extend(increments.into_iter().map(|(c, day)| (c, day, 1)));
            after.insert(member, span);
        }
        let kept: Vec<DayActivity> = days
            .iter()
            .filter(|d| after.contains_key(&d.member))
            .copied()
            .collect();
        let mut messages: BTreeMap<NaiveDate, i64> = BTreeMap::new();
        for d in &kept {
            *messages.entry(d.day).or_default() += i64::from(d.messages);
        }
        counts.extend(
            messages
                .into_iter()
                .map(|(day, n)| (Counter::Messages, day, n)),
        );
        tx.write_activity(&kept, &after, &counts).await?;
        tx.commit().await?;
        Ok(())
    }
}
