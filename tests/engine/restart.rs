use chrono::Duration;

use crate::helpers::*;

#[tokio::test]
async fn everything_survives_a_restart() {
    let app = spawn_app().await;
    let (admin, alice, bob) = (console("admin"), console("alice"), console("bob"));
    app.say(&alice, "hello").await;
    app.ask(&alice, "/daily").await;
    app.say(&bob, "hi").await;
    app.ask(&alice, "/thanks @bob").await;
    app.ask(&admin, "/season start Winter").await;
    app.ask(&admin, "/points add @bob 100").await;
    app.ask(&bob, "/privacy hide").await;
    let rank_before = app.ask(&alice, "/rank").await;
    let board_before = app.ask(&alice, "/leaderboard").await;
    let season_before = app.ask(&alice, "/leaderboard season").await;

    let app = app.restart().await;
    assert_eq!(app.ask(&alice, "/rank").await, rank_before);
    assert_eq!(app.ask(&alice, "/leaderboard").await, board_before);
    assert_eq!(app.ask(&alice, "/leaderboard season").await, season_before);
    assert!(
        app.ask(&alice, "/daily")
            .await
            .contains("already checked in")
    );
    assert_eq!(
        app.ask(&alice, "/thanks @bob").await,
        "You've already thanked them today."
    );
    // The cooldown is stored, not only remembered.
    app.say(&alice, "right after the restart").await;
    assert_eq!(xp_in(&app.ask(&alice, "/rank").await), 70);
    app.advance(Duration::days(1));
    assert!(app.ask(&alice, "/daily").await.contains("Streak: 2 days"));
}

#[tokio::test]
async fn a_second_store_on_a_database_in_use_is_refused_until_the_first_closes() {
    let app = spawn_app().await;
    let refused = steward::store::Store::open(&app.db_path)
        .await
        .err()
        .unwrap();
    let text = refused.to_string();
    assert!(
        text.contains(&format!(
            "another Steward process (pid {})",
            std::process::id()
        )),
        "{text}"
    );
    let path = app.db_path.clone();
    app.engine.shutdown().await;
    let reopened = steward::store::Store::open(&path).await.unwrap();
    reopened.close().await;
}
