//! The access rule, walked: a community with Pro and VIP drops, lessons, courses and events
//! whose text carries a secret, and members who walk every command of the catalogue (each
//! subcommand, with arguments naming every gated item) and every autocomplete, before and
//! after delivery. Nothing a free member reads, by reply, DM, post or file, may carry a secret;
//! nothing a Pro member reads may carry a VIP one. The catalogue is walked as data, so a new
//! command or argument kind is walked too (a new kind does not compile until it has values).

use chrono::Duration;
use steward::core::commands::{ArgKind, Audience, COMMANDS, CommandSpec, Params};
use steward::core::ids::{AccountRef, ChatRef, Platform};
use steward::engine::{Choice, DropTarget, Person, Sender};
use steward_testkit::Sent;

use crate::helpers::*;

/// In the text of every Pro item.
const PRO_SECRET: &str = "SECRET-7f3a";
/// In the text of every VIP item.
const VIP_SECRET: &str = "SECRET-vip-2b9e";

/// What members may type that names a gated item: drops 1–5, events 1–2, the courses, the
/// tag, the events' check-in codes.
struct Names {
    codes: Vec<String>,
}

impl Names {
    /// Values for one argument. No wildcard: a new kind of argument must say what to try.
    fn values(&self, kind: ArgKind) -> Vec<String> {
        let words = |w: &[&str]| w.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        match kind {
            // Never the walker: `/privacy delete confirm` must not erase them mid-walk.
            ArgKind::Member => words(&["@pat", "@vic"]),
            ArgKind::Text { .. } | ArgKind::Title => {
                let mut names = words(&["pro-101", "vip-101", "open-101", "secret-tag", "event"]);
                names.extend(self.codes.iter().cloned());
                names
            }
            ArgKind::Integer { min, max } => (1..=5)
                .map(|n: i64| n.clamp(min, max).to_string())
                .collect(),
            ArgKind::Choice(choices) => choices.iter().map(|c| c.value.to_owned()).collect(),
            ArgKind::Tier => words(&["pro", "vip"]),
            ArgKind::DropId => words(&["2", "3", "#4", "5", "1"]),
            ArgKind::RewardId => words(&["pro-week"]),
            ArgKind::PlanId => words(&["pro"]),
            ArgKind::Duration => words(&["30d"]),
            ArgKind::Date => words(&["2026-12-24"]),
            ArgKind::When => words(&["now"]),
            ArgKind::Repeat => words(&["day"]),
            ArgKind::Channels => words(&["lounge"]),
            ArgKind::Post => words(&["hello"]),
            // Never on the line: a member's files come with their message, not their words.
            ArgKind::Attachment => Vec::new(),
        }
    }

    /// Command lines for `spec`: for each subcommand, rounds in which every argument takes each
    /// of its values in turn, then the line with the required arguments alone.
    fn lines(&self, spec: &CommandSpec) -> Vec<String> {
        let subs: Vec<Option<&str>> = match spec.params {
            Params::Args(_) => vec![None],
            Params::Subcommands(subs) => subs.iter().map(|s| Some(s.name)).collect(),
        };
        let mut lines = Vec::new();
        for sub in subs {
            let args = spec.args_of(sub).unwrap();
            let values: Vec<Vec<String>> = args.iter().map(|a| self.values(a.kind)).collect();
            let value = |name: &str, round: usize| {
                let at = args.iter().position(|a| a.name == name)?;
                let given = &values[at];
                Some(given[round % given.len()].clone())
            };
            let rounds = values.iter().map(Vec::len).max().unwrap_or(1);
            for round in 0..rounds {
                lines.push(spec.write_line(sub, |arg| value(arg.name, round)));
            }
            lines.push(spec.write_line(sub, |arg| {
                arg.required.then(|| value(arg.name, 0)).flatten()
            }));
        }
        lines
    }
}

/// The chats of the tiers' gated channels: only their tier reads them.
fn gated_chats(app: &TestApp) -> Vec<ChatRef> {
    let membership = &app.config.membership;
    membership
        .tiers
        .iter()
        .flat_map(|t| &t.gated_channels)
        .filter_map(|name| membership.channels.get(name))
        .flatten()
        .cloned()
        .collect()
}

/// What of `sent` `reader` gets to read: posts in chats they are in, their DMs and files.
fn read_by(reader: &AccountRef, gated: &[ChatRef], sent: &Sent) -> Option<String> {
    let reaches = |to: &DropTarget| match to {
        DropTarget::Dm(account) => account == reader,
        DropTarget::Chat(chat) => !gated.contains(chat),
    };
    match sent {
        Sent::Post { chat, text } => (!gated.contains(chat)).then(|| text.clone()),
        Sent::Dm { to, text } | Sent::QuietDm { to, text } => (to == reader).then(|| text.clone()),
        Sent::File { to, file } => reaches(to)
            .then(|| format!("{} {}", file.caption, String::from_utf8_lossy(&file.bytes))),
        Sent::Drop { to, drop } => reaches(to).then(|| drop.text.clone()),
        Sent::CourseRole { to, course } => (to == reader).then(|| course.clone()),
        // Grants, invoices, refunds: what the platform itself shows.
        other => Some(format!("{other:?}")),
    }
}

