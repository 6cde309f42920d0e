//! What the operators' dashboard measures, as pure rules: the counters' names and periods, how a
//! member's activity moves them (`activity.rs`), and the measures drawn from them
//! (`measures.rs`: the activity index, the Bayesian mean of ratings, ratios).

pub mod activity;
pub mod measures;
pub mod objectives;
pub mod range;
pub mod segments;
pub mod subscribers;

use chrono::{Datelike, NaiveDate};

pub use crate::periods::{day_key, month_key, week_key};

/// A counter kept per period: the dashboard reads ranges of these, never the detail.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Counter {
    /// Members active on a day (wrote at least once in a community chat).
    ActiveDay,
    /// Members active in an ISO week.
    ActiveWeek,
    /// Members active in a calendar month.
    ActiveMonth,
    /// Members active for the first time, per day.
    NewMembers,
    /// Chat messages in community chats (not commands), per day.
    Messages,
    /// Commands typed in community chats, per day.
    Commands,
    /// Members active in the 7 days ending on a day: a rolling distinct count, per day.
    RollingWeek,
    /// Members active in the 30 days ending on a day: a rolling distinct count, per day.
    RollingMonth,
    /// Members of the cohort first seen in the named week who were active in a week.
    Cohort(String),
    /// XP earned per day, by the ledger kind that gave it (`message`, `daily`, ...).
    Xp(String),
    /// Points spent in the shop, per day.
    Spent,
    /// Membership events per day, by action (`grant`, `extend`, `expire`, `redeem`, ...).
    Membership(String),
    /// Chat lines per day in one chat (`platform:chat id`).
    ChatMessages(String),
    /// Members who wrote a chat line in one chat, per day.
    ChatActive(String),
    /// Chat lines per day written in one hour of the community's day (0–23).
    Hour(u32),
}

/// The dashboard's counts of one award: the XP applied by its source (a ledger kind), and
/// points spent when it was a redemption that took some.
#[must_use]
pub fn award_counts(
    source: &str,
    redemption: bool,
    applied_xp: i64,
    applied_balance: i64,
) -> Vec<(Counter, i64)> {
    let mut counts = Vec::new();
    if applied_xp != 0 {
        counts.push((Counter::Xp(source.to_owned()), applied_xp));
    }
    if redemption && applied_balance < 0 {
        counts.push((Counter::Spent, -applied_balance));
    }
    counts
}

impl Counter {
    /// The stored name.
    #[must_use]
    pub fn key(&self) -> String {
        match self {
            Self::ActiveDay => "active-day".to_owned(),
            Self::ActiveWeek => "active-week".to_owned(),
            Self::ActiveMonth => "active-month".to_owned(),
            Self::NewMembers => "new".to_owned(),
            Self::Messages => "messages".to_owned(),
            Self::Commands => "commands".to_owned(),
            Self::RollingWeek => "wau".to_owned(),
            Self::RollingMonth => "mau".to_owned(),
            Self::Cohort(week) => format!("cohort:{week}"),
            Self::Xp(kind) => format!("xp:{kind}"),
            Self::Spent => "spent".to_owned(),
            Self::Membership(action) => format!("membership:{action}"),
            Self::ChatMessages(chat) => format!("chat-messages:{chat}"),
            Self::ChatActive(chat) => format!("chat-active:{chat}"),
            Self::Hour(hour) => format!("hour:{hour:02}"),
        }
    }

    /// The period a counter is kept per, for the day something happened.
    #[must_use]
    pub fn period_of(&self, day: NaiveDate) -> String {
        match self {
            Self::ActiveWeek | Self::Cohort(_) => week_key(day),
            Self::ActiveMonth => month_key(day),
            _ => day_key(day),
        }
    }
}

/// The Monday of a day's ISO week.
#[must_use]
pub fn week_start(day: NaiveDate) -> NaiveDate {
    day - chrono::Days::new(u64::from(day.weekday().num_days_from_monday()))
}
