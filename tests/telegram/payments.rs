//! Telegram Stars end to end with the real teloxide client: `/subscribe` makes an invoice link
//! (XTR, a 30-day subscription), the checkout is answered, a successful payment grants the
//! tier chat once, a repeat of the update changes nothing, and a refund takes it back.

use serde_json::{Value, json};

use crate::fake_bot_api::user;
use crate::harness::*;

/// The payload of the invoice link Steward asked for.
async fn subscribe(app: &TgApp) -> String {
    app.fake.say(501, alice(), "/subscribe pro-month").await;
    let call = app.fake.wait_for("createinvoicelink", |_| true).await;
    assert_eq!(call.body["currency"], json!("XTR"));
    assert_eq!(call.body["prices"][0]["amount"], json!(500));
    assert_eq!(call.body["subscription_period"], json!(2_592_000));
    app.fake.reply_in(501, "https://t.me/$invoice").await;
    call.body["payload"].as_str().unwrap().to_owned()
}

async fn pre_checkout(app: &TgApp, id: &str, payload: &str, amount: u64) -> Value {
    app.fake
        .push(
            json!({"pre_checkout_query": {"id": id, "from": alice(), "currency": "XTR",
            "total_amount": amount, "invoice_payload": payload}}),
        )
        .await;
    app.fake
        .wait_for("answerprecheckoutquery", |b| {
            b["pre_checkout_query_id"] == json!(id)
        })
        .await
        .body
}

async fn pay(app: &TgApp, payload: &str, charge: &str) {
    app.fake
        .say_with(501, alice(), "", |m| {
            m.as_object_mut().unwrap().remove("text");
            m["successful_payment"] = json!({"currency": "XTR", "total_amount": 500,
                "invoice_payload": payload, "subscription_expiration_date": 1_802_592_000,
                "is_recurring": true, "is_first_recurring": true,
                "telegram_payment_charge_id": charge, "provider_payment_charge_id": ""});
        })
        .await;
}

#[tokio::test]
async fn a_stars_subscription_is_checked_paid_once_and_refunded() {
    let app = spawn().await;
    let payload = subscribe(&app).await;

    let refused = pre_checkout(&app, "q1", &payload, 1).await;
    assert_eq!(refused["ok"], json!(false));
    assert!(
        refused["error_message"]
            .as_str()
            .unwrap()
            .contains("not the plan's price")
    );
    let forged = pre_checkout(&app, "q2", &payload.replace("pro-month", "pro-year"), 500).await;
    assert_eq!(forged["ok"], json!(false));
    let accepted = pre_checkout(&app, "q3", &payload, 500).await;
    assert_eq!(accepted["ok"], json!(true));

    pay(&app, &payload, "ch_1").await;
    app.fake.reply_in(501, "Thank you! Pro is yours").await;
    app.fake
        .wait_for("createchatinvitelink", |b| b["chat_id"] == json!(-200))
        .await;
    // Telegram may deliver the same update twice: nothing more happens.
    pay(&app, &payload, "ch_1").await;
    app.fake.say(501, alice(), "/subscription").await;
    app.fake.reply_in(501, "renews by itself").await;
    let invites = app
        .fake
        .calls()
        .await
        .iter()
        .filter(|c| c.method == "createchatinvitelink")
        .count();
    assert_eq!(invites, 1);

    app.fake
        .say(900, user(900, "Olga"), "/payments refund 1")
        .await;
    app.fake
        .reply_in(900, "Payment #1 (500 ⭐) was refunded")
        .await;
    let refund = app
        .fake
        .wait_for("refundstarpayment", |b| {
            b["telegram_payment_charge_id"] == json!("ch_1")
        })
        .await;
    assert_eq!(refund.body["user_id"], json!(501));
    // Telegram would charge again in 30 days: the refunded subscription is cancelled there.
    let cancel = app
        .fake
        .wait_for("edituserstarsubscription", |b| {
            b["telegram_payment_charge_id"] == json!("ch_1")
        })
        .await;
    assert_eq!(cancel.body["is_canceled"], json!(true));
    app.fake
        .wait_for("banchatmember", |b| {
            b["chat_id"] == json!(-200) && b["user_id"] == json!(501)
        })
        .await;
    // A second refund is refused by Steward, which knows; Telegram would refuse it too.
    app.fake
        .say(900, user(900, "Olga"), "/payments refund 1")
        .await;
    app.fake
        .reply_in(900, "Payment #1 was refunded already")
        .await;
    let asked = app
        .fake
        .calls()
        .await
        .iter()
        .filter(|c| c.method == "refundstarpayment")
        .count();
    assert_eq!(asked, 1);
    app.shutdown().await;
}

#[tokio::test]
async fn cancelling_a_stars_subscription_tells_telegram() {
    let app = spawn().await;
    let payload = subscribe(&app).await;
    pay(&app, &payload, "ch_9").await;
    app.fake.reply_in(501, "Thank you!").await;
    app.fake.say(501, alice(), "/subscription cancel").await;
    app.fake.reply_in(501, "will not renew").await;
    let edit = app
        .fake
        .wait_for("edituserstarsubscription", |_| true)
        .await;
    assert_eq!(edit.body["telegram_payment_charge_id"], json!("ch_9"));
    assert_eq!(edit.body["is_canceled"], json!(true));
    app.shutdown().await;
}

#[tokio::test]
async fn a_first_start_is_greeted_and_a_join_link_sends_the_invoice() {
    let app = spawn().await;
    app.fake.say(501, alice(), "/start").await;
    app.fake.reply_in(501, "Send /help").await;
    app.fake
        .say(501, alice(), "/start subscribe-pro-month")
        .await;
    let call = app.fake.wait_for("createinvoicelink", |_| true).await;
    assert_eq!(call.body["prices"][0]["amount"], json!(500));
    app.shutdown().await;
}

#[tokio::test]
async fn a_promo_code_makes_a_discounted_invoice_whose_price_the_checkout_holds_to() {
    let app = spawn().await;
    app.fake
        .say(
            900,
            user(900, "Olga"),
            "/promo create spring pro-month percent 20 first-term-only",
        )
        .await;
    app.fake.reply_in(900, "SPRING: 20% off pro-month").await;
    app.fake
        .say(501, alice(), "/subscribe pro-month spring")
        .await;
    let call = app.fake.wait_for("createinvoicelink", |_| true).await;
    assert_eq!(call.body["prices"][0]["amount"], json!(400));
    // First term only: paid once, since Telegram renews a subscription at its first price.
    assert_eq!(call.body.get("subscription_period"), None);
    app.fake.reply_in(501, "Promo code SPRING").await;
    let payload = call.body["payload"].as_str().unwrap().to_owned();
    assert!(payload.contains(".SPRING."), "{payload}");

    let full = pre_checkout(&app, "p1", &payload, 500).await;
    assert_eq!(full["ok"], json!(false));
    let unsigned = pre_checkout(&app, "p2", &payload.replace(".SPRING.", ".WINTER."), 400).await;
    assert_eq!(unsigned["ok"], json!(false));
    let accepted = pre_checkout(&app, "p3", &payload, 400).await;
    assert_eq!(accepted["ok"], json!(true));
}
