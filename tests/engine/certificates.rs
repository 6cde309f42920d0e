//! Course certificates through the engine: issued only for a finished course, once per course
//! and printed name, posted as a PNG with a link to the public page; revoked only by an
//! operator; gone (not "revoked") once the member erases their data.

use steward::i18n::Lang;
use steward_testkit::Sent;

use crate::helpers::*;

/// A course of two delivered lessons, finished by Bob.
async fn finished_course(app: &TestApp) {
    let admin = console("admin");
    app.ask(&admin, "/drop now Lesson one: ownership").await;
    app.ask(&admin, "/drop now Lesson two: borrowing").await;
    app.tick().await;
    app.ask(&admin, "/course create rust-101 Rust basics").await;
    app.ask(&admin, "/course add rust-101 1").await;
    app.ask(&admin, "/course add rust-101 2").await;
    let bob = console("bob");
    assert!(
        app.ask(&bob, "/certificate")
            .await
            .starts_with("You have not finished a course yet")
    );
    app.ask(&bob, "/done 1").await;
    let early = app.ask(&bob, "/certificate rust-101").await;
    assert!(
        early.starts_with("You have not finished Rust basics yet"),
        "{early}"
    );
    app.ask(&bob, "/done 2").await;
    app.posts();
}

fn en() -> Lang {
    Lang::from_code("en").unwrap()
}

/// The certificate id in an answer's link.
fn id_in(reply: &str) -> String {
    let at = reply.find("/certificates/").expect("a link") + "/certificates/".len();
    reply[at..at + 19].to_owned()
}

#[tokio::test]
async fn a_finished_course_gives_one_certificate_per_printed_name() {
    let app = spawn_app().await;
    finished_course(&app).await;
    let bob = console("bob");
    let reply = app.ask(&bob, "/certificate").await;
    assert!(
        reply.starts_with("Your certificate for Rust basics, in the name of bob:"),
        "{reply}"
    );
    let id = id_in(&reply);
    let posted = app.posts().into_iter().any(|s| {
        matches!(&s, Sent::File { file, .. } if file.image && file.name == format!("certificate-{id}.png"))
    });
    assert!(posted, "the certificate is posted as a picture");
    assert_eq!(
        id_in(&app.ask(&bob, "/certificate rust-101").await),
        id,
        "asked again: the same one"
    );
    let named = app.ask(&bob, "/certificate rust-101 as Ada Lovelace").await;
    assert_ne!(id_in(&named), id, "another name, another certificate");

    let page = app
        .engine
        .certificates()
        .page(en(), &id.to_lowercase())
        .await
        .unwrap()
        .expect("its page");
    assert_eq!(page.certificate.name, "bob");
    assert_eq!(page.certificate.course_title, "Rust basics");
    assert!(page.certificate.revoked.is_none());
    let guessed = app
        .engine
        .certificates()
        .page(en(), "AAAA-AAAA-AAAA-AAAA")
        .await
        .unwrap();
    assert_eq!(guessed, None);
}

#[tokio::test]
async fn only_an_operator_revokes_and_the_page_says_why() {
    let app = spawn_app().await;
    finished_course(&app).await;
    let bob = console("bob");
    let id = id_in(&app.ask(&bob, "/certificate").await);
    let by_member = app
        .ask(&bob, &format!("/certificate revoke {id} mine"))
        .await;
    assert_eq!(by_member, "Only operators revoke certificates.");
    let admin = console("admin");
    let revoked = app
        .ask(&admin, &format!("/certificate revoke {id} copied the exam"))
        .await;
    assert!(
        revoked.starts_with(&format!("Certificate {id} is revoked")),
        "{revoked}"
    );
    let again = app
        .ask(&admin, &format!("/certificate revoke {id} twice"))
        .await;
    assert!(again.starts_with("No certificate"), "{again}");
    let page = app
        .engine
        .certificates()
        .page(en(), &id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        page.certificate.revoked.map(|r| r.reason).as_deref(),
        Some("copied the exam")
    );
}

