//! The adapters the engine acts through: one per platform (`steward run`: Telegram and
//! Discord), or one for every platform (the console, tests). Each call goes to the adapter of
//! the platform it concerns, and a failed call is counted in the metrics by platform and kind
//! (a 429 as `rate_limited`), whichever service made it. This is the engine's only way out.

use std::sync::Arc;

use super::{
    ChatPlatform, DropTarget, FetchFuture, Invoice, LinkFuture, OpenedQuestion, OutboundDrop,
    OutboundFile, PlatformError, PlatformFuture, QuestionPost,
};
use crate::core::ids::{AccountRef, ChatRef, MemberId, Platform, PlatformGrant};
use crate::core::levels::LevelReward;
use crate::core::media::Media;
use crate::core::tiers::{TierAccess, TierDef};
use crate::i18n::Lang;
use crate::metrics::Metrics;
use crate::msg;

/// Which adapter serves which platform; actions for a platform without one fail plainly.
#[derive(Default, Clone)]
pub struct Platforms {
    routes: Vec<(Platform, Arc<dyn ChatPlatform>)>,
    every: Option<Arc<dyn ChatPlatform>>,
}

impl Platforms {
    /// `adapter` serves `platform`.
    #[must_use]
    pub fn with(mut self, platform: Platform, adapter: Arc<dyn ChatPlatform>) -> Self {
        self.routes.push((platform, adapter));
        self
    }

    fn route(&self, platform: Platform) -> Result<&Arc<dyn ChatPlatform>, PlatformError> {
        self.routes
            .iter()
            .find(|(p, _)| *p == platform)
            .map(|(_, adapter)| adapter)
            .or(self.every.as_ref())
            .ok_or_else(|| {
                PlatformError::Refused(msg!("platform-not-connected", platform = platform.title()))
            })
    }
}

/// One adapter for every platform; it says itself which it drives.
impl From<Arc<dyn ChatPlatform>> for Platforms {
    fn from(adapter: Arc<dyn ChatPlatform>) -> Self {
        Self {
            routes: Vec::new(),
            every: Some(adapter),
        }
    }
}

impl<P: ChatPlatform + 'static> From<Arc<P>> for Platforms {
    fn from(adapter: Arc<P>) -> Self {
        Self::from(adapter as Arc<dyn ChatPlatform>)
    }
}

/// [`Platforms`] with the metrics their failures are counted in: the kernel's outbound side.
pub(crate) struct Outbound {
    platforms: Platforms,
    metrics: Arc<Metrics>,
}

impl Outbound {
    pub(crate) fn new(platforms: Platforms, metrics: Arc<Metrics>) -> Self {
        Self { platforms, metrics }
    }

