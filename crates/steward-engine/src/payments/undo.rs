//! What a refund takes back: exactly the time its payment gave, never time bought elsewhere.
//! A Stars subscription's payment leaves the subscription's credit without it (and the
//! subscription no longer renews: the refund cancels it at Telegram); a card subscription's
//! is settled from its remaining facts (`renewing.rs`); a one-time payment takes its term off
//! the membership, or, for a lifetime plan, gives back the end the member had before it. A
//! refund that arrives before its payment is kept, and the payment then gives nothing.

use super::PaidTime;
use chrono::{DateTime, Duration, Utc};

use super::billing::EventMark;
use super::credit::{Held, stars_subscription};
use super::renewing::Settled;
use crate::EngineResult;
use crate::core::duration::Term;
use crate::core::ids::MemberId;
use crate::core::payments::credit::{closed, shifted};
use crate::core::payments::renewal::MembershipChange;
use crate::core::payments::{Plan, Provider};
use crate::core::tiers::TierDef;
use crate::i18n::Lang;
use crate::metrics::PaymentOutcome;
use crate::store::{PaymentRow, WriteTx};
use crate::tr;

/// A refund applied: whose membership it touched and what is left of it.
pub(super) struct Undone<'a> {
    pub member: MemberId,
    pub tier: &'a TierDef,
    /// `None`: the membership ended; `Some(until)`: it still runs (time from elsewhere).
    pub left: Option<Option<DateTime<Utc>>>,
}

impl PaidTime {
    /// What to tell the member whose payment was refunded.
    pub(super) fn refunded_words(&self, lang: Lang, undone: &Undone<'_>) -> String {
        match undone.left {
            None => tr!(lang, "payment-refunded", tier = &undone.tier.name),
            Some(until) => tr!(
                lang,
                "payment-refunded-left",
                tier = &undone.tier.name,
                until = self.membership.until(lang, until)
            ),
        }
    }

