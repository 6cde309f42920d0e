//! Segments with known members and broadcasts to them: who is at risk, an upgrade candidate or
//! lapsed; a broadcast reaches each member once per account, in their language when its text
//! names a key, never after `/broadcasts off`, and never twice across a restart, a crash or two
//! senders at once.

use chrono::Duration;
use steward::core::access::Viewer;
use steward::core::ids::MemberId;
use steward_testkit::Sent;

use crate::helpers::*;

const OPERATOR: Viewer = Viewer {
    member: Some(MemberId(1)),
    operator: true,
    tier_rank: None,
};

async fn segment(app: &TestApp, name: &str) -> Vec<String> {
    app.engine.ingest().fold_step().await.unwrap();
    let admin = app.say(&console("admin"), "/broadcasts on").await;
    assert!(admin.is_some());
    let page = app
        .engine
        .broadcasts()
        .segment_page(&OPERATOR, name, 0)
        .await
        .unwrap();
    let mut names: Vec<String> = page.members.into_iter().map(|m| m.name).collect();
    names.sort();
    names
}

/// One step of the broadcasts' loop.
async fn send(app: &TestApp) -> steward::engine::broadcasts::BroadcastCounts {
    app.engine
        .broadcasts()
        .deliver_due(app.clock_now())
        .await
        .unwrap()
}

/// DMs sent since the last look, as (account, text).
fn dms(app: &TestApp) -> Vec<(String, String)> {
    app.platform
        .take()
        .into_iter()
        .filter_map(|s| match s {
            Sent::Dm { to, text } => Some((to.user_id, text)),
            _ => None,
        })
        .collect()
}

/// Four weeks of a community: Carol comes every week, Dave once; Alice paid and went quiet,
/// Bob paid and is here; Erin's tier was ended; Frank's lapsed and was bought again.
async fn community() -> TestApp {
    let app = spawn_app().await;
    let admin = console("admin");
    app.ask(&admin, "/help").await;
    for name in ["alice", "carol", "dave", "erin", "frank"] {
        app.say(&console(name), "hello everyone").await;
    }
    app.ask(&admin, "/member grant @erin pro lifetime").await;
    app.ask(&admin, "/member grant @frank pro 1d").await;
    app.engine.ingest().fold_step().await.unwrap();
    for _ in 0..2 {
        app.advance(Duration::days(7));
        app.tick().await;
        app.say(&console("carol"), "weekly hello").await;
        app.engine.ingest().fold_step().await.unwrap();
    }
    app.advance(Duration::days(1));
    app.say(&console("bob"), "still here").await;
    app.ask(&admin, "/member revoke @erin").await;
    app.ask(&admin, "/member grant @alice pro 5d").await;
    app.ask(&admin, "/member grant @bob pro 5d").await;
    app.ask(&admin, "/member grant @frank pro 30d").await;
    // As the running bot's fold does within a second.
    app.engine.ingest().fold_step().await.unwrap();
    app.platform.take();
    app
}

#[tokio::test]
async fn segments_hold_the_members_their_rules_name() {
    let app = community().await;
    assert_eq!(segment(&app, "at-risk").await, ["alice"]);
    assert_eq!(segment(&app, "upgrade").await, ["carol"]);
    assert_eq!(segment(&app, "lapsed").await, ["erin"]);
    assert_eq!(segment(&app, "pro").await, ["alice", "bob", "frank"]);
    let active = segment(&app, "active").await;
    assert!(active.contains(&"dave".to_owned()) && active.contains(&"bob".to_owned()));
    assert!(
        app.engine
            .broadcasts()
            .segment_page(&OPERATOR, "everyone", 0)
            .await
            .is_err()
    );
}

#[tokio::test]
async fn a_broadcast_reaches_its_segment_once_in_each_members_language() {
    let app = community().await;
    let admin = console("admin");
    // In a DM to the bot, which is no activity in the community: she stays at risk.
    let dm = steward::core::ids::ChatRef::private(steward::core::ids::Platform::Console, "alice");
    app.send(message(
        &console("alice"),
        dm,
        "/language zh-CN",
        app.clock_now(),
    ))
    .await
    .unwrap();
    let queued = app
        .ask(&admin, "/broadcast at-risk broadcast-renewal-soon")
        .await;
    assert!(
        queued.contains("Broadcast #1 to at-risk: one account"),
        "{queued}"
    );
    app.platform.take();
    let outcome = send(&app).await;
    assert_eq!(outcome.sent, 1);
    let sent = dms(&app);
    let to_alice: Vec<_> = sent.iter().filter(|(to, _)| to == "alice").collect();
    assert_eq!(to_alice.len(), 1, "{sent:?}");
    assert!(to_alice[0].1.contains("续费"), "in her language: {sent:?}");
    // The operator is told the final count, once.
    assert!(
        sent.iter()
            .any(|(to, text)| to == "admin"
                && text.contains("Broadcast #1 to at-risk is done: 1 sent")),
        "{sent:?}"
    );
    assert_eq!(send(&app).await, Default::default());
    assert!(dms(&app).is_empty(), "nothing twice");
    let status = app.ask(&admin, "/broadcast status 1").await;
    assert!(status.contains("1 of 1 sent, 0 failed"), "{status}");
    // Plain text goes as written; an unknown segment is refused with the list.
    let refused = app.ask(&admin, "/broadcast everyone hi").await;
    assert!(
        refused.contains("at-risk, upgrade, lapsed, active, all"),
        "{refused}"
    );
    // Members cannot broadcast.
    let member = app.ask(&console("bob"), "/broadcast all hi").await;
    assert!(!member.contains("Broadcast #"), "{member}");
}

