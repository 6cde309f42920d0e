//! Members' rights: `/privacy export` holds every row about the member and nothing of anyone
//! else's; `/privacy delete` erases names and platform ids from every table (found by walking
//! the schema) while totals still equal the ledger; old detail rolls up without changing a
//! total.

use chrono::Duration;
use serde_json::Value;
use sqlx::SqliteConnection;
use steward::engine::{DropTarget, Person};
use steward::store::MEMBER_TABLES;
use steward_testkit::Sent;

use crate::helpers::*;

async fn tables(db: &mut SqliteConnection) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         AND name NOT LIKE '_sqlx_%' ORDER BY name",
    )
    .fetch_all(db)
    .await
    .unwrap()
}

async fn columns(db: &mut SqliteConnection, table: &str) -> Vec<String> {
    sqlx::query_scalar("SELECT name FROM pragma_table_info(?)")
        .bind(table)
        .fetch_all(db)
        .await
        .unwrap()
}

/// Text values anywhere in the database that contain `needle`, as `table.column`.
async fn places_holding(db: &mut SqliteConnection, needle: &str) -> Vec<String> {
    let mut found = Vec::new();
    for table in tables(db).await {
        for column in columns(db, &table).await {
            let sql = format!(
                "SELECT COUNT(*) FROM \"{table}\" WHERE typeof(\"{column}\") = 'text' \
                 AND instr(lower(\"{column}\"), lower(?)) > 0"
            );
            let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
                .bind(needle)
                .fetch_one(&mut *db)
                .await
                .unwrap();
            if n > 0 {
                found.push(format!("{table}.{column}"));
            }
        }
    }
    found
}

/// Sum of every member's XP and of the whole ledger's XP, with the award log folded in.
async fn community_totals(app: &TestApp, db: &mut SqliteConnection) -> (i64, i64) {
    app.engine.store().settle().await.unwrap();
    let members: i64 = sqlx::query_scalar("SELECT coalesce(sum(xp), 0) FROM members")
        .fetch_one(&mut *db)
        .await
        .unwrap();
    let ledger: i64 = sqlx::query_scalar("SELECT coalesce(sum(delta_xp), 0) FROM ledger")
        .fetch_one(&mut *db)
        .await
        .unwrap();
    (members, ledger)
}

/// Alice and Bob take part in most of what Steward records: messages, /daily, thanks both
/// ways, a grant with a reason, a membership, a link code, a rated drop.
async fn busy_community(app: &TestApp) -> (Person, Person) {
    let (alice, bob, admin) = (console("alice"), console("bob"), console("admin"));
    app.say(&alice, "hello from alice").await;
    app.say(&bob, "hello from bob").await;
    app.ask(&alice, "/daily").await;
    app.ask(&bob, "/thanks @alice for the review").await;
    app.ask(&alice, "/thanks @bob likewise").await;
    app.ask(&admin, "/points add @alice 30 wrote the FAQ").await;
    app.ask(&admin, "/member grant @bob basic 30d").await;
    app.ask(&alice, "/link").await;
    app.ask(&admin, "/drop now to announcements Release notes")
        .await;
    app.tick().await;
    app.ask(&alice, "/rate 1 5").await;
    app.ask(&bob, "/rate 1 3").await;
    app.posts();
    (alice, bob)
}

/// The export `who` receives by DM, parsed.
async fn export_of(app: &TestApp, who: &Person) -> Value {
    let reply = app.ask(who, "/privacy export").await;
    assert!(reply.starts_with("I sent your data to you by direct message: steward-data-"));
    let sent = app.posts();
    let Some(Sent::File { to, file }) = sent.last() else {
        panic!("no file sent: {sent:?}")
    };
    assert_eq!(to, &DropTarget::Dm(who.profile.account.clone()));
    assert!(!file.image, "an export is a document");
    serde_json::from_slice(&file.bytes).unwrap()
}

