//! Prometheus metrics (prometheus-client): what the engine counts as it works (events, command
//! latency, message awards and their batches, folds, platform errors and 429s, web requests by
//! route and status, how late deliveries start, backups) and what is read at each scrape
//! (members, running memberships by tier, deliveries by state, database size, the process's
//! memory, CPU time and file descriptors). Money's counters are in `payments`.

mod payments;

pub(crate) use payments::{DeliveryOutcome, PaymentOutcome};

use std::time::Duration;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

use super::{EngineResult, Kernel, PlatformError};
use crate::core::drops::delivery::DeliveryState;
use crate::core::ids::Platform;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct EventLabels {
    kind: &'static str,
    platform: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CommandLabels {
    command: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ErrorLabels {
    platform: &'static str,
    kind: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct BuildLabels {
    version: &'static str,
    commit: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct HttpLabels {
    route: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct TierLabels {
    tier: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StateLabels {
    state: String,
}

fn latency_histogram() -> Histogram {
    // 50 µs to about 1.6 s.
    Histogram::new(exponential_buckets(0.000_05, 2.0, 16))
}

fn batch_histogram() -> Histogram {
    Histogram::new(exponential_buckets(1.0, 2.0, 12))
}

/// The engine's metrics and their registry.
#[derive(Debug)]
pub(crate) struct Metrics {
    registry: Registry,
    events: Family<EventLabels, Counter>,
    commands: Family<CommandLabels, Histogram, fn() -> Histogram>,
    awards: Counter,
    batch_size: Histogram,
    fold_seconds: Histogram,
    platform_errors: Family<ErrorLabels, Counter>,
    members: Gauge,
    memberships: Family<TierLabels, Gauge>,
    deliveries: Family<StateLabels, Gauge>,
    database_bytes: Gauge,
    last_backup: Gauge,
    http_requests: Family<HttpLabels, Counter>,
    http_seconds: Family<RouteLabels, Histogram, fn() -> Histogram>,
    delivery_lag: Histogram,
    resident_bytes: Gauge,
    cpu_seconds: Gauge<f64, std::sync::atomic::AtomicU64>,
    open_fds: Gauge,
    pub(crate) money: payments::PaymentMetrics,
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("steward");
        let events = Family::<EventLabels, Counter>::default();
        let commands = Family::new_with_constructor(latency_histogram as fn() -> Histogram);
        let awards = Counter::default();
        let batch_size = batch_histogram();
        let fold_seconds = latency_histogram();
        let platform_errors = Family::<ErrorLabels, Counter>::default();
        let members = Gauge::default();
        let memberships = Family::<TierLabels, Gauge>::default();
        let deliveries = Family::<StateLabels, Gauge>::default();
        let database_bytes = Gauge::default();
        let last_backup = Gauge::default();
        let http_requests = Family::<HttpLabels, Counter>::default();
        let http_seconds = Family::new_with_constructor(latency_histogram as fn() -> Histogram);
        // A second to about four hours.
        let delivery_lag = Histogram::new(exponential_buckets(1.0, 2.0, 14));
        let resident_bytes = Gauge::default();
        let cpu_seconds = Gauge::<f64, std::sync::atomic::AtomicU64>::default();
        let open_fds = Gauge::default();
        let build = Family::<BuildLabels, Gauge>::default();
        build
            .get_or_create(&BuildLabels {
                version: env!("CARGO_PKG_VERSION"),
                commit: env!("STEWARD_COMMIT"),
            })
            .set(1);
        registry.register(
            "build_info",
            "The running build: its version and commit (always 1)",
            build,
        );
        // Present from the start, at 0, so an alert on their rate has a series to read.
        for platform in [Platform::Discord, Platform::Telegram] {
            for kind in ["rate_limited", "dm_closed", "refused", "failed"] {
                let _ = platform_errors.get_or_create(&ErrorLabels {
                    platform: platform.as_str(),
                    kind,
                });
            }
        }
        registry.register(
            "http_requests",
            "Web requests answered, by route and status",
            http_requests.clone(),
        );
        registry.register(
            "http_request_duration_seconds",
            "Time to answer a web request, by route",
            http_seconds.clone(),
        );
        registry.register(
            "delivery_lag_seconds",
            "How late a drop delivery started after it was due (the scheduler's lag)",
            delivery_lag.clone(),
        );
        registry.register(
            "process_resident_memory_bytes",
            "Resident memory of the process",
            resident_bytes.clone(),
        );
        registry.register(
            "process_cpu_seconds",
            "CPU time the process has used, user and system (a counter)",
            cpu_seconds.clone(),
        );
        registry.register(
            "process_open_fds",
            "File descriptors the process holds open",
            open_fds.clone(),
        );
        registry.register(
            "events",
            "Events handled, by kind and platform",
            events.clone(),
        );
        registry.register(
            "command_duration_seconds",
            "Time to answer a command",
            commands.clone(),
        );
        registry.register("awards", "Message XP awards committed", awards.clone());
        registry.register(
            "ingest_batch_size",
            "Message awards per group commit",
            batch_size.clone(),
        );
        registry.register(
            "fold_duration_seconds",
            "Time to fold the award log",
            fold_seconds.clone(),
        );
        registry.register(
            "platform_errors",
            "Platform calls that failed, by platform and kind (rate_limited = 429)",
            platform_errors.clone(),
        );
        registry.register("members", "Members (not erased)", members.clone());
        registry.register(
            "memberships_running",
            "Running memberships by tier",
            memberships.clone(),
        );
        registry.register("deliveries", "Drop deliveries by state", deliveries.clone());
        registry.register(
            "database_bytes",
            "Size of the SQLite database file",
            database_bytes.clone(),
        );
        let money = payments::PaymentMetrics::register(&mut registry);
        registry.register(
            "last_backup_timestamp_seconds",
            "When the newest backup in backup.dir was made (Unix time; 0: none yet)",
            last_backup.clone(),
        );
        Self {
            registry,
            events,
            commands,
            awards,
            batch_size,
            fold_seconds,
            platform_errors,
            members,
            memberships,
            deliveries,
            database_bytes,
            last_backup,
            http_requests,
            http_seconds,
            delivery_lag,
            resident_bytes,
            cpu_seconds,
            open_fds,
            money,
        }
    }
}

impl Metrics {
    pub(crate) fn event(&self, kind: &'static str, platform: Platform) {
        self.events
            .get_or_create(&EventLabels {
                kind,
                platform: platform.as_str(),
            })
            .inc();
    }

    pub(crate) fn command(&self, command: &'static str, took: Duration) {
        self.commands
            .get_or_create(&CommandLabels { command })
            .observe(took.as_secs_f64());
    }

    pub(crate) fn batch(&self, size: usize, awarded: usize) {
        self.batch_size.observe(size as f64);
        self.awards.inc_by(awarded as u64);
    }

    pub(crate) fn fold(&self, took: Duration) {
        self.fold_seconds.observe(took.as_secs_f64());
    }

    pub(crate) fn http(&self, route: &str, status: u16, took: Duration) {
        self.http_requests
            .get_or_create(&HttpLabels {
                route: route.to_owned(),
                status,
            })
            .inc();
        self.http_seconds
            .get_or_create(&RouteLabels {
                route: route.to_owned(),
            })
            .observe(took.as_secs_f64());
    }

    pub(crate) fn delivery_started(&self, late: chrono::Duration) {
        let seconds = late.num_milliseconds().max(0) as f64 / 1000.0;
        self.delivery_lag.observe(seconds);
    }

    pub(crate) fn backup_done(&self, at: chrono::DateTime<chrono::Utc>) {
        self.last_backup.set(at.timestamp());
    }

    pub(crate) fn platform_error(&self, platform: Platform, error: &PlatformError) {
        let kind = match error {
            PlatformError::RateLimited { .. } => "rate_limited",
            PlatformError::DmClosed(_) => "dm_closed",
            PlatformError::Refused(_) => "refused",
            PlatformError::Failed(_) => "failed",
            PlatformError::Gone(_) => "gone",
        };
        self.platform_errors
            .get_or_create(&ErrorLabels {
                platform: platform.as_str(),
                kind,
            })
            .inc();
    }
}

impl Kernel {
    /// Counts a web request answered: `route` is the route's pattern (`/members/{id}`), never
    /// the path asked for, so the series stay few.
    pub fn observe_http(&self, route: &str, status: u16, took: Duration) {
        self.metrics.http(route, status, took);
    }

    /// The metrics in Prometheus text format, with the read-at-scrape figures fresh.
    pub async fn metrics_text(&self) -> EngineResult<String> {
        let counts = self.store.community_counts().await?;
        let metrics = &self.metrics;
        metrics.members.set(counts.members);
        metrics.database_bytes.set(counts.database_bytes);
        for tier in &self.config.membership.tiers {
            let running = counts
                .running_by_tier
                .iter()
                .find(|(id, _)| *id == tier.id)
                .map_or(0, |(_, n)| *n);
            metrics
                .memberships
                .get_or_create(&TierLabels {
                    tier: tier.id.clone(),
                })
                .set(running);
        }
        for state in DeliveryState::ALL.map(DeliveryState::as_str) {
            let n = counts
                .deliveries_by_state
                .iter()
                .find(|(s, _)| s == state)
                .map_or(0, |(_, n)| *n);
            metrics
                .deliveries
                .get_or_create(&StateLabels {
                    state: state.to_owned(),
                })
                .set(n);
        }
        let process = super::process_stats::ProcessStats::read();
        if let Some(bytes) = process.resident_bytes {
            metrics.resident_bytes.set(bytes);
        }
        if let Some(seconds) = process.cpu_seconds {
            metrics.cpu_seconds.set(seconds);
        }
        if let Some(fds) = process.open_fds {
            metrics.open_fds.set(fds);
        }
        let mut text = String::new();
        // Writing to a String cannot fail.
        let _ = encode(&mut text, &metrics.registry);
        Ok(text)
    }
}
