//! The dashboard's engine side: members' activity tallied in memory as messages arrive and
//! written after the award log's fold about once a second (this file, the `Activity` service),
//! and what operators watch (`Operations`: the dashboard's panels in `dashboard.rs`,
//! `series.rs`, `revenue.rs`; the overview and readiness in `overview.rs`).
//!
//! Tallying in memory keeps the message path free of writes: a message costs a count and a set
//! lookup; only a member's first message of a day (in this process) is written, as one row, and
//! the rest only move the day's message counter. A crash loses at most the last second's
//! counts, never points (those go through the award log).

mod channels;
mod contributors;
mod dashboard;
mod objectives;
mod overview;
mod revenue;
mod series;
mod subscribers;
mod tally;

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, Timelike, Utc};

use crate::EngineResult;
use crate::Kernel;
use crate::core::analytics::Counter;
use crate::core::analytics::activity::activity_increments;
use crate::core::ids::{ChatRef, MemberId};
use crate::store::{ChatDayActivity, DayActivity};
pub use channels::{ChannelRow, HourOfWeek};
pub use contributors::{Contributors, TOP, TopMember};
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
pub(crate) use tally::Said;
use tally::{ActivityTally, Line, Taken, Tallied};

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

impl Activity {
    /// Counts a chat line or a command a member wrote in `chat` (a community chat): either
    /// makes them active that day; a chat line also counts for its chat and its hour.
    pub(crate) fn note_activity(
        &self,
        member: MemberId,
        chat: &ChatRef,
        at: DateTime<Utc>,
        said: Said,
    ) {
        let calendar = self.kernel.config.calendar;
        let chat = format!("{}:{}", chat.platform, chat.chat_id);
        self.tally.note(&Line {
            member,
            day: calendar.day(at),
            hour: at.with_timezone(&calendar.tz).hour(),
            chat: &chat,
            said,
        });
    }

    /// Writes the tallied activity, [`MEMBERS_PER_FLUSH`] members a transaction, each under
    /// the writer lock; what fails is kept for the next flush. The counts and the chat days go
    /// with the first transaction.
    pub(crate) async fn flush_activity(&self) -> EngineResult<()> {
        let Taken {
            counts,
            days,
            chat_days,
        } = self.tally.take();
        let mut first = Some((counts, chat_days));
        let mut chunks = days.chunks(MEMBERS_PER_FLUSH).peekable();
        if chunks.peek().is_none() {
            let (counts, chat_days) = first.take().unwrap_or_default();
            if counts.is_empty() && chat_days.is_empty() {
                return Ok(());
            }
            let _writer = self.kernel.lock_writer().await;
            if let Err(e) = self.write_activity(&counts, &[], &chat_days).await {
                self.tally.restore(Taken {
                    counts,
                    days: Vec::new(),
                    chat_days,
                });
                return Err(e);
            }
            self.tally.written(&[], &chat_days);
            return Ok(());
        }
        while let Some(chunk) = chunks.next() {
            let _writer = self.kernel.lock_writer().await;
            let (counts, chat_days) = first.take().unwrap_or_default();
            if let Err(e) = self.write_activity(&counts, chunk, &chat_days).await {
                let rest: Vec<DayActivity> = std::iter::once(chunk)
                    .chain(chunks)
                    .flatten()
                    .copied()
                    .collect();
                self.tally.restore(Taken {
                    counts,
                    days: rest,
                    chat_days,
                });
                return Err(e);
            }
            self.tally.written(chunk, &chat_days);
        }
        Ok(())
    }

    async fn write_activity(
        &self,
        counted: &Tallied,
        days: &[DayActivity],
        chat_days: &[ChatDayActivity],
    ) -> EngineResult<()> {
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
        let mut counts: Vec<_> = counted
            .iter()
            .map(|((counter, day), n)| (counter.clone(), *day, *n))
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
        for (chat, day) in tx.write_chat_days(chat_days).await? {
            counts.push((Counter::ChatActive(chat), day, 1));
        }
        tx.write_activity(&kept, &after, &counts).await?;
        tx.commit().await?;
        Ok(())
    }
}
