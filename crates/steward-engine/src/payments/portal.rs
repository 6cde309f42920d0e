//! Stripe's Customer Portal for a member who pays by card: where they update their card or see
//! their invoices. `/subscription` sends the link by direct message; the member's own web page
//! has a button (a POST: a GET never opens a billing session).

use super::Storefront;
use crate::EngineResult;
use crate::commands::CommandContext;
use crate::core::access::Viewer;
use crate::core::ids::MemberId;
use crate::core::payments::Provider;
use crate::store::SubscriptionRow;
use crate::tr;
use crate::web::PageError;

impl Storefront {
    /// The Stripe customer of a member's running card subscription, when card payments are on.
    fn card_customer(&self, subscriptions: &[SubscriptionRow]) -> Option<String> {
        self.paid.card_payments()?;
        subscriptions
            .iter()
            .filter(|s| s.provider == Provider::Stripe && s.ended_at.is_none())
            .find(|s| s.payer.starts_with("cus_"))
            .map(|s| s.payer.clone())
    }

    /// Whether `member` has a card subscription the portal manages.
    pub(crate) async fn manages_card(&self, member: MemberId) -> EngineResult<bool> {
        if self.paid.card_payments().is_none() {
            return Ok(false);
        }
        let subscriptions = self.kernel.store.subscriptions_of(member).await?;
        Ok(self.card_customer(&subscriptions).is_some())
    }

    /// The address the portal comes back to: the member's own page.
    fn portal_return_url(&self) -> String {
        format!(
            "{}/me",
            self.kernel.config.web.public_url.trim_end_matches('/')
        )
    }

    /// For a member paying by card: a Customer Portal link to update the card, sent by direct
    /// message (it opens the member's billing to whoever holds it); what to say about it.
    pub(super) async fn send_card_portal(
        &self,
        ctx: &CommandContext,
        subscriptions: &[SubscriptionRow],
    ) -> Option<String> {
        let card = self.paid.card_payments()?;
        let customer = self.card_customer(subscriptions)?;
        let lang = ctx.lang;
        let link = match card.portal(&customer, &self.portal_return_url()).await {
            Ok(link) => link,
            Err(e) => {
                tracing::warn!(error = %e, "no customer portal link");
                return Some(tr!(
                    lang,
                    "subscription-portal-failed",
                    error = e.describe(lang)
                ));
            }
        };
        let account = &ctx.sender.person.profile.account;
        let text = tr!(lang, "subscription-portal-link", link = link);
        Some(match self.kernel.platform.dm(account, &text).await {
            Ok(_) => tr!(lang, "subscription-portal-sent"),
            Err(e) => tr!(lang, "subscription-portal-failed", error = e.describe(lang)),
        })
    }

    /// The member page's "manage card": the portal address for the logged-in member, or why
    /// not. Rights are checked on this request: only a member's own card subscription.
    pub async fn web_billing_portal(&self, viewer: &Viewer) -> Result<String, PageError> {
        let Some(member) = viewer.member else {
            return Err(PageError::LoginNeeded);
        };
        let (Some(card), lang) = (
            self.paid.card_payments(),
            self.kernel.language_of(member).await,
        ) else {
            return Err(PageError::NotFound);
        };
        let subscriptions = self.kernel.store.subscriptions_of(member).await?;
        let customer = self
            .card_customer(&subscriptions)
            .ok_or_else(|| PageError::Refused(tr!(lang, "web-portal-none")))?;
        card.portal(&customer, &self.portal_return_url())
            .await
            .map_err(|e| {
                tracing::warn!(error = %e, "no customer portal link");
                PageError::Refused(tr!(
                    lang,
                    "subscription-portal-failed",
                    error = e.describe(lang)
                ))
            })
    }
}
