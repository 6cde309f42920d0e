//! What the benchmark builds on: a synthetic community in a temp SQLite file, an engine on it,
//! a platform that timestamps deliveries, and the statistics.

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use chrono::{DateTime, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::config::Config;
use crate::core::ids::{AccountRef, ChatRef};
use crate::core::periods::Board;
use crate::core::tiers::{TierAccess, TierDef};
use crate::engine::platform::PlatformFuture;
use crate::engine::{ChatPlatform, Clock, DropTarget, Engine, OutboundDrop};
use crate::store::bulk::SyntheticMember;
use crate::store::{Store, StoreError};

/// Members with a long-tailed XP distribution (most have little, a few a lot); 5% scored
/// this week.
pub(super) fn community(n: u64, week_start_ms: i64, seed: u64) -> Vec<SyntheticMember> {
    let mut rng = StdRng::seed_from_u64(seed);
    (1..=i64::try_from(n).unwrap_or(i64::MAX))
        .map(|id| {
            let u: f64 = rng.random_range(0.0001..1.0);
            let xp = ((u.powf(-1.3) - 1.0) * 120.0).min(5_000_000.0) as i64;
            let active = rng.random_bool(0.05);
            SyntheticMember {
                id,
                xp,
                reached_at_ms: week_start_ms - rng.random_range(0..30_000_000_000),
                week_xp: if active {
                    rng.random_range(15..3_000)
                } else {
                    0
                },
            }
        })
        .collect()
}

/// Builds and fills a database at `path`.
pub(super) async fn database(
    path: &Path,
    members: u64,
    week: &Board,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let store = Store::open(path).await?;
    store
        .bulk_load(&community(members, now.timestamp_millis(), 7), week)
        .await?;
    store.close().await;
    Ok(())
}

/// Adds a year of dashboard history (counters, 180 days of per-member detail for 1% of members
/// active a day, two drops a day with deliveries and ratings, running memberships for 5%) to the database at `path`.
pub(super) async fn history(
    path: &Path,
    members: u64,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let store = Store::open(path).await?;
    let members = i64::try_from(members).unwrap_or(i64::MAX).max(1);
    let year = crate::store::SyntheticYear {
        today: now.date_naive(),
        days: 365,
        members,
        daily_active: (members / 100).max(1),
        detail_days: 180,
        now_ms: now.timestamp_millis(),
    };
    store.bulk_history(&year).await?;
    store.close().await;
    Ok(())
}

/// Starts an engine on `path` with the given platform and clock.
pub(super) async fn engine(
    path: &Path,
    platform: Arc<dyn ChatPlatform>,
    clock: Arc<dyn Clock>,
) -> Result<Engine, crate::engine::EngineError> {
    let config = Config {
        database_path: path.to_path_buf(),
        // The web benchmark asks pages as a visitor.
        web: crate::config::WebConfig {
            leaderboards: crate::core::web_access::Visibility::Public,
            ..crate::config::WebConfig::default()
        },
        ..Config::default()
    };
    let store = Store::open(path).await?;
    // As `steward run` does, beside the engine, until the store closes.
    let checkpointed = store.clone();
    tokio::spawn(async move {
        let (_running, stop) = tokio::sync::watch::channel(false);
        crate::engine::run_checkpoints(&checkpointed, stop).await;
    });
    Ok(Engine::start(config, store, platform, clock).await?)
}

/// A platform that does nothing but note when each drop arrived.
#[derive(Default)]
pub(super) struct TimingPlatform {
    pub arrivals: Mutex<Vec<(i64, DateTime<Utc>)>>,
}

fn done() -> PlatformFuture<'static> {
    Box::pin(async { Ok(()) })
}

impl ChatPlatform for TimingPlatform {
    fn post<'a>(&'a self, _chat: &'a ChatRef, _text: &'a str) -> PlatformFuture<'a> {
        done()
    }
    fn dm<'a>(&'a self, _to: &'a AccountRef, _text: &'a str) -> PlatformFuture<'a> {
        done()
    }
    fn send_file<'a>(
        &'a self,
        _to: &'a DropTarget,
        _file: &'a crate::engine::OutboundFile,
    ) -> PlatformFuture<'a> {
        done()
    }
    fn send_drop<'a>(&'a self, _to: &'a DropTarget, drop: &'a OutboundDrop) -> PlatformFuture<'a> {
        if let Ok(mut arrivals) = self.arrivals.lock() {
            arrivals.push((drop.drop_id, Utc::now()));
        }
        done()
    }
    fn grant_access<'a>(
        &'a self,
        _to: &'a AccountRef,
        _tier: &'a TierDef,
        _lang: crate::i18n::Lang,
    ) -> PlatformFuture<'a> {
        done()
    }
    fn revoke_access<'a>(
        &'a self,
        _from: &'a AccountRef,
        _tier: &'a TierDef,
        _access: &'a TierAccess,
    ) -> PlatformFuture<'a> {
        done()
    }
}

/// The `q`-quantile (0..=1) of durations in milliseconds.
pub(super) fn quantile(samples: &mut [f64], q: f64) -> f64 {
    if samples.is_empty() {
        return 0.0;
    }
    samples.sort_by(f64::total_cmp);
    let index = ((samples.len() - 1) as f64 * q).round() as usize;
    samples[index.min(samples.len() - 1)]
}

/// Milliseconds since `start`.
pub(super) fn ms_since(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

/// Peak resident memory of this process in MB (VmHWM), where /proc is available.
pub(super) fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// A console message from `name` in #general.
pub(super) fn console_message(
    name: &str,
    text: &str,
    at: chrono::DateTime<chrono::Utc>,
) -> crate::engine::Event {
    crate::engine::Event::Message(crate::engine::MessageEvent {
        chat: ChatRef::group(crate::core::ids::Platform::Console, "general"),
        message_id: None,
        sender: crate::engine::Sender {
            person: crate::engine::Person::named(
                AccountRef::new(crate::core::ids::Platform::Console, name),
                name,
            ),
            platform_admin: false,
            locale: None,
        },
        text: text.to_owned(),
        is_edit: false,
        reply_to: None,
        quoted: None,
        mentions: Vec::new(),
        at,
    })
}
