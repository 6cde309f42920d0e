//! The data behind the public pages: the community's home, leaderboard pages (100 a page, with
//! a search by name) and a member's page. Each method first asks the access rules whether the
//! viewer may see it; hidden members are never listed and their pages are theirs and the
//! operators' alone.

use chrono::{DateTime, Utc};

use super::Searches;
use crate::EngineError;
use crate::core::access::{Viewer, may_see};
use crate::core::ids::MemberId;
use crate::core::levels::LevelInfo;
use crate::core::periods::Board;
use crate::core::web_access::{Visibility, may_see_member};
use crate::i18n::Lang;
use crate::ranking::RankedRow;
use crate::store::StoreError;
use crate::tr;
use crate::{Drops, Identity, Kernel, Memberships, Ranking, Storefront};
use std::sync::Arc;

/// The data behind the web pages, read after the access rules.
pub struct WebPages {
    pub(super) kernel: Arc<Kernel>,
    pub(super) storefront: Arc<Storefront>,
    pub(super) identity: Arc<Identity>,
    pub(super) ranking: Arc<Ranking>,
    pub(super) membership: Arc<Memberships>,
    pub(super) drops: Arc<Drops>,
    pub(super) searches: Searches,
}

impl WebPages {
    pub(crate) fn new(
        kernel: Arc<Kernel>,
        storefront: Arc<Storefront>,
        identity: Arc<Identity>,
        ranking: Arc<Ranking>,
        membership: Arc<Memberships>,
        drops: Arc<Drops>,
    ) -> Self {
        Self {
            searches: Searches::default(),
            kernel,
            storefront,
            identity,
            ranking,
            membership,
            drops,
        }
    }
}

/// Members on a web leaderboard page.
pub const WEB_PAGE_SIZE: usize = 100;
/// Members in each of the home page's top lists.
const HOME_TOP: usize = 10;

/// Why a page is not shown.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    /// The page needs a logged-in member (or operator) and the viewer is not one.
    #[error("login needed")]
    LoginNeeded,
    /// An operators' page, and the viewer is a member.
    #[error("operators only")]
    Forbidden,
    /// Nothing there for this viewer: unknown, hidden, or past the last page. Hidden and
    /// unknown look the same, so a page never tells that a hidden member exists.
    #[error("not found")]
    NotFound,
    /// This host cannot draw it (rank cards without fonts); the log says why.
    #[error("unavailable here")]
    Unavailable,
    /// The request was understood and refused; the text says why, in the viewer's language.
    #[error("refused: {0}")]
    Refused(String),
    /// A search that is not run (too short, too long); the text says why.
    #[error("search refused: {0}")]
    BadSearch(String),
    /// The client has searched too often: it may search again in `seconds`; `why` says so.
    #[error("too many searches: {why}")]
    TooManySearches { seconds: u64, why: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<EngineError> for PageError {
    fn from(error: EngineError) -> Self {
        match error {
            EngineError::Store(e) => Self::Store(e),
            EngineError::Refused(_) => Self::NotFound,
        }
    }
}

/// Which board a page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WebBoard {
    AllTime,
    Week,
    Month,
    /// A season by id, running or archived.
    Season(i64),
}

/// One line of a board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardLine {
    pub place: usize,
    pub member: MemberId,
    pub name: String,
    pub score: i64,
    pub level: u32,
}

/// A page of a board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardPage {
    pub board: WebBoard,
    pub title: String,
    pub lines: Vec<BoardLine>,
    pub page: usize,
    pub pages: usize,
    pub total: usize,
    /// The name searched for, when the page is a search's result (then `total` counts the
    /// matches and `pages` their pages).
    pub query: Option<String>,
}

/// The community's home page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HomePage {
    pub community: String,
    /// The community shows its boards to operators alone (`web.leaderboards = "operators"`).
    pub boards_for_operators: bool,
    /// `None` when the viewer may not see standings.
    pub week: Option<Vec<BoardLine>>,
    pub all_time: Option<Vec<BoardLine>>,
    /// Upcoming drops the viewer may see: a line each, and its files.
    pub drops: Vec<HomeDrop>,
}

/// An upcoming drop on the home page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HomeDrop {
    pub line: String,
    pub files: Vec<crate::WebFile>,
}

/// A member's place on a board (`None`: no score there yet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub title: String,
    pub place: Option<usize>,
    pub score: i64,
}

/// A member's own page.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberPage {
    pub member: MemberId,
    pub name: String,
    pub level: LevelInfo,
    pub xp: i64,
    pub places: Vec<Place>,
    pub streak: u32,
    /// The highest running tier and how long it runs ("Pro until …").
    pub tier: Option<String>,
    pub hidden: bool,
    pub is_self: bool,
    /// XP per source over the last weeks: (week label, [(source label, xp)]).
    pub xp_by_week: Vec<(String, Vec<(String, i64)>)>,
    /// Drops the member rated that the viewer may see: (id, first line, stars).
    pub rated: Vec<(i64, String, u8)>,
    /// For the member themselves: the plans they may buy by card (id, line).
    pub offers: Vec<(String, String)>,
    /// For the member themselves: whether they pay by card, so the page offers Stripe's portal.
    pub manages_card: bool,
    /// For the member themselves: the plans they may buy a gift code for by card (id, line).
    pub gift_offers: Vec<(String, String)>,
    /// For the member themselves: the gift codes they bought, each in a line.
    pub gift_codes: Vec<String>,
}

