//! Platform-neutral inbound events. Adapters build these from their platform's updates; the
//! engine never sees a platform type.

use chrono::{DateTime, Utc};

use std::borrow::Cow;

use crate::core::ids::{AccountProfile, AccountRef, ChatRef};
use crate::core::media::Media;
use crate::core::names::clean_display_name;

/// A person (or bot) as seen on one event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub profile: AccountProfile,
    pub is_bot: bool,
}

impl Person {
    /// A human account with the same name as display name and handle (the console's form).
    #[must_use]
    pub fn named(account: AccountRef, name: &str) -> Self {
        Self {
            profile: AccountProfile {
                account,
                display_name: name.to_owned(),
                username: Some(name.to_owned()),
            },
            is_bot: false,
        }
    }

    /// Takes invisible format characters out of the display name (see
    /// [`clean_display_name`]), so replies, announcements and the stored name agree.
    pub(crate) fn clean_name(&mut self) {
        if let Cow::Owned(clean) = clean_display_name(&self.profile.display_name) {
            self.profile.display_name = clean;
        }
    }
}

/// Who sent an event, and what the platform says about their rights.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sender {
    pub person: Person,
    /// The platform itself calls them an admin (Discord Administrator or Manage Server,
    /// Telegram chat administrator, console `/op`).
    pub platform_admin: bool,
    /// The language the sender's app reports (Telegram's `language_code`, Discord's interaction
    /// locale), where the platform says; it picks the reply language for a member who chose none.
    pub locale: Option<String>,
}

/// A member named in a message: `token` is what follows the `@` in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub token: String,
    pub person: Person,
}

/// A message being replied to, as far as an adapter can describe it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotedMessage {
    pub chat: ChatRef,
    pub message_id: String,
    pub text: String,
    /// Its files (a photo, a PDF), in order; a drop made from it records them.
    pub media: Vec<Media>,
}

/// A chat message, possibly a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageEvent {
    pub chat: ChatRef,
    /// The platform's id of this message; with the chat it makes a request key, so a message
    /// delivered twice (a redelivered update) is carried out once.
    pub message_id: Option<String>,
    pub sender: Sender,
    pub text: String,
    pub is_edit: bool,
    /// The author of the message this one replies to.
    pub reply_to: Option<Person>,
    /// The replied-to message itself, for `/drop` by reply.
    pub quoted: Option<QuotedMessage>,
    pub mentions: Vec<Mention>,
    pub at: DateTime<Utc>,
}

/// Everything an adapter can tell the engine.
// Events are built and consumed one at a time, never stored in bulk: boxing the large variant
// would only add an allocation per message.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Message(MessageEvent),
    MemberJoined {
        chat: ChatRef,
        person: Person,
        at: DateTime<Utc>,
    },
}

impl Event {
    /// Cleans the name of everyone the event shows (see [`Person::clean_name`]).
    pub(crate) fn clean_names(&mut self) {
        match self {
            Event::Message(m) => {
                m.sender.person.clean_name();
                m.reply_to.iter_mut().for_each(Person::clean_name);
                m.mentions.iter_mut().for_each(|m| m.person.clean_name());
            }
            Event::MemberJoined { person, .. } => person.clean_name(),
        }
    }
}
