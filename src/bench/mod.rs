//! `steward bench`: builds synthetic communities in temp SQLite files and measures the figures
//! of SPEC §11 through the real engine, printing `BENCH <name> <value> <unit>` lines. Each run
//! also measures the raw SQLite upsert rate on the same settings, as the yardstick.

mod broadcast;
mod card;
mod media;
mod probe;
mod recommend;
mod setup;
mod web;

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Duration as Span;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use tokio::task::JoinSet;

use crate::engine::{Engine, EngineError, SystemClock};
use crate::store::StoreError;
use probe::probe;
pub use probe::probe_main;
use setup::{TimingPlatform, console_message, ms_since, quantile};
use steward_testkit::{ManualClock, RecordingPlatform};

/// How big and how long.
#[derive(Debug, Clone, Copy)]
pub struct BenchOptions {
    /// Members for the ranking, start-up and memory figures.
    pub members: u64,
    /// Fewer samples and smaller communities, for a quick look.
    pub quick: bool,
    /// Only the broadcast figures (they take minutes at the platforms' rates).
    pub only_broadcast: bool,
}

/// One measured figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub name: &'static str,
    pub value: f64,
    pub unit: &'static str,
}

#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Engine(#[from] EngineError),
    #[error("benchmark I/O: {0}")]
    Io(#[from] std::io::Error),
    #[error("the start-up probe failed: {0}")]
    Probe(String),
    #[error("the import failed: {0}")]
    Import(String),
    #[error("the web benchmark failed: {0}")]
    Web(String),
    #[error("the broadcast benchmark failed: {0}")]
    Broadcast(String),
}

/// Sends `messages` (member id, text) through the engine from `concurrency` tasks; returns msgs/s.
async fn ingest(engine: &Arc<Engine>, messages: Vec<i64>, concurrency: usize) -> f64 {
    let total = messages.len();
    let at = engine.kernel().now();
    let per_task = total.div_ceil(concurrency.max(1));
    // The fold runs beside the stream, as in `steward run`.
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let folds = tokio::spawn(engine.ingest().clone().run_folds(stopped));
    let started = Instant::now();
    let mut tasks = JoinSet::new();
    for chunk in messages.chunks(per_task.max(1)) {
        let engine = engine.clone();
        let chunk = chunk.to_vec();
        tasks.spawn(async move {
            for id in chunk {
                engine
                    .handle(console_message(
                        &format!("m{id}"),
                        "a message worth some XP",
                        at,
                    ))
                    .await;
            }
        });
    }
    while tasks.join_next().await.is_some() {}
    let _ = stop.send(true);
    let _ = folds.await;
    // The rate counts the fold of the award log into totals, ledger and boards: what a
    // sustained stream costs, not only its appends.
    if let Err(e) = engine.ingest().fold_step().await {
        tracing::warn!(error = %e, "folding the award log failed");
    }
    total as f64 / started.elapsed().as_secs_f64()
}

