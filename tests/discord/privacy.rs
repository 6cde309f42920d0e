//! `/privacy export` on Discord: serenity attaches the member's data to a DM.

use serde_json::json;

use crate::harness::{self, alice};
use crate::payloads::MEMBER_PERMISSIONS;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_privacy_export_arrives_as_an_attachment_in_the_members_dm() {
    let app = harness::spawn().await;
    let export = json!([{"name": "export", "type": 1, "options": []}]);
    let answer = app
        .slash(&alice(), MEMBER_PERMISSIONS, "privacy", export, &[])
        .await;
    assert!(
        answer.starts_with("I sent your data to you by direct message: steward-data-"),
        "{answer}"
    );
    let upload = app
        .discord
        .wait_for_call("an attachment in a DM", |c| {
            c.method == "POST" && c.path.starts_with("/channels/8") && c.body["_raw"].is_string()
        })
        .await;
    let form = upload.body["_raw"].as_str().unwrap();
    assert!(form.contains("filename=\"steward-data-"), "{form}");
    assert!(
        form.contains("\"format\": \"steward-member-data\""),
        "{form}"
    );
    app.shutdown().await;
}
