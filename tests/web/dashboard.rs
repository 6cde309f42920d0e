//! The operators' dashboard over HTTP: its panels with their charts, a chosen range, a refused
//! range, and the CSV downloads.

use reqwest::StatusCode;

use crate::harness::*;

#[tokio::test]
async fn an_operator_sees_activity_content_and_membership_with_charts() {
    let app = spawn("members").await;
    let (alice, bob, admin) = (console("alice"), console("bob"), console("admin"));
    app.say(&alice, "hello everyone").await;
    app.say(&alice, "/daily").await;
    app.say(&bob, "hello everyone").await;
    let browser = app.browser_for(&admin).await;
    // The running bot's fold step, a second later: the page shows what it has written.
    app.engine.ingest().fold_step().await.unwrap();
    let page = browser.get("/dashboard").await;
    assert_eq!(page.status, StatusCode::OK);
    let body = &page.body;
    for heading in [
        "Activity",
        "Active members per day",
        "XP by source per day",
        "Activity index per week",
        "Weekly retention by first week",
        "Content quality",
        "Memberships",
        "Revenue",
    ] {
        assert!(body.contains(heading), "{heading} missing: {body}");
    }
    assert!(body.matches("<svg class=\"chart\"").count() >= 6, "{body}");
    // Alice, Bob and the admin asking for the login link were active today, all for the first
    // time: the bars' titles carry the figures.
    assert!(body.contains("<title>2026-11-25: New 3 </title>"), "{body}");
    assert!(body.contains("f1 = a1·ln U + a2·ln T"), "{body}");
    // A new community's database is well under a megabyte: its size reads in kB, not "0 MB".
    assert!(body.contains(" kB</p>"), "{body}");
    assert!(!body.contains("Database: 0 MB"), "{body}");
    assert!(
        body.contains("/dashboard/activity.csv?from=2026-10-27&amp;to=2026-11-25"),
        "{body}"
    );
}

#[tokio::test]
async fn a_chosen_range_is_kept_and_a_bad_one_is_refused_with_the_reason() {
    let app = spawn("members").await;
    let browser = app.browser_for(&console("admin")).await;
    let page = browser
        .get("/dashboard?from=2026-11-01&to=2026-11-20")
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("value=\"2026-11-01\""), "{}", page.body);
    let bad = browser
        .get("/dashboard?from=2026-12-01&to=2026-11-01")
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(
        bad.body.contains("The range ends before it starts"),
        "{}",
        bad.body
    );
    let long = browser.get("/dashboard?from=2020-01-01").await;
    assert_eq!(long.status, StatusCode::BAD_REQUEST);
    assert!(long.body.contains("at most 400 days"), "{}", long.body);
}

#[tokio::test]
async fn each_panel_downloads_as_csv_for_operators_only() {
    let app = spawn("members").await;
    let alice = console("alice");
    app.say(&alice, "hello everyone").await;
    app.say(&alice, "and again").await;
    let browser = app.browser_for(&console("admin")).await;
    app.engine.ingest().fold_step().await.unwrap();
    let (status, kind, bytes) = browser
        .get_bytes("/dashboard/activity.csv?from=2026-11-24&to=2026-11-25")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(kind.as_deref(), Some("text/csv; charset=utf-8"));
    let csv = String::from_utf8(bytes).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines,
        [
            "date,messages,commands,dau,wau,mau,new,returning,xp_message,xp_daily,xp_thanks,xp_learning,xp_course,xp_contribution,xp_event,xp_answer,xp_grant,xp_remove,points_spent",
            "2026-11-24,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0",
            // Alice's two messages and the admin's /web for the login link, a command.
            "2026-11-25,2,1,2,2,2,2,0,40,0,0,0,0,0,0,0,0,0,0",
        ]
    );
    for file in ["weeks", "cohorts", "content", "membership", "revenue"] {
        let (status, _, _) = browser.get_bytes(&format!("/dashboard/{file}.csv")).await;
        assert_eq!(status, StatusCode::OK, "{file}");
    }
    let (status, _, _) = browser.get_bytes("/dashboard/secrets.csv").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let member = app.browser_for(&alice).await;
    let (status, _, bytes) = member.get_bytes("/dashboard/activity.csv").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(!String::from_utf8_lossy(&bytes).contains("date,messages"));
}

#[tokio::test]
async fn delivery_states_read_in_the_operators_language() {
    let app = spawn("members").await;
    let admin = console("admin");
    let made = app
        .say(&admin, "/drop now Hello all")
        .await
        .unwrap_or_default();
    app.engine
        .scheduler()
        .tick(app.engine.kernel().now())
        .await
        .unwrap();
    app.say(&admin, "/language zh-CN").await;
    let body = app.browser_for(&admin).await.get("/dashboard").await.body;
    assert!(body.contains("已发送"), "{made}\n{body}");
    assert!(!body.contains("<td>sent</td>"), "{body}");
    // Weeks read as Chinese readers write them, in tables and under the charts.
    assert!(body.contains("2026年第48周"), "{body}");
    assert!(!body.contains("2026-W48"), "{body}");
}

#[tokio::test]
async fn the_revenue_csv_reads_in_the_currencys_units() {
    let (app, stripe) = crate::stripe::shop().await;
    crate::stripe::paid_up(&app, &stripe).await;
    let admin = app.browser_for(&console("admin")).await;
    let (status, _, bytes) = admin.get_bytes("/dashboard/revenue.csv").await;
    assert_eq!(status, StatusCode::OK);
    let csv = String::from_utf8(bytes).unwrap();
    // The first invoice: $9.00 paid, 900 cents in Stripe's report.
    assert!(csv.contains("\nUSD,9.00,0.00,9.00,1,0,0"), "{csv}");
}
