//! `/recommend`: three drops a member has not rated or finished and may access, each with its
//! reason; and the weekly "for you" DM, sent once a week to those who asked for it.

use chrono::Duration;

use steward_testkit::Sent;

use crate::helpers::*;

/// Five drops, rated by five fans of Rust (who are Pro, so they see the Pro drop too).
async fn community(app: &TestApp) {
    let admin = console("admin");
    for drop in [
        "/drop now tags rust Ownership",
        "/drop now tags rust Borrowing",
        "/drop now tags go Goroutines",
        "/drop now tier pro to lounge tags rust Unsafe Rust",
        "/drop now tags rust Traits",
    ] {
        app.ask(&admin, drop).await;
    }
    app.tick().await;
    app.ask(&admin, "/course create rust-101 Rust basics").await;
    app.ask(&admin, "/course add rust-101 5").await;
    for name in ["f1", "f2", "f3", "f4", "f5"] {
        let fan = console(name);
        app.say(&fan, "hi").await;
        app.ask(&admin, &format!("/member grant @{name} pro 30d"))
            .await;
        for (drop, stars) in [(1, 5), (2, 5), (3, 2), (4, 5)] {
            app.ask(&fan, &format!("/rate {drop} {stars}")).await;
        }
    }
}

#[tokio::test]
async fn picks_follow_what_the_member_liked_and_never_offer_what_they_may_not_see() {
    let app = spawn_app().await;
    community(&app).await;
    let bob = console("bob");
    app.ask(&bob, "/rate 1 5").await;
    app.ask(&bob, "/done 5").await;
    let picks = app.ask(&bob, "/recommend").await;
    let lines: Vec<&str> = picks.lines().collect();
    assert_eq!(lines[0], "Picked for you:", "{picks}");
    assert_eq!(
        lines[1], "1. #2 Borrowing — because you rated #1 ★5",
        "{picks}"
    );
    assert!(lines[2].starts_with("2. #3 Goroutines"), "{picks}");
    assert!(
        !picks.contains("Unsafe"),
        "a Pro drop for a free member: {picks}"
    );
    assert!(!picks.contains("#1 Ownership"), "already rated: {picks}");
    assert!(!picks.contains("Traits"), "a lesson they finished: {picks}");
    assert!(picks.ends_with("/recommend weekly on"), "{picks}");

    // A Pro member is offered the Pro drop, rated best by the community.
    let pro = app.ask(&console("f1"), "/recommend").await;
    assert!(pro.contains("#5 Traits"), "{pro}");
    app.ask(&console("admin"), "/member grant @bob pro 30d")
        .await;
    assert!(app.ask(&bob, "/recommend").await.contains("#4 Unsafe Rust"));

    for drop in [2, 3, 4] {
        app.ask(&bob, &format!("/rate {drop} 4")).await;
    }
    let nothing = app.ask(&bob, "/recommend").await;
    assert!(nothing.starts_with("Nothing new to recommend"), "{nothing}");
}

#[tokio::test]
async fn the_weekly_dm_goes_once_a_week_to_those_who_asked() {
    let app = spawn_app().await;
    community(&app).await;
    let bob = console("bob");
    app.ask(&bob, "/rate 1 5").await;
    let on = app.ask(&bob, "/recommend weekly on").await;
    assert_eq!(
        on,
        "Your picks will come by DM every mon at 09:00. Stop them with /recommend weekly off."
    );
    app.posts();
    // Wednesday 10:00 to Monday 09:00 in Berlin.
    app.advance(Duration::days(4) + Duration::hours(23));
    assert_eq!(app.tick().await.recommendations_sent, 1);
    let dms: Vec<String> = app
        .posts()
        .into_iter()
        .filter_map(|s| match s {
            Sent::Dm { to, text } if to.user_id == "bob" => Some(text),
            _ => None,
        })
        .collect();
    assert_eq!(dms.len(), 1, "{dms:?}");
    assert!(dms[0].starts_with("Your weekly picks"), "{dms:?}");
    assert!(dms[0].contains("#2 Borrowing"), "{dms:?}");
    assert_eq!(app.tick().await.recommendations_sent, 0, "once a week");
    let app = app.restart().await;
    assert_eq!(
        app.tick().await.recommendations_sent,
        0,
        "a restart sends none"
    );
    app.ask(&bob, "/recommend weekly off").await;
    app.advance(Duration::days(7));
    assert_eq!(app.tick().await.recommendations_sent, 0);
}
