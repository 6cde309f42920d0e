//! `steward.toml`: loading, defaults, environment secrets and validation into typed settings.
//! Every problem names its key and line so `steward check-config` can explain it, and every
//! problem in a file is reported at once. A file goes through four steps: the TOML parser (a
//! syntax error stops here), `shape` (keys, kinds and ranges against `schema`), serde into
//! `file`'s structs, and `validate` with `membership` (what the values mean together).

mod content;
mod env;
mod file;
mod gifts;
pub mod media;
mod membership;
mod ops;
mod plans;
mod problems;
pub mod promos;
pub mod questions;
pub mod referrals;
mod schema;
mod shape;
mod stripe;
mod validate;
mod web;

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;
use toml::de::DeTable;

pub use content::{CourseConfig, LearningRules, SubmissionRules};
pub use env::variables as env_variables;
use file::ConfigFile;
pub use membership::{MembershipConfig, Reward};
pub use ops::{BackupConfig, LogFormat};
use problems::Problems;
pub use problems::{ConfigError, ConfigProblem};
use steward_core::chats::ChatRules;
use steward_core::daily::DailyRules;
use steward_core::ids::{AccountRef, Platform};
use steward_core::levels::LevelReward;
use steward_core::periods::Calendar;
use steward_core::points::MessageXpRules;
use steward_core::thanks::ThanksRules;
use steward_i18n::Lang;
pub use stripe::{StripeConfig, StripeMode};
pub use web::{DEFAULT_METRICS_LISTEN, ServerLimits, WebConfig};

/// The default config file name, looked up in the working directory.
pub const DEFAULT_PATH: &str = "steward.toml";

/// A token or other secret; never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    #[must_use]
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// Validated settings for one community.
#[derive(Debug, Clone)]
pub struct Config {
    pub community_name: String,
    pub calendar: Calendar,
    /// The community's language: public posts, and replies to members who chose none and
    /// whose app does not say.
    pub language: Lang,
    pub operators: HashSet<AccountRef>,
    pub level_up_announcements: bool,
    /// Discord roles given at levels, lowest level first.
    pub level_rewards: Vec<LevelReward>,
    pub database_path: PathBuf,
    pub message_xp: MessageXpRules,
    /// Which chats are the community's, and which of them earn no XP.
    pub chats: ChatRules,
    pub daily: DailyRules,
    pub thanks: ThanksRules,
    pub telegram: TelegramConfig,
    pub discord: DiscordConfig,
    pub membership: MembershipConfig,
    /// Days the ledger keeps each member's day-by-day awards before they roll up into one row
    /// per member; 0 keeps them for ever.
    pub ledger_keep_days: u32,
    pub web: WebConfig,
    pub analytics: AnalyticsConfig,
    pub learning: LearningRules,
    pub submissions: SubmissionRules,
    /// Courses declared in config (`[[courses]]`), made on start-up.
    pub courses: Vec<CourseConfig>,
    /// Tiers on sale (`[[plans]]`).
    pub plans: Vec<steward_core::payments::Plan>,
    /// Promo codes set up in the file (`[[promos]]`), written to the database on start-up.
    pub promos: Vec<steward_core::payments::promo::Promo>,
    /// Questions, answers and bounties (`[questions]`).
    pub questions: questions::QuestionRules,
    /// What inviting someone who pays earns (`[referrals]`).
    pub referrals: referrals::ReferralRules,
    /// How long a gift code stays good (`gifts.valid_days`).
    pub gift_codes_valid_for: chrono::Duration,
    pub stripe: StripeConfig,
    /// Scheduled backups (`[backup]`).
    pub backup: BackupConfig,
    /// Where the files drops carry are kept (`[media]`).
    pub media: media::MediaConfig,
    /// How log lines are written (`log.format`).
    pub log_format: LogFormat,
}

/// What the dashboard keeps and how it weighs the activity index.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AnalyticsConfig {
    /// Days each member's per-day activity rows are kept; 0 keeps them for ever. The counters
    /// the dashboard reads are kept for ever.
    pub keep_days: u32,
    pub index_weights: steward_core::analytics::measures::IndexWeights,
    /// Days without activity that put a paid member whose renewal is near at risk.
    pub at_risk_days: u32,
    /// The weights of activity, content quality and revenue in the objectives' weekly sum.
    pub objective_weights: steward_core::analytics::objectives::ObjectiveWeights,
}

#[derive(Debug, Clone)]
pub struct TelegramConfig {
    pub token: Option<Secret>,
    pub api_url: String,
    pub chats: Vec<i64>,
}

#[derive(Debug, Clone)]
pub struct DiscordConfig {
    pub token: Option<Secret>,
    pub api_url: Option<String>,
    pub guilds: Vec<u64>,
}

/// A Discord id (role, channel) as written: a number, or a problem naming the key and line.
fn discord_id(
    value: &Spanned<String>,
    key: &str,
    what: &str,
    problems: &mut Problems<'_>,
) -> Option<String> {
    let id = value.get_ref().trim();
    if id.parse::<u64>().is_ok_and(|n| n > 0) {
        Some(id.to_owned())
    } else {
        problems.add(
            &value.span(),
            key,
            format!("`{id}` is not a Discord {what} id (a number; copy it with Developer Mode on)"),
        );
        None
    }
}

/// A name people see: reported when blank, since a blank name reads as a missing one.
fn not_empty(value: &Spanned<String>, key: &str, problems: &mut Problems<'_>) {
    if value.get_ref().trim().is_empty() {
        problems.add(&value.span(), key, "must not be empty");
    }
}

