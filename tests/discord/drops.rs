//! Drops on Discord: posted once with an enforced nonce, rated with buttons, and delivered to
//! Discord and Telegram at once when a channel names both.

use serde_json::{Value, json};

use crate::harness::{self, TELEGRAM_GROUP, alice, bob, olga};
use crate::payloads::{self, ANNOUNCEMENTS, MEMBER_PERMISSIONS};

pub(crate) fn schedule(text: &str) -> Value {
    json!([{"name": "schedule", "type": 1, "options": [
        {"name": "when", "type": 3, "value": "now"},
        {"name": "text", "type": 3, "value": text},
        {"name": "to", "type": 3, "value": "announcements"}]}])
}

pub(crate) async fn posted_in(app: &harness::App, channel: u64, text: &str) -> Value {
    for _ in 0..500 {
        if let Some(message) = app
            .discord
            .posted()
            .into_iter()
            .find(|m| m["channel_id"] == channel.to_string().as_str() && m["content"] == text)
        {
            return message;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    panic!("`{text}` was never posted in {channel}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_drop_is_posted_with_an_enforced_nonce_and_rating_buttons() {
    let app = harness::spawn().await;
    let answer = app
        .slash(
            &olga(),
            MEMBER_PERMISSIONS,
            "drop",
            schedule("Office hours start now"),
            &[],
        )
        .await;
    assert!(answer.starts_with("Scheduled drop #1"), "{answer}");
    let message = posted_in(&app, ANNOUNCEMENTS, "Office hours start now").await;
    let call = app
        .discord
        .wait_for_call("drop post", |c| {
            c.path == format!("/channels/{ANNOUNCEMENTS}/messages")
        })
        .await;
    assert_eq!(call.body["enforce_nonce"], true);
    assert!(
        call.body["nonce"]
            .as_str()
            .is_some_and(|n| n.len() <= 25 && !n.is_empty())
    );
    assert_eq!(call.body["allowed_mentions"]["parse"], json!([]));
    let buttons = &message["components"][0]["components"];
    let ids: Vec<&str> = buttons
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["custom_id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["rate:1:1", "rate:1:2", "rate:1:3", "rate:1:4", "rate:1:5"]
    );
    app.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_rating_button_press_is_recorded_once() {
    let app = harness::spawn().await;
    app.slash(
        &olga(),
        MEMBER_PERMISSIONS,
        "drop",
        schedule("Rate me"),
        &[],
    )
    .await;
    let message = posted_in(&app, ANNOUNCEMENTS, "Rate me").await;
    let id = app.discord.next_id();
    let press = payloads::button(id, &alice(), "rate:1:4", &message);
    app.discord.dispatch("INTERACTION_CREATE", press.clone());
    assert_eq!(
        app.discord.answer_to(id).await,
        "Thanks! You rated drop #1 4 of 5."
    );
    // Discord redelivers the same interaction: it is answered again but counts once.
    app.discord.dispatch("INTERACTION_CREATE", press);
    let callback = format!("/interactions/{id}/");
    for _ in 0..500 {
        let answers = app
            .discord
            .calls()
            .iter()
            .filter(|c| c.path.starts_with(&callback))
            .count();
        if answers == 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let stats_options = json!([{"name": "stats", "type": 1, "options": [
        {"name": "id", "type": 4, "value": 1}]}]);
    let stats = app
        .slash(&olga(), MEMBER_PERMISSIONS, "drop", stats_options, &[])
        .await;
    assert!(
        stats.starts_with("Drop #1: 1 rating, average 4.0 of 5"),
        "{stats}"
    );
    app.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_and_telegram_both_receive_a_drop_to_a_shared_channel() {
    let app = harness::spawn_both().await;
    app.slash(
        &olga(),
        MEMBER_PERMISSIONS,
        "drop",
        schedule("Both platforms"),
        &[],
    )
    .await;
    posted_in(&app, ANNOUNCEMENTS, "Both platforms").await;
    let telegram = app.telegram.as_ref().unwrap();
    telegram.reply_in(TELEGRAM_GROUP, "Both platforms").await;
    app.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_schedule_as_drop_opens_a_form_and_schedules_that_message() {
    let app = harness::spawn().await;
    let source_id = app.discord.next_id();
    let source = payloads::message(
        source_id,
        payloads::GENERAL,
        &alice(),
        "**Release notes** v2",
    );
    let id = app.discord.next_id();
    app.discord.dispatch(
        "INTERACTION_CREATE",
        payloads::message_command(id, &olga(), &source),
    );
    let form = app.discord.callback_of(id).await;
    assert_eq!(form["type"], 9, "a modal: {form}");
    let custom_id = form["data"]["custom_id"].as_str().unwrap().to_owned();
    let submit = app.discord.next_id();
    let fields = [("when", "now"), ("options", "to announcements")];
    app.discord.dispatch(
        "INTERACTION_CREATE",
        payloads::modal_submit(submit, &olga(), &custom_id, &fields),
    );
    let answer = app.discord.answer_to(submit).await;
    assert!(answer.starts_with("Scheduled drop #1"), "{answer}");
    posted_in(&app, ANNOUNCEMENTS, "**Release notes** v2").await;
    app.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_tier_drop_without_gated_channels_goes_by_dm_to_each_member() {
    let app = harness::spawn().await;
    let grant = json!([{"name": "grant", "type": 1, "options": [
        {"name": "member", "type": 6, "value": "501"},
        {"name": "tier", "type": 3, "value": "pro"},
        {"name": "duration", "type": 3, "value": "30d"}]}]);
    app.slash(&olga(), MEMBER_PERMISSIONS, "member", grant, &[&alice()])
        .await;
    let drop = json!([{"name": "schedule", "type": 1, "options": [
        {"name": "when", "type": 3, "value": "now"},
        {"name": "text", "type": 3, "value": "Pro-only notes"},
        {"name": "tier", "type": 3, "value": "pro"}]}]);
    let answer = app
        .slash(&olga(), MEMBER_PERMISSIONS, "drop", drop, &[])
        .await;
    assert!(answer.starts_with("Scheduled drop #1"), "{answer}");
    app.discord
        .wait_for_call("DM channel", |c| {
            c.path == "/users/@me/channels" && c.body["recipient_id"] == "501"
        })
        .await;
    // The fake names a DM channel after its recipient: 8 + user id.
    posted_in(&app, 8501, "Pro-only notes").await;
    app.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_rate_limited_drop_is_retried_and_posted_once() {
    let app = harness::spawn().await;
    app.discord.rate_limit_posts(1);
    app.slash(
        &olga(),
        MEMBER_PERMISSIONS,
        "drop",
        schedule("After a 429"),
        &[],
    )
    .await;
    posted_in(&app, ANNOUNCEMENTS, "After a 429").await;
    let posts = app
        .discord
        .calls()
        .iter()
        .filter(|c| c.path == format!("/channels/{ANNOUNCEMENTS}/messages"))
        .count();
    assert_eq!(posts, 2, "one refused with 429, one accepted");
    let status_options = json!([{"name": "status", "type": 1, "options": [
        {"name": "id", "type": 4, "value": 1}]}]);
    let status = app
        .slash(&olga(), MEMBER_PERMISSIONS, "drop", status_options, &[])
        .await;
    assert!(status.contains("sent"), "{status}");
    assert_eq!(
        app.discord
            .posted()
            .iter()
            .filter(|m| m["content"] == "After a 429")
            .count(),
        1
    );
    app.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_autocomplete_offers_upcoming_drops_and_rewards() {
    let app = harness::spawn().await;
    let later = json!([{"name": "schedule", "type": 1, "options": [
        {"name": "when", "type": 3, "value": "in 2h"},
        {"name": "text", "type": 3, "value": "Workshop recording"}]}]);
    app.slash(&olga(), MEMBER_PERMISSIONS, "drop", later, &[])
        .await;
    let id = app.discord.next_id();
    let typing = payloads::autocomplete(id, &olga(), "drop", Some("cancel"), ("id", 4, ""));
    app.discord.dispatch("INTERACTION_CREATE", typing);
    let choices = app.discord.callback_of(id).await;
    assert_eq!(choices["type"], 8, "{choices}");
    assert_eq!(choices["data"]["choices"][0]["value"], 1);
    assert_eq!(
        choices["data"]["choices"][0]["name"],
        "#1 Workshop recording"
    );
    let id = app.discord.next_id();
    let typing = payloads::autocomplete(id, &alice(), "redeem", None, ("reward", 3, "we"));
    app.discord.dispatch("INTERACTION_CREATE", typing);
    let choices = app.discord.callback_of(id).await;
    assert_eq!(choices["data"]["choices"][0]["value"], "pro-week");
    app.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_form_opened_before_a_restart_says_it_expired() {
    let app = harness::spawn().await;
    let submit = app.discord.next_id();
    let fields = [("when", "now"), ("options", "")];
    app.discord.dispatch(
        "INTERACTION_CREATE",
        payloads::modal_submit(submit, &olga(), "drop-form:12345", &fields),
    );
    let answer = app.discord.answer_to(submit).await;
    assert_eq!(
        answer,
        "This form has expired. Use Schedule as drop on the message again."
    );
    assert!(
        app.discord.posted().is_empty(),
        "nothing was scheduled or posted"
    );
    app.shutdown().await;
}

/// The labels Discord would show `caller` while they type a drop id.
async fn drop_choices(
    app: &harness::App,
    caller: &Value,
    command: &str,
    sub: Option<&str>,
) -> Vec<String> {
    let id = app.discord.next_id();
    let typing = payloads::autocomplete(id, caller, command, sub, ("id", 4, ""));
    app.discord.dispatch("INTERACTION_CREATE", typing);
    let answer = app.discord.callback_of(id).await;
    answer["data"]["choices"]
        .as_array()
        .map(|choices| {
            choices
                .iter()
                .map(|c| c["name"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// Waits until drop #`id` was delivered somewhere, as `/drop status` reports it.
async fn wait_until_sent(app: &harness::App, id: i64) {
    let status = json!([{"name": "status", "type": 1, "options": [
        {"name": "id", "type": 4, "value": id}]}]);
    for _ in 0..250 {
        let answer = app
            .slash(&olga(), MEMBER_PERMISSIONS, "drop", status.clone(), &[])
            .await;
        if answer.contains(": sent") {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    panic!("drop #{id} was never sent");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_rate_autocomplete_never_shows_a_member_a_drop_their_tier_withholds() {
    let app = harness::spawn().await;
    let grant = json!([{"name": "grant", "type": 1, "options": [
        {"name": "member", "type": 6, "value": "502"},
        {"name": "tier", "type": 3, "value": "pro"},
        {"name": "duration", "type": 3, "value": "30d"}]}]);
    app.slash(&olga(), MEMBER_PERMISSIONS, "member", grant, &[&bob()])
        .await;
    let pro = |when: &str, text: &str| {
        json!([{"name": "schedule", "type": 1, "options": [
            {"name": "when", "type": 3, "value": when},
            {"name": "text", "type": 3, "value": text},
            {"name": "tier", "type": 3, "value": "pro"}]}])
    };
    let scheduled = [
        schedule("Open lesson"),
        pro("in 2h", "Pro secret: the answer is 42"),
        pro("now", "Pro recording"),
    ];
    for options in scheduled {
        app.slash(&olga(), MEMBER_PERMISSIONS, "drop", options, &[])
            .await;
    }
    wait_until_sent(&app, 1).await;
    wait_until_sent(&app, 3).await;
    // Alice is a known member without a tier (not only a stranger).
    app.slash(&alice(), MEMBER_PERMISSIONS, "rank", json!([]), &[])
        .await;

    let free = drop_choices(&app, &alice(), "rate", None).await;
    assert_eq!(
        free,
        ["#1 Open lesson"],
        "a free member sees only what reached them"
    );
    let paid = drop_choices(&app, &bob(), "rate", None).await;
    assert_eq!(
        paid,
        ["#3 Pro recording", "#1 Open lesson"],
        "never an undelivered drop"
    );
    let managed = drop_choices(&app, &olga(), "drop", Some("show")).await;
    assert!(
        managed.iter().any(|c| c.starts_with("#2 Pro secret")),
        "an operator still sees the drops they manage: {managed:?}"
    );
    let refused = drop_choices(&app, &alice(), "drop", Some("cancel")).await;
    assert!(refused.is_empty(), "members manage no drops: {refused:?}");
    app.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_a_lesson_has_a_done_button_that_pays_learning_xp() {
    let app = harness::spawn().await;
    let later = json!([{"name": "schedule", "type": 1, "options": [
        {"name": "when", "type": 3, "value": "in 4s"},
        {"name": "text", "type": 3, "value": "Lesson one"},
        {"name": "to", "type": 3, "value": "announcements"}]}]);
    let answer = app
        .slash(&olga(), MEMBER_PERMISSIONS, "drop", later, &[])
        .await;
    assert!(answer.starts_with("Scheduled drop #1"), "{answer}");
    let create = json!([{"name": "create", "type": 1, "options": [
        {"name": "id", "type": 3, "value": "rust-101"},
        {"name": "title", "type": 3, "value": "Rust basics"}]}]);
    app.slash(&olga(), MEMBER_PERMISSIONS, "course", create, &[])
        .await;
    let add = json!([{"name": "add", "type": 1, "options": [
        {"name": "id", "type": 3, "value": "rust-101"},
        {"name": "lesson", "type": 4, "value": 1}]}]);
    let added = app
        .slash(&olga(), MEMBER_PERMISSIONS, "course", add, &[])
        .await;
    assert_eq!(added, "Drop #1 is lesson 1 of rust-101.");
    let message = posted_in(&app, ANNOUNCEMENTS, "Lesson one").await;
    let done = &message["components"][1]["components"][0];
    assert_eq!(done["custom_id"], "done:1");
    assert_eq!(done["label"], "✅ Done");
    let id = app.discord.next_id();
    app.discord.dispatch(
        "INTERACTION_CREATE",
        payloads::button(id, &alice(), "done:1", &message),
    );
    let answer = app.discord.answer_to(id).await;
    assert!(answer.starts_with("Lesson #1 done: +50 XP."), "{answer}");
    app.shutdown().await;
}
