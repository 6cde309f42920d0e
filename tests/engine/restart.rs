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
