//! The catalogue's table: every command with its arguments, in the order `/help` lists them.

use super::CommandSpec;
use super::shared::{
    ACCEPT, ANONYMOUS, ASK, BOARDS, CERTIFICATE, DROP_TAGS, DROP_TIER, DROP_TO, ERASE_STEPS,
    EVENT_SEASON, FIRST_TERM_ONLY, INVITE_ACTIONS, ON_OFF, ONE_DROP, ONE_EVENT, POINTS, PROMO_CODE,
    QUESTIONS, RANK_FORMATS, SCHEDULE, SEASON_NAME, SENTENCE, SUBMISSION, SUBSCRIPTION_ACTIONS,
    TAGS, TEAM, TERM, WEB_ACTIONS, arg, member, operator, sub,
};
use crate::commands::args::ArgKind;

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
    member("web").args(&[
        arg("action", "arg-web-action", ArgKind::Choice(WEB_ACTIONS)).optional(),
        arg("member", "arg-web-member", ArgKind::Member).optional(),
    ]),
    member("membership"),
    member("tiers"),
    member("shop"),
    member("redeem").args(&[arg("reward", "arg-redeem-reward", ArgKind::RewardId)]),
    member("drops").args(&[arg("tag", "arg-drops-tag", ArgKind::Text { max_len: 24 })
        .optional()
        .after("tag")]),
    member("rate").args(&[
        arg("id", "arg-rate-id", ArgKind::DropId),
        arg(
            "stars",
            "arg-rate-stars",
            ArgKind::Integer { min: 1, max: 5 },
        ),
    ]),
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
    member("broadcasts").args(&[arg(
        "choice",
        "arg-broadcasts-choice",
        ArgKind::Choice(ON_OFF),
    )]),
    member("rules"),
    member("event").subcommands(&[
        sub("list", "sub-event-list", &[]),
        sub("join", "sub-event-join", ONE_EVENT),
        sub(
            "checkin",
            "sub-event-checkin",
            &[arg("code", "arg-event-code", ArgKind::Text { max_len: 16 })],
        ),
        sub("board", "sub-event-board", ONE_EVENT),
        sub(
            "create",
            "sub-event-create",
            &[
                arg("name", "arg-event-name", ArgKind::Title),
                arg("start", "arg-event-start", ArgKind::When),
                arg("end", "arg-event-end", ArgKind::When),
                arg(
                    "xp",
                    "arg-event-xp",
                    ArgKind::Integer {
                        min: 0,
                        max: 100_000,
                    },
                )
                .optional()
                .after("xp"),
                arg("tier", "arg-event-tier", ArgKind::Tier)
                    .optional()
                    .after("tier"),
                arg("season", "arg-event-season", ArgKind::Choice(EVENT_SEASON)).optional(),
            ],
        ),
    ]),
    member("start").args(&[arg(
        "payload",
        "arg-start-payload",
        ArgKind::Text { max_len: 64 },
    )
    .optional()]),
    member("plans"),
    member("subscribe").args(&[
        arg("plan", "arg-subscribe-plan", ArgKind::PlanId),
        arg("code", "arg-subscribe-code", PROMO_CODE).optional(),
    ]),
    member("subscription").args(&[arg(
        "action",
        "arg-subscription-action",
        ArgKind::Choice(SUBSCRIPTION_ACTIONS),
    )
    .optional()]),
    member("paysupport"),
    member("gift").args(&[
        arg("member", "arg-gift-member", ArgKind::Member),
        arg("plan", "arg-gift-plan", ArgKind::PlanId),
        arg(
            "anonymous",
            "arg-gift-anonymous",
            ArgKind::Choice(ANONYMOUS),
        )
        .optional(),
    ]),
    member("gift_code").args(&[arg("plan", "arg-gift-plan", ArgKind::PlanId)]),
    member("redeem_gift").args(&[arg(
        "code",
        "arg-redeem-gift-code",
        ArgKind::Text { max_len: 32 },
    )]),
    member("invite").args(&[arg(
        "action",
        "arg-invite-action",
        ArgKind::Choice(INVITE_ACTIONS),
    )
    .optional()]),
    member("team").subcommands(TEAM),
    member("certificate").subcommands(CERTIFICATE),
    member("ask").args(ASK),
    member("accept").args(ACCEPT),
    member("questions").args(QUESTIONS),
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
    operator("promo").subcommands(&[
        sub(
            "create",
            "sub-promo-create",
            &[
                arg("code", "arg-promo-code", PROMO_CODE),
                arg("plan", "arg-promo-plan", ArgKind::PlanId),
                // A Stars `price N` instead is typed (Stars are Telegram's): a form needs one
                // discount it can require.
                arg(
                    "percent",
                    "arg-promo-percent",
                    ArgKind::Integer { min: 1, max: 99 },
                )
                .after("percent"),
                arg("until", "arg-promo-until", ArgKind::Date)
                    .optional()
                    .after("until"),
                arg(
                    "uses",
                    "arg-promo-uses",
                    ArgKind::Integer {
                        min: 1,
                        max: 1_000_000,
                    },
                )
                .optional()
                .after("uses"),
                arg(
                    "renewals",
                    "arg-promo-first-term",
                    ArgKind::Choice(FIRST_TERM_ONLY),
                )
                .optional(),
            ],
        ),
        sub("list", "sub-promo-list", &[]),
        sub(
            "end",
            "sub-promo-end",
            &[arg("code", "arg-promo-code", PROMO_CODE)],
        ),
    ]),
    operator("broadcast").subcommands(&[
        sub(
            "send",
            "sub-broadcast-send",
            &[
                arg(
                    "segment",
                    "arg-broadcast-segment",
                    ArgKind::Text { max_len: 64 },
                ),
                arg(
                    "text",
                    "arg-broadcast-text",
                    ArgKind::Text { max_len: 2000 },
                ),
            ],
        )
        .unnamed(),
        sub(
            "status",
            "sub-broadcast-status",
            &[arg(
                "id",
                "arg-broadcast-id",
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
                DROP_TO,
                DROP_TIER,
                DROP_TAGS,
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
