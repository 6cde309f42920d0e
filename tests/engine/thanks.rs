use chrono::Duration;

use crate::helpers::*;

#[tokio::test]
async fn thanks_pays_the_helper_once_per_pair_per_day() {
    let app = spawn_app().await;
    let (alice, bob) = (console("alice"), console("bob"));
    app.say(&bob, "here is how to fix it").await;
    let reply = app.ask(&alice, "/thanks @bob for the fix").await;
    assert_eq!(reply, "alice thanked bob: “for the fix” (+10 XP for bob).");
    assert_eq!(
        app.ask(&alice, "/thanks @bob").await,
        "You've already thanked them today."
    );
    assert_eq!(xp_in(&app.ask(&bob, "/rank").await), 30);

    app.advance(Duration::days(1));
    assert!(
        app.ask(&alice, "/thanks @bob")
            .await
            .contains("+10 XP for bob")
    );
}

#[tokio::test]
async fn nobody_thanks_themselves_a_bot_or_a_stranger() {
    let app = spawn_app().await;
    let alice = console("alice");
    assert_eq!(
        app.ask(&alice, "/thanks @alice").await,
        "You can't thank yourself."
    );
    let to_bot = app
        .reply(&alice, &bot("helper-bot"), "/thanks")
        .await
        .unwrap();
    assert_eq!(to_bot, "Bots don't collect thanks.");
    let unknown = app.ask(&alice, "/thanks @nobody").await;
    assert!(
        unknown.contains("I don't know @nobody here yet"),
        "{unknown}"
    );
    assert!(
        app.ask(&alice, "/thanks")
            .await
            .contains("Usage: /thanks @member [reason]")
    );
}

#[tokio::test]
async fn a_giver_has_five_thanks_a_day() {
    let app = spawn_app().await;
    let alice = console("alice");
    for i in 0..5 {
        let helper = console(&format!("helper{i}"));
        app.say(&helper, "some help").await;
        assert!(
            app.ask(&alice, &format!("/thanks @helper{i}"))
                .await
                .contains("+10 XP")
        );
    }
    app.say(&console("helper5"), "more help").await;
    let refused = app.ask(&alice, "/thanks @helper5").await;
    assert_eq!(
        refused,
        "You've given all 5 thanks for today; more open tomorrow."
    );
}

#[tokio::test]
async fn a_thanks_word_reply_counts_and_never_pays_twice_with_the_command() {
    let app = spawn_app().await;
    let (alice, bob) = (console("alice"), console("bob"));
    app.say(&bob, "use a transaction").await;
    let reply = app.reply(&alice, &bob, "Thanks!").await.unwrap();
    assert!(reply.contains("alice thanked bob"), "{reply}");
    // The same pair on the same day: neither the word nor the command pays again.
    assert_eq!(app.reply(&alice, &bob, "+1").await, None);
    assert_eq!(
        app.reply(&alice, &bob, "/thanks").await.unwrap(),
        "You've already thanked them today."
    );
    assert_eq!(xp_in(&app.ask(&bob, "/rank").await), 30);
}

#[tokio::test]
async fn a_thanks_word_inside_a_sentence_is_just_a_message() {
    let app = spawn_app().await;
    let (alice, bob) = (console("alice"), console("bob"));
    app.say(&bob, "try this").await;
    assert_eq!(
        app.reply(&alice, &bob, "thanks but it did not work").await,
        None
    );
    assert_eq!(xp_in(&app.ask(&bob, "/rank").await), 20);
    assert_eq!(xp_in(&app.ask(&alice, "/rank").await), 20);
}

#[tokio::test]
async fn thanks_to_a_mention_of_no_known_member_is_refused_and_creates_no_one() {
    let app = spawn_app().await;
    let (alice, bob) = (console("alice"), console("bob"));
    app.say(&bob, "here is how to fix it").await;
    let board = app.ask(&alice, "/leaderboard").await;
    // The console turns every @word into a mention of that account, typos included.
    let typo = with_mention(
        message(&alice, general(), "/thanks @nobdy", app.clock_now()),
        "nobdy",
        &console("nobdy"),
    );
    let refused = app.send(typo).await.unwrap();
    assert_eq!(refused, "No such member: nobdy has not been seen here yet.");
    let store = app.engine.store();
    let account = console("nobdy").profile.account;
    assert_eq!(store.member_of(&account).await.unwrap(), None);
    assert_eq!(app.ask(&alice, "/leaderboard").await, board);
    // A thanks by reply still reaches whoever wrote the message replied to.
    let thanked = app.reply(&alice, &bob, "/thanks").await.unwrap();
    assert!(thanked.contains("+10 XP for bob"), "{thanked}");
}
