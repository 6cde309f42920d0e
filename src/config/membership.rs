//! The membership and drops parts of the config: tiers, shop rewards, named channels,
//! reminders and the catch-up window, checked against each other.

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

use chrono::Duration;
use toml::Spanned;

use super::discord_id;
use super::file::ConfigFile;
use crate::core::duration::{Term, parse_span, parse_term};
use crate::core::ids::{ChatRef, Platform, PlatformGrant};
use crate::core::tiers::{TierAccess, TierDef};

/// A shop reward: points for a term of a tier.
#[derive(Debug, Clone, PartialEq)]
pub struct Reward {
    pub id: String,
    pub name: String,
    pub cost: i64,
    pub tier: String,
    pub term: Term,
}

/// What the membership and drops sections say, validated.
#[derive(Debug, Clone)]
pub struct MembershipConfig {
    pub tiers: Vec<TierDef>,
    pub rewards: Vec<Reward>,
    /// Named drop targets: each maps to chats on one or more platforms.
    pub channels: BTreeMap<String, Vec<ChatRef>>,
    /// `false`: a dry run that removes no one and reports who would lose access.
    pub enforce: bool,
    pub reminders: Vec<Duration>,
    pub catch_up: Duration,
}

impl Default for MembershipConfig {
    fn default() -> Self {
        Self {
            tiers: Vec::new(),
            rewards: Vec::new(),
            channels: BTreeMap::new(),
            enforce: true,
            reminders: vec![Duration::days(3), Duration::days(1)],
            catch_up: Duration::hours(6),
        }
    }
}

/// Reads the sections, reporting each problem through `problem(span, key, message)`.
pub(super) fn read(
    file: &mut ConfigFile,
    problem: &mut dyn FnMut(&Range<usize>, &str, String),
) -> MembershipConfig {
    let channels: BTreeMap<String, Vec<ChatRef>> = std::mem::take(&mut file.channels)
        .into_iter()
        .map(|(name, c)| {
            let mut chats = Vec::new();
            if let Some(id) = c.discord.as_ref().and_then(|id| {
                discord_id(id, &format!("channels.{name}.discord"), "channel", problem)
            }) {
                chats.push(ChatRef::group(Platform::Discord, id));
            }
            if let Some(id) = c.telegram {
                chats.push(ChatRef::group(Platform::Telegram, id.to_string()));
            }
            if let Some(id) = c.console {
                chats.push(ChatRef::group(Platform::Console, id));
            }
            (name.to_lowercase(), chats)
        })
        .collect();

    let mut ids = HashSet::new();
    let mut tiers = Vec::new();
    for (i, t) in std::mem::take(&mut file.tiers).into_iter().enumerate() {
        let id = t.id.get_ref().to_lowercase();
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            problem(
                &t.id.span(),
                &format!("tiers[{i}].id"),
                format!("`{id}` must be letters, digits, - or _"),
            );
        } else if !ids.insert(id.clone()) {
            problem(
                &t.id.span(),
                &format!("tiers[{i}].id"),
                format!("`{id}` is defined twice"),
            );
        }
        if !(0.0..=10.0).contains(t.xp_multiplier.get_ref()) {
            problem(
                &t.xp_multiplier.span(),
                &format!("tiers[{i}].xp_multiplier"),
                "must be between 0 and 10".into(),
            );
        }
        for channel in &t.gated_channels {
            if !channels.contains_key(&channel.get_ref().to_lowercase()) {
                problem(
                    &channel.span(),
                    &format!("tiers[{i}].gated_channels"),
                    format!("`{}` is not a [channels.NAME] entry", channel.get_ref()),
                );
            }
        }
        tiers.push(TierDef {
            id,
            name: t.name,
            rank: t.rank,
            xp_multiplier: *t.xp_multiplier.get_ref(),
            daily_bonus: t.daily_bonus,
            access: TierAccess {
                grants: t
                    .discord_role
                    .as_ref()
                    .and_then(|role| {
                        discord_id(role, &format!("tiers[{i}].discord_role"), "role", problem)
                    })
                    .map(|role| PlatformGrant::new(Platform::Discord, role))
                    .into_iter()
                    .chain(
                        t.telegram_chat
                            .map(|chat| PlatformGrant::new(Platform::Telegram, chat.to_string())),
                    )
                    .collect(),
            },
            gated_channels: t
                .gated_channels
                .iter()
                .map(|c| c.get_ref().to_lowercase())
                .collect(),
            description: t.description,
        });
    }

    let mut rewards = Vec::new();
    for (i, r) in std::mem::take(&mut file.rewards).into_iter().enumerate() {
        let tier = r.tier.get_ref().to_lowercase();
        if !ids.contains(&tier) {
            problem(
                &r.tier.span(),
                &format!("rewards[{i}].tier"),
                format!("`{tier}` is not a tier id"),
            );
        }
        if *r.cost.get_ref() < 1 {
            problem(
                &r.cost.span(),
                &format!("rewards[{i}].cost"),
                "must be at least 1".into(),
            );
        }
        let term = spanned(
            &r.duration,
            &format!("rewards[{i}].duration"),
            problem,
            parse_term,
        );
        rewards.push(Reward {
            id: r.id.get_ref().to_lowercase(),
            name: r.name,
            cost: *r.cost.get_ref(),
            tier,
            term: term.unwrap_or(Term::Lifetime),
        });
    }

    let reminders = file
        .membership
        .reminders
        .iter()
        .filter_map(|r| spanned(r, "membership.reminders", problem, parse_span))
        .collect();
    let catch_up = spanned(&file.drops.catch_up, "drops.catch_up", problem, parse_span)
        .unwrap_or(Duration::hours(6));
    MembershipConfig {
        tiers,
        rewards,
        channels,
        enforce: file.membership.enforce,
        reminders,
        catch_up,
    }
}

fn spanned<T>(
    value: &Spanned<String>,
    key: &str,
    problem: &mut dyn FnMut(&Range<usize>, &str, String),
    parse: fn(&str) -> Result<T, String>,
) -> Option<T> {
    parse(value.get_ref())
        .map_err(|e| problem(&value.span(), key, e))
        .ok()
}
