//! Media in drops across Discord and Telegram, through serenity and teloxide against the fakes:
//! "Schedule as drop" on a message with an attachment records the file and `/drop show` lists
//! it; a PDF made on Discord arrives on Telegram as a document (and on Discord, which cannot
//! copy a message, as an attachment again), even after its original is deleted; a photo lesson
//! made on Telegram arrives on Discord as an attachment with its caption; a 60 MB video goes to
//! Telegram as a signed link that only the drop's tier opens.

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use steward::core::access::Viewer;
use steward::core::ids::MemberId;
use steward::core::media_links::MediaLink;

use crate::drops::posted_in;
use crate::fake_bot_api::{self, FakeBotApi};
use crate::harness::{self, *};
use crate::payloads::{self, ANNOUNCEMENTS, MEMBER_PERMISSIONS};

fn sha(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Olga schedules `source` with Discord's "Schedule as drop" form; the answer.
async fn schedule_as_drop(app: &harness::App, source: &Value, when: &str, options: &str) -> String {
    let id = app.discord.next_id();
    app.discord.dispatch(
        "INTERACTION_CREATE",
        payloads::message_command(id, &olga(), source),
    );
    let form = app.discord.callback_of(id).await;
    let custom_id = form["data"]["custom_id"].as_str().unwrap().to_owned();
    let submit = app.discord.next_id();
    let fields = [("when", when), ("options", options)];
    app.discord.dispatch(
        "INTERACTION_CREATE",
        payloads::modal_submit(submit, &olga(), &custom_id, &fields),
    );
    app.discord.answer_to(submit).await
}

/// Telegram calls of `method` to `chat` so far, waiting (up to 15 s) until there are `n`.
async fn calls_to(fake: &FakeBotApi, method: &str, chat: i64, n: usize) -> Vec<Value> {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let calls: Vec<Value> = fake
            .calls()
            .await
            .into_iter()
            .filter(|c| c.method == method && c.body["chat_id"] == json!(chat))
            .map(|c| c.body)
            .collect();
        if calls.len() >= n || Instant::now() > deadline {
            return calls;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_schedule_as_drop_records_the_message_s_attachment() {
    let app = harness::spawn().await;
    let source_id = app.discord.next_id();
    let mut source = payloads::message(source_id, payloads::GENERAL, &alice(), "Week 3 slides");
    let pdf = app
        .discord
        .attachment("slides.pdf", "application/pdf", vec![b'%'; 3_145_728]);
    source["attachments"] = json!([pdf]);
    let answer = schedule_as_drop(&app, &source, "tomorrow 09:00", "").await;
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pdf_made_on_discord_arrives_on_telegram_as_a_document_after_its_original_is_deleted() {
    let app = harness::spawn_both().await;
    let telegram = app.telegram.as_ref().unwrap();
    let pdf: Vec<u8> = b"%PDF-1.7\n"
        .iter()
        .copied()
        .chain((0..400_000u32).map(|i| (i % 253) as u8))
        .collect();
    let attachment = app
        .discord
        .attachment("slides.pdf", "application/pdf", pdf.clone());
    let mut source = payloads::message(
        app.discord.next_id(),
        payloads::GENERAL,
        &alice(),
        "Week 3 slides",
    );
    source["attachments"] = json!([attachment]);
    let answer = schedule_as_drop(&app, &source, "in 2s", "to announcements").await;
    assert!(answer.starts_with("Scheduled drop #1"), "{answer}");
    assert!(!answer.contains("could not"), "{answer}");
    // The message is deleted before the drop is due: the copy fetched at scheduling delivers.
    app.discord.delete_attachment(&attachment);
    let docs = calls_to(telegram, "senddocument", TELEGRAM_GROUP, 1).await;
    assert_eq!(docs.len(), 1, "one document to the group");
    let doc = &docs[0];
    assert_eq!(doc["caption"], "Week 3 slides");
    assert_eq!(doc["_files"][0]["name"], "slides.pdf");
    assert_eq!(doc["_files"][0]["sha256"], sha(&pdf));
    assert!(
        doc["reply_markup"]["inline_keyboard"][0]
            .as_array()
            .is_some_and(|row| row.len() == 5),
        "rating buttons under it: {doc}"
    );
    // Discord cannot copy a message: the drop is posted again with the file attached.
    let posted = posted_in(&app, ANNOUNCEMENTS, "Week 3 slides").await;
    assert_eq!(posted["attachments"][0]["filename"], "slides.pdf");
    assert_eq!(posted["attachments"][0]["sha256"], sha(&pdf));
    assert!(!posted["components"].as_array().unwrap().is_empty());
    app.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_photo_lesson_made_on_telegram_arrives_on_discord_as_an_attachment_with_its_caption() {
    let app = harness::spawn_both().await;
    let telegram = app.telegram.as_ref().unwrap();
    let olga_tg = fake_bot_api::user(900, "Olga");
    telegram.set_admins(TELEGRAM_GROUP, &[900]).await;
    let png: Vec<u8> = (0..120_000u32).map(|i| (i % 241) as u8).collect();
    telegram.put_file("photo-big", png.clone()).await;
    let photo = json!({"message_id": 41, "date": 1_800_000_000,
    "chat": fake_bot_api::chat(TELEGRAM_GROUP), "from": fake_bot_api::user(501, "Alice"),
    "caption": "Lesson 4: lifetimes",
    "photo": [
        {"file_id": "photo-small", "file_unique_id": "s", "width": 90, "height": 90, "file_size": 900},
        {"file_id": "photo-big", "file_unique_id": "b", "width": 1280, "height": 720, "file_size": 120_000}
    ]});
    telegram
        .say_with(
            TELEGRAM_GROUP,
            olga_tg,
            "/drop in 2s to announcements",
            |m| {
                m["reply_to_message"] = photo.clone();
            },
        )
        .await;
    let answer = telegram.reply_in(TELEGRAM_GROUP, "Scheduled drop #1").await;
    assert!(!answer.contains("could not"), "{answer}");
    let posted = posted_in(&app, ANNOUNCEMENTS, "Lesson 4: lifetimes").await;
    let attached = posted["attachments"].as_array().unwrap();
    assert_eq!(attached.len(), 1, "the largest size only: {posted}");
    assert_eq!(attached[0]["sha256"], sha(&png));
    assert!(
        attached[0]["filename"].as_str().unwrap().ends_with(".jpg"),
        "{posted}"
    );
    // On Telegram itself it is copied, caption and all.
    let copies = calls_to(telegram, "copymessage", TELEGRAM_GROUP, 1).await;
    assert_eq!(copies[0]["message_id"], 41);
    app.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_60_mb_video_goes_to_telegram_as_a_signed_link_a_free_member_cannot_open() {
    let app = harness::spawn_both_with(
        "[[tiers]]\nid = \"vip\"\nname = \"VIP\"\nrank = 2\ngated_channels = [\"vip\"]\n\n\
         [channels.vip]\ntelegram = -300\n",
    )
    .await;
    let telegram = app.telegram.as_ref().unwrap();
    let video = vec![0x42u8; 60 * 1024 * 1024];
    let attachment = app
        .discord
        .attachment("session.mp4", "video/mp4", video.clone());
    let mut source = payloads::message(
        app.discord.next_id(),
        payloads::GENERAL,
        &alice(),
        "Live session",
    );
    source["attachments"] = json!([attachment]);
    let answer = schedule_as_drop(&app, &source, "in 2s", "to vip tier vip").await;
    assert!(answer.starts_with("Scheduled drop #1"), "{answer}");
    assert!(
        answer.contains("session.mp4 (60.0 MB) is over Telegram's 50.0 MB upload limit"),
        "told once, when scheduling: {answer}"
    );
    let text = telegram.reply_in(-300, "/media/1/0?exp=").await;
    assert!(
        text.starts_with("Live session\n\nsession.mp4 (60.0 MB): http"),
        "{text}"
    );
    assert!(calls_to(telegram, "sendvideo", -300, 0).await.is_empty());
    let link = text.rsplit(' ').next().unwrap();
    let query = link.split_once('?').unwrap().1;
    let param = |name: &str| {
        query
            .split('&')
            .find_map(|p| p.strip_prefix(name))
            .unwrap()
            .to_owned()
    };
    let named = MediaLink {
        drop_id: 1,
        position: 0,
        expires: param("exp=").parse().unwrap(),
    };
    let sig = param("sig=");
    let drops = app.engine.drops();
    let free = Viewer::member(MemberId(1)).holding(None);
    let pro = Viewer::member(MemberId(1)).holding(Some(1));
    let vip = Viewer::member(MemberId(1)).holding(Some(2));
    for refused in [Viewer::VISITOR, free, pro] {
        assert!(
            drops
                .media_file(&refused, named, &sig)
                .await
                .unwrap()
                .is_none()
        );
    }
    let file = drops.media_file(&vip, named, &sig).await.unwrap().unwrap();
    assert_eq!(file.bytes.len(), video.len());
    app.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_slash_drop_carries_the_file_given_in_its_attachment_option() {
    let app = harness::spawn_both().await;
    let telegram = app.telegram.as_ref().unwrap();
    let png: Vec<u8> = (0..40_000u32).map(|i| (i % 239) as u8).collect();
    let attachment = app
        .discord
        .attachment("diagram.png", "image/png", png.clone());
    let options = json!([{"name": "schedule", "type": 1, "options": [
        {"name": "when", "type": 3, "value": "now"},
        {"name": "text", "type": 3, "value": "Today's diagram"},
        {"name": "to", "type": 3, "value": "announcements"},
        {"name": "file", "type": 11, "value": attachment["id"]}]}]);
    let id = app.discord.next_id();
    let mut slash = payloads::slash(id, &olga(), MEMBER_PERMISSIONS, "drop", options, &[]);
    let attachment_id = attachment["id"].as_str().unwrap().to_owned();
    slash["data"]["resolved"]["attachments"] = json!({ attachment_id: attachment });
    app.discord.dispatch("INTERACTION_CREATE", slash);
    let answer = app.discord.answer_to(id).await;
    assert!(answer.starts_with("Scheduled drop #1"), "{answer}");
    let photos = calls_to(telegram, "sendphoto", TELEGRAM_GROUP, 1).await;
    assert_eq!(photos.len(), 1);
    assert_eq!(photos[0]["caption"], "Today's diagram");
    assert_eq!(photos[0]["_files"][0]["sha256"], sha(&png));
    let posted = posted_in(&app, ANNOUNCEMENTS, "Today's diagram").await;
    assert_eq!(posted["attachments"][0]["sha256"], sha(&png));
    app.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_telegram_drop_whose_original_was_deleted_goes_out_from_the_stored_copy() {
    let app = harness::spawn_both().await;
    let telegram = app.telegram.as_ref().unwrap();
    telegram.set_admins(TELEGRAM_GROUP, &[900]).await;
    let png: Vec<u8> = (0..30_000u32).map(|i| (i % 233) as u8).collect();
    telegram.put_file("photo-gone", png.clone()).await;
    let photo = json!({"message_id": 43, "date": 1_800_000_000,
        "chat": fake_bot_api::chat(TELEGRAM_GROUP), "from": fake_bot_api::user(501, "Alice"),
        "caption": "Lesson 5: traits",
        "photo": [{"file_id": "photo-gone", "file_unique_id": "g", "width": 640, "height": 480,
                   "file_size": 30_000}]});
    // The message is deleted before the drop is due: Telegram can no longer copy it.
    telegram
        .fail_next(
            "copyMessage",
            json!({"ok": false, "error_code": 400,
                   "description": "Bad Request: message to copy not found"}),
        )
        .await;
    telegram
        .say_with(
            TELEGRAM_GROUP,
            fake_bot_api::user(900, "Olga"),
            "/drop in 2s to announcements",
            |m| m["reply_to_message"] = photo.clone(),
        )
        .await;
    telegram.reply_in(TELEGRAM_GROUP, "Scheduled drop #1").await;
    telegram.forget_file("photo-gone").await;
    let photos = calls_to(telegram, "sendphoto", TELEGRAM_GROUP, 1).await;
    assert_eq!(photos.len(), 1, "sent from the stored copy");
    assert_eq!(photos[0]["caption"], "Lesson 5: traits");
    assert_eq!(photos[0]["_files"][0]["sha256"], sha(&png));
    posted_in(&app, ANNOUNCEMENTS, "Lesson 5: traits").await;
    app.shutdown().await;
}
