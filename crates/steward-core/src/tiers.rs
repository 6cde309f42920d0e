//! Membership tiers: their perks, which tier is in effect, how a grant extends a membership, and
//! whether platform access is still owed after one membership ends.

use chrono::{DateTime, Duration, Utc};

use super::duration::Term;
use super::ids::{Platform, PlatformGrant};

/// Platform access a tier gives: each grant is "this platform, this id" (a Discord role, a
/// private Telegram chat), as configured.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TierAccess {
    pub grants: Vec<PlatformGrant>,
}

impl TierAccess {
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.grants.is_empty()
    }

    /// The ids this access grants on `platform`.
    pub fn on(&self, platform: Platform) -> impl Iterator<Item = &str> {
        self.grants
            .iter()
            .filter(move |g| g.platform == platform)
            .map(|g| g.id.as_str())
    }

    #[must_use]
    pub fn gives(&self, grant: &PlatformGrant) -> bool {
        self.grants.contains(grant)
    }

    /// What of `self` is not also given by `other`.
    #[must_use]
    pub fn minus(&self, other: &TierAccess) -> TierAccess {
        TierAccess {
            grants: self
                .grants
                .iter()
                .filter(|g| !other.gives(g))
                .cloned()
                .collect(),
        }
    }
}

/// A tier as configured.
#[derive(Debug, Clone, PartialEq)]
pub struct TierDef {
    pub id: String,
    pub name: String,
    /// Higher ranks are higher tiers.
    pub rank: u32,
    pub xp_multiplier: f64,
    pub daily_bonus: i64,
    pub access: TierAccess,
    /// Channel names (from `[channels.*]`) where this tier's gated drops go.
    pub gated_channels: Vec<String>,
    /// How to get it, for `/tiers`.
    pub description: String,
}

/// One membership of one member in one tier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    pub tier: String,
    /// `None` for lifetime.
    pub expires_at: Option<DateTime<Utc>>,
}

impl Membership {
    #[must_use]
    pub fn is_active(&self, now: DateTime<Utc>) -> bool {
        self.expires_at.is_none_or(|end| end > now)
    }
}

/// The highest-ranked active tier among a member's memberships.
#[must_use]
pub fn effective<'a>(
    tiers: &'a [TierDef],
    memberships: &[Membership],
    now: DateTime<Utc>,
) -> Option<&'a TierDef> {
    memberships
        .iter()
        .filter(|m| m.is_active(now))
        .filter_map(|m| tiers.iter().find(|t| t.id == m.tier))
        .max_by_key(|t| t.rank)
}

