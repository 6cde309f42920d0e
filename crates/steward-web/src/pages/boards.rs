//! `/leaderboard/{all|week|month}`, `/seasons` and `/seasons/{id}`: 100 members a page, a
//! search by name (its matches paged the same way), and links between pages. Hidden members
//! are never on them (the engine leaves them out).

use std::net::{IpAddr, Ipv4Addr};

use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use maud::{Markup, PreEscaped, html};
use serde::Deserialize;

use crate::AppState;
use crate::auth::Seen;
use crate::core::access::Viewer;
use crate::core::name_search::{MAX_QUERY_CHARS, MIN_QUERY_CHARS, SearchClient};
use crate::engine::web::{BoardLine, BoardPage, WebBoard};
use crate::errors::{Problem, page_error, problem};
use crate::extract::{ClientAddress, Path, Query};
use crate::i18n::Lang;
use crate::layout::page;
use crate::page_cache::{KEPT_PAGES, KeptPage};
use crate::tr;

#[derive(Debug, Deserialize, Default)]
pub(crate) struct BoardQuery {
    page: Option<usize>,
    q: Option<String>,
}

pub(crate) async fn board(
    State(state): State<AppState>,
    seen: Seen,
    ClientAddress(address): ClientAddress,
    Path(board): Path<String>,
    Query(query): Query<BoardQuery>,
) -> Response {
    let which = match board.as_str() {
        "all" => WebBoard::AllTime,
        "week" => WebBoard::Week,
        "month" => WebBoard::Month,
        _ => return problem(&state, &seen.viewer, Problem::NotFound).await,
    };
    show(
        &state,
        &seen,
        which,
        &format!("/leaderboard/{board}"),
        (query, address),
    )
    .await
}

pub(crate) async fn season(
    State(state): State<AppState>,
    seen: Seen,
    ClientAddress(address): ClientAddress,
    Path(id): Path<i64>,
    Query(query): Query<BoardQuery>,
) -> Response {
    show(
        &state,
        &seen,
        WebBoard::Season(id),
        &format!("/seasons/{id}"),
        (query, address),
    )
    .await
}

async fn show(
    state: &AppState,
    seen: &Seen,
    which: WebBoard,
    path: &str,
    (query, address): (BoardQuery, Option<IpAddr>),
) -> Response {
    let engine = &state.engine;
    let number = query.page.unwrap_or(1);
    let now = engine.kernel().now();
    // An empty search box shows the board.
    let search = query.q.as_deref().filter(|q| !q.trim().is_empty());
    // Searches and deep pages are read each time; a first page may have been rendered while
    // its board stood still.
    let stamp = match search {
        _ if number > KEPT_PAGES => None,
        Some(_) => None,
        None => match engine.web().board_stamp(&seen.viewer, which, now).await {
            Ok(stamp) => stamp,
            Err(e) => return page_error(state, seen, e).await,
        },
    };
    let lang = engine.web().page_language(&seen.viewer).await;
    let key = (which, number, lang);
    if let Some(kept) = stamp
        .as_ref()
        .and_then(|stamp| state.pages.get(key, stamp, &seen.viewer))
    {
        if seen.viewer == Viewer::VISITOR && seen.csrf.is_none() {
            return Html(kept.for_visitors).into_response();
        }
        let body = PreEscaped(kept.body.to_string());
        return page(state, lang, seen, &kept.title, body).into_response();
    }
    let found = match search {
        Some(text) => {
            // Behind no server of ours (a test's router), every visitor is one client.
            let address = address.unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
            let client = SearchClient::of(seen.viewer.member, address);
            let viewer = &seen.viewer;
            engine
                .web()
                .board_search(viewer, which, text, number, client, now)
                .await
        }
        None => {
            engine
                .web()
                .board_page(&seen.viewer, which, number, now)
                .await
        }
    };
    let board = match found {
        Ok(board) => board,
        Err(e) => return page_error(state, seen, e).await,
    };
    let body = html! {
        (tabs(lang))
        form.search method="get" action=(path) {
            label for="q" { (tr!(lang, "web-search-label")) }
            input #q type="search" name="q" value=[board.query.as_deref()] minlength=(MIN_QUERY_CHARS) maxlength=(MAX_QUERY_CHARS);
            button type="submit" { (tr!(lang, "web-search-button")) }
        }
        (summary(lang, &board))
        @if !board.lines.is_empty() { (board_table(lang, seen, &board.lines)) }
        (pager(lang, path, &board))
    };
    let own_line = board.lines.iter().any(|line| seen.viewer.is(line.member));
    if let Some(stamp) = stamp
        && !own_line
    {
        let members = board.lines.iter().map(|line| line.member);
        let body_again = PreEscaped(body.0.clone());
        let for_visitors = page(state, lang, &Seen::default(), &board.title, body_again).0;
        let kept = KeptPage::new(stamp, (&board.title, &body.0, for_visitors), members);
        state.pages.keep(key, kept);
    }
    page(state, lang, seen, &board.title, body).into_response()
}

