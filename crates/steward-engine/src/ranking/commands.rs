//! Keeping the live boards loaded, `/rank`, `/leaderboard` and `/privacy`.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::boards::{PAGE_SIZE, RankedRow, render_board};
use crate::commands::CommandContext;
use crate::core::commands::BoardArg;
use crate::core::ids::MemberId;
use crate::core::levels::LevelInfo;
use crate::core::periods::Board;
use crate::core::rank_index::{RankIndex, Standing};
use crate::i18n::Lang;
use crate::store::{MemberRow, Season, StoreError};
use crate::{EngineError, EngineResult, Ranking, refuse};
use crate::{msg, tr};

impl Ranking {
    /// The period boards an award at `at` counts towards: this week, this month, the season.
    pub(crate) fn period_boards_at(&self, at: DateTime<Utc>) -> Vec<Board> {
        let mut boards = self.kernel.config.calendar.period_boards(at).to_vec();
        if let Some(season) = self.scores.season()
            && season.started_at <= at
            && season.ends_at.is_none_or(|end| at < end)
        {
            boards.push(season.board());
        }
        boards
    }

    /// Loads any of these boards (and all-time) that is not live yet. Hold the writer lock and
    /// the board order (a board loaded while a batch's board moves are pending would get them
    /// twice).
    pub(crate) async fn ensure_live(&self, boards: &[Board]) -> Result<(), StoreError> {
        for board in std::iter::once(&Board::AllTime).chain(boards) {
            if !self.scores.is_live(board) {
                let index = RankIndex::from_standings(self.kernel.store.load_board(board).await?);
                self.scores.boards_mut().install(board.clone(), index);
            }
        }
        Ok(())
    }

    /// Makes a board live if it is not (a new week, a board nobody asked for yet).
    async fn make_live(&self, board: &Board) -> EngineResult<()> {
        if !self.scores.is_live(board) {
            let _lock = self.kernel.lock_scores().await;
            self.ensure_live(std::slice::from_ref(board)).await?;
        }
        Ok(())
    }

    /// Reads a live board, loading it first if needed; `lang` is the reader's, should the
    /// board have closed meanwhile.
    pub(crate) async fn with_board<T>(
        &self,
        board: &Board,
        read: impl FnOnce(&RankIndex) -> T,
    ) -> EngineResult<T> {
        self.make_live(board).await?;
        let boards = self.scores.boards();
        // Live boards are only dropped at a season's end; a /leaderboard racing that end
        // finds none and says so.
        boards
            .get(board)
            .map(read)
            .ok_or_else(|| EngineError::Refused(msg!("board-closed")))
    }

    /// `size` members of a board from `offset`, with the board's length: from the live board,
    /// or from the database for an `archived` one (an ended season). Chat and web pages both
    /// read a board through here.
    pub(crate) async fn page(
        &self,
        board: &Board,
        archived: bool,
        offset: usize,
        size: usize,
    ) -> EngineResult<(Vec<RankedRow>, usize)> {
        if !archived {
            return self.live_page(board, offset, size).await;
        }
        let limit = u32::try_from(size).unwrap_or(u32::MAX);
        let (rows, total) = self
            .kernel
            .store
            .archived_page(board, offset as u64, limit)
            .await?;
        let rows = rows.into_iter().map(RankedRow::from).collect();
        Ok((rows, usize::try_from(total).unwrap_or(usize::MAX)))
    }

    /// `size` members of a live board from `offset`, with the board's length.
    pub(crate) async fn live_page(
        &self,
        board: &Board,
        offset: usize,
        size: usize,
    ) -> EngineResult<(Vec<RankedRow>, usize)> {
        let (standings, total) = self
            .with_board(board, |index| (index.page(offset, size), index.len()))
            .await?;
        Ok((self.board_rows(&standings).await?, total))
    }

