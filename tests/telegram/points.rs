use serde_json::json;

use crate::fake_bot_api::user;
use crate::harness::*;

#[tokio::test]
async fn telegram_message_xp_then_rank() {
    let app = spawn().await;
    app.fake.say(GROUP, alice(), "hello everyone").await;
    app.fake.say(GROUP, alice(), "/rank@steward_bot").await;
    let rank = app.fake.reply_in(GROUP, "Alice: Level 0").await;
    assert!(
        rank.contains(" XP (") && rank.contains("Rank: #1 all time"),
        "{rank}"
    );
    assert_eq!(
        app.engine.operations().ready().await,
        Ok(()),
        "polling works: Telegram is connected"
    );
    app.shutdown().await;
}

#[tokio::test]
async fn telegram_thanks_by_reply_and_by_username() {
    let app = spawn().await;
    let helped = app.fake.say(GROUP, bob(), "use a transaction").await;
    app.fake
        .say_with(GROUP, alice(), "+1", |m| {
            m["reply_to_message"] = json!({"message_id": helped, "date": 1_800_000_000, "chat": crate::fake_bot_api::chat(GROUP), "from": bob(), "text": "use a transaction"});
        })
        .await;
    app.fake
        .reply_in(GROUP, "Alice thanked Bob (+10 XP for Bob).")
        .await;
    let carol = user(503, "Carol");
    app.fake
        .say(GROUP, carol.clone(), "/thanks @bob for the review")
        .await;
    app.fake
        .reply_in(
            GROUP,
            "Carol thanked Bob: “for the review” (+10 XP for Bob).",
        )
        .await;
    app.fake.say(GROUP, carol, "/thanks @bob").await;
    app.fake
        .reply_in(GROUP, "You've already thanked them today.")
        .await;
    app.shutdown().await;
}

#[tokio::test]
async fn telegram_a_text_mention_of_someone_without_a_username_works() {
    let app = spawn().await;
    let nameless = json!({"id": 777, "is_bot": false, "first_name": "Nina"});
    app.fake
        .say(GROUP, nameless.clone(), "hi all, Nina here")
        .await;
    app.fake
        .say_with(GROUP, user(OPERATOR, "Olga"), "/points add Nina 50", |m| {
            m["entities"] = json!([
                {"type": "bot_command", "offset": 0, "length": 7},
                {"type": "text_mention", "offset": 12, "length": 4, "user": nameless}
            ]);
        })
        .await;
    app.fake.reply_in(GROUP, "Added 50 points to Nina").await;
    app.shutdown().await;
}

#[tokio::test]
async fn telegram_daily_twice() {
    let app = spawn().await;
    app.fake.say(GROUP, alice(), "/daily").await;
    app.fake.reply_in(GROUP, "Checked in: +50 XP").await;
    app.fake.say(GROUP, alice(), "/daily").await;
    app.fake.reply_in(GROUP, "already checked in today").await;
    app.shutdown().await;
}

#[tokio::test]
async fn telegram_a_member_is_refused_an_operator_command_and_bad_arguments_get_usage() {
    let app = spawn().await;
    app.fake.say(GROUP, alice(), "/points add @bob 50").await;
    app.fake
        .reply_in(GROUP, "Only operators can use /points.")
        .await;
    app.fake
        .say(GROUP, operator(), "/points add @bob lots")
        .await;
    let usage = app
        .fake
        .reply_in(GROUP, "Usage: /points add|remove @member N [reason]")
        .await;
    assert!(
        usage.starts_with("`lots` is not a whole number."),
        "{usage}"
    );
    app.fake.say(GROUP, alice(), "/leaderboard yearly").await;
    app.fake.reply_in(GROUP, "Usage: /leaderboard").await;
    app.shutdown().await;
}

#[tokio::test]
async fn telegram_chat_admins_are_operators() {
    let app = spawn_with(async |fake| fake.set_admins(GROUP, &[601]).await).await;
    app.fake.say(GROUP, bob(), "hello there").await;
    app.fake
        .say(GROUP, user(601, "Adam"), "/points add @bob 5")
        .await;
    app.fake.reply_in(GROUP, "Added 5 points to Bob").await;
    app.shutdown().await;
}

#[tokio::test]
async fn telegram_messages_from_other_chats_and_private_xp_are_ignored() {
    let app = spawn().await;
    app.fake.say(-999, alice(), "/rank").await;
    app.fake.say(501, alice(), "/rank").await; // a private chat: commands work
    let rank = app.fake.reply_in(501, "Alice: Level 0, 0 XP").await;
    assert!(rank.contains("unranked"), "{rank}");
    assert_eq!(app.fake.count_messages(-999, "").await, 0);
    app.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn telegram_a_burst_of_chat_is_awarded_whole_and_a_command_after_it_sees_it() {
    let app = spawn().await;
    let mut burst: Vec<(serde_json::Value, String)> = (0..30)
        .map(|i| {
            (
                user(1000 + i, &format!("Member{i}")),
                format!("message number {i}"),
            )
        })
        .collect();
    burst.push((user(1000, "Member0"), "/leaderboard".to_owned()));
    let burst: Vec<(serde_json::Value, &str)> =
        burst.iter().map(|(u, t)| (u.clone(), t.as_str())).collect();
    app.fake.say_all(GROUP, &burst).await;
    // The command came after the chat in the same poll: it sees all thirty awarded.
    let board = app.fake.reply_in(GROUP, "Member").await;
    assert_eq!(
        board.lines().filter(|l| l.contains("Member")).count(),
        10,
        "{board}"
    );
    app.fake
        .say(GROUP, user(1000, "Member0"), "/leaderboard 3")
        .await;
    let page = app.fake.reply_in(GROUP, "#30").await;
    assert!(!page.contains("#31"), "{page}");
    app.shutdown().await;
}
