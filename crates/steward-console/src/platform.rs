//! The console's side of the engine's platform: posts, DMs, files, drops and access changes
//! printed as `bot>` lines (files written to disk), in the community's language.

use std::path::PathBuf;

use super::Output;
use crate::core::ids::{AccountRef, ChatRef, MemberId, Platform, PlatformGrant};
use crate::core::levels::LevelReward;
use crate::core::media::Media;
use crate::core::tiers::{TierAccess, TierDef};
use crate::engine::platform::{FetchFuture, PlatformFuture};
use crate::engine::{ChatPlatform, DropTarget, OutboundDrop, OutboundFile, PlatformError};
use crate::i18n::Lang;
use crate::{msg, tr};

/// Prints the engine's posts and DMs as `bot>` lines; the lines it adds of its own (a drop's
/// rating hint, what access changed) are in the community's language.
pub struct ConsolePlatform {
    out: Output,
    lang: Lang,
    /// Where files sent by DM (data exports) are written.
    files: PathBuf,
}

impl ConsolePlatform {
    /// Files the engine sends by DM are written under `files`.
    #[must_use]
    pub fn new(out: Output, lang: Lang, files: PathBuf) -> Self {
        Self { out, lang, files }
    }

    /// Where files sent to `to` go: a folder per account for a DM, so an erasure can take the
    /// member's files with it; the folder itself for a chat.
    fn folder(&self, to: &DropTarget) -> PathBuf {
        match to {
            DropTarget::Dm(account) => self.account_folder(account),
            DropTarget::Chat(_) => self.files.clone(),
        }
    }

    fn account_folder(&self, account: &AccountRef) -> PathBuf {
        // Anything but letters, digits, - and _ is replaced, so no id names a path elsewhere.
        let id: String = account
            .user_id
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        self.files.join(format!("{}-{id}", account.platform))
    }

    /// Writes `file` where `to`'s files go and prints its caption and where it went.
    fn send_file_now(
        &self,
        to: &DropTarget,
        file: &OutboundFile,
        tag: &str,
    ) -> Result<(), PlatformError> {
        let path = self.save(to, file)?;
        let line = tr!(
            self.lang,
            "console-file-saved",
            path = path.display().to_string()
        );
        // A picture (a rank card) comes without a caption; no empty line for it.
        if !file.caption.is_empty() {
            print(&self.out, tag, &file.caption);
        }
        print(&self.out, tag, &line);
        Ok(())
    }

    fn save(&self, to: &DropTarget, file: &OutboundFile) -> Result<PathBuf, PlatformError> {
        let folder = self.folder(to);
        // A name from a platform is never a path here.
        let path = folder.join(crate::core::media::clean_name(&file.name));
        std::fs::create_dir_all(&folder)
            .and_then(|()| std::fs::write(&path, &file.bytes))
            .map_err(|e| PlatformError::Failed(format!("{}: {e}", path.display())))?;
        Ok(path)
    }
}

/// `[#general]` for a console chat; `[telegram -100123]` for another platform's chat, which the
/// console only simulates.
fn chat_tag(chat: &ChatRef) -> String {
    match chat.platform {
        Platform::Console => format!("[#{}] ", chat.chat_id),
        other => format!("[{other} {}] ", chat.chat_id),
    }
}

/// Writes each line of `text` as `bot> {tag}line`.
pub(super) fn print(out: &Output, tag: &str, text: &str) {
    if let Ok(mut out) = out.lock() {
        for line in text.lines() {
            // A closed stdout (a pipe whose reader left) is not worth crashing over.
            let _ = writeln!(out, "bot> {tag}{line}");
        }
        let _ = out.flush();
    }
}

impl ChatPlatform for ConsolePlatform {
    fn drives(&self, platform: Platform) -> bool {
        platform == Platform::Console
    }

