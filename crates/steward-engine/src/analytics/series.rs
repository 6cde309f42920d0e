//! The activity panel: counter rows read for a range, turned into daily rows, weekly rows with
//! the activity index, monthly actives and weekly retention cohorts.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};

use crate::core::analytics::measures::{IndexWeights, WeekActivity, activity_index, ratio};
use crate::core::analytics::range::DayRange;
use crate::core::analytics::{Counter, day_key, month_key, week_key, week_start};
use crate::store::CounterRow;

/// The XP sources the dashboard charts, in the order of the chart's legend.
/// The ledger kinds charted as XP sources; `remove` (negative) is last, in the CSV only.
pub const XP_SOURCES: [&str; 10] = [
    "message",
    "daily",
    "thanks",
    "learning",
    "course",
    "contribution",
    "event",
    "answer",
    "grant",
    "remove",
];

/// One community day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayRow {
    pub day: NaiveDate,
    /// Distinct members active that day (DAU).
    pub active: i64,
    /// Distinct members active in the 7 and 30 days ending that day (rolling WAU and MAU).
    pub wau: i64,
    pub mau: i64,
    /// Chat lines, not counting commands.
    pub messages: i64,
    pub commands: i64,
    pub new: i64,
    /// Active members who were seen on an earlier day.
    pub returning: i64,
    /// XP earned that day by source, in the order of [`XP_SOURCES`].
    pub xp: [i64; XP_SOURCES.len()],
    pub spent: i64,
}

/// One ISO week, with the activity index.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekIndex {
    pub week: String,
    pub activity: WeekActivity,
    pub index: Option<f64>,
}

/// The members first seen in one week, and how many of them were active in each week after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CohortRow {
    pub cohort: String,
    pub size: i64,
    /// Active members of the cohort in its first week (= size), the next week, and so on, up
    /// to the range's last week.
    pub active: Vec<i64>,
}

/// Everything the activity panel shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityPanel {
    pub days: Vec<DayRow>,
    pub weeks: Vec<WeekIndex>,
    /// (month, distinct active members).
    pub months: Vec<(String, i64)>,
    pub cohorts: Vec<CohortRow>,
    /// The mean over the range's days of DAU / rolling WAU and DAU / rolling MAU
    /// ("stickiness"), days with no rolling actives left out.
    pub dau_over_wau: Option<f64>,
    pub dau_over_mau: Option<f64>,
    /// The index's weights (`analytics.index_a1`, `index_a2`), for the page's definition.
    pub weights: IndexWeights,
    /// The chats, busiest first, and chat lines by hour of the week.
    pub channels: Vec<super::channels::ChannelRow>,
    pub hours: super::channels::HourOfWeek,
}

/// The counter ranges the panel reads: day counters from the Monday of the first week, so the
/// first week's index is whole.
pub(super) fn ranges(range: DayRange) -> Vec<(String, String, String)> {
    let first_day = day_key(week_start(range.from));
    let last_day = day_key(range.to);
    let mut day_counters = vec![
        Counter::ActiveDay,
        Counter::Messages,
        Counter::Commands,
        Counter::RollingWeek,
        Counter::RollingMonth,
        Counter::NewMembers,
        Counter::Spent,
    ];
    day_counters.extend(XP_SOURCES.iter().map(|s| Counter::Xp((*s).to_owned())));
    let mut out: Vec<_> = day_counters
        .into_iter()
        .map(|c| (c.key(), first_day.clone(), last_day.clone()))
        .collect();
    out.push((
        Counter::ActiveWeek.key(),
        week_key(range.from),
        week_key(range.to),
    ));
    out.push((
        Counter::ActiveMonth.key(),
        month_key(range.from),
        month_key(range.to),
    ));
    out
}

/// The weeks touching the range, Monday first.
pub(super) fn weeks(range: DayRange) -> Vec<NaiveDate> {
    let mut weeks = Vec::new();
    let mut monday = week_start(range.from);
    while monday <= range.to {
        weeks.push(monday);
        monday = monday + Days::new(7);
    }
    weeks
}

