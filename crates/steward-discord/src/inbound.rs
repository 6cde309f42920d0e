//! Discord models as engine values: people, accounts, chats, and guild messages as
//! [`MessageEvent`]s (a `<@ID>` mention becomes an `@dID` token the engine can resolve).

use chrono::{DateTime, Utc};
use serenity::model::channel::{Attachment, Message};
use serenity::model::guild::{Member, PartialMember};
use serenity::model::id::{ChannelId, GuildId};
use serenity::model::user::User;

use crate::core::ids::{AccountProfile, AccountRef, ChatRef, Platform};
use crate::core::media::{Media, MediaKind};
use crate::engine::{Mention, MessageEvent, Person, QuotedMessage, Sender};

/// The mention token of a Discord user in command text: `@d<ID>`.
#[must_use]
pub fn token(user: &User) -> String {
    format!("d{}", user.id)
}

pub(super) fn account(user: &User) -> AccountRef {
    AccountRef::new(Platform::Discord, user.id.to_string())
}

/// A person as Discord shows them: the server nickname, else the global display name, else the
/// username.
pub(super) fn person(user: &User, nick: Option<&str>) -> Person {
    let display = nick
        .or(user.global_name.as_deref())
        .unwrap_or(&user.name)
        .to_owned();
    Person {
        profile: AccountProfile {
            account: account(user),
            display_name: display,
            username: Some(user.name.clone()),
        },
        is_bot: user.bot,
    }
}

pub(super) fn member_person(member: &Member) -> Person {
    person(&member.user, member.nick.as_deref())
}

pub(super) fn partial_person(user: &User, member: Option<&PartialMember>) -> Person {
    person(user, member.and_then(|m| m.nick.as_deref()))
}

pub(super) fn chat_ref(channel: ChannelId, guild: Option<GuildId>) -> ChatRef {
    match guild {
        Some(guild) => ChatRef {
            server: Some(guild.to_string()),
            ..ChatRef::group(Platform::Discord, channel.to_string())
        },
        None => ChatRef::private(Platform::Discord, channel.to_string()),
    }
}

/// The server itself, where joins and leaves happen.
pub(super) fn guild_chat(guild: GuildId) -> ChatRef {
    ChatRef {
        server: Some(guild.to_string()),
        ..ChatRef::group(Platform::Discord, guild.to_string())
    }
}

/// Rewrites `<@ID>` and `<@!ID>` mentions of users Discord resolved into `@dID` tokens.
pub(super) fn with_tokens(text: &str, users: &[User]) -> (String, Vec<Mention>) {
    let mut text = text.to_owned();
    let mut mentions = Vec::new();
    for user in users {
        let token = token(user);
        for form in [format!("<@{}>", user.id), format!("<@!{}>", user.id)] {
            text = text.replace(&form, &format!("@{token}"));
        }
        if !mentions.iter().any(|m: &Mention| m.token == token) {
            mentions.push(Mention {
                token,
                person: person(user, None),
            });
        }
    }
    (text, mentions)
}

/// A guild or DM message as an engine event. `at` is the engine's clock.
pub(super) fn message_event(message: &Message, at: DateTime<Utc>) -> MessageEvent {
    let (text, mentions) = with_tokens(&message.content, &message.mentions);
    let replied = message.referenced_message.as_deref();
    MessageEvent {
        chat: chat_ref(message.channel_id, message.guild_id),
        message_id: Some(message.id.to_string()),
        sender: Sender {
            person: partial_person(&message.author, message.member.as_deref()),
            // Text commands are checked against config operators only; slash commands carry
            // the member's permissions.
            platform_admin: false,
            // Discord tells a member's locale only on interactions.
            locale: None,
        },
        text,
        is_edit: false,
        reply_to: replied.map(|r| person(&r.author, None)),
        quoted: replied.map(|r| QuotedMessage {
            chat: chat_ref(r.channel_id, message.guild_id),
            message_id: r.id.to_string(),
            text: r.content.clone(),
            media: media_of(&r.attachments),
        }),
        mentions,
        at,
    }
}

/// A message's attachments as media: Discord gives each a name, a size, usually a media type,
/// and an address on its CDN.
pub(super) fn media_of(attachments: &[Attachment]) -> Vec<Media> {
    attachments
        .iter()
        .map(|a| Media {
            kind: MediaKind::of_type(a.content_type.as_deref()),
            name: a.filename.clone(),
            mime: a.content_type.clone(),
            size: Some(u64::from(a.size)),
            source: a.url.clone(),
        })
        .collect()
}
