//! Team seats through the engine: a member buys a team in Stars (one invoice, every seat at the
//! seat price), fills and frees its seats; an operator grants one; a seat never takes away time
//! the member bought; a lapse or a refund ends every seat's access once, on every platform.

use steward::core::payments::Provider;
use steward::engine::Invoice;
use steward::engine::Person;
use steward::engine::payments::{PaymentReceived, PaymentRefunded};
use steward_testkit::Sent;

use crate::helpers::*;
use crate::payments::{alice, checkout};

fn config() -> String {
    format!(
        "{}\n[[plans]]\nid = \"pro-team\"\ntier = \"pro\"\nterm = \"30d\"\nstars = 300\nseats = true\n\n\
         [[plans]]\nid = \"basic-team\"\ntier = \"basic\"\nterm = \"30d\"\nstars = 100\nseats = true\n",
        crate::payments::config()
    )
}

fn bob() -> Person {
    telegram("502", "Bob")
}

fn carol() -> Person {
    telegram("503", "Carol")
}

fn dan() -> Person {
    telegram("504", "Dan")
}

fn operator() -> Person {
    telegram("900", "Olga")
}

/// Alice orders a team; the invoice she was sent.
async fn order(app: &TestApp, line: &str) -> Invoice {
    let reply = say_on(app, &alice(), line).await.unwrap();
    assert_eq!(reply, "I sent you a payment link by direct message.");
    app.posts()
        .into_iter()
        .find_map(|s| match s {
            Sent::Invoice { invoice, .. } => Some(invoice),
            _ => None,
        })
        .expect("an invoice")
}

fn paid(invoice: &Invoice, charge: &str, app: &TestApp) -> PaymentReceived {
    PaymentReceived {
        provider: Provider::TelegramStars,
        payer: alice().profile.account.to_string(),
        payload: invoice.payload.clone(),
        amount: u64::from(invoice.stars),
        currency: "XTR".into(),
        charge_id: charge.to_owned(),
        prices: Vec::new(),
        period_end: None,
        recurring: false,
        renewal: false,
        raw: "{}".into(),
        at: app.clock_now(),
    }
}

/// A team of `seats` bought and paid by Alice; Bob, Carol and Dan have spoken.
async fn paid_team(seats: u32) -> TestApp {
    let app = spawn_app_with(&config()).await;
    for who in [bob(), carol(), dan()] {
        say_on(&app, &who, "hello there").await;
    }
    let invoice = order(&app, &format!("/team create Acme pro-team {seats}")).await;
    let thanks = app
        .engine
        .payments()
        .payment_received(&paid(&invoice, "ch_team", &app))
        .await
        .unwrap();
    assert!(
        thanks.starts_with("Thank you! Team Acme runs until"),
        "{thanks}"
    );
    app.posts();
    app
}

fn revoked_from(sent: &[Sent], who: &Person) -> usize {
    sent.iter()
        .filter(|s| matches!(s, Sent::Revoke { from, tier } if *from == who.profile.account && tier == "pro"))
        .count()
}

async fn has_pro(app: &TestApp, who: &Person) -> bool {
    say_on(app, who, "/membership")
        .await
        .unwrap()
        .contains("Pro")
}

#[tokio::test]
async fn a_team_is_one_invoice_for_every_seat_checked_before_the_charge() {
    let app = spawn_app_with(&config()).await;
    let invoice = order(&app, "/team create Acme pro-team 3").await;
    assert_eq!(invoice.stars, 900, "three seats at 300 Stars");
    assert_eq!(invoice.renews_every_secs, None, "paid once per term");
    let payments = app.engine.payments();
    let at = app.clock_now();
    assert_eq!(
        payments
            .pre_checkout(&checkout(&invoice.payload, 900, at))
            .await,
        Ok(())
    );
    assert!(
        payments
            .pre_checkout(&checkout(&invoice.payload, 300, at))
            .await
            .is_err(),
        "one seat's price does not buy three"
    );
    // Paid at one seat's price anyway: nothing starts.
    let mut cheap = paid(&invoice, "ch_cheap", &app);
    cheap.amount = 300;
    let reply = payments.payment_received(&cheap).await.unwrap();
    assert!(!reply.contains("runs until"), "{reply}");
    let view = say_on(&app, &alice(), "/team").await.unwrap();
    assert!(view.contains("waits for its payment"), "{view}");
    // A seat plan is not for /subscribe or a gift.
    let sub = say_on(&app, &alice(), "/subscribe pro-team").await.unwrap();
    assert!(sub.contains("sold as team seats"), "{sub}");
}

