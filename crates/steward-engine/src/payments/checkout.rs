//! A completed payment (the checkout before it is `pre_checkout.rs`): recorded once by the provider's charge id in the same transaction as the
//! membership it extends, so a repeated or concurrent delivery changes nothing.

use super::{PaidTime, Payments};
use chrono::{DateTime, Utc};

use super::billing::EventMark;
use super::credit::{Held, stars_subscription};
use crate::EngineResult;
use crate::core::ids::MemberId;
use crate::core::payments::credit::shifted;
use crate::core::payments::decide::{Paid, PriceMismatch, pays_for};
use crate::core::payments::reference::PaymentRef;
use crate::core::payments::{Plan, Provider};
use crate::core::tiers::TierDef;
use crate::membership::{Extension, extend_in};
use crate::metrics::PaymentOutcome;
use crate::store::{PaymentRow, SubscriptionRow, WriteTx};
use crate::tr;

/// A payment the provider completed.
#[derive(Debug, Clone)]
pub struct PaymentReceived {
    pub provider: Provider,
    /// Who paid: `platform:user id` of the account (Stars), or the provider's customer id.
    pub payer: String,
    pub payload: String,
    pub amount: u64,
    pub currency: String,
    /// The provider's id of this charge: a repeat of it is not applied again.
    pub charge_id: String,
    /// The provider's price ids on the payment's lines (a Stripe Checkout Session's line
    /// items); empty for Stars, which are checked by amount and currency.
    pub prices: Vec<String>,
    /// The end of the period paid, where the provider says (a Stars subscription).
    pub period_end: Option<DateTime<Utc>>,
    /// Whether the provider renews it by itself.
    pub recurring: bool,
    /// A renewal rather than the first payment.
    pub renewal: bool,
    /// The event as received, kept for the audit.
    pub raw: String,
    pub at: DateTime<Utc>,
}

impl Payments {
    /// Applies a completed payment once; returns what to tell the payer (`None` for a repeat).
    pub async fn payment_received(&self, p: &PaymentReceived) -> Option<String> {
        match self.paid.apply_payment(p, None).await {
            Ok(reply) => reply,
            Err(e) => {
                self.kernel
                    .metrics
                    .money
                    .payment(p.provider, PaymentOutcome::Error);
                tracing::error!(error = ?e, charge = %p.charge_id, "a payment could not be applied");
                let lang = self.kernel.community_language();
                self.kernel
                    .tell_operators_with(|lang| {
                        tr!(lang, "payment-not-applied", charge = &p.charge_id)
                    })
                    .await;
                Some(tr!(lang, "payment-problem"))
            }
        }
    }
}

