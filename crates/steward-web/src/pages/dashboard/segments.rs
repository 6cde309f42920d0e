//! `/dashboard/segments`: the segments an operator can look at and write to (at risk, upgrade
//! candidates, lapsed, active, everyone, each tier), `/dashboard/segments/{name}` with its
//! members and a broadcast form (a POST with the session's form token, confirmed on a second
//! page before anything is sent), and `/dashboard/broadcasts/{id}`, how far one has gone.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use serde::Deserialize;

use crate::AppState;
use crate::auth::{Seen, csrf_ok};
use crate::core::analytics::day_key;
use crate::core::analytics::segments::Segment;
use crate::engine::{SEGMENT_PAGE, SegmentPage};
use crate::errors::{Problem, page_error, problem};
use crate::extract::{Form, Path, Query};
use crate::i18n::Lang;
use crate::layout::page;
use crate::tr;

pub(crate) async fn index(State(state): State<AppState>, seen: Seen) -> Response {
    let engine = &state.engine;
    // The operator check, on the smallest segment page there is.
    if let Err(e) = engine
        .broadcasts()
        .segment_page(&seen.viewer, "all", 0)
        .await
    {
        return page_error(&state, &seen, e).await;
    }
    let lang = engine.web().page_language(&seen.viewer).await;
    let tiers = engine.web().tier_names();
    let body = html! {
        p { a href="/dashboard" { (tr!(lang, "web-subs-back")) } }
        p.muted { (tr!(lang, "web-seg-intro")) }
        table { tbody {
            @for segment in Segment::FIXED {
                tr {
                    td { a href={ "/dashboard/segments/" (segment.name()) } { (segment_title(lang, &segment)) } }
                    td.muted { (tr!(lang, "web-seg-defined", segment = segment.name())) }
                }
            }
            @for (id, name) in &tiers {
                tr {
                    td { a href={ "/dashboard/segments/" (id) } { (name) } }
                    td.muted { (tr!(lang, "web-seg-tier-defined", tier = name.as_str())) }
                }
            }
        } }
    };
    page(&state, lang, &seen, &tr!(lang, "web-seg-title"), body).into_response()
}

fn segment_title(lang: Lang, segment: &Segment) -> String {
    match segment {
        Segment::Tier(id) => id.clone(),
        other => tr!(lang, "web-seg-name", segment = other.name()),
    }
}

#[derive(Debug, Deserialize, Default)]
pub(crate) struct PageQuery {
    page: Option<u32>,
}

pub(crate) async fn segment(
    State(state): State<AppState>,
    seen: Seen,
    Path(name): Path<String>,
    Query(query): Query<PageQuery>,
) -> Response {
    let engine = &state.engine;
    let page_number = query.page.unwrap_or(1).max(1);
    let offset = (page_number - 1).saturating_mul(SEGMENT_PAGE);
    let found = engine
        .broadcasts()
        .segment_page(&seen.viewer, &name, offset)
        .await;
    let segment = match found {
        Ok(segment) => segment,
        Err(e) => return page_error(&state, &seen, e).await,
    };
    let lang = engine.web().page_language(&seen.viewer).await;
    let csrf = seen.csrf.clone().unwrap_or_default();
    let title = segment_title(lang, &segment.segment);
    let body = members(lang, &segment, page_number, &csrf);
    page(&state, lang, &seen, &title, body).into_response()
}

