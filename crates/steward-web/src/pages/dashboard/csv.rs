//! `/dashboard/{panel}.csv`: each panel's figures over the chosen range as a CSV download,
//! behind the same operator check as the page. Column names are a file format, kept in
//! English; cells a person wrote are quoted and kept from being read as spreadsheet formulas.

use std::fmt::Write as _;

use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};

use super::{RangeQuery, refusal};
use crate::AppState;
use crate::auth::Seen;
use crate::core::analytics::day_key;
use crate::engine::analytics::{Dashboard, MEMBERSHIP_ACTIONS, XP_SOURCES};
use crate::errors::{Problem, page_error, problem};
use crate::extract::{Path, Query};
use crate::i18n::amount;
use crate::tr;

/// The files offered, by name.
pub(crate) const CSV_FILES: [&str; 8] = [
    "objectives",
    "activity",
    "weeks",
    "cohorts",
    "content",
    "questions",
    "membership",
    "revenue",
];

pub(crate) async fn download(
    State(state): State<AppState>,
    seen: Seen,
    Path(file): Path<String>,
    Query(query): Query<RangeQuery>,
) -> Response {
    let Some(name) = file.strip_suffix(".csv").filter(|n| CSV_FILES.contains(n)) else {
        return problem(&state, &seen.viewer, Problem::NotFound).await;
    };
    let engine = &state.engine;
    let (range, refused) = query.range(engine.operations().today());
    let dash = match engine.operations().dashboard(&seen.viewer, range).await {
        Ok(dash) => dash,
        Err(e) => return page_error(&state, &seen, e).await,
    };
    if let Some(refused) = refused {
        let lang = engine.web().page_language(&seen.viewer).await;
        let why = format!(
            "{} {}",
            refusal(lang, refused),
            tr!(lang, "web-csv-range-again")
        );
        return problem(&state, &seen.viewer, Problem::BadRange(why)).await;
    }
    let body = match name {
        "activity" => activity(&dash),
        "weeks" => weeks(&dash),
        "cohorts" => cohorts(&dash),
        "content" => content(&dash),
        "questions" => questions(&dash),
        "revenue" => revenue(&dash),
        "objectives" => objectives(&dash),
        _ => membership(&dash),
    };
    let filename = format!(
        "steward-{name}-{}-{}.csv",
        day_key(range.from),
        day_key(range.to)
    );
    (
        StatusCode::OK,
        [
            (CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()), // not translated: a media type
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""), // not translated: a header
            ),
        ],
        body,
    )
        .into_response()
}

fn activity(dash: &Dashboard) -> String {
    let mut out = String::from("date,messages,commands,dau,wau,mau,new,returning");
    for source in XP_SOURCES {
        let _ = write!(out, ",xp_{source}");
    }
    out.push_str(",points_spent\n");
    for d in &dash.activity.days {
        let _ = write!(
            out,
            "{},{},{},{},{},{},{},{}",
            day_key(d.day),
            d.messages,
            d.commands,
            d.active,
            d.wau,
            d.mau,
            d.new,
            d.returning
        );
        for xp in d.xp {
            let _ = write!(out, ",{xp}");
        }
        let _ = writeln!(out, ",{}", d.spent);
    }
    out
}

fn weeks(dash: &Dashboard) -> String {
    let mut out = String::from("week,active_members,member_days,messages,activity_index\n");
    for w in &dash.activity.weeks {
        let index = w.index.map_or_else(String::new, |i| format!("{i:.4}"));
        let a = w.activity;
        let _ = writeln!(
            out,
            "{},{},{},{},{index}",
            w.week, a.active_members, a.member_days, a.messages
        );
    }
    out
}

fn cohorts(dash: &Dashboard) -> String {
    let mut out = String::from("cohort_week,members,weeks_later,active\n");
    for c in &dash.activity.cohorts {
        for (k, n) in c.active.iter().enumerate() {
            let _ = writeln!(out, "{},{},{k},{n}", c.cohort, c.size);
        }
    }
    out
}

