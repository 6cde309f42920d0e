//! The broadcast benchmark: `steward run`, in a child process as an operator starts it, sends
//! `/broadcast all …` to members linked on Telegram and on Discord, against the fake Bot API
//! and the fake Discord enforcing the platforms' limits (Telegram 30 messages a second, Discord
//! 50 requests a second). Halfway it is killed (SIGKILL) and started again. Figures: each
//! platform's rate as a fraction of its limit while sending, the 429s the fakes answered, the
//! members who got it twice, and those a kill left unreached (a Telegram DM in flight at the
//! kill is never sent again: Telegram cannot tell a repeat, so "maybe sent" is not retried).

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use steward_testkit::fake_discord::FakeDiscord;
use steward_testkit::fake_telegram::{self, FakeBotApi};

use super::BenchError;
use crate::core::ids::Platform;
use crate::core::periods::Calendar;
use crate::store::Store;

/// Members' Telegram user ids (and DM chats) start here; Discord's snowflakes at the other.
pub(super) const TELEGRAM_BASE: i64 = 1_000_000;
pub(super) const DISCORD_BASE: i64 = 2_000_000_000;
/// The operator who broadcasts, on Telegram.
const OPERATOR: i64 = 7;

/// What the broadcast benchmark measured.
pub(super) struct BroadcastFigures {
    pub telegram_rate: f64,
    pub discord_rate: f64,
    pub telegram_429s: u64,
    pub discord_429s: u64,
    pub duplicates: u64,
    pub unreached: u64,
    pub seconds: f64,
}

fn failed(what: impl std::fmt::Display) -> BenchError {
    BenchError::Broadcast(what.to_string())
}

/// Broadcasts to `members` members, each linked on both platforms.
pub(super) async fn broadcast(dir: &Path, members: i64) -> Result<BroadcastFigures, BenchError> {
    let dir = dir.join("broadcast");
    std::fs::create_dir_all(&dir)?;
    community(&dir.join("steward.db"), members).await?;
    let telegram = FakeBotApi::start().await;
    let discord = FakeDiscord::start().await;
    std::fs::write(
        dir.join("steward.toml"),
        format!(
            "[community]\nname = \"Bench\"\ntimezone = \"UTC\"\noperators = [\"telegram:{OPERATOR}\"]\n\n\
             [telegram]\nchats = [-100]\napi_url = \"{}\"\n\n[discord]\nguilds = [1000]\napi_url = \"{}\"\n",
            telegram.url, discord.url
        ),
    )?;
    let started = Instant::now();
    let mut child = run(&dir)?;
    wait_ready(&telegram, &discord).await?;
    telegram
        .say(
            OPERATOR,
            fake_telegram::user(OPERATOR, "Olga"),
            "/broadcast all Steward's broadcast benchmark: hello!",
        )
        .await;

    // Halfway (of both platforms' DMs together), a kill; then the same command again.
    let half = usize::try_from(members).unwrap_or(usize::MAX);
    wait_until(&telegram, &discord, half, Duration::from_secs(1_800)).await;
    child.kill()?;
    let _ = child.wait();
    let killed_at = Instant::now();
    let mut child = run(&dir)?;
    wait_until(&telegram, &discord, 2 * half, Duration::from_secs(1_800)).await;
    let seconds = started.elapsed().as_secs_f64();
    child.kill()?;
    let _ = child.wait();

    let tg_sends = telegram.sends_per_chat().await;
    let dc_sends = discord.messages_per_channel();
    let mut duplicates = 0;
    let mut unreached = 0;
    for id in 1..=members {
        for count in [
            tg_sends.get(&(TELEGRAM_BASE + id)).copied().unwrap_or(0),
            dc_sends
                .get(&dm_channel(DISCORD_BASE + id))
                .copied()
                .unwrap_or(0),
        ] {
            duplicates += count.saturating_sub(1) as u64;
            unreached += u64::from(count == 0);
        }
    }
    let tg_times: Vec<Instant> = telegram
        .calls()
        .await
        .iter()
        .filter(|c| c.method == "sendmessage")
        .filter(|c| {
            c.body["chat_id"]
                .as_i64()
                .is_some_and(|c| c > TELEGRAM_BASE)
        })
        .map(|c| c.at)
        .collect();
    let dc_calls = discord.calls();
    let dm_times: Vec<Instant> = dc_calls
        .iter()
        .filter(|c| c.path == "/users/@me/channels" || c.path.starts_with("/channels/8"))
        .map(|c| c.at)
        .collect();
    // Discord's limit counts every request, so all of them within the DMs' spans count.
    let sending = spans(&dm_times, killed_at);
    let request_times: Vec<Instant> = dc_calls
        .iter()
        .filter(|c| !c.path.starts_with("/interactions/"))
        .map(|c| c.at)
        .filter(|at| sending.iter().any(|s| s.contains(at)))
        .collect();
    Ok(BroadcastFigures {
        telegram_rate: rate(&tg_times, killed_at) / 30.0,
        discord_rate: rate(&request_times, killed_at) / 50.0,
        telegram_429s: telegram.too_many_requests(),
        discord_429s: discord.too_many_requests(),
        duplicates,
        unreached,
        seconds,
    })
}