fn members(lang: Lang, s: &SegmentPage, page_number: u32, csrf: &str) -> Markup {
    let name = s.segment.name();
    let shown = i64::try_from(s.members.len()).unwrap_or(i64::MAX);
    let more = i64::from(s.offset) + shown < s.total;
    html! {
        p { a href="/dashboard/segments" { (tr!(lang, "web-seg-back")) } }
        @if !matches!(s.segment, Segment::Tier(_)) {
            p.muted { (tr!(lang, "web-seg-defined", segment = name)) }
        }
        p { (tr!(lang, "web-seg-count", count = s.total)) }
        @if !s.members.is_empty() {
            table {
                thead { tr {
                    th { (tr!(lang, "web-subs-member")) }
                    th { (tr!(lang, "web-dash-tier")) }
                    th { (tr!(lang, "web-seg-last-active")) }
                    th { (tr!(lang, "web-subs-until")) }
                } }
                tbody { @for m in &s.members {
                    tr {
                        td { a href={ "/dashboard/members/" (m.member.0) } { (m.name) } " " span.muted { "#" (m.member.0) } }
                        td { (m.tiers.join(", ")) }
                        td { (m.last_active.map(day_key).unwrap_or_default()) }
                        td { (m.ends.map(day_key).unwrap_or_default()) }
                    }
                } }
            }
        }
        p.pager {
            @if page_number > 1 { a rel="prev" href={ "?page=" (page_number - 1) } { (tr!(lang, "web-page-prev")) } " " }
            @if more { a rel="next" href={ "?page=" (page_number + 1) } { (tr!(lang, "web-page-next")) } }
        }
        h2 { (tr!(lang, "web-seg-broadcast")) }
        p.muted { (tr!(lang, "web-seg-broadcast-help")) }
        form method="post" action={ "/dashboard/segments/" (name) "/broadcast" } {
            input type="hidden" name="csrf" value=(csrf);
            textarea name="text" rows="5" cols="60" maxlength="2000" required {}
            br;
            button type="submit" { (tr!(lang, "web-seg-send")) }
        }
    }
}

#[derive(Debug, Deserialize)]
pub(crate) struct BroadcastForm {
    csrf: String,
    text: String,
    confirm: Option<String>,
}

/// `POST /dashboard/segments/{name}/broadcast`: asks first, then writes the broadcast.
pub(crate) async fn broadcast(
    State(state): State<AppState>,
    seen: Seen,
    Path(name): Path<String>,
    Form(form): Form<BroadcastForm>,
) -> Response {
    if !csrf_ok(&seen, &form.csrf) {
        return problem(&state, &seen.viewer, Problem::BadForm).await;
    }
    let engine = &state.engine;
    let segment = match engine
        .broadcasts()
        .segment_page(&seen.viewer, &name, 0)
        .await
    {
        Ok(segment) => segment,
        Err(e) => return page_error(&state, &seen, e).await,
    };
    let lang = engine.web().page_language(&seen.viewer).await;
    let name = segment.segment.name().to_owned();
    if form.confirm.as_deref() != Some("yes") {
        let body = html! {
            p { (tr!(lang, "web-seg-confirm", segment = name.as_str(), count = segment.total)) }
            blockquote { (form.text) }
            form method="post" action={ "/dashboard/segments/" (name) "/broadcast" } {
                input type="hidden" name="csrf" value=(form.csrf);
                input type="hidden" name="text" value=(form.text);
                input type="hidden" name="confirm" value="yes";
                button type="submit" { (tr!(lang, "web-subs-confirm")) }
                " "
                a href={ "/dashboard/segments/" (name) } { (tr!(lang, "web-subs-cancel")) }
            }
        };
        return page(
            &state,
            lang,
            &seen,
            &tr!(lang, "web-subs-confirm-title"),
            body,
        )
        .into_response();
    }
    match engine
        .broadcasts()
        .web_broadcast(&seen.viewer, &name, &form.text)
        .await
    {
        Ok((id, reply)) => {
            let body = html! {
                p role="status" { (reply) }
                p { a href={ "/dashboard/broadcasts/" (id) } { (tr!(lang, "web-seg-follow")) } }
            };
            page(&state, lang, &seen, &tr!(lang, "web-subs-done-title"), body).into_response()
        }
        Err(e) => page_error(&state, &seen, e).await,
    }
}

/// `/dashboard/broadcasts/{id}`.
pub(crate) async fn status(
    State(state): State<AppState>,
    seen: Seen,
    Path(id): Path<i64>,
) -> Response {
    let engine = &state.engine;
    match engine.broadcasts().web_status(&seen.viewer, id).await {
        Ok(words) => {
            let lang = engine.web().page_language(&seen.viewer).await;
            let body = html! {
                p role="status" { (words) }
                p { a href="/dashboard/segments" { (tr!(lang, "web-seg-back")) } }
            };
            let title = tr!(lang, "web-seg-status-title", id = id);
            (StatusCode::OK, page(&state, lang, &seen, &title, body)).into_response()
        }
        Err(e) => page_error(&state, &seen, e).await,
    }
}
