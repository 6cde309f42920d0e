//! Tier roles follow memberships: granted with the tier, removed at expiry, and a role Discord
//! will not let Steward change is reported with the fix.

use serde_json::json;

use crate::harness::{self, bob, olga};
use crate::payloads::{MEMBER_PERMISSIONS, PRO_ROLE};

fn grant(duration: &str) -> serde_json::Value {
    json!([{"name": "grant", "type": 1, "options": [
        {"name": "member", "type": 6, "value": "502"},
        {"name": "tier", "type": 3, "value": "pro"},
        {"name": "duration", "type": 3, "value": duration}]}])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_member_grant_adds_the_role_and_expiry_removes_it() {
    let app = harness::spawn().await;
    let answer = app
        .slash(
            &olga(),
            MEMBER_PERMISSIONS,
            "member",
            grant("2s"),
            &[&bob()],
        )
        .await;
    assert!(answer.starts_with("Bob is now Pro until"), "{answer}");
    assert!(app.discord.has_role(502, PRO_ROLE));
    let put = format!("/guilds/1000/members/502/roles/{PRO_ROLE}");
    assert!(
        app.discord
            .calls()
            .iter()
            .any(|c| c.method == "PUT" && c.path == put)
    );
    // The scheduler wakes for the expiry and takes the role back.
    app.discord
        .wait_for_call("role removal", |c| c.method == "DELETE" && c.path == put)
        .await;
    assert!(!app.discord.has_role(502, PRO_ROLE));
    let membership = app
        .slash(&bob(), MEMBER_PERMISSIONS, "membership", json!([]), &[])
        .await;
    assert!(!membership.contains("Pro until"), "{membership}");
    app.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_role_hierarchy_problem_is_reported_with_the_fix() {
    let app = harness::spawn().await;
    app.discord.refuse_role_changes(true);
    let answer = app
        .slash(
            &olga(),
            MEMBER_PERMISSIONS,
            "member",
            grant("30d"),
            &[&bob()],
        )
        .await;
    assert!(answer.contains("Bob is now Pro until"), "{answer}");
    assert!(answer.contains("Manage Roles"), "{answer}");
    assert!(answer.contains("drag it above Pro"), "{answer}");
    assert!(!app.discord.has_role(502, PRO_ROLE));
    app.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_level_up_is_announced_and_gives_the_level_role() {
    let app = harness::spawn().await;
    let grant = json!([{"name": "add", "type": 1, "options": [
        {"name": "member", "type": 6, "value": "502"},
        {"name": "amount", "type": 4, "value": 300}]}]);
    let answer = app
        .slash(&olga(), MEMBER_PERMISSIONS, "points", grant, &[&bob()])
        .await;
    assert!(answer.contains("Level 2"), "{answer}");
    app.discord
        .wait_for_call("level role", |c| {
            c.method == "PUT" && c.path == "/guilds/1000/members/502/roles/1500"
        })
        .await;
    let announced = app
        .discord
        .wait_for_call("announcement", |c| {
            c.path == "/channels/1100/messages" && c.body["content"] == "🎉 Bob reached Level 2!"
        })
        .await;
    assert_eq!(announced.body["allowed_mentions"]["parse"], json!([]));
    app.shutdown().await;
}
