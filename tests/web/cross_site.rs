//! Forms posted from another site's page (issue #27, login CSRF): another site cannot make a
//! visitor's browser log in to an account of its choosing, nor post a form in their session.
//! The browser says where a form came from (`Sec-Fetch-Site`, else `Origin`).

use reqwest::StatusCode;

use crate::harness::*;

#[tokio::test]
async fn a_login_form_posted_from_another_site_is_refused_and_spends_nothing() {
    let app = spawn("members").await;
    let mallory = console("mallory");
    app.say(&mallory, "hello everyone").await;
    // Mallory's own link, posted by her page in a visitor's browser.
    let link = app.login_link(&mallory).await;
    let mut browser = app.browser();
    let evil = [
        vec![("Sec-Fetch-Site", "cross-site")],
        vec![("Sec-Fetch-Site", "same-site")],
        vec![("Origin", "https://evil.example")],
        vec![("Origin", "null")],
    ];
    for headers in &evil {
        let page = browser.post_with(&link, &[], headers).await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{headers:?}");
        assert_eq!(page.set_cookie, None, "{headers:?}: no session");
        assert!(
            page.body.contains("<h1>Sent from another site</h1>"),
            "{}",
            page.body
        );
    }
    assert_eq!(browser.get("/me").await.status, StatusCode::UNAUTHORIZED);
    // The link is still good: pressed on its own page, it logs in.
    let origin = app.base.clone();
    let pressed = browser
        .post_with(
            &link,
            &[],
            &[("Sec-Fetch-Site", "same-origin"), ("Origin", &origin)],
        )
        .await;
    assert_eq!(pressed.status, StatusCode::SEE_OTHER);
    assert_eq!(browser.get("/me").await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_logout_form_posted_from_another_site_is_refused() {
    let app = spawn("public").await;
    let alice = console("alice");
    app.say(&alice, "hello everyone").await;
    let mut browser = app.browser_for(&alice).await;
    let csrf = csrf_of(&browser.get("/").await.body);
    let page = browser
        .post_with(
            "/logout",
            &[("csrf", &csrf)],
            &[("Origin", "https://evil.example")],
        )
        .await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    assert_eq!(
        browser.get("/me").await.status,
        StatusCode::SEE_OTHER,
        "still in"
    );
}
