//! The engine's actions on Discord: channel posts, DMs (paced under the global rate limit),
//! drops with a nonce that Discord enforces (a retry after a crash cannot post twice) and rating
//! buttons, and tier roles, whose permission problems come back with the fix in words.
//!
//! Nothing posted pings anyone: allowed mentions are empty, so a drop that says `@everyone`
//! shows the words without notifying the server.

use std::collections::HashMap;
use std::sync::Arc;

use serenity::builder::{
    CreateActionRow, CreateAllowedMentions, CreateAttachment, CreateButton, CreateMessage,
};
use serenity::http::{Http, HttpError};
use serenity::model::application::ButtonStyle;
use serenity::model::channel::{MessageFlags, Nonce};
use serenity::model::id::{ChannelId, GuildId, RoleId, UserId};
use tokio::sync::Mutex;

use crate::core::commands::{DropButton, RatingButton};
use crate::core::ids::{AccountRef, ChatRef, Platform, PlatformGrant};
use crate::core::levels::LevelReward;
use crate::core::media::Media;
use crate::core::tiers::{TierAccess, TierDef};
use crate::engine::platform::{FetchFuture, OpenFuture, PlatformFuture};
use crate::engine::{
    ChatPlatform, DropTarget, OutboundDrop, OutboundFile, PlatformError, QuestionPost,
};
use crate::i18n::Lang;
use crate::pacer::Pacer;
use crate::{msg, tr};

mod media;
mod threads;

/// Discord's limit on one message's content.
pub(super) const MAX_CONTENT: usize = 2000;

/// Discord's JSON error codes Steward reacts to.
const CANNOT_DM: isize = 50007;
const MISSING_PERMISSIONS: isize = 50013;
const UNKNOWN_MEMBER: isize = 10007;
const UNKNOWN_ROLE: isize = 10011;

/// [`ChatPlatform`] for Discord.
pub struct DiscordPlatform {
    http: Arc<Http>,
    guilds: Vec<u64>,
    /// DM channel per user, so a fan-out opens each channel once.
    dm_channels: Mutex<HashMap<UserId, ChannelId>>,
    /// Every request takes a slot: a fan-out of thousands stays under the global limit.
    pacer: Pacer,
    /// The community's language, for audit log reasons.
    lang: Lang,
    /// Fetches attachments a drop carries.
    media: media::MediaFetcher,
}

impl DiscordPlatform {
    #[must_use]
    pub fn new(http: Arc<Http>, guilds: Vec<u64>, lang: Lang) -> Self {
        Self {
            media: media::MediaFetcher::new(http.proxy.as_deref()),
            http,
            guilds,
            lang,
            dm_channels: Mutex::new(HashMap::new()),
            pacer: Pacer::default(),
        }
    }
}

fn snowflake(id: &str, what: &str) -> Result<u64, PlatformError> {
    id.parse::<u64>()
        .ok()
        .filter(|n| *n != 0)
        .ok_or_else(|| PlatformError::Refused(msg!("discord-bad-id", id = id, what = what)))
}

/// Discord's error code for a refused request, if it was one.
fn json_code(e: &serenity::Error) -> Option<isize> {
    match e {
        serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) => Some(r.error.code),
        _ => None,
    }
}

pub(super) fn platform_error(e: serenity::Error) -> PlatformError {
    if let serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) = &e {
        if r.status_code.as_u16() == 429 {
            // Only reached with the client-side rate limiter off (a local peer); in production
            // serenity waits out 429s itself.
            return PlatformError::RateLimited {
                retry_after_secs: 1,
            };
        }
        if r.error.code == CANNOT_DM {
            return PlatformError::DmClosed(msg!("discord-dms-closed"));
        }
        return PlatformError::Failed(format!("Discord: {}", r.error.message));
    }
    PlatformError::Failed(format!(
        "Discord: {}",
        crate::engine::platform::with_causes(&e)
    ))
}

/// Five buttons that rate a drop, and under a lesson a row with "done".
pub(super) fn drop_buttons(drop: &OutboundDrop) -> Vec<CreateActionRow> {
    let ratings = CreateActionRow::Buttons(
        RatingButton::row(drop.drop_id)
            .map(|button| {
                CreateButton::new(button.custom_id())
                    .label(button.label())
                    .style(ButtonStyle::Secondary)
            })
            .collect(),
    );
    let mut rows = vec![ratings];
    if let Some(label) = &drop.done_label {
        rows.push(CreateActionRow::Buttons(vec![
            CreateButton::new(DropButton::done_id(drop.drop_id))
                .label(label.clone())
                .style(ButtonStyle::Success),
        ]));
    }
    rows
}

