//! A GET never changes state: every page, download and health check, opened by a visitor, a
//! member and an operator right after chat activity (message XP still in the award log), leaves
//! the database as it was. SQLite's `data_version`, read from a connection of the test's own,
//! changes whenever any other connection commits a change.

use sqlx::Connection;
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};
use steward::adapters::web::route_paths;

use crate::access_walk::{member_id, paths};
use crate::harness::*;

async fn data_version(watcher: &mut SqliteConnection) -> i64 {
    sqlx::query_scalar("PRAGMA data_version")
        .fetch_one(watcher)
        .await
        .unwrap()
}

#[tokio::test]
async fn opening_every_page_writes_nothing_to_the_database() {
    let app = spawn("public").await;
    let (admin, alice, bob) = (console("admin"), console("alice"), console("bob"));
    for who in [&alice, &bob] {
        app.say(who, "hello everyone, a long enough message").await;
    }
    app.say(&admin, "/season start Winter").await;
    let readers = [
        ("a visitor", app.browser()),
        ("Alice", app.browser_for(&alice).await),
        ("an operator", app.browser_for(&admin).await),
    ];
    // The message awards that arrive last are still in the award log when the pages open.
    app.say(&alice, "and one more message, also long enough")
        .await;
    app.say(&bob, "and one more message, also long enough")
        .await;
    let ids = [
        member_id(&app, &alice).await,
        member_id(&app, &bob).await,
        1,
    ];
    let options = SqliteConnectOptions::new()
        .filename(app.database_path())
        .read_only(true);
    let mut watcher = SqliteConnection::connect_with(&options).await.unwrap();
    let before = data_version(&mut watcher).await;
    let mut opened = 0;
    for route in route_paths() {
        for path in paths(route, &ids) {
            for query in ["", "?q=alice", "?page=1"] {
                let path = format!("{path}{query}");
                for (who, browser) in &readers {
                    browser.get(&path).await;
                    assert_eq!(
                        data_version(&mut watcher).await,
                        before,
                        "GET {path} by {who} wrote to the database"
                    );
                    opened += 1;
                }
            }
        }
    }
    assert!(opened > 50, "{opened}");
}