    /// Records the refund of `charge` (of `amount`, or all of it) and takes back what it paid
    /// for, in one transaction (with the provider event it came in, if any). `None` when it
    /// was applied before, or its payment is not known (yet) or gave nothing.
    pub(super) async fn apply_refund(
        &self,
        provider: Provider,
        charge: &str,
        amount: Option<u64>,
        raw: Option<&str>,
        actor: Option<MemberId>,
        mark: Option<&EventMark<'_>>,
    ) -> EngineResult<Option<Undone<'_>>> {
        let at = self.kernel.now();
        let mut tx = self.kernel.store.begin().await?;
        if let Some(mark) = mark
            && !mark.record(&mut tx).await?
        {
            return Ok(None);
        }
        let paid = tx.payment_by_charge(provider, charge).await?;
        // A gift code's payment gave its payer no time: its refund voids the code instead
        // (time a redeemed code gave stays with whoever redeemed it).
        let bought_code = match &paid {
            Some(p) => tx.bought_gift_code(p.id).await?,
            None => false,
        };
        // A team's payment gave its manager no time either: its refund takes back the team's.
        let team = match &paid {
            Some(p) => tx.team_payment(p.id).await?,
            None => None,
        };
        let source = paid
            .as_ref()
            .filter(|p| p.kind != "mismatch" && !bought_code && team.is_none())
            .and_then(|p| {
                let plan = self.plan(&p.plan).filter(|plan| !plan.seats)?;
                Some((p.member?, plan, self.membership.tier_def(&plan.tier)?))
            });
        let stars_sub = source.filter(|(member, plan, _)| {
            paid.as_ref().and_then(|p| p.subscription.as_deref())
                == Some(stars_subscription(*member, &plan.id).as_str())
        });
        let before = match stars_sub {
            Some((member, plan, _)) => Some(self.stars_credit(&mut tx, member, plan).await?),
            None => None,
        };
        if !tx
            .record_payment(
                &refund_row(provider, charge, amount, paid.as_ref(), at),
                raw,
            )
            .await?
        {
            tx.commit().await?;
            return Ok(None);
        }
        if let Some(team) = team {
            self.take_back_team_time(&mut tx, team, at).await?;
        }
        let (Some(paid), Some((member, plan, tier))) = (paid, source) else {
            if team.is_none() {
                tracing::warn!(
                    charge,
                    "a refund of a charge not recorded (yet) or that gave nothing"
                );
            }
            tx.commit().await?;
            self.kernel.wake.notify_one();
            self.kernel
                .metrics
                .money
                .payment(provider, PaymentOutcome::Refunded);
            return Ok(None);
        };
        let current = self.running_expiry(&mut tx, member, tier, at).await?;
        let change = if let Some(before) = before {
            // It stops renewing once Telegram confirms the cancel (`refund.rs`), so that
            // `/subscription cancel` still offers it if Telegram could not be reached.
            let after = self.stars_credit(&mut tx, member, plan).await?;
            shifted(current, after - before, at)
        } else if let Some(subscription) = &paid.subscription {
            let undone = self
                .settle_card_refund(tx, subscription, provider, at)
                .await?;
            self.kernel
                .metrics
                .money
                .payment(provider, PaymentOutcome::Refunded);
            return Ok(undone);
        } else {
            tx.stop_renewal(member, &plan.id, provider, at).await?;
            self.one_time_refund(&mut tx, member, plan, tier, current, at)
                .await?
        };
        self.move_membership(
            &mut tx,
            Held { member, plan, tier },
            change,
            "refund",
            actor,
            at,
        )
        .await?;
        let left = self.running_expiry(&mut tx, member, tier, at).await?;
        tx.commit().await?;
        self.kernel
            .metrics
            .money
            .payment(provider, PaymentOutcome::Refunded);
        let settled = Settled {
            member,
            tier,
            change,
            was_running: current.is_some(),
        };
        self.follow_access(&settled, at).await?;
        Ok(Some(Undone { member, tier, left }))
    }

    /// What refunding a one-time payment of `plan` does: its term comes off the membership; a
    /// lifetime plan's refund gives back the end held before it, if the payment opened it.
    async fn one_time_refund(
        &self,
        tx: &mut WriteTx,
        member: MemberId,
        plan: &Plan,
        tier: &TierDef,
        current: Option<Option<DateTime<Utc>>>,
        at: DateTime<Utc>,
    ) -> EngineResult<MembershipChange> {
        Ok(match (plan.term, current) {
            (Term::For(span), current) => shifted(current, -span, at),
            (Term::Lifetime, Some(None)) => match tx.opened_by(member, &tier.id).await? {
                Some((action, banked)) if action == "payment" => {
                    closed(banked, Duration::zero(), at)
                }
                _ => MembershipChange::Keep,
            },
            (Term::Lifetime, _) => MembershipChange::Keep,
        })
    }

    /// A card subscription's refund: the subscription is settled from its remaining facts.
    async fn settle_card_refund(
        &self,
        mut tx: WriteTx,
        subscription: &str,
        provider: Provider,
        at: DateTime<Utc>,
    ) -> EngineResult<Option<Undone<'_>>> {
        let Some(row) = tx.subscription_by_charge(provider, subscription).await? else {
            tx.commit().await?;
            return Ok(None);
        };
        let settled = self.settle_in(&mut tx, &row, "refund", at).await?;
        let Some(settled) = settled else {
            tx.commit().await?;
            return Ok(None);
        };
        let left = self
            .running_expiry(&mut tx, row.member, settled.tier, at)
            .await?;
        tx.commit().await?;
        self.follow_access(&settled, at).await?;
        Ok(Some(Undone {
            member: row.member,
            tier: settled.tier,
            left,
        }))
    }
}

/// The ledger row of a refund of `charge`: of `amount`, or of all `paid` paid.
fn refund_row(
    provider: Provider,
    charge: &str,
    amount: Option<u64>,
    paid: Option<&PaymentRow>,
    at: DateTime<Utc>,
) -> PaymentRow {
    let refunded = amount.and_then(|a| i64::try_from(a).ok());
    PaymentRow {
        id: 0,
        provider,
        provider_id: format!("refund:{charge}"),
        member: paid.and_then(|p| p.member),
        plan: paid.map(|p| p.plan.clone()).unwrap_or_default(),
        kind: "refund".to_owned(),
        amount: -refunded.or(paid.map(|p| p.amount)).unwrap_or(0),
        currency: paid.map(|p| p.currency.clone()).unwrap_or_default(),
        charge_ref: Some(charge.to_owned()),
        payer: paid.and_then(|p| p.payer.clone()),
        subscription: paid.and_then(|p| p.subscription.clone()),
        period_end: None,
        at,
        promo: paid.and_then(|p| p.promo.clone()),
    }
}
