//! A question on Discord, end to end through serenity and the fake: `/ask` opens a post in the
//! questions forum (`questions.discord_channel`) with the question as its first message; an
//! answer is a message in that thread; the asker accepts it with `/accept member:@bob` in the
//! thread, and the answerer earns the accepted answer's XP once.

use serde_json::json;

use crate::harness::*;
use crate::payloads::{self, MEMBER_PERMISSIONS};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_ask_opens_a_forum_post_answers_in_it_and_accept_there() {
    let app = spawn().await;
    let title = json!([{"name": "title", "type": 3, "value": "How do I pin a future? #rust"}]);
    let asked = app
        .slash(&alice(), MEMBER_PERMISSIONS, "ask", title, &[])
        .await;
    assert!(
        asked.starts_with("Question #1 is open in its own thread"),
        "{asked}"
    );
    let start = app
        .discord
        .wait_for_call("a forum post", |c| {
            c.method == "POST" && c.path == format!("/channels/{}/threads", payloads::FORUM)
        })
        .await;
    // serenity sends a forum post as a multipart form; its JSON is the `payload_json` part.
    let form = start.body["_raw"].as_str().unwrap_or_default();
    assert!(
        form.contains(r#""name":"How do I pin a future? #rust""#),
        "{form}"
    );
    let first = app
        .discord
        .posted()
        .into_iter()
        .find(|m| {
            m["content"]
                .as_str()
                .is_some_and(|t| t.contains("Alice asks: How do I pin a future?"))
        })
        .expect("the question is the post's first message");
    let thread: u64 = first["channel_id"].as_str().unwrap().parse().unwrap();

    let id = app.discord.next_id();
    let mut answer = payloads::message(id, thread, &bob(), "Box::pin it, then poll it");
    answer["member"]["permissions"] = json!(MEMBER_PERMISSIONS);
    app.discord.dispatch("MESSAGE_CREATE", answer);
    for _ in 0..500 {
        let question = app.engine.store().question(1).await.unwrap().unwrap();
        if question.answers == 1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }

    let accept = |caller: serde_json::Value| {
        let id = app.discord.next_id();
        let member = json!([{"name": "member", "type": 6, "value": "502"}]);
        let mut interaction =
            payloads::slash(id, &caller, MEMBER_PERMISSIONS, "accept", member, &[&bob()]);
        interaction["channel_id"] = json!(thread.to_string());
        app.discord.dispatch("INTERACTION_CREATE", interaction);
        id
    };
    let by_bob = accept(bob());
    assert_eq!(
        app.discord.answer_to(by_bob).await,
        "Your own words are not an answer to accept: accept someone else's."
    );
    let by_alice = accept(alice());
    assert_eq!(
        app.discord.answer_to(by_alice).await,
        "Answer accepted for question #1: Bob earns 50 XP."
    );
    let again = accept(alice());
    assert_eq!(
        app.discord.answer_to(again).await,
        "Question #1 has its accepted answer already."
    );
    app.shutdown().await;
}
