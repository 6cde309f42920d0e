//! The activity panel: distinct actives per day with the rolling 7- and 30-day actives, chat
//! messages and commands apart, XP by source, the weekly activity index with its definition,
//! retention cohorts and calendar months' actives.

use maud::{Markup, html};

use super::{csv_link, figure, percent, period_label};
use crate::charts::{Column, lines, stacked_bars};
use crate::core::analytics::day_key;
use crate::core::analytics::measures::ratio;
use crate::engine::analytics::{ActivityPanel, Dashboard, DayRow, XP_SOURCES};
use crate::i18n::Lang;
use crate::tr;

/// Cohort columns shown on the page (the CSV has them all).
const COHORT_WEEKS: usize = 12;

pub(super) fn panel(lang: Lang, dash: &Dashboard) -> Markup {
    let a = &dash.activity;
    let day_labels: Vec<String> = a.days.iter().map(|d| day_key(d.day)).collect();
    let per_day = |values: &dyn Fn(usize) -> Vec<i64>| -> Vec<Column<'_>> {
        day_labels
            .iter()
            .enumerate()
            .map(|(i, label)| Column {
                label,
                values: values(i),
            })
            .collect()
    };
    let actives = per_day(&|i| vec![a.days[i].new, a.days[i].returning]);
    let messages = per_day(&|i| vec![a.days[i].messages, a.days[i].commands]);
    #[allow(clippy::cast_precision_loss)] // member counts, far below 2^52
    let series = |value: fn(&DayRow) -> i64| a.days.iter().map(|d| Some(value(d) as f64)).collect();
    let rolling = vec![
        (tr!(lang, "web-dash-dau"), series(|d| d.active)),
        (tr!(lang, "web-dash-wau"), series(|d| d.wau)),
        (tr!(lang, "web-dash-mau"), series(|d| d.mau)),
    ];
    // Removals are negative and stay in the CSV; the chart stacks what was earned.
    let xp = per_day(&|i| a.days[i].xp[..XP_SOURCES.len() - 1].to_vec());
    let sources = vec![
        tr!(lang, "web-dash-source-message"),
        tr!(lang, "web-dash-source-daily"),
        tr!(lang, "web-dash-source-thanks"),
        tr!(lang, "web-dash-source-learning"),
        tr!(lang, "web-dash-source-course"),
        tr!(lang, "web-dash-source-contribution"),
        tr!(lang, "web-dash-source-event"),
        tr!(lang, "web-dash-source-answer"),
        tr!(lang, "web-dash-source-grant"),
    ];
    let total = |f: &dyn Fn(&DayRow) -> i64| a.days.iter().map(f).sum::<i64>();
    let n_days = i64::try_from(a.days.len()).unwrap_or(1);
    let last = a.days.last();
    html! {
        section {
            h2 { (tr!(lang, "web-dash-activity")) }
            table.figures { tbody {
                tr { th { (tr!(lang, "web-dash-mean-dau")) } td.num { (figure(ratio(total(&|d| d.active), n_days))) } }
                tr { th { (tr!(lang, "web-dash-wau-end")) } td.num { (last.map_or(0, |d| d.wau)) } }
                tr { th { (tr!(lang, "web-dash-mau-end")) } td.num { (last.map_or(0, |d| d.mau)) } }
                tr { th { (tr!(lang, "web-dash-stickiness-week")) } td.num { (percent(a.dau_over_wau)) } }
                tr { th { (tr!(lang, "web-dash-stickiness")) } td.num { (percent(a.dau_over_mau)) } }
                tr { th { (tr!(lang, "web-dash-messages-total")) } td.num { (total(&|d| d.messages)) } }
                tr { th { (tr!(lang, "web-dash-commands-total")) } td.num { (total(&|d| d.commands)) } }
                tr { th { (tr!(lang, "web-dash-new-total")) } td.num { (total(&|d| d.new)) } }
                tr { th { (tr!(lang, "web-dash-spent-total")) } td.num { (total(&|d| d.spent)) } }
            } }
            @if total(&|d| d.active) == 0 {
                p.muted { (tr!(lang, "web-dash-no-activity")) }
            }
            h3 { (tr!(lang, "web-dash-active-per-day")) }
            (stacked_bars(&actives, &[tr!(lang, "web-dash-new"), tr!(lang, "web-dash-returning")], ""))
            h3 { (tr!(lang, "web-dash-rolling")) }
            p.muted { (tr!(lang, "web-dash-rolling-defined")) }
            (lines(&day_labels.iter().map(String::as_str).collect::<Vec<_>>(), &rolling))
            h3 { (tr!(lang, "web-dash-messages-per-day")) }
            (stacked_bars(&messages, &[tr!(lang, "web-dash-messages-total"), tr!(lang, "web-dash-commands-total")], ""))
            h3 { (tr!(lang, "web-dash-xp-per-day")) }
            (stacked_bars(&xp, &sources, &tr!(lang, "web-xp-unit")))
            (csv_link(lang, dash, "activity"))
            (super::channels::panel(lang, a))
            p { a href={ "/dashboard/contributors?" (super::range_query(dash.range)) } { (tr!(lang, "web-top-link")) } }
            (index(lang, dash, a))
            (cohorts(lang, dash, a))
        }
    }
}

