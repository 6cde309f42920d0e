//! The membership panel: running memberships and those expiring within a week by tier, grants,
//! renewals, redemptions, expiries and revocations per week, and the revenue slot that payments
//! fill.

use maud::{Markup, html};

use super::{csv_link, period_label};
use crate::charts::{Column, stacked_bars};
use crate::engine::analytics::Dashboard;
use crate::i18n::{Lang, money};
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
            (revenue(lang, dash))
        }
    }
}

/// Per currency, never summed across: Stars are not money.
fn revenue(lang: Lang, dash: &Dashboard) -> Markup {
    let r = &dash.revenue;
    html! {
        h2 { (tr!(lang, "web-dash-revenue")) }
        @if r.currencies.is_empty() && r.mrr.is_empty() {
            p.muted { (tr!(lang, "web-dash-revenue-none")) }
        } @else {
            table {
                thead { tr {
                    th { (tr!(lang, "web-dash-currency")) }
                    th.num { (tr!(lang, "web-dash-gross")) }
                    th.num { (tr!(lang, "web-dash-refunded")) }
                    th.num { (tr!(lang, "web-dash-net")) }
                    th.num { (tr!(lang, "web-dash-new-paid")) }
                    th.num { (tr!(lang, "web-dash-renewals")) }
                    th.num { (tr!(lang, "web-dash-refunds")) }
                } }
                tbody { @for c in &r.currencies {
                    tr {
                        td { (c.currency) }
                        td.num { (money(lang, c.gross, &c.currency)) }
                        td.num { (money(lang, c.refunded, &c.currency)) }
                        td.num { (money(lang, c.gross - c.refunded, &c.currency)) }
                        td.num { (c.new_paid) }
                        td.num { (c.renewals) }
                        td.num { (c.refunds) }
                    }
                } }
            }
            p {
                (tr!(lang, "web-dash-renewing", count = r.renewing, churned = r.churned))
                @for (currency, mrr) in &r.mrr {
                    " · " (tr!(lang, "web-dash-mrr", amount = money(lang, *mrr, currency)))
                }
            }
            @if r.trials > 0 {
                p { (tr!(lang, "web-dash-trials", trials = r.trials, paid = r.trials_paid)) }
            }
            p.muted { (tr!(lang, "web-dash-revenue-defined")) }
        }
        (csv_link(lang, dash, "revenue"))
    }
}
