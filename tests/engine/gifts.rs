//! Gifts through the engine: `/gift @member PLAN [anonymous]` sends the giver a Stars invoice
//! paid once, whose signed reference names the recipient; the payment gives the recipient the
//! plan's term, tells them who gave it (or "someone"), and keeps the giver out of their export.

use chrono::Duration;
use steward::core::payments::Provider;
use steward::engine::Invoice;
use steward::engine::Person;
use steward::engine::payments::PaymentReceived;
use steward_testkit::Sent;

use crate::helpers::*;
use crate::payments::{checkout, config};

async fn gift(app: &TestApp, giver: &Person, line: &str) -> (String, Option<Invoice>) {
    let reply = say_on(app, giver, line).await.unwrap();
    let invoice = app.posts().into_iter().find_map(|s| match s {
        Sent::Invoice { invoice, .. } => Some(invoice),
        _ => None,
    });
    (reply, invoice)
}

fn paid_once(giver: &Person, payload: &str, app: &TestApp) -> PaymentReceived {
    PaymentReceived {
        provider: Provider::TelegramStars,
        payer: giver.profile.account.to_string(),
        payload: payload.to_owned(),
        amount: 500,
        currency: "XTR".into(),
        charge_id: "ch_gift".into(),
        prices: Vec::new(),
        period_end: None,
        recurring: false,
        renewal: false,
        raw: "{}".into(),
        at: app.clock_now(),
    }
}

#[tokio::test]
async fn a_gift_is_paid_once_by_the_giver_and_held_by_the_recipient() {
    let app = spawn_app_with(&config()).await;
    let (alice, bob) = (telegram("501", "Alice"), telegram("502", "Bob"));
    say_on(&app, &bob, "hello").await;
    let (reply, invoice) = gift(&app, &alice, "/gift @Bob pro-month").await;
    assert_eq!(reply, "I sent you a payment link by direct message.");
    let invoice = invoice.expect("an invoice");
    assert_eq!(invoice.stars, 500);
    assert_eq!(invoice.renews_every_secs, None, "a gift never renews");
    let payments = app.engine.payments();
    assert_eq!(
        payments
            .pre_checkout(&checkout(&invoice.payload, 500, app.clock_now()))
            .await,
        Ok(())
    );
    let thanks = payments
        .payment_received(&paid_once(&alice, &invoice.payload, &app))
        .await
        .unwrap();
    assert!(thanks.contains("Bob now has Pro"), "{thanks}");
    let told = app.posts().into_iter().any(|s| {
        matches!(&s, Sent::Dm { to, text } if to.user_id == "502" && text.starts_with("Alice gave you Pro"))
    });
    assert!(told, "Bob is told who gave it");
    let store = app.engine.store();
    let bob_id = store
        .member_of(&bob.profile.account)
        .await
        .unwrap()
        .unwrap();
    let pro = store
        .memberships(bob_id)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.tier == "pro")
        .expect("Bob holds Pro");
    assert_eq!(pro.expires_at, Some(app.clock_now() + Duration::days(30)));
    // Bob's export leaves out who paid.
    let export = serde_json::Value::Object(store.member_data(bob_id).await.unwrap()).to_string();
    assert!(!export.contains("telegram:501"), "{export}");
}

#[tokio::test]
async fn an_anonymous_gift_says_someone_and_a_gift_to_oneself_is_refused() {
    let app = spawn_app_with(&config()).await;
    let (alice, bob) = (telegram("501", "Alice"), telegram("502", "Bob"));
    say_on(&app, &bob, "hello").await;
    let (_, invoice) = gift(&app, &alice, "/gift @Bob pro-month anonymous").await;
    let invoice = invoice.unwrap();
    app.engine
        .payments()
        .payment_received(&paid_once(&alice, &invoice.payload, &app))
        .await;
    let dm = app
        .posts()
        .into_iter()
        .find_map(|s| match s {
            Sent::Dm { to, text } if to.user_id == "502" => Some(text),
            _ => None,
        })
        .unwrap();
    assert!(dm.starts_with("Someone gave you Pro"), "{dm}");
    assert!(!dm.contains("Alice"), "{dm}");
    let (own, none) = gift(&app, &alice, "/gift @Alice pro-month").await;
    assert!(own.contains("A gift is for someone else"), "{own}");
    assert!(none.is_none());
    let elsewhere = app.ask(&console("carol"), "/gift @Bob pro-month").await;
    assert!(
        elsewhere.contains("send /gift to the bot on Telegram"),
        "{elsewhere}"
    );
    // A payload edited to make someone else the giver does not verify.
    let forged = invoice.payload.replacen(".!", ".~", 1);
    assert!(
        app.engine
            .payments()
            .pre_checkout(&checkout(&forged, 500, app.clock_now()))
            .await
            .is_err()
    );
}

