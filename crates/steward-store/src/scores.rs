//! An award's rows: the member's totals and standings read inside the award's transaction,
//! and what the engine decided written back (member totals, the ledger row, the dashboard's
//! counts and every period board) in the same transaction. The decision is the core's
//! (`core::scoring::award`, `core::analytics::award_counts`); this file only reads and writes.

use chrono::{DateTime, NaiveDate, Utc};

use super::error::During;
use super::{LedgerKind, Result, StoreError, WriteTx, millis};
use steward_core::analytics::Counter;
use steward_core::ids::MemberId;
use steward_core::periods::Board;
use steward_core::rank_index::Standing;
use steward_core::scoring::{AwardOutcome, Totals};

/// One change of a member's XP and balance, as the ledger records it.
#[derive(Debug, Clone)]
pub struct Award<'a> {
    pub member: MemberId,
    pub kind: LedgerKind,
    pub reference: Option<String>,
    pub reason: Option<&'a str>,
    pub actor: Option<MemberId>,
    pub at: DateTime<Utc>,
    /// The community day of `at`: the day the dashboard counts it on.
    pub day: NaiveDate,
}

impl WriteTx {
    /// A member's totals, read inside this transaction.
    pub async fn totals(&mut self, member: MemberId) -> Result<Totals> {
        let (xp, balance, reached, hidden): (i64, i64, i64, i64) =
            sqlx::query_as("SELECT xp, balance, xp_reached_at, hidden FROM members WHERE id = ?")
                .bind(member.0)
                .fetch_optional(&mut *self.tx)
                .await
                .during("totals")?
                .ok_or(StoreError::NoSuchMember(member.0))?;
        Ok(Totals {
            standing: Standing::new(member, xp, reached),
            balance,
            hidden: hidden != 0,
        })
    }

    /// A member's standing on a period board (`None`: no score there yet), read inside this
    /// transaction.
    pub async fn period_standing(
        &mut self,
        board: &Board,
        member: MemberId,
    ) -> Result<Option<Standing>> {
        let found: Option<(i64, i64)> = sqlx::query_as(
            "SELECT xp, reached_at FROM period_scores WHERE board = ? AND member_id = ?",
        )
        .bind(board.key())
        .bind(member.0)
        .fetch_optional(&mut *self.tx)
        .await
        .during("period_standing")?;
        Ok(found.map(|(xp, reached)| Standing::new(member, xp, reached)))
    }

    /// Writes what an award decided: the member's totals and standings as `outcome` leaves
    /// them, one ledger row of the amounts applied, and the dashboard's `counts` on its day.
    pub async fn write_award(
        &mut self,
        award: &Award<'_>,
        outcome: &AwardOutcome,
        counts: &[(Counter, i64)],
    ) -> Result<()> {
        for change in &outcome.changes {
            let after = change.after;
            if change.board == Board::AllTime {
                sqlx::query(
                    "UPDATE members SET xp = ?, balance = ?, xp_reached_at = ? WHERE id = ?",
                )
                .bind(after.score())
                .bind(outcome.balance_after)
                .bind(after.reached_at())
                .bind(award.member.0)
                .execute(&mut *self.tx)
                .await
                .during("write_award")?;
            } else {
                sqlx::query(
                    "INSERT INTO period_scores (board, member_id, xp, reached_at) VALUES (?, ?, ?, ?) \
                     ON CONFLICT (board, member_id) DO UPDATE SET xp = excluded.xp, reached_at = excluded.reached_at",
                )
                .bind(change.board.key())
                .bind(award.member.0)
                .bind(after.score())
                .bind(after.reached_at())
                .execute(&mut *self.tx)
                .await
                .during("write_award")?;
            }
        }
        self.write_ledger(award, outcome.applied_xp, outcome.applied_balance)
            .await
            .during("write_award")?;
        let counts: Vec<_> = counts
            .iter()
            .map(|(counter, n)| (counter.clone(), award.day, *n))
            .collect();
        self.bump_counters(&counts).await.during("write_award")?;
        Ok(())
    }

    /// One ledger row per award. Message XP never comes this way: it reaches the ledger's
    /// per-day rows through the award log's fold.
    async fn write_ledger(&mut self, award: &Award<'_>, xp: i64, balance: i64) -> Result<()> {
        sqlx::query(
            "INSERT INTO ledger (member_id, delta_xp, delta_balance, kind, reference, reason, actor_member_id, at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        )
            .bind(award.member.0)
            .bind(xp)
            .bind(balance)
            .bind(award.kind.as_str())
            .bind(&award.reference)
            .bind(award.reason)
            .bind(award.actor.map(|a| a.0))
            .bind(millis(award.at))
            .execute(&mut *self.tx)
            .await.during("write_ledger")?;
        Ok(())
    }
}
