//! Card payments through Stripe, end to end: `/subscribe` opens a checkout at the in-repo fake
//! Stripe, and signed events delivered to the real `/webhooks/stripe` route grant, renew,
//! lapse, cancel and refund. How deliveries are checked and ordered is in
//! `stripe_deliveries.rs`.

use chrono::{DateTime, Duration, Utc};
use steward::core::ids::{AccountRef, ChatRef, MemberId, Platform};
use steward::engine::Person;
use steward_testkit::Sent;

use crate::fake_stripe::{FakeStripe, deliver, make};
use crate::harness::{CONFIG, WebApp, console, spawn_with};

pub fn config() -> String {
    format!(
        "{}\n[[plans]]\nid = \"pro-month\"\ntier = \"pro\"\nterm = \"30d\"\n\
         stripe_price = \"price_pro_month\"\n\n[[plans]]\nid = \"pro-life\"\ntier = \"pro\"\n\
         term = \"lifetime\"\nstripe_price = \"price_pro_life\"\n\n[[plans]]\nid = \"pro-trial\"\n\
         tier = \"pro\"\nterm = \"30d\"\nstripe_price = \"price_pro_month\"\ntrial = \"7d\"\n",
        CONFIG.replace("LEADERBOARDS", "members")
    )
}

pub async fn shop() -> (WebApp, FakeStripe) {
    let stripe = FakeStripe::start().await;
    let app = spawn_with(&config(), Some(&stripe.url)).await;
    (app, stripe)
}

pub fn bob() -> Person {
    console("bob")
}

/// Bob asks for `plan`; the signed reference the checkout carries.
pub async fn subscribe(app: &WebApp, stripe: &FakeStripe, plan: &str) -> String {
    let reply = app.say(&bob(), &format!("/subscribe {plan}")).await;
    assert_eq!(
        reply.as_deref(),
        Some("I sent you a payment link by direct message.")
    );
    let (_, form) = stripe
        .sessions()
        .last()
        .cloned()
        .expect("a checkout session");
    form["client_reference_id"].clone()
}

pub fn now(app: &WebApp) -> i64 {
    app.engine.kernel().now().timestamp()
}

pub async fn bob_id(app: &WebApp) -> MemberId {
    let account = bob().profile.account;
    app.engine
        .store()
        .member_of(&account)
        .await
        .unwrap()
        .unwrap()
}

/// Until when Bob is Pro (`None`: not Pro now).
pub async fn pro_until(app: &WebApp) -> Option<Option<DateTime<Utc>>> {
    let member = bob_id(app).await;
    let now = app.engine.kernel().now();
    app.engine
        .store()
        .memberships(member)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.tier == "pro" && m.is_active(now))
        .map(|m| m.expires_at)
}

pub fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap()
}

/// Links `account` to Bob with the code `/link` sends him.
async fn link(app: &WebApp, account: &Person, platform: Platform) {
    app.say(&bob(), "/link").await.unwrap();
    let code = dms(&app.platform.take())
        .last()
        .and_then(|text| {
            text.split_whitespace()
                .nth(4)
                .map(|w| w.trim_end_matches('.').to_owned())
        })
        .expect("a link code");
    let chat = ChatRef::private(platform, account.profile.account.user_id.clone());
    let reply = app
        .say_in(chat, account, &format!("/link {code}"))
        .await
        .unwrap();
    assert!(reply.starts_with("Linked:"), "{reply}");
}

