//! Tags and `/recommend` through Discord's slash forms: the tags option of a drop, `/drops tag`,
//! `/recommend` and its weekly switch.

use serde_json::json;

use crate::drops::posted_in;
use crate::harness::{self, alice, bob, olga};
use crate::payloads::{ANNOUNCEMENTS, MEMBER_PERMISSIONS};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_members_find_tagged_drops_and_get_picks_with_reasons() {
    let app = harness::spawn().await;
    for (text, tags) in [("Ownership", "rust"), ("Goroutines", "go")] {
        let form = json!([{"name": "schedule", "type": 1, "options": [
            {"name": "when", "type": 3, "value": "now"},
            {"name": "text", "type": 3, "value": text},
            {"name": "to", "type": 3, "value": "announcements"},
            {"name": "tags", "type": 3, "value": tags}]}]);
        let answer = app
            .slash(&olga(), MEMBER_PERMISSIONS, "drop", form, &[])
            .await;
        assert!(answer.ends_with(&format!("Tags: {tags}")), "{answer}");
        posted_in(&app, ANNOUNCEMENTS, text).await;
    }
    let tagged = app
        .slash(
            &bob(),
            MEMBER_PERMISSIONS,
            "drops",
            json!([{"name": "tag", "type": 3, "value": "rust"}]),
            &[],
        )
        .await;
    assert!(tagged.starts_with("Drops tagged rust:"), "{tagged}");
    assert!(
        tagged.contains("Ownership") && !tagged.contains("Goroutines"),
        "{tagged}"
    );

    let rate =
        json!([{"name": "id", "type": 4, "value": 1}, {"name": "stars", "type": 4, "value": 5}]);
    app.slash(&alice(), MEMBER_PERMISSIONS, "rate", rate, &[])
        .await;
    let picks = app
        .slash(&bob(), MEMBER_PERMISSIONS, "recommend", json!([]), &[])
        .await;
    assert!(
        picks.starts_with("Picked for you:\n1. #1 Ownership — rated ★"),
        "{picks}"
    );
    assert!(
        picks.contains("2. #2 Goroutines — new, not rated yet"),
        "{picks}"
    );
    let weekly = app
        .slash(
            &bob(),
            MEMBER_PERMISSIONS,
            "recommend",
            json!([{"name": "weekly", "type": 3, "value": "on"}]),
            &[],
        )
        .await;
    assert!(weekly.starts_with("Your picks will come by DM"), "{weekly}");
    app.shutdown().await;
}
