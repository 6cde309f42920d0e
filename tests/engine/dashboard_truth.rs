//! The dashboard's figures against a seeded community whose true figures are known: chat lines
//! and commands apart, distinct actives per day and in rolling 7- and 30-day windows, and a
//! drop's reach as distinct members however often it was delivered.

use chrono::Duration;
use steward::core::access::Viewer;
use steward::core::analytics::range::DayRange;
use steward::core::ids::MemberId;
use steward::engine::analytics::Dashboard;

use crate::helpers::*;

const OPERATOR: Viewer = Viewer {
    member: Some(MemberId(1)),
    operator: true,
    tier_rank: None,
};

async fn dashboard(app: &TestApp, days: u64) -> Dashboard {
    app.engine.ingest().fold_step().await.unwrap();
    let range = DayRange::last(days, app.engine.operations().today());
    app.engine
        .operations()
        .dashboard(&OPERATOR, range)
        .await
        .unwrap()
}

#[tokio::test]
async fn five_members_six_chat_lines_and_three_commands_over_nine_days() {
    let app = spawn_app().await;
    let [alice, bob, carol, dave, erin] = ["alice", "bob", "carol", "dave", "erin"].map(console);
    // Day 0: Alice writes twice, Bob once and asks for his rank.
    app.say(&alice, "good morning all").await;
    app.say(&alice, "coffee first").await;
    app.say(&bob, "hello there").await;
    app.ask(&bob, "/rank").await;
    app.engine.ingest().fold_step().await.unwrap();
    // Day 1: Carol writes, Dave only checks in.
    app.advance(Duration::days(1));
    app.say(&carol, "hi everyone").await;
    app.ask(&dave, "/daily").await;
    app.engine.ingest().fold_step().await.unwrap();
    // Day 3: Erin writes and asks for her rank.
    app.advance(Duration::days(2));
    app.say(&erin, "new here, hello").await;
    app.ask(&erin, "/rank").await;
    app.engine.ingest().fold_step().await.unwrap();
    // Day 8: Alice is back.
    app.advance(Duration::days(5));
    app.say(&alice, "back from holiday").await;
    let dash = dashboard(&app, 9).await;
    let days = &dash.activity.days;
    assert_eq!(days.len(), 9);
    let sum = |f: fn(&steward::engine::analytics::DayRow) -> i64| days.iter().map(f).sum::<i64>();
    assert_eq!(sum(|d| d.messages), 6, "chat lines only");
    assert_eq!(sum(|d| d.commands), 3);
    let dau: Vec<i64> = days.iter().map(|d| d.active).collect();
    assert_eq!(dau, [2, 2, 0, 1, 0, 0, 0, 0, 1]);
    // The 7 days to day 3 hold all five; the 7 days to day 8 only Erin (day 3) and Alice.
    assert_eq!(days[3].wau, 5);
    assert_eq!(days[7].wau, 3, "Carol, Dave and Erin: days 1 to 7");
    assert_eq!(days[8].wau, 2);
    assert_eq!(
        days[8].mau, 5,
        "five members in 30 days, not a mean of months"
    );
    // Stickiness is each day's DAU over its rolling MAU, averaged.
    let expected = (2.0 / 2.0 + 2.0 / 4.0 + 0.0 / 4.0 + 1.0 / 5.0 + 0.0 * 4.0 + 1.0 / 5.0) / 9.0;
    assert!(
        (dash.activity.dau_over_mau.unwrap() - expected).abs() < 1e-9,
        "{:?}",
        dash.activity.dau_over_mau
    );
}

#[tokio::test]
async fn reach_counts_members_once_however_many_deliveries_reached_them() {
    let app = spawn_app().await;
    let admin = console("admin");
    let (alice, bob) = (console("alice"), console("bob"));
    app.say(&alice, "hello there").await;
    app.say(&bob, "hello there").await;
    app.ask(&admin, "/member grant @alice vip 30d").await;
    app.ask(&admin, "/member grant @bob vip 1d").await;
    let scheduled = app
        .ask(&admin, "/drop in 1m every day tier vip VIP call")
        .await;
    assert!(scheduled.contains("by DM"), "{scheduled}");
    app.advance(Duration::minutes(1));
    assert_eq!(app.tick().await.sent, 2);
    app.ask(&alice, "/rate 1 5").await;
    app.ask(&bob, "/rate 1 4").await;
    // A day later Bob's VIP has lapsed: the repeat reaches Alice alone.
    app.advance(Duration::days(1));
    app.tick().await;
    app.tick().await;
    let dash = dashboard(&app, 2).await;
    let drop = &dash.content.drops[0];
    assert_eq!((drop.row.sent, drop.row.reached), (3, 2), "{drop:?}");
    assert_eq!(drop.row.ratings, 2);
    assert_eq!(
        drop.rating_rate,
        Some(1.0),
        "rated by both of the two reached"
    );
}

#[tokio::test]
async fn chats_count_their_lines_and_members_once_a_day_across_a_restart() {
    let app = spawn_app().await;
    let (alice, bob) = (console("alice"), console("bob"));
    // Wednesday 10:00 in Berlin.
    app.say(&alice, "morning").await;
    app.say(&bob, "morning to you").await;
    app.ask(&bob, "/rank").await;
    say_on(&app, &telegram("111", "Tg"), "hello from telegram").await;
    app.engine.ingest().fold_step().await.unwrap();
    let app = app.restart().await;
    app.say(&alice, "still here after the restart").await;
    let dash = dashboard(&app, 1).await;
    let channels = &dash.activity.channels;
    let general = channels
        .iter()
        .find(|c| c.chat == "console:general")
        .unwrap();
    assert_eq!(general.messages, 3, "chat lines, not the command");
    assert_eq!(
        general.member_days, 2,
        "Alice once, though she wrote again after a restart"
    );
    let telegram = channels.iter().find(|c| c.chat == "telegram:-100").unwrap();
    assert_eq!((telegram.messages, telegram.member_days), (1, 1));
    assert_eq!(dash.activity.hours[2][10], 4);
    assert_eq!(dash.activity.hours.iter().flatten().sum::<i64>(), 4);
}
