//! The membership panel: running memberships and those expiring within a week by tier, grants,
//! renewals, redemptions, expiries and revocations per week, and the revenue slot that payments
//! fill.

use maud::{Markup, html};

use super::{csv_link, period_label};
use crate::charts::{Column, stacked_bars};
use crate::engine::analytics::Dashboard;
use crate::i18n::Lang;
use crate::tr;

pub(super) fn panel(lang: Lang, dash: &Dashboard) -> Markup {
    let m = &dash.membership;
    let actions = [
        tr!(lang, "web-dash-action-grant"),
        tr!(lang, "web-dash-action-extend"),
        tr!(lang, "web-dash-action-redeem"),
        tr!(lang, "web-dash-action-expire"),
        tr!(lang, "web-dash-action-revoke"),
    ];
    let week_labels: Vec<String> = m
        .weeks
        .iter()
        .map(|w| period_label(lang, &w.week))
        .collect();
    let columns: Vec<Column<'_>> = m
        .weeks
        .iter()
        .zip(&week_labels)
        .map(|(w, label)| Column {
            label,
            values: w.counts.to_vec(),
        })
        .collect();
    html! {
        section {
            h2 { (tr!(lang, "web-dash-memberships")) }
            p { a href="/dashboard/members" { (tr!(lang, "web-subs-link")) } }
            p { a href="/dashboard/segments" { (tr!(lang, "web-seg-link")) } }
            div.columns {
                div {
                    @if m.running.is_empty() {
                        p.muted { (tr!(lang, "web-dash-no-tiers")) }
                    } @else {
                        table {
                            thead { tr { th { (tr!(lang, "web-dash-tier")) } th.num { (tr!(lang, "web-dash-running")) } } }
                            tbody { @for (tier, n) in &m.running { tr { td { (tier) } td.num { (n) } } } }
                        }
                    }
                }
                div {
                    h3 { (tr!(lang, "web-dash-expiring")) }
                    @if m.expiring_soon.is_empty() {
                        p.muted { (tr!(lang, "web-dash-none-expiring")) }
                    } @else {
                        table { tbody { @for (tier, n) in &m.expiring_soon { tr { td { (tier) } td.num { (n) } } } } }
                    }
                }
            }
            h3 { (tr!(lang, "web-dash-membership-weeks")) }
            (stacked_bars(&columns, &actions, ""))
            table {
                thead { tr {
                    th { (tr!(lang, "web-dash-week")) }
                    @for a in &actions { th.num { (a) } }
                } }
                tbody { @for w in &m.weeks {
                    tr { td { (period_label(lang, &w.week)) } @for n in w.counts { td.num { (n) } } }
                } }
            }
            (csv_link(lang, dash, "membership"))
            (super::revenue::panel(lang, dash))
        }
    }
}