#[tokio::test]
async fn seats_are_given_counted_freed_at_once_and_given_again() {
    let app = paid_team(2).await;
    let added = say_on(&app, &alice(), "/team add @Bob").await.unwrap();
    assert_eq!(
        added,
        "Bob has a seat in team Acme (1 of 2 taken) and has been told."
    );
    let sent = app.posts();
    assert!(sent.iter().any(
        |s| matches!(s, Sent::Grant { to, tier } if *to == bob().profile.account && tier == "pro")
    ));
    assert!(sent.iter().any(|s| matches!(s, Sent::Dm { to, text } if *to == bob().profile.account && text.contains("sees your learning progress"))), "Bob is told what the manager sees");
    assert!(has_pro(&app, &bob()).await);
    say_on(&app, &alice(), "/team add @Carol").await.unwrap();
    let full = say_on(&app, &alice(), "/team add @Dan").await.unwrap();
    assert_eq!(
        full,
        "Every seat of team Acme is taken (2). Free one with /team remove @member."
    );
    let again = say_on(&app, &alice(), "/team add @Carol").await.unwrap();
    assert_eq!(again, "Carol has a seat in team Acme already.");

    let freed = say_on(&app, &alice(), "/team remove @Bob").await.unwrap();
    assert_eq!(freed, "Bob's seat in team Acme is free again (1 free).");
    assert_eq!(revoked_from(&app.posts(), &bob()), 1);
    assert!(!has_pro(&app, &bob()).await, "the seat's tier went with it");
    let reused = say_on(&app, &alice(), "/team add @Dan").await.unwrap();
    assert!(reused.contains("(2 of 2 taken)"), "{reused}");

    let view = say_on(&app, &alice(), "/team").await.unwrap();
    assert!(
        view.starts_with("Team Acme: Pro, 2 of 2 seats taken"),
        "{view}"
    );
    assert!(
        view.contains("Carol: no course begun") && view.contains("Dan"),
        "{view}"
    );
    assert!(!view.contains("Bob"), "a freed seat is not listed: {view}");
    assert!(
        !view.contains("XP"),
        "the manager sees progress, not points: {view}"
    );
    let seat = say_on(&app, &carol(), "/team").await.unwrap();
    assert!(
        seat.starts_with("You have a seat in the team Acme"),
        "{seat}"
    );
}

#[tokio::test]
async fn only_the_manager_fills_seats_and_only_operators_name_managers() {
    let app = paid_team(2).await;
    let not_manager = say_on(&app, &bob(), "/team add @Carol").await.unwrap();
    assert!(
        not_manager.starts_with("You manage no team"),
        "{not_manager}"
    );
    let named = say_on(&app, &bob(), "/team create Other pro-team 2 manager @Carol")
        .await
        .unwrap();
    assert!(named.starts_with("Only an operator"), "{named}");
    let taken = say_on(&app, &bob(), "/team create acme pro-team 2")
        .await
        .unwrap();
    assert_eq!(
        taken,
        "There is a team called acme already. Pick another name."
    );
    let blank = say_on(&app, &bob(), "/team create \u{200b} pro-team 2")
        .await
        .unwrap();
    assert!(blank.contains("/team create acme pro-team 5"), "{blank}");
}

