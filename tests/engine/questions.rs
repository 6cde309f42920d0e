//! Questions through the engine: an answer is a reply to the question, the asker accepts one
//! once and the answerer earns `questions.accepted_xp`; a bounty is held from the asker's
//! points with the question, paid to the accepted answer or returned after `bounty_days`, and
//! never both, however acceptance and the return race; a question asked in a tier's chat is
//! that tier's; a hidden member is anonymous in lists; erasure takes a member's questions.

use chrono::Duration;
use steward::core::ids::{ChatRef, Platform};
use steward::engine::{Person, QuotedMessage};

use crate::helpers::*;

/// `who` says `text` in `chat` as message `id`, replying to message `to` (its author, id and
/// words) when given.
async fn post(
    app: &TestApp,
    who: &Person,
    chat: ChatRef,
    id: &str,
    text: &str,
    to: Option<(&Person, &str, &str)>,
) -> Option<String> {
    let mut m = message(who, chat.clone(), text, app.clock_now());
    m.message_id = Some(id.to_owned());
    if let Some((author, message_id, words)) = to {
        m.reply_to = Some(author.clone());
        m.quoted = Some(QuotedMessage {
            chat,
            message_id: message_id.to_owned(),
            text: words.to_owned(),
            media: Vec::new(),
        });
    }
    app.send(m).await
}

/// Alice asks in #general (message "q1"); Bob answers by replying to it (message "a1").
async fn asked_and_answered(app: &TestApp, ask: &str) -> String {
    let (alice, bob) = (console("alice"), console("bob"));
    let asked = post(app, &alice, general(), "q1", ask, None).await.unwrap();
    post(
        app,
        &bob,
        general(),
        "a1",
        "Use Box::pin, then poll it",
        Some((&alice, "q1", ask)),
    )
    .await;
    asked
}

async fn accept_bobs_answer(app: &TestApp, who: &Person) -> String {
    accept_bobs_answer_as(app, who, "Use Box::pin, then poll it").await
}

/// `who` replies `/accept` to Bob's answer "a1", which said `words`.
async fn accept_bobs_answer_as(app: &TestApp, who: &Person, words: &str) -> String {
    let bob = console("bob");
    post(
        app,
        who,
        general(),
        &format!("acc-{}", who.profile.display_name),
        "/accept",
        Some((&bob, "a1", words)),
    )
    .await
    .unwrap()
}

async fn give_points(app: &TestApp, name: &str, points: i64) {
    app.say(&console(name), "hello everyone").await;
    app.ask(
        &console("admin"),
        &format!("/points add @{name} {points} seed"),
    )
    .await;
}

#[tokio::test]
async fn the_asker_accepts_one_answer_once_and_the_answerer_earns_its_xp() {
    let app = spawn_app().await;
    let asked = asked_and_answered(&app, "/ask How do I pin a future? #rust").await;
    assert!(asked.starts_with("Question #1 is open."), "{asked}");
    assert!(asked.contains("Tagged: rust"), "{asked}");
    let before = app.member(&console("bob")).await.xp;
    // Nobody but the asker (or an operator) accepts; the asker's own words are no answer.
    let carol = console("carol");
    assert_eq!(
        accept_bobs_answer(&app, &carol).await,
        "Only the asker of question #1 (or an operator) accepts its answer."
    );
    let accepted = accept_bobs_answer(&app, &console("alice")).await;
    assert_eq!(
        accepted,
        "Answer accepted for question #1: bob earns 50 XP."
    );
    assert_eq!(app.member(&console("bob")).await.xp, before + 50);
    assert_eq!(
        accept_bobs_answer(&app, &console("admin")).await,
        "Question #1 has its accepted answer already."
    );
    assert_eq!(app.member(&console("bob")).await.xp, before + 50);
    app.assert_books_balance(&console("bob")).await;
    let listed = app.ask(&carol, "/questions").await;
    assert!(
        listed.contains("#1 How do I pin a future? #rust — alice, answered by bob"),
        "{listed}"
    );
}

