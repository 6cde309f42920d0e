//! Stripe events as Stripe sends them (API version 2024-06-20), for the fake to deliver.

use serde_json::{Value, json};

fn event(id: &str, kind: &str, created: i64, object: Value) -> Value {
    json!({"id": id, "object": "event", "type": kind, "created": created,
           "api_version": "2024-06-20", "data": {"object": object}})
}

pub fn checkout_completed(id: &str, reference: &str, sub: &str, created: i64) -> Value {
    event(
        id,
        "checkout.session.completed",
        created,
        json!({
        "id": "cs_test_1", "object": "checkout.session", "mode": "subscription",
        "client_reference_id": reference, "customer": "cus_1", "subscription": sub,
        "payment_status": "paid", "amount_total": 900, "currency": "usd",
        "metadata": {"steward_ref": reference}}),
    )
}

pub fn one_time_completed(id: &str, reference: &str, intent: &str, created: i64) -> Value {
    event(
        id,
        "checkout.session.completed",
        created,
        json!({
        "id": "cs_test_1", "object": "checkout.session", "mode": "payment",
        "client_reference_id": reference, "customer": "cus_1", "subscription": null,
        "payment_intent": intent, "payment_status": "paid", "amount_total": 9900,
        "currency": "usd"}),
    )
}

#[allow(clippy::too_many_arguments)]
pub fn invoice_paid(
    id: &str,
    sub: &str,
    reference: &str,
    invoice: &str,
    intent: &str,
    period_end: i64,
    first: bool,
    created: i64,
) -> Value {
    let reason = if first {
        "subscription_create"
    } else {
        "subscription_cycle"
    };
    event(
        id,
        "invoice.paid",
        created,
        json!({
        "id": invoice, "object": "invoice", "subscription": sub, "customer": "cus_1",
        "amount_paid": 900, "currency": "usd", "billing_reason": reason,
        "payment_intent": intent, "period_end": period_end - 30 * 86_400,
        "subscription_details": {"metadata": {"steward_ref": reference}},
        "lines": {"data": [{"period": {"start": period_end - 30 * 86_400, "end": period_end},
            "price": {"id": "price_pro_month", "object": "price"}}]}}),
    )
}

pub fn invoice_failed(id: &str, sub: &str, reference: &str, created: i64) -> Value {
    event(
        id,
        "invoice.payment_failed",
        created,
        json!({
        "id": "in_failed", "object": "invoice", "subscription": sub, "customer": "cus_1",
        "amount_due": 900, "currency": "usd", "billing_reason": "subscription_cycle",
        "subscription_details": {"metadata": {"steward_ref": reference}}}),
    )
}

pub fn subscription_updated(
    id: &str,
    sub: &str,
    reference: &str,
    cancel: bool,
    created: i64,
) -> Value {
    event(
        id,
        "customer.subscription.updated",
        created,
        json!({
        "id": sub, "object": "subscription", "status": "active", "customer": "cus_1",
        "cancel_at_period_end": cancel, "metadata": {"steward_ref": reference}}),
    )
}

pub fn subscription_deleted(id: &str, sub: &str, reference: &str, created: i64) -> Value {
    event(
        id,
        "customer.subscription.deleted",
        created,
        json!({
        "id": sub, "object": "subscription", "status": "canceled", "customer": "cus_1",
        "metadata": {"steward_ref": reference}}),
    )
}

pub fn charge_refunded(id: &str, intent: &str, created: i64) -> Value {
    event(
        id,
        "charge.refunded",
        created,
        json!({
        "id": "ch_1", "object": "charge", "payment_intent": intent, "refunded": true,
        "amount": 900, "amount_refunded": 900, "currency": "usd"}),
    )
}
