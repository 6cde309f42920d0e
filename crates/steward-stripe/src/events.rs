//! Stripe's events translated into the engine's [`BillingEvent`]s. Only the fields Steward
//! needs are read, from both the older shapes (API 2024-06-20: `invoice.subscription`) and the
//! newer ones (`invoice.parent.subscription_details`), so an endpoint on either version works.
//! Event types Steward does not act on translate to `None`.

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::core::payments::Provider;
use crate::core::payments::raw::without_personal_data;
use crate::core::payments::renewal::RenewalStatus;
use crate::engine::payments::{Billing, BillingEvent, SubscriptionRef};

/// The metadata key the signed member and plan reference travels under.
pub const REFERENCE_KEY: &str = "steward_ref";

/// Why an event could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NotAnEvent {
    #[error("not a Stripe event: not JSON")]
    NotJson,
    #[error("not a Stripe event: no {0}")]
    Missing(&'static str),
}

fn text<'a>(v: &'a Value, path: &[&str]) -> Option<&'a str> {
    path.iter().try_fold(v, |v, key| v.get(key))?.as_str()
}

fn number(v: &Value, path: &[&str]) -> Option<u64> {
    path.iter().try_fold(v, |v, key| v.get(key))?.as_u64()
}

/// An id field, whether Stripe sent the id or the expanded object.
fn id_of<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    let field = v.get(key)?;
    field.as_str().or_else(|| field.get("id")?.as_str())
}

fn time(seconds: u64) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp(i64::try_from(seconds).ok()?, 0)
}

/// Reads one event; `Ok(None)` for a type Steward ignores.
pub fn translate(raw: &str) -> Result<Option<BillingEvent>, NotAnEvent> {
    let event: Value = serde_json::from_str(raw).map_err(|_| NotAnEvent::NotJson)?;
    let id = text(&event, &["id"]).ok_or(NotAnEvent::Missing("id"))?;
    let type_name = text(&event, &["type"]).ok_or(NotAnEvent::Missing("type"))?;
    let created = number(&event, &["created"])
        .and_then(time)
        .ok_or(NotAnEvent::Missing("created"))?;
    let object = event
        .get("data")
        .and_then(|d| d.get("object"))
        .ok_or(NotAnEvent::Missing("data.object"))?;
    let body = match type_name {
        "checkout.session.completed" | "checkout.session.async_payment_succeeded" => {
            checkout(object)
        }
        "invoice.paid" => invoice_paid(object),
        "invoice.payment_failed" => invoice_failed(object),
        "customer.subscription.created" | "customer.subscription.updated" => {
            let status = subscription_status(object);
            subscription(object).map(|subscription| Billing::StatusChanged {
                subscription,
                status,
            })
        }
        "customer.subscription.deleted" => {
            subscription(object).map(|subscription| Billing::StatusChanged {
                subscription,
                status: RenewalStatus::Ended,
            })
        }
        "charge.refunded" => refunded(object),
        _ => None,
    };
    Ok(body.map(|body| BillingEvent {
        provider: Provider::Stripe,
        id: id.to_owned(),
        type_name: type_name.to_owned(),
        created,
        raw: without_personal_data(raw),
        body,
    }))
}

fn checkout(session: &Value) -> Option<Billing> {
    // An asynchronous payment method completes the session unpaid; its success comes later.
    if text(session, &["payment_status"]) == Some("unpaid") {
        return None;
    }
    let reference = text(session, &["client_reference_id"])?.to_owned();
    let customer = id_of(session, "customer").map(str::to_owned);
    let subscription = id_of(session, "subscription").map(|id| SubscriptionRef {
        id: id.to_owned(),
        reference: Some(reference.clone()),
        customer: customer.clone(),
    });
    Some(Billing::CheckoutCompleted {
        session: text(session, &["id"])?.to_owned(),
        prices: session.get("line_items").map(line_prices),
        reference,
        subscription,
        charge: id_of(session, "payment_intent").map(str::to_owned),
        customer,
        amount: number(session, &["amount_total"]).unwrap_or(0),
        currency: text(session, &["currency"]).unwrap_or_default().to_owned(),
    })
}

