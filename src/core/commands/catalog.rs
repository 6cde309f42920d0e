//! The command catalogue: every command's name, usage line, one-line summary, who may use it,
//! and its arguments as data. `/help`, usage replies, the platforms' command registration and
//! the writing back of Discord's typed options all read this one table.

use super::args::{Arg, ArgKind, Choice, Params, Subcommand};
use super::{MAX_AMOUNT, MAX_REASON};
use crate::i18n::{self, Lang};

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
        i18n::render(lang, &self.summary_key(), &[])
    }

    /// The usage line in `lang`, as members write it in `form`.
    #[must_use]
    pub fn usage(&self, lang: Lang, form: CommandForm) -> String {
        i18n::render(lang, &self.usage_key(form), &[])
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

const fn member(name: &'static str) -> CommandSpec {
    CommandSpec::new(name, Audience::Member)
}

const fn operator(name: &'static str) -> CommandSpec {
    CommandSpec::new(name, Audience::Operator)
}

const fn arg(name: &'static str, key: &'static str, kind: ArgKind) -> Arg {
    Arg::new(name, key, kind)
}

const fn sub(name: &'static str, key: &'static str, args: &'static [Arg]) -> Subcommand {
    Subcommand::new(name, key, args)
}

const fn choice(value: &'static str, key: &'static str) -> Choice {
    Choice { value, key }
}

/// Reasons people write in a sentence or two.
const SENTENCE: ArgKind = ArgKind::Text {
    max_len: MAX_REASON as u16,
};
/// The parser takes season names of up to 64 characters.
const SEASON_NAME: ArgKind = ArgKind::Text { max_len: 64 };

const BOARDS: &[Choice] = &[
    choice("all", "choice-board-all"),
    choice("week", "choice-board-week"),
    choice("month", "choice-board-month"),
    choice("season", "choice-board-season"),
];

const RANK_FORMATS: &[Choice] = &[choice("card", "choice-rank-card")];

const ERASE_STEPS: &[Choice] = &[
    choice("confirm", "choice-erase-confirm"),
    choice("end", "choice-erase-end"),
];

const ON_OFF: &[Choice] = &[choice("on", "choice-on"), choice("off", "choice-off")];

const SUBSCRIPTION_ACTIONS: &[Choice] = &[choice("cancel", "choice-subscription-cancel")];

const POINTS: &[Arg] = &[
    arg("member", "arg-points-member", ArgKind::Member),
    arg(
        "amount",
        "arg-points-amount",
        ArgKind::Integer {
            min: 1,
            max: MAX_AMOUNT,
        },
    ),
    arg("reason", "arg-points-reason", SENTENCE).optional(),
];

const TERM: &[Arg] = &[
    arg("member", "arg-term-member", ArgKind::Member),
    arg("tier", "arg-term-tier", ArgKind::Tier),
    arg("duration", "arg-term-duration", ArgKind::Duration),
];

/// A comma-separated tag list: room for the most tags of the longest length.
const TAGS: ArgKind = ArgKind::Text { max_len: 200 };

/// A submission's number in `/review list`.
const SUBMISSION: ArgKind = ArgKind::Integer {
    min: 1,
    max: 1_000_000_000_000,
};

const ONE_DROP: &[Arg] = &[arg("id", "arg-drop-id", ArgKind::DropId)];

/// In the drop grammar's order (WHEN, clauses, TEXT); Discord lists the required ones first.
const SCHEDULE: &[Arg] = &[
    arg("when", "arg-drop-when", ArgKind::When),
    arg("every", "arg-drop-every", ArgKind::Repeat)
        .optional()
        .after("every"),
    arg("to", "arg-drop-to", ArgKind::Channels)
        .optional()
        .after("to"),
    arg("tier", "arg-drop-tier", ArgKind::Tier)
        .optional()
        .after("tier"),
    arg("tags", "arg-drop-tags", TAGS).optional().after("tags"),
    // The drop grammar's limit on the text.
    arg("text", "arg-drop-text", ArgKind::Post),
];

/// Every command, in the order `/help` lists them.
pub const COMMANDS: &[CommandSpec] = &[
    member("help")
        .args(&[arg("command", "arg-help-command", ArgKind::Text { max_len: 32 }).optional()]),
    member("rank").args(&[
        arg("member", "arg-rank-member", ArgKind::Member).optional(),
        arg("format", "arg-rank-format", ArgKind::Choice(RANK_FORMATS)).optional(),
    ]),
    member("leaderboard").args(&[
        arg("board", "arg-leaderboard-board", ArgKind::Choice(BOARDS)).optional(),
        arg("season", "arg-leaderboard-season", SEASON_NAME)
            .optional()
            .after("season"),
        arg(
            "page",
            "arg-leaderboard-page",
            ArgKind::Integer {
                min: 1,
                max: 100_000,
            },
        )
        .optional(),
    ]),
    member("daily"),
    member("thanks").args(&[
        arg("member", "arg-thanks-member", ArgKind::Member),
        arg("reason", "arg-thanks-reason", SENTENCE).optional(),
    ]),
    member("history").args(&[arg("member", "arg-history-member", ArgKind::Member).optional()]),
    member("privacy").subcommands(&[
        sub("hide", "sub-privacy-hide", &[]),
        sub("show", "sub-privacy-show", &[]),
        sub("export", "sub-privacy-export", &[]),
        sub(
            "delete",
            "sub-privacy-delete",
            &[
                arg("step", "arg-privacy-step", ArgKind::Choice(ERASE_STEPS)).optional(),
                arg("member", "arg-privacy-member", ArgKind::Member).optional(),
            ],
        ),
    ]),
    member("language").args(&[arg(
        "language",
        "arg-language-language",
        ArgKind::Text { max_len: 32 },
    )
    .optional()]),
    member("link").args(&[arg("code", "arg-link-code", ArgKind::Text { max_len: 16 }).optional()]),
    member("web"),
    member("membership"),
    member("tiers"),
    member("shop"),
    member("redeem").args(&[arg("reward", "arg-redeem-reward", ArgKind::RewardId)]),
    member("drops").args(&[arg("tag", "arg-drops-tag", ArgKind::Text { max_len: 24 })
        .optional()
        .after("tag")]),
    member("done").args(&[arg("lesson", "arg-done-lesson", ArgKind::DropId)]),
    member("feedback").args(&[
        arg("id", "arg-feedback-id", ArgKind::DropId),
        arg("text", "arg-feedback-text", ArgKind::Text { max_len: 1000 }),
    ]),
    member("progress"),
    member("recommend").args(&[
        arg("weekly", "arg-recommend-weekly", ArgKind::Choice(ON_OFF))
            .optional()
            .after("weekly"),
    ]),
    member("submit").args(&[arg(
        "text",
        "arg-submit-text",
        ArgKind::Text { max_len: 4000 },
    )]),
    member("rules"),
    member("plans"),
    member("subscribe").args(&[arg("plan", "arg-subscribe-plan", ArgKind::PlanId)]),
    member("subscription").args(&[arg(
        "action",
        "arg-subscription-action",
        ArgKind::Choice(SUBSCRIPTION_ACTIONS),
    )
    .optional()]),
    member("paysupport"),
    member("rate").args(&[
        arg("id", "arg-rate-id", ArgKind::DropId),
        arg(
            "stars",
            "arg-rate-stars",
            ArgKind::Integer { min: 1, max: 5 },
        ),
    ]),
    operator("points").subcommands(&[
        sub("add", "sub-points-add", POINTS),
        sub("remove", "sub-points-remove", POINTS),
    ]),
    operator("season").subcommands(&[
        sub(
            "start",
            "sub-season-start",
            &[
                arg("name", "arg-season-name", SEASON_NAME),
                arg("until", "arg-season-until", ArgKind::Date)
                    .optional()
                    .after("until"),
            ],
        ),
        sub("end", "sub-season-end", &[]),
    ]),
    operator("member").subcommands(&[
        sub("grant", "sub-member-grant", TERM),
        sub("extend", "sub-member-extend", TERM),
        sub(
            "revoke",
            "sub-member-revoke",
            &[
                arg("member", "arg-revoke-member", ArgKind::Member),
                arg("tier", "arg-revoke-tier", ArgKind::Tier).optional(),
            ],
        ),
        sub(
            "list",
            "sub-member-list",
            &[arg("tier", "arg-list-tier", ArgKind::Tier).optional()],
        ),
    ]),
    operator("payments").subcommands(&[
        sub(
            "list",
            "sub-payments-list",
            &[arg("member", "arg-payments-member", ArgKind::Member).optional()],
        )
        .unnamed(),
        sub(
            "refund",
            "sub-payments-refund",
            &[arg(
                "id",
                "arg-payments-id",
                ArgKind::Integer {
                    min: 1,
                    max: 1_000_000_000_000,
                },
            )],
        ),
    ]),
    operator("course").subcommands(&[
        sub(
            "create",
            "sub-course-create",
            &[
                arg("id", "arg-course-id", ArgKind::Text { max_len: 32 }),
                arg("title", "arg-course-title", ArgKind::Text { max_len: 100 }),
            ],
        ),
        sub(
            "add",
            "sub-course-add",
            &[
                arg("id", "arg-course-id", ArgKind::Text { max_len: 32 }),
                arg("lesson", "arg-course-lesson", ArgKind::DropId),
            ],
        ),
        sub(
            "remove",
            "sub-course-remove",
            &[
                arg("id", "arg-course-id", ArgKind::Text { max_len: 32 }),
                arg("lesson", "arg-course-lesson", ArgKind::DropId),
            ],
        ),
        sub(
            "tier",
            "sub-course-tier",
            &[
                arg("id", "arg-course-id", ArgKind::Text { max_len: 32 }),
                arg("tier", "arg-course-tier", ArgKind::Tier).optional(),
            ],
        ),
        sub(
            "stats",
            "sub-course-stats",
            &[arg("id", "arg-course-id", ArgKind::Text { max_len: 32 })],
        ),
    ]),
    operator("review").subcommands(&[
        sub("list", "sub-review-list", &[]),
        sub(
            "approve",
            "sub-review-approve",
            &[
                arg("id", "arg-review-id", SUBMISSION),
                arg("when", "arg-drop-when", ArgKind::When).optional(),
                arg("to", "arg-drop-to", ArgKind::Channels)
                    .optional()
                    .after("to"),
                arg("tier", "arg-drop-tier", ArgKind::Tier)
                    .optional()
                    .after("tier"),
                arg("tags", "arg-drop-tags", TAGS).optional().after("tags"),
            ],
        ),
        sub(
            "reject",
            "sub-review-reject",
            &[
                arg("id", "arg-review-id", SUBMISSION),
                arg("reason", "arg-review-reason", SENTENCE),
            ],
        ),
    ]),
    operator("drop").form_usage().subcommands(&[
        sub("schedule", "sub-drop-schedule", SCHEDULE).unnamed(),
        sub("list", "sub-drop-list", &[]),
        sub("show", "sub-drop-show", ONE_DROP),
        sub("cancel", "sub-drop-cancel", ONE_DROP),
        sub("status", "sub-drop-status", ONE_DROP),
        sub("stats", "sub-drop-stats", ONE_DROP),
        sub(
            "tags",
            "sub-drop-tags",
            &[
                arg("id", "arg-drop-id", ArgKind::DropId),
                arg("tags", "arg-drop-tags-set", TAGS),
            ],
        ),
    ]),
];

/// Looks a command up by name (without the slash).
#[must_use]
pub fn find(name: &str) -> Option<&'static CommandSpec> {
    COMMANDS.iter().find(|c| c.name == name)
}

#[cfg(test)]
mod tests;
