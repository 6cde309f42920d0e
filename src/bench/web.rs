//! The web leaderboard under load: the real server on 127.0.0.1 and an HTTP client with 64
//! connections in the same process (the load generator shares the two cores), asking pages of
//! the all-time and weekly boards as a visitor. Two mixes: visitors (nine requests in ten open
//! a board's first page, which the home page, the navigation and shared links lead to; one in
//! ten any page) and deep (every page equally likely: a crawler, and the worst case, as almost
//! no page is kept rendered). The same load on `/healthz` (no database, a two-byte body) is the
//! yardstick: what this machine, this server stack and this load generator do with no page to
//! make.

use std::sync::Arc;
use std::time::Instant;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use tokio::sync::watch;

use super::BenchError;
use super::setup::{ms_since, quantile};
use crate::adapters::web::WebServer;
use crate::config::WebConfig;
use crate::engine::Engine;

/// Connections the load generator keeps open.
const CONNECTIONS: usize = 64;

/// Which pages the load asks for.
#[derive(Debug, Clone, Copy)]
pub(super) enum Mix {
    /// Nine in ten a first page, one in ten any page.
    Visitors,
    /// Every page equally likely.
    Deep,
}

/// Pages per second and the p99 latency in ms, over `requests` requests; `pages` is the
/// all-time board's length in pages of 100 (the week's is a twentieth of it).
pub(super) async fn leaderboard_load(
    engine: Arc<Engine>,
    requests: usize,
    pages: u64,
    mix: Mix,
) -> Result<(f64, f64), BenchError> {
    load(engine, requests, move |rng, i| {
        let (board, length) = if i % 2 == 0 {
            ("all", pages)
        } else {
            ("week", (pages / 20).max(1))
        };
        let page = match mix {
            Mix::Visitors if rng.random_range(0..10) < 9 => 1,
            _ => rng.random_range(1..=length),
        };
        format!("/leaderboard/{board}?page={page}")
    })
    .await
}

/// The yardstick: the same load on `/healthz`.
pub(super) async fn raw_load(
    engine: Arc<Engine>,
    requests: usize,
) -> Result<(f64, f64), BenchError> {
    load(engine, requests, |_, _| "/healthz".to_owned()).await
}

/// Requests per second and the p99 latency in ms of `requests` requests for the paths `path`
/// makes (from each connection's random numbers and its request count).
async fn load(
    engine: Arc<Engine>,
    requests: usize,
    path: impl Fn(&mut StdRng, usize) -> String + Clone + Send + 'static,
) -> Result<(f64, f64), BenchError> {
    // The engine's config lets visitors see boards (`setup::engine`); this one only says
    // where to listen.
    let config = WebConfig {
        listen: std::net::SocketAddr::from(([127, 0, 0, 1], 0)),
        metrics_listen: None,
        ..WebConfig::default()
    };
    let server = WebServer::bind(&config)
        .await
        .map_err(|e| BenchError::Web(e.to_string()))?;
    let base = format!(
        "http://{}",
        server
            .local_addr()
            .ok_or_else(|| BenchError::Web("no web address".into()))?
    );
    let (stop, stopped) = watch::channel(false);
    let serving = tokio::spawn(server.serve(engine, stopped));
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(CONNECTIONS)
        .build()
        .map_err(|e| BenchError::Web(e.to_string()))?;
    let per_task = requests.div_ceil(CONNECTIONS);
    let started = Instant::now();
    let mut tasks = Vec::with_capacity(CONNECTIONS);
    for task in 0..CONNECTIONS {
        let (client, base, path) = (client.clone(), base.clone(), path.clone());
        tasks.push(tokio::spawn(async move {
            let mut rng = StdRng::seed_from_u64(task as u64);
            let mut latencies = Vec::with_capacity(per_task);
            for i in 0..per_task {
                let url = format!("{base}{}", path(&mut rng, i));
                let asked = Instant::now();
                let ok = match client.get(&url).send().await {
                    Ok(answer) => answer.status().is_success() && answer.bytes().await.is_ok(),
                    Err(_) => false,
                };
                if ok {
                    latencies.push(ms_since(asked));
                }
            }
            latencies
        }));
    }
    let mut latencies = Vec::with_capacity(requests);
    for task in tasks {
        latencies.extend(task.await.unwrap_or_default());
    }
    let seconds = started.elapsed().as_secs_f64();
    let _ = stop.send(true);
    let _ = serving.await;
    if latencies.len() < requests / 2 {
        return Err(BenchError::Web(format!(
            "only {} of {requests} web requests succeeded",
            latencies.len()
        )));
    }
    let rps = latencies.len() as f64 / seconds;
    Ok((rps, quantile(&mut latencies, 0.99)))
}

/// The slowest of ten dashboards over the last 365 days, read as an operator (the queries and
/// the panels' arithmetic; rendering is the page's).
pub(super) async fn dashboard_ms(engine: &Engine) -> Result<f64, BenchError> {
    let operator = crate::core::access::Viewer {
        member: None,
        operator: true,
        tier_rank: None,
    };
    let range = crate::core::analytics::range::DayRange::last(365, engine.operations().today());
    // A running bot folds every second; the bench's commands left their activity in memory.
    engine
        .ingest()
        .fold_step()
        .await
        .map_err(|e| BenchError::Web(e.to_string()))?;
    let mut slowest: f64 = 0.0;
    for _ in 0..10 {
        let started = Instant::now();
        engine
            .operations()
            .dashboard(&operator, range)
            .await
            .map_err(|e| BenchError::Web(e.to_string()))?;
        slowest = slowest.max(ms_since(started));
    }
    Ok(slowest)
}

/// The slowest of ten searches of the all-time board as visitors (each from its own address),
/// for `m12`, which the bench's names `m1`…`m1000000` contain 11,111 times; and that count.
pub(super) async fn search_ms(engine: &Engine) -> Result<(f64, usize), BenchError> {
    use crate::core::access::Viewer;
    use crate::core::name_search::SearchClient;
    use crate::engine::web::WebBoard;
    let mut slowest: f64 = 0.0;
    let mut matches = 0;
    for i in 0..10u8 {
        let client = SearchClient::address(std::net::IpAddr::from([192, 0, 2, i]));
        let started = Instant::now();
        let page = engine
            .web()
            .board_search(
                &Viewer::VISITOR,
                WebBoard::AllTime,
                "m12",
                1,
                client,
                engine.kernel().now(),
            )
            .await
            .map_err(|e| BenchError::Web(e.to_string()))?;
        slowest = slowest.max(ms_since(started));
        matches = page.total;
    }
    Ok((slowest, matches))
}
