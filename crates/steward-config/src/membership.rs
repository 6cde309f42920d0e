//! The membership and drops parts of the config: tiers, shop rewards, named channels,
//! reminders and the catch-up window, checked against each other (ids and ranks unique, names
//! present, references resolved, every channel reaching some chat).

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use chrono::Duration;
use toml::Spanned;

use super::file::{ChannelSection, ConfigFile, TierSection};
use super::problems::Problems;
use super::shape::{SetAside, key_path};
use super::{discord_id, not_empty};
use steward_core::duration::{Term, parse_span, parse_term};
use steward_core::ids::{ChatRef, Platform, PlatformGrant, is_console_name};
use steward_core::tiers::{TierAccess, TierDef};
use steward_i18n::Msg;

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
    /// How many of the drops' deliveries are sent at once (`drops.in_flight`): more reach a
    /// platform's rate, and a kill may repeat that many Telegram posts.
    pub drops_in_flight: usize,
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
            drops_in_flight: 1,
        }
    }
}

/// Reads the sections, reporting each problem; entries `shape` set aside are skipped.
pub(super) fn read(
    file: &mut ConfigFile,
    set_aside: &SetAside,
    problems: &mut Problems<'_>,
) -> MembershipConfig {
    let channels = channels(std::mem::take(&mut file.channels), set_aside, problems);
    let (tiers, ids) = tiers(
        std::mem::take(&mut file.tiers),
        &channels,
        set_aside,
        problems,
    );

    let mut first_line = HashMap::new();
    let mut rewards = Vec::new();
    for (i, r) in std::mem::take(&mut file.rewards).into_iter().enumerate() {
        if set_aside.has(&format!("rewards[{i}]")) {
            continue;
        }
        let id = r.id.get_ref().to_lowercase();
        let id_key = format!("rewards[{i}].id");
        if word(&id, &r.id.span(), &id_key, problems) {
            once(&id, &r.id.span(), &id_key, &mut first_line, problems);
        }
        not_empty(&r.name, &format!("rewards[{i}].name"), problems);
        let tier = r.tier.get_ref().to_lowercase();
        // A tier set aside has no id to match, so a reward naming it is not a second mistake.
        if !ids.contains_key(&tier) && !set_aside.any_entry_of("tiers") {
            problems.add(
                &r.tier.span(),
                &format!("rewards[{i}].tier"),
                format!("`{tier}` is not a tier id"),
            );
        }
        let term = spanned(
            &r.duration,
            &format!("rewards[{i}].duration"),
            problems,
            parse_term,
        );
        rewards.push(Reward {
            id,
            name: r.name.into_inner(),
            cost: *r.cost.get_ref(),
            tier,
            term: term.unwrap_or(Term::Lifetime),
        });
    }

    let reminders = file
        .membership
        .reminders
        .iter()
        .filter_map(|r| spanned(r, "membership.reminders", problems, parse_span))
        .collect();
    let catch_up = spanned(&file.drops.catch_up, "drops.catch_up", problems, parse_span)
        .unwrap_or(Duration::hours(6));
    MembershipConfig {
        tiers,
        rewards,
        channels,
        enforce: file.membership.enforce,
        reminders,
        catch_up,
        drops_in_flight: usize::try_from(file.drops.in_flight.clamp(1, 16)).unwrap_or(1),
    }
}

/// `[channels.NAME]`: each name one word, each naming at least one chat.
fn channels(
    sections: BTreeMap<String, Spanned<ChannelSection>>,
    set_aside: &SetAside,
    problems: &mut Problems<'_>,
) -> BTreeMap<String, Vec<ChatRef>> {
    let mut first_line = HashMap::new();
    let mut channels = BTreeMap::new();
    for (name, section) in sections {
        let key = key_path("channels", &name);
        let span = section.span();
        let c = section.into_inner();
        if name.trim().is_empty() {
            problems.add(&span, &key, "the channel name must not be empty");
        } else if word(&name, &span, &key, problems) {
            // Drops look channels up without case, so `News` and `news` would be one channel.
            once(&name.to_lowercase(), &span, &key, &mut first_line, problems);
        }
        let mut chats = Vec::new();
        if let Some(id) = c
            .discord
            .as_ref()
            .and_then(|id| discord_id(id, &format!("{key}.discord"), "channel", problems))
        {
            chats.push(ChatRef::group(Platform::Discord, id));
        }
        if let Some(id) = c.telegram {
            chats.push(ChatRef::group(Platform::Telegram, id.to_string()));
        }
        if let Some(id) = &c.console {
            if is_console_name(id.get_ref()) {
                chats.push(ChatRef::group(
                    Platform::Console,
                    id.get_ref().to_lowercase(),
                ));
            } else {
                problems.add(
                    &id.span(),
                    &format!("{key}.console"),
                    format!(
                        "`{}` is not a console chat name (1 to 32 letters, digits, - or _)",
                        id.get_ref()
                    ),
                );
            }
        }
        let targets = ["discord", "telegram", "console"];
        let named = c.discord.is_some() || c.telegram.is_some() || c.console.is_some();
        if !named && !targets.iter().any(|t| set_aside.has(&format!("{key}.{t}"))) {
            problems.add(
                &span,
                &key,
                "names no discord, telegram or console chat, so a drop to it would reach no one",
            );
        }
        channels.insert(name.to_lowercase(), chats);
    }
    channels
}