#[tokio::test]
async fn an_export_holds_every_table_of_the_member_and_nothing_of_anyone_else() {
    let app = spawn_app().await;
    let (alice, _bob) = busy_community(&app).await;
    let alice_id = app.member(&alice).await.id.0;
    let bob_id = app.member(&console("bob")).await.id.0;
    let export = export_of(&app, &alice).await;
    assert_eq!(export["member_id"], alice_id);
    let mut db = db(&app).await;
    for table in MEMBER_TABLES {
        let rows = export["tables"][table.name]
            .as_array()
            .unwrap_or_else(|| panic!("the export lacks {}", table.name));
        let sql = format!("SELECT COUNT(*) FROM {} WHERE {}", table.name, table.rows);
        let held: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .bind(alice_id)
            .fetch_one(&mut db)
            .await
            .unwrap();
        assert_eq!(rows.len() as i64, held, "rows of {}", table.name);
        for row in rows {
            for column in table.member_columns {
                assert!(
                    row[*column] == alice_id || row[*column].is_null(),
                    "{}.{column} names another member: {row}",
                    table.name
                );
            }
        }
    }
    let tables = &export["tables"];
    assert_eq!(tables["accounts"][0]["user_id"], "alice");
    assert_eq!(tables["thanks"].as_array().unwrap().len(), 2);
    assert_eq!(tables["ratings"][0]["stars"], 5);
    assert_eq!(tables["link_codes"].as_array().unwrap().len(), 1);
    assert!(tables["ledger"].as_array().unwrap().len() >= 4);
    let text = export.to_string();
    assert!(!text.contains("\"bob\""), "bob's name or id leaked: {text}");
    assert!(
        !tables["thanks"]
            .to_string()
            .contains(&format!(":{bob_id},")),
        "bob's member id leaked"
    );
}

#[tokio::test]
async fn every_table_that_names_a_member_is_in_the_export() {
    let app = spawn_app().await;
    let mut db = db(&app).await;
    let member_columns = [
        "member_id",
        "actor_member_id",
        "giver_id",
        "receiver_id",
        "created_by",
        "requested_by",
        "kept_with",
    ];
    for table in tables(&mut db).await {
        let references: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM pragma_foreign_key_list(?) WHERE \"table\" = 'members'",
        )
        .bind(&table)
        .fetch_one(&mut db)
        .await
        .unwrap();
        let names_member = references > 0
            || columns(&mut db, &table)
                .await
                .iter()
                .any(|c| member_columns.contains(&c.as_str()))
            || table == "members";
        let listed = MEMBER_TABLES.iter().any(|t| t.name == table);
        assert!(
            !names_member || listed,
            "table {table} holds member ids but the export leaves it out"
        );
    }
}

#[tokio::test]
async fn an_erasure_leaves_no_name_or_platform_id_anywhere_and_totals_still_equal_the_ledger() {
    let app = spawn_app().await;
    let (on_telegram, on_discord) = (telegram("7001", "Alice Wong"), discord("8002", "alicedc"));
    let mut first = message(
        &on_telegram,
        telegram_group(),
        "hi from telegram",
        app.clock_now(),
    );
    first.chat = telegram_group();
    app.send(first).await;
    app.send(message(
        &on_discord,
        discord_channel(),
        "hi from discord",
        app.clock_now(),
    ))
    .await;
    app.send(message(
        &on_telegram,
        telegram_group(),
        "/link",
        app.clock_now(),
    ))
    .await;
    let code = match app.posts().last() {
        Some(Sent::Dm { text, .. }) => text
            .split_whitespace()
            .nth(4)
            .unwrap()
            .trim_end_matches('.')
            .to_owned(),
        other => panic!("no link code: {other:?}"),
    };
    app.send(message(
        &on_discord,
        discord_channel(),
        &format!("/link {code}"),
        app.clock_now(),
    ))
    .await;
    let (bob, admin) = (console("bob"), console("admin"));
    app.say(&bob, "hello everyone").await;
    app.ask(&bob, "/thanks @alicedc thanks Alice Wong").await;
    app.ask(&admin, "/points add @alicedc 40 Alice Wong's talk")
        .await;
    let mut db = db(&app).await;
    let before = community_totals(&app, &mut db).await;
    assert!(!places_holding(&mut db, "Alice Wong").await.is_empty());

    let ask = |text: &str| {
        app.send(message(
            &on_discord,
            discord_channel(),
            text,
            app.clock_now(),
        ))
    };
    let asked = ask("/privacy delete").await.unwrap();
    assert!(
        asked.contains("send /privacy delete confirm within 5 minutes"),
        "{asked}"
    );
    let done = ask("/privacy delete confirm").await.unwrap();
    assert_eq!(
        done,
        "Done: your data is erased from Test Guild. Thank you for having been part of it."
    );

    for needle in ["Alice Wong", "alicedc", "7001", "8002"] {
        assert_eq!(
            places_holding(&mut db, needle).await,
            Vec::<String>::new(),
            "{needle} is still stored"
        );
    }
    assert_eq!(community_totals(&app, &mut db).await, before);
    assert_eq!(before.0, before.1, "members' XP equals the ledger's");
    let lines = board_lines(&app, "all").await;
    assert_eq!(names_of(&lines), ["bob"], "{lines:?}");
    assert_eq!(names_of(&board_lines(&app, "week").await), ["bob"]);

    // Writing again starts from zero, as a new member.
    app.send(message(
        &on_discord,
        discord_channel(),
        "I'm back",
        app.clock_now(),
    ))
    .await;
    let back = app.assert_books_balance(&on_discord).await;
    assert_eq!(back.xp, 20);
}

