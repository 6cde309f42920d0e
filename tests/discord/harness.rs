//! Starts Steward's Discord side (optionally with Telegram too) against the fakes, the way
//! `steward run` does, and stops it like a real shutdown.

use std::sync::Arc;

use serde_json::{Value, json};
use steward::adapters::discord::DiscordAdapter;
use steward::adapters::telegram::{self, TelegramAdapter, TelegramPlatform};
use steward::config::Config;
use steward::core::ids::{AccountRef, Platform};
use steward::engine::Platforms;
use steward::engine::{Engine, SystemClock};
use steward::store::Store;
use tempfile::TempDir;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::fake_bot_api::FakeBotApi;
use crate::fake_discord::FakeDiscord;
use crate::payloads::{self, GENERAL, MEMBER_PERMISSIONS};

pub const OPERATOR: u64 = 900;
pub const TELEGRAM_GROUP: i64 = -100;

pub const CONFIG: &str = r#"
[community]
name = "Test Guild"
timezone = "Europe/Berlin"
operators = ["discord:900"]

[discord]
guilds = [1000]

[questions]
discord_channel = "1400"

[telegram]
chats = [-100]

[[tiers]]
id = "pro"
name = "Pro"
rank = 1
discord_role = "1300"

[[rewards]]
id = "pro-week"
name = "A week of Pro"
cost = 500
tier = "pro"
duration = "7d"

[[plans]]
id = "pro-discord"
tier = "pro"
term = "30d"
discord_sku = "8800"

[[level_rewards]]
level = 2
discord_role = "1500"

[channels.announcements]
discord = "1200"
telegram = -100
"#;

pub struct App {
    pub discord: FakeDiscord,
    pub telegram: Option<FakeBotApi>,
    pub engine: Arc<Engine>,
    stop: watch::Sender<bool>,
    tasks: Vec<JoinHandle<()>>,
    _dir: TempDir,
}

pub fn alice() -> Value {
    payloads::user(501, "Alice")
}

pub fn bob() -> Value {
    payloads::user(502, "Bob")
}

pub fn olga() -> Value {
    payloads::user(OPERATOR, "Olga")
}

/// Steward on Discord only.
pub async fn spawn() -> App {
    start(false, "").await
}

/// Steward on Discord and Telegram at once, one engine.
pub async fn spawn_both() -> App {
    start(true, "").await
}

/// Like [`spawn_both`], with `extra` added to the config (more tiers, channels).
pub async fn spawn_both_with(extra: &str) -> App {
    start(true, extra).await
}

/// The test config (with `extra`) and its database in `dir`, pointed at the fake Discord.
fn config_for(dir: &TempDir, fake: &FakeDiscord, extra: &str) -> Config {
    let mut config = Config::from_toml(&format!("{CONFIG}\n{extra}")).unwrap();
    config.database_path = dir.path().join("steward.db");
    config.discord.api_url = Some(fake.url.clone());
    config
}

