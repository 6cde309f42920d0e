use chrono::Duration;
use steward::core::ids::{AccountRef, ChatRef, Platform};
use steward::engine::{DropTarget, PlatformError, QuotedMessage};
use steward_testkit::Sent;

use crate::helpers::*;

fn chat(platform: Platform, id: &str) -> DropTarget {
    DropTarget::Chat(ChatRef::group(platform, id))
}

#[tokio::test]
async fn scheduling_answers_with_the_id_and_the_next_run_in_community_time() {
    let app = spawn_app().await;
    let admin = console("admin");
    let reply = app
        .ask(
            &admin,
            "/drop tomorrow 09:00 every weekday to announcements Standup in 5",
        )
        .await;
    assert_eq!(
        reply,
        "Scheduled drop #1 for 2026-11-26 09:00 (Europe/Berlin), then every weekday at 09:00, to announcements. Preview: /drop show 1. Cancel: /drop cancel 1."
    );
    let here = app.ask(&admin, "/drop in 2h30m hello").await;
    assert!(
        here.starts_with("Scheduled drop #2 for 2026-11-25 12:30 (Europe/Berlin), here."),
        "{here}"
    );
    let list = app.ask(&admin, "/drop list").await;
    assert_eq!(
        list,
        "Upcoming drops:\n#2 2026-11-25 12:30 (Europe/Berlin): hello\n#1 2026-11-26 09:00 (Europe/Berlin), every weekday: Standup in 5"
    );
    let show = app.ask(&admin, "/drop show 1").await;
    assert!(
        show.ends_with(
            "Targets: Telegram chat -100, #announcements on the console\n---\nStandup in 5"
        ),
        "{show}"
    );
}

#[tokio::test]
async fn one_drop_reaches_every_platform_of_its_channel_once() {
    let app = spawn_app().await;
    app.ask(
        &console("admin"),
        "/drop in 10m to announcements Release 1.0 is out",
    )
    .await;
    app.advance(Duration::minutes(9));
    assert_eq!(app.tick().await.sent, 0);
    app.advance(Duration::minutes(1));
    assert_eq!(app.tick().await.sent, 2);
    let mut delivered = app.drops_delivered();
    delivered.sort_by_key(|(to, _)| format!("{to:?}"));
    assert_eq!(
        delivered,
        vec![
            (chat(Platform::Console, "announcements"), 1),
            (chat(Platform::Telegram, "-100"), 1)
        ]
    );
    assert_eq!(app.tick().await.sent, 0);
    let status = app.ask(&console("admin"), "/drop status 1").await;
    assert!(
        status.contains("console:announcements: sent") && status.contains("telegram:-100: sent"),
        "{status}"
    );
}

#[tokio::test]
async fn bad_drops_are_explained_with_usage() {
    let app = spawn_app().await;
    let admin = console("admin");
    for (line, problem) in [
        ("/drop 2020-01-01 09:00 hi", "has already passed"),
        (
            "/drop in 5m to nowhere hi",
            "There is no channel `nowhere`. Channels: announcements, lounge.",
        ),
        ("/drop in 5m tier gold hi", "There is no tier `gold`"),
        (
            "/drop in 5m tier pro to announcements hi",
            "not one of them",
        ),
        ("/drop soon hi", "is not a time"),
        ("/drop in 5m", "Give the text"),
        ("/drop cancel 99", "There is no drop #99"),
    ] {
        let reply = app.ask(&admin, line).await;
        assert!(reply.contains(problem), "{line}: {reply}");
    }
}

