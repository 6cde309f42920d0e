//! Card payments through a hosted checkout (Stripe): the platform-neutral trait the provider's
//! adapter implements, and `/subscribe`'s card link. Access is never given when the checkout
//! page says it is paid, only when the provider reports the payment (`billing.rs`).

use super::storefront::Ways;
use super::{PaidTime, Storefront};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::core::access::Viewer;
use crate::core::duration::Term;
use crate::core::ids::MemberId;
use crate::core::payments::Plan;
use crate::core::payments::promo::{Promo, normalize_code};
use crate::i18n::Lang;
use crate::platform::{LinkFuture, PlatformFuture};
use crate::tr;
use crate::web::PageError;
use crate::{EngineError, EngineResult, PlatformError};

/// A hosted checkout to open for a member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardCheckout {
    /// The provider's price (a Stripe Price id).
    pub price: String,
    /// A subscription that renews by itself, or a one-time payment.
    pub recurring: bool,
    /// The signed member and plan reference the provider's events come back with.
    pub reference: String,
    /// Asking twice with the same key opens one checkout, not two.
    pub idempotency_key: String,
    /// Where the payer lands after paying, and after giving up.
    pub success_url: String,
    pub cancel_url: String,
    /// The checkout page's language.
    pub locale: &'static str,
    /// Free days before the first charge of a subscription.
    pub trial_days: Option<u32>,
    /// A promo code's discount, as the provider's coupon.
    pub coupon: Option<CardCoupon>,
}

/// A percentage off, as a Stripe coupon: made once under its id (which names its terms, since
/// a coupon cannot be changed) and applied to the checkout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardCoupon {
    pub id: String,
    pub percent_off: u8,
    /// Off the first payment only (Stripe `duration = once`), else every renewal (`forever`).
    pub once: bool,
}

impl CardCoupon {
    fn for_promo(promo: &Promo) -> Option<Self> {
        let percent_off = promo.card_percent()?;
        let once = promo.first_term_only;
        let duration = if once { "once" } else { "forever" };
        Some(Self {
            id: format!("steward-{}-{percent_off}-{duration}", promo.code),
            percent_off,
            once,
        })
    }
}

/// The price ids on a hosted checkout's lines.
pub type PricesFuture<'a> =
    Pin<Box<dyn Future<Output = Result<Vec<String>, PlatformError>> + Send + 'a>>;

/// A card payments provider.
pub trait CardPayments: Send + Sync {
    /// The price ids a completed checkout's lines charged (Stripe: its line items), so a
    /// payment is checked against the plan before it grants anything.
    fn checkout_prices<'a>(&'a self, checkout: &'a str) -> PricesFuture<'a>;
    /// Opens a hosted checkout; its address.
    fn checkout<'a>(&'a self, checkout: &'a CardCheckout) -> LinkFuture<'a>;
    /// Stops a subscription's renewal at the end of the period paid.
    fn stop_renewal<'a>(&'a self, subscription: &'a str) -> PlatformFuture<'a>;
    /// Refunds a charge in full.
    fn refund<'a>(&'a self, charge: &'a str) -> PlatformFuture<'a>;
    /// A short-lived page where `customer` updates their card and sees their invoices (Stripe's
    /// Customer Portal), returning to `return_url`; its address.
    fn portal<'a>(&'a self, customer: &'a str, return_url: &'a str) -> LinkFuture<'a>;
}

/// Checkouts asked for within this many seconds share one idempotency key.
pub(super) const SAME_CHECKOUT_SECS: i64 = 600;

impl PaidTime {
    /// Sells through `provider` from now on; a second provider is ignored (there is one).
    pub(crate) fn set_card_payments(&self, provider: Arc<dyn CardPayments>) {
        if self.card_provider.set(provider).is_err() {
            tracing::warn!("a second card payment provider was ignored");
        }
    }

