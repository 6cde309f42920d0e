//! SQLite storage through sqlx: the only module with SQL. One [`Store`] per database file;
//! every read-then-write decision runs in one [`WriteTx`] opened with `BEGIN IMMEDIATE`, so two
//! writers never interleave and a decision is written whole or not at all.
//!
//! Times are stored as UTC milliseconds; community days as `YYYY-MM-DD` text.

mod accounts;
mod adapter_state;
mod analytics;
mod award_log;
pub mod backup;
mod billing;
mod boards;
mod broadcasts;
/// Synthetic communities for `steward bench` and the tests: not in a production build.
#[cfg(feature = "bulk")]
pub mod bulk;
mod certificates;
mod courses;
mod deliveries;
mod drop_media;
mod drops;
mod erase;
mod error;
mod events;
mod feedback;
mod gift_codes;
mod import;
mod languages;
mod ledger;
mod link;
mod logged;
pub mod media_files;
mod member_data;
mod memberships;
mod message_batch;
mod payments;
mod process_lock;
mod promos;
mod question_reads;
mod questions;
mod recommend;
mod referrals;
mod retention;
mod scores;
mod seasons;
mod segments;
mod stats;
mod submission_media;
mod submissions;
mod subscribers;
mod tags;
mod team_seats;
mod teams;
mod thanks;
mod upgrade;
mod web_reads;
mod web_sessions;

use std::marker::PhantomData;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, SqlitePool, Transaction};

pub use accounts::MemberRow;
#[cfg(feature = "bulk")]
pub use analytics::SyntheticYear;
pub use analytics::{
    ChatDayActivity, CounterRow, DayActivity, DropQualityRow, MembershipNow, PayingMembers,
    PaymentFact, TopRow,
};
pub use boards::BoardRow;
pub use broadcasts::{BroadcastDeliveryRow, BroadcastOutcome, BroadcastStatus};
pub use certificates::NewCertificate;
pub use courses::CourseRow;
pub use deliveries::{AttemptResult, DeliveryRow};
pub use drop_media::StoredMedia;
pub use drops::{DropRow, NewDrop, SourceMessage};
pub use erase::{Erased, ErasureBy};
use error::During;
pub use error::StoreError;
pub use events::{EventRow, NewEventRow};
pub use feedback::FeedbackRow;
pub use gift_codes::{BoughtCode, GiftCodeRow};
pub use import::ImportOutcome;
pub use languages::MemberLanguages;
pub use ledger::{LedgerEntry, LedgerKind};
pub use link::MergeOutcome;
pub use member_data::{MEMBER_TABLES, MemberTable};
pub use memberships::{HeldMembership, MembershipEvent};
pub use payments::{PaymentRow, SubscriptionRow};
pub use promos::{PromoRow, PromoUse};
pub use questions::{AnswerRow, NewAnswer, NewQuestion, QuestionQuery, QuestionRow};
pub use referrals::{DueReferral, ReferralStats};
pub use retention::Pruned;
pub use scores::Award;
pub use seasons::Season;
pub use segments::SegmentMemberRow;
pub use stats::CommunityCounts;
pub use submissions::SubmissionRow;
pub use subscribers::{PaidTotal, SubscriberQuery, SubscriberRow};
pub use team_seats::SeatRow;
pub use teams::{NewTeam, TeamPayment};
pub use web_sessions::{NewWebLogin, WebLoginRow, WebSessionRow};

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// The database of one community.
#[derive(Clone)]
pub struct Store {
    /// Readers (and the odd single-statement write).
    pool: SqlitePool,
    /// The one connection every write transaction runs on. SQLite discards a connection's
    /// page cache whenever another connection committed, so writes that rotated over the
    /// pool started every transaction cold; on one connection the hot pages stay cached.
    writer: SqlitePool,
    /// The unfolded award log, summed per member.
    log: award_log::SharedLog,
    /// This process's claim on the file; see `process_lock.rs`.
    lock: process_lock::ProcessLock,
    /// The copy made before this open migrated the file, if it did.
    upgrade_backup: Option<PathBuf>,
}

/// One read-then-write transaction (`BEGIN IMMEDIATE`). Dropped without [`WriteTx::commit`], it
/// rolls back. Its type says whether it sees folded totals: a [`Settled`] one (from
/// [`Store::begin`]) folded the award log first, so every score it reads or writes is whole;
/// an [`UnsettledTx`] (from [`Store::begin_unsettled`]) left the log alone and offers only what
/// needs no total: appending message awards, accounts.
pub struct WriteTx<S = Settled> {
    tx: Transaction<'static, Sqlite>,
    log: award_log::SharedLog,
    /// Changes to the award log overlay, applied at commit.
    staged: Vec<award_log::LogChange>,
    kind: PhantomData<S>,
}

/// A transaction that folded the award log before its first read.
pub struct Settled;

/// A transaction that left the award log as it is.
pub struct Unsettled;

/// See [`WriteTx`].
pub type UnsettledTx = WriteTx<Unsettled>;