pub fn dms(sent: &[Sent]) -> Vec<String> {
    sent.iter()
        .filter_map(|s| match s {
            Sent::Dm { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

/// Bob subscribed: the checkout completed and the first invoice (paid to `period_end`) arrived.
pub async fn paid_up(app: &WebApp, stripe: &FakeStripe) -> (String, i64) {
    let reference = subscribe(app, stripe, "pro-month").await;
    let t = now(app);
    let period_end = t + 30 * 86_400;
    let events = [
        make::checkout_completed("evt_cs", &reference, "sub_1", t),
        make::invoice_paid(
            "evt_in1", "sub_1", &reference, "in_1", "pi_1", period_end, true, t,
        ),
    ];
    for event in &events {
        assert_eq!(deliver(&app.base, event, t).await, (200, "applied".into()));
    }
    (reference, period_end)
}

#[tokio::test]
async fn a_checkout_opens_once_and_only_stripes_report_of_payment_grants() {
    let (app, stripe) = shop().await;
    let reference = subscribe(&app, &stripe, "pro-month").await;
    let dm = dms(&app.platform.take()).join("\n");
    assert!(
        dm.contains("Pay for Pro by card: https://checkout.stripe.test/c/pay/cs_test_1"),
        "{dm}"
    );
    // Asking again a moment later opens no second checkout.
    subscribe(&app, &stripe, "pro-month").await;
    let sessions = stripe.sessions();
    assert_eq!(sessions.len(), 1);
    let (key, form) = &sessions[0];
    assert!(key.starts_with("steward-"), "{key}");
    assert_eq!(form["mode"], "subscription");
    assert_eq!(form["line_items[0][price]"], "price_pro_month");
    assert_eq!(form["subscription_data[metadata][steward_ref]"], reference);
    assert!(form["success_url"].ends_with("/me"));
    // Landing on the success page gives nothing.
    assert_eq!(pro_until(&app).await, None);

    let t = now(&app);
    let period_end = t + 30 * 86_400;
    let completed = make::checkout_completed("evt_cs", &reference, "sub_1", t);
    assert_eq!(
        deliver(&app.base, &completed, t).await,
        (200, "applied".into())
    );
    assert_eq!(
        pro_until(&app).await,
        None,
        "nothing is paid until the invoice is"
    );
    let invoice = make::invoice_paid(
        "evt_in1", "sub_1", &reference, "in_1", "pi_1", period_end, true, t,
    );
    assert_eq!(
        deliver(&app.base, &invoice, t).await,
        (200, "applied".into())
    );
    // Paid to the period's end, plus three days' grace for a renewal that fails.
    assert_eq!(
        pro_until(&app).await,
        Some(Some(at(period_end) + Duration::days(3)))
    );
    let sent = app.platform.take();
    assert!(
        dms(&sent)
            .iter()
            .any(|t| t.starts_with("Thank you! Pro is yours"))
    );
    assert!(
        sent.iter()
            .any(|s| matches!(s, Sent::Grant { tier, .. } if tier == "pro"))
    );
    let reply = app.say(&bob(), "/subscription").await.unwrap();
    assert!(reply.contains("renews by itself"), "{reply}");
    // The card is updated in Stripe's Customer Portal, whose link only the member gets.
    assert!(
        reply.contains("I sent you a link to update your card"),
        "{reply}"
    );
    assert!(!reply.contains("billing.stripe.com"), "{reply}");
    assert!(
        dms(&app.platform.take())
            .iter()
            .any(|t| t.contains("https://billing.stripe.com/p/session/test_bps_1"))
    );

    // A renewal extends to the next period's end.
    let next = period_end + 30 * 86_400;
    let renewal = make::invoice_paid(
        "evt_in2", "sub_1", &reference, "in_2", "pi_2", next, false, t,
    );
    assert_eq!(
        deliver(&app.base, &renewal, t).await,
        (200, "applied".into())
    );
    assert_eq!(
        pro_until(&app).await,
        Some(Some(at(next) + Duration::days(3)))
    );
    assert!(
        !app.platform
            .take()
            .iter()
            .any(|s| matches!(s, Sent::Grant { .. }))
    );
}

#[tokio::test]
async fn a_refund_ends_access_even_when_it_arrives_before_its_payment() {
    let (app, stripe) = shop().await;
    let reference = subscribe(&app, &stripe, "pro-life").await;
    let t = now(&app);
    let refund = make::charge_refunded("evt_r", "pi_9", t);
    assert_eq!(deliver(&app.base, &refund, t).await.0, 200);
    let paid = make::one_time_completed("evt_p", &reference, "pi_9", t);
    assert_eq!(deliver(&app.base, &paid, t).await.0, 200);
    assert_eq!(pro_until(&app).await, None);

    // In the usual order, a lifetime purchase grants for life and its refund ends it.
    let (app, stripe) = shop().await;
    let reference = subscribe(&app, &stripe, "pro-life").await;
    let paid = make::one_time_completed("evt_p", &reference, "pi_9", t);
    assert_eq!(deliver(&app.base, &paid, t).await, (200, "applied".into()));
    assert_eq!(pro_until(&app).await, Some(None));
    assert_eq!(stripe.sessions()[0].1["mode"], "payment");
    assert_eq!(
        deliver(&app.base, &refund, t).await,
        (200, "applied".into())
    );
    assert_eq!(pro_until(&app).await, None);
    let sent = app.platform.take();
    assert!(
        sent.iter()
            .any(|s| matches!(s, Sent::Revoke { tier, .. } if tier == "pro"))
    );
}

#[tokio::test]
async fn a_lapsed_payment_keeps_access_through_grace_then_ends_it_once() {
    let (app, stripe) = shop().await;
    // Bob has linked his Telegram and Discord accounts: one member, access on both platforms.
    for (platform, id) in [(Platform::Telegram, "601"), (Platform::Discord, "701")] {
        link(
            &app,
            &Person::named(AccountRef::new(platform, id), "Bob"),
            platform,
        )
        .await;
    }
    let accounts = app
        .engine
        .store()
        .accounts_of(bob_id(&app).await)
        .await
        .unwrap();
    assert_eq!(accounts.len(), 3, "{accounts:?}");
    let (reference, period_end) = paid_up(&app, &stripe).await;
    app.platform.take();
    app.advance(Duration::days(30));
    let t = now(&app);
    let failed = make::invoice_failed("evt_f", "sub_1", &reference, t);
    assert_eq!(
        deliver(&app.base, &failed, t).await,
        (200, "applied".into())
    );
    let told = dms(&app.platform.take()).join("\n");
    assert!(told.contains("did not go through"), "{told}");
    assert!(
        pro_until(&app).await.is_some(),
        "access stays through the grace"
    );
    app.advance(Duration::days(2));
    app.engine
        .scheduler()
        .tick(app.engine.kernel().now())
        .await
        .unwrap();
    assert!(pro_until(&app).await.is_some());
    app.advance(Duration::days(1) + Duration::minutes(1));
    assert!(app.engine.kernel().now() > at(period_end) + Duration::days(3));
    app.engine
        .scheduler()
        .tick(app.engine.kernel().now())
        .await
        .unwrap();
    app.engine
        .scheduler()
        .tick(app.engine.kernel().now())
        .await
        .unwrap();
    assert_eq!(pro_until(&app).await, None);
    let mut revoked: Vec<String> = app
        .platform
        .take()
        .into_iter()
        .filter_map(|s| match s {
            Sent::Revoke { from, tier } if tier == "pro" => Some(from.to_string()),
            _ => None,
        })
        .collect();
    revoked.sort();
    assert_eq!(revoked, ["console:bob", "discord:701", "telegram:601"]);
}

#[tokio::test]
async fn cancelling_tells_stripe_and_takes_back_the_grace() {
    let (app, stripe) = shop().await;
    let (_, period_end) = paid_up(&app, &stripe).await;
    let reply = app.say(&bob(), "/subscription cancel").await.unwrap();
    assert!(
        reply.starts_with("Plan pro-month will not renew"),
        "{reply}"
    );
    assert_eq!(stripe.recorded.lock().unwrap().cancelled, ["sub_1"]);
    assert_eq!(pro_until(&app).await, Some(Some(at(period_end))));
}

#[tokio::test]
async fn an_operator_refund_goes_to_stripe_and_its_report_changes_nothing_more() {
    let (app, stripe) = shop().await;
    let (_, _) = paid_up(&app, &stripe).await;
    let member = bob_id(&app).await;
    let id = app.engine.store().payments(Some(member), 5).await.unwrap()[0].id;
    let reply = app
        .say(&console("admin"), &format!("/payments refund {id}"))
        .await
        .unwrap();
    assert!(reply.contains("was refunded"), "{reply}");
    assert_eq!(
        stripe.recorded.lock().unwrap().refunds[0]["payment_intent"],
        "pi_1"
    );
    assert_eq!(pro_until(&app).await, None);
    let t = now(&app);
    let report = make::charge_refunded("evt_r", "pi_1", t);
    assert_eq!(
        deliver(&app.base, &report, t).await,
        (200, "already applied".into())
    );
}

#[tokio::test]
async fn a_member_buys_by_card_from_their_page_with_the_forms_token() {
    let (app, stripe) = shop().await;
    app.say(&bob(), "hello").await;
    let mut browser = app.browser_for(&bob()).await;
    let page = browser
        .get(&format!("/members/{}", bob_id(&app).await.0))
        .await;
    assert!(page.body.contains("Buy a plan"), "{}", page.body);
    assert!(page.body.contains("pro-month: Pro"), "{}", page.body);
    let csrf = crate::harness::csrf_of(&page.body);
    // Without the form's token nothing is opened.
    let forged = browser
        .post("/subscribe", &[("csrf", "forged"), ("plan", "pro-month")])
        .await;
    assert_eq!(forged.status, 400);
    assert!(stripe.sessions().is_empty());
    let answer = browser
        .post("/subscribe", &[("csrf", &csrf), ("plan", "pro-month")])
        .await;
    assert_eq!(answer.status, 303);
    assert_eq!(
        answer.location.as_deref(),
        Some("https://checkout.stripe.test/c/pay/cs_test_1")
    );
    assert_eq!(stripe.sessions().len(), 1);
    assert_eq!(pro_until(&app).await, None, "the redirect grants nothing");
    // Someone else's page offers nothing to buy.
    app.say(&console("carol"), "hi").await;
    let carol = app
        .engine
        .store()
        .member_of(&console("carol").profile.account)
        .await
        .unwrap()
        .unwrap();
    let other = browser.get(&format!("/members/{}", carol.0)).await;
    assert!(!other.body.contains("Buy a plan"));
    // A member who holds the tier for life is told why, not sent to pay again.
    let t = now(&app);
    let reference = subscribe(&app, &stripe, "pro-life").await;
    let mut paid = make::one_time_completed("evt_p", &reference, "pi_9", t);
    // The second checkout this Stripe opened.
    paid["data"]["object"]["id"] = serde_json::json!("cs_test_2");
    assert_eq!(deliver(&app.base, &paid, t).await.0, 200);
    let again = browser
        .post("/subscribe", &[("csrf", &csrf), ("plan", "pro-month")])
        .await;
    assert_eq!(again.status, 409);
    assert!(again.body.contains("for life"), "{}", again.body);
}

#[tokio::test]
async fn a_trial_is_offered_once_runs_free_and_counts_when_it_pays() {
    let (app, stripe) = shop().await;
    let plans = app.say(&bob(), "/plans").await.unwrap();
    assert!(
        plans.contains("pro-trial: Pro, 30d — by card, the first 7 days free"),
        "{plans}"
    );
    let reference = subscribe(&app, &stripe, "pro-trial").await;
    assert_eq!(
        stripe.sessions()[0].1["subscription_data[trial_period_days]"],
        "7"
    );
    let t = now(&app);
    let trial_end = t + 7 * 86_400;
    let mut first = make::invoice_paid(
        "evt_t", "sub_t", &reference, "in_t", "pi_t", trial_end, true, t,
    );
    first["data"]["object"]["amount_paid"] = serde_json::json!(0);
    assert_eq!(deliver(&app.base, &first, t).await, (200, "applied".into()));
    assert_eq!(
        pro_until(&app).await,
        Some(Some(at(trial_end) + Duration::days(3)))
    );
    let told = dms(&app.platform.take()).join("\n");
    assert!(told.contains("Your free trial of Pro has begun"), "{told}");
    let admin = app.browser_for(&console("admin")).await;
    let dashboard = admin.get("/dashboard").await.body;
    assert!(
        dashboard.contains("Free trials begun in this range: 1; of them paid since: 0"),
        "{dashboard}"
    );
    let paid = make::invoice_paid(
        "evt_p",
        "sub_t",
        &reference,
        "in_p",
        "pi_p",
        trial_end + 30 * 86_400,
        false,
        t,
    );
    assert_eq!(deliver(&app.base, &paid, t).await, (200, "applied".into()));
    let dashboard = admin.get("/dashboard").await.body;
    assert!(dashboard.contains("of them paid since: 1"), "{dashboard}");
    assert!(
        dashboard.contains("monthly recurring: $9.00"),
        "{dashboard}"
    );
    // Ended, then asked for again later: no second trial.
    let ended = make::subscription_deleted("evt_d", "sub_t", &reference, t + 10);
    assert_eq!(deliver(&app.base, &ended, t).await.0, 200);
    app.advance(Duration::minutes(11));
    subscribe(&app, &stripe, "pro-trial").await;
    let sessions = stripe.sessions();
    assert_eq!(sessions.len(), 2);
    assert!(
        !sessions[1]
            .1
            .contains_key("subscription_data[trial_period_days]")
    );
}
