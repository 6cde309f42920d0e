//! The command catalogue: every command's name, usage line, one-line summary, who may use it,
//! and its arguments as data. `/help`, usage replies, the platforms' command registration and
//! the writing back of Discord's typed options all read this one table.

mod shared;
mod table;

pub use table::COMMANDS;

use super::args::{Arg, Params, Subcommand};
use steward_i18n::Lang;

/// Who may run a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Member,
    Operator,
}

/// How a platform's members write commands: a typed line (`/points add @alice 50`) or a form
/// of named options (Discord's slash commands), whose usage line reads differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommandForm {
    Typed,
    Form,
}

/// One command as users see it. Its words live in the locale files: `cmd-NAME` (the one-line
/// summary), `cmd-NAME-usage` (the usage line) and, for commands whose form reads differently,
/// `cmd-NAME-usage-form`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommandSpec {
    pub name: &'static str,
    pub audience: Audience,
    /// Whether the form's usage line differs from the typed one (slash subcommands).
    pub form_usage: bool,
    /// What follows the name: arguments, or subcommands with theirs.
    pub params: Params,
}

impl CommandSpec {
    const fn new(name: &'static str, audience: Audience) -> Self {
        Self {
            name,
            audience,
            form_usage: false,
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

    const fn form_usage(self) -> Self {
        Self {
            form_usage: true,
            ..self
        }
    }

    /// The one-line summary in `lang`.
    #[must_use]
    pub fn summary(&self, lang: Lang) -> String {
        steward_i18n::render(lang, &self.summary_key(), &[])
    }

    /// The usage line in `lang`, as members write it in `form`.
    #[must_use]
    pub fn usage(&self, lang: Lang, form: CommandForm) -> String {
        steward_i18n::render(lang, &self.usage_key(form), &[])
    }

    #[must_use]
    pub fn summary_key(&self) -> String {
        format!("cmd-{}", self.name)
    }

    #[must_use]
    pub fn usage_key(&self, form: CommandForm) -> String {
        match (form, self.form_usage) {
            (CommandForm::Form, true) => format!("cmd-{}-usage-form", self.name),
            _ => format!("cmd-{}-usage", self.name),
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
