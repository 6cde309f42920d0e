//! Issue #28 item 4: the running bot backs up on the scheduler, keeps `backup.keep` copies
//! and reports the last success as a metric.

use chrono::Duration;
use steward::engine::backups::{FIRST_BACKUP_AFTER, backups_in};

use crate::helpers::*;

#[tokio::test]
async fn scheduled_backups_start_after_ten_minutes_repeat_each_period_and_keep_the_newest() {
    let app = spawn_app_with("[backup]\nevery = \"1d\"\nkeep = 2\n").await;
    let alice = console("alice");
    app.say(&alice, "hello everyone").await;
    let dir = app.db_path.parent().unwrap().join("backups");

    let early = app
        .engine
        .backups()
        .backup_if_due(app.clock_now())
        .await
        .unwrap();
    assert!(early.made.is_none(), "not in the first ten minutes");

    app.advance(FIRST_BACKUP_AFTER);
    let first = app
        .engine
        .backups()
        .backup_if_due(app.clock_now())
        .await
        .unwrap();
    let made = first.made.expect("a backup once ten minutes have passed");
    assert!(made.path.starts_with(&dir) && made.bytes > 0, "{made:?}");
    assert!(
        app.engine
            .backups()
            .backup_if_due(app.clock_now())
            .await
            .unwrap()
            .made
            .is_none()
    );

    for _ in 0..2 {
        app.advance(Duration::days(1));
        assert!(
            app.engine
                .backups()
                .backup_if_due(app.clock_now())
                .await
                .unwrap()
                .made
                .is_some()
        );
    }
    let kept = backups_in(&dir, &app.db_path);
    assert_eq!(kept.len(), 2, "{kept:?}");
    assert!(!made.path.exists(), "the oldest was deleted");

    let metrics = app.engine.kernel().metrics_text().await.unwrap();
    let expected = format!(
        "steward_last_backup_timestamp_seconds {}",
        app.clock_now().timestamp()
    );
    assert!(metrics.contains(&expected), "{metrics}");
}

#[tokio::test]
async fn a_backup_holds_what_was_committed_and_opens_as_a_database() {
    let app = spawn_app().await;
    let alice = console("alice");
    app.say(&alice, "hello everyone").await;
    app.advance(FIRST_BACKUP_AFTER);
    let made = app
        .engine
        .backups()
        .backup_if_due(app.clock_now())
        .await
        .unwrap()
        .made
        .unwrap();
    let copy = steward::store::Store::open(&made.path).await.unwrap();
    let id = copy
        .member_of(&alice.profile.account)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(copy.member(id).await.unwrap().xp, 20);
    copy.close().await;
}
