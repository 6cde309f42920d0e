//! A course certificate's public page in a real browser (headless Chromium): valid, then
//! revoked with its reason, then "not found" once its member erased their data. The page is
//! open to visitors even where standings are for members only, and shows nothing of the member
//! beyond what the certificate prints.

use crate::browser::{chromium, chromium_run};
use crate::harness::*;

/// Bob finishes a one-lesson course and asks for his certificate; its id.
async fn certificate(app: &WebApp) -> String {
    let (admin, bob) = (console("admin"), console("bob"));
    app.say(&bob, "hello everyone").await;
    app.say(&admin, "/drop now Lesson one: ownership").await;
    let now = app.engine.kernel().now();
    app.engine.scheduler().tick(now).await.unwrap();
    app.say(&admin, "/course create rust-101 Rust basics").await;
    app.say(&admin, "/course add rust-101 1").await;
    app.say(&bob, "/done 1").await;
    let reply = app
        .say(&bob, "/certificate rust-101 as 张伟 <b>")
        .await
        .unwrap();
    let at = reply.find("/certificates/").expect("a link") + "/certificates/".len();
    reply[at..at + 19].to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_certificate_page_says_valid_then_revoked_then_not_found() {
    let Some(binary) = chromium() else { return };
    let app = spawn("members").await;
    let id = certificate(&app).await;
    let url = format!("{}/certificates/{id}", app.base);

    let dom = chromium_run(binary.clone(), url.clone(), "--dump-dom".into()).await;
    assert!(dom.contains("This certificate is valid."), "{dom}");
    assert!(
        dom.contains("张伟 &lt;b&gt;"),
        "the printed name, as text: {dom}"
    );
    assert!(
        dom.contains("Rust basics") && dom.contains("Web Guild"),
        "{dom}"
    );
    assert!(
        // (" XP": the random id may hold the letters XP.)
        !dom.contains(" XP") && !dom.contains("bob") && !dom.contains("/members/"),
        "nothing else of the member: {dom}"
    );

    app.say(
        &console("admin"),
        &format!("/certificate revoke {id} copied the exam"),
    )
    .await;
    let dom = chromium_run(binary.clone(), url.clone(), "--dump-dom".into()).await;
    assert!(dom.contains("This certificate was revoked on"), "{dom}");
    assert!(dom.contains("copied the exam"), "{dom}");

    let bob = console("bob");
    app.say(&bob, "/privacy delete").await;
    app.say(&bob, "/privacy delete confirm").await;
    let dom = chromium_run(binary, url, "--dump-dom".into()).await;
    assert!(dom.contains("Not found"), "{dom}");
    assert!(
        !dom.contains("revoked") && !dom.contains("Rust basics"),
        "{dom}"
    );
}
