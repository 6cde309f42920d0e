//! Searching a board by name (issue #27 item 9): every match counted and paged with its place
//! on the board, 2 to 64 characters, and a limited number of searches per client.

use std::collections::HashMap;

use chrono::Duration;
use reqwest::StatusCode;

use crate::harness::*;

/// 150 members named `ann-NNN` and 80 named `bob-NNN`; every third has twice the XP.
async fn crowded() -> WebApp {
    let app = spawn("public").await;
    for i in 0..230 {
        let name = if i < 150 {
            format!("ann-{i:03}")
        } else {
            format!("bob-{i:03}")
        };
        let who = console(&name);
        app.say(&who, "hello everyone").await;
        if i % 3 == 0 {
            app.say(&who, "and once more").await;
        }
    }
    app
}

/// (place, name) of each line of a board page.
fn lines(body: &str) -> Vec<(usize, String)> {
    body.split("<tr><td>#")
        .skip(1)
        .chain(body.split("<tr class=\"me\"><td>#").skip(1))
        .map(|line| {
            let place = line.split('<').next().unwrap().parse().unwrap();
            let name = line.split("\">").nth(1).unwrap().split('<').next().unwrap();
            (place, name.to_owned())
        })
        .collect()
}

#[tokio::test]
async fn a_search_counts_every_match_and_pages_through_them_with_their_places() {
    let app = crowded().await;
    let browser = app.browser();
    let mut board = HashMap::new();
    for page in 1..=3 {
        let body = browser
            .get(&format!("/leaderboard/all?page={page}"))
            .await
            .body;
        board.extend(lines(&body).into_iter().map(|(place, name)| (name, place)));
    }
    assert_eq!(board.len(), 230);

    let first = browser.get("/leaderboard/all?q=ANN").await;
    assert_eq!(first.status, StatusCode::OK);
    assert!(
        first.body.contains("150 members match “ANN”."),
        "{}",
        first.body
    );
    assert!(
        first.body.contains("Page 1 of 2 · 150 members"),
        "{}",
        first.body
    );
    assert!(
        first
            .body
            .contains("href=\"/leaderboard/all?q=ANN&amp;page=2\""),
        "{}",
        first.body
    );
    let second = browser.get("/leaderboard/all?q=ANN&page=2").await;
    assert!(
        second.body.contains("Page 2 of 2 · 150 members"),
        "{}",
        second.body
    );
    let found: Vec<(usize, String)> = [lines(&first.body), lines(&second.body)].concat();
    assert_eq!(found.len(), 150, "100 on the first page, 50 on the second");
    for (place, name) in &found {
        assert!(name.starts_with("ann-"), "{name}");
        assert_eq!(board[name], *place, "{name}'s place on the board");
    }
    assert!(found.windows(2).all(|w| w[0].0 < w[1].0), "in board order");
    assert_eq!(
        browser.get("/leaderboard/all?q=ANN&page=3").await.status,
        StatusCode::NOT_FOUND
    );
    let none = browser.get("/leaderboard/week?q=carol").await;
    assert!(
        none.body
            .contains("No member on this board matches “carol”.")
    );
}

#[tokio::test]
async fn a_search_needs_two_to_sixty_four_characters() {
    let app = spawn("public").await;
    app.say(&console("ann"), "hello everyone").await;
    let browser = app.browser();
    for (query, says) in [
        ("a", "at least 2 characters"),
        ("%20a%20", "at least 2 characters"),
        (&"x".repeat(65) as &str, "at most 64 characters"),
    ] {
        let page = browser.get(&format!("/leaderboard/all?q={query}")).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{query}");
        assert!(
            page.body.contains("<h1>Search not run</h1>"),
            "{}",
            page.body
        );
        assert!(page.body.contains(says), "{says}: {}", page.body);
    }
    // An empty box shows the board; two characters search.
    assert!(
        browser
            .get("/leaderboard/all?q=")
            .await
            .body
            .contains(">ann<")
    );
    assert!(
        browser
            .get("/leaderboard/all?q=an")
            .await
            .body
            .contains(">ann<")
    );
    let form = browser.get("/leaderboard/all").await.body;
    assert!(form.contains("minlength=\"2\" maxlength=\"64\""), "{form}");
}

