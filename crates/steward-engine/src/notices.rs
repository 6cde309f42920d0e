//! Messages outside replies: a DM to a member on whichever account takes it, in their language,
//! and reports to the operators listed in config for things that need a person (missed drops,
//! failed deliveries, dry-run removals), in each operator's language.

use super::EngineResult;
use crate::Kernel;
use crate::core::ids::MemberId;
use crate::i18n::{Lang, Msg};

impl Kernel {
    /// DMs a member, in their language, on their first account that takes it; a closed DM is
    /// logged, not fatal. Returns whether any account took it.
    pub(crate) async fn tell(&self, member: MemberId, msg: &Msg) -> EngineResult<bool> {
        self.tell_with(member, |lang| msg.render(lang)).await
    }

    /// [`Kernel::tell`] for a text put together from several keys.
    pub(crate) async fn tell_with(
        &self,
        member: MemberId,
        text: impl Fn(Lang) -> String,
    ) -> EngineResult<bool> {
        let text = text(self.language_of(member).await);
        for account in self.store.accounts_of(member).await? {
            match self.platform.dm(&account, &text).await {
                Ok(()) => return Ok(true),
                Err(e) => {
                    tracing::info!(%account, error = %e, "DM failed, trying the next account")
                }
            }
        }
        Ok(false)
    }

    /// Tells the operators listed in config about something that needs a person.
    pub(crate) async fn tell_operators(&self, msg: &Msg) {
        self.tell_operators_with(|lang| msg.render(lang)).await;
    }

    /// [`Kernel::tell_operators`] for a text put together from several keys.
    pub(crate) async fn tell_operators_with(&self, text: impl Fn(Lang) -> String) {
        for operator in &self.config.operators {
            let lang = match self.store.member_of(operator).await {
                Ok(Some(member)) => self.language_of(member).await,
                _ => self.community_language(),
            };
            if let Err(e) = self.platform.dm(operator, &text(lang)).await {
                tracing::warn!(%operator, error = %e, "operator report failed");
            }
        }
        tracing::info!(
            report = text(self.community_language()),
            "reported to operators"
        );
    }
}
