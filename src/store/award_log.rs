//! The award log, message XP's write path. A group commit appends its awards to `award_log`
//! (rows in sequence, so a whole batch shares a page or two) instead of updating four random
//! pages per award; about once a second the log is folded into `members`, the ledger's day rows
//! and `period_scores` in one transaction, where a second of chat shares pages. An award is
//! durable once appended; the fold moves it, in the same transaction that deletes it.
//!
//! Every other write transaction folds first ([`Store::begin`]), and reads of scores settle
//! first ([`Store::settle`]), so no decision and no reply ever sees a total without its logged
//! awards. To decide a batch (level-ups, the cooldown) without folding, each process keeps
//! [`PendingAwards`]: the log's unfolded rows summed per member, checked against the log's
//! `MAX(seq)` inside every append, so a log another process changed is re-read.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use super::{Result, Store, WriteTx};

/// What one process knows of the log, shared by its store handles.
pub(crate) type SharedLog = Arc<Mutex<PendingAwards>>;

/// How often a non-empty log is folded when nothing else folds it first.
const FOLD_EVERY: Duration = Duration::from_secs(1);

/// Unfolded awards of one member.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Pending {
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
pub(crate) struct LoggedAward {
    pub member: i64,
    pub xp: i64,
    pub at: i64,
}

/// The log's unfolded rows summed per member, valid while the log's `MAX(seq)`
/// equals `seen` (a seq is never reused, so equal means unchanged).
#[derive(Debug, Default)]
pub(crate) struct PendingAwards {
    /// `MAX(seq)` of the log this state describes (`None`: empty); `known` false after a
    /// failed commit, when the state may not match the file.
    seen: Option<i64>,
    known: bool,
    rows: usize,
    members: HashMap<i64, Pending>,
}

/// A change to the overlay, applied when its transaction commits.
#[derive(Debug)]
pub(crate) enum LogChange {
    Appended { rows: Vec<LoggedAward>, seq: i64 },
    Folded,
}

impl PendingAwards {
    pub(crate) fn fresh() -> Self {
        Self {
            known: true,
            ..Self::default()
        }
    }

    fn matches(&self, max_seq: Option<i64>) -> bool {
        self.known && self.seen == max_seq
    }

    pub(crate) fn is_empty(&self) -> bool {
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
            LogChange::Appended { rows, seq } => {
                for row in &rows {
                    self.add(row);
                }
                self.seen = Some(seq);
            }
            LogChange::Folded => *self = Self::fresh(),
        }
    }

    pub(crate) fn member(&self, id: i64) -> Option<Pending> {
        self.members.get(&id).copied()
    }
}