fn index(lang: Lang, dash: &Dashboard, a: &ActivityPanel) -> Markup {
    let week_labels: Vec<String> = a
        .weeks
        .iter()
        .map(|w| period_label(lang, &w.week))
        .collect();
    let labels: Vec<&str> = week_labels.iter().map(String::as_str).collect();
    let series = vec![(
        tr!(lang, "web-dash-index-short"),
        a.weeks.iter().map(|w| w.index).collect(),
    )];
    html! {
        h3 { (tr!(lang, "web-dash-index")) }
        p.muted { (tr!(lang, "web-dash-index-defined", a1 = a.weights.a1.to_string(), a2 = a.weights.a2.to_string())) }
        (lines(&labels, &series))
        table {
            thead { tr {
                th { (tr!(lang, "web-dash-week")) }
                th.num { (tr!(lang, "web-dash-active")) }
                th.num { (tr!(lang, "web-dash-days-per-member")) }
                th.num { (tr!(lang, "web-dash-messages-per-member-day")) }
                th.num { (tr!(lang, "web-dash-index-short")) }
            } }
            tbody { @for (w, label) in a.weeks.iter().zip(&week_labels) {
                tr {
                    td { (label) }
                    td.num { (w.activity.active_members) }
                    td.num { (figure(ratio(w.activity.member_days, w.activity.active_members))) }
                    td.num { (figure(ratio(w.activity.messages, w.activity.member_days))) }
                    td.num { (figure(w.index)) }
                }
            } }
        }
        (csv_link(lang, dash, "weeks"))
        h3 { (tr!(lang, "web-dash-monthly")) }
        table { tbody { @for (month, n) in &a.months {
            tr { td { (period_label(lang, month)) } td.num { (n) } }
        } } }
    }
}

fn cohorts(lang: Lang, dash: &Dashboard, a: &ActivityPanel) -> Markup {
    let columns = a
        .cohorts
        .iter()
        .map(|c| c.active.len())
        .max()
        .unwrap_or(0)
        .min(COHORT_WEEKS);
    html! {
        h3 { (tr!(lang, "web-dash-cohorts")) }
        p.muted { (tr!(lang, "web-dash-cohorts-defined")) }
        @if a.cohorts.is_empty() {
            p.muted { (tr!(lang, "web-dash-no-activity")) }
        } @else {
            table.cohorts {
                thead { tr {
                    th { (tr!(lang, "web-dash-cohort")) }
                    th.num { (tr!(lang, "web-dash-cohort-size")) }
                    @for k in 0..columns { th.num { "+" (k) } }
                } }
                tbody { @for c in &a.cohorts {
                    tr {
                        td { (period_label(lang, &c.cohort)) }
                        td.num { (c.size) }
                        @for k in 0..columns {
                            @match c.active.get(k) {
                                Some(n) => {
                                    @let share = ratio(*n, c.size);
                                    td.num class={ "heat" (heat(share)) } { (percent(share)) }
                                }
                                None => td {},
                            }
                        }
                    }
                } }
            }
        }
        (csv_link(lang, dash, "cohorts"))
    }
}

/// A shade 0–5 for a share, drawn by the stylesheet (no inline styles).
pub(super) fn heat(share: Option<f64>) -> u8 {
    let share = share.unwrap_or(0.0).clamp(0.0, 1.0);
    // Truncation is the point: five equal bands.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let band = (share * 5.0).ceil() as u8;
    band.min(5)
}