#[tokio::test]
async fn a_bounty_is_held_with_the_question_and_paid_to_the_accepted_answer() {
    let app = spawn_app().await;
    give_points(&app, "alice", 100).await;
    let start = app.member(&console("alice")).await.balance;
    let asked = asked_and_answered(&app, "/ask Why does this borrow fail? bounty 30").await;
    assert!(asked.contains("30 points are held"), "{asked}");
    assert_eq!(app.member(&console("alice")).await.balance, start - 30);
    let bob_before = app.member(&console("bob")).await.balance;
    let accepted = accept_bobs_answer(&app, &console("alice")).await;
    assert!(
        accepted.ends_with("bob earns 50 XP and the 30 point bounty."),
        "{accepted}"
    );
    assert_eq!(app.member(&console("bob")).await.balance, bob_before + 80);
    // A week later the bounty is not returned: it was paid.
    app.advance(Duration::days(8));
    assert_eq!(app.tick().await.bounties_returned, 0);
    assert_eq!(app.member(&console("alice")).await.balance, start - 30);
    app.assert_books_balance(&console("alice")).await;
    app.assert_books_balance(&console("bob")).await;
}

#[tokio::test]
async fn a_bounty_more_than_the_balance_is_refused_and_nothing_is_asked() {
    let app = spawn_app().await;
    app.say(&console("alice"), "hello everyone").await;
    let reply = post(
        &app,
        &console("alice"),
        general(),
        "q1",
        "/ask Anyone? bounty 50",
        None,
    )
    .await
    .unwrap();
    assert_eq!(reply, "A bounty of 50 points needs that many: you have 20.");
    assert_eq!(
        app.ask(&console("bob"), "/questions").await,
        "No questions here yet. /ask opens one."
    );
}

#[tokio::test]
async fn an_unaccepted_bounty_goes_back_after_bounty_days_and_acceptance_then_pays_xp_only() {
    let app = spawn_app().await;
    give_points(&app, "alice", 100).await;
    let start = app.member(&console("alice")).await.balance;
    asked_and_answered(&app, "/ask Lifetimes? bounty 40").await;
    app.advance(Duration::days(6));
    assert_eq!(app.tick().await.bounties_returned, 0);
    app.advance(Duration::days(1));
    assert_eq!(app.tick().await.bounties_returned, 1);
    assert_eq!(app.tick().await.bounties_returned, 0, "returned once");
    assert_eq!(app.member(&console("alice")).await.balance, start);
    let bob_before = app.member(&console("bob")).await.balance;
    let accepted = accept_bobs_answer(&app, &console("alice")).await;
    assert!(accepted.ends_with("bob earns 50 XP."), "{accepted}");
    assert_eq!(app.member(&console("bob")).await.balance, bob_before + 50);
    app.assert_books_balance(&console("alice")).await;
}

#[tokio::test]
async fn acceptance_racing_the_bounty_s_return_pays_the_bounty_exactly_once() {
    for _ in 0..5 {
        let app = spawn_app().await;
        give_points(&app, "alice", 100).await;
        let start = app.member(&console("alice")).await.balance;
        asked_and_answered(&app, "/ask Race? bounty 40").await;
        app.advance(Duration::days(7));
        let before = app.member(&console("bob")).await.balance;
        let alice = console("alice");
        let (accepted, ticked) = tokio::join!(accept_bobs_answer(&app, &alice), app.tick());
        let alice_balance = app.member(&alice).await.balance;
        let bob_gain = app.member(&console("bob")).await.balance - before - 50;
        // The 40 points are either back with Alice or with Bob, never both or neither.
        assert_eq!(alice_balance - (start - 40) + bob_gain, 40, "{accepted}");
        assert_eq!(ticked.bounties_returned == 1, bob_gain == 0);
        app.assert_books_balance(&alice).await;
        app.assert_books_balance(&console("bob")).await;
    }
}

#[tokio::test]
async fn two_bounties_at_once_cannot_spend_the_same_points() {
    let app = spawn_app().await;
    give_points(&app, "alice", 100).await;
    let alice = console("alice");
    let start = app.member(&alice).await.balance;
    let (one, two) = tokio::join!(
        post(&app, &alice, general(), "q1", "/ask One? bounty 70", None),
        post(&app, &alice, general(), "q2", "/ask Two? bounty 70", None),
    );
    let held = [one.unwrap(), two.unwrap()]
        .iter()
        .filter(|r| r.contains("points are held"))
        .count();
    assert_eq!(held, 1);
    assert_eq!(app.member(&alice).await.balance, start - 70);
    app.assert_books_balance(&alice).await;
}

