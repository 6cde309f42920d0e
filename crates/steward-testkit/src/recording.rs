//! [`RecordingPlatform`]: a [`ChatPlatform`] for tests that records every action the engine
//! took as a [`Sent`], and fails drops on request. It copies a drop's message on its own
//! platform, as Telegram does, and serves the files tests give it (by source) as a platform's
//! file store, within an upload limit tests may lower.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::lock;
use steward_core::ids::{AccountRef, ChatRef, Platform, PlatformGrant};
use steward_core::levels::LevelReward;
use steward_core::media::Media;
use steward_core::tiers::{TierAccess, TierDef};
use steward_engine::platform::{FetchFuture, LinkFuture, PlatformFuture};
use steward_engine::{
    ChatPlatform, DropTarget, Invoice, OutboundDrop, OutboundFile, PlatformError,
};
use steward_i18n::Lang;

/// One action the engine took, as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sent {
    Post {
        chat: ChatRef,
        text: String,
    },
    Dm {
        to: AccountRef,
        text: String,
    },
    /// A DM sent with link previews off.
    QuietDm {
        to: AccountRef,
        text: String,
    },
    File {
        to: DropTarget,
        file: OutboundFile,
    },
    Drop {
        to: DropTarget,
        drop: OutboundDrop,
    },
    Grant {
        to: AccountRef,
        tier: String,
    },
    Revoke {
        from: AccountRef,
        tier: String,
    },
    LevelReward {
        to: AccountRef,
        level: u32,
    },
    /// The role for finishing a course.
    CourseRole {
        to: AccountRef,
        course: String,
    },
    Invoice {
        platform: Platform,
        invoice: Invoice,
    },
    Refund {
        payer: AccountRef,
        charge: String,
    },
    Renewal {
        payer: AccountRef,
        charge: String,
        renew: bool,
    },
}

/// A platform that records every action, for tests, and fails drops on request.
#[derive(Debug, Default)]
pub struct RecordingPlatform {
    sent: Mutex<Vec<Sent>>,
    drop_failures: Mutex<VecDeque<PlatformError>>,
    /// Files members sent, by where the platform keeps them.
    files: Mutex<HashMap<String, Vec<u8>>>,
    /// Fetches answered "not now" before they succeed.
    fetch_failures: AtomicU64,
    /// The largest upload; 0: no limit.
    upload_limit: AtomicU64,
}

impl RecordingPlatform {
    /// A file a member sent, kept under `source` (a file id, an address).
    pub fn put_file(&self, source: &str, bytes: Vec<u8>) {
        lock(&self.files).insert(source.to_owned(), bytes);
    }

    /// Deletes a file, as when its message is deleted.
    pub fn forget_file(&self, source: &str) {
        lock(&self.files).remove(source);
    }

    /// Makes the next `n` fetches fail for now (the platform is down).
    pub fn fail_fetches(&self, n: u64) {
        self.fetch_failures.store(n, Ordering::SeqCst);
    }

    /// Uploads past `bytes` are refused: the engine must link them instead.
    pub fn limit_uploads(&self, bytes: u64) {
        self.upload_limit.store(bytes, Ordering::SeqCst);
    }

    /// Takes the actions recorded so far.
    pub fn take(&self) -> Vec<Sent> {
        std::mem::take(&mut *lock(&self.sent))
    }

    /// Makes the next drop deliveries fail with these errors, in order.
    pub fn fail_drops(&self, errors: impl IntoIterator<Item = PlatformError>) {
        lock(&self.drop_failures).extend(errors);
    }

    fn record(&self, sent: Sent) -> PlatformFuture<'static> {
        lock(&self.sent).push(sent);
        Box::pin(async { Ok(()) })
    }
}

