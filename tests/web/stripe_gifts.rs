//! Gift codes bought by card on the member's own page: `POST /gift` opens a one-time checkout at
//! the fake Stripe for the plan's gift Price; the payment Stripe reports gives the buyer a code
//! (by DM and on their page) and no time; a payment at another Price gives nothing; whoever
//! redeems the code first gets the term.

use serde_json::json;
use steward_testkit::Sent;

use crate::fake_stripe::{FakeStripe, deliver, make};
use crate::harness::{CONFIG, WebApp, console, csrf_of, spawn_with};
use crate::stripe::{bob, bob_id, now, pro_until};

fn config() -> String {
    format!(
        "{}\n[[plans]]\nid = \"pro-month\"\ntier = \"pro\"\nterm = \"30d\"\n\
         stripe_price = \"price_pro_month\"\nstripe_gift_price = \"price_pro_gift\"\n",
        CONFIG.replace("LEADERBOARDS", "members")
    )
}

async fn gift_shop() -> (WebApp, FakeStripe) {
    let stripe = FakeStripe::start().await;
    let app = spawn_with(&config(), Some(&stripe.url)).await;
    app.say(&bob(), "hello").await;
    (app, stripe)
}

/// The code in the DM that gave it.
fn code_in(sent: &[Sent]) -> Option<String> {
    sent.iter().find_map(|s| match s {
        Sent::Dm { text, .. } if text.starts_with("Thank you! Your gift code: ") => text
            .trim_start_matches("Thank you! Your gift code: ")
            .split_whitespace()
            .next()
            .map(str::to_owned),
        _ => None,
    })
}

#[tokio::test]
async fn a_gift_code_bought_by_card_reaches_its_buyer_and_works_once() {
    let (app, stripe) = gift_shop().await;
    let mut browser = app.browser_for(&bob()).await;
    let me = format!("/members/{}", bob_id(&app).await.0);
    let page = browser.get(&me).await;
    assert!(page.body.contains("Give as a gift"), "{}", page.body);
    let csrf = csrf_of(&page.body);
    let forged = browser
        .post("/gift", &[("csrf", "forged"), ("plan", "pro-month")])
        .await;
    assert_eq!(forged.status, 400);
    assert!(stripe.sessions().is_empty());
    let answer = browser
        .post("/gift", &[("csrf", &csrf), ("plan", "pro-month")])
        .await;
    assert_eq!(answer.status, 303);
    let (_, form) = stripe.sessions().last().cloned().expect("a checkout");
    assert_eq!(form["mode"], "payment", "a gift code is paid once");
    assert_eq!(form["line_items[0][price]"], "price_pro_gift");
    let reference = form["client_reference_id"].clone();

    let t = now(&app);
    let paid = make::one_time_completed("evt_g", &reference, "pi_g", t);
    assert_eq!(deliver(&app.base, &paid, t).await, (200, "applied".into()));
    let code = code_in(&app.platform.take()).expect("the code, by DM");
    assert_eq!(
        pro_until(&app).await,
        None,
        "the buyer gets a code, not time"
    );
    let page = browser.get(&me).await;
    assert!(
        page.body.contains(&code) && page.body.contains("not used yet"),
        "{}",
        page.body
    );

    let carol = console("carol");
    let welcome = app
        .say(&carol, &format!("/redeem_gift {code}"))
        .await
        .unwrap();
    assert!(
        welcome.starts_with("Welcome! The gift gives you Pro"),
        "{welcome}"
    );
    let again = app
        .say(&console("dave"), &format!("/redeem_gift {code}"))
        .await
        .unwrap();
    assert_eq!(again, "That gift code has been used already.");
    let page = browser.get(&me).await;
    assert!(
        page.body.contains(&format!("{code} (pro-month): used")),
        "{}",
        page.body
    );
}

#[tokio::test]
async fn a_gift_code_paid_at_another_price_gives_nothing() {
    let (app, stripe) = gift_shop().await;
    let mut browser = app.browser_for(&bob()).await;
    let page = browser
        .get(&format!("/members/{}", bob_id(&app).await.0))
        .await;
    let csrf = csrf_of(&page.body);
    browser
        .post("/gift", &[("csrf", &csrf), ("plan", "pro-month")])
        .await;
    let (_, form) = stripe.sessions().last().cloned().expect("a checkout");
    let reference = form["client_reference_id"].clone();
    // The gift's reference, paid on a page charging a one-dollar Price.
    let cheap = stripe.open_elsewhere("price_one_dollar", &reference);
    let t = now(&app);
    let mut paid = make::one_time_completed("evt_cheap", &reference, "pi_cheap", t);
    paid["data"]["object"]["id"] = json!(cheap);
    assert_eq!(deliver(&app.base, &paid, t).await.0, 200);
    assert_eq!(code_in(&app.platform.take()), None, "no code");
    // A plan without a gift Price offers none, and its form is refused.
    let other = browser
        .post("/gift", &[("csrf", &csrf), ("plan", "nope")])
        .await;
    assert_eq!(other.status, 404);
}
