//! The engine's platform, wrapped so every failed call is counted in the metrics by platform
//! and kind (a 429 as `rate_limited`), whichever engine component made it.

use std::sync::Arc;

use super::metrics::Metrics;
use super::platform::{
    ChatPlatform, DropTarget, Invoice, LinkFuture, OutboundDrop, OutboundFile, PlatformFuture,
};
use crate::core::ids::{AccountRef, ChatRef, MemberId, Platform, PlatformGrant};
use crate::core::levels::LevelReward;
use crate::core::tiers::{TierAccess, TierDef};
use crate::i18n::Lang;

pub(crate) struct CountedPlatform {
    inner: Arc<dyn ChatPlatform>,
    metrics: Arc<Metrics>,
}

impl CountedPlatform {
    pub(crate) fn new(inner: Arc<dyn ChatPlatform>, metrics: Arc<Metrics>) -> Self {
        Self { inner, metrics }
    }

    fn counted<'a>(&'a self, platform: Platform, call: PlatformFuture<'a>) -> PlatformFuture<'a> {
        Box::pin(async move {
            let result = call.await;
            if let Err(error) = &result {
                self.metrics.platform_error(platform, error);
            }
            result
        })
    }
}

impl ChatPlatform for CountedPlatform {
    fn drives(&self, platform: Platform) -> bool {
        self.inner.drives(platform)
    }

    fn post<'a>(&'a self, chat: &'a ChatRef, text: &'a str) -> PlatformFuture<'a> {
        self.counted(chat.platform, self.inner.post(chat, text))
    }

    fn dm<'a>(&'a self, to: &'a AccountRef, text: &'a str) -> PlatformFuture<'a> {
        self.counted(to.platform, self.inner.dm(to, text))
    }

    fn dm_quiet<'a>(&'a self, to: &'a AccountRef, text: &'a str) -> PlatformFuture<'a> {
        self.counted(to.platform, self.inner.dm_quiet(to, text))
    }

    fn send_file<'a>(&'a self, to: &'a DropTarget, file: &'a OutboundFile) -> PlatformFuture<'a> {
        self.counted(to.platform(), self.inner.send_file(to, file))
    }

    fn send_drop<'a>(&'a self, to: &'a DropTarget, drop: &'a OutboundDrop) -> PlatformFuture<'a> {
        self.counted(to.platform(), self.inner.send_drop(to, drop))
    }

    fn grant_access<'a>(
        &'a self,
        to: &'a AccountRef,
        tier: &'a TierDef,
        lang: Lang,
    ) -> PlatformFuture<'a> {
        self.counted(to.platform, self.inner.grant_access(to, tier, lang))
    }

    fn revoke_access<'a>(
        &'a self,
        from: &'a AccountRef,
        tier: &'a TierDef,
        access: &'a TierAccess,
    ) -> PlatformFuture<'a> {
        self.counted(from.platform, self.inner.revoke_access(from, tier, access))
    }

    fn grant_level_reward<'a>(
        &'a self,
        to: &'a AccountRef,
        reward: &'a LevelReward,
    ) -> PlatformFuture<'a> {
        self.counted(to.platform, self.inner.grant_level_reward(to, reward))
    }

    fn grant_course_role<'a>(
        &'a self,
        to: &'a AccountRef,
        course: &'a str,
        grant: &'a PlatformGrant,
    ) -> PlatformFuture<'a> {
        self.counted(to.platform, self.inner.grant_course_role(to, course, grant))
    }

    fn forget_files<'a>(&'a self, member: MemberId, account: &'a AccountRef) -> PlatformFuture<'a> {
        self.inner.forget_files(member, account)
    }

    fn invoice_link<'a>(&'a self, platform: Platform, invoice: &'a Invoice) -> LinkFuture<'a> {
        self.inner.invoice_link(platform, invoice)
    }

    fn refund_payment<'a>(&'a self, payer: &'a AccountRef, charge: &'a str) -> PlatformFuture<'a> {
        self.counted(payer.platform, self.inner.refund_payment(payer, charge))
    }

    fn set_renewal<'a>(
        &'a self,
        payer: &'a AccountRef,
        charge: &'a str,
        renew: bool,
    ) -> PlatformFuture<'a> {
        self.counted(payer.platform, self.inner.set_renewal(payer, charge, renew))
    }
}
