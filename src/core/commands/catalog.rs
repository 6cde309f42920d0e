//! The command catalogue: every command's name, usage line, one-line summary, who may use it,
//! and its arguments as data. `/help`, usage replies, the platforms' command registration and
//! the writing back of Discord's typed options all read this one table.

use super::args::{Arg, ArgKind, Choice, Params, Subcommand};
use super::{MAX_AMOUNT, MAX_REASON};
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
    /// What follows the name: arguments, or subcommands with theirs.
    pub params: Params,
}

impl CommandSpec {
    const fn new(
        name: &'static str,
        usage: &'static str,
        summary: &'static str,
        audience: Audience,
    ) -> Self {
        Self {
            name,
            usage,
            summary,
            audience,
            slash_usage: None,
            params: Params::Args(&[]),
        }
    }

    const fn args(self, args: &'static [Arg]) -> Self {
        Self {
            params: Params::Args(args),
            ..self
        }
    }

    const fn subcommands(self, subcommands: &'static [Subcommand]) -> Self {
        Self {
            params: Params::Subcommands(subcommands),
            ..self
        }
    }

    const fn slash_usage(self, usage: &'static str) -> Self {
        Self {
            slash_usage: Some(usage),
            ..self
        }
    }
}

const fn member(name: &'static str, usage: &'static str, summary: &'static str) -> CommandSpec {
    CommandSpec::new(name, usage, summary, Audience::Member)
}

const fn operator(name: &'static str, usage: &'static str, summary: &'static str) -> CommandSpec {
    CommandSpec::new(name, usage, summary, Audience::Operator)
}

const fn arg(name: &'static str, description: &'static str, kind: ArgKind) -> Arg {
    Arg::new(name, description, kind)
}

const fn sub(name: &'static str, description: &'static str, args: &'static [Arg]) -> Subcommand {
    Subcommand::new(name, description, args)
}

const fn choice(value: &'static str, label: &'static str) -> Choice {
    Choice { value, label }
}

/// Reasons people write in a sentence or two.
const SENTENCE: ArgKind = ArgKind::Text {
    max_len: MAX_REASON as u16,
};
/// The parser takes season names of up to 64 characters.
const SEASON_NAME: ArgKind = ArgKind::Text { max_len: 64 };

const BOARDS: &[Choice] = &[
    choice("all", "All time"),
    choice("week", "This week"),
    choice("month", "This month"),
    choice("season", "Season"),
];

const PRIVACY: &[Choice] = &[
    choice("hide", "Hide me from public leaderboards"),
    choice("show", "Show me on public leaderboards"),
];

const POINTS: &[Arg] = &[
    arg("member", "Whose points", ArgKind::Member),
    arg(
        "amount",
        "How many points",
        ArgKind::Integer {
            min: 1,
            max: MAX_AMOUNT,
        },
    ),
    arg("reason", "Why (shown in their history)", SENTENCE).optional(),
];

const TERM: &[Arg] = &[
    arg("member", "Who", ArgKind::Member),
    arg("tier", "Which tier", ArgKind::Tier),
    arg(
        "duration",
        "30d, 12w, 6m, 1y or lifetime",
        ArgKind::Duration,
    ),
];

const ONE_DROP: &[Arg] = &[arg("id", "The drop", ArgKind::DropId)];

/// In the drop grammar's order (WHEN, clauses, TEXT); Discord lists the required ones first.
const SCHEDULE: &[Arg] = &[
    arg(
        "when",
        "2026-12-01 09:00, in 2h, tomorrow 09:00, mon 18:30, now",
        ArgKind::When,
    ),
    arg(
        "every",
        "Repeat: day, weekday, mon,thu, month 1, or a cron",
        ArgKind::Repeat,
    )
    .optional()
    .after("every"),
    arg(
        "to",
        "Channel names from config, comma-separated",
        ArgKind::Channels,
    )
    .optional()
    .after("to"),
    arg("tier", "Only for this tier and above", ArgKind::Tier)
        .optional()
        .after("tier"),
    // The drop grammar's limit on the text.
    arg("text", "What to post", ArgKind::Post),
];

