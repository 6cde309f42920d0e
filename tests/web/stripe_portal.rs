//! Stripe's Customer Portal from the member's own page: a card payer gets a "Manage card"
//! button (a POST with the session's form token) that goes to the portal; nobody else does.

use crate::harness::{console, csrf_of};
use crate::stripe::{bob, bob_id, paid_up, shop};

#[tokio::test]
async fn a_card_payer_manages_their_card_from_their_page_and_nobody_else_can() {
    let (app, stripe) = shop().await;
    let mut browser = app.browser_for(&bob()).await;
    let me = bob_id(&app).await;
    let page = browser.get(&format!("/members/{}", me.0)).await;
    assert!(
        !page.body.contains("Manage card"),
        "no card subscription, no button"
    );
    let csrf = csrf_of(&page.body);
    let refused = browser.post("/billing", &[("csrf", &csrf)]).await;
    assert!(
        refused
            .body
            .contains("You have no card subscription to manage"),
        "{}",
        refused.body
    );

    paid_up(&app, &stripe).await;
    let page = browser.get(&format!("/members/{}", me.0)).await;
    assert!(page.body.contains("Manage card"), "{}", page.body);
    assert!(page.body.contains("action=\"/billing\""), "{}", page.body);
    // The portal is opened only by the form: a GET changes nothing, a forged token is refused.
    assert_eq!(browser.get("/billing").await.status, 405);
    let forged = browser.post("/billing", &[("csrf", "forged")]).await;
    assert_eq!(forged.location, None);
    let portal = browser.post("/billing", &[("csrf", &csrf)]).await;
    assert_eq!(
        portal.location.as_deref(),
        Some("https://billing.stripe.com/p/session/test_bps_1")
    );

    // Another member sees Bob's page without the button, and has no portal of their own.
    let mut carol = app.browser_for(&console("carol")).await;
    let seen = carol.get(&format!("/members/{}", me.0)).await;
    assert!(!seen.body.contains("Manage card"), "{}", seen.body);
    let csrf = csrf_of(&seen.body);
    let theirs = carol.post("/billing", &[("csrf", &csrf)]).await;
    assert_eq!(theirs.location, None);
    // Logged out, the form asks for a login.
    let anonymous = app.browser().post("/billing", &[("csrf", "x")]).await;
    assert_eq!(anonymous.location, None);
}