#[tokio::test]
async fn each_client_has_a_few_searches_at_once_then_one_every_three_seconds() {
    let app = spawn("public").await;
    let (ann, bob) = (console("ann"), console("bob"));
    app.say(&ann, "hello everyone").await;
    app.say(&bob, "/language zh").await;
    let visitor = app.browser();
    for _ in 0..10 {
        let page = visitor.get("/leaderboard/all?q=an").await;
        assert_eq!(page.status, StatusCode::OK);
    }
    let refused = visitor.get("/leaderboard/all?q=an").await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        refused.body.contains("<h1>Too many searches</h1>"),
        "{}",
        refused.body
    );
    assert!(refused.body.contains("Wait 3 seconds"), "{}", refused.body);
    assert_eq!(refused.headers["retry-after"], "3");
    // Boards themselves are not limited.
    assert_eq!(visitor.get("/leaderboard/all").await.status, StatusCode::OK);

    // Another visitor, behind the same proxy on this host, is not held up; nor a member.
    let other = [("X-Forwarded-For", "203.0.113.7")];
    let page = visitor.get_with("/leaderboard/all?q=an", &other).await;
    assert_eq!(page.status, StatusCode::OK);
    let member = app.browser_for(&bob).await;
    assert_eq!(
        member.get("/leaderboard/all?q=an").await.status,
        StatusCode::OK
    );
    for _ in 0..9 {
        member.get("/leaderboard/all?q=an").await;
    }
    let refused = member.get("/leaderboard/all?q=an").await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        refused.body.contains("<h1>搜索过于频繁</h1>"),
        "{}",
        refused.body
    );

    app.advance(Duration::seconds(3));
    assert_eq!(
        visitor.get("/leaderboard/all?q=an").await.status,
        StatusCode::OK
    );
    assert_eq!(
        visitor.get("/leaderboard/all?q=an").await.status,
        StatusCode::TOO_MANY_REQUESTS,
        "one more each three seconds"
    );
}

#[tokio::test]
async fn an_archived_season_is_searched_with_its_places() {
    let app = spawn("public").await;
    let admin = console("admin");
    app.say(&admin, "/season start Spring").await;
    for name in ["ann", "joanna", "bob"] {
        app.say(&console(name), "hello everyone").await;
    }
    app.say(&console("joanna"), "and once more").await;
    app.say(&admin, "/season end").await;
    let page = app.browser().get("/seasons/1?q=Ann").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body.contains("2 members match “Ann”."),
        "{}",
        page.body
    );
    let found = lines(&page.body);
    assert_eq!(found, [(1, "joanna".to_owned()), (2, "ann".to_owned())]);
}

#[tokio::test]
async fn a_renamed_member_is_found_by_the_new_name_and_a_hidden_one_not_at_all() {
    let app = spawn("public").await;
    let (ann, bob) = (console("ann"), console("bob"));
    app.say(&ann, "hello everyone").await;
    app.say(&bob, "hello everyone").await;
    let browser = app.browser();
    assert!(
        browser
            .get("/leaderboard/all?q=bo")
            .await
            .body
            .contains(">bob<")
    );
    let renamed = steward::engine::Person::named(bob.profile.account.clone(), "Roberta");
    app.say(&renamed, "same account, a new name").await;
    let old = browser.get("/leaderboard/all?q=bo").await.body;
    assert!(old.contains("No member on this board matches"), "{old}");
    assert!(
        browser
            .get("/leaderboard/all?q=rob")
            .await
            .body
            .contains(">Roberta<")
    );
    app.say(&ann, "/privacy hide").await;
    let admin = app.browser_for(&console("admin")).await;
    for viewer in [&browser, &admin] {
        let page = viewer.get("/leaderboard/all?q=ann").await.body;
        assert!(page.contains("No member on this board matches"), "{page}");
    }
}
