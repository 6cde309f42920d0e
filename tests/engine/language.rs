//! Each member is answered in their language: their `/language` choice, else what their app
//! reports, else the community's. Posts everyone in a chat reads use the community's.

use crate::helpers::*;
use steward::core::ids::{ChatRef, Platform};
use steward::engine::Person;
use steward_testkit::Sent;

/// `who` says `text` in #general from an app set to `locale`.
async fn ask_from_app(app: &TestApp, who: &Person, locale: &str, text: &str) -> String {
    let mut m = message(who, general(), text, app.clock_now());
    m.sender.locale = Some(locale.to_owned());
    app.send(m)
        .await
        .unwrap_or_else(|| panic!("no reply to {text}"))
}

/// The test community, speaking Chinese to members who say nothing else.
fn chinese_community() -> String {
    CONFIG.replace(
        "timezone = \"Europe/Berlin\"",
        "timezone = \"Europe/Berlin\"\nlanguage = \"zh-CN\"",
    )
}

#[tokio::test]
async fn a_member_who_chose_chinese_is_answered_in_chinese_and_others_in_english() {
    let app = spawn_app().await;
    let (alice, bob) = (console("alice"), console("bob"));
    app.say(&bob, "hello everyone").await;
    let set = app.ask(&alice, "/language zh").await;
    assert!(set.contains("Steward 会用中文和你交流"), "{set}");

    let daily = app.ask(&alice, "/daily").await;
    assert!(
        daily.starts_with("签到成功：+50 经验，+50 积分。已连续签到 1 天"),
        "{daily}"
    );
    let again = app.ask(&alice, "/daily").await;
    assert!(
        again.contains("下次签到将在 14 小时后开放，时间是 2026年11月26日 00:00（Europe/Berlin）"),
        "{again}"
    );
    let rank = app.ask(&alice, "/rank").await;
    assert!(
        rank.starts_with("alice：等级 0，50 经验（还差 50 经验升到 1 级）\n排名：总榜第 1 名"),
        "{rank}"
    );
    assert!(rank.contains("积分：50"), "{rank}");
    let board = app.ask(&alice, "/leaderboard").await;
    assert!(
        board.starts_with("排行榜 · 总榜（第 1/1 页）\n第 1 名 alice：等级 0，50 经验"),
        "{board}"
    );

    // Bob, in the same chat, chose nothing: English as before.
    assert!(
        app.ask(&bob, "/daily")
            .await
            .starts_with("Checked in: +50 XP")
    );
    assert!(
        app.ask(&bob, "/rank")
            .await
            .starts_with("bob: Level 0, 70 XP")
    );
    assert!(
        app.ask(&bob, "/leaderboard")
            .await
            .starts_with("Leaderboard: all time (page 1 of 1)\n#1 bob: Level 0, 70 XP")
    );
}

#[tokio::test]
async fn an_app_set_to_chinese_is_followed_until_the_member_chooses_and_again_after_auto() {
    let app = spawn_app().await;
    let carol = console("carol");
    let rank = ask_from_app(&app, &carol, "zh-hans", "/rank").await;
    assert!(rank.starts_with("carol：等级 0，0 经验"), "{rank}");
    assert!(rank.contains("周榜未上榜"), "{rank}");

    ask_from_app(&app, &carol, "zh-hans", "/language en").await;
    let english = ask_from_app(&app, &carol, "zh-hans", "/rank").await;
    assert!(english.starts_with("carol: Level 0, 0 XP"), "{english}");

    let auto = ask_from_app(&app, &carol, "zh-hans", "/language auto").await;
    assert!(auto.contains("跟随你的客户端语言"), "{auto}");
    let daily = ask_from_app(&app, &carol, "zh-hans", "/daily").await;
    assert!(daily.starts_with("签到成功"), "{daily}");
}

#[tokio::test]
async fn the_community_language_answers_members_who_chose_none() {
    let app = spawn_app_with(&chinese_community()).await;
    let (dave, erin) = (console("dave"), console("erin"));
    app.say(&dave, "hello everyone").await;
    let rank = app.ask(&dave, "/rank").await;
    assert!(rank.starts_with("dave：等级 0，20 经验"), "{rank}");
    let board = app.ask(&dave, "/leaderboard week").await;
    assert!(board.starts_with("排行榜 · 周榜 2026-W48"), "{board}");

    // An app that reports English wins over the community's language.
    let english = ask_from_app(&app, &erin, "en-US", "/rank").await;
    assert!(english.starts_with("erin: Level 0, 0 XP"), "{english}");

    // Level-ups in the chat are for everyone: the community's language.
    app.posts();
    app.ask(&console("admin"), "/points add @dave 100").await;
    assert!(app.posts().contains(&Sent::Post {
        chat: general(),
        text: "🎉 dave 升到了 1 级！".into()
    }));
}

#[tokio::test]
async fn public_posts_use_the_community_language_and_dms_the_member_s() {
    let app = spawn_app().await;
    let (alice, bob, admin) = (console("alice"), console("bob"), console("admin"));
    app.say(&bob, "hello everyone").await;
    app.ask(&alice, "/language zh").await;
    app.ask(&bob, "/language zh").await;

    // A thanks is announced to the whole chat, in the community's language.
    let thanks = app.ask(&alice, "/thanks @bob for the fix").await;
    assert_eq!(thanks, "alice thanked bob: “for the fix” (+10 XP for bob).");
    // Her refusal is hers alone.
    let refused = app.ask(&alice, "/thanks @nobody").await;
    assert!(refused.contains("我还不认识这里的 @nobody"), "{refused}");

    // A level-up granted in an operator's DM reaches bob by DM, in his language.
    app.posts();
    let dm = ChatRef::private(Platform::Console, "dm-admin");
    app.send(message(&admin, dm, "/points add @bob 100", app.clock_now()))
        .await;
    assert!(app.posts().contains(&Sent::Dm {
        to: bob.profile.account.clone(),
        text: "🎉 你升到了 1 级！".into()
    }));
    let history = app.ask(&bob, "/history").await;
    assert!(
        history.contains("2026年11月25日的聊天消息")
            && history.contains("来自 alice 的感谢（“for the fix”）"),
        "{history}"
    );
}
