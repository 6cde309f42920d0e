//! A real browser: Debian's headless Chromium opens the leaderboard, opens the login link the
//! recording platform received, presses "Log in" with the mouse on that page and sees the
//! dashboard, and saves screenshots under `target/tmp/web-screens/` for a person to look at.
//! (A form posted from any other page is refused, as another site's would be.) Without Chromium
//! the tests say why they skip; CI installs it and sets `STEWARD_REQUIRE_CHROMIUM=1`, so there
//! they never skip.

use std::path::PathBuf;
use std::process::Command;

use crate::cdp::Chromium;
use crate::harness::*;

/// The Chromium binary, or `None` (with the reason printed) when it is not installed here.
pub(crate) fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("CHROMIUM")
        .map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from);
    if path.exists() {
        return Some(path);
    }
    assert!(
        std::env::var_os("STEWARD_REQUIRE_CHROMIUM").is_none(),
        "STEWARD_REQUIRE_CHROMIUM is set but {} does not exist",
        path.display()
    );
    eprintln!(
        "skipped: no Chromium at {} (install Debian's `chromium`, or set CHROMIUM=path); CI always has it",
        path.display()
    );
    None
}

pub(crate) fn screens() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("web-screens");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs headless Chromium on `url` with `action` (`--dump-dom` or `--screenshot=FILE`) in a
/// fresh profile; returns what it printed.
pub(crate) async fn chromium_run(binary: PathBuf, url: String, action: String) -> String {
    tokio::task::spawn_blocking(move || {
        let profile = tempfile::tempdir().unwrap();
        let output = Command::new(binary)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
            ])
            .arg("--window-size=1200,1000")
            // Lets a page's navigations (a form's POST) finish before the DOM is dumped.
            .arg("--virtual-time-budget=5000")
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg(action)
            .arg(url)
            .output()
            .unwrap();
        assert!(output.status.success(), "chromium: {output:?}");
        String::from_utf8_lossy(&output.stdout).into_owned()
    })
    .await
    .unwrap()
}

/// Another site's page that posts a login link's form as soon as it opens (login CSRF: the
/// attacker's own link, to log the visitor in as the attacker).
fn foreign_login_page(dir: &tempfile::TempDir, link: &str) -> String {
    let path = dir.path().join("foreign-login.html");
    let html = format!(
        "<!DOCTYPE html><form method=\"post\" action=\"{link}\"></form>\
         <script>document.forms[0].submit()</script>"
    );
    std::fs::write(&path, html).unwrap();
    format!("file://{}", path.display())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_login_form_posted_by_another_page_logs_no_one_in() {
    let Some(binary) = chromium() else { return };
    let app = spawn("public").await;
    let mallory = console("mallory");
    app.say(&mallory, "hello everyone").await;
    let link = app.login_link(&mallory).await;
    let pages = tempfile::tempdir().unwrap();
    let dom = chromium_run(
        binary,
        foreign_login_page(&pages, &link),
        "--dump-dom".into(),
    )
    .await;
    assert!(dom.contains("<h1>Sent from another site</h1>"), "{dom}");
    assert!(!dom.contains("Log out"), "{dom}");
    // The link was not spent.
    assert_eq!(
        app.browser().get(&link).await.status,
        reqwest::StatusCode::OK
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_browser_sees_the_leaderboard_then_logs_in_to_the_dashboard() {
    let Some(binary) = chromium() else { return };
    let app = spawn("public").await;
    let (alice, bob, admin) = (console("alice"), console("bob"), console("admin"));
    app.say(&alice, "hello everyone").await;
    app.say(&alice, "/daily").await;
    app.say(&bob, "hello everyone").await;
    let dir = screens();

    let board = format!("{}/leaderboard/all", app.base);
    let dom = chromium_run(binary.clone(), board.clone(), "--dump-dom".into()).await;
    let alice_at = dom.find(">alice<").expect("alice on the board");
    assert!(alice_at < dom.find(">bob<").expect("bob on the board"));
    let shot = dir.join("leaderboard.png");
    chromium_run(
        binary.clone(),
        board,
        format!("--screenshot={}", shot.display()),
    )
    .await;
    assert!(
        std::fs::metadata(&shot).unwrap().len() > 5_000,
        "a real picture"
    );

    // The member opens the link the bot sent and presses "Log in", as a person does.
    let link = app.login_link(&admin).await;
    let mut chromium = Chromium::start(&binary, 6000).await;
    chromium.open(&link).await;
    assert!(chromium.dom().await.contains(">Log in</button>"));
    chromium.click_and_wait("main form button").await;
    let dom = chromium.dom().await;
    assert!(dom.contains("<h1>Dashboard</h1>"), "{dom}");
    assert!(
        dom.contains("Activity index per week") && dom.contains("Log out"),
        "{dom}"
    );
    let shot = dir.join("dashboard.png");
    std::fs::write(&shot, chromium.screenshot().await).unwrap();
    assert!(std::fs::metadata(&shot).unwrap().len() > 5_000);
    drop(chromium);

    let page = format!("{}/members/1", app.base);
    let shot = dir.join("member.png");
    chromium_run(binary, page, format!("--screenshot={}", shot.display())).await;
    assert!(std::fs::metadata(&shot).unwrap().len() > 5_000);
    eprintln!("screenshots in {}", dir.display());
}