    /// Card payments (Stripe), when configured.
    pub(crate) fn card_payments(&self) -> Option<&Arc<dyn CardPayments>> {
        self.card_provider.get()
    }

    /// Whether `plan` can be paid by card here.
    pub(super) fn card_payable(&self, plan: &Plan) -> bool {
        // Seats are sold in Stars for now: a card checkout for many seats needs a quantity.
        plan.stripe_price.is_some() && !plan.seats && self.card_payments().is_some()
    }
}

impl Storefront {
    /// The plans a member may buy by card on the web: (plan id, its line as `/plans` shows it).
    pub(crate) fn card_offers(&self, lang: Lang) -> Vec<(String, String)> {
        self.kernel
            .config
            .plans
            .iter()
            .filter(|p| self.paid.card_payable(p))
            .map(|p| (p.id.clone(), self.paid.plan_line(lang, p)))
            .collect()
    }

    /// The web page's "pay by card", with the promo code typed beside it (blank: none): the
    /// checkout address for the logged-in member, or why not.
    pub async fn web_checkout(
        &self,
        viewer: &Viewer,
        plan: &str,
        code: &str,
    ) -> Result<String, PageError> {
        let Some(member) = viewer.member else {
            return Err(PageError::LoginNeeded);
        };
        let plan = self
            .paid
            .plan(plan)
            .filter(|p| self.paid.card_payable(p))
            .ok_or(PageError::NotFound)?;
        let lang = self.kernel.language_of(member).await;
        let at = self.kernel.now();
        let code = match code.trim() {
            "" => None,
            typed => Some(
                normalize_code(typed)
                    .map_err(|_| PageError::Refused(tr!(lang, "parse-promo-code")))?,
            ),
        };
        let card = Ways {
            stars: false,
            card: true,
        };
        let purchase = self
            .purchase(member, plan, lang, at, code.as_deref().map(|c| (c, card)))
            .await;
        let (reference, held) = match purchase {
            Ok(bought) => bought,
            Err(EngineError::Refused(why)) => return Err(PageError::Refused(why.render(lang))),
            Err(EngineError::Store(e)) => return Err(PageError::Store(e)),
        };
        let promo = held.as_ref().map(|h| &h.promo);
        self.card_checkout_url(plan, member, reference, lang, at, promo)
            .await?
            .map_err(|e| {
                PageError::Refused(tr!(lang, "subscribe-failed", error = e.describe(lang)))
            })
    }

    /// The address of a card checkout for `plan`, for `member`, with `promo`'s discount.
    pub(super) async fn card_checkout_url(
        &self,
        plan: &Plan,
        member: MemberId,
        reference: String,
        lang: Lang,
        at: DateTime<Utc>,
        promo: Option<&Promo>,
    ) -> EngineResult<Result<String, PlatformError>> {
        let (Some(provider), Some(price)) = (self.paid.card_payments(), &plan.stripe_price) else {
            return Ok(Err(PlatformError::Failed(String::new())));
        };
        let public = &self.kernel.config.web.public_url;
        // A trial is offered once per member and plan.
        let trial_days = match plan.trial {
            Some(trial) if !self.kernel.store.had_trial(member, &plan.id).await? => {
                u32::try_from(trial.num_days()).ok()
            }
            _ => None,
        };
        let coupon = promo.and_then(CardCoupon::for_promo);
        let checkout = CardCheckout {
            price: price.clone(),
            recurring: plan.term != Term::Lifetime,
            reference,
            idempotency_key: format!(
                "steward-{}-{}-{price}-{}-{}-{}",
                member.0,
                plan.id,
                trial_days.unwrap_or(0),
                coupon.as_ref().map_or("", |c| c.id.as_str()),
                at.timestamp() / SAME_CHECKOUT_SECS
            ),
            success_url: format!("{public}/me"),
            cancel_url: format!("{public}/"),
            locale: lang.language(),
            trial_days,
            coupon,
        };
        Ok(provider.checkout(&checkout).await)
    }
}