fn tabs(lang: Lang) -> Markup {
    html! {
        p.tabs {
            a href="/leaderboard/all" { (tr!(lang, "web-board-all")) } " · "
            a href="/leaderboard/week" { (tr!(lang, "web-board-week")) } " · "
            a href="/leaderboard/month" { (tr!(lang, "web-board-month")) } " · "
            a href="/seasons" { (tr!(lang, "web-nav-seasons")) }
        }
    }
}

fn summary(lang: Lang, board: &BoardPage) -> Markup {
    html! {
        @if let Some(query) = &board.query {
            @if board.lines.is_empty() {
                p.muted { (tr!(lang, "web-search-none", query = query.as_str())) }
            } @else {
                p.muted { (tr!(lang, "web-search-results", count = board.total, query = query.as_str())) }
            }
        } @else if board.total == 0 {
            p.muted { (tr!(lang, "web-board-empty")) }
        }
    }
}

fn pager(lang: Lang, path: &str, board: &BoardPage) -> Markup {
    // A search's pages keep the search.
    let search: String = board.query.as_deref().map_or_else(String::new, |q| {
        format!(
            "q={}&",
            url::form_urlencoded::byte_serialize(q.as_bytes()).collect::<String>()
        )
    });
    html! {
        @if board.total > 0 {
            div.pager {
                @if board.page > 1 {
                    a rel="prev" href={ (path) "?" (search) "page=" (board.page - 1) } { (tr!(lang, "web-page-prev")) }
                }
                span.muted { (tr!(lang, "web-page-of", page = board.page, pages = board.pages, total = board.total)) }
                @if board.page < board.pages {
                    a rel="next" href={ (path) "?" (search) "page=" (board.page + 1) } { (tr!(lang, "web-page-next")) }
                }
            }
        }
    }
}

/// A table of board lines; the viewer's own line stands out.
pub(crate) fn board_table(lang: Lang, seen: &Seen, lines: &[BoardLine]) -> Markup {
    html! {
        table.board {
            thead { tr {
                th { (tr!(lang, "web-col-place")) }
                th { (tr!(lang, "web-col-member")) }
                th { (tr!(lang, "web-col-level")) }
                th { (tr!(lang, "web-col-xp")) }
            } }
            tbody {
                @for line in lines {
                    tr class=[seen.viewer.is(line.member).then_some("me")] {
                        td { "#" (line.place) }
                        td { a href={ "/members/" (line.member.0) } { (line.name) } }
                        td { (line.level) }
                        td { (line.score) }
                    }
                }
            }
        }
    }
}

pub(crate) async fn seasons(State(state): State<AppState>, seen: Seen) -> Response {
    let engine = &state.engine;
    let list = match engine.web().season_list(&seen.viewer).await {
        Ok(list) => list,
        Err(e) => return page_error(&state, &seen, e).await,
    };
    let lang = engine.web().page_language(&seen.viewer).await;
    let body = html! {
        (tabs(lang))
        @if list.is_empty() {
            p.muted { (tr!(lang, "web-seasons-none")) }
        } @else {
            ul { @for season in &list {
                li { a href={ "/seasons/" (season.id) } { (season.name) } " · " span.muted { (season.state) } }
            } }
        }
    };
    page(&state, lang, &seen, &tr!(lang, "web-seasons-title"), body).into_response()
}
