//! `/dashboard/members`: every member who holds or held a tier, with the provider paying for it,
//! whether it renews, until when, and what they paid; searchable, sortable, paged, and as CSV
//! (`/dashboard/members.csv`, the same search and order). Each name opens the member's row
//! (`subscriber.rs`), where an operator acts.

use std::fmt::Write as _;

use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use serde::Deserialize;

use super::csv::cell;
use crate::AppState;
use crate::auth::Seen;
use crate::core::analytics::day_key;
use crate::core::analytics::subscribers::SubscriberOrder;
use crate::engine::analytics::{SUBSCRIBERS_PER_PAGE, SubscriberLine, SubscriberList};
use crate::errors::page_error;
use crate::extract::Query;
use crate::i18n::{Lang, amount, money};
use crate::layout::page;
use crate::tr;

/// The list's query: `?q=alice&sort=name&page=2`.
#[derive(Debug, Deserialize, Default)]
pub(crate) struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    sort: String,
    page: Option<u32>,
}

/// Searches longer than this are cut: a name is never this long.
const SEARCH_CHARS: usize = 100;

impl ListQuery {
    fn order(&self) -> SubscriberOrder {
        SubscriberOrder::named(&self.sort)
    }

    fn search(&self) -> String {
        self.q.chars().take(SEARCH_CHARS).collect()
    }
}

pub(crate) async fn list(
    State(state): State<AppState>,
    seen: Seen,
    Query(query): Query<ListQuery>,
) -> Response {
    let page_number = query.page.unwrap_or(1).max(1);
    let offset = (page_number - 1).saturating_mul(SUBSCRIBERS_PER_PAGE);
    let engine = &state.engine;
    let found = engine
        .subscribers()
        .list(&seen.viewer, &query.search(), query.order(), offset)
        .await;
    let list = match found {
        Ok(list) => list,
        Err(e) => return page_error(&state, &seen, e).await,
    };
    let lang = engine.web().page_language(&seen.viewer).await;
    let body = body(lang, &query, &list, page_number);
    page(&state, lang, &seen, &tr!(lang, "web-subs-title"), body).into_response()
}

fn body(lang: Lang, query: &ListQuery, list: &SubscriberList, page_number: u32) -> Markup {
    let search = query.search();
    let link = |sort: &str, page: u32| {
        format!(
            "/dashboard/members?q={}&sort={sort}&page={page}",
            encoded(&search)
        )
    };
    let sort = query.order().name();
    let shown = u32::try_from(list.lines.len()).unwrap_or(u32::MAX);
    let more = i64::from(list.offset) + i64::from(shown) < list.total;
    html! {
        p { a href="/dashboard" { (tr!(lang, "web-subs-back")) } }
        form.search method="get" action="/dashboard/members" {
            label { (tr!(lang, "web-subs-search")) " " input type="search" name="q" value=(search) maxlength="100"; }
            input type="hidden" name="sort" value=(sort);
            button type="submit" { (tr!(lang, "web-dash-show")) }
        }
        p.muted { (tr!(lang, "web-subs-count", count = list.total)) }
        p.pager {
            (tr!(lang, "web-subs-sort")) " "
            @for name in SubscriberOrder::ALL.map(SubscriberOrder::name) {
                @if name == sort { strong { (order_label(lang, name)) } } @else { a href=(link(name, 1)) { (order_label(lang, name)) } }
                " "
            }
        }
        @if list.lines.is_empty() {
            p.muted { (tr!(lang, "web-subs-none")) }
        } @else {
            table {
                thead { tr {
                    th { (tr!(lang, "web-subs-member")) }
                    th { (tr!(lang, "web-dash-tier")) }
                    th { (tr!(lang, "web-subs-state")) }
                    th { (tr!(lang, "web-subs-provider")) }
                    th { (tr!(lang, "web-subs-renews")) }
                    th { (tr!(lang, "web-subs-until")) }
                    th.num { (tr!(lang, "web-subs-paid")) }
                } }
                tbody { @for line in &list.lines { (row(lang, line)) } }
            }
        }
        p.pager {
            @if page_number > 1 { a href=(link(sort, page_number - 1)) rel="prev" { (tr!(lang, "web-page-prev")) } " " }
            @if more { a href=(link(sort, page_number + 1)) rel="next" { (tr!(lang, "web-page-next")) } }
        }
        p { a href={ "/dashboard/members.csv?q=" (encoded(&search)) "&sort=" (sort) } download { (tr!(lang, "web-dash-csv")) } }
    }
}

