use std::sync::Arc;

use steward::engine::{Engine, Event};

use crate::helpers::*;

#[tokio::test]
async fn redeeming_spends_the_balance_and_grants_the_tier() {
    let app = spawn_app().await;
    let alice = console("alice");
    app.say(&alice, "hello there").await;
    app.ask(&console("admin"), "/points add @alice 130").await;
    let shop = app.ask(&alice, "/shop").await;
    assert!(
        shop.contains("you have 150 points")
            && shop.contains("pro-week: A week of Pro, 100 points (Pro for 7d)"),
        "{shop}"
    );
    let reply = app.ask(&alice, "/redeem pro-week").await;
    assert_eq!(
        reply,
        "Redeemed A week of Pro for 100 points: you are Pro until 2026-12-02 10:00 (Europe/Berlin). Balance: 50 points."
    );
    let refused = app.ask(&alice, "/redeem pro-week").await;
    assert_eq!(
        refused,
        "A week of Pro costs 100 points; you have 50 points."
    );
    assert!(
        app.ask(&alice, "/redeem gold")
            .await
            .contains("There is no reward `gold`. Rewards: pro-week.")
    );
    // XP is lifetime: spending leaves it alone.
    let row = app.assert_books_balance(&alice).await;
    assert_eq!((row.xp, row.balance), (150, 50));
    assert!(
        app.ask(&alice, "/history")
            .await
            .contains("-100 points: redeemed pro-week")
    );
}

#[tokio::test]
async fn the_same_request_delivered_twice_pays_once() {
    let app = spawn_app().await;
    let alice = console("alice");
    app.say(&alice, "hello there").await;
    app.ask(&console("admin"), "/points add @alice 280").await;
    let mut request = message(&alice, general(), "/redeem pro-week", app.clock_now());
    request.message_id = Some("42".into());
    let first = app.send(request.clone()).await.unwrap();
    let second = app.send(request).await.unwrap();
    assert!(first.starts_with("Redeemed"), "{first}");
    assert_eq!(
        second,
        "That request was already carried out: A week of Pro is yours."
    );
    assert_eq!(app.member(&alice).await.balance, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_redeems_never_overdraw_nor_pay_twice() {
    let app = spawn_app().await;
    let engines: [Arc<Engine>; 1] = [app.engine.clone()];
    let alice = console("alice");
    app.say(&alice, "hello there").await;
    app.ask(&console("admin"), "/points add @alice 330").await; // 350: enough for three
    let mut tasks = Vec::new();
    for i in 0..24 {
        let engine = engines[i % engines.len()].clone();
        let mut request = message(&alice, general(), "/redeem pro-week", app.clock_now());
        // Every request twice: distinct requests 0..12, each delivered twice at once.
        request.message_id = Some(format!("m{}", i / 2));
        tasks.push(tokio::spawn(async move {
            engine.handle(Event::Message(request)).await.unwrap()
        }));
    }
    let mut redeemed = 0;
    for task in tasks {
        if task.await.unwrap().starts_with("Redeemed") {
            redeemed += 1;
        }
    }
    assert_eq!(redeemed, 3);
    let row = app.assert_books_balance(&alice).await;
    assert_eq!(row.balance, 50);
    let mine = app.ask(&alice, "/membership").await;
    assert!(
        mine.contains("until 2026-12-16 10:00"),
        "three weeks of Pro: {mine}"
    );
}

#[tokio::test]
async fn a_lifetime_member_cannot_buy_or_be_granted_a_term_of_the_same_tier() {
    let app = spawn_app().await;
    let (admin, alice) = (console("admin"), console("alice"));
    app.say(&alice, "hello there").await;
    app.ask(&admin, "/points add @alice 130").await;
    app.ask(&admin, "/member grant @alice pro lifetime").await;
    let refused = app.ask(&alice, "/redeem pro-week").await;
    assert_eq!(
        refused,
        "Pro already runs for life here, so 7d would add nothing; nothing was charged or changed."
    );
    let row = app.assert_books_balance(&alice).await;
    assert_eq!(row.balance, 150, "nothing was charged");
    assert!(!app.ask(&alice, "/history").await.contains("redeemed"));
    let granted = app.ask(&admin, "/member grant @alice pro 30d").await;
    assert!(granted.contains("already runs for life"), "{granted}");
    let mine = app.ask(&alice, "/membership").await;
    assert!(mine.contains("Pro") && mine.contains("for life"), "{mine}");
}
