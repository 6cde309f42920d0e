//! The slash commands Steward registers in each community guild: one per entry of the command
//! catalogue, with typed options (members, bounded integers, choices, autocomplete), operator
//! commands hidden by default permissions, and the "Schedule as drop" message command.

use serenity::builder::{CreateCommand, CreateCommandOption};
use serenity::model::application::{CommandOptionType, CommandType};
use serenity::model::permissions::Permissions;

use crate::core::commands::{Audience, COMMANDS, CommandSpec, MAX_AMOUNT};
use crate::core::tiers::TierDef;

/// The name of the message command that schedules a message as a drop.
pub const SCHEDULE_AS_DROP: &str = "Schedule as drop";

/// Discord allows at most 25 choices on one option.
const MAX_CHOICES: usize = 25;

fn option(kind: CommandOptionType, name: &str, description: &str) -> CreateCommandOption {
    CreateCommandOption::new(kind, name, description)
}

fn member(description: &str, required: bool) -> CreateCommandOption {
    option(CommandOptionType::User, "member", description).required(required)
}

fn text(name: &str, description: &str, required: bool) -> CreateCommandOption {
    option(CommandOptionType::String, name, description)
        .required(required)
        .max_length(1000)
}

fn integer(name: &str, description: &str, min: u64, max: u64) -> CreateCommandOption {
    option(CommandOptionType::Integer, name, description)
        .min_int_value(min)
        .max_int_value(max)
}

fn drop_id(description: &str) -> CreateCommandOption {
    integer("id", description, 1, i32::MAX as u64)
        .required(true)
        .set_autocomplete(true)
}

fn sub(name: &str, description: &str, options: Vec<CreateCommandOption>) -> CreateCommandOption {
    option(CommandOptionType::SubCommand, name, description).set_sub_options(options)
}

fn tier_choice(tiers: &[TierDef], description: &str, required: bool) -> CreateCommandOption {
    let mut tier = option(CommandOptionType::String, "tier", description).required(required);
    for def in tiers.iter().take(MAX_CHOICES) {
        tier = tier.add_string_choice(&def.name, &def.id);
    }
    tier
}

/// The options of one catalogue command.
fn options_of(spec: &CommandSpec, tiers: &[TierDef]) -> Vec<CreateCommandOption> {
    match spec.name {
        "rank" => vec![member("Whose rank (default: yours)", false)],
        "history" => vec![member("Whose history (operators only for others)", false)],
        "leaderboard" => vec![
            option(
                CommandOptionType::String,
                "board",
                "Which board (default: all time)",
            )
            .add_string_choice("All time", "all")
            .add_string_choice("This week", "week")
            .add_string_choice("This month", "month")
            .add_string_choice("Season", "season"),
            text("season", "A past season's name (with board: Season)", false),
            integer("page", "Page number", 1, 100_000),
        ],
        "thanks" => vec![
            member("Who helped you", true),
            text("reason", "What they helped with", false),
        ],
        "privacy" => vec![
            option(CommandOptionType::String, "mode", "Hide or show yourself")
                .required(true)
                .add_string_choice("Hide me from public leaderboards", "hide")
                .add_string_choice("Show me on public leaderboards", "show"),
        ],
        "link" => vec![text(
            "code",
            "The code from the other platform (leave empty to get one)",
            false,
        )],
        "redeem" => vec![
            option(
                CommandOptionType::String,
                "reward",
                "The reward, from /shop",
            )
            .required(true)
            .set_autocomplete(true),
        ],
        "rate" => vec![
            drop_id("The drop's number"),
            integer("stars", "1 to 5 stars", 1, 5).required(true),
        ],
        "points" => {
            let args = || {
                vec![
                    member("Whose points", true),
                    integer("amount", "How many points", 1, MAX_AMOUNT as u64).required(true),
                    text("reason", "Why (shown in their history)", false),
                ]
            };
            vec![
                sub("add", "Grant points and XP", args()),
                sub("remove", "Take back points and XP", args()),
            ]
        }
        "season" => vec![
            sub(
                "start",
                "Start a season",
                vec![
                    text("name", "The season's name", true),
                    text("until", "Last day, YYYY-MM-DD (optional)", false),
                ],
            ),
            sub(
                "end",
                "End the running season and announce its top 10",
                vec![],
            ),
        ],
        "member" => {
            let term = || {
                vec![
                    member("Who", true),
                    tier_choice(tiers, "Which tier", true),
                    text("duration", "30d, 12w, 6m, 1y or lifetime", true),
                ]
            };
            vec![
                sub(
                    "grant",
                    "Grant a tier (extends one already running)",
                    term(),
                ),
                sub("extend", "Extend a running tier", term()),
                sub(
                    "revoke",
                    "End a member's tier now",
                    vec![
                        member("Who", true),
                        tier_choice(tiers, "Which tier (default: all)", false),
                    ],
                ),
                sub(
                    "list",
                    "List members with a running tier",
                    vec![tier_choice(tiers, "Only this tier", false)],
                ),
            ]
        }
        "drop" => vec![
            sub(
                "schedule",
                "Schedule a drop",
                vec![
                    text(
                        "when",
                        "2026-12-01 09:00, in 2h, tomorrow 09:00, mon 18:30, now",
                        true,
                    ),
                    text("text", "What to post", true),
                    text(
                        "every",
                        "Repeat: day, weekday, mon,thu, month 1, or a cron",
                        false,
                    ),
                    text("to", "Channel names from config, comma-separated", false),
                    tier_choice(tiers, "Only for this tier and above", false),
                ],
            ),
            sub("list", "Upcoming drops", vec![]),
            sub("show", "Preview a drop", vec![drop_id("The drop")]),
            sub("cancel", "Cancel a drop", vec![drop_id("The drop")]),
            sub(
                "status",
                "Delivery of each target",
                vec![drop_id("The drop")],
            ),
            sub("stats", "Ratings of a drop", vec![drop_id("The drop")]),
        ],
        _ => Vec::new(),
    }
}

/// Every command to register in a community guild.
#[must_use]
pub fn definitions(tiers: &[TierDef]) -> Vec<CreateCommand> {
    let mut commands: Vec<CreateCommand> = COMMANDS
        .iter()
        .map(|spec| {
            let command = CreateCommand::new(spec.name)
                .description(spec.summary)
                .set_options(options_of(spec, tiers));
            match spec.audience {
                Audience::Member => command,
                // Hidden from members; the engine checks again when it runs.
                Audience::Operator => command.default_member_permissions(Permissions::MANAGE_GUILD),
            }
        })
        .collect();
    commands.push(
        CreateCommand::new(SCHEDULE_AS_DROP)
            .kind(CommandType::Message)
            .default_member_permissions(Permissions::MANAGE_GUILD),
    );
    commands
}
