//! The `/questions` page: in a real browser (headless Chromium) a visitor sees the open
//! community's questions with their accepted answers, a hidden member as "a member", a title's
//! markup as text, and not a question asked in the Pro lounge; a Pro member logged in sees it;
//! the operators' dashboard counts them.

use steward::core::ids::{ChatRef, Platform};
use steward::engine::{Event, MessageEvent, Person, QuotedMessage, Sender};

use crate::browser::{chromium, chromium_run};
use crate::harness::*;

const CONFIG: &str = r#"
[community]
name = "Web Guild"
timezone = "Europe/Berlin"
operators = ["console:admin"]

[web]
listen = "127.0.0.1:0"
metrics_listen = "127.0.0.1:0"
leaderboards = "public"

[[tiers]]
id = "pro"
name = "Pro"
rank = 1
gated_channels = ["lounge"]

[channels.lounge]
console = "lounge"
"#;

/// `who` says `text` (message `id`) in #general, replying to message `to` (its author and id)
/// when given.
async fn reply(
    app: &WebApp,
    who: &Person,
    id: &str,
    to: Option<(&Person, &str)>,
    text: &str,
) -> Option<String> {
    let general = ChatRef::group(Platform::Console, "general");
    let message = MessageEvent {
        chat: general.clone(),
        message_id: Some(id.to_owned()),
        sender: Sender {
            person: who.clone(),
            platform_admin: false,
            locale: None,
        },
        text: text.to_owned(),
        is_edit: false,
        reply_to: to.map(|(author, _)| author.clone()),
        quoted: to.map(|(_, id)| QuotedMessage {
            chat: general,
            message_id: id.to_owned(),
            text: String::new(),
            media: Vec::new(),
        }),
        mentions: Vec::new(),
        at: app.engine.kernel().now(),
    };
    app.engine.handle(Event::Message(message)).await
}

/// Alice asks (her `/ask` is message "ask"), Bob answers, Alice accepts; Dave asks and hides;
/// Carol (Pro) asks in the lounge.
async fn questions(app: &WebApp) {
    let (alice, bob, carol, dave) = (
        console("alice"),
        console("bob"),
        console("carol"),
        console("dave"),
    );
    let asked = reply(
        app,
        &alice,
        "ask",
        None,
        "/ask How do I pin a <b>future</b>? #rust",
    )
    .await;
    assert!(asked.unwrap().starts_with("Question #1 is open."));
    reply(
        app,
        &bob,
        "answer",
        Some((&alice, "ask")),
        "Box::pin it, then poll the pinned future",
    )
    .await;
    let accepted = reply(app, &alice, "accept", Some((&bob, "answer")), "/accept")
        .await
        .unwrap();
    assert!(accepted.starts_with("Answer accepted"), "{accepted}");
    app.say(&dave, "/ask Where are the slides?").await;
    app.say(&dave, "/privacy hide").await;
    app.say(&carol, "hello everyone").await;
    app.say(&console("admin"), "/member grant @carol pro 30d")
        .await;
    let lounge = ChatRef::group(Platform::Console, "lounge");
    app.say_in(lounge, &carol, "/ask Pro only: the roadmap?")
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_questions_page_shows_what_each_viewer_may_see() {
    let app = spawn_with(CONFIG, None).await;
    questions(&app).await;
    let pro = app
        .browser_for(&console("carol"))
        .await
        .get("/questions")
        .await;
    assert!(pro.body.contains("Pro only: the roadmap?"), "{}", pro.body);

    // The dashboard counts them: three asked, one answered and accepted at once.
    let admin = app.browser_for(&console("admin")).await;
    let dash = admin.get("/dashboard").await.body;
    for (figure, value) in [
        ("Questions asked", "3"),
        ("Answered (at least one answer)", "1"),
        ("With an accepted answer", "1"),
        ("Median wait for a first answer", "0 min"),
    ] {
        assert!(
            dash.contains(&format!("<th>{figure}</th><td class=\"num\">{value}</td>")),
            "{figure}: {dash}"
        );
    }

    let (status, _, csv) = admin.get_bytes("/dashboard/questions.csv").await;
    assert_eq!(status, reqwest::StatusCode::OK);
    assert_eq!(
        String::from_utf8(csv).unwrap(),
        "asked,answered,accepted,median_minutes_to_first_answer,median_minutes_to_acceptance\n\
         3,1,1,0,0\n"
    );

    let Some(binary) = chromium() else { return };
    let url = format!("{}/questions", app.base);
    let dom = chromium_run(binary, url, "--dump-dom".into()).await;
    assert!(
        dom.contains("How do I pin a &lt;b&gt;future&lt;/b&gt;?"),
        "{dom}"
    );
    assert!(dom.contains("Accepted answer by bob"), "{dom}");
    assert!(
        dom.contains("Box::pin it, then poll the pinned future"),
        "{dom}"
    );
    assert!(dom.contains("asked by a member"), "the hidden asker: {dom}");
    assert!(!dom.contains("dave"), "{dom}");
    assert!(!dom.contains("roadmap"), "the Pro question: {dom}");
}
