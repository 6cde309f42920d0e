use chrono::Duration;
use steward::core::ids::{AccountRef, Platform};
use steward_testkit::Sent;

use crate::helpers::*;

fn grants(sent: &[Sent]) -> Vec<(String, String)> {
    sent.iter()
        .filter_map(|s| match s {
            Sent::Grant { to, tier } => Some((to.to_string(), tier.clone())),
            _ => None,
        })
        .collect()
}

fn revokes(sent: &[Sent]) -> Vec<(String, String)> {
    sent.iter()
        .filter_map(|s| match s {
            Sent::Revoke { from, tier } => Some((from.to_string(), tier.clone())),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn a_grant_gives_access_and_a_second_grant_extends_it() {
    let app = spawn_app().await;
    let (admin, alice) = (console("admin"), console("alice"));
    app.say(&alice, "hello there").await;
    let reply = app.ask(&admin, "/member grant @alice pro 30d").await;
    assert_eq!(
        reply,
        "alice is now Pro until 2026-12-25 10:00 (Europe/Berlin)."
    );
    assert_eq!(
        grants(&app.posts()),
        vec![("console:alice".to_owned(), "pro".to_owned())]
    );
    let again = app.ask(&admin, "/member extend @alice pro 2w").await;
    assert_eq!(
        again,
        "alice is now Pro until 2027-01-08 10:00 (Europe/Berlin)."
    );
    let mine = app.ask(&alice, "/membership").await;
    assert!(
        mine.starts_with("Your tier: Pro until 2027-01-08"),
        "{mine}"
    );
    assert!(
        mine.contains("2x message XP") && mine.contains("+25 points on /daily"),
        "{mine}"
    );
}

#[tokio::test]
async fn extend_needs_a_running_membership_and_tiers_must_exist() {
    let app = spawn_app().await;
    let admin = console("admin");
    app.say(&console("bob"), "hello there").await;
    let refused = app.ask(&admin, "/member extend @bob pro 30d").await;
    assert_eq!(
        refused,
        "bob has no running Pro membership; use /member grant."
    );
    let unknown = app.ask(&admin, "/member grant @bob gold 30d").await;
    assert_eq!(unknown, "There is no tier `gold`. Tiers: basic, pro, vip.");
    let bad = app.ask(&admin, "/member grant @bob pro soon").await;
    assert!(
        bad.contains("not a duration") && bad.contains("Usage: /member"),
        "{bad}"
    );
}

#[tokio::test]
async fn perks_multiply_message_xp_and_add_to_the_daily() {
    let app = spawn_app().await;
    let alice = console("alice");
    app.say(&alice, "hello there").await;
    app.ask(&console("admin"), "/member grant @alice pro lifetime")
        .await;
    app.advance(Duration::minutes(2));
    app.say(&alice, "now with pro").await;
    assert_eq!(xp_in(&app.ask(&alice, "/rank").await), 20 + 40);
    assert!(app.ask(&alice, "/daily").await.contains("+75 XP"));
    assert!(
        app.ask(&alice, "/membership")
            .await
            .contains("Pro for life")
    );
}

#[tokio::test]
async fn expiry_removes_access_tells_the_member_and_reminds_before() {
    let app = spawn_app().await;
    let alice = telegram("501", "Alice");
    app.send(message(
        &alice,
        telegram_group(),
        "hello there",
        app.clock_now(),
    ))
    .await;
    let grant = message(
        &console("admin"),
        general(),
        "/member grant @alice pro 5d",
        app.clock_now(),
    );
    let granted = app
        .send(with_mention(grant, "alice", &alice))
        .await
        .unwrap();
    assert!(granted.starts_with("Alice is now Pro"), "{granted}");
    app.posts();

    app.advance(Duration::days(2) + Duration::hours(1)); // 2d23h left: the 3-day reminder
    assert_eq!(app.tick().await.reminders_sent, 1);
    let sent = app.posts();
    assert!(
        matches!(&sent[..], [Sent::Dm { to, text }] if to.platform == Platform::Telegram && text.contains("ends in 2d 23h")),
        "{sent:?}"
    );
    assert_eq!(app.tick().await.reminders_sent, 0, "each reminder once");

    app.advance(Duration::days(2)); // 23h left: the 1-day reminder
    assert_eq!(app.tick().await.reminders_sent, 1);
    app.posts();

    app.advance(Duration::days(1));
    let outcome = app.tick().await;
    assert_eq!(outcome.memberships_expired, 1);
    let sent = app.posts();
    assert_eq!(
        revokes(&sent),
        vec![("telegram:501".to_owned(), "pro".to_owned())]
    );
    assert!(
        sent.iter()
            .any(|s| matches!(s, Sent::Dm { text, .. } if text.contains("membership has ended"))),
        "{sent:?}"
    );
    assert!(
        app.ask(&console("admin"), "/member list")
            .await
            .contains("No running memberships")
    );
    assert_eq!(app.tick().await.memberships_expired, 0, "expires once");
}

#[tokio::test]
async fn revoking_one_tier_keeps_access_another_running_tier_gives() {
    let app = spawn_app().await;
    let admin = console("admin");
    app.say(&console("alice"), "hello there").await;
    app.ask(&admin, "/member grant @alice basic 30d").await;
    app.ask(&admin, "/member grant @alice pro 30d").await;
    app.posts();
    assert_eq!(
        app.ask(&admin, "/member revoke @alice pro").await,
        "Revoked Pro from alice."
    );
    // The platform is told to take Pro's access minus what Basic still gives (the shared chat),
    // and alice is told why.
    let sent = app.posts();
    assert_eq!(
        revokes(&sent),
        vec![("console:alice".to_owned(), "pro".to_owned())]
    );
    let told = sent.iter().any(|s| {
        matches!(s, Sent::Dm { to, text } if to.user_id == "alice"
            && text == "An operator ended your Pro membership. /membership shows what you still have.")
    });
    assert!(told, "{sent:?}");
    assert!(
        app.ask(&console("alice"), "/membership")
            .await
            .starts_with("Your tier: Basic")
    );
    assert!(
        app.ask(&admin, "/member revoke @alice pro")
            .await
            .contains("no running membership in Pro")
    );
}

#[tokio::test]
async fn operators_keep_access_when_their_membership_ends() {
    let app = spawn_app().await;
    let admin = console("admin");
    app.ask(&admin, "/member grant @admin pro 1d").await;
    app.posts();
    app.advance(Duration::days(2));
    assert_eq!(app.tick().await.memberships_expired, 1);
    assert!(revokes(&app.posts()).is_empty());
}

#[tokio::test]
async fn a_dry_run_removes_no_one_and_reports_who_would_lose_access() {
    let config = format!("{CONFIG}\n[membership]\nenforce = false\n");
    let app = spawn_app_with(&config).await;
    app.say(&console("alice"), "hello there").await;
    app.ask(&console("admin"), "/member grant @alice pro 1d")
        .await;
    app.posts();
    app.advance(Duration::days(2));
    app.tick().await;
    let sent = app.posts();
    assert!(revokes(&sent).is_empty(), "{sent:?}");
    let to_admin = AccountRef::new(Platform::Console, "admin");
    assert!(
        sent.iter().any(|s| matches!(s, Sent::Dm { to, text } if *to == to_admin && text.contains("Dry run") && text.contains("alice would lose Pro access"))),
        "{sent:?}"
    );
}

#[tokio::test]
async fn memberships_survive_a_restart_and_list_by_tier() {
    let app = spawn_app().await;
    let admin = console("admin");
    app.say(&console("alice"), "hello there").await;
    app.say(&console("bob"), "hello there").await;
    app.ask(&admin, "/member grant @alice pro 30d").await;
    app.ask(&admin, "/member grant @bob basic lifetime").await;
    let app = app.restart().await;
    let pro = app.ask(&admin, "/member list pro").await;
    assert_eq!(
        pro,
        "Running memberships (1):\nalice: Pro until 2026-12-25 10:00 (Europe/Berlin)"
    );
    let all = app.ask(&admin, "/member list").await;
    assert!(all.contains("bob: Basic for life"), "{all}");
    let tiers = app.ask(&console("carol"), "/tiers").await;
    assert!(
        tiers.contains("Pro (pro)") && tiers.contains("/redeem pro-week for 100 points of 7d"),
        "{tiers}"
    );
}

#[tokio::test]
async fn linking_keeps_the_later_expiry_per_tier() {
    let app = spawn_app().await;
    let admin = console("admin");
    let on_telegram = telegram("111", "Alice");
    let on_discord = discord("222", "alice_dc");
    app.send(message(
        &on_telegram,
        telegram_group(),
        "hello there",
        app.clock_now(),
    ))
    .await;
    app.send(message(
        &on_discord,
        discord_channel(),
        "hello there",
        app.clock_now(),
    ))
    .await;
    let op = |text: &str, who: &steward::engine::Person| {
        with_mention(message(&admin, general(), text, app.clock_now()), "x", who)
    };
    app.send(op("/member grant @x pro 10d", &on_telegram)).await;
    app.send(op("/member grant @x pro 40d", &on_discord)).await;
    app.send(message(
        &on_telegram,
        telegram_group(),
        "/link",
        app.clock_now(),
    ))
    .await;
    let code = app
        .posts()
        .into_iter()
        .find_map(|s| match s {
            Sent::Dm { text, .. } if text.starts_with("Your link code") => text
                .split_whitespace()
                .nth(4)
                .map(|c| c.trim_end_matches('.').to_owned()),
            _ => None,
        })
        .unwrap();
    app.send(message(
        &on_discord,
        discord_channel(),
        &format!("/link {code}"),
        app.clock_now(),
    ))
    .await;
    let mine = app
        .send(message(
            &on_telegram,
            telegram_group(),
            "/membership",
            app.clock_now(),
        ))
        .await
        .unwrap();
    assert!(
        mine.starts_with("Your tier: Pro until 2027-01-04"),
        "{mine}"
    );
}

/// The DMs `name` received since the last look.
fn dms_to(sent: &[Sent], name: &str) -> Vec<String> {
    sent.iter()
        .filter_map(|s| match s {
            Sent::Dm { to, text } if to.user_id == name => Some(text.clone()),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn a_short_grant_welcomes_the_member_and_sends_only_reminders_still_ahead() {
    let app = spawn_app().await;
    let admin = console("admin");
    app.say(&console("alice"), "hello there").await;
    app.posts();
    app.ask(&admin, "/member grant @alice pro 2d").await;
    let sent = app.posts();
    let dms = dms_to(&sent, "alice");
    assert_eq!(dms.len(), 1, "{dms:?}");
    assert!(
        dms[0].starts_with("Welcome to Pro! It runs until ") && dms[0].contains("Perks: "),
        "{dms:?}"
    );
    assert_eq!(
        app.tick().await.reminders_sent,
        0,
        "the three-day reminder's time had passed"
    );
    app.advance(Duration::days(1));
    assert_eq!(
        app.tick().await.reminders_sent,
        1,
        "the one-day reminder comes in time"
    );
    app.posts();
    app.ask(&admin, "/member extend @alice pro 30d").await;
    let dms = dms_to(&app.posts(), "alice");
    assert!(
        dms.iter()
            .any(|d| d.starts_with("Your Pro membership now runs until ")),
        "{dms:?}"
    );
}

#[tokio::test]
async fn the_member_list_names_an_erased_members_running_tier_as_erased() {
    let app = spawn_app().await;
    let admin = console("admin");
    let alice = console("alice");
    app.ask(&alice, "/rank").await;
    let granted = app.ask(&admin, "/member grant @alice pro 30d").await;
    assert!(granted.contains("is now Pro"), "{granted}");
    app.ask(&alice, "/privacy delete").await;
    let done = app.ask(&alice, "/privacy delete confirm").await;
    assert!(done.contains("erased"), "{done}");
    let list = app.ask(&admin, "/member list").await;
    let line = list.lines().find(|l| l.contains("Pro")).unwrap_or_default();
    assert!(line.starts_with("(erased member #"), "{list}");
}
