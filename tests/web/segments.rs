//! `/dashboard/segments`: an operator sees who is in a segment and broadcasts to it through a
//! confirmation page with the session's form token; members and forged forms send nothing.

use reqwest::StatusCode;
use steward_testkit::Sent;

use crate::harness::{console, csrf_of, spawn};

#[tokio::test]
async fn an_operator_broadcasts_to_a_segment_after_confirming() {
    let app = spawn("members").await;
    app.say(&console("alice"), "hello everyone").await;
    let mut admin = app.browser_for(&console("admin")).await;
    app.engine.ingest().fold_step().await.unwrap();
    let index = admin.get("/dashboard/segments").await;
    assert_eq!(index.status, StatusCode::OK);
    assert!(index.body.contains("Upgrade candidates"), "{}", index.body);
    let active = admin.get("/dashboard/segments/active").await;
    assert!(active.body.contains(">alice</a>"), "{}", active.body);
    assert_eq!(
        admin.get("/dashboard/segments/everyone").await.status,
        StatusCode::NOT_FOUND
    );
    let csrf = csrf_of(&active.body);
    let path = "/dashboard/segments/active/broadcast";
    let forged = admin
        .post(
            path,
            &[("csrf", "forged"), ("text", "Hi all"), ("confirm", "yes")],
        )
        .await;
    assert_eq!(forged.status, StatusCode::BAD_REQUEST);
    let asked = admin
        .post(path, &[("csrf", &csrf), ("text", "Hi all")])
        .await;
    assert!(
        asked
            .body
            .contains("Send this to the 2 members of active by DM?"),
        "{}",
        asked.body
    );
    // Asking wrote nothing.
    assert!(
        app.engine
            .store()
            .broadcast_status(1)
            .await
            .unwrap()
            .is_none()
    );
    app.platform.take();
    let done = admin
        .post(
            path,
            &[("csrf", &csrf), ("text", "Hi all"), ("confirm", "yes")],
        )
        .await;
    assert_eq!(done.status, StatusCode::OK);
    assert!(
        done.body.contains("Broadcast #1 to active: 2 accounts"),
        "{}",
        done.body
    );
    app.engine
        .broadcasts()
        .deliver_due(app.engine.kernel().now())
        .await
        .unwrap();
    let to_alice = app
        .platform
        .take()
        .into_iter()
        .filter(|s| matches!(s, Sent::Dm { to, text } if to.user_id == "alice" && text == "Hi all"))
        .count();
    assert_eq!(to_alice, 1);
    let status = admin.get("/dashboard/broadcasts/1").await;
    assert!(status.body.contains("2 of 2 sent"), "{}", status.body);
}

#[tokio::test]
async fn members_cannot_broadcast() {
    let app = spawn("members").await;
    let alice = console("alice");
    app.say(&alice, "hello everyone").await;
    let mut member = app.browser_for(&alice).await;
    let own = member.get("/me").await;
    let page = member
        .get(own.location.as_deref().unwrap_or("/members/1"))
        .await;
    let csrf = csrf_of(&page.body);
    let tried = member
        .post(
            "/dashboard/segments/all/broadcast",
            &[("csrf", &csrf), ("text", "spam"), ("confirm", "yes")],
        )
        .await;
    assert_eq!(tried.status, StatusCode::FORBIDDEN);
    assert_eq!(
        member.get("/dashboard/segments").await.status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn a_message_of_invisible_characters_is_refused_and_writes_nothing() {
    let app = spawn("members").await;
    app.say(&console("alice"), "hello everyone").await;
    let mut admin = app.browser_for(&console("admin")).await;
    app.engine.ingest().fold_step().await.unwrap();
    let active = admin.get("/dashboard/segments/active").await;
    let csrf = csrf_of(&active.body);
    let refused = admin
        .post(
            "/dashboard/segments/active/broadcast",
            &[
                ("csrf", &csrf),
                ("text", "\u{200B} \u{2060}"),
                ("confirm", "yes"),
            ],
        )
        .await;
    assert!(
        refused.body.contains("The message is empty"),
        "{}",
        refused.body
    );
    assert!(
        app.engine
            .store()
            .broadcast_status(1)
            .await
            .unwrap()
            .is_none()
    );
}