/// The questions asked in the range: one row of counts and median minutes.
fn questions(dash: &Dashboard) -> String {
    let q = &dash.questions;
    let minutes = |m: Option<i64>| m.map_or_else(String::new, |m| m.to_string());
    let mut out = String::from(
        "asked,answered,accepted,median_minutes_to_first_answer,median_minutes_to_acceptance\n",
    );
    let _ = writeln!(
        out,
        "{},{},{},{},{}",
        q.asked,
        q.answered,
        q.accepted,
        minutes(q.to_first_answer_mins),
        minutes(q.to_acceptance_mins)
    );
    out
}

fn content(dash: &Dashboard) -> String {
    let mut out = String::from(
        "drop,excerpt,first_sent,reach,deliveries,ratings,mean,bayesian_mean,rated_by,done,done_by,feedback,failed,missed\n",
    );
    let num = |v: Option<f64>| v.map_or_else(String::new, |v| format!("{v:.4}"));
    for d in &dash.content.drops {
        let r = &d.row;
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
            r.id,
            cell(&r.excerpt),
            r.first_sent_at.to_rfc3339(),
            r.reached,
            r.sent,
            r.ratings,
            num(d.mean),
            num(d.bayesian),
            num(d.rating_rate),
            r.done,
            num(d.done_rate),
            r.feedback,
            r.failed,
            r.missed
        );
    }
    out
}

fn membership(dash: &Dashboard) -> String {
    let mut out = String::from("week");
    for action in MEMBERSHIP_ACTIONS {
        let _ = write!(out, ",{action}");
    }
    out.push('\n');
    for w in &dash.membership.weeks {
        out.push_str(&w.week);
        for n in w.counts {
            let _ = write!(out, ",{n}");
        }
        out.push('\n');
    }
    out
}

/// Week by week: f1, f2 with its shares, each currency's net and 30-day recurring revenue
/// (in its units), the three scores and their sum.
fn objectives(dash: &Dashboard) -> String {
    let num = |v: Option<f64>| v.map_or_else(String::new, |v| format!("{v:.4}"));
    let currencies: Vec<&str> = dash
        .objectives
        .weeks
        .first()
        .map(|w| w.net.iter().map(|(c, _)| c.as_str()).collect())
        .unwrap_or_default();
    let mut out = String::from("week,f1,f2,rated_share,done_share");
    for c in &currencies {
        let c = c.to_ascii_lowercase();
        let _ = write!(out, ",net_{c},recurring_30d_{c}");
    }
    out.push_str(",score_f1,score_f2,score_f3,total,drops,events,plans\n");
    for w in &dash.objectives.weeks {
        let _ = write!(
            out,
            "{},{},{},{},{}",
            w.week,
            num(w.f1),
            num(w.f2),
            num(w.rated_share),
            num(w.done_share)
        );
        for ((c, net), (_, recurring)) in w.net.iter().zip(&w.recurring) {
            let _ = write!(out, ",{},{}", amount(*net, c), amount(*recurring, c));
        }
        let drops: Vec<String> = w.drops.iter().map(|(id, _)| format!("#{id}")).collect();
        let plans: Vec<String> = w.plans.iter().map(|(p, n)| format!("{p}×{n}")).collect();
        let _ = writeln!(
            out,
            ",{},{},{},{},{},{},{}",
            num(w.scores[0]),
            num(w.scores[1]),
            num(w.scores[2]),
            num(w.total),
            cell(&drops.join(" ")),
            cell(&w.events.join("; ")),
            cell(&plans.join(" "))
        );
    }
    out
}

/// Amounts in each currency's units (`12.50`, Stars whole), as on the page.
fn revenue(dash: &Dashboard) -> String {
    let mut out = String::from("currency,gross,refunded,net,new_paid,renewals,refunds\n");
    for c in &dash.revenue.currencies {
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{}",
            c.currency,
            amount(c.gross, &c.currency),
            amount(c.refunded, &c.currency),
            amount(c.gross - c.refunded, &c.currency),
            c.new_paid,
            c.renewals,
            c.refunds
        );
    }
    out
}

/// A text cell: quoted, quotes doubled, and a leading `= + - @` defused with an apostrophe so a
/// spreadsheet shows it instead of running it.
pub(super) fn cell(text: &str) -> String {
    let defused = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    format!("\"{}\"", defused.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(cell("a, \"b\""), "\"a, \"\"b\"\"\"");
        assert_eq!(cell("=HYPERLINK(1)"), "\"'=HYPERLINK(1)\"");
        assert_eq!(cell("line\nbreak"), "\"line\nbreak\"");
    }
}
