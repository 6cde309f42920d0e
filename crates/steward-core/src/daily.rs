//! `/daily`: one claim per community-day, a streak for consecutive days, capped.

use chrono::NaiveDate;

/// Knobs for the daily check-in.
#[derive(Debug, Clone)]
pub struct DailyRules {
    pub base: i64,
    /// Extra points per consecutive day after the first.
    pub streak_bonus: i64,
    /// The streak stops adding bonus past this many days.
    pub streak_cap: u32,
}

impl Default for DailyRules {
    fn default() -> Self {
        Self {
            base: 50,
            streak_bonus: 10,
            streak_cap: 7,
        }
    }
}

/// A member's daily record as stored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DailyState {
    pub last_day: Option<NaiveDate>,
    pub streak: u32,
}

impl DailyState {
    /// The streak as it stands on `today`: kept while yesterday's check-in can still carry it.
    #[must_use]
    pub fn current_streak(&self, today: NaiveDate) -> u32 {
        match (self.last_day, today.pred_opt()) {
            (Some(day), Some(yesterday)) if day >= yesterday => self.streak,
            _ => 0,
        }
    }
}

/// What a `/daily` on `today` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DailyDecision {
    Claim {
        amount: i64,
        /// The streak after this claim (1 on a first or broken streak).
        streak: u32,
    },
    AlreadyClaimed,
}

/// The streak a check-in on `today` ends because a day was missed, when it was longer than a
/// day (so the member can be told, not find out from a smaller amount).
#[must_use]
pub fn broken_streak(state: DailyState, today: NaiveDate) -> Option<u32> {
    let last = state.last_day?;
    (last < today && last.succ_opt() != Some(today) && state.streak > 1).then_some(state.streak)
}

impl DailyRules {
    /// `extra` is a perk on top of the base (a tier's daily bonus).
    #[must_use]
    pub fn decide(&self, state: DailyState, today: NaiveDate, extra: i64) -> DailyDecision {
        let streak = match state.last_day {
            Some(last) if last >= today => return DailyDecision::AlreadyClaimed,
            Some(last) if last.succ_opt() == Some(today) => state.streak.saturating_add(1),
            _ => 1,
        };
        let bonus_days = i64::from(streak.min(self.streak_cap.max(1)) - 1);
        DailyDecision::Claim {
            amount: self.base + self.streak_bonus * bonus_days + extra,
            streak,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn a_streak_shows_while_yesterdays_check_in_can_carry_it() {
        let three = DailyState {
            last_day: Some(day(5)),
            streak: 3,
        };
        assert_eq!(three.current_streak(day(5)), 3);
        assert_eq!(
            three.current_streak(day(6)),
            3,
            "today's check-in is still to come"
        );
        assert_eq!(three.current_streak(day(7)), 0, "a day was missed");
        assert_eq!(DailyState::default().current_streak(day(7)), 0);
    }

    #[test]
    fn a_missed_day_ends_a_streak_and_says_how_long_it_was() {
        let five = DailyState {
            last_day: Some(day(5)),
            streak: 5,
        };
        assert_eq!(broken_streak(five, day(7)), Some(5));
        assert_eq!(
            broken_streak(five, day(6)),
            None,
            "the next day continues it"
        );
        let one = DailyState {
            last_day: Some(day(5)),
            streak: 1,
        };
        assert_eq!(
            broken_streak(one, day(9)),
            None,
            "a one-day streak is no loss to report"
        );
        assert_eq!(broken_streak(DailyState::default(), day(9)), None);
    }

    #[test]
    fn first_claim_pays_the_base() {
        let decision = DailyRules::default().decide(DailyState::default(), day(1), 0);
        assert_eq!(
            decision,
            DailyDecision::Claim {
                amount: 50,
                streak: 1
            }
        );
    }

    #[test]
    fn consecutive_days_grow_the_streak_up_to_the_cap() {
        let rules = DailyRules::default();
        let state = DailyState {
            last_day: Some(day(1)),
            streak: 1,
        };
        assert_eq!(
            rules.decide(state, day(2), 0),
            DailyDecision::Claim {
                amount: 60,
                streak: 2
            }
        );
        let state = DailyState {
            last_day: Some(day(10)),
            streak: 30,
        };
        assert_eq!(
            rules.decide(state, day(11), 0),
            DailyDecision::Claim {
                amount: 110,
                streak: 31
            }
        );
    }

    #[test]
    fn a_missed_day_resets_the_streak() {
        let state = DailyState {
            last_day: Some(day(1)),
            streak: 5,
        };
        let decision = DailyRules::default().decide(state, day(3), 0);
        assert_eq!(
            decision,
            DailyDecision::Claim {
                amount: 50,
                streak: 1
            }
        );
    }

    #[test]
    fn the_same_day_is_refused() {
        let state = DailyState {
            last_day: Some(day(4)),
            streak: 2,
        };
        assert_eq!(
            DailyRules::default().decide(state, day(4), 0),
            DailyDecision::AlreadyClaimed
        );
    }

    #[test]
    fn a_tier_bonus_adds_to_the_claim() {
        let decision = DailyRules::default().decide(DailyState::default(), day(1), 25);
        assert_eq!(
            decision,
            DailyDecision::Claim {
                amount: 75,
                streak: 1
            }
        );
    }
}
