//! The engine's actions on Telegram: messages, DMs, drops (copied with copyMessage when
//! scheduled from a Telegram message, with rating buttons), invite links for tier chats, and
//! removal (ban then unban, never unbanning someone an admin banned).
//!
//! Text goes out without a parse mode, so whatever a drop contains (`_*[]()~>#+-=|{}.!`) shows
//! as typed and can never break the request; formatting comes from copying a message.

use chrono::Utc;
use teloxide::ApiError;
use teloxide::RequestError;
use teloxide::payloads::{
    CopyMessageSetters, CreateChatInviteLinkSetters, SendDocumentSetters, SendMessageSetters,
    SendPhotoSetters, UnbanChatMemberSetters,
};
use teloxide::prelude::Requester;
use teloxide::types::{
    ChatId, InlineKeyboardButton, InlineKeyboardMarkup, InputFile, LinkPreviewOptions, MessageId,
    ThreadId, UserId,
};

use super::TgBot;
use crate::core::commands::{DropButton, RatingButton};
use crate::core::ids::{AccountRef, ChatRef, Platform};
use crate::core::media::Media;
use crate::core::tiers::{TierAccess, TierDef};
use crate::engine::platform::{
    FetchFuture, Invoice, LinkFuture, MessageRef, OpenFuture, PlatformFuture,
};
use crate::engine::{
    ChatPlatform, DropTarget, OpenedQuestion, OutboundDrop, OutboundFile, PlatformError,
    QuestionPlace, QuestionPost,
};
use crate::i18n::Lang;
use crate::{msg, tr};

/// [`ChatPlatform`] for Telegram.
pub struct TelegramPlatform {
    bot: TgBot,
    /// Where to ask a member to open a private chat when a DM cannot reach them.
    community_chats: Vec<i64>,
}

impl TelegramPlatform {
    #[must_use]
    pub fn new(bot: TgBot, community_chats: Vec<i64>) -> Self {
        Self {
            bot,
            community_chats,
        }
    }
}

fn chat_id(id: &str) -> Result<ChatId, PlatformError> {
    id.parse::<i64>()
        .map(ChatId)
        .map_err(|_| PlatformError::Refused(msg!("telegram-bad-chat-id", id = id)))
}

/// Link previews off: Telegram's preview fetcher would open a login link before the member.
const NO_PREVIEW: LinkPreviewOptions = LinkPreviewOptions {
    is_disabled: true,
    url: None,
    prefer_small_media: false,
    prefer_large_media: false,
    show_above_text: false,
};

/// How Telegram words a refused DM that teloxide does not know yet.
const DM_REFUSALS: [&str; 2] = ["can't initiate conversation", "bot was blocked"]; // not translated: Telegram's words

pub(super) fn platform_error(e: RequestError) -> PlatformError {
    let dm_closed = || PlatformError::DmClosed(msg!("telegram-dm-not-started"));
    match e {
        RequestError::RetryAfter(wait) => PlatformError::RateLimited {
            retry_after_secs: u64::from(wait.seconds()),
        },
        RequestError::Api(
            ApiError::BotBlocked
            | ApiError::CantInitiateConversation
            | ApiError::UserDeactivated
            | ApiError::CantTalkWithBots,
        ) => dm_closed(),
        // Telegram's current wording ("Forbidden: bot can't initiate conversation with a user")
        // is newer than teloxide's list of known errors.
        RequestError::Api(ApiError::Unknown(text))
            if DM_REFUSALS.iter().any(|words| text.contains(words)) =>
        {
            dm_closed()
        }
        RequestError::Api(ApiError::Unknown(text)) => {
            PlatformError::Failed(format!("Telegram: {text}"))
        }
        other => PlatformError::Failed(crate::engine::platform::with_causes(&other)),
    }
}

/// Five buttons that rate a drop, and under a lesson a row with "done".
pub(super) fn drop_keyboard(drop: &OutboundDrop) -> InlineKeyboardMarkup {
    let ratings: Vec<InlineKeyboardButton> = RatingButton::row(drop.drop_id)
        .map(|button| InlineKeyboardButton::callback(button.label(), button.custom_id()))
        .collect();
    let mut rows = vec![ratings];
    if let Some(label) = &drop.done_label {
        rows.push(vec![InlineKeyboardButton::callback(
            label.clone(),
            DropButton::done_id(drop.drop_id),
        )]);
    }
    InlineKeyboardMarkup::new(rows)
}

