//! The content quality panel: each drop's reach and ratings (mean and Bayesian mean), the best
//! and lowest rated, drops per week (the update frequency), and failed or missed deliveries.

use maud::{Markup, html};

use super::{csv_link, figure, percent, period_label};
use crate::charts::{Column, stacked_bars};
use crate::core::analytics::measures::RATING_PRIOR_WEIGHT;
use crate::engine::analytics::{Dashboard, DropQuality};
use crate::i18n::Lang;
use crate::tr;

/// Drops listed on the page (the CSV has them all).
const LISTED: usize = 100;

pub(super) fn panel(lang: Lang, dash: &Dashboard) -> Markup {
    let c = &dash.content;
    let week_labels: Vec<String> = c
        .weeks
        .iter()
        .map(|w| period_label(lang, &w.week))
        .collect();
    let columns: Vec<Column<'_>> = c
        .weeks
        .iter()
        .zip(&week_labels)
        .map(|(w, label)| Column {
            label,
            values: vec![w.drops],
        })
        .collect();
    let by_id = |id: &i64| c.drops.iter().find(|d| d.row.id == *id);
    html! {
        section {
            h2 { (tr!(lang, "web-dash-content")) }
            table.figures { tbody {
                tr { th { (tr!(lang, "web-dash-drops-total")) } td.num { (c.drops.len()) } }
                tr { th { (tr!(lang, "web-dash-reach")) } td.num { (c.drops.iter().map(|d| d.row.reached).sum::<i64>()) } }
                tr { th { (tr!(lang, "web-dash-deliveries-sent")) } td.num { (c.drops.iter().map(|d| d.row.sent).sum::<i64>()) } }
                tr { th { (tr!(lang, "web-dash-ratings")) } td.num { (c.drops.iter().map(|d| d.row.ratings).sum::<i64>()) } }
                tr { th { (tr!(lang, "web-dash-community-mean")) } td.num { (figure(c.community_mean)) } }
            } }
            h3 { (tr!(lang, "web-dash-drops-per-week")) }
            (stacked_bars(&columns, &[tr!(lang, "web-dash-drops-total")], ""))
            table {
                thead { tr {
                    th { (tr!(lang, "web-dash-week")) }
                    th.num { (tr!(lang, "web-dash-drops-total")) }
                    th.num { (tr!(lang, "web-dash-failed")) }
                    th.num { (tr!(lang, "web-dash-missed")) }
                } }
                tbody { @for w in &c.weeks {
                    tr { td { (period_label(lang, &w.week)) } td.num { (w.drops) } td.num { (w.failed) } td.num { (w.missed) } }
                } }
            }
            @if c.drops.is_empty() {
                p.muted { (tr!(lang, "web-dash-no-drops")) }
            } @else {
                p.muted { (tr!(lang, "web-dash-reach-defined")) }
                p.muted { (tr!(lang, "web-dash-bayes-defined", weight = RATING_PRIOR_WEIGHT.to_string())) }
                div.columns {
                    div {
                        h3 { (tr!(lang, "web-dash-best")) }
                        ol { @for d in c.best.iter().filter_map(by_id) { li { (drop_line(d)) } } }
                    }
                    div {
                        h3 { (tr!(lang, "web-dash-worst")) }
                        ol { @for d in c.worst.iter().filter_map(by_id) { li { (drop_line(d)) } } }
                    }
                }
                (drops_table(lang, c.drops.iter().rev().take(LISTED)))
            }
            (csv_link(lang, dash, "content"))
        }
    }
}

fn drop_line(d: &DropQuality) -> Markup {
    html! { "#" (d.row.id) " " (d.row.excerpt) " · " (figure(d.bayesian)) " (" (d.row.ratings) ")" }
}

fn drops_table<'a>(lang: Lang, drops: impl Iterator<Item = &'a DropQuality>) -> Markup {
    html! {
        table {
            thead { tr {
                th { (tr!(lang, "web-dash-drop")) }
                th { (tr!(lang, "web-dash-first-sent")) }
                th.num { (tr!(lang, "web-dash-reach")) }
                th.num { (tr!(lang, "web-dash-deliveries-sent")) }
                th.num { (tr!(lang, "web-dash-ratings")) }
                th.num { (tr!(lang, "web-dash-mean")) }
                th.num { (tr!(lang, "web-dash-bayes")) }
                th.num { (tr!(lang, "web-dash-rating-rate")) }
                th.num { (tr!(lang, "web-dash-done-rate")) }
                th.num { (tr!(lang, "web-dash-feedback")) }
                th.num { (tr!(lang, "web-dash-failed")) }
                th.num { (tr!(lang, "web-dash-missed")) }
            } }
            tbody { @for d in drops {
                tr {
                    td { "#" (d.row.id) " " (d.row.excerpt) }
                    td { (d.row.first_sent_at.format("%Y-%m-%d")) }
                    td.num { (d.row.reached) }
                    td.num { (d.row.sent) }
                    td.num { (d.row.ratings) }
                    td.num { (figure(d.mean)) }
                    td.num { (figure(d.bayesian)) }
                    td.num { (percent(d.rating_rate)) }
                    td.num { (percent(d.done_rate)) }
                    td.num { (d.row.feedback) }
                    td.num { (d.row.failed) }
                    td.num { (d.row.missed) }
                }
            } }
        }
    }
}
