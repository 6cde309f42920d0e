//! `[gifts]`: how long a gift code bought for someone who is not a member yet stays good.

use chrono::Duration;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct GiftsSection {
    pub valid_days: i64,
}

impl Default for GiftsSection {
    fn default() -> Self {
        Self { valid_days: 365 }
    }
}

/// How long a gift code may be redeemed after it was bought.
pub(super) fn valid_for(section: &GiftsSection) -> Duration {
    Duration::days(section.valid_days)
}
