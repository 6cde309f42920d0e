//! Account linking: one-time codes and the rules for merging two members into one.

use std::fmt;

use chrono::Duration;

use super::daily::DailyState;
use super::ids::Platform;
use steward_i18n::Msg;
use steward_i18n::msg;

/// How long a `/link` code stays valid.
pub const LINK_CODE_TTL: Duration = Duration::minutes(10);

/// Letters and digits that cannot be misread for one another (no 0/O, 1/I/L).
const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const CODE_LEN: usize = 6;

/// A code like `K7Q2M9`, drawn from caller-supplied randomness.
#[must_use]
pub fn code_from_random(mut random: u64) -> String {
    let base = ALPHABET.len() as u64;
    (0..CODE_LEN)
        .map(|_| {
            let c = ALPHABET[(random % base) as usize] as char;
            random /= base;
            c
        })
        .collect()
}

/// Why two accounts may not be linked; [`LinkRefusal::msg`] is what the member reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkRefusal {
    UnknownCode,
    /// The platform's name (`Telegram`).
    SamePlatform(&'static str),
    AlreadyLinked,
    /// The code was sent to this very account: it is redeemed from the other one.
    OwnCode,
    PlatformTaken(&'static str),
}

impl LinkRefusal {
    /// What the member reads, in their language once rendered.
    #[must_use]
    pub fn msg(&self) -> Msg {
        match self {
            Self::UnknownCode => msg!("link-refused-unknown-code"),
            Self::SamePlatform(platform) => {
                msg!("link-refused-same-platform", platform = *platform)
            }
            Self::AlreadyLinked => msg!("link-refused-already-linked"),
            Self::OwnCode => msg!("link-refused-own-code"),
            Self::PlatformTaken(platform) => {
                msg!("link-refused-platform-taken", platform = *platform)
            }
        }
    }
}

/// English, for logs and tests.
impl fmt::Display for LinkRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.msg().fmt(f)
    }
}

impl std::error::Error for LinkRefusal {}

/// The facts a link decision rests on.
#[derive(Debug, Clone, Copy)]
pub struct LinkFacts {
    pub code_platform: Platform,
    pub redeemer_platform: Platform,
    pub same_member: bool,
    /// The redeemer's member already has an account on the code's platform.
    pub redeemer_has_code_platform: bool,
}

pub fn check(facts: LinkFacts) -> Result<(), LinkRefusal> {
    if facts.same_member && facts.code_platform == facts.redeemer_platform {
        // One account per platform: the code was sent to this account.
        return Err(LinkRefusal::OwnCode);
    }
    if facts.same_member {
        return Err(LinkRefusal::AlreadyLinked);
    }
    if facts.code_platform == facts.redeemer_platform {
        return Err(LinkRefusal::SamePlatform(facts.code_platform.title()));
    }
    if facts.redeemer_has_code_platform {
        return Err(LinkRefusal::PlatformTaken(facts.code_platform.title()));
    }
    Ok(())
}

/// Daily streaks of two merged members: the more recent check-in wins; on the same day, the
/// longer streak.
#[must_use]
pub fn merge_daily(a: DailyState, b: DailyState) -> DailyState {
    match a.last_day.cmp(&b.last_day) {
        std::cmp::Ordering::Greater => a,
        std::cmp::Ordering::Less => b,
        std::cmp::Ordering::Equal => DailyState {
            streak: a.streak.max(b.streak),
            ..a
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn codes_are_six_unambiguous_characters() {
        let code = code_from_random(0xDEAD_BEEF_1234);
        assert_eq!(code.len(), 6);
        assert!(code.bytes().all(|b| ALPHABET.contains(&b)));
        assert_ne!(code_from_random(1), code_from_random(2));
    }

    #[test]
    fn links_need_two_platforms() {
        let facts = LinkFacts {
            code_platform: Platform::Discord,
            redeemer_platform: Platform::Telegram,
            same_member: false,
            redeemer_has_code_platform: false,
        };
        assert_eq!(check(facts), Ok(()));
        assert_eq!(
            check(LinkFacts {
                redeemer_platform: Platform::Discord,
                ..facts
            }),
            Err(LinkRefusal::SamePlatform("Discord"))
        );
        assert_eq!(
            check(LinkFacts {
                same_member: true,
                ..facts
            }),
            Err(LinkRefusal::AlreadyLinked)
        );
        assert_eq!(
            check(LinkFacts {
                same_member: true,
                redeemer_platform: Platform::Discord,
                ..facts
            }),
            Err(LinkRefusal::OwnCode)
        );
        assert_eq!(
            check(LinkFacts {
                redeemer_has_code_platform: true,
                ..facts
            }),
            Err(LinkRefusal::PlatformTaken("Discord"))
        );
    }

    #[test]
    fn refusals_read_in_the_members_language() {
        let zh = steward_i18n::Lang::from_code("zh-CN").expect("zh-CN is compiled in");
        assert_eq!(
            LinkRefusal::SamePlatform("Discord").to_string(),
            "Use the code from an account on another platform; this one is on Discord too."
        );
        assert!(
            LinkRefusal::PlatformTaken("Telegram")
                .msg()
                .render(zh)
                .contains("Telegram 账号")
        );
    }

    #[test]
    fn the_latest_streak_survives_a_merge() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d);
        let old = DailyState {
            last_day: day(1),
            streak: 9,
        };
        let recent = DailyState {
            last_day: day(20),
            streak: 2,
        };
        assert_eq!(merge_daily(old, recent), recent);
        let same = DailyState {
            last_day: day(20),
            streak: 5,
        };
        assert_eq!(merge_daily(recent, same).streak, 5);
    }
}
