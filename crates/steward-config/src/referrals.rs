//! `[referrals]`: what a member earns when someone they invited first pays, and how long the
//! credit waits (a payment refunded within the hold earns nothing).

use chrono::Duration;
use serde::Deserialize;
use toml::Spanned;

use super::membership::spanned;
use super::problems::Problems;
use steward_core::duration::parse_span;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ReferralsSection {
    pub xp: i64,
    pub days: i64,
    pub hold: Spanned<String>,
}

impl Default for ReferralsSection {
    fn default() -> Self {
        Self {
            xp: 0,
            days: 0,
            hold: Spanned::new(0..0, "14d".into()),
        }
    }
}

/// The referrer's reward, once per referred member who pays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReferralRules {
    /// XP (and as many points) to the referrer.
    pub xp: i64,
    /// Days added to the referrer's running tier (none if they hold none).
    pub days: i64,
    /// How long after the first payment the credit waits for a refund.
    pub hold: Duration,
}

impl Default for ReferralRules {
    fn default() -> Self {
        Self {
            xp: 0,
            days: 0,
            hold: Duration::days(14),
        }
    }
}

pub(super) fn read(section: &ReferralsSection, problems: &mut Problems<'_>) -> ReferralRules {
    ReferralRules {
        xp: section.xp,
        days: section.days,
        hold: spanned(&section.hold, "referrals.hold", problems, parse_span)
            .unwrap_or(Duration::days(14)),
    }
}
