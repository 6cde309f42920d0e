//! Who may open what: login links work once and for ten minutes, operators' routes answer 401
//! to visitors and 403 to members, a hidden member cannot be found on any page, forms need the
//! session's CSRF token, and every page carries the security headers.

use chrono::Duration;
use reqwest::StatusCode;
use steward::adapters::web::OPERATOR_ROUTES;

use crate::harness::*;

#[tokio::test]
async fn a_login_link_opens_a_session_once_and_only_for_ten_minutes() {
    let app = spawn("members").await;
    let alice = console("alice");
    app.say(&alice, "hello everyone").await;
    let link = app.login_link(&alice).await;
    assert!(link.starts_with(&format!("{}/login/", app.base)), "{link}");

    let mut browser = app.browser();
    let first = browser.post(&link, &[]).await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    assert_eq!(first.location.as_deref(), Some("/me"));
    let again = browser.post(&link, &[]).await;
    assert_eq!(again.status, StatusCode::UNAUTHORIZED, "a link works once");
    assert!(again.body.contains("Login links work once"));
    assert_eq!(browser.get(&link).await.status, StatusCode::UNAUTHORIZED);

    let late = app.login_link(&alice).await;
    app.advance(Duration::minutes(11));
    assert_eq!(browser.get(&late).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        browser.post(&late, &[]).await.status,
        StatusCode::UNAUTHORIZED
    );
    let forged = format!("{}/login/{}", app.base, "0".repeat(64));
    assert_eq!(browser.get(&forged).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        browser.post(&forged, &[]).await.status,
        StatusCode::UNAUTHORIZED
    );

    let logged_in = app.browser_for(&alice).await;
    let me = logged_in.get("/me").await;
    assert_eq!(me.status, StatusCode::SEE_OTHER);
    let mine = logged_in.get(me.location.as_deref().unwrap()).await;
    assert_eq!(mine.status, StatusCode::OK);
    assert!(mine.body.contains("<h1>alice</h1>"), "{}", mine.body);
    browser.cookie = Some("steward_session=forged".into());
    assert_eq!(browser.get("/me").await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn opening_a_login_link_only_shows_a_button_and_pressing_it_logs_in() {
    let app = spawn("members").await;
    let (alice, bob) = (console("alice"), console("bob"));
    app.say(&alice, "hello everyone").await;
    let link = app.login_link(&alice).await;
    let path = link.trim_start_matches(&app.base).to_owned();
    let mut browser = app.browser();
    // A chat app's preview fetcher opens the link first, then the member does.
    for _ in 0..2 {
        let page = browser.get(&link).await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(page.set_cookie, None, "opening the link starts no session");
        assert!(
            page.body
                .contains(&format!("<form method=\"post\" action=\"{path}\">")),
            "{}",
            page.body
        );
        assert!(page.body.contains(">Log in</button>"), "{}", page.body);
    }
    assert_eq!(browser.get("/me").await.status, StatusCode::UNAUTHORIZED);
    let pressed = browser.post(&link, &[]).await;
    assert_eq!(pressed.status, StatusCode::SEE_OTHER);
    assert!(pressed.set_cookie.is_some_and(|c| c.contains("HttpOnly")));
    assert_eq!(browser.get("/me").await.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.browser().get(&link).await.status,
        StatusCode::UNAUTHORIZED,
        "spent by the press"
    );

    // The page speaks the language of the link's owner.
    app.say(&bob, "/language zh").await;
    let page = app.browser().get(&app.login_link(&bob).await).await;
    assert!(page.body.contains(">登录</button>"), "{}", page.body);
}

#[tokio::test]
async fn operator_routes_turn_away_visitors_and_members() {
    let app = spawn("public").await;
    let (alice, admin) = (console("alice"), console("admin"));
    app.say(&alice, "hello everyone").await;
    let visitor = app.browser();
    let member = app.browser_for(&alice).await;
    let operator = app.browser_for(&admin).await;
    for route in OPERATOR_ROUTES {
        assert_eq!(
            visitor.get(route).await.status,
            StatusCode::UNAUTHORIZED,
            "{route}"
        );
        assert_eq!(
            member.get(route).await.status,
            StatusCode::FORBIDDEN,
            "{route}"
        );
        let seen = operator.get(route).await;
        assert_eq!(seen.status, StatusCode::OK, "{route}");
        // The dashboard shows its panels, the other pages their tables or forms; downloads
        // start with a line of column names.
        let shown = if route.ends_with(".csv") {
            seen.body.lines().next().is_some_and(|l| l.contains(','))
        } else if *route == "/dashboard" {
            seen.body.contains("Memberships")
        } else {
            seen.body.contains("<h1>")
        };
        assert!(shown, "{route}: {}", seen.body);
    }
}

#[tokio::test]
async fn a_hidden_member_is_on_no_page_and_their_own_page_is_theirs() {
    let app = spawn("public").await;
    let (alice, bob, admin) = (console("alice"), console("bob"), console("admin"));
    app.say(&alice, "hello everyone").await;
    app.say(&bob, "hello everyone").await;
    app.say(&alice, "/privacy hide").await;
    let alice_id = app
        .engine
        .store()
        .member_of(&alice.profile.account)
        .await
        .unwrap()
        .unwrap()
        .0;
    let visitor = app.browser();
    let member = app.browser_for(&bob).await;
    for browser in [&visitor, &member] {
        for path in [
            "/",
            "/leaderboard/all",
            "/leaderboard/week",
            "/leaderboard/month",
            "/leaderboard/all?q=ali",
        ] {
            let page = browser.get(path).await;
            assert_eq!(page.status, StatusCode::OK, "{path}");
            assert!(
                !page.body.contains("alice"),
                "{path} shows alice: {}",
                page.body
            );
            assert!(page.body.contains("bob") || path.contains("q="), "{path}");
        }
    }
    let hers = format!("/members/{alice_id}");
    assert_eq!(visitor.get(&hers).await.status, StatusCode::NOT_FOUND);
    assert_eq!(member.get(&hers).await.status, StatusCode::NOT_FOUND);
    // Not found, just like a member who never existed.
    assert_eq!(
        member.get("/members/999").await.status,
        StatusCode::NOT_FOUND
    );
    let own = app.browser_for(&alice).await.get(&hers).await;
    assert_eq!(own.status, StatusCode::OK);
    assert!(
        own.body
            .contains("only you and the operators see this page")
    );
    let operator = app.browser_for(&admin).await.get(&hers).await;
    assert_eq!(operator.status, StatusCode::OK);
}

#[tokio::test]
async fn leaderboards_follow_the_configured_audience() {
    let members_only = spawn("members").await;
    let bob = console("bob");
    members_only.say(&bob, "hello everyone").await;
    let visitor = members_only.browser();
    let page = visitor.get("/leaderboard/all").await;
    assert_eq!(page.status, StatusCode::UNAUTHORIZED);
    assert!(page.body.contains("Send /web to the bot"));
    assert!(!visitor.get("/").await.body.contains("bob"));
    let member = members_only.browser_for(&bob).await;
    assert!(member.get("/leaderboard/all").await.body.contains("bob"));

    let operators_only = spawn("operators").await;
    operators_only.say(&bob, "hello everyone").await;
    let member = operators_only.browser_for(&bob).await;
    // A member is told the boards are for operators, not to log in, and is not linked to them.
    for path in ["/leaderboard/all", "/seasons"] {
        let page = member.get(path).await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{path}");
        assert!(
            page.body.contains("for the community's operators"),
            "{path}"
        );
        assert!(!page.body.contains("Send /web"), "{path}: {}", page.body);
        assert!(!page.body.contains("href=\"/leaderboard/all\""), "{path}");
        assert!(!page.body.contains("href=\"/seasons\""), "{path}");
    }
    let home = member.get("/").await.body;
    assert!(
        home.contains("Leaderboards here are for the community's operators"),
        "{home}"
    );
    let visitor = operators_only.browser().get("/leaderboard/all").await;
    assert_eq!(visitor.status, StatusCode::FORBIDDEN);
    let operator = operators_only.browser_for(&console("admin")).await;
    let board = operator.get("/leaderboard/all").await.body;
    assert!(board.contains("bob"));
    assert!(board.contains("href=\"/seasons\""));
}

#[tokio::test]
async fn logging_out_needs_the_sessions_form_token() {
    let app = spawn("public").await;
    let alice = console("alice");
    app.say(&alice, "hello everyone").await;
    let mut browser = app.browser_for(&alice).await;
    let home = browser.get("/").await;
    let csrf = csrf_of(&home.body);
    let forged = browser.post("/logout", &[("csrf", "not-the-token")]).await;
    assert_eq!(forged.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        browser.get("/me").await.status,
        StatusCode::SEE_OTHER,
        "still in"
    );
    let out = browser.post("/logout", &[("csrf", &csrf)]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert_eq!(browser.get("/me").await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn every_page_carries_a_policy_without_scripts_or_framing() {
    let app = spawn("public").await;
    let alice = console("alice");
    app.say(&alice, "hello everyone").await;
    let browser = app.browser_for(&alice).await;
    for path in [
        "/",
        "/leaderboard/all",
        "/seasons",
        "/me",
        "/members/1",
        "/nope",
    ] {
        let page = browser.get(path).await;
        let csp = page.csp.unwrap_or_default();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(
            !csp.contains("unsafe-inline") && !csp.contains("script-src"),
            "{csp}"
        );
        assert!(!page.body.contains("<script"), "{path}");
    }
}
