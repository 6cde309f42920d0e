//! When drops run: recurrence rules (`day`, `weekday`, `mon,thu`, `month 1`, or a cron
//! expression) read as wall-clock times in the community's timezone.
//!
//! Every rule yields local wall-clock times, mapped to instants one way: a time that happens
//! twice (clocks go back) runs at its first instant, once; a time that does not exist (clocks
//! go forward) runs once at the first valid time after the gap.

use std::str::FromStr;

use chrono::{
    DateTime, Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike, Utc, Weekday,
};
use chrono_tz::Tz;
use croner::Cron;

use steward_i18n::Msg;
use steward_i18n::msg;

/// A recurrence rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    Day,
    Weekday,
    Days(Vec<Weekday>),
    /// A day of the month (1-31); months without that day are skipped.
    MonthDay(u32),
    /// A cron expression (five fields: minute to weekday), with the text it came from.
    Cron(Box<Cron>, String),
}

pub(crate) fn weekday(word: &str) -> Option<Weekday> {
    let w = word.to_lowercase();
    let all = [
        ("mon", Weekday::Mon),
        ("tue", Weekday::Tue),
        ("wed", Weekday::Wed),
        ("thu", Weekday::Thu),
        ("fri", Weekday::Fri),
        ("sat", Weekday::Sat),
        ("sun", Weekday::Sun),
    ];
    all.iter()
        .find(|(short, day)| {
            w == *short || w == format!("{day:?}").to_lowercase() || w == full_name(*day)
        })
        .map(|(_, d)| *d)
}

fn full_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "monday",
        Weekday::Tue => "tuesday",
        Weekday::Wed => "wednesday",
        Weekday::Thu => "thursday",
        Weekday::Fri => "friday",
        Weekday::Sat => "saturday",
        Weekday::Sun => "sunday",
    }
}

impl Rule {
    /// Parses the stored or typed form: `day`, `weekday`, `mon,thu`, `month 1`, `cron:EXPR`
    /// (or a bare cron expression).
    pub fn parse(text: &str) -> Result<Self, Msg> {
        let text = text.trim();
        let lower = text.to_lowercase();
        match lower.as_str() {
            "day" | "daily" => return Ok(Self::Day),
            "weekday" | "weekdays" => return Ok(Self::Weekday),
            _ => {}
        }
        if let Some(n) = lower.strip_prefix("month ") {
            return match n.trim().parse::<u32>() {
                Ok(day @ 1..=31) => Ok(Self::MonthDay(day)),
                _ => Err(msg!("drop-rule-month-day-invalid", day = n.trim())),
            };
        }
        if let Some(expr) = text.strip_prefix("cron:") {
            return Self::cron(expr);
        }
        if !lower.contains(' ') {
            let days: Option<Vec<Weekday>> = lower.split(',').map(weekday).collect();
            if let Some(mut days) = days.filter(|d| !d.is_empty()) {
                days.sort_by_key(Weekday::num_days_from_monday);
                days.dedup();
                return Ok(Self::Days(days));
            }
        }
        if text.split_whitespace().count() >= 5 {
            return Self::cron(text);
        }
        Err(msg!("drop-rule-invalid", rule = text))
    }

    /// Five fields only: a sixth (seconds) would post every second, and a minute is the
    /// smallest period a drop repeats at.
    fn cron(expr: &str) -> Result<Self, Msg> {
        let expr = expr.trim();
        let fields = expr.split_whitespace().count();
        if fields != 5 {
            return Err(msg!("drop-rule-cron-fields", expr = expr, fields = fields));
        }
        Cron::from_str(expr)
            .map(|c| Self::Cron(Box::new(c), expr.to_owned()))
            .map_err(|_| msg!("drop-rule-cron-invalid", expr = expr))
    }

    /// The stored form, which [`Rule::parse`] reads back.
    #[must_use]
    pub fn to_text(&self) -> String {
        match self {
            Self::Day => "day".into(),
            Self::Weekday => "weekday".into(),
            Self::Days(days) => days
                .iter()
                .map(|d| format!("{d:?}").to_lowercase())
                .collect::<Vec<_>>()
                .join(","),
            Self::MonthDay(n) => format!("month {n}"),
            Self::Cron(_, expr) => format!("cron:{expr}"),
        }
    }

    fn matches(&self, date: NaiveDate) -> bool {
        match self {
            Self::Day => true,
            Self::Weekday => date.weekday().num_days_from_monday() < 5,
            Self::Days(days) => days.contains(&date.weekday()),
            Self::MonthDay(n) => date.day() == *n,
            Self::Cron(..) => false,
        }
    }
}

/// The instant a local wall-clock time names: the first of two, or the first valid time after
/// a gap (clocks jump whole minutes, so walking minute by minute finds where the gap ends).
#[must_use]
pub fn resolve_local(local: NaiveDateTime, tz: Tz) -> DateTime<Utc> {
    if let Some(at) = tz.from_local_datetime(&local).earliest() {
        return at.with_timezone(&Utc);
    }
    let minute = local.with_second(0).unwrap_or(local);
    (1..=24 * 60)
        .map(|m| minute + chrono::Duration::minutes(m))
        .find_map(|candidate| tz.from_local_datetime(&candidate).earliest())
        .map_or_else(
            || Utc.from_utc_datetime(&local),
            |at| at.with_timezone(&Utc),
        )
}

/// The first occurrence of `rule` at local `time_of_day` after `after` (or at it, when
/// `inclusive`), in `tz`.
#[must_use]
pub fn next_occurrence(
    rule: &Rule,
    time_of_day: NaiveTime,
    after: DateTime<Utc>,
    tz: Tz,
    inclusive: bool,
) -> Option<DateTime<Utc>> {
    let beyond = |at: DateTime<Utc>| if inclusive { at >= after } else { at > after };
    if let Rule::Cron(cron, _) = rule {
        // Croner walks wall-clock time here: local times are handed to it as if they were UTC.
        let mut cursor = Utc.from_utc_datetime(&after.with_timezone(&tz).naive_local());
        let mut first = inclusive;
        for _ in 0..10_000 {
            let next = cron.find_next_occurrence(&cursor, first).ok()?;
            let at = resolve_local(next.naive_utc(), tz);
            if beyond(at) {
                return Some(at);
            }
            cursor = next;
            first = false;
        }
        return None;
    }
    let start = after
        .with_timezone(&tz)
        .date_naive()
        .checked_sub_days(Days::new(1))?;
    (0..800u64)
        .filter_map(|i| start.checked_add_days(Days::new(i)))
        .filter(|d| rule.matches(*d))
        .map(|d| resolve_local(d.and_time(time_of_day), tz))
        .find(|at| beyond(*at))
}

#[cfg(test)]
mod tests;
