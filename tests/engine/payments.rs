//! Paid plans through the engine: invoices carry a signed reference, a checkout is refused
//! when anything does not match, a payment grants once however often it is delivered, renewals
//! extend, refunds and cancellations reach the provider.

use chrono::{DateTime, Duration, Utc};
use steward::core::payments::Provider;
use steward::engine::payments::{
    Applied, Checkout, Entitlement, EntitlementChange, PaymentReceived, PaymentRefunded,
};
use steward::engine::{Invoice, Person};
use steward_testkit::Sent;

use crate::helpers::*;

pub fn config() -> String {
    format!(
        "{CONFIG}\n[[plans]]\nid = \"pro-month\"\ntier = \"pro\"\nterm = \"30d\"\nstars = 500\n\n\
         [[plans]]\nid = \"vip-life\"\ntier = \"vip\"\nterm = \"lifetime\"\nstars = 2500\n\n\
         [[plans]]\nid = \"pro-discord\"\ntier = \"pro\"\nterm = \"30d\"\ndiscord_sku = \"8800\"\n"
    )
}

pub fn alice() -> Person {
    telegram("501", "Alice")
}

/// Alice asks for the monthly plan on Telegram; the invoice the platform was asked for.
pub async fn invoice(app: &TestApp) -> Invoice {
    let reply = say_on(app, &alice(), "/subscribe pro-month").await.unwrap();
    assert_eq!(reply, "I sent you a payment link by direct message.");
    let sent = app.posts();
    let invoice = sent
        .iter()
        .find_map(|s| match s {
            Sent::Invoice { invoice, .. } => Some(invoice.clone()),
            _ => None,
        })
        .expect("an invoice");
    assert!(
        sent.iter()
            .any(|s| matches!(s, Sent::Dm { text, .. } if text.contains("https://t.me/$invoice-")))
    );
    invoice
}

pub fn checkout(payload: &str, amount: u64, at: DateTime<Utc>) -> Checkout {
    Checkout {
        provider: Provider::TelegramStars,
        payer: alice(),
        locale: Some("en".into()),
        payload: payload.to_owned(),
        amount,
        currency: "XTR".into(),
        at,
    }
}

pub fn paid(
    payload: &str,
    charge: &str,
    period_end: DateTime<Utc>,
    renewal: bool,
    at: DateTime<Utc>,
) -> PaymentReceived {
    PaymentReceived {
        provider: Provider::TelegramStars,
        payer: alice().profile.account.to_string(),
        payload: payload.to_owned(),
        amount: 500,
        currency: "XTR".into(),
        charge_id: charge.to_owned(),
        prices: Vec::new(),
        period_end: Some(period_end),
        recurring: true,
        renewal,
        raw: "{}".into(),
        at,
    }
}

/// `payer`'s Stars payment of `amount` for `payload`, a 30-day subscription's first, at `at`.
pub fn stars_paid(
    payer: &Person,
    payload: &str,
    amount: u64,
    charge: &str,
    at: DateTime<Utc>,
) -> PaymentReceived {
    PaymentReceived {
        payer: payer.profile.account.to_string(),
        amount,
        ..paid(payload, charge, at + Duration::days(30), false, at)
    }
}

/// A community where Alice paid the monthly plan (charge `ch_1`) a moment ago.
pub async fn subscribed() -> (TestApp, Invoice) {
    let app = spawn_app_with(&config()).await;
    let invoice = invoice(&app).await;
    let now = app.clock_now();
    let first = paid(
        &invoice.payload,
        "ch_1",
        now + Duration::days(30),
        false,
        now,
    );
    assert!(
        app.engine
            .payments()
            .payment_received(&first)
            .await
            .is_some()
    );
    (app, invoice)
}

