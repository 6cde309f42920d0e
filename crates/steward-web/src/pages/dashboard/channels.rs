//! Where and when members talk: the chats with their lines and active members, and the
//! hour-of-week heatmap of chat lines in the community's timezone.

use maud::{Markup, html};

use super::activity::heat;
use crate::core::analytics::measures::ratio;
use crate::engine::analytics::ActivityPanel;
use crate::i18n::Lang;
use crate::tr;

pub(super) fn panel(lang: Lang, a: &ActivityPanel) -> Markup {
    let busiest = a.hours.iter().flatten().copied().max().unwrap_or(0);
    html! {
        h3 { (tr!(lang, "web-dash-channels")) }
        @if a.channels.is_empty() {
            p.muted { (tr!(lang, "web-dash-no-activity")) }
        } @else {
            table {
                thead { tr {
                    th { (tr!(lang, "web-dash-channel")) }
                    th.num { (tr!(lang, "web-dash-messages-total")) }
                    th.num { (tr!(lang, "web-dash-channel-active")) }
                    th.num { (tr!(lang, "web-dash-channel-member-days")) }
                } }
                tbody { @for c in &a.channels {
                    tr {
                        td { @if let Some(name) = &c.name { (name) " " } span.muted { (c.chat) } }
                        td.num { (c.messages) }
                        td.num { (format!("{:.2}", c.daily_active)) }
                        td.num { (c.member_days) }
                    }
                } }
            }
        }
        h3 { (tr!(lang, "web-dash-hours")) }
        p.muted { (tr!(lang, "web-dash-hours-defined")) }
        table.cohorts.hours {
            thead { tr {
                th {}
                @for hour in 0..24 { th { (hour) } }
            } }
            tbody { @for (day, row) in a.hours.iter().enumerate() {
                tr {
                    th { (tr!(lang, "web-dash-weekday", day = day)) }
                    @for n in row {
                        td class={ "heat" (heat(ratio(*n, busiest))) } title=(n) { @if *n > 0 { (n) } }
                    }
                }
            } }
        }
    }
}
