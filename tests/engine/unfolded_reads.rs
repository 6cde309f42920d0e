//! Reads never fold the award log, yet see every committed award: a member's totals, their
//! standings, whole boards and their recent ledger (summed as the chart sums it) read the same with message XP still in the
//! log as after the fold step has moved it into the tables.

use chrono::Duration;
use steward::core::ids::MemberId;
use steward::core::periods::Board;

use crate::helpers::*;

/// Everything the reads return for these members and boards, written out to compare.
async fn read_all(app: &TestApp, members: &[MemberId], boards: &[Board]) -> String {
    let store = app.engine.store();
    let mut seen = String::new();
    for member in members {
        seen += &format!("{:?}\n", store.member(*member).await.unwrap());
        for board in boards {
            seen += &format!("{:?}\n", store.standing(board, *member).await.unwrap());
        }
        // The member page's chart sums the rows by kind and week (the fold merges a day's
        // message rows into one; the log lists them one by one).
        let since = start_time() - Duration::days(30);
        let mut by_kind = std::collections::BTreeMap::new();
        for (kind, xp, _) in store.ledger_since(*member, since).await.unwrap() {
            *by_kind.entry(format!("{kind:?}")).or_insert(0) += xp;
        }
        seen += &format!("{by_kind:?}\n");
    }
    for board in boards {
        let mut standings = store.load_board(board).await.unwrap();
        standings.sort();
        seen += &format!("{board:?}: {standings:?}\n");
    }
    seen
}

#[tokio::test]
async fn reads_with_awards_still_in_the_log_match_the_reads_after_the_fold() {
    let app = spawn_app().await;
    let (admin, alice, bob, carol) = (
        console("admin"),
        console("alice"),
        console("bob"),
        console("carol"),
    );
    for who in [&alice, &bob, &carol] {
        app.say(who, "good morning everyone, a long enough message")
            .await;
    }
    app.ask(&carol, "/privacy hide").await;
    app.ask(&admin, "/points add @bob 40 for the talk").await;
    // After the cooldown, more message XP: it stays in the log until the fold step.
    app.advance(Duration::minutes(2));
    for who in [&alice, &bob, &carol] {
        app.say(who, "and a second message, long enough to count")
            .await;
    }
    let store = app.engine.store();
    assert!(
        store.has_unfolded_awards(),
        "the test reads an unfolded log"
    );
    let mut members = Vec::new();
    for who in [&alice, &bob, &carol] {
        members.push(app.member(who).await.id);
    }
    let boards = [
        Board::AllTime,
        Board::Week("2026-W48".into()),
        Board::Month("2026-11".into()),
    ];
    let unfolded = read_all(&app, &members, &boards).await;
    assert!(store.has_unfolded_awards(), "reading folded nothing");
    assert!(app.engine.ingest().fold_step().await.unwrap());
    assert!(!store.has_unfolded_awards());
    let folded = read_all(&app, &members, &boards).await;
    assert_eq!(unfolded, folded);
    // Carol is hidden: on no board; Alice's second message counts on the week's board.
    let week = store.load_board(&boards[1]).await.unwrap();
    assert_eq!(week.len(), 2, "{week:?}");
    assert!(week.iter().all(|s| s.member() != members[2]));
}
