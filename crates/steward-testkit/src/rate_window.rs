//! A platform's rate limit as the fakes enforce it: at most `limit` requests in any window of
//! `span`, sliding (stricter than a platform's fixed buckets), so a client that passes here
//! passes there. A client keeps to a limit by its own clock and requests reach the fake a few
//! milliseconds later, unevenly; the platforms document their limits as "about" so, and the
//! window forgives that: a request leaves it after 95% of `span`.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub(crate) struct RateWindow {
    limit: usize,
    span: Duration,
    admitted: VecDeque<Instant>,
}

impl RateWindow {
    pub(crate) fn new(limit: usize, span: Duration) -> Self {
        Self {
            limit,
            span,
            admitted: VecDeque::new(),
        }
    }

    /// Whether a request at `now` is within the limit, counting it if so; if not, how long
    /// until one would be.
    pub(crate) fn admit(&mut self, now: Instant) -> Result<(), Duration> {
        self.would_admit(now)?;
        self.admitted.push_back(now);
        Ok(())
    }

    /// Like [`RateWindow::admit`], without counting the request.
    pub(crate) fn would_admit(&mut self, now: Instant) -> Result<(), Duration> {
        self.forget(now);
        match self.admitted.front() {
            Some(oldest) if self.admitted.len() >= self.limit => {
                Err((*oldest + self.span.mul_f64(0.95)).saturating_duration_since(now))
            }
            _ => Ok(()),
        }
    }

    fn forget(&mut self, now: Instant) {
        while self
            .admitted
            .front()
            .is_some_and(|at| now.saturating_duration_since(*at) >= self.span.mul_f64(0.95))
        {
            self.admitted.pop_front();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_admits_its_limit_then_says_when_the_oldest_leaves() {
        let start = Instant::now();
        let mut window = RateWindow::new(2, Duration::from_secs(1));
        assert!(window.admit(start).is_ok());
        assert!(window.admit(start + Duration::from_millis(100)).is_ok());
        let wait = window.admit(start + Duration::from_millis(400));
        assert_eq!(wait, Err(Duration::from_millis(550)));
        assert!(window.admit(start + Duration::from_millis(950)).is_ok());
    }
}
