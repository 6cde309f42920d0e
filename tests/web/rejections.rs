//! Requests the server cannot take (issue #27 item 10): an address, query or form it cannot
//! read, an unknown address, a method an address does not take, a CSV range it cannot show.
//! Each answers a page in the viewer's language that says what was wrong under a title that
//! says the same, never axum's English text for developers.

use reqwest::StatusCode;
use reqwest::header::COOKIE;

use crate::harness::*;

/// Words of axum's and serde's own rejections.
const RAW: [&str; 6] = [
    "Failed to deserialize",
    "Cannot parse",
    "missing field",
    "invalid digit",
    "Invalid URL",
    "Content-Type",
];

#[track_caller]
fn assert_page(page: &Page, status: StatusCode, title: &str, says: &str) {
    assert_eq!(page.status, status, "{}", page.body);
    assert!(page.body.contains("<html lang=\"zh-CN\">"), "{}", page.body);
    assert!(
        page.body.contains(&format!("<h1>{title}</h1>")),
        "title {title}: {}",
        page.body
    );
    assert!(page.body.contains(says), "{says}: {}", page.body);
    for raw in RAW {
        assert!(!page.body.contains(raw), "{raw}: {}", page.body);
    }
}

#[tokio::test]
async fn unreadable_addresses_and_forms_answer_a_page_in_the_viewers_language() {
    let app = spawn("public").await;
    let bob = console("bob");
    app.say(&bob, "hello everyone").await;
    app.say(&bob, "/language zh").await;
    let mut browser = app.browser_for(&bob).await;

    for path in ["/leaderboard/all?page=abc", "/leaderboard/week?page=-1"] {
        let page = browser.get(path).await;
        assert_page(&page, StatusCode::BAD_REQUEST, "这个链接不正确", "页码");
    }
    for path in ["/members/abc", "/members/abc/card.png", "/seasons/x"] {
        let page = browser.get(path).await;
        assert_page(&page, StatusCode::NOT_FOUND, "没有这个地址", "编号");
    }
    let page = browser.get("/no/such/page").await;
    assert_page(&page, StatusCode::NOT_FOUND, "找不到页面", "这里没有内容");

    // A form without its fields: axum answered 422 with "missing field `csrf`".
    let page = browser.post("/logout", &[]).await;
    assert_page(&page, StatusCode::BAD_REQUEST, "无法读取表单", "重新提交");
    let csrf = csrf_of(&browser.get("/").await.body);
    let page = browser.post("/subscribe", &[("csrf", &csrf)]).await;
    assert_page(&page, StatusCode::BAD_REQUEST, "无法读取表单", "重新提交");
    let page = browser.post("/logout", &[("csrf", "stale")]).await;
    assert_page(&page, StatusCode::BAD_REQUEST, "表单已过期", "刷新页面");
    assert_eq!(
        browser.get("/me").await.status,
        StatusCode::SEE_OTHER,
        "still in"
    );

    // A method the address does not take.
    let cookie = browser.cookie.clone().unwrap();
    for (method, path) in [
        ("DELETE", "/"),
        ("POST", "/leaderboard/all"),
        ("PUT", "/logout"),
    ] {
        let answer = reqwest::Client::new()
            .request(method.parse().unwrap(), format!("{}{path}", app.base))
            .header(COOKIE, &cookie)
            .send()
            .await
            .unwrap();
        let page = Page {
            status: answer.status(),
            location: None,
            csp: None,
            set_cookie: None,
            headers: answer.headers().clone(),
            body: answer.text().await.unwrap(),
        };
        assert_page(
            &page,
            StatusCode::METHOD_NOT_ALLOWED,
            "不能这样访问",
            "按钮",
        );
    }
}

#[tokio::test]
async fn a_csv_with_a_range_it_cannot_show_says_what_is_wrong_with_the_range() {
    let app = spawn("public").await;
    let admin = console("admin");
    app.say(&admin, "/language zh").await;
    let operator = app.browser_for(&admin).await;
    let page = operator
        .get("/dashboard/activity.csv?from=2026-13-01&to=2026-12-01")
        .await;
    assert_page(
        &page,
        StatusCode::BAD_REQUEST,
        "无法显示这个时间范围",
        "日期须写成 YYYY-MM-DD",
    );
    assert!(!page.body.contains("表单已过期"), "{}", page.body);
    let page = operator
        .get("/dashboard/weeks.csv?from=2026-11-20&to=2026-11-01")
        .await;
    assert_page(
        &page,
        StatusCode::BAD_REQUEST,
        "无法显示这个时间范围",
        "结束日期早于开始日期",
    );
}

#[tokio::test]
async fn a_visitor_reads_them_in_the_communitys_language() {
    let app = spawn("public").await;
    let page = app.browser().get("/seasons/abc").await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(
        page.body.contains("<h1>No such address</h1>"),
        "{}",
        page.body
    );
    let page = app.browser().get("/leaderboard/all?page=x").await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert!(
        page.body.contains("<h1>This link is not right</h1>"),
        "{}",
        page.body
    );
}