#[tokio::test]
async fn tier_drops_go_to_gated_channels_or_by_dm_to_the_tier() {
    let app = spawn_app().await;
    let admin = console("admin");
    for name in ["alice", "bob", "carol"] {
        app.say(&console(name), "hello there").await;
    }
    app.ask(&admin, "/member grant @alice vip 30d").await;
    app.ask(&admin, "/member grant @bob pro 30d").await;
    let pro = app.ask(&admin, "/drop in 1m tier pro Pro lesson").await;
    assert!(
        pro.contains("to lounge, Pro members and above only"),
        "{pro}"
    );
    let vip = app.ask(&admin, "/drop in 1m tier vip VIP call").await;
    assert!(vip.contains("by DM to VIP members and above"), "{vip}");
    // Members see the drops their tier reaches.
    assert!(
        app.ask(&console("carol"), "/drops")
            .await
            .contains("No upcoming drops")
    );
    let for_bob = app.ask(&console("bob"), "/drops").await;
    assert!(
        for_bob.contains("Pro lesson") && !for_bob.contains("VIP call"),
        "{for_bob}"
    );
    assert!(
        app.ask(&console("alice"), "/drops")
            .await
            .contains("VIP call")
    );

    app.posts();
    app.advance(Duration::minutes(1));
    app.tick().await;
    let mut delivered = app.drops_delivered();
    delivered.sort_by_key(|(to, id)| (*id, format!("{to:?}")));
    assert_eq!(
        delivered,
        vec![
            (chat(Platform::Console, "lounge"), 1),
            (
                DropTarget::Dm(AccountRef::new(Platform::Console, "alice")),
                2
            ),
        ]
    );
}

#[tokio::test]
async fn a_drop_scheduled_by_reply_keeps_a_reference_to_the_original() {
    let app = spawn_app().await;
    let admin = console("admin");
    let mut m = message(&admin, general(), "/drop in 1m", app.clock_now());
    m.reply_to = Some(console("alice"));
    m.quoted = Some(QuotedMessage {
        chat: general(),
        message_id: "777".into(),
        text: "*Ownership* explained".into(),
        media: Vec::new(),
    });
    let reply = app.send(m).await.unwrap();
    assert!(reply.starts_with("Scheduled drop #1"), "{reply}");
    app.advance(Duration::minutes(1));
    app.tick().await;
    let sent = app.posts();
    let Some(Sent::Drop { drop, .. }) = sent.iter().find(|s| matches!(s, Sent::Drop { .. })) else {
        panic!("{sent:?}")
    };
    assert_eq!(drop.text, "*Ownership* explained");
    assert_eq!(
        drop.copy_of.as_ref().map(|c| c.message_id.as_str()),
        Some("777")
    );
}

#[tokio::test]
async fn ratings_count_once_per_member_after_delivery() {
    let app = spawn_app().await;
    let (admin, alice, bob) = (console("admin"), console("alice"), console("bob"));
    app.ask(&admin, "/drop in 1m A lesson").await;
    assert!(
        app.ask(&alice, "/rate 1 5")
            .await
            .contains("has not reached you yet")
    );
    app.advance(Duration::minutes(1));
    app.tick().await;
    assert_eq!(
        app.ask(&alice, "/rate #1 5").await,
        "Thanks! You rated drop #1 5 of 5."
    );
    app.ask(&alice, "/rate 1 4").await;
    app.ask(&bob, "/rate 1 2").await;
    assert!(
        app.ask(&bob, "/rate 1 9")
            .await
            .contains("not 1 to 5 stars")
    );
    let stats = app.ask(&admin, "/drop stats 1").await;
    assert_eq!(
        stats,
        "Drop #1: 2 ratings, average 3.0 of 5 (5 stars: 0, 4 stars: 1, 3 stars: 0, 2 stars: 1, 1 star: 0)."
    );
}

#[tokio::test]
async fn failures_retry_with_backoff_honour_retry_after_and_are_reported() {
    let app = spawn_app().await;
    app.ask(&console("admin"), "/drop in 1m Flaky").await;
    app.platform.fail_drops([PlatformError::RateLimited {
        retry_after_secs: 42,
    }]);
    app.advance(Duration::minutes(1));
    assert_eq!(app.tick().await.retried, 1);
    app.advance(Duration::seconds(41));
    assert_eq!(app.tick().await.sent, 0, "retry_after is honoured");
    app.advance(Duration::seconds(1));
    assert_eq!(app.tick().await.sent, 1);

    app.ask(&console("admin"), "/drop in 1m Broken").await;
    app.platform
        .fail_drops((0..5).map(|_| PlatformError::Failed("chat not found".into())));
    app.advance(Duration::minutes(1));
    let mut failed = 0;
    for _ in 0..10 {
        failed += app.tick().await.failed;
        app.advance(Duration::minutes(15));
    }
    assert_eq!(failed, 1);
    let sent = app.posts();
    assert!(
        sent.iter().any(|s| matches!(s, Sent::Dm { to, text } if to.user_id == "admin" && text.contains("Drop #2 could not be delivered") && text.contains("chat not found"))),
        "{sent:?}"
    );
    let status = app.ask(&console("admin"), "/drop status 2").await;
    assert!(
        status.contains("console:general: failed (chat not found, after 5 attempt(s))"),
        "{status}"
    );
}

