//! Card payments' events, as a provider reports them (Stripe's, translated by its adapter).
//! Each is applied once: its id is recorded in the same transaction as its effect, so a
//! repeated or concurrent delivery changes nothing. A subscription's events only add facts,
//! and the membership follows what all the facts say (`renewing.rs`), so events that arrive
//! late or out of order converge on the same state. This file reads the event and applies the
//! one-time and refund kinds; `subscription_events.rs` applies the rest.

use super::Payments;
use chrono::{DateTime, Utc};

use super::checkout::PaymentReceived;
use super::subscription_events::Fact;
use crate::core::payments::Provider;
use crate::core::payments::reference::PaymentRef;
use crate::core::payments::renewal::RenewalStatus;
use crate::metrics::DeliveryOutcome;
use crate::store::WriteTx;
use crate::{EngineError, EngineResult};

/// One event from a card payments provider.
#[derive(Debug, Clone)]
pub struct BillingEvent {
    pub provider: Provider,
    /// The provider's event id: an event is applied once.
    pub id: String,
    /// The provider's name for the event type, kept for the audit.
    pub type_name: String,
    /// The provider's time of the event: a status older than one applied is ignored.
    pub created: DateTime<Utc>,
    /// The event as received.
    pub raw: String,
    pub body: Billing,
}

/// A provider's subscription, and what names its member and plan.
#[derive(Debug, Clone)]
pub struct SubscriptionRef {
    pub id: String,
    /// The signed reference the checkout carried (in the subscription's metadata).
    pub reference: Option<String>,
    /// The provider's customer, kept as the payer.
    pub customer: Option<String>,
}

/// What happened.
#[derive(Debug, Clone)]
pub enum Billing {
    /// A hosted checkout was paid: a one-time payment, or the start of `subscription`.
    CheckoutCompleted {
        /// The provider's id of the checkout (a Stripe Checkout Session).
        session: String,
        /// The price ids on its lines, where the event carried them (Stripe sends line items
        /// only when asked): `None` has them read from the provider before anything is granted.
        prices: Option<Vec<String>>,
        reference: String,
        subscription: Option<SubscriptionRef>,
        /// The charge a refund names (Stripe: the payment intent).
        charge: Option<String>,
        customer: Option<String>,
        amount: u64,
        currency: String,
    },
    /// A subscription's invoice was paid, for the period ending `period_end`.
    InvoicePaid {
        subscription: SubscriptionRef,
        invoice: String,
        charge: Option<String>,
        period_end: DateTime<Utc>,
        amount: u64,
        currency: String,
        /// The price ids on the invoice's lines: the plan's Price must be what was paid for.
        prices: Vec<String>,
        /// The subscription's first invoice rather than a renewal.
        first: bool,
    },
    /// A subscription's invoice could not be charged.
    InvoiceFailed {
        subscription: SubscriptionRef,
        amount: u64,
        currency: String,
    },
    /// The provider reports the subscription's status.
    StatusChanged {
        subscription: SubscriptionRef,
        status: RenewalStatus,
    },
    /// A charge was refunded in full.
    Refunded { charge: String, amount: u64 },
}

/// What became of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applied {
    Done,
    /// Applied before: nothing changed.
    Repeat,
    /// Not this community's (another product on the same account), or a kind it ignores.
    NotOurs,
}

/// The provider event an effect is recorded with, so a repeat is recognised.
pub(super) struct EventMark<'a> {
    pub provider: Provider,
    pub id: &'a str,
    pub type_name: &'a str,
    pub at: DateTime<Utc>,
    /// When the provider says it happened: a payment's reference is judged fresh at this time,
    /// so an event read days late (a poll after downtime) is not refused for the delay.
    pub created: DateTime<Utc>,
}

impl EventMark<'_> {
    /// Records the event in `tx`; `false` when it was applied before.
    pub(super) async fn record(&self, tx: &mut WriteTx) -> EngineResult<bool> {
        Ok(tx
            .record_provider_event(self.provider, self.id, self.type_name, self.at)
            .await?)
    }
}

impl Payments {
    /// Applies one provider event. An `Err` is a storage failure: the provider should deliver
    /// the event again.
    pub async fn billing_event(&self, e: &BillingEvent) -> EngineResult<Applied> {
        let applied = self.apply_billing_event(e).await;
        self.count_delivery(e.provider, &applied);
        applied
    }