impl DiscordPlatform {
    fn message(text: &str) -> CreateMessage {
        CreateMessage::new()
            .content(text)
            .allowed_mentions(CreateAllowedMentions::new())
    }

    async fn send(&self, channel: ChannelId, message: CreateMessage) -> Result<(), PlatformError> {
        self.pacer.slot().await;
        channel
            .send_message(&self.http, message)
            .await
            .map(|_| ())
            .map_err(platform_error)
    }

    async fn post_text(&self, channel: ChannelId, text: &str) -> Result<(), PlatformError> {
        // Long replies (a full /help) are split at line ends rather than refused.
        let mut chunk = String::new();
        for line in text.lines() {
            if !chunk.is_empty() && chunk.len() + line.len() + 1 > MAX_CONTENT {
                self.send(channel, Self::message(&chunk)).await?;
                chunk.clear();
            }
            if !chunk.is_empty() {
                chunk.push('\n');
            }
            chunk.extend(line.chars().take(MAX_CONTENT));
        }
        if chunk.is_empty() {
            return Ok(());
        }
        self.send(channel, Self::message(&chunk)).await
    }

    async fn dm_channel(&self, to: &AccountRef) -> Result<ChannelId, PlatformError> {
        let user = UserId::new(snowflake(&to.user_id, "user")?);
        if let Some(channel) = self.dm_channels.lock().await.get(&user) {
            return Ok(*channel);
        }
        self.pacer.slot().await;
        let channel = user
            .create_dm_channel(&self.http)
            .await
            .map_err(platform_error)?
            .id;
        self.dm_channels.lock().await.insert(user, channel);
        Ok(channel)
    }

    async fn send_dm(&self, to: &AccountRef, message: CreateMessage) -> Result<(), PlatformError> {
        let channel = self.dm_channel(to).await?;
        self.send(channel, message).await
    }

    async fn deliver(&self, to: &DropTarget, drop: &OutboundDrop) -> Result<(), PlatformError> {
        if drop.text.chars().count() > MAX_CONTENT {
            return Err(PlatformError::Refused(msg!(
                "discord-drop-too-long",
                max = MAX_CONTENT
            )));
        }
        // The engine's nonce is unique per (occurrence, target) and short (`steward-d<ID>`);
        // Discord holds at most 25 characters and, with enforce_nonce, answers a repeat within
        // minutes with the first message instead of posting again.
        let nonce = drop
            .nonce
            .get(drop.nonce.len().saturating_sub(25)..)
            .unwrap_or(&drop.nonce);
        let message = Self::message(&drop.text)
            .nonce(Nonce::String(nonce.to_owned()))
            .enforce_nonce(true)
            .components(drop_buttons(drop))
            .add_files(
                drop.media
                    .iter()
                    .map(|f| CreateAttachment::bytes(f.bytes.to_vec(), f.name.clone())),
            );
        match to {
            DropTarget::Chat(chat) => {
                let channel = ChannelId::new(snowflake(&chat.chat_id, "channel")?);
                self.send(channel, message).await
            }
            DropTarget::Dm(account) => self.send_dm(account, message).await,
        }
    }

    /// Adds or removes `role` in every community guild that has it.
    async fn change_role(
        &self,
        who: &AccountRef,
        what: &str,
        role: &str,
        add: bool,
    ) -> Result<(), PlatformError> {
        let user = UserId::new(snowflake(&who.user_id, "user")?);
        let role_id = RoleId::new(snowflake(role, "role")?);
        let reason = if add {
            tr!(self.lang, "discord-audit-role-given", what = what)
        } else {
            tr!(self.lang, "discord-audit-role-ended", what = what)
        };
        let mut changed = false;
        for guild in &self.guilds {
            let guild = GuildId::new(*guild);
            self.pacer.slot().await;
            let result = if add {
                self.http
                    .add_member_role(guild, user, role_id, Some(&reason))
                    .await
            } else {
                self.http
                    .remove_member_role(guild, user, role_id, Some(&reason))
                    .await
            };
            match result {
                Ok(()) => changed = true,
                Err(e) if matches!(json_code(&e), Some(UNKNOWN_MEMBER | UNKNOWN_ROLE)) => {}
                Err(e) if json_code(&e) == Some(MISSING_PERMISSIONS) => {
                    // What an operator must do when Discord refuses a role change.
                    return Err(PlatformError::Refused(msg!(
                        "discord-role-fix",
                        what = what,
                        role = role
                    )));
                }
                Err(e) => return Err(platform_error(e)),
            }
        }
        if changed || !add {
            Ok(())
        } else {
            Err(PlatformError::Refused(msg!(
                "discord-role-nowhere",
                what = what,
                role = role
            )))
        }
    }
}

