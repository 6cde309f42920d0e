//! The service: turns platform-neutral [`Event`]s into core decisions, store writes and
//! platform actions. Adapters call [`Engine::handle`]; the engine answers with the reply for the
//! chat and acts on the world only through [`ChatPlatform`].
//!
//! `Engine` is a facade over services that own their state and name the services they use in
//! their fields (docs/architecture.md has the map): a `Kernel` (config, store, platform, clock,
//! metrics, the one writer lock: `kernel.rs`, `writer.rs`) under `Identity`, `Ranking`,
//! `Memberships`, `Points`, `Ingest`, the payments' `PaidTime`, `Payments` and `Storefront`,
//! the content services, `Privacy`, the web's and `Commands`. Each lives in its capability's
//! folder. Who may see a gated item is one rule in the core, asked through
//! `membership/access.rs`. Lock poisoning has one policy (`sync.rs`).

pub mod analytics;
pub mod backups;
pub mod broadcasts;
mod cadence;
mod certificates;
pub mod clock;
mod commands;
mod content;
mod cursors;
mod error;
pub mod events;
mod identity;
pub mod import;
mod ingest;
mod kernel;
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
mod questions;
mod ranking;
mod referrals;
mod scheduler;
mod services;
mod sync;
mod teams;
pub mod web;
mod writer;

use std::sync::Arc;

// The layers below, under the names the engine's paths use.
use steward_card as card;
use steward_config as config;
use steward_core as core;
use steward_i18n as i18n;
use steward_i18n::{msg, tr};
use steward_store as store;

use tokio::sync::watch;

use crate::config::Config;
use crate::store::{Store, StoreError};
pub use analytics::{Activity, Operations, Subscribers};
pub use backups::Backups;
pub use broadcasts::{Broadcasts, SEGMENT_PAGE, SegmentMember, SegmentPage};
pub use certificates::{CertificatePage, Certificates};
pub use clock::{Clock, SystemClock};
pub use commands::CommandContext;
pub use commands::Commands;
pub use content::{Choice, MAX_CHOICES};
pub use content::{
    Choices, CommunityEvents, Courses, Drops, MediaDownload, Recommendations, Submissions, WebFile,
};
pub use error::{EngineError, EngineResult};
pub(crate) use error::{refuse, reply_text};
pub use events::{Event, Mention, MessageEvent, Person, QuotedMessage, Sender};
pub use identity::{Identity, Linking};
pub use ingest::FOLD_EVERY;
pub use ingest::Ingest;
pub use kernel::{CHECKPOINT_EVERY, Kernel, run_checkpoints};
pub use membership::Memberships;
pub use payments::{PaidTime, Payments, Storefront};
pub use platform::{
    ChatPlatform, DropTarget, Invoice, OpenedQuestion, OutboundDrop, OutboundFile, OutboundMedia,
    PlatformError, Platforms, QuestionPlace, QuestionPost,
};
pub use points::Points;
pub use privacy::Privacy;
pub use questions::{QuestionView, Questions};
pub use ranking::Ranking;
pub use referrals::Referrals;
pub use scheduler::Scheduler;
pub use scheduler::TickOutcome;
pub use teams::Teams;
pub use web::{Cards, WebPages, WebSessions};

/// One community's bot: a facade over the services, each of which owns its state and names
/// the services it uses in its fields (see docs/architecture.md for the map).
pub struct Engine {
    kernel: Arc<Kernel>,
    identity: Arc<Identity>,
    activity: Arc<Activity>,
    ingest: Arc<Ingest>,
    points: Arc<Points>,
    membership: Arc<Memberships>,
    paid: Arc<PaidTime>,
    payments: Arc<Payments>,
    storefront: Arc<Storefront>,
    choices: Arc<Choices>,
    web: Arc<WebPages>,
    cards: Arc<Cards>,
    sessions: Arc<WebSessions>,
    operations: Arc<Operations>,
    subscribers: Arc<Subscribers>,
    broadcasts: Arc<Broadcasts>,
    referrals: Arc<Referrals>,
    certificates: Arc<Certificates>,
    questions: Arc<Questions>,
    drops: Arc<Drops>,
    commands: Arc<Commands>,
    scheduler: Arc<Scheduler>,
    backups: Arc<Backups>,
}

