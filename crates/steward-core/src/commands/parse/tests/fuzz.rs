//! Arbitrary and near-valid input against the parser and the drop grammar: no panic, and
//! every refusal is a reply people can act on (a usage line, or "unknown command"), in every
//! locale with all its arguments filled.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::*;

/// Valid lines to mutate: every command, most argument shapes.
const SEEDS: &[&str] = &[
    "/help",
    "/rank @alice",
    "/leaderboard season Spring 2026 2",
    "/daily",
    "/thanks @bob for the review",
    "/history @alice",
    "/privacy hide",
    "/link ABC123",
    "/points add @bob 50 great talk",
    "/points remove @bob 5",
    "/season start Advent of Code until 2026-12-24",
    "/season end",
    "/membership",
    "/tiers",
    "/shop",
    "/redeem pro-week",
    "/drops",
    "/rate 12 5",
    "/member grant @alice pro 30d",
    "/member revoke @alice",
    "/member list pro",
    "/drop tomorrow 09:00 every weekday to announcements tier pro Standup",
    "/drop 2026-12-01 09:00 every \"0 9 * * 1-5\" Lesson",
    "/drop in 2h30m Reminder",
    "/drop mon 18:30 every month 1 Monthly",
    "/drop show 3",
    "/drop cancel 3",
];

const PIECES: &[&str] = &[
    " ",
    "@",
    "/",
    "\"",
    "'",
    "0",
    "-1",
    "99999999999999999999",
    "every",
    "to",
    "tier",
    "until",
    "in",
    "now",
    "lifetime",
    "30d",
    "0m",
    "*",
    ",",
    "\u{0}",
    "\u{200b}",
    "谢谢",
    "🎉",
    "\n",
    "season",
    "add",
    "remove",
    "2026-02-30",
    "25:61",
    "cron:",
    "month 32",
];

fn mutate(rng: &mut StdRng, line: &str) -> String {
    let mut chars: Vec<char> = line.chars().collect();
    for _ in 0..rng.random_range(1..4) {
        match rng.random_range(0..4) {
            0 if !chars.is_empty() => {
                let at = rng.random_range(0..chars.len());
                chars.remove(at);
            }
            1 => {
                let at = rng.random_range(0..=chars.len());
                let piece = PIECES[rng.random_range(0..PIECES.len())];
                for (i, c) in piece.chars().enumerate() {
                    chars.insert(at + i, c);
                }
            }
            2 if !chars.is_empty() => {
                let at = rng.random_range(0..chars.len());
                chars.truncate(at);
            }
            _ => chars.push(char::from(rng.random_range(0x20u8..0x7f))),
        }
    }
    chars.into_iter().collect()
}

fn check(line: &str) {
    for is_reply in [false, true] {
        match parse(line, is_reply) {
            Ok(_) => {}
            Err(CommandError::Unknown(name)) => {
                assert!(
                    name.chars().count() <= 32,
                    "unknown name echoed whole: {line:?}"
                )
            }
            Err(error @ CommandError::Usage { .. }) => {
                let reply = error.to_string();
                assert!(reply.contains("\nUsage: /"), "{line:?} -> {reply:?}");
                assert!(reply.len() < 2_000, "{line:?} -> a reply too long to send");
                let CommandError::Usage { problem, .. } = &error else {
                    continue;
                };
                for lang in Lang::all() {
                    let text = problem.render(lang);
                    assert_ne!(text, problem.key(), "{lang} lacks {}", problem.key());
                    if !line.contains("{$") {
                        assert!(!text.contains("{$"), "{lang}: {line:?} -> {text:?}");
                    }
                }
            }
        }
    }
}

#[test]
fn near_valid_commands_never_panic_and_every_refusal_shows_the_usage() {
    let mut rng = StdRng::seed_from_u64(0x5EED);
    for seed in SEEDS {
        check(seed);
        for _ in 0..400 {
            check(&mutate(&mut rng, seed));
        }
    }
}

#[test]
fn arbitrary_text_never_panics() {
    let mut rng = StdRng::seed_from_u64(42);
    for _ in 0..5_000 {
        let len = rng.random_range(0..80);
        let bytes: Vec<u8> = (0..len).map(|_| rng.random()).collect();
        let text = String::from_utf8_lossy(&bytes);
        check(&text);
        check(&format!("/{text}"));
        check(&format!("/drop {text}"));
    }
}
