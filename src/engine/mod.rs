//! The service: turns platform-neutral [`Event`]s into core decisions, store writes and
//! platform actions. Adapters call [`Engine::handle`]; the engine answers with the reply for the
//! chat and acts on the world only through [`ChatPlatform`].
//!
//! Writes that move scores run under one writer lock: SQLite has one writer anyway, and it keeps
//! the in-memory rank indexes in the database's order of commits.

mod boards;
mod choices;
pub mod clock;
mod commands;
mod cursors;
mod delivery;
mod drops;
pub mod events;
mod expiry;
mod format;
mod identity;
mod ingest;
mod membership;
mod messages;
mod notices;
pub mod platform;
mod points;
mod ranking;
mod scheduler;
mod scoring;
mod seasons;
mod shop;

use std::collections::HashMap;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex, RwLock};

use chrono::{DateTime, Utc};
use rand::SeedableRng;
use rand::rngs::StdRng;

use crate::config::Config;
use crate::core::ids::{AccountRef, MemberId};
use crate::store::{Season, Store, StoreError};
use boards::LiveBoards;
pub use choices::{Choice, MAX_CHOICES};
pub use clock::{Clock, ManualClock, SystemClock};
pub use commands::CommandContext;
pub use events::{Event, Mention, MessageEvent, Person, QuotedMessage, Sender};
pub use platform::{
    ChatPlatform, DropTarget, OutboundDrop, PlatformError, RecordingPlatform, Sent,
};
pub use scheduler::TickOutcome;

/// Why a request was not carried out.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// A refusal or a usage problem; the text is what the user sees.
    #[error("{0}")]
    Refused(String),
    /// A storage failure; users see a generic apology, the detail goes to the log.
    #[error("Something went wrong on our side; please try again in a moment.")]
    Store(#[from] StoreError),
}

pub type EngineResult<T> = Result<T, EngineError>;

/// Shorthand for a refusal the user reads as is.
pub(crate) fn refuse<T>(text: impl Into<String>) -> EngineResult<T> {
    Err(EngineError::Refused(text.into()))
}

/// What the engine remembers of an account between events, to skip a database round trip.
#[derive(Debug, Clone)]
struct CachedAccount {
    member: MemberId,
    display_name: String,
    username: Option<String>,
}

/// One community's bot.
pub struct Engine {
    config: Config,
    store: Store,
    platform: Arc<dyn ChatPlatform>,
    clock: Arc<dyn Clock>,
    writer: tokio::sync::Mutex<()>,
    /// Held while the live boards move, and taken by every writer before it reads them: board
    /// changes follow the order of commits even though a message batch releases the writer
    /// before moving its boards (see `engine/scoring.rs`).
    board_order: tokio::sync::Mutex<()>,
    boards: RwLock<LiveBoards>,
    accounts: Mutex<HashMap<AccountRef, CachedAccount>>,
    cooldowns: Mutex<HashMap<MemberId, DateTime<Utc>>>,
    season: RwLock<Option<Season>>,
    rng: Mutex<StdRng>,
    /// Wakes the scheduler loop when something is scheduled, cancelled or granted.
    wake: tokio::sync::Notify,
    /// Message awards waiting for the next group commit.
    ingest: Mutex<Vec<ingest::PendingAward>>,
    /// Counts account merges, so a cache fill that raced one is not kept.
    merges: AtomicU64,
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
        let engine = Self {
            config,
            store,
            platform,
            clock,
            writer: tokio::sync::Mutex::new(()),
            board_order: tokio::sync::Mutex::new(()),
            boards: RwLock::new(LiveBoards::default()),
            accounts: Mutex::new(HashMap::new()),
            cooldowns: Mutex::new(HashMap::new()),
            season: RwLock::new(season),
            rng: Mutex::new(StdRng::from_os_rng()),
            wake: tokio::sync::Notify::new(),
            ingest: Mutex::new(Vec::new()),
            merges: AtomicU64::new(0),
        };
        let recovered = engine.store.recover_interrupted().await?;
        if recovered > 0 {
            tracing::warn!(
                recovered,
                "deliveries interrupted by a crash will be sent again"
            );
        }
        let now = engine.now();
        // No other task can see the engine yet, so no writer lock is needed to load the boards.
        engine.ensure_live(&engine.period_boards_at(now)).await?;
        Ok(engine)
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
    pub async fn handle(&self, event: Event) -> Option<String> {
        match event {
            Event::Message(message) => self.handle_message(message).await,
            Event::MemberJoined { chat, person, at } => {
                if !person.is_bot
                    && self.config.is_community_chat(&chat)
                    && let Err(e) = self.member_of(&person, at).await
                {
                    tracing::error!(error = %e, "could not record a joining member");
                }
                None
            }
            Event::MemberLeft { account, .. } => {
                tracing::debug!(%account, "member left a community chat");
                None
            }
        }
    }

    /// Closes the database cleanly; call once, after the last event.
    /// Awards still queued for a group commit are committed first: a clean stop loses none.
    pub async fn shutdown(&self) {
        let writer = self.writer.lock().await;
        self.commit_queued_awards(writer).await;
        let _writer = self.writer.lock().await;
        self.store.close().await;
    }

    /// Turns an engine result into the text users see, logging internal failures.
    fn reply_text(result: EngineResult<String>) -> String {
        match result {
            Ok(text) => text,
            Err(EngineError::Refused(text)) => text,
            Err(e @ EngineError::Store(_)) => {
                tracing::error!(error = ?e, "request failed");
                e.to_string()
            }
        }
    }

    fn random_unit(&self) -> f64 {
        use rand::Rng;
        self.rng
            .lock()
            .map(|mut r| r.random::<f64>())
            .unwrap_or(0.5)
    }

    fn random_u64(&self) -> u64 {
        use rand::Rng;
        self.rng
            .lock()
            .map(|mut r| r.random::<u64>())
            .unwrap_or_default()
    }
}