impl WebPages {
    /// The language pages are written in for `viewer`: their own, else the community's.
    pub async fn page_language(&self, viewer: &Viewer) -> Lang {
        match viewer.member {
            Some(member) => self.kernel.language_of(member).await,
            None => self.kernel.config.language,
        }
    }

    fn standings_visible(&self, viewer: &Viewer) -> bool {
        self.kernel.config.web.leaderboards.allows(viewer)
    }

    /// Whether `viewer` may open board pages (`web.leaderboards`), as a page's refusal.
    pub(super) fn may_see_standings(&self, viewer: &Viewer) -> Result<(), PageError> {
        let rule = self.kernel.config.web.leaderboards;
        if self.standings_visible(viewer) {
            Ok(())
        } else if rule.login_helps(viewer) {
            Err(PageError::LoginNeeded)
        } else {
            Err(PageError::Forbidden)
        }
    }

    /// Whether pages link to the boards and seasons for `viewer` (see `Visibility::linked_for`).
    #[must_use]
    pub fn links_boards(&self, viewer: &Viewer) -> bool {
        self.kernel.config.web.leaderboards.linked_for(viewer)
    }

    pub async fn home_page(
        &self,
        viewer: &Viewer,
        now: DateTime<Utc>,
    ) -> Result<HomePage, PageError> {
        let lang = self.page_language(viewer).await;
        let (week, all_time) = if self.standings_visible(viewer) {
            let week = self.kernel.config.calendar.week_board(now);
            (
                Some(self.top(&week).await?),
                Some(self.top(&Board::AllTime).await?),
            )
        } else {
            (None, None)
        };
        let mut drops = Vec::new();
        for drop in self.kernel.store.upcoming_drops(100).await? {
            if drops.len() < HOME_TOP && may_see(viewer, self.membership.gate(drop.tier.as_deref()))
            {
                drops.push(HomeDrop {
                    line: self.drops.drop_line(lang, &drop),
                    files: self.drops.web_files(drop.id, now).await?,
                });
            }
        }
        Ok(HomePage {
            boards_for_operators: self.kernel.config.web.leaderboards == Visibility::Operators,
            community: self.kernel.config.community_name.clone(),
            week,
            all_time,
            drops,
        })
    }

    async fn top(&self, board: &Board) -> Result<Vec<BoardLine>, PageError> {
        let (rows, _) = self.ranking.live_page(board, 0, HOME_TOP).await?;
        Ok(lines(rows, 0))
    }

    /// A page (from 1) of a board; `board_search` (`search.rs`) finds members by name.
    pub async fn board_page(
        &self,
        viewer: &Viewer,
        which: WebBoard,
        page: usize,
        now: DateTime<Utc>,
    ) -> Result<BoardPage, PageError> {
        self.may_see_standings(viewer)?;
        let lang = self.page_language(viewer).await;
        let (board, title, archived) = self.web_board(lang, which, now).await?;
        let offset = page.saturating_sub(1) * WEB_PAGE_SIZE;
        let (rows, total) = self
            .ranking
            .page(&board, archived, offset, WEB_PAGE_SIZE)
            .await?;
        let pages = total.div_ceil(WEB_PAGE_SIZE).max(1);
        if page == 0 || page > pages {
            return Err(PageError::NotFound);
        }
        Ok(BoardPage {
            board: which,
            title,
            lines: lines(rows, offset),
            page,
            pages,
            total,
            query: None,
        })
    }

    /// The board, its title, and whether it is an archived season (read from SQL).
    pub(super) async fn web_board(
        &self,
        lang: Lang,
        which: WebBoard,
        now: DateTime<Utc>,
    ) -> Result<(Board, String, bool), PageError> {
        let calendar = &self.kernel.config.calendar;
        Ok(match which {
            WebBoard::AllTime => (Board::AllTime, tr!(lang, "web-board-all"), false),
            WebBoard::Week => (calendar.week_board(now), tr!(lang, "web-board-week"), false),
            WebBoard::Month => (
                calendar.month_board(now),
                tr!(lang, "web-board-month"),
                false,
            ),
            WebBoard::Season(id) => {
                let season = self
                    .kernel
                    .store
                    .season(id)
                    .await?
                    .ok_or(PageError::NotFound)?;
                let ended = season.ended_at.is_some();
                let title = if ended {
                    tr!(lang, "web-board-season-ended", name = &season.name)
                } else {
                    tr!(lang, "web-board-season", name = &season.name)
                };
                (season.board(), title, ended)
            }
        })
    }

    /// A member's page, if `viewer` may see it.
    pub async fn member_page(
        &self,
        viewer: &Viewer,
        member: MemberId,
        now: DateTime<Utc>,
    ) -> Result<MemberPage, PageError> {
        super::member_page::build(self, viewer, member, now).await
    }

    /// Whether `viewer` may see `member`'s page (and card): never for an unknown or erased
    /// member, and a hidden one only for themselves and operators.
    pub(crate) async fn may_see_member_page(
        &self,
        viewer: &Viewer,
        member: MemberId,
    ) -> Result<bool, PageError> {
        if !self.kernel.store.member_exists(member).await? {
            return Ok(false);
        }
        let hidden = self.kernel.store.member(member).await?.hidden;
        Ok(may_see_member(
            self.kernel.config.web.leaderboards,
            viewer,
            member,
            hidden,
        ))
    }
}

fn lines(rows: Vec<RankedRow>, offset: usize) -> Vec<BoardLine> {
    rows.into_iter()
        .enumerate()
        .map(|(i, row)| BoardLine {
            place: offset + i + 1,
            member: row.member,
            level: row.level,
            name: row.name,
            score: row.score,
        })
        .collect()
}