#[tokio::test]
async fn plans_list_their_prices_and_stars_are_paid_on_telegram() {
    let app = spawn_app_with(&config()).await;
    let plans = app.ask(&console("bob"), "/plans").await;
    assert!(
        plans.contains("pro-month: Pro, 30d — 500 Stars a month, renews by itself"),
        "{plans}"
    );
    assert!(
        plans.contains("vip-life: VIP, lifetime — 2500 Stars"),
        "{plans}"
    );
    let elsewhere = app.ask(&console("bob"), "/subscribe pro-month").await;
    assert!(
        elsewhere.contains("send /subscribe pro-month to the bot on Telegram"),
        "{elsewhere}"
    );
    let unknown = app.ask(&console("bob"), "/subscribe gold").await;
    assert!(
        unknown.contains("There is no plan called “gold”"),
        "{unknown}"
    );
}

#[tokio::test]
async fn an_invoice_is_a_monthly_stars_subscription_with_a_signed_reference() {
    let app = spawn_app_with(&config()).await;
    let invoice = invoice(&app).await;
    assert_eq!(invoice.stars, 500);
    assert_eq!(invoice.renews_every_secs, Some(2_592_000));
    let now = app.clock_now();
    assert_eq!(
        app.engine
            .payments()
            .pre_checkout(&checkout(&invoice.payload, 500, now))
            .await,
        Ok(())
    );
    let cheaper = app
        .engine
        .payments()
        .pre_checkout(&checkout(&invoice.payload, 1, now))
        .await;
    assert!(cheaper.unwrap_err().contains("not the plan's price"));
    // The same reference edited to the lifetime plan, or to another member, does not verify.
    for forged in [
        invoice.payload.replace("pro-month", "vip-life"),
        invoice.payload.replacen('1', "2", 1),
    ] {
        let refused = app
            .engine
            .payments()
            .pre_checkout(&checkout(&forged, 2500, now))
            .await;
        assert!(
            refused
                .unwrap_err()
                .contains("not made by this community's bot"),
            "{forged}"
        );
    }
}

#[tokio::test]
async fn an_invoice_more_than_a_week_old_buys_nothing() {
    let app = spawn_app_with(&config()).await;
    let invoice = invoice(&app).await;
    app.advance(Duration::days(8));
    let now = app.clock_now();
    let refused = app
        .engine
        .payments()
        .pre_checkout(&checkout(&invoice.payload, 500, now))
        .await;
    assert!(
        refused.unwrap_err().contains("more than a week old"),
        "an old link is refused before anything is charged"
    );
    // A payment that still comes through on it (a replayed update) grants nothing and the
    // operators are told how to settle it.
    let reply = app
        .engine
        .payments()
        .payment_received(&paid(
            &invoice.payload,
            "ch_old",
            now + Duration::days(30),
            false,
            now,
        ))
        .await
        .unwrap();
    assert!(reply.contains("more than a week old"), "{reply}");
    let membership = say_on(&app, &alice(), "/membership").await.unwrap();
    assert!(!membership.contains("Pro"), "{membership}");
    assert!(app.posts().iter().any(|s| matches!(
        s,
        Sent::Dm { text, .. } if text.contains("payment reference more than a week old")
    )));
    // A fresh invoice still buys the plan.
    let fresh = self::invoice(&app).await;
    assert_eq!(
        app.engine
            .payments()
            .pre_checkout(&checkout(&fresh.payload, 500, now))
            .await,
        Ok(())
    );
}

#[tokio::test]
async fn a_payment_grants_once_however_often_it_arrives() {
    let app = spawn_app_with(&config()).await;
    let invoice = invoice(&app).await;
    let now = app.clock_now();
    let end = now + Duration::days(30);
    let payment = paid(&invoice.payload, "ch_1", end, false, now);
    let (first, second) = tokio::join!(
        app.engine.payments().payment_received(&payment),
        app.engine.payments().payment_received(&payment)
    );
    let replies: Vec<String> = [first, second].into_iter().flatten().collect();
    assert_eq!(replies.len(), 1, "{replies:?}");
    assert!(
        replies[0].starts_with("Thank you! Pro is yours"),
        "{replies:?}"
    );
    assert_eq!(app.engine.payments().payment_received(&payment).await, None);
    let grants = app
        .posts()
        .into_iter()
        .filter(|s| matches!(s, Sent::Grant { tier, .. } if tier == "pro"))
        .count();
    assert_eq!(grants, 1);
    let membership = say_on(&app, &alice(), "/membership").await.unwrap();
    assert!(membership.contains("Pro"), "{membership}");
    let payments = app.ask(&console("admin"), "/payments").await;
    assert_eq!(payments.lines().count(), 2, "{payments}");
    assert!(
        payments.contains("#1 ") && payments.contains("payment pro-month: 500 ⭐"),
        "{payments}"
    );
}

