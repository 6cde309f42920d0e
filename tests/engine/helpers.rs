//! A fresh engine on a real SQLite file in a temp dir, with a hand-moved clock and a recording
//! platform, plus builders for the people and chats of a test community.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use sqlx::{Connection, SqliteConnection};
use steward::config::Config;
use steward::core::ids::{AccountRef, ChatRef, Platform};
use steward::engine::{
    DropTarget, Engine, Event, Mention, MessageEvent, Person, Sender, TickOutcome,
};
use steward::store::{MemberRow, Store};
use steward_testkit::{ManualClock, RecordingPlatform, Sent};
use tempfile::TempDir;

pub const CONFIG: &str = r#"
[community]
name = "Test Guild"
timezone = "Europe/Berlin"
operators = ["console:admin", "telegram:900"]

[points]
message_xp_min = 20
message_xp_max = 20
min_message_length = 3
no_xp_chats = ["console:offtopic"]

[telegram]
chats = [-100]

[discord]
guilds = [1]

[[tiers]]
id = "basic"
name = "Basic"
rank = 1
telegram_chat = -200

[[tiers]]
id = "pro"
name = "Pro"
rank = 2
xp_multiplier = 2.0
daily_bonus = 25
discord_role = "555"
telegram_chat = -200
gated_channels = ["lounge"]

[[tiers]]
id = "vip"
name = "VIP"
rank = 3

[[rewards]]
id = "pro-week"
name = "A week of Pro"
cost = 100
tier = "pro"
duration = "7d"

[channels.announcements]
console = "announcements"
telegram = -100

[channels.lounge]
console = "lounge"
"#;

/// Wednesday 2026-11-25 10:00 in Berlin.
pub fn start_time() -> DateTime<Utc> {
    "2026-11-25T09:00:00Z".parse().unwrap()
}

pub struct TestApp {
    pub engine: Arc<Engine>,
    pub platform: Arc<RecordingPlatform>,
    pub clock: Arc<ManualClock>,
    pub db_path: PathBuf,
    pub config: Config,
    _dir: Arc<TempDir>,
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(CONFIG).await
}

pub async fn spawn_app_with(config_text: &str) -> TestApp {
    let dir = Arc::new(tempfile::tempdir().unwrap());
    let mut config = Config::from_toml(config_text).unwrap();
    config.database_path = dir.path().join("steward.db");
    let clock = Arc::new(ManualClock::new(start_time()));
    open(config, clock, dir).await
}

async fn open(config: Config, clock: Arc<ManualClock>, dir: Arc<TempDir>) -> TestApp {
    let store = Store::open(&config.database_path).await.unwrap();
    let platform = Arc::new(RecordingPlatform::default());
    let engine = Engine::start(config.clone(), store, platform.clone(), clock.clone())
        .await
        .unwrap();
    TestApp {
        engine: Arc::new(engine),
        platform,
        clock,
        db_path: config.database_path.clone(),
        config,
        _dir: dir,
    }
}

impl TestApp {
    /// Closes the database and starts a new engine on the same file, as a restart would.
    pub async fn restart(self) -> TestApp {
        self.engine.shutdown().await;
        open(self.config, self.clock, self._dir).await
    }

    /// Stops the engine without its shutdown (no final commit, no fold, the database not
    /// closed) and starts a new one on the same file, as a restart after a crash would.
    pub async fn crash_and_restart(self) -> TestApp {
        let TestApp {
            engine,
            config,
            clock,
            _dir,
            ..
        } = self;
        assert_eq!(
            Arc::strong_count(&engine),
            1,
            "nothing else may hold the crashed engine"
        );
        drop(engine);
        open(config, clock, _dir).await
    }

    pub fn advance(&self, by: Duration) {
        self.clock.advance(by);
    }

    /// `who` says `text` in the console's #general.
    pub async fn say(&self, who: &Person, text: &str) -> Option<String> {
        self.send(message(who, general(), text, self.clock_now()))
            .await
    }

    /// `who` says `text` as the operator the platform says they are.
    pub async fn say_as_admin(&self, who: &Person, text: &str) -> Option<String> {
        let mut m = message(who, general(), text, self.clock_now());
        m.sender.platform_admin = true;
        self.send(m).await
    }

    /// `who` replies to `to` with `text`.
    pub async fn reply(&self, who: &Person, to: &Person, text: &str) -> Option<String> {
        let mut m = message(who, general(), text, self.clock_now());
        m.reply_to = Some(to.clone());
        self.send(m).await
    }

    pub async fn send(&self, m: MessageEvent) -> Option<String> {
        self.engine.handle(Event::Message(m)).await
    }

    /// The reply to a command that must answer.
    pub async fn ask(&self, who: &Person, text: &str) -> String {
        self.say(who, text)
            .await
            .unwrap_or_else(|| panic!("no reply to {text}"))
    }

    pub fn clock_now(&self) -> DateTime<Utc> {
        self.engine.kernel().now()
    }

    pub fn posts(&self) -> Vec<Sent> {
        self.platform.take()
    }

