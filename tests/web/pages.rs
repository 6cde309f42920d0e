//! What the pages show: the home page's top lists, boards of 100 a page with a search, a
//! member's page, health checks and metrics.

use chrono::Duration;
use reqwest::StatusCode;
use steward::core::ids::{AccountRef, Platform};
use steward::engine::Person;

use crate::harness::*;

#[tokio::test]
async fn boards_page_by_a_hundred_and_search_finds_a_member_with_their_place() {
    let app = spawn("public").await;
    for i in 0..230 {
        let who = console(&format!("m{i:03}"));
        app.say(&who, "hello everyone").await;
        if i % 3 == 0 {
            app.say(&who, "and once more").await;
        }
    }
    let browser = app.browser();
    let first = browser.get("/leaderboard/all").await;
    assert_eq!(
        first.body.matches("<tr>").count() - 1,
        100,
        "a header row and 100 lines"
    );
    assert!(
        first.body.contains("Page 1 of 3 · 230 members"),
        "{}",
        first.body
    );
    let last = browser.get("/leaderboard/all?page=3").await;
    assert_eq!(last.body.matches("<tr><td>#").count(), 30);
    assert!(last.body.contains("#230"));
    assert_eq!(
        browser.get("/leaderboard/all?page=4").await.status,
        StatusCode::NOT_FOUND
    );
    let found = browser.get("/leaderboard/week?q=m00").await;
    assert!(
        found.body.contains("10 members match “m00”."),
        "{}",
        found.body
    );
    assert!(found.body.contains(">m000<") && found.body.contains(">m009<"));
    let none = browser.get("/leaderboard/all?q=zebra").await;
    assert!(
        none.body
            .contains("No member on this board matches “zebra”.")
    );
}

#[tokio::test]
async fn the_home_page_lists_the_top_and_what_a_visitor_may_see_coming() {
    let app = spawn("public").await;
    let (alice, bob, admin) = (console("alice"), console("bob"), console("admin"));
    app.say(&alice, "hello everyone").await;
    app.say(&alice, "hello again").await;
    app.say(&bob, "hello everyone").await;
    app.say(&admin, "/drop tomorrow 09:00 Public news").await;
    app.say(&admin, "/drop tomorrow 10:00 tier pro Pro-only secrets")
        .await;
    let visitor = app.browser().get("/").await;
    assert!(visitor.body.contains("Top 10 this week"));
    let alice_at = visitor.body.find(">alice<").unwrap();
    assert!(
        alice_at < visitor.body.find(">bob<").unwrap(),
        "alice leads"
    );
    assert!(visitor.body.contains("Public news"));
    assert!(
        !visitor.body.contains("Pro-only secrets"),
        "a gated drop stays hidden"
    );
    let operator = app.browser_for(&admin).await.get("/").await;
    assert!(operator.body.contains("Pro-only secrets"));
}

#[tokio::test]
async fn a_member_page_shows_level_places_streak_and_xp_by_source() {
    let app = spawn("public").await;
    let alice = console("alice");
    app.say(&alice, "hello everyone").await;
    app.say(&alice, "/daily").await;
    let page = app.browser().get("/members/1").await;
    assert_eq!(page.status, StatusCode::OK);
    let body = &page.body;
    assert!(body.contains("70 XP in all"), "{body}");
    assert!(body.contains("Daily streak: one day"), "{body}");
    assert!(body.contains("#1 (70 XP)"), "{body}");
    assert!(body.contains("2026-W48: Messages 20 XP"), "{body}");
    assert!(body.contains("2026-W48: Daily check-ins 50 XP"), "{body}");
    // XP imported from another bot counts in all, never as this week's.
    let list = r#"[{"id": "alice", "platform": "console", "xp": 628}]"#;
    let options = steward::engine::import::ImportOptions {
        dry_run: false,
        strict: true,
    };
    steward::engine::import::import_xp(
        app.engine.store(),
        steward::core::import::ImportFormat::Json,
        list,
        options,
        app.engine.kernel().now(),
    )
    .await
    .unwrap();
    let body = app.browser().get("/members/1").await.body;
    assert!(body.contains("698 XP in all"), "{body}");
    assert!(!body.contains("628"), "{body}");
}

