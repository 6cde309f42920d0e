//! Media in drops on Discord: "Schedule as drop" on a message with an attachment records the
//! file (name, type, size, its CDN address), and `/drop show` lists it.

use serde_json::json;

use crate::harness::{self, *};
use crate::payloads::{self, MEMBER_PERMISSIONS};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_schedule_as_drop_records_the_message_s_attachment() {
    let app = harness::spawn().await;
    let source_id = app.discord.next_id();
    let mut source = payloads::message(source_id, payloads::GENERAL, &alice(), "Week 3 slides");
    // An attachment as Discord sends it (the Attachment object).
    source["attachments"] = json!([{
        "id": "4401", "filename": "slides.pdf", "size": 3_145_728,
        "url": "https://cdn.discordapp.com/attachments/1100/4401/slides.pdf",
        "proxy_url": "https://media.discordapp.net/attachments/1100/4401/slides.pdf",
        "content_type": "application/pdf"
    }]);
    let id = app.discord.next_id();
    app.discord.dispatch(
        "INTERACTION_CREATE",
        payloads::message_command(id, &olga(), &source),
    );
    let form = app.discord.callback_of(id).await;
    let custom_id = form["data"]["custom_id"].as_str().unwrap().to_owned();
    let submit = app.discord.next_id();
    let fields = [("when", "tomorrow 09:00"), ("options", "")];
    app.discord.dispatch(
        "INTERACTION_CREATE",
        payloads::modal_submit(submit, &olga(), &custom_id, &fields),
    );
    let answer = app.discord.answer_to(submit).await;
    assert!(answer.starts_with("Scheduled drop #1"), "{answer}");
    let show = json!([{"name": "show", "type": 1, "options": [
        {"name": "id", "type": 4, "value": 1}]}]);
    let shown = app
        .slash(&olga(), MEMBER_PERMISSIONS, "drop", show, &[])
        .await;
    assert!(
        shown.contains("1 file:\n· document: slides.pdf (application/pdf, 3.0 MB)"),
        "{shown}"
    );
    app.shutdown().await;
}
