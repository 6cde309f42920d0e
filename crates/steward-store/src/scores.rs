//! Applying an award: member totals, the ledger row and every period board, in one transaction,
//! returning the standings before and after so the engine can update its rank index.

use chrono::{DateTime, NaiveDate, Utc};

use super::error::During;
use super::{LedgerKind, Result, StoreError, WriteTx, millis};
use steward_core::analytics::Counter;
use steward_core::ids::MemberId;
use steward_core::periods::Board;
use steward_core::rank_index::Standing;
use steward_core::scoring::{AwardOutcome, BoardChange, moved};

/// One change of a member's XP and balance. Negative amounts take away, never below zero.
#[derive(Debug, Clone)]
pub struct Award<'a> {
    pub member: MemberId,
    pub xp: i64,
    pub balance: i64,
    pub kind: LedgerKind,
    pub reference: Option<String>,
    pub reason: Option<&'a str>,
    pub actor: Option<MemberId>,
    pub at: DateTime<Utc>,
    /// The community day of `at`: the day the dashboard counts it on.
    pub day: NaiveDate,
    /// The period boards (week, month, season) this award counts towards; all-time always.
    pub boards: &'a [Board],
}

/// A member's scores as read at the start of an award.
struct Current {
    xp: i64,
    balance: i64,
    reached: i64,
    hidden: i64,
}

impl WriteTx {
    async fn current(&mut self, member: MemberId) -> Result<Current> {
        let (xp, balance, reached, hidden): (i64, i64, i64, i64) =
            sqlx::query_as("SELECT xp, balance, xp_reached_at, hidden FROM members WHERE id = ?")
                .bind(member.0)
                .fetch_optional(&mut *self.tx)
                .await
                .during("current")?
                .ok_or(StoreError::NoSuchMember(member.0))?;
        Ok(Current {
            xp,
            balance,
            reached,
            hidden,
        })
    }

    pub async fn apply_award(&mut self, award: &Award<'_>) -> Result<AwardOutcome> {
        let current = self.current(award.member).await.during("apply_award")?;
        self.write_award(award, current).await
    }

    async fn write_award(&mut self, award: &Award<'_>, current: Current) -> Result<AwardOutcome> {
        let at = millis(award.at);
        let Current {
            xp,
            balance,
            reached,
            hidden,
        } = current;
        let before = Standing::new(award.member, xp, reached);
        let after = moved(Some(before), award.member, award.xp, at);
        let xp_after = after.score();
        let balance_after = balance.saturating_add(award.balance).max(0);
        sqlx::query("UPDATE members SET xp = ?, balance = ?, xp_reached_at = ? WHERE id = ?")
            .bind(xp_after)
            .bind(balance_after)
            .bind(after.reached_at())
            .bind(award.member.0)
            .execute(&mut *self.tx)
            .await
            .during("write_award")?;

        let applied_xp = xp_after - xp;
        let applied_balance = balance_after - balance;
        self.write_ledger(award, applied_xp, applied_balance)
            .await
            .during("write_award")?;
        let mut counts = Vec::new();
        if applied_xp != 0 {
            counts.push((
                Counter::Xp(award.kind.as_str().to_owned()),
                award.day,
                applied_xp,
            ));
        }
        if award.kind == LedgerKind::Redeem && applied_balance < 0 {
            counts.push((Counter::Spent, award.day, -applied_balance));
        }
        self.bump_counters(&counts).await.during("write_award")?;

        let mut changes = vec![BoardChange {
            board: Board::AllTime,
            before: Some(before),
            after,
        }];
        for board in award.boards {
            changes.push(
                self.add_to_board(board, award.member, award.xp, at)
                    .await
                    .during("write_award")?,
            );
        }
        Ok(AwardOutcome {
            xp_before: xp,
            xp_after,
            balance_after,
            applied_xp,
            applied_balance,
            hidden: hidden != 0,
            changes,
        })
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

    async fn add_to_board(
        &mut self,
        board: &Board,
        member: MemberId,
        delta: i64,
        at: i64,
    ) -> Result<BoardChange> {
        let key = board.key();
        let before: Option<(i64, i64)> = sqlx::query_as(
            "SELECT xp, reached_at FROM period_scores WHERE board = ? AND member_id = ?",
        )
        .bind(&key)
        .bind(member.0)
        .fetch_optional(&mut *self.tx)
        .await
        .during("add_to_board")?;
        let before = before.map(|(xp, reached)| Standing::new(member, xp, reached));
        let after = moved(before, member, delta, at);
        sqlx::query(
            "INSERT INTO period_scores (board, member_id, xp, reached_at) VALUES (?, ?, ?, ?) \
             ON CONFLICT (board, member_id) DO UPDATE SET xp = excluded.xp, reached_at = excluded.reached_at",
        )
        .bind(&key)
        .bind(member.0)
        .bind(after.score())
        .bind(after.reached_at())
        .execute(&mut *self.tx)
        .await.during("add_to_board")?;
        Ok(BoardChange {
            board: board.clone(),
            before,
            after,
        })
    }
}