#[tokio::test]
async fn an_erased_members_certificate_is_not_found_rather_than_revoked() {
    let app = spawn_app().await;
    finished_course(&app).await;
    let bob = console("bob");
    let id = id_in(&app.ask(&bob, "/certificate").await);
    app.ask(&bob, "/privacy delete").await;
    let done = app.ask(&bob, "/privacy delete confirm").await;
    assert!(!done.contains("went wrong"), "{done}");
    assert_eq!(
        app.engine.certificates().page(en(), &id).await.unwrap(),
        None
    );
}

#[tokio::test]
async fn a_course_with_an_exam_gives_its_certificate_once_the_exam_is_rated() {
    let config =
        format!("{CONFIG}\n[[courses]]\nid = \"rust-101\"\ntitle = \"Rust basics\"\nexam = 3\n");
    let app = spawn_app_with(&config).await;
    let admin = console("admin");
    for line in [
        "/drop now Lesson one: ownership",
        "/drop now Lesson two: borrowing",
        "/drop now Exam: write a linked list",
    ] {
        app.ask(&admin, line).await;
    }
    app.tick().await;
    app.ask(&admin, "/course add rust-101 1").await;
    app.ask(&admin, "/course add rust-101 2").await;
    let bob = console("bob");
    app.ask(&bob, "/done 1").await;
    app.ask(&bob, "/done 2").await;
    let before = app.ask(&bob, "/certificate").await;
    assert_eq!(
        before,
        "Rust basics ends with an exam: take drop #3 and rate it (/rate 3 1-5), then ask again."
    );
    let rated = app.ask(&bob, "/rate 3 4").await;
    assert!(!rated.contains("Usage"), "{rated}");
    let after = app.ask(&bob, "/certificate").await;
    assert!(
        after.starts_with("Your certificate for Rust basics"),
        "{after}"
    );
}

#[tokio::test]
async fn a_course_that_requires_review_gives_its_certificate_once_a_hand_in_is_approved() {
    let config = format!(
        "{CONFIG}\n[[courses]]\nid = \"rust-101\"\ntitle = \"Rust basics\"\nrequires_review = true\n"
    );
    let app = spawn_app_with(&config).await;
    let admin = console("admin");
    app.ask(&admin, "/drop now Lesson one: ownership").await;
    app.tick().await;
    app.ask(&admin, "/course add rust-101 1").await;
    let bob = console("bob");
    app.ask(&bob, "/done 1").await;
    assert_eq!(
        app.ask(&bob, "/certificate").await,
        "Rust basics needs your hand-in approved by an operator: send it with /submit course \
         rust-101 TEXT (or reply to it with /submit course rust-101), then ask again once it is \
         approved."
    );
    // A tip that merely starts with "course" is an ordinary submission.
    let tip = app.ask(&bob, "/submit course notes are on the wiki").await;
    assert!(tip.starts_with("Thanks! Your submission #1"), "{tip}");
    let handed = app
        .ask(
            &bob,
            "/submit course rust-101 https://git.example/bob/linked-list",
        )
        .await;
    assert_eq!(
        handed,
        "Thanks! Your hand-in #2 for rust-101 is waiting for review; you will hear back by DM."
    );
    let list = app.ask(&admin, "/review list").await;
    assert!(
        list.contains("[hand-in for rust-101] https://git.example/bob/linked-list"),
        "{list}"
    );
    app.posts();
    let approved = app.ask(&admin, "/review approve 2").await;
    assert_eq!(
        approved,
        "Hand-in #2 by bob for rust-101 approved; they were told. Nothing is posted."
    );
    app.tick().await;
    assert!(
        app.drops_delivered().is_empty(),
        "an approved hand-in is not a drop"
    );
    let after = app.ask(&bob, "/certificate").await;
    assert!(
        after.starts_with("Your certificate for Rust basics"),
        "{after}"
    );
}