impl ChatPlatform for DiscordPlatform {
    fn post<'a>(&'a self, chat: &'a ChatRef, text: &'a str) -> PlatformFuture<'a> {
        Box::pin(async move {
            let channel = ChannelId::new(snowflake(&chat.chat_id, "channel")?);
            self.post_text(channel, text).await
        })
    }

    fn dm<'a>(&'a self, to: &'a AccountRef, text: &'a str) -> PlatformFuture<'a> {
        Box::pin(self.send_dm(to, Self::message(text)))
    }

    fn open_question<'a>(&'a self, post: &'a QuestionPost) -> OpenFuture<'a> {
        Box::pin(self.open_thread(post))
    }

    fn dm_quiet<'a>(&'a self, to: &'a AccountRef, text: &'a str) -> PlatformFuture<'a> {
        // No embed: Discord's preview fetcher would open a login link before the member.
        let message = Self::message(text).flags(MessageFlags::SUPPRESS_EMBEDS);
        Box::pin(self.send_dm(to, message))
    }

    fn dm_once<'a>(
        &'a self,
        to: &'a AccountRef,
        text: &'a str,
        key: &'a str,
    ) -> PlatformFuture<'a> {
        // As a drop's: Discord answers a repeated nonce (enforce_nonce, within minutes) with
        // the first message instead of posting again.
        let nonce = key.get(key.len().saturating_sub(25)..).unwrap_or(key);
        let message = Self::message(text)
            .nonce(Nonce::String(nonce.to_owned()))
            .enforce_nonce(true);
        Box::pin(self.send_dm(to, message))
    }

    fn recognises_repeats(&self, platform: Platform) -> bool {
        platform == Platform::Discord
    }

    fn send_file<'a>(&'a self, to: &'a DropTarget, file: &'a OutboundFile) -> PlatformFuture<'a> {
        let attachment = CreateAttachment::bytes(file.bytes.clone(), file.name.clone());
        let message = Self::message(&file.caption).add_file(attachment);
        Box::pin(async move {
            match to {
                DropTarget::Chat(chat) => {
                    let channel = ChannelId::new(snowflake(&chat.chat_id, "channel")?);
                    self.send(channel, message).await
                }
                DropTarget::Dm(account) => self.send_dm(account, message).await,
            }
        })
    }

    fn send_drop<'a>(&'a self, to: &'a DropTarget, drop: &'a OutboundDrop) -> PlatformFuture<'a> {
        Box::pin(self.deliver(to, drop))
    }

    fn upload_limit(&self, _platform: Platform) -> u64 {
        media::UPLOAD_LIMIT
    }

    fn fetch_media<'a>(
        &'a self,
        platform: Platform,
        media: &'a Media,
        max: u64,
    ) -> FetchFuture<'a> {
        Box::pin(async move {
            if platform != Platform::Discord {
                return Err(PlatformError::Gone(msg!("media-not-on-platform")));
            }
            self.media.fetch(media, max).await
        })
    }

    fn grant_access<'a>(
        &'a self,
        to: &'a AccountRef,
        tier: &'a TierDef,
        _lang: Lang,
    ) -> PlatformFuture<'a> {
        Box::pin(async move {
            for role in tier.access.on(Platform::Discord) {
                self.change_role(to, &tier.name, role, true).await?;
            }
            Ok(())
        })
    }

    fn grant_level_reward<'a>(
        &'a self,
        to: &'a AccountRef,
        reward: &'a LevelReward,
    ) -> PlatformFuture<'a> {
        Box::pin(async move {
            if reward.grant.platform != Platform::Discord {
                return Ok(());
            }
            let what = format!("Level {}", reward.level);
            self.change_role(to, &what, &reward.grant.id, true).await
        })
    }

    fn grant_course_role<'a>(
        &'a self,
        to: &'a AccountRef,
        course: &'a str,
        grant: &'a PlatformGrant,
    ) -> PlatformFuture<'a> {
        Box::pin(async move {
            if grant.platform != Platform::Discord {
                return Ok(());
            }
            self.change_role(to, course, &grant.id, true).await
        })
    }

    fn revoke_access<'a>(
        &'a self,
        from: &'a AccountRef,
        tier: &'a TierDef,
        access: &'a TierAccess,
    ) -> PlatformFuture<'a> {
        Box::pin(async move {
            for role in access.on(Platform::Discord) {
                self.change_role(from, &tier.name, role, false).await?;
            }
            Ok(())
        })
    }
}
