//! `/media/{drop}/{position}` over real HTTP: the link sent where a drop's file was too big to
//! upload opens the file for whoever may see the drop, and is "not found" for a visitor, a
//! member below the tier, a bent signature or a link without one. Files that could run in a
//! browser (HTML) are downloads, never pages of this site.

use reqwest::StatusCode;
use steward::core::ids::{ChatRef, Platform};
use steward::core::media::{Media, MediaKind};
use steward::engine::{Event, MessageEvent, Person, QuotedMessage, Sender};
use steward_testkit::Sent;

use crate::harness::*;

fn file(name: &str, mime: &str, source: &str, size: u64) -> Media {
    Media {
        kind: MediaKind::of_type(Some(mime)),
        name: name.into(),
        mime: Some(mime.into()),
        size: Some(size),
        source: source.into(),
    }
}

/// A community whose Pro tier has a lounge, the admin, Pat (Pro) and Dan (free).
async fn pro_lounge() -> (WebApp, Person, Person, Person) {
    let config = CONFIG.replace("LEADERBOARDS", "public").replace(
        "discord_role = \"555\"",
        "discord_role = \"555\"\ngated_channels = [\"lounge\"]",
    ) + "[channels.lounge]\nconsole = \"lounge\"\n";
    let app = spawn_with(&config, None).await;
    let (admin, pat, dan) = (console("admin"), console("pat"), console("dan"));
    for who in [&pat, &dan] {
        app.say(who, "hello everyone").await;
    }
    app.say(&admin, "/member grant @pat pro 30d").await.unwrap();
    (app, admin, pat, dan)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_drop_s_file_link_opens_only_for_the_drop_s_tier() {
    let (app, admin, pat, dan) = pro_lounge().await;
    app.platform.limit_uploads(1000);
    let video: Vec<u8> = (0..5000u32).map(|i| (i % 199) as u8).collect();
    app.platform.put_file("rec-1", video.clone());
    app.platform.put_file(
        "page-1",
        b"<html><script>alert(1)</script></html>".repeat(40),
    );
    let message = MessageEvent {
        chat: ChatRef::group(Platform::Console, "general"),
        message_id: Some("cmd-1".into()),
        sender: Sender {
            person: admin.clone(),
            platform_admin: false,
            locale: None,
        },
        text: "/drop now to lounge tier pro".into(),
        is_edit: false,
        reply_to: Some(console("pat")),
        quoted: Some(QuotedMessage {
            chat: ChatRef::group(Platform::Telegram, "-100"),
            message_id: "41".into(),
            text: "Recording".into(),
            media: vec![
                file("session.mp4", "video/mp4", "rec-1", 5000),
                file("notes.html", "text/html", "page-1", 1560),
            ],
        }),
        mentions: Vec::new(),
        at: app.engine.kernel().now(),
    };
    let reply = app.engine.handle(Event::Message(message)).await.unwrap();
    assert!(reply.starts_with("Scheduled drop #1"), "{reply}");
    app.engine
        .scheduler()
        .tick(app.engine.kernel().now())
        .await
        .unwrap();
    let text = app
        .platform
        .take()
        .into_iter()
        .find_map(|s| match s {
            Sent::Drop { drop, .. } => Some(drop.text),
            _ => None,
        })
        .expect("the drop was delivered");
    let links: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.contains("/media/1/"))
        .collect();
    assert_eq!(links.len(), 2, "{text}");

    let (visitor, dans, pats) = (
        app.browser(),
        app.browser_for(&dan).await,
        app.browser_for(&pat).await,
    );
    for (who, browser) in [("a visitor", &visitor), ("Dan", &dans)] {
        for link in &links {
            let (status, _, _) = browser.get_bytes(link).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{who} opened {link}");
        }
    }
    let (status, kind, bytes) = pats.get_bytes(links[0]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(kind.as_deref(), Some("video/mp4"));
    assert_eq!(bytes, video);
    let page = pats.get(links[1]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.headers["content-type"].to_str().unwrap(),
        "application/octet-stream",
        "HTML is a download"
    );
    let disposition = page.headers["content-disposition"].to_str().unwrap();
    assert_eq!(disposition, "attachment; filename=\"notes.html\"");
    // A bent signature, another file, or no signature: not found, even for Pat.
    // One hex digit more: never the signature.
    let bent = links[0].replacen("sig=", "sig=0", 1);
    let other = links[0].replacen("/media/1/0", "/media/1/1", 1);
    let bare = links[0].split('?').next().unwrap().to_owned();
    for path in [bent, other, bare] {
        let (status, _, _) = pats.get_bytes(&path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_home_page_shows_an_upcoming_drop_s_picture_inline_and_its_file_as_a_link() {
    let (app, admin, pat, dan) = pro_lounge().await;
    let png = vec![0x89u8; 3000];
    app.platform.put_file("png-1", png.clone());
    app.platform.put_file("pdf-1", vec![b'%'; 2000]);
    let message = MessageEvent {
        chat: ChatRef::group(Platform::Console, "general"),
        message_id: Some("cmd-2".into()),
        sender: Sender {
            person: admin.clone(),
            platform_admin: false,
            locale: None,
        },
        text: "/drop tomorrow 09:00 to lounge tier pro Week 3: <b>ownership</b>".into(),
        is_edit: false,
        reply_to: Some(console("pat")),
        quoted: Some(QuotedMessage {
            chat: ChatRef::group(Platform::Telegram, "-100"),
            message_id: "42".into(),
            text: String::new(),
            media: vec![
                file("diagram.png", "image/png", "png-1", 3000),
                file("slides.pdf", "application/pdf", "pdf-1", 2000),
            ],
        }),
        mentions: Vec::new(),
        at: app.engine.kernel().now(),
    };
    let reply = app.engine.handle(Event::Message(message)).await.unwrap();
    assert!(reply.starts_with("Scheduled drop #1"), "{reply}");

    let pats = app.browser_for(&pat).await;
    let home = pats.get("/").await.body;
    assert!(
        home.contains("&lt;b&gt;ownership"),
        "the words as text: {home}"
    );
    let image = home
        .split("<img class=\"drop-image\" src=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("no picture: {home}"))
        .replace("&amp;", "&");
    assert!(home.contains(">slides.pdf</a>"), "{home}");
    let (status, kind, bytes) = pats.get_bytes(&image).await;
    assert_eq!(
        (status, kind.as_deref()),
        (StatusCode::OK, Some("image/png"))
    );
    assert_eq!(bytes, png);
    // Dan, without Pro, sees neither the drop nor its files, and its links open nothing.
    let dans = app.browser_for(&dan).await;
    let his = dans.get("/").await.body;
    assert!(
        !his.contains("drop-image") && !his.contains("slides.pdf"),
        "{his}"
    );
    assert_eq!(dans.get_bytes(&image).await.0, StatusCode::NOT_FOUND);
}