#[tokio::test]
async fn health_readiness_and_metrics_answer() {
    let app = spawn("members").await;
    let alice = console("alice");
    app.say(&alice, "hello everyone").await;
    app.say(&alice, "/rank").await;
    let browser = app.browser();
    assert_eq!(browser.get("/healthz").await.body, "ok\n");
    assert_eq!(browser.get("/readyz").await.status, StatusCode::OK);
    let metrics_base = app.metrics_base.as_deref().expect("a metrics listener");
    let metrics = browser.get(&format!("{metrics_base}/metrics")).await.body;
    for line in [
        "steward_events_total{kind=\"message\",platform=\"console\"} 1",
        "steward_events_total{kind=\"command\",platform=\"console\"} 1",
        "steward_command_duration_seconds_count{command=\"rank\"} 1",
        "steward_members 1",
        "steward_memberships_running{tier=\"pro\"} 0",
        "steward_deliveries{state=\"pending\"} 0",
    ] {
        assert!(metrics.contains(line), "{line} missing from\n{metrics}");
    }
    assert!(metrics.contains("steward_database_bytes "));

    // A platform adapter that lost its connection makes the process not ready.
    let discord = steward::core::ids::Platform::Discord;
    app.engine.operations().report_connected(discord, false);
    let down = browser.get("/readyz").await;
    assert_eq!(down.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(down.body, "not connected: discord\n");
    app.engine.operations().report_connected(discord, true);
    assert_eq!(browser.get("/readyz").await.status, StatusCode::OK);
}

/// Whether this host can draw cards; otherwise says why the test skips (CI has the fonts and
/// sets STEWARD_REQUIRE_FONTS, which turns a skip into a failure).
pub fn cards_drawable() -> bool {
    if steward::card::CardRenderer::new().is_ok() {
        return true;
    }
    assert!(
        std::env::var_os("STEWARD_REQUIRE_FONTS").is_none(),
        "STEWARD_REQUIRE_FONTS is set but no fonts are installed"
    );
    eprintln!("skipped: no fonts to draw rank cards (install fonts-dejavu-core)");
    false
}

#[tokio::test]
async fn a_rank_card_is_a_png_for_whoever_may_see_the_member_and_no_one_else() {
    if !cards_drawable() {
        return;
    }
    let app = spawn("public").await;
    let (alice, bob) = (console("alice"), console("bob"));
    app.say(&alice, "hello everyone").await;
    app.say(&bob, "hello everyone").await;
    app.say(&bob, "/privacy hide").await;
    let visitor = app.browser();
    let card = visitor.get_bytes("/members/1/card.png").await;
    assert_eq!(card.0, StatusCode::OK);
    assert_eq!(card.1.as_deref(), Some("image/png"));
    assert!(card.2.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
    let hidden = visitor.get_bytes("/members/2/card.png").await;
    assert_eq!(
        hidden.0,
        StatusCode::NOT_FOUND,
        "a hidden member's card stays hidden"
    );
    let own = app
        .browser_for(&bob)
        .await
        .get_bytes("/members/2/card.png")
        .await;
    assert_eq!(own.0, StatusCode::OK);
    let page = visitor.get("/members/1").await;
    assert!(page.body.contains("src=\"/members/1/card.png\""));
}

/// The position of `name`'s link on a board page.
fn place_of(body: &str, name: &str) -> Option<usize> {
    body.find(&format!(">{name}</a>"))
}

#[tokio::test]
async fn a_board_page_kept_for_visitors_follows_scores_renames_and_hiding() {
    let app = spawn("public").await;
    let (ann, bob) = (console("ann"), console("bob"));
    app.say(&ann, "hello everyone").await;
    app.say(&bob, "hello everyone").await;
    let visitor = app.browser();
    let body = visitor.get("/leaderboard/all").await.body;
    assert!(place_of(&body, "ann") < place_of(&body, "bob"), "{body}");
    // The same page again comes from what was kept, and is the same.
    assert_eq!(visitor.get("/leaderboard/all").await.body, body);

    app.advance(Duration::minutes(2));
    app.say(&bob, "a second message worth some XP").await;
    let body = visitor.get("/leaderboard/all").await.body;
    assert!(place_of(&body, "bob") < place_of(&body, "ann"), "{body}");

    let renamed = Person::named(AccountRef::new(Platform::Console, "bob"), "Bobby");
    app.say(&renamed, "same account, a new name").await;
    let body = visitor.get("/leaderboard/all").await.body;
    assert!(place_of(&body, "Bobby").is_some(), "{body}");

    // Ann's own line stands out for her, though visitors were served a kept page.
    let mine = app
        .browser_for(&ann)
        .await
        .get("/leaderboard/all")
        .await
        .body;
    assert!(mine.contains(r#"<tr class="me"><td>#2</td>"#), "{mine}");

    app.say(&renamed, "/privacy hide").await;
    let body = visitor.get("/leaderboard/all").await.body;
    assert_eq!(place_of(&body, "Bobby"), None, "{body}");
    assert!(place_of(&body, "ann").is_some(), "{body}");
}