impl PaidTime {
    /// Applies a payment once (with the provider event it came in, where there is one); the
    /// text for the payer, `None` for a repeat.
    pub(super) async fn apply_payment(
        &self,
        p: &PaymentReceived,
        mark: Option<&EventMark<'_>>,
    ) -> EngineResult<Option<String>> {
        let secret = self.payment_secret().await?;
        let reference = PaymentRef::verify(&p.payload, &secret);
        let plan = reference.as_ref().and_then(|r| self.plan(&r.plan));
        let (Some(reference), Some(plan)) = (reference, plan) else {
            // Money arrived for something this community cannot name: keep it for the audit and
            // tell the operators, who can refund it.
            let mut tx = self.kernel.store.begin().await?;
            let row = self.payment_row(p, None, "unknown");
            if let Some(mark) = mark
                && !mark.record(&mut tx).await?
            {
                return Ok(None);
            }
            if tx.record_payment(&row, Some(&p.raw)).await? {
                tx.commit().await?;
                self.kernel
                    .metrics
                    .money
                    .payment(p.provider, PaymentOutcome::Unknown);
                self.kernel
                    .tell_operators_with(|lang| {
                        tr!(lang, "payment-not-applied", charge = &p.charge_id)
                    })
                    .await;
            }
            return Ok(Some(tr!(
                self.kernel.community_language(),
                "payment-problem"
            )));
        };
        let tier = self
            .membership
            .tier(self.kernel.community_language(), &plan.tier)?;
        let member = reference.member;
        let mut tx = self.kernel.store.begin().await?;
        if let Some(mark) = mark
            && !mark.record(&mut tx).await?
        {
            return Ok(None);
        }
        let began_at = if p.renewal {
            self.subscription_began_at(&mut tx, member, plan, p.provider)
                .await?
        } else {
            None
        };
        let held = match &reference.promo {
            Some(code) => tx.promo_use(code, member).await?,
            None => None,
        };
        // A team's payment pays for its seats, made before the invoice by its manager.
        let team = match reference.team {
            Some(id) => tx
                .team(id)
                .await?
                .filter(|t| t.manager == member && t.plan == plan.id),
            None => None,
        };
        let paid = Paid {
            amount: p.amount,
            currency: &p.currency,
            prices: &p.prices,
            began_at,
            promo_price: held.and_then(|h| h.stars).map(u64::from),
            // A reference naming a team this community has not got pays for nothing.
            seats: reference.team.map(|_| team.as_ref().map_or(0, |t| t.seats)),
            gift_code: reference.is_gift_code(),
        };
        let mut row = self.payment_row(p, Some(member), &plan.id);
        row.promo.clone_from(&reference.promo);
        // A first payment must come from a reference Steward issued lately; a renewal carries
        // its subscription's first one.
        let paid_at = mark.map_or(p.at, |m| m.created.min(p.at));
        let checked = if p.renewal || reference.is_fresh(paid_at) {
            pays_for(plan, p.provider, &paid)
        } else {
            Err(PriceMismatch::StaleReference)
        };
        if let Err(why) = checked {
            if !self
                .record_mismatch(tx, row, Some(&p.raw), plan, why)
                .await?
            {
                return Ok(None);
            }
            let outcome = if why == PriceMismatch::StaleReference {
                PaymentOutcome::Stale
            } else {
                PaymentOutcome::Mismatch
            };
            self.kernel.metrics.money.payment(p.provider, outcome);
            let lang = self.kernel.language_of(member).await;
            return Ok(Some(if why == PriceMismatch::StaleReference {
                tr!(lang, "payment-stale-payer", plan = &plan.id)
            } else {
                tr!(lang, "payment-mismatch-payer", plan = &plan.id)
            }));
        }
        // A Stars subscription's payments are one source whose credit is derived from all of
        // them: the membership moves by the change, whatever order they arrive in.
        let dated = p.provider == Provider::TelegramStars && p.period_end.is_some();
        let before = if dated {
            row.subscription = Some(stars_subscription(member, &plan.id));
            Some(self.stars_credit(&mut tx, member, plan).await?)
        } else {
            None
        };
        let Some(payment_id) = tx.record_payment_id(&row, Some(&p.raw)).await? else {
            return Ok(None);
        };
        if !p.renewal {
            if let Some(code) = &reference.promo {
                tx.keep_promo_use(code, member, payment_id).await?;
            }
            // A referred member's first payment starts their referrer's hold.
            tx.note_referral_payment(member, payment_id, p.at).await?;
        }
        if tx.charge_refunded(p.provider, &p.charge_id).await? {
            // Its refund arrived first: the payment is kept for the audit and gives nothing,
            // and a Stars subscription is cancelled at Telegram as the refund would have.
            if before.is_some() {
                tx.save_subscription(
                    &self.subscription_row(p, member, plan, p.period_end),
                    p.renewal,
                    p.at,
                )
                .await?;
            }
            tx.commit().await?;
            if before.is_some()
                && let Some(Err(e)) = self.stop_stars_renewal(&row).await
            {
                tracing::warn!(error = %e, "a refunded Stars subscription still renews");
            }
            return Ok(None);
        }
        if let Some(team) = &team {
            return self
                .apply_team_payment(tx, team, plan, payment_id, p.provider, p.at)
                .await;
        }
        if reference.is_gift_code() {
            // A code to give: the buyer gets the code, not the time.
            let text = self
                .issue_gift_code(tx, plan, member, payment_id, p.at)
                .await?;
            return Ok(Some(text));
        }
        let running = tx
            .membership(member, &tier.id)
            .await?
            .filter(|m| m.is_active(p.at));
        let lang = self.kernel.language_of(member).await;
        let action = if p.renewal { "renewal" } else { "payment" };
        let expires = match before {
            Some(before) => {
                tx.save_subscription(
                    &self.subscription_row(p, member, plan, p.period_end),
                    p.renewal,
                    p.at,
                )
                .await?;
                let after = self.stars_credit(&mut tx, member, plan).await?;
                let current = running.as_ref().map(|m| m.expires_at);
                let change = shifted(current, after - before, p.at);
                self.move_membership(
                    &mut tx,
                    Held { member, plan, tier },
                    change,
                    action,
                    None,
                    p.at,
                )
                .await?;
                self.running_expiry(&mut tx, member, tier, p.at)
                    .await?
                    .flatten()
            }
            None => {
                let expires = self
                    .extend_for_payment(&mut tx, p, member, plan, tier)
                    .await?;
                tx.save_subscription(
                    &self.subscription_row(p, member, plan, expires),
                    p.renewal,
                    p.at,
                )
                .await?;
                expires
            }
        };
        tx.commit().await?;
        self.kernel
            .metrics
            .money
            .payment(p.provider, PaymentOutcome::Granted);
        self.kernel.wake.notify_one();
        if running.is_none() {
            let problems = self.membership.give_access(member, tier).await?;
            if !problems.is_empty() {
                tracing::warn!(
                    member = member.0,
                    "paid access could not be given everywhere"
                );
            }
        }
        let until = self.membership.until(lang, expires);
        // `until` is in the recipient's language, for their DM.
        if let Some(gift) = reference.gift {
            return Ok(Some(
                self.gift_delivered(gift, member, &tier.name, &until)
                    .await?,
            ));
        }
        Ok(Some(if p.renewal {
            tr!(lang, "payment-renewed", tier = &tier.name, until = until)
        } else {
            tr!(lang, "payment-thanks", tier = &tier.name, until = until)
        }))
    }

