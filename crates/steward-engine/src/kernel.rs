//! The kernel every service stands on: the community's config, the store, the chat platform,
//! the clock, the metrics and the one writer lock. It decides nothing; it is what a service
//! needs to read, write, speak and count. Its own capabilities are the ones every service
//! shares: the time, who is an operator, the language to speak to whom (`language.rs`) and
//! messages outside replies (`notices.rs`).

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use tokio::sync::{MutexGuard, Notify, watch};

use super::Clock;
use super::events::Sender;
use super::metrics::Metrics;
use super::platform::{Outbound, Platforms};
use super::writer::{ScoreLock, WriterLock};
use crate::config::Config;
use crate::core::ids::Platform;
use crate::store::Store;

/// How often the write-ahead log is copied back into the database file.
pub const CHECKPOINT_EVERY: std::time::Duration = std::time::Duration::from_millis(250);

/// What every service stands on (see the module header); adapters see only its `pub` methods.
pub struct Kernel {
    pub(crate) config: Config,
    pub(crate) store: Store,
    pub(crate) platform: Outbound,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) metrics: Arc<Metrics>,
    writer: WriterLock,
    /// Wakes the scheduler loop when something is scheduled, cancelled or granted.
    pub(crate) wake: Notify,
    /// Chats (Discord servers) outside the community already logged once.
    pub(crate) unconfigured_chats: Mutex<HashSet<(Platform, String)>>,
}

impl Kernel {
    pub(crate) fn new(
        config: Config,
        store: Store,
        platforms: Platforms,
        clock: Arc<dyn Clock>,
        metrics: Arc<Metrics>,
    ) -> Self {
        Self {
            config,
            store,
            platform: Outbound::new(platforms, metrics.clone()),
            clock,
            metrics,
            writer: WriterLock::default(),
            wake: Notify::new(),
            unconfigured_chats: Mutex::default(),
        }
    }

    /// The time now, by the engine's clock.
    #[must_use]
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Operators: accounts listed in config, plus platform admins.
    pub(crate) fn is_operator(&self, sender: &Sender) -> bool {
        sender.platform_admin
            || self
                .config
                .operators
                .contains(&sender.person.profile.account)
    }

    /// See [`WriterLock::lock_scores`].
    pub(crate) async fn lock_scores(&self) -> ScoreLock<'_> {
        self.writer.lock_scores().await
    }

    /// See [`WriterLock::lock_writer`].
    pub(crate) async fn lock_writer(&self) -> MutexGuard<'_, ()> {
        self.writer.lock_writer().await
    }

    /// See [`WriterLock::lock_board_order`].
    pub(crate) async fn lock_board_order(&self) -> MutexGuard<'_, ()> {
        self.writer.lock_board_order().await
    }

    /// See [`run_checkpoints`].
    pub(crate) async fn run_checkpoints(&self, stop: watch::Receiver<bool>) {
        run_checkpoints(&self.store, stop).await;
    }

    // The thread's own generator: no lock shared between the tasks handling messages.
    pub(crate) fn random_unit(&self) -> f64 {
        rand::random::<f64>()
    }

    pub(crate) fn random_u64(&self) -> u64 {
        rand::random::<u64>()
    }
}

/// Copies the database's write-ahead log into its file every [`CHECKPOINT_EVERY`] until `stop`
/// turns true or the store closes (SQLite's own checkpoints are off: they ran inside a commit).
/// [`crate::Engine::run`] runs it; so does `steward bench` for the stores it fills.
pub async fn run_checkpoints(store: &Store, mut stop: watch::Receiver<bool>) {
    loop {
        tokio::select! {
            () = tokio::time::sleep(CHECKPOINT_EVERY) => {}
            _ = stop.wait_for(|stopped| *stopped) => return,
        }
        if store.is_closed() {
            return;
        }
        if let Err(e) = store.checkpoint().await {
            tracing::warn!(error = %e, "WAL checkpoint failed; retrying");
        }
    }
}
