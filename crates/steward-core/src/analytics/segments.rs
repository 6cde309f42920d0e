//! Segments of members an operator looks at and broadcasts to, as rules with their thresholds
//! worked out for a moment: the store only finds who matches.
//!
//! - `at-risk`: holders of a running tier that ends (or renews) within 7 days who have not been
//!   active for `analytics.at_risk_days` days;
//! - `upgrade`: members with no running tier who were active in at least 3 of the last 4 weeks
//!   (the 28 days to today, in four 7-day windows);
//! - `lapsed`: members with no running tier whose last one ended in the last 30 days;
//! - `active`: members active in the last 30 days (the MAU of today);
//! - `all`: every member;
//! - a tier's id: the holders of that tier now.

use chrono::{DateTime, Days, Duration, NaiveDate, Utc};

use steward_i18n::Msg;
use steward_i18n::msg;

/// How far ahead a renewal counts as near.
pub const RENEWAL_WITHIN_DAYS: i64 = 7;
/// The weeks `upgrade` looks back over, and how many of them a member must have been active in.
pub const UPGRADE_WEEKS: u64 = 4;
pub const UPGRADE_ACTIVE_WEEKS: u32 = 3;
/// How far back `lapsed` looks.
pub const LAPSED_WITHIN_DAYS: i64 = 30;
/// The window of `active`.
pub const ACTIVE_WITHIN_DAYS: u64 = 30;

/// A segment, as an operator names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    AtRisk,
    Upgrade,
    Lapsed,
    Active,
    All,
    /// The holders of one tier (its id).
    Tier(String),
}

impl Segment {
    /// The segments that are not a tier, in the order pages list them.
    pub const FIXED: [Self; 5] = [
        Self::AtRisk,
        Self::Upgrade,
        Self::Lapsed,
        Self::Active,
        Self::All,
    ];

    /// The segment `name` names: a fixed one, or one of `tiers` (ids).
    ///
    /// # Errors
    /// A name that is neither, with the names that are.
    pub fn parse(name: &str, tiers: &[&str]) -> Result<Self, Msg> {
        let name = name.trim().to_lowercase();
        if let Some(fixed) = Self::FIXED.into_iter().find(|s| s.name() == name) {
            return Ok(fixed);
        }
        if let Some(tier) = tiers.iter().find(|t| t.eq_ignore_ascii_case(&name)) {
            return Ok(Self::Tier((*tier).to_owned()));
        }
        let mut known: Vec<String> = Self::FIXED.iter().map(|s| s.name().to_owned()).collect();
        known.extend(tiers.iter().map(|t| (*t).to_owned()));
        Err(msg!(
            "segment-unknown",
            segment = name,
            segments = known.join(", ")
        ))
    }

    /// The name in commands and addresses.
    #[must_use]
    pub fn name(&self) -> &str {
        match self {
            Self::AtRisk => "at-risk",
            Self::Upgrade => "upgrade",
            Self::Lapsed => "lapsed",
            Self::Active => "active",
            Self::All => "all",
            Self::Tier(id) => id,
        }
    }

    /// The rule with its thresholds for `now` (`today` is its community day).
    #[must_use]
    pub fn filter(&self, now: DateTime<Utc>, today: NaiveDate, at_risk_days: u32) -> SegmentFilter {
        match self {
            Self::AtRisk => SegmentFilter::AtRisk {
                now,
                renews_before: now + Duration::days(RENEWAL_WITHIN_DAYS),
                inactive_since: today - Days::new(u64::from(at_risk_days)),
            },
            Self::Upgrade => SegmentFilter::Upgrade {
                now,
                today,
                from: today - Days::new(UPGRADE_WEEKS * 7 - 1),
                weeks: UPGRADE_ACTIVE_WEEKS,
            },
            Self::Lapsed => SegmentFilter::Lapsed {
                now,
                ended_since: now - Duration::days(LAPSED_WITHIN_DAYS),
            },
            Self::Active => SegmentFilter::Active {
                since: today - Days::new(ACTIVE_WITHIN_DAYS - 1),
            },
            Self::All => SegmentFilter::All,
            Self::Tier(tier) => SegmentFilter::Tier {
                tier: tier.clone(),
                now,
            },
        }
    }
}

/// A segment's rule, thresholds worked out: what the store matches members against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SegmentFilter {
    /// A running tier ending in `[now, renews_before)`, and last active on or before
    /// `inactive_since` (or never).
    AtRisk {
        now: DateTime<Utc>,
        renews_before: DateTime<Utc>,
        inactive_since: NaiveDate,
    },
    /// No running tier at `now`; active on days in at least `weeks` of the 7-day windows
    /// counted back from `today` to `from`.
    Upgrade {
        now: DateTime<Utc>,
        today: NaiveDate,
        from: NaiveDate,
        weeks: u32,
    },
    /// No running tier at `now`; one ended at or after `ended_since`.
    Lapsed {
        now: DateTime<Utc>,
        ended_since: DateTime<Utc>,
    },
    /// Last active on or after `since`.
    Active {
        since: NaiveDate,
    },
    All,
    /// Holding `tier` at `now`.
    Tier {
        tier: String,
        now: DateTime<Utc>,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn names_parse_to_segments_and_tiers_and_others_are_refused() {
        let tiers = ["pro", "vip"];
        assert_eq!(Segment::parse("At-Risk", &tiers), Ok(Segment::AtRisk));
        assert_eq!(
            Segment::parse("pro", &tiers),
            Ok(Segment::Tier("pro".into()))
        );
        assert!(Segment::parse("everyone", &tiers).is_err());
        for s in Segment::FIXED {
            assert_eq!(Segment::parse(s.name(), &tiers), Ok(s));
        }
    }

    #[test]
    fn thresholds_follow_the_rules() {
        let now: DateTime<Utc> = "2026-12-06T09:00:00Z".parse().unwrap();
        let today = day("2026-12-06");
        assert_eq!(
            Segment::AtRisk.filter(now, today, 14),
            SegmentFilter::AtRisk {
                now,
                renews_before: now + Duration::days(7),
                inactive_since: day("2026-11-22"),
            }
        );
        assert_eq!(
            Segment::Upgrade.filter(now, today, 14),
            SegmentFilter::Upgrade {
                now,
                today,
                from: day("2026-11-09"),
                weeks: 3
            }
        );
        assert_eq!(
            Segment::Active.filter(now, today, 14),
            SegmentFilter::Active {
                since: day("2026-11-07")
            }
        );
    }
}