impl Engine {
    /// Builds the engine on an open store and loads the live leaderboards.
    pub async fn start(
        config: Config,
        store: Store,
        platforms: impl Into<Platforms>,
        clock: Arc<dyn Clock>,
    ) -> Result<Self, StoreError> {
        let season = store.active_season().await?;
        let metrics = Arc::new(metrics::Metrics::default());
        let kernel = Arc::new(Kernel::new(config, store, platforms.into(), clock, metrics));
        let k = || kernel.clone();
        let identity = Arc::new(Identity::new(k()));
        let ranking = Arc::new(Ranking::new(k(), identity.clone(), season));
        let activity = Arc::new(Activity::new(k()));
        let membership = Arc::new(Memberships::new(k(), identity.clone(), ranking.clone()));
        let points = Arc::new(Points::new(
            k(),
            identity.clone(),
            ranking.clone(),
            membership.clone(),
        ));
        let ingest = Arc::new(Ingest::new(k(), ranking.clone(), activity.clone()));
        let linking = Arc::new(Linking::new(
            k(),
            identity.clone(),
            ingest.clone(),
            ranking.clone(),
            membership.clone(),
        ));
        let paid = Arc::new(PaidTime::new(k(), membership.clone()));
        let payments = Arc::new(Payments::new(
            k(),
            identity.clone(),
            membership.clone(),
            paid.clone(),
        ));
        let storefront = Arc::new(Storefront::new(
            k(),
            identity.clone(),
            membership.clone(),
            paid.clone(),
        ));
        let drops = Arc::new(Drops::new(k(), membership.clone()));
        let courses = Arc::new(Courses::new(
            k(),
            membership.clone(),
            drops.clone(),
            ranking.clone(),
        ));
        let submissions = Arc::new(Submissions::new(k(), drops.clone(), ranking.clone()));
        let events = Arc::new(CommunityEvents::new(
            k(),
            membership.clone(),
            ranking.clone(),
        ));
        let questions = Arc::new(Questions::new(
            k(),
            identity.clone(),
            ranking.clone(),
            membership.clone(),
        ));
        let recommendations = Arc::new(Recommendations::new(
            k(),
            membership.clone(),
            questions.clone(),
        ));
        let choices = Arc::new(Choices::new(k(), membership.clone(), paid.clone()));
        let privacy = Arc::new(Privacy::new(
            k(),
            identity.clone(),
            ingest.clone(),
            ranking.clone(),
            membership.clone(),
            storefront.clone(),
        ));
        let backups = Arc::new(Backups::new(k()));
        let web = Arc::new(WebPages::new(
            k(),
            storefront.clone(),
            identity.clone(),
            ranking.clone(),
            membership.clone(),
            drops.clone(),
        ));
        let cards = Arc::new(Cards::new(
            k(),
            ranking.clone(),
            web.clone(),
            membership.clone(),
        ));
        let sessions = Arc::new(WebSessions::new(
            k(),
            identity.clone(),
            membership.clone(),
            web.clone(),
        ));
        let operations = Arc::new(Operations::new(k(), membership.clone(), paid.clone()));
        let subscribers = Arc::new(Subscribers::new(
            k(),
            membership.clone(),
            storefront.clone(),
        ));
        let broadcasts = Arc::new(Broadcasts::new(k(), activity.clone()));
        let referrals = Arc::new(Referrals::new(
            k(),
            ranking.clone(),
            membership.clone(),
            paid.clone(),
        ));
        let certificates = Arc::new(Certificates::new(k(), cards.clone(), courses.clone()));
        let teams = Arc::new(Teams::new(
            k(),
            identity.clone(),
            membership.clone(),
            storefront.clone(),
        ));
        let scheduler = Arc::new(Scheduler {
            kernel: k(),
            ranking: ranking.clone(),
            membership: membership.clone(),
            drops: drops.clone(),
            events: events.clone(),
            recommendations: recommendations.clone(),
            privacy: privacy.clone(),
            referrals: referrals.clone(),
            teams: teams.clone(),
            questions: questions.clone(),
        });
        let commands = Arc::new(Commands {
            kernel: k(),
            ranking: ranking.clone(),
            points: points.clone(),
            membership: membership.clone(),
            storefront: storefront.clone(),
            drops: drops.clone(),
            courses,
            submissions,
            events,
            recommendations,
            privacy,
            linking,
            sessions: sessions.clone(),
            cards: cards.clone(),
            broadcasts: broadcasts.clone(),
            referrals: referrals.clone(),
            teams,
            certificates: certificates.clone(),
            questions: questions.clone(),
        });
        // Made now, so pages that link a drop's files read it without writing.
        kernel.store.payment_secret().await?;
        broadcasts.recover().await?;

        questions.load_places().await?;
        let recovered = kernel.store.recover_interrupted().await?;
        if recovered > 0 {
            tracing::warn!(
                recovered,
                "deliveries interrupted by a crash will be sent again"
            );
        }
        let now = kernel.now();
        let mut tx = kernel.store.begin().await?;
        for course in &kernel.config.courses {
            tx.upsert_course(&course.id, &course.title, course.tier.as_deref(), now)
                .await?;
        }
        tx.commit().await?;
        let taken = kernel
            .store
            .save_config_promos(&kernel.config.promos, now)
            .await?;
        if !taken.is_empty() {
            tracing::warn!(
                codes = ?taken,
                "promo codes in the config file were made in chat already; the chat ones stand \
                 (rename the file's)"
            );
        }
        // No other task can see the engine yet, so no lock is needed to load the boards.
        ranking.ensure_live(&ranking.period_boards_at(now)).await?;
        Ok(Self {
            kernel,
            identity,
            activity,
            ingest,
            points,
            membership,
            paid,
            payments,
            storefront,
            choices,
            web,
            cards,
            sessions,
            operations,
            subscribers,
            broadcasts,
            referrals,
            certificates,
            questions,
            drops,
            commands,
            scheduler,
            backups,
        })
    }