impl TelegramPlatform {
    async fn send_text(&self, chat: ChatId, text: &str) -> Result<(), PlatformError> {
        self.bot
            .send_message(chat, text)
            .await
            .map(|_| ())
            .map_err(platform_error)
    }

    async fn deliver(&self, to: &DropTarget, drop: &OutboundDrop) -> Result<(), PlatformError> {
        let chat = match to {
            DropTarget::Chat(chat) => chat_id(&chat.chat_id)?,
            DropTarget::Dm(account) => chat_id(&account.user_id)?,
        };
        let keyboard = drop_keyboard(drop);
        if let Some(source) = &drop.copy_of {
            let message = source
                .message_id
                .parse::<i32>()
                .map(MessageId)
                .map_err(|_| PlatformError::Refused(msg!("telegram-bad-message-id")))?;
            let copied = self
                .bot
                .copy_message(chat, chat_id(&source.chat.chat_id)?, message)
                .reply_markup(keyboard.clone())
                .await;
            match copied {
                // The original was deleted: its text and stored files still make the drop.
                Err(RequestError::Api(ApiError::MessageToCopyNotFound)) => {}
                other => return other.map(|_| ()).map_err(platform_error),
            }
        }
        let sent = if drop.media.is_empty() {
            self.bot
                .send_message(chat, drop.text.clone())
                .reply_markup(keyboard)
                .await
                .map(|_| ())
        } else {
            super::media::upload(&self.bot, chat, drop, keyboard).await
        };
        sent.map_err(platform_error)
    }

    async fn invite(
        &self,
        to: &AccountRef,
        tier: &TierDef,
        lang: Lang,
    ) -> Result<(), PlatformError> {
        // A tier names at most one private chat per platform (config); invite to each anyway.
        let Some(chat) = tier.access.on(Platform::Telegram).next() else {
            return Ok(());
        };
        let link = self
            .bot
            .create_chat_invite_link(chat_id(chat)?)
            .member_limit(1)
            .expire_date(Utc::now() + chrono::Duration::days(1))
            .name(format!("{} for {}", tier.name, to.user_id))
            .await
            .map_err(platform_error)?;
        let text = tr!(
            lang,
            "telegram-invite",
            tier = &tier.name,
            link = &link.invite_link
        );
        match self.send_text(chat_id(&to.user_id)?, &text).await {
            Err(PlatformError::DmClosed(reason)) => {
                for group in &self.community_chats {
                    let ask = tr!(
                        lang,
                        "telegram-invite-open-dm",
                        user = &to.user_id,
                        tier = &tier.name
                    );
                    let _ = self.send_text(ChatId(*group), &ask).await;
                }
                Err(PlatformError::DmClosed(reason))
            }
            other => other,
        }
    }

    async fn remove(&self, from: &AccountRef, access: &TierAccess) -> Result<(), PlatformError> {
        let Some(chat) = access.on(Platform::Telegram).next() else {
            return Ok(());
        };
        let chat = chat_id(chat)?;
        let user = UserId(
            from.user_id
                .parse::<u64>()
                .map_err(|_| PlatformError::Refused(msg!("telegram-bad-user-id")))?,
        );
        let member = self
            .bot
            .get_chat_member(chat, user)
            .await
            .map_err(platform_error)?;
        if member.is_banned() || !member.is_present() {
            // Banned by an admin (never undo that) or not in the chat: nothing to remove.
            return Ok(());
        }
        self.bot
            .ban_chat_member(chat, user)
            .await
            .map_err(platform_error)?;
        self.bot
            .unban_chat_member(chat, user)
            .only_if_banned(true)
            .await
            .map_err(platform_error)?;
        Ok(())
    }
}

