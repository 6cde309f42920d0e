//! Money's counters: each payment by provider and what became of it, and each provider delivery
//! (a Stripe webhook or poll, a Discord entitlement) by what Steward answered, so an operator can
//! alert on mismatches, refused signatures and deliveries that failed.

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::registry::Registry;

use crate::core::payments::Provider;

/// What became of a payment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PaymentOutcome {
    /// It granted or extended the tier it pays for.
    Granted,
    /// Its price or currency is not its plan's: kept, granting nothing.
    Mismatch,
    /// A first payment on a reference issued more than a week before: kept, granting nothing.
    Stale,
    /// Its reference names no plan of this community: kept for the operators to refund.
    Unknown,
    /// It could not be applied (storage): the provider delivers it again.
    Error,
    /// A refund of it was applied.
    Refunded,
}

impl PaymentOutcome {
    const ALL: [Self; 6] = [
        Self::Granted,
        Self::Mismatch,
        Self::Stale,
        Self::Unknown,
        Self::Error,
        Self::Refunded,
    ];

    fn as_str(self) -> &'static str {
        match self {
            Self::Granted => "granted",
            Self::Mismatch => "mismatch",
            Self::Stale => "stale",
            Self::Unknown => "unknown",
            Self::Error => "error",
            Self::Refunded => "refunded",
        }
    }
}

/// What Steward answered a provider's delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DeliveryOutcome {
    Applied,
    /// Applied before: nothing changed.
    Repeat,
    /// Not this community's, or a kind Steward ignores.
    Ignored,
    /// A bad signature or an unreadable body: nothing read.
    Refused,
    /// Not applied (storage): the provider delivers it again.
    Error,
}

impl DeliveryOutcome {
    const ALL: [Self; 5] = [
        Self::Applied,
        Self::Repeat,
        Self::Ignored,
        Self::Refused,
        Self::Error,
    ];

    fn as_str(self) -> &'static str {
        match self {
            Self::Applied => "applied",
            Self::Repeat => "repeat",
            Self::Ignored => "ignored",
            Self::Refused => "refused",
            Self::Error => "error",
        }
    }
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OutcomeLabels {
    provider: &'static str,
    outcome: &'static str,
}

/// The counters, registered with the engine's registry.
#[derive(Debug)]
pub(crate) struct PaymentMetrics {
    payments: Family<OutcomeLabels, Counter>,
    deliveries: Family<OutcomeLabels, Counter>,
}

impl PaymentMetrics {
    pub(super) fn register(registry: &mut Registry) -> Self {
        let payments = Family::<OutcomeLabels, Counter>::default();
        let deliveries = Family::<OutcomeLabels, Counter>::default();
        // Every series exists from the start, at 0, so an alert on its rate has one to read.
        for provider in [
            Provider::TelegramStars,
            Provider::Stripe,
            Provider::DiscordSku,
        ] {
            for outcome in PaymentOutcome::ALL {
                let _ = payments.get_or_create(&labels(provider, outcome.as_str()));
            }
        }
        for provider in [Provider::Stripe, Provider::DiscordSku] {
            for outcome in DeliveryOutcome::ALL {
                let _ = deliveries.get_or_create(&labels(provider, outcome.as_str()));
            }
        }
        registry.register(
            "payments",
            "Payments by provider and outcome: granted, mismatch (not the plan's price), stale \
             (a first payment on a week-old reference), unknown (no such plan), error; refunded \
             counts refunds applied",
            payments.clone(),
        );
        registry.register(
            "provider_deliveries",
            "Provider deliveries (Stripe webhooks and polls, Discord entitlements) by outcome: \
             applied, repeat, ignored, refused (bad signature or body), error (delivered again)",
            deliveries.clone(),
        );
        Self {
            payments,
            deliveries,
        }
    }

    pub(crate) fn payment(&self, provider: Provider, outcome: PaymentOutcome) {
        self.payments
            .get_or_create(&labels(provider, outcome.as_str()))
            .inc();
    }

    pub(crate) fn delivery(&self, provider: Provider, outcome: DeliveryOutcome) {
        self.deliveries
            .get_or_create(&labels(provider, outcome.as_str()))
            .inc();
    }
}

fn labels(provider: Provider, outcome: &'static str) -> OutcomeLabels {
    OutcomeLabels {
        provider: provider.as_str(),
        outcome,
    }
}
