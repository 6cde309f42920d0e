//! `steward.toml`: loading, defaults, environment secrets and validation into typed settings.
//! Every problem names its key and line so `steward check-config` can explain it.

mod file;
mod membership;

use std::collections::HashSet;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::Duration;
use chrono_tz::Tz;
use toml::Spanned;

use crate::core::chats::ChatRules;
use crate::core::daily::DailyRules;
use crate::core::ids::{AccountRef, Platform, PlatformGrant};
use crate::core::levels::LevelReward;
use crate::core::periods::Calendar;
use crate::core::points::MessageXpRules;
use crate::core::thanks::ThanksRules;
use file::ConfigFile;
pub use membership::{MembershipConfig, Reward};

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

/// One thing wrong with a config file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    pub line: Option<usize>,
    pub key: String,
    pub message: String,
}

impl fmt::Display for ConfigProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}: {}", self.key, self.message),
            None => write!(f, "{}: {}", self.key, self.message),
        }
    }
}

/// Why a config could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} has {} problem(s):\n{}", problems.len(), list(problems))]
    Invalid {
        path: PathBuf,
        problems: Vec<ConfigProblem>,
    },
}

fn list(problems: &[ConfigProblem]) -> String {
    problems
        .iter()
        .map(|p| format!("  {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A Discord id (role, channel) as written: a number, or a problem naming the key and line.
pub(super) fn discord_id(
    value: &Spanned<String>,
    key: &str,
    what: &str,
    problem: &mut dyn FnMut(&Range<usize>, &str, String),
) -> Option<String> {
    let id = value.get_ref().trim();
    if id.parse::<u64>().is_ok_and(|n| n > 0) {
        Some(id.to_owned())
    } else {
        problem(
            &value.span(),
            key,
            format!("`{id}` is not a Discord {what} id (a number; copy it with Developer Mode on)"),
        );
        None
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
    /// Loads `path`, or the default file if it exists, or built-in defaults; then applies
    /// secrets from the environment.
    pub fn load(path: Option<&Path>) -> Result<Self, ConfigError> {
        let explicit = path.is_some();
        let path = path.map_or_else(|| PathBuf::from(DEFAULT_PATH), Path::to_path_buf);
        let mut config = match std::fs::read_to_string(&path) {
            Ok(text) => Self::from_toml(&text).map_err(|problems| ConfigError::Invalid {
                path: path.clone(),
                problems,
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => Self::default(),
            Err(source) => return Err(ConfigError::Read { path, source }),
        };
        config.apply_env(|key| std::env::var(key).ok());
        Ok(config)
    }

    /// Secrets from the environment win over the file.
    pub fn apply_env(&mut self, get: impl Fn(&str) -> Option<String>) {
        let secret = |key: &str| get(key).filter(|v| !v.trim().is_empty()).map(Secret);
        if let Some(token) = secret("STEWARD_TELEGRAM_TOKEN") {
            self.telegram.token = Some(token);
        }
        if let Some(token) = secret("STEWARD_DISCORD_TOKEN") {
            self.discord.token = Some(token);
        }
    }

    /// Parses and validates config text, collecting every problem found.
    pub fn from_toml(text: &str) -> Result<Self, Vec<ConfigProblem>> {
        let mut file: ConfigFile = toml::from_str(text).map_err(|e| {
            vec![ConfigProblem {
                line: e.span().map(|s| line_of(text, &s)),
                key: "syntax".into(),
                message: e.message().trim().to_owned(),
            }]
        })?;
        let mut problems = Vec::new();
        let mut problem = |span: &Range<usize>, key: &str, message: String| {
            problems.push(ConfigProblem {
                line: (!span.is_empty()).then(|| line_of(text, span)),
                key: key.into(),
                message,
            });
        };

        let tz_name = file.community.timezone.get_ref();
        let tz = tz_name.parse::<Tz>().unwrap_or_else(|_| {
            problem(
                &file.community.timezone.span(),
                "community.timezone",
                format!("`{tz_name}` is not an IANA timezone name (like Europe/Berlin or UTC)"),
            );
            chrono_tz::UTC
        });
        let mut accounts = |entries: &[Spanned<String>], key: &str| {
            entries
                .iter()
                .filter_map(|entry| {
                    entry
                        .get_ref()
                        .parse::<AccountRef>()
                        .map_err(|e| problem(&entry.span(), key, e))
                        .ok()
                })
                .collect::<Vec<_>>()
        };
        let operators = accounts(&file.community.operators, "community.operators");
        let no_xp_chats = accounts(&file.points.no_xp_chats, "points.no_xp_chats");
        let membership = membership::read(&mut file, &mut problem);

        let p = &file.points;
        for (value, key) in [
            (&p.message_xp_min, "points.message_xp_min"),
            (&p.message_xp_max, "points.message_xp_max"),
            (&p.message_cooldown_secs, "points.message_cooldown_secs"),
            (&p.daily_base, "points.daily_base"),
            (&p.daily_streak_bonus, "points.daily_streak_bonus"),
            (&p.thanks_xp, "points.thanks_xp"),
        ] {
            if !(0..=1_000_000).contains(value.get_ref()) {
                problem(
                    &value.span(),
                    key,
                    format!("{} must be between 0 and 1000000", value.get_ref()),
                );
            }
        }
        if p.message_xp_min.get_ref() > p.message_xp_max.get_ref() {
            problem(
                &p.message_xp_max.span(),
                "points.message_xp_max",
                "must not be below points.message_xp_min".into(),
            );
        }
        let mut level_rewards = Vec::new();
        for reward in &file.level_rewards {
            if *reward.level.get_ref() == 0 {
                problem(
                    &reward.level.span(),
                    "level_rewards.level",
                    "must be 1 or more".into(),
                );
            } else if let Some(role) = discord_id(
                &reward.discord_role,
                "level_rewards.discord_role",
                "role",
                &mut problem,
            ) {
                level_rewards.push(LevelReward {
                    level: *reward.level.get_ref(),
                    grant: PlatformGrant::new(Platform::Discord, role),
                });
            }
        }
        level_rewards.sort_by_key(|r| r.level);
        if file.database.path.trim().is_empty() {
            problem(&(0..0), "database.path", "must name a file".into());
        }
        if !problems.is_empty() {
            return Err(problems);
        }

        Ok(Self {
            community_name: file.community.name,
            calendar: Calendar::new(tz),
            operators: operators.into_iter().collect(),
            level_up_announcements: file.community.level_up_announcements,
            level_rewards,
            database_path: PathBuf::from(file.database.path),
            message_xp: MessageXpRules {
                min_xp: p.message_xp_min.clone().into_inner(),
                max_xp: p.message_xp_max.clone().into_inner(),
                cooldown: Duration::seconds(p.message_cooldown_secs.clone().into_inner()),
                min_length: p.min_message_length,
            },
            chats: chat_rules(&no_xp_chats, &file.telegram.chats, &file.discord.guilds),
            daily: DailyRules {
                base: p.daily_base.clone().into_inner(),
                streak_bonus: p.daily_streak_bonus.clone().into_inner(),
                streak_cap: p.daily_streak_cap,
            },
            thanks: ThanksRules {
                xp: p.thanks_xp.clone().into_inner(),
                per_giver_per_day: p.thanks_per_day,
                words: file.points.thanks_words,
            },
            telegram: TelegramConfig {
                token: file.telegram.token.map(Secret),
                api_url: file.telegram.api_url,
                chats: file.telegram.chats,
            },
            discord: DiscordConfig {
                token: file.discord.token.map(Secret),
                api_url: file.discord.api_url,
                guilds: file.discord.guilds,
            },
            membership,
        })
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

/// 1-based line of a byte offset.
fn line_of(text: &str, span: &Range<usize>) -> usize {
    let end = span.start.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests;
