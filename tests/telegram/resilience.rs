use crate::harness::*;

#[tokio::test]
async fn telegram_the_bot_keeps_working_when_optional_methods_are_missing() {
    let app = spawn_with(async |fake| {
        fake.lack("setMyCommands").await;
        fake.lack("getChatAdministrators").await;
    })
    .await;
    app.fake.say(GROUP, alice(), "/rank").await;
    app.fake.reply_in(GROUP, "Alice: Level 0").await;
    // Without the admin list, config operators still work.
    app.fake
        .say(GROUP, operator(), "/points add @alice 5")
        .await;
    app.fake.reply_in(GROUP, "Added 5 points to Alice").await;
    app.shutdown().await;
}

#[tokio::test]
async fn telegram_commands_are_registered_for_members_and_admins() {
    let app = spawn().await;
    let default = app
        .fake
        .wait_for("setmycommands", |b| b["scope"].is_null())
        .await;
    let names: Vec<&str> = default.body["commands"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["command"].as_str())
        .collect();
    assert!(
        names.contains(&"rank") && !names.contains(&"points"),
        "{names:?}"
    );
    let admins = app
        .fake
        .wait_for("setmycommands", |b| {
            b["scope"]["type"] == "all_chat_administrators"
        })
        .await;
    assert!(
        admins.body["commands"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["command"] == "drop")
    );
    app.shutdown().await;
}

#[tokio::test]
async fn telegram_a_restart_resumes_after_the_last_handled_update() {
    let app = spawn().await;
    app.fake.say(GROUP, alice(), "/daily").await;
    app.fake.reply_in(GROUP, "Checked in").await;
    let app = app.restart().await;
    app.fake.say(GROUP, alice(), "/rank").await;
    app.fake.reply_in(GROUP, "Alice: Level 0, 50 XP").await;
    // The /daily before the restart was not handled again.
    assert_eq!(app.fake.count_messages(GROUP, "Checked in").await, 1);
    assert_eq!(
        app.fake.count_messages(GROUP, "already checked in").await,
        0
    );
    app.shutdown().await;
}
