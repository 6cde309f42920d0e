//! The one trait through which the engine acts on the outside world: post to a chat, DM an
//! account. Every adapter implements it; tests use [`RecordingPlatform`].

use std::future::Future;
use std::pin::Pin;
use std::sync::Mutex;

use crate::core::ids::{AccountRef, ChatRef};

/// Why a platform action failed; the engine logs it and carries on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlatformError {
    /// The member must open a private chat with the bot first (Telegram), or has DMs closed.
    #[error("cannot send a direct message to {0}")]
    DmClosed(String),
    /// Anything else the platform refused, in its own words.
    #[error("{0}")]
    Failed(String),
}

pub type PlatformFuture<'a> = Pin<Box<dyn Future<Output = Result<(), PlatformError>> + Send + 'a>>;

/// Outbound actions, platform-neutral.
pub trait ChatPlatform: Send + Sync {
    /// Posts text to a chat.
    fn post<'a>(&'a self, chat: &'a ChatRef, text: &'a str) -> PlatformFuture<'a>;
    /// Sends a direct message to one account.
    fn dm<'a>(&'a self, to: &'a AccountRef, text: &'a str) -> PlatformFuture<'a>;
}

/// One action the engine took, as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sent {
    Post { chat: ChatRef, text: String },
    Dm { to: AccountRef, text: String },
}

/// A platform that records every action, for tests.
#[derive(Debug, Default)]
pub struct RecordingPlatform {
    sent: Mutex<Vec<Sent>>,
}

impl RecordingPlatform {
    /// Takes the actions recorded so far.
    pub fn take(&self) -> Vec<Sent> {
        self.sent
            .lock()
            .map(|mut s| std::mem::take(&mut *s))
            .unwrap_or_default()
    }

    fn record(&self, sent: Sent) {
        if let Ok(mut all) = self.sent.lock() {
            all.push(sent);
        }
    }
}

impl ChatPlatform for RecordingPlatform {
    fn post<'a>(&'a self, chat: &'a ChatRef, text: &'a str) -> PlatformFuture<'a> {
        self.record(Sent::Post {
            chat: chat.clone(),
            text: text.to_owned(),
        });
        Box::pin(async { Ok(()) })
    }

    fn dm<'a>(&'a self, to: &'a AccountRef, text: &'a str) -> PlatformFuture<'a> {
        self.record(Sent::Dm {
            to: to.clone(),
            text: text.to_owned(),
        });
        Box::pin(async { Ok(()) })
    }
}
