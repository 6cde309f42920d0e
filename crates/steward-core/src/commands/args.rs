//! Command arguments as data: what each argument holds (a member, bounded text or number, one of
//! fixed choices, a tier, a drop or reward id, a duration, a date ...), whether it is required,
//! and how a value given on a form (a Discord slash option) is written back into the one text
//! line the parser reads. Pure: no platform types, no I/O.

use super::CommandSpec;
use steward_i18n::Lang;

/// One fixed value an argument may take, and the locale key of how a menu labels it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub value: &'static str,
    pub key: &'static str,
}

impl Choice {
    #[must_use]
    pub fn label(&self, lang: Lang) -> String {
        steward_i18n::render(lang, self.key, &[])
    }
}

/// What an argument holds; a platform picks its input (member picker, number, menu) from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArgKind {
    /// A member, written `@token`.
    Member,
    /// Free text of at most `max_len` characters.
    Text { max_len: u16 },
    /// A whole number from `min` to `max`.
    Integer { min: i64, max: i64 },
    /// One of a fixed set of values.
    Choice(&'static [Choice]),
    /// A tier id; the choices are the tiers in config, known only when registering.
    Tier,
    /// A drop id, offered while the asker types.
    DropId,
    /// A reward id from `/shop`, offered while the asker types.
    RewardId,
    /// A plan id from `/plans`, offered while the asker types.
    PlanId,
    /// A membership term: `30d`, `12w`, `lifetime`.
    Duration,
    /// A calendar day, `YYYY-MM-DD`.
    Date,
    /// When a drop goes out: `2026-12-01 09:00`, `in 2h`, `tomorrow 09:00`, `now`.
    When,
    /// How a drop repeats: `day`, `mon,thu`, `month 1`, or a cron expression.
    Repeat,
    /// Channel names from config, comma-separated.
    Channels,
    /// The text a drop posts (last on the line, after its clauses).
    Post,
    /// A name of several words in the middle of a line (an event's): quoted when written.
    Title,
    /// A file attached to the command where the platform has such an option (Discord): never
    /// written on the line; the adapter hands it over as the files the command carries.
    Attachment,
}

impl ArgKind {
    /// The longest value worth typing, for kinds typed as text; the parser's own limits where it
    /// has them, so a form refuses what the parser would.
    #[must_use]
    pub fn max_len(self) -> Option<u16> {
        match self {
            Self::Text { max_len } => Some(max_len),
            Self::Date => Some(10),
            Self::Duration => Some(32),
            Self::When => Some(64),
            Self::Repeat => Some(100),
            Self::Channels => Some(1000),
            Self::Post => Some(4000),
            Self::Title => Some(64),
            Self::Member
            | Self::Integer { .. }
            | Self::Choice(_)
            | Self::Tier
            | Self::Attachment
            | Self::DropId
            | Self::RewardId
            | Self::PlanId => None,
        }
    }

    /// `value` as one piece of the text line: the drop grammar reads a `to` list as one word
    /// and a cron rule only in quotes, while people type `lounge, news` and `0 9 * * 1-5`.
    fn written(self, value: &str) -> String {
        match self {
            Self::Repeat => quoted_rule(value),
            Self::Channels => value.replace(' ', ""),
            Self::Post => escaped_post(value),
            Self::Title if value.contains(char::is_whitespace) => {
                format!("\"{}\"", value.replace('"', "'"))
            }
            _ => value.to_owned(),
        }
    }
}

/// A drop's text that starts like a clause (`every day counts`) would be read as one: `--`
/// before it ends the clauses.
fn escaped_post(text: &str) -> String {
    let first = text.split_whitespace().next().unwrap_or_default();
    if crate::drops::grammar::CLAUSE_WORDS
        .iter()
        .any(|w| w.eq_ignore_ascii_case(first))
    {
        format!("-- {text}")
    } else {
        text.to_owned()
    }
}

/// A cron expression must reach the drop grammar in quotes; form users rarely type them.
fn quoted_rule(rule: &str) -> String {
    let looks_like_cron = rule.split_whitespace().count() >= 5 || rule.contains('*');
    if looks_like_cron && !rule.starts_with('"') {
        format!("\"{rule}\"")
    } else {
        rule.to_owned()
    }
}

