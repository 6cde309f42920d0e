//! Every Stripe payment is checked against the plan it pays for: a session's line items (read
//! back from Stripe) and an invoice's lines must be the plan's Price. A payment for another
//! price, with a correctly signed reference in it, grants nothing, is kept in the payments
//! ledger as a mismatch, and the operators are told.

use serde_json::json;
use steward_testkit::Sent;

use crate::fake_stripe::{deliver, make};
use crate::stripe::{now, pro_until, shop, subscribe};

/// The operators' DMs among `sent`.
fn told_operators(sent: &[Sent]) -> Vec<String> {
    sent.iter()
        .filter_map(|s| match s {
            Sent::Dm { to, text } if to.user_id == "admin" => Some(text.clone()),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn a_checkout_for_another_price_with_a_signed_reference_grants_nothing() {
    let (app, stripe) = shop().await;
    let reference = subscribe(&app, &stripe, "pro-life").await;
    // The buyer pays a cheap Payment Link and sets its client_reference_id to the reference.
    let cheap = stripe.open_elsewhere("price_one_dollar", &reference);
    let t = now(&app);
    let mut paid = make::one_time_completed("evt_cheap", &reference, "pi_cheap", t);
    paid["data"]["object"]["id"] = json!(cheap);
    paid["data"]["object"]["amount_total"] = json!(1);
    assert_eq!(deliver(&app.base, &paid, t).await.0, 200);
    assert_eq!(pro_until(&app).await, None, "nothing is granted");
    let sent = app.platform.take();
    let told = told_operators(&sent).join("\n");
    assert!(
        told.contains("paid $0.01 for plan pro-life, which costs Stripe price price_pro_life"),
        "{told}"
    );
    let payments = app
        .say(&crate::harness::console("admin"), "/payments")
        .await
        .unwrap();
    assert!(payments.contains("mismatch pro-life: $0.01"), "{payments}");
    // Delivered again, nothing more happens.
    assert_eq!(deliver(&app.base, &paid, t).await.0, 200);
    assert!(told_operators(&app.platform.take()).is_empty());

    // The checkout Steward opened, at the plan's price, grants.
    let honest = make::one_time_completed("evt_honest", &reference, "pi_honest", t);
    assert_eq!(
        deliver(&app.base, &honest, t).await,
        (200, "applied".into())
    );
    assert_eq!(pro_until(&app).await, Some(None));
    let metrics = app.engine.kernel().metrics_text().await.unwrap();
    for line in [
        "steward_payments_total{provider=\"stripe\",outcome=\"mismatch\"} 1",
        "steward_payments_total{provider=\"stripe\",outcome=\"granted\"} 1",
        "steward_payments_total{provider=\"telegram_stars\",outcome=\"mismatch\"} 0",
    ] {
        assert!(metrics.contains(line), "{line} missing from\n{metrics}");
    }
}

#[tokio::test]
async fn an_invoice_for_another_price_grants_nothing() {
    let (app, stripe) = shop().await;
    let reference = subscribe(&app, &stripe, "pro-month").await;
    let t = now(&app);
    let period_end = t + 30 * 86_400;
    let completed = make::checkout_completed("evt_cs", &reference, "sub_1", t);
    assert_eq!(deliver(&app.base, &completed, t).await.0, 200);
    // A plan switch in the Customer Portal keeps the metadata and bills another price.
    let mut cheap = make::invoice_paid(
        "evt_in1", "sub_1", &reference, "in_1", "pi_1", period_end, true, t,
    );
    cheap["data"]["object"]["lines"]["data"][0]["price"] = json!({"id": "price_cheap"});
    cheap["data"]["object"]["amount_paid"] = json!(100);
    assert_eq!(deliver(&app.base, &cheap, t).await.0, 200);
    assert_eq!(pro_until(&app).await, None, "nothing is granted");
    let told = told_operators(&app.platform.take()).join("\n");
    assert!(
        told.contains("paid $1.00 for plan pro-month, which costs Stripe price price_pro_month"),
        "{told}"
    );
    // The newer invoice shape names the price under pricing.price_details.
    let mut newer = make::invoice_paid(
        "evt_in2", "sub_1", &reference, "in_2", "pi_2", period_end, true, t,
    );
    newer["data"]["object"]["lines"]["data"][0] = json!({
        "period": {"start": t, "end": period_end},
        "pricing": {"type": "price_details", "price_details": {"price": "price_pro_month"}}});
    assert_eq!(deliver(&app.base, &newer, t).await, (200, "applied".into()));
    assert!(pro_until(&app).await.is_some(), "the plan's price grants");
}
