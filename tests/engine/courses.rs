//! Courses and learning progress: operators make a course of delivered drops, members mark
//! lessons done for learning XP (once each, even when pressed twice at once), finishing the
//! course pays its bonus once, and a member only counts lessons they may see.

use crate::helpers::*;

/// A course of two lessons, both delivered to #general on the console.
async fn course(app: &TestApp) {
    let admin = console("admin");
    app.ask(&admin, "/drop now Lesson one: ownership").await;
    app.ask(&admin, "/drop now Lesson two: borrowing").await;
    app.tick().await;
    let created = app.ask(&admin, "/course create rust-101 Rust basics").await;
    assert_eq!(
        created,
        "Course rust-101 (Rust basics) is ready: add lessons with /course add rust-101 DROP."
    );
    assert_eq!(
        app.ask(&admin, "/course add rust-101 #1").await,
        "Drop #1 is lesson 1 of rust-101."
    );
    assert_eq!(
        app.ask(&admin, "/course add rust-101 2").await,
        "Drop #2 is lesson 2 of rust-101."
    );
}

#[tokio::test]
async fn lessons_pay_learning_xp_once_and_the_last_one_pays_the_course_bonus() {
    let app = spawn_app().await;
    course(&app).await;
    let bob = console("bob");
    let progress = app.ask(&bob, "/progress").await;
    assert_eq!(
        progress,
        "Your courses:\nRust basics (rust-101): ░░░░░░░░░░ 0/2 — next: #1 Lesson one: ownership"
    );
    let done = app.ask(&bob, "/done 1").await;
    assert_eq!(
        done,
        "Lesson #1 done: +50 XP.\nRust basics (rust-101): ▓▓▓▓▓░░░░░ 1/2 — next: #2 Lesson two: borrowing"
    );
    assert_eq!(
        app.ask(&bob, "/done 1").await,
        "You marked lesson #1 done already; it counts once."
    );
    let last = app.ask(&bob, "/done #2").await;
    assert!(
        last.ends_with("🎓 You finished Rust basics: +200 XP bonus!"),
        "{last}"
    );
    let history = app.ask(&bob, "/history").await;
    assert!(history.contains("lesson #1 done"), "{history}");
    assert!(history.contains("course rust-101 finished"), "{history}");
    let rank = app.ask(&bob, "/rank").await;
    assert!(rank.contains("300 XP"), "{rank}");
    let stats = app.ask(&console("admin"), "/course stats rust-101").await;
    assert_eq!(
        stats,
        "Rust basics (rust-101): 2 lessons. Members who finished each:\n\
         1. #1 Lesson one: ownership — 1\n2. #2 Lesson two: borrowing — 1"
    );
}

#[tokio::test]
async fn two_presses_at_once_count_the_lesson_once() {
    let app = spawn_app().await;
    course(&app).await;
    let carol = console("carol");
    let (a, b) = tokio::join!(app.say(&carol, "/done 1"), app.say(&carol, "/done 1"));
    let mut replies = [a.unwrap(), b.unwrap()];
    replies.sort();
    assert!(
        replies[0].starts_with("Lesson #1 done: +50 XP."),
        "{replies:?}"
    );
    assert_eq!(
        replies[1],
        "You marked lesson #1 done already; it counts once."
    );
    let rank = app.ask(&carol, "/rank").await;
    assert!(rank.contains("50 XP"), "{rank}");
}

#[tokio::test]
async fn a_lesson_counts_only_once_it_reached_the_member_and_their_tier_sees_it() {
    let app = spawn_app().await;
    course(&app).await;
    let admin = console("admin");
    app.ask(&admin, "/drop in 2h Lesson three: lifetimes").await;
    app.ask(&admin, "/course add rust-101 3").await;
    let bob = console("bob");
    assert_eq!(
        app.ask(&bob, "/done 3").await,
        "Lesson #3 has not reached you yet; mark it done once it has."
    );
    // Gated to Pro: Bob, with no tier, no longer sees the course at all.
    assert_eq!(
        app.ask(&admin, "/course tier rust-101 pro").await,
        "Course rust-101 is now for Pro and above."
    );
    assert_eq!(
        app.ask(&bob, "/done 1").await,
        "Drop #1 is not a lesson of any course you can see. /progress lists your courses."
    );
    assert_eq!(
        app.ask(&bob, "/progress").await,
        "There are no courses yet."
    );
    // Operators' mistakes get the reason.
    assert_eq!(
        app.ask(&admin, "/course add rust-102 1").await,
        "There is no course rust-102. Courses: rust-101."
    );
    assert_eq!(
        app.ask(&admin, "/course add rust-101 1").await,
        "Drop #1 is already a lesson of rust-101."
    );
    let usage = app.ask(&admin, "/course delete rust-101").await;
    assert!(usage.contains("/course create ID TITLE"), "{usage}");
    let member = app.ask(&bob, "/course stats rust-101").await;
    assert!(!member.contains("Members who finished"), "{member}");
}

#[tokio::test]
async fn a_course_from_config_exists_at_start_and_finishing_it_gives_its_role() {
    let config = format!(
        "{CONFIG}\n[[courses]]\nid = \"Rust-101\"\ntitle = \"Rust basics\"\ndiscord_role = \"5550001\"\n"
    );
    let app = spawn_app_with(&config).await;
    let admin = console("admin");
    app.ask(&admin, "/drop now Lesson one: ownership").await;
    app.tick().await;
    assert_eq!(
        app.ask(&admin, "/course add rust-101 1").await,
        "Drop #1 is lesson 1 of rust-101."
    );
    app.posts();
    let bob = console("bob");
    let done = app.ask(&bob, "/done 1").await;
    assert!(done.contains("You finished Rust basics"), "{done}");
    let roles: Vec<String> = app
        .posts()
        .into_iter()
        .filter_map(|s| match s {
            steward_testkit::Sent::CourseRole { to, course } if to.user_id == "bob" => Some(course),
            _ => None,
        })
        .collect();
    assert_eq!(roles, ["Rust basics"]);
    // A restart keeps the course and its lessons.
    let app = app.restart().await;
    assert!(app.ask(&bob, "/progress").await.contains("1/1"));
}

#[tokio::test]
async fn progress_names_a_lesson_beyond_the_members_tier_without_its_text() {
    let app = spawn_app().await;
    let admin = console("admin");
    app.ask(&admin, "/drop now Lesson one: ownership").await;
    app.ask(&admin, "/drop in 2h tier pro to lounge Secret pro lesson")
        .await;
    app.tick().await;
    app.ask(&admin, "/course create rust-101 Rust basics").await;
    app.ask(&admin, "/course add rust-101 1").await;
    app.ask(&admin, "/course add rust-101 2").await;
    let bob = console("bob");
    let carol = console("carol");
    app.ask(&bob, "/done 1").await;
    app.ask(&carol, "/done 1").await;
    let granted = app.ask(&admin, "/member grant @carol pro 30d").await;
    assert!(granted.contains("Pro"), "{granted}");
    let before = app.ask(&bob, "/progress").await;
    assert!(!before.contains("Secret"), "{before}");
    assert!(before.ends_with("next: #2 (Pro lesson)"), "{before}");
    app.advance(chrono::Duration::hours(3));
    app.tick().await;
    let after = app.ask(&bob, "/progress").await;
    assert!(!after.contains("Secret"), "{after}");
    assert!(after.ends_with("next: #2 (Pro lesson)"), "{after}");
    let pro = app.ask(&carol, "/progress").await;
    assert!(pro.ends_with("next: #2 Secret pro lesson"), "{pro}");
}
