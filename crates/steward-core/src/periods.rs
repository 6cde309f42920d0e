//! Community calendar: which community-day, ISO week and month an instant falls in, in the
//! community's timezone, and the leaderboard each period feeds. Time always comes in as an argument.

use chrono::{DateTime, Datelike, Days, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

/// A leaderboard: all time, or the scores of one period.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Board {
    AllTime,
    /// ISO week in the community timezone, keyed like `2026-W48`.
    Week(String),
    /// Calendar month in the community timezone, keyed like `2026-11`.
    Month(String),
    /// A season by its id.
    Season(i64),
}

impl Board {
    /// Stable key used in storage (`week:2026-W48`).
    #[must_use]
    pub fn key(&self) -> String {
        match self {
            Self::AllTime => "all".to_owned(),
            Self::Week(w) => format!("week:{w}"),
            Self::Month(m) => format!("month:{m}"),
            Self::Season(id) => format!("season:{id}"),
        }
    }
}

/// `2026-11-30`.
#[must_use]
pub fn day_key(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// The ISO week, `2026-W49`: the same key as the week boards.
#[must_use]
pub fn week_key(day: NaiveDate) -> String {
    let week = day.iso_week();
    format!("{}-W{:02}", week.year(), week.week())
}

/// `2026-11`.
#[must_use]
pub fn month_key(day: NaiveDate) -> String {
    format!("{}-{:02}", day.year(), day.month())
}

/// The community's timezone and the calendar questions asked of it.
#[derive(Debug, Clone, Copy)]
pub struct Calendar {
    pub tz: Tz,
}

impl Calendar {
    #[must_use]
    pub fn new(tz: Tz) -> Self {
        Self { tz }
    }

    /// The community-day an instant falls on.
    #[must_use]
    pub fn day(&self, at: DateTime<Utc>) -> NaiveDate {
        at.with_timezone(&self.tz).date_naive()
    }

    #[must_use]
    pub fn week_board(&self, at: DateTime<Utc>) -> Board {
        Board::Week(week_key(self.day(at)))
    }

    #[must_use]
    pub fn month_board(&self, at: DateTime<Utc>) -> Board {
        Board::Month(month_key(self.day(at)))
    }

    /// The period boards (week and month) an award at `at` counts towards.
    #[must_use]
    pub fn period_boards(&self, at: DateTime<Utc>) -> [Board; 2] {
        [self.week_board(at), self.month_board(at)]
    }

    /// The first instant of a community-day. Where local midnight does not exist (a DST gap at
    /// midnight), the day starts at the first local time that does.
    #[must_use]
    pub fn start_of_day(&self, day: NaiveDate) -> DateTime<Utc> {
        let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
        for minutes in 0..=180 {
            let local = midnight + chrono::Duration::minutes(minutes);
            if let Some(at) = self.tz.from_local_datetime(&local).earliest() {
                return at.with_timezone(&Utc);
            }
        }
        // No timezone has a gap longer than three hours; fall back to UTC midnight.
        Utc.from_utc_datetime(&midnight)
    }

    /// When the community-day after the one containing `at` begins.
    #[must_use]
    pub fn next_day_start(&self, at: DateTime<Utc>) -> DateTime<Utc> {
        let today = self.day(at);
        let tomorrow = today.checked_add_days(Days::new(1)).unwrap_or(today);
        self.start_of_day(tomorrow)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn the_community_day_follows_the_timezone_not_utc() {
        let tokyo = Calendar::new(chrono_tz::Asia::Tokyo);
        // 23:30 UTC is already the next morning in Tokyo.
        let at = utc("2026-11-24T23:30:00Z");
        assert_eq!(tokyo.day(at).to_string(), "2026-11-25");
        assert_eq!(
            Calendar::new(chrono_tz::UTC).day(at).to_string(),
            "2026-11-24"
        );
    }

    #[test]
    fn iso_weeks_cross_the_new_year() {
        let cal = Calendar::new(chrono_tz::UTC);
        assert_eq!(
            cal.week_board(utc("2027-01-01T12:00:00Z")),
            Board::Week("2026-W53".into())
        );
        assert_eq!(
            cal.week_board(utc("2027-01-04T12:00:00Z")),
            Board::Week("2027-W01".into())
        );
        assert_eq!(
            cal.month_board(utc("2027-01-01T12:00:00Z")).key(),
            "month:2027-01"
        );
    }

    #[test]
    fn the_next_day_starts_at_local_midnight_across_dst() {
        let berlin = Calendar::new(chrono_tz::Europe::Berlin);
        // The night clocks go forward (29 March 2026): the day after is 23 hours long.
        let next = berlin.next_day_start(utc("2026-03-29T08:00:00Z"));
        assert_eq!(next, utc("2026-03-29T22:00:00Z"));
        // The night clocks go back (25 October 2026).
        let next = berlin.next_day_start(utc("2026-10-25T08:00:00Z"));
        assert_eq!(next, utc("2026-10-25T23:00:00Z"));
    }

    #[test]
    fn a_day_without_a_midnight_starts_at_the_first_valid_time() {
        // Santiago skips 00:00-01:00 when DST starts (6 September 2026).
        let santiago = Calendar::new(chrono_tz::America::Santiago);
        let day = NaiveDate::from_ymd_opt(2026, 9, 6).unwrap();
        let start = santiago.start_of_day(day);
        assert_eq!(santiago.day(start), day);
        assert_eq!(start, utc("2026-09-06T04:00:00Z"));
    }
}
