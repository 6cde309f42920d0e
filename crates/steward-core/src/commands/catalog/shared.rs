//! What the catalogue's table is written with: the builders of its entries, and the argument
//! kinds, choices and argument lists several commands share (the drop grammar's clauses, which
//! `/drop schedule` and `/review approve` both read, among them).

use super::{Audience, CommandSpec};
use crate::commands::args::{Arg, ArgKind, Choice, Subcommand};
use crate::commands::{MAX_AMOUNT, MAX_REASON};

pub(super) const fn member(name: &'static str) -> CommandSpec {
    CommandSpec::new(name, Audience::Member)
}

pub(super) const fn operator(name: &'static str) -> CommandSpec {
    CommandSpec::new(name, Audience::Operator)
}

pub(super) const fn arg(name: &'static str, key: &'static str, kind: ArgKind) -> Arg {
    Arg::new(name, key, kind)
}

pub(super) const fn sub(name: &'static str, key: &'static str, args: &'static [Arg]) -> Subcommand {
    Subcommand::new(name, key, args)
}

pub(super) const fn choice(value: &'static str, key: &'static str) -> Choice {
    Choice { value, key }
}

/// Reasons people write in a sentence or two.
pub(super) const SENTENCE: ArgKind = ArgKind::Text {
    max_len: MAX_REASON as u16,
};
/// The parser takes season names of up to 64 characters.
pub(super) const SEASON_NAME: ArgKind = ArgKind::Text { max_len: 64 };

pub(super) const BOARDS: &[Choice] = &[
    choice("all", "choice-board-all"),
    choice("week", "choice-board-week"),
    choice("month", "choice-board-month"),
    choice("season", "choice-board-season"),
];

pub(super) const RANK_FORMATS: &[Choice] = &[choice("card", "choice-rank-card")];

pub(super) const ERASE_STEPS: &[Choice] = &[
    choice("confirm", "choice-erase-confirm"),
    choice("end", "choice-erase-end"),
];

pub(super) const ON_OFF: &[Choice] = &[choice("on", "choice-on"), choice("off", "choice-off")];

pub(super) const SUBSCRIPTION_ACTIONS: &[Choice] =
    &[choice("cancel", "choice-subscription-cancel")];

/// A promo code as typed (`promo::CODE_LEN`).
pub(super) const PROMO_CODE: ArgKind = ArgKind::Text { max_len: 24 };

pub(super) const FIRST_TERM_ONLY: &[Choice] =
    &[choice("first-term-only", "choice-promo-first-term")];

pub(super) const ANONYMOUS: &[Choice] = &[choice("anonymous", "choice-gift-anonymous")];

pub(super) const INVITE_ACTIONS: &[Choice] = &[choice("stats", "choice-invite-stats")];
pub(super) const QUESTION_FILTERS: &[Choice] = &[
    choice("open", "choice-questions-open"),
    choice("mine", "choice-questions-mine"),
];

pub(super) const WEB_ACTIONS: &[Choice] = &[choice("logout", "choice-web-logout")];

