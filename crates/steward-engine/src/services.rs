//! The facade's accessors: one per service an adapter or a test drives, and the database for
//! tests and `steward bench` to inspect. Adapters reach state only through these services,
//! which apply the access rules.

use std::sync::Arc;

use crate::store::Store;
use crate::{
    Backups, Broadcasts, Cards, Certificates, Choices, Drops, Engine, Identity, Ingest, Kernel,
    Memberships, Operations, Payments, Questions, Referrals, Scheduler, Storefront, Subscribers,
    WebPages, WebSessions,
};

impl Engine {
    /// The database, for tests and `steward bench` to inspect what the engine wrote.
    /// Adapters never use it: they reach state through the engine's methods, which apply the
    /// access rules.
    #[doc(hidden)]
    #[must_use]
    pub fn store(&self) -> &Store {
        &self.kernel.store
    }

    /// What every adapter shares: the community's language, a sender's language, the adapters'
    /// cursors, and the metrics.
    #[must_use]
    pub fn kernel(&self) -> &Kernel {
        &self.kernel
    }

    /// The data behind the web pages, read after the access rules.
    #[must_use]
    pub fn web(&self) -> &WebPages {
        &self.web
    }

    /// Rank cards as PNG.
    #[must_use]
    pub fn cards(&self) -> &Cards {
        &self.cards
    }

    /// Logging in to the web and sessions.
    #[must_use]
    pub fn sessions(&self) -> &WebSessions {
        &self.sessions
    }

    /// The dashboard, the overview and readiness.
    #[must_use]
    pub fn operations(&self) -> &Operations {
        &self.operations
    }

    /// The dashboard's subscriber list and the operator's actions on it.
    #[must_use]
    pub fn subscribers(&self) -> &Subscribers {
        &self.subscribers
    }

    /// Invite codes: the web's `?ref=` box, and the bot's name for deep links.
    #[must_use]
    pub fn referrals(&self) -> &Referrals {
        &self.referrals
    }

    /// Broadcasts to segments: started from the dashboard's segment pages, followed there.
    #[must_use]
    pub fn broadcasts(&self) -> &Broadcasts {
        &self.broadcasts
    }

    /// Course certificates' public pages.
    #[must_use]
    pub fn certificates(&self) -> &Certificates {
        &self.certificates
    }

    /// Drops' files on the web side, behind their signed links.
    #[must_use]
    pub fn drops(&self) -> &Drops {
        &self.drops
    }

    /// Questions: the web's list and the dashboard's figures.
    #[must_use]
    pub fn questions(&self) -> &Questions {
        &self.questions
    }

    /// Checkouts, payments, refunds and billing events from the payment providers.
    #[must_use]
    pub fn payments(&self) -> &Payments {
        &self.payments
    }

    /// Checkout and billing portal links for the web.
    #[must_use]
    pub fn storefront(&self) -> &Storefront {
        &self.storefront
    }

    /// What an adapter may offer someone to pick while typing (autocomplete).
    #[must_use]
    pub fn choices(&self) -> &Choices {
        &self.choices
    }

    /// Membership questions a platform asks (may this account join a private chat).
    #[must_use]
    pub fn membership(&self) -> &Memberships {
        &self.membership
    }

    /// Who is who; the board names' warm-up.
    #[must_use]
    pub fn identity(&self) -> &Identity {
        &self.identity
    }

    /// The award log's fold (run by [`Engine::run`]; tests and `steward bench` step it).
    #[must_use]
    pub fn ingest(&self) -> &Arc<Ingest> {
        &self.ingest
    }

    /// The scheduler (run by [`Engine::run`]; tests step it).
    #[must_use]
    pub fn scheduler(&self) -> &Arc<Scheduler> {
        &self.scheduler
    }

    /// Scheduled backups (run by [`Engine::run`]; tests step them).
    #[must_use]
    pub fn backups(&self) -> &Backups {
        &self.backups
    }
}
