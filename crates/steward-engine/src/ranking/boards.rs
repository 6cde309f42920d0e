//! A page of a leaderboard as text, in the reader's language: the header, one line per member
//! and what to say when the page is empty.

use crate::core::ids::MemberId;
use crate::core::levels::LevelInfo;
use crate::core::periods::Board;
use crate::i18n::Lang;
use crate::store::BoardRow;
use crate::tr;

/// One line of a board as the engine shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RankedRow {
    pub member: MemberId,
    pub name: String,
    /// The score on this board (period XP, or lifetime XP on the all-time board).
    pub score: i64,
    /// The level of the member's lifetime XP.
    pub level: u32,
}

impl From<BoardRow> for RankedRow {
    fn from(row: BoardRow) -> Self {
        Self {
            member: row.member,
            name: row.name,
            score: row.score,
            level: LevelInfo::from_xp(row.lifetime_xp).level,
        }
    }
}

/// Members per page.
pub(crate) const PAGE_SIZE: usize = 10;

/// Renders `rows`, the page starting at `offset` of a board `total` long. `title` is one of
/// the `board-title-*` texts.
pub(crate) fn render_board(
    lang: Lang,
    title: &str,
    board: &Board,
    rows: &[RankedRow],
    offset: usize,
    total: usize,
    page: u32,
) -> String {
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    if rows.is_empty() {
        return if total == 0 {
            tr!(lang, "board-empty", title = title)
        } else {
            tr!(lang, "board-past-end", title = title, pages = pages)
        };
    }
    let mut lines = vec![tr!(
        lang,
        "board-header",
        title = title,
        page = page,
        pages = pages
    )];
    for (i, row) in rows.iter().enumerate() {
        let place = offset + i + 1;
        let level = row.level;
        lines.push(if *board == Board::AllTime {
            tr!(
                lang,
                "board-line-all-time",
                place = place,
                name = &row.name,
                level = level,
                score = row.score
            )
        } else {
            tr!(
                lang,
                "board-line",
                place = place,
                name = &row.name,
                score = row.score,
                level = level
            )
        });
    }
    lines.join("\n")
}
