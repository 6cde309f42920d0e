//! A broadcast through the real serenity client against the fake Discord, which enforces the
//! global limit (50 requests a second, a new DM being two: the channel, then the message) and
//! answers 429 past it: every member gets the broadcast once and Discord never says "too many".

use std::time::Duration;

use serde_json::json;
use steward::core::ids::{AccountRef, Platform};
use steward_testkit::waiting;

use crate::harness::{self, olga};
use crate::payloads::{self, ADMIN_PERMISSIONS};

const CROWD: u64 = 40;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_broadcast_to_a_crowd_reaches_each_once_without_a_429() {
    let app = harness::spawn().await;
    for i in 1..=CROWD {
        app.say(
            &payloads::user(30_000 + i, &format!("Member{i}")),
            "hello everyone",
        );
    }
    waiting::until_members(
        &app.engine,
        (1..=CROWD).map(|i| AccountRef::new(Platform::Discord, (30_000 + i).to_string())),
    )
    .await;
    let send = json!([{"name": "send", "type": 1, "options": [
        {"name": "segment", "type": 3, "value": "all"},
        {"name": "text", "type": 3, "value": "Meetup on Friday!"}]}]);
    let queued = app
        .slash(&olga(), ADMIN_PERMISSIONS, "broadcast", send, &[])
        .await;
    assert!(queued.contains("all"), "{queued}");

    let dm = |i: u64| format!("8{}", 30_000 + i);
    let mut reached = 0;
    for _ in 0..500 {
        let messages = app.discord.messages_per_channel();
        reached = (1..=CROWD)
            .filter(|i| messages.contains_key(&dm(*i)))
            .count();
        if reached == CROWD as usize {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(reached, CROWD as usize, "every member got the broadcast");
    let messages = app.discord.messages_per_channel();
    assert!(
        (1..=CROWD).all(|i| messages[&dm(i)] == 1),
        "nobody got it twice: {messages:?}"
    );
    assert_eq!(
        app.discord.too_many_requests(),
        0,
        "Discord never answered 429"
    );
    app.shutdown().await;
}
