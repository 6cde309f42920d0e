//! How one member's activity moves the counters. A member counts once per day, week and month
//! they were active, once as new on their first day, and once per week in the cohort of the week
//! they were first seen; what decides "once" is the first and last day seen before, kept on the
//! member, so no counter needs the per-day detail.
//!
//! The rolling counts work the same way: a member active on day `d` is one of the 7-day actives
//! of days `d` to `d + 6` (and the 30-day actives of `d` to `d + 29`); the days their previous
//! active day already covered are not counted again. So each day's rolling counter is the
//! distinct members active in the window ending on it, read as one row.

use chrono::{Days, NaiveDate};

use super::{Counter, month_key, week_key};

/// The first and last community day a member was active, as stored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ActiveSpan {
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
}

/// The counters one member's activity on `days` adds one to (`days` ascending), and the span
/// to store afterwards. A day on or before the last day seen adds nothing: it was counted.
#[must_use]
pub fn activity_increments(
    span: ActiveSpan,
    days: &[NaiveDate],
) -> (ActiveSpan, Vec<(Counter, NaiveDate)>) {
    let mut counts = Vec::new();
    let Some(&first_now) = days.first() else {
        return (span, counts);
    };
    let first = match span.first {
        Some(first) => first,
        None => {
            counts.push((Counter::NewMembers, first_now));
            first_now
        }
    };
    let cohort = week_key(first);
    let mut last = span.last;
    for &day in days {
        if last.is_some_and(|l| day <= l) {
            continue;
        }
        counts.push((Counter::ActiveDay, day));
        for (counter, window) in [(Counter::RollingWeek, 7), (Counter::RollingMonth, 30)] {
            counts
                .extend(rolling_days(last, day, window).map(|covered| (counter.clone(), covered)));
        }
        if last.is_none_or(|l| week_key(l) != week_key(day)) {
            counts.push((Counter::ActiveWeek, day));
            counts.push((Counter::Cohort(cohort.clone()), day));
        }
        if last.is_none_or(|l| month_key(l) != month_key(day)) {
            counts.push((Counter::ActiveMonth, day));
        }
        last = Some(day);
    }
    (
        ActiveSpan {
            first: Some(first),
            last,
        },
        counts,
    )
}

/// The days whose `window`-day rolling count a member active on `day` joins, when their
/// previous active day was `last`: from `day` (or the first day `last` did not cover) to
/// `day + window - 1`.
fn rolling_days(
    last: Option<NaiveDate>,
    day: NaiveDate,
    window: u64,
) -> impl Iterator<Item = NaiveDate> {
    let end = day + Days::new(window - 1);
    let start = last.map_or(day, |l| (l + Days::new(window)).max(day));
    start.iter_days().take_while(move |d| *d <= end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// The calendar counters (the rolling ones have their own test).
    fn keys(counts: &[(Counter, NaiveDate)]) -> Vec<String> {
        counts
            .iter()
            .filter(|(c, _)| !matches!(c, Counter::RollingWeek | Counter::RollingMonth))
            .map(|(c, d)| format!("{}@{}", c.key(), c.period_of(*d)))
            .collect()
    }

    #[test]
    fn a_first_message_counts_as_new_and_active_in_every_period() {
        let (span, counts) = activity_increments(ActiveSpan::default(), &[day("2026-11-30")]);
        assert_eq!(
            keys(&counts),
            [
                "new@2026-11-30",
                "active-day@2026-11-30",
                "active-week@2026-W49",
                "cohort:2026-W49@2026-W49",
                "active-month@2026-11",
            ]
        );
        assert_eq!(span.first, Some(day("2026-11-30")));
        assert_eq!(span.last, Some(day("2026-11-30")));
    }

    #[test]
    fn a_second_day_in_the_same_week_counts_only_the_day() {
        let span = ActiveSpan {
            first: Some(day("2026-10-01")),
            last: Some(day("2026-12-01")),
        };
        let (_, counts) = activity_increments(span, &[day("2026-12-02")]);
        assert_eq!(keys(&counts), ["active-day@2026-12-02"]);
    }

    #[test]
    fn a_new_week_counts_in_the_members_first_weeks_cohort() {
        let span = ActiveSpan {
            first: Some(day("2026-10-01")),
            last: Some(day("2026-11-27")),
        };
        let (_, counts) = activity_increments(span, &[day("2026-11-30")]);
        assert_eq!(
            keys(&counts),
            [
                "active-day@2026-11-30",
                "active-week@2026-W49",
                "cohort:2026-W40@2026-W49",
            ]
        );
    }

    #[test]
    fn days_already_counted_add_nothing() {
        let span = ActiveSpan {
            first: Some(day("2026-10-01")),
            last: Some(day("2026-11-30")),
        };
        let (after, counts) = activity_increments(span, &[day("2026-11-29"), day("2026-11-30")]);
        assert!(counts.is_empty());
        assert_eq!(after, span);
    }

    #[test]
    fn two_days_in_one_flush_across_a_month_end_count_both() {
        let (_, counts) = activity_increments(
            ActiveSpan::default(),
            &[day("2026-11-30"), day("2026-12-01")],
        );
        let keys = keys(&counts);
        assert!(keys.contains(&"active-month@2026-11".to_owned()));
        assert!(keys.contains(&"active-month@2026-12".to_owned()));
        assert_eq!(
            keys.iter().filter(|k| k.starts_with("active-week")).count(),
            1
        );
        assert_eq!(keys.iter().filter(|k| k.starts_with("new")).count(), 1);
    }

    fn rolling(counts: &[(Counter, NaiveDate)], counter: &Counter) -> Vec<String> {
        counts
            .iter()
            .filter(|(c, _)| c == counter)
            .map(|(_, d)| d.format("%m-%d").to_string())
            .collect()
    }

    #[test]
    fn a_member_joins_the_rolling_counts_of_the_days_their_window_covers_once() {
        let (span, counts) = activity_increments(ActiveSpan::default(), &[day("2026-11-30")]);
        assert_eq!(
            rolling(&counts, &Counter::RollingWeek),
            [
                "11-30", "12-01", "12-02", "12-03", "12-04", "12-05", "12-06"
            ]
        );
        assert_eq!(rolling(&counts, &Counter::RollingMonth).len(), 30);
        // Two days later only the two days past the first window are new.
        let (span, counts) = activity_increments(span, &[day("2026-12-02")]);
        assert_eq!(rolling(&counts, &Counter::RollingWeek), ["12-07", "12-08"]);
        assert_eq!(rolling(&counts, &Counter::RollingMonth), ["12-30", "12-31"]);
        // After a gap longer than the window, a whole window again.
        let (_, counts) = activity_increments(span, &[day("2026-12-20")]);
        assert_eq!(rolling(&counts, &Counter::RollingWeek).len(), 7);
        assert_eq!(
            rolling(&counts, &Counter::RollingMonth)
                .first()
                .map(String::as_str),
            Some("01-01")
        );
    }
}
