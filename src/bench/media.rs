//! The media benchmark: `steward run`, as an operator starts it, delivers a drop carrying a
//! 1 MB image by DM to every member of a tier, half of them on Telegram (a `sendPhoto` upload
//! each) and half on Discord (a message with the attachment each), against the fake Bot API and
//! the fake Discord enforcing the platforms' limits (Telegram 30 messages a second, Discord 50
//! requests a second). The image comes from a Discord message ("Schedule as drop"), is fetched
//! once and uploaded from the media folder. Figures: each platform's rate as a fraction of its
//! limit while sending, DMs a second overall, and members who got it twice or not at all.

use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::json;
use steward_testkit::fake_discord::{FakeDiscord, payloads};
use steward_testkit::fake_telegram::FakeBotApi;

use super::BenchError;
use super::broadcast::{DISCORD_BASE, TELEGRAM_BASE, dm_channel, rate, run, wait_ready};
use crate::core::ids::{MemberId, Platform};
use crate::core::periods::Calendar;
use crate::store::Store;

/// The operator who schedules the drop, on Discord.
const OPERATOR: u64 = 900;
/// The image's size.
const IMAGE_BYTES: usize = 1024 * 1024;

/// Each run's `drops.in_flight` and the names of its figures: one delivery at a time (the
/// default), then eight.
pub(super) const RUNS: [(u32, [&str; 5]); 2] = [
    (
        1,
        [
            "media_dm_telegram_rate",
            "media_dm_discord_rate",
            "media_dms_per_second",
            "media_dm_duplicates",
            "media_dm_unreached",
        ],
    ),
    (
        8,
        [
            "media_dm_telegram_rate_in_flight_8",
            "media_dm_discord_rate_in_flight_8",
            "media_dms_per_second_in_flight_8",
            "media_dm_duplicates_in_flight_8",
            "media_dm_unreached_in_flight_8",
        ],
    ),
];

/// What the media benchmark measured.
pub(super) struct MediaFigures {
    pub telegram_rate: f64,
    pub discord_rate: f64,
    pub dms_per_second: f64,
    pub duplicates: u64,
    pub unreached: u64,
}

fn failed(what: impl std::fmt::Display) -> BenchError {
    BenchError::Broadcast(what.to_string())
}

/// A 1 MB image drop to `members` Pro members by DM.
pub(super) async fn image_to_dms(
    dir: &Path,
    members: i64,
    in_flight: u32,
) -> Result<MediaFigures, BenchError> {
    let dir = dir.join(format!("media-{in_flight}"));
    std::fs::create_dir_all(&dir)?;
    community(&dir.join("steward.db"), members).await?;
    let telegram = FakeBotApi::start().await;
    let discord = FakeDiscord::start().await;
    std::fs::write(
        dir.join("steward.toml"),
        format!(
            "[community]\nname = \"Bench\"\ntimezone = \"UTC\"\noperators = [\"discord:{OPERATOR}\"]\n\n\
             [telegram]\nchats = [-100]\napi_url = \"{}\"\n\n[discord]\nguilds = [1000]\napi_url = \"{}\"\n\n\
             [drops]\nin_flight = {in_flight}\n\n[[tiers]]\nid = \"pro\"\nname = \"Pro\"\nrank = 1\n",
            telegram.url, discord.url
        ),
    )?;
    let mut child = run(&dir)?;
    wait_ready(&telegram, &discord).await?;
    let image: Vec<u8> = (0..IMAGE_BYTES).map(|i| (i % 251) as u8).collect();
    let attachment = discord.attachment("diagram.png", "image/png", image);
    let olga = payloads::user(OPERATOR, "Olga");
    let mut source = payloads::message(
        discord.next_id(),
        payloads::GENERAL,
        &olga,
        "Today's diagram",
    );
    source["attachments"] = json!([attachment]);
    let started = Instant::now();
    let id = discord.next_id();
    discord.dispatch(
        "INTERACTION_CREATE",
        payloads::message_command(id, &olga, &source),
    );
    let form = discord.callback_of(id).await;
    let custom_id = form["data"]["custom_id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    // A tier without gated channels: its drops go by DM to each member.
    let fields = [("when", "now"), ("options", "tier pro")];
    let submit = discord.next_id();
    discord.dispatch(
        "INTERACTION_CREATE",
        payloads::modal_submit(submit, &olga, &custom_id, &fields),
    );
    let answer = discord.answer_to(submit).await;
    if !answer.starts_with("Scheduled drop #1") {
        let _ = child.kill();
        return Err(failed(format!(
            "the image drop was not scheduled: {answer}"
        )));
    }
    let total = usize::try_from(members).unwrap_or(usize::MAX);
    wait_for(&telegram, &discord, total).await;
    let seconds = started.elapsed().as_secs_f64();
    child.kill()?;
    let _ = child.wait();

    let photos: Vec<(i64, Instant)> = telegram
        .calls()
        .await
        .iter()
        .filter(|c| c.method == "sendphoto")
        .filter_map(|c| Some((c.body["chat_id"].as_i64()?, c.at)))
        .collect();
    let posted = discord.messages_per_channel();
    let (mut duplicates, mut unreached) = (0, 0);
    let half = members / 2;
    for id in 1..=members {
        let count = if id <= half {
            photos
                .iter()
                .filter(|(chat, _)| *chat == TELEGRAM_BASE + id)
                .count()
        } else {
            posted
                .get(&dm_channel(DISCORD_BASE + id))
                .copied()
                .unwrap_or(0)
        };
        duplicates += count.saturating_sub(1) as u64;
        unreached += u64::from(count == 0);
    }
    let never = Instant::now() + Duration::from_secs(3600);
    let photo_times: Vec<Instant> = photos.iter().map(|(_, at)| *at).collect();
    let request_times: Vec<Instant> = discord
        .calls()
        .iter()
        .filter(|c| c.path == "/users/@me/channels" || c.path.starts_with("/channels/8"))
        .map(|c| c.at)
        .collect();
    Ok(MediaFigures {
        telegram_rate: rate(&photo_times, never) / 30.0,
        discord_rate: rate(&request_times, never) / 50.0,
        dms_per_second: (members - i64::try_from(unreached).unwrap_or(0)) as f64 / seconds,
        duplicates,
        unreached,
    })
}

/// Until every member's DM arrived (both platforms together), or nothing more for 30 s.
async fn wait_for(telegram: &FakeBotApi, discord: &FakeDiscord, total: usize) {
    let (mut last, mut moved) = (0, Instant::now());
    loop {
        let photos = telegram
            .calls()
            .await
            .iter()
            .filter(|c| c.method == "sendphoto")
            .count();
        let posts: usize = discord
            .messages_per_channel()
            .iter()
            .filter(|(channel, _)| channel.starts_with('8'))
            .map(|(_, n)| *n)
            .sum();
        let now = photos + posts;
        if now != last {
            (last, moved) = (now, Instant::now());
        }
        if now >= total || moved.elapsed() > Duration::from_secs(30) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The members, half linked on Telegram and half on Discord, all holding Pro.
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
    let half = members / 2;
    store
        .bulk_link(Platform::Telegram, 1..=half, TELEGRAM_BASE)
        .await?;
    store
        .bulk_link(Platform::Discord, half + 1..=members, DISCORD_BASE)
        .await?;
    let mut tx = store.begin().await?;
    for id in 1..=members {
        tx.set_membership(MemberId(id), "pro", None, None, now)
            .await?;
    }
    tx.commit().await?;
    store.close().await;
    Ok(())
}
