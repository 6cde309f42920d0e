//! Promo codes through the engine: an operator makes one, a member's `/subscribe PLAN CODE`
//! takes a use and gets an invoice at the promo's price, the payment is checked against that
//! price and kept in the ledger with its code; uses, dates and ends hold, also when two members
//! race for the last use.

use chrono::Duration;
use steward::engine::payments::PaymentReceived;
use steward::engine::{Invoice, Person};
use steward_testkit::Sent;

use crate::helpers::*;
use crate::payments::{checkout, config, stars_paid};

fn operator() -> Person {
    telegram("900", "Olga")
}

/// `who`'s reply to `/subscribe pro-month CODE` and the invoice it sent, if any.
async fn subscribe(app: &TestApp, who: &Person, code: &str) -> (String, Option<Invoice>) {
    let reply = say_on(app, who, &format!("/subscribe pro-month {code}"))
        .await
        .unwrap();
    let invoice = app.posts().into_iter().find_map(|s| match s {
        Sent::Invoice { invoice, .. } => Some(invoice),
        _ => None,
    });
    (reply, invoice)
}

fn paid_stars(
    who: &Person,
    payload: &str,
    amount: u64,
    charge: &str,
    app: &TestApp,
) -> PaymentReceived {
    stars_paid(who, payload, amount, charge, app.clock_now())
}

#[tokio::test]
async fn a_member_pays_the_promos_stars_price_and_the_ledger_keeps_the_code() {
    let app = spawn_app_with(&config()).await;
    let made = say_on(
        &app,
        &operator(),
        "/promo create spring-25 pro-month percent 20 uses 2",
    )
    .await
    .unwrap();
    assert!(
        made.contains("SPRING-25: 20% off pro-month (400 ⭐ instead of 500 ⭐)"),
        "{made}"
    );
    let alice = telegram("501", "Alice");
    let (reply, invoice) = subscribe(&app, &alice, "Spring-25").await;
    assert_eq!(reply, "I sent you a payment link by direct message.");
    let invoice = invoice.expect("an invoice");
    assert_eq!(invoice.stars, 400);
    assert_eq!(
        invoice.renews_every_secs,
        Some(2_592_000),
        "renewals keep the discount"
    );

    let payments = app.engine.payments();
    let now = app.clock_now();
    assert!(
        payments
            .pre_checkout(&checkout(&invoice.payload, 500, now))
            .await
            .is_err()
    );
    assert_eq!(
        payments
            .pre_checkout(&checkout(&invoice.payload, 400, now))
            .await,
        Ok(())
    );
    let thanks = payments
        .payment_received(&paid_stars(&alice, &invoice.payload, 400, "ch_p1", &app))
        .await
        .unwrap();
    assert!(thanks.contains("Pro"), "{thanks}");
    let rows = app.engine.store().payments(None, 5).await.unwrap();
    assert_eq!(rows[0].promo.as_deref(), Some("SPRING-25"));
    assert_eq!(rows[0].amount, 400);
    assert_eq!(rows[0].kind, "payment");

    let list = say_on(&app, &operator(), "/promo list").await.unwrap();
    assert!(list.contains("1 paid, 0 open, of 2"), "{list}");
}

#[tokio::test]
async fn a_payment_below_the_promos_price_grants_nothing() {
    let app = spawn_app_with(&config()).await;
    say_on(&app, &operator(), "/promo create half pro-month percent 50").await;
    let alice = telegram("501", "Alice");
    let (_, invoice) = subscribe(&app, &alice, "half").await;
    let invoice = invoice.unwrap();
    assert_eq!(invoice.stars, 250);
    let reply = app
        .engine
        .payments()
        .payment_received(&paid_stars(&alice, &invoice.payload, 1, "ch_low", &app))
        .await
        .unwrap();
    assert!(reply.contains("nothing was granted"), "{reply}");
    let rows = app.engine.store().payments(None, 5).await.unwrap();
    assert_eq!(rows[0].kind, "mismatch");
}