#[tokio::test]
async fn removing_a_seat_leaves_the_time_a_member_has_of_their_own() {
    let app = paid_team(2).await;
    let granted = say_on(&app, &operator(), "/member grant @Bob pro 10d")
        .await
        .unwrap();
    assert!(granted.starts_with("Bob is now Pro"), "{granted}");
    say_on(&app, &alice(), "/team add @Bob").await.unwrap();
    app.posts();
    say_on(&app, &alice(), "/team remove @Bob").await.unwrap();
    assert_eq!(revoked_from(&app.posts(), &bob()), 0, "Bob's own Pro stays");
    assert!(has_pro(&app, &bob()).await);
}

#[tokio::test]
async fn two_adds_racing_for_the_last_seat_give_it_once() {
    let app = paid_team(1).await;
    let manager = alice();
    let (a, b) = tokio::join!(
        say_on(&app, &manager, "/team add @Bob"),
        say_on(&app, &manager, "/team add @Carol"),
    );
    let given = [a.unwrap(), b.unwrap()]
        .iter()
        .filter(|r| r.contains("has a seat in team Acme (1 of 1 taken)"))
        .count();
    assert_eq!(given, 1);
}

#[tokio::test]
async fn an_operators_team_lapses_once_and_ends_access_on_both_platforms() {
    let app = spawn_app_with(&config()).await;
    let on_discord = discord("702", "Bob");
    say_on(&app, &bob(), "hello there").await;
    say_on(&app, &on_discord, "hello there").await;
    let code = link_code(&app, &bob()).await;
    let linked = say_on(&app, &on_discord, &format!("/link {code}"))
        .await
        .unwrap();
    assert!(!linked.contains("went wrong"), "{linked}");
    say_on(&app, &alice(), "hello there").await;
    let made = say_on(
        &app,
        &operator(),
        "/team create Acme pro-team 3 manager @Alice",
    )
    .await
    .unwrap();
    assert!(
        made.starts_with("Team Acme is ready: Pro for 3 seats"),
        "{made}"
    );
    say_on(&app, &alice(), "/team add @Bob").await.unwrap();
    app.posts();

    app.advance(chrono::Duration::days(31));
    assert_eq!(app.tick().await.teams_ended, 1);
    let sent = app.posts();
    assert_eq!(revoked_from(&sent, &bob()), 1, "Telegram, once: {sent:?}");
    assert_eq!(
        revoked_from(&sent, &on_discord),
        1,
        "Discord, once: {sent:?}"
    );
    assert!(sent.iter().any(
        |s| matches!(s, Sent::Dm { text, .. } if text.starts_with("The team Acme has ended"))
    ));
    assert_eq!(app.tick().await.teams_ended, 0);
    assert_eq!(
        revoked_from(&app.posts(), &bob()),
        0,
        "a lapse ends access once"
    );
    assert!(!has_pro(&app, &bob()).await);
}

#[tokio::test]
async fn a_refunded_team_ends_with_its_seats() {
    let app = paid_team(2).await;
    say_on(&app, &alice(), "/team add @Bob").await.unwrap();
    app.posts();
    let refund = PaymentRefunded {
        provider: Provider::TelegramStars,
        charge_id: "ch_team".into(),
        amount: 600,
        currency: "XTR".into(),
        raw: "{}".into(),
        at: app.clock_now(),
    };
    app.engine.payments().payment_refunded(&refund).await;
    assert_eq!(app.tick().await.teams_ended, 1);
    assert_eq!(revoked_from(&app.posts(), &bob()), 1);
    assert!(!has_pro(&app, &bob()).await);
    let after = say_on(&app, &alice(), "/team add @Carol").await.unwrap();
    assert!(after.starts_with("You manage no team"), "{after}");
}