    /// Calls `act` on the adapter of `platform`, counting a failure.
    fn call<'a>(
        &'a self,
        platform: Platform,
        act: impl FnOnce(&'a dyn ChatPlatform) -> PlatformFuture<'a>,
    ) -> PlatformFuture<'a> {
        let call = self
            .platforms
            .route(platform)
            .map(|adapter| act(adapter.as_ref()));
        Box::pin(async move {
            let result = match call {
                Ok(call) => call.await,
                Err(refused) => Err(refused),
            };
            if let Err(error) = &result {
                self.metrics.platform_error(platform, error);
            }
            result
        })
    }

    /// See [`ChatPlatform::drives`].
    pub(crate) fn drives(&self, platform: Platform) -> bool {
        self.platforms
            .route(platform)
            .is_ok_and(|adapter| adapter.drives(platform))
    }

    pub(crate) fn post<'a>(&'a self, chat: &'a ChatRef, text: &'a str) -> PlatformFuture<'a> {
        self.call(chat.platform, |a| a.post(chat, text))
    }

    pub(crate) fn dm<'a>(&'a self, to: &'a AccountRef, text: &'a str) -> PlatformFuture<'a> {
        self.call(to.platform, |a| a.dm(to, text))
    }

    pub(crate) fn dm_quiet<'a>(&'a self, to: &'a AccountRef, text: &'a str) -> PlatformFuture<'a> {
        self.call(to.platform, |a| a.dm_quiet(to, text))
    }

    pub(crate) fn dm_once<'a>(
        &'a self,
        to: &'a AccountRef,
        text: &'a str,
        key: &'a str,
    ) -> PlatformFuture<'a> {
        self.call(to.platform, |a| a.dm_once(to, text, key))
    }

    pub(crate) fn recognises_repeats(&self, platform: Platform) -> bool {
        self.platforms
            .route(platform)
            .is_ok_and(|adapter| adapter.recognises_repeats(platform))
    }

    pub(crate) fn copies_messages(&self, platform: Platform) -> bool {
        self.platforms
            .route(platform)
            .is_ok_and(|adapter| adapter.copies_messages(platform))
    }

    pub(crate) fn upload_limit(&self, platform: Platform) -> u64 {
        self.platforms
            .route(platform)
            .map_or(u64::MAX, |adapter| adapter.upload_limit(platform))
    }

    pub(crate) fn fetch_media<'a>(
        &'a self,
        platform: Platform,
        media: &'a Media,
        max: u64,
    ) -> FetchFuture<'a> {
        let call = self.platforms.route(platform);
        Box::pin(async move {
            let result = match call {
                Ok(adapter) => adapter.fetch_media(platform, media, max).await,
                Err(refused) => Err(refused),
            };
            if let Err(error) = &result {
                self.metrics.platform_error(platform, error);
            }
            result
        })
    }

    pub(crate) fn send_file<'a>(
        &'a self,
        to: &'a DropTarget,
        file: &'a OutboundFile,
    ) -> PlatformFuture<'a> {
        self.call(to.platform(), |a| a.send_file(to, file))
    }

    pub(crate) fn send_drop<'a>(
        &'a self,
        to: &'a DropTarget,
        drop: &'a OutboundDrop,
    ) -> PlatformFuture<'a> {
        self.call(to.platform(), |a| a.send_drop(to, drop))
    }

    pub(crate) async fn open_question(
        &self,
        platform: Platform,
        post: &QuestionPost,
    ) -> Result<OpenedQuestion, PlatformError> {
        let result = match self.platforms.route(platform) {
            Ok(adapter) => adapter.open_question(post).await,
            Err(refused) => Err(refused),
        };
        if let Err(error) = &result {
            self.metrics.platform_error(platform, error);
        }
        result
    }

    pub(crate) fn grant_access<'a>(
        &'a self,
        to: &'a AccountRef,
        tier: &'a TierDef,
        lang: Lang,
    ) -> PlatformFuture<'a> {
        self.call(to.platform, |a| a.grant_access(to, tier, lang))
    }

    pub(crate) fn revoke_access<'a>(
        &'a self,
        from: &'a AccountRef,
        tier: &'a TierDef,
        access: &'a TierAccess,
    ) -> PlatformFuture<'a> {
        self.call(from.platform, |a| a.revoke_access(from, tier, access))
    }

    pub(crate) fn grant_level_reward<'a>(
        &'a self,
        to: &'a AccountRef,
        reward: &'a LevelReward,
    ) -> PlatformFuture<'a> {
        self.call(to.platform, |a| a.grant_level_reward(to, reward))
    }

    pub(crate) fn grant_course_role<'a>(
        &'a self,
        to: &'a AccountRef,
        course: &'a str,
        grant: &'a PlatformGrant,
    ) -> PlatformFuture<'a> {
        self.call(to.platform, |a| a.grant_course_role(to, course, grant))
    }

    /// Nothing to forget where no adapter serves the account's platform.
    pub(crate) fn forget_files<'a>(
        &'a self,
        member: MemberId,
        account: &'a AccountRef,
    ) -> PlatformFuture<'a> {
        match self.platforms.route(account.platform) {
            Ok(adapter) => adapter.forget_files(member, account),
            Err(_) => Box::pin(async { Ok(()) }),
        }
    }

    pub(crate) fn invoice_link<'a>(
        &'a self,
        platform: Platform,
        invoice: &'a Invoice,
    ) -> LinkFuture<'a> {
        match self.platforms.route(platform) {
            Ok(adapter) => adapter.invoice_link(platform, invoice),
            Err(refused) => Box::pin(async move { Err(refused) }),
        }
    }

    pub(crate) fn refund_payment<'a>(
        &'a self,
        payer: &'a AccountRef,
        charge: &'a str,
    ) -> PlatformFuture<'a> {
        self.call(payer.platform, |a| a.refund_payment(payer, charge))
    }

    pub(crate) fn set_renewal<'a>(
        &'a self,
        payer: &'a AccountRef,
        charge: &'a str,
        renew: bool,
    ) -> PlatformFuture<'a> {
        self.call(payer.platform, |a| a.set_renewal(payer, charge, renew))
    }
}
