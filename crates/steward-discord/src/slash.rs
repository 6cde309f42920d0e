//! The slash commands Steward registers in each community guild: one per entry of the command
//! catalogue, its typed options (members, bounded integers, choices, autocomplete) generated
//! from the catalogue's argument data, operator commands hidden by default permissions, and the
//! "Schedule as drop" message command. Descriptions and menu labels are in the community's
//! language, with Discord's localizations for every locale Steward carries (Discord shows each
//! member the one of their app's language). Knows Discord's option types, not any command by name.

use serenity::builder::{CreateCommand, CreateCommandOption};
use serenity::model::application::{CommandOptionType, CommandType};
use serenity::model::permissions::Permissions;

use crate::core::commands::{Arg, ArgKind, Audience, COMMANDS, CommandSpec, Params};
use crate::core::tiers::TierDef;
use crate::i18n::Lang;
use crate::tr;

/// Discord's locale codes (the ones its clients send), for localizations.
const DISCORD_LOCALES: &[&str] = &[
    "id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu", "nl",
    "no", "pl", "pt-BR", "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi", "th",
    "zh-CN", "ja", "zh-TW", "ko",
];

/// Each Discord locale Steward has words for, with the locale that supplies them: `zh-TW`
/// reads the Chinese Steward carries, `en-GB` and `en-US` the English.
fn localizations() -> Vec<(&'static str, Lang)> {
    DISCORD_LOCALES
        .iter()
        .filter_map(|code| Lang::from_code(code).map(|lang| (*code, lang)))
        .collect()
}

/// One text in the default language, and in each Discord locale Steward has words for.
struct Words {
    default: String,
    localized: Vec<(&'static str, String)>,
}

impl Words {
    fn of(default: Lang, text: impl Fn(Lang) -> String) -> Self {
        Self {
            default: text(default),
            localized: localizations()
                .into_iter()
                .map(|(code, lang)| (code, text(lang)))
                .collect(),
        }
    }
}

/// The name of the message command that schedules a message as a drop.
pub const SCHEDULE_AS_DROP: &str = "Schedule as drop"; // not translated: Discord matches it

/// Discord allows at most 25 choices on one option.
const MAX_CHOICES: usize = 25;

/// Drop ids Discord lets people type; far above any drop count, well inside Discord's range.
const MAX_DROP_ID: u64 = i32::MAX as u64;

/// serenity takes unsigned integer bounds; the catalogue has no negative ones (a test checks).
fn bound(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// The option for one catalogue argument.
fn option(arg: &Arg, tiers: &[TierDef], lang: Lang) -> CreateCommandOption {
    let of = |kind| {
        let words = Words::of(lang, |l| arg.description(l));
        words.localized.into_iter().fold(
            CreateCommandOption::new(kind, arg.name, words.default).required(arg.required),
            |o, (code, text)| o.description_localized(code, text),
        )
    };
    let option = match arg.kind {
        ArgKind::Member => of(CommandOptionType::User),
        ArgKind::Integer { min, max } => of(CommandOptionType::Integer)
            .min_int_value(bound(min))
            .max_int_value(bound(max)),
        ArgKind::DropId => of(CommandOptionType::Integer)
            .min_int_value(1)
            .max_int_value(MAX_DROP_ID)
            .set_autocomplete(true),
        ArgKind::RewardId | ArgKind::PlanId => of(CommandOptionType::String).set_autocomplete(true),
        ArgKind::Choice(choices) => {
            choices
                .iter()
                .take(MAX_CHOICES)
                .fold(of(CommandOptionType::String), |o, c| {
                    let words = Words::of(lang, |l| c.label(l));
                    o.add_string_choice_localized(words.default, c.value, words.localized)
                })
        }
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
        | ArgKind::Post
        | ArgKind::Title => of(CommandOptionType::String),
        ArgKind::Attachment => of(CommandOptionType::Attachment),
    };
    match arg.kind.max_len() {
        Some(max) => option.max_length(max),
        None => option,
    }
}

/// The options for a list of arguments. The catalogue keeps the text parser's order; Discord
/// wants required options first, so they move ahead, each group keeping its order.
fn options(args: &[Arg], tiers: &[TierDef], lang: Lang) -> Vec<CreateCommandOption> {
    let required = args.iter().filter(|a| a.required);
    let optional = args.iter().filter(|a| !a.required);
    required
        .chain(optional)
        .map(|a| option(a, tiers, lang))
        .collect()
}

/// The options of one catalogue command: its arguments, or its subcommands with theirs.
fn options_of(spec: &CommandSpec, tiers: &[TierDef], lang: Lang) -> Vec<CreateCommandOption> {
    match spec.params {
        Params::Args(args) => options(args, tiers, lang),
        Params::Subcommands(subs) => subs
            .iter()
            .map(|sub| {
                let words = Words::of(lang, |l| sub.description(l));
                let option = CreateCommandOption::new(
                    CommandOptionType::SubCommand,
                    sub.name,
                    words.default,
                )
                .set_sub_options(options(sub.args, tiers, lang));
                words.localized.into_iter().fold(option, |o, (code, text)| {
                    o.description_localized(code, text)
                })
            })
            .collect(),
    }
}

/// Every command to register in a community guild, described in `lang` by default.
#[must_use]
pub fn definitions(tiers: &[TierDef], lang: Lang) -> Vec<CreateCommand> {
    let mut commands: Vec<CreateCommand> = COMMANDS
        .iter()
        .map(|spec| {
            let words = Words::of(lang, |l| spec.summary(l));
            let command = words.localized.into_iter().fold(
                CreateCommand::new(spec.name)
                    .description(words.default)
                    .set_options(options_of(spec, tiers, lang)),
                |c, (code, text)| c.description_localized(code, text),
            );
            match spec.audience {
                Audience::Member => command,
                // Hidden from members; the engine checks again when it runs.
                Audience::Operator => command.default_member_permissions(Permissions::MANAGE_GUILD),
            }
        })
        .collect();
    // The default name stays English: Discord sends it back whatever the member's language.
    let schedule = Words::of(lang, |l| tr!(l, "discord-schedule-as-drop"));
    commands.push(
        schedule.localized.into_iter().fold(
            CreateCommand::new(SCHEDULE_AS_DROP)
                .kind(CommandType::Message)
                .default_member_permissions(Permissions::MANAGE_GUILD),
            |c, (code, name)| c.name_localized(code, name),
        ),
    );
    commands
}

#[cfg(test)]
mod tests;
