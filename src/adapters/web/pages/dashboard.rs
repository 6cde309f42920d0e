//! `/dashboard`: the operators' page. Its first panel is the community at a glance: members,
//! running memberships by tier, deliveries by state and the database's size.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use maud::html;

use crate::adapters::web::AppState;
use crate::adapters::web::auth::Seen;
use crate::adapters::web::errors::page_error;
use crate::adapters::web::layout::page;
use crate::tr;

pub(crate) async fn dashboard(State(state): State<AppState>, seen: Seen) -> Response {
    let engine = &state.engine;
    let overview = match engine.overview(&seen.viewer).await {
        Ok(overview) => overview,
        Err(e) => return page_error(&state, &seen, e).await,
    };
    let lang = engine.page_language(&seen.viewer).await;
    let counts = &overview.counts;
    let body = html! {
        div.columns {
            section {
                h2 { (tr!(lang, "web-dash-community")) }
                p { (tr!(lang, "web-dash-members", count = counts.members)) }
                p.muted { (tr!(lang, "web-dash-database", megabytes = counts.database_bytes / 1_048_576)) }
            }
            section {
                h2 { (tr!(lang, "web-dash-memberships")) }
                @if overview.tiers.is_empty() {
                    p.muted { (tr!(lang, "web-dash-no-tiers")) }
                } @else {
                    table { tbody { @for (tier, running) in &overview.tiers {
                        tr { td { (tier) } td.num { (running) } }
                    } } }
                }
            }
            section {
                h2 { (tr!(lang, "web-dash-deliveries")) }
                @if counts.deliveries_by_state.is_empty() {
                    p.muted { (tr!(lang, "web-dash-no-deliveries")) }
                } @else {
                    table { tbody { @for (state_name, n) in &counts.deliveries_by_state {
                        tr { td { (state_name) } td.num { (n) } }
                    } } }
                }
            }
        }
    };
    page(&state, lang, &seen, &tr!(lang, "web-nav-dashboard"), body).into_response()
}