#[tokio::test]
async fn drop_management_says_what_actually_happened() {
    let app = spawn_app().await;
    let (admin, alice) = (console("admin"), console("alice"));
    let scheduled = app
        .ask(&admin, "/drop now to announcements,announcements Hello")
        .await;
    assert!(
        scheduled.contains(", to announcements.")
            && !scheduled.contains("announcements, announcements"),
        "{scheduled}"
    );
    app.tick().await;
    // Sent in full: nothing is left to cancel, and it stays rateable.
    let cancel = app.ask(&admin, "/drop cancel 1").await;
    assert_eq!(
        cancel,
        "Drop #1 has already gone out in full; there is nothing left to cancel. /drop status 1 shows where it went."
    );
    assert!(app.ask(&alice, "/rate 1 5").await.starts_with("Thanks!"));
    app.ask(&admin, "/drop in 1h Later").await;
    app.ask(&admin, "/drop cancel 2").await;
    assert_eq!(
        app.ask(&alice, "/rate 2 4").await,
        "Drop #2 was cancelled before it went out; there is nothing to rate."
    );
    for i in 0..12 {
        app.ask(&admin, &format!("/drop in {}h Upcoming {i}", i + 2))
            .await;
    }
    let upcoming = app.ask(&alice, "/drops").await;
    assert_eq!(
        upcoming.lines().count(),
        12,
        "a title, ten drops and a note: {upcoming}"
    );
    assert!(
        upcoming.ends_with("… and 2 more later; they show here as these go out."),
        "{upcoming}"
    );
}

#[tokio::test]
async fn a_tier_drop_that_fell_due_with_no_members_says_nothing_went_out() {
    let app = spawn_app().await;
    let admin = console("admin");
    app.ask(&admin, "/drop now tier basic Members only").await;
    app.tick().await;
    let status = app.ask(&admin, "/drop status 1").await;
    assert!(
        status.ends_with(
            "It fell due with no one to reach (no member of its tier then), so nothing went out."
        ),
        "{status}"
    );
}

#[tokio::test]
async fn a_drop_made_from_a_message_with_files_lists_them_in_drop_show() {
    use steward::core::media::{Media, MediaKind};
    let app = spawn_app().await;
    let admin = console("admin");
    let mut m = message(&admin, general(), "/drop tomorrow 09:00", app.clock_now());
    m.reply_to = Some(console("bob"));
    m.quoted = Some(QuotedMessage {
        chat: general(),
        message_id: "778".into(),
        // Slides alone, without a caption, make a drop too.
        text: String::new(),
        media: vec![
            Media {
                kind: MediaKind::Document,
                name: "slides.pdf".into(),
                mime: Some("application/pdf".into()),
                size: Some(1_572_864),
                source: "file-1".into(),
            },
            Media {
                kind: MediaKind::Photo,
                name: "photo.jpg".into(),
                mime: Some("image/jpeg".into()),
                size: Some(900),
                source: "file-2".into(),
            },
        ],
    });
    let reply = app.send(m).await.unwrap();
    assert!(reply.starts_with("Scheduled drop #1"), "{reply}");
    let shown = app.ask(&admin, "/drop show 1").await;
    assert!(
        shown.contains(
            "2 files:\n· document: slides.pdf (application/pdf, 1.5 MB)\n· photo: photo.jpg (image/jpeg, 900 bytes)"
        ),
        "{shown}"
    );
    // A reply to a message with neither words nor files still needs text.
    let mut empty = message(&admin, general(), "/drop tomorrow 10:00", app.clock_now());
    empty.reply_to = Some(console("bob"));
    empty.quoted = Some(QuotedMessage {
        chat: general(),
        message_id: "779".into(),
        text: String::new(),
        media: Vec::new(),
    });
    let refused = app.send(empty).await.unwrap();
    assert!(!refused.starts_with("Scheduled"), "{refused}");
}
