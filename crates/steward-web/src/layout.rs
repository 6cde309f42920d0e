//! The frame around every page: the document head, the navigation (what the viewer may open),
//! and the stylesheet, served by the binary itself.

use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::IntoResponse;
use maud::{DOCTYPE, Markup, html};

use super::AppState;
use super::auth::Seen;
use crate::i18n::Lang;
use crate::tr;

const STYLE: &str = include_str!("style.css");

pub(crate) async fn stylesheet() -> impl IntoResponse {
    (
        [
            (CONTENT_TYPE, "text/css; charset=utf-8"), // not translated: an HTTP header
            (CACHE_CONTROL, "public, max-age=3600"),   // not translated: an HTTP header
        ],
        STYLE,
    )
}

/// A whole page: `title` in the head and as its heading, `body` below.
pub(crate) fn page(state: &AppState, lang: Lang, seen: &Seen, title: &str, body: Markup) -> Markup {
    let community = state.engine.web().community_name();
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1"; // not translated: a browser setting
                // The home page's title is the community's name: said once.
                @if title == community { title { (community) } } @else { title { (title) " · " (community) } }
                link rel="stylesheet" href="/static/style.css";
            }
            body {
                header {
                    a.brand href="/" { (community) }
                    nav { (navigation(lang, seen, state.engine.web().links_boards(&seen.viewer))) }
                }
                main {
                    h1 { (title) }
                    (body)
                }
            }
        }
    }
}

/// The links the viewer may follow: the boards only where they may open them (or logging in
/// would let them).
fn navigation(lang: Lang, seen: &Seen, boards: bool) -> Markup {
    html! {
        a href="/" { (tr!(lang, "web-nav-home")) }
        @if boards {
            a href="/leaderboard/all" { (tr!(lang, "web-nav-leaderboards")) }
            a href="/seasons" { (tr!(lang, "web-nav-seasons")) }
            a href="/questions" { (tr!(lang, "web-nav-questions")) }
        }
        @if seen.viewer.member.is_some() {
            a href="/me" { (tr!(lang, "web-nav-me")) }
        }
        @if seen.viewer.operator {
            a href="/dashboard" { (tr!(lang, "web-nav-dashboard")) }
        }
        @if let Some(csrf) = &seen.csrf {
            form.inline method="post" action="/logout" {
                input type="hidden" name="csrf" value=(csrf);
                button type="submit" { (tr!(lang, "web-nav-logout")) }
            }
        } @else {
            span.hint { (tr!(lang, "web-nav-login-hint")) }
        }
    }
}
