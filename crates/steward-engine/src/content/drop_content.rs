//! What a drop is made of: its text, the message it copies (a reply with `/drop`, Discord's
//! "Schedule as drop") and that message's files.

use crate::core::media::Media;
use crate::events::QuotedMessage;
use crate::store::SourceMessage;

/// What a drop says: its text, the message it copies, and that message's files.
pub(super) struct DropContent<'a> {
    pub text: &'a str,
    pub source: Option<SourceMessage>,
    pub media: &'a [Media],
}

/// The message a command replied to, as the source a drop or submission copies.
pub(super) fn copied(quoted: &QuotedMessage) -> SourceMessage {
    SourceMessage {
        platform: quoted.chat.platform.to_string(),
        chat: quoted.chat.chat_id.clone(),
        message: quoted.message_id.clone(),
    }
}