impl ChatPlatform for RecordingPlatform {
    fn post<'a>(&'a self, chat: &'a ChatRef, text: &'a str) -> PlatformFuture<'a> {
        self.record(Sent::Post {
            chat: chat.clone(),
            text: text.to_owned(),
        })
    }

    fn dm<'a>(&'a self, to: &'a AccountRef, text: &'a str) -> PlatformFuture<'a> {
        self.record(Sent::Dm {
            to: to.clone(),
            text: text.to_owned(),
        })
    }

    fn dm_quiet<'a>(&'a self, to: &'a AccountRef, text: &'a str) -> PlatformFuture<'a> {
        self.record(Sent::QuietDm {
            to: to.clone(),
            text: text.to_owned(),
        })
    }

    fn send_file<'a>(&'a self, to: &'a DropTarget, file: &'a OutboundFile) -> PlatformFuture<'a> {
        self.record(Sent::File {
            to: to.clone(),
            file: file.clone(),
        })
    }

    fn copies_messages(&self, _platform: Platform) -> bool {
        true
    }

    fn upload_limit(&self, _platform: Platform) -> u64 {
        match self.upload_limit.load(Ordering::SeqCst) {
            0 => u64::MAX,
            limit => limit,
        }
    }

    fn fetch_media<'a>(
        &'a self,
        _platform: Platform,
        media: &'a Media,
        _max: u64,
    ) -> FetchFuture<'a> {
        let down = self
            .fetch_failures
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
            .is_ok();
        let found = lock(&self.files).get(&media.source).cloned();
        Box::pin(async move {
            if down {
                return Err(PlatformError::Failed("the platform is down".into()));
            }
            found.ok_or_else(|| PlatformError::Gone(steward_i18n::msg!("media-not-on-platform")))
        })
    }

    fn send_drop<'a>(&'a self, to: &'a DropTarget, drop: &'a OutboundDrop) -> PlatformFuture<'a> {
        let failure = lock(&self.drop_failures).pop_front();
        if let Some(error) = failure {
            return Box::pin(async move { Err(error) });
        }
        self.record(Sent::Drop {
            to: to.clone(),
            drop: drop.clone(),
        })
    }

    fn grant_access<'a>(
        &'a self,
        to: &'a AccountRef,
        tier: &'a TierDef,
        _lang: Lang,
    ) -> PlatformFuture<'a> {
        self.record(Sent::Grant {
            to: to.clone(),
            tier: tier.id.clone(),
        })
    }

    fn revoke_access<'a>(
        &'a self,
        from: &'a AccountRef,
        tier: &'a TierDef,
        _access: &'a TierAccess,
    ) -> PlatformFuture<'a> {
        self.record(Sent::Revoke {
            from: from.clone(),
            tier: tier.id.clone(),
        })
    }

    fn grant_level_reward<'a>(
        &'a self,
        to: &'a AccountRef,
        reward: &'a LevelReward,
    ) -> PlatformFuture<'a> {
        self.record(Sent::LevelReward {
            to: to.clone(),
            level: reward.level,
        })
    }

    fn grant_course_role<'a>(
        &'a self,
        to: &'a AccountRef,
        course: &'a str,
        _grant: &'a PlatformGrant,
    ) -> PlatformFuture<'a> {
        self.record(Sent::CourseRole {
            to: to.clone(),
            course: course.to_owned(),
        })
    }

    fn invoice_link<'a>(&'a self, platform: Platform, invoice: &'a Invoice) -> LinkFuture<'a> {
        let link = format!("https://t.me/$invoice-{}", invoice.payload);
        lock(&self.sent).push(Sent::Invoice {
            platform,
            invoice: invoice.clone(),
        });
        Box::pin(async move { Ok(link) })
    }

    fn refund_payment<'a>(&'a self, payer: &'a AccountRef, charge: &'a str) -> PlatformFuture<'a> {
        self.record(Sent::Refund {
            payer: payer.clone(),
            charge: charge.to_owned(),
        })
    }

    fn set_renewal<'a>(
        &'a self,
        payer: &'a AccountRef,
        charge: &'a str,
        renew: bool,
    ) -> PlatformFuture<'a> {
        self.record(Sent::Renewal {
            payer: payer.clone(),
            charge: charge.to_owned(),
            renew,
        })
    }
}
