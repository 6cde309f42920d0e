//! `drops.in_flight`: a drop by DM keeps that many Telegram sends in flight through the real
//! teloxide client (whose rate limiter lets requests go in quarter-second rounds, so one at a
//! time cannot pass about 4 a second), and every member still gets it exactly once.

use std::time::Duration;

use chrono::Utc;
use serde_json::json;
use steward::core::ids::{AccountRef, Platform};
use steward_testkit::waiting;

use crate::fake_bot_api::user;
use crate::harness::{GROUP, OPERATOR, TgApp, operator, spawn_with_config};

const MEMBERS: i64 = 6;
const FIRST: i64 = 20_000;

/// `MEMBERS` members on Telegram, each holding the Club tier (no chat of its own: its drops
/// go by DM).
async fn club(in_flight: u32) -> TgApp {
    let app = spawn_with_config(&format!(
        "[drops]\nin_flight = {in_flight}\n\n[[tiers]]\nid = \"club\"\nname = \"Club\"\nrank = 2\n"
    ))
    .await;
    let people: Vec<_> = (0..MEMBERS)
        .map(|i| (user(FIRST + i, &format!("Member{i}")), "hello everyone"))
        .collect();
    app.fake.say_all(GROUP, &people).await;
    let accounts: Vec<AccountRef> = (0..MEMBERS)
        .map(|i| AccountRef::new(Platform::Telegram, (FIRST + i).to_string()))
        .collect();
    waiting::until_members(&app.engine, accounts.clone()).await;
    let store = app.engine.store();
    let mut tx = store.begin().await.unwrap();
    for account in &accounts {
        let member = store.member_of(account).await.unwrap().unwrap();
        tx.set_membership(member, "club", None, None, Utc::now())
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    app
}

/// DMs of the drop the fake has been asked for so far, by member chat.
async fn dms(app: &TgApp) -> Vec<i64> {
    app.fake
        .calls()
        .await
        .iter()
        .filter(|c| c.method == "sendmessage" && c.body["text"] == json!("Club lesson"))
        .filter_map(|c| c.body["chat_id"].as_i64())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn telegram_a_drop_by_dm_keeps_several_sends_in_flight_and_reaches_each_member_once() {
    let app = club(4).await;
    // Each answer waits: only sends already in flight together can have arrived meanwhile.
    app.fake
        .hold("sendMessage", Some(Duration::from_secs(4)))
        .await;
    app.fake
        .say(OPERATOR, operator(), "/drop in 1s tier club Club lesson")
        .await;
    let mut together = 0;
    for _ in 0..150 {
        together = dms(&app).await.len();
        if together >= 4 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(together, 4, "four sends in flight before any was answered");
    app.fake.hold("sendMessage", None).await;
    let mut got = Vec::new();
    for _ in 0..500 {
        got = dms(&app).await;
        if got.len() >= MEMBERS as usize {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    got.sort_unstable();
    let expected: Vec<i64> = (0..MEMBERS).map(|i| FIRST + i).collect();
    assert_eq!(got, expected, "each member once");
    app.shutdown().await;
}