#[tokio::test]
async fn erasure_needs_confirming_by_the_asker_within_five_minutes() {
    let app = spawn_app().await;
    let (alice, bob) = (console("alice"), console("bob"));
    app.say(&alice, "hello there").await;
    app.say(&bob, "hello there").await;
    let early = app.ask(&alice, "/privacy delete confirm").await;
    assert_eq!(
        early,
        "No erasure is waiting for your confirmation. Start with /privacy delete."
    );
    app.ask(&alice, "/privacy delete").await;
    app.advance(Duration::minutes(5));
    let late = app.ask(&alice, "/privacy delete confirm").await;
    assert_eq!(
        late,
        "That erasure was asked more than 5 minutes ago. Ask again with /privacy delete."
    );
    app.ask(&alice, "/privacy delete").await;
    let other = app.ask(&bob, "/privacy delete @alice confirm").await;
    assert_eq!(
        other,
        "Only operators can erase another member's data, at that member's request."
    );
    assert_eq!(app.member(&alice).await.xp, 20, "nothing was erased yet");
    app.advance(Duration::minutes(4));
    let done = app.ask(&alice, "/privacy delete confirm").await;
    assert!(done.starts_with("Done: your data is erased"), "{done}");
    let store = app.engine.store();
    assert_eq!(store.member_of(&alice.profile.account).await.unwrap(), None);
}

#[tokio::test]
async fn running_memberships_keep_their_access_unless_the_member_asks_to_end_them() {
    let app = spawn_app().await;
    let (alice, carol, admin) = (console("alice"), console("carol"), console("admin"));
    app.say(&alice, "hello there").await;
    app.say(&carol, "hello there").await;
    app.ask(&admin, "/member grant @alice pro 30d").await;
    app.ask(&admin, "/member grant @carol pro 30d").await;
    app.posts();

    // Alice keeps hers: it moves to a fresh member and still ends on time.
    let asked = app.ask(&alice, "/privacy delete").await;
    assert!(asked.contains("Running memberships: Pro until"), "{asked}");
    assert!(asked.contains("/privacy delete end"), "{asked}");
    let done = app.ask(&alice, "/privacy delete confirm").await;
    assert!(done.ends_with("The running memberships keep their access until they end."));
    assert!(!app.posts().iter().any(|s| matches!(s, Sent::Revoke { .. })));
    let kept = app.member(&alice).await;
    assert_eq!((kept.xp, kept.display_name.as_str()), (0, ""));
    let mine = app.ask(&alice, "/membership").await;
    assert!(mine.contains("Pro"), "{mine}");

    // Carol ends hers: access goes before the accounts do.
    let asked = app.ask(&carol, "/privacy delete end").await;
    assert!(asked.contains("They end now"), "{asked}");
    app.ask(&carol, "/privacy delete confirm").await;
    let revoked: Vec<_> = app
        .posts()
        .into_iter()
        .filter(|s| matches!(s, Sent::Revoke { .. }))
        .collect();
    assert_eq!(revoked.len(), 1, "{revoked:?}");
    assert_eq!(
        app.engine
            .store()
            .member_of(&carol.profile.account)
            .await
            .unwrap(),
        None
    );

    app.advance(Duration::days(31));
    let expired = app.tick().await;
    assert_eq!(expired.memberships_expired, 1, "alice's kept Pro ran out");
    assert!(
        app.posts()
            .iter()
            .any(|s| matches!(s, Sent::Revoke { from, .. } if from == &alice.profile.account))
    );
}

