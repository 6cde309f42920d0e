//! The service: turns platform-neutral [`Event`]s into core decisions, store writes and
//! platform actions. Adapters call [`Engine::handle`]; the engine answers with the reply for the
//! chat and acts on the world only through [`ChatPlatform`].
//!
//! The engine is a few components that keep their data and locks side by side: the
//! scoreboard (`ranking/`: live boards, season, the writer lock and the board order), identity
//! (`identity/`: the account cache) and ingest (`ingest/`: the group-commit queue, the cooldown
//! cache and the award log's fold). Commands are grouped by capability (`points/`,
//! `membership/`, `content/`). Who may see a gated item is one rule in the core, asked through
//! `access.rs`. Lock poisoning has one policy (`sync.rs`).

mod access;
pub mod analytics;
pub mod backups;
pub mod clock;
mod commands;
mod content;
mod counted_platform;
mod cursors;
pub mod events;
mod identity;
pub mod import;
mod ingest;
mod language;
mod membership;
mod messages;
mod metrics;
mod notices;
pub mod payments;
pub mod platform;
mod points;
pub mod privacy;
mod process_stats;
mod ranking;
mod scheduler;
mod sync;
pub mod web;

use std::sync::Arc;

use chrono::{DateTime, Utc};
use tokio::sync::watch;

use crate::config::Config;
use crate::i18n::Lang;
use crate::store::{Store, StoreError};
use crate::tr;
pub use clock::{Clock, ManualClock, SystemClock};
pub use commands::CommandContext;
pub use content::{Choice, MAX_CHOICES};
pub use events::{Event, Mention, MessageEvent, Person, QuotedMessage, Sender};
use identity::IdentityCache;
pub use ingest::FOLD_EVERY;
use ingest::Ingest;
pub use platform::{
    ChatPlatform, DropTarget, Invoice, OutboundDrop, OutboundFile, PlatformError,
    RecordingPlatform, Sent,
};
use ranking::Scoreboard;
pub use scheduler::TickOutcome;

/// Why a request was not carried out.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// A refusal or a usage problem: what the user reads, rendered at the edge in the reader's
    /// language; its key names the kind of refusal (for logs and tests).
    #[error("{0}")]
    Refused(crate::i18n::Msg),
    /// A storage failure; users see a generic apology (`error-internal`), the detail goes to
    /// the log.
    #[error("storage failed: {0}")]
    Store(#[from] StoreError),
}

pub type EngineResult<T> = Result<T, EngineError>;

/// Shorthand for a refusal.
pub(crate) fn refuse<T>(why: crate::i18n::Msg) -> EngineResult<T> {
    Err(EngineError::Refused(why))
}

/// One community's bot.
pub struct Engine {
    config: Config,
    store: Store,
    platform: Arc<dyn ChatPlatform>,
    clock: Arc<dyn Clock>,
    scores: Scoreboard,
    identity: IdentityCache,
    ingest: Ingest,
    activity: analytics::ActivityTally,
    retention: privacy::RetentionClock,
    metrics: Arc<metrics::Metrics>,
    cards: web::Cards,
    /// Searches by name on the web boards: their allowance per client and turns.
    searches: web::Searches,
    /// Signs payment references; see `payments/`.
    payment_secret: tokio::sync::OnceCell<Vec<u8>>,
    /// Card payments (Stripe), when configured.
    card_payments: Option<Arc<dyn payments::CardPayments>>,
    /// Platforms adapters reported on, and whether each is connected (`/readyz`).
    connections: std::sync::Mutex<std::collections::HashMap<crate::core::ids::Platform, bool>>,
    /// Wakes the scheduler loop when something is scheduled, cancelled or granted.
    wake: tokio::sync::Notify,
    /// Chats (Discord servers) outside the community already logged once.
    unconfigured_chats:
        std::sync::Mutex<std::collections::HashSet<(crate::core::ids::Platform, String)>>,
    /// When the engine started: the first backup of an empty backup folder counts from it.
    started_at: DateTime<Utc>,
}

