use chrono::{DateTime, Duration, Utc};
use steward_testkit::Sent;

use crate::helpers::*;

#[tokio::test]
async fn a_season_counts_xp_from_its_start_and_keeps_its_table_after_the_end() {
    let app = spawn_app().await;
    let (admin, alice, bob) = (console("admin"), console("alice"), console("bob"));
    app.say(&alice, "before the season").await;
    let started = app.ask(&admin, "/season start Advent of Code").await;
    assert!(
        started.starts_with("Season “Advent of Code” has started"),
        "{started}"
    );
    app.advance(Duration::minutes(2));
    app.say(&bob, "during the season").await;
    app.ask(&admin, "/points add @alice 5").await;
    let table = app.ask(&alice, "/leaderboard season").await;
    assert!(
        table.contains("#1 bob: 20 XP") && table.contains("#2 alice: 5 XP"),
        "{table}"
    );

    let ended = app.ask(&admin, "/season end").await;
    assert!(
        ended.contains("Season “Advent of Code” has ended"),
        "{ended}"
    );
    assert!(
        ended.contains("final top 10") && ended.contains("#1 bob: 20 XP"),
        "{ended}"
    );
    app.advance(Duration::minutes(2));
    app.say(&bob, "after the season").await;
    let archived = app.ask(&alice, "/leaderboard season advent of code").await;
    assert!(
        archived.contains("(ended)") && archived.contains("#1 bob: 20 XP"),
        "{archived}"
    );
}

#[tokio::test]
async fn one_season_at_a_time_with_unique_names() {
    let app = spawn_app().await;
    let admin = console("admin");
    app.ask(&admin, "/season start Spring").await;
    assert!(
        app.ask(&admin, "/season start Summer")
            .await
            .contains("“Spring” is still running")
    );
    app.ask(&admin, "/season end").await;
    assert!(
        app.ask(&admin, "/season start spring")
            .await
            .contains("already a season called")
    );
    assert!(
        app.ask(&admin, "/season end")
            .await
            .contains("No season is running")
    );
    let none = app.ask(&admin, "/leaderboard season Winter").await;
    assert_eq!(none, "There is no season called “Winter”.");
}

#[tokio::test]
async fn a_season_with_an_end_date_ends_itself_and_announces_the_top_ten() {
    let app = spawn_app().await;
    let (admin, alice) = (console("admin"), console("alice"));
    let started = app
        .ask(&admin, "/season start Hackathon until 2026-11-27")
        .await;
    assert!(
        started.contains("runs until 2026-11-28 00:00 (Europe/Berlin)"),
        "{started}"
    );
    app.say(&alice, "shipping").await;
    let before: DateTime<Utc> = "2026-11-27T22:59:59Z".parse().unwrap();
    assert!(
        app.engine
            .scheduler()
            .tick(before)
            .await
            .unwrap()
            .seasons_ended
            .is_empty()
    );
    let end: DateTime<Utc> = "2026-11-27T23:00:00Z".parse().unwrap();
    app.clock.set(end);
    assert_eq!(
        app.engine
            .scheduler()
            .tick(end)
            .await
            .unwrap()
            .seasons_ended,
        vec!["Hackathon".to_owned()]
    );
    let posts = app.posts();
    let Some(Sent::Post { chat, text }) = posts.last() else {
        panic!("no announcement: {posts:?}")
    };
    assert_eq!(chat, &general());
    assert!(
        text.contains("“Hackathon” has ended") && text.contains("#1 alice: 20 XP"),
        "{text}"
    );
    assert!(
        app.engine
            .scheduler()
            .tick(end)
            .await
            .unwrap()
            .seasons_ended
            .is_empty(),
        "ends once"
    );
}

#[tokio::test]
async fn an_end_date_in_the_past_is_refused() {
    let app = spawn_app().await;
    let reply = app
        .ask(&console("admin"), "/season start Old until 2026-01-01")
        .await;
    assert_eq!(reply, "That end date has already passed; pick a later one.");
}

#[tokio::test]
async fn a_season_whose_name_ends_in_a_number_is_found_before_a_page_is_read() {
    let app = spawn_app().await;
    let (admin, alice) = (console("admin"), console("alice"));
    app.ask(&admin, "/season start Spring 2026").await;
    app.say(&alice, "a message in spring").await;
    let table = app.ask(&alice, "/leaderboard season Spring 2026").await;
    assert!(
        table.contains("season “Spring 2026”") && table.contains("alice"),
        "{table}"
    );
    let paged = app.ask(&alice, "/leaderboard season Spring 2026 2").await;
    assert!(paged.contains("season “Spring 2026”"), "{paged}");
    assert!(
        !paged.contains("alice"),
        "page 2 is past the one row: {paged}"
    );
    let running = app.ask(&alice, "/leaderboard season").await;
    assert!(running.contains("alice"), "{running}");
    assert_eq!(
        app.ask(&alice, "/leaderboard season Autumn 2026").await,
        "There is no season called “Autumn 2026”."
    );
}
