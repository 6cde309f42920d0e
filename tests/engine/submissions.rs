//! Member submissions and review: nothing a member submits is posted until an operator
//! approves it; approval schedules it as a drop and pays the author once, even when two
//! operators approve at once; a rejection tells the author why and posts nothing.

use chrono::Duration;
use steward_testkit::Sent;

use crate::helpers::*;

fn dms_to(sent: &[Sent], user: &str) -> Vec<String> {
    sent.iter()
        .filter_map(|s| match s {
            Sent::Dm { to, text } if to.user_id == user => Some(text.clone()),
            _ => None,
        })
        .collect()
}

/// The text of each drop posted.
fn drop_texts(sent: Vec<Sent>) -> Vec<String> {
    sent.into_iter()
        .filter_map(|s| match s {
            Sent::Drop { drop, .. } => Some(drop.text),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn an_approved_submission_goes_out_as_a_drop_credited_and_paid_once() {
    let app = spawn_app().await;
    let (admin, bob) = (console("admin"), console("bob"));
    let queued = app
        .ask(&bob, "/submit Tip: cargo nextest runs tests in parallel")
        .await;
    assert!(
        queued.starts_with("Thanks! Your submission #1 is waiting"),
        "{queued}"
    );
    let sent = app.posts();
    assert!(
        dms_to(&sent, "admin")
            .iter()
            .any(|t| t.starts_with("New submission #1 from bob: Tip: cargo nextest")),
        "{sent:?}"
    );
    assert!(
        app.drops_delivered().is_empty(),
        "nothing is posted before review"
    );
    let list = app.ask(&admin, "/review list").await;
    assert!(
        list.starts_with("One submission waits for review:\n#1 from bob"),
        "{list}"
    );

    let approved = app
        .ask(
            &admin,
            "/review approve 1 in 1h to announcements tags rust,testing",
        )
        .await;
    assert!(
        approved
            .starts_with("Approved submission #1 from bob (+100 XP for them).\nScheduled drop #1"),
        "{approved}"
    );
    assert!(approved.ends_with("Tags: rust, testing"), "{approved}");
    assert!(
        dms_to(&app.posts(), "bob")
            .iter()
            .any(|t| t.contains("will go out as drop #1: +100 XP")),
    );
    assert_eq!(xp_in(&app.ask(&bob, "/rank").await), 100);
    assert!(
        app.ask(&bob, "/history")
            .await
            .contains("submission #1 approved")
    );
    let again = app.ask(&admin, "/review approve 1").await;
    assert_eq!(again, "Submission #1 was approved already.");

    app.advance(Duration::hours(1));
    app.tick().await;
    let posted = drop_texts(app.posts());
    assert!(!posted.is_empty(), "posted once it was due");
    assert!(
        posted
            .iter()
            .all(|t| t == "Tip: cargo nextest runs tests in parallel\n\n— shared by bob"),
        "{posted:?}"
    );
    assert!(app.ask(&bob, "/drops tag testing").await.contains("#1"));
}

#[tokio::test]
async fn a_rejected_submission_is_never_posted_and_its_author_hears_why() {
    let app = spawn_app().await;
    let (admin, bob) = (console("admin"), console("bob"));
    app.ask(&bob, "/submit Buy my course!!!").await;
    let rejected = app
        .ask(&admin, "/review reject 1 Advertising is against rule 2")
        .await;
    assert_eq!(
        rejected,
        "Rejected submission #1 from bob; they were told why."
    );
    assert!(dms_to(&app.posts(), "bob").contains(
        &"Your submission #1 was not accepted: Advertising is against rule 2".to_owned()
    ));
    assert_eq!(
        app.ask(&admin, "/review approve 1 now").await,
        "Submission #1 was rejected already."
    );
    app.advance(Duration::hours(1));
    app.tick().await;
    assert!(app.drops_delivered().is_empty());
    assert!(
        app.ask(&admin, "/drop list")
            .await
            .contains("No drops are scheduled")
    );
    assert_eq!(
        app.ask(&admin, "/review list").await,
        "No submissions are waiting for review."
    );
    let reason = app.ask(&admin, "/review reject 1").await;
    assert!(reason.contains("Say why, for the author"), "{reason}");
}

#[tokio::test]
async fn two_operators_approving_at_once_make_one_drop_and_pay_once() {
    let app = spawn_app().await;
    let carol = console("carol");
    app.ask(&carol, "/submit Read the Rustonomicon").await;
    let (admin, olga) = (console("admin"), telegram("900", "Olga"));
    let (a, b) = tokio::join!(
        app.say(&admin, "/review approve 1 in 1h"),
        app.say(&olga, "/review approve 1 in 1h"),
    );
    let mut replies = [a.unwrap(), b.unwrap()];
    replies.sort();
    assert!(
        replies[0].starts_with("Approved submission #1"),
        "{replies:?}"
    );
    assert_eq!(replies[1], "Submission #1 was approved already.");
    let list = app.ask(&console("admin"), "/drop list").await;
    assert_eq!(list.lines().count(), 2, "one drop: {list}");
    let carol_row = app.assert_books_balance(&carol).await;
    assert_eq!(carol_row.xp, 100);
}

#[tokio::test]
async fn the_queue_is_capped_per_member_and_rules_come_from_config() {
    let config = format!(
        "{CONFIG}\n[submissions]\nmax_pending = 2\nxp = 40\nrules = [\"Be kind\", \"No advertising\"]\n"
    );
    let app = spawn_app_with(&config).await;
    let dan = console("dan");
    app.ask(&dan, "/submit one").await;
    app.ask(&dan, "/submit two").await;
    let full = app.ask(&dan, "/submit three").await;
    assert_eq!(
        full,
        "You have 2 submissions waiting for review already. Please wait until they are reviewed."
    );
    assert_eq!(
        app.ask(&dan, "/rules").await,
        "Test Guild rules:\n1. Be kind\n2. No advertising"
    );
    let refused = app.ask(&dan, "/review list").await;
    assert!(
        refused.starts_with("Only operators can use /review"),
        "{refused}"
    );
    let empty = app.ask(&dan, "/submit").await;
    assert!(empty.contains("Write what you want to share"), "{empty}");
    // A hidden author is not named on the post.
    app.ask(&dan, "/privacy hide").await;
    app.ask(&console("admin"), "/review approve 1").await;
    app.tick().await;
    let posted = drop_texts(app.posts());
    assert_eq!(posted, vec!["one".to_owned()]);
}