#[tokio::test]
async fn a_member_who_turned_broadcasts_off_gets_none() {
    let app = community().await;
    let admin = console("admin");
    let off = app.ask(&console("carol"), "/broadcasts off").await;
    assert!(off.contains("no more broadcasts"), "{off}");
    let empty = app
        .ask(&admin, "/broadcast upgrade Come to the event!")
        .await;
    assert!(empty.contains("nothing will be sent"), "{empty}");
    // Turned off after the broadcast was written: skipped when its turn comes.
    app.ask(&console("carol"), "/broadcasts on").await;
    app.ask(&admin, "/broadcast upgrade Come to the event!")
        .await;
    app.ask(&console("carol"), "/broadcasts off").await;
    app.platform.take();
    assert_eq!(send(&app).await.skipped, 1);
    assert!(dms(&app).iter().all(|(to, _)| to != "carol"));
}

#[tokio::test]
async fn two_senders_at_once_send_each_dm_once() {
    let app = community().await;
    app.ask(&console("admin"), "/broadcast all News for everyone")
        .await;
    app.platform.take();
    let now = app.clock_now();
    let broadcasts = app.engine.broadcasts();
    let (a, b) = tokio::join!(broadcasts.deliver_due(now), broadcasts.deliver_due(now));
    let sent = a.unwrap().sent + b.unwrap().sent;
    let news: Vec<_> = dms(&app)
        .into_iter()
        .filter(|(_, text)| text == "News for everyone")
        .map(|(to, _)| to)
        .collect();
    let mut unique = news.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(news.len(), unique.len(), "{news:?}");
    assert_eq!(u32::try_from(news.len()).unwrap(), sent);
    assert!(news.len() >= 7, "{news:?}");
}

#[tokio::test]
async fn a_restart_sends_the_rest_and_a_crash_mid_send_repeats_nothing() {
    let app = community().await;
    app.ask(&console("admin"), "/broadcast all News for everyone")
        .await;
    // A kill while one DM was being sent: its claim is left behind.
    let mut db = db(&app).await;
    sqlx::query(
        "UPDATE broadcast_deliveries SET state = 'sending' \
         WHERE id = (SELECT MIN(id) FROM broadcast_deliveries)",
    )
    .execute(&mut db)
    .await
    .unwrap();
    let app = app.crash_and_restart().await;
    app.platform.take();
    send(&app).await;
    let news: Vec<String> = dms(&app)
        .into_iter()
        .filter(|(_, text)| text == "News for everyone")
        .map(|(to, _)| to)
        .collect();
    let status = app.ask(&console("admin"), "/broadcast status 1").await;
    // The console cannot tell a repeat: the interrupted one is counted, not sent again.
    assert!(status.contains("1 failed"), "{status}");
    assert!(status.contains("0 to go"), "{status}");
    let mut unique = news.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(news.len(), unique.len());
    assert!(!news.is_empty());
}

#[tokio::test]
async fn the_running_engine_sends_a_broadcast_without_waiting_for_the_scheduler() {
    let app = community().await;
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let running = tokio::spawn(app.engine.clone().run(stopped));
    app.ask(
        &console("admin"),
        "/broadcast upgrade See you at Friday's event!",
    )
    .await;
    let mut got = Vec::new();
    for _ in 0..100 {
        got.extend(dms(&app));
        if got.iter().any(|(to, _)| to == "carol") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    stop.send(true).unwrap();
    running.await.unwrap();
    assert!(
        got.iter()
            .any(|(to, text)| to == "carol" && text == "See you at Friday's event!"),
        "{got:?}"
    );
}

#[tokio::test]
async fn a_member_who_wrote_a_moment_ago_is_in_the_active_segment() {
    let app = spawn_app().await;
    app.say(&console("alice"), "just arrived").await;
    // No fold in between: the broadcast writes the tallied activity first.
    let queued = app
        .ask(&console("admin"), "/broadcast active Welcome!")
        .await;
    assert!(
        queued.contains("2 accounts"),
        "alice and the operator: {queued}"
    );
}
