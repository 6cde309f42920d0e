//! What reaches the network (issue #27 item 11): metrics only on their own listener or to a
//! bearer of `STEWARD_METRICS_TOKEN`, and on an https site HSTS and a `__Host-` session cookie.

use reqwest::StatusCode;

use crate::harness::*;

const TOKEN: &str = "metrics-token-for-tests";

#[tokio::test]
async fn metrics_are_not_on_the_pages_listener_without_a_token() {
    let app = spawn("public").await;
    app.say(&console("alice"), "hello everyone").await;
    let browser = app.browser();
    let pages = browser.get("/metrics").await;
    assert_eq!(pages.status, StatusCode::NOT_FOUND);
    assert!(!pages.body.contains("steward_members"), "{}", pages.body);
    let apart = format!("{}/metrics", app.metrics_base.as_deref().unwrap());
    let metrics = browser.get(&apart).await;
    assert_eq!(metrics.status, StatusCode::OK);
    assert!(
        metrics.body.contains("steward_members 1"),
        "{}",
        metrics.body
    );
    // The metrics listener serves nothing else.
    let apart_home = format!("{}/", app.metrics_base.as_deref().unwrap());
    assert_eq!(browser.get(&apart_home).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn with_a_token_metrics_are_on_the_pages_listener_to_its_bearer_only() {
    let config = CONFIG
        .replace("LEADERBOARDS", "public")
        .replace("metrics_listen = \"127.0.0.1:0\"", "metrics_listen = \"\"");
    let app = spawn_with_env(&config, None, &[("STEWARD_METRICS_TOKEN", TOKEN)]).await;
    assert_eq!(app.metrics_base, None, "no listener apart");
    app.say(&console("alice"), "hello everyone").await;
    let browser = app.browser();
    for refused in [
        browser.get("/metrics").await,
        browser
            .get_with("/metrics", &[("Authorization", "Bearer not-the-token")])
            .await,
        browser
            .get_with("/metrics", &[("Authorization", TOKEN)])
            .await,
    ] {
        assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
        assert!(
            !refused.body.contains("steward_members"),
            "{}",
            refused.body
        );
    }
    let bearer = format!("Bearer {TOKEN}");
    let metrics = browser
        .get_with("/metrics", &[("Authorization", &bearer)])
        .await;
    assert_eq!(metrics.status, StatusCode::OK);
    assert!(
        metrics.body.contains("steward_members 1"),
        "{}",
        metrics.body
    );
}

#[tokio::test]
async fn an_https_site_sends_hsts_and_a_host_only_secure_cookie() {
    let config = CONFIG.replace("LEADERBOARDS", "public").replace(
        "[web]\n",
        "[web]\npublic_url = \"https://steward.example.org\"\n",
    );
    let app = spawn_with(&config, None).await;
    let alice = console("alice");
    app.say(&alice, "hello everyone").await;
    let link = app.login_link(&alice).await;
    assert!(
        link.starts_with("https://steward.example.org/login/"),
        "{link}"
    );
    let mut browser = app.browser();
    let home = browser.get("/").await;
    let hsts = home.headers.get("strict-transport-security").unwrap();
    assert_eq!(hsts.to_str().unwrap(), "max-age=31536000");
    let pressed = browser.post(&link, &[]).await;
    assert_eq!(pressed.status, StatusCode::SEE_OTHER);
    let cookie = pressed.set_cookie.unwrap();
    assert!(cookie.starts_with("__Host-steward_session="), "{cookie}");
    for part in ["; Secure", "; Path=/;", "; HttpOnly"] {
        assert!(cookie.contains(part), "{part} missing from {cookie}");
    }
    assert!(!cookie.to_lowercase().contains("domain="), "{cookie}");
    assert_eq!(browser.get("/me").await.status, StatusCode::SEE_OTHER);
    // A cookie under the plain name (planted by a neighbouring subdomain) is no session here.
    let planted = browser.cookie.take().unwrap().replacen("__Host-", "", 1);
    browser.cookie = Some(planted);
    assert_eq!(browser.get("/me").await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn an_http_site_sends_no_hsts_and_the_plain_cookie() {
    let app = spawn("public").await;
    let alice = console("alice");
    app.say(&alice, "hello everyone").await;
    let home = app.browser().get("/").await;
    assert!(home.headers.get("strict-transport-security").is_none());
    let mut browser = app.browser();
    let pressed = browser.post(&app.login_link(&alice).await, &[]).await;
    let cookie = pressed.set_cookie.unwrap();
    assert!(cookie.starts_with("steward_session="), "{cookie}");
    assert!(!cookie.contains("Secure"), "{cookie}");
}
