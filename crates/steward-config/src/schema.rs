//! The shape `steward.toml` must have: every section and key, the kind of its value and the
//! range of its numbers. Kept as data so one walk (`shape`) can check a whole file and name each
//! mistake; it must agree with the serde structs in `file` (a test reads a file with every key).
//! The ranges are the ones `config.example.toml` documents.

/// What a key's value must be.
#[derive(Debug, Clone, Copy)]
pub(super) enum Kind {
    Text,
    Bool,
    /// A whole number in `min..=max`.
    Int(i64, i64),
    /// Any number (whole or not) in `min..=max`.
    Number(f64, f64),
    List(&'static Kind),
    /// `[name]`: a table with these keys.
    Section(&'static [Field]),
    /// `[[name]]`: a list of tables, each with these keys.
    Sections(&'static [Field]),
    /// `[name.NAME]`: tables under names the user picks, each with these keys.
    Named(&'static [Field]),
}

impl Kind {
    /// What the value at `key` must be, after "must be".
    pub(super) fn expected(self, key: &str) -> String {
        match self {
            Self::Text => "text in quotes".into(),
            Self::Bool => "true or false".into(),
            Self::Int(..) => "a whole number".into(),
            Self::Number(..) => "a number".into(),
            Self::List(_) => "a list in [ ]".into(),
            Self::Section(_) => format!("a section like [{key}]"),
            Self::Sections(_) => format!("a list of [[{key}]] sections"),
            Self::Named(_) => format!("sections like [{key}.NAME]"),
        }
    }
}

/// One key of a table.
#[derive(Debug)]
pub(super) struct Field {
    pub name: &'static str,
    pub kind: Kind,
    pub required: bool,
}

const fn key(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        required: false,
    }
}

const fn required(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        required: true,
    }
}

/// XP and points paid at once: a million is far past any sensible award, and keeps sums of
/// awards (streaks, multipliers) well inside an i64.
const AMOUNT: Kind = Kind::Int(0, 1_000_000);
const ANY_INT: Kind = Kind::Int(i64::MIN, i64::MAX);
const TEXTS: Kind = Kind::List(&Kind::Text);

const COMMUNITY: &[Field] = &[
    key("name", Kind::Text),
    key("timezone", Kind::Text),
    key("language", Kind::Text),
    key("operators", TEXTS),
    key("level_up_announcements", Kind::Bool),
];

const DATABASE: &[Field] = &[key("path", Kind::Text)];

const POINTS: &[Field] = &[
    key("message_xp_min", AMOUNT),
    key("message_xp_max", AMOUNT),
    // A day: a longer cooldown would stop message XP for most members altogether.
    key("message_cooldown_secs", Kind::Int(0, 86_400)),
    // Telegram's longest message; Discord's is shorter.
    key("min_message_length", Kind::Int(0, 4096)),
    key("no_xp_chats", TEXTS),
    key("daily_base", AMOUNT),
    key("daily_streak_bonus", AMOUNT),
    key("daily_streak_cap", Kind::Int(0, 365)),
    key("thanks_xp", AMOUNT),
    key("thanks_per_day", Kind::Int(0, 100)),
    key("thanks_words", TEXTS),
];

const TELEGRAM: &[Field] = &[
    key("token", Kind::Text),
    key("api_url", Kind::Text),
    key("chats", Kind::List(&ANY_INT)),
];

const DISCORD: &[Field] = &[
    key("token", Kind::Text),
    key("api_url", Kind::Text),
    key("guilds", Kind::List(&Kind::Int(1, i64::MAX))),
];

const TIERS: &[Field] = &[
    required("id", Kind::Text),
    required("name", Kind::Text),
    required("rank", Kind::Int(0, 1000)),
    key("xp_multiplier", Kind::Number(0.0, 10.0)),
    key("daily_bonus", AMOUNT),
    key("discord_role", Kind::Text),
    key("telegram_chat", ANY_INT),
    key("gated_channels", TEXTS),
    key("description", Kind::Text),
];

const REWARDS: &[Field] = &[
    required("id", Kind::Text),
    required("name", Kind::Text),
    // A free reward would hand out tiers to anyone who asks.
    required("cost", Kind::Int(1, 1_000_000_000)),
    required("tier", Kind::Text),
    required("duration", Kind::Text),
];

const PLANS: &[Field] = &[
    required("id", Kind::Text),
    required("tier", Kind::Text),
    required("term", Kind::Text),
    key("stars", Kind::Int(1, 10_000)),
    key("stripe_price", Kind::Text),
    key("grace", Kind::Text),
    key("trial", Kind::Text),
    key("discord_sku", Kind::Text),
    key("seats", Kind::Bool),
    key("stripe_gift_price", Kind::Text),
];

const PROMOS: &[Field] = &[
    required("code", Kind::Text),
    required("plan", Kind::Text),
    key("percent", Kind::Int(1, 99)),
    key("price", Kind::Int(1, 10_000)),
    key("until", Kind::Text),
    key("uses", Kind::Int(1, 1_000_000)),
    key("first_term_only", Kind::Bool),
];

const COURSES: &[Field] = &[
    required("id", Kind::Text),
    required("title", Kind::Text),
    key("tier", Kind::Text),
    key("discord_role", Kind::Text),
    key("exam", Kind::Int(1, i64::MAX)),
    key("requires_review", Kind::Bool),
];

const LEVEL_REWARDS: &[Field] = &[
    required("level", Kind::Int(1, 1000)),
    required("discord_role", Kind::Text),
];

const CHANNEL: &[Field] = &[
    key("discord", Kind::Text),
    key("telegram", ANY_INT),
    key("console", Kind::Text),
];

const MEMBERSHIP: &[Field] = &[key("enforce", Kind::Bool), key("reminders", TEXTS)];

const DROPS: &[Field] = &[
    key("catch_up", Kind::Text),
    key("in_flight", Kind::Int(1, 16)),
];

// 0 keeps detail for ever; a hundred years is as good as for ever.
const LEDGER: &[Field] = &[key("keep_days", Kind::Int(0, 36_500))];

// Per-member-per-day rows; the counters are kept for ever.
const ANALYTICS: &[Field] = &[
    key("keep_days", Kind::Int(0, 36_500)),
    key("index_a1", Kind::Number(0.0, 100.0)),
    key("index_a2", Kind::Number(0.0, 100.0)),
    key("at_risk_days", Kind::Int(1, 365)),
    key("weight_f1", Kind::Number(0.0, 100.0)),
    key("weight_f2", Kind::Number(0.0, 100.0)),
    key("weight_f3", Kind::Number(0.0, 100.0)),
];

const STRIPE: &[Field] = &[key("api_url", Kind::Text), key("mode", Kind::Text)];

// Learning XP may be worth more than chat XP; it is still an amount like any other.
const LEARNING: &[Field] = &[
    key("lesson_xp", AMOUNT),
    key("course_bonus_xp", AMOUNT),
    key("recommend_weekly_at", Kind::Text),
];

const SUBMISSIONS: &[Field] = &[
    key("xp", AMOUNT),
    key("max_pending", Kind::Int(1, 100)),
    key("rules", TEXTS),
];

const REFERRALS: &[Field] = &[
    key("xp", AMOUNT),
    key("days", Kind::Int(0, 365)),
    key("hold", Kind::Text),
];

const QUESTIONS: &[Field] = &[
    key("discord_channel", Kind::Text),
    key("telegram_topic", Kind::Int(1, i32::MAX as i64)),
    key("accepted_xp", AMOUNT),
    key("bounty_days", Kind::Int(1, 365)),
    key("per_day", Kind::Int(1, 1000)),
];

const GIFTS: &[Field] = &[key("valid_days", Kind::Int(1, 3650))];

const WEB: &[Field] = &[
    key("enabled", Kind::Bool),
    key("listen", Kind::Text),
    key("public_url", Kind::Text),
    key("leaderboards", Kind::Text),
    key("metrics_listen", Kind::Text),
    key("max_connections", Kind::Int(1, 65_536)),
    key("header_timeout_secs", Kind::Int(1, 10)),
    key("request_timeout_secs", Kind::Int(1, 300)),
];

// At most a year's worth of daily backups; 0 would delete each backup as it is made.
const BACKUP: &[Field] = &[
    key("every", Kind::Text),
    key("keep", Kind::Int(1, 366)),
    key("dir", Kind::Text),
];

const MEDIA: &[Field] = &[
    key("dir", Kind::Text),
    key("max_bytes", Kind::Int(1, i64::MAX)),
    key("keep_days", Kind::Int(0, 3650)),
];

const LOG: &[Field] = &[key("format", Kind::Text)];

/// The whole file.
pub(super) const ROOT: &[Field] = &[
    key("community", Kind::Section(COMMUNITY)),
    key("database", Kind::Section(DATABASE)),
    key("points", Kind::Section(POINTS)),
    key("telegram", Kind::Section(TELEGRAM)),
    key("discord", Kind::Section(DISCORD)),
    key("tiers", Kind::Sections(TIERS)),
    key("rewards", Kind::Sections(REWARDS)),
    key("plans", Kind::Sections(PLANS)),
    key("promos", Kind::Sections(PROMOS)),
    key("level_rewards", Kind::Sections(LEVEL_REWARDS)),
    key("courses", Kind::Sections(COURSES)),
    key("channels", Kind::Named(CHANNEL)),
    key("membership", Kind::Section(MEMBERSHIP)),
    key("drops", Kind::Section(DROPS)),
    key("ledger", Kind::Section(LEDGER)),
    key("analytics", Kind::Section(ANALYTICS)),
    key("learning", Kind::Section(LEARNING)),
    key("submissions", Kind::Section(SUBMISSIONS)),
    key("referrals", Kind::Section(REFERRALS)),
    key("questions", Kind::Section(QUESTIONS)),
    key("gifts", Kind::Section(GIFTS)),
    key("web", Kind::Section(WEB)),
    key("stripe", Kind::Section(STRIPE)),
    key("backup", Kind::Section(BACKUP)),
    key("media", Kind::Section(MEDIA)),
    key("log", Kind::Section(LOG)),
];
