//! Prometheus metrics (prometheus-client): what the engine counts as it works (events, command
//! latency, message awards and their batches, folds, platform errors and 429s) and what is read
//! at each scrape (members, running memberships by tier, deliveries by state, database size).

use std::time::Duration;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

use super::{Engine, EngineResult, PlatformError};
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

    pub(crate) fn backup_done(&self, at: chrono::DateTime<chrono::Utc>) {
        self.last_backup.set(at.timestamp());
    }

    pub(crate) fn platform_error(&self, platform: Platform, error: &PlatformError) {
        let kind = match error {
            PlatformError::RateLimited { .. } => "rate_limited",
            PlatformError::DmClosed(_) => "dm_closed",
            PlatformError::Refused(_) => "refused",
            PlatformError::Failed(_) => "failed",
        };
        self.platform_errors
            .get_or_create(&ErrorLabels {
                platform: platform.as_str(),
                kind,
            })
            .inc();
    }
}

impl Engine {
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
        for state in [
            "pending",
            "sending",
            "sent",
            "failed",
            "missed",
            "cancelled",
        ] {
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
        let mut text = String::new();
        // Writing to a String cannot fail.
        let _ = encode(&mut text, &metrics.registry);
        Ok(text)
    }
}
