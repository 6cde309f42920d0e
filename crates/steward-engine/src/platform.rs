//! The one trait through which the engine acts on the outside world: post to a chat, DM an
//! account, deliver a drop, give or take tier access. Every adapter implements it; tests use
//! `RecordingPlatform` (in `steward-testkit`).

mod media;
mod platforms;

use std::future::Future;
use std::pin::Pin;

pub use media::{FetchFuture, MIB, OutboundMedia};
pub(crate) use platforms::Outbound;
pub use platforms::Platforms;

use crate::core::ids::{AccountRef, ChatRef, MemberId, Platform, PlatformGrant};
use crate::core::levels::LevelReward;
use crate::core::media::Media;
use crate::core::tiers::{TierAccess, TierDef};
use crate::i18n::{Lang, Msg};
use crate::msg;

/// An error's message followed by each cause that it does not already say, for logs:
/// "error sending request: connection refused", not only "error sending request" (HTTP
/// clients keep the reason in the cause).
#[must_use]
pub fn with_causes(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(e) = cause {
        let said = e.to_string();
        if !text.contains(&said) {
            text = format!("{text}: {said}");
        }
        cause = e.source();
    }
    text
}

/// Why a platform action failed; the engine logs it, retries deliveries, and carries on.
/// `Display` is English, for logs; people read [`PlatformError::describe`] in their language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlatformError {
    /// The member must open a private chat with the bot first (Telegram), or has DMs closed.
    #[error("cannot send a direct message: {0}")]
    DmClosed(Msg),
    /// The platform asked to wait before trying again.
    #[error("rate limited: retry after {retry_after_secs} s")]
    RateLimited { retry_after_secs: u64 },
    /// What the adapter found wrong, with what an operator can do about it.
    #[error("{0}")]
    Refused(Msg),
    /// Anything else the platform refused, in its own words (quoted as the platform said it).
    #[error("{0}")]
    Failed(String),
    /// What was asked for is no longer there (a file deleted, or too big to fetch): trying
    /// again will not bring it back.
    #[error("{0}")]
    Gone(Msg),
}

impl PlatformError {
    /// The failure as people read it, rendered in each reader's language.
    #[must_use]
    pub fn why(&self) -> Msg {
        match self {
            Self::DmClosed(reason) => msg!("platform-dm-closed", reason = reason.clone()),
            Self::RateLimited { retry_after_secs } => {
                msg!("platform-rate-limited", seconds = *retry_after_secs)
            }
            Self::Refused(why) | Self::Gone(why) => why.clone(),
            // The platform's own words: they come in its language, whoever reads them.
            Self::Failed(words) => msg!("platform-failed", error = words.clone()),
        }
    }

    /// The failure as people read it, in `lang`.
    #[must_use]
    pub fn describe(&self, lang: Lang) -> String {
        self.why().render(lang)
    }
}

pub type PlatformFuture<'a> = Pin<Box<dyn Future<Output = Result<(), PlatformError>> + Send + 'a>>;

/// A link the platform made (a payment link).
pub type LinkFuture<'a> = Pin<Box<dyn Future<Output = Result<String, PlatformError>> + Send + 'a>>;

/// An invoice in a platform's own currency (Telegram Stars), sent as a link by DM.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invoice {
    pub title: String,
    pub description: String,
    /// The signed reference the payment comes back with.
    pub payload: String,
    pub stars: u32,
    /// Renews by itself every this many seconds (a Stars subscription); `None`: paid once.
    pub renews_every_secs: Option<u32>,
}

fn no_payments<T: Send + 'static>() -> Pin<Box<dyn Future<Output = Result<T, PlatformError>> + Send>>
{
    Box::pin(async {
        Err(PlatformError::Refused(crate::msg!(
            "payments-not-on-platform"
        )))
    })
}

/// Where a drop (or a file) goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DropTarget {
    Chat(ChatRef),
    Dm(AccountRef),
}

impl DropTarget {
    /// The platform it is on.
    #[must_use]
    pub fn platform(&self) -> Platform {
        match self {
            Self::Chat(chat) => chat.platform,
            Self::Dm(account) => account.platform,
        }
    }
}

/// A message to copy with its formatting and media, when the target is on its platform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageRef {
    pub chat: ChatRef,
    pub message_id: String,
}

