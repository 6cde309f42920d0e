//! Group commit of message XP: nothing is announced before it is durable, and a clean shutdown
//! loses nothing that was queued.

use std::sync::{Arc, Mutex};

use chrono::Duration;
use steward::config::Config;
use steward::core::ids::{AccountRef, ChatRef, Platform};
use steward::core::tiers::{TierAccess, TierDef};
use steward::engine::platform::PlatformFuture;
use steward::engine::{ChatPlatform, DropTarget, Engine, Event, OutboundDrop};
use steward::store::Store;
use steward_testkit::ManualClock;

use crate::helpers::*;

/// On each level-up announcement, reads the member's XP through a connection of its own: what
/// is committed to the file (totals plus the award log), not what the engine remembers.
struct DurabilityCheck {
    db: sqlx::SqlitePool,
    seen: Mutex<Vec<(String, i64)>>,
}

impl ChatPlatform for DurabilityCheck {
    fn post<'a>(&'a self, _chat: &'a ChatRef, text: &'a str) -> PlatformFuture<'a> {
        Box::pin(async move {
            let name = text
                .trim_start_matches("🎉 ")
                .split(' ')
                .next()
                .unwrap_or_default()
                .to_owned();
            let xp: i64 = sqlx::query_scalar(
                "SELECT m.xp + COALESCE((SELECT SUM(l.xp) FROM award_log l WHERE l.member_id = m.id), 0) \
                 FROM members m JOIN accounts a ON a.member_id = m.id \
                 WHERE a.platform = 'console' AND a.user_id = ?",
            )
            .bind(&name)
            .fetch_one(&self.db)
            .await
            .unwrap();
            self.seen.lock().unwrap().push((name, xp));
            Ok(())
        })
    }
    fn dm<'a>(&'a self, _to: &'a AccountRef, _text: &'a str) -> PlatformFuture<'a> {
        Box::pin(async { Ok(()) })
    }
    fn send_file<'a>(
        &'a self,
        _to: &'a DropTarget,
        _file: &'a steward::engine::OutboundFile,
    ) -> PlatformFuture<'a> {
        Box::pin(async { Ok(()) })
    }
    fn send_drop<'a>(&'a self, _to: &'a DropTarget, _drop: &'a OutboundDrop) -> PlatformFuture<'a> {
        Box::pin(async { Ok(()) })
    }
    fn grant_access<'a>(
        &'a self,
        _to: &'a AccountRef,
        _tier: &'a TierDef,
        _lang: steward::i18n::Lang,
    ) -> PlatformFuture<'a> {
        Box::pin(async { Ok(()) })
    }
    fn revoke_access<'a>(
        &'a self,
        _f: &'a AccountRef,
        _t: &'a TierDef,
        _a: &'a TierAccess,
    ) -> PlatformFuture<'a> {
        Box::pin(async { Ok(()) })
    }
}

async fn engine_on(
    dir: &tempfile::TempDir,
    platform: Arc<dyn ChatPlatform>,
    clock: Arc<ManualClock>,
) -> Arc<Engine> {
    let mut config = Config::from_toml(CONFIG).unwrap();
    config.database_path = dir.path().join("steward.db");
    let store = Store::open(&config.database_path).await.unwrap();
    Arc::new(Engine::start(config, store, platform, clock).await.unwrap())
}

fn chat_line(name: &str, text: &str, clock: &ManualClock) -> Event {
    use steward::engine::Clock;
    Event::Message(message(&console(name), general(), text, clock.now()))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_level_up_is_announced_only_after_its_award_is_durable() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new(start_time()));
    let path = dir.path().join("steward.db");
    Store::open(&path).await.unwrap().close().await;
    let reader = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(&path)
        .read_only(true);
    let check = Arc::new(DurabilityCheck {
        db: sqlx::SqlitePool::connect_with(reader).await.unwrap(),
        seen: Mutex::new(Vec::new()),
    });
    let engine = engine_on(&dir, check.clone(), clock.clone()).await;
    let names: Vec<String> = (0..40).map(|i| format!("p{i}")).collect();
    for name in &names {
        engine
            .handle(chat_line(name, "first message here", &clock))
            .await; // 20 XP each
        engine
            .handle(chat_line(
                "admin",
                &format!("/points add @{name} 70"),
                &clock,
            ))
            .await; // 90
    }
    check.seen.lock().unwrap().clear();
    clock.advance(Duration::seconds(61));
    let mut tasks = Vec::new();
    for name in names.clone() {
        let (engine, clock) = (engine.clone(), clock.clone());
        tasks.push(tokio::spawn(async move {
            engine
                .handle(chat_line(&name, "over the line", &clock))
                .await
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    let seen = check.seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 40, "every member levelled up once: {seen:?}");
    assert!(
        seen.iter().all(|(_, xp)| *xp >= 100),
        "announced before the XP was on disk: {seen:?}"
    );
    engine.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_clean_shutdown_commits_every_queued_award() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new(start_time()));
    let platform = Arc::new(steward_testkit::RecordingPlatform::default());
    let engine = engine_on(&dir, platform, clock.clone()).await;
    let names: Vec<String> = (0..200).map(|i| format!("q{i}")).collect();
    for name in &names {
        engine
            .handle(chat_line(name, "hello everyone", &clock))
            .await;
    }
    clock.advance(Duration::seconds(61));
    let mut tasks = Vec::new();
    for name in names.clone() {
        let (engine, clock) = (engine.clone(), clock.clone());
        tasks.push(tokio::spawn(async move {
            engine.handle(chat_line(&name, "one more", &clock)).await
        }));
    }
    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    engine.shutdown().await;
    for task in tasks {
        task.await.unwrap();
    }
    let store = Store::open(&dir.path().join("steward.db")).await.unwrap();
    for name in &names {
        let id = store
            .member_of(&AccountRef::new(Platform::Console, name.clone()))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(store.member(id).await.unwrap().xp, 40, "{name}");
    }
}