pub(super) const POINTS: &[Arg] = &[
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

pub(super) const TERM: &[Arg] = &[
    arg("member", "arg-term-member", ArgKind::Member),
    arg("tier", "arg-term-tier", ArgKind::Tier),
    arg("duration", "arg-term-duration", ArgKind::Duration),
];

/// A comma-separated tag list: room for the most tags of the longest length.
pub(super) const TAGS: ArgKind = ArgKind::Text { max_len: 200 };

pub(super) const EVENT_SEASON: &[Choice] = &[choice("season", "choice-event-season")];

pub(super) const ONE_EVENT: &[Arg] = &[arg(
    "id",
    "arg-event-id",
    ArgKind::Integer {
        min: 1,
        max: 1_000_000_000_000,
    },
)];

/// A submission's number in `/review list`.
pub(super) const SUBMISSION: ArgKind = ArgKind::Integer {
    min: 1,
    max: 1_000_000_000_000,
};

pub(super) const ONE_DROP: &[Arg] = &[arg("id", "arg-drop-id", ArgKind::DropId)];

/// The drop grammar's clauses, which `/review approve` reads too.
pub(super) const DROP_TO: Arg = arg("to", "arg-drop-to", ArgKind::Channels)
    .optional()
    .after("to");
pub(super) const DROP_TIER: Arg = arg("tier", "arg-drop-tier", ArgKind::Tier)
    .optional()
    .after("tier");
pub(super) const DROP_TAGS: Arg = arg("tags", "arg-drop-tags", TAGS).optional().after("tags");

/// In the drop grammar's order (WHEN, clauses, TEXT); Discord lists the required ones first.
pub(super) const SCHEDULE: &[Arg] = &[
    arg("when", "arg-drop-when", ArgKind::When),
    arg("every", "arg-drop-every", ArgKind::Repeat)
        .optional()
        .after("every"),
    DROP_TO,
    DROP_TIER,
    DROP_TAGS,
    arg("file", "arg-drop-file", ArgKind::Attachment)
        .optional()
        .after("file"),
    // The drop grammar's limit on the text.
    arg("text", "arg-drop-text", ArgKind::Post),
];

/// `/team`'s forms: the manager's view, making a team, and its seats.
pub(super) const TEAM: &[Subcommand] = &[
    sub("show", "sub-team-show", &[]).unnamed(),
    sub(
        "create",
        "sub-team-create",
        &[
            arg("name", "arg-team-name", ArgKind::Text { max_len: 32 }),
            arg("plan", "arg-team-plan", ArgKind::PlanId),
            arg(
                "seats",
                "arg-team-seats",
                ArgKind::Integer { min: 1, max: 1000 },
            ),
            arg("manager", "arg-team-manager", ArgKind::Member)
                .optional()
                .after("manager"),
        ],
    ),
    sub("renew", "sub-team-renew", &[]),
    sub(
        "add",
        "sub-team-add",
        &[arg("member", "arg-team-member", ArgKind::Member)],
    ),
    sub(
        "remove",
        "sub-team-remove",
        &[arg("member", "arg-team-member", ArgKind::Member)],
    ),
];

/// `/certificate`'s forms: a finished course's certificate, and an operator's revocation.
pub(super) const CERTIFICATE: &[Subcommand] = &[
    sub(
        "get",
        "sub-certificate-get",
        &[
            arg(
                "course",
                "arg-certificate-course",
                ArgKind::Text { max_len: 32 },
            )
            .optional(),
            arg(
                "name",
                "arg-certificate-name",
                ArgKind::Text { max_len: 64 },
            )
            .optional()
            .after("as"),
        ],
    )
    .unnamed(),
    sub(
        "revoke",
        "sub-certificate-revoke",
        &[
            arg("id", "arg-certificate-id", ArgKind::Text { max_len: 19 }),
            arg("reason", "arg-certificate-reason", SENTENCE),
        ],
    ),
];

/// `/ask TITLE [bounty N]`.
pub(super) const ASK: &[Arg] = &[
    arg("title", "arg-ask-title", ArgKind::Text { max_len: 200 }),
    arg(
        "bounty",
        "arg-ask-bounty",
        ArgKind::Integer {
            min: 1,
            max: 1_000_000,
        },
    )
    .optional()
    .after("bounty"),
];

/// `/accept [QUESTION] [@member]` (the answer replied to, when both are left out).
pub(super) const ACCEPT: &[Arg] = &[
    arg(
        "question",
        "arg-accept-question",
        ArgKind::Integer {
            min: 1,
            max: 1_000_000_000,
        },
    )
    .optional(),
    arg("member", "arg-accept-member", ArgKind::Member).optional(),
];

/// `/questions [open|mine] [tag TAG]`.
pub(super) const QUESTIONS: &[Arg] = &[
    arg(
        "filter",
        "arg-questions-filter",
        ArgKind::Choice(QUESTION_FILTERS),
    )
    .optional(),
    arg("tag", "arg-questions-tag", ArgKind::Text { max_len: 24 })
        .optional()
        .after("tag"),
];
