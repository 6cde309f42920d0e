//! A Stars payment is checked against the plan its signed reference names: the currency must be
//! XTR and the amount the plan's (a renewal: the price its subscription began at). One that does
//! not match grants nothing, is kept as a mismatch the operators can refund, and they are told.

use chrono::Duration;
use steward::engine::payments::PaymentReceived;
use steward_testkit::Sent;

use crate::helpers::*;
use crate::payments::{alice, config, invoice, paid, subscribed};

fn operator_dms(sent: &[Sent]) -> Vec<String> {
    sent.iter()
        .filter_map(|s| match s {
            Sent::Dm { to, text } if to.user_id == "900" => Some(text.clone()),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn a_stars_payment_below_the_plans_price_or_in_another_currency_grants_nothing() {
    let app = spawn_app_with(&config()).await;
    let invoice = invoice(&app).await;
    let now = app.clock_now();
    let end = now + Duration::days(30);
    let cheap = PaymentReceived {
        amount: 1,
        ..paid(&invoice.payload, "ch_cheap", end, false, now)
    };
    let reply = app
        .engine
        .payments()
        .payment_received(&cheap)
        .await
        .unwrap();
    assert!(
        reply.contains("does not match the price of plan pro-month"),
        "{reply}"
    );
    let dollars = PaymentReceived {
        currency: "USD".into(),
        ..paid(&invoice.payload, "ch_usd", end, false, now)
    };
    assert!(
        app.engine
            .payments()
            .payment_received(&dollars)
            .await
            .is_some()
    );
    // A repeat of the same delivery is not reported twice.
    assert_eq!(app.engine.payments().payment_received(&cheap).await, None);

    let sent = app.posts();
    assert!(
        !sent.iter().any(|s| matches!(s, Sent::Grant { .. })),
        "{sent:?}"
    );
    let told = operator_dms(&sent);
    assert_eq!(told.len(), 2, "{told:?}");
    assert!(
        told[0].contains("paid 1 ⭐ for plan pro-month, which costs 500 ⭐"),
        "{told:?}"
    );
    assert!(told[1].contains("paid $5.00"), "{told:?}");
    let membership = say_on(&app, &alice(), "/membership").await.unwrap();
    assert!(
        membership.starts_with("You have no membership"),
        "{membership}"
    );
    let payments = app.ask(&console("admin"), "/payments").await;
    assert!(payments.contains("mismatch pro-month: 1 ⭐"), "{payments}");

    // The operators can give the money back; nothing had been granted, nothing ends.
    let refunded = app.ask(&console("admin"), "/payments refund 1").await;
    assert!(
        refunded.starts_with("Payment #1 (1 ⭐) was refunded"),
        "{refunded}"
    );
    assert!(
        app.posts()
            .iter()
            .any(|s| matches!(s, Sent::Refund { charge, .. } if charge == "ch_cheap"))
    );
    // Mismatches are counted for an operator's alert; the refund of one too.
    let metrics = app.engine.kernel().metrics_text().await.unwrap();
    for line in [
        "steward_payments_total{provider=\"telegram_stars\",outcome=\"mismatch\"} 2",
        "steward_payments_total{provider=\"telegram_stars\",outcome=\"granted\"} 0",
        "steward_payments_total{provider=\"telegram_stars\",outcome=\"refunded\"} 1",
    ] {
        assert!(metrics.contains(line), "{line} missing from\n{metrics}");
    }
}

#[tokio::test]
async fn a_renewal_below_the_price_its_subscription_began_at_grants_nothing() {
    let (app, invoice) = subscribed().await;
    app.advance(Duration::days(30));
    let later = app.clock_now();
    let cheap = PaymentReceived {
        amount: 1,
        ..paid(
            &invoice.payload,
            "ch_2",
            later + Duration::days(30),
            true,
            later,
        )
    };
    app.engine.payments().payment_received(&cheap).await;
    let status = say_on(&app, &alice(), "/subscription").await.unwrap();
    assert!(!status.contains("2027-01-24"), "not extended: {status}");
    let honest = paid(
        &invoice.payload,
        "ch_3",
        later + Duration::days(30),
        true,
        later,
    );
    let renewed = app
        .engine
        .payments()
        .payment_received(&honest)
        .await
        .unwrap();
    assert!(renewed.starts_with("Your Pro renewed"), "{renewed}");
}

#[tokio::test]
async fn start_greets_and_a_join_link_starts_a_subscription() {
    let app = spawn_app_with(&config()).await;
    let hello = say_on(&app, &alice(), "/start").await.unwrap();
    assert!(hello.contains("Send /help"), "{hello}");
    assert!(hello.contains("/plans lists the memberships"), "{hello}");
    let joined = say_on(&app, &alice(), "/start subscribe-pro-month")
        .await
        .unwrap();
    assert_eq!(joined, "I sent you a payment link by direct message.");
    assert!(
        app.posts()
            .iter()
            .any(|s| matches!(s, Sent::Invoice { invoice, .. } if invoice.stars == 500))
    );
    let unknown = say_on(&app, &alice(), "/start subscribe-gold")
        .await
        .unwrap();
    assert!(
        unknown.contains("There is no plan called “gold”"),
        "{unknown}"
    );
}

#[tokio::test]
async fn a_members_export_carries_nothing_about_whoever_paid() {
    let (app, _) = subscribed().await;
    let member = app.member(&alice()).await.id;
    let data = app.engine.store().member_data(member).await.unwrap();
    let payments = data["payments"].as_array().unwrap();
    assert_eq!(payments.len(), 1);
    let row = payments[0].as_object().unwrap();
    assert!(
        !row.contains_key("payer") && !row.contains_key("raw"),
        "{row:?}"
    );
    assert_eq!(row["amount"], 500);
    let subscriptions = data["subscriptions"].as_array().unwrap();
    assert!(!subscriptions[0].as_object().unwrap().contains_key("payer"));
}
