//! The dashboard's range: whole community days, `from` to `to` inclusive, chosen on the page.

use chrono::{Days, NaiveDate};

/// The range shown when none is chosen: the last 30 days.
pub const DEFAULT_DAYS: u64 = 30;
/// The longest range one page shows: a year and a bit, so a year over a year fits.
pub const MAX_DAYS: u64 = 400;

/// Days `from` to `to`, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayRange {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// Why a chosen range was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RangeError {
    #[error("a date is not YYYY-MM-DD")]
    BadDate,
    #[error("the range ends before it starts")]
    Backwards,
    #[error("the range is longer than {MAX_DAYS} days")]
    TooLong,
}

impl DayRange {
    /// The range from the page's `from` and `to` (either may be missing: `to` defaults to
    /// today, `from` to [`DEFAULT_DAYS`] before `to`).
    pub fn chosen(
        from: Option<&str>,
        to: Option<&str>,
        today: NaiveDate,
    ) -> Result<Self, RangeError> {
        let parse = |s: &str| {
            NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| RangeError::BadDate)
        };
        let to = match to.filter(|s| !s.trim().is_empty()) {
            Some(s) => parse(s)?,
            None => today,
        };
        let from = match from.filter(|s| !s.trim().is_empty()) {
            Some(s) => parse(s)?,
            None => Self::last(DEFAULT_DAYS, to).from,
        };
        if to < from {
            return Err(RangeError::Backwards);
        }
        if to.signed_duration_since(from).num_days() >= i64::try_from(MAX_DAYS).unwrap_or(i64::MAX)
        {
            return Err(RangeError::TooLong);
        }
        Ok(Self { from, to })
    }

    /// The last `days` days up to `to`.
    #[must_use]
    pub fn last(days: u64, to: NaiveDate) -> Self {
        let from = to
            .checked_sub_days(Days::new(days.saturating_sub(1)))
            .unwrap_or(to);
        Self { from, to }
    }

    /// Every day of the range, in order.
    pub fn days(self) -> impl Iterator<Item = NaiveDate> {
        self.from.iter_days().take_while(move |d| *d <= self.to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn no_choice_means_the_last_thirty_days() {
        let range = DayRange::chosen(None, Some(""), day("2026-11-30")).unwrap();
        assert_eq!(range.from, day("2026-11-01"));
        assert_eq!(range.days().count(), 30);
    }

    #[test]
    fn bad_ranges_say_why() {
        let today = day("2026-11-30");
        assert_eq!(
            DayRange::chosen(Some("30/11/2026"), None, today),
            Err(RangeError::BadDate)
        );
        assert_eq!(
            DayRange::chosen(Some("2026-12-01"), Some("2026-11-01"), today),
            Err(RangeError::Backwards)
        );
        assert_eq!(
            DayRange::chosen(Some("2024-01-01"), None, today),
            Err(RangeError::TooLong)
        );
        assert!(DayRange::chosen(Some("2025-11-30"), None, today).is_ok());
    }
}
