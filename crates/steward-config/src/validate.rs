//! What the values of a well-shaped file mean: names, account and chat ids, the timezone, the
//! message XP range, level rewards and the database path, then the typed `Config` built from
//! them (tiers, rewards and channels are `membership`'s). Ranges and kinds were checked by
//! `shape`; values it set aside are skipped here so one mistake is reported once.

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::Duration;
use chrono_tz::Tz;
use toml::Spanned;

use super::file::{ConfigFile, LevelRewardSection};
use super::problems::Problems;
use super::shape::SetAside;
use super::{
    AnalyticsConfig, Config, DiscordConfig, Secret, TelegramConfig, chat_rules, content,
    discord_id, gifts, media, membership, ops, plans, promos, questions, referrals, stripe, web,
};
use steward_core::analytics::measures::IndexWeights;
use steward_core::analytics::objectives::ObjectiveWeights;
use steward_core::daily::DailyRules;
use steward_core::ids::{AccountRef, IdOf, Platform, PlatformGrant};
use steward_core::levels::LevelReward;
use steward_core::periods::Calendar;
use steward_core::points::MessageXpRules;
use steward_core::thanks::ThanksRules;
use steward_i18n::Lang;

/// Checks `file` and builds the config from it; the config is only used when no problems were
/// found.
pub(super) fn read(
    mut file: ConfigFile,
    set_aside: &SetAside,
    problems: &mut Problems<'_>,
) -> Config {
    super::not_empty(&file.community.name, "community.name", problems);
    let tz_name = file.community.timezone.get_ref();
    let tz = tz_name.parse::<Tz>().unwrap_or_else(|_| {
        problems.add(
            &file.community.timezone.span(),
            "community.timezone",
            format!("`{tz_name}` is not an IANA timezone name (like Europe/Berlin or UTC)"),
        );
        chrono_tz::UTC
    });
    let language_code = file.community.language.get_ref();
    let language = Lang::from_code(language_code).unwrap_or_else(|| {
        let known: Vec<String> = Lang::all().map(Lang::code).collect();
        problems.add(
            &file.community.language.span(),
            "community.language",
            format!(
                "Steward does not speak `{language_code}`; choose one of {}",
                known.join(", ")
            ),
        );
        Lang::default()
    });
    let operators = accounts(
        &file.community.operators,
        "community.operators",
        IdOf::Member,
        problems,
    );
    let no_xp_chats = accounts(
        &file.points.no_xp_chats,
        "points.no_xp_chats",
        IdOf::Chat,
        problems,
    );
    let membership = membership::read(&mut file, set_aside, problems);
    let plans = plans::read(
        std::mem::take(&mut file.plans),
        &membership.tiers,
        set_aside,
        problems,
    );
    let promos = promos::read(
        std::mem::take(&mut file.promos),
        &plans,
        &Calendar::new(tz),
        set_aside,
        problems,
    );
    let web = web::read(&file.web, problems);
    let stripe = stripe::read(&file.stripe, problems);
    let backup = ops::backup(&file.backup, problems);
    let log_format = ops::log(&file.log, problems);

    let p = &file.points;
    let compared = ["points.message_xp_min", "points.message_xp_max"];
    if p.message_xp_min.get_ref() > p.message_xp_max.get_ref()
        && !compared.iter().any(|key| set_aside.has(key))
    {
        problems.add(
            &p.message_xp_max.span(),
            "points.message_xp_max",
            "must not be below points.message_xp_min",
        );
    }
    let level_rewards = level_rewards(&file.level_rewards, set_aside, problems);
    let courses = content::courses(&file.courses, &membership.tiers, set_aside, problems);
    if file.database.path.get_ref().trim().is_empty() {
        problems.add(
            &file.database.path.span(),
            "database.path",
            "must name a file",
        );
    }

    Config {
        community_name: file.community.name.into_inner(),
        calendar: Calendar::new(tz),
        language,
        operators: operators.into_iter().collect(),
        level_up_announcements: file.community.level_up_announcements,
        level_rewards,
        database_path: PathBuf::from(file.database.path.into_inner()),
        message_xp: MessageXpRules {
            min_xp: *p.message_xp_min.get_ref(),
            max_xp: *p.message_xp_max.get_ref(),
            cooldown: Duration::seconds(*p.message_cooldown_secs.get_ref()),
            min_length: p.min_message_length,
        },
        chats: chat_rules(&no_xp_chats, &file.telegram.chats, &file.discord.guilds),
        daily: DailyRules {
            base: *p.daily_base.get_ref(),
            streak_bonus: *p.daily_streak_bonus.get_ref(),
            streak_cap: p.daily_streak_cap,
        },
        thanks: ThanksRules {
            xp: *p.thanks_xp.get_ref(),
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
        ledger_keep_days: file.ledger.keep_days,
        plans,
        promos,
        referrals: referrals::read(&file.referrals, problems),
        questions: questions::read(&file.questions, problems),
        gift_codes_valid_for: gifts::valid_for(&file.gifts),
        learning: content::learning(&file.learning, problems),
        courses,
        submissions: content::submissions(file.submissions),
        analytics: AnalyticsConfig {
            keep_days: file.analytics.keep_days,
            index_weights: IndexWeights {
                a1: file.analytics.index_a1,
                a2: file.analytics.index_a2,
            },
            at_risk_days: file.analytics.at_risk_days,
            objective_weights: ObjectiveWeights {
                f1: file.analytics.weight_f1,
                f2: file.analytics.weight_f2,
                f3: file.analytics.weight_f3,
            },
        },
        web,
        stripe,
        backup,
        media: media::read(&file.media, problems),
        log_format,
    }
}

/// `platform:id` entries, each checked against its platform's rules for `of`.
fn accounts(
    entries: &[Spanned<String>],
    key: &str,
    of: IdOf,
    problems: &mut Problems<'_>,
) -> Vec<AccountRef> {
    entries
        .iter()
        .filter_map(|entry| {
            AccountRef::parse_checked(entry.get_ref(), of)
                .map_err(|e| problems.add(&entry.span(), key, e.to_string()))
                .ok()
        })
        .collect()
}

/// Level rewards, lowest level first; each level at most once.
fn level_rewards(
    entries: &[LevelRewardSection],
    set_aside: &SetAside,
    problems: &mut Problems<'_>,
) -> Vec<LevelReward> {
    let mut first_line = HashMap::new();
    let mut rewards = Vec::new();
    for (i, reward) in entries.iter().enumerate() {
        if set_aside.has(&format!("level_rewards[{i}]")) {
            continue;
        }
        let level = *reward.level.get_ref();
        if let Some(first) = first_line.get(&level) {
            problems.add(
                &reward.level.span(),
                &format!("level_rewards[{i}].level"),
                format!("level {level} is listed twice (also on line {first})"),
            );
        } else {
            first_line.insert(level, problems.line(&reward.level.span()));
        }
        if let Some(role) = discord_id(
            &reward.discord_role,
            "level_rewards.discord_role",
            "role",
            problems,
        ) {
            rewards.push(LevelReward {
                level,
                grant: PlatformGrant::new(Platform::Discord, role),
            });
        }
    }
    rewards.sort_by_key(|r| r.level);
    rewards
}