async fn start(with_telegram: bool, extra: &str) -> App {
    let discord = FakeDiscord::start().await;
    let dir = tempfile::tempdir().unwrap();
    let mut config = config_for(&dir, &discord, extra);
    let telegram = if with_telegram {
        let fake = FakeBotApi::start().await;
        config.telegram.api_url = fake.url.clone();
        Some(fake)
    } else {
        None
    };
    config
        .apply_env(|key| match key {
            "STEWARD_DISCORD_TOKEN" => Some("discord-test-token".to_owned()),
            "STEWARD_TELEGRAM_TOKEN" if with_telegram => Some("123:TEST".to_owned()),
            _ => None,
        })
        .unwrap();
    let adapter =
        DiscordAdapter::connect(&config.discord, &config.membership.tiers, config.language)
            .await
            .unwrap();
    let mut router = Platforms::default().with(
        Platform::Discord,
        Arc::new(adapter.platform(config.discord.guilds.clone())),
    );
    let bot = match &config.telegram.token {
        Some(token) => {
            let bot = telegram::connect(token, &config.telegram.api_url).unwrap();
            let platform = TelegramPlatform::new(bot.clone(), config.telegram.chats.clone());
            router = router.with(Platform::Telegram, Arc::new(platform));
            Some(bot)
        }
        None => None,
    };
    let section = config.telegram.clone();
    let store = Store::open(&config.database_path).await.unwrap();
    let engine = Arc::new(
        Engine::start(config, store, router, Arc::new(SystemClock))
            .await
            .unwrap(),
    );
    let (stop, stopped) = watch::channel(false);
    let mut tasks = vec![
        tokio::spawn(engine.clone().run(stopped.clone())),
        tokio::spawn({
            let (engine, stopped) = (engine.clone(), stopped.clone());
            async move { adapter.run(engine, stopped).await.unwrap() }
        }),
    ];
    if let Some(bot) = bot {
        tasks.push(tokio::spawn(
            TelegramAdapter::new(bot, engine.clone(), &section).run(stopped),
        ));
    }
    discord.wait_connected().await;
    discord
        .wait_for_call("command registration", |c| c.path.ends_with("/commands"))
        .await;
    App {
        discord,
        telegram,
        engine,
        stop,
        tasks,
        _dir: dir,
    }
}

/// The engine and a Discord adapter for `token`, not yet running: for tests of how the
/// connection ends.
pub async fn adapter_for(
    fake: &FakeDiscord,
    token: &str,
) -> (Arc<Engine>, DiscordAdapter, TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut config = config_for(&dir, fake, "");
    config
        .apply_env(|key| (key == "STEWARD_DISCORD_TOKEN").then(|| token.to_owned()))
        .unwrap();
    let adapter =
        DiscordAdapter::connect(&config.discord, &config.membership.tiers, config.language)
            .await
            .unwrap();
    let router = Platforms::default().with(
        Platform::Discord,
        Arc::new(adapter.platform(config.discord.guilds.clone())),
    );
    let store = Store::open(&config.database_path).await.unwrap();
    let engine = Engine::start(config, store, router, Arc::new(SystemClock))
        .await
        .unwrap();
    (Arc::new(engine), adapter, dir)
}

impl App {
    /// A member writes in #general.
    pub fn say(&self, author: &Value, text: &str) -> u64 {
        let id = self.discord.next_id();
        let mut message = payloads::message(id, GENERAL, author, text);
        message["member"]["permissions"] = json!(MEMBER_PERMISSIONS);
        self.discord.dispatch("MESSAGE_CREATE", message);
        id
    }

    /// A member runs a slash command; returns the text of the answer.
    /// The database file this app runs on.
    pub fn database_path(&self) -> std::path::PathBuf {
        self._dir.path().join("steward.db")
    }

    pub async fn slash(
        &self,
        caller: &Value,
        permissions: &str,
        name: &str,
        options: Value,
        users: &[&Value],
    ) -> String {
        let id = self.discord.next_id();
        let interaction = payloads::slash(id, caller, permissions, name, options, users);
        self.discord.dispatch("INTERACTION_CREATE", interaction);
        self.discord.answer_to(id).await
    }

    /// Waits until the engine has seen `count` guild messages from `user` as XP-earning
    /// (serenity hands events to the engine concurrently, so a test must not race them).
    pub async fn wait_for_xp(&self, user: &Value, xp: i64) {
        let id = user["id"].as_str().unwrap().to_owned();
        let account = AccountRef::new(Platform::Discord, id);
        for _ in 0..500 {
            let store = self.engine.store();
            if let Ok(Some(member)) = store.member_of(&account).await
                && store.member(member).await.is_ok_and(|m| m.xp >= xp)
            {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        panic!("{account} never reached {xp} XP");
    }

    pub async fn shutdown(self) {
        self.stop.send(true).unwrap();
        for task in self.tasks {
            task.await.unwrap();
        }
        self.engine.shutdown().await;
    }
}