impl ChatPlatform for TelegramPlatform {
    fn post<'a>(&'a self, chat: &'a ChatRef, text: &'a str) -> PlatformFuture<'a> {
        Box::pin(async move { self.send_text(chat_id(&chat.chat_id)?, text).await })
    }

    fn dm<'a>(&'a self, to: &'a AccountRef, text: &'a str) -> PlatformFuture<'a> {
        Box::pin(async move { self.send_text(chat_id(&to.user_id)?, text).await })
    }

    fn dm_quiet<'a>(&'a self, to: &'a AccountRef, text: &'a str) -> PlatformFuture<'a> {
        Box::pin(async move {
            self.bot
                .send_message(chat_id(&to.user_id)?, text)
                .link_preview_options(NO_PREVIEW)
                .await
                .map(|_| ())
                .map_err(platform_error)
        })
    }

    /// A question is a message in the group (in its forum topic when given); answers reply
    /// to it. Telegram has no threads of their own for a message to open.
    fn open_question<'a>(&'a self, post: &'a QuestionPost) -> OpenFuture<'a> {
        Box::pin(async move {
            let QuestionPlace::Message { chat, topic } = &post.place else {
                return Err(PlatformError::Refused(msg!("questions-not-on-platform")));
            };
            let mut send = self.bot.send_message(chat_id(&chat.chat_id)?, &post.text);
            if let Some(topic) = topic {
                send = send.message_thread_id(ThreadId(MessageId(*topic)));
            }
            let sent = send.await.map_err(platform_error)?;
            Ok(OpenedQuestion::Message(MessageRef {
                chat: chat.clone(),
                message_id: sent.id.0.to_string(),
            }))
        })
    }

    fn send_file<'a>(&'a self, to: &'a DropTarget, file: &'a OutboundFile) -> PlatformFuture<'a> {
        Box::pin(async move {
            let chat = match to {
                DropTarget::Chat(chat) => chat_id(&chat.chat_id)?,
                DropTarget::Dm(account) => chat_id(&account.user_id)?,
            };
            let upload = InputFile::memory(file.bytes.clone()).file_name(file.name.clone());
            let sent = if file.image {
                self.bot
                    .send_photo(chat, upload)
                    .caption(file.caption.clone())
                    .await
                    .map(|_| ())
            } else {
                self.bot
                    .send_document(chat, upload)
                    .caption(file.caption.clone())
                    .await
                    .map(|_| ())
            };
            sent.map_err(platform_error)
        })
    }

    fn send_drop<'a>(&'a self, to: &'a DropTarget, drop: &'a OutboundDrop) -> PlatformFuture<'a> {
        Box::pin(self.deliver(to, drop))
    }

    fn copies_messages(&self, platform: Platform) -> bool {
        platform == Platform::Telegram
    }

    fn upload_limit(&self, _platform: Platform) -> u64 {
        super::media::UPLOAD_LIMIT
    }

    fn fetch_media<'a>(
        &'a self,
        platform: Platform,
        media: &'a Media,
        max: u64,
    ) -> FetchFuture<'a> {
        Box::pin(async move {
            if platform != Platform::Telegram {
                return Err(PlatformError::Gone(msg!("media-not-on-platform")));
            }
            super::media::fetch(&self.bot, media, max).await
        })
    }

    fn grant_access<'a>(
        &'a self,
        to: &'a AccountRef,
        tier: &'a TierDef,
        lang: Lang,
    ) -> PlatformFuture<'a> {
        Box::pin(self.invite(to, tier, lang))
    }

    fn revoke_access<'a>(
        &'a self,
        from: &'a AccountRef,
        _tier: &'a TierDef,
        access: &'a TierAccess,
    ) -> PlatformFuture<'a> {
        Box::pin(self.remove(from, access))
    }

    fn invoice_link<'a>(&'a self, _platform: Platform, invoice: &'a Invoice) -> LinkFuture<'a> {
        Box::pin(super::payments::invoice_link(&self.bot, invoice))
    }

    fn refund_payment<'a>(&'a self, payer: &'a AccountRef, charge: &'a str) -> PlatformFuture<'a> {
        Box::pin(super::payments::refund(&self.bot, payer, charge))
    }

    fn set_renewal<'a>(
        &'a self,
        payer: &'a AccountRef,
        charge: &'a str,
        renew: bool,
    ) -> PlatformFuture<'a> {
        Box::pin(super::payments::set_renewal(
            &self.bot, payer, charge, renew,
        ))
    }
}