/// Fails when anything one of `readers` got since the last look carries one of `secrets`.
fn assert_nothing_sent_shows(app: &TestApp, readers: &[&Person], secrets: &[&str], when: &str) {
    let gated = gated_chats(app);
    for sent in app.posts() {
        for reader in readers {
            let Some(text) = read_by(&reader.profile.account, &gated, &sent) else {
                continue;
            };
            for secret in secrets {
                assert!(
                    !text.contains(secret),
                    "{when}: {} was sent {secret}: {text}",
                    reader.profile.display_name
                );
            }
        }
    }
}

fn labels<V>(choices: Vec<Choice<V>>) -> Vec<String> {
    choices.into_iter().map(|c| c.label).collect()
}

/// `walker` runs every command line of the catalogue and asks every autocomplete; no reply,
/// no message sent their way and no choice offered may carry one of `secrets`. Returns how
/// many reads were made.
async fn walk(app: &TestApp, walker: &Person, names: &Names, secrets: &[&str]) -> usize {
    let gated = gated_chats(app);
    let sender = Sender {
        person: walker.clone(),
        platform_admin: false,
        locale: None,
    };
    let who = &walker.profile.display_name;
    let check = |read: &str, text: &str| {
        for secret in secrets {
            assert!(
                !text.contains(secret),
                "{read} shows {who} {secret}: {text}"
            );
        }
    };
    let mut reads = 0;
    for spec in COMMANDS {
        for line in names.lines(spec) {
            let reply = app.say(walker, &line).await.unwrap_or_default();
            check(&line, &reply);
            for sent in app.posts() {
                if let Some(text) = read_by(&walker.profile.account, &gated, &sent) {
                    check(&format!("what {line} sent"), &text);
                }
            }
            reads += 1;
        }
        let subs = match spec.params {
            Params::Args(args) => vec![args],
            Params::Subcommands(subs) => subs.iter().map(|s| s.args).collect(),
        };
        for arg in subs.into_iter().flatten() {
            for typed in ["", "2", "4", "5"] {
                let engine = &app.engine;
                let offered = match (arg.kind, spec.audience) {
                    (ArgKind::DropId, Audience::Member) => labels(
                        engine
                            .choices()
                            .drops_member_may_rate(&sender, typed)
                            .await
                            .unwrap(),
                    ),
                    (ArgKind::DropId, Audience::Operator) => labels(
                        engine
                            .choices()
                            .drops_operator_manages(&sender, typed)
                            .await
                            .unwrap(),
                    ),
                    (ArgKind::RewardId, _) => {
                        labels(engine.choices().rewards_offered_to(&sender, typed).await)
                    }
                    (ArgKind::PlanId, _) => {
                        labels(engine.choices().plans_offered_to(&sender, typed).await)
                    }
                    _ => break,
                };
                let read = format!("/{} {} autocomplete of {typed:?}", spec.name, arg.name);
                check(&read, &offered.join("\n"));
                reads += 1;
            }
        }
    }
    reads
}

/// Drops 1–5, courses, events (with their codes); Pat holds Pro and Vic VIP for a month, and
/// each joined their tier's event.
async fn gated_community(app: &TestApp) -> Names {
    let admin = console("admin");
    for line in [
        "/drop now tags open Open lesson: ownership".to_owned(),
        format!("/drop now tier pro tags secret-tag {PRO_SECRET} delivered to the lounge"),
        format!("/drop 2026-12-24 10:00 tier pro tags secret-tag {PRO_SECRET} still to come"),
        format!("/drop now tier vip tags secret-tag {VIP_SECRET} by DM"),
        format!("/drop in 1h tier vip {VIP_SECRET} by DM, an hour later"),
        "/course create open-101 Open course".to_owned(),
        "/course add open-101 2".to_owned(),
        "/course add open-101 1".to_owned(),
        format!("/course create pro-101 {PRO_SECRET} course"),
        "/course tier pro-101 pro".to_owned(),
        "/course add pro-101 3".to_owned(),
        format!("/course create vip-101 {VIP_SECRET} course"),
        "/course tier vip-101 vip".to_owned(),
        "/course add vip-101 4".to_owned(),
    ] {
        let reply = app.ask(&admin, &line).await;
        assert!(!reply.contains("Usage"), "{line}: {reply}");
    }
    let mut codes = Vec::new();
    for (name, tier) in [(PRO_SECRET, "pro"), (VIP_SECRET, "vip")] {
        let created = app
            .ask(
                &admin,
                &format!(
                    "/event create \"{name} meetup\" 2026-11-28 10:00 2026-11-28 12:00 tier {tier}"
                ),
            )
            .await;
        let (_, after) = created.split_once("Check-in code: ").expect(&created);
        codes.push(after.chars().take(6).collect());
    }
    for (name, tier, event) in [("pat", "pro", 1), ("vic", "vip", 2)] {
        app.say(&console(name), "hello there").await;
        app.ask(&admin, &format!("/member grant @{name} {tier} 30d"))
            .await;
        app.ask(&console(name), &format!("/event join {event}"))
            .await;
    }
    // Pat asks in the Pro lounge: the question is Pro.
    let lounge = ChatRef::group(Platform::Console, "lounge");
    let text = format!("/ask {PRO_SECRET} question #secret-tag");
    let mut ask = message(&console("pat"), lounge, &text, app.clock_now());
    ask.message_id = Some("pat-asks".to_owned());
    let asked = app.send(ask).await.unwrap();
    assert!(asked.starts_with("Question #1 is open"), "{asked}");
    Names { codes }
}

