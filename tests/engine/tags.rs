//! Tags on drops: given when scheduling or set later, shown by `/drop show`, and `/drops tag X`
//! lists what a member may see with that tag, delivered or still to come.

use crate::helpers::*;

#[tokio::test]
async fn members_find_drops_by_tag_but_only_those_their_tier_reaches() {
    let app = spawn_app().await;
    let admin = console("admin");
    let bob = console("bob");
    app.say(&bob, "hello").await;
    let scheduled = app
        .ask(&admin, "/drop now tags Rust,async Futures explained")
        .await;
    assert!(scheduled.ends_with("\nTags: rust, async"), "{scheduled}");
    app.ask(&admin, "/drop now tags go Goroutines").await;
    app.ask(&admin, "/drop in 1h tier pro tags rust Pro: unsafe Rust")
        .await;
    app.tick().await;

    let found = app.ask(&bob, "/drops tag #RUST").await;
    assert!(found.starts_with("Drops tagged rust:"), "{found}");
    assert!(found.contains("Futures explained"), "{found}");
    assert!(!found.contains("Goroutines"), "{found}");
    assert!(!found.contains("unsafe"), "a member below pro: {found}");
    app.ask(&admin, "/member grant @bob pro 30d").await;
    let found = app.ask(&bob, "/drops rust").await;
    assert!(found.contains("Pro: unsafe Rust"), "{found}");

    assert!(
        app.ask(&admin, "/drop show 1")
            .await
            .contains("Tags: async, rust")
    );
    assert_eq!(
        app.ask(&admin, "/drop tags 2 go,concurrency").await,
        "Drop #2 is now tagged go, concurrency."
    );
    assert_eq!(
        app.ask(&admin, "/drop tags 1 none").await,
        "Drop #1 has no tags now."
    );
    assert_eq!(
        app.ask(&bob, "/drops tag async").await,
        "No drop you can see is tagged async."
    );
}

#[tokio::test]
async fn a_bad_tag_says_what_a_tag_is_and_schedules_nothing() {
    let app = spawn_app().await;
    let admin = console("admin");
    let reply = app.ask(&admin, "/drop now tags rust/async hi").await;
    assert!(reply.contains("“rust/async” is not a tag"), "{reply}");
    assert!(reply.contains("/drop WHEN"), "shows the usage: {reply}");
    assert!(
        app.ask(&admin, "/drop list")
            .await
            .contains("No drops are scheduled")
    );
    let reply = app.ask(&console("bob"), "/drops tag a b").await;
    assert!(reply.contains("Give one tag"), "{reply}");
}
