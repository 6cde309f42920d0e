//! A broadcast through the real teloxide client against the fake Bot API, which enforces
//! Telegram's limits (30 messages a second overall, 1 a second per chat) and answers 429 past
//! them: every member gets the broadcast once and Telegram never has to say "too many".

use std::time::Duration;

use serde_json::Value;
use steward::core::ids::{AccountRef, Platform};
use steward_testkit::waiting;

use crate::fake_bot_api::user;
use crate::harness::{self, GROUP, OPERATOR, operator};

const CROWD: i64 = 45;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn telegram_broadcast_to_a_crowd_reaches_each_once_without_a_429() {
    let app = harness::spawn().await;
    let crowd: Vec<(Value, &str)> = (1..=CROWD)
        .map(|i| (user(10_000 + i, &format!("Member{i}")), "hello everyone"))
        .collect();
    app.fake.say_all(GROUP, &crowd).await;
    waiting::until_members(
        &app.engine,
        (1..=CROWD).map(|i| AccountRef::new(Platform::Telegram, (10_000 + i).to_string())),
    )
    .await;
    app.fake
        .say(OPERATOR, operator(), "/broadcast all Meetup on Friday!")
        .await;

    let mut reached = 0;
    for _ in 0..500 {
        let sends = app.fake.sends_per_chat().await;
        reached = (1..=CROWD)
            .filter(|i| sends.contains_key(&(10_000 + i)))
            .count();
        if reached == CROWD as usize {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(reached, CROWD as usize, "every member got the broadcast");
    let sends = app.fake.sends_per_chat().await;
    assert!(
        (1..=CROWD).all(|i| sends[&(10_000 + i)] == 1),
        "nobody got it twice: {sends:?}"
    );
    assert_eq!(
        app.fake.too_many_requests(),
        0,
        "Telegram never answered 429"
    );
    app.shutdown().await;
}
