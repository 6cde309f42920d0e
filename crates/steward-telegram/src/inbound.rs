//! Telegram updates as engine events: people, chats, mentions (a text mention of someone without
//! a username becomes an `@tg<ID>` token), replies and quoted messages.

use chrono::{DateTime, Utc};
use teloxide::types::{Chat, Message, MessageEntityKind, User};

use crate::core::ids::{AccountProfile, AccountRef, ChatRef, Platform};
use crate::core::media::{Media, MediaKind};
use crate::engine::{Mention, MessageEvent, Person, QuotedMessage, Sender};

pub(super) fn person(user: &User) -> Person {
    let mut name = user.first_name.clone();
    if let Some(last) = &user.last_name {
        name.push(' ');
        name.push_str(last);
    }
    Person {
        profile: AccountProfile {
            account: account(user),
            display_name: name,
            username: user.username.clone(),
        },
        is_bot: user.is_bot,
    }
}

pub(super) fn account(user: &User) -> AccountRef {
    AccountRef::new(Platform::Telegram, user.id.0.to_string())
}

pub(super) fn chat_ref(chat: &Chat) -> ChatRef {
    if chat.is_private() {
        ChatRef::private(Platform::Telegram, chat.id.0.to_string())
    } else {
        ChatRef::group(Platform::Telegram, chat.id.0.to_string())
    }
}

fn text_of(message: &Message) -> Option<&str> {
    message.text().or_else(|| message.caption())
}

/// The event for a message with text, or `None` for service messages and media without text.
/// `at` is the engine's clock: Telegram's dates have whole seconds and may lag.
pub(super) fn message_event(
    message: &Message,
    platform_admin: bool,
    at: DateTime<Utc>,
) -> Option<MessageEvent> {
    let user = message.from.as_ref()?;
    let raw = text_of(message)?;
    let mut text = String::with_capacity(raw.len());
    let mut mentions = Vec::new();
    let mut copied = 0;
    for entity in message
        .parse_entities()
        .or_else(|| message.parse_caption_entities())
        .unwrap_or_default()
    {
        if let MessageEntityKind::TextMention { user: named } = entity.kind() {
            let range = entity.range();
            if range.start < copied {
                continue;
            }
            let token = format!("tg{}", named.id.0);
            text.push_str(&raw[copied..range.start]);
            text.push('@');
            text.push_str(&token);
            copied = range.end;
            mentions.push(Mention {
                token,
                person: person(named),
            });
        }
    }
    text.push_str(&raw[copied..]);
    let replied = message.reply_to_message();
    Some(MessageEvent {
        chat: chat_ref(&message.chat),
        message_id: Some(message.id.0.to_string()),
        sender: Sender {
            person: person(user),
            platform_admin,
            locale: user.language_code.clone(),
        },
        text,
        is_edit: false,
        reply_to: replied.and_then(|r| r.from.as_ref()).map(person),
        quoted: replied.map(|r| QuotedMessage {
            chat: chat_ref(&r.chat),
            message_id: r.id.0.to_string(),
            text: text_of(r).unwrap_or_default().to_owned(),
            media: media_of(r),
        }),
        mentions,
        at,
    })
}

/// A message's file, if it has one, as media. Telegram sends each kind its own way; a photo
/// comes in several sizes (the largest is kept) and without a name.
fn media_of(message: &Message) -> Vec<Media> {
    let file = |kind, name: Option<&str>, mime: Option<String>, id: &str, size: u32| Media {
        kind,
        name: name.map_or_else(|| default_name(kind).to_owned(), str::to_owned),
        mime,
        size: Some(u64::from(size)),
        source: id.to_owned(),
    };
    let found = if let Some(photo) = message
        .photo()
        .and_then(|sizes| sizes.iter().max_by_key(|p| p.file.size))
    {
        file(
            MediaKind::Photo,
            None,
            Some("image/jpeg".to_owned()),
            &photo.file.id.0,
            photo.file.size,
        )
    } else if let Some(d) = message.document() {
        file(
            MediaKind::Document,
            d.file_name.as_deref(),
            d.mime_type.as_ref().map(ToString::to_string),
            &d.file.id.0,
            d.file.size,
        )
    } else if let Some(v) = message.video() {
        file(
            MediaKind::Video,
            v.file_name.as_deref(),
            v.mime_type.as_ref().map(ToString::to_string),
            &v.file.id.0,
            v.file.size,
        )
    } else if let Some(a) = message.audio() {
        file(
            MediaKind::Audio,
            a.file_name.as_deref(),
            a.mime_type.as_ref().map(ToString::to_string),
            &a.file.id.0,
            a.file.size,
        )
    } else if let Some(a) = message.animation() {
        file(
            MediaKind::Animation,
            a.file_name.as_deref(),
            a.mime_type.as_ref().map(ToString::to_string),
            &a.file.id.0,
            a.file.size,
        )
    } else if let Some(v) = message.voice() {
        file(
            MediaKind::Voice,
            None,
            v.mime_type.as_ref().map(ToString::to_string),
            &v.file.id.0,
            v.file.size,
        )
    } else {
        return Vec::new();
    };
    vec![found]
}

/// The name a file without one is listed under.
fn default_name(kind: MediaKind) -> &'static str {
    match kind {
        MediaKind::Photo => "photo.jpg",
        MediaKind::Voice => "voice.ogg",
        MediaKind::Video => "video.mp4",
        MediaKind::Audio => "audio",
        MediaKind::Animation => "animation.mp4",
        MediaKind::Document => "file",
    }
}