    fn post<'a>(&'a self, chat: &'a ChatRef, text: &'a str) -> PlatformFuture<'a> {
        print(&self.out, &chat_tag(chat), text);
        Box::pin(async { Ok(()) })
    }

    fn dm<'a>(&'a self, to: &'a AccountRef, text: &'a str) -> PlatformFuture<'a> {
        let tag = format!("[dm to {}] ", to.user_id); // not translated: a transcript marker
        print(&self.out, &tag, text);
        Box::pin(async { Ok(()) })
    }

    fn send_file<'a>(&'a self, to: &'a DropTarget, file: &'a OutboundFile) -> PlatformFuture<'a> {
        let tag = match to {
            DropTarget::Chat(chat) => chat_tag(chat),
            DropTarget::Dm(account) => format!("[dm to {}] ", account.user_id), // not translated: a transcript marker
        };
        let saved = self.send_file_now(to, file, &tag);
        Box::pin(async move { saved })
    }

    fn forget_files<'a>(&'a self, member: MemberId, account: &'a AccountRef) -> PlatformFuture<'a> {
        let folder = self.account_folder(account);
        let card = self
            .files
            .join(crate::engine::platform::rank_card_name(member));
        let failed = |path: &std::path::Path, e: std::io::Error| {
            PlatformError::Failed(format!("{}: {e}", path.display()))
        };
        let removed = match (
            std::fs::remove_dir_all(&folder),
            std::fs::remove_file(&card),
        ) {
            (Err(e), _) if e.kind() != std::io::ErrorKind::NotFound => Err(failed(&folder, e)),
            (_, Err(e)) if e.kind() != std::io::ErrorKind::NotFound => Err(failed(&card, e)),
            _ => Ok(()),
        };
        Box::pin(async move { removed })
    }

    fn send_drop<'a>(&'a self, to: &'a DropTarget, drop: &'a OutboundDrop) -> PlatformFuture<'a> {
        let tag = match to {
            DropTarget::Chat(chat) => chat_tag(chat),
            DropTarget::Dm(account) => format!("[dm to {}] ", account.user_id), // not translated: a transcript marker
        };
        // The console has no buttons: the footer says what they would do.
        let hint = if drop.done_label.is_some() {
            tr!(self.lang, "console-lesson-footer", drop = drop.drop_id)
        } else {
            tr!(self.lang, "console-drop-footer", drop = drop.drop_id)
        };
        // A drop of files alone has no words: its footer stands alone.
        let text = if drop.text.is_empty() {
            hint
        } else {
            format!("{}\n{hint}", drop.text)
        };
        print(&self.out, &tag, &text);
        // Its files are written where the chat's (or the member's) files go.
        for media in &drop.media {
            let file = OutboundFile {
                name: media.name.clone(),
                bytes: media.bytes.to_vec(),
                caption: String::new(),
                image: false,
            };
            if let Err(e) = self.send_file_now(to, &file, &tag) {
                return Box::pin(async { Err(e) });
            }
        }
        Box::pin(async { Ok(()) })
    }

    /// A file named by its path (`/drop … file PATH`), read from disk up to `max` bytes.
    fn fetch_media<'a>(
        &'a self,
        platform: Platform,
        media: &'a Media,
        max: u64,
    ) -> FetchFuture<'a> {
        Box::pin(async move {
            if platform != Platform::Console {
                return Err(PlatformError::Gone(msg!("media-not-on-platform")));
            }
            let gone = |e: std::io::Error| {
                PlatformError::Gone(msg!(
                    "media-fetch-failed",
                    error = format!("{}: {e}", media.source)
                ))
            };
            use tokio::io::AsyncReadExt;
            // Read at most one byte past the limit: a path may name something endless
            // (a device, a pipe) whose size says nothing.
            let file = tokio::fs::File::open(&media.source).await.map_err(gone)?;
            let mut bytes = Vec::new();
            file.take(max.saturating_add(1))
                .read_to_end(&mut bytes)
                .await
                .map_err(gone)?;
            if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > max {
                return Err(PlatformError::Gone(msg!("media-file-too-big")));
            }
            Ok(bytes)
        })
    }

    fn grant_access<'a>(
        &'a self,
        to: &'a AccountRef,
        tier: &'a TierDef,
        _lang: Lang,
    ) -> PlatformFuture<'a> {
        if tier.access.is_empty() {
            return Box::pin(async { Ok(()) });
        }
        print(
            &self.out,
            "[access] ",
            &tr!(
                self.lang,
                "console-access-granted",
                who = &to.user_id,
                tier = &tier.name
            ),
        );
        Box::pin(async { Ok(()) })
    }

    fn grant_level_reward<'a>(
        &'a self,
        to: &'a AccountRef,
        reward: &'a LevelReward,
    ) -> PlatformFuture<'a> {
        print(
            &self.out,
            "[reward] ",
            &tr!(
                self.lang,
                "console-level-reward",
                who = &to.user_id,
                level = reward.level,
                platform = reward.grant.platform.title(),
                id = &reward.grant.id
            ),
        );
        Box::pin(async { Ok(()) })
    }

    fn grant_course_role<'a>(
        &'a self,
        to: &'a AccountRef,
        course: &'a str,
        grant: &'a PlatformGrant,
    ) -> PlatformFuture<'a> {
        print(
            &self.out,
            "[reward] ",
            &tr!(
                self.lang,
                "console-course-role",
                who = &to.user_id,
                course = course,
                platform = grant.platform.title(),
                id = &grant.id
            ),
        );
        Box::pin(async { Ok(()) })
    }

    fn revoke_access<'a>(
        &'a self,
        from: &'a AccountRef,
        tier: &'a TierDef,
        access: &'a TierAccess,
    ) -> PlatformFuture<'a> {
        // A tier without roles or chats gives no access to lose or keep: nothing to say.
        if tier.access.is_empty() {
            return Box::pin(async { Ok(()) });
        }
        let text = if access.is_empty() {
            tr!(
                self.lang,
                "console-access-kept",
                who = &from.user_id,
                tier = &tier.name
            )
        } else {
            tr!(
                self.lang,
                "console-access-lost",
                who = &from.user_id,
                tier = &tier.name
            )
        };
        print(&self.out, "[access] ", &text);
        Box::pin(async { Ok(()) })
    }
}