impl Engine {
    /// Builds the engine on an open store and loads the live leaderboards.
    pub async fn start(
        config: Config,
        store: Store,
        platform: Arc<dyn ChatPlatform>,
        clock: Arc<dyn Clock>,
    ) -> Result<Self, StoreError> {
        let season = store.active_season().await?;
        let metrics = Arc::new(metrics::Metrics::default());
        let platform = Arc::new(counted_platform::CountedPlatform::new(
            platform,
            metrics.clone(),
        ));
        let engine = Self {
            config,
            store,
            platform,
            clock: clock.clone(),
            scores: Scoreboard::new(season),
            identity: IdentityCache::default(),
            ingest: Ingest::default(),
            activity: analytics::ActivityTally::default(),
            retention: privacy::RetentionClock::default(),
            metrics,
            cards: web::Cards::default(),
            searches: web::Searches::default(),
            payment_secret: tokio::sync::OnceCell::new(),
            card_payments: None,
            connections: std::sync::Mutex::default(),
            wake: tokio::sync::Notify::new(),
            unconfigured_chats: std::sync::Mutex::default(),
            started_at: clock.now(),
        };
        let recovered = engine.store.recover_interrupted().await?;
        if recovered > 0 {
            tracing::warn!(
                recovered,
                "deliveries interrupted by a crash will be sent again"
            );
        }
        let now = engine.now();
        let mut tx = engine.store.begin().await?;
        for course in &engine.config.courses {
            tx.upsert_course(&course.id, &course.title, course.tier.as_deref(), now)
                .await?;
        }
        tx.commit().await?;
        // No other task can see the engine yet, so no lock is needed to load the boards.
        engine.ensure_live(&engine.period_boards_at(now)).await?;
        Ok(engine)
    }

    /// Runs the engine's background work until `stop` turns true: the scheduler, the award
    /// log's fold and scheduled backups, after reading the boards' names into memory. Adapters run beside it;
    /// [`Engine::shutdown`] comes after both stopped.
    pub async fn run(self: Arc<Self>, stop: watch::Receiver<bool>) {
        let names = async {
            if let Err(e) = self.load_board_names().await {
                tracing::warn!(error = %e, "board names stay in the database: loading them failed");
            }
        };
        tokio::join!(
            self.clone().run_scheduler(stop.clone()),
            self.clone().run_folds(stop.clone()),
            self.clone().run_backups(stop),
            names
        );
    }

    /// The database, for tests and `steward bench` to inspect what the engine wrote.
    /// Adapters never use it: they reach state through the engine's methods, which apply the
    /// access rules.
    #[doc(hidden)]
    #[must_use]
    pub fn store(&self) -> &Store {
        &self.store
    }

    #[must_use]
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Handles one event; returns the reply to post in the event's chat, if any.
    pub async fn handle(&self, mut event: Event) -> Option<String> {
        // Names are cleaned once, here, before anything stores or repeats them.
        event.clean_names();
        match event {
            // Counted by kind (a message or a command) once it is read.
            Event::Message(message) => self.handle_message(message).await,
            Event::MemberJoined { chat, person, at } => {
                self.metrics.event("member_joined", chat.platform);
                if !person.is_bot
                    && self.config.chats.is_community(&chat)
                    && let Err(e) = self.member_of(&person, at).await
                {
                    tracing::error!(error = %e, "could not record a joining member");
                }
                None
            }
        }
    }

    /// Closes the database cleanly; call once, after the last event.
    /// Awards still queued for a group commit are committed first: a clean stop loses none.
    pub async fn shutdown(&self) {
        let writer = self.scores.lock_writer().await;
        self.commit_queued_awards(writer).await;
        if let Err(e) = self.flush_activity().await {
            tracing::warn!(error = ?e, "the last second's activity counts were not written");
        }
        let _writer = self.scores.lock_writer().await;
        self.store.close().await;
    }

    /// Turns an engine result into the text users see, logging internal failures.
    fn reply_text(lang: Lang, result: EngineResult<String>) -> String {
        match result {
            Ok(text) => text,
            Err(EngineError::Refused(why)) => {
                tracing::debug!(refusal = why.key(), "request refused");
                why.render(lang)
            }
            Err(e @ EngineError::Store(_)) => {
                tracing::error!(error = ?e, "request failed");
                tr!(lang, "error-internal")
            }
        }
    }

    // The thread's own generator: no lock shared between the tasks handling messages.
    fn random_unit(&self) -> f64 {
        rand::random::<f64>()
    }

    fn random_u64(&self) -> u64 {
        rand::random::<u64>()
    }
}