#[tokio::test]
async fn a_renewal_extends_to_the_new_period_end() {
    let (app, invoice) = subscribed().await;
    app.advance(Duration::days(30));
    let later = app.clock_now();
    let renewed = app
        .engine
        .payments()
        .payment_received(&paid(
            &invoice.payload,
            "ch_2",
            later + Duration::days(30),
            true,
            later,
        ))
        .await
        .unwrap();
    assert!(renewed.starts_with("Your Pro renewed"), "{renewed}");
    let status = say_on(&app, &alice(), "/subscription").await.unwrap();
    assert!(status.contains("renews by itself"), "{status}");
    assert!(status.contains("2027-01-24"), "{status}");
}

#[tokio::test]
async fn an_operator_refund_ends_the_membership_and_a_later_report_changes_nothing() {
    let (app, _) = subscribed().await;
    app.posts();
    let done = app.ask(&console("admin"), "/payments refund 1").await;
    assert!(
        done.starts_with("Payment #1 (500 ⭐) was refunded"),
        "{done}"
    );
    let sent = app.posts();
    assert!(
        sent.iter()
            .any(|s| matches!(s, Sent::Refund { charge, .. } if charge == "ch_1")),
        "{sent:?}"
    );
    assert!(
        sent.iter()
            .any(|s| matches!(s, Sent::Revoke { tier, .. } if tier == "pro")),
        "{sent:?}"
    );
    let report = PaymentRefunded {
        provider: Provider::TelegramStars,
        charge_id: "ch_1".into(),
        amount: 500,
        currency: "XTR".into(),
        raw: "{}".into(),
        at: app.clock_now(),
    };
    assert_eq!(app.engine.payments().payment_refunded(&report).await, None);
    let again = app.ask(&console("admin"), "/payments refund 2").await;
    assert!(
        again.contains("There is no payment #2 to refund"),
        "{again}"
    );
    let membership = say_on(&app, &alice(), "/membership").await.unwrap();
    assert!(
        membership.starts_with("You have no membership"),
        "{membership}"
    );
}

#[tokio::test]
async fn cancelling_stops_renewal_at_the_provider_and_access_runs_on() {
    let (app, _) = subscribed().await;
    app.posts();
    let cancelled = say_on(&app, &alice(), "/subscription cancel")
        .await
        .unwrap();
    assert!(
        cancelled.starts_with("Plan pro-month will not renew"),
        "{cancelled}"
    );
    assert!(
        app.posts()
            .iter()
            .any(|s| matches!(s, Sent::Renewal { charge, renew: false, .. } if charge == "ch_1"))
    );
    let status = say_on(&app, &alice(), "/subscription").await.unwrap();
    assert!(status.contains("it does not renew"), "{status}");
    let twice = say_on(&app, &alice(), "/subscription cancel")
        .await
        .unwrap();
    assert!(twice.contains("nothing to cancel"), "{twice}");
}

#[tokio::test]
async fn a_lapsed_subscription_ends_after_grace_and_takes_access_once() {
    let (app, _) = subscribed().await;
    app.posts();
    // No renewal comes. Access stays through the paid period and the plan's 3 days of grace.
    app.advance(Duration::days(32));
    app.tick().await;
    assert!(!app.posts().iter().any(|s| matches!(s, Sent::Revoke { .. })));
    app.advance(Duration::days(2));
    app.tick().await;
    let revokes = |sent: Vec<Sent>| {
        sent.iter()
            .filter(|s| matches!(s, Sent::Revoke { tier, .. } if tier == "pro"))
            .count()
    };
    assert_eq!(revokes(app.posts()), 1);
    app.advance(Duration::days(1));
    app.tick().await;
    assert_eq!(revokes(app.posts()), 0);
}

