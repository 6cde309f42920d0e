//! `steward run` itself (the binary, as an operator starts it) against the fake Discord, with
//! 10,000 members in the database and 10,000 in the guild: it connects, registers, answers,
//! and stops cleanly on SIGTERM. Prints its start-up time and peak memory.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;
use steward::core::periods::Calendar;
use steward::store::Store;
use steward::store::bulk::SyntheticMember;

use crate::fake_discord::FakeDiscord;
use crate::harness::alice;
use crate::payloads::{self, MEMBER_PERMISSIONS};

const MEMBERS: i64 = 10_000;

async fn database_with_members(path: &std::path::Path) {
    let now = chrono::Utc::now();
    let week = Calendar::new(chrono_tz::UTC).week_board(now);
    let members: Vec<SyntheticMember> = (1..=MEMBERS)
        .map(|id| SyntheticMember {
            id,
            xp: id * 7 % 50_000,
            reached_at_ms: now.timestamp_millis() - id * 1000,
            week_xp: if id % 20 == 0 { id % 3000 + 15 } else { 0 },
        })
        .collect();
    let store = Store::open(path).await.unwrap();
    store.bulk_load(&members, &week).await.unwrap();
    store.close().await;
}

fn peak_rss_mb(pid: u32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_steward_run_serves_10000_members_and_stops_on_sigterm() {
    let fake = FakeDiscord::start().await;
    fake.set_members(
        (0..MEMBERS as u64)
            .map(|i| payloads::member(&payloads::user(20_000 + i, &format!("m{i}")), "0"))
            .collect(),
    );
    let dir = tempfile::tempdir().unwrap();
    database_with_members(&dir.path().join("steward.db")).await;
    let config = format!(
        "[community]\nname = \"Test Guild\"\ntimezone = \"UTC\"\n\n[discord]\nguilds = [1000]\napi_url = \"{}\"\n",
        fake.url
    );
    std::fs::write(dir.path().join("steward.toml"), config).unwrap();
    let log = std::fs::File::create(dir.path().join("steward.log")).unwrap();

    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_steward"))
        .arg("run")
        .current_dir(dir.path())
        .env("STEWARD_DISCORD_TOKEN", "discord-test-token")
        .env("STEWARD_WEB_LISTEN", "127.0.0.1:0")
        .env("STEWARD_METRICS_LISTEN", "127.0.0.1:0")
        .env_remove("STEWARD_TELEGRAM_TOKEN")
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .unwrap();
    fake.wait_for_call("command registration", |c| c.path.ends_with("/commands"))
        .await;
    let startup = started.elapsed();

    let id = fake.next_id();
    let mut hello = payloads::message(id, payloads::GENERAL, &alice(), "hello from the binary");
    hello["member"]["permissions"] = json!(MEMBER_PERMISSIONS);
    fake.dispatch("MESSAGE_CREATE", hello);
    let id = fake.next_id();
    let rank = payloads::slash(
        id,
        &alice(),
        MEMBER_PERMISSIONS,
        "leaderboard",
        json!([]),
        &[],
    );
    fake.dispatch("INTERACTION_CREATE", rank);
    let board = fake.answer_to(id).await;
    assert!(board.contains("#1"), "{board}");
    let rss = peak_rss_mb(child.id());
    println!(
        "DISCORD steward_run_startup_ms {:.0} (to slash commands registered; {MEMBERS} members)",
        startup.as_secs_f64() * 1000.0
    );
    println!("DISCORD steward_run_peak_rss_mb {rss:.1}");

    let term = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(term.success());
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("steward run did not stop within 10 s of SIGTERM");
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let log = std::fs::read_to_string(dir.path().join("steward.log")).unwrap();
    assert!(status.success(), "clean exit on SIGTERM: {status:?}\n{log}");
    assert!(
        !log.contains("discord-test-token"),
        "the token never reaches the log"
    );
    assert!(
        log.contains("community guild available") && log.contains("members=10000"),
        "GUILD_CREATE was understood:\n{log}"
    );
}