/// A Discord user's DM channel in the fake.
pub(super) fn dm_channel(user: i64) -> String {
    format!("8{user}")
}

/// The members, their console accounts, and an account on each platform.
async fn community(path: &Path, members: i64) -> Result<(), BenchError> {
    let now = chrono::Utc::now();
    let week = Calendar::new(chrono_tz::UTC).week_board(now);
    let store = Store::open(path).await?;
    let people = super::setup::community(
        u64::try_from(members).unwrap_or(0),
        now.timestamp_millis(),
        5,
    );
    store.bulk_load(&people, &week).await?;
    store
        .bulk_link(Platform::Telegram, 1..=members, TELEGRAM_BASE)
        .await?;
    store
        .bulk_link(Platform::Discord, 1..=members, DISCORD_BASE)
        .await?;
    store.close().await;
    Ok(())
}

/// `steward run` in `dir`, as an operator starts it, with both platforms' tokens.
pub(super) fn run(dir: &Path) -> Result<Child, BenchError> {
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("steward.log"))?;
    Ok(Command::new(std::env::current_exe()?)
        .arg("run")
        .current_dir(dir)
        .env("STEWARD_TELEGRAM_TOKEN", "123:TEST")
        .env("STEWARD_DISCORD_TOKEN", "discord-test-token")
        .env("STEWARD_WEB_LISTEN", "127.0.0.1:0")
        .env("STEWARD_METRICS_LISTEN", "127.0.0.1:0")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()?)
}

/// Until both platforms' sides have started (Discord registered its commands, Telegram set its
/// command menu).
pub(super) async fn wait_ready(
    telegram: &FakeBotApi,
    discord: &FakeDiscord,
) -> Result<(), BenchError> {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        let discord_up = discord
            .calls()
            .iter()
            .any(|c| c.path.ends_with("/commands"));
        let telegram_up = telegram
            .calls()
            .await
            .iter()
            .any(|c| c.method == "setmycommands");
        if discord_up && telegram_up {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Err(failed(
        "steward run did not connect to the fake platforms within 60 s (see steward.log)",
    ))
}

/// Waits until the fakes have received `total` broadcast DMs (both platforms together), or
/// nothing more arrived for 30 s, or `limit` passed.
async fn wait_until(telegram: &FakeBotApi, discord: &FakeDiscord, total: usize, limit: Duration) {
    let deadline = Instant::now() + limit;
    let (mut last, mut moved) = (0, Instant::now());
    loop {
        let tg: usize = telegram
            .sends_per_chat()
            .await
            .into_iter()
            .filter(|(chat, _)| *chat > TELEGRAM_BASE)
            .map(|(_, n)| n)
            .sum();
        let dc: usize = discord
            .messages_per_channel()
            .iter()
            .filter(|(channel, _)| channel.starts_with('8'))
            .map(|(_, n)| *n)
            .sum();
        let now = tg + dc;
        if now != last {
            (last, moved) = (now, Instant::now());
        }
        if now >= total || moved.elapsed() > Duration::from_secs(30) || Instant::now() > deadline {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The spans (first to last) of `times` before and after the kill.
pub(super) fn spans(
    times: &[Instant],
    killed_at: Instant,
) -> Vec<std::ops::RangeInclusive<Instant>> {
    let (before, after): (Vec<Instant>, Vec<Instant>) =
        times.iter().partition(|at| **at < killed_at);
    [before, after]
        .into_iter()
        .filter_map(|part| Some(*part.iter().min()?..=*part.iter().max()?))
        .collect()
}

/// Requests a second while sending: the intervals between them over the time they spanned,
/// before the kill and after the restart (the restart itself is not sending time).
pub(super) fn rate(times: &[Instant], killed_at: Instant) -> f64 {
    let (mut intervals, mut seconds) = (0.0, 0.0);
    for span in spans(times, killed_at) {
        let within = times.iter().filter(|at| span.contains(*at)).count();
        intervals += within.saturating_sub(1) as f64;
        seconds += span.end().duration_since(*span.start()).as_secs_f64();
    }
    if seconds > 0.0 {
        intervals / seconds
    } else {
        0.0
    }
}