/// One argument of a command or subcommand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arg {
    pub name: &'static str,
    /// The locale key of its description.
    pub key: &'static str,
    pub kind: ArgKind,
    pub required: bool,
    /// The word the text line puts before the value (`until`, `every`, `to`, `tier`); without
    /// one the value stands in its place.
    pub keyword: Option<&'static str>,
}

impl Arg {
    /// A required argument written in its place.
    #[must_use]
    pub const fn new(name: &'static str, key: &'static str, kind: ArgKind) -> Self {
        Self {
            name,
            key,
            kind,
            required: true,
            keyword: None,
        }
    }

    #[must_use]
    pub const fn optional(self) -> Self {
        Self {
            required: false,
            ..self
        }
    }

    #[must_use]
    pub fn description(&self, lang: Lang) -> String {
        steward_i18n::render(lang, self.key, &[])
    }

    /// Written as `keyword value`.
    #[must_use]
    pub const fn after(self, keyword: &'static str) -> Self {
        Self {
            keyword: Some(keyword),
            ..self
        }
    }
}

/// A subcommand: `/points add`, `/drop show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Subcommand {
    pub name: &'static str,
    /// The locale key of its description.
    pub key: &'static str,
    /// In the order the text line takes them.
    pub args: &'static [Arg],
    /// Whether the text line names it; `/drop schedule` is typed `/drop WHEN ...`.
    pub named: bool,
}

impl Subcommand {
    #[must_use]
    pub const fn new(name: &'static str, key: &'static str, args: &'static [Arg]) -> Self {
        Self {
            name,
            key,
            args,
            named: true,
        }
    }

    #[must_use]
    pub fn description(&self, lang: Lang) -> String {
        steward_i18n::render(lang, self.key, &[])
    }

    /// The form the text line writes without the subcommand's name.
    #[must_use]
    pub const fn unnamed(self) -> Self {
        Self {
            named: false,
            ..self
        }
    }
}

/// What follows a command's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Params {
    /// Arguments, in the order the text line takes them (possibly none).
    Args(&'static [Arg]),
    Subcommands(&'static [Subcommand]),
}

impl CommandSpec {
    /// The arguments of `subcommand` (or of the command itself when it has none).
    #[must_use]
    pub fn args_of(&self, subcommand: Option<&str>) -> Option<&'static [Arg]> {
        match (self.params, subcommand) {
            (Params::Args(args), None) => Some(args),
            (Params::Subcommands(subs), Some(name)) => {
                subs.iter().find(|s| s.name == name).map(|s| s.args)
            }
            _ => None,
        }
    }

    /// Writes a form's values as the text line the parser reads, in the parser's word order.
    /// `value` gives each argument's value as typed (a member as `@token`), `None` when left out.
    /// An unknown subcommand is written as given, so the parser answers with the usage.
    pub fn write_line<F>(&self, subcommand: Option<&str>, mut value: F) -> String
    where
        F: FnMut(&Arg) -> Option<String>,
    {
        let mut words = vec![format!("/{}", self.name)];
        let args = match (self.params, subcommand) {
            (Params::Args(args), _) => args,
            (Params::Subcommands(subs), Some(name)) => match subs.iter().find(|s| s.name == name) {
                Some(sub) => {
                    if sub.named {
                        words.push(sub.name.to_owned());
                    }
                    sub.args
                }
                None => {
                    words.push(name.to_owned());
                    &[]
                }
            },
            (Params::Subcommands(_), None) => &[],
        };
        for arg in args.iter().filter(|a| a.kind != ArgKind::Attachment) {
            let Some(given) = value(arg).filter(|v| !v.trim().is_empty()) else {
                continue;
            };
            // A choice may already have written the keyword: board `season`, then its name.
            if let Some(keyword) = arg.keyword
                && words.last().map(String::as_str) != Some(keyword)
            {
                words.push(keyword.to_owned());
            }
            words.push(arg.kind.written(given.trim()));
        }
        words.join(" ")
    }
}

#[cfg(test)]
mod tests;
