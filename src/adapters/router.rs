//! Sends each platform action to the adapter of the platform it concerns, so one engine drives
//! the console, Telegram and Discord at once.

use std::sync::Arc;

use crate::core::ids::{AccountRef, ChatRef, MemberId, Platform, PlatformGrant};
use crate::core::levels::LevelReward;
use crate::core::tiers::{TierAccess, TierDef};
use crate::engine::platform::{Invoice, LinkFuture, PlatformFuture};
use crate::engine::{ChatPlatform, DropTarget, OutboundDrop, OutboundFile, PlatformError};
use crate::i18n::Lang;
use crate::msg;

/// One [`ChatPlatform`] per platform; actions for a platform without one fail plainly.
#[derive(Default, Clone)]
pub struct PlatformRouter {
    routes: Vec<(Platform, Arc<dyn ChatPlatform>)>,
}

impl PlatformRouter {
    #[must_use]
    pub fn with(mut self, platform: Platform, adapter: Arc<dyn ChatPlatform>) -> Self {
        self.routes.push((platform, adapter));
        self
    }

    fn route(&self, platform: Platform) -> Result<&Arc<dyn ChatPlatform>, PlatformError> {
        self.routes
            .iter()
            .find(|(p, _)| *p == platform)
            .map(|(_, a)| a)
            .ok_or_else(|| {
                PlatformError::Refused(msg!("platform-not-connected", platform = platform.title()))
            })
    }
}

fn failed(error: PlatformError) -> PlatformFuture<'static> {
    Box::pin(async move { Err(error) })
}

impl ChatPlatform for PlatformRouter {
    fn drives(&self, platform: Platform) -> bool {
        self.route(platform).is_ok()
    }

    fn post<'a>(&'a self, chat: &'a ChatRef, text: &'a str) -> PlatformFuture<'a> {
        match self.route(chat.platform) {
            Ok(adapter) => adapter.post(chat, text),
            Err(e) => failed(e),
        }
    }

    fn dm<'a>(&'a self, to: &'a AccountRef, text: &'a str) -> PlatformFuture<'a> {
        match self.route(to.platform) {
            Ok(adapter) => adapter.dm(to, text),
            Err(e) => failed(e),
        }
    }

    fn dm_quiet<'a>(&'a self, to: &'a AccountRef, text: &'a str) -> PlatformFuture<'a> {
        match self.route(to.platform) {
            Ok(adapter) => adapter.dm_quiet(to, text),
            Err(e) => failed(e),
        }
    }

    fn send_file<'a>(&'a self, to: &'a DropTarget, file: &'a OutboundFile) -> PlatformFuture<'a> {
        match self.route(to.platform()) {
            Ok(adapter) => adapter.send_file(to, file),
            Err(e) => failed(e),
        }
    }

    fn send_drop<'a>(&'a self, to: &'a DropTarget, drop: &'a OutboundDrop) -> PlatformFuture<'a> {
        match self.route(to.platform()) {
            Ok(adapter) => adapter.send_drop(to, drop),
            Err(e) => failed(e),
        }
    }

    fn grant_access<'a>(
        &'a self,
        to: &'a AccountRef,
        tier: &'a TierDef,
        lang: Lang,
    ) -> PlatformFuture<'a> {
        match self.route(to.platform) {
            Ok(adapter) => adapter.grant_access(to, tier, lang),
            Err(e) => failed(e),
        }
    }

    fn revoke_access<'a>(
        &'a self,
        from: &'a AccountRef,
        tier: &'a TierDef,
        access: &'a TierAccess,
    ) -> PlatformFuture<'a> {
        match self.route(from.platform) {
            Ok(adapter) => adapter.revoke_access(from, tier, access),
            Err(e) => failed(e),
        }
    }

    fn grant_level_reward<'a>(
        &'a self,
        to: &'a AccountRef,
        reward: &'a LevelReward,
    ) -> PlatformFuture<'a> {
        match self.route(to.platform) {
            Ok(adapter) => adapter.grant_level_reward(to, reward),
            Err(e) => failed(e),
        }
    }

    fn grant_course_role<'a>(
        &'a self,
        to: &'a AccountRef,
        course: &'a str,
        grant: &'a PlatformGrant,
    ) -> PlatformFuture<'a> {
        match self.route(to.platform) {
            Ok(adapter) => adapter.grant_course_role(to, course, grant),
            Err(e) => failed(e),
        }
    }

    fn forget_files<'a>(&'a self, member: MemberId, account: &'a AccountRef) -> PlatformFuture<'a> {
        match self.route(account.platform) {
            Ok(adapter) => adapter.forget_files(member, account),
            Err(_) => Box::pin(async { Ok(()) }),
        }
    }

    fn invoice_link<'a>(&'a self, platform: Platform, invoice: &'a Invoice) -> LinkFuture<'a> {
        match self.route(platform) {
            Ok(adapter) => adapter.invoice_link(platform, invoice),
            Err(e) => Box::pin(async move { Err(e) }),
        }
    }

    fn refund_payment<'a>(&'a self, payer: &'a AccountRef, charge: &'a str) -> PlatformFuture<'a> {
        match self.route(payer.platform) {
            Ok(adapter) => adapter.refund_payment(payer, charge),
            Err(e) => failed(e),
        }
    }

    fn set_renewal<'a>(
        &'a self,
        payer: &'a AccountRef,
        charge: &'a str,
        renew: bool,
    ) -> PlatformFuture<'a> {
        match self.route(payer.platform) {
            Ok(adapter) => adapter.set_renewal(payer, charge, renew),
            Err(e) => failed(e),
        }
    }
}