    /// The lines of `standings`: names and levels from memory, and what memory lacks (a name
    /// not loaded yet) from the database, kept for the next page.
    pub(crate) async fn board_rows(&self, standings: &[Standing]) -> EngineResult<Vec<RankedRow>> {
        let members: Vec<MemberId> = standings.iter().map(Standing::member).collect();
        let names = self.identity.names();
        let generation = names.generation();
        let levels = self.scores.boards().levels(&members);
        let mut rows = Vec::with_capacity(standings.len());
        let mut missing = Vec::new();
        for ((standing, name), level) in standings.iter().zip(names.names(&members)).zip(levels) {
            match (name, level) {
                (Some(name), Some(level)) => rows.push(Some(RankedRow {
                    member: standing.member(),
                    name,
                    score: standing.score(),
                    level,
                })),
                _ => {
                    missing.push(*standing);
                    rows.push(None);
                }
            }
        }
        if missing.is_empty() {
            return Ok(rows.into_iter().flatten().collect());
        }
        let read = self.kernel.store.board_rows(&missing).await?;
        names.fill(
            generation,
            read.iter().map(|row| (row.member, row.name.as_str())),
        );
        let mut read: HashMap<MemberId, RankedRow> = read
            .into_iter()
            .map(|row| (row.member, RankedRow::from(row)))
            .collect();
        Ok(standings
            .iter()
            .zip(rows)
            .filter_map(|(standing, row)| row.or_else(|| read.remove(&standing.member())))
            .collect())
    }

    /// The member `/rank` asks about (the asker, a mention, a name or the replied-to author),
    /// refused when they hide and the asker is neither them nor an operator.
    pub(crate) async fn rank_target(
        &self,
        ctx: &CommandContext,
        who: Option<&str>,
    ) -> EngineResult<MemberRow> {
        let target = if who.is_none() && ctx.reply_to.is_none() {
            ctx.member
        } else {
            self.identity.resolve_known(ctx, who).await?.id
        };
        let member = self.kernel.store.member(target).await?;
        let is_self = target == ctx.member;
        if member.hidden && !is_self && !self.kernel.is_operator(&ctx.sender) {
            return refuse(msg!("rank-hidden", name = &member.display_name));
        }
        Ok(member)
    }

    /// `/rank`: level, places on the all-time and week boards, balance.
    pub(crate) async fn rank(
        &self,
        ctx: &CommandContext,
        who: Option<&str>,
    ) -> EngineResult<String> {
        let member = self.rank_target(ctx, who).await?;
        let target = member.id;
        let info = LevelInfo::from_xp(member.xp);
        let all_time = Standing::new(target, member.xp, member.xp_reached_at.timestamp_millis());
        let week_board = self.kernel.config.calendar.week_board(ctx.at);
        let week = self.kernel.store.standing(&week_board, target).await?;
        // A place of 0 reads "unranked": no score on that board yet.
        let place = |standing: &Standing, place: usize| {
            if standing.score() > 0 { place } else { 0 }
        };
        let all_place = self
            .with_board(&Board::AllTime, |index| index.rank_of(&all_time))
            .await?;
        let week_place = self
            .with_board(&week_board, |index| index.rank_of(&week))
            .await?;
        let lang = ctx.lang;
        let mut lines = vec![
            tr!(
                lang,
                "rank-summary",
                name = &member.display_name,
                level = info.level,
                xp = member.xp,
                xp_to_next = info.xp_to_next(),
                next_level = info.level + 1
            ),
            tr!(
                lang,
                "rank-places",
                all_time = place(&all_time, all_place),
                week = place(&week, week_place),
                week_xp = week.score()
            ),
            tr!(lang, "rank-balance", balance = member.balance),
        ];
        if member.hidden {
            lines.push(tr!(lang, "rank-hidden-note"));
        }
        Ok(lines.join("\n"))
    }