impl Default for Config {
    fn default() -> Self {
        match Self::from_toml("") {
            Ok(config) => config,
            // The empty file is all defaults, which validate by construction (tested below).
            Err(problems) => unreachable!("built-in defaults are invalid: {problems:?}"),
        }
    }
}

impl Config {
    /// What is valid but will not work as the operator likely means: said at start-up and by
    /// check-config.
    #[must_use]
    pub fn warnings(&self) -> Vec<String> {
        let mut warnings: Vec<String> = self.web.unreachable_links().into_iter().collect();
        if self.stripe.key.is_none() {
            for plan in &self.plans {
                if plan.stripe_price.is_some() && plan.stars.is_none() && plan.discord_sku.is_none()
                {
                    warnings.push(format!(
                        "plan `{}` is sold only by card (stripe_price) but no Stripe key is set \
                         (STEWARD_STRIPE_KEY): nobody can buy it until one is",
                        plan.id
                    ));
                }
            }
        }
        warnings
    }

    /// Loads `path`, or the default file if it exists, or built-in defaults; then applies
    /// secrets from the environment.
    pub fn load(path: Option<&Path>) -> Result<Self, ConfigError> {
        let explicit = path.is_some();
        let path = path.map_or_else(|| PathBuf::from(DEFAULT_PATH), Path::to_path_buf);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => String::new(),
            Err(source) => return Err(ConfigError::Read { path, source }),
        };
        let env = |key: &str| std::env::var(key).ok();
        let mut config =
            Self::from_toml_and_env(&text, env).map_err(|problems| ConfigError::Invalid {
                path: path.clone(),
                problems,
            })?;
        config.apply_env(env)?;
        Ok(config)
    }

    /// Whether `path` (or the default file, when none is given) is a file to read: without
    /// one, [`Config::load`] uses the built-in defaults and the environment.
    #[must_use]
    pub fn file_exists(path: Option<&Path>) -> bool {
        path.unwrap_or_else(|| Path::new(DEFAULT_PATH)).exists()
    }

    /// What only the environment holds (the Stripe key and webhook secret, the metrics token),
    /// and the older names `STEWARD_METRICS_LISTEN` (set but empty: no metrics listener) and the
    /// platform tokens, win over the file. Every key of the file is also read from
    /// `STEWARD_<SECTION>_<KEY>` by [`Config::load`].
    pub fn apply_env(&mut self, get: impl Fn(&str) -> Option<String>) -> Result<(), ConfigError> {
        let secret = |key: &str| get(key).filter(|v| !v.trim().is_empty()).map(Secret);
        if let Some(token) = secret("STEWARD_TELEGRAM_TOKEN") {
            self.telegram.token = Some(token);
        }
        if let Some(token) = secret("STEWARD_DISCORD_TOKEN") {
            self.discord.token = Some(token);
        }
        if let Some(key) = secret("STEWARD_STRIPE_KEY") {
            self.stripe.key = Some(key);
        }
        if let Some(key) = secret("STEWARD_STRIPE_WEBHOOK_SECRET") {
            self.stripe.webhook_key = Some(key);
        }
        if let Some(value) = get("STEWARD_METRICS_LISTEN") {
            let value = value.trim();
            self.web.metrics_listen = if value.is_empty() {
                None
            } else {
                Some(value.parse().map_err(|_| ConfigError::Environment {
                    variable: "STEWARD_METRICS_LISTEN".into(),
                    value: value.to_owned(),
                    key: "web.metrics_listen",
                })?)
            };
        }
        if let Some(token) = secret("STEWARD_METRICS_TOKEN") {
            self.web.metrics_token = Some(token);
        }
        Ok(())
    }

    /// Parses and validates config text, collecting every problem found, in line order.
    pub fn from_toml(text: &str) -> Result<Self, Vec<ConfigProblem>> {
        Self::from_toml_and_env(text, |_| None)
    }

    /// [`Config::from_toml`] with each `STEWARD_<SECTION>_<KEY>` that `get` finds set winning
    /// over the file; a bad value is a problem naming its variable.
    pub fn from_toml_and_env(
        file: &str,
        get: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, Vec<ConfigProblem>> {
        let (text, overrides) = env::gather(file, get);
        // A syntax error stops the parser, so it is the one problem there is to report.
        let mut root =
            DeTable::parse(&text[..file.len()]).map_err(|e| vec![problems::syntax(file, &e)])?;
        env::apply(root.get_mut(), &text, &overrides);
        let variables = overrides
            .iter()
            .map(|o| (o.value.clone(), o.variable.clone()));
        let mut problems = Problems::new(&text).with_variables(variables.collect());
        let set_aside = shape::check(root.get_mut(), &mut problems);
        let file = match ConfigFile::deserialize(toml::de::Deserializer::from(root)) {
            Ok(file) => file,
            // Unreachable while `schema` and `file` agree (tested); if they drift, still say where.
            Err(e) => {
                problems.add(&e.span().unwrap_or(0..0), "config", e.message().trim());
                return Err(problems.sorted());
            }
        };
        let config = validate::read(file, &set_aside, &mut problems);
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(problems.sorted())
        }
    }
}

/// The community's chats: the console everywhere, the listed Telegram groups, every channel of
/// the listed Discord guilds; minus XP in `points.no_xp_chats`.
fn chat_rules(no_xp: &[AccountRef], telegram: &[i64], discord: &[u64]) -> ChatRules {
    let mut rules = ChatRules::default().open_on(Platform::Console);
    for chat in telegram {
        rules = rules.listing(Platform::Telegram, chat.to_string());
    }
    for guild in discord {
        rules = rules.listing(Platform::Discord, guild.to_string());
    }
    for chat in no_xp {
        rules = rules.without_xp(chat.platform, chat.user_id.clone());
    }
    rules
}

#[cfg(test)]
mod tests;