#[tokio::test]
async fn no_read_shows_a_member_what_their_tier_withholds_before_or_after_delivery() {
    // Rewards no walker can afford: redeeming one mid-walk would give them a tier.
    let app = spawn_app_with(&CONFIG.replace("cost = 100\n", "cost = 1000000\n")).await;
    let names = gated_community(&app).await;
    let (pat, vic, carol, dan) = (
        console("pat"),
        console("vic"),
        console("carol"),
        console("dan"),
    );
    let both = [PRO_SECRET, VIP_SECRET];
    for walker in [&carol, &dan] {
        app.say(walker, "hello there").await;
    }
    let carol_id = app.member(&carol).await.id;
    // The secrets are there to be seen by those whose tier shows them.
    assert!(app.ask(&pat, "/drops").await.contains(PRO_SECRET));
    assert!(app.ask(&vic, "/event list").await.contains(VIP_SECRET));

    // Before delivery: every drop is still to come.
    app.posts();
    for walker in [&carol, &dan] {
        assert!(walk(&app, walker, &names, &both).await > 100);
    }

    // Delivered: Pro to the lounge, VIP by DM to Vic.
    app.tick().await;
    assert_nothing_sent_shows(&app, &[&carol, &dan], &both, "the delivery");
    // Carol holds Pro for two days: she rates the Pro drop, joins the Pro event and sees Pro
    // text, but never VIP text, not even a VIP drop sent by DM while she holds Pro.
    app.ask(&console("admin"), "/member grant @carol pro 2d")
        .await;
    for rated in ["/rate 1 5", "/rate 2 5"] {
        app.ask(&pat, rated).await;
        app.ask(&carol, rated).await;
    }
    assert!(app.ask(&carol, "/event join 1").await.contains(PRO_SECRET));
    app.ask(&vic, "/rate 4 5").await;
    app.posts();
    walk(&app, &carol, &names, &[VIP_SECRET]).await;
    app.advance(Duration::hours(1));
    app.tick().await;
    assert_nothing_sent_shows(&app, &[&carol], &[VIP_SECRET], "the VIP drop an hour later");

    // Pro ended; an hour before the Pro event its reminder goes to Pat alone.
    app.advance(Duration::days(2) + Duration::hours(22) + Duration::minutes(30));
    let outcome = app.tick().await;
    let gated = gated_chats(&app);
    let sent = app.posts();
    assert!(sent.iter().any(|s| {
        read_by(&pat.profile.account, &gated, s)
            .is_some_and(|t| t.contains(PRO_SECRET) && t.contains("starts"))
    }));
    for s in &sent {
        if let Some(text) = read_by(&carol.profile.account, &gated, s) {
            assert!(!text.contains(PRO_SECRET), "the reminder: {text}");
        }
    }
    assert_eq!(outcome.event_reminders_sent, 2, "Pat's and Vic's");

    // After delivery and after her tier: Carol (who rated and joined while Pro) and Dan.
    for walker in [&carol, &dan] {
        walk(&app, walker, &names, &both).await;
    }
    for walker in [&carol, &dan] {
        app.ask(walker, "/recommend weekly on").await;
    }
    app.posts();
    // Monday 09:00 in Berlin: the weekly picks.
    app.advance(Duration::days(2));
    app.tick().await;
    assert_nothing_sent_shows(&app, &[&carol, &dan], &both, "the weekly picks");

    // Nor could Dan act on what he may not see: rate it, mark it done, send feedback on it, join
    // or check in to it.
    let acted: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM ratings WHERE member_id = ?1 AND drop_id > 1)
              + (SELECT COUNT(*) FROM lessons_done WHERE member_id = ?1 AND drop_id > 1)
              + (SELECT COUNT(*) FROM feedback WHERE member_id = ?1 AND drop_id > 1)
              + (SELECT COUNT(*) FROM event_members WHERE member_id = ?1)",
    )
    .bind(app.member(&dan).await.id.0)
    .fetch_one(&mut db(&app).await)
    .await
    .unwrap();
    assert_eq!(acted, 0, "Dan acted on a gated item");

    // The walk neither erased Carol nor gave her a tier.
    assert_eq!(app.member(&carol).await.id, carol_id);
    let membership = app.ask(&carol, "/membership").await;
    assert!(!membership.contains("Pro until"), "{membership}");
}