    pub(crate) async fn leaderboard(
        &self,
        ctx: &CommandContext,
        arg: BoardArg,
        page: u32,
    ) -> EngineResult<String> {
        let calendar = &self.kernel.config.calendar;
        let lang = ctx.lang;
        let (board, title) = match arg {
            BoardArg::All => (Board::AllTime, tr!(lang, "board-title-all")),
            BoardArg::Week => match calendar.week_board(ctx.at) {
                Board::Week(w) => {
                    let title = tr!(lang, "board-title-week", week = &w);
                    (Board::Week(w), title)
                }
                other => (other, tr!(lang, "board-title-this-week")),
            },
            BoardArg::Month => match calendar.month_board(ctx.at) {
                Board::Month(m) => {
                    let title = tr!(lang, "board-title-month", month = &m);
                    (Board::Month(m), title)
                }
                other => (other, tr!(lang, "board-title-this-month")),
            },
            BoardArg::Season(name) => {
                return self.season_board(lang, name.as_deref(), page).await;
            }
        };
        let offset = (page as usize - 1) * PAGE_SIZE;
        let (rows, total) = self.live_page(&board, offset, PAGE_SIZE).await?;
        Ok(render_board(
            lang, &title, &board, &rows, offset, total, page,
        ))
    }

    /// A season's board. The parser reads a trailing number as a page, but season names may
    /// end in one (`Spring 2026`): the whole name is tried first, then the name and a page.
    async fn season_board(
        &self,
        lang: Lang,
        name: Option<&str>,
        typed: u32,
    ) -> EngineResult<String> {
        // The name with the number read as a page put back: `Spring 2026`.
        let whole = name.map(|name| [name, &typed.to_string()].join(" "));
        let (season, page) = match name.zip(whole.as_deref()) {
            Some((name, whole)) => {
                if typed != 1
                    && let Some(season) = self.kernel.store.season_named(whole).await?
                {
                    (Some(season), 1)
                } else if let Some(season) = self.kernel.store.season_named(name).await? {
                    (Some(season), typed)
                } else {
                    (self.kernel.store.season_named(whole).await?, 1)
                }
            }
            None => (self.current_or_last_season().await?, typed),
        };
        let Some(season) = season else {
            return refuse(match name.zip(whole) {
                Some((_, whole)) if typed != 1 => msg!("season-unknown", name = whole),
                Some((name, _)) => msg!("season-unknown", name = name),
                None => msg!("season-none-yet"),
            });
        };
        self.render_season(lang, &season, page).await
    }

    /// The running season, or the last one that ended.
    async fn current_or_last_season(&self) -> EngineResult<Option<Season>> {
        Ok(match self.kernel.store.active_season().await? {
            Some(season) => Some(season),
            None => self.kernel.store.last_ended_season().await?,
        })
    }

    async fn render_season(&self, lang: Lang, season: &Season, page: u32) -> EngineResult<String> {
        let board = season.board();
        let offset = (page as usize - 1) * PAGE_SIZE;
        let title = if season.ended_at.is_some() {
            tr!(lang, "board-title-season-ended", name = &season.name)
        } else {
            tr!(lang, "board-title-season", name = &season.name)
        };
        let (rows, total) = self
            .page(&board, season.ended_at.is_some(), offset, PAGE_SIZE)
            .await?;
        Ok(render_board(
            lang, &title, &board, &rows, offset, total, page,
        ))
    }

    pub(crate) async fn privacy(&self, ctx: &CommandContext, hidden: bool) -> EngineResult<String> {
        let _lock = self.kernel.lock_scores().await;
        let mut tx = self.kernel.store.begin().await?;
        tx.set_hidden(ctx.member, hidden).await?;
        tx.commit().await?;
        let live = self.scores.boards().live();
        let mut standings = Vec::new();
        for board in live {
            let standing = self.kernel.store.standing(&board, ctx.member).await?;
            standings.push((board, standing));
        }
        {
            let mut boards = self.scores.boards_mut();
            // Remove first so showing twice never lists a member twice.
            boards.remove(&standings);
            if !hidden {
                boards.insert(&standings);
            }
        }
        Ok(if hidden {
            tr!(ctx.lang, "privacy-hidden")
        } else {
            tr!(ctx.lang, "privacy-shown")
        })
    }
}
