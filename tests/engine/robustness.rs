//! Garbage in: the bot answers with usage or stays quiet, never panics, never half-writes.

use chrono::Duration;
use rand::{Rng, SeedableRng};

use crate::helpers::*;

const NASTY: &[&str] = &[
    "/",
    "//",
    "/ rank",
    "/rank @",
    "/rank @@@@",
    "/rank a b c",
    "/points add @bob 99999999999999999999999",
    "/points add @bob 1000000001",
    "/points remove @bob -1",
    "/points add @bob 0",
    "/points add",
    "/points add @bob",
    "/points add @bob ten",
    "/leaderboard week 0",
    "/leaderboard week 99999999999",
    "/leaderboard season",
    "/leaderboard all 100000",
    "/season start",
    "/season start x until 2026-02-30",
    "/season start x until",
    "/season stop",
    "/link ",
    "/link abc def",
    "/link ' OR 1=1 --",
    "/privacy maybe",
    "/thanks",
    "/daily now please",
    "/history @a @b",
    "/RANK@SomeBot",
    "/🙂",
    "/rank\u{0}\u{7}",
    "\u{202e}/rank",
    "'); DROP TABLE members; --",
];

#[tokio::test]
async fn garbage_and_random_lines_never_break_the_bot() {
    let app = spawn_app().await;
    let (admin, alice) = (console("admin"), console("alice"));
    app.say(&console("bob"), "hello").await;
    for line in NASTY {
        app.say(&alice, line).await;
        app.say(&admin, line).await;
    }
    let mut rng = rand::rngs::StdRng::seed_from_u64(3);
    let alphabet: Vec<char> = "/@ abcdefghijklmnopqrstuvwxyz0123456789-_+!?.'\"\\\n\t🙂é漢\u{0}"
        .chars()
        .collect();
    for _ in 0..1500 {
        let len = rng.random_range(0..80);
        let mut line: String = (0..len)
            .map(|_| alphabet[rng.random_range(0..alphabet.len())])
            .collect();
        if rng.random_bool(0.5) {
            let commands = [
                "/rank",
                "/points add",
                "/points remove",
                "/thanks",
                "/leaderboard",
                "/season start",
                "/link",
                "/history",
                "/privacy",
            ];
            line = format!("{} {line}", commands[rng.random_range(0..commands.len())]);
        }
        let who = if rng.random_bool(0.3) { &admin } else { &alice };
        app.say(who, &line).await;
        app.advance(Duration::milliseconds(rng.random_range(0..2000)));
    }
    // Still answering, and the books still balance.
    let rank = app.ask(&alice, "/rank").await;
    assert!(rank.contains("Level"), "{rank}");
    for name in ["alice", "bob", "admin"] {
        app.assert_books_balance(&console(name)).await;
    }
}

#[tokio::test]
async fn every_malformed_command_gets_its_usage() {
    let app = spawn_app().await;
    let admin = console("admin");
    for (line, usage) in [
        (
            "/points add @bob ten",
            "Usage: /points add|remove @member N [reason]",
        ),
        (
            "/leaderboard yearly",
            "Usage: /leaderboard [all|week|month|season [NAME]] [page]",
        ),
        (
            "/privacy maybe",
            "Usage: /privacy hide|show|export|delete [confirm|end]",
        ),
        (
            "/season stop",
            "Usage: /season start NAME [until YYYY-MM-DD] | /season end",
        ),
        ("/daily twice", "Usage: /daily"),
        ("/rank a b", "Usage: /rank [@member] [card]"),
    ] {
        let reply = app.ask(&admin, line).await;
        assert!(reply.ends_with(usage), "{line}: {reply}");
    }
    assert_eq!(
        app.ask(&admin, "/nope").await,
        "Unknown command /nope. Send /help to see what you can use."
    );
}
