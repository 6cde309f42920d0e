//! Gift codes bought by card on the member's own web page: a plan with a `stripe_gift_price`
//! (a one-time Stripe Price for one term) is offered as "buy a gift code"; the checkout carries
//! a gift code's signed reference, the payment is checked against the gift Price, and the code
//! reaches the buyer by DM and on their page. Redeeming is the same `/redeem_gift CODE`.

use super::Storefront;
use super::card::{CardCheckout, SAME_CHECKOUT_SECS};

use crate::core::access::Viewer;
use crate::core::payments::reference::{GiftFrom, PaymentRef};
use crate::i18n::{Lang, date};
use crate::tr;
use crate::web::PageError;

impl Storefront {
    /// The plans a member may buy a gift code for by card: (plan id, its line).
    pub(crate) fn card_gift_offers(&self, lang: Lang) -> Vec<(String, String)> {
        if self.paid.card_payments().is_none() {
            return Vec::new();
        }
        self.kernel
            .config
            .plans
            .iter()
            .filter(|p| p.stripe_gift_price.is_some())
            .map(|p| (p.id.clone(), self.paid.plan_line(lang, p)))
            .collect()
    }

    /// The gift codes `member` bought, as their page lists them (their own page only).
    pub(crate) async fn codes_bought(
        &self,
        lang: Lang,
        member: crate::core::ids::MemberId,
    ) -> Result<Vec<String>, PageError> {
        let tz = self.kernel.config.calendar.tz;
        let codes = self.kernel.store.gift_codes_bought(member).await?;
        Ok(codes
            .iter()
            .map(|c| {
                let day = date(lang, c.expires_at.with_timezone(&tz).date_naive());
                if c.used {
                    tr!(lang, "web-gift-code-used", code = &c.code, plan = &c.plan)
                } else {
                    tr!(
                        lang,
                        "web-gift-code-open",
                        code = &c.code,
                        plan = &c.plan,
                        day = day
                    )
                }
            })
            .collect())
    }

    /// The member page's "buy a gift code by card": the checkout address, or why not.
    pub async fn web_gift_checkout(
        &self,
        viewer: &Viewer,
        plan: &str,
    ) -> Result<String, PageError> {
        let Some(member) = viewer.member else {
            return Err(PageError::LoginNeeded);
        };
        let (Some(provider), Some(plan)) = (self.paid.card_payments(), self.paid.plan(plan)) else {
            return Err(PageError::NotFound);
        };
        let Some(price) = plan.stripe_gift_price.clone() else {
            return Err(PageError::NotFound);
        };
        let lang = self.kernel.language_of(member).await;
        let at = self.kernel.now();
        // Bought for oneself as the giver: the reference's mark of a code.
        let giver = GiftFrom {
            giver: member,
            anonymous: false,
        };
        let reference = PaymentRef::new(member, &plan.id, at)
            .as_gift(giver)
            .sign(&self.paid.payment_secret().await?);
        let public = &self.kernel.config.web.public_url;
        let checkout = CardCheckout {
            idempotency_key: format!(
                "steward-gift-{}-{}-{price}-{}",
                member.0,
                plan.id,
                at.timestamp() / SAME_CHECKOUT_SECS
            ),
            price,
            // A gift code is paid once.
            recurring: false,
            reference,
            success_url: format!("{public}/me"),
            cancel_url: format!("{public}/me"),
            locale: lang.language(),
            trial_days: None,
            coupon: None,
        };
        provider.checkout(&checkout).await.map_err(|e| {
            PageError::Refused(tr!(lang, "subscribe-failed", error = e.describe(lang)))
        })
    }
}
