//! The one form every platform uses for figures: `Level N`, `N XP`, `#R`, `N points`, and
//! durations like `9h 12m`.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

use crate::core::levels::LevelInfo;

pub(crate) fn level(xp: i64) -> String {
    format!("Level {}", LevelInfo::from_xp(xp).level)
}

pub(crate) fn xp(n: i64) -> String {
    format!("{n} XP")
}

pub(crate) fn points(n: i64) -> String {
    if n == 1 {
        "1 point".into()
    } else {
        format!("{n} points")
    }
}

pub(crate) fn rank(r: usize) -> String {
    format!("#{r}")
}

/// A signed amount for the ledger: `+22 XP`, `-50 points`.
pub(crate) fn signed(n: i64, unit: &str) -> String {
    if n >= 0 {
        format!("+{n} {unit}")
    } else {
        format!("{n} {unit}")
    }
}

/// `2h 5m`, `45m`, `30s`: how long until something opens.
pub(crate) fn wait(d: Duration) -> String {
    let secs = d.num_seconds().max(0);
    let (h, m) = (secs / 3600, (secs % 3600) / 60);
    match (h, m) {
        (0, 0) => format!("{secs}s"),
        (0, m) => format!("{m}m"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h {m}m"),
    }
}

/// A time in the community's timezone: `2026-11-25 09:00 (Europe/Berlin)`.
pub(crate) fn local(at: DateTime<Utc>, tz: Tz) -> String {
    format!(
        "{} ({})",
        at.with_timezone(&tz).format("%Y-%m-%d %H:%M"),
        tz.name()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_use_the_shared_forms() {
        assert_eq!(level(4_675), "Level 10");
        assert_eq!(xp(22), "22 XP");
        assert_eq!(points(1), "1 point");
        assert_eq!(points(250), "250 points");
        assert_eq!(rank(3), "#3");
        assert_eq!(signed(-5, "XP"), "-5 XP");
    }

    #[test]
    fn waits_read_naturally() {
        assert_eq!(wait(Duration::seconds(42)), "42s");
        assert_eq!(wait(Duration::minutes(125)), "2h 5m");
        assert_eq!(wait(Duration::hours(3)), "3h");
    }
}
