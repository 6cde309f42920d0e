//! `/web` on Discord: the login link goes by DM with embeds suppressed, so Discord's preview
//! fetcher does not open it before the member does.

use serde_json::json;

use crate::harness::{self, alice};
use crate::payloads::MEMBER_PERMISSIONS;

/// Discord's SUPPRESS_EMBEDS message flag.
const SUPPRESS_EMBEDS: u64 = 1 << 2;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_sends_the_login_link_without_an_embed() {
    let app = harness::spawn().await;
    let answer = app
        .slash(&alice(), MEMBER_PERMISSIONS, "web", json!([]), &[])
        .await;
    assert!(answer.starts_with("I sent you a login link"), "{answer}");
    let dm = app
        .discord
        .wait_for_call("the login link by DM", |c| {
            c.method == "POST"
                && c.path.ends_with("/messages")
                && c.body["content"]
                    .as_str()
                    .is_some_and(|t| t.contains("/login/"))
        })
        .await;
    let flags = dm.body["flags"].as_u64().unwrap_or_default();
    assert_eq!(flags & SUPPRESS_EMBEDS, SUPPRESS_EMBEDS, "{:#?}", dm.body);
    app.shutdown().await;
}
