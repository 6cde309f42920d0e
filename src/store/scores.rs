//! Applying an award: member totals, the ledger row and every period board, in one transaction,
//! returning the standings before and after so the engine can update its rank index.

use chrono::{DateTime, Utc};

use super::{LedgerKind, Result, StoreError, WriteTx, millis};
use crate::core::ids::MemberId;
use crate::core::periods::Board;
use crate::core::rank_index::Standing;

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
    /// The period boards (week, month, season) this award counts towards; all-time always.
    pub boards: &'a [Board],
}

/// A member's place on one board before and after an award.
#[derive(Debug, Clone)]
pub struct BoardChange {
    pub board: Board,
    pub before: Option<Standing>,
    pub after: Standing,
}

/// What an award did.
#[derive(Debug, Clone)]
pub struct AwardOutcome {
    pub xp_before: i64,
    pub xp_after: i64,
    pub balance_after: i64,
    /// The amounts actually applied (smaller than asked when a removal hit zero).
    pub applied_xp: i64,
    pub applied_balance: i64,
    pub hidden: bool,
    /// All-time first, then the period boards in the order given.
    pub changes: Vec<BoardChange>,
}

/// A member's scores as read at the start of an award.
struct Current {
    xp: i64,
    balance: i64,
    reached: i64,
    hidden: i64,
    last_message: Option<i64>,
}

impl WriteTx {
    async fn current(&mut self, member: MemberId) -> Result<Current> {
        let (xp, balance, reached, hidden, last_message): (i64, i64, i64, i64, Option<i64>) = sqlx::query_as(
            "SELECT xp, balance, xp_reached_at, hidden, last_message_xp_at FROM members WHERE id = ?",
        )
        .bind(member.0)
        .fetch_optional(&mut *self.tx)
        .await?
        .ok_or(StoreError::NoSuchMember(member.0))?;
        Ok(Current {
            xp,
            balance,
            reached,
            hidden,
            last_message,
        })
    }

    pub async fn apply_award(&mut self, award: &Award<'_>) -> Result<AwardOutcome> {
        let current = self.current(award.member).await?;
        self.write_award(award, current).await
    }

    /// Applies message XP unless the member earned message XP after `cooldown_start` (the
    /// stored time decides, whatever any cache said); `None` when still in the cooldown.
    pub async fn apply_message_award(
        &mut self,
        award: &Award<'_>,
        cooldown_start: DateTime<Utc>,
    ) -> Result<Option<AwardOutcome>> {
        let current = self.current(award.member).await?;
        if current
            .last_message
            .is_some_and(|last| last > millis(cooldown_start))
        {
            return Ok(None);
        }
        self.write_award(award, current).await.map(Some)
    }

    async fn write_award(&mut self, award: &Award<'_>, current: Current) -> Result<AwardOutcome> {
        let at = millis(award.at);
        let Current {
            xp,
            balance,
            reached,
            hidden,
            ..
        } = current;
        let xp_after = xp.saturating_add(award.xp).max(0);
        let balance_after = balance.saturating_add(award.balance).max(0);
        let reached_after = if xp_after == xp { reached } else { at };
        let is_message = award.kind == LedgerKind::Message;
        sqlx::query(
            "UPDATE members SET xp = ?, balance = ?, xp_reached_at = ?, \
             last_message_xp_at = CASE WHEN ? THEN ? ELSE last_message_xp_at END WHERE id = ?",
        )
        .bind(xp_after)
        .bind(balance_after)
        .bind(reached_after)
        .bind(is_message)
        .bind(at)
        .bind(award.member.0)
        .execute(&mut *self.tx)
        .await?;

        let applied_xp = xp_after - xp;
        let applied_balance = balance_after - balance;
        self.write_ledger(award, applied_xp, applied_balance)
            .await?;

        let mut changes = vec![BoardChange {
            board: Board::AllTime,
            before: Some(Standing::new(award.member, xp, reached)),
            after: Standing::new(award.member, xp_after, reached_after),
        }];
        for board in award.boards {
            changes.push(self.add_to_board(board, award.member, award.xp, at).await?);
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

    async fn write_ledger(&mut self, award: &Award<'_>, xp: i64, balance: i64) -> Result<()> {
        let sql = if award.kind == LedgerKind::Message {
            // One row per member per day, growing with each awarded message.
            "INSERT INTO ledger (member_id, delta_xp, delta_balance, kind, reference, reason, actor_member_id, at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?) \
             ON CONFLICT (member_id, reference) WHERE kind = 'message' DO UPDATE SET \
             delta_xp = delta_xp + excluded.delta_xp, delta_balance = delta_balance + excluded.delta_balance, \
             at = excluded.at"
        } else {
            "INSERT INTO ledger (member_id, delta_xp, delta_balance, kind, reference, reason, actor_member_id, at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        };
        sqlx::query(sql)
            .bind(award.member.0)
            .bind(xp)
            .bind(balance)
            .bind(award.kind.as_str())
            .bind(&award.reference)
            .bind(award.reason)
            .bind(award.actor.map(|a| a.0))
            .bind(millis(award.at))
            .execute(&mut *self.tx)
            .await?;
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
        .await?;
        let (old_xp, old_at) = before.unwrap_or((0, at));
        let new_xp = old_xp.saturating_add(delta).max(0);
        let new_at = if new_xp == old_xp { old_at } else { at };
        sqlx::query(
            "INSERT INTO period_scores (board, member_id, xp, reached_at) VALUES (?, ?, ?, ?) \
             ON CONFLICT (board, member_id) DO UPDATE SET xp = excluded.xp, reached_at = excluded.reached_at",
        )
        .bind(&key)
        .bind(member.0)
        .bind(new_xp)
        .bind(new_at)
        .execute(&mut *self.tx)
        .await?;
        Ok(BoardChange {
            board: board.clone(),
            before: before.map(|(xp, at)| Standing::new(member, xp, at)),
            after: Standing::new(member, new_xp, new_at),
        })
    }
}
