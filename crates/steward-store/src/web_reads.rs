//! Reads only the web pages make: an archived board's lines for a search by name, the drops a
//! member rated, and a member's recent ledger for the XP-by-source chart.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::error::During;
use super::ledger::LedgerKind;
use super::{DropRow, Result, Store, from_millis, millis};
use steward_core::ids::MemberId;
use steward_core::periods::Board;
use steward_core::rank_index::Standing;

impl Store {
    /// Every line of an archived (season) board, best first, with the member's name and
    /// all-time XP: what a search of it walks. Hidden members are left out, as on its pages.
    pub async fn archived_lines(&self, board: &Board) -> Result<Vec<(Standing, String, i64)>> {
        // One row of JSON, as in `board_rows`: a season may have many thousand lines.
        let found: String = sqlx::query_scalar(
            "SELECT coalesce(json_group_array(json_array(id, score, at, name, xp)), '[]') FROM \
             (SELECT p.member_id AS id, p.xp AS score, p.reached_at AS at, \
             m.display_name AS name, m.xp AS xp FROM period_scores p \
             JOIN members m ON m.id = p.member_id \
             WHERE p.board = ? AND p.xp > 0 AND m.hidden = 0 \
             ORDER BY p.xp DESC, p.reached_at, p.member_id)",
        )
        .bind(board.key())
        .fetch_one(&self.pool)
        .await
        .during("archived_lines")?;
        let found: Vec<(i64, i64, i64, String, i64)> =
            serde_json::from_str(&found).unwrap_or_default();
        let mut lines: Vec<(Standing, String, i64)> = found
            .into_iter()
            .map(|(id, score, at, name, xp)| (Standing::new(MemberId(id), score, at), name, xp))
            .collect();
        // The board's order (a standing's order is the ORDER BY above), whatever the aggregate did.
        lines.sort_unstable_by_key(|line| line.0);
        Ok(lines)
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
        // The award log's unfolded message awards follow the ledger's rows, in one statement
        // (one snapshot): a read never folds.
        let rows = sqlx::query(
            "SELECT kind, delta_xp, at FROM ( \
             SELECT kind, delta_xp, at, 0 AS part, id AS seq FROM ledger WHERE member_id = ?1 AND at >= ?2 \
             UNION ALL SELECT 'message', xp, at, 1, seq FROM award_log WHERE member_id = ?1 AND at >= ?2) \
             ORDER BY part, seq",
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
