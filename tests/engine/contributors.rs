//! The top contributors of a range: XP earned by taking part (not grants taken back or
//! imports), thanks received, submissions accepted.

use chrono::Duration;
use steward::core::access::Viewer;
use steward::core::analytics::range::DayRange;
use steward::core::ids::MemberId;

use crate::helpers::*;

const OPERATOR: Viewer = Viewer {
    member: Some(MemberId(1)),
    operator: true,
    tier_rank: None,
};

#[tokio::test]
async fn the_ranges_contributors_are_listed_by_what_they_gave() {
    let app = spawn_app().await;
    let (admin, alice, bob, carol) = (
        console("admin"),
        console("alice"),
        console("bob"),
        console("carol"),
    );
    app.ask(&admin, "/help").await;
    app.say(&alice, "a long and useful answer").await;
    app.say(&bob, "a question").await;
    app.say(&carol, "hello").await;
    app.ask(&bob, "/thanks @alice for the answer").await;
    app.ask(&carol, "/thanks @alice").await;
    app.ask(&carol, "/submit Tip: cargo nextest runs tests in parallel")
        .await;
    app.ask(&admin, "/review approve 1 now").await;
    // Removed XP does not count as earned.
    app.ask(&admin, "/points remove @bob 10 spam").await;
    app.engine.ingest().fold_step().await.unwrap();
    app.advance(Duration::minutes(1));
    let today = app.engine.operations().today();
    let top = app
        .engine
        .operations()
        .contributors(&OPERATOR, DayRange::last(1, today))
        .await
        .unwrap();
    // Carol: a chat line and an accepted submission; Alice: a line and two thanks; Bob's
    // line, the removal aside.
    let xp: Vec<(&str, i64)> = top
        .by_xp
        .iter()
        .map(|t| (t.name.as_str(), t.value))
        .collect();
    assert_eq!(xp, [("carol", 120), ("alice", 40), ("bob", 20)], "{top:?}");
    assert_eq!(
        (top.by_thanks[0].name.as_str(), top.by_thanks[0].value),
        ("alice", 2)
    );
    assert_eq!(
        (
            top.by_submissions[0].name.as_str(),
            top.by_submissions[0].value
        ),
        ("carol", 1)
    );
    let member = Viewer {
        member: Some(MemberId(2)),
        operator: false,
        tier_rank: None,
    };
    assert!(
        app.engine
            .operations()
            .contributors(&member, DayRange::last(1, today))
            .await
            .is_err()
    );
}
