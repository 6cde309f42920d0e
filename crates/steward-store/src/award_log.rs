//! The award log, message XP's write path. A group commit appends its awards to `award_log`
//! (rows in sequence, so a whole batch shares a page or two) instead of updating four random
//! pages per award; about once a second the log is folded into `members`, the ledger's day rows
//! and `period_scores` in one transaction, where a second of chat shares pages. An award is
//! durable once appended; the fold moves it, in the same transaction that deletes it.
//!
//! Every other write transaction folds first ([`Store::begin`]), and reads of scores settle
//! first ([`Store::settle`]), so no decision and no reply ever sees a total without its logged
//! awards. To decide a batch (level-ups, the cooldown) without folding, the store keeps
//! [`PendingAwards`]: the log's unfolded rows summed per member. Only one process opens a
//! database file (`process_lock.rs`), so that sum is the log's whole truth; after a failed
//! commit, or at open (a crash may have left rows), it is read from the table again.

use std::collections::HashMap;
use std::marker::PhantomData;
use std::sync::{Arc, Mutex, MutexGuard};

use super::LedgerKind;
use super::error::During;
use super::{Result, Store, StoreError, UnsettledTx, WriteTx};
use steward_core::analytics::Counter;

/// What one process knows of the log, shared by its store handles.
pub type SharedLog = Arc<Mutex<PendingAwards>>;

/// Unfolded awards of one member.
#[derive(Debug, Clone, Copy, Default)]
pub struct Pending {
    pub xp: i64,
    pub last_at: i64,
    /// When the XP last grew (zero-XP awards only start the cooldown).
    pub reached: Option<i64>,
}

impl Pending {
    fn add(&mut self, xp: i64, at: i64) {
        self.xp += xp;
        self.last_at = self.last_at.max(at);
        if xp > 0 {
            self.reached = Some(at);
        }
    }
}

/// One appended row, as the overlay needs it.
#[derive(Debug, Clone)]
pub struct LoggedAward {
    pub member: i64,
    pub xp: i64,
    pub at: i64,
}

/// The log's unfolded rows summed per member.
#[derive(Debug, Default)]
pub struct PendingAwards {
    /// False at open and after a failed commit, when the sums may not match the file.
    known: bool,
    rows: usize,
    members: HashMap<i64, Pending>,
}

/// A change to the overlay, applied when its transaction commits.
#[derive(Debug)]
pub enum LogChange {
    Appended(Vec<LoggedAward>),
    Folded,
}

impl PendingAwards {
    /// An empty log, as after a fold.
    pub fn fresh() -> Self {
        Self {
            known: true,
            ..Self::default()
        }
    }

    /// Not known yet: read from the table before use.
    pub fn unknown() -> Self {
        Self::default()
    }

    pub fn is_empty(&self) -> bool {
        self.known && self.rows == 0
    }

    fn add(&mut self, row: &LoggedAward) {
        self.rows += 1;
        self.members
            .entry(row.member)
            .or_default()
            .add(row.xp, row.at);
    }

    fn apply(&mut self, change: LogChange) {
        match change {
            LogChange::Appended(rows) => {
                for row in &rows {
                    self.add(row);
                }
            }
            LogChange::Folded => *self = Self::fresh(),
        }
    }

    pub fn member(&self, id: i64) -> Option<Pending> {
        self.members.get(&id).copied()
    }
}

