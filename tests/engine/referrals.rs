//! Referrals through the engine: `/invite` gives a code, a newcomer's `/start ref-CODE` records
//! them as brought by its owner (once, never by themselves, never an old member), their first
//! payment starts a hold, and once it has passed the scheduler credits the referrer's XP and
//! days, or nothing if the payment was refunded within it.

use chrono::Duration;
use steward::core::access::Viewer;
use steward::core::analytics::range::DayRange;
use steward::core::ids::MemberId;
use steward::core::payments::Provider;
use steward::engine::Person;
use steward::engine::payments::PaymentRefunded;
use steward_testkit::Sent;

use crate::helpers::*;
use crate::payments::{config, stars_paid};

fn community() -> String {
    format!(
        "{}\n[referrals]\nxp = 100\ndays = 7\nhold = \"14d\"\n",
        config()
    )
}

/// `who`'s answer to `text` in their platform's community chat.
async fn ask(app: &TestApp, who: &Person, text: &str) -> String {
    if who.profile.account.platform == steward::core::ids::Platform::Console {
        app.ask(who, text).await
    } else {
        say_on(app, who, text).await.unwrap()
    }
}

/// `who`'s invite code, from `/invite`.
async fn code_of(app: &TestApp, who: &Person) -> String {
    let reply = ask(app, who, "/invite").await;
    reply
        .split_whitespace()
        .nth(4)
        .map(|w| w.trim_end_matches('.').to_owned())
        .unwrap_or_else(|| panic!("{reply}"))
}

/// `who` buys the monthly plan in Stars; the charge id.
async fn pays(app: &TestApp, who: &Person, charge: &str) {
    say_on(app, who, "/subscribe pro-month").await.unwrap();
    let invoice = app
        .posts()
        .into_iter()
        .find_map(|s| match s {
            Sent::Invoice { invoice, .. } => Some(invoice),
            _ => None,
        })
        .unwrap();
    let paid = stars_paid(who, &invoice.payload, 500, charge, app.clock_now());
    assert!(
        app.engine
            .payments()
            .payment_received(&paid)
            .await
            .is_some()
    );
}

/// When `who`'s Pro ends.
async fn pro_end(app: &TestApp, who: &Person) -> chrono::DateTime<chrono::Utc> {
    let store = app.engine.store();
    let member = store
        .member_of(&who.profile.account)
        .await
        .unwrap()
        .unwrap();
    store
        .memberships(member)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.tier == "pro")
        .and_then(|m| m.expires_at)
        .unwrap()
}

async fn xp_of(app: &TestApp, who: &Person) -> i64 {
    let store = app.engine.store();
    let member = store
        .member_of(&who.profile.account)
        .await
        .unwrap()
        .unwrap();
    store.member(member).await.unwrap().xp
}

