//! Message XP: whether a chat message earns XP and how much. The caller supplies the random roll
//! and the time, so the rule is deterministic under test.

use chrono::{DateTime, Duration, Utc};

/// Knobs for message XP (SPEC §3).
#[derive(Debug, Clone)]
pub struct MessageXpRules {
    pub min_xp: i64,
    pub max_xp: i64,
    pub cooldown: Duration,
    /// Messages shorter than this many characters (after trimming) earn nothing.
    pub min_length: usize,
}

impl Default for MessageXpRules {
    fn default() -> Self {
        Self {
            min_xp: 15,
            max_xp: 25,
            cooldown: Duration::seconds(60),
            min_length: 1,
        }
    }
}

/// Why a message earned nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoXp {
    TooShort,
    Cooldown,
}

impl MessageXpRules {
    /// Decides whether a message at `now` earns XP, given when its author last earned message XP.
    pub fn check(
        &self,
        text: &str,
        last_award: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<(), NoXp> {
        if text.trim().chars().count() < self.min_length {
            return Err(NoXp::TooShort);
        }
        if self.in_cooldown(last_award, now) {
            return Err(NoXp::Cooldown);
        }
        Ok(())
    }

    #[must_use]
    pub fn in_cooldown(&self, last_award: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
        last_award.is_some_and(|last| now < last + self.cooldown)
    }

    /// The award for a roll in `0.0..1.0`, scaled by the member's multiplier and rounded.
    #[must_use]
    pub fn amount(&self, roll: f64, multiplier: f64) -> i64 {
        scaled(self.base_amount(roll), multiplier)
    }

    /// The award for a roll in `0.0..1.0` before any multiplier: uniform over min..=max.
    #[must_use]
    pub fn base_amount(&self, roll: f64) -> i64 {
        let span = (self.max_xp - self.min_xp).max(0);
        self.min_xp + ((roll.clamp(0.0, 1.0) * (span + 1) as f64) as i64).min(span)
    }
}

/// A base award times a tier's multiplier, rounded; never negative.
#[must_use]
pub fn scaled(base: i64, multiplier: f64) -> i64 {
    ((base as f64) * multiplier.max(0.0)).round() as i64
}

impl MessageXpRules {}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + secs, 0).unwrap()
    }

    #[test]
    fn a_second_message_inside_the_cooldown_earns_nothing() {
        let rules = MessageXpRules::default();
        assert_eq!(rules.check("hello", None, at(0)), Ok(()));
        assert_eq!(
            rules.check("hello", Some(at(0)), at(59)),
            Err(NoXp::Cooldown)
        );
        assert_eq!(rules.check("hello", Some(at(0)), at(60)), Ok(()));
    }

    #[test]
    fn short_messages_earn_nothing() {
        let rules = MessageXpRules {
            min_length: 5,
            ..MessageXpRules::default()
        };
        assert_eq!(rules.check(" ok  ", None, at(0)), Err(NoXp::TooShort));
        assert_eq!(rules.check("hello", None, at(0)), Ok(()));
    }

    #[test]
    fn amounts_cover_the_whole_range_inclusive() {
        let rules = MessageXpRules::default();
        assert_eq!(rules.amount(0.0, 1.0), 15);
        assert_eq!(rules.amount(0.999_999, 1.0), 25);
        assert_eq!(rules.amount(1.0, 1.0), 25);
        assert_eq!(rules.amount(0.5, 2.0), 40);
    }
}
