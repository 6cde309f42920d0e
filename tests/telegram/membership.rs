use serde_json::json;

use crate::fake_bot_api::chat;
use crate::harness::*;

#[tokio::test]
async fn telegram_a_grant_sends_a_single_use_invite_and_expiry_removes_the_member() {
    let app = spawn().await;
    app.fake.say(GROUP, alice(), "hello everyone").await;
    app.fake
        .say(GROUP, operator(), "/member grant @alice pro 3s")
        .await;
    app.fake.reply_in(GROUP, "Alice is now Pro until").await;
    let link = app.fake.wait_for("createchatinvitelink", |_| true).await;
    assert_eq!(link.body["chat_id"], json!(TIER_CHAT));
    assert_eq!(link.body["member_limit"], json!(1));
    assert!(link.body["expire_date"].as_i64().is_some());
    let dm = app.fake.reply_in(501, "invite link").await;
    assert!(dm.contains("https://t.me/+invite"), "{dm}");

    // Expiry: ban then unban with only_if_banned, so the member can come back later.
    let ban = app
        .fake
        .wait_for("banchatmember", |b| b["user_id"] == json!(501))
        .await;
    assert_eq!(ban.body["chat_id"], json!(TIER_CHAT));
    let unban = app
        .fake
        .wait_for("unbanchatmember", |b| b["user_id"] == json!(501))
        .await;
    assert_eq!(unban.body["only_if_banned"], json!(true));
    app.fake.reply_in(501, "membership has ended").await;
    app.shutdown().await;
}

#[tokio::test]
async fn telegram_someone_an_admin_banned_is_never_unbanned() {
    let app = spawn_with(async |fake| fake.set_status(TIER_CHAT, 501, "kicked").await).await;
    app.fake.say(GROUP, alice(), "hello everyone").await;
    app.fake
        .say(GROUP, operator(), "/member grant @alice pro 1s")
        .await;
    app.fake.reply_in(501, "membership has ended").await;
    let calls = app.fake.calls().await;
    assert!(calls.iter().any(|c| c.method == "getchatmember"));
    assert!(
        !calls
            .iter()
            .any(|c| c.method == "banchatmember" || c.method == "unbanchatmember")
    );
    app.shutdown().await;
}

#[tokio::test]
async fn telegram_a_member_without_a_private_chat_is_asked_to_start_one() {
    let app = spawn().await;
    app.fake.say(GROUP, alice(), "hello everyone").await;
    app.fake
        .fail_next("sendMessage", json!({"ok": false, "error_code": 403, "description": "Forbidden: bot can't initiate conversation with a user"}))
        .await;
    app.fake
        .say(GROUP, operator(), "/member grant @alice pro 30d")
        .await;
    app.fake
        .reply_in(GROUP, "please open a private chat with me")
        .await;
    app.shutdown().await;
}

#[tokio::test]
async fn telegram_join_requests_follow_membership() {
    let app = spawn().await;
    app.fake.say(GROUP, alice(), "hello everyone").await;
    app.fake
        .say(GROUP, operator(), "/member grant @alice pro 30d")
        .await;
    app.fake.reply_in(GROUP, "Alice is now Pro").await;
    for who in [alice(), bob()] {
        app.fake
            .push(json!({"chat_join_request": {"chat": chat(TIER_CHAT), "from": who, "user_chat_id": who["id"], "date": 1_800_000_000}}))
            .await;
    }
    app.fake
        .wait_for("approvechatjoinrequest", |b| b["user_id"] == json!(501))
        .await;
    app.fake
        .wait_for("declinechatjoinrequest", |b| b["user_id"] == json!(502))
        .await;
    app.shutdown().await;
}

#[tokio::test]
async fn an_invite_link_opens_the_bot_and_records_the_newcomer_as_referred() {
    let app = spawn().await;
    app.fake.say(501, alice(), "/invite").await;
    let reply = app.fake.reply_in(501, "Share the link").await;
    // The link names the bot as getMe reported it, and the code.
    let link = reply
        .split_whitespace()
        .find(|w| w.starts_with("https://t.me/steward_bot?start=ref-"))
        .map(|w| w.trim_end_matches(':').to_owned())
        .unwrap_or_else(|| panic!("{reply}"));
    let payload = link.rsplit('=').next().unwrap().to_owned();
    // Telegram turns the link into `/start PAYLOAD` from the newcomer, in their private chat.
    let newcomer = crate::fake_bot_api::user(777, "Newcomer");
    app.fake
        .say(777, newcomer, &format!("/start {payload}"))
        .await;
    app.fake
        .reply_in(777, "You came with a member's invite")
        .await;
    app.fake.say(501, alice(), "/invite stats").await;
    app.fake.reply_in(501, "1 joined").await;
}
