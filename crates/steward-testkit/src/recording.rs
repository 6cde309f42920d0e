//! [`RecordingPlatform`]: a [`ChatPlatform`] for tests that records every action the engine
//! took as a [`Sent`], and fails drops on request.

use std::collections::VecDeque;
use std::sync::Mutex;

use crate::lock;
use steward_core::ids::{AccountRef, ChatRef, Platform, PlatformGrant};
use steward_core::levels::LevelReward;
use steward_core::tiers::{TierAccess, TierDef};
use steward_engine::platform::{LinkFuture, PlatformFuture};
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
}

impl RecordingPlatform {
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
