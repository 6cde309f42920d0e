use chrono::Duration;
use steward::core::ids::{ChatRef, Platform};
use steward_testkit::Sent;

use crate::helpers::*;

#[tokio::test]
async fn a_message_earns_xp_once_per_cooldown() {
    let app = spawn_app().await;
    let alice = console("alice");
    app.say(&alice, "hello everyone").await;
    app.advance(Duration::seconds(30));
    app.say(&alice, "still here").await;
    assert_eq!(xp_in(&app.ask(&alice, "/rank").await), 20);

    app.advance(Duration::seconds(31));
    app.say(&alice, "a minute later").await;
    assert_eq!(xp_in(&app.ask(&alice, "/rank").await), 40);
}

#[tokio::test]
async fn edits_bots_short_lines_private_chats_and_no_xp_chats_earn_nothing() {
    let app = spawn_app().await;
    let alice = console("alice");
    let mut edit = message(&alice, general(), "an edited message", app.clock_now());
    edit.is_edit = true;
    app.send(edit).await;
    app.say(&alice, "ok").await;
    app.send(message(
        &alice,
        ChatRef::private(Platform::Console, "dm-alice"),
        "hello bot",
        app.clock_now(),
    ))
    .await;
    app.send(message(
        &alice,
        ChatRef::group(Platform::Console, "offtopic"),
        "memes memes",
        app.clock_now(),
    ))
    .await;
    app.send(message(
        &bot("helper-bot"),
        general(),
        "beep boop",
        app.clock_now(),
    ))
    .await;
    assert_eq!(xp_in(&app.ask(&alice, "/rank").await), 0);
    let board = app.ask(&alice, "/leaderboard").await;
    assert!(board.contains("No one has scored"), "{board}");
}

#[tokio::test]
async fn chats_outside_the_community_are_ignored_entirely() {
    let app = spawn_app().await;
    let stranger = telegram("5", "stranger");
    let elsewhere = ChatRef::group(Platform::Telegram, "-200");
    assert_eq!(
        app.send(message(
            &stranger,
            elsewhere.clone(),
            "hello",
            app.clock_now()
        ))
        .await,
        None
    );
    assert_eq!(
        app.send(message(&stranger, elsewhere, "/rank", app.clock_now()))
            .await,
        None
    );
    let reply = app
        .send(message(
            &stranger,
            telegram_group(),
            "/rank",
            app.clock_now(),
        ))
        .await
        .unwrap();
    assert!(reply.contains("Level 0"), "{reply}");
}

#[tokio::test]
async fn a_level_up_is_announced_where_it_happened() {
    let app = spawn_app().await;
    let alice = console("alice");
    for _ in 0..4 {
        app.say(&alice, "helpful message").await;
        app.advance(Duration::seconds(61));
    }
    assert!(app.posts().is_empty(), "80 XP is still Level 0");
    app.say(&alice, "the fifth message").await;
    assert_eq!(
        app.posts(),
        vec![Sent::Post {
            chat: general(),
            text: "🎉 alice reached Level 1!".into()
        }]
    );
}

#[tokio::test]
async fn the_ledger_explains_every_change_with_one_message_row_per_day() {
    let app = spawn_app().await;
    let alice = console("alice");
    let admin = console("admin");
    for _ in 0..3 {
        app.say(&alice, "chatting along").await;
        app.advance(Duration::seconds(61));
    }
    app.ask(&alice, "/daily").await;
    app.ask(&admin, "/points add @alice 7 bug report").await;
    app.ask(&admin, "/points remove @alice 2").await;
    let row = app.assert_books_balance(&alice).await;
    assert_eq!(row.xp, 60 + 50 + 7 - 2);
    let history = app.ask(&alice, "/history").await;
    assert_eq!(
        history.matches("chat messages on 2026-11-25").count(),
        1,
        "{history}"
    );
    assert!(
        history.contains("+60 XP, +60 points: chat messages"),
        "{history}"
    );
    assert!(
        history.contains("granted by admin (“bug report”)"),
        "{history}"
    );
    assert!(
        history.contains("-2 XP, -2 points: removed by admin"),
        "{history}"
    );
}

#[tokio::test]
async fn a_level_up_from_a_grant_given_in_a_dm_reaches_the_member() {
    let app = spawn_app().await;
    let (admin, alice) = (console("admin"), console("alice"));
    app.say(&alice, "hello").await;
    app.posts();
    let dm =
        steward::core::ids::ChatRef::private(steward::core::ids::Platform::Console, "dm-admin");
    let grant = message(&admin, dm, "/points add @alice 100", app.clock_now());
    app.send(grant).await;
    let sent = app.posts();
    assert!(
        sent.contains(&Sent::Dm {
            to: alice.profile.account.clone(),
            text: "🎉 You reached Level 1!".into()
        }),
        "{sent:?}"
    );
    assert!(
        !sent.iter().any(|s| matches!(s, Sent::Post { .. })),
        "nothing posted in the operator's DM: {sent:?}"
    );
}
