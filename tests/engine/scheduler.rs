//! The durable scheduler: recurrence across DST, restarts mid-batch, a thousand drops at once,
//! cancel racing a tick, downtime catch-up, and the real-time loop.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use steward::config::Config;
use steward::engine::{Engine, PlatformError, SystemClock};
use steward::store::Store;
use steward_testkit::{RecordingPlatform, Sent};

use crate::helpers::*;

fn utc(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// Moves the clock from now to `until` in steps, ticking at each; returns the occurrence times
/// of drop #1 that were delivered.
async fn run_until(app: &TestApp, until: &str, step: Duration) -> Vec<DateTime<Utc>> {
    while app.clock_now() < utc(until) {
        app.advance(step);
        app.tick().await;
    }
    let mut times: Vec<DateTime<Utc>> = app
        .engine
        .store()
        .deliveries_of(1, 100)
        .await
        .unwrap()
        .into_iter()
        .map(|d| d.occurrence_at)
        .collect();
    times.sort();
    times
}

#[tokio::test]
async fn a_daily_drop_in_berlin_runs_once_through_the_spring_gap() {
    let app = spawn_app().await;
    app.clock.set(utc("2026-03-27T12:00:00Z"));
    app.ask(
        &console("admin"),
        "/drop 2026-03-28 02:30 every day nightly build",
    )
    .await;
    let runs = run_until(&app, "2026-03-30T12:00:00Z", Duration::minutes(10)).await;
    // 02:30 CET, then 02:30 does not exist (clocks jump to 03:00 CEST), then 02:30 CEST.
    assert_eq!(
        runs,
        vec![
            utc("2026-03-28T01:30:00Z"),
            utc("2026-03-29T01:00:00Z"),
            utc("2026-03-30T00:30:00Z")
        ]
    );
    assert_eq!(app.drops_delivered().len(), 3);
}

#[tokio::test]
async fn a_daily_drop_in_new_york_runs_once_through_the_repeated_hour() {
    let config = CONFIG.replace("Europe/Berlin", "America/New_York");
    let app = spawn_app_with(&config).await;
    app.clock.set(utc("2026-10-30T12:00:00Z"));
    app.ask(
        &console("admin"),
        "/drop 2026-10-31 01:30 every day nightly build",
    )
    .await;
    let runs = run_until(&app, "2026-11-02T12:00:00Z", Duration::minutes(10)).await;
    // 01:30 EDT twice around the change: 1 November's 01:30 happens twice but runs once.
    assert_eq!(
        runs,
        vec![
            utc("2026-10-31T05:30:00Z"),
            utc("2026-11-01T05:30:00Z"),
            utc("2026-11-02T06:30:00Z")
        ]
    );
    assert_eq!(app.drops_delivered().len(), 3);
}

#[tokio::test]
async fn a_weekly_cron_drop_keeps_its_local_time_after_dst_ends() {
    let app = spawn_app().await;
    app.clock.set(utc("2026-10-19T12:00:00Z"));
    app.ask(
        &console("admin"),
        "/drop now every \"0 9 * * 1\" Weekly plan",
    )
    .await;
    let runs = run_until(&app, "2026-11-03T00:00:00Z", Duration::minutes(30)).await;
    // Mondays at 09:00 Berlin: 07:00 UTC in summer time, 08:00 UTC after 25 October.
    assert_eq!(
        runs,
        vec![utc("2026-10-26T08:00:00Z"), utc("2026-11-02T08:00:00Z")]
    );
}

#[tokio::test]
async fn a_thousand_drops_due_at_once_are_each_delivered_exactly_once() {
    let app = spawn_app().await;
    let admin = console("admin");
    for i in 0..1000 {
        app.ask(&admin, &format!("/drop in 1m drop number {i}"))
            .await;
    }
    app.advance(Duration::minutes(1));
    // Two ticks of one engine at once (the loop and a wake-up racing) claim each delivery once.
    let now = app.clock_now();
    let (a, b) = tokio::join!(
        app.engine.scheduler().tick(now),
        app.engine.scheduler().tick(now)
    );
    assert_eq!(a.unwrap().sent + b.unwrap().sent, 1000);
    let delivered = app.drops_delivered();
    let ids: HashSet<i64> = delivered.iter().map(|(_, id)| *id).collect();
    assert_eq!(ids.len(), 1000);
    assert_eq!(delivered.len(), 1000, "no drop was posted twice");
    assert_eq!(app.tick().await.sent, 0);
}

#[tokio::test]
async fn a_restart_in_the_middle_of_a_batch_neither_loses_nor_repeats_a_post() {
    let app = spawn_app().await;
    let admin = console("admin");
    for i in 0..10 {
        app.ask(&admin, &format!("/drop in 1m post {i}")).await;
    }
    app.advance(Duration::minutes(1));
    // Half the batch fails and waits for a retry; one delivery is claimed by a process that
    // then dies before it could record the result.
    app.platform
        .fail_drops((0..5).map(|_| PlatformError::Failed("timeout".into())));
    let first = app.tick().await;
    assert_eq!((first.sent, first.retried), (5, 5));
    let pending = app
        .engine
        .store()
        .due_deliveries(
            app.clock_now() + Duration::minutes(1),
            &["console", "dm"],
            10,
        )
        .await
        .unwrap();
    assert!(
        app.engine
            .store()
            .claim_delivery(pending[0].id)
            .await
            .unwrap()
    );

    let app = app.restart().await;
    app.advance(Duration::seconds(10));
    assert_eq!(app.tick().await.sent, 5);
    let mut per_drop = std::collections::HashMap::new();
    for (_, id) in app.drops_delivered() {
        *per_drop.entry(id).or_insert(0) += 1;
    }
    // The restarted engine sent only the five that had not gone out.
    assert_eq!(per_drop.len(), 5);
    assert!(per_drop.values().all(|n| *n == 1));
    app.advance(Duration::hours(1));
    assert_eq!(
        app.tick().await.sent,
        0,
        "a clean restart never posts twice"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn cancel_wins_over_a_tick_due_at_the_same_moment() {
    let app = spawn_app().await;
    let admin = console("admin");
    for round in 1..=20 {
        app.ask(&admin, &format!("/drop in 1m race {round}")).await;
        app.advance(Duration::minutes(1));
        let engine = app.engine.clone();
        let now = app.clock_now();
        let tick = tokio::spawn(async move { engine.scheduler().tick(now).await.unwrap() });
        let cancel = app.ask(&admin, &format!("/drop cancel {round}")).await;
        tick.await.unwrap();
        let posted = app.drops_delivered().len();
        if cancel.contains("nothing of it was posted") {
            assert_eq!(posted, 0, "round {round}: cancelled, yet posted");
        } else {
            // The tick may finish first (nothing left to cancel) or be under way (the rest stops).
            assert!(
                cancel.contains("had already gone out")
                    || cancel.contains("has already gone out in full"),
                "{cancel}"
            );
            assert_eq!(posted, 1, "round {round}");
        }
        // Whatever happened, nothing more goes out later.
        app.advance(Duration::hours(1));
        app.tick().await;
        assert!(app.drops_delivered().is_empty());
    }
}

#[tokio::test]
async fn a_drop_due_during_downtime_is_sent_at_start_inside_the_window_else_reported_missed() {
    let app = spawn_app().await;
    let admin = console("admin");
    app.ask(&admin, "/drop in 1h Within the window").await;
    app.ask(&admin, "/drop in 2h Too late").await;
    app.engine.shutdown().await;
    // Down for eight hours: #1 is 7 h late (missed), #2 is 6 h late (still sent).
    app.advance(Duration::hours(8));
    let app = app.restart().await;
    let outcome = app.tick().await;
    assert_eq!((outcome.sent, outcome.missed), (1, 1));
    let sent = app.posts();
    let delivered: Vec<i64> = sent
        .iter()
        .filter_map(|s| match s {
            Sent::Drop { drop, .. } => Some(drop.drop_id),
            _ => None,
        })
        .collect();
    assert_eq!(delivered, vec![2]);
    assert!(
        sent.iter().any(|s| matches!(s, Sent::Dm { to, text } if to.user_id == "admin" && text.starts_with("Drop #1 due at 2026-11-25 11:00") && text.contains("was missed"))),
        "{sent:?}"
    );
    assert!(
        app.ask(&admin, "/drop status 1")
            .await
            .contains("console:general: missed")
    );
    assert_eq!(app.tick().await.sent, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_running_scheduler_delivers_a_drop_when_it_falls_due() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config::from_toml(CONFIG).unwrap();
    config.database_path = dir.path().join("steward.db");
    let store = Store::open(&config.database_path).await.unwrap();
    let platform = Arc::new(RecordingPlatform::default());
    let engine = Arc::new(
        Engine::start(config, store, platform.clone(), Arc::new(SystemClock))
            .await
            .unwrap(),
    );
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let scheduler = tokio::spawn(engine.scheduler().clone().run_scheduler(stopped));
    // The loop is asleep with nothing to do; scheduling must wake it.
    tokio::time::sleep(StdDuration::from_millis(100)).await;
    let mut m = message(
        &console("admin"),
        general(),
        "/drop in 1s wake up",
        engine.kernel().now(),
    );
    m.at = engine.kernel().now();
    let reply = engine
        .handle(steward::engine::Event::Message(m))
        .await
        .unwrap();
    assert!(reply.starts_with("Scheduled drop #1"), "{reply}");
    let mut delivered = false;
    for _ in 0..100 {
        tokio::time::sleep(StdDuration::from_millis(50)).await;
        if platform
            .take()
            .iter()
            .any(|s| matches!(s, Sent::Drop { .. }))
        {
            delivered = true;
            break;
        }
    }
    assert!(
        delivered,
        "the drop was not delivered within 5 s of being due"
    );
    stop.send(true).unwrap();
    scheduler.await.unwrap();
    engine.shutdown().await;
}

/// Drops delivered and reports DMed to the console operator since the last look.
fn posts_and_reports(app: &TestApp) -> (Vec<i64>, Vec<String>) {
    let mut drops = Vec::new();
    let mut reports = Vec::new();
    for sent in app.posts() {
        match sent {
            Sent::Drop { drop, .. } => drops.push(drop.drop_id),
            Sent::Dm { to, text } if to.user_id == "admin" => reports.push(text),
            _ => {}
        }
    }
    (drops, reports)
}

#[tokio::test]
async fn an_hourly_drop_down_for_hours_posts_its_latest_occurrence_once() {
    let app = spawn_app().await;
    let admin = console("admin");
    app.ask(&admin, "/drop in 1m every \"0 * * * *\" Hourly tip")
        .await;
    app.engine.shutdown().await;
    // Down three and a half hours: the runs at 11:00, 12:00 and 13:00 fell due.
    app.advance(Duration::minutes(210));
    let app = app.restart().await;
    let outcome = app.tick().await;
    assert_eq!(
        (outcome.occurrences, outcome.missed, outcome.sent),
        (3, 2, 1)
    );
    let (drops, reports) = posts_and_reports(&app);
    assert_eq!(drops, [1], "one post, not four");
    assert_eq!(reports.len(), 1, "{reports:?}");
    assert!(
        reports[0].starts_with("Drop #1 fell behind while the bot was down: 2 occurrences from "),
        "{reports:?}"
    );
    let status = app.ask(&admin, "/drop status 1").await;
    assert_eq!(status.matches(": missed").count(), 2, "{status}");
    assert_eq!(status.matches(": sent").count(), 1, "{status}");
    // Back to normal: the next hour posts once more.
    app.advance(Duration::hours(1));
    app.tick().await;
    assert_eq!(posts_and_reports(&app).0, [1]);
}

#[tokio::test]
async fn drops_down_for_days_send_operators_one_summary_and_post_each_latest_once() {
    let app = spawn_app().await;
    let admin = console("admin");
    app.ask(&admin, "/drop in 1m every \"0 * * * *\" Hourly tip")
        .await;
    app.ask(&admin, "/drop in 1m every day Daily digest").await;
    app.ask(&admin, "/drop in 2h Release party").await;
    app.engine.shutdown().await;
    // Down three days and two hours, from 10:00 to 12:00.
    app.advance(Duration::days(3) + Duration::hours(2));
    let app = app.restart().await;
    app.tick().await;
    let (mut drops, reports) = posts_and_reports(&app);
    drops.sort_unstable();
    // The hourly drop's latest run (12:00) is due now and the daily one's (10:01) two hours
    // late, inside the six hours of drops.catch_up; the one-off is three days late.
    assert_eq!(drops, [1, 2], "{reports:?}");
    assert_eq!(
        reports.len(),
        1,
        "one summary, not a DM per occurrence: {reports:?}"
    );
    let lines: Vec<&str> = reports[0].lines().collect();
    assert_eq!(lines.len(), 3, "{reports:?}");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Drop #1 fell behind while the bot was down: 73 occurrences"))
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Drop #2 fell behind while the bot was down: 3 occurrences"))
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Drop #3 due at") && l.contains("so it was not posted"))
    );
    assert_eq!(app.tick().await.sent, 0, "nothing more is owed");
}

#[tokio::test]
async fn a_daily_drop_down_across_the_end_of_summer_time_posts_once_at_local_nine() {
    let app = spawn_app().await;
    let admin = console("admin");
    app.clock.set(utc("2026-10-23T08:00:00Z")); // 10:00 in Berlin, summer time
    app.ask(&admin, "/drop tomorrow 09:00 every day Morning notes")
        .await;
    app.engine.shutdown().await;
    // Down from Friday to Monday 09:30 winter time, across the night clocks fell back.
    app.clock.set(utc("2026-10-26T08:30:00Z"));
    let app = app.restart().await;
    let outcome = app.tick().await;
    assert_eq!(
        (outcome.occurrences, outcome.missed, outcome.sent),
        (3, 2, 1)
    );
    let (drops, reports) = posts_and_reports(&app);
    assert_eq!((drops.len(), reports.len()), (1, 1), "{reports:?}");
    let times = app
        .engine
        .store()
        .deliveries_of(1, 10)
        .await
        .unwrap()
        .into_iter()
        .map(|d| d.occurrence_at)
        .collect::<HashSet<_>>();
    let expected: HashSet<_> = [
        utc("2026-10-24T07:00:00Z"), // 09:00 summer time
        utc("2026-10-25T08:00:00Z"), // 09:00 winter time, the day clocks fell back
        utc("2026-10-26T08:00:00Z"),
    ]
    .into();
    assert_eq!(times, expected);
    // The next run keeps local 09:00.
    app.clock.set(utc("2026-10-27T07:59:00Z"));
    assert_eq!(app.tick().await.sent, 0);
    app.clock.set(utc("2026-10-27T08:00:00Z"));
    assert_eq!(app.tick().await.sent, 1);
}
