//! Reading leaderboards: whole boards to rebuild the in-memory rank index, single standings, the
//! rows of a page, and archived season tables.

use super::error::During;
use super::logged::{logged_on, with_logged};
use super::{Result, Store};
use steward_core::ids::MemberId;
use steward_core::periods::Board;
use steward_core::rank_index::Standing;

/// One line of a rendered leaderboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardRow {
    pub member: MemberId,
    pub name: String,
    /// The score on this board (period XP, or lifetime XP on the all-time board).
    pub score: i64,
    /// The member's lifetime XP (their level is the engine's to work out).
    pub lifetime_xp: i64,
}

impl Store {
    /// Every visible, non-zero standing on a board, in no particular order.
    pub async fn load_board(&self, board: &Board) -> Result<Vec<Standing>> {
        // One read transaction: the chunks and the award log's unfolded awards (added as the
        // fold would add them) come from one snapshot, and nothing is written.
        let mut snapshot = self.pool.begin().await.during("load_board")?;
        let mut standings = Vec::new();
        let mut after: i64 = 0;
        // Chunks of packed text ("id,xp,at;..."): one decoded row per 50,000 standings instead
        // of one per standing, which is what makes start-up at a million members affordable.
        loop {
            let (packed, last): (Option<String>, Option<i64>) = match board {
                Board::AllTime => {
                    sqlx::query_as(
                        "SELECT group_concat(id || ',' || xp || ',' || xp_reached_at, ';'), max(id) FROM \
                         (SELECT id, xp, xp_reached_at FROM members WHERE id > ? AND hidden = 0 AND xp > 0 \
                         ORDER BY id LIMIT 50000)",
                    )
                    .bind(after)
                    .fetch_one(&mut *snapshot)
                    .await.during("load_board")?
                }
                _ => {
                    sqlx::query_as(
                        "SELECT group_concat(member_id || ',' || xp || ',' || reached_at, ';'), max(member_id) FROM \
                         (SELECT p.member_id, p.xp, p.reached_at FROM period_scores p JOIN members m ON m.id = p.member_id \
                         WHERE p.board = ? AND p.member_id > ? AND p.xp > 0 AND m.hidden = 0 ORDER BY p.member_id LIMIT 50000)",
                    )
                    .bind(board.key())
                    .bind(after)
                    .fetch_one(&mut *snapshot)
                    .await.during("load_board")?
                }
            };
            let (Some(packed), Some(last)) = (packed, last) else {
                break;
            };
            standings.extend(packed.split(';').filter_map(unpack));
            after = last;
        }
        let logged = logged_on(&mut snapshot, board, None).await?;
        snapshot.rollback().await.during("load_board")?;
        Ok(with_logged(standings, &logged))
    }

    /// A member's standing on a board (zero if they have not scored on it).
    pub async fn standing(&self, board: &Board, member: MemberId) -> Result<Standing> {
        if !self.may_have_logged(member.0) {
            let row = self.folded_standing(&self.pool, board, member).await?;
            let (xp, at) = row.unwrap_or((0, 0));
            return Ok(Standing::new(member, xp, at));
        }
        let mut snapshot = self.pool.begin().await.during("standing")?;
        let row = self.folded_standing(&mut *snapshot, board, member).await?;
        let logged = logged_on(&mut snapshot, board, Some(member)).await?;
        snapshot.rollback().await.during("standing")?;
        let (xp, at) = match logged.first() {
            Some(awards) => awards.onto(row),
            None => row.unwrap_or((0, 0)),
        };
        Ok(Standing::new(member, xp, at))
    }

