//! Refunds: an operator's `/payments refund ID` asks the provider to give the money back, and a
//! refund the provider reports (Telegram's `refunded_payment`) is applied the same way, once:
//! the paid membership ends now and its access goes, as a revocation would take it.

use chrono::{DateTime, Utc};

use crate::core::ids::{AccountRef, IdOf, MemberId};
use crate::core::payments::Provider;
use crate::core::tiers::TierDef;
use crate::engine::commands::CommandContext;
use crate::engine::{Engine, EngineResult, refuse};
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
            .apply_refund(r.provider, &r.charge_id, Some(&r.raw), None, r.at)
            .await
        {
            Ok(Some((member, tier))) => {
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
        let Some(payment) = payment.filter(|p| p.kind == "payment" || p.kind == "renewal") else {
            return refuse(tr!(lang, "refund-unknown", id = id));
        };
        let (Some(charge), Some(payer)) = (payment.charge_ref.clone(), payer_of(&payment)) else {
            return refuse(tr!(lang, "refund-unknown", id = id));
        };
        if payment.provider != Provider::TelegramStars {
            return refuse(tr!(lang, "refund-at-provider", id = id));
        }
        if let Err(e) = self.platform.refund_payment(&payer, &charge).await {
            return refuse(tr!(
                lang,
                "refund-failed",
                id = id,
                error = e.describe(lang)
            ));
        }
        let applied = self
            .apply_refund(payment.provider, &charge, None, Some(ctx.member), ctx.at)
            .await?;
        if let Some((member, tier)) = applied {
            self.tell_with(member, |lang| {
                tr!(lang, "payment-refunded", tier = &tier.name)
            })
            .await?;
        }
        Ok(tr!(
            lang,
            "refund-done",
            id = id,
            amount = payment.amount,
            currency = &payment.currency
        ))
    }

    /// Records the refund of `charge` and ends the membership it paid for, in one transaction;
    /// the member and tier ended, or `None` when this refund was applied before or the charge
    /// is not known.
    async fn apply_refund(
        &self,
        provider: Provider,
        charge: &str,
        raw: Option<&str>,
        actor: Option<MemberId>,
        at: DateTime<Utc>,
    ) -> EngineResult<Option<(MemberId, &TierDef)>> {
        let mut tx = self.store.begin().await?;
        let Some(paid) = tx.payment_by_provider_id(provider, charge).await? else {
            tracing::warn!(charge, "a refund of a charge this community never recorded");
            return Ok(None);
        };
        let refund = PaymentRow {
            id: 0,
            provider,
            provider_id: format!("refund:{charge}"),
            kind: "refund".to_owned(),
            amount: -paid.amount,
            at,
            ..paid.clone()
        };
        if !tx.record_payment(&refund, raw).await? {
            return Ok(None);
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
