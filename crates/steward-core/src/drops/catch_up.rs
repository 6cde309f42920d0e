//! What a drop posts after downtime. A recurring drop that fell behind posts at most its latest
//! overdue occurrence, and only while that one is inside `drops.catch_up`; every earlier one is
//! missed (an hourly drop down for a day posts once, not 24 identical times). A one-off drop
//! posts when inside the window, else it is missed. Pure: the engine lists the overdue
//! occurrences and records what this decides.

use chrono::{DateTime, Duration, Utc};

use super::delivery::is_missed;

/// The decision for one drop's overdue occurrences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatchUp {
    /// Occurrences recorded as missed, oldest first.
    pub missed: Vec<DateTime<Utc>>,
    /// The occurrence to post now, if any.
    pub post: Option<DateTime<Utc>>,
}

/// Decides `overdue` (due at or before `now`, oldest first) against the `window`.
#[must_use]
pub fn plan(overdue: &[DateTime<Utc>], now: DateTime<Utc>, window: Duration) -> CatchUp {
    let Some((latest, earlier)) = overdue.split_last() else {
        return CatchUp {
            missed: Vec::new(),
            post: None,
        };
    };
    let mut missed = earlier.to_vec();
    let post = if is_missed(*latest, now, window) {
        missed.push(*latest);
        None
    } else {
        Some(*latest)
    };
    CatchUp { missed, post }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(hour: i64) -> DateTime<Utc> {
        "2026-11-25T00:00:00Z".parse::<DateTime<Utc>>().unwrap() + Duration::hours(hour)
    }

    #[test]
    fn an_hourly_drop_down_for_hours_posts_only_its_latest_occurrence() {
        let overdue: Vec<_> = (0..4).map(at).collect();
        let plan = plan(&overdue, at(3) + Duration::minutes(30), Duration::hours(6));
        assert_eq!(plan.post, Some(at(3)));
        assert_eq!(plan.missed, [at(0), at(1), at(2)]);
    }

    #[test]
    fn when_even_the_latest_is_outside_the_window_nothing_posts() {
        let overdue: Vec<_> = (0..72).map(at).collect();
        let plan = plan(&overdue, at(80), Duration::hours(6));
        assert_eq!(plan.post, None);
        assert_eq!(plan.missed.len(), 72);
    }

    #[test]
    fn a_one_off_drop_posts_inside_the_window_and_is_missed_outside_it() {
        let window = Duration::hours(6);
        assert_eq!(plan(&[at(0)], at(5), window).post, Some(at(0)));
        let late = plan(&[at(0)], at(7), window);
        assert_eq!((late.post, late.missed), (None, vec![at(0)]));
    }

    #[test]
    fn nothing_overdue_decides_nothing() {
        let plan = plan(&[], at(0), Duration::hours(6));
        assert_eq!((plan.post, plan.missed.len()), (None, 0));
    }
}
