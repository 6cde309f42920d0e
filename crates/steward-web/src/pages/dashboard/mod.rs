//! `/dashboard`: the operators' page over a chosen range (a GET form, so a range is a link to
//! share): the community at a glance, activity, content quality, questions, and membership with
//! the slot revenue fills. Each panel links its CSV (`csv.rs`).

mod activity;
mod channels;
mod content;
mod contributors;
mod csv;
mod membership;
mod objectives;
mod questions;
mod revenue;
mod segments;
mod subscriber;
mod subscribers;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use serde::Deserialize;

use crate::AppState;
use crate::auth::Seen;
use crate::core::analytics::day_key;
use crate::core::analytics::range::{DEFAULT_DAYS, DayRange, MAX_DAYS, RangeError};
use crate::engine::analytics::Dashboard;
use crate::errors::page_error;
use crate::extract::Query;
use crate::i18n::Lang;
use crate::layout::page;
use crate::tr;
pub(crate) use contributors::contributors;
pub(crate) use csv::download;
pub(crate) use segments::{
    broadcast as segment_broadcast, index as segments, segment, status as broadcast_status,
};
pub(crate) use subscriber::{act as subscriber_act, member as subscriber};
pub(crate) use subscribers::{csv as subscribers_csv, list as subscribers};

/// The range as the form sends it.
#[derive(Debug, Deserialize, Default)]
pub(crate) struct RangeQuery {
    from: Option<String>,
    to: Option<String>,
}

impl RangeQuery {
    /// The chosen range, or the default one with the reason the choice was refused.
    fn range(&self, today: chrono::NaiveDate) -> (DayRange, Option<RangeError>) {
        match DayRange::chosen(self.from.as_deref(), self.to.as_deref(), today) {
            Ok(range) => (range, None),
            Err(e) => (DayRange::last(DEFAULT_DAYS, today), Some(e)),
        }
    }
}

/// `?from=…&to=…` for links that keep the range.
fn range_query(range: DayRange) -> String {
    format!("from={}&to={}", day_key(range.from), day_key(range.to))
}

pub(crate) async fn dashboard(
    State(state): State<AppState>,
    seen: Seen,
    Query(query): Query<RangeQuery>,
) -> Response {
    let engine = &state.engine;
    let (range, refused) = query.range(engine.operations().today());
    let dash = match engine.operations().dashboard(&seen.viewer, range).await {
        Ok(dash) => dash,
        Err(e) => return page_error(&state, &seen, e).await,
    };
    let lang = engine.web().page_language(&seen.viewer).await;
    let body = html! {
        (range_form(lang, &dash, refused, engine.operations().today()))
        (overview(lang, &dash))
        (objectives::panel(lang, &dash))
        (activity::panel(lang, &dash))
        (content::panel(lang, &dash))
        (questions::panel(lang, &dash))
        (membership::panel(lang, &dash))
    };
    let status = if refused.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    (
        status,
        page(&state, lang, &seen, &tr!(lang, "web-nav-dashboard"), body),
    )
        .into_response()
}

/// Why a range was refused, for the page's notice and the CSV files' error page.
fn refusal(lang: Lang, error: RangeError) -> String {
    match error {
        RangeError::BadDate => tr!(lang, "web-dash-range-bad-date"),
        RangeError::Backwards => tr!(lang, "web-dash-range-backwards"),
        RangeError::TooLong => tr!(lang, "web-dash-range-too-long", days = MAX_DAYS),
    }
}

fn range_form(
    lang: Lang,
    dash: &Dashboard,
    refused: Option<RangeError>,
    today: chrono::NaiveDate,
) -> Markup {
    let refusal = refused.map(|e| {
        format!(
            "{} {}",
            refusal(lang, e),
            tr!(lang, "web-dash-range-instead")
        )
    });
    html! {
        @if let Some(refusal) = refusal {
            p.notice role="alert" { (refusal) }
        }
        form.search method="get" action="/dashboard" {
            label { (tr!(lang, "web-dash-from")) " " input type="date" name="from" value=(day_key(dash.range.from)); }
            label { (tr!(lang, "web-dash-to")) " " input type="date" name="to" value=(day_key(dash.range.to)); }
            button type="submit" { (tr!(lang, "web-dash-show")) }
        }
        p.pager { @for days in [7u64, 30, 90, 365] {
            a href={ "/dashboard?" (range_query(DayRange::last(days, today))) } { (tr!(lang, "web-dash-last-days", days = days)) }
        } }
    }
}

/// The database's size in a unit that shows it: kB under a megabyte (a new community's file
/// read "0 MB"), whole MB above.
fn database_size(lang: Lang, bytes: i64) -> String {
    const MEGABYTE: i64 = 1_048_576;
    if bytes < MEGABYTE {
        tr!(
            lang,
            "web-dash-database-kb",
            kilobytes = (bytes.max(0) + 1023) / 1024
        )
    } else {
        tr!(lang, "web-dash-database", megabytes = bytes / MEGABYTE)
    }
}

fn overview(lang: Lang, dash: &Dashboard) -> Markup {
    let counts = &dash.overview.counts;
    html! {
        section {
            h2 { (tr!(lang, "web-dash-community")) }
            p { (tr!(lang, "web-dash-members", count = counts.members)) }
            p.muted { (database_size(lang, counts.database_bytes)) }
            @if !counts.deliveries_by_state.is_empty() {
                h3 { (tr!(lang, "web-dash-deliveries")) }
                table { tbody { @for (state_name, n) in &counts.deliveries_by_state {
                    tr { td { (tr!(lang, "drop-state", state = state_name.as_str())) } td.num { (n) } }
                } } }
            }
        }
    }
}

/// A CSV link for a panel, keeping the range.
fn csv_link(lang: Lang, dash: &Dashboard, file: &str) -> Markup {
    html! {
        p { a href={ "/dashboard/" (file) ".csv?" (range_query(dash.range)) } download { (tr!(lang, "web-dash-csv")) } }
    }
}

/// A period key as its readers write it: `2026-W49` is `2026年第49周` in Chinese, `2026-11` is
/// `2026年11月`; a key that is neither is shown as it is.
fn period_label(lang: Lang, key: &str) -> String {
    if let Some((year, number)) = key.split_once("-W")
        && let Ok(number) = number.parse::<u32>()
    {
        return tr!(lang, "web-dash-week-label", year = year, number = number);
    }
    match key.split_once('-') {
        Some((year, number)) if !number.contains('-') => match number.parse::<u32>() {
            Ok(number) => tr!(lang, "web-dash-month-label", year = year, number = number),
            Err(_) => key.to_owned(),
        },
        _ => key.to_owned(),
    }
}

/// A figure with two decimals, or a dash when there is none.
fn figure(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{v:.2}"))
}

/// A share as a whole percentage, or a dash.
fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{:.0}%", v * 100.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_read_as_each_language_writes_them() {
        let zh = Lang::from_code("zh-CN").unwrap();
        let en = Lang::default();
        assert_eq!(period_label(en, "2026-W49"), "2026-W49");
        assert_eq!(period_label(en, "2027-W05"), "2027-W05");
        assert_eq!(period_label(zh, "2026-W49"), "2026年第49周");
        assert_eq!(period_label(zh, "2027-W05"), "2027年第5周");
        assert_eq!(period_label(en, "2026-03"), "2026-03");
        assert_eq!(period_label(zh, "2026-03"), "2026年3月");
        assert_eq!(period_label(zh, "2026-11-30"), "2026-11-30");
    }
}
