//! A subscription's events: each adds a fact (it started, a period was paid, a renewal failed,
//! its status changed) in one transaction with its event id, the membership is settled from
//! all the facts (`renewing.rs`), and the member is told what changed.

use super::Payments;
use chrono::{DateTime, Utc};

use super::billing::{BillingEvent, EventMark, SubscriptionRef};
use super::renewing::Settled;
use crate::EngineResult;
use crate::core::payments::Provider;
use crate::core::payments::decide::{Paid, pays_for};
use crate::core::payments::reference::PaymentRef;
use crate::core::payments::renewal::{MembershipChange, RenewalStatus};
use crate::metrics::PaymentOutcome;
use crate::payments::Applied;
use crate::store::{PaymentRow, SubscriptionRow, WriteTx};
use crate::tr;

/// A fact about a subscription.
pub(super) enum Fact<'a> {
    Started,
    Paid {
        invoice: &'a str,
        charge: Option<&'a str>,
        period_end: DateTime<Utc>,
        amount: u64,
        currency: &'a str,
        /// The price ids on the invoice's lines.
        prices: &'a [String],
        first: bool,
    },
    Failed {
        amount: u64,
        currency: &'a str,
    },
    Status(RenewalStatus),
}

impl Payments {
    pub(super) async fn subscription_fact(
        &self,
        e: &BillingEvent,
        mark: &EventMark<'_>,
        sub: &SubscriptionRef,
        fact: Fact<'_>,
    ) -> EngineResult<Applied> {
        let now = mark.at;
        // Read before the transaction: made on first use, through the one writer.
        let secret = self.paid.payment_secret().await?;
        let mut tx = self.kernel.store.begin().await?;
        let Some(row) = self
            .resolve_subscription(&mut tx, e.provider, sub, now)
            .await?
        else {
            return Ok(Applied::NotOurs);
        };
        if !mark.record(&mut tx).await? {
            return Ok(Applied::Repeat);
        }
        let payment = |provider_id: String, kind: &str, amount: u64, currency: &str| PaymentRow {
            id: 0,
            provider: e.provider,
            provider_id,
            member: Some(row.member),
            plan: row.plan.clone(),
            kind: kind.to_owned(),
            amount: i64::try_from(amount).unwrap_or(i64::MAX),
            currency: currency.to_uppercase(),
            charge_ref: None,
            payer: sub.customer.clone(),
            subscription: Some(row.charge_ref.clone()),
            period_end: None,
            at: now,
            promo: None,
        };
        let action = match &fact {
            Fact::Started => "payment",
            Fact::Paid {
                invoice,
                charge,
                period_end,
                amount,
                currency,
                prices,
                first,
            } => {
                let kind = match (*first, *amount) {
                    (true, 0) => "trial",
                    (true, _) => "payment",
                    (false, _) => "renewal",
                };
                // The code the checkout was opened with, signed into the reference.
                let promo = sub
                    .reference
                    .as_deref()
                    .and_then(|r| PaymentRef::verify(r, &secret))
                    .and_then(|r| r.promo);
                let row = PaymentRow {
                    charge_ref: charge.map(str::to_owned),
                    period_end: Some(*period_end),
                    promo,
                    ..payment((*invoice).to_owned(), kind, *amount, currency)
                };
                if let Some(plan) = self.paid.plan(&row.plan) {
                    let paid = Paid {
                        amount: *amount,
                        currency,
                        prices,
                        began_at: None,
                        promo_price: None,
                        seats: None,
                        gift_code: false,
                    };
                    if let Err(why) = pays_for(plan, e.provider, &paid) {
                        if self
                            .paid
                            .record_mismatch(tx, row, Some(&e.raw), plan, why)
                            .await?
                        {
                            self.kernel
                                .metrics
                                .money
                                .payment(e.provider, PaymentOutcome::Mismatch);
                        }
                        return Ok(Applied::Done);
                    }
                }
                let recorded = tx.record_payment_id(&row, Some(&e.raw)).await?;
                if let (Some(id), Some(member)) = (recorded, row.member) {
                    if let (Some(code), true) = (&row.promo, *first) {
                        tx.keep_promo_use(code, member, id).await?;
                    }
                    // A trial pays nothing: a referral waits for the first real charge (only
                    // the first is noted).
                    if *amount > 0 {
                        tx.note_referral_payment(member, id, now).await?;
                    }
                }
                kind
            }
            Fact::Failed { amount, currency } => {
                let row = payment(e.id.clone(), "failure", *amount, currency);
                tx.record_payment(&row, Some(&e.raw)).await?;
                "failure"
            }
            Fact::Status(status) => {
                tx.set_subscription_status(&row, *status, e.created, now)
                    .await?;
                match status {
                    RenewalStatus::Renewing => "resume",
                    RenewalStatus::EndsAtPeriodEnd => "cancel",
                    RenewalStatus::Ended => "end",
                }
            }
        };
        let settled = self.paid.settle_in(&mut tx, &row, action, now).await?;
        tx.commit().await?;
        if matches!(fact, Fact::Paid { .. }) {
            self.kernel
                .metrics
                .money
                .payment(e.provider, PaymentOutcome::Granted);
        }
        self.kernel.wake.notify_one();
        let Some(settled) = settled else {
            return Ok(Applied::Done);
        };
        self.paid.follow_access(&settled, now).await?;
        self.tell_subscriber(&row, &settled, &fact).await?;
        Ok(Applied::Done)
    }