    /// A member's score and reached-at time on a board as the tables hold them.
    async fn folded_standing<'e>(
        &self,
        on: impl sqlx::SqliteExecutor<'e>,
        board: &Board,
        member: MemberId,
    ) -> Result<Option<(i64, i64)>> {
        Ok(match board {
            Board::AllTime => sqlx::query_as("SELECT xp, xp_reached_at FROM members WHERE id = ?")
                .bind(member.0)
                .fetch_optional(on)
                .await
                .during("standing")?,
            _ => sqlx::query_as(
                "SELECT xp, reached_at FROM period_scores WHERE board = ? AND member_id = ?",
            )
            .bind(board.key())
            .bind(member.0)
            .fetch_optional(on)
            .await
            .during("standing")?,
        })
    }

    /// Names and lifetime XP for the standings of a page, in the same order.
    pub async fn board_rows(&self, standings: &[Standing]) -> Result<Vec<BoardRow>> {
        let ids: Vec<i64> = standings.iter().map(|s| s.member().0).collect();
        // One row of JSON rather than a row per member: sqlx hands each row over from its
        // connection thread, which cost more than the lookups on a 100-member web page.
        // Lifetime XP counts the award log's unfolded awards too (a read never folds).
        let query = if self.has_unfolded_awards() {
            "SELECT coalesce(json_group_array(json_array(m.id, m.display_name, \
             m.xp + COALESCE(l.xp, 0))), '[]') FROM members m LEFT JOIN \
             (SELECT member_id, SUM(xp) AS xp FROM award_log \
             WHERE member_id IN (SELECT value FROM json_each(?1)) GROUP BY member_id) l \
             ON l.member_id = m.id WHERE m.id IN (SELECT value FROM json_each(?1))"
        } else {
            "SELECT coalesce(json_group_array(json_array(id, display_name, xp)), '[]') \
             FROM members WHERE id IN (SELECT value FROM json_each(?1))"
        };
        let found: String = sqlx::query_scalar(query)
            .bind(serde_json::json!(ids).to_string())
            .fetch_one(&self.pool)
            .await
            .during("board_rows")?;
        let found: Vec<(i64, String, i64)> = serde_json::from_str(&found).unwrap_or_default();
        let by_id: std::collections::HashMap<i64, (String, i64)> = found
            .into_iter()
            .map(|(id, name, xp)| (id, (name, xp)))
            .collect();
        Ok(standings
            .iter()
            .filter_map(|s| {
                let (name, xp) = by_id.get(&s.member().0)?;
                Some(BoardRow {
                    member: s.member(),
                    name: name.clone(),
                    score: s.score(),
                    lifetime_xp: *xp,
                })
            })
            .collect())
    }

    /// Up to `limit` names of listed members (visible, with XP) after id `after`, by id.
    pub async fn listed_names(
        &self,
        after: MemberId,
        limit: u32,
    ) -> Result<Vec<(MemberId, String)>> {
        // One row of JSON per chunk, as in `board_rows`.
        let found: String = sqlx::query_scalar(
            "SELECT coalesce(json_group_array(json_array(id, display_name)), '[]') FROM \
             (SELECT id, display_name FROM members WHERE id > ? AND hidden = 0 AND xp > 0 \
             ORDER BY id LIMIT ?)",
        )
        .bind(after.0)
        .bind(i64::from(limit))
        .fetch_one(&self.pool)
        .await
        .during("listed_names")?;
        let found: Vec<(i64, String)> = serde_json::from_str(&found).unwrap_or_default();
        Ok(found
            .into_iter()
            .map(|(id, name)| (MemberId(id), name))
            .collect())
    }

    /// A page of a board straight from SQL, for archived seasons that have no live index.
    pub async fn archived_page(
        &self,
        board: &Board,
        offset: u64,
        limit: u32,
    ) -> Result<(Vec<BoardRow>, u64)> {
        let rows: Vec<(i64, String, i64, i64)> = sqlx::query_as(
            "SELECT p.member_id, m.display_name, p.xp, m.xp FROM period_scores p \
             JOIN members m ON m.id = p.member_id \
             WHERE p.board = ? AND p.xp > 0 AND m.hidden = 0 \
             ORDER BY p.xp DESC, p.reached_at, p.member_id LIMIT ? OFFSET ?",
        )
        .bind(board.key())
        .bind(i64::from(limit))
        .bind(i64::try_from(offset).unwrap_or(i64::MAX))
        .fetch_all(&self.pool)
        .await
        .during("archived_page")?;
        let total: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM period_scores p JOIN members m ON m.id = p.member_id \
             WHERE p.board = ? AND p.xp > 0 AND m.hidden = 0",
        )
        .bind(board.key())
        .fetch_one(&self.pool)
        .await
        .during("archived_page")?;
        let rows = rows
            .into_iter()
            .map(|(id, name, score, xp)| BoardRow {
                member: MemberId(id),
                name,
                score,
                lifetime_xp: xp,
            })
            .collect();
        Ok((rows, u64::try_from(total).unwrap_or(0)))
    }
}

/// One "id,score,reached_at" triple.
fn unpack(triple: &str) -> Option<Standing> {
    let mut parts = triple.split(',').map(|p| p.parse::<i64>());
    let (Some(Ok(id)), Some(Ok(score)), Some(Ok(at))) = (parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    Some(Standing::new(MemberId(id), score, at))
}
