//! The community's languages on Discord: localized command registration, and answers in the
//! language of each member's Discord app.

use serde_json::json;

use crate::harness::{self, alice, bob};
use crate::payloads::{self, MEMBER_PERMISSIONS};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_registers_chinese_localizations_and_answers_a_chinese_app_in_chinese() {
    let app = harness::spawn().await;
    let registered = app
        .discord
        .wait_for_call("command registration", |c| {
            c.method == "PUT" && c.path.ends_with("/commands")
        })
        .await;
    let rank = registered
        .body
        .as_array()
        .and_then(|all| all.iter().find(|c| c["name"] == "rank"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(rank["description"], "Level, XP, rank and balance");
    assert_eq!(
        rank["description_localizations"]["zh-CN"],
        "查看等级、经验、排名和积分"
    );
    assert_eq!(
        rank["description_localizations"]["zh-TW"],
        "查看等级、经验、排名和积分"
    );

    // The same command from two apps in one channel: each reads their own language.
    let id = app.discord.next_id();
    let mut chinese = payloads::slash(id, &alice(), MEMBER_PERMISSIONS, "daily", json!([]), &[]);
    chinese["locale"] = json!("zh-CN");
    app.discord.dispatch("INTERACTION_CREATE", chinese);
    let answer = app.discord.answer_to(id).await;
    assert!(answer.starts_with("签到成功"), "{answer}");
    let english = app
        .slash(&bob(), MEMBER_PERMISSIONS, "daily", json!([]), &[])
        .await;
    assert!(english.starts_with("Checked in"), "{english}");
    app.shutdown().await;
}
