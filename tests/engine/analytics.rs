//! The dashboard's figures, read the way the page reads them: activity counted once per member
//! per day, week and month, cohorts, XP by source, membership changes and drop quality.

use chrono::Duration;
use steward::core::access::Viewer;
use steward::core::analytics::range::DayRange;
use steward::core::ids::MemberId;
use steward::engine::analytics::Dashboard;

use crate::helpers::*;

const OPERATOR: Viewer = Viewer {
    member: Some(MemberId(1)),
    operator: true,
    tier_rank: None,
};

async fn dashboard(app: &TestApp, days: u64) -> Dashboard {
    app.engine.ingest().fold_step().await.unwrap();
    let range = DayRange::last(days, app.engine.operations().today());
    app.engine
        .operations()
        .dashboard(&OPERATOR, range)
        .await
        .unwrap()
}

#[tokio::test]
async fn members_count_once_a_day_and_once_a_week_however_much_they_write() {
    let app = spawn_app().await;
    let (alice, bob) = (console("alice"), console("bob"));
    for _ in 0..5 {
        app.say(&alice, "hello there everyone").await;
    }
    app.say(&bob, "morning all").await;
    app.engine.ingest().fold_step().await.unwrap();
    // The next day only Alice writes; a second flush of the same day adds no active member.
    app.advance(Duration::days(1));
    app.say(&alice, "back again").await;
    app.engine.ingest().fold_step().await.unwrap();
    app.say(&alice, "and again").await;
    let dash = dashboard(&app, 2).await;
    let days = &dash.activity.days;
    assert_eq!(days.len(), 2);
    assert_eq!((days[0].active, days[0].new, days[0].messages), (2, 2, 6));
    assert_eq!((days[1].active, days[1].new, days[1].returning), (1, 0, 1));
    assert_eq!(days[1].messages, 2);
    let week = dash.activity.weeks.last().unwrap();
    assert_eq!(week.activity.active_members, 2);
    assert_eq!(week.activity.member_days, 3);
    assert_eq!(week.activity.messages, 8);
    // U = 3 days / 2 members, T = 8 messages / 3 member-days.
    let expected = (1.5f64).ln() + (8.0f64 / 3.0).ln();
    assert!((week.index.unwrap() - expected).abs() < 1e-9);
    let cohort = &dash.activity.cohorts[0];
    assert_eq!((cohort.size, cohort.active[0]), (2, 2));
}

#[tokio::test]
async fn a_cohort_shows_who_came_back_the_next_week() {
    let app = spawn_app().await;
    let (alice, bob) = (console("alice"), console("bob"));
    app.say(&alice, "first week").await;
    app.say(&bob, "first week too").await;
    app.engine.ingest().fold_step().await.unwrap();
    app.advance(Duration::days(7));
    app.say(&alice, "second week").await;
    let dash = dashboard(&app, 14).await;
    let cohort = dash.activity.cohorts.iter().find(|c| c.size > 0).unwrap();
    assert_eq!(cohort.active, vec![2, 1]);
}

#[tokio::test]
async fn xp_is_charted_by_source_and_points_spent_are_counted() {
    let app = spawn_app().await;
    let (alice, admin) = (console("alice"), console("admin"));
    app.say(&alice, "a message worth xp").await;
    app.ask(&alice, "/daily").await;
    app.ask(&admin, "/points add @alice 200 for the talk").await;
    app.ask(&alice, "/redeem pro-week").await;
    let dash = dashboard(&app, 1).await;
    let today = &dash.activity.days[0];
    let source = |name: &str| {
        steward::engine::analytics::XP_SOURCES
            .iter()
            .position(|s| *s == name)
            .unwrap()
    };
    assert_eq!(today.xp[source("message")], 20);
    assert!(today.xp[source("daily")] > 0, "{today:?}");
    assert_eq!(today.xp[source("grant")], 200);
    assert_eq!(today.xp[source("learning")], 0);
    assert_eq!(today.spent, 100);
    let week = dash.membership.weeks.last().unwrap();
    assert_eq!(week.counts[2], 1, "one redemption: {week:?}");
}

#[tokio::test]
async fn membership_changes_are_counted_per_week_and_expiries_ahead_are_listed() {
    let app = spawn_app().await;
    let admin = console("admin");
    app.say(&console("alice"), "hi all").await;
    app.say(&console("bob"), "hi all").await;
    app.ask(&admin, "/member grant @alice pro 5d").await;
    app.ask(&admin, "/member grant @bob basic 30d").await;
    app.ask(&admin, "/member extend @bob basic 30d").await;
    let dash = dashboard(&app, 7).await;
    let week = dash.membership.weeks.last().unwrap();
    assert_eq!(&week.counts[..2], &[2, 1], "grants, renewals: {week:?}");
    assert_eq!(dash.membership.expiring_soon, vec![("Pro".to_owned(), 1)]);
    assert!(dash.membership.running.contains(&("Basic".to_owned(), 1)));
}

