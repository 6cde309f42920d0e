//! What members wrote, tallied in memory between two flushes: counts per community day (chat
//! lines and commands apart, chat lines per chat and per hour), and who was active on a day,
//! and in which chat, that this process has not written yet. A member's later lines that day
//! stay in memory: only their first is ever written.

use std::collections::{BTreeMap, HashSet};
use std::sync::Mutex;

use chrono::NaiveDate;

use crate::core::analytics::Counter;
use crate::core::ids::MemberId;
use crate::store::{ChatDayActivity, DayActivity};
use crate::sync;

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

/// Counts since the last flush, by counter and community day.
pub(super) type Tallied = BTreeMap<(Counter, NaiveDate), i64>;

/// One line as the tally needs it.
pub(super) struct Line<'a> {
    pub member: MemberId,
    pub day: NaiveDate,
    /// The community's hour it was written in.
    pub hour: u32,
    /// `platform:chat id`.
    pub chat: &'a str,
    pub said: Said,
}

/// What is taken for one flush.
pub(super) struct Taken {
    pub counts: Tallied,
    pub days: Vec<DayActivity>,
    pub chat_days: Vec<ChatDayActivity>,
}

#[derive(Default)]
struct Tally {
    counts: Tallied,
    /// Members active on a day, and in a chat on a day, this process has not written yet.
    pending: HashSet<DayActivity>,
    chat_pending: HashSet<ChatDayActivity>,
    /// Members (and member-chats) already written for `written_day`; cleared when it moves on.
    written: HashSet<MemberId>,
    chat_written: HashSet<(MemberId, String)>,
    written_day: Option<NaiveDate>,
}

/// The activity tally.
#[derive(Default)]
pub(crate) struct ActivityTally(Mutex<Tally>);

impl ActivityTally {
    pub(super) fn note(&self, line: &Line<'_>) {
        let mut tally = sync::lock(&self.0);
        let day = line.day;
        *tally.counts.entry((line.said.counter(), day)).or_default() += 1;
        let today = tally.written_day == Some(day);
        if line.said == Said::Chat {
            let chat = line.chat.to_owned();
            *tally
                .counts
                .entry((Counter::ChatMessages(chat.clone()), day))
                .or_default() += 1;
            *tally
                .counts
                .entry((Counter::Hour(line.hour), day))
                .or_default() += 1;
            if !(today && tally.chat_written.contains(&(line.member, chat.clone()))) {
                tally.chat_pending.insert(ChatDayActivity {
                    member: line.member,
                    chat,
                    day,
                });
            }
        }
        if today && tally.written.contains(&line.member) {
            return;
        }
        tally.pending.insert(DayActivity {
            member: line.member,
            day,
        });
    }

    pub(crate) fn is_empty(&self) -> bool {
        let tally = sync::lock(&self.0);
        tally.counts.is_empty() && tally.pending.is_empty() && tally.chat_pending.is_empty()
    }

    pub(super) fn take(&self) -> Taken {
        let mut tally = sync::lock(&self.0);
        let counts = std::mem::take(&mut tally.counts);
        let mut days: Vec<DayActivity> = tally.pending.drain().collect();
        days.sort_unstable();
        let mut chat_days: Vec<ChatDayActivity> = tally.chat_pending.drain().collect();
        chat_days.sort_unstable();
        Taken {
            counts,
            days,
            chat_days,
        }
    }

    /// Remembers what was written, so the same member's next lines that day stay in memory.
    pub(super) fn written(&self, days: &[DayActivity], chat_days: &[ChatDayActivity]) {
        let mut tally = sync::lock(&self.0);
        let latest = days
            .iter()
            .map(|d| d.day)
            .chain(chat_days.iter().map(|d| d.day))
            .max();
        if let Some(latest) = latest
            && tally.written_day.is_none_or(|w| w < latest)
        {
            tally.written.clear();
            tally.chat_written.clear();
            tally.written_day = Some(latest);
        }
        let day = tally.written_day;
        for d in days.iter().filter(|d| Some(d.day) == day) {
            tally.written.insert(d.member);
        }
        for d in chat_days.iter().filter(|d| Some(d.day) == day) {
            tally.chat_written.insert((d.member, d.chat.clone()));
        }
    }

    /// Puts back what could not be written, so the next flush carries it.
    pub(super) fn restore(&self, taken: Taken) {
        let mut tally = sync::lock(&self.0);
        for (key, n) in taken.counts {
            *tally.counts.entry(key).or_default() += n;
        }
        tally.pending.extend(taken.days);
        tally.chat_pending.extend(taken.chat_days);
    }
}