#[tokio::test]
async fn a_renewal_adds_a_term_its_manager_is_reminded_and_its_refund_takes_back_that_term() {
    let app = paid_team(2).await;
    say_on(&app, &alice(), "/team add @Bob").await.unwrap();
    app.posts();
    app.advance(chrono::Duration::days(27) + chrono::Duration::hours(1));
    app.tick().await;
    let reminded = app.posts().into_iter().any(|s| {
        matches!(&s, Sent::Dm { to, text } if *to == alice().profile.account && text.starts_with("Your team Acme ends in"))
    });
    assert!(reminded, "the manager is reminded before the end");

    let invoice = order(&app, "/team renew").await;
    assert_eq!(invoice.stars, 600, "the same two seats");
    let payments = app.engine.payments();
    let renewed = payments
        .payment_received(&paid(&invoice, "ch_renew", &app))
        .await
        .unwrap();
    assert!(
        renewed.starts_with("Thank you! Team Acme now runs until"),
        "{renewed}"
    );
    app.advance(chrono::Duration::days(5));
    assert_eq!(app.tick().await.teams_ended, 0, "the renewal carries it on");
    assert!(has_pro(&app, &bob()).await);

    let refund = PaymentRefunded {
        provider: Provider::TelegramStars,
        charge_id: "ch_renew".into(),
        amount: 600,
        currency: "XTR".into(),
        raw: "{}".into(),
        at: app.clock_now(),
    };
    payments.payment_refunded(&refund).await;
    // The renewal's 30 days are gone: the first term had ended two days ago.
    assert_eq!(app.tick().await.teams_ended, 1);
    assert!(!has_pro(&app, &bob()).await);
}

#[tokio::test]
async fn the_manager_sees_progress_in_the_teams_courses_not_in_a_higher_tiers() {
    let app = paid_team(2).await;
    let op = operator();
    for line in [
        "/drop now tier vip Lesson of the inner circle",
        "/drop now tier pro Lesson for the team",
    ] {
        say_on(&app, &op, line).await.unwrap();
    }
    app.tick().await;
    for line in [
        "/course create inner INNERCIRCLE course",
        "/course tier inner vip",
        "/course add inner 1",
        "/course create team-101 Team course",
        "/course tier team-101 pro",
        "/course add team-101 2",
        "/member grant @Bob vip 30d",
    ] {
        let reply = say_on(&app, &op, line).await.unwrap();
        assert!(!reply.contains("Usage"), "{line}: {reply}");
    }
    say_on(&app, &alice(), "/team add @Bob").await.unwrap();
    for lesson in ["/done 1", "/done 2"] {
        let done = say_on(&app, &bob(), lesson).await.unwrap();
        assert!(done.starts_with("Lesson #"), "{done}");
    }
    let view = say_on(&app, &alice(), "/team").await.unwrap();
    assert!(view.contains("Bob: Team course 1/1"), "{view}");
    assert!(
        !view.contains("INNERCIRCLE"),
        "a VIP course is not the manager's to see: {view}"
    );
}

#[tokio::test]
async fn a_seat_counts_as_its_tier_for_dm_drops_and_for_a_linked_account() {
    let app = paid_team(2).await;
    say_on(&app, &alice(), "/team add @Bob").await.unwrap();
    // A linked Discord account gets the seat's role, as it would a membership's.
    let on_discord = discord("702", "Bob");
    say_on(&app, &on_discord, "hello there").await;
    let code = link_code(&app, &bob()).await;
    app.posts();
    say_on(&app, &on_discord, &format!("/link {code}"))
        .await
        .unwrap();
    let granted = app.posts().into_iter().any(|s| {
        matches!(&s, Sent::Grant { to, tier } if *to == on_discord.profile.account && tier == "pro")
    });
    assert!(granted, "the seat's role on the linked account");

    // A drop to a tier's members by DM reaches a seat of that tier.
    let op = operator();
    say_on(&app, &alice(), "hello there").await;
    let made = say_on(&app, &op, "/team create Crew basic-team 2 manager @Carol")
        .await
        .unwrap();
    assert!(made.starts_with("Team Crew is ready"), "{made}");
    say_on(&app, &carol(), "/team add @Dan").await.unwrap();
    let drop = say_on(&app, &op, "/drop now tier basic Crew news")
        .await
        .unwrap();
    assert!(!drop.contains("Usage"), "{drop}");
    app.tick().await;
    let reached = app.drops_delivered().into_iter().any(
        |(to, _)| matches!(to, steward::engine::DropTarget::Dm(a) if a == dan().profile.account),
    );
    assert!(reached, "Dan's seat gives Basic");
}
