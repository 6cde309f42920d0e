//! The slash commands Steward registers in each community guild: one per entry of the command
//! catalogue, its typed options (members, bounded integers, choices, autocomplete) generated
//! from the catalogue's argument data, operator commands hidden by default permissions, and the
//! "Schedule as drop" message command. Knows Discord's option types, not any command by name.

use serenity::builder::{CreateCommand, CreateCommandOption};
use serenity::model::application::{CommandOptionType, CommandType};
use serenity::model::permissions::Permissions;

use crate::core::commands::{Arg, ArgKind, Audience, COMMANDS, CommandSpec, Params};
use crate::core::tiers::TierDef;

/// The name of the message command that schedules a message as a drop.
pub const SCHEDULE_AS_DROP: &str = "Schedule as drop";

/// Discord allows at most 25 choices on one option.
const MAX_CHOICES: usize = 25;

/// Drop ids Discord lets people type; far above any drop count, well inside Discord's range.
const MAX_DROP_ID: u64 = i32::MAX as u64;

/// serenity takes unsigned integer bounds; the catalogue has no negative ones (a test checks).
fn bound(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// The option for one catalogue argument.
fn option(arg: &Arg, tiers: &[TierDef]) -> CreateCommandOption {
    let of =
        |kind| CreateCommandOption::new(kind, arg.name, arg.description).required(arg.required);
    let option = match arg.kind {
        ArgKind::Member => of(CommandOptionType::User),
        ArgKind::Integer { min, max } => of(CommandOptionType::Integer)
            .min_int_value(bound(min))
            .max_int_value(bound(max)),
        ArgKind::DropId => of(CommandOptionType::Integer)
            .min_int_value(1)
            .max_int_value(MAX_DROP_ID)
            .set_autocomplete(true),
        ArgKind::RewardId => of(CommandOptionType::String).set_autocomplete(true),
        ArgKind::Choice(choices) => choices
            .iter()
            .take(MAX_CHOICES)
            .fold(of(CommandOptionType::String), |o, c| {
                o.add_string_choice(c.label, c.value)
            }),
        ArgKind::Tier => tiers
            .iter()
            .take(MAX_CHOICES)
            .fold(of(CommandOptionType::String), |o, t| {
                o.add_string_choice(&t.name, &t.id)
            }),
        ArgKind::Text { .. }
        | ArgKind::Duration
        | ArgKind::Date
        | ArgKind::When
        | ArgKind::Repeat
        | ArgKind::Channels
        | ArgKind::Post => of(CommandOptionType::String),
    };
    match arg.kind.max_len() {
        Some(max) => option.max_length(max),
        None => option,
    }
}

/// The options for a list of arguments. The catalogue keeps the text parser's order; Discord
/// wants required options first, so they move ahead, each group keeping its order.
fn options(args: &[Arg], tiers: &[TierDef]) -> Vec<CreateCommandOption> {
    let required = args.iter().filter(|a| a.required);
    let optional = args.iter().filter(|a| !a.required);
    required.chain(optional).map(|a| option(a, tiers)).collect()
}

/// The options of one catalogue command: its arguments, or its subcommands with theirs.
fn options_of(spec: &CommandSpec, tiers: &[TierDef]) -> Vec<CreateCommandOption> {
    match spec.params {
        Params::Args(args) => options(args, tiers),
        Params::Subcommands(subs) => subs
            .iter()
            .map(|sub| {
                CreateCommandOption::new(CommandOptionType::SubCommand, sub.name, sub.description)
                    .set_sub_options(options(sub.args, tiers))
            })
            .collect(),
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

#[cfg(test)]
mod tests;