    /// Sells plans by card through `provider` (Stripe), beside Telegram Stars.
    #[must_use]
    pub fn with_card_payments(self, provider: Arc<dyn payments::CardPayments>) -> Self {
        self.paid.set_card_payments(provider);
        self
    }

    /// Runs the engine's background work until `stop` turns true: the scheduler, the award
    /// log's fold, scheduled backups and the database's checkpoints, after reading the boards' names into memory. Adapters run beside it;
    /// [`Engine::shutdown`] comes after both stopped.
    pub async fn run(self: Arc<Self>, stop: watch::Receiver<bool>) {
        let names = async {
            if let Err(e) = self.identity.load_board_names().await {
                tracing::warn!(error = %e, "board names stay in the database: loading them failed");
            }
        };
        tokio::join!(
            self.scheduler.clone().run_scheduler(stop.clone()),
            self.ingest.clone().run_folds(stop.clone()),
            self.backups.clone().run_backups(stop.clone()),
            self.broadcasts.clone().run_broadcasts(stop.clone()),
            self.kernel.run_checkpoints(stop),
            names
        );
    }

    /// Handles one event; returns the reply to post in the event's chat, if any.
    pub async fn handle(&self, mut event: Event) -> Option<String> {
        // Names are cleaned once, here, before anything stores or repeats them.
        event.clean_names();
        match event {
            // Counted by kind (a message or a command) once it is read.
            Event::Message(message) => self.handle_message(message).await,
            Event::MemberJoined { chat, person, at } => {
                self.kernel.metrics.event("member_joined", chat.platform);
                if !person.is_bot
                    && self.kernel.config.chats.is_community(&chat)
                    && let Err(e) = self.identity.member_of(&person, at).await
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
        let writer = self.kernel.lock_writer().await;
        self.ingest.commit_queued_awards(writer).await;
        if let Err(e) = self.activity.flush_activity().await {
            tracing::warn!(error = ?e, "the last second's activity counts were not written");
        }
        let _writer = self.kernel.lock_writer().await;
        self.kernel.store.close().await;
    }
}
