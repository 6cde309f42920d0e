use chrono::Duration;
use rand::{Rng, SeedableRng};

use crate::helpers::*;

#[tokio::test]
async fn rank_shows_level_xp_places_and_balance() {
    let app = spawn_app().await;
    let alice = console("alice");
    app.say(&alice, "first message").await;
    app.say(&console("bob"), "hi there").await;
    app.ask(&console("admin"), "/points add @bob 130").await;
    let rank = app.ask(&alice, "/rank").await;
    assert_eq!(
        rank,
        "alice: Level 0, 20 XP (80 XP to Level 1)\nRank: #2 all time, #2 this week (20 XP)\nBalance: 20 points"
    );
    let of_bob = app.ask(&alice, "/rank @bob").await;
    assert!(
        of_bob.starts_with("bob: Level 1, 150 XP (105 XP to Level 2)\nRank: #1 all time"),
        "{of_bob}"
    );
}

#[tokio::test]
async fn ties_go_to_whoever_reached_the_score_first() {
    let app = spawn_app().await;
    let admin = console("admin");
    for name in ["carol", "alice", "bob"] {
        app.say(&console(name), "hello").await;
    }
    app.advance(Duration::seconds(5));
    app.ask(&admin, "/points add @bob 30").await;
    app.advance(Duration::seconds(5));
    app.ask(&admin, "/points add @carol 30").await;
    let board = app.ask(&admin, "/leaderboard").await;
    let order: Vec<&str> = board
        .lines()
        .skip(1)
        .map(|l| l.split(':').next().unwrap())
        .collect();
    assert_eq!(order, vec!["#1 bob", "#2 carol", "#3 alice"], "{board}");
}

#[tokio::test]
async fn leaderboards_have_pages_of_ten() {
    let app = spawn_app().await;
    let admin = console("admin");
    for i in 1..=25 {
        app.say(&console(&format!("m{i:02}")), "hello").await;
        app.ask(&admin, &format!("/points add @m{i:02} {}", i * 10))
            .await;
    }
    let page3 = app.ask(&admin, "/leaderboard all 3").await;
    assert!(
        page3.starts_with("Leaderboard: all time (page 3 of 3)"),
        "{page3}"
    );
    assert_eq!(page3.lines().count(), 6, "{page3}");
    assert!(page3.contains("#21 m05: Level 0, 70 XP"), "{page3}");
    let page4 = app.ask(&admin, "/leaderboard 4").await;
    assert!(page4.contains("There are only 3 pages."), "{page4}");
}

#[tokio::test]
async fn the_week_board_starts_empty_each_iso_week_while_all_time_keeps() {
    let app = spawn_app().await;
    let alice = console("alice");
    app.say(&alice, "hello").await;
    assert!(
        app.ask(&alice, "/leaderboard week")
            .await
            .contains("#1 alice: 20 XP")
    );
    app.advance(Duration::days(7));
    let week = app.ask(&alice, "/leaderboard week").await;
    assert!(
        week.starts_with("Leaderboard: week 2026-W49") && week.contains("No one has scored"),
        "{week}"
    );
    assert!(app.ask(&alice, "/leaderboard").await.contains("#1 alice"));
    let rank = app.ask(&alice, "/rank").await;
    assert!(
        rank.contains("#1 all time, unranked this week (0 XP)"),
        "{rank}"
    );
    app.say(&alice, "new week").await;
    assert!(
        app.ask(&alice, "/leaderboard week")
            .await
            .contains("#1 alice: 20 XP")
    );
    // Seven days after 25 November is December: the month board turned over too.
    let month = app.ask(&alice, "/leaderboard month").await;
    assert!(
        month.starts_with("Leaderboard: month 2026-12") && month.contains("#1 alice: 20 XP"),
        "{month}"
    );
}

#[tokio::test]
async fn hidden_members_leave_public_boards_but_see_their_own_rank() {
    let app = spawn_app().await;
    let (alice, bob) = (console("alice"), console("bob"));
    app.say(&alice, "hello").await;
    app.say(&bob, "hey").await;
    app.ask(&alice, "/privacy hide").await;
    let board = app.ask(&bob, "/leaderboard").await;
    assert!(
        !board.contains("alice") && board.contains("#1 bob"),
        "{board}"
    );
    let own = app.ask(&alice, "/rank").await;
    assert!(
        own.contains("#1 all time") && own.contains("Hidden from public leaderboards"),
        "{own}"
    );
    assert_eq!(
        app.ask(&bob, "/rank @alice").await,
        "alice hides from the leaderboards."
    );
    app.say(&alice, "still earning").await;
    assert!(!app.ask(&bob, "/leaderboard").await.contains("alice"));

    app.ask(&alice, "/privacy show").await;
    app.ask(&alice, "/privacy show").await;
    let board = app.ask(&bob, "/leaderboard").await;
    assert_eq!(board.matches("alice").count(), 1, "{board}");
}