/// A drop as handed to a platform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboundDrop {
    pub drop_id: i64,
    pub text: String,
    pub copy_of: Option<MessageRef>,
    /// Unique per (drop occurrence, target): a platform that supports idempotency keys
    /// (Discord's nonce) uses it so a retry after a crash does not post twice.
    pub nonce: String,
    /// A lesson's "done" button caption, in the community's language; `None` for a drop that
    /// is not a lesson.
    pub done_label: Option<String>,
    /// Its files, uploaded with the text as caption, when it is not a copy (`copy_of`); files
    /// too big for the platform are links in `text` instead.
    pub media: Vec<OutboundMedia>,
}

/// A file to send: its name, what it holds, a line about it, and whether it is a picture
/// (shown inline: a rank card) or a document (a data export).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboundFile {
    pub name: String,
    pub bytes: Vec<u8>,
    pub caption: String,
    pub image: bool,
}

/// Where a question is opened for answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuestionPlace {
    /// A message in a chat (a Telegram group), in a forum topic when given: answers reply to it.
    Message { chat: ChatRef, topic: Option<i32> },
    /// A thread of its own in a channel (Discord: a post in a forum, a thread in a text
    /// channel): answers are its messages.
    Thread { channel: ChatRef },
}

/// A question to open: where, its title (a thread's name) and the text that asks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionPost {
    pub place: QuestionPlace,
    pub title: String,
    pub text: String,
}

/// Where a question was opened: the message answers reply to, or the thread they are posted in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenedQuestion {
    Message(MessageRef),
    Thread(ChatRef),
}

/// A question opened on a platform.
pub type OpenFuture<'a> =
    Pin<Box<dyn Future<Output = Result<OpenedQuestion, PlatformError>> + Send + 'a>>;

/// Outbound actions, platform-neutral.
pub trait ChatPlatform: Send + Sync {
    /// Whether this process reaches `platform`. Deliveries to a platform it does not drive stay
    /// pending for a process that does (a console never settles a Discord post).
    fn drives(&self, _platform: Platform) -> bool {
        true
    }

