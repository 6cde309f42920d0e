//! Item 5: upgrades. A database made by an earlier schema (built here by the migrations up to
//! that point, the fixture) is copied beside itself, then upgraded keeping every member, ledger
//! row and membership; a database from a newer Steward is refused before anything touches it.

use std::path::Path;

use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePool};
use steward::store::Store;

use super::{stderr, steward};

/// The schemas upgraded from: the last before the members table was rebuilt (0020), and the
/// previous release's, one migration behind.
const EARLIER_SCHEMAS: [i64; 2] = [19, 21];

async fn pool(path: &Path) -> SqlitePool {
    let options = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true);
    SqlitePool::connect_with(options).await.unwrap()
}

/// A database at schema `last`, with members, accounts, ledger rows and memberships.
async fn database_at_schema(path: &Path, last: i64) {
    let migrations = tempfile::tempdir().unwrap();
    let all = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    for entry in std::fs::read_dir(&all).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().into_string().unwrap();
        let version: i64 = name[..4].parse().unwrap();
        if version <= last {
            std::fs::copy(entry.path(), migrations.path().join(&name)).unwrap();
        }
    }
    let pool = pool(path).await;
    Migrator::new(migrations.path())
        .await
        .unwrap()
        .run(&pool)
        .await
        .unwrap();
    for (id, name) in [(1, "alice"), (2, "bob"), (3, "carol")] {
        let xp = id * 100;
        sqlx::query(
            "INSERT INTO members (id, display_name, xp, balance, xp_reached_at, created_at) VALUES (?, ?, ?, ?, ?, ?5)",
        )
        .bind(id)
        .bind(name)
        .bind(xp)
        .bind(xp - 10)
        .bind(1_700_000_000_000_i64 + id)
        .execute(&pool)
        .await
        .unwrap();
        sqlx::query(
            "INSERT INTO accounts (platform, user_id, member_id, display_name) VALUES ('console', ?, ?, ?)",
        )
        .bind(name)
        .bind(id)
        .bind(name)
        .execute(&pool)
        .await
        .unwrap();
        for (delta_xp, delta_balance, kind, reference) in [
            (xp - 50, xp - 50, "message", Some("2026-01-02")),
            (50, 50, "daily", Some("2026-01-03")),
            (0, -10, "redeem", None),
        ] {
            sqlx::query(
                "INSERT INTO ledger (member_id, delta_xp, delta_balance, kind, reference, at) VALUES (?, ?, ?, ?, ?, ?)",
            )
            .bind(id)
            .bind(delta_xp)
            .bind(delta_balance)
            .bind(kind)
            .bind(reference)
            .bind(1_700_000_000_000_i64)
            .execute(&pool)
            .await
            .unwrap();
        }
        sqlx::query(
            "INSERT INTO memberships (member_id, tier, started_at, expires_at) VALUES (?, 'pro', ?, ?)",
        )
        .bind(id)
        .bind(1_700_000_000_000_i64)
        .bind((id != 3).then_some(1_900_000_000_000_i64))
        .execute(&pool)
        .await
        .unwrap();
    }
    pool.close().await;
}

/// Every member, account, ledger row and membership, as text to compare.
async fn community(path: &Path) -> Vec<String> {
    let pool = pool(path).await;
    let mut rows = Vec::new();
    for query in [
        "SELECT id || ' ' || display_name || ' ' || xp || ' ' || balance FROM members ORDER BY id",
        "SELECT platform || ' ' || user_id || ' ' || member_id FROM accounts ORDER BY member_id",
        "SELECT id || ' ' || member_id || ' ' || delta_xp || ' ' || delta_balance || ' ' || kind || ' ' || IFNULL(reference, '-') || ' ' || at FROM ledger ORDER BY id",
        "SELECT member_id || ' ' || tier || ' ' || started_at || ' ' || IFNULL(expires_at, 'lifetime') FROM memberships ORDER BY member_id",
    ] {
        let found: Vec<String> = sqlx::query_scalar(query).fetch_all(&pool).await.unwrap();
        assert!(!found.is_empty(), "{query}");
        rows.extend(found);
    }
    pool.close().await;
    rows
}

async fn migrations_applied(path: &Path) -> i64 {
    let pool = pool(path).await;
    let n = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations")
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    n
}

#[tokio::test]
async fn an_earlier_schema_is_backed_up_then_upgraded_keeping_the_whole_community() {
    for last in EARLIER_SCHEMAS {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("steward.db");
        database_at_schema(&path, last).await;
        let before = community(&path).await;

        let store = Store::open(&path).await.unwrap();
        let copy = store
            .upgrade_backup()
            .expect("a copy before upgrading")
            .to_owned();
        let alice = store.member(steward::core::ids::MemberId(1)).await.unwrap();
        assert_eq!((alice.xp, alice.balance), (100, 90));
        store.close().await;

        assert_eq!(
            community(&path).await,
            before,
            "upgraded from schema {last}"
        );
        assert_eq!(
            community(&copy).await,
            before,
            "the copy holds the old database"
        );
        assert_eq!(
            migrations_applied(&copy).await,
            last,
            "the copy is the old schema"
        );
        let again = Store::open(&path).await.unwrap();
        assert!(
            again.upgrade_backup().is_none(),
            "nothing to upgrade: no copy"
        );
        again.close().await;
    }
}

#[tokio::test]
async fn a_database_from_a_newer_steward_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let output = steward(dir.path(), &["console", "--as", "bob"], &[], "/daily\n");
    assert!(output.status.success(), "{output:?}");
    let path = dir.path().join("steward.db");
    let pool = pool(&path).await;
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) VALUES (9001, 'from the future', 1, x'00', 0)",
    )
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
    let before = std::fs::read(&path).unwrap();

    let refused = steward(dir.path(), &["migrate"], &[], "");
    assert!(!refused.status.success());
    let said = stderr(&refused);
    assert!(
        said.contains("was written by a newer Steward: it has database migration 9001"),
        "{said}"
    );
    assert!(!said.contains("panicked"), "{said}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "not touched");
}