    /// Runs the scheduler's step at the clock's time.
    pub async fn tick(&self) -> TickOutcome {
        self.engine
            .scheduler()
            .tick(self.clock_now())
            .await
            .unwrap()
    }

    /// The drops delivered since the last look, as (target, drop id).
    pub fn drops_delivered(&self) -> Vec<(DropTarget, i64)> {
        self.posts()
            .into_iter()
            .filter_map(|s| match s {
                Sent::Drop { to, drop } => Some((to, drop.drop_id)),
                _ => None,
            })
            .collect()
    }
}

pub fn console(name: &str) -> Person {
    Person::named(AccountRef::new(Platform::Console, name), name)
}

pub fn telegram(id: &str, name: &str) -> Person {
    Person::named(AccountRef::new(Platform::Telegram, id), name)
}

pub fn discord(id: &str, name: &str) -> Person {
    Person::named(AccountRef::new(Platform::Discord, id), name)
}

pub fn bot(name: &str) -> Person {
    Person {
        is_bot: true,
        ..console(name)
    }
}

pub fn general() -> ChatRef {
    ChatRef::group(Platform::Console, "general")
}

pub fn telegram_group() -> ChatRef {
    ChatRef::group(Platform::Telegram, "-100")
}

pub fn discord_channel() -> ChatRef {
    ChatRef {
        server: Some("1".into()),
        ..ChatRef::group(Platform::Discord, "55")
    }
}

/// A message event with @mentions of the people given.
pub fn message(who: &Person, chat: ChatRef, text: &str, at: DateTime<Utc>) -> MessageEvent {
    MessageEvent {
        chat,
        message_id: None,
        quoted: None,
        sender: Sender {
            person: who.clone(),
            platform_admin: false,
            locale: None,
        },
        text: text.to_owned(),
        is_edit: false,
        reply_to: None,
        mentions: Vec::new(),
        at,
    }
}

pub fn with_mention(mut m: MessageEvent, token: &str, person: &Person) -> MessageEvent {
    m.mentions.push(Mention {
        token: token.to_owned(),
        person: person.clone(),
    });
    m
}

/// The XP figure of a `/rank` reply ("alice: Level 0, 20 XP (...)").
pub fn xp_in(rank_reply: &str) -> i64 {
    let first = rank_reply.lines().next().unwrap();
    let before = first.split(" XP").next().unwrap();
    before.rsplit(' ').next().unwrap().parse().unwrap()
}

impl TestApp {
    /// The stored member behind a person's account.
    pub async fn member(&self, who: &Person) -> MemberRow {
        let store = self.engine.store();
        let id = store
            .member_of(&who.profile.account)
            .await
            .unwrap()
            .expect("a known member");
        store.member(id).await.unwrap()
    }

    /// Checks that the ledger explains the member's totals, and returns the member.
    pub async fn assert_books_balance(&self, who: &Person) -> MemberRow {
        let row = self.member(who).await;
        let sums = self.engine.store().ledger_totals(row.id).await.unwrap();
        assert_eq!(
            sums,
            (row.xp, row.balance),
            "ledger sums vs totals of {}",
            row.display_name
        );
        row
    }
}

/// Every line of a board (place, name, score), up to five pages, as an operator sees them.
pub async fn board_lines(app: &TestApp, board: &str) -> Vec<String> {
    let admin = console("admin");
    let mut lines = Vec::new();
    for page in 1..=5 {
        let text = app
            .ask(&admin, &format!("/leaderboard {board} {page}"))
            .await;
        lines.extend(
            text.lines()
                .filter(|l| l.starts_with('#'))
                .map(str::to_owned),
        );
    }
    lines
}

/// The member names of board lines ("#3 alice: ..."), in order.
pub fn names_of(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .map(|l| {
            l.split(':')
                .next()
                .unwrap()
                .split(' ')
                .nth(1)
                .unwrap()
                .to_owned()
        })
        .collect()
}

/// `who` says `text` in their platform's community chat.
pub async fn say_on(app: &TestApp, who: &Person, text: &str) -> Option<String> {
    let chat = if who.profile.account.platform == steward::core::ids::Platform::Telegram {
        telegram_group()
    } else {
        discord_channel()
    };
    app.send(message(who, chat, text, app.clock_now())).await
}

/// Asks for a code on `who`'s platform and returns it from the DM.
pub async fn link_code(app: &TestApp, who: &Person) -> String {
    let reply = say_on(app, who, "/link").await.unwrap();
    assert_eq!(reply, "I've sent you a link code in a direct message.");
    let sent = app.posts();
    let Some(Sent::Dm { to, text }) = sent.last() else {
        panic!("no DM: {sent:?}")
    };
    assert_eq!(to, &who.profile.account);
    text.split_whitespace()
        .nth(4)
        .unwrap()
        .trim_end_matches('.')
        .to_owned()
}

/// A raw connection to the test's database file, to look at rows the commands do not show.
pub async fn db(app: &TestApp) -> SqliteConnection {
    SqliteConnection::connect(&format!("sqlite://{}", app.db_path.display()))
        .await
        .unwrap()
}
