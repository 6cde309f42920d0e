//! The revenue panel, per currency and never summed across (Stars are not money): what came in
//! over the range, refunds and their rate, revenue per paying member, the recurring revenue
//! week by week and now, the churn rate, the paid lifetime and its value, and the funnel from
//! new member to trial to paying.

use maud::{Markup, html};

use super::{csv_link, percent, period_label};
use crate::charts::lines;
use crate::core::analytics::measures::ratio;
use crate::engine::analytics::Dashboard;
use crate::i18n::{Lang, amount, money};
use crate::tr;

pub(super) fn panel(lang: Lang, dash: &Dashboard) -> Markup {
    let r = &dash.revenue;
    let arpu = |currency: &str| r.arpu.iter().find(|(c, _)| c == currency).map(|(_, v)| *v);
    let f = &r.funnel;
    html! {
        h2 { (tr!(lang, "web-dash-revenue")) }
        @if r.currencies.is_empty() && r.mrr.is_empty() && r.lifetime.is_empty() {
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
                    th.num { (tr!(lang, "web-dash-refund-rate")) }
                    th.num { (tr!(lang, "web-dash-arpu")) }
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
                        td.num { (percent(ratio(c.refunded, c.gross))) }
                        td.num { (arpu(&c.currency).map_or_else(|| "–".to_owned(), |v| money(lang, v, &c.currency))) }
                    }
                } }
            }
            p {
                (tr!(lang, "web-dash-renewing", count = r.renewing, churned = r.churned))
                " · " (tr!(lang, "web-dash-churn-rate", rate = percent(r.churn_rate)))
                @for (currency, mrr) in &r.mrr {
                    " · " (tr!(lang, "web-dash-mrr", amount = money(lang, *mrr, currency)))
                }
            }
            @if r.trials > 0 {
                p { (tr!(lang, "web-dash-trials", trials = r.trials, paid = r.trials_paid)) }
            }
            (recurring_trend(lang, dash))
            @if !r.lifetime.is_empty() {
                h3 { (tr!(lang, "web-dash-lifetime")) }
                table {
                    thead { tr {
                        th { (tr!(lang, "web-dash-currency")) }
                        th.num { (tr!(lang, "web-dash-paying-members")) }
                        th.num { (tr!(lang, "web-dash-lifetime-days")) }
                        th.num { (tr!(lang, "web-dash-lifetime-value")) }
                    } }
                    tbody { @for l in &r.lifetime {
                        tr {
                            td { (l.currency) }
                            td.num { (l.members) }
                            td.num { (l.mean_days.map_or_else(|| "–".to_owned(), |d| format!("{d:.0}"))) }
                            td.num { (l.value.map_or_else(|| "–".to_owned(), |v| money(lang, v, &l.currency))) }
                        }
                    } }
                }
            }
            p.muted { (tr!(lang, "web-dash-revenue-defined")) }
        }
        h3 { (tr!(lang, "web-dash-funnel")) }
        table { tbody {
            tr { th { (tr!(lang, "web-dash-funnel-new")) } td.num { (f.new_members) } td {} }
            tr { th { (tr!(lang, "web-dash-funnel-trials")) } td.num { (f.trials) } td.num { (percent(ratio(f.trials, f.new_members))) } }
            tr { th { (tr!(lang, "web-dash-funnel-trials-paid")) } td.num { (f.trials_paid) } td.num { (percent(ratio(f.trials_paid, f.trials))) } }
            tr { th { (tr!(lang, "web-dash-funnel-paid")) } td.num { (f.first_paid) } td.num { (percent(ratio(f.first_paid, f.new_members))) } }
            tr { th { (tr!(lang, "web-dash-funnel-referred")) } td.num { (f.referred) } td.num { (percent(ratio(f.referred, f.new_members))) } }
            tr { th { (tr!(lang, "web-dash-funnel-referred-paid")) } td.num { (f.referred_paid) } td.num { (percent(ratio(f.referred_paid, f.first_paid))) } }
        } }
        p.muted { (tr!(lang, "web-dash-funnel-defined")) }
        (csv_link(lang, dash, "revenue"))
    }
}

/// The recurring revenue of the 30 days to each week's end, one line per currency.
fn recurring_trend(lang: Lang, dash: &Dashboard) -> Markup {
    let weeks = &dash.objectives.weeks;
    let Some(first) = weeks.first() else {
        return html! {};
    };
    if first.recurring.is_empty() {
        return html! {};
    }
    let labels: Vec<String> = weeks.iter().map(|w| period_label(lang, &w.week)).collect();
    let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
    let series: Vec<(String, Vec<Option<f64>>)> = first
        .recurring
        .iter()
        .enumerate()
        .map(|(i, (currency, _))| {
            let points = weeks
                .iter()
                .map(|w| {
                    w.recurring
                        .get(i)
                        .and_then(|(c, v)| amount(*v, c).parse::<f64>().ok())
                })
                .collect();
            (currency.clone(), points)
        })
        .collect();
    html! {
        h3 { (tr!(lang, "web-dash-recurring-trend")) }
        p.muted { (tr!(lang, "web-dash-recurring-defined")) }
        (lines(&labels, &series))
    }
}