#[tokio::test]
async fn a_referrer_is_credited_xp_and_days_once_the_hold_has_passed() {
    let app = spawn_app_with(&community()).await;
    let ann = console("ann");
    let code = code_of(&app, &ann).await;
    let admin = app
        .ask(&console("admin"), "/member grant @ann pro 30d")
        .await;
    assert!(admin.contains("Pro"), "{admin}");
    let bob = telegram("602", "Bob");
    let welcome = say_on(&app, &bob, &format!("/start ref-{}", code.to_lowercase()))
        .await
        .unwrap();
    assert!(
        welcome.contains("You came with a member's invite"),
        "{welcome}"
    );
    pays(&app, &bob, "ch_bob").await;
    let stats = ask(&app, &ann, "/invite stats").await;
    assert!(
        stats.contains("1 joined, 1 paid (1 waiting out the hold"),
        "{stats}"
    );
    // The dashboard's funnel counts the invite as a source.
    let operator = Viewer {
        member: Some(MemberId(1)),
        operator: true,
        tier_rank: None,
    };
    let today = app.engine.operations().today();
    let dash = app
        .engine
        .operations()
        .dashboard(&operator, DayRange::last(7, today))
        .await
        .unwrap();
    let funnel = dash.revenue.funnel;
    assert_eq!((funnel.referred, funnel.referred_paid), (1, 1));

    let before = xp_of(&app, &ann).await;
    let pro_before = pro_end(&app, &ann).await;
    app.advance(Duration::days(13));
    assert_eq!(
        app.tick().await.referrals_settled,
        0,
        "still within the hold"
    );
    app.advance(Duration::days(2));
    app.posts();
    assert_eq!(app.tick().await.referrals_settled, 1);
    assert_eq!(xp_of(&app, &ann).await, before + 100);
    assert_eq!(pro_end(&app, &ann).await, pro_before + Duration::days(7));
    let told = app.posts().into_iter().any(
        |s| matches!(s, Sent::Dm { text, .. } if text.contains("+100 XP and 7 more days of Pro")),
    );
    assert!(told, "Ann is told of her credit");
    // Settled once: the next step credits nothing more.
    assert_eq!(app.tick().await.referrals_settled, 0);
    assert_eq!(xp_of(&app, &ann).await, before + 100);
    let stats = ask(&app, &ann, "/invite stats").await;
    assert!(stats.contains("Earned: 100 XP and 7 days"), "{stats}");
}

#[tokio::test]
async fn a_refund_within_the_hold_earns_nothing() {
    let app = spawn_app_with(&community()).await;
    let ann = telegram("601", "Ann");
    let code = code_of(&app, &ann).await;
    let bob = telegram("602", "Bob");
    say_on(&app, &bob, &format!("/start ref-{code}")).await;
    pays(&app, &bob, "ch_bob").await;
    app.advance(Duration::days(3));
    let refund = PaymentRefunded {
        provider: Provider::TelegramStars,
        charge_id: "ch_bob".into(),
        amount: 500,
        currency: "XTR".into(),
        raw: "{}".into(),
        at: app.clock_now(),
    };
    app.engine.payments().payment_refunded(&refund).await;
    let before = xp_of(&app, &ann).await;
    app.advance(Duration::days(12));
    assert_eq!(app.tick().await.referrals_settled, 1);
    assert_eq!(xp_of(&app, &ann).await, before);
    let stats = ask(&app, &ann, "/invite stats").await;
    assert!(stats.contains("1 refunded"), "{stats}");
    assert!(stats.contains("Earned: 0 XP"), "{stats}");
}

#[tokio::test]
async fn only_a_newcomer_is_referred_once_and_never_by_their_own_code() {
    let app = spawn_app_with(&community()).await;
    let (ann, dan) = (telegram("601", "Ann"), telegram("604", "Dan"));
    let ann_code = code_of(&app, &ann).await;
    let dan_code = code_of(&app, &dan).await;
    assert_ne!(ann_code, dan_code);
    let own = say_on(&app, &ann, &format!("/start ref-{ann_code}"))
        .await
        .unwrap();
    assert!(own.contains("your own invite code"), "{own}");
    let forged = say_on(&app, &telegram("605", "Eve"), "/start ref-AAAAAAAA")
        .await
        .unwrap();
    assert!(forged.contains("not one of ours"), "{forged}");

    let bob = telegram("602", "Bob");
    say_on(&app, &bob, &format!("/start ref-{ann_code}")).await;
    // A second code later changes nothing: the first referrer stands.
    say_on(&app, &bob, &format!("/start ref-{dan_code}")).await;
    // Someone in the community for days was not brought by a link.
    let carol = telegram("603", "Carol");
    say_on(&app, &carol, "hello").await;
    app.advance(Duration::days(2));
    say_on(&app, &carol, &format!("/start ref-{dan_code}")).await;
    let ann_stats = ask(&app, &ann, "/invite stats").await;
    assert!(ann_stats.contains("1 joined"), "{ann_stats}");
    let dan_stats = say_on(&app, &dan, "/invite stats").await.unwrap();
    assert!(dan_stats.contains("0 joined"), "{dan_stats}");
}