/// Builds the panel from the rows of [`ranges`] and the cohort rows.
pub(super) fn activity_panel(
    range: DayRange,
    rows: &[CounterRow],
    cohort_rows: &[CounterRow],
    weights: IndexWeights,
) -> ActivityPanel {
    let value: HashMap<(&str, &str), i64> = rows
        .iter()
        .map(|r| ((r.name.as_str(), r.period.as_str()), r.value))
        .collect();
    let at =
        |c: &Counter, period: &str| value.get(&(c.key().as_str(), period)).copied().unwrap_or(0);
    let xp_counters: Vec<Counter> = XP_SOURCES
        .iter()
        .map(|s| Counter::Xp((*s).to_owned()))
        .collect();
    let day_row = |day: NaiveDate| {
        let key = day_key(day);
        let active = at(&Counter::ActiveDay, &key);
        let new = at(&Counter::NewMembers, &key);
        let mut xp = [0; XP_SOURCES.len()];
        for (slot, counter) in xp.iter_mut().zip(&xp_counters) {
            *slot = at(counter, &key);
        }
        DayRow {
            day,
            active,
            wau: at(&Counter::RollingWeek, &key),
            mau: at(&Counter::RollingMonth, &key),
            messages: at(&Counter::Messages, &key),
            commands: at(&Counter::Commands, &key),
            new,
            returning: (active - new).max(0),
            xp,
            spent: at(&Counter::Spent, &key),
        }
    };
    let days: Vec<DayRow> = range.days().map(day_row).collect();
    let mut weeks = Vec::new();
    for monday in self::weeks(range) {
        let key = week_key(monday);
        let (member_days, messages) = monday
            .iter_days()
            .take(7)
            .map(day_row)
            .fold((0, 0), |(d, m), row| (d + row.active, m + row.messages));
        let activity = WeekActivity {
            active_members: at(&Counter::ActiveWeek, &key),
            member_days,
            messages,
        };
        weeks.push(WeekIndex {
            week: key,
            activity,
            index: activity_index(activity, weights),
        });
    }
    let mut months: Vec<(String, i64)> = Vec::new();
    for day in range.days() {
        let key = month_key(day);
        if months.last().is_none_or(|(m, _)| *m != key) {
            let active = at(&Counter::ActiveMonth, &key);
            months.push((key, active));
        }
    }
    ActivityPanel {
        cohorts: cohorts(range, cohort_rows),
        dau_over_wau: mean_share(days.iter().map(|d| (d.active, d.wau))),
        dau_over_mau: mean_share(days.iter().map(|d| (d.active, d.mau))),
        days,
        weeks,
        months,
        weights,
        channels: Vec::new(),
        hours: [[0; 24]; 7],
    }
}

/// The mean of `part / whole` over the pairs whose whole is not zero.
fn mean_share(pairs: impl Iterator<Item = (i64, i64)>) -> Option<f64> {
    let shares: Vec<f64> = pairs
        .filter_map(|(part, whole)| ratio(part, whole))
        .collect();
    let n = i32::try_from(shares.len()).ok().filter(|n| *n > 0)?;
    Some(shares.iter().sum::<f64>() / f64::from(n))
}

/// The cohorts first seen in the range's weeks, each with its active count per week since.
fn cohorts(range: DayRange, rows: &[CounterRow]) -> Vec<CohortRow> {
    let weeks: Vec<String> = weeks(range).into_iter().map(week_key).collect();
    let value: HashMap<(&str, &str), i64> = rows
        .iter()
        .map(|r| ((r.name.as_str(), r.period.as_str()), r.value))
        .collect();
    weeks
        .iter()
        .enumerate()
        .filter_map(|(i, cohort)| {
            let name = Counter::Cohort(cohort.clone()).key();
            let active: Vec<i64> = weeks[i..]
                .iter()
                .map(|w| {
                    value
                        .get(&(name.as_str(), w.as_str()))
                        .copied()
                        .unwrap_or(0)
                })
                .collect();
            let size = active.first().copied().unwrap_or(0);
            (size > 0).then(|| CohortRow {
                cohort: cohort.clone(),
                size,
                active,
            })
        })
        .collect()
}