#[tokio::test]
async fn a_question_asked_in_a_tier_s_chat_is_shown_to_that_tier_and_hidden_members_are_anonymous()
{
    let app = spawn_app().await;
    let admin = console("admin");
    app.say(&console("carol"), "hello everyone").await;
    app.ask(&admin, "/member grant @carol pro 30d").await;
    let lounge = ChatRef::group(Platform::Console, "lounge");
    let carol = console("carol");
    post(&app, &carol, lounge, "q1", "/ask Pro secret question", None).await;
    post(
        &app,
        &console("dave"),
        general(),
        "q2",
        "/ask Open question",
        None,
    )
    .await;
    app.ask(&console("dave"), "/privacy hide").await;
    let free = app.ask(&console("bob"), "/questions").await;
    assert!(!free.contains("Pro secret"), "{free}");
    assert!(free.contains("#2 Open question — a member"), "{free}");
    let pro = app.ask(&carol, "/questions").await;
    assert!(pro.contains("#1 Pro secret question — carol"), "{pro}");
    // Accepting on a question one may not see is as if it did not exist.
    let reply = app.ask(&console("bob"), "/accept 1 @carol").await;
    assert_eq!(reply, "There is no question #1.");
}

#[tokio::test]
async fn erasing_the_asker_takes_their_questions() {
    let app = spawn_app().await;
    asked_and_answered(&app, "/ask Gone soon?").await;
    let alice = console("alice");
    app.ask(&alice, "/privacy delete").await;
    app.ask(&alice, "/privacy delete confirm").await;
    assert_eq!(
        app.ask(&console("bob"), "/questions").await,
        "No questions here yet. /ask opens one."
    );
}

#[tokio::test]
async fn recommend_suggests_open_questions_on_what_the_member_rates_well() {
    let app = spawn_app().await;
    let admin = console("admin");
    app.ask(&admin, "/drop now tags rust Ownership, explained")
        .await;
    app.tick().await;
    let (bob, carol) = (console("bob"), console("carol"));
    app.ask(&bob, "/rate 1 5").await;
    app.ask(&carol, "/rate 1 1").await;
    post(
        &app,
        &console("alice"),
        general(),
        "q1",
        "/ask How do I pin a future? #rust",
        None,
    )
    .await;
    let for_bob = app.ask(&bob, "/recommend").await;
    assert!(
        for_bob.contains(
            "Open questions you could answer:\n#1 How do I pin a future? #rust (tagged rust, which you rate well)"
        ),
        "{for_bob}"
    );
    let for_carol = app.ask(&carol, "/recommend").await;
    assert!(!for_carol.contains("Open questions"), "{for_carol}");
    // Once accepted, it is no longer open to suggest.
    post(
        &app,
        &bob,
        general(),
        "a1",
        "Box::pin it",
        Some((&console("alice"), "q1", "/ask How do I pin a future? #rust")),
    )
    .await;
    accept_bobs_answer_as(&app, &console("alice"), "Box::pin it").await;
    assert!(!app.ask(&bob, "/recommend").await.contains("Open questions"));
}

#[tokio::test]
async fn an_erased_answerer_leaves_the_question_accepted_without_their_words() {
    let app = spawn_app().await;
    asked_and_answered(&app, "/ask Which allocator?").await;
    accept_bobs_answer(&app, &console("alice")).await;
    let bob = console("bob");
    app.ask(&bob, "/privacy delete").await;
    app.ask(&bob, "/privacy delete confirm").await;
    let listed = app.ask(&console("carol"), "/questions").await;
    assert!(
        listed.contains("#1 Which allocator? — alice, answered by a member"),
        "{listed}"
    );
}

#[tokio::test]
async fn a_question_asked_before_a_restart_still_takes_its_answers() {
    let app = spawn_app().await;
    let alice = console("alice");
    post(&app, &alice, general(), "q1", "/ask Still there?", None).await;
    let app = app.restart().await;
    post(
        &app,
        &console("bob"),
        general(),
        "a1",
        "Use Box::pin, then poll it",
        Some((&alice, "q1", "/ask Still there?")),
    )
    .await;
    let accepted = accept_bobs_answer(&app, &alice).await;
    assert_eq!(
        accepted,
        "Answer accepted for question #1: bob earns 50 XP."
    );
}
