//! The media folder and members' files: the folder stays within `media.max_bytes`, a file
//! leaves it once no drop needs it and no link to it is good, and a submission's files are the
//! member's (in their export, erased with them) until they go out as a drop.

use chrono::Duration;
use steward_testkit::Sent;

use crate::drop_media::{console_announcements, delivered, drop_of, photo};
use crate::helpers::*;
use steward::engine::QuotedMessage;

#[tokio::test]
async fn the_media_folder_never_grows_past_its_bound() {
    let config = CONFIG.replace("[points]", "[media]\nmax_bytes = 1500\n\n[points]");
    let app = spawn_app_with(&config).await;
    app.platform.put_file("small", vec![1; 1000]);
    app.platform.put_file("big", vec![2; 1000]);
    let first = drop_of(
        &app,
        "/drop in 1m to announcements",
        "one",
        vec![photo("small", 1000)],
    );
    assert!(!app.send(first).await.unwrap().contains("could not"));
    let second = drop_of(
        &app,
        "/drop in 1m to announcements",
        "two",
        vec![photo("big", 1000)],
    );
    let reply = app.send(second).await.unwrap();
    assert!(
        reply.contains("does not fit in the media folder"),
        "{reply}"
    );
    // The same content again takes no more room.
    let again = drop_of(
        &app,
        "/drop in 2m to announcements",
        "one again",
        vec![photo("small", 1000)],
    );
    let reply = app.send(again).await.unwrap();
    assert!(!reply.contains("could not"), "{reply}");
}

/// Files in the media folder beside the database.
fn files_in_folder(app: &TestApp) -> usize {
    let folder = app.db_path.parent().unwrap().join("media");
    std::fs::read_dir(&folder)
        .map(|shards| {
            shards
                .flatten()
                .flat_map(|shard| std::fs::read_dir(shard.path()).into_iter().flatten())
                .count()
        })
        .unwrap_or(0)
}

#[tokio::test]
async fn a_file_leaves_the_folder_once_no_drop_needs_it_and_no_link_to_it_is_good() {
    let app = spawn_app().await;
    app.platform.limit_uploads(1500);
    app.platform.put_file("now", vec![1; 1000]);
    app.platform.put_file("later", vec![2; 2000]);
    app.platform.put_file("linked", vec![3; 3000]);
    for (when, source, size) in [
        ("in 1m", "now", 1000),
        ("tomorrow 09:00", "later", 2000),
        ("in 1m", "linked", 3000),
    ] {
        let command = format!("/drop {when} to announcements");
        let m = drop_of(&app, &command, "Files", vec![photo(source, size)]);
        assert!(app.send(m).await.unwrap().starts_with("Scheduled"));
    }
    assert_eq!(files_in_folder(&app), 3);
    app.advance(Duration::minutes(1));
    let tick = app.tick().await;
    assert_eq!(
        tick.media_files_removed, 1,
        "the uploaded file is done with"
    );
    assert_eq!(
        files_in_folder(&app),
        2,
        "tomorrow's file, and the linked one"
    );
    assert_eq!(app.engine.store().media_bytes_stored().await.unwrap(), 5000);
    app.advance(Duration::days(31));
    app.tick().await;
    app.tick().await;
    assert_eq!(files_in_folder(&app), 0, "delivered, and its links expired");
    assert_eq!(app.engine.store().media_bytes_stored().await.unwrap(), 0);
    let shown = app.ask(&console("admin"), "/drop show 2").await;
    assert!(
        shown.contains("photo: diagram.png"),
        "still listed: {shown}"
    );
}

#[tokio::test]
async fn a_drop_whose_file_left_the_folder_is_not_posted_half_and_operators_hear_which() {
    let app = spawn_app().await;
    app.platform.put_file("slides", vec![4; 800]);
    let m = drop_of(
        &app,
        "/drop in 1m to announcements",
        "Week 3",
        vec![photo("slides", 800)],
    );
    assert!(app.send(m).await.unwrap().starts_with("Scheduled"));
    // A database restored without its media folder.
    std::fs::remove_dir_all(app.db_path.parent().unwrap().join("media")).unwrap();
    app.advance(Duration::minutes(1));
    app.tick().await;
    let sent = app.posts();
    assert!(
        !delivered(&sent)
            .iter()
            .any(|(to, _)| *to == console_announcements()),
        "{sent:#?}"
    );
    let told = sent.iter().any(|s| {
        matches!(s, Sent::Dm { text, .. }
        if text.contains("diagram.png is no longer in the media folder"))
    });
    assert!(told, "{sent:#?}");
}

#[tokio::test]
async fn a_submission_s_files_are_the_member_s_until_they_go_out_as_a_drop() {
    use sqlx::Row;
    let app = spawn_app().await;
    let alice = telegram("501", "alice");
    app.platform.put_file("tg-sub-1", vec![9; 1200]);
    let mut m = message(&alice, telegram_group(), "/submit", app.clock_now());
    m.reply_to = Some(alice.clone());
    m.quoted = Some(QuotedMessage {
        chat: telegram_group(),
        message_id: "50".into(),
        text: "My diagram of the borrow checker".into(),
        media: vec![photo("tg-sub-1", 1200)],
    });
    let queued = app.send(m).await.unwrap();
    assert!(queued.starts_with("Thanks! Your submission #1"), "{queued}");
    // Hers: in her export, by name, type and size.
    assert!(
        app.ask(&alice, "/privacy export")
            .await
            .starts_with("I sent your data")
    );
    let export = app
        .posts()
        .into_iter()
        .find_map(|s| match s {
            Sent::File { file, .. } => {
                serde_json::from_slice::<serde_json::Value>(&file.bytes).ok()
            }
            _ => None,
        })
        .expect("the export");
    let files = &export["tables"]["submission_media"];
    assert_eq!(files.as_array().map(Vec::len), Some(1), "{files}");
    assert_eq!(files[0]["name"], "diagram.png");
    // Approved, it goes out with its file, fetched at approval.
    let approved = app
        .ask(
            &console("admin"),
            "/review approve 1 in 1m to announcements",
        )
        .await;
    assert!(approved.starts_with("Approved submission #1"), "{approved}");
    app.platform.forget_file("tg-sub-1");
    app.advance(Duration::minutes(1));
    app.tick().await;
    let drops = delivered(&app.posts());
    let (_, uploaded) = drops
        .iter()
        .find(|(to, _)| *to == console_announcements())
        .expect("delivered to the console");
    assert_eq!(uploaded.media.len(), 1);
    // Erased, her submission's files go; the drop they became keeps its own.
    app.ask(&alice, "/privacy delete").await;
    let done = app.ask(&alice, "/privacy delete confirm").await;
    assert!(done.starts_with("Done: your data is erased"), "{done}");
    let mut db = db(&app).await;
    let count = |sql: &'static str| sqlx::query(sql);
    let theirs: i64 = count("SELECT COUNT(*) FROM submission_media")
        .fetch_one(&mut db)
        .await
        .unwrap()
        .get(0);
    let the_drop_s: i64 = count("SELECT COUNT(*) FROM drop_media WHERE drop_id = 1")
        .fetch_one(&mut db)
        .await
        .unwrap()
        .get(0);
    assert_eq!((theirs, the_drop_s), (0, 1));
}
