//! What a session may do is decided at each request: an operator taken out of the config loses
//! the dashboard at once, operators' sessions last 12 hours, and `/web logout` ends a member's
//! sessions (their own, or a member's when an operator asks). A member has one live login link
//! at a time, and `/web` sends at most one DM a minute.

use chrono::Duration;
use reqwest::StatusCode;
use steward_testkit::Sent;

use crate::harness::*;

fn config(operators: &str) -> String {
    CONFIG
        .replace("LEADERBOARDS", "members")
        .replace(r#"operators = ["console:admin"]"#, operators)
}

#[tokio::test]
async fn an_operator_taken_out_of_the_config_loses_the_dashboard_at_the_next_request() {
    let app = spawn_with(&config(r#"operators = ["console:admin"]"#), None).await;
    let (admin, alice) = (console("admin"), console("alice"));
    app.say(&alice, "hello everyone").await;
    app.say(&alice, "/privacy hide").await;
    app.say(&admin, "hello everyone").await;
    let alice_id = app
        .engine
        .store()
        .member_of(&alice.profile.account)
        .await
        .unwrap()
        .unwrap()
        .0;
    let hers = &format!("/members/{alice_id}");
    let mut browser = app.browser_for(&admin).await;
    assert_eq!(browser.get("/dashboard").await.status, StatusCode::OK);
    assert_eq!(browser.get(hers).await.status, StatusCode::OK);

    let app = app.restart_with(&config("operators = []")).await;
    browser.moved_to(&app);
    assert_eq!(
        browser.get("/dashboard").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        browser.get("/dashboard/revenue.csv").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(browser.get(hers).await.status, StatusCode::NOT_FOUND);
    // Still a member's session: only the operator's rights went.
    assert_eq!(browser.get("/me").await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn an_operators_session_ends_after_twelve_hours_and_a_members_runs_on() {
    let app = spawn("members").await;
    let (admin, alice) = (console("admin"), console("alice"));
    app.say(&alice, "hello everyone").await;
    let operator = app.browser_for(&admin).await;
    let member = app.browser_for(&alice).await;
    app.advance(Duration::hours(11));
    assert_eq!(operator.get("/dashboard").await.status, StatusCode::OK);
    app.advance(Duration::hours(1));
    assert_eq!(
        operator.get("/dashboard").await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(operator.get("/me").await.status, StatusCode::UNAUTHORIZED);
    app.advance(Duration::days(20));
    assert_eq!(member.get("/me").await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn web_logout_ends_every_session_of_the_member() {
    let app = spawn("members").await;
    let (admin, alice, bob) = (console("admin"), console("alice"), console("bob"));
    app.say(&alice, "hello everyone").await;
    app.say(&bob, "hello everyone").await;
    let phone = app.browser_for(&alice).await;
    let laptop = app.browser_for(&alice).await;
    let bobs = app.browser_for(&bob).await;

    let reply = app.say(&alice, "/web logout").await.unwrap();
    assert_eq!(reply, "Logged out of your 2 web sessions.");
    assert_eq!(phone.get("/me").await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(laptop.get("/me").await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        app.say(&alice, "/web logout").await.unwrap(),
        "You had no web session open."
    );

    let refused = app.say(&alice, "/web logout @bob").await.unwrap();
    assert_eq!(refused, "Only operators can log out another member.");
    assert_eq!(bobs.get("/me").await.status, StatusCode::SEE_OTHER);
    let ended = app.say(&admin, "/web logout @bob").await.unwrap();
    assert_eq!(ended, "Ended bob's web session.");
    assert_eq!(bobs.get("/me").await.status, StatusCode::UNAUTHORIZED);
}

/// The login links in the DMs sent so far.
fn links_sent(app: &WebApp) -> Vec<String> {
    app.platform
        .take()
        .into_iter()
        .filter_map(|sent| match sent {
            Sent::QuietDm { text, .. } | Sent::Dm { text, .. } => text
                .split_whitespace()
                .find(|w| w.starts_with("http") && w.contains("/login/"))
                .map(str::to_owned),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn web_sends_one_link_a_minute_and_a_new_link_cancels_the_old_one() {
    let app = spawn("members").await;
    let alice = console("alice");
    app.say(&alice, "hello everyone").await;
    app.say(&alice, "/web").await.unwrap();
    app.advance(Duration::seconds(20));
    let again = app.say(&alice, "/web").await.unwrap();
    assert_eq!(
        again,
        "I just sent you a login link by direct message. For a new one, ask again in 40 seconds."
    );
    let sent = links_sent(&app);
    assert_eq!(sent.len(), 1, "one DM: {sent:?}");
    let first = &sent[0];

    app.advance(Duration::seconds(40));
    let second = app.login_link(&alice).await;
    let mut browser = app.browser();
    assert_eq!(browser.get(first).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        browser.post(first, &[]).await.status,
        StatusCode::UNAUTHORIZED,
        "a new link cancels the old one"
    );
    assert_eq!(
        browser.post(&second, &[]).await.status,
        StatusCode::SEE_OTHER
    );
}
