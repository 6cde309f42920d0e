//! Files that travel with drops, on the recording platform (which copies a message on its own
//! platform, as Telegram does, and serves the files tests give it): fetched once at scheduling,
//! uploaded where the drop is not a copy, linked past the upload limit behind a signed link
//! gated as the drop, retried when the platform is down, and a drop whose file is gone fails
//! with the operator told instead of posting half.

use chrono::Duration;
use steward::core::access::Viewer;
use steward::core::ids::{ChatRef, MemberId, Platform};
use steward::core::media::{Media, MediaKind};
use steward::core::media_links::MediaLink;
use steward::engine::{DropTarget, MessageEvent, QuotedMessage};
use steward_testkit::Sent;

use crate::helpers::*;

pub(crate) fn olga() -> steward::engine::Person {
    telegram("900", "olga")
}

pub(crate) fn photo(source: &str, size: u64) -> Media {
    Media {
        kind: MediaKind::Photo,
        name: "diagram.png".into(),
        mime: Some("image/png".into()),
        size: Some(size),
        source: source.into(),
    }
}

/// Olga, in the Telegram group, replies `command` to a message holding `media`.
pub(crate) fn drop_of(
    app: &TestApp,
    command: &str,
    caption: &str,
    media: Vec<Media>,
) -> MessageEvent {
    let mut m = message(&olga(), telegram_group(), command, app.clock_now());
    m.reply_to = Some(telegram("501", "alice"));
    m.quoted = Some(QuotedMessage {
        chat: telegram_group(),
        message_id: "41".into(),
        text: caption.into(),
        media,
    });
    m
}

/// The drops delivered, by target.
pub(crate) fn delivered(sent: &[Sent]) -> Vec<(DropTarget, steward::engine::OutboundDrop)> {
    sent.iter()
        .filter_map(|s| match s {
            Sent::Drop { to, drop } => Some((to.clone(), drop.clone())),
            _ => None,
        })
        .collect()
}

pub(crate) fn console_announcements() -> DropTarget {
    DropTarget::Chat(ChatRef::group(Platform::Console, "announcements"))
}

#[tokio::test]
async fn a_photo_is_copied_at_home_and_uploaded_elsewhere_even_after_its_original_is_gone() {
    let app = spawn_app().await;
    let bytes: Vec<u8> = (0..50_000u32).map(|i| (i % 251) as u8).collect();
    app.platform.put_file("tg-photo-1", bytes.clone());
    let m = drop_of(
        &app,
        "/drop in 1m to announcements",
        "Lesson 4: the borrow checker",
        vec![photo("tg-photo-1", 50_000)],
    );
    let reply = app.send(m).await.unwrap();
    assert!(reply.starts_with("Scheduled drop #1"), "{reply}");
    assert!(!reply.contains("could not"), "{reply}");
    // The original is deleted before the drop is due: the stored copy still delivers.
    app.platform.forget_file("tg-photo-1");
    app.advance(Duration::minutes(1));
    app.tick().await;
    let drops = delivered(&app.posts());
    assert_eq!(drops.len(), 2, "{drops:#?}");
    for (to, drop) in &drops {
        if *to == console_announcements() {
            assert_eq!(drop.copy_of, None);
            assert_eq!(drop.text, "Lesson 4: the borrow checker");
            assert_eq!(drop.media.len(), 1);
            assert_eq!(drop.media[0].name, "diagram.png");
            assert_eq!(&*drop.media[0].bytes, bytes.as_slice());
        } else {
            assert_eq!(*to, DropTarget::Chat(telegram_group()));
            assert!(drop.copy_of.is_some(), "copied at home: {drop:?}");
        }
    }
}

