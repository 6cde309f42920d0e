//! Searching a board by name, without touching the members table: a live board's search tests
//! the names the boards hold in memory, then walks its rank index (in memory, so its order is
//! the board's and hidden members are not on it) to place each match; names not read yet come
//! from the database once and are kept for the next search and page. An
//! archived season's board is read from the database, as its pages are. Every match is
//! counted and paged, 100 to a page, each with its place on the board.
//!
//! A search costs a walk of the board, so searches are limited: 2 to 64 characters, a few at
//! once per client and then one every few seconds ([`Allowance`]), and two running at a time
//! in the whole process (the next waits its turn).

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

use chrono::{DateTime, Utc};
use tokio::sync::Semaphore;

use super::pages::{BoardLine, BoardPage, PageError, WEB_PAGE_SIZE, WebBoard};
use crate::core::access::Viewer;
use crate::core::ids::MemberId;
use crate::core::levels::LevelInfo;
use crate::core::name_search::{
    Allowance, MAX_QUERY_CHARS, MIN_QUERY_CHARS, NameQuery, QueryError, SearchClient,
};
use crate::core::periods::Board;
use crate::core::rank_index::Standing;
use crate::i18n::Lang;
use crate::tr;
use crate::{WebPages, sync};

/// Searches running at once in the process.
const RUNNING_AT_ONCE: usize = 2;
/// Names not in memory read from the database at a time.
const READ_CHUNK: usize = 10_000;

/// The searches' limits, shared by every request.
pub(crate) struct Searches {
    allowance: Mutex<Allowance<SearchClient>>,
    running: Semaphore,
}

impl Default for Searches {
    fn default() -> Self {
        Self {
            allowance: Mutex::default(),
            running: Semaphore::new(RUNNING_AT_ONCE),
        }
    }
}

impl WebPages {
    /// Page `page` (from 1) of the members of a board whose name contains `text`, with their
    /// places, for `viewer`; counted against `client`'s allowance.
    pub async fn board_search(
        &self,
        viewer: &Viewer,
        which: WebBoard,
        text: &str,
        page: usize,
        client: SearchClient,
        now: DateTime<Utc>,
    ) -> Result<BoardPage, PageError> {
        self.may_see_standings(viewer)?;
        let lang = self.page_language(viewer).await;
        let query = NameQuery::parse(text).map_err(|e| refusal(lang, e))?;
        let taken = sync::lock(&self.searches.allowance).take(client, now);
        if let Err(wait) = taken {
            let seconds = u64::try_from(wait.num_seconds().max(1)).unwrap_or(1);
            let why = tr!(lang, "web-search-too-many", seconds = seconds);
            return Err(PageError::TooManySearches { seconds, why });
        }
        let (board, title, archived) = self.web_board(lang, which, now).await?;
        let Ok(_turn) = self.searches.running.acquire().await else {
            return Err(PageError::Unavailable);
        };
        let (matches, lines) = if archived {
            self.search_archived(&board, &query, page).await?
        } else {
            self.search_live(&board, &query, page).await?
        };
        let pages = matches.div_ceil(WEB_PAGE_SIZE).max(1);
        if page == 0 || page > pages {
            return Err(PageError::NotFound);
        }
        Ok(BoardPage {
            board: which,
            title,
            lines,
            page,
            pages,
            total: matches,
            query: Some(query.as_str().to_owned()),
        })
    }

    /// How many members of a live board match, and the lines of page `page`.
    async fn search_live(
        &self,
        board: &Board,
        query: &NameQuery,
        page: usize,
    ) -> Result<(usize, Vec<BoardLine>), PageError> {
        // The names first, front to back in memory; then one walk of the board, in its order,
        // looking each member up in what the scan found (a byte a member, so it stays in the
        // processor's cache where the names would not).
        let names = self.identity.names();
        let scan = names.scan(|name| query.matches(name)).await;
        let (mut found, unknown) = self
            .ranking
            .with_board(board, |index| {
                let (mut found, mut unknown) = (Vec::new(), Vec::new());
                for (at, standing) in index.iter().enumerate() {
                    match scan.matches(standing.member()) {
                        Some(true) => found.push((at, *standing)),
                        Some(false) => {}
                        None => unknown.push((at, *standing)),
                    }
                }
                (found, unknown)
            })
            .await?;
        // Names not read yet (renamed, or new since the start): from the database, kept.
        for chunk in unknown.chunks(READ_CHUNK) {
            let generation = names.generation();
            let wanted: Vec<Standing> = chunk.iter().map(|(_, standing)| *standing).collect();
            let rows = self.kernel.store.board_rows(&wanted).await?;
            names.fill(generation, rows.iter().map(|r| (r.member, r.name.as_str())));
            let matched: HashSet<MemberId> = rows
                .iter()
                .filter(|row| query.matches(&row.name))
                .map(|row| row.member)
                .collect();
            found.extend(
                chunk
                    .iter()
                    .filter(|(_, standing)| matched.contains(&standing.member())),
            );
        }
        found.sort_unstable();
        let shown = page_of(&found, page);
        let wanted: Vec<Standing> = shown.iter().map(|(_, standing)| *standing).collect();
        let rows: HashMap<MemberId, _> = self
            .ranking
            .board_rows(&wanted)
            .await?
            .into_iter()
            .map(|row| (row.member, row))
            .collect();
        let lines = shown
            .iter()
            .filter_map(|(at, standing)| {
                let row = rows.get(&standing.member())?;
                Some(BoardLine {
                    place: at + 1,
                    member: row.member,
                    name: row.name.clone(),
                    score: row.score,
                    level: row.level,
                })
            })
            .collect();
        Ok((found.len(), lines))
    }

    /// How many members of an archived board match, and the lines of page `page`.
    async fn search_archived(
        &self,
        board: &Board,
        query: &NameQuery,
        page: usize,
    ) -> Result<(usize, Vec<BoardLine>), PageError> {
        let all = self.kernel.store.archived_lines(board).await?;
        let found: Vec<(usize, &Standing)> = all
            .iter()
            .enumerate()
            .filter(|(_, (_, name, _))| query.matches(name))
            .map(|(at, (standing, _, _))| (at, standing))
            .collect();
        let lines = page_of(&found, page)
            .iter()
            .map(|(at, _)| {
                let (standing, name, xp) = &all[*at];
                BoardLine {
                    place: at + 1,
                    member: standing.member(),
                    name: name.clone(),
                    score: standing.score(),
                    level: LevelInfo::from_xp(*xp).level,
                }
            })
            .collect();
        Ok((found.len(), lines))
    }
}

/// The matches (places from 0) on page `page` (from 1).
fn page_of<T>(found: &[T], page: usize) -> &[T] {
    let start = page.saturating_sub(1).saturating_mul(WEB_PAGE_SIZE);
    let end = start.saturating_add(WEB_PAGE_SIZE).min(found.len());
    found.get(start..end).unwrap_or_default()
}

fn refusal(lang: Lang, error: QueryError) -> PageError {
    let why = match error {
        QueryError::TooShort => tr!(lang, "web-search-too-short", min = MIN_QUERY_CHARS),
        QueryError::TooLong => tr!(lang, "web-search-too-long", max = MAX_QUERY_CHARS),
    };
    PageError::BadSearch(why)
}