impl Store {
    /// Opens (creating if missing) the database file and applies pending migrations, first
    /// copying a database that has some beside itself (`upgrade.rs`). Refused while another
    /// process has it open, and for a database from a newer Steward.
    pub async fn open(path: &Path) -> Result<Self> {
        Self::open_with(path, true).await
    }

    /// [`Store::open`], copying the file before migrating only when `backup_first`.
    pub async fn open_with(path: &Path, backup_first: bool) -> Result<Self> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::Open {
                path: path.to_path_buf(),
                source: sqlx::Error::Io(source),
            })?;
        }
        let lock = process_lock::ProcessLock::acquire(path)?;
        let options = SqliteConnectOptions::from_str("sqlite:")
            .map_err(|source| StoreError::Open {
                path: path.to_path_buf(),
                source,
            })?
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            // Statement journals of multi-row upserts stay in memory instead of temp files.
            .pragma("temp_store", "memory")
            // Checkpoints run beside the writers (`Store::checkpoint`, which the engine runs
            // about four times a second), not inside whichever commit crosses the threshold.
            .pragma("wal_autocheckpoint", "0")
            .busy_timeout(Duration::from_secs(10));
        let connect = |connections: u32, options: SqliteConnectOptions| {
            SqlitePoolOptions::new()
                .max_connections(connections)
                // A local file needs no liveness ping before each use; it would cost a round
                // trip to the connection's worker thread on every transaction.
                .test_before_acquire(false)
                .connect_with(options)
        };
        let open_error = |source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        };
        // The writer keeps the pages awards touch (members, ledger and board rows) cached:
        // 32 MiB covers them at 100k members; memory grows only as pages are touched.
        let writer = connect(1, options.clone().pragma("cache_size", "-32768"))
            .await
            .map_err(open_error)?;
        let migrator = sqlx::migrate!("../../migrations");
        let upgrade_backup = upgrade::prepare(&writer, path, &migrator, backup_first).await?;
        migrator.run(&writer).await.during("open")?;
        // Readers keep 2 MiB of pages each. Board pages take names from the engine's memory,
        // so no reader needs much of the members table; the memory went to those names.
        // (Mapping the file was tried too: every page it touched counted as resident memory,
        // 184 MB at a million members against a 100 MB budget.)
        let pool = connect(3, options.pragma("cache_size", "-2048"))
            .await
            .map_err(open_error)?;
        let store = Self {
            pool,
            writer,
            log: Arc::new(Mutex::new(award_log::PendingAwards::unknown())),
            lock,
            upgrade_backup,
        };
        // Awards logged before a crash are folded now, before anything reads a total.
        store.recover_award_log().await?;
        Ok(store)
    }

    /// Where this open copied the database before migrating it, if it did.
    #[must_use]
    pub fn upgrade_backup(&self) -> Option<&Path> {
        self.upgrade_backup.as_deref()
    }

    /// Starts a write transaction that holds SQLite's write lock from its first statement,
    /// with the award log folded in, so it reads and writes settled totals.
    pub async fn begin(&self) -> Result<WriteTx> {
        self.begin_unsettled().await.during("begin")?.settle().await
    }

    /// A write transaction that leaves the award log as it is: for message awards (which
    /// read through the log) and for writes that touch no score, ledger row or period board.
    pub async fn begin_unsettled(&self) -> Result<UnsettledTx> {
        let tx = self
            .writer
            .begin_with("BEGIN IMMEDIATE")
            .await
            .during("begin_unsettled")?;
        Ok(WriteTx {
            tx,
            log: self.log.clone(),
            staged: Vec::new(),
            kind: PhantomData,
        })
    }

    /// Copies committed WAL frames into the database file. PASSIVE never waits for readers or
    /// writers, so a commit never pays for a checkpoint (with SQLite's automatic checkpoints,
    /// one commit in every thousand pages did); durability is unchanged: a commit is durable
    /// once its frames are in the WAL either way. A closed store has nothing to copy.
    pub async fn checkpoint(&self) -> Result<()> {
        if self.pool.is_closed() {
            return Ok(());
        }
        match sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
            .execute(&self.pool)
            .await
        {
            Err(_) if self.pool.is_closed() => Ok(()),
            done => done.map(drop).during("checkpoint"),
        }
    }

    /// Whether [`Store::close`] ran.
    #[must_use]
    pub fn is_closed(&self) -> bool {
        self.pool.is_closed()
    }

    /// Folds the award log, waits for in-flight queries and closes every connection,
    /// checkpointing the WAL; then another process may open the file.
    pub async fn close(&self) {
        if let Err(e) = self.settle().await {
            // The log stays in the file and is folded at the next start.
            tracing::warn!(error = %e, "could not fold the award log before closing");
        }
        self.pool.close().await;
        self.writer.close().await;
        self.lock.release();
    }
}

pub fn millis(at: DateTime<Utc>) -> i64 {
    at.timestamp_millis()
}

pub fn from_millis(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

pub fn day_text(day: NaiveDate) -> String {
    steward_core::periods::day_key(day)
}

pub fn parse_day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}
