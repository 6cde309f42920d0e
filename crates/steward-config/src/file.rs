//! The shape of `steward.toml` exactly as written, with every default. Values that need checking
//! keep their position in the file so errors can name the line. `schema` describes the same keys
//! for the walk that runs first; the two must agree.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct ConfigFile {
    pub community: CommunitySection,
    pub database: DatabaseSection,
    pub points: PointsSection,
    pub telegram: TelegramSection,
    pub discord: DiscordSection,
    pub tiers: Vec<TierSection>,
    pub rewards: Vec<RewardSection>,
    pub plans: Vec<super::plans::PlanSection>,
    pub promos: Vec<super::promos::PromoSection>,
    pub level_rewards: Vec<LevelRewardSection>,
    pub channels: BTreeMap<String, Spanned<ChannelSection>>,
    pub membership: MembershipSection,
    pub drops: DropsSection,
    pub ledger: LedgerSection,
    pub web: WebSection,
    pub analytics: AnalyticsSection,
    pub learning: LearningSection,
    pub submissions: SubmissionsSection,
    pub referrals: super::referrals::ReferralsSection,
    pub questions: super::questions::QuestionsSection,
    pub gifts: super::gifts::GiftsSection,
    pub courses: Vec<CourseSection>,
    pub stripe: super::stripe::StripeSection,
    pub backup: super::ops::BackupSection,
    pub media: super::media::MediaSection,
    pub log: super::ops::LogSection,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CommunitySection {
    pub name: Spanned<String>,
    pub timezone: Spanned<String>,
    pub language: Spanned<String>,
    pub operators: Vec<Spanned<String>>,
    pub level_up_announcements: bool,
}

impl Default for CommunitySection {
    fn default() -> Self {
        Self {
            name: at("Steward community".into()),
            timezone: Spanned::new(0..0, "UTC".into()),
            language: Spanned::new(0..0, "en".into()),
            operators: Vec::new(),
            level_up_announcements: true,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DatabaseSection {
    pub path: Spanned<String>,
}

impl Default for DatabaseSection {
    fn default() -> Self {
        Self {
            path: at("steward.db".into()),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PointsSection {
    pub message_xp_min: Spanned<i64>,
    pub message_xp_max: Spanned<i64>,
    pub message_cooldown_secs: Spanned<i64>,
    pub min_message_length: usize,
    pub no_xp_chats: Vec<Spanned<String>>,
    pub daily_base: Spanned<i64>,
    pub daily_streak_bonus: Spanned<i64>,
    pub daily_streak_cap: u32,
    pub thanks_xp: Spanned<i64>,
    pub thanks_per_day: u32,
    pub thanks_words: Vec<String>,
}

fn at<T>(value: T) -> Spanned<T> {
    Spanned::new(0..0, value)
}

impl Default for PointsSection {
    fn default() -> Self {
        let thanks = steward_core::thanks::ThanksRules::default();
        Self {
            message_xp_min: at(15),
            message_xp_max: at(25),
            message_cooldown_secs: at(60),
            min_message_length: 1,
            no_xp_chats: Vec::new(),
            daily_base: at(50),
            daily_streak_bonus: at(10),
            daily_streak_cap: 7,
            thanks_xp: at(10),
            thanks_per_day: 5,
            thanks_words: thanks.words,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TelegramSection {
    pub token: Option<String>,
    pub api_url: String,
    pub chats: Vec<i64>,
}

impl Default for TelegramSection {
    fn default() -> Self {
        Self {
            token: None,
            api_url: "https://api.telegram.org".into(),
            chats: Vec::new(),
        }
    }
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct DiscordSection {
    pub token: Option<String>,
    pub api_url: Option<String>,
    pub guilds: Vec<u64>,
}

/// `[[courses]]`: a course declared in config (lessons are added from chat), with the Discord
/// role finishing it gives.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseSection {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    pub tier: Option<Spanned<String>>,
    pub discord_role: Option<Spanned<String>>,
    pub exam: Option<Spanned<i64>>,
    #[serde(default)]
    pub requires_review: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelRewardSection {
    pub level: Spanned<u32>,
    pub discord_role: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TierSection {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub rank: Spanned<u32>,
    #[serde(default = "one")]
    pub xp_multiplier: Spanned<f64>,
    #[serde(default)]
    pub daily_bonus: i64,
    #[serde(default)]
    pub discord_role: Option<Spanned<String>>,
    #[serde(default)]
    pub telegram_chat: Option<i64>,
    #[serde(default)]
    pub gated_channels: Vec<Spanned<String>>,
    #[serde(default)]
    pub description: String,
}

fn one() -> Spanned<f64> {
    at(1.0)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RewardSection {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub cost: Spanned<i64>,
    pub tier: Spanned<String>,
    pub duration: Spanned<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct ChannelSection {
    pub discord: Option<Spanned<String>>,
    pub telegram: Option<i64>,
    pub console: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MembershipSection {
    pub enforce: bool,
    pub reminders: Vec<Spanned<String>>,
}

impl Default for MembershipSection {
    fn default() -> Self {
        Self {
            enforce: true,
            reminders: vec![at("3d".into()), at("1d".into())],
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DropsSection {
    pub catch_up: Spanned<String>,
    pub in_flight: u32,
}

impl Default for DropsSection {
    fn default() -> Self {
        Self {
            catch_up: at("6h".into()),
            in_flight: 1,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LedgerSection {
    pub keep_days: u32,
}

impl Default for LedgerSection {
    fn default() -> Self {
        Self { keep_days: 365 }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AnalyticsSection {
    pub keep_days: u32,
    pub index_a1: f64,
    pub index_a2: f64,
    pub at_risk_days: u32,
    pub weight_f1: f64,
    pub weight_f2: f64,
    pub weight_f3: f64,
}

impl Default for AnalyticsSection {
    fn default() -> Self {
        Self {
            keep_days: 180,
            index_a1: 1.0,
            index_a2: 1.0,
            at_risk_days: 14,
            weight_f1: 1.0,
            weight_f2: 1.0,
            weight_f3: 1.0,
        }
    }
}

/// `[learning]`: what finishing lessons and courses pays.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LearningSection {
    pub lesson_xp: i64,
    pub course_bonus_xp: i64,
    pub recommend_weekly_at: Spanned<String>,
}

impl Default for LearningSection {
    fn default() -> Self {
        Self {
            lesson_xp: 50,
            course_bonus_xp: 200,
            recommend_weekly_at: at("mon 09:00".into()),
        }
    }
}

/// `[submissions]`: what an approved submission pays, how many may wait per member, and the
/// community's rules that review judges against.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SubmissionsSection {
    pub xp: i64,
    pub max_pending: i64,
    pub rules: Vec<String>,
}

impl Default for SubmissionsSection {
    fn default() -> Self {
        Self {
            xp: 100,
            max_pending: 3,
            rules: Vec::new(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct WebSection {
    pub enabled: bool,
    pub listen: Spanned<String>,
    pub public_url: Spanned<String>,
    pub leaderboards: Spanned<String>,
    pub metrics_listen: Spanned<String>,
    pub max_connections: i64,
    pub header_timeout_secs: i64,
    pub request_timeout_secs: i64,
}

impl Default for WebSection {
    fn default() -> Self {
        Self {
            enabled: true,
            listen: at("127.0.0.1:8080".into()),
            public_url: at(String::new()),
            leaderboards: at("members".into()),
            metrics_listen: at(super::DEFAULT_METRICS_LISTEN.into()),
            max_connections: 512,
            header_timeout_secs: 10,
            request_timeout_secs: 30,
        }
    }
}
