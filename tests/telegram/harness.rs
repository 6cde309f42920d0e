//! Starts Steward's Telegram side against the fake Bot API and stops it like a real shutdown.

use std::sync::Arc;

use serde_json::Value;
use steward::adapters::telegram::{self, TelegramAdapter, TelegramPlatform};
use steward::config::Config;
use steward::core::ids::Platform;
use steward::engine::Platforms;
use steward::engine::{Engine, SystemClock};
use steward::store::Store;
use tempfile::TempDir;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::fake_bot_api::{FakeBotApi, user};

pub const GROUP: i64 = -100;
pub const TIER_CHAT: i64 = -200;
pub const OPERATOR: i64 = 900;

pub const CONFIG: &str = r#"
[community]
name = "Test Guild"
timezone = "Europe/Berlin"
operators = ["telegram:900"]

[telegram]
chats = [-100]

[questions]
telegram_topic = 42

[[tiers]]
id = "pro"
name = "Pro"
rank = 1
telegram_chat = -200

[[plans]]
id = "pro-month"
tier = "pro"
term = "30d"
stars = 500
"#;

pub struct TgApp {
    pub fake: FakeBotApi,
    pub engine: Arc<Engine>,
    stop: watch::Sender<bool>,
    tasks: Vec<JoinHandle<()>>,
    dir: Arc<TempDir>,
}

pub fn alice() -> Value {
    user(501, "Alice")
}

pub fn bob() -> Value {
    user(502, "Bob")
}

pub fn operator() -> Value {
    user(OPERATOR, "Olga")
}

pub async fn spawn() -> TgApp {
    let fake = FakeBotApi::start().await;
    start(fake, Arc::new(tempfile::tempdir().unwrap())).await
}

/// Lets a test prepare the fake (missing methods, admins) before Steward starts.
pub async fn spawn_with(prepare: impl AsyncFnOnce(&FakeBotApi)) -> TgApp {
    let fake = FakeBotApi::start().await;
    prepare(&fake).await;
    start(fake, Arc::new(tempfile::tempdir().unwrap())).await
}

/// Starts with `extra` sections added to [`CONFIG`].
pub async fn spawn_with_config(extra: &str) -> TgApp {
    let fake = FakeBotApi::start().await;
    let dir = Arc::new(tempfile::tempdir().unwrap());
    start_with(fake, dir, &format!("{CONFIG}\n{extra}")).await
}

async fn start(fake: FakeBotApi, dir: Arc<TempDir>) -> TgApp {
    start_with(fake, dir, CONFIG).await
}

async fn start_with(fake: FakeBotApi, dir: Arc<TempDir>, config: &str) -> TgApp {
    let mut config = Config::from_toml(config).unwrap();
    config.database_path = dir.path().join("steward.db");
    config.telegram.api_url = fake.url.clone();
    config
        .apply_env(|key| (key == "STEWARD_TELEGRAM_TOKEN").then(|| "123:TEST".to_owned()))
        .unwrap();
    let token = config.telegram.token.clone().unwrap();
    let bot = telegram::connect(&token, &config.telegram.api_url).unwrap();
    let platform = TelegramPlatform::new(bot.clone(), config.telegram.chats.clone());
    let router = Platforms::default().with(Platform::Telegram, Arc::new(platform));
    let section = config.telegram.clone();
    let store = Store::open(&config.database_path).await.unwrap();
    let engine = Arc::new(
        Engine::start(config, store, router, Arc::new(SystemClock))
            .await
            .unwrap(),
    );
    let (stop, stopped) = watch::channel(false);
    let tasks = vec![
        tokio::spawn(engine.clone().run(stopped.clone())),
        tokio::spawn(TelegramAdapter::new(bot, engine.clone(), &section).run(stopped)),
    ];
    TgApp {
        fake,
        engine,
        stop,
        tasks,
        dir,
    }
}

impl TgApp {
    /// Stops polling and the scheduler, closes the database, and starts again on the same
    /// file and the same fake server.
    pub async fn restart(self) -> TgApp {
        let (fake, dir) = (self.fake.clone(), self.dir.clone());
        self.shutdown().await;
        start(fake, dir).await
    }

    pub async fn shutdown(self) {
        self.stop.send(true).unwrap();
        for task in self.tasks {
            task.await.unwrap();
        }
        self.engine.shutdown().await;
    }
}
