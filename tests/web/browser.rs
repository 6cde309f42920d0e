//! A real browser: Debian's headless Chromium opens the leaderboard, opens the login link the
//! recording platform received, presses "Log in" and sees the dashboard, and saves screenshots under
//! `target/tmp/web-screens/` for a person to look at. Without Chromium the tests say why they
//! skip; CI installs it and sets `STEWARD_REQUIRE_CHROMIUM=1`, so there they never skip.

use std::path::PathBuf;
use std::process::Command;

use crate::harness::*;

/// The Chromium binary, or `None` (with the reason printed) when it is not installed here.
fn chromium() -> Option<PathBuf> {
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

fn screens() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("web-screens");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs headless Chromium on `url` with `action` (`--dump-dom` or `--screenshot=FILE`) in a
/// fresh profile; returns what it printed.
async fn chromium_run(binary: PathBuf, url: String, action: String) -> String {
    tokio::task::spawn_blocking(move || {
        let profile = tempfile::tempdir().unwrap();
        let output = Command::new(binary)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
            ])
            // Tall enough for the whole dashboard in one picture.
            .arg(
                if action.starts_with("--screenshot") && url.ends_with("press-login.html") {
                    "--window-size=1200,6000"
                } else {
                    "--window-size=1200,1000"
                },
            )
            // Lets a page's navigations (the login form's POST and redirect) finish before the
            // DOM is dumped or the picture taken.
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

/// A local page that presses a login link's "Log in" button as a member would: it posts the
/// button's form. (The site's own pages run no script; this page is not the site's.)
fn press_login(dir: &tempfile::TempDir, link: &str) -> String {
    let path = dir.path().join("press-login.html");
    let html = format!(
        "<!DOCTYPE html><form method=\"post\" action=\"{link}\"></form>\
         <script>document.forms[0].submit()</script>"
    );
    std::fs::write(&path, html).unwrap();
    format!("file://{}", path.display())
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

    let link = app.login_link(&admin).await;
    let dom = chromium_run(binary.clone(), link.clone(), "--dump-dom".into()).await;
    assert!(dom.contains(">Log in</button>"), "{dom}");
    let pages = tempfile::tempdir().unwrap();
    let dom = chromium_run(
        binary.clone(),
        press_login(&pages, &link),
        "--dump-dom".into(),
    )
    .await;
    assert!(dom.contains("<h1>Dashboard</h1>"), "{dom}");
    assert!(
        dom.contains("Activity index per week") && dom.contains("Log out"),
        "{dom}"
    );
    let link = app.login_link(&admin).await;
    let shot = dir.join("dashboard.png");
    chromium_run(
        binary.clone(),
        press_login(&pages, &link),
        format!("--screenshot={}", shot.display()),
    )
    .await;
    assert!(std::fs::metadata(&shot).unwrap().len() > 5_000);

    let page = format!("{}/members/1", app.base);
    let shot = dir.join("member.png");
    chromium_run(binary, page, format!("--screenshot={}", shot.display())).await;
    assert!(std::fs::metadata(&shot).unwrap().len() > 5_000);
    eprintln!("screenshots in {}", dir.display());
}
