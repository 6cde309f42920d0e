//! The community's languages on Telegram: menus registered per language, and replies in each
//! member's language in the same group.

use serde_json::json;

use crate::fake_bot_api::user;
use crate::harness::*;

#[tokio::test]
async fn telegram_registers_the_command_menu_in_each_language() {
    let app = spawn().await;
    let chinese = app
        .fake
        .wait_for("setMyCommands", |b| {
            b["language_code"] == "zh" && b["scope"].is_null()
        })
        .await;
    let rank = chinese.body["commands"]
        .as_array()
        .and_then(|all| all.iter().find(|c| c["command"] == "rank"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(rank["description"], "查看等级、经验、排名和积分");
    let default = app
        .fake
        .wait_for("setMyCommands", |b| {
            b["language_code"].is_null() && b["scope"].is_null()
        })
        .await;
    assert!(
        default.body["commands"]
            .to_string()
            .contains("Level, XP, rank and balance"),
        "an English community's default menu is English"
    );
    app.shutdown().await;
}

#[tokio::test]
async fn telegram_answers_each_member_in_their_apps_language_in_the_same_group() {
    let app = spawn().await;
    let mut mei = user(601, "Mei");
    mei["language_code"] = json!("zh-hans");
    let mut tom = user(602, "Tom");
    tom["language_code"] = json!("en");
    app.fake.say(GROUP, mei.clone(), "/help").await;
    app.fake.reply_in(GROUP, "你可以使用的命令").await;
    app.fake.say(GROUP, tom, "/help").await;
    app.fake.reply_in(GROUP, "commands you can use").await;
    // A choice outranks the app's language.
    app.fake.say(GROUP, mei.clone(), "/language en").await;
    app.fake
        .reply_in(GROUP, "From now on Steward speaks English")
        .await;
    app.fake.say(GROUP, mei.clone(), "/nonsense").await;
    app.fake.reply_in(GROUP, "Unknown command /nonsense").await;
    app.fake.say(GROUP, mei.clone(), "/language auto").await;
    app.fake.reply_in(GROUP, "跟随你的客户端语言").await;
    app.fake.say(GROUP, mei, "/nonsense").await;
    app.fake.reply_in(GROUP, "没有 /nonsense 这个命令").await;
    app.shutdown().await;
}
