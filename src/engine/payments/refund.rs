//! Refunds: an operator's `/payments refund ID` asks the provider to give the money back, and a
//! refund the provider reports (Telegram's `refunded_payment`, Stripe's `charge.refunded`) is
//! applied the same way, once. A one-time payment's membership ends now and its access goes,
//! as a revocation would take it; a subscription's membership follows what its remaining
//! payments paid. A refund that arrives before its payment is kept, and the payment then gives
//! nothing.

use chrono::{DateTime, Utc};

use super::billing::EventMark;
use crate::core::ids::{AccountRef, IdOf, MemberId};
use crate::core::payments::Provider;
use crate::core::payments::renewal::MembershipChange;
use crate::core::tiers::TierDef;
use crate::engine::commands::CommandContext;
use crate::engine::{Engine, EngineResult, refuse};
use crate::i18n::money;
use crate::store::{MembershipEvent, PaymentRow};
use crate::tr;

/// A refund the provider reports.
#[derive(Debug, Clone)]
pub struct PaymentRefunded {
    pub provider: Provider,
    /// The refunded charge.
    pub charge_id: String,
    pub amount: u64,
    pub currency: String,
    pub raw: String,
    pub at: DateTime<Utc>,
}

impl Engine {
    /// Applies a refund the provider reports; what to tell the payer (`None`: already applied
    /// or not a charge of this community's).
    pub async fn payment_refunded(&self, r: &PaymentRefunded) -> Option<String> {
        match self
            .apply_refund(r.provider, &r.charge_id, None, Some(&r.raw), None, None)
            .await
        {
            Ok(Some((member, tier))) => {
                if r.provider == Provider::TelegramStars
                    && let Ok(Some(payment)) = self.refunded_payment(r.provider, &r.charge_id).await
                    && let Some(Err(e)) = self.stop_stars_renewal(&payment).await
                {
                    tracing::warn!(error = %e, "a refunded Stars subscription still renews");
                    self.tell_operators_with(|lang| {
                        tr!(lang, "refund-renewal-not-stopped", error = e.describe(lang))
                    })
                    .await;
                }
                let lang = self.language_of(member).await;
                Some(tr!(lang, "payment-refunded", tier = &tier.name))
            }
            Ok(None) => None,
            Err(e) => {
                tracing::error!(error = ?e, charge = %r.charge_id, "a refund could not be applied");
                None
            }
        }
    }

    /// `/payments refund ID`: refunds the payment at its provider, then ends what it paid for.
    pub(crate) async fn refund_command(
        &self,
        ctx: &CommandContext,
        id: i64,
    ) -> EngineResult<String> {
        let lang = ctx.lang;
        let payment = self.store.payment(id).await?;
        // A payment that did not pay for its plan granted nothing, but its money is refunded too.
        let refundable =
            |p: &PaymentRow| ["payment", "renewal", "mismatch"].contains(&p.kind.as_str());
        let Some(payment) = payment.filter(refundable) else {
            return refuse(tr!(lang, "refund-unknown", id = id));
        };
        let Some(charge) = payment.charge_ref.clone() else {
            return refuse(tr!(lang, "refund-unknown", id = id));
        };
        let asked = match payment.provider {
            Provider::TelegramStars => match payer_of(&payment) {
                Some(payer) => self.platform.refund_payment(&payer, &charge).await,
                None => return refuse(tr!(lang, "refund-unknown", id = id)),
            },
            Provider::Stripe => match &self.card_payments {
                Some(card) => card.refund(&charge).await,
                None => return refuse(tr!(lang, "refund-at-provider", id = id)),
            },
            Provider::DiscordSku => return refuse(tr!(lang, "refund-on-discord", id = id)),
        };
        if let Err(e) = asked {
            return refuse(tr!(
                lang,
                "refund-failed",
                id = id,
                error = e.describe(lang)
            ));
        }
        let applied = self
            .apply_refund(
                payment.provider,
                &charge,
                None,
                None,
                Some(ctx.member),
                None,
            )
            .await?;
        if let Some((member, tier)) = applied {
            self.tell_with(member, |lang| {
                tr!(lang, "payment-refunded", tier = &tier.name)
            })
            .await?;
        }
        let mut reply = tr!(
            lang,
            "refund-done",
            id = id,
            amount = money(lang, payment.amount, &payment.currency)
        );
        // Telegram would charge a Stars subscription again in 30 days: a refund stops it there.
        match self.stop_stars_renewal(&payment).await {
            Some(Ok(())) => reply.push_str(&format!("\n{}", tr!(lang, "refund-renewal-stopped"))),
            Some(Err(e)) => reply.push_str(&format!(
                "\n{}",
                tr!(lang, "refund-renewal-not-stopped", error = e.describe(lang))
            )),
            None => {}
        }
        Ok(reply)
    }