#[tokio::test]
async fn an_operator_erases_at_a_members_request_and_it_is_logged() {
    let app = spawn_app().await;
    let (alice, admin) = (console("alice"), console("admin"));
    app.say(&alice, "hello there").await;
    let alice_id = app.member(&alice).await.id.0;
    let asked = app.ask(&admin, "/privacy delete @alice").await;
    assert!(asked.starts_with("Erasing alice's data"), "{asked}");
    assert!(asked.contains("/privacy delete @alice confirm"), "{asked}");
    let done = app.ask(&admin, "/privacy delete @alice confirm").await;
    assert_eq!(done, "Done: alice's data is erased. The erasure is logged.");
    let mut db = db(&app).await;
    let logged: (i64, i64) = sqlx::query_as("SELECT member_id, by_operator FROM erasures")
        .fetch_one(&mut db)
        .await
        .unwrap();
    assert_eq!(logged, (alice_id, 1));
    assert!(places_holding(&mut db, "alice").await.is_empty());
}

#[tokio::test]
async fn two_confirmations_at_once_erase_once() {
    let app = spawn_app().await;
    let alice = console("alice");
    app.say(&alice, "hello there").await;
    app.ask(&alice, "/privacy delete").await;
    let (first, second) = tokio::join!(
        app.say(&alice, "/privacy delete confirm"),
        app.say(&alice, "/privacy delete confirm")
    );
    let done = [first.unwrap(), second.unwrap()]
        .iter()
        .filter(|r| r.starts_with("Done"))
        .count();
    assert_eq!(done, 1);
    let mut db = db(&app).await;
    let erasures: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM erasures")
        .fetch_one(&mut db)
        .await
        .unwrap();
    assert_eq!(erasures, 1);
}

#[tokio::test]
async fn old_day_by_day_awards_roll_up_and_totals_still_equal_the_ledger() {
    let app =
        spawn_app_with(&CONFIG.replace("[points]", "[ledger]\nkeep_days = 30\n\n[points]")).await;
    let (alice, admin) = (console("alice"), console("admin"));
    for _ in 0..5 {
        app.say(&alice, "a day's message").await;
        app.ask(&alice, "/daily").await;
        app.advance(Duration::days(1));
    }
    app.ask(&admin, "/points add @alice 7 kept for the audit")
        .await;
    let before = app.assert_books_balance(&alice).await;
    app.advance(Duration::days(40));
    let first = app.tick().await;
    assert_eq!(first.ledger_rows_rolled_up, 9, "10 day rows became 1");
    let after = app.assert_books_balance(&alice).await;
    assert_eq!((after.xp, after.balance), (before.xp, before.balance));
    let history = app.ask(&alice, "/history").await;
    assert!(
        history.contains("older day-by-day awards, summed"),
        "{history}"
    );
    assert!(history.contains("kept for the audit"), "{history}");

    // Within a day nothing runs again; after it, an unchanged ledger stays as it is.
    app.advance(Duration::hours(1));
    assert_eq!(app.tick().await.ledger_rows_rolled_up, 0);
    app.advance(Duration::days(2));
    assert_eq!(app.tick().await.ledger_rows_rolled_up, 0);
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM ledger WHERE kind = 'rollup'")
        .fetch_one(&mut db(&app).await)
        .await
        .unwrap();
    assert_eq!(rows, 1);
}
