//! Promo codes by card, end to end: `/subscribe PLAN CODE` opens a Stripe checkout with the
//! promo's coupon (made at the fake Stripe once, under an id that names its terms), and the
//! first invoice Stripe reports keeps the code's use and records the code in the ledger.

use crate::fake_stripe::{deliver, make};
use crate::harness::console;
use crate::stripe::{bob, now, shop};

#[tokio::test]
async fn a_promo_checkout_carries_a_coupon_made_once_and_the_paid_invoice_keeps_the_use() {
    let (app, stripe) = shop().await;
    let made = app
        .say(
            &console("admin"),
            "/promo create card20 pro-month percent 20 uses 5 first-term-only",
        )
        .await
        .unwrap();
    assert!(made.contains("CARD20: 20% off pro-month"), "{made}");
    let reply = app.say(&bob(), "/subscribe pro-month card20").await;
    assert_eq!(
        reply.as_deref(),
        Some("I sent you a payment link by direct message.")
    );
    let (_, form) = stripe.sessions().last().cloned().unwrap();
    assert_eq!(form["discounts[0][coupon]"], "steward-CARD20-20-once");
    let coupons = stripe.recorded.lock().unwrap().coupons.clone();
    assert_eq!(coupons.len(), 1);
    let coupon = &coupons["steward-CARD20-20-once"];
    assert_eq!(
        (coupon["percent_off"].as_str(), coupon["duration"].as_str()),
        ("20", "once")
    );

    // A second member's checkout uses the same coupon: it is not made again.
    let carol = app
        .say(&console("carol"), "/subscribe pro-month CARD20")
        .await;
    assert_eq!(
        carol.as_deref(),
        Some("I sent you a payment link by direct message.")
    );
    assert_eq!(stripe.recorded.lock().unwrap().coupons.len(), 1);
    assert_eq!(stripe.sessions().len(), 2);

    let reference = form["client_reference_id"].clone();
    let t = now(&app);
    for event in [
        make::checkout_completed("evt_cs", &reference, "sub_1", t),
        make::invoice_paid(
            "evt_in1",
            "sub_1",
            &reference,
            "in_1",
            "pi_1",
            t + 30 * 86_400,
            true,
            t,
        ),
    ] {
        assert_eq!(deliver(&app.base, &event, t).await, (200, "applied".into()));
    }
    let rows = app.engine.store().payments(None, 5).await.unwrap();
    assert_eq!(rows[0].promo.as_deref(), Some("CARD20"));
    let list = app.say(&console("admin"), "/promo list").await.unwrap();
    assert!(list.contains("1 paid, 1 open, of 5"), "{list}");
}

#[tokio::test]
async fn a_stars_price_cannot_discount_a_plan_sold_only_by_card() {
    let (app, _stripe) = shop().await;
    let refused = app
        .say(&console("admin"), "/promo create cheap pro-month price 100")
        .await
        .unwrap();
    assert!(refused.contains("has no price in Stars"), "{refused}");
    let unknown = app.say(&bob(), "/subscribe pro-month cheap").await.unwrap();
    assert!(
        unknown.contains("There is no promo code CHEAP"),
        "{unknown}"
    );
}

#[tokio::test]
async fn the_member_page_takes_a_code_beside_pay_by_card() {
    let (app, stripe) = shop().await;
    app.say(
        &console("admin"),
        "/promo create web10 pro-month percent 10",
    )
    .await;
    app.say(&bob(), "hello").await;
    let mut browser = app.browser_for(&bob()).await;
    let page = browser.get("/me").await;
    let page = browser.get(page.location.as_deref().unwrap()).await;
    assert!(page.body.contains(r#"name="code""#), "{}", page.body);
    let csrf = crate::harness::csrf_of(&page.body);
    let wrong = browser
        .post(
            "/subscribe",
            &[("csrf", &csrf), ("plan", "pro-month"), ("code", "no such!")],
        )
        .await;
    assert!(
        wrong.body.contains("A promo code is 3 to 24 letters"),
        "{}",
        wrong.body
    );
    let unknown = browser
        .post(
            "/subscribe",
            &[("csrf", &csrf), ("plan", "pro-month"), ("code", "nosuch")],
        )
        .await;
    assert!(
        unknown.body.contains("There is no promo code NOSUCH"),
        "{}",
        unknown.body
    );
    assert!(stripe.sessions().is_empty(), "a refused code opens nothing");
    let answer = browser
        .post(
            "/subscribe",
            &[("csrf", &csrf), ("plan", "pro-month"), ("code", " web10 ")],
        )
        .await;
    assert_eq!(answer.status, 303);
    let (_, form) = stripe.sessions().last().cloned().unwrap();
    assert_eq!(form["discounts[0][coupon]"], "steward-WEB10-10-forever");
}
