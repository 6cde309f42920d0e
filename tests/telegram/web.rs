//! `/web` on Telegram: the login link goes by DM with link previews off, so Telegram's preview
//! fetcher does not open it before the member does.

use serde_json::json;

use crate::harness::*;

#[tokio::test]
async fn telegram_sends_the_login_link_without_a_link_preview() {
    let app = spawn().await;
    app.fake.say(GROUP, alice(), "hello everyone").await;
    app.fake.say(GROUP, alice(), "/web").await;
    let dm = app
        .fake
        .wait_for("sendmessage", |b| {
            b["chat_id"] == json!(501) && b["text"].as_str().is_some_and(|t| t.contains("/login/"))
        })
        .await;
    assert_eq!(
        dm.body["link_preview_options"]["is_disabled"],
        json!(true),
        "{:#?}",
        dm.body
    );
    app.shutdown().await;
}
