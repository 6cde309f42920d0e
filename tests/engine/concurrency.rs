//! Parallel requests never award twice: the store decides inside `BEGIN IMMEDIATE`
//! transactions, whatever order the engine's tasks reach it in. (One process owns a database
//! file; a second is refused at open, see `restart.rs`.)

use std::sync::Arc;

use steward::engine::{Engine, Event, Person};

use crate::helpers::*;

async fn in_parallel(
    engines: &[Arc<Engine>],
    who: &Person,
    text: &str,
    app: &TestApp,
    n: usize,
) -> Vec<String> {
    let mut tasks = Vec::new();
    for i in 0..n {
        let engine = engines[i % engines.len()].clone();
        let event = Event::Message(message(who, general(), text, app.clock_now()));
        tasks.push(tokio::spawn(async move { engine.handle(event).await }));
    }
    let mut replies = Vec::new();
    for task in tasks {
        replies.extend(task.await.unwrap());
    }
    replies
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_dailies_pay_exactly_once() {
    let app = spawn_app().await;
    let engines = [app.engine.clone()];
    let alice = console("alice");
    app.ask(&alice, "/rank").await; // create the member up front
    let replies = in_parallel(&engines, &alice, "/daily", &app, 24).await;
    assert_eq!(
        replies
            .iter()
            .filter(|r| r.starts_with("Checked in"))
            .count(),
        1,
        "{replies:?}"
    );
    assert_eq!(
        replies
            .iter()
            .filter(|r| r.contains("already checked in"))
            .count(),
        23
    );
    assert_eq!(app.assert_books_balance(&alice).await.xp, 50);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_thanks_for_one_pair_pay_exactly_once() {
    let app = spawn_app().await;
    let engines = [app.engine.clone()];
    let (alice, bob) = (console("alice"), console("bob"));
    app.say(&bob, "the answer").await;
    app.ask(&alice, "/rank").await;
    let replies = in_parallel(&engines, &alice, "/thanks @bob", &app, 20).await;
    assert_eq!(
        replies
            .iter()
            .filter(|r| r.contains("+10 XP for bob"))
            .count(),
        1,
        "{replies:?}"
    );
    assert_eq!(xp_in(&app.ask(&bob, "/rank").await), 30);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_thanks_to_many_helpers_respect_the_daily_limit() {
    let app = spawn_app().await;
    let engines = [app.engine.clone()];
    let alice = console("alice");
    app.ask(&alice, "/rank").await;
    for i in 0..12 {
        app.say(&console(&format!("h{i}")), "helping").await;
    }
    let mut tasks = Vec::new();
    for i in 0..12 {
        let engine = engines[i % engines.len()].clone();
        let event = Event::Message(message(
            &alice,
            general(),
            &format!("/thanks @h{i}"),
            app.clock_now(),
        ));
        tasks.push(tokio::spawn(
            async move { engine.handle(event).await.unwrap() },
        ));
    }
    let mut paid = 0;
    for task in tasks {
        if task.await.unwrap().contains("+10 XP") {
            paid += 1;
        }
    }
    assert_eq!(paid, 5);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_burst_of_messages_inside_one_cooldown_awards_once() {
    let app = spawn_app().await;
    let engines = [app.engine.clone()];
    let alice = console("alice");
    in_parallel(&engines, &alice, "spam spam spam", &app, 30).await;
    assert_eq!(xp_in(&app.ask(&alice, "/rank").await), 20);
}
