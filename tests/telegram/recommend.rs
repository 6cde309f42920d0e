//! Tags and `/recommend` typed in a Telegram group.

use crate::harness::*;

#[tokio::test]
async fn telegram_members_find_tagged_drops_and_get_picks_with_reasons() {
    let app = spawn().await;
    app.fake
        .say(
            GROUP,
            operator(),
            "/drop now tags rust,async Futures explained",
        )
        .await;
    let scheduled = app.fake.reply_in(GROUP, "Scheduled drop #1").await;
    assert!(scheduled.ends_with("Tags: rust, async"), "{scheduled}");
    app.fake.say(GROUP, operator(), "/drop now Git tips").await;
    app.fake.reply_in(GROUP, "Scheduled drop #2").await;
    app.fake
        .wait_for("sendmessage", |b| {
            b["text"] == serde_json::json!("Git tips")
        })
        .await;
    app.fake.say(GROUP, alice(), "/rate 1 5").await;
    app.fake.reply_in(GROUP, "You rated drop #1").await;
    app.fake.say(GROUP, bob(), "/drops tag async").await;
    let tagged = app.fake.reply_in(GROUP, "Drops tagged async:").await;
    assert!(tagged.contains("Futures explained"), "{tagged}");
    app.fake.say(GROUP, bob(), "/recommend").await;
    let picks = app.fake.reply_in(GROUP, "Picked for you:").await;
    assert!(
        picks.contains("1. #1 Futures explained — rated ★"),
        "{picks}"
    );
    assert!(
        picks.contains("#2 Git tips — new, not rated yet"),
        "{picks}"
    );
    app.shutdown().await;
}
