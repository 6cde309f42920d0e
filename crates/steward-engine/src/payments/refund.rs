//! Refunds: an operator's `/payments refund ID` asks the provider to give the money back, and a
//! refund the provider reports (Telegram's `refunded_payment`, Stripe's `charge.refunded`) is
//! applied the same way, once (`undo.rs`: what it takes back). A Stars subscription's refund
//! also cancels it at Telegram, which would otherwise charge again.

use super::{PaidTime, Payments, Storefront};
use chrono::{DateTime, Utc};

use crate::commands::{Acting, CommandContext};
use crate::core::ids::{AccountRef, IdOf, MemberId};
use crate::core::payments::Provider;
use crate::i18n::money;
use crate::store::PaymentRow;
use crate::{EngineResult, refuse};
use crate::{msg, tr};

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

impl Payments {
    /// Applies a refund the provider reports; what to tell the payer (`None`: already applied
    /// or not a charge of this community's).
    pub async fn payment_refunded(&self, r: &PaymentRefunded) -> Option<String> {
        match self
            .paid
            .apply_refund(r.provider, &r.charge_id, None, Some(&r.raw), None, None)
            .await
        {
            Ok(Some(undone)) => {
                if r.provider == Provider::TelegramStars
                    && let Ok(Some(payment)) = self.refunded_payment(r.provider, &r.charge_id).await
                    && let Some(Err(e)) = self.paid.stop_stars_renewal(&payment).await
                {
                    tracing::warn!(error = %e, "a refunded Stars subscription still renews");
                    self.kernel
                        .tell_operators_with(|lang| {
                            tr!(lang, "refund-renewal-not-stopped", error = e.describe(lang))
                        })
                        .await;
                }
                let lang = self.kernel.language_of(undone.member).await;
                Some(self.paid.refunded_words(lang, &undone))
            }
            Ok(None) => None,
            Err(e) => {
                tracing::error!(error = ?e, charge = %r.charge_id, "a refund could not be applied");
                None
            }
        }
    }

    /// The payment a refund of `charge` undid.
    async fn refunded_payment(
        &self,
        provider: Provider,
        charge: &str,
    ) -> EngineResult<Option<PaymentRow>> {
        let mut tx = self.kernel.store.begin().await?;
        let paid = tx.payment_by_charge(provider, charge).await?;
        tx.commit().await?;
        Ok(paid)
    }
}

impl Storefront {
    /// `/payments refund ID`: refunds the payment at its provider, then ends what it paid for.
    pub(crate) async fn refund_command(
        &self,
        ctx: &CommandContext,
        id: i64,
    ) -> EngineResult<String> {
        self.refund(ctx.acting(), id, None).await
    }

    /// Refunds payment `id` as `acting.member`: asks its provider, then takes back what it paid
    /// for and tells the payer. With `of`, only a payment of that member (the dashboard names
    /// the member whose row it acts on; a payment of anyone else is unknown there).
    pub(crate) async fn refund(
        &self,
        acting: Acting,
        id: i64,
        of: Option<MemberId>,
    ) -> EngineResult<String> {
        let lang = acting.lang;
        let payment = self
            .kernel
            .store
            .payment(id)
            .await?
            .filter(|p| of.is_none_or(|member| p.member == Some(member)));
        // A payment that did not pay for its plan granted nothing, but its money is refunded too.
        let refundable =
            |p: &PaymentRow| ["payment", "renewal", "mismatch"].contains(&p.kind.as_str());
        let Some(payment) = payment.filter(refundable) else {
            return refuse(msg!("refund-unknown", id = id));
        };
        let Some(charge) = payment.charge_ref.clone() else {
            return refuse(msg!("refund-unknown", id = id));
        };
        if self
            .kernel
            .store
            .charge_refunded(payment.provider, &charge)
            .await?
        {
            return refuse(msg!("refund-already", id = id));
        }
        let asked = match payment.provider {
            Provider::TelegramStars => match payer_of(&payment) {
                Some(payer) => self.kernel.platform.refund_payment(&payer, &charge).await,
                None => return refuse(msg!("refund-unknown", id = id)),
            },
            Provider::Stripe => match self.paid.card_payments() {
                Some(card) => card.refund(&charge).await,
                None => return refuse(msg!("refund-at-provider", id = id)),
            },
            Provider::DiscordSku => return refuse(msg!("refund-on-discord", id = id)),
        };
        if let Err(e) = asked {
            return refuse(msg!("refund-failed", id = id, error = e.describe(lang)));
        }
        let applied = self
            .paid
            .apply_refund(
                payment.provider,
                &charge,
                None,
                None,
                Some(acting.member),
                None,
            )
            .await?;
        if let Some(undone) = applied {
            self.kernel
                .tell_with(undone.member, |lang| {
                    self.paid.refunded_words(lang, &undone)
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
        match self.paid.stop_stars_renewal(&payment).await {
            Some(Ok(())) => reply.push_str(&format!("\n{}", tr!(lang, "refund-renewal-stopped"))),
            Some(Err(e)) => reply.push_str(&format!(
                "\n{}",
                tr!(lang, "refund-renewal-not-stopped", error = e.describe(lang))
            )),
            None => {}
        }
        Ok(reply)
    }
}

impl PaidTime {
    /// After a refund of a Stars payment: cancels its subscription at Telegram
    /// (`editUserStarSubscription` with the charge the subscription began with), which would
    /// otherwise charge the member again. `None` when the payment was no Stars subscription's.
    pub(super) async fn stop_stars_renewal(
        &self,
        payment: &PaymentRow,
    ) -> Option<Result<(), crate::PlatformError>> {
        if payment.provider != Provider::TelegramStars {
            return None;
        }
        let plan = self.plan(&payment.plan).filter(|p| p.stars_renews())?;
        let member = payment.member?;
        let subscription = self
            .kernel
            .store
            .subscriptions_of(member)
            .await
            .ok()?
            .into_iter()
            .find(|s| s.plan == plan.id && s.provider == Provider::TelegramStars)?;
        let payer = AccountRef::parse_checked(&subscription.payer, IdOf::Member).ok()?;
        let cancelled = self
            .kernel
            .platform
            .set_renewal(&payer, &subscription.charge_ref, false)
            .await;
        if cancelled.is_ok()
            && let Err(e) = self
                .stars_stopped(member, plan, "cancel", self.kernel.now())
                .await
        {
            tracing::error!(error = ?e, "a cancelled Stars subscription still renews in the books");
        }
        Some(cancelled)
    }
}

fn payer_of(payment: &PaymentRow) -> Option<AccountRef> {
    AccountRef::parse_checked(payment.payer.as_deref()?, IdOf::Member).ok()
}
