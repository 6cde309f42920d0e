use crate::helpers::*;
use steward_testkit::Sent;

#[tokio::test]
async fn a_member_is_refused_operator_commands_clearly() {
    let app = spawn_app().await;
    let alice = console("alice");
    app.say(&console("bob"), "hello").await;
    let refusal = app.ask(&alice, "/points add @bob 50").await;
    assert_eq!(
        refusal,
        "Only operators can use /points. Send /help to see the commands you can use."
    );
    // Even malformed, an operator command tells a member it is not theirs, not how to use it.
    assert_eq!(
        app.ask(&alice, "/season start").await,
        "Only operators can use /season. Send /help to see the commands you can use."
    );
    assert_eq!(xp_in(&app.ask(&alice, "/rank @bob").await), 20);
}

#[tokio::test]
async fn config_operators_and_platform_admins_may_grant() {
    let app = spawn_app().await;
    let bob = console("bob");
    app.say(&bob, "hello").await;
    assert!(
        app.ask(&console("admin"), "/points add @bob 5")
            .await
            .starts_with("Added 5 points to bob")
    );
    let chat_admin = console("carol");
    let reply = app
        .say_as_admin(&chat_admin, "/points add @bob 5 thanks")
        .await
        .unwrap();
    assert!(reply.starts_with("Added 5 points to bob"), "{reply}");
    assert_eq!(xp_in(&app.ask(&bob, "/rank").await), 30);
}

#[tokio::test]
async fn an_operator_on_telegram_is_listed_by_user_id() {
    let app = spawn_app().await;
    let op = telegram("900", "Olga");
    let member = telegram("901", "Max");
    app.send(message(
        &member,
        telegram_group(),
        "hi there",
        app.clock_now(),
    ))
    .await;
    let m = with_mention(
        message(
            &op,
            telegram_group(),
            "/points add @max 100",
            app.clock_now(),
        ),
        "max",
        &member,
    );
    let reply = app.send(m).await.unwrap();
    assert!(reply.contains("Added 100 points to Max"), "{reply}");
}

#[tokio::test]
async fn help_lists_operator_commands_only_to_operators() {
    let app = spawn_app().await;
    let member_help = app.ask(&console("alice"), "/help").await;
    assert!(
        member_help.contains("/daily - Daily check-in") && !member_help.contains("/points"),
        "{member_help}"
    );
    assert!(member_help.ends_with("How to use one: /help NAME, like /help leaderboard."));
    let operator_help = app.ask(&console("admin"), "/help").await;
    assert!(
        operator_help.contains("\nOperators: /points /season /member"),
        "{operator_help}"
    );
    let points = app.ask(&console("admin"), "/help /points").await;
    assert!(
        points.starts_with("/points: ")
            && points.contains(" (operators)\n/points add|remove @member N [reason]"),
        "{points}"
    );
    assert!(points.contains("\n· add - "), "{points}");
    assert_eq!(
        app.ask(&console("alice"), "/help nope").await,
        "There is no /nope command. /help lists them all."
    );
}

#[tokio::test]
async fn a_member_who_joined_can_be_named_before_they_speak() {
    let app = spawn_app().await;
    let newcomer = telegram("777", "Nina");
    let joined = steward::engine::Event::MemberJoined {
        chat: telegram_group(),
        person: newcomer,
        at: app.clock_now(),
    };
    assert_eq!(app.engine.handle(joined).await, None);
    let op = telegram("900", "Olga");
    let reply = app
        .send(message(
            &op,
            telegram_group(),
            "/points add @nina 10 welcome",
            app.clock_now(),
        ))
        .await
        .unwrap();
    assert!(reply.starts_with("Added 10 points to Nina"), "{reply}");
}

#[tokio::test]
async fn reaching_a_rewarded_level_gives_its_reward_once_on_every_account() {
    let config = format!(
        "{CONFIG}\n[[level_rewards]]\nlevel = 2\ndiscord_role = \"77\"\n\n[[level_rewards]]\nlevel = 3\ndiscord_role = \"78\"\n"
    );
    let app = spawn_app_with(&config).await;
    let bob = console("bob");
    app.say(&bob, "hello").await;
    app.posts();
    // Level 2 needs 255 XP: 20 from chat plus 250 granted.
    app.ask(&console("admin"), "/points add @bob 250").await;
    let rewards: Vec<Sent> = app
        .posts()
        .into_iter()
        .filter(|s| matches!(s, Sent::LevelReward { .. }))
        .collect();
    assert_eq!(
        rewards,
        [Sent::LevelReward {
            to: bob.profile.account.clone(),
            level: 2
        }]
    );
    // More XP inside level 2 gives nothing again.
    app.ask(&console("admin"), "/points add @bob 5").await;
    assert!(
        !app.posts()
            .iter()
            .any(|s| matches!(s, Sent::LevelReward { .. }))
    );
}
