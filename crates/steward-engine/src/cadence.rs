//! Scheduler steps that run at most once per period, counted by this process from its first
//! tick (which always runs them): the daily roll-up of ledger detail, the hourly sweep of the
//! media folder. The period is kept in memory: a restart runs the step again, which is harmless.

use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};

use crate::sync;

/// When a step last ran in this process.
#[derive(Debug, Default)]
pub(crate) struct Cadence {
    last: Mutex<Option<DateTime<Utc>>>,
}

impl Cadence {
    /// Whether the step is due at `now` with `every` between runs; when it is, `now` counts as
    /// its run, so two callers at once do not both run it.
    pub(crate) fn due(&self, now: DateTime<Utc>, every: Duration) -> bool {
        let mut last = sync::lock(&self.last);
        if last.is_some_and(|at| now - at < every) {
            return false;
        }
        *last = Some(now);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_runs_at_first_then_once_per_period() {
        let cadence = Cadence::default();
        let start: DateTime<Utc> = "2026-12-07T10:00:00Z".parse().unwrap();
        let hour = Duration::hours(1);
        assert!(cadence.due(start, hour));
        assert!(!cadence.due(start + Duration::minutes(59), hour));
        assert!(cadence.due(start + hour, hour));
    }
}