#[tokio::test]
async fn drops_are_ranked_by_bayesian_mean_with_reach_and_rating_rate() {
    let app = spawn_app().await;
    let admin = console("admin");
    app.ask(&admin, "/drop in 1m to announcements First tip")
        .await;
    app.ask(
        &admin,
        "/drop in 1m to announcements Second tip\n\n— shared by bob",
    )
    .await;
    app.advance(Duration::minutes(1));
    assert_eq!(app.tick().await.sent, 4);
    // Two five-star votes on #1; four members give #2 a 4.
    for name in ["a1", "a2"] {
        app.ask(&console(name), "/rate 1 5").await;
    }
    for name in ["b1", "b2", "b3", "b4"] {
        app.ask(&console(name), "/rate 2 4").await;
    }
    // Changing a rating changes the sum, not the count.
    app.ask(&console("b4"), "/rate 2 5").await;
    let dash = dashboard(&app, 1).await;
    let content = &dash.content;
    assert_eq!(content.drops.len(), 2);
    let first = &content.drops[0];
    assert_eq!(
        (first.row.sent, first.row.ratings, first.row.stars),
        (2, 2, 10)
    );
    assert_eq!(first.mean, Some(5.0));
    assert_eq!(first.rating_rate, Some(1.0));
    let second = &content.drops[1];
    assert_eq!((second.row.ratings, second.row.stars), (4, 17));
    // The excerpt is the first line: a credit below it is not cut off mid-way.
    assert_eq!(
        (first.row.excerpt.as_str(), second.row.excerpt.as_str()),
        ("First tip", "Second tip")
    );
    // The community mean is 27/6 = 4.5: #1 = (45 + 10) / 12, #2 = (45 + 17) / 14.
    assert!((first.bayesian.unwrap() - 55.0 / 12.0).abs() < 1e-9);
    assert!((second.bayesian.unwrap() - 62.0 / 14.0).abs() < 1e-9);
    assert_eq!(content.best.first(), Some(&1));
    assert_eq!(content.weeks.last().unwrap().drops, 2);
}

#[tokio::test]
async fn members_and_visitors_get_no_dashboard() {
    let app = spawn_app().await;
    let range = DayRange::last(7, app.engine.operations().today());
    let member = Viewer {
        member: Some(MemberId(1)),
        operator: false,
        tier_rank: None,
    };
    assert!(
        app.engine
            .operations()
            .dashboard(&member, range)
            .await
            .is_err()
    );
    assert!(
        app.engine
            .operations()
            .dashboard(&Viewer::VISITOR, range)
            .await
            .is_err()
    );
}

#[tokio::test]
async fn activity_is_written_at_shutdown_and_survives_a_restart() {
    let app = spawn_app().await;
    app.say(&console("alice"), "just before the restart").await;
    let app = app.restart().await;
    let dash = dashboard(&app, 1).await;
    assert_eq!(dash.activity.days[0].active, 1);
    assert_eq!(dash.activity.days[0].messages, 1);
}

async fn member_days(app: &TestApp) -> Vec<(i64, String)> {
    sqlx::query_as("SELECT member_id, day FROM member_days ORDER BY member_id, day")
        .fetch_all(&mut db(app).await)
        .await
        .unwrap()
}

#[tokio::test]
async fn per_day_rows_go_after_keep_days_but_the_counters_stay() {
    let app =
        spawn_app_with(&CONFIG.replace("[points]", "[analytics]\nkeep_days = 30\n\n[points]"))
            .await;
    app.say(&console("alice"), "an early message").await;
    app.engine.ingest().fold_step().await.unwrap();
    assert_eq!(member_days(&app).await.len(), 1);
    app.advance(Duration::days(40));
    app.tick().await;
    assert!(member_days(&app).await.is_empty());
    let dash = dashboard(&app, 41).await;
    assert_eq!(
        dash.activity.days[0].active, 1,
        "{:?}",
        dash.activity.days[0]
    );
    assert_eq!(dash.activity.days[0].messages, 1);
}

#[tokio::test]
async fn linking_two_accounts_adds_their_days_together() {
    let app = spawn_app().await;
    let (on_telegram, on_discord) = (telegram("111", "Alice"), discord("222", "alice_dc"));
    say_on(&app, &on_telegram, "hello from telegram").await;
    say_on(&app, &on_discord, "hello from discord").await;
    say_on(&app, &on_discord, "and once more").await;
    app.engine.ingest().fold_step().await.unwrap();
    let code = link_code(&app, &on_telegram).await;
    say_on(&app, &on_discord, &format!("/link {code}")).await;
    app.engine.ingest().fold_step().await.unwrap();
    // Both were active today: one member, one day.
    let days = member_days(&app).await;
    assert_eq!(days.len(), 1, "{days:?}");
    let dash = dashboard(&app, 1).await;
    // Two chat lines on Discord and one on Telegram; the code asked for and given are commands.
    assert_eq!(dash.activity.days[0].messages, 3);
    assert_eq!(dash.activity.days[0].commands, 2);
    assert_eq!(
        dash.activity.days[0].active, 2,
        "counted as two before they were one"
    );
}

#[tokio::test]
async fn the_member_count_follows_new_linked_and_erased_members() {
    let app = spawn_app().await;
    let members = |app: &TestApp| {
        let engine = app.engine.clone();
        async move {
            engine
                .operations()
                .overview(&OPERATOR)
                .await
                .unwrap()
                .counts
                .members
        }
    };
    let (on_telegram, on_discord, bob) = (
        telegram("111", "Alice"),
        discord("222", "alice_dc"),
        console("bob"),
    );
    say_on(&app, &on_telegram, "hello from telegram").await;
    say_on(&app, &on_discord, "hello from discord").await;
    app.say(&bob, "hello from the console").await;
    assert_eq!(members(&app).await, 3);
    let code = link_code(&app, &on_telegram).await;
    say_on(&app, &on_discord, &format!("/link {code}")).await;
    assert_eq!(members(&app).await, 2);
    app.ask(&bob, "/privacy delete").await;
    app.ask(&bob, "/privacy delete confirm").await;
    assert_eq!(members(&app).await, 1);
}
