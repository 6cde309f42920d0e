//! Selling tiers: `/plans`, `/subscribe`, `/paysupport` (this file), checkouts and the payments
//! providers report (`checkout.rs`: each applied once, through the same grant and end paths as
//! `/member`), card payments (`card.rs`: the provider trait; `billing.rs`: its events;
//! `renewing.rs`: a subscription's effect on the membership), refunds (`refund.rs`), and what
//! members and operators see (`views.rs`).

mod billing;
mod card;
mod card_gifts;
mod checkout;
mod credit;
mod entitlements;
mod gifts;
mod intake;
mod portal;
mod pre_checkout;
mod price_check;
mod promos;
mod refund;
mod renewing;
mod storefront;
mod subscription_events;
mod team_checkout;
mod undo;
mod views;

use crate::core::payments::Plan;
use crate::i18n::Lang;
use crate::membership::words::term as term_words;
use crate::{EngineResult, refuse};
use crate::{Kernel, Memberships};
use crate::{msg, tr};
pub use billing::{Applied, Billing, BillingEvent, SubscriptionRef};
pub use card::{CardCheckout, CardCoupon, CardPayments, PricesFuture};
pub use checkout::PaymentReceived;
pub use entitlements::{Entitlement, EntitlementChange};
pub use intake::Payments;
pub use pre_checkout::Checkout;
pub use refund::PaymentRefunded;
use std::sync::Arc;
pub use storefront::Storefront;
pub(crate) use team_checkout::TeamOrder;

/// Paid time: the plans on sale, the signed references they are bought with, the card
/// provider, and how each payment, renewal and refund moves a membership by exactly what it
/// paid for (checked against its plan first). The providers' reports (`Payments`) and what
/// members and operators are shown (`Storefront`) both go through it.
pub struct PaidTime {
    kernel: Arc<Kernel>,
    membership: Arc<Memberships>,
    payment_secret: tokio::sync::OnceCell<Vec<u8>>,
    card_provider: std::sync::OnceLock<Arc<dyn CardPayments>>,
}

impl PaidTime {
    pub(crate) fn new(kernel: Arc<Kernel>, membership: Arc<Memberships>) -> Self {
        Self {
            payment_secret: tokio::sync::OnceCell::new(),
            card_provider: std::sync::OnceLock::new(),
            kernel,
            membership,
        }
    }
}

impl PaidTime {
    /// The secret payment references are signed with: read (or created) once per process.
    async fn payment_secret(&self) -> EngineResult<Vec<u8>> {
        let secret = self
            .payment_secret
            .get_or_try_init(|| self.kernel.store.payment_secret())
            .await?;
        Ok(secret.clone())
    }

    /// The community's secret, for what else is derived from it (invite codes).
    pub(crate) async fn secret(&self) -> EngineResult<Vec<u8>> {
        self.payment_secret().await
    }

    pub(crate) fn plan(&self, id: &str) -> Option<&Plan> {
        self.kernel.config.plans.iter().find(|p| p.id == id)
    }

    /// A plan a member buys for themselves (or gives), by id, or a refusal that lists the
    /// plans on sale: a plan sold as seats is bought with `/team create`.
    pub(super) fn plan_or_refuse(&self, id: &str) -> EngineResult<&Plan> {
        match self.plan(id) {
            Some(plan) if plan.seats => refuse(msg!("plan-team-only", plan = id)),
            Some(plan) => Ok(plan),
            None => refuse(msg!("plan-unknown", plan = id)),
        }
    }

    /// One plan in a line: its tier, term and prices.
    pub(crate) fn plan_line(&self, lang: Lang, plan: &Plan) -> String {
        let tier = self
            .membership
            .tier_def(&plan.tier)
            .map_or(plan.tier.as_str(), |t| t.name.as_str());
        let mut prices = Vec::new();
        if let (Some(stars), true) = (plan.stars, plan.seats) {
            prices.push(tr!(lang, "plan-price-stars-seat", stars = stars));
        } else if let Some(stars) = plan.stars {
            prices.push(if plan.stars_renews() {
                tr!(lang, "plan-price-stars-monthly", stars = stars)
            } else {
                tr!(lang, "plan-price-stars", stars = stars)
            });
        }
        if self.card_payable(plan) {
            prices.push(match plan.trial {
                Some(trial) => tr!(lang, "plan-price-card-trial", days = trial.num_days()),
                None => tr!(lang, "plan-price-card"),
            });
        }
        if plan.discord_sku.is_some() {
            prices.push(tr!(lang, "plan-price-discord"));
        }
        tr!(
            lang,
            "plan-line",
            plan = &plan.id,
            tier = tier,
            term = term_words(plan.term),
            prices = prices.join(" · ")
        )
    }
}
