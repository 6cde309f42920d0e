//! Commands, message XP and thanks through slash commands and guild messages.

use serde_json::json;
use sqlx::Connection;

use crate::harness::{self, alice, bob, olga};
use crate::payloads::{ADMIN_PERMISSIONS, MEMBER_PERMISSIONS, bot_user};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_message_xp_then_rank_by_slash_command() {
    let app = harness::spawn().await;
    app.say(&alice(), "hello everyone, glad to be here");
    app.say(&bot_user(), "bots earn nothing");
    app.wait_for_xp(&alice(), 15).await;
    let answer = app
        .slash(&alice(), MEMBER_PERMISSIONS, "rank", json!([]), &[])
        .await;
    assert!(answer.starts_with("Alice: Level 0, "), "{answer}");
    assert!(
        answer.contains("Rank: #1 all time, #1 this week"),
        "{answer}"
    );
    let board = app
        .slash(&bob(), MEMBER_PERMISSIONS, "leaderboard", json!([]), &[])
        .await;
    assert!(
        board.contains("Alice") && !board.contains("Steward"),
        "{board}"
    );
    app.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_thanks_names_a_member_and_pays_once_a_day() {
    let app = harness::spawn().await;
    // Thanks go to members already seen; Bob becomes one by asking for his rank.
    app.slash(&bob(), MEMBER_PERMISSIONS, "rank", json!([]), &[])
        .await;
    let thanks = json!([{"name": "member", "type": 6, "value": "502"},
                        {"name": "reason", "type": 3, "value": "for the review"}]);
    let first = app
        .slash(
            &alice(),
            MEMBER_PERMISSIONS,
            "thanks",
            thanks.clone(),
            &[&bob()],
        )
        .await;
    assert_eq!(
        first,
        "Alice thanked Bob: “for the review” (+10 XP for Bob)."
    );
    let again = app
        .slash(&alice(), MEMBER_PERMISSIONS, "thanks", thanks, &[&bob()])
        .await;
    assert_eq!(again, "You've already thanked them today.");
    let rank = app
        .slash(&bob(), MEMBER_PERMISSIONS, "rank", json!([]), &[])
        .await;
    assert!(rank.starts_with("Bob: Level 0, 10 XP"), "{rank}");
    app.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_member_is_refused_an_operator_command_that_an_admin_may_run() {
    let app = harness::spawn().await;
    let grant = json!([{"name": "add", "type": 1, "options": [
        {"name": "member", "type": 6, "value": "502"},
        {"name": "amount", "type": 4, "value": 300}]}]);
    let refused = app
        .slash(
            &alice(),
            MEMBER_PERMISSIONS,
            "points",
            grant.clone(),
            &[&bob()],
        )
        .await;
    assert!(refused.contains("operators"), "{refused}");
    // Discord computed Manage Server for this caller: the engine trusts that, not the name.
    let admin = app
        .slash(
            &alice(),
            ADMIN_PERMISSIONS,
            "points",
            grant.clone(),
            &[&bob()],
        )
        .await;
    assert!(admin.starts_with("Added 300 points to Bob"), "{admin}");
    let configured = app
        .slash(&olga(), MEMBER_PERMISSIONS, "points", grant, &[&bob()])
        .await;
    assert!(
        configured.starts_with("Added 300 points to Bob"),
        "{configured}"
    );
    app.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_commands_are_registered_with_valid_names_and_option_limits() {
    let app = harness::spawn().await;
    let call = app
        .discord
        .wait_for_call("registration", |c| {
            c.path.ends_with("/guilds/1000/commands")
        })
        .await;
    assert_eq!(call.method, "PUT");
    let commands = call.body.as_array().unwrap();
    let names: Vec<&str> = commands
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    for expected in [
        "rank",
        "leaderboard",
        "daily",
        "thanks",
        "points",
        "member",
        "drop",
        "rate",
    ] {
        assert!(
            names.contains(&expected),
            "{expected} missing from {names:?}"
        );
    }
    assert!(names.contains(&"Schedule as drop"));
    assert!(commands.len() <= 100);
    for command in commands {
        let name = command["name"].as_str().unwrap();
        let options = command["options"].as_array().cloned().unwrap_or_default();
        assert!(options.len() <= 25, "{name}");
        if command["type"] == 3 {
            assert_eq!(command["default_member_permissions"], "32", "{name}");
            continue;
        }
        assert!(
            (1..=32).contains(&name.len())
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c == '_'),
            "{name}"
        );
        assert!((1..=100).contains(&command["description"].as_str().unwrap().len()));
        check_options(name, &options);
    }
    let operator_only: Vec<&str> = commands
        .iter()
        .filter(|c| c["default_member_permissions"] == "32")
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        operator_only,
        [
            "points",
            "season",
            "member",
            "payments",
            "promo",
            "broadcast",
            "course",
            "review",
            "drop",
            "Schedule as drop"
        ]
    );
    app.shutdown().await;
}

/// Discord's rules: required options first, names lowercase, descriptions 1-100, choices <= 25.
fn check_options(command: &str, options: &[serde_json::Value]) {
    let mut optional_seen = false;
    for option in options {
        let name = option["name"].as_str().unwrap();
        assert!(
            (1..=32).contains(&name.len()) && name.chars().all(|c| c.is_ascii_lowercase()),
            "{command} {name}"
        );
        let description = option["description"].as_str().unwrap();
        assert!((1..=100).contains(&description.len()), "{command} {name}");
        let choices = option["choices"].as_array().map_or(0, Vec::len);
        assert!(choices <= 25, "{command} {name}");
        if option["type"] == 1 {
            check_options(command, option["options"].as_array().unwrap_or(&Vec::new()));
            continue;
        }
        let required = option["required"] == true;
        assert!(
            !(required && optional_seen),
            "{command}: {name} required after optional"
        );
        optional_seen |= !required;
        if option["autocomplete"] == true {
            assert_eq!(choices, 0, "{command} {name}: autocomplete with choices");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_slow_answer_is_deferred_within_three_seconds_then_edited() {
    let app = harness::spawn().await;
    // Another writer holds the database for longer than Discord's 3 s window allows (a raw
    // connection: a second Steward process would be refused).
    let options = sqlx::sqlite::SqliteConnectOptions::new().filename(app.database_path());
    let mut other = sqlx::SqliteConnection::connect_with(&options)
        .await
        .unwrap();
    sqlx::query("BEGIN IMMEDIATE")
        .execute(&mut other)
        .await
        .unwrap();
    let id = app.discord.next_id();
    let interaction =
        crate::payloads::slash(id, &alice(), MEMBER_PERMISSIONS, "daily", json!([]), &[]);
    let sent = std::time::Instant::now();
    app.discord.dispatch("INTERACTION_CREATE", interaction);
    let deferral = app.discord.callback_of(id).await;
    assert_eq!(deferral["type"], 5, "a deferral first: {deferral}");
    assert!(sent.elapsed() < std::time::Duration::from_secs(3));
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    sqlx::query("COMMIT").execute(&mut other).await.unwrap();
    let answer = app.discord.answer_to(id).await;
    assert!(answer.starts_with("Checked in: +50 XP"), "{answer}");
    app.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_text_command_in_a_channel_is_answered_as_a_reply() {
    let app = harness::spawn().await;
    let asked = app.say(&alice(), "/daily");
    let reply = app
        .discord
        .wait_for_call("reply", |c| {
            c.path == "/channels/1100/messages"
                && c.body["message_reference"]["message_id"] == asked.to_string().as_str()
        })
        .await;
    let text = reply.body["content"].as_str().unwrap();
    assert!(text.starts_with("Checked in: +50 XP"), "{text}");
    app.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_help_and_usage_replies_show_the_slash_forms() {
    let app = harness::spawn().await;
    let all = app
        .slash(&olga(), MEMBER_PERMISSIONS, "help", json!([]), &[])
        .await;
    assert!(all.chars().count() <= 2000, "one Discord message: {all}");
    assert!(all.contains("Operators: /points"), "{all}");
    let drop = json!([{"name": "command", "type": 3, "value": "drop"}]);
    let help = app
        .slash(&olga(), MEMBER_PERMISSIONS, "help", drop, &[])
        .await;
    assert!(help.contains("/drop schedule when text"), "{help}");
    assert!(help.contains("Schedule as drop"), "{help}");
    let someday = json!([{"name": "schedule", "type": 1, "options": [
        {"name": "when", "type": 3, "value": "someday"},
        {"name": "text", "type": 3, "value": "Hello"}]}]);
    let refused = app
        .slash(&olga(), MEMBER_PERMISSIONS, "drop", someday, &[])
        .await;
    assert!(
        refused.contains("\nUsage: /drop schedule when text"),
        "{refused}"
    );
    app.shutdown().await;
}
