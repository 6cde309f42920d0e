//! Level math on the MEE6 curve: XP to go from level `l` to `l+1` is `5l² + 50l + 100`.
//! Pure arithmetic, and the level rewards it decides.

#[cfg(test)]
use super::ids::Platform;
use super::ids::PlatformGrant;

/// XP needed to go from `level` to `level + 1`.
#[must_use]
pub fn xp_to_advance(level: u32) -> i64 {
    let l = i64::from(level);
    5 * l * l + 50 * l + 100
}

/// Total lifetime XP at which `level` is reached.
#[must_use]
pub fn total_xp_for_level(level: u32) -> i64 {
    // Closed form of the sum of xp_to_advance(0..level).
    let n = i64::from(level);
    5 * (n - 1) * n * (2 * n - 1) / 6 + 50 * (n - 1) * n / 2 + 100 * n
}

/// Where a member stands on the curve for a given XP total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LevelInfo {
    pub level: u32,
    /// XP earned since reaching `level`.
    pub xp_into_level: i64,
    /// XP the whole step from `level` to `level + 1` takes.
    pub xp_for_step: i64,
}

impl LevelInfo {
    #[must_use]
    pub fn from_xp(xp: i64) -> Self {
        let xp = xp.max(0);
        // The curve is cubic, so the level is roughly cbrt(xp * 3 / 5); start below and walk up.
        let estimate = ((xp as f64) * 0.6).cbrt() as u32;
        let mut level = estimate.saturating_sub(2);
        while total_xp_for_level(level + 1) <= xp {
            level += 1;
        }
        while level > 0 && total_xp_for_level(level) > xp {
            level -= 1;
        }
        Self {
            level,
            xp_into_level: xp - total_xp_for_level(level),
            xp_for_step: xp_to_advance(level),
        }
    }

    /// XP still missing to reach the next level.
    #[must_use]
    pub fn xp_to_next(&self) -> i64 {
        self.xp_for_step - self.xp_into_level
    }
}

/// A platform reward for reaching a level (a Discord role).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelReward {
    pub level: u32,
    pub grant: PlatformGrant,
}

/// The rewards earned by going from `before` to `after` XP: every reward whose level lies in
/// between, so a jump of several levels (an operator grant) earns each one.
pub fn rewards_reached(rewards: &[LevelReward], before: i64, after: i64) -> Vec<&LevelReward> {
    let (from, to) = (
        LevelInfo::from_xp(before).level,
        LevelInfo::from_xp(after).level,
    );
    rewards
        .iter()
        .filter(|r| r.level > from && r.level <= to)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_rewards_are_earned_once_each_even_across_several_levels() {
        let rewards = [
            LevelReward {
                level: 5,
                grant: PlatformGrant::new(Platform::Discord, "5"),
            },
            LevelReward {
                level: 10,
                grant: PlatformGrant::new(Platform::Discord, "10"),
            },
        ];
        let at = |level| total_xp_for_level(level);
        assert!(rewards_reached(&rewards, at(4), at(5) - 1).is_empty());
        assert_eq!(rewards_reached(&rewards, at(4), at(5))[0].level, 5);
        assert_eq!(rewards_reached(&rewards, 0, at(12)).len(), 2);
        assert!(rewards_reached(&rewards, at(5), at(9)).is_empty());
        // Losing XP never earns anything.
        assert!(rewards_reached(&rewards, at(12), 0).is_empty());
    }

    #[test]
    fn known_totals_match_mee6() {
        assert_eq!(total_xp_for_level(0), 0);
        assert_eq!(total_xp_for_level(1), 100);
        assert_eq!(total_xp_for_level(10), 4_675);
        assert_eq!(total_xp_for_level(50), 268_375);
        assert_eq!(total_xp_for_level(100), 1_899_250);
    }

    #[test]
    fn closed_form_equals_the_running_sum() {
        let mut sum = 0;
        for level in 0..500 {
            assert_eq!(total_xp_for_level(level), sum, "level {level}");
            sum += xp_to_advance(level);
        }
    }

    #[test]
    fn level_boundaries_are_exact() {
        assert_eq!(LevelInfo::from_xp(0).level, 0);
        assert_eq!(LevelInfo::from_xp(99).level, 0);
        assert_eq!(LevelInfo::from_xp(100).level, 1);
        assert_eq!(LevelInfo::from_xp(4_674).level, 9);
        assert_eq!(LevelInfo::from_xp(4_675).level, 10);
        assert_eq!(LevelInfo::from_xp(1_899_250).level, 100);
        for level in 0..300 {
            let at = total_xp_for_level(level);
            assert_eq!(LevelInfo::from_xp(at).level, level);
            if at > 0 {
                assert_eq!(LevelInfo::from_xp(at - 1).level, level - 1);
            }
        }
    }

    #[test]
    fn progress_within_a_level() {
        let info = LevelInfo::from_xp(150);
        assert_eq!(info.level, 1);
        assert_eq!(info.xp_into_level, 50);
        assert_eq!(info.xp_for_step, 155);
        assert_eq!(info.xp_to_next(), 105);
    }

    #[test]
    fn negative_xp_is_level_zero() {
        assert_eq!(LevelInfo::from_xp(-5).level, 0);
    }
}