/// Runs every benchmark; `dir` holds the temp databases.
pub async fn run(
    options: BenchOptions,
    dir: &Path,
    report: impl Fn(&Figure),
) -> Result<Vec<Figure>, BenchError> {
    let mut figures = Vec::new();
    let mut emit = |name, value, unit| {
        let figure = Figure { name, value, unit };
        report(&figure);
        figures.push(figure);
    };
    let samples = if options.quick { 300 } else { 2000 };

    // A broadcast through `steward run` against the rate-limited fakes, killed halfway.
    let sent = broadcast::broadcast(dir, if options.quick { 300 } else { 10_000 }).await?;
    emit("broadcast_telegram_rate", sent.telegram_rate, "ratio");
    emit("broadcast_discord_rate", sent.discord_rate, "ratio");
    emit(
        "broadcast_telegram_429s",
        sent.telegram_429s as f64,
        "count",
    );
    emit("broadcast_discord_429s", sent.discord_429s as f64, "count");
    emit(
        "broadcast_duplicates_after_kill",
        sent.duplicates as f64,
        "count",
    );
    emit(
        "broadcast_unreached_after_kill",
        sent.unreached as f64,
        "count",
    );
    emit("broadcast_seconds", sent.seconds, "s");
    if options.only_broadcast {
        return Ok(figures);
    }

    // A 1 MB image drop by DM to 1,000 members through `steward run`, against the same fakes:
    // one delivery at a time (the default, `drops.in_flight = 1`), then eight.
    for (in_flight, [telegram, discord, per_second, duplicates, unreached]) in media::RUNS {
        let media = media::image_to_dms(dir, 1000, in_flight).await?;
        emit(telegram, media.telegram_rate, "ratio");
        emit(discord, media.discord_rate, "ratio");
        emit(per_second, media.dms_per_second, "per_s");
        emit(duplicates, media.duplicates as f64, "count");
        emit(unreached, media.unreached as f64, "count");
    }

    // Recommendations, offline: leave-one-out hit rate at 3 against the most-popular items.
    let hits = recommend::hit_rates(if options.quick { 1_000 } else { 5_000 });
    emit("recommend_hit_at_3", hits.model, "ratio");
    emit("recommend_popular_hit_at_3", hits.popular, "ratio");

    // The yardsticks: the same upsert autocommitted, and 1,000 a transaction.
    let raw = crate::store::bulk::raw_upsert_rate(
        &dir.join("raw.db"),
        if options.quick { 5_000 } else { 30_000 },
        100_000,
        1,
    )
    .await?;
    emit("sqlite_raw_upserts", raw, "per_s");
    let raw_batched = crate::store::bulk::raw_upsert_rate(
        &dir.join("raw_batched.db"),
        if options.quick { 100_000 } else { 500_000 },
        100_000,
        1_000,
    )
    .await?;
    emit("sqlite_raw_batched_upserts", raw_batched, "per_s");

    // Ingest at 100k members (fewer when quick).
    let ingest_members: u64 = if options.quick { 20_000 } else { 100_000 };
    let clock = Arc::new(ManualClock::new(chrono::Utc::now()));
    let path = dir.join("ingest.db");
    let week = crate::core::periods::Calendar::new(chrono_tz::UTC)
        .week_board(crate::engine::Clock::now(&*clock));
    setup::database(
        &path,
        ingest_members,
        &week,
        crate::engine::Clock::now(&*clock),
    )
    .await?;
    let engine = Arc::new(
        setup::engine(&path, Arc::new(RecordingPlatform::default()), clock.clone()).await?,
    );
    let everyone: Vec<i64> = (1..=i64::try_from(ingest_members).unwrap_or(i64::MAX)).collect();
    ingest(&engine, everyone.clone(), 64).await; // warms the account cache, as a running bot has it
    clock.advance(Span::seconds(61));
    let all_awarded = ingest(&engine, everyone.clone(), 512).await;
    emit("ingest_all_awarded", all_awarded, "msgs_per_s");
    // Group commit's limit is the batched rate, not autocommit's.
    emit(
        "ingest_vs_batched_upserts",
        all_awarded / raw_batched.max(f64::MIN_POSITIVE),
        "ratio",
    );
    clock.advance(Span::seconds(61));
    // 10% of messages from members out of their cooldown, 90% from members inside it.
    let fresh = everyone.len() / 10;
    let realistic: Vec<i64> = (0..everyone.len())
        .map(|i| everyone[if i < fresh { i } else { i % fresh.max(1) }])
        .collect();
    emit(
        "ingest_realistic",
        ingest(&engine, realistic, 64).await,
        "msgs_per_s",
    );
    engine.shutdown().await;

    // `steward import mee6` of a 100,000-player leaderboard (target: under 10 s).
    emit(
        "import_100k",
        import_seconds(&dir.join("import.db")).await?,
        "s",
    );

    // Ranking, start-up and memory at `members`.
    let path = dir.join("community.db");
    let now = chrono::Utc::now();
    let week = crate::core::periods::Calendar::new(chrono_tz::UTC).week_board(now);
    setup::database(&path, options.members, &week, now).await?;
    let history_started = Instant::now();
    setup::history(&path, options.members, now).await?;
    tracing::info!(
        ms = ms_since(history_started),
        "a year of dashboard history written"
    );
    let (startup_ms, rss_mb) = probe(&path)?;
    let engine = Arc::new(
        setup::engine(
            &path,
            Arc::new(RecordingPlatform::default()),
            Arc::new(SystemClock),
        )
        .await?,
    );
    let mut rng = StdRng::seed_from_u64(11);
    let max_id = i64::try_from(options.members).unwrap_or(i64::MAX);
    let mut rank_ms = Vec::with_capacity(samples);
    for _ in 0..samples {
        let name = format!("m{}", rng.random_range(1..=max_id));
        let started = Instant::now();
        engine
            .handle(console_message(&name, "/rank", engine.kernel().now()))
            .await;
        rank_ms.push(ms_since(started));
    }
    emit("rank_p50_1m", quantile(&mut rank_ms, 0.50), "ms");
    emit("rank_p99_1m", quantile(&mut rank_ms, 0.99), "ms");
    let pages = (options.members / 10).max(1);
    let mut board_ms = Vec::with_capacity(samples);
    for i in 0..samples {
        let board = if i % 2 == 0 { "all" } else { "week" };
        let page = rng
            .random_range(
                1..=if board == "all" {
                    pages
                } else {
                    (pages / 20).max(1)
                },
            )
            .min(100_000);
        let started = Instant::now();
        engine
            .handle(console_message(
                "m1",
                &format!("/leaderboard {board} {page}"),
                engine.kernel().now(),
            ))
            .await;
        board_ms.push(ms_since(started));
    }
    emit("leaderboard_p99_1m", quantile(&mut board_ms, 0.99), "ms");
    // `steward run` reads the boards' names into memory at start, beside everything else.
    let started = Instant::now();
    engine.identity().load_board_names().await?;
    emit("board_names_load_1m", ms_since(started), "ms");
    let requests = if options.quick { 5_000 } else { 50_000 };
    let board_pages = pages.div_ceil(10);
    let (rps, p99) =
        web::leaderboard_load(engine.clone(), requests, board_pages, web::Mix::Visitors).await?;
    emit("web_leaderboard_rps", rps, "per_s");
    emit("web_leaderboard_p99_ms", p99, "ms");
    let (deep_rps, deep_p99) =
        web::leaderboard_load(engine.clone(), requests, board_pages, web::Mix::Deep).await?;
    emit("web_leaderboard_deep_rps", deep_rps, "per_s");
    emit("web_leaderboard_deep_p99_ms", deep_p99, "ms");
    let (raw_rps, raw_p99) = web::raw_load(engine.clone(), requests).await?;
    emit("web_raw_rps", raw_rps, "per_s");
    emit("web_raw_p99_ms", raw_p99, "ms");
    emit("web_leaderboard_vs_raw", rps / raw_rps, "ratio");
    emit("web_leaderboard_deep_vs_raw", deep_rps / raw_rps, "ratio");
    emit("dashboard_ms", web::dashboard_ms(&engine).await?, "ms");
    let (search_ms, search_matches) = web::search_ms(&engine).await?;
    emit("board_search_ms", search_ms, "ms");
    emit("board_search_matches", search_matches as f64, "count");
    engine.shutdown().await;
    emit("startup_1m", startup_ms, "ms");
    emit("rss_1m", rss_mb, "MB");

    // Scheduler: 10,000 pending drops, 1,000 due in the same second.
    emit(
        "drop_lateness_p99",
        drop_lateness(dir, if options.quick { 2_000 } else { 10_000 }).await?,
        "ms",
    );
    // Rank cards: 200 PNGs of varied names (skipped, with a warning, on a host without fonts).
    for (name, value) in card::rank_card_figures(200) {
        emit(name, value, "ms");
    }
    Ok(figures)
}

