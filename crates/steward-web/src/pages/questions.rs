//! `/questions`: the community's latest questions and their accepted answers, for whoever may
//! see the boards (`web.leaderboards`). Each question is shown only to a viewer its tier lets
//! see it, and a member who hid themselves (`/privacy hide`) is "a member" here; the engine's
//! `Questions::page` applies both.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use maud::html;

use crate::AppState;
use crate::auth::Seen;
use crate::errors::page_error;
use crate::layout::page;
use crate::tr;

pub(crate) async fn questions(State(state): State<AppState>, seen: Seen) -> Response {
    let engine = &state.engine;
    let lang = engine.web().page_language(&seen.viewer).await;
    let list = match engine.questions().page(&seen.viewer, lang).await {
        Ok(list) => list,
        Err(e) => return page_error(&state, &seen, e).await,
    };
    let body = html! {
        @if list.is_empty() {
            p.muted { (tr!(lang, "web-questions-none")) }
        }
        @for q in &list {
            article.question id={ "q" (q.id) } {
                h2 { "#" (q.id) " " (q.title) }
                p.muted {
                    (tr!(lang, "web-questions-asked", asker = q.asker.as_str(), day = q.day.as_str()))
                    " · " (tr!(lang, "web-questions-answers", answers = q.answers))
                    @if q.bounty > 0 {
                        " · " (tr!(lang, "web-questions-bounty", bounty = q.bounty))
                    }
                    @for tag in &q.tags { " " span.tag { "#" (tag) } }
                }
                @match &q.accepted {
                    Some((name, text)) => {
                        p.accepted { (tr!(lang, "web-questions-accepted", name = name.as_str())) }
                        @if !text.is_empty() { blockquote { (text) } }
                    }
                    None => p.open { (tr!(lang, "web-questions-open")) }
                }
            }
        }
    };
    page(&state, lang, &seen, &tr!(lang, "web-questions-title"), body).into_response()
}