/// The price id of each line of a list (a session's expanded `line_items`, an invoice's
/// `lines`): `price.id` (or `price` as an id) up to API 2025-02-24, and
/// `pricing.price_details.price` after. A line without one reads as an empty id, which no
/// plan has.
pub fn line_prices(list: &Value) -> Vec<String> {
    let Some(lines) = list.get("data").and_then(Value::as_array) else {
        return Vec::new();
    };
    lines
        .iter()
        .map(|line| {
            id_of(line, "price")
                .or_else(|| text(line, &["pricing", "price_details", "price"]))
                .unwrap_or_default()
                .to_owned()
        })
        .collect()
}

/// The subscription an invoice bills, with the reference from the subscription's metadata.
fn invoice_subscription(invoice: &Value) -> Option<SubscriptionRef> {
    let details = invoice
        .get("subscription_details")
        .or_else(|| invoice.get("parent")?.get("subscription_details"));
    let id = id_of(invoice, "subscription").or_else(|| id_of(details?, "subscription"))?;
    Some(SubscriptionRef {
        id: id.to_owned(),
        reference: details
            .and_then(|d| text(d, &["metadata", REFERENCE_KEY]))
            .map(str::to_owned),
        customer: id_of(invoice, "customer").map(str::to_owned),
    })
}

fn invoice_paid(invoice: &Value) -> Option<Billing> {
    let subscription = invoice_subscription(invoice)?;
    // The lines carry the period paid for; the invoice's own period_end is the one before.
    let period_end = invoice
        .get("lines")
        .and_then(|l| l.get("data"))
        .and_then(Value::as_array)
        .and_then(|lines| {
            lines
                .iter()
                .filter_map(|line| number(line, &["period", "end"]))
                .max()
        })
        .or_else(|| number(invoice, &["period_end"]))
        .and_then(time)?;
    Some(Billing::InvoicePaid {
        subscription,
        invoice: text(invoice, &["id"])?.to_owned(),
        charge: id_of(invoice, "payment_intent")
            .or_else(|| id_of(invoice, "charge"))
            .map(str::to_owned),
        period_end,
        amount: number(invoice, &["amount_paid"]).unwrap_or(0),
        currency: text(invoice, &["currency"]).unwrap_or_default().to_owned(),
        prices: invoice.get("lines").map(line_prices).unwrap_or_default(),
        first: text(invoice, &["billing_reason"]) == Some("subscription_create"),
    })
}

fn invoice_failed(invoice: &Value) -> Option<Billing> {
    Some(Billing::InvoiceFailed {
        subscription: invoice_subscription(invoice)?,
        amount: number(invoice, &["amount_due"]).unwrap_or(0),
        currency: text(invoice, &["currency"]).unwrap_or_default().to_owned(),
    })
}

fn subscription(object: &Value) -> Option<SubscriptionRef> {
    Some(SubscriptionRef {
        id: text(object, &["id"])?.to_owned(),
        reference: text(object, &["metadata", REFERENCE_KEY]).map(str::to_owned),
        customer: id_of(object, "customer").map(str::to_owned),
    })
}

fn subscription_status(object: &Value) -> RenewalStatus {
    let cancelling = object.get("cancel_at_period_end").and_then(Value::as_bool) == Some(true)
        || object.get("cancel_at").is_some_and(|v| !v.is_null());
    match text(object, &["status"]) {
        Some("canceled" | "unpaid" | "incomplete_expired") => RenewalStatus::Ended,
        Some("paused") => RenewalStatus::EndsAtPeriodEnd,
        _ if cancelling => RenewalStatus::EndsAtPeriodEnd,
        _ => RenewalStatus::Renewing,
    }
}

fn refunded(charge: &Value) -> Option<Billing> {
    // A partial refund leaves what was paid for in place; the operator decides.
    if charge.get("refunded").and_then(Value::as_bool) != Some(true) {
        tracing::info!(charge = ?text(charge, &["id"]), "a partial refund: the membership stays");
        return None;
    }
    let id = id_of(charge, "payment_intent").or_else(|| text(charge, &["id"]))?;
    Some(Billing::Refunded {
        charge: id.to_owned(),
        amount: number(charge, &["amount_refunded"]).unwrap_or(0),
    })
}

#[cfg(test)]
mod tests;