/// Every command, in the order `/help` lists them.
pub const COMMANDS: &[CommandSpec] = &[
    member("help", "/help", "List the commands you can use"),
    member("rank", "/rank [@member]", "Level, XP, rank and balance").args(&[arg(
        "member",
        "Whose rank (default: yours)",
        ArgKind::Member,
    )
    .optional()]),
    member(
        "leaderboard",
        "/leaderboard [all|week|month|season [NAME]] [page]",
        "The top members, 10 a page",
    )
    .args(&[
        arg(
            "board",
            "Which board (default: all time)",
            ArgKind::Choice(BOARDS),
        )
        .optional(),
        arg(
            "season",
            "A past season's name (with board: Season)",
            SEASON_NAME,
        )
        .optional()
        .after("season"),
        arg(
            "page",
            "Page number",
            ArgKind::Integer {
                min: 1,
                max: 100_000,
            },
        )
        .optional(),
    ]),
    member(
        "daily",
        "/daily",
        "Daily check-in: points, more for a streak",
    ),
    member(
        "thanks",
        "/thanks @member [reason]",
        "Thank someone who helped you (or reply to their message)",
    )
    .args(&[
        arg("member", "Who helped you", ArgKind::Member),
        arg("reason", "What they helped with", SENTENCE).optional(),
    ]),
    member(
        "history",
        "/history [@member]",
        "Your latest point changes and why",
    )
    .args(&[arg(
        "member",
        "Whose history (operators only for others)",
        ArgKind::Member,
    )
    .optional()]),
    member(
        "privacy",
        "/privacy hide|show",
        "Hide from or show on public leaderboards",
    )
    .args(&[arg(
        "mode",
        "Hide or show yourself",
        ArgKind::Choice(PRIVACY),
    )]),
    member(
        "language",
        "/language [zh|en|auto]",
        "Choose the language Steward speaks to you",
    )
    .args(&[arg(
        "language",
        "zh, en, or auto to follow your app",
        ArgKind::Text { max_len: 32 },
    )
    .optional()]),
    member(
        "link",
        "/link [CODE]",
        "Join your Discord and Telegram accounts into one member",
    )
    .args(&[arg(
        "code",
        "The code from the other platform (leave empty to get one)",
        ArgKind::Text { max_len: 16 },
    )
    .optional()]),
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
    )
    .args(&[arg(
        "reward",
        "The reward, from /shop",
        ArgKind::RewardId,
    )]),
    member("drops", "/drops", "Upcoming content drops you can see"),
    member(
        "rate",
        "/rate ID 1-5",
        "Rate a delivered drop from 1 to 5 stars",
    )
    .args(&[
        arg("id", "The drop's number", ArgKind::DropId),
        arg("stars", "1 to 5 stars", ArgKind::Integer { min: 1, max: 5 }),
    ]),
    operator(
        "points",
        "/points add|remove @member N [reason]",
        "Grant or take back points",
    )
    .subcommands(&[
        sub("add", "Grant points and XP", POINTS),
        sub("remove", "Take back points and XP", POINTS),
    ]),
    operator(
        "season",
        "/season start NAME [until YYYY-MM-DD] | /season end",
        "Start or end a season",
    )
    .subcommands(&[
        sub(
            "start",
            "Start a season",
            &[
                arg("name", "The season's name", SEASON_NAME),
                arg("until", "Last day, YYYY-MM-DD (optional)", ArgKind::Date)
                    .optional()
                    .after("until"),
            ],
        ),
        sub("end", "End the running season and announce its top 10", &[]),
    ]),
    operator(
        "member",
        "/member grant|extend @member TIER DURATION | /member revoke @member [TIER] | /member list [TIER]",
        "Grant, extend, revoke or list memberships",
    )
    .subcommands(&[
        sub("grant", "Grant a tier (extends one already running)", TERM),
        sub("extend", "Extend a running tier", TERM),
        sub(
            "revoke",
            "End a member's tier now",
            &[
                arg("member", "Who", ArgKind::Member),
                arg("tier", "Which tier (default: all)", ArgKind::Tier).optional(),
            ],
        ),
        sub(
            "list",
            "List members with a running tier",
            &[arg("tier", "Only this tier", ArgKind::Tier).optional()],
        ),
    ]),
    operator(
        "drop",
        "/drop WHEN [every RULE] [to TARGET[,TARGET]] [tier TIER] TEXT | /drop list | /drop show|cancel|status|stats ID",
        "Schedule and manage content drops",
    )
    .slash_usage(
        "/drop schedule when text [every] [to] [tier] | /drop list | /drop show|cancel|status|stats id | Apps → Schedule as drop on a message",
    )
    .subcommands(&[
        sub("schedule", "Schedule a drop", SCHEDULE).unnamed(),
        sub("list", "Upcoming drops", &[]),
        sub("show", "Preview a drop", ONE_DROP),
        sub("cancel", "Cancel a drop", ONE_DROP),
        sub("status", "Delivery of each target", ONE_DROP),
        sub("stats", "Ratings of a drop", ONE_DROP),
    ]),
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
mod tests;
