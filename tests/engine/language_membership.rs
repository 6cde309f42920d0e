//! Memberships, the shop and drops in each reader's language: a member who chose Chinese reads
//! Chinese replies and DMs while an English member in the same chat reads English, and an
//! operator who chose Chinese gets `/drop status` and operator reports in Chinese.

use chrono::Duration;
use steward::core::ids::Platform;
use steward::engine::{Person, PlatformError, Sender};
use steward_testkit::Sent;

use crate::helpers::*;

/// The DMs sent to a console or Telegram account, in order.
fn dms_to(sent: &[Sent], platform: Platform, user: &str) -> Vec<String> {
    sent.iter()
        .filter_map(|s| match s {
            Sent::Dm { to, text } if to.platform == platform && to.user_id == user => {
                Some(text.clone())
            }
            _ => None,
        })
        .collect()
}

/// alice chose Chinese, bob did not; both talk in #general first.
async fn alice_in_chinese_bob_in_english(app: &TestApp) -> (Person, Person) {
    let (alice, bob) = (console("alice"), console("bob"));
    app.say(&alice, "hello there").await;
    app.say(&bob, "hello there").await;
    let set = app.ask(&alice, "/language zh").await;
    assert!(set.contains("中文"), "{set}");
    (alice, bob)
}

#[tokio::test]
async fn membership_shop_and_drops_answer_each_member_in_their_language() {
    let app = spawn_app().await;
    let admin = console("admin");
    let (alice, bob) = alice_in_chinese_bob_in_english(&app).await;
    app.ask(&admin, "/member grant @alice pro 30d").await;
    app.ask(&admin, "/member grant @bob pro 30d").await;
    let sent = app.posts();
    let welcome = dms_to(&sent, Platform::Console, "alice");
    assert!(
        welcome[0]
            .starts_with("欢迎加入 Pro！有效期至 2026年12月25日 10:00（Europe/Berlin）。权益："),
        "{welcome:?}"
    );
    let welcome = dms_to(&sent, Platform::Console, "bob");
    assert!(
        welcome[0].starts_with("Welcome to Pro! It runs until 2026-12-25 10:00 (Europe/Berlin)."),
        "{welcome:?}"
    );

    let mine = app.ask(&alice, "/membership").await;
    assert!(
        mine.starts_with("你的会员档位：Pro，有效期至 2026年12月25日 10:00（Europe/Berlin）。"),
        "{mine}"
    );
    assert!(
        mine.contains("消息经验 ×2") && mine.contains("每日签到（/daily）额外 +25 积分"),
        "{mine}"
    );
    let his = app.ask(&bob, "/membership").await;
    assert!(
        his.starts_with("Your tier: Pro until 2026-12-25 10:00 (Europe/Berlin).")
            && his.contains("2x message XP"),
        "{his}"
    );

    let shop = app.ask(&alice, "/shop").await;
    assert!(shop.starts_with("积分商店（你有 "), "{shop}");
    assert!(
        shop.contains("pro-week：A week of Pro，100 积分（Pro · 7 天）— /redeem pro-week"),
        "{shop}"
    );
    let poor = app.ask(&alice, "/redeem pro-week").await;
    assert!(
        poor.starts_with("A week of Pro 需要 100 积分，你只有 "),
        "{poor}"
    );
    assert!(
        app.ask(&bob, "/shop")
            .await
            .contains("pro-week: A week of Pro, 100 points (Pro for 7d) - /redeem pro-week")
    );
    let tiers = app.ask(&alice, "/tiers").await;
    assert!(
        tiers.starts_with("会员档位：") && tiers.contains("/redeem pro-week：100 积分 · 7 天"),
        "{tiers}"
    );

    // The operator's own text is never translated; only the labels around it are.
    app.ask(&admin, "/drop in 1h Release notes").await;
    app.ask(&admin, "/drop in 1m every day Daily digest").await;
    let drops = app.ask(&alice, "/drops").await;
    assert!(drops.starts_with("即将发出的推送："), "{drops}");
    assert!(
        drops.contains("#1 2026年11月25日 11:00（Europe/Berlin）：Release notes")
            && drops.contains("#2 2026年11月25日 10:01（Europe/Berlin），每天：Daily digest"),
        "{drops}"
    );
    let drops = app.ask(&bob, "/drops").await;
    assert!(
        drops.starts_with("Upcoming drops:")
            && drops.contains("#1 2026-11-25 11:00 (Europe/Berlin): Release notes")
            && drops.contains("#2 2026-11-25 10:01 (Europe/Berlin), every day: Daily digest"),
        "{drops}"
    );
    let early = app.ask(&alice, "/rate 1 5").await;
    assert_eq!(early, "推送 #1 还没有发给你，收到后再来评分吧。");
}