    /// The subscription an event is about: the one tracked with this id, or (its first event
    /// here) a new one for the member and plan its signed reference names. A second renewing
    /// subscription to a plan the member already has is not taken over; the operators are told.
    async fn resolve_subscription(
        &self,
        tx: &mut WriteTx,
        provider: Provider,
        sub: &SubscriptionRef,
        at: DateTime<Utc>,
    ) -> EngineResult<Option<SubscriptionRow>> {
        if let Some(row) = tx.subscription_by_charge(provider, &sub.id).await? {
            return Ok(Some(row));
        }
        let secret = self.paid.payment_secret().await?;
        let Some(reference) = sub
            .reference
            .as_deref()
            .and_then(|r| PaymentRef::verify(r, &secret))
        else {
            return Ok(None);
        };
        if self.paid.plan(&reference.plan).is_none() {
            tracing::warn!(plan = %reference.plan, "a subscription to a plan no longer in the config");
            return Ok(None);
        }
        let tracked = tx
            .subscription(reference.member, &reference.plan, provider)
            .await?;
        if tracked.is_some_and(|t| t.renews && t.ended_at.is_none()) {
            tracing::warn!(subscription = %sub.id, "a second renewing subscription to one plan");
            self.kernel
                .tell_operators_with(|lang| tr!(lang, "payment-not-applied", charge = &sub.id))
                .await;
            return Ok(None);
        }
        let row = SubscriptionRow {
            member: reference.member,
            plan: reference.plan,
            provider,
            charge_ref: sub.id.clone(),
            payer: sub.customer.clone().unwrap_or_default(),
            paid_until: None,
            renews: true,
            cancelled_at: None,
            ended_at: None,
        };
        tx.track_subscription(&row, at).await?;
        Ok(Some(row))
    }

    /// Tells the member what a subscription's event changed.
    async fn tell_subscriber(
        &self,
        row: &SubscriptionRow,
        settled: &Settled<'_>,
        fact: &Fact<'_>,
    ) -> EngineResult<()> {
        let tier = &settled.tier.name;
        let expires = self
            .kernel
            .store
            .memberships(row.member)
            .await?
            .into_iter()
            .find(|m| m.tier == settled.tier.id)
            .and_then(|m| m.expires_at);
        let member = row.member;
        match (fact, settled.change) {
            (Fact::Paid { first, amount, .. }, MembershipChange::Extend(_)) => {
                self.kernel
                    .tell_with(member, |lang| {
                        let until = self.membership.until(lang, expires);
                        if *first && *amount == 0 {
                            tr!(lang, "payment-trial", tier = tier, until = until)
                        } else if *first {
                            tr!(lang, "payment-thanks", tier = tier, until = until)
                        } else {
                            tr!(lang, "payment-renewed", tier = tier, until = until)
                        }
                    })
                    .await?;
            }
            (Fact::Failed { .. }, _) => {
                self.kernel
                    .tell_with(member, |lang| {
                        tr!(
                            lang,
                            "payment-failed",
                            tier = tier,
                            until = self.membership.until(lang, expires)
                        )
                    })
                    .await?;
            }
            (Fact::Status(_), MembershipChange::Shorten(until)) => {
                self.kernel
                    .tell_with(member, |lang| {
                        tr!(
                            lang,
                            "subscription-cancelled",
                            plan = &row.plan,
                            until = self.membership.until(lang, Some(until))
                        )
                    })
                    .await?;
            }
            (_, MembershipChange::End) => {
                self.kernel
                    .tell_with(member, |lang| tr!(lang, "subscription-ended", tier = tier))
                    .await?;
            }
            _ => {}
        }
        Ok(())
    }
}