#[tokio::test]
async fn a_file_past_the_upload_limit_goes_as_a_link_only_the_drop_s_tier_can_open() {
    let app = spawn_app().await;
    app.platform.limit_uploads(10_000);
    app.platform.put_file("tg-video", vec![7; 20_000]);
    let mut video = photo("tg-video", 20_000);
    video.kind = MediaKind::Video;
    video.name = "session.mp4".into();
    video.mime = Some("video/mp4".into());
    let m = drop_of(
        &app,
        "/drop in 1m to lounge tier pro",
        "Recording",
        vec![video],
    );
    let reply = app.send(m).await.unwrap();
    assert!(
        reply.contains("session.mp4 (19.5 kB) is over console's 9.8 kB upload limit"),
        "{reply}"
    );
    app.advance(Duration::minutes(1));
    app.tick().await;
    let drops = delivered(&app.posts());
    let (_, drop) = drops
        .iter()
        .find(|(to, _)| *to == DropTarget::Chat(ChatRef::group(Platform::Console, "lounge")))
        .expect("delivered to the console");
    assert!(drop.media.is_empty(), "{drop:?}");
    let link = drop
        .text
        .split_whitespace()
        .find(|w| w.contains("/media/"))
        .expect("a link in the text");
    assert!(
        drop.text
            .starts_with("Recording\n\nsession.mp4 (19.5 kB): http"),
        "{}",
        drop.text
    );
    let query = link.split_once('?').unwrap().1;
    let exp: i64 = query
        .split('&')
        .find_map(|p| p.strip_prefix("exp="))
        .unwrap()
        .parse()
        .unwrap();
    let sig = query
        .split('&')
        .find_map(|p| p.strip_prefix("sig="))
        .unwrap();
    let named = MediaLink {
        drop_id: 1,
        position: 0,
        expires: exp,
    };
    let drops = app.engine.drops();
    let free = Viewer::member(MemberId(1)).holding(None);
    let basic = Viewer::member(MemberId(1)).holding(Some(1));
    let pro = Viewer::member(MemberId(1)).holding(Some(2));
    assert_eq!(
        drops
            .media_file(&Viewer::VISITOR, named, sig)
            .await
            .unwrap(),
        None
    );
    assert!(drops.media_file(&free, named, sig).await.unwrap().is_none());
    assert!(
        drops
            .media_file(&basic, named, sig)
            .await
            .unwrap()
            .is_none()
    );
    let file = drops
        .media_file(&pro, named, sig)
        .await
        .unwrap()
        .expect("Pro opens it");
    assert_eq!(
        (file.name.as_str(), file.bytes.len()),
        ("session.mp4", 20_000)
    );
    // Another file, a later expiry or a bent signature open nothing.
    let other = MediaLink {
        position: 1,
        ..named
    };
    let later = MediaLink {
        expires: exp + 1,
        ..named
    };
    for forged in [other, later] {
        assert!(drops.media_file(&pro, forged, sig).await.unwrap().is_none());
    }
    let last = if sig.ends_with('0') { '1' } else { '0' };
    let bent = format!("{}{last}", &sig[..sig.len() - 1]);
    assert!(
        drops
            .media_file(&pro, named, &bent)
            .await
            .unwrap()
            .is_none()
    );
    // And the link ends.
    app.advance(Duration::days(31));
    assert!(drops.media_file(&pro, named, sig).await.unwrap().is_none());
}

#[tokio::test]
async fn a_fetch_that_fails_is_retried_and_a_file_that_is_gone_fails_the_drop_plainly() {
    let app = spawn_app().await;
    app.platform.put_file("tg-photo-2", vec![1; 900]);
    app.platform.fail_fetches(1);
    let m = drop_of(
        &app,
        "/drop in 1m to announcements",
        "",
        vec![photo("tg-photo-2", 900)],
    );
    let reply = app.send(m).await.unwrap();
    assert!(
        reply.contains("diagram.png could not be fetched yet (the platform is down); Steward tries again before delivering."),
        "{reply}"
    );
    // Never stored, and then deleted: the drop cannot carry it.
    let m = drop_of(
        &app,
        "/drop in 1m to announcements",
        "Slides",
        vec![photo("tg-missing", 900)],
    );
    let reply = app.send(m).await.unwrap();
    assert!(reply.contains("diagram.png could not be fetched, so this drop will not be delivered where it is uploaded"), "{reply}");
    app.advance(Duration::minutes(1));
    app.tick().await;
    let sent = app.posts();
    let drops = delivered(&sent);
    let first = drops
        .iter()
        .find(|(to, d)| *to == console_announcements() && d.drop_id == 1)
        .expect("the first drop arrives once its file is fetched");
    assert_eq!(first.1.media.len(), 1);
    assert!(
        !drops
            .iter()
            .any(|(to, d)| *to == console_announcements() && d.drop_id == 2),
        "no half drop: {drops:#?}"
    );
    // The copy at home does not need the file and goes.
    assert!(
        drops
            .iter()
            .any(|(to, d)| *to == DropTarget::Chat(telegram_group()) && d.drop_id == 2)
    );
    let told = sent.iter().any(|s| matches!(s, Sent::Dm { text, .. }
        if text.contains("Drop #2 could not be delivered to console:announcements: diagram.png cannot be delivered")));
    assert!(told, "{sent:#?}");
    let status = app.ask(&console("admin"), "/drop status 2").await;
    assert!(status.contains("failed"), "{status}");
    // Its one run is over, but not every post went out: the heading does not say "sent".
    assert!(status.starts_with("#2 finished: Slides"), "{status}");
}

#[tokio::test]
async fn only_the_console_names_a_file_by_path_and_new_words_keep_the_replied_files() {
    let app = spawn_app().await;
    // A path names a file on the bot's machine: a chat member must not reach it.
    let m = message(
        &olga(),
        telegram_group(),
        "/drop in 1m file /etc/passwd Hi",
        app.clock_now(),
    );
    let refused = app.send(m).await.unwrap();
    assert!(
        refused.starts_with("A file is named by its path only on the console."),
        "{refused}"
    );
    app.platform.put_file("tg-photo-3", vec![5; 700]);
    let m = drop_of(
        &app,
        "/drop in 1m to announcements Fresh words",
        "Old caption",
        vec![photo("tg-photo-3", 700)],
    );
    assert!(app.send(m).await.unwrap().starts_with("Scheduled drop #1"));
    app.advance(Duration::minutes(1));
    app.tick().await;
    let drops = delivered(&app.posts());
    assert_eq!(drops.len(), 2);
    for (_, drop) in &drops {
        // New words are no copy of the message: uploaded everywhere, the file with them.
        assert_eq!(drop.copy_of, None);
        assert_eq!(drop.text, "Fresh words");
        assert_eq!(drop.media.len(), 1);
    }
}