    /// A one-time payment's (or a card invoice's) extension, as a grant extends.
    async fn extend_for_payment(
        &self,
        tx: &mut WriteTx,
        p: &PaymentReceived,
        member: MemberId,
        plan: &Plan,
        tier: &TierDef,
    ) -> EngineResult<Option<DateTime<Utc>>> {
        let ext = Extension {
            member,
            tier,
            term: plan.term,
            actor: None,
            action: if p.renewal { "renewal" } else { "payment" },
            at: p.at,
            day: self.kernel.config.calendar.day(p.at),
            // A renewing plan keeps access through `grace` after the paid period, so a renewal
            // that arrives late (or is retried) does not cut the member off; without one, the
            // membership ends then, once, through the expiry path.
            paid_until: p
                .period_end
                .map(|end| if p.recurring { end + plan.grace } else { end }),
            reminders: &self.kernel.config.membership.reminders,
        };
        extend_in(tx, ext).await
    }

    fn payment_row(&self, p: &PaymentReceived, member: Option<MemberId>, plan: &str) -> PaymentRow {
        PaymentRow {
            id: 0,
            provider: p.provider,
            provider_id: p.charge_id.clone(),
            member,
            plan: plan.to_owned(),
            kind: if p.renewal { "renewal" } else { "payment" }.to_owned(),
            amount: i64::try_from(p.amount).unwrap_or(i64::MAX),
            currency: p.currency.clone(),
            charge_ref: Some(p.charge_id.clone()),
            payer: Some(p.payer.clone()).filter(|payer| !payer.is_empty()),
            subscription: None,
            period_end: p.period_end,
            at: p.at,
            promo: None,
        }
    }

    fn subscription_row(
        &self,
        p: &PaymentReceived,
        member: MemberId,
        plan: &Plan,
        expires: Option<DateTime<Utc>>,
    ) -> SubscriptionRow {
        SubscriptionRow {
            member,
            plan: plan.id.clone(),
            provider: p.provider,
            charge_ref: p.charge_id.clone(),
            payer: p.payer.clone(),
            paid_until: p.period_end.or(expires),
            renews: p.recurring,
            cancelled_at: None,
            ended_at: None,
        }
    }
}
