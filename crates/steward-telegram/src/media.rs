//! Files on Telegram: fetched with getFile and the file address (bots may fetch at most 20 MB:
//! past it getFile answers "Bad Request: file is too big"), and uploaded with a drop where it
//! is not a copy: one file with sendPhoto, sendDocument, sendVideo, sendAudio, sendAnimation or
//! sendVoice, the text as its caption and the rating buttons under it; several with
//! sendMediaGroup (photos and videos together, documents together, audio together, at most ten
//! each; an animation or a voice message alone), then the text with the buttons, since an
//! album takes no buttons. Bots may upload up to 50 MB a file (Bot API, "Sending files").

use futures::StreamExt;
use teloxide::ApiError;
use teloxide::RequestError;
use teloxide::net::Download;
use teloxide::payloads::{
    SendAnimationSetters, SendAudioSetters, SendDocumentSetters, SendMessageSetters,
    SendPhotoSetters, SendVideoSetters, SendVoiceSetters,
};
use teloxide::prelude::Requester;
use teloxide::types::{
    ChatId, FileId, InlineKeyboardMarkup, InputFile, InputMedia, InputMediaAudio,
    InputMediaDocument, InputMediaPhoto, InputMediaVideo,
};

use super::TgBot;
use super::outbound::platform_error;
use crate::core::media::{Media, MediaKind};
use crate::engine::platform::{MIB, with_causes};
use crate::engine::{OutboundDrop, OutboundMedia, PlatformError};
use crate::msg;

/// The largest file a bot may upload.
pub(super) const UPLOAD_LIMIT: u64 = 50 * MIB;
/// The largest file a bot may fetch with getFile.
const FETCH_LIMIT: u64 = 20 * MIB;
/// The longest caption Telegram takes, in characters.
const CAPTION_MAX: usize = 1024;
/// How getFile refuses a file past [`FETCH_LIMIT`].
const TOO_BIG_TO_FETCH: &str = "file is too big"; // not translated: Telegram's words
/// Files in one album.
const ALBUM_MAX: usize = 10;

fn too_big() -> PlatformError {
    PlatformError::Gone(msg!("media-file-too-big"))
}

fn fetch_error(e: RequestError) -> PlatformError {
    match e {
        // Telegram's words, which teloxide does not know.
        RequestError::Api(ApiError::Unknown(text)) if text.contains(TOO_BIG_TO_FETCH) => {
            PlatformError::Gone(msg!("telegram-file-too-big"))
        }
        RequestError::Api(
            e @ (ApiError::FileIdInvalid | ApiError::WrongFileId | ApiError::WrongFileIdOrUrl),
        ) => PlatformError::Gone(msg!("media-fetch-failed", error = e.to_string())),
        other => platform_error(other),
    }
}

/// The bytes of a file Telegram keeps under `media.source` (a file id), at most `max`.
pub(super) async fn fetch(bot: &TgBot, media: &Media, max: u64) -> Result<Vec<u8>, PlatformError> {
    if media.size.is_some_and(|size| size > FETCH_LIMIT) {
        return Err(PlatformError::Gone(msg!("telegram-file-too-big")));
    }
    let file = bot
        .get_file(FileId(media.source.clone()))
        .await
        .map_err(fetch_error)?;
    if u64::from(file.meta.size) > max {
        return Err(too_big());
    }
    let mut stream = bot.download_file_stream(&file.path);
    let mut bytes = Vec::with_capacity(usize::try_from(file.meta.size).unwrap_or(0));
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|e| {
            PlatformError::Failed(msg!("media-fetch-failed", error = with_causes(&e)).to_string())
        })?;
        bytes.extend_from_slice(&chunk);
        if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > max {
            return Err(too_big());
        }
    }
    Ok(bytes)
}

fn input_file(file: &OutboundMedia) -> InputFile {
    InputFile::memory(file.bytes.to_vec()).file_name(file.name.clone())
}