/// Alice buys a gift code for the monthly plan; the code her payment's reply gives.
async fn bought_code(app: &TestApp, charge: &str) -> String {
    let alice = telegram("501", "Alice");
    let (reply, invoice) = gift(app, &alice, "/gift_code pro-month").await;
    assert_eq!(reply, "I sent you a payment link by direct message.");
    let invoice = invoice.unwrap();
    assert_eq!(invoice.renews_every_secs, None);
    let paid = PaymentReceived {
        charge_id: charge.to_owned(),
        ..paid_once(&alice, &invoice.payload, app)
    };
    let thanks = app.engine.payments().payment_received(&paid).await.unwrap();
    let code = thanks
        .split_whitespace()
        .find(|w| w.len() == 14 && w.matches('-').count() == 2)
        .unwrap_or_else(|| panic!("{thanks}"))
        .to_owned();
    // The buyer got a code, not the time.
    let store = app.engine.store();
    let alice_id = store
        .member_of(&alice.profile.account)
        .await
        .unwrap()
        .unwrap();
    assert!(store.memberships(alice_id).await.unwrap().is_empty());
    code
}

#[tokio::test]
async fn a_gift_code_is_redeemed_once_by_a_newcomer_and_the_buyer_is_told() {
    let app = spawn_app_with(&config()).await;
    let code = bought_code(&app, "ch_code").await;
    let (carol, dan) = (telegram("503", "Carol"), telegram("504", "Dan"));
    let (lower, upper) = (
        format!("/redeem-gift {}", code.to_lowercase()),
        format!("/redeem-gift {code}"),
    );
    let (a, b) = tokio::join!(say_on(&app, &carol, &lower), say_on(&app, &dan, &upper),);
    let replies = [a.unwrap(), b.unwrap()];
    assert_eq!(
        replies
            .iter()
            .filter(|r| r.starts_with("Welcome! The gift gives you Pro"))
            .count(),
        1,
        "{replies:?}"
    );
    assert_eq!(
        replies
            .iter()
            .filter(|r| r.contains("used already"))
            .count(),
        1,
        "{replies:?}"
    );
    let told = app.posts().into_iter().any(|s| {
        matches!(&s, Sent::Dm { to, text } if to.user_id == "501" && text.contains("was just used by"))
    });
    assert!(told, "the buyer is told");
}

#[tokio::test]
async fn a_gift_code_expires_and_a_refunded_one_does_not_work() {
    let app = spawn_app_with(&config()).await;
    let old = bought_code(&app, "ch_old").await;
    let refunded = bought_code(&app, "ch_refunded").await;
    // Alice holds Pro of her own: refunding the code she bought takes none of it.
    let operator = telegram("900", "Olga");
    say_on(&app, &operator, "/member grant @Alice pro 10d").await;
    let store = app.engine.store();
    let alice = store
        .member_of(&telegram("501", "Alice").profile.account)
        .await
        .unwrap()
        .unwrap();
    let before = store.memberships(alice).await.unwrap();
    assert_eq!(before.len(), 1, "Alice holds Pro");
    let done = app.ask(&console("admin"), "/payments refund 2").await;
    assert!(done.contains("refunded"), "{done}");
    assert_eq!(store.memberships(alice).await.unwrap(), before);
    let carol = telegram("503", "Carol");
    let no = say_on(&app, &carol, &format!("/redeem-gift {refunded}"))
        .await
        .unwrap();
    assert!(no.contains("was refunded"), "{no}");
    app.advance(Duration::days(366));
    let late = say_on(&app, &carol, &format!("/redeem-gift {old}"))
        .await
        .unwrap();
    assert!(late.contains("has expired"), "{late}");
    let junk = say_on(&app, &carol, "/redeem-gift ABCD-EFGH-JKLM")
        .await
        .unwrap();
    assert!(junk.contains("not a gift code of ours"), "{junk}");
}