/// The expiry after granting `term`: an active membership is extended from its expiry, an
/// expired or missing one starts now (`None`: lifetime). A running lifetime membership cannot
/// be extended by any term: a grant or a redemption would add nothing.
pub fn extended(
    current: Option<&Membership>,
    term: Term,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, AlreadyLifetime> {
    let running = current.filter(|m| m.is_active(now));
    if running.is_some_and(|m| m.expires_at.is_none()) {
        return Err(AlreadyLifetime);
    }
    let Term::For(span) = term else {
        return Ok(None);
    };
    Ok(Some(match running.and_then(|m| m.expires_at) {
        Some(end) => end + span,
        None => now + span,
    }))
}

/// A grant onto a membership that already runs for life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AlreadyLifetime;

/// Access to take away when `ending` ends, given the tiers still active: what the ending tier
/// gave and no remaining tier gives.
#[must_use]
pub fn access_to_remove(ending: &TierDef, still_active: &[&TierDef]) -> TierAccess {
    still_active
        .iter()
        .fold(ending.access.clone(), |left, tier| left.minus(&tier.access))
}

/// Reminders whose time has already passed when a membership is granted or extended to
/// `expires_at`: a two-day grant never gets its "three days left" reminder. Returns the
/// closest such offset, stored as if sent, so only reminders still ahead go out.
#[must_use]
pub fn reminders_already_past(
    expires_at: DateTime<Utc>,
    offsets: &[Duration],
    now: DateTime<Utc>,
) -> Option<Duration> {
    offsets
        .iter()
        .filter(|o| expires_at - **o <= now)
        .min()
        .copied()
}

/// The reminder due for an expiry at `now` (offsets like 3 days and 1 day before), given the
/// closest one already sent. When several are due at once only the closest is sent, and the
/// farther ones are then never sent late.
#[must_use]
pub fn due_reminder(
    expires_at: DateTime<Utc>,
    offsets: &[Duration],
    last_sent: Option<Duration>,
    now: DateTime<Utc>,
) -> Option<Duration> {
    if now >= expires_at {
        return None;
    }
    offsets
        .iter()
        .filter(|o| last_sent.is_none_or(|last| **o < last) && expires_at - **o <= now)
        .min()
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tier(id: &str, rank: u32, role: Option<&str>) -> TierDef {
        TierDef {
            id: id.into(),
            name: id.to_uppercase(),
            rank,
            xp_multiplier: 1.0,
            daily_bonus: 0,
            access: TierAccess {
                grants: role
                    .map(|r| PlatformGrant::new(Platform::Discord, r))
                    .into_iter()
                    .collect(),
            },
            gated_channels: Vec::new(),
            description: String::new(),
        }
    }

    fn now() -> DateTime<Utc> {
        "2026-11-25T12:00:00Z".parse().unwrap()
    }

    #[test]
    fn the_highest_active_tier_is_in_effect() {
        let tiers = [tier("basic", 1, None), tier("pro", 2, None)];
        let ms = [
            Membership {
                tier: "basic".into(),
                expires_at: None,
            },
            Membership {
                tier: "pro".into(),
                expires_at: Some(now() - Duration::days(1)),
            },
        ];
        assert_eq!(
            effective(&tiers, &ms, now()).map(|t| t.id.as_str()),
            Some("basic")
        );
        let ms = [Membership {
            tier: "pro".into(),
            expires_at: Some(now() + Duration::days(1)),
        }];
        assert_eq!(
            effective(&tiers, &ms, now()).map(|t| t.id.as_str()),
            Some("pro")
        );
    }

    #[test]
    fn granting_an_active_tier_extends_it() {
        let active = Membership {
            tier: "pro".into(),
            expires_at: Some(now() + Duration::days(10)),
        };
        let thirty = Term::For(Duration::days(30));
        assert_eq!(
            extended(Some(&active), thirty, now()),
            Ok(Some(now() + Duration::days(40)))
        );
        let expired = Membership {
            tier: "pro".into(),
            expires_at: Some(now() - Duration::days(10)),
        };
        assert_eq!(
            extended(Some(&expired), thirty, now()),
            Ok(Some(now() + Duration::days(30)))
        );
        assert_eq!(extended(None, Term::Lifetime, now()), Ok(None));
        assert_eq!(
            extended(Some(&active), Term::Lifetime, now()),
            Ok(None),
            "a running term becomes lifetime"
        );
    }

    #[test]
    fn a_running_lifetime_membership_takes_no_further_term() {
        let lifetime = Membership {
            tier: "pro".into(),
            expires_at: None,
        };
        let week = Term::For(Duration::days(7));
        assert_eq!(extended(Some(&lifetime), week, now()), Err(AlreadyLifetime));
        assert_eq!(
            extended(Some(&lifetime), Term::Lifetime, now()),
            Err(AlreadyLifetime)
        );
    }

    #[test]
    fn access_stays_while_another_tier_gives_it() {
        let pro = tier("pro", 2, Some("role-1"));
        let team = tier("team", 3, Some("role-1"));
        let other = tier("other", 1, Some("role-2"));
        assert!(access_to_remove(&pro, &[&team]).is_empty());
        let removed = access_to_remove(&pro, &[&other]);
        assert_eq!(
            removed.on(Platform::Discord).collect::<Vec<_>>(),
            ["role-1"]
        );
    }

    #[test]
    fn a_short_grant_skips_the_reminders_whose_time_has_passed() {
        let offsets = [Duration::days(3), Duration::days(1)];
        let two_days = now() + Duration::days(2);
        let past = reminders_already_past(two_days, &offsets, now());
        assert_eq!(past, Some(Duration::days(3)));
        assert_eq!(
            due_reminder(two_days, &offsets, past, now()),
            None,
            "not at once"
        );
        let one_day_left = now() + Duration::days(1);
        assert_eq!(
            due_reminder(two_days, &offsets, past, one_day_left),
            Some(Duration::days(1)),
            "the one still ahead comes in time"
        );
        let two_seconds = now() + Duration::seconds(2);
        let past = reminders_already_past(two_seconds, &offsets, now());
        assert_eq!(due_reminder(two_seconds, &offsets, past, now()), None);
        let month = now() + Duration::days(30);
        assert_eq!(reminders_already_past(month, &offsets, now()), None);
    }

    #[test]
    fn reminders_fire_once_each_closest_first() {
        let end = now() + Duration::hours(20);
        let offsets = [Duration::days(3), Duration::days(1)];
        assert_eq!(
            due_reminder(end, &offsets, None, now()),
            Some(Duration::days(1))
        );
        assert_eq!(
            due_reminder(end, &offsets, Some(Duration::days(1)), now()),
            None
        );
        let in_two_days = now() + Duration::days(2);
        assert_eq!(
            due_reminder(in_two_days, &offsets, None, now()),
            Some(Duration::days(3))
        );
        assert_eq!(
            due_reminder(in_two_days, &offsets, Some(Duration::days(3)), now()),
            None
        );
        let a_day_later = now() + Duration::days(1);
        assert_eq!(
            due_reminder(in_two_days, &offsets, Some(Duration::days(3)), a_day_later),
            Some(Duration::days(1))
        );
        let far = now() + Duration::days(5);
        assert_eq!(due_reminder(far, &offsets, None, now()), None);
        assert_eq!(due_reminder(now(), &offsets, None, now()), None);
    }
}
