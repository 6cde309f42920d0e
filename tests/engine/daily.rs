use chrono::{DateTime, Duration, Utc};

use crate::helpers::*;

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

#[tokio::test]
async fn daily_pays_once_per_community_day_and_says_when_the_next_opens() {
    let app = spawn_app().await;
    let alice = console("alice");
    let first = app.ask(&alice, "/daily").await;
    assert!(
        first.contains("+50 XP and +50 points. Streak: 1 day."),
        "{first}"
    );
    let again = app.ask(&alice, "/daily").await;
    // 10:00 in Berlin: the next community day starts in 14 hours.
    assert!(again.contains("already checked in today"), "{again}");
    assert!(
        again.contains("opens in 14h, at 2026-11-26 00:00 (Europe/Berlin)"),
        "{again}"
    );
    assert_eq!(xp_in(&app.ask(&alice, "/rank").await), 50);
}

#[tokio::test]
async fn the_day_turns_at_midnight_in_the_community_timezone() {
    let app = spawn_app().await;
    let alice = console("alice");
    app.clock.set(at("2026-11-25T22:59:00Z")); // 23:59 in Berlin
    app.ask(&alice, "/daily").await;
    app.clock.set(at("2026-11-25T23:00:30Z")); // 00:00:30 on the 26th in Berlin, still the 25th in UTC
    let next = app.ask(&alice, "/daily").await;
    assert!(next.contains("Streak: 2 days"), "{next}");
}

#[tokio::test]
async fn streaks_grow_to_the_cap_and_reset_after_a_missed_day() {
    let app = spawn_app().await;
    let alice = console("alice");
    let mut last = String::new();
    for _ in 0..9 {
        last = app.ask(&alice, "/daily").await;
        app.advance(Duration::days(1));
    }
    // Base 50 + 10 per day after the first, capped at 7 days.
    assert!(
        last.contains("+110 XP") && last.contains("Streak: 9 days"),
        "{last}"
    );
    app.advance(Duration::days(1));
    let reset = app.ask(&alice, "/daily").await;
    assert!(
        reset.contains("+50 XP") && reset.contains("Streak: 1 day."),
        "{reset}"
    );
    assert!(
        reset.ends_with("Your 9-day streak ended, as a day was missed; a new one starts today."),
        "a broken streak is said, not silent: {reset}"
    );
}

#[tokio::test]
async fn the_day_after_dst_ends_is_one_day_not_two() {
    let app = spawn_app().await;
    let alice = console("alice");
    // 25 October 2026: Berlin falls back at 03:00; that day is 25 hours long.
    app.clock.set(at("2026-10-24T22:30:00Z")); // 00:30 on the 25th, Berlin summer time
    app.ask(&alice, "/daily").await;
    app.clock.set(at("2026-10-25T22:30:00Z")); // 23:30 on the 25th, Berlin winter time
    assert!(
        app.ask(&alice, "/daily")
            .await
            .contains("already checked in")
    );
    app.clock.set(at("2026-10-25T23:00:00Z")); // 00:00 on the 26th
    assert!(app.ask(&alice, "/daily").await.contains("Streak: 2 days"));
}
