//! What a paid source's time is worth to a membership, whatever order its facts arrive in.
//!
//! A membership's running time is the sum of what each source gave it: a grant or one-time
//! payment its term, a Stars subscription the length of the periods its unrefunded payments
//! paid (each 30 days, counted once however they overlap) plus its grace while it renews. When
//! a source's facts change (a renewal, a refund, a cancel, in any order), the membership moves
//! by exactly the change in that source's credit, so a refund takes back what it paid for and
//! never time bought elsewhere.

use chrono::{DateTime, Duration, Utc};

use super::renewal::MembershipChange;

/// One period a payment paid, and whether that payment was refunded since.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaidPeriod {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub refunded: bool,
}

/// The time the unrefunded periods cover, counting overlaps once.
#[must_use]
pub fn covered(periods: &[PaidPeriod]) -> Duration {
    let mut kept: Vec<(DateTime<Utc>, DateTime<Utc>)> = periods
        .iter()
        .filter(|p| !p.refunded && p.end > p.start)
        .map(|p| (p.start, p.end))
        .collect();
    kept.sort_unstable();
    let mut total = Duration::zero();
    let mut run: Option<(DateTime<Utc>, DateTime<Utc>)> = None;
    for (start, end) in kept {
        run = match run {
            Some((from, to)) if start <= to => Some((from, to.max(end))),
            Some((from, to)) => {
                total += to - from;
                Some((start, end))
            }
            None => Some((start, end)),
        };
    }
    if let Some((from, to)) = run {
        total += to - from;
    }
    total
}

/// A subscription's credit: the time its unrefunded periods cover, and its grace while it
/// renews and has paid anything.
#[must_use]
pub fn subscription_credit(periods: &[PaidPeriod], renews: bool, grace: Duration) -> Duration {
    let paid = covered(periods);
    if renews && paid > Duration::zero() {
        paid + grace
    } else {
        paid
    }
}

/// The change that moves a membership by `delta` at `now`. `current` is the running
/// membership's expiry (`Some(None)`: lifetime; `None`: not running). A running lifetime
/// membership is kept; one not running starts now when the delta gives time.
#[must_use]
pub fn shifted(
    current: Option<Option<DateTime<Utc>>>,
    delta: Duration,
    now: DateTime<Utc>,
) -> MembershipChange {
    match current {
        Some(None) => MembershipChange::Keep,
        _ if delta == Duration::zero() => MembershipChange::Keep,
        None if delta > Duration::zero() => MembershipChange::Extend(now + delta),
        None => MembershipChange::Keep,
        Some(Some(end)) if delta > Duration::zero() => MembershipChange::Extend(end + delta),
        Some(Some(end)) if end + delta > now => MembershipChange::Shorten(end + delta),
        Some(Some(_)) => MembershipChange::End,
    }
}

/// What ending an open-ended source leaves: the time the member held before it opened the
/// membership (`banked`), still running at `now`, and the source's own `remaining` time.
#[must_use]
pub fn closed(
    banked: Option<DateTime<Utc>>,
    remaining: Duration,
    now: DateTime<Utc>,
) -> MembershipChange {
    let from = banked.filter(|b| *b > now).unwrap_or(now);
    let until = from + remaining.max(Duration::zero());
    if until > now {
        MembershipChange::Shorten(until)
    } else {
        MembershipChange::End
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + day * 86_400, 0).unwrap()
    }

    fn period(from: i64, to: i64, refunded: bool) -> PaidPeriod {
        PaidPeriod {
            start: at(from),
            end: at(to),
            refunded,
        }
    }

    #[test]
    fn overlapping_periods_count_once_and_refunded_ones_not_at_all() {
        let periods = [
            period(0, 30, false),
            period(30, 60, true),
            period(20, 40, false),
            period(90, 120, false),
        ];
        assert_eq!(covered(&periods), Duration::days(70));
        assert_eq!(
            subscription_credit(&periods, true, Duration::days(3)),
            Duration::days(73)
        );
        assert_eq!(
            subscription_credit(&[period(0, 30, true)], true, Duration::days(3)),
            Duration::zero()
        );
    }

    #[test]
    fn a_shift_moves_the_end_and_never_touches_a_lifetime_membership() {
        let day = Duration::days(1);
        assert_eq!(
            shifted(Some(Some(at(60))), -day * 30, at(1)),
            MembershipChange::Shorten(at(30))
        );
        assert_eq!(
            shifted(Some(Some(at(20))), -day * 30, at(1)),
            MembershipChange::End
        );
        assert_eq!(
            shifted(Some(None), -day * 30, at(1)),
            MembershipChange::Keep
        );
        assert_eq!(
            shifted(None, day * 30, at(1)),
            MembershipChange::Extend(at(31))
        );
        assert_eq!(shifted(None, -day, at(1)), MembershipChange::Keep);
    }

    #[test]
    fn closing_an_open_source_gives_back_the_time_held_before_it() {
        assert_eq!(
            closed(Some(at(20)), Duration::days(5), at(1)),
            MembershipChange::Shorten(at(25))
        );
        assert_eq!(closed(None, Duration::zero(), at(1)), MembershipChange::End);
        assert_eq!(
            closed(Some(at(0)), Duration::days(2), at(1)),
            MembershipChange::Shorten(at(3))
        );
    }
}
