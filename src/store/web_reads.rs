//! Reads only the web pages make: a search of visible members by name, a place on an archived
//! board, the drops a member rated, and a member's recent ledger for the XP-by-source chart.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::error::During;
use super::ledger::LedgerKind;
use super::{DropRow, Result, Store, from_millis, millis};
use crate::core::ids::MemberId;
use crate::core::periods::Board;
use crate::core::rank_index::Standing;

impl Store {
    /// Members not hidden or erased whose name contains `query` (any case): (id, name, XP).
    pub async fn visible_members_named(
        &self,
        query: &str,
        limit: usize,
    ) -> Result<Vec<(MemberId, String, i64)>> {
        let rows: Vec<(i64, String, i64)> = sqlx::query_as(
            "SELECT id, display_name, xp FROM members WHERE hidden = 0 AND erased_at IS NULL \
             AND instr(lower(display_name), lower(?)) > 0 ORDER BY xp DESC, id LIMIT ?",
        )
        .bind(query)
        .bind(i64::try_from(limit).unwrap_or(i64::MAX))
        .fetch_all(&self.pool)
        .await
        .during("visible_members_named")?;
        Ok(rows
            .into_iter()
            .map(|(id, name, xp)| (MemberId(id), name, xp))
            .collect())
    }

    /// The place of `standing` on an archived (season) board: 1 + visible members ahead.
    pub async fn archived_place(&self, board: &Board, standing: &Standing) -> Result<usize> {
        let ahead: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM period_scores p JOIN members m ON m.id = p.member_id \
             WHERE p.board = ?1 AND m.hidden = 0 AND p.xp > 0 AND (p.xp > ?2 \
             OR (p.xp = ?2 AND (p.reached_at < ?3 OR (p.reached_at = ?3 AND p.member_id < ?4))))",
        )
        .bind(board.key())
        .bind(standing.score())
        .bind(standing.reached_at())
        .bind(standing.member().0)
        .fetch_one(&self.pool)
        .await
        .during("archived_place")?;
        Ok(usize::try_from(ahead).unwrap_or(0) + 1)
    }

    /// The drops `member` rated, newest rating first, with the stars given.
    pub async fn ratings_by(&self, member: MemberId) -> Result<Vec<(DropRow, u8)>> {
        let rated: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT drop_id, stars FROM ratings WHERE member_id = ? ORDER BY at DESC LIMIT 50",
        )
        .bind(member.0)
        .fetch_all(&self.pool)
        .await
        .during("ratings_by")?;
        let mut out = Vec::new();
        for (drop, stars) in rated {
            if let Some(row) = self.drop_by_id(drop).await? {
                out.push((row, u8::try_from(stars).unwrap_or(0)));
            }
        }
        Ok(out)
    }

    /// The member's ledger rows since `since`: (kind, XP, when).
    pub async fn ledger_since(
        &self,
        member: MemberId,
        since: DateTime<Utc>,
    ) -> Result<Vec<(Option<LedgerKind>, i64, DateTime<Utc>)>> {
        self.settle().await.during("ledger_since")?;
        let rows = sqlx::query(
            "SELECT kind, delta_xp, at FROM ledger WHERE member_id = ? AND at >= ? ORDER BY id",
        )
        .bind(member.0)
        .bind(millis(since))
        .fetch_all(&self.pool)
        .await
        .during("ledger_since")?;
        Ok(rows
            .iter()
            .map(|row| {
                let kind: String = row.get("kind");
                (
                    LedgerKind::parse(&kind),
                    row.get::<i64, _>("delta_xp"),
                    from_millis(row.get::<i64, _>("at")),
                )
            })
            .collect())
    }
}
