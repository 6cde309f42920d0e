//! The access rule on the web: every route the pages' listener serves (the router's own list,
//! so a new page is walked too), opened by a visitor and by logged-in free members, one of
//! whom rated a Pro drop while she held Pro. No page may carry the Pro drops' secret.

use chrono::Duration;
use steward::adapters::web::route_paths;
use steward::engine::Person;

use crate::harness::*;

/// In the text of every Pro item.
const SECRET: &str = "SECRET-7f3a";

const VIP: &str = r#"
[[tiers]]
id = "vip"
name = "VIP"
rank = 2
"#;

/// The paths to open for a route: each `{part}` filled with every value that names something
/// of the community (members, a season, the drops, events); an unknown part fails the test
/// until the walk knows what to put there.
pub(crate) fn paths(route: &str, ids: &[i64]) -> Vec<String> {
    let Some((before, rest)) = route.split_once('{') else {
        return vec![route.to_owned()];
    };
    let (part, after) = rest.split_once('}').unwrap();
    let values: Vec<String> = match part {
        "id" | "drop" => ids.iter().map(i64::to_string).collect(),
        "position" => vec!["0".to_owned(), "1".to_owned()],
        "board" => ["all", "week", "month", "season"]
            .map(str::to_owned)
            .to_vec(),
        "token" => vec!["0".repeat(64)],
        "name" => ["all", "at-risk", "upgrade", "lapsed", "active", "vip"]
            .map(str::to_owned)
            .to_vec(),
        "file" => ["activity.csv", "content.csv", "weeks.csv"]
            .map(str::to_owned)
            .to_vec(),
        other => panic!("a route with {{{other}}}: tell the walk what to open there"),
    };
    values
        .iter()
        .flat_map(|value| paths(&format!("{before}{value}{after}"), ids))
        .collect()
}

pub(crate) async fn member_id(app: &WebApp, who: &Person) -> i64 {
    let store = app.engine.store();
    store
        .member_of(&who.profile.account)
        .await
        .unwrap()
        .unwrap()
        .0
}

#[tokio::test]
async fn no_page_shows_a_free_member_or_a_visitor_what_a_tier_withholds() {
    let config = CONFIG.replace("LEADERBOARDS", "public").replace(
        "discord_role = \"555\"",
        "discord_role = \"555\"\ngated_channels = [\"lounge\"]",
    ) + VIP
        + "[channels.lounge]\nconsole = \"lounge\"\n";
    let app = spawn_with(&config, None).await;
    let (admin, pat, carol, dan) = (
        console("admin"),
        console("pat"),
        console("carol"),
        console("dan"),
    );
    for who in [&pat, &carol, &dan] {
        app.say(who, "hello everyone").await;
    }
    for line in [
        format!("/drop now tier pro {SECRET} delivered"),
        format!("/drop 2026-12-24 10:00 tier pro {SECRET} still to come"),
        format!("/event create \"{SECRET} meetup\" 2026-11-28 10:00 2026-11-28 12:00 tier pro"),
        format!("/course create pro-101 {SECRET} course"),
        "/course tier pro-101 pro".to_owned(),
        "/course add pro-101 2".to_owned(),
        "/season start Winter".to_owned(),
        "/member grant @pat pro 30d".to_owned(),
        "/member grant @carol pro 1d".to_owned(),
    ] {
        let reply = app.say(&admin, &line).await.unwrap();
        assert!(!reply.contains("Usage"), "{line}: {reply}");
    }
    // Pat asks in the Pro lounge: the question is Pro.
    let lounge =
        steward::core::ids::ChatRef::group(steward::core::ids::Platform::Console, "lounge");
    let asked = app
        .say_in(lounge, &pat, &format!("/ask {SECRET} question"))
        .await;
    assert!(asked.unwrap().starts_with("Question #1 is open"));
    app.engine
        .scheduler()
        .tick(app.engine.kernel().now())
        .await
        .unwrap();
    for who in [&pat, &carol] {
        assert_eq!(
            app.say(who, "/rate 1 5").await.unwrap(),
            "Thanks! You rated drop #1 5 of 5."
        );
    }
    // Pat's pages show the secret: it is there to be withheld.
    let pats = app.browser_for(&pat).await;
    assert!(
        pats.get("/").await.body.contains(SECRET),
        "the drop to come"
    );
    let pat_id = member_id(&app, &pat).await;
    let pat_page = pats.get(&format!("/members/{pat_id}")).await;
    assert!(pat_page.body.contains(SECRET), "the drop he rated");

    // Carol's Pro ends: she rated the drop while she held it.
    app.advance(Duration::days(2));
    let ids = [
        pat_id,
        member_id(&app, &carol).await,
        member_id(&app, &dan).await,
        1,
        2,
    ];
    let readers = [
        ("a visitor", app.browser()),
        ("Carol", app.browser_for(&carol).await),
        ("Dan", app.browser_for(&dan).await),
    ];
    let routes = route_paths();
    assert!(routes.contains(&"/members/{id}"), "{routes:?}");
    let mut opened = 0;
    for route in &routes {
        for path in paths(route, &ids) {
            for query in ["", "?q=pat", "?page=1"] {
                let path = format!("{path}{query}");
                for (who, browser) in &readers {
                    let page = browser.get(&path).await;
                    let mut bodies = vec![page.body];
                    if let Some(to) = page.location.filter(|to| to.starts_with('/')) {
                        bodies.push(browser.get(&to).await.body);
                    }
                    for body in bodies {
                        assert!(
                            !body.contains(SECRET),
                            "{path} shows {who} {SECRET}: {body}"
                        );
                    }
                    opened += 1;
                }
            }
        }
    }
    assert!(opened > 100, "{opened}");
}
