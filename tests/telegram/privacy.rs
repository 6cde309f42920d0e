//! `/privacy export` on Telegram: the real teloxide client uploads the member's data as a
//! document to their private chat.

use crate::harness::*;

#[tokio::test]
async fn telegram_privacy_export_arrives_as_a_document_in_the_members_dm() {
    let app = spawn().await;
    app.fake.say(GROUP, alice(), "hello everyone").await;
    app.fake.say(GROUP, alice(), "/privacy export").await;
    app.fake
        .reply_in(GROUP, "I sent your data to you by direct message")
        .await;
    let upload = app
        .fake
        .wait_for("senddocument", |b| b["_raw"].is_string())
        .await;
    let form = upload.body["_raw"].as_str().unwrap();
    assert!(form.contains("name=\"chat_id\"\r\n\r\n501"), "{form}");
    assert!(form.contains("filename=\"steward-data-"), "{form}");
    assert!(
        form.contains("\"format\": \"steward-member-data\""),
        "{form}"
    );
    assert!(form.contains("\"user_id\": \"501\""), "{form}");
    app.shutdown().await;
}
