//! The command catalogue: every command's name, usage line, one-line summary and who may use it.
//! `/help`, usage replies, and the platforms' command registration all read this one table.

use crate::core::ids::Platform;

/// Who may run a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Member,
    Operator,
}

/// One command as users see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommandSpec {
    pub name: &'static str,
    pub usage: &'static str,
    pub summary: &'static str,
    pub audience: Audience,
    /// The form on Discord, where it differs from the text form (slash subcommands).
    pub slash_usage: Option<&'static str>,
}

const fn member(name: &'static str, usage: &'static str, summary: &'static str) -> CommandSpec {
    CommandSpec {
        name,
        usage,
        summary,
        audience: Audience::Member,
        slash_usage: None,
    }
}

const fn operator(name: &'static str, usage: &'static str, summary: &'static str) -> CommandSpec {
    CommandSpec {
        name,
        usage,
        summary,
        audience: Audience::Operator,
        slash_usage: None,
    }
}

/// Every command, in the order `/help` lists them.
pub const COMMANDS: &[CommandSpec] = &[
    member("help", "/help", "List the commands you can use"),
    member("rank", "/rank [@member]", "Level, XP, rank and balance"),
    member(
        "leaderboard",
        "/leaderboard [all|week|month|season [NAME]] [page]",
        "The top members, 10 a page",
    ),
    member(
        "daily",
        "/daily",
        "Daily check-in: points, more for a streak",
    ),
    member(
        "thanks",
        "/thanks @member [reason]",
        "Thank someone who helped you (or reply to their message)",
    ),
    member(
        "history",
        "/history [@member]",
        "Your latest point changes and why",
    ),
    member(
        "privacy",
        "/privacy hide|show",
        "Hide from or show on public leaderboards",
    ),
    member(
        "link",
        "/link [CODE]",
        "Join your Discord and Telegram accounts into one member",
    ),
    member(
        "membership",
        "/membership",
        "Your membership tier, its expiry and perks",
    ),
    member(
        "tiers",
        "/tiers",
        "The membership tiers and how to get them",
    ),
    member("shop", "/shop", "Rewards you can buy with your points"),
    member(
        "redeem",
        "/redeem REWARD",
        "Spend points on a reward from /shop",
    ),
    member("drops", "/drops", "Upcoming content drops you can see"),
    member(
        "rate",
        "/rate ID 1-5",
        "Rate a delivered drop from 1 to 5 stars",
    ),
    operator(
        "points",
        "/points add|remove @member N [reason]",
        "Grant or take back points",
    ),
    operator(
        "season",
        "/season start NAME [until YYYY-MM-DD] | /season end",
        "Start or end a season",
    ),
    operator(
        "member",
        "/member grant|extend @member TIER DURATION | /member revoke @member [TIER] | /member list [TIER]",
        "Grant, extend, revoke or list memberships",
    ),
    CommandSpec {
        slash_usage: Some(
            "/drop schedule when text [every] [to] [tier] | /drop list | /drop show|cancel|status|stats id | Apps → Schedule as drop on a message",
        ),
        ..operator(
            "drop",
            "/drop WHEN [every RULE] [to TARGET[,TARGET]] [tier TIER] TEXT | /drop list | /drop show|cancel|status|stats ID",
            "Schedule and manage content drops",
        )
    },
];

impl CommandSpec {
    /// The usage line as members of `platform` type it.
    #[must_use]
    pub fn usage_on(&self, platform: Platform) -> &'static str {
        match (platform, self.slash_usage) {
            (Platform::Discord, Some(slash)) => slash,
            _ => self.usage,
        }
    }
}

/// Looks a command up by name (without the slash).
#[must_use]
pub fn find(name: &str) -> Option<&'static CommandSpec> {
    COMMANDS.iter().find(|c| c.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_fits_the_platforms_rules() {
        // Discord and Telegram both take lowercase names of 1-32 chars and descriptions of
        // 1-100 chars (Telegram: 3-256); usage lines must start with the command itself.
        for c in COMMANDS {
            assert!(
                (1..=32).contains(&c.name.len())
                    && c.name
                        .chars()
                        .all(|ch| ch.is_ascii_lowercase() || ch == '_'),
                "{}",
                c.name
            );
            assert!((3..=100).contains(&c.summary.len()), "{}", c.name);
            assert!(c.usage.starts_with(&format!("/{}", c.name)), "{}", c.name);
        }
    }

    #[test]
    fn names_are_unique() {
        for (i, c) in COMMANDS.iter().enumerate() {
            assert!(
                COMMANDS[i + 1..].iter().all(|o| o.name != c.name),
                "{}",
                c.name
            );
        }
    }
}