#[tokio::test]
async fn reminders_and_endings_reach_each_member_in_their_language() {
    let app = spawn_app().await;
    let admin = console("admin");
    alice_in_chinese_bob_in_english(&app).await;
    app.ask(&admin, "/member grant @alice pro 5d").await;
    app.ask(&admin, "/member grant @bob pro 5d").await;
    app.posts();

    app.advance(Duration::days(2) + Duration::hours(1)); // 2d23h left: the 3-day reminder
    assert_eq!(app.tick().await.reminders_sent, 2);
    let sent = app.posts();
    assert_eq!(
        dms_to(&sent, Platform::Console, "alice"),
        [
            "你的 Pro 会员资格将于 2026年11月30日 10:00（Europe/Berlin）到期，还剩 2 天 23 小时。可以在 /shop 用积分续期，或联系管理员。"
        ]
    );
    assert_eq!(
        dms_to(&sent, Platform::Console, "bob"),
        [
            "Your Pro membership ends in 2d 23h (2026-11-30 10:00 (Europe/Berlin)). Renew with /shop, or ask an operator."
        ]
    );

    app.advance(Duration::days(3));
    assert_eq!(app.tick().await.memberships_expired, 2);
    let sent = app.posts();
    assert!(
        dms_to(&sent, Platform::Console, "alice")
            .contains(&"你的 Pro 会员资格已到期。发送 /tiers 查看如何续期。".to_owned()),
        "{sent:?}"
    );
    assert!(
        dms_to(&sent, Platform::Console, "bob")
            .contains(&"Your Pro membership has ended. /tiers shows how to renew it.".to_owned()),
        "{sent:?}"
    );
}

#[tokio::test]
async fn an_operator_who_chose_chinese_manages_drops_and_reads_reports_in_chinese() {
    let app = spawn_app().await;
    let admin = console("admin");
    app.ask(&admin, "/language zh").await;
    let scheduled = app.ask(&admin, "/drop in 1m Broken").await;
    assert_eq!(
        scheduled,
        "已安排推送 #1：2026年11月25日 10:01（Europe/Berlin），发到这里。预览：/drop show 1。取消：/drop cancel 1。"
    );
    app.platform
        .fail_drops((0..5).map(|_| PlatformError::Failed("chat not found".into())));
    app.advance(Duration::minutes(1));
    assert_eq!(app.tick().await.retried, 1);
    let status = app.ask(&admin, "/drop status 1").await;
    assert!(
        status.contains("2026年11月25日 10:01 console:general：待发送（将于 2026年11月25日 ")
            && status.contains("进行第 2 次尝试；上次错误：chat not found）"),
        "{status}"
    );
    for _ in 0..10 {
        app.advance(Duration::minutes(15));
        app.tick().await;
    }
    let sent = app.posts();
    assert_eq!(
        dms_to(&sent, Platform::Console, "admin"),
        [
            "推送 #1 无法发送到 console:general：chat not found。发送 /drop status 1 查看所有目标的情况。"
        ]
    );
    // The other operator chose no language: the community's, English.
    assert_eq!(
        dms_to(&sent, Platform::Telegram, "900"),
        [
            "Drop #1 could not be delivered to console:general: chat not found. /drop status 1 shows every target."
        ]
    );
    let status = app.ask(&admin, "/drop status 1").await;
    assert!(
        status.contains("console:general：失败（chat not found，共尝试 5 次）"),
        "{status}"
    );
    let cancel = app.ask(&admin, "/drop cancel 1").await;
    assert!(
        cancel.starts_with("推送 #1 已全部发出，没有可以取消的了。"),
        "{cancel}"
    );
}

#[tokio::test]
async fn missed_drops_are_reported_to_a_chinese_operator_in_chinese() {
    let app = spawn_app().await;
    let admin = console("admin");
    app.ask(&admin, "/language zh").await;
    app.ask(&admin, "/drop in 1h Too late").await;
    app.engine.shutdown().await;
    app.advance(Duration::hours(8));
    let app = app.restart().await;
    assert_eq!(app.tick().await.missed, 1);
    let sent = app.posts();
    assert_eq!(
        dms_to(&sent, Platform::Console, "admin"),
        [
            "推送 #1 原定于 2026年11月25日 11:00（Europe/Berlin）发布，但机器人停机时间超过了 drops.catch_up（6 小时），因此没有发布。"
        ]
    );
    let status = app.ask(&admin, "/drop status 1").await;
    assert!(status.contains("console:general：已错过"), "{status}");
}

#[tokio::test]
async fn reward_choices_are_labelled_in_the_askers_language() {
    let app = spawn_app().await;
    let (alice, bob) = alice_in_chinese_bob_in_english(&app).await;
    let asker = |who: &Person| Sender {
        person: who.clone(),
        platform_admin: false,
        locale: None,
    };
    let zh = app
        .engine
        .choices()
        .rewards_offered_to(&asker(&alice), "pro")
        .await;
    assert_eq!(zh[0].label, "A week of Pro（100 积分）");
    let en = app
        .engine
        .choices()
        .rewards_offered_to(&asker(&bob), "pro")
        .await;
    assert_eq!(en[0].label, "A week of Pro (100 points)");
}