#[tokio::test]
async fn two_members_racing_for_the_last_use_one_gets_it() {
    let app = spawn_app_with(&config()).await;
    say_on(
        &app,
        &operator(),
        "/promo create last pro-month percent 10 uses 1",
    )
    .await;
    let (alice, bob) = (telegram("501", "Alice"), telegram("502", "Bob"));
    // Both are members before the race, so only the use is contended.
    say_on(&app, &alice, "hello").await;
    say_on(&app, &bob, "hello").await;
    let (a, b) = tokio::join!(
        say_on(&app, &alice, "/subscribe pro-month last"),
        say_on(&app, &bob, "/subscribe pro-month last"),
    );
    let replies = [a.unwrap(), b.unwrap()];
    let sent = replies
        .iter()
        .filter(|r| r.as_str() == "I sent you a payment link by direct message.")
        .count();
    let refused = replies
        .iter()
        .filter(|r| r.contains("Every use of the code LAST has been taken"))
        .count();
    assert_eq!((sent, refused), (1, 1), "{replies:?}");
    let invoices = app
        .posts()
        .into_iter()
        .filter(|s| matches!(s, Sent::Invoice { .. }))
        .count();
    assert_eq!(invoices, 1);
}

#[tokio::test]
async fn an_unpaid_use_is_free_again_after_a_week_and_an_ended_code_takes_no_more() {
    let app = spawn_app_with(&config()).await;
    say_on(
        &app,
        &operator(),
        "/promo create one pro-month percent 10 uses 1",
    )
    .await;
    let (alice, bob) = (telegram("501", "Alice"), telegram("502", "Bob"));
    assert!(subscribe(&app, &alice, "one").await.1.is_some());
    let (taken, _) = subscribe(&app, &bob, "one").await;
    assert!(taken.contains("has been taken"), "{taken}");
    app.advance(Duration::days(8));
    let (later, invoice) = subscribe(&app, &bob, "one").await;
    assert_eq!(later, "I sent you a payment link by direct message.");
    assert!(invoice.is_some());

    let ended = say_on(&app, &operator(), "/promo end one").await.unwrap();
    assert!(ended.contains("has ended"), "{ended}");
    let again = say_on(&app, &operator(), "/promo end one").await.unwrap();
    assert!(again.contains("The code ONE has ended already"), "{again}");
    let carol = telegram("503", "Carol");
    let (refused, _) = subscribe(&app, &carol, "one").await;
    assert!(refused.contains("The code ONE has ended"), "{refused}");
}

#[tokio::test]
async fn a_first_term_code_is_a_one_off_invoice_and_a_stars_price_is_not_for_cards() {
    let app = spawn_app_with(&config()).await;
    say_on(
        &app,
        &operator(),
        "/promo create first pro-month percent 50 first-term-only",
    )
    .await;
    let alice = telegram("501", "Alice");
    let (_, invoice) = subscribe(&app, &alice, "first").await;
    let invoice = invoice.unwrap();
    assert_eq!(invoice.stars, 250);
    assert_eq!(
        invoice.renews_every_secs, None,
        "paid once: Telegram would renew at 250"
    );

    let too_high = say_on(&app, &operator(), "/promo create big pro-month price 500")
        .await
        .unwrap();
    assert!(
        too_high.contains("must be below the plan's 500 ⭐"),
        "{too_high}"
    );
    say_on(&app, &operator(), "/promo create cheap pro-month price 99").await;
    let elsewhere = app.ask(&console("bob"), "/subscribe pro-month cheap").await;
    assert!(
        elsewhere.contains("send /subscribe pro-month CHEAP to the bot on Telegram"),
        "{elsewhere}"
    );
    let unknown = subscribe(&app, &alice, "nosuch").await.0;
    assert!(
        unknown.contains("There is no promo code NOSUCH"),
        "{unknown}"
    );
    let member = say_on(&app, &alice, "/promo list").await.unwrap();
    assert!(member.contains("Only operators"), "{member}");
}

#[tokio::test]
async fn promos_in_the_config_file_are_on_sale_from_start_up() {
    let text = format!(
        "{}\n[[promos]]\ncode = \"launch\"\nplan = \"pro-month\"\nprice = 300\nuses = 50\nuntil = \"2099-12-31\"\n",
        config()
    );
    let app = spawn_app_with(&text).await;
    let list = say_on(&app, &operator(), "/promo list").await.unwrap();
    assert!(
        list.contains("LAUNCH: pro-month for 300 ⭐ instead of 500 ⭐"),
        "{list}"
    );
    assert!(list.contains("until 2099-12-31"), "{list}");
    let (_, invoice) = subscribe(&app, &telegram("501", "Alice"), "launch").await;
    assert_eq!(invoice.unwrap().stars, 300);
    // An operator who ends it in chat has the last word: a restart does not open it again.
    say_on(&app, &operator(), "/promo end launch").await;
    let app = app.restart().await;
    let (ended, none) = subscribe(&app, &telegram("502", "Bob"), "launch").await;
    assert!(ended.contains("The code LAUNCH has ended"), "{ended}");
    assert!(none.is_none());
}
