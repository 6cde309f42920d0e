//! `/?ref=CODE`: a member's invite link for someone not on the bot yet shows how to start there
//! with the code; a code that is nobody's shows nothing, and nothing typed is echoed.

use crate::harness::{console, spawn};

#[tokio::test]
async fn an_invite_link_tells_a_visitor_how_to_start_and_a_wrong_one_shows_nothing() {
    let app = spawn("public").await;
    let reply = app.say(&console("ann"), "/invite").await.unwrap();
    let code = reply
        .split_whitespace()
        .nth(4)
        .map(|w| w.trim_end_matches('.').to_owned())
        .unwrap();
    let visitor = app.browser();
    let page = visitor.get(&format!("/?ref={}", code.to_lowercase())).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("A member invited you"), "{}", page.body);
    assert!(
        page.body.contains(&format!("/start ref-{code}")),
        "{}",
        page.body
    );
    let start = page.body.find(r#"<section class="invite">"#).unwrap();
    let box_html = &page.body[start..];
    let box_html = &box_html[..box_html.find("</section>").unwrap()];
    assert!(
        !box_html.contains("ann"),
        "the box names nobody: {box_html}"
    );

    for wrong in ["ZZZZZZZZ", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", ""] {
        let page = visitor.get(&format!("/?ref={wrong}")).await;
        assert_eq!(page.status, 200);
        assert!(!page.body.contains("A member invited you"), "{wrong}");
        assert!(!page.body.contains("<script>"), "{wrong}");
    }
}
