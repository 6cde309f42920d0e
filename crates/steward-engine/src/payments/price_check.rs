//! Every payment is checked against the plan it pays for before it grants anything
//! (`core::payments::decide::pays_for`). One that does not pay for its plan is recorded in the
//! payments ledger as a `mismatch` (so the operators can refund it), grants nothing, and the
//! operators are told by DM what was paid and what the plan costs.

use super::PaidTime;
use crate::EngineResult;
use crate::core::ids::MemberId;
use crate::core::payments::decide::PriceMismatch;
use crate::core::payments::{Plan, Provider};
use crate::i18n::{Lang, money};
use crate::store::{PaymentRow, WriteTx};
use crate::tr;

impl PaidTime {
    /// What the first payment of `member`'s subscription to `plan` paid: Telegram renews a
    /// Stars subscription at that price, whatever the plan costs now.
    pub(super) async fn subscription_began_at(
        &self,
        tx: &mut WriteTx,
        member: MemberId,
        plan: &Plan,
        provider: Provider,
    ) -> EngineResult<Option<u64>> {
        let Some(subscription) = tx.subscription(member, &plan.id, provider).await? else {
            return Ok(None);
        };
        let first = tx
            .payment_by_charge(provider, &subscription.charge_ref)
            .await?;
        Ok(first
            .filter(|p| p.kind != "mismatch")
            .and_then(|p| u64::try_from(p.amount).ok()))
    }

    /// Records `row` (made a `mismatch`) in `tx`, commits, and tells the operators. `false`
    /// when the payment was recorded before (a repeat changes nothing).
    pub(super) async fn record_mismatch(
        &self,
        mut tx: WriteTx,
        row: PaymentRow,
        raw: Option<&str>,
        plan: &Plan,
        why: PriceMismatch,
    ) -> EngineResult<bool> {
        let row = PaymentRow {
            kind: "mismatch".to_owned(),
            ..row
        };
        let Some(id) = tx.record_payment_id(&row, raw).await? else {
            return Ok(false);
        };
        tx.commit().await?;
        tracing::warn!(
            payment = id,
            plan = %plan.id,
            amount = row.amount,
            currency = %row.currency,
            ?why,
            "a payment that does not pay for its plan: nothing granted"
        );
        self.kernel
            .tell_operators_with(|lang| {
                let paid = money(lang, row.amount, &row.currency);
                if why == PriceMismatch::StaleReference {
                    return tr!(
                        lang,
                        "payment-stale-reference",
                        id = id,
                        plan = &plan.id,
                        paid = paid
                    );
                }
                tr!(
                    lang,
                    "payment-mismatch",
                    id = id,
                    plan = &plan.id,
                    paid = paid,
                    price = self.plan_price(lang, plan, row.provider)
                )
            })
            .await;
        Ok(true)
    }

    /// What `plan` costs with `provider`, as operators read it.
    fn plan_price(&self, lang: Lang, plan: &Plan, provider: Provider) -> String {
        match provider {
            Provider::TelegramStars => match plan.stars {
                Some(stars) => money(lang, i64::from(stars), "XTR"),
                None => tr!(lang, "plan-price-none"),
            },
            Provider::Stripe => match &plan.stripe_price {
                Some(price) => tr!(lang, "plan-price-stripe", price = price),
                None => tr!(lang, "plan-price-none"),
            },
            Provider::DiscordSku => tr!(lang, "plan-price-discord"),
        }
    }
}
