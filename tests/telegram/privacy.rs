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

#[tokio::test]
async fn telegram_rank_card_arrives_as_a_photo_in_the_group() {
    if steward::card::CardRenderer::new().is_err() {
        assert!(
            std::env::var_os("STEWARD_REQUIRE_FONTS").is_none(),
            "no fonts"
        );
        eprintln!("skipped: no fonts to draw rank cards (install fonts-dejavu-core)");
        return;
    }
    let app = spawn().await;
    app.fake.say(GROUP, alice(), "hello everyone").await;
    app.fake.say(GROUP, alice(), "/rank card").await;
    app.fake.reply_in(GROUP, "Rank card of Alice").await;
    let photo = app
        .fake
        .wait_for("sendphoto", |b| b["_raw"].is_string())
        .await;
    let form = photo.body["_raw"].as_str().unwrap();
    assert!(
        form.contains(&format!("name=\"chat_id\"\r\n\r\n{GROUP}")),
        "{form}"
    );
    assert!(form.contains("filename=\"rank-card-"), "{form}");
    assert!(form.contains("PNG"), "a PNG was uploaded");
    app.shutdown().await;
}
