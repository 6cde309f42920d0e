//! The award log behind message XP: an award is counted by every reader as soon as it is
//! committed, and by the next start after a crash; the cooldown holds when the log was folded
//! and the engine restarted; the fold step empties the log once; and the live ranks built from
//! appended awards agree with the totals the fold writes.

use chrono::Duration;
use rand::{Rng, SeedableRng};
use steward::core::periods::Board;
use steward::engine::Event;
use steward::store::LedgerKind;

use crate::helpers::*;

#[tokio::test]
async fn an_award_still_in_the_log_counts_after_a_crash() {
    let app = spawn_app().await;
    let alice = console("alice");
    app.say(&alice, "hello everyone").await;
    assert!(
        app.engine.store().has_unfolded_awards(),
        "the award is committed to the log, not folded yet"
    );
    let account = &alice.profile.account;
    let id = app
        .engine
        .store()
        .member_of(account)
        .await
        .unwrap()
        .unwrap();
    // The new engine knows nothing of the old one's memory: what it reads is what the file
    // holds, folded at its start.
    let app = app.crash_and_restart().await;
    let store = app.engine.store();
    let row = store.member(id).await.unwrap();
    assert_eq!((row.xp, row.balance), (20, 20));
    assert_eq!(store.ledger_totals(id).await.unwrap(), (20, 20));
    let history = store.history(id, 10).await.unwrap();
    assert_eq!(history.len(), 1, "{history:?}");
    assert_eq!(history[0].kind, Some(LedgerKind::Message));
    assert_eq!(history[0].delta_xp, 20);
    // And it is counted exactly once.
    assert_eq!(xp_in(&app.ask(&alice, "/rank").await), 20);
    app.assert_books_balance(&alice).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cooldown_holds_across_a_fold_and_a_restart() {
    let app = spawn_app().await;
    let (alice, bob) = (console("alice"), console("bob"));
    app.say(&alice, "first message").await;
    // Bob's check-in folds alice's award out of the log.
    app.ask(&bob, "/daily").await;
    assert!(!app.engine.store().has_unfolded_awards());
    // A new engine has no cooldown cache: the stored time must hold the cooldown.
    let app = app.restart().await;
    app.advance(Duration::seconds(30));
    app.say(&alice, "inside the cooldown").await;
    assert_eq!(xp_in(&app.ask(&alice, "/rank").await), 20);
    app.advance(Duration::seconds(31));
    app.say(&alice, "after the cooldown").await;
    assert_eq!(xp_in(&app.ask(&alice, "/rank").await), 40);
    app.assert_books_balance(&alice).await;
}

#[tokio::test]
async fn the_fold_step_moves_the_log_into_the_tables_once() {
    let app = spawn_app().await;
    let alice = console("alice");
    app.say(&alice, "hello everyone").await;
    assert!(app.engine.store().has_unfolded_awards());
    assert!(
        app.engine.ingest().fold_step().await.unwrap(),
        "a log to fold"
    );
    assert!(!app.engine.store().has_unfolded_awards());
    assert!(
        !app.engine.ingest().fold_step().await.unwrap(),
        "nothing left to fold"
    );
    let row = app.assert_books_balance(&alice).await;
    assert_eq!(row.xp, 20);
    assert_eq!(xp_in(&app.ask(&alice, "/rank").await), 20);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn live_ranks_from_appended_awards_agree_with_the_folded_totals() {
    let app = spawn_app().await;
    let admin = console("admin");
    let mut rng = rand::rngs::StdRng::seed_from_u64(5);
    let names: Vec<String> = (0..24).map(|i| format!("p{i:02}")).collect();
    // Chat on both sides of midnight from Sunday to Monday in Berlin, sent at once so the
    // awards share a batch: one fold then holds awards for two week boards.
    app.advance(Duration::days(4) + Duration::hours(13) + Duration::minutes(59));
    let midnight = app.clock_now() + Duration::minutes(1);
    let mut tasks = Vec::new();
    for (i, name) in names[..12].iter().enumerate() {
        let at = midnight + Duration::seconds(if i % 2 == 0 { -5 } else { 5 });
        let event = Event::Message(message(&console(name), general(), "around midnight", at));
        let engine = app.engine.clone();
        tasks.push(tokio::spawn(async move { engine.handle(event).await }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    app.advance(Duration::minutes(2));
    for step in 0..400 {
        if step == 200 {
            // Awards before and after the start share the log: two sets of boards in one fold.
            app.ask(&admin, "/season start Spring").await;
        }
        let name = &names[rng.random_range(0..names.len())];
        if rng.random_bool(0.75) {
            app.say(&console(name), "some chat worth XP").await;
        } else {
            let verb = if rng.random_bool(0.8) {
                "add"
            } else {
                "remove"
            };
            let amount = rng.random_range(1..30);
            app.ask(&admin, &format!("/points {verb} @{name} {amount}"))
                .await;
        }
        app.advance(Duration::seconds(rng.random_range(0..25)));
    }
    // Sunday's awards stayed on last week's board, once each.
    let last_week = app
        .engine
        .store()
        .load_board(&Board::Week("2026-W48".into()))
        .await
        .unwrap();
    let mut scores: Vec<i64> = last_week.iter().map(|s| s.score()).collect();
    scores.sort_unstable();
    assert_eq!(scores, vec![20; 6], "{last_week:?}");
    let live_all = board_lines(&app, "all").await;
    let live_week = board_lines(&app, "week").await;
    let live_month = board_lines(&app, "month").await;
    let live_season = board_lines(&app, "season").await;
    assert!(!live_season.is_empty());
    // The truth from the stored totals (reading them folds the log first).
    let mut truth = Vec::new();
    for name in &names {
        let row = app.assert_books_balance(&console(name)).await;
        if row.xp > 0 {
            truth.push((-row.xp, row.xp_reached_at, row.id.0, name.clone()));
        }
    }
    truth.sort();
    let expected: Vec<String> = truth.into_iter().map(|t| t.3).collect();
    assert_eq!(names_of(&live_all), expected);
    // A restart rebuilds every board from the folded tables: the same order.
    let app = app.restart().await;
    assert_eq!(board_lines(&app, "all").await, live_all);
    assert_eq!(board_lines(&app, "week").await, live_week);
    assert_eq!(board_lines(&app, "month").await, live_month);
    assert_eq!(board_lines(&app, "season").await, live_season);
}