fn row(lang: Lang, line: &SubscriberLine) -> Markup {
    html! {
        tr {
            td { a href={ "/dashboard/members/" (line.member.0) } { (line.name) } " " span.muted { "#" (line.member.0) } }
            td { (line.tier_name) }
            td { (state_words(lang, line)) }
            td { (provider_words(lang, line.provider.as_deref())) }
            td { @if line.provider.is_some() { (tr!(lang, "web-subs-yes-no", yes = line.renews.to_string())) } }
            td { (until_words(lang, line)) }
            td.num { (paid_words(lang, &line.paid)) }
        }
    }
}

fn encoded(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

fn order_label(lang: Lang, name: &str) -> String {
    tr!(lang, "web-subs-order", order = name)
}

pub(super) fn state_words(lang: Lang, line: &SubscriberLine) -> String {
    let state = if line.running { "running" } else { "ended" };
    tr!(lang, "web-subs-state-word", state = state)
}

pub(super) fn provider_words(lang: Lang, provider: Option<&str>) -> String {
    tr!(
        lang,
        "web-subs-provider-name",
        provider = provider.unwrap_or("none")
    )
}

pub(super) fn until_words(lang: Lang, line: &SubscriberLine) -> String {
    match (line.ended, line.until) {
        (Some(ended), _) => day_key(ended),
        (None, Some(until)) => day_key(until),
        (None, None) => tr!(lang, "web-subs-lifetime"),
    }
}

pub(super) fn paid_words(lang: Lang, paid: &[(String, i64)]) -> String {
    if paid.is_empty() {
        return "–".to_owned();
    }
    paid.iter()
        .map(|(currency, minor)| money(lang, *minor, currency))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// `/dashboard/members.csv`: the same search and order as the page, every row. Money in each
/// currency's units, one column per currency paid in.
pub(crate) async fn csv(
    State(state): State<AppState>,
    seen: Seen,
    Query(query): Query<ListQuery>,
) -> Response {
    let found = state
        .engine
        .subscribers()
        .all(&seen.viewer, &query.search(), query.order())
        .await;
    let list = match found {
        Ok(list) => list,
        Err(e) => return page_error(&state, &seen, e).await,
    };
    let mut currencies: Vec<&str> = list
        .lines
        .iter()
        .flat_map(|l| l.paid.iter().map(|(c, _)| c.as_str()))
        .collect();
    currencies.sort_unstable();
    currencies.dedup();
    let mut out =
        String::from("member_id,name,tier,state,provider,renews,started,until,ended,paid_until");
    for currency in &currencies {
        let _ = write!(out, ",paid_{}", currency.to_ascii_lowercase());
    }
    out.push('\n');
    let day = |d: Option<chrono::NaiveDate>| d.map(day_key).unwrap_or_default();
    for l in &list.lines {
        let _ = write!(
            out,
            "{},{},{},{},{},{},{},{},{},{}",
            l.member.0,
            cell(&l.name),
            l.tier,
            if l.running { "running" } else { "ended" },
            l.provider.as_deref().unwrap_or(""),
            l.provider.is_some() && l.renews,
            day_key(l.started),
            day(l.until),
            day(l.ended),
            day(l.paid_until),
        );
        for currency in &currencies {
            let paid = l.paid.iter().find(|(c, _)| c == currency);
            let _ = write!(
                out,
                ",{}",
                paid.map(|(c, minor)| amount(*minor, c)).unwrap_or_default()
            );
        }
        out.push('\n');
    }
    (
        StatusCode::OK,
        [
            (CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()), // not translated: a media type
            (
                CONTENT_DISPOSITION,
                "attachment; filename=\"steward-members.csv\"".to_owned(), // not translated: a header
            ),
        ],
        out,
    )
        .into_response()
}
