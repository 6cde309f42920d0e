//! The questions panel: questions asked in the range, how many were answered and accepted, and
//! the median waits for a first answer and for the accepted one (members helping each other).

use maud::{Markup, html};

use super::csv_link;
use crate::engine::analytics::Dashboard;
use crate::i18n::Lang;
use crate::tr;

pub(super) fn panel(lang: Lang, dash: &Dashboard) -> Markup {
    let q = &dash.questions;
    let wait = |minutes: Option<i64>| match minutes {
        Some(m) if m < 120 => tr!(lang, "web-dash-wait-minutes", minutes = m),
        Some(m) => tr!(lang, "web-dash-wait-hours", hours = m / 60),
        None => "–".to_owned(),
    };
    html! {
        section #questions {
            h2 { (tr!(lang, "web-dash-questions")) }
            table.figures { tbody {
                tr { th { (tr!(lang, "web-dash-questions-asked")) } td.num { (q.asked) } }
                tr { th { (tr!(lang, "web-dash-questions-answered")) } td.num { (q.answered) } }
                tr { th { (tr!(lang, "web-dash-questions-accepted")) } td.num { (q.accepted) } }
                tr { th { (tr!(lang, "web-dash-questions-first-answer")) } td.num { (wait(q.to_first_answer_mins)) } }
                tr { th { (tr!(lang, "web-dash-questions-acceptance")) } td.num { (wait(q.to_acceptance_mins)) } }
            } }
            (csv_link(lang, dash, "questions"))
        }
    }
}