/// Schedules `total` drops, a tenth due in the same second, runs the real scheduler loop, and
/// returns the p99 of (delivered - due) for the due ones.
async fn drop_lateness(dir: &Path, total: usize) -> Result<f64, BenchError> {
    let path = dir.join("drops.db");
    crate::store::Store::open(&path).await?.close().await;
    let platform = Arc::new(TimingPlatform::default());
    let engine = Arc::new(setup::engine(&path, platform.clone(), Arc::new(SystemClock)).await?);
    engine
        .handle(console_message("admin", "/rank", engine.kernel().now()))
        .await; // the member who schedules
    let due_at = engine.kernel().now() + Span::seconds(3);
    let due_count = total / 10;
    let targets = ["console:general".to_owned()];
    let mut tx = engine.store().begin().await?;
    for i in 0..total {
        let first_at = if i < due_count {
            due_at
        } else {
            due_at + Span::hours(2)
        };
        let text = format!("bench drop {i}");
        tx.insert_drop(&crate::store::NewDrop {
            created_by: crate::core::ids::MemberId(1),
            at: engine.kernel().now(),
            text: &text,
            source: None,
            tier: None,
            targets: &targets,
            rule: None,
            time_of_day: None,
            first_at,
        })
        .await?;
    }
    tx.commit().await?;
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let scheduler = tokio::spawn(engine.clone().run(stopped));
    let deadline = Instant::now() + Duration::from_secs(40);
    while platform.arrivals.lock().map(|a| a.len()).unwrap_or(0) < due_count
        && Instant::now() < deadline
    {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let _ = stop.send(true);
    let _ = scheduler.await;
    engine.shutdown().await;
    let arrivals = platform
        .arrivals
        .lock()
        .map(|a| a.clone())
        .unwrap_or_default();
    let mut lateness: Vec<f64> = arrivals
        .iter()
        .map(|(_, at)| (*at - due_at).num_microseconds().unwrap_or(0) as f64 / 1000.0)
        .collect();
    if lateness.len() < due_count {
        lateness.extend(std::iter::repeat_n(
            f64::INFINITY,
            due_count - lateness.len(),
        ));
    }
    Ok(quantile(&mut lateness, 0.99).max(0.0))
}

/// Seconds to import a 100,000-player MEE6 leaderboard into an empty database.
async fn import_seconds(path: &Path) -> Result<f64, BenchError> {
    let players: Vec<serde_json::Value> = (1..=100_000u64)
        .map(|i| {
            serde_json::json!({"id": (100_000_000_000_000_000 + i).to_string(),
                               "username": format!("player{i}"), "xp": i * 7, "level": 1})
        })
        .collect();
    let text = serde_json::json!({ "players": players }).to_string();
    let store = crate::store::Store::open(path).await?;
    let options = crate::engine::import::ImportOptions {
        dry_run: false,
        strict: true,
    };
    let started = Instant::now();
    let imported = crate::engine::import::import_xp(
        &store,
        crate::core::import::ImportFormat::Mee6,
        &text,
        options,
        chrono::Utc::now(),
    )
    .await;
    let seconds = started.elapsed().as_secs_f64();
    store.close().await;
    match imported {
        Ok(_) => Ok(seconds),
        Err(e) => Err(BenchError::Import(e.to_string())),
    }
}
