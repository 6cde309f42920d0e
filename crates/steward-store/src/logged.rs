//! The award log's unfolded awards as reads see them: added to the tables' totals the way the
//! fold would add them, so a read outside a write transaction sees whole totals without folding
//! (a read never writes). Each read takes the tables and the log from one snapshot.

use sqlx::SqliteConnection;

use super::Result;
use super::error::During;
use steward_core::ids::MemberId;
use steward_core::periods::Board;
use steward_core::rank_index::Standing;

/// One member's unfolded awards on a board.
#[derive(Debug, Clone, Copy)]
pub(super) struct Logged {
    pub member: MemberId,
    pub xp: i64,
    /// When the XP last grew, if it did (zero-XP awards only start the cooldown).
    pub reached: Option<i64>,
    pub last_at: i64,
}

impl Logged {
    /// A board score and its reached-at time with these awards folded in, as the fold does:
    /// the time moves only when the XP grew; a period row the fold would create takes the
    /// last award's time.
    pub fn onto(self, folded: Option<(i64, i64)>) -> (i64, i64) {
        match folded {
            Some((xp, at)) => (xp + self.xp, self.reached.unwrap_or(at)),
            None => (self.xp, self.reached.unwrap_or(self.last_at)),
        }
    }
}

/// Unfolded awards on `board`: `member`'s, or every visible member's; read on `conn` (inside the
/// caller's read transaction, so they match the tables it reads).
pub(super) async fn logged_on(
    conn: &mut SqliteConnection,
    board: &Board,
    member: Option<MemberId>,
) -> Result<Vec<Logged>> {
    let key = match board {
        Board::AllTime => None,
        _ => Some(serde_json::to_string(&board.key())?),
    };
    let rows: Vec<(i64, i64, Option<i64>, i64)> = sqlx::query_as(
        "SELECT a.member_id, SUM(a.xp), MAX(CASE WHEN a.xp > 0 THEN a.at END), MAX(a.at) \
         FROM award_log a JOIN members m ON m.id = a.member_id \
         WHERE (?1 IS NULL OR instr(a.boards, ?1) > 0) \
         AND (a.member_id = ?2 OR (?2 IS NULL AND m.hidden = 0)) GROUP BY a.member_id",
    )
    .bind(key)
    .bind(member.map(|m| m.0))
    .fetch_all(&mut *conn)
    .await
    .during("logged_on")?;
    Ok(rows
        .into_iter()
        .map(|(member, xp, reached, last_at)| Logged {
            member: MemberId(member),
            xp,
            reached,
            last_at,
        })
        .collect())
}

/// `standings` (the folded, visible, non-zero ones) with `logged` added.
pub(super) fn with_logged(standings: Vec<Standing>, logged: &[Logged]) -> Vec<Standing> {
    if logged.is_empty() {
        return standings;
    }
    let mut by_member: std::collections::HashMap<MemberId, (i64, i64)> = standings
        .iter()
        .map(|s| (s.member(), (s.score(), s.reached_at())))
        .collect();
    for awards in logged {
        let folded = by_member.get(&awards.member).copied();
        by_member.insert(awards.member, awards.onto(folded));
    }
    by_member
        .into_iter()
        .filter(|(_, (xp, _))| *xp > 0)
        .map(|(member, (xp, at))| Standing::new(member, xp, at))
        .collect()
}