    /// Counts a provider delivery Steward refused unread (a bad signature or body).
    pub fn delivery_refused(&self, provider: Provider) {
        self.kernel
            .metrics
            .money
            .delivery(provider, DeliveryOutcome::Refused);
    }

    pub(super) fn count_delivery(&self, provider: Provider, applied: &EngineResult<Applied>) {
        let outcome = match applied {
            Ok(Applied::Done) => DeliveryOutcome::Applied,
            Ok(Applied::Repeat) => DeliveryOutcome::Repeat,
            Ok(Applied::NotOurs) => DeliveryOutcome::Ignored,
            Err(_) => DeliveryOutcome::Error,
        };
        self.kernel.metrics.money.delivery(provider, outcome);
    }

    async fn apply_billing_event(&self, e: &BillingEvent) -> EngineResult<Applied> {
        let mark = EventMark {
            provider: e.provider,
            id: &e.id,
            type_name: &e.type_name,
            at: self.kernel.now(),
            created: e.created,
        };
        let (subscription, fact) = match &e.body {
            Billing::CheckoutCompleted {
                session,
                prices,
                reference,
                subscription: None,
                charge,
                customer,
                amount,
                currency,
            } => {
                let prices = match prices {
                    Some(prices) => prices.clone(),
                    None => self.checkout_prices(session).await?,
                };
                let payment = PaymentReceived {
                    provider: e.provider,
                    payer: customer.clone().unwrap_or_default(),
                    payload: reference.clone(),
                    amount: *amount,
                    currency: currency.to_uppercase(),
                    charge_id: charge.clone().unwrap_or_else(|| e.id.clone()),
                    prices,
                    period_end: None,
                    recurring: false,
                    renewal: false,
                    raw: e.raw.clone(),
                    at: mark.at,
                };
                return self.card_payment(&payment, &mark).await;
            }
            Billing::CheckoutCompleted {
                subscription: Some(s),
                ..
            } => (s, Fact::Started),
            Billing::InvoicePaid {
                subscription,
                invoice,
                charge,
                period_end,
                amount,
                currency,
                prices,
                first,
            } => (
                subscription,
                Fact::Paid {
                    invoice,
                    charge: charge.as_deref(),
                    period_end: *period_end,
                    amount: *amount,
                    currency,
                    prices,
                    first: *first,
                },
            ),
            Billing::InvoiceFailed {
                subscription,
                amount,
                currency,
            } => (
                subscription,
                Fact::Failed {
                    amount: *amount,
                    currency,
                },
            ),
            Billing::StatusChanged {
                subscription,
                status,
            } => (subscription, Fact::Status(*status)),
            Billing::Refunded { charge, amount } => {
                let refunded = self
                    .paid
                    .apply_refund(
                        e.provider,
                        charge,
                        Some(*amount),
                        Some(&e.raw),
                        None,
                        Some(&mark),
                    )
                    .await?;
                return Ok(match refunded {
                    Some(undone) => {
                        self.kernel
                            .tell_with(undone.member, |lang| {
                                self.paid.refunded_words(lang, &undone)
                            })
                            .await?;
                        Applied::Done
                    }
                    None => Applied::Repeat,
                });
            }
        };
        self.subscription_fact(e, &mark, subscription, fact).await
    }

    /// The price ids a completed checkout charged, read from the provider. A failure is an
    /// `Err`, so the event is delivered (or polled) again rather than granted unchecked.
    async fn checkout_prices(&self, session: &str) -> EngineResult<Vec<String>> {
        let Some(card) = self.paid.card_payments() else {
            return Ok(Vec::new());
        };
        card.checkout_prices(session).await.map_err(|e| {
            tracing::warn!(session, error = %e, "a checkout's line items could not be read");
            EngineError::Refused(e.why())
        })
    }

    /// A one-time card payment: applied as a Stars payment is, and told to the member by DM.
    async fn card_payment(
        &self,
        p: &PaymentReceived,
        mark: &EventMark<'_>,
    ) -> EngineResult<Applied> {
        let secret = self.paid.payment_secret().await?;
        let Some(reference) = PaymentRef::verify(&p.payload, &secret) else {
            return Ok(Applied::NotOurs);
        };
        match self.paid.apply_payment(p, Some(mark)).await? {
            Some(text) => {
                self.kernel
                    .tell_with(reference.member, |_| text.clone())
                    .await?;
                Ok(Applied::Done)
            }
            None => Ok(Applied::Repeat),
        }
    }
}
