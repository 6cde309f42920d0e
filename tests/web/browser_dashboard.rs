//! The operator's pages in a real browser: headless Chromium logs in as the operator, grants a
//! tier from a member's row on `/dashboard/members` and broadcasts to a segment by pressing the
//! buttons (the confirmation page first), reads the list and the dashboard in Chinese, and a
//! member's browser is refused both.
//! Screenshots go under `target/tmp/web-screens/`.

use crate::browser::{chromium, screens};
use crate::cdp::Chromium;
use crate::harness::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_operator_grants_from_the_subscriber_list_in_a_browser_and_a_member_is_refused() {
    let Some(binary) = chromium() else { return };
    let app = spawn("members").await;
    let (alice, admin) = (console("alice"), console("admin"));
    app.say(&alice, "hello everyone").await;
    let alice_id = app
        .engine
        .store()
        .member_of(&alice.profile.account)
        .await
        .unwrap()
        .unwrap();
    let dir = screens();

    let link = app.login_link(&admin).await;
    let mut chromium = Chromium::start(&binary, 2000).await;
    chromium.open(&link).await;
    chromium.click_and_wait("main form button").await;
    chromium
        .open(&format!("{}/dashboard/members/{}", app.base, alice_id.0))
        .await;
    assert!(chromium.dom().await.contains("Grant or extend a tier"));
    chromium.click_and_wait("button[value=grant]").await;
    let asked = chromium.dom().await;
    assert!(asked.contains("Grant alice Pro for 30d?"), "{asked}");
    assert!(
        app.engine
            .store()
            .memberships(alice_id)
            .await
            .unwrap()
            .is_empty()
    );
    chromium.click_and_wait("main form button").await;
    let done = chromium.dom().await;
    assert!(done.contains("<h1>Done</h1>"), "{done}");
    let held = app.engine.store().memberships(alice_id).await.unwrap();
    assert_eq!(held.len(), 1, "granted once");

    chromium
        .open(&format!("{}/dashboard/members", app.base))
        .await;
    let list = chromium.dom().await;
    assert!(
        list.contains(">alice</a>") && list.contains("granted or redeemed"),
        "{list}"
    );
    std::fs::write(dir.join("subscribers.png"), chromium.screenshot().await).unwrap();

    // A broadcast to the active members, typed and sent with the buttons.
    app.engine.ingest().fold_step().await.unwrap();
    chromium
        .open(&format!("{}/dashboard/segments/active", app.base))
        .await;
    assert!(chromium.dom().await.contains(">alice</a>"));
    chromium
        .type_into("textarea[name=text]", "Meetup on Friday!")
        .await;
    chromium.click_and_wait("main form button").await;
    let asked = chromium.dom().await;
    assert!(asked.contains("members of active by DM?"), "{asked}");
    assert!(
        app.engine
            .store()
            .broadcast_status(1)
            .await
            .unwrap()
            .is_none()
    );
    chromium.click_and_wait("main form button").await;
    let sent = chromium.dom().await;
    assert!(sent.contains("Broadcast #1 to active"), "{sent}");
    std::fs::write(dir.join("broadcast.png"), chromium.screenshot().await).unwrap();

    // In Chinese: the list's words and the dashboard's weeks.
    app.say(&admin, "/language zh-CN").await;
    chromium
        .open(&format!("{}/dashboard/members", app.base))
        .await;
    let list = chromium.dom().await;
    assert!(
        list.contains("<h1>订阅成员</h1>") && list.contains("赠予或兑换"),
        "{list}"
    );
    chromium.open(&format!("{}/dashboard", app.base)).await;
    let dashboard = chromium.dom().await;
    assert!(
        dashboard.contains("年第") && !dashboard.contains("-W4"),
        "{dashboard}"
    );
    std::fs::write(dir.join("dashboard-zh.png"), chromium.screenshot().await).unwrap();
    drop(chromium);

    // A member's browser gets the refusal, not the list.
    let link = app.login_link(&alice).await;
    let mut chromium = Chromium::start(&binary, 1000).await;
    chromium.open(&link).await;
    chromium.click_and_wait("main form button").await;
    chromium
        .open(&format!("{}/dashboard/members", app.base))
        .await;
    let refused = chromium.dom().await;
    assert!(
        refused.contains("This page is for the community's operators."),
        "{refused}"
    );
    assert!(!refused.contains(">alice</a>"), "{refused}");
    chromium
        .open(&format!("{}/dashboard/segments/active", app.base))
        .await;
    let refused = chromium.dom().await;
    assert!(
        refused.contains("This page is for the community's operators.")
            && !refused.contains("textarea"),
        "{refused}"
    );
}
