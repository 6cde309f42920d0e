//! What a renewing card subscription does to a membership. Its state is derived from facts
//! that do not depend on the order they arrived in (the periods its unrefunded payments paid,
//! the newest status its provider reported, whether it ended), so events delivered late, twice
//! or out of order converge on the same membership.

use chrono::{DateTime, Duration, Utc};

/// The status a provider reports for a subscription.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenewalStatus {
    /// It renews by itself at the period's end.
    Renewing,
    /// It was cancelled and runs to the end of what was paid.
    EndsAtPeriodEnd,
    /// It is over: nothing later renews it.
    Ended,
}

/// A subscription's state, as derived from every fact recorded for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubscriptionFacts {
    /// The latest end of a period paid and not refunded.
    pub paid_through: Option<DateTime<Utc>>,
    /// The latest end of any period paid, refunded or not: the most this subscription gave.
    pub ever_paid_through: Option<DateTime<Utc>>,
    pub renews: bool,
    pub ended: bool,
}

/// What to do to the membership.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MembershipChange {
    Keep,
    /// Run (or start) until then.
    Extend(DateTime<Utc>),
    /// Run only until then (a cancellation takes the grace back).
    Shorten(DateTime<Utc>),
    /// End now.
    End,
}

/// The change that brings a membership in line with its subscription. `current` is the
/// running membership's expiry (`Some(None)`: lifetime; `None`: not running). Time the member
/// holds from elsewhere (a grant, another plan) beyond anything this subscription paid is
/// never taken away.
#[must_use]
pub fn reconcile(
    facts: &SubscriptionFacts,
    grace: Duration,
    current: Option<Option<DateTime<Utc>>>,
    now: DateTime<Utc>,
) -> MembershipChange {
    let Some(ever) = facts.ever_paid_through else {
        // Nothing was paid: this subscription gave nothing and takes nothing.
        return MembershipChange::Keep;
    };
    let gave = ever + grace;
    let target = if facts.ended {
        None
    } else {
        facts
            .paid_through
            .map(|paid| if facts.renews { paid + grace } else { paid })
    };
    match current {
        Some(None) => MembershipChange::Keep,
        None => match target {
            Some(until) if until > now => MembershipChange::Extend(until),
            _ => MembershipChange::Keep,
        },
        Some(Some(expires)) => match target {
            Some(until) if until > expires => MembershipChange::Extend(until),
            Some(until) if until == expires => MembershipChange::Keep,
            _ if expires > gave => MembershipChange::Keep,
            Some(until) if until > now => MembershipChange::Shorten(until),
            _ => MembershipChange::End,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + day * 86_400, 0).unwrap()
    }

    fn paid(through: i64, renews: bool) -> SubscriptionFacts {
        SubscriptionFacts {
            paid_through: Some(at(through)),
            ever_paid_through: Some(at(through)),
            renews,
            ended: false,
        }
    }

    const GRACE: i64 = 3;

    fn change(
        facts: &SubscriptionFacts,
        current: Option<Option<i64>>,
        now: i64,
    ) -> MembershipChange {
        reconcile(
            facts,
            Duration::days(GRACE),
            current.map(|c| c.map(at)),
            at(now),
        )
    }

    #[test]
    fn a_renewing_subscription_runs_through_its_grace() {
        assert_eq!(
            change(&paid(30, true), None, 0),
            MembershipChange::Extend(at(33))
        );
        assert_eq!(
            change(&paid(30, true), Some(Some(33)), 1),
            MembershipChange::Keep
        );
        // The next period's payment moves it on.
        assert_eq!(
            change(&paid(60, true), Some(Some(33)), 30),
            MembershipChange::Extend(at(63))
        );
    }

    #[test]
    fn a_cancellation_takes_back_the_grace_and_a_resumption_gives_it_again() {
        let cancelled = paid(30, false);
        assert_eq!(
            change(&cancelled, Some(Some(33)), 5),
            MembershipChange::Shorten(at(30))
        );
        // Told only during the grace: it ends now.
        assert_eq!(
            change(&cancelled, Some(Some(33)), 31),
            MembershipChange::End
        );
        assert_eq!(
            change(&paid(30, true), Some(Some(30)), 5),
            MembershipChange::Extend(at(33))
        );
    }

    #[test]
    fn an_ended_or_refunded_subscription_ends_what_it_gave_now() {
        let ended = SubscriptionFacts {
            ended: true,
            ..paid(30, true)
        };
        assert_eq!(change(&ended, Some(Some(33)), 5), MembershipChange::End);
        let refunded = SubscriptionFacts {
            paid_through: None,
            ..paid(30, true)
        };
        assert_eq!(change(&refunded, Some(Some(33)), 5), MembershipChange::End);
        // Not running: nothing to end, and nothing is started.
        assert_eq!(change(&ended, None, 5), MembershipChange::Keep);
    }

    #[test]
    fn time_held_from_elsewhere_is_never_taken() {
        let ended = SubscriptionFacts {
            ended: true,
            ..paid(30, true)
        };
        // A grant runs to day 90, past anything this subscription paid.
        assert_eq!(change(&ended, Some(Some(90)), 5), MembershipChange::Keep);
        assert_eq!(
            change(&paid(30, false), Some(Some(90)), 5),
            MembershipChange::Keep
        );
        assert_eq!(change(&ended, Some(None), 5), MembershipChange::Keep);
        // A subscription that never paid takes nothing.
        let unpaid = SubscriptionFacts {
            paid_through: None,
            ever_paid_through: None,
            renews: false,
            ended: true,
        };
        assert_eq!(change(&unpaid, Some(Some(10)), 5), MembershipChange::Keep);
    }
}
