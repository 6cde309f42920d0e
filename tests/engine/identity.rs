use chrono::Duration;
use steward::engine::{Mention, Person};

use crate::helpers::*;

#[tokio::test]
async fn linking_merges_xp_balance_ledger_and_streak_into_one_member() {
    let app = spawn_app().await;
    let on_telegram = telegram("111", "Alice");
    let on_discord = discord("222", "alice_dc");
    say_on(&app, &on_telegram, "hello from telegram").await;
    say_on(&app, &on_telegram, "/daily").await;
    say_on(&app, &on_discord, "hello from discord").await;
    say_on(&app, &on_discord, "/daily").await;
    say_on(&app, &console("bob"), "hi there").await; // a console member for company on the board

    let code = link_code(&app, &on_telegram).await;
    let linked = say_on(&app, &on_discord, &format!("/link {code}"))
        .await
        .unwrap();
    assert_eq!(
        linked,
        "Linked: your Telegram and Discord accounts are now one member with Level 1, 140 XP and 140 points."
    );

    let from_telegram = say_on(&app, &on_telegram, "/rank").await.unwrap();
    let from_discord = say_on(&app, &on_discord, "/rank").await.unwrap();
    assert_eq!(xp_in(&from_telegram), 140);
    assert_eq!(
        from_telegram.lines().skip(1).collect::<Vec<_>>(),
        from_discord.lines().skip(1).collect::<Vec<_>>()
    );
    assert!(from_discord.contains("#1 all time"), "{from_discord}");
    let board = say_on(&app, &on_discord, "/leaderboard").await.unwrap();
    assert_eq!(
        board.lines().count(),
        3,
        "one line for the linked member, one for bob: {board}"
    );

    // Both checked in today: the merged streak still refuses a second claim today...
    assert!(
        say_on(&app, &on_telegram, "/daily")
            .await
            .unwrap()
            .contains("already checked in")
    );
    // ...and continues tomorrow.
    app.advance(Duration::days(1));
    assert!(
        say_on(&app, &on_discord, "/daily")
            .await
            .unwrap()
            .contains("Streak: 2 days")
    );

    let store = app.engine.store();
    let member = store
        .member_of(&on_discord.profile.account)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        store.member_of(&on_telegram.profile.account).await.unwrap(),
        Some(member)
    );
    let row = store.member(member).await.unwrap();
    assert_eq!(
        store.ledger_totals(member).await.unwrap(),
        (row.xp, row.balance)
    );
    let history = say_on(&app, &on_telegram, "/history").await.unwrap();
    assert_eq!(
        history.matches("chat messages on 2026-11-25").count(),
        1,
        "same-day message rows fold: {history}"
    );
    assert!(history.contains("accounts linked"), "{history}");
}

#[tokio::test]
async fn a_code_works_only_from_another_platform_and_only_once() {
    let app = spawn_app().await;
    let on_telegram = telegram("111", "Alice");
    let other_telegram = telegram("333", "Mallory");
    let on_discord = discord("222", "alice_dc");
    say_on(&app, &on_discord, "hi").await;
    let code = link_code(&app, &on_telegram).await;
    // Sending one's own code back says so, and leaves it good for the other account.
    let own = say_on(&app, &on_telegram, &format!("/link {code}"))
        .await
        .unwrap();
    assert!(own.starts_with("That is your own code"), "{own}");

    let same = say_on(&app, &other_telegram, &format!("/link {code}"))
        .await
        .unwrap();
    assert_eq!(
        same,
        "Use the code from an account on another platform; this one is on Telegram too."
    );
    assert!(
        say_on(&app, &on_discord, &format!("/link {}", code.to_lowercase()))
            .await
            .unwrap()
            .starts_with("Linked")
    );
    let again = say_on(&app, &on_discord, &format!("/link {code}"))
        .await
        .unwrap();
    assert!(again.contains("unknown or has expired"), "{again}");
}

#[tokio::test]
async fn a_code_expires_after_ten_minutes() {
    let app = spawn_app().await;
    let on_telegram = telegram("111", "Alice");
    let on_discord = discord("222", "alice_dc");
    let code = link_code(&app, &on_telegram).await;
    app.advance(Duration::minutes(11));
    let late = say_on(&app, &on_discord, &format!("/link {code}"))
        .await
        .unwrap();
    assert!(late.contains("unknown or has expired"), "{late}");
}

#[tokio::test]
async fn a_member_links_one_account_per_platform() {
    let app = spawn_app().await;
    let (tg1, tg2, dc) = (telegram("1", "a"), telegram("2", "b"), discord("3", "c"));
    let code = link_code(&app, &tg1).await;
    say_on(&app, &dc, &format!("/link {code}")).await;
    let code = link_code(&app, &tg2).await;
    let refused = say_on(&app, &dc, &format!("/link {code}")).await.unwrap();
    assert!(
        refused.contains("already has a Telegram account linked"),
        "{refused}"
    );
}

#[tokio::test]
async fn looking_up_someone_never_seen_says_so_and_creates_no_member() {
    let app = spawn_app().await;
    let (admin, alice, nobody) = (console("admin"), console("alice"), console("nobody"));
    app.say(&alice, "hello").await;
    // As the console and Discord send it: the platform names the mentioned account.
    let asking = |who: &Person, text: &str| {
        let mut m = message(who, general(), text, app.clock_now());
        m.mentions = vec![Mention {
            token: "nobody".into(),
            person: nobody.clone(),
        }];
        m
    };
    assert_eq!(
        app.send(asking(&alice, "/rank @nobody")).await.unwrap(),
        "No such member: nobody has not been seen here yet."
    );
    assert_eq!(
        app.send(asking(&admin, "/history @nobody")).await.unwrap(),
        "No such member: nobody has not been seen here yet."
    );
    let stored = app
        .engine
        .store()
        .member_of(&nobody.profile.account)
        .await
        .unwrap();
    assert_eq!(stored, None, "a lookup created nobody");
    assert!(
        app.send(asking(&admin, "/points add @nobody 5"))
            .await
            .unwrap()
            .starts_with("Added 5 points to nobody"),
        "an award to a named account still reaches them"
    );
}

#[tokio::test]
async fn display_names_are_stored_without_bidi_controls_or_invisible_characters() {
    let app = spawn_app().await;
    // U+202E would show the name reversed on the card and web page; U+200B and U+2066 are
    // invisible; the ZWJ inside the emoji sequence must stay.
    let mallory = telegram("333", "\u{202E}evil\u{200B} 👨\u{200D}💻\u{2066}\u{FEFF}");
    say_on(&app, &mallory, "hello everyone").await;
    assert_eq!(app.member(&mallory).await.display_name, "evil 👨\u{200D}💻");
    let rank = say_on(&app, &mallory, "/rank").await.unwrap();
    assert!(rank.starts_with("evil 👨\u{200D}💻: Level"), "{rank}");
    // A flag of a subdivision keeps its tag characters.
    let scot = telegram(
        "334",
        "Fiona 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
    );
    say_on(&app, &scot, "hello everyone").await;
    assert_eq!(
        app.member(&scot).await.display_name,
        "Fiona 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"
    );
}