#[tokio::test]
async fn the_dashboard_counts_stars_revenue_renewals_and_refunds() {
    use steward::core::access::Viewer;
    use steward::core::analytics::range::DayRange;
    use steward::core::ids::MemberId;
    let (app, _) = subscribed().await;
    let operator = Viewer {
        member: Some(MemberId(1)),
        operator: true,
        tier_rank: None,
    };
    let range = DayRange::last(7, app.engine.operations().today());
    let revenue = app
        .engine
        .operations()
        .dashboard(&operator, range)
        .await
        .unwrap()
        .revenue;
    assert_eq!(revenue.currencies.len(), 1);
    let xtr = &revenue.currencies[0];
    assert_eq!(
        (xtr.currency.as_str(), xtr.gross, xtr.new_paid),
        ("XTR", 500, 1)
    );
    assert_eq!(revenue.mrr, vec![("XTR".to_owned(), 500)]);
    assert_eq!(revenue.renewing, 1);
    app.ask(&console("admin"), "/payments refund 1").await;
    let revenue = app
        .engine
        .operations()
        .dashboard(&operator, range)
        .await
        .unwrap()
        .revenue;
    let xtr = &revenue.currencies[0];
    assert_eq!((xtr.refunded, xtr.refunds), (500, 1));
    assert_eq!((revenue.renewing, revenue.churned), (0, 1));
}

#[tokio::test]
async fn erasing_a_member_stops_their_renewal_first() {
    let (app, _) = subscribed().await;
    app.posts();
    say_on(&app, &alice(), "/privacy delete").await.unwrap();
    let erased = say_on(&app, &alice(), "/privacy delete confirm")
        .await
        .unwrap();
    assert!(!erased.is_empty());
    assert!(
        app.posts()
            .iter()
            .any(|s| matches!(s, Sent::Renewal { charge, renew: false, .. } if charge == "ch_1"))
    );
}

#[tokio::test]
async fn a_discord_entitlement_is_applied_once_and_its_deletion_ends_the_tier() {
    let app = spawn_app_with(&config()).await;
    let holder = discord("503", "Dana");
    let report = |change, ends_at| Entitlement {
        id: "9100".into(),
        sku: "8800".into(),
        holder: holder.clone(),
        ends_at,
        change,
        raw: "{}".into(),
    };
    let created = report(EntitlementChange::Created, None);
    let (a, b) = tokio::join!(
        app.engine.payments().entitlement(&created),
        app.engine.payments().entitlement(&created)
    );
    let mut outcomes = [a.unwrap(), b.unwrap()];
    outcomes.sort_by_key(|o| *o == Applied::Repeat);
    assert_eq!(outcomes, [Applied::Done, Applied::Repeat]);
    let grants = app
        .posts()
        .iter()
        .filter(|s| matches!(s, Sent::Grant { tier, .. } if tier == "pro"))
        .count();
    assert_eq!(grants, 1);
    let membership = app.ask(&holder, "/membership").await;
    assert!(membership.contains("Pro"), "{membership}");
    let deleted = report(EntitlementChange::Deleted, None);
    assert_eq!(
        app.engine.payments().entitlement(&deleted).await.unwrap(),
        Applied::Done
    );
    assert!(
        app.posts()
            .iter()
            .any(|s| matches!(s, Sent::Revoke { tier, .. } if tier == "pro"))
    );
    let membership = app.ask(&holder, "/membership").await;
    assert!(!membership.contains("Pro"), "{membership}");
    // An entitlement to a SKU no plan names is not this community's.
    let other = Entitlement {
        sku: "1".into(),
        ..report(EntitlementChange::Created, None)
    };
    assert_eq!(
        app.engine.payments().entitlement(&other).await.unwrap(),
        Applied::NotOurs
    );
}
