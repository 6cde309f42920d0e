//! Events: joined members are reminded once an hour before the start; a check-in code pays
//! attendance XP once, only while the event runs; the board ranks participants; a tier-gated
//! event is invisible below its tier.

use chrono::Duration;
use steward_testkit::Sent;

use crate::helpers::*;

fn code_in(reply: &str) -> String {
    let (_, after) = reply.split_once("Check-in code: ").expect(reply);
    after.chars().take(6).collect()
}

#[tokio::test]
async fn a_check_in_code_pays_once_and_only_while_the_event_runs() {
    let app = spawn_app().await;
    let admin = console("admin");
    let (bob, carol, dan) = (console("bob"), console("carol"), console("dan"));
    let created = app
        .ask(
            &admin,
            "/event create \"Winter hackathon\" tomorrow 10:00 tomorrow 18:00 xp 200",
        )
        .await;
    assert!(
        created.starts_with("Created Winter hackathon (#1), 2026-11-26 10:00"),
        "{created}"
    );
    let code = code_in(&created);
    assert!(
        app.ask(&bob, "/event join 1")
            .await
            .ends_with("A reminder comes an hour before it starts.")
    );
    let list = app.ask(&bob, "/event list").await;
    assert!(
        list.contains("1 joined, +200 XP for checking in (you joined)"),
        "{list}"
    );
    assert!(!list.contains(&code), "members do not see the code: {list}");
    assert!(app.ask(&admin, "/event list").await.contains(&code));
    let early = app.ask(&bob, &format!("/event checkin {code}")).await;
    assert!(early.contains("has not started yet"), "{early}");

    app.posts();
    app.advance(Duration::hours(23));
    assert_eq!(app.tick().await.event_reminders_sent, 1);
    assert!(app.posts().iter().any(|s| matches!(s,
        Sent::Dm { to, text } if to.user_id == "bob" && text.contains("starts within the hour"))));
    assert_eq!(app.tick().await.event_reminders_sent, 0, "reminded once");

    app.advance(Duration::minutes(90));
    let (lower, upper) = (
        format!("/event checkin {}", code.to_lowercase()),
        format!("/event checkin {code}"),
    );
    let (a, b) = tokio::join!(app.say(&bob, &lower), app.say(&bob, &upper));
    let mut replies = [a.unwrap(), b.unwrap()];
    replies.sort();
    assert_eq!(replies[0], "Checked in to Winter hackathon: +200 XP.");
    assert_eq!(
        replies[1],
        "You checked in to Winter hackathon already; it counts once."
    );
    assert_eq!(app.assert_books_balance(&bob).await.xp, 200);
    app.ask(&carol, &format!("/event checkin {code}")).await;
    app.ask(&admin, "/points add @carol 50 demo").await;
    let board = app.ask(&dan, "/event board 1").await;
    assert_eq!(
        board,
        "Top participants of Winter hackathon (#1), 2026-11-26 10:00 (Europe/Berlin) until 18:00:\n\
         1. carol — 250 XP\n2. bob — 200 XP"
    );
    assert!(
        app.ask(&bob, "/history")
            .await
            .contains("attended event #1")
    );

    app.advance(Duration::hours(8));
    let late = app.ask(&dan, &format!("/event checkin {code}")).await;
    assert_eq!(
        late,
        "Winter hackathon is over: its check-in code has expired."
    );
    assert!(
        app.ask(&dan, "/event checkin ZZZZZZ")
            .await
            .contains("No event you can join")
    );
}

#[tokio::test]
async fn a_tier_event_is_invisible_below_its_tier_and_only_operators_create_events() {
    let app = spawn_app().await;
    let admin = console("admin");
    let bob = console("bob");
    let created = app
        .ask(&admin, "/event create Pro-call now in 1h tier pro")
        .await;
    let code = code_in(&created);
    assert_eq!(
        app.ask(&bob, "/event join 1").await,
        "There is no event #1 you can see. /event list shows them."
    );
    assert_eq!(
        app.ask(&bob, "/event list").await,
        "No events are coming up."
    );
    assert!(
        app.ask(&bob, &format!("/event checkin {code}"))
            .await
            .starts_with("No event you can join")
    );
    app.ask(&admin, "/member grant @bob pro 30d").await;
    assert_eq!(
        app.ask(&bob, &format!("/event checkin {code}")).await,
        "Checked in to Pro-call: +100 XP."
    );
    assert_eq!(
        app.ask(&bob, "/event create Mine now in 1h").await,
        "Only operators can create events."
    );
    let bad = app.ask(&admin, "/event create Backwards in 2h in 1h").await;
    assert_eq!(
        bad,
        "An event must end after it starts, and not in the past."
    );
    let usage = app.ask(&admin, "/event create Oops tomorrow").await;
    assert!(usage.contains("Usage: /event list"), "{usage}");
    // START and END quoted, as the README writes them.
    let quoted = app
        .ask(&admin, "/event create \"Rust AMA\" \"in 1m\" \"in 2h\"")
        .await;
    assert!(quoted.starts_with("Created Rust AMA"), "{quoted}");
}

#[tokio::test]
async fn an_event_may_open_a_season_that_ends_with_it() {
    let app = spawn_app().await;
    let admin = console("admin");
    let created = app
        .ask(&admin, "/event create Sprint in 1h in 3h season")
        .await;
    assert!(
        created
            .ends_with("When it starts, the season “Sprint” opens and runs until the event ends."),
        "{created}"
    );
    assert_eq!(
        app.tick().await.event_seasons_opened,
        0,
        "not before the start"
    );
    app.posts();
    app.advance(Duration::hours(1));
    assert_eq!(app.tick().await.event_seasons_opened, 1);
    assert!(app.posts().iter().any(|s| matches!(s,
        Sent::Post { text, .. } if text.contains("Sprint"))));
    assert_eq!(app.tick().await.event_seasons_opened, 0, "opened once");
    let board = app.ask(&console("bob"), "/leaderboard season").await;
    assert!(board.contains("Sprint"), "{board}");
    app.advance(Duration::hours(2));
    assert_eq!(app.tick().await.seasons_ended, vec!["Sprint".to_owned()]);

    // A season already running keeps the next event from opening one; operators hear why.
    app.ask(&admin, "/season start Winter").await;
    app.ask(&admin, "/event create Jam in 1h in 2h season")
        .await;
    app.posts();
    app.advance(Duration::hours(1));
    assert_eq!(app.tick().await.event_seasons_opened, 0);
    assert!(app.posts().iter().any(|s| matches!(s,
        Sent::Dm { text, .. } if text.starts_with("The event Jam could not open its season"))));
}