    /// Posts text to a chat.
    fn post<'a>(&'a self, chat: &'a ChatRef, text: &'a str) -> PlatformFuture<'a>;
    /// Sends a direct message to one account.
    fn dm<'a>(&'a self, to: &'a AccountRef, text: &'a str) -> PlatformFuture<'a>;
    /// A direct message whose links the platform must not open for a preview (a login link:
    /// a preview fetcher would otherwise open it before the member). Platforms without
    /// previews send it as any DM.
    fn dm_quiet<'a>(&'a self, to: &'a AccountRef, text: &'a str) -> PlatformFuture<'a> {
        self.dm(to, text)
    }
    /// A DM the platform recognises when it is sent again with the same `key` (a broadcast's
    /// delivery after a crash), so the member gets it once. Platforms that cannot tell a repeat
    /// send it as any DM and say so in [`ChatPlatform::recognises_repeats`].
    fn dm_once<'a>(
        &'a self,
        to: &'a AccountRef,
        text: &'a str,
        _key: &'a str,
    ) -> PlatformFuture<'a> {
        self.dm(to, text)
    }
    /// Whether [`ChatPlatform::dm_once`] on `platform` sends a repeat only once.
    fn recognises_repeats(&self, _platform: Platform) -> bool {
        false
    }
    /// Sends a file to a chat or by DM (a photo or document on Telegram, an attachment on
    /// Discord, a file on disk for the console).
    fn send_file<'a>(&'a self, to: &'a DropTarget, file: &'a OutboundFile) -> PlatformFuture<'a>;
    /// Whether a drop made from a message on `platform` is copied there whole, files and
    /// formatting (Telegram's copyMessage); where not, its files are uploaded.
    fn copies_messages(&self, _platform: Platform) -> bool {
        false
    }
    /// The largest file a drop may upload to `platform`; a larger one goes as a link.
    fn upload_limit(&self, _platform: Platform) -> u64 {
        u64::MAX
    }
    /// The bytes of a file a message on `platform` carried, refused past `max` bytes.
    fn fetch_media<'a>(
        &'a self,
        _platform: Platform,
        _media: &'a Media,
        _max: u64,
    ) -> FetchFuture<'a> {
        Box::pin(async { Err(PlatformError::Gone(crate::msg!("media-not-on-platform"))) })
    }
    /// Delivers a drop, with a way to rate it where the platform has buttons.
    fn send_drop<'a>(&'a self, to: &'a DropTarget, drop: &'a OutboundDrop) -> PlatformFuture<'a>;
    /// Opens a question where its answers will arrive (see [`QuestionPlace`]). Platforms with
    /// neither threads nor messages to reply to refuse.
    fn open_question<'a>(&'a self, _post: &'a QuestionPost) -> OpenFuture<'a> {
        Box::pin(async {
            Err(PlatformError::Refused(crate::msg!(
                "questions-not-on-platform"
            )))
        })
    }

    /// Removes what Steward keeps of files it sent to `account` (the console writes them to
    /// disk), when its member is erased. Chat platforms keep no copy: nothing to do.
    fn forget_files<'a>(
        &'a self,
        _member: MemberId,
        _account: &'a AccountRef,
    ) -> PlatformFuture<'a> {
        Box::pin(async { Ok(()) })
    }
    /// Gives an account the platform access of a tier (role, invite link by DM); what the
    /// platform says to the member about it is in `lang`, the member's language.
    fn grant_access<'a>(
        &'a self,
        to: &'a AccountRef,
        tier: &'a TierDef,
        lang: Lang,
    ) -> PlatformFuture<'a>;
    /// Takes away the part of a tier's access that no other running tier still gives.
    fn revoke_access<'a>(
        &'a self,
        from: &'a AccountRef,
        tier: &'a TierDef,
        access: &'a TierAccess,
    ) -> PlatformFuture<'a>;
    /// Gives an account the reward of a level it reached (a Discord role). Platforms without
    /// level rewards have nothing to do.
    fn grant_level_reward<'a>(
        &'a self,
        _to: &'a AccountRef,
        _reward: &'a LevelReward,
    ) -> PlatformFuture<'a> {
        Box::pin(async { Ok(()) })
    }
    /// Gives an account the role for finishing `course` (a Discord role). Platforms without
    /// roles have nothing to do.
    fn grant_course_role<'a>(
        &'a self,
        _to: &'a AccountRef,
        _course: &'a str,
        _grant: &'a PlatformGrant,
    ) -> PlatformFuture<'a> {
        Box::pin(async { Ok(()) })
    }
    /// A payment link for `invoice` in `platform`'s own payments (Telegram Stars:
    /// createInvoiceLink); platforms without them refuse.
    fn invoice_link<'a>(&'a self, _platform: Platform, _invoice: &'a Invoice) -> LinkFuture<'a> {
        no_payments()
    }
    /// Refunds a charge to the account that paid it (Telegram: refundStarPayment).
    fn refund_payment<'a>(
        &'a self,
        _payer: &'a AccountRef,
        _charge: &'a str,
    ) -> PlatformFuture<'a> {
        no_payments()
    }
    /// Stops or resumes a subscription's renewal (Telegram: editUserStarSubscription).
    fn set_renewal<'a>(
        &'a self,
        _payer: &'a AccountRef,
        _charge: &'a str,
        _renew: bool,
    ) -> PlatformFuture<'a> {
        no_payments()
    }
}

/// The file name a member's rank card is sent under (the console's copy is found by it).
#[must_use]
pub fn rank_card_name(member: MemberId) -> String {
    format!("rank-card-{}.png", member.0)
}

#[cfg(test)]
mod tests {
    use super::with_causes;

    #[derive(Debug, thiserror::Error)]
    #[error("error sending request")]
    struct Request(#[source] std::io::Error);

    #[derive(Debug, thiserror::Error)]
    #[error("cannot reach it: {0}")]
    struct SaysItsCause(#[source] std::io::Error);

    #[test]
    fn an_error_keeps_its_causes_once() {
        let refused =
            || std::io::Error::new(std::io::ErrorKind::ConnectionRefused, "connection refused");
        assert_eq!(
            with_causes(&Request(refused())),
            "error sending request: connection refused"
        );
        assert_eq!(
            with_causes(&SaysItsCause(refused())),
            "cannot reach it: connection refused"
        );
    }
}
