//! A question on Telegram, end to end through teloxide and the fake Bot API: asked in a private
//! chat, it is posted in the group's questions topic (`questions.telegram_topic`); an answer is
//! a reply to that post; the asker accepts it by replying `/accept` to the answer, and the
//! answerer earns the accepted answer's XP and the bounty, once.

use serde_json::{Value, json};

use crate::fake_bot_api::{bot_user, chat};
use crate::harness::*;

const ALICE_DM: i64 = 501;

fn replying_to(message: i64, from: Value, text: &str) -> impl FnOnce(&mut Value) {
    let quoted = json!({"message_id": message, "date": 1_800_000_000, "chat": chat(GROUP),
        "from": from, "text": text});
    move |m: &mut Value| m["reply_to_message"] = quoted
}

#[tokio::test]
async fn telegram_ask_in_private_answer_in_the_topic_and_accept() {
    let app = spawn().await;
    app.fake.say(GROUP, alice(), "hello everyone, hi").await;
    app.fake
        .say(GROUP, operator(), "/points add @alice 100 welcome")
        .await;
    app.fake.reply_in(GROUP, "Added 100 points to Alice").await;
    app.fake
        .say(
            ALICE_DM,
            alice(),
            "/ask How do I pin a future? #rust bounty 30",
        )
        .await;
    let asked = app.fake.reply_in(ALICE_DM, "Question #1").await;
    assert!(asked.contains("posted in the group"), "{asked}");
    let post = app
        .fake
        .wait_for("sendmessage", |b| {
            b["chat_id"] == json!(GROUP)
                && b["text"]
                    .as_str()
                    .is_some_and(|t| t.contains("Alice asks: How do I pin a future?"))
        })
        .await;
    assert_eq!(post.body["message_thread_id"], json!(42), "in the topic");
    let posted = post.body["_message_id"].as_i64().unwrap();
    let question_text = post.body["text"].as_str().unwrap().to_owned();
    let answer = app
        .fake
        .say_with(
            GROUP,
            bob(),
            "Box::pin it, then poll the pinned future",
            replying_to(posted, bot_user(), &question_text),
        )
        .await;
    app.fake
        .say_with(
            GROUP,
            alice(),
            "/accept",
            replying_to(answer, bob(), "Box::pin it, then poll the pinned future"),
        )
        .await;
    let accepted = app.fake.reply_in(GROUP, "Answer accepted").await;
    assert_eq!(
        accepted,
        "Answer accepted for question #1: Bob earns 50 XP and the 30 point bounty."
    );
    app.fake
        .wait_for("sendmessage", |b| {
            b["chat_id"] == json!(502)
                && b["text"]
                    .as_str()
                    .is_some_and(|t| t.starts_with("Your answer to question #1"))
        })
        .await;
    app.fake
        .say_with(
            GROUP,
            alice(),
            "/accept",
            replying_to(answer, bob(), "Box::pin it, then poll the pinned future"),
        )
        .await;
    app.fake
        .reply_in(GROUP, "Question #1 has its accepted answer already.")
        .await;
    app.fake.say(GROUP, bob(), "/questions").await;
    let listed = app.fake.reply_in(GROUP, "Questions:").await;
    assert!(listed.contains("answered by Bob"), "{listed}");
    app.shutdown().await;
}