pub(crate) fn lock(log: &SharedLog) -> MutexGuard<'_, PendingAwards> {
    // A panic elsewhere while holding it cannot leave a half-applied change: changes are
    // applied whole, and a failed commit marks the state unknown.
    log.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl WriteTx {
    async fn log_max_seq(&mut self) -> Result<Option<i64>> {
        Ok(sqlx::query_scalar("SELECT MAX(seq) FROM award_log")
            .fetch_one(&mut *self.tx)
            .await?)
    }

    /// Makes this process's overlay describe the log as this transaction sees it, given the
    /// log's `MAX(seq)` read in this transaction.
    pub(crate) async fn sync_award_log(&mut self, max_seq: Option<i64>) -> Result<()> {
        if lock(&self.log).matches(max_seq) {
            return Ok(());
        }
        let rows: Vec<(i64, i64, i64)> =
            sqlx::query_as("SELECT member_id, xp, at FROM award_log ORDER BY seq")
                .fetch_all(&mut *self.tx)
                .await?;
        let mut fresh = PendingAwards::fresh();
        for (member, xp, at) in rows {
            fresh.add(&LoggedAward { member, xp, at });
        }
        fresh.seen = max_seq;
        *lock(&self.log) = fresh;
        Ok(())
    }

    /// Appends awarded messages (JSON rows `[member, xp, day, at, [board, ...]]`).
    pub(crate) async fn append_awards(
        &mut self,
        json_rows: String,
        rows: Vec<LoggedAward>,
    ) -> Result<()> {
        let done = sqlx::query(
            "INSERT INTO award_log (member_id, xp, day, at, boards) \
             SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), \
             json_extract(value, '$[3]'), json_extract(value, '$[4]') FROM json_each(?)",
        )
        .bind(json_rows)
        .execute(&mut *self.tx)
        .await?;
        self.staged.push(LogChange::Appended {
            rows,
            seq: done.last_insert_rowid(),
        });
        Ok(())
    }

    /// Moves every logged award into the member totals, the ledger's day rows and the period
    /// boards, and empties the log; a no-op on an empty log.
    pub(crate) async fn fold_award_log(&mut self) -> Result<()> {
        if self.log_max_seq().await?.is_none() {
            if !lock(&self.log).is_empty() {
                self.staged.push(LogChange::Folded); // another process folded ours
            }
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
        .await?;
        sqlx::query(
            "INSERT INTO ledger (member_id, delta_xp, delta_balance, kind, reference, at) \
             SELECT member_id, SUM(xp), SUM(xp), 'message', day, MAX(at) FROM award_log WHERE true \
             GROUP BY member_id, day \
             ON CONFLICT (member_id, reference) WHERE kind = 'message' DO UPDATE SET \
             delta_xp = delta_xp + excluded.delta_xp, delta_balance = delta_balance + excluded.delta_balance, \
             at = excluded.at",
        )
        .execute(&mut *self.tx)
        .await?;
        // One statement per board with its key bound: the log holds one or two sets of boards
        // (a week and a month, a season), and matching the key as text is cheaper than
        // expanding every row's JSON.
        let sets: Vec<String> = sqlx::query_scalar("SELECT DISTINCT boards FROM award_log")
            .fetch_all(&mut *self.tx)
            .await?;
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
            .await?;
        }
        sqlx::query("DELETE FROM award_log")
            .execute(&mut *self.tx)
            .await?;
        self.staged.push(LogChange::Folded);
        Ok(())
    }

    /// Applies the overlay changes of this transaction, then commits. The write lock is still
    /// held while the overlay changes, so no other transaction sees it half way; if the commit
    /// fails, the overlay is marked unknown and re-read by the next append.
    pub async fn commit(self) -> Result<()> {
        let WriteTx { tx, log, staged } = self;
        if !staged.is_empty() {
            let mut pending = lock(&log);
            for change in staged {
                pending.apply(change);
            }
        }
        if let Err(e) = tx.commit().await {
            lock(&log).known = false;
            return Err(e.into());
        }
        Ok(())
    }
}

impl Store {
    /// Folds the award log if it holds anything, so that reads of totals, the ledger and
    /// period scores include every committed award.
    pub async fn settle(&self) -> Result<()> {
        let pending = !lock(&self.log).is_empty()
            || sqlx::query_scalar::<_, bool>("SELECT EXISTS (SELECT 1 FROM award_log)")
                .fetch_one(&self.pool)
                .await?;
        if pending {
            self.begin().await?.commit().await?;
        }
        Ok(())
    }
}

/// Folds this process's awards every [`FOLD_EVERY`] until the store closes, so the log stays
/// about a second long even when no other write comes by.
pub(crate) async fn fold_in_background(store: Store) {
    loop {
        tokio::time::sleep(FOLD_EVERY).await;
        if store.writer.is_closed() {
            return;
        }
        if lock(&store.log).is_empty() {
            continue;
        }
        let started = std::time::Instant::now();
        match store.begin().await {
            Ok(tx) => match tx.commit().await {
                Ok(()) => tracing::debug!(
                    micros = started.elapsed().as_micros() as u64,
                    "award log folded"
                ),
                Err(e) => tracing::warn!(error = %e, "folding the award log failed; retrying"),
            },
            Err(e) if store.writer.is_closed() => {
                let _ = e;
                return;
            }
            Err(e) => tracing::warn!(error = %e, "folding the award log failed; retrying"),
        }
    }
}
