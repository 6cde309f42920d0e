//! `/dashboard/contributors`: the range's top members by XP earned, thanks received and
//! submissions accepted, with the dashboard's range form.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use super::{RangeQuery, range_query, refusal};
use crate::AppState;
use crate::auth::Seen;
use crate::core::analytics::day_key;
use crate::engine::analytics::{Contributors, TopMember};
use crate::errors::page_error;
use crate::extract::Query;
use crate::i18n::Lang;
use crate::layout::page;
use crate::tr;

pub(crate) async fn contributors(
    State(state): State<AppState>,
    seen: Seen,
    Query(query): Query<RangeQuery>,
) -> Response {
    let engine = &state.engine;
    let (range, refused) = query.range(engine.operations().today());
    let top = match engine.operations().contributors(&seen.viewer, range).await {
        Ok(top) => top,
        Err(e) => return page_error(&state, &seen, e).await,
    };
    let lang = engine.web().page_language(&seen.viewer).await;
    let body = html! {
        p { a href={ "/dashboard?" (range_query(range)) } { (tr!(lang, "web-subs-back")) } }
        @if let Some(refused) = refused { p.notice role="alert" { (refusal(lang, refused)) } }
        form.search method="get" action="/dashboard/contributors" {
            label { (tr!(lang, "web-dash-from")) " " input type="date" name="from" value=(day_key(range.from)); }
            label { (tr!(lang, "web-dash-to")) " " input type="date" name="to" value=(day_key(range.to)); }
            button type="submit" { (tr!(lang, "web-dash-show")) }
        }
        (lists(lang, &top))
    };
    page(&state, lang, &seen, &tr!(lang, "web-top-title"), body).into_response()
}

fn lists(lang: Lang, top: &Contributors) -> Markup {
    let list = |title: String, rows: &[TopMember], unit: &str| {
        html! {
            div {
                h3 { (title) }
                @if rows.is_empty() { p.muted { (tr!(lang, "web-top-none")) } } @else {
                    ol { @for r in rows {
                        li { a href={ "/dashboard/members/" (r.member.0) } { (r.name) } " · " (r.value) " " (unit) }
                    } }
                }
            }
        }
    };
    html! {
        div.columns {
            (list(tr!(lang, "web-top-xp"), &top.by_xp, &tr!(lang, "web-xp-unit")))
            (list(tr!(lang, "web-top-thanks"), &top.by_thanks, ""))
            (list(tr!(lang, "web-top-submissions"), &top.by_submissions, ""))
        }
        p.muted { (tr!(lang, "web-top-defined")) }
    }
}