pub fn lock(log: &SharedLog) -> MutexGuard<'_, PendingAwards> {
    // A panic elsewhere while holding it cannot leave a half-applied change: changes are
    // applied whole, and a failed commit marks the state unknown.
    log.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl UnsettledTx {
    /// Reads the log's rows into the sums when they are not known (at open, after a failed
    /// commit).
    pub async fn sync_award_log(&mut self) -> Result<()> {
        if lock(&self.log).known {
            return Ok(());
        }
        let rows: Vec<(i64, i64, i64)> =
            sqlx::query_as("SELECT member_id, xp, at FROM award_log ORDER BY seq")
                .fetch_all(&mut *self.tx)
                .await
                .during("sync_award_log")?;
        let mut fresh = PendingAwards::fresh();
        for (member, xp, at) in rows {
            fresh.add(&LoggedAward { member, xp, at });
        }
        *lock(&self.log) = fresh;
        Ok(())
    }

    /// Appends awarded messages (JSON rows `[member, xp, day, at, [board, ...]]`).
    pub async fn append_awards(&mut self, json_rows: String, rows: Vec<LoggedAward>) -> Result<()> {
        sqlx::query(
            "INSERT INTO award_log (member_id, xp, day, at, boards) \
             SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), \
             json_extract(value, '$[3]'), json_extract(value, '$[4]') FROM json_each(?)",
        )
        .bind(json_rows)
        .execute(&mut *self.tx)
        .await.during("append_awards")?;
        self.staged.push(LogChange::Appended(rows));
        Ok(())
    }

    /// Folds the log: from here on the transaction reads whole totals.
    pub async fn settle(mut self) -> Result<WriteTx> {
        self.fold_award_log().await.during("settle")?;
        let WriteTx {
            tx, log, staged, ..
        } = self;
        Ok(WriteTx {
            tx,
            log,
            staged,
            kind: PhantomData,
        })
    }

    /// Moves every logged award into the member totals, the ledger's day rows and the period
    /// boards, and empties the log; a no-op on an empty log.
    async fn fold_award_log(&mut self) -> Result<()> {
        if lock(&self.log).is_empty() {
            return Ok(());
        }
        sqlx::query(
            "INSERT INTO members (id, display_name, xp, balance, xp_reached_at, last_message_xp_at, created_at) \
             SELECT member_id, '', SUM(xp), SUM(xp), COALESCE(MAX(CASE WHEN xp > 0 THEN at END), 0), MAX(at), 0 \
             FROM award_log WHERE true GROUP BY member_id \
             ON CONFLICT (id) DO UPDATE SET xp = xp + excluded.xp, balance = balance + excluded.balance, \
             xp_reached_at = CASE WHEN excluded.xp > 0 THEN excluded.xp_reached_at ELSE xp_reached_at END, \
             last_message_xp_at = MAX(COALESCE(last_message_xp_at, 0), excluded.last_message_xp_at)",
        )
        .execute(&mut *self.tx)
        .await.during("fold_award_log")?;
        sqlx::query(
            "INSERT INTO ledger (member_id, delta_xp, delta_balance, kind, reference, at) \
             SELECT member_id, SUM(xp), SUM(xp), 'message', day, MAX(at) FROM award_log WHERE true \
             GROUP BY member_id, day \
             ON CONFLICT (member_id, reference) WHERE kind = 'message' DO UPDATE SET \
             delta_xp = delta_xp + excluded.delta_xp, delta_balance = delta_balance + excluded.delta_balance, \
             at = excluded.at",
        )
        .execute(&mut *self.tx)
        .await.during("fold_award_log")?;
        sqlx::query(
            "INSERT INTO stat_counters (name, period, value) \
             SELECT ?, day, SUM(xp) FROM award_log WHERE true GROUP BY day \
             ON CONFLICT (name, period) DO UPDATE SET value = value + excluded.value",
        )
        .bind(Counter::Xp(LedgerKind::Message.as_str().to_owned()).key())
        .execute(&mut *self.tx)
        .await
        .during("fold_award_log")?;
        // One statement per board with its key bound: the log holds one or two sets of boards
        // (a week and a month, a season), and matching the key as text is cheaper than
        // expanding every row's JSON.
        let sets: Vec<String> = sqlx::query_scalar("SELECT DISTINCT boards FROM award_log")
            .fetch_all(&mut *self.tx)
            .await
            .during("fold_award_log")?;
        let mut keys: Vec<String> = Vec::new();
        for set in sets {
            for key in serde_json::from_str::<Vec<String>>(&set)? {
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
        }
        for key in keys {
            sqlx::query(
                "INSERT INTO period_scores (board, member_id, xp, reached_at) \
                 SELECT ?1, member_id, SUM(xp), COALESCE(MAX(CASE WHEN xp > 0 THEN at END), MAX(at)) \
                 FROM award_log WHERE instr(boards, ?2) > 0 GROUP BY member_id \
                 ON CONFLICT (board, member_id) DO UPDATE SET xp = xp + excluded.xp, \
                 reached_at = CASE WHEN excluded.xp > 0 THEN excluded.reached_at ELSE reached_at END",
            )
            .bind(&key)
            .bind(serde_json::to_string(&key)?)
            .execute(&mut *self.tx)
            .await.during("fold_award_log")?;
        }
        sqlx::query("DELETE FROM award_log")
            .execute(&mut *self.tx)
            .await
            .during("fold_award_log")?;
        self.staged.push(LogChange::Folded);
        Ok(())
    }
}

impl<S> WriteTx<S> {
    /// Applies the overlay changes of this transaction, then commits. The write lock is still
    /// held while the overlay changes, so no other transaction sees it half way; if the commit
    /// fails, the overlay is marked unknown and re-read by the next append.
    pub async fn commit(self) -> Result<()> {
        let WriteTx {
            tx, log, staged, ..
        } = self;
        if !staged.is_empty() {
            let mut pending = lock(&log);
            for change in staged {
                pending.apply(change);
            }
        }
        if let Err(e) = tx.commit().await {
            lock(&log).known = false;
            return Err(StoreError::Query {
                op: "commit",
                source: e,
            });
        }
        Ok(())
    }
}

impl Store {
    /// Whether committed message awards wait in the log.
    #[must_use]
    pub fn has_unfolded_awards(&self) -> bool {
        !lock(&self.log).is_empty()
    }

    /// Whether `member` may have awards waiting in the log (always, while the log's sums are
    /// not known): a read adds the log only then, and otherwise costs one plain statement. An
    /// append that commits after this answer is simply not seen yet, as if the read came first.
    pub(crate) fn may_have_logged(&self, member: i64) -> bool {
        let log = lock(&self.log);
        !log.known || log.member(member).is_some()
    }

    /// At open: folds what a crash left in the log, or, with an empty log, only notes that
    /// (a read, not a write transaction).
    pub async fn recover_award_log(&self) -> Result<()> {
        let left: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM award_log)")
            .fetch_one(&self.writer)
            .await
            .during("recover_award_log")?;
        if left {
            self.settle().await
        } else {
            *lock(&self.log) = PendingAwards::fresh();
            Ok(())
        }
    }

    /// Folds the award log if it holds anything, so that reads of totals, the ledger and
    /// period scores include every committed award.
    pub async fn settle(&self) -> Result<()> {
        if self.has_unfolded_awards() {
            self.begin()
                .await
                .during("settle")?
                .commit()
                .await
                .during("settle")?;
        }
        Ok(())
    }
}
