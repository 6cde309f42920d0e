//! The objectives panel: activity (f1), content quality (f2) and revenue (f3) week by week,
//! each as a standard score over the weeks shown, their weighted sum, and what moved them (the
//! drops, events and plans of the week).

use maud::{Markup, html};

use super::{csv_link, figure, percent, period_label};
use crate::charts::lines;
use crate::engine::analytics::Dashboard;
use crate::i18n::{Lang, money};
use crate::tr;

pub(super) fn panel(lang: Lang, dash: &Dashboard) -> Markup {
    let o = &dash.objectives;
    let labels: Vec<String> = o
        .weeks
        .iter()
        .map(|w| period_label(lang, &w.week))
        .collect();
    let label_refs: Vec<&str> = labels.iter().map(String::as_str).collect();
    let series = vec![
        (
            tr!(lang, "web-obj-f1"),
            o.weeks.iter().map(|w| w.scores[0]).collect(),
        ),
        (
            tr!(lang, "web-obj-f2"),
            o.weeks.iter().map(|w| w.scores[1]).collect(),
        ),
        (
            tr!(lang, "web-obj-f3"),
            o.weeks.iter().map(|w| w.scores[2]).collect(),
        ),
        (
            tr!(lang, "web-obj-total"),
            o.weeks.iter().map(|w| w.total).collect(),
        ),
    ];
    html! {
        section {
            h2 { (tr!(lang, "web-obj-title")) }
            p.muted { (tr!(lang, "web-obj-defined", w1 = o.weights.f1.to_string(), w2 = o.weights.f2.to_string(), w3 = o.weights.f3.to_string())) }
            (lines(&label_refs, &series))
            table {
                thead { tr {
                    th { (tr!(lang, "web-dash-week")) }
                    th.num { "f1" }
                    th.num { "f2" }
                    th.num { (tr!(lang, "web-dash-rating-rate")) }
                    th.num { (tr!(lang, "web-dash-done-rate")) }
                    th.num { (tr!(lang, "web-dash-net")) }
                    th.num { (tr!(lang, "web-obj-scores")) }
                    th.num { (tr!(lang, "web-obj-total")) }
                    th { (tr!(lang, "web-obj-moved")) }
                } }
                tbody { @for (w, label) in o.weeks.iter().zip(&labels) {
                    tr {
                        td { (label) }
                        td.num { (figure(w.f1)) }
                        td.num { (figure(w.f2)) }
                        td.num { (percent(w.rated_share)) }
                        td.num { (percent(w.done_share)) }
                        td.num { (w.net.iter().filter(|(_, v)| *v != 0).map(|(c, v)| money(lang, *v, c)).collect::<Vec<_>>().join(" + ")) }
                        td.num { (w.scores.iter().map(|s| figure(*s)).collect::<Vec<_>>().join(" / ")) }
                        td.num { (figure(w.total)) }
                        td { (moved(lang, w)) }
                    }
                } }
            }
            (csv_link(lang, dash, "objectives"))
        }
    }
}

fn moved(lang: Lang, w: &crate::engine::analytics::ObjectiveWeek) -> Markup {
    html! {
        @for (id, excerpt) in &w.drops { span { "#" (id) " " (excerpt) } br; }
        @for name in &w.events { span { (tr!(lang, "web-obj-event", name = name.as_str())) } br; }
        @for (plan, n) in &w.plans { span { (tr!(lang, "web-obj-plan", plan = plan.as_str(), count = *n)) } br; }
    }
}