#[tokio::test]
async fn a_hidden_member_is_not_named_in_level_up_announcements() {
    let app = spawn_app().await;
    let (admin, hid1, shown) = (console("admin"), console("hid1"), console("shown"));
    app.say(&hid1, "hello").await;
    app.say(&shown, "hello").await;
    app.ask(&hid1, "/privacy hide").await;
    app.posts();
    app.ask(&admin, "/points add @hid1 500").await;
    app.ask(&admin, "/points add @shown 500").await;
    let posts = app.posts();
    let public: Vec<&String> = posts
        .iter()
        .filter_map(|s| match s {
            steward_testkit::Sent::Post { text, .. } => Some(text),
            _ => None,
        })
        .collect();
    assert!(public.iter().all(|t| !t.contains("hid1")), "{posts:?}");
    // Members who show on the boards are still announced.
    assert!(
        public.iter().any(|t| t.contains("shown reached Level 3")),
        "{posts:?}"
    );
    // The hidden member hears of it themselves.
    assert!(
        posts
            .iter()
            .any(|s| matches!(s, steward_testkit::Sent::Dm { to, text }
            if to == &hid1.profile.account && text.contains("You reached Level 3"))),
        "{posts:?}"
    );
}

#[tokio::test]
async fn the_fast_rank_agrees_with_a_full_sort_after_random_activity() {
    let app = spawn_app().await;
    let admin = console("admin");
    let mut rng = rand::rngs::StdRng::seed_from_u64(11);
    let names: Vec<String> = (0..30).map(|i| format!("p{i:02}")).collect();
    for name in &names {
        app.say(&console(name), "joining").await;
    }
    for _ in 0..150 {
        let name = &names[rng.random_range(0..names.len())];
        let amount = rng.random_range(1..40);
        let verb = if rng.random_bool(0.8) {
            "add"
        } else {
            "remove"
        };
        app.ask(&admin, &format!("/points {verb} @{name} {amount}"))
            .await;
        app.advance(Duration::milliseconds(rng.random_range(0..3)));
    }
    // The truth: every member's stored XP and the time it was reached, sorted.
    let mut truth = Vec::new();
    for name in &names {
        let row = app.member(&console(name)).await;
        if row.xp > 0 {
            truth.push((-row.xp, row.xp_reached_at, row.id.0, name.clone()));
        }
    }
    truth.sort();
    for (place, (_, _, _, name)) in truth.iter().enumerate() {
        let rank = app.ask(&console(name), "/rank").await;
        assert!(
            rank.contains(&format!("Rank: #{} all time", place + 1)),
            "{name}: {rank}"
        );
    }
    let listed = names_of(&board_lines(&app, "all").await);
    let expected: Vec<String> = truth.iter().map(|t| t.3.clone()).collect();
    assert_eq!(listed, expected);
}

#[tokio::test]
async fn rank_card_posts_a_picture_in_the_chat_and_keeps_a_hidden_member_hidden() {
    if steward::card::CardRenderer::new().is_err() {
        assert!(
            std::env::var_os("STEWARD_REQUIRE_FONTS").is_none(),
            "no fonts"
        );
        eprintln!("skipped: no fonts to draw rank cards (install fonts-dejavu-core)");
        return;
    }
    let app = spawn_app().await;
    let (alice, bob) = (console("alice"), console("bob"));
    app.say(&alice, "hello everyone").await;
    app.say(&bob, "hello everyone").await;
    app.posts();
    assert_eq!(app.ask(&alice, "/rank card").await, "Rank card of alice");
    let sent = app.posts();
    let Some(steward_testkit::Sent::File { to, file }) = sent.last() else {
        panic!("no picture: {sent:?}")
    };
    assert_eq!(to, &steward::engine::DropTarget::Chat(general()));
    assert!(
        file.image && file.bytes.starts_with(b"\x89PNG"),
        "a PNG picture"
    );
    app.ask(&bob, "/privacy hide").await;
    let refused = app.ask(&alice, "/rank card @bob").await;
    assert!(refused.contains("bob"), "{refused}");
    assert!(app.posts().is_empty(), "no card of a hidden member");
}

#[tokio::test]
async fn boards_held_in_memory_show_a_new_name_and_the_current_level() {
    let app = spawn_app().await;
    let ann = telegram("42", "Ann");
    say_on(&app, &ann, "hello").await;
    app.say(&console("bob"), "hello there").await;
    // As `steward run` does at start: the boards' names come from memory from now on.
    app.engine.identity().load_board_names().await.unwrap();
    assert_eq!(names_of(&board_lines(&app, "all").await), ["Ann", "bob"]);

    say_on(&app, &telegram("42", "Ann Lee"), "same account, new name").await;
    app.ask(&console("admin"), "/points add @bob 130").await;
    let week = board_lines(&app, "week").await;
    assert_eq!(week[0], "#1 bob: 150 XP (Level 1)", "{week:?}");
    assert!(week[1].starts_with("#2 Ann Lee: "), "{week:?}");
    let all = board_lines(&app, "all").await;
    assert_eq!(all[0], "#1 bob: Level 1, 150 XP", "{all:?}");
}
