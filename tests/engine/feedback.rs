//! Written feedback on drops: only on a drop that reached the member, sent to the operators
//! with its author, a few per member and drop, listed by `/drop stats`, and gone with an
//! erasure.

use steward_testkit::Sent;

use crate::helpers::*;

#[tokio::test]
async fn feedback_reaches_the_operators_and_drop_stats_and_leaves_with_an_erasure() {
    let app = spawn_app().await;
    let admin = console("admin");
    app.ask(&admin, "/drop in 1h Lesson one: ownership").await;
    let bob = console("bob");
    assert_eq!(
        app.ask(&bob, "/feedback 1 The example does not compile")
            .await,
        "Drop #1 has not reached you, so there is nothing to give feedback on yet."
    );
    app.advance(chrono::Duration::hours(1));
    app.tick().await;
    app.posts();
    assert_eq!(
        app.ask(&bob, "/feedback 1 The example does not compile")
            .await,
        "Thank you: your feedback on drop #1 went to the operators (other members do not see it)."
    );
    let told = app.posts().into_iter().any(|s| {
        matches!(s, Sent::Dm { to, text } if to == admin.profile.account
            && text == "📝 Feedback on drop #1 from bob: The example does not compile")
    });
    assert!(told, "the operator was told");
    for n in 2..=3 {
        app.ask(&bob, &format!("/feedback 1 note {n}")).await;
    }
    assert_eq!(
        app.ask(&bob, "/feedback 1 one more").await,
        "You have left 3 notes on drop #1 already; the operators have them."
    );
    let stats = app.ask(&admin, "/drop stats 1").await;
    assert!(stats.contains("Latest feedback:"), "{stats}");
    assert!(
        stats.contains("bob: The example does not compile"),
        "{stats}"
    );
    let usage = app.ask(&bob, "/feedback 1").await;
    assert!(usage.contains("/feedback ID TEXT"), "{usage}");
    // Erased, their words go.
    app.ask(&bob, "/privacy delete").await;
    let erased = app.ask(&bob, "/privacy delete confirm").await;
    assert!(
        erased.contains("erased") || erased.contains("Erased"),
        "{erased}"
    );
    let stats = app.ask(&admin, "/drop stats 1").await;
    assert!(!stats.contains("compile"), "{stats}");
}
