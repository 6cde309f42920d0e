//! What a drop is made of: its text, the message it copies (a reply with `/drop`, Discord's
//! "Schedule as drop") and the files it carries: the replied message's, or a file the command
//! names (`file PATH`, on the console only: a path names a file on the machine Steward runs
//! on, which no chat member may reach).

use crate::commands::CommandContext;
use crate::core::drops::grammar::DropRequest;
use crate::core::ids::Platform;
use crate::core::media::Media;
use crate::events::QuotedMessage;
use crate::store::SourceMessage;
use crate::{EngineResult, msg, refuse};

/// What a drop says: its text, the message it copies, and its files.
pub(super) struct DropContent<'a> {
    pub text: &'a str,
    pub source: Option<SourceMessage>,
    pub media: &'a [Media],
    /// The platform that keeps `media` (where they are fetched from).
    pub files_on: Platform,
}

/// The message a command replied to, as the source a drop or submission copies.
pub(super) fn copied(quoted: &QuotedMessage) -> SourceMessage {
    SourceMessage {
        platform: quoted.chat.platform.to_string(),
        chat: quoted.chat.chat_id.clone(),
        message: quoted.message_id.clone(),
    }
}

/// What `/drop` makes of its request, the message it replies to and a named file (held in
/// `file`): a reply without text copies the message, files and all (a message with only a
/// file is a drop too); text replying to a message carries that message's files with the new
/// text; `file PATH` carries that file.
pub(super) fn drop_content<'a>(
    ctx: &'a CommandContext,
    request: &'a DropRequest,
    file: &'a mut Option<Media>,
) -> EngineResult<DropContent<'a>> {
    if let Some(path) = &request.file {
        if ctx.chat.platform != Platform::Console {
            return refuse(msg!("drop-file-console-only"));
        }
        let named = file.insert(Media::from_path(path));
        return Ok(DropContent {
            text: &request.text,
            source: None,
            media: std::slice::from_ref(named),
            files_on: Platform::Console,
        });
    }
    match &ctx.quoted {
        Some(quoted)
            if request.text.is_empty() && (!quoted.text.is_empty() || !quoted.media.is_empty()) =>
        {
            Ok(DropContent {
                text: &quoted.text,
                source: Some(copied(quoted)),
                media: &quoted.media,
                files_on: quoted.chat.platform,
            })
        }
        _ if request.text.is_empty() => refuse(msg!("drop-needs-text")),
        quoted => Ok(DropContent {
            text: &request.text,
            source: None,
            media: quoted.as_ref().map_or(&[], |q| q.media.as_slice()),
            files_on: quoted
                .as_ref()
                .map_or(ctx.chat.platform, |q| q.chat.platform),
        }),
    }
}
