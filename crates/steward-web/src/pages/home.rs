//! `/`: the community's name, the top 10 this week and of all time (for those the community
//! lets see standings), and upcoming drops the viewer may see; with `?ref=CODE` (a member's
//! invite link), how to start on the bot with that code.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use super::boards::board_table;
use crate::AppState;
use crate::auth::Seen;
use crate::engine::web::BoardLine;
use crate::errors::page_error;
use crate::extract::Query;
use crate::i18n::Lang;
use crate::layout::page;
use crate::tr;

/// `/?ref=CODE`: a member's invite link for someone not on the bot yet.
#[derive(serde::Deserialize)]
pub(crate) struct HomeQuery {
    #[serde(rename = "ref")]
    referral: Option<String>,
}

pub(crate) async fn home(
    State(state): State<AppState>,
    seen: Seen,
    Query(query): Query<HomeQuery>,
) -> Response {
    let engine = &state.engine;
    let invitation = match query.referral.as_deref() {
        Some(code) => engine.referrals().invitation(code).await.ok().flatten(),
        None => None,
    };
    let home = match engine
        .web()
        .home_page(&seen.viewer, engine.kernel().now())
        .await
    {
        Ok(home) => home,
        Err(e) => return page_error(&state, &seen, e).await,
    };
    let lang = engine.web().page_language(&seen.viewer).await;
    let body = html! {
        @if let Some((code, link)) = &invitation {
            section.invite {
                h2 { (tr!(lang, "web-invite-title", community = &home.community)) }
                @if let Some(link) = link {
                    p { (tr!(lang, "web-invite-telegram")) " " a href=(link) { (link) } }
                }
                p { (tr!(lang, "web-invite-elsewhere", code = code.as_str())) }
            }
        }
        @match (&home.week, &home.all_time) {
            (Some(week), Some(all_time)) => {
                div.columns {
                    section { h2 { (tr!(lang, "web-home-week")) } (top(lang, &seen, week)) }
                    section { h2 { (tr!(lang, "web-home-all-time")) } (top(lang, &seen, all_time)) }
                }
            }
            _ if home.boards_for_operators => p.muted { (tr!(lang, "web-home-operators-only")) }
            _ => p.muted { (tr!(lang, "web-home-members-only")) }
        }
        h2 { (tr!(lang, "web-home-drops")) }
        @if home.drops.is_empty() {
            p.muted { (tr!(lang, "web-home-no-drops")) }
        } @else {
            ul {
                @for drop in &home.drops {
                    li {
                        (drop.line)
                        @for file in &drop.files {
                            @if file.image {
                                img.drop-image src=(file.link) alt=(file.name) loading="lazy";
                            } @else {
                                " " a.drop-file href=(file.link) { (file.name) }
                            }
                        }
                    }
                }
            }
        }
    };
    page(&state, lang, &seen, &home.community, body).into_response()
}

fn top(lang: Lang, seen: &Seen, lines: &[BoardLine]) -> Markup {
    if lines.is_empty() {
        html! { p.muted { (tr!(lang, "web-board-empty")) } }
    } else {
        board_table(lang, seen, lines)
    }
}
