use serde_json::json;

use crate::fake_bot_api::chat;
use crate::harness::*;

const SPECIAL: &str = "Escapes: _*[]()~>#+-=|{}.! <b>not bold</b> & done";

#[tokio::test]
async fn telegram_an_operator_drop_arrives_in_the_group_with_rating_buttons() {
    let app = spawn().await;
    app.fake
        .say(GROUP, operator(), &format!("/drop in 2s {SPECIAL}"))
        .await;
    app.fake.reply_in(GROUP, "Scheduled drop #1").await;
    let drop = app
        .fake
        .wait_for("sendmessage", |b| b["text"] == json!(SPECIAL))
        .await;
    // Sent as typed, with no parse mode, so nothing needs escaping and nothing can break.
    assert_eq!(drop.body["parse_mode"], json!(null));
    assert_eq!(drop.body["chat_id"], json!(GROUP));
    let buttons = &drop.body["reply_markup"]["inline_keyboard"][0];
    assert_eq!(buttons.as_array().map(Vec::len), Some(5));
    assert_eq!(buttons[3]["callback_data"], json!("rate:1:4"));

    // Pressing a button rates once per member: a second press changes the rating.
    for (id, data) in [("q1", "rate:1:4"), ("q2", "rate:1:2")] {
        app.fake
            .push(json!({"callback_query": {"id": id, "from": alice(), "chat_instance": "c", "data": data,
                "message": {"message_id": 5, "date": 1_800_000_000, "chat": chat(GROUP), "text": SPECIAL}}}))
            .await;
        app.fake
            .wait_for("answercallbackquery", |b| {
                b["callback_query_id"] == json!(id)
            })
            .await;
    }
    let answer = app
        .fake
        .wait_for("answercallbackquery", |b| {
            b["callback_query_id"] == json!("q2")
        })
        .await;
    assert_eq!(
        answer.body["text"],
        json!("Thanks! You rated drop #1 2 of 5.")
    );
    app.fake.say(GROUP, operator(), "/drop stats 1").await;
    app.fake
        .reply_in(GROUP, "Drop #1: 1 rating, average 2.0 of 5")
        .await;
    app.shutdown().await;
}

#[tokio::test]
async fn telegram_a_drop_scheduled_by_reply_is_copied_with_its_formatting() {
    let app = spawn().await;
    let original = app
        .fake
        .say(GROUP, alice(), "*Ownership* in one picture")
        .await;
    app.fake
        .say_with(GROUP, operator(), "/drop in 1s", |m| {
            m["reply_to_message"] = json!({"message_id": original, "date": 1_800_000_000, "chat": chat(GROUP), "from": alice(), "text": "*Ownership* in one picture"});
        })
        .await;
    let copy = app.fake.wait_for("copymessage", |_| true).await;
    assert_eq!(copy.body["from_chat_id"], json!(GROUP));
    assert_eq!(copy.body["message_id"], json!(original));
    assert_eq!(
        copy.body["reply_markup"]["inline_keyboard"][0][0]["callback_data"],
        json!("rate:1:1")
    );
    app.shutdown().await;
}

#[tokio::test]
async fn telegram_a_429_is_retried_after_retry_after() {
    let app = spawn().await;
    app.fake
        .say(GROUP, operator(), "/drop in 2s paced post")
        .await;
    app.fake.reply_in(GROUP, "Scheduled drop #1").await;
    app.fake
        .fail_next(
            "sendMessage",
            json!({"ok": false, "error_code": 429, "description": "Too Many Requests: retry after 2", "parameters": {"retry_after": 2}}),
        )
        .await;
    app.fake
        .wait_for("sendmessage", |b| b["text"] == json!("paced post"))
        .await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let tries = loop {
        let tries: Vec<_> = app
            .fake
            .calls()
            .await
            .into_iter()
            .filter(|c| c.body["text"] == json!("paced post"))
            .collect();
        if tries.len() >= 2 || std::time::Instant::now() > deadline {
            break tries;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    assert_eq!(tries.len(), 2, "refused once, then delivered once");
    assert!(
        tries[1].at.duration_since(tries[0].at).as_secs_f64() >= 2.0,
        "waited for retry_after"
    );
    app.shutdown().await;
}

#[tokio::test]
async fn telegram_a_lesson_arrives_with_a_done_button_that_pays_learning_xp_once() {
    let app = spawn().await;
    app.fake
        .say(GROUP, operator(), "/drop in 4s Lesson one")
        .await;
    app.fake.reply_in(GROUP, "Scheduled drop #1").await;
    app.fake
        .say(GROUP, operator(), "/course create rust-101 Rust basics")
        .await;
    app.fake.reply_in(GROUP, "Course rust-101").await;
    app.fake
        .say(GROUP, operator(), "/course add rust-101 1")
        .await;
    app.fake.reply_in(GROUP, "lesson 1 of rust-101").await;
    let drop = app
        .fake
        .wait_for("sendmessage", |b| b["text"] == json!("Lesson one"))
        .await;
    let done = &drop.body["reply_markup"]["inline_keyboard"][1][0];
    assert_eq!(done["callback_data"], json!("done:1"));
    assert_eq!(done["text"], json!("✅ Done"));
    for id in ["d1", "d2"] {
        app.fake
            .push(json!({"callback_query": {"id": id, "from": alice(), "chat_instance": "c", "data": "done:1",
                "message": {"message_id": 5, "date": 1_800_000_000, "chat": chat(GROUP), "text": "Lesson one"}}}))
            .await;
    }
    let first = app
        .fake
        .wait_for("answercallbackquery", |b| {
            b["callback_query_id"] == json!("d1")
        })
        .await;
    let second = app
        .fake
        .wait_for("answercallbackquery", |b| {
            b["callback_query_id"] == json!("d2")
        })
        .await;
    let mut answers = [
        first.body["text"].as_str().unwrap_or_default().to_owned(),
        second.body["text"].as_str().unwrap_or_default().to_owned(),
    ];
    answers.sort();
    assert!(
        answers[0].starts_with("Lesson #1 done: +50 XP."),
        "{answers:?}"
    );
    assert!(
        answers[0].contains("🎓 You finished Rust basics"),
        "{answers:?}"
    );
    assert_eq!(
        answers[1],
        "You marked lesson #1 done already; it counts once."
    );
    app.shutdown().await;
}

#[tokio::test]
async fn telegram_a_drop_made_from_slides_records_the_file_for_drop_show() {
    let app = spawn().await;
    let slides = json!({"file_id": "doc-77", "file_unique_id": "u77", "file_name": "slides.pdf",
        "mime_type": "application/pdf", "file_size": 2_097_152});
    app.fake
        .say_with(GROUP, operator(), "/drop tomorrow 09:00", |m| {
            m["reply_to_message"] = json!({"message_id": 41, "date": 1_800_000_000,
                "chat": chat(GROUP), "from": alice(), "document": slides,
                "caption": "Week 3: lifetimes"});
        })
        .await;
    app.fake.reply_in(GROUP, "Scheduled drop #1").await;
    app.fake.say(GROUP, operator(), "/drop show 1").await;
    let shown = app.fake.reply_in(GROUP, "1 file:").await;
    assert!(
        shown.contains("· document: slides.pdf (application/pdf, 2.0 MB)"),
        "{shown}"
    );
    assert!(shown.ends_with("Week 3: lifetimes"), "{shown}");
    app.shutdown().await;
}