    /// The payment a refund of `charge` undid.
    async fn refunded_payment(
        &self,
        provider: Provider,
        charge: &str,
    ) -> EngineResult<Option<PaymentRow>> {
        let mut tx = self.store.begin().await?;
        let paid = tx.payment_by_charge(provider, charge).await?;
        tx.commit().await?;
        Ok(paid)
    }

    /// After a refund of a Stars payment: cancels its subscription at Telegram
    /// (`editUserStarSubscription` with the charge the subscription began with), which would
    /// otherwise charge the member again. `None` when the payment was no Stars subscription's.
    async fn stop_stars_renewal(
        &self,
        payment: &PaymentRow,
    ) -> Option<Result<(), crate::engine::PlatformError>> {
        if payment.provider != Provider::TelegramStars {
            return None;
        }
        let plan = self.plan(&payment.plan).filter(|p| p.stars_renews())?;
        let member = payment.member?;
        let subscription = self
            .store
            .subscriptions_of(member)
            .await
            .ok()?
            .into_iter()
            .find(|s| s.plan == plan.id && s.provider == Provider::TelegramStars)?;
        let payer = AccountRef::parse_checked(&subscription.payer, IdOf::Member).ok()?;
        Some(
            self.platform
                .set_renewal(&payer, &subscription.charge_ref, false)
                .await,
        )
    }

    /// Records the refund of `charge` (of `amount`, or all of it) and ends what it paid for, in
    /// one transaction (with the provider event it came in, if any); the member and tier whose
    /// membership ended, or `None` when nothing ended: applied before, not known yet, or time
    /// from elsewhere still runs.
    pub(super) async fn apply_refund(
        &self,
        provider: Provider,
        charge: &str,
        amount: Option<u64>,
        raw: Option<&str>,
        actor: Option<MemberId>,
        mark: Option<&EventMark<'_>>,
    ) -> EngineResult<Option<(MemberId, &TierDef)>> {
        let at = self.now();
        let mut tx = self.store.begin().await?;
        if let Some(mark) = mark
            && !mark.record(&mut tx).await?
        {
            return Ok(None);
        }
        let paid = tx.payment_by_charge(provider, charge).await?;
        let refunded = amount.and_then(|a| i64::try_from(a).ok());
        let refund = PaymentRow {
            id: 0,
            provider,
            provider_id: format!("refund:{charge}"),
            member: paid.as_ref().and_then(|p| p.member),
            plan: paid.as_ref().map(|p| p.plan.clone()).unwrap_or_default(),
            kind: "refund".to_owned(),
            amount: -refunded.or(paid.as_ref().map(|p| p.amount)).unwrap_or(0),
            currency: paid
                .as_ref()
                .map(|p| p.currency.clone())
                .unwrap_or_default(),
            charge_ref: Some(charge.to_owned()),
            payer: paid.as_ref().and_then(|p| p.payer.clone()),
            subscription: paid.as_ref().and_then(|p| p.subscription.clone()),
            period_end: None,
            at,
        };
        if !tx.record_payment(&refund, raw).await? {
            tx.commit().await?;
            return Ok(None);
        }
        let Some(paid) = paid.filter(|p| p.kind != "mismatch") else {
            tracing::warn!(
                charge,
                "a refund of a charge not recorded (yet): kept for its payment"
            );
            tx.commit().await?;
            return Ok(None);
        };
        if let Some(subscription) = &paid.subscription {
            let Some(row) = tx.subscription_by_charge(provider, subscription).await? else {
                tx.commit().await?;
                return Ok(None);
            };
            let settled = self.settle_in(&mut tx, &row, "refund", at).await?;
            tx.commit().await?;
            let Some(settled) = settled else {
                return Ok(None);
            };
            self.follow_access(&settled, at).await?;
            return Ok(
                (settled.change == MembershipChange::End).then_some((row.member, settled.tier))
            );
        }
        let (Some(member), Some(plan)) = (paid.member, self.plan(&paid.plan)) else {
            tx.commit().await?;
            return Ok(None);
        };
        let Some(tier) = self.tier_def(&plan.tier) else {
            tx.commit().await?;
            return Ok(None);
        };
        let current = tx.membership(member, &tier.id).await?;
        tx.stop_renewal(member, &plan.id, provider, at).await?;
        let ended = tx.end_membership(member, &tier.id, at).await?;
        if ended {
            tx.record_membership_event(MembershipEvent {
                member,
                tier: &tier.id,
                action: "refund",
                expires_before: current.and_then(|m| m.expires_at),
                expires_after: Some(at),
                actor,
                at,
                day: self.config.calendar.day(at),
            })
            .await?;
        }
        tx.commit().await?;
        if ended {
            let name = self.store.member(member).await?.display_name;
            self.end_access(member, &name, &[tier], at).await?;
        }
        Ok(Some((member, tier)))
    }
}

fn payer_of(payment: &PaymentRow) -> Option<AccountRef> {
    AccountRef::parse_checked(payment.payer.as_deref()?, IdOf::Member).ok()
}
