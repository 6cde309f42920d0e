//! The real binary killed with SIGKILL while it delivers drops, again and again: after a last
//! clean run every drop has been posted, none lost, and a drop is posted twice at most once per
//! kill (a kill between the post and its record is the at-least-once window README names).

// Helpers here unwrap as the tests do: a failure is the test failing, at its line.
#![allow(clippy::unwrap_used)]
#![cfg(unix)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const DROPS: usize = 50;

fn console(dir: &std::path::Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_steward"))
        .args(["console", "--as", "admin"])
        .current_dir(dir)
        .env("STEWARD_WEB_LISTEN", "127.0.0.1:0")
        .env("STEWARD_METRICS_LISTEN", "127.0.0.1:0")
        .env_remove("STEWARD_TELEGRAM_TOKEN")
        .env_remove("STEWARD_DISCORD_TOKEN")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the steward binary runs")
}

/// Collects the drop posts a process prints, until its stdout closes.
fn collect_posts(child: &mut Child, posts: Arc<Mutex<Vec<String>>>) -> std::thread::JoinHandle<()> {
    let stdout = child.stdout.take().expect("piped stdout");
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(text) = line.strip_prefix("bot> [#general] Drop number ") {
                posts.lock().unwrap().push(text.to_owned());
            }
        }
    })
}

fn counts(posts: &Mutex<Vec<String>>) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for post in posts.lock().unwrap().iter() {
        *counts.entry(post.clone()).or_insert(0) += 1;
    }
    counts
}

#[test]
fn drops_survive_repeated_sigkills_mid_delivery_without_loss() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("steward.toml"),
        "[community]\noperators = [\"console:admin\"]\n",
    )
    .unwrap();
    // Five drops fall due each second for ten seconds, so kills land among deliveries.
    let mut schedule: String = (0..DROPS)
        .map(|i| format!("/drop in {}s Drop number {i}\n", 3 + i / 5))
        .collect();
    schedule.push_str("/quit\n");
    let mut first = console(dir.path());
    first
        .stdin
        .take()
        .unwrap()
        .write_all(schedule.as_bytes())
        .unwrap();
    assert!(first.wait().unwrap().success());

    let posts = Arc::new(Mutex::new(Vec::new()));
    let mut rng = StdRng::seed_from_u64(7);
    let (mut kills, mut runs_that_posted) = (0, 0);
    let started = Instant::now();
    // Runs live a random while and are killed, until every drop's time has passed.
    while started.elapsed() < Duration::from_secs(14) && kills < 20 {
        let mut child = console(dir.path());
        let reader = collect_posts(&mut child, posts.clone());
        let before = posts.lock().unwrap().len();
        std::thread::sleep(Duration::from_millis(rng.random_range(300..1500)));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        reader.join().unwrap();
        kills += 1;
        if posts.lock().unwrap().len() > before {
            runs_that_posted += 1;
        }
    }
    assert!(
        runs_that_posted >= 3,
        "kills should land among deliveries: only {runs_that_posted} of {kills} runs posted"
    );

    // A last, clean run delivers whatever the kills left pending.
    let mut last = console(dir.path());
    let stdin = last.stdin.take().unwrap();
    let reader = collect_posts(&mut last, posts.clone());
    let deadline = Instant::now() + Duration::from_secs(20);
    while counts(&posts).len() < DROPS && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    drop(stdin);
    assert!(last.wait().unwrap().success());
    reader.join().unwrap();

    let counts = counts(&posts);
    let missing: Vec<usize> = (0..DROPS)
        .filter(|i| !counts.contains_key(&i.to_string()))
        .collect();
    assert!(missing.is_empty(), "lost after {kills} kills: {missing:?}");
    let repeats: usize = counts.values().map(|n| n - 1).sum();
    assert!(
        repeats <= kills,
        "{repeats} repeated posts after {kills} kills: {counts:?}"
    );
}