/// Tiers, and the line of each tier id for rewards to refer to.
fn tiers(
    sections: Vec<TierSection>,
    channels: &BTreeMap<String, Vec<ChatRef>>,
    set_aside: &SetAside,
    problems: &mut Problems<'_>,
) -> (Vec<TierDef>, HashMap<String, usize>) {
    let mut ids = HashMap::new();
    let mut ranks: HashMap<u32, (String, usize)> = HashMap::new();
    let mut tiers = Vec::new();
    for (i, t) in sections.into_iter().enumerate() {
        if set_aside.has(&format!("tiers[{i}]")) {
            continue;
        }
        let id = t.id.get_ref().to_lowercase();
        let id_key = format!("tiers[{i}].id");
        if word(&id, &t.id.span(), &id_key, problems) {
            once(&id, &t.id.span(), &id_key, &mut ids, problems);
        }
        not_empty(&t.name, &format!("tiers[{i}].name"), problems);
        let rank = *t.rank.get_ref();
        if let Some((other, line)) = ranks.get(&rank) {
            problems.add(
                &t.rank.span(),
                &format!("tiers[{i}].rank"),
                format!(
                    "rank {rank} is also tier `{other}`'s (line {line}); each tier needs its own rank"
                ),
            );
        } else {
            ranks.insert(rank, (id.clone(), problems.line(&t.rank.span())));
        }
        for channel in &t.gated_channels {
            let name = channel.get_ref().to_lowercase();
            if !channels.contains_key(&name) && !set_aside.has(&key_path("channels", &name)) {
                problems.add(
                    &channel.span(),
                    &format!("tiers[{i}].gated_channels"),
                    format!("`{}` is not a [channels.NAME] entry", channel.get_ref()),
                );
            }
        }
        tiers.push(TierDef {
            id,
            name: t.name.into_inner(),
            rank,
            xp_multiplier: *t.xp_multiplier.get_ref(),
            daily_bonus: t.daily_bonus,
            access: TierAccess {
                grants: t
                    .discord_role
                    .as_ref()
                    .and_then(|role| {
                        discord_id(role, &format!("tiers[{i}].discord_role"), "role", problems)
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
    (tiers, ids)
}

/// Tier ids, reward ids and channel names are typed in commands as one word.
pub(super) fn word(id: &str, span: &Range<usize>, key: &str, problems: &mut Problems<'_>) -> bool {
    let is_word = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !is_word {
        problems.add(span, key, format!("`{id}` must be letters, digits, - or _"));
    }
    is_word
}

/// Reports `id` when `seen` already has it, naming the line of the first.
pub(super) fn once(
    id: &str,
    span: &Range<usize>,
    key: &str,
    seen: &mut HashMap<String, usize>,
    problems: &mut Problems<'_>,
) {
    match seen.get(id) {
        Some(first) => problems.add(
            span,
            key,
            format!("`{id}` is defined twice (also on line {first})"),
        ),
        None => {
            seen.insert(id.to_owned(), problems.line(span));
        }
    }
}

pub(super) fn spanned<T>(
    value: &Spanned<String>,
    key: &str,
    problems: &mut Problems<'_>,
    parse: fn(&str) -> Result<T, Msg>,
) -> Option<T> {
    parse(value.get_ref())
        .map_err(|e| problems.add(&value.span(), key, e.to_string()))
        .ok()
}