/// Sends one file, with a caption and buttons when given.
async fn send_one(
    bot: &TgBot,
    chat: ChatId,
    file: &OutboundMedia,
    caption: Option<&str>,
    keyboard: Option<InlineKeyboardMarkup>,
) -> Result<(), RequestError> {
    macro_rules! send {
        ($request:expr) => {{
            let mut request = $request;
            if let Some(caption) = caption.filter(|c| !c.is_empty()) {
                request = request.caption(caption.to_owned());
            }
            if let Some(keyboard) = keyboard {
                request = request.reply_markup(keyboard);
            }
            request.await.map(|_| ())
        }};
    }
    let upload = input_file(file);
    match file.kind {
        MediaKind::Photo => send!(bot.send_photo(chat, upload)),
        MediaKind::Video => send!(bot.send_video(chat, upload)),
        MediaKind::Audio => send!(bot.send_audio(chat, upload)),
        MediaKind::Animation => send!(bot.send_animation(chat, upload)),
        MediaKind::Voice => send!(bot.send_voice(chat, upload)),
        MediaKind::Document => send!(bot.send_document(chat, upload)),
    }
}

/// Which album a kind of file may share; `None`: it goes alone.
fn album(kind: MediaKind) -> Option<u8> {
    match kind {
        MediaKind::Photo | MediaKind::Video => Some(0),
        MediaKind::Document => Some(1),
        MediaKind::Audio => Some(2),
        MediaKind::Animation | MediaKind::Voice => None,
    }
}

/// The files in the order given, cut into albums Telegram accepts.
fn albums(files: &[OutboundMedia]) -> Vec<&[OutboundMedia]> {
    let mut albums = Vec::new();
    let mut start = 0;
    for i in 1..=files.len() {
        let ends = i == files.len()
            || i - start == ALBUM_MAX
            || album(files[i].kind).is_none()
            || album(files[i].kind) != album(files[start].kind);
        if ends {
            albums.push(&files[start..i]);
            start = i;
        }
    }
    albums
}

fn album_item(file: &OutboundMedia) -> InputMedia {
    let upload = input_file(file);
    match file.kind {
        MediaKind::Photo => InputMedia::Photo(InputMediaPhoto::new(upload)),
        MediaKind::Video => InputMedia::Video(InputMediaVideo::new(upload)),
        MediaKind::Audio => InputMedia::Audio(InputMediaAudio::new(upload)),
        _ => InputMedia::Document(InputMediaDocument::new(upload)),
    }
}

/// Uploads a drop's files with its text and buttons (see the module header).
pub(super) async fn upload(
    bot: &TgBot,
    chat: ChatId,
    drop: &OutboundDrop,
    keyboard: InlineKeyboardMarkup,
) -> Result<(), RequestError> {
    let text = drop.text.as_str();
    if let [one] = drop.media.as_slice()
        && text.chars().count() <= CAPTION_MAX
    {
        return send_one(bot, chat, one, Some(text), Some(keyboard)).await;
    }
    for files in albums(&drop.media) {
        match files {
            [one] => send_one(bot, chat, one, None, None).await?,
            several => {
                bot.send_media_group(chat, several.iter().map(album_item))
                    .await?;
            }
        }
    }
    // A drop of files alone: their names carry the buttons.
    let last = if text.is_empty() {
        let names: Vec<&str> = drop.media.iter().map(|f| f.name.as_str()).collect();
        names.join(", ")
    } else {
        text.to_owned()
    };
    bot.send_message(chat, last)
        .reply_markup(keyboard)
        .await
        .map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn file(kind: MediaKind) -> OutboundMedia {
        OutboundMedia {
            kind,
            name: kind.as_str().into(),
            mime: None,
            bytes: Arc::from(Vec::new()),
        }
    }

    #[test]
    fn albums_keep_kinds_telegram_mixes_and_at_most_ten_files() {
        use MediaKind::*;
        let files: Vec<OutboundMedia> = [Photo, Video, Document, Document, Voice, Audio]
            .into_iter()
            .map(file)
            .collect();
        let sizes: Vec<usize> = albums(&files).iter().map(|a| a.len()).collect();
        assert_eq!(sizes, [2, 2, 1, 1]);
        let many: Vec<OutboundMedia> = (0..12).map(|_| file(Photo)).collect();
        let sizes: Vec<usize> = albums(&many).iter().map(|a| a.len()).collect();
        assert_eq!(sizes, [10, 2]);
        assert!(albums(&[]).is_empty());
    }
}
