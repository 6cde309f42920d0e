//! A checkout before the charge: Telegram's `pre_checkout_query`, answered within seconds,
//! refused in the payer's language when the reference does not verify or is stale, the plan is
//! gone, the amount is not the plan's (or the promo's), or the promo's use is spent.

use chrono::{DateTime, Utc};

use super::Payments;
use crate::core::ids::MemberId;
use crate::core::payments::Provider;
use crate::core::payments::decide::{CheckoutRefusal, Paid, checkout};
use crate::core::payments::reference::PaymentRef;
use crate::events::Person;
use crate::i18n::Lang;
use crate::tr;

/// A checkout about to be charged.
#[derive(Debug, Clone)]
pub struct Checkout {
    pub provider: Provider,
    pub payer: Person,
    /// The payer's language as their app reports it.
    pub locale: Option<String>,
    pub payload: String,
    pub amount: u64,
    pub currency: String,
    pub at: DateTime<Utc>,
}

impl Payments {
    /// The payer's language: their chosen one if they are a member, else their app's.
    async fn payer_language(&self, member: Option<MemberId>, locale: Option<&str>) -> Lang {
        match member {
            Some(member) => self.kernel.reply_language(member, locale).await,
            None => self.kernel.community_language(),
        }
    }

    /// Whether a checkout may be charged: `Err` carries the reason, in the payer's language.
    pub async fn pre_checkout(&self, c: &Checkout) -> Result<(), String> {
        let secret = self.paid.payment_secret().await.map_err(|e| {
            tracing::error!(error = %e, "no payment secret");
            tr!(self.kernel.community_language(), "error-internal")
        })?;
        let reference = PaymentRef::verify(&c.payload, &secret);
        let lang = self
            .payer_language(reference.as_ref().map(|r| r.member), c.locale.as_deref())
            .await;
        let Some(reference) = reference else {
            tracing::warn!(payload = %c.payload, "a checkout with a reference this community did not sign");
            return Err(tr!(lang, "checkout-bad-reference"));
        };
        if !reference.is_fresh(c.at) {
            return Err(tr!(lang, "checkout-expired", plan = &reference.plan));
        }
        let plan = self.paid.plan(&reference.plan);
        let current = match plan {
            Some(p) => self
                .kernel
                .store
                .memberships(reference.member)
                .await
                .map_err(|_| tr!(lang, "error-internal"))?
                .into_iter()
                .find(|m| m.tier == p.tier),
            None => None,
        };
        // A promo's price is the one its use was taken at; a use already paid for is spent.
        let promo_price = match &reference.promo {
            Some(code) => {
                let held = self
                    .kernel
                    .store
                    .promo_use(code, reference.member)
                    .await
                    .map_err(|_| tr!(lang, "error-internal"))?;
                match held {
                    Some(held) if !held.paid => held.stars.map(u64::from),
                    _ => return Err(tr!(lang, "checkout-promo-spent", code = code)),
                }
            }
            None => None,
        };
        // A team is paid for by its manager, to start it or renew it, until it ends.
        let seats = match reference.team {
            Some(id) => {
                let team = self
                    .kernel
                    .store
                    .team(id)
                    .await
                    .map_err(|_| tr!(lang, "error-internal"))?;
                match team {
                    Some(t) if t.ended_at.is_none() => Some(t.seats),
                    _ => return Err(tr!(lang, "checkout-team-gone")),
                }
            }
            None => None,
        };
        let paid = Paid {
            amount: c.amount,
            currency: &c.currency,
            prices: &[],
            began_at: None,
            promo_price,
            seats,
            gift_code: reference.is_gift_code(),
        };
        // The manager's own membership is not what a team's payment buys.
        let current = current.filter(|_| seats.is_none());
        checkout(plan, c.provider, &paid, current.as_ref(), c.at).map_err(|why| match why {
            CheckoutRefusal::NotOnSale => tr!(lang, "checkout-not-on-sale", plan = &reference.plan),
            CheckoutRefusal::BadReference => tr!(lang, "checkout-bad-reference"),
            CheckoutRefusal::WrongPrice => tr!(lang, "checkout-wrong-price"),
            CheckoutRefusal::AlreadyLifetime => tr!(lang, "checkout-already-lifetime"),
        })
    }
}
