//! `steward import`: XP from MEE6 or a plain list becomes members, accounts and `import` ledger
//! rows; each account is set to the file's figure for its source (a corrected file updates, the
//! same file again changes nothing), and ranks like any other XP.

use sqlx::{Connection, SqliteConnection};
use steward::core::import::ImportFormat;
use steward::engine::import::{ImportOptions, export_json, import_xp};
use steward::store::{ImportOutcome, Store};

use crate::helpers::*;

const APPLY: ImportOptions = ImportOptions {
    dry_run: false,
    strict: false,
};

/// (sum of members' XP, sum of the ledger's XP, members).
async fn totals(path: &std::path::Path) -> (i64, i64, i64) {
    let mut db = SqliteConnection::connect(&format!("sqlite://{}", path.display()))
        .await
        .unwrap();
    let members: (i64, i64) = sqlx::query_as("SELECT coalesce(sum(xp), 0), count(*) FROM members")
        .fetch_one(&mut db)
        .await
        .unwrap();
    let ledger: i64 = sqlx::query_scalar("SELECT coalesce(sum(delta_xp), 0) FROM ledger")
        .fetch_one(&mut db)
        .await
        .unwrap();
    (members.0, ledger, members.1)
}

#[tokio::test]
async fn a_mee6_import_adds_to_known_members_creates_the_rest_and_runs_once() {
    let app = spawn_app().await;
    let bob = discord("222222222222222222", "bob");
    app.send(message(
        &bob,
        discord_channel(),
        "hello from bob",
        app.clock_now(),
    ))
    .await;
    app.engine.shutdown().await;
    let mee6 = r#"{"players": [
        {"id": "111111111111111111", "username": "alice", "xp": 4675, "level": 10},
        {"id": "222222222222222222", "username": "bob", "xp": 100, "level": 0}
    ]}"#;
    let store = Store::open(&app.db_path).await.unwrap();
    let dry = ImportOptions {
        dry_run: true,
        strict: false,
    };
    let report = import_xp(&store, ImportFormat::Mee6, mee6, dry, app.clock_now())
        .await
        .unwrap();
    assert_eq!(
        report.outcome,
        Some(ImportOutcome {
            added: 2,
            new_members: 1,
            updated: 0,
            unchanged: 0,
            xp: 4775
        })
    );
    let first = import_xp(&store, ImportFormat::Mee6, mee6, APPLY, app.clock_now())
        .await
        .unwrap();
    assert_eq!(first.outcome, report.outcome, "the dry run changed nothing");
    let again = import_xp(&store, ImportFormat::Mee6, mee6, APPLY, app.clock_now())
        .await
        .unwrap();
    assert_eq!(
        again.outcome,
        Some(ImportOutcome {
            unchanged: 2,
            ..ImportOutcome::default()
        })
    );
    let exported = export_json(&store).await.unwrap();
    store.close().await;
    let (xp, ledger, members) = totals(&app.db_path).await;
    assert_eq!(xp, ledger, "totals equal the ledger");
    assert_eq!(members, 2);
    assert!(exported.contains("\"111111111111111111\""), "{exported}");

    let app = app.restart().await;
    let alice = discord("111111111111111111", "alice");
    let rank = app.ask(&alice, "/rank").await;
    assert!(rank.starts_with("alice: Level 10, 4675 XP"), "{rank}");
    let history = app.ask(&alice, "/history").await;
    assert!(history.contains("imported from MEE6"), "{history}");
    let board = app.ask(&bob, "/leaderboard").await;
    assert!(
        board.contains("#1 alice") && board.contains("#2 bob"),
        "{board}"
    );
}

#[tokio::test]
async fn a_strict_import_with_a_bad_row_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("steward.db");
    let store = Store::open(&path).await.unwrap();
    let list = r#"[{"id": "42", "platform": "telegram", "xp": 10}, {"id": "x", "xp": 1}]"#;
    let strict = ImportOptions {
        dry_run: false,
        strict: true,
    };
    let report = import_xp(&store, ImportFormat::Json, list, strict, start_time())
        .await
        .unwrap();
    assert_eq!(report.outcome, None);
    assert_eq!(report.skipped.len(), 1);
    assert_eq!(report.skipped[0].line, 1);
    store.close().await;
    assert_eq!(totals(&path).await, (0, 0, 0));
}

#[tokio::test]
async fn a_hundred_thousand_rows_import_in_one_go_and_a_second_run_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("steward.db");
    let rows: Vec<String> = (1..=100_000u64)
        .map(|i| {
            format!(
                r#"{{"id": "{}", "platform": "discord", "xp": {}}}"#,
                10u64.pow(17) + i,
                i
            )
        })
        .collect();
    let text = format!("[\n{}\n]", rows.join(",\n"));
    let store = Store::open(&path).await.unwrap();
    let report = import_xp(&store, ImportFormat::Json, &text, APPLY, start_time())
        .await
        .unwrap();
    let expected_xp = (1..=100_000i64).sum::<i64>();
    assert_eq!(
        report.outcome,
        Some(ImportOutcome {
            added: 100_000,
            new_members: 100_000,
            xp: expected_xp,
            ..ImportOutcome::default()
        })
    );
    let again = import_xp(&store, ImportFormat::Json, &text, APPLY, start_time())
        .await
        .unwrap();
    assert_eq!(
        again.outcome,
        Some(ImportOutcome {
            unchanged: 100_000,
            ..ImportOutcome::default()
        })
    );
    store.close().await;
    assert_eq!(totals(&path).await, (expected_xp, expected_xp, 100_000));
}

#[tokio::test]
async fn a_corrected_file_updates_each_account_instead_of_adding_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("steward.db");
    let store = Store::open(&path).await.unwrap();
    let first = r#"[{"id": "41", "platform": "telegram", "xp": 100},
                    {"id": "42", "platform": "telegram", "xp": 200},
                    {"id": "43", "platform": "telegram", "xp": "bad"}]"#;
    import_xp(&store, ImportFormat::Json, first, APPLY, start_time())
        .await
        .unwrap();
    assert_eq!(totals(&path).await.0, 300);
    // The bad row fixed, one figure lowered, and the spacing changed: a new file by its hash.
    let corrected = r#"[ {"id": "41", "platform": "telegram", "xp": 100},
                        {"id": "42", "platform": "telegram", "xp": 150},
                        {"id": "43", "platform": "telegram", "xp": 30} ]"#;
    let report = import_xp(&store, ImportFormat::Json, corrected, APPLY, start_time())
        .await
        .unwrap();
    assert_eq!(
        report.outcome,
        Some(ImportOutcome {
            added: 1,
            new_members: 1,
            updated: 1,
            unchanged: 1,
            xp: -20
        })
    );
    // The same account from another source is its own figure, added beside.
    let mee6 = r#"{"players": [{"id": "555555555555555555", "xp": 5}]}"#;
    import_xp(&store, ImportFormat::Mee6, mee6, APPLY, start_time())
        .await
        .unwrap();
    store.close().await;
    let (xp, ledger, members) = totals(&path).await;
    assert_eq!((xp, ledger, members), (285, 285, 4));
    // Going back to the first file sets its figures again; its bad row changes nothing.
    let store = Store::open(&path).await.unwrap();
    let back = import_xp(&store, ImportFormat::Json, first, APPLY, start_time())
        .await
        .unwrap();
    assert_eq!(back.outcome.map(|o| (o.updated, o.unchanged)), Some((1, 1)));
    store.close().await;
    assert_eq!(totals(&path).await.0, 335);
}
