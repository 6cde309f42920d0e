//! The dashboard's engine side: members' activity tallied in memory as messages arrive and
//! written after the award log's fold about once a second (this file, the `Activity` service),
//! and what operators watch (`Operations`: the dashboard's panels in `dashboard.rs`,
//! `series.rs`, `revenue.rs`; the overview and readiness in `overview.rs`).
//!
//! Tallying in memory keeps the message path free of writes: a message costs a count and a set
//! lookup; only a member's first message of a day (in this process) is written, as one row, and
//! the rest only move the day's message counter. A crash loses at most the last second's
//! counts, never points (those go through the award log).

mod dashboard;
mod objectives;
mod overview;
mod revenue;
mod series;
mod subscribers;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Mutex;

use chrono::{DateTime, NaiveDate, Utc};

use crate::Kernel;
use crate::core::analytics::Counter;
use crate::core::analytics::activity::activity_increments;
use crate::core::ids::MemberId;
use crate::store::DayActivity;
use crate::{EngineResult, sync};
pub use dashboard::Operations;
pub use dashboard::{
    ContentPanel, ContentWeek, Dashboard, DashboardRange, DropQuality, MEMBERSHIP_ACTIONS,
    MembershipPanel, MembershipWeek,
};
pub use objectives::{ObjectiveWeek, ObjectivesPanel};
pub use overview::Overview;
pub use revenue::{CurrencyRevenue, Funnel, LifetimeValue, RevenuePanel};
pub use series::{ActivityPanel, CohortRow, DayRow, WeekIndex, XP_SOURCES};
use std::sync::Arc;
pub use subscribers::{
    SUBSCRIBERS_PER_PAGE, SubscriberAction, SubscriberDetail, SubscriberLine, SubscriberList,
    Subscribers,
};

/// Members' activity tallied in memory and written after each fold.
pub struct Activity {
    kernel: Arc<Kernel>,
    tally: ActivityTally,
}

impl Activity {
    pub(crate) fn new(kernel: Arc<Kernel>) -> Self {
        Self {
            tally: ActivityTally::default(),
            kernel,
        }
    }

    /// Whether nothing was tallied since the last write.
    pub(crate) fn is_empty(&self) -> bool {
        self.tally.is_empty()
    }
}

/// Members written per transaction: a morning's first messages do not hold the writer lock
/// for long.
const MEMBERS_PER_FLUSH: usize = 5_000;

/// What the tally holds between flushes.
#[derive(Default)]
struct Tally {
    /// Chat messages and commands per community day since the last flush.
    messages: BTreeMap<(NaiveDate, Said), i64>,
    /// Members active on a day this process has not written yet.
    pending: HashSet<DayActivity>,
    /// Members already written as active on `written_day`; cleared when the day moves on.
    written: HashSet<MemberId>,
    written_day: Option<NaiveDate>,
}

/// What a member wrote: a chat line or a command; counted apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Said {
    Chat,
    Command,
}

impl Said {
    fn counter(self) -> Counter {
        match self {
            Self::Chat => Counter::Messages,
            Self::Command => Counter::Commands,
        }
    }
}

/// Counts since the last flush, by community day and kind.
type Tallied = BTreeMap<(NaiveDate, Said), i64>;

/// The activity tally.
#[derive(Default)]
pub(crate) struct ActivityTally(Mutex<Tally>);

impl ActivityTally {
    fn note(&self, member: MemberId, day: NaiveDate, said: Said) {
        let mut tally = sync::lock(&self.0);
        *tally.messages.entry((day, said)).or_default() += 1;
        if tally.written_day == Some(day) && tally.written.contains(&member) {
            return;
        }
        tally.pending.insert(DayActivity { member, day });
    }

    pub(crate) fn is_empty(&self) -> bool {
        let tally = sync::lock(&self.0);
        tally.messages.is_empty() && tally.pending.is_empty()
    }

    fn take(&self) -> (Tallied, Vec<DayActivity>) {
        let mut tally = sync::lock(&self.0);
        let messages = std::mem::take(&mut tally.messages);
        let mut pending: Vec<DayActivity> = tally.pending.drain().collect();
        pending.sort_unstable();
        (messages, pending)
    }

    /// Remembers members written, so their next messages that day stay in memory.
    fn written(&self, days: &[DayActivity]) {
        let mut tally = sync::lock(&self.0);
        for d in days {
            if tally.written_day.is_none_or(|w| w < d.day) {
                tally.written.clear();
                tally.written_day = Some(d.day);
            }
            if tally.written_day == Some(d.day) {
                tally.written.insert(d.member);
            }
        }
    }

    /// Puts back what could not be written, so the next flush carries it.
    fn restore(&self, messages: Tallied, days: &[DayActivity]) {
        let mut tally = sync::lock(&self.0);
        for (key, n) in messages {
            *tally.messages.entry(key).or_default() += n;
        }
        tally.pending.extend(days.iter().copied());
    }
}

impl Activity {
    /// Counts a chat line or a command a member wrote in a community chat: either makes them
    /// active that day.
    pub(crate) fn note_activity(&self, member: MemberId, at: DateTime<Utc>, said: Said) {
        self.tally
            .note(member, self.kernel.config.calendar.day(at), said);
    }

    /// Writes the tallied activity, [`MEMBERS_PER_FLUSH`] members a transaction, each under
    /// the writer lock; what fails is kept for the next flush.
    pub(crate) async fn flush_activity(&self) -> EngineResult<()> {
        let (mut messages, days) = self.tally.take();
        let mut chunks = days.chunks(MEMBERS_PER_FLUSH).peekable();
        if chunks.peek().is_none() && !messages.is_empty() {
            let _writer = self.kernel.lock_writer().await;
            if let Err(e) = self.write_activity(&messages, &[]).await {
                self.tally.restore(messages, &[]);
                return Err(e);
            }
            return Ok(());
        }
        while let Some(chunk) = chunks.next() {
            let _writer = self.kernel.lock_writer().await;
            // The day's message counts go with the first chunk.
            let counted = std::mem::take(&mut messages);
            if let Err(e) = self.write_activity(&counted, chunk).await {
                let rest: Vec<DayActivity> = std::iter::once(chunk)
                    .chain(chunks)
                    .flatten()
                    .copied()
                    .collect();
                self.tally.restore(counted, &rest);
                return Err(e);
            }
            self.tally.written(chunk);
        }
        Ok(())
    }

    async fn write_activity(&self, messages: &Tallied, days: &[DayActivity]) -> EngineResult<()> {
        let mut by_member: BTreeMap<MemberId, Vec<NaiveDate>> = BTreeMap::new();
        for d in days {
            by_member.entry(d.member).or_default().push(d.day);
        }
        let members: Vec<MemberId> = by_member.keys().copied().collect();
        let mut tx = self.kernel.store.begin().await?;
        let spans = if members.is_empty() {
            HashMap::new()
        } else {
            tx.active_spans(&members).await?
        };
        let mut counts: Vec<_> = messages
            .iter()
            .map(|((day, said), n)| (said.counter(), *day, *n))
            .collect();
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
        tx.write_activity(&kept, &after, &counts).await?;
        tx.commit().await?;
        Ok(())
    }
}
