//! `steward run` killed with SIGKILL while a drop's file is being uploaded, once on each
//! platform: after a clean run the drop has arrived everywhere, Telegram shows it at most once
//! more for the kill that caught its upload (the request had arrived, its answer had not), and
//! Discord shows it once, since the post repeated after the restart carries the same nonce.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;

use crate::fake_bot_api::FakeBotApi;
use crate::fake_discord::FakeDiscord;
use crate::harness::{alice, olga};
use crate::payloads::{self, ANNOUNCEMENTS};

const GROUP: i64 = -100;

fn start(dir: &std::path::Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_steward"))
        .arg("run")
        .current_dir(dir)
        .env("STEWARD_DISCORD_TOKEN", "discord-test-token")
        .env("STEWARD_TELEGRAM_TOKEN", "123:TEST")
        .env("STEWARD_WEB_LISTEN", "127.0.0.1:0")
        .env("STEWARD_METRICS_LISTEN", "127.0.0.1:0")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Waits (up to 20 s) until `ready` holds.
async fn until(what: &str, mut ready: impl AsyncFnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !ready().await {
        assert!(Instant::now() < deadline, "{what} never happened");
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

async fn uploads(telegram: &FakeBotApi) -> usize {
    telegram
        .calls()
        .await
        .iter()
        .filter(|c| c.method == "senddocument" && c.body["chat_id"] == json!(GROUP))
        .count()
}

fn posts(discord: &FakeDiscord) -> usize {
    discord
        .calls()
        .iter()
        .filter(|c| c.method == "POST" && c.path == format!("/channels/{ANNOUNCEMENTS}/messages"))
        .count()
}

async fn connected(discord: &FakeDiscord, identified: usize) {
    until("the gateway connection", async || {
        discord.identifies().len() > identified
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kill_during_an_upload_repeats_at_most_one_telegram_post_and_no_discord_post() {
    let discord = FakeDiscord::start().await;
    let telegram = FakeBotApi::start().await;
    let dir = tempfile::tempdir().unwrap();
    let config = format!(
        "[community]\nname = \"Test Guild\"\ntimezone = \"UTC\"\noperators = [\"discord:900\"]\n\n\
         [discord]\nguilds = [1000]\napi_url = \"{}\"\n\n\
         [telegram]\nchats = [{GROUP}]\napi_url = \"{}\"\n\n\
         [channels.announcements]\ndiscord = \"{ANNOUNCEMENTS}\"\ntelegram = {GROUP}\n",
        discord.url, telegram.url
    );
    std::fs::write(dir.path().join("steward.toml"), config).unwrap();
    let mut child = start(dir.path());
    connected(&discord, 0).await;
    discord
        .wait_for_call("command registration", |c| c.path.ends_with("/commands"))
        .await;

    // Both platforms hold their answer: the first upload to start is caught in flight.
    telegram
        .hold("sendDocument", Some(Duration::from_secs(30)))
        .await;
    discord.hold_posts(Some(Duration::from_secs(30)));
    let pdf: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
    let attachment = discord.attachment("slides.pdf", "application/pdf", pdf);
    let mut source = payloads::message(discord.next_id(), payloads::GENERAL, &alice(), "Slides");
    source["attachments"] = json!([attachment]);
    let id = discord.next_id();
    discord.dispatch(
        "INTERACTION_CREATE",
        payloads::message_command(id, &olga(), &source),
    );
    let form = discord.callback_of(id).await;
    let custom_id = form["data"]["custom_id"].as_str().unwrap().to_owned();
    let submit = discord.next_id();
    let fields = [("when", "now"), ("options", "to announcements")];
    discord.dispatch(
        "INTERACTION_CREATE",
        payloads::modal_submit(submit, &olga(), &custom_id, &fields),
    );
    assert!(
        discord
            .answer_to(submit)
            .await
            .starts_with("Scheduled drop #1")
    );
    until("an upload in flight", async || {
        uploads(&telegram).await + posts(&discord) == 1
    })
    .await;
    let telegram_first = uploads(&telegram).await == 1;
    child.kill().unwrap();
    child.wait().unwrap();

    // Again, holding only the platform not caught yet.
    if telegram_first {
        telegram.hold("sendDocument", None).await;
    } else {
        discord.hold_posts(None);
    }
    let identified = discord.identifies().len();
    let mut child = start(dir.path());
    connected(&discord, identified).await;
    until("the other upload in flight", async || {
        if telegram_first {
            posts(&discord) == 1
        } else {
            uploads(&telegram).await == 1
        }
    })
    .await;
    child.kill().unwrap();
    child.wait().unwrap();

    // A clean run finishes what the kills interrupted.
    telegram.hold("sendDocument", None).await;
    discord.hold_posts(None);
    let identified = discord.identifies().len();
    let mut child = start(dir.path());
    connected(&discord, identified).await;
    until("both deliveries", async || {
        uploads(&telegram).await >= 2 && posts(&discord) >= 2
    })
    .await;
    // Time for anything else that would wrongly be sent again.
    tokio::time::sleep(Duration::from_secs(2)).await;
    child.kill().unwrap();
    child.wait().unwrap();

    assert_eq!(
        uploads(&telegram).await,
        2,
        "one repeat, for the kill during its upload"
    );
    assert_eq!(posts(&discord), 2, "posted again after the kill");
    let created = discord
        .posted()
        .into_iter()
        .filter(|m| m["channel_id"] == ANNOUNCEMENTS.to_string().as_str())
        .count();
    assert_eq!(created, 1, "the nonce made the repeat the same message");
}
