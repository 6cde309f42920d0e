//! Discord App Subscriptions: an entitlement to a plan's SKU gives the tier's role, and its
//! end takes the role back; an entitlement to another SKU changes nothing.

use serde_json::{Value, json};

use crate::harness;
use crate::payloads::{self, APP_ID, PRO_ROLE};

fn entitlement(sku: &str, ends_at: Value) -> Value {
    json!({"id": "9100", "sku_id": sku, "application_id": APP_ID.to_string(), "user_id": "503",
           "type": 8, "deleted": false, "starts_at": "2026-11-25T09:00:00+00:00",
           "ends_at": ends_at, "guild_id": null, "consumed": false})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_app_subscription_gives_the_tier_role_until_discord_ends_it() {
    let app = harness::spawn().await;
    let put = format!("/guilds/1000/members/503/roles/{PRO_ROLE}");
    app.discord
        .dispatch("ENTITLEMENT_CREATE", entitlement("8801", Value::Null));
    app.discord
        .dispatch("ENTITLEMENT_CREATE", entitlement("8800", Value::Null));
    app.discord
        .wait_for_call("the tier role", |c| c.method == "PUT" && c.path == put)
        .await;
    assert!(app.discord.has_role(503, PRO_ROLE));
    let buyer = app
        .engine
        .store()
        .member_of(&steward::core::ids::AccountRef::new(
            steward::core::ids::Platform::Discord,
            "503",
        ))
        .await
        .unwrap()
        .expect("the buyer is a member");
    assert_eq!(
        app.engine.store().member(buyer).await.unwrap().display_name,
        "Buyer"
    );
    // Discord names the end when the subscription ends.
    app.discord.dispatch(
        "ENTITLEMENT_UPDATE",
        entitlement("8800", json!("2026-11-25T08:00:00+00:00")),
    );
    app.discord
        .wait_for_call("the role taken back", |c| {
            c.method == "DELETE" && c.path == put
        })
        .await;
    assert!(!app.discord.has_role(503, PRO_ROLE));
    let puts = app
        .discord
        .calls()
        .iter()
        .filter(|c| c.method == "PUT" && c.path == put)
        .count();
    assert_eq!(puts, 1, "the other SKU gave nothing");
    app.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_subscribe_offers_the_plans_as_the_member_types() {
    let app = harness::spawn().await;
    let id = app.discord.next_id();
    let typing =
        payloads::autocomplete(id, &harness::alice(), "subscribe", None, ("plan", 3, "pro"));
    app.discord.dispatch("INTERACTION_CREATE", typing);
    let choices = app.discord.callback_of(id).await;
    assert_eq!(choices["data"]["choices"][0]["value"], "pro-discord");
    let label = choices["data"]["choices"][0]["name"].as_str().unwrap();
    assert_eq!(
        label,
        "pro-discord: Pro, 30d — a subscription in Discord's store"
    );
    app.shutdown().await;
}
