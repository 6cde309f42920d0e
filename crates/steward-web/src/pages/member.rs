//! `/members/{id}` and `/me`: a member's level progress, places, streak, tier, XP by source
//! over twelve weeks (a server-drawn SVG chart) and the drops they rated; on their own page,
//! the plans they may buy by card (`POST /subscribe`), gift codes by card (`POST /gift`) and
//! the codes they bought, and, for a card payer, Stripe's portal (`POST /billing`).

use axum::extract::State;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};

use crate::AppState;
use crate::auth::{Seen, csrf_ok};
use crate::charts::{Column, stacked_bars};
use crate::core::ids::MemberId;
use crate::engine::web::{MemberPage, PageError};
use crate::errors::{Problem, page_error, problem};
use crate::extract::{Form, Path};
use crate::i18n::Lang;
use crate::layout::page;
use crate::tr;

pub(crate) async fn me(State(state): State<AppState>, seen: Seen) -> Response {
    match seen.viewer.member {
        Some(id) => Redirect::to(&format!("/members/{}", id.0)).into_response(),
        None => problem(&state, &seen.viewer, Problem::LoginNeeded).await,
    }
}

#[derive(serde::Deserialize)]
pub(crate) struct CheckoutForm {
    csrf: String,
    plan: String,
    /// A promo code, if the member typed one.
    #[serde(default)]
    code: String,
}

/// `POST /subscribe`: the member's page's "pay by card", answered with the way to the
/// provider's checkout page. Access comes only when the provider reports the payment.
pub(crate) async fn subscribe(
    State(state): State<AppState>,
    seen: Seen,
    Form(form): Form<CheckoutForm>,
) -> Response {
    if !csrf_ok(&seen, &form.csrf) {
        return problem(&state, &seen.viewer, Problem::BadForm).await;
    }
    let answer = state
        .engine
        .storefront()
        .web_checkout(&seen.viewer, &form.plan, &form.code)
        .await;
    to_provider(&state, &seen, answer).await
}

#[derive(serde::Deserialize)]
pub(crate) struct GiftForm {
    csrf: String,
    plan: String,
}

/// `POST /gift`: the member's page's "buy a gift code by card", answered with the way to the
/// provider's checkout page. The code comes only when the provider reports the payment.
pub(crate) async fn gift(
    State(state): State<AppState>,
    seen: Seen,
    Form(form): Form<GiftForm>,
) -> Response {
    if !csrf_ok(&seen, &form.csrf) {
        return problem(&state, &seen.viewer, Problem::BadForm).await;
    }
    let answer = state
        .engine
        .storefront()
        .web_gift_checkout(&seen.viewer, &form.plan)
        .await;
    to_provider(&state, &seen, answer).await
}

#[derive(serde::Deserialize)]
pub(crate) struct PortalForm {
    csrf: String,
}

/// `POST /billing`: the member page's "manage card", answered with the way to the provider's
/// portal for the logged-in member's own card subscription.
pub(crate) async fn billing(
    State(state): State<AppState>,
    seen: Seen,
    Form(form): Form<PortalForm>,
) -> Response {
    if !csrf_ok(&seen, &form.csrf) {
        return problem(&state, &seen.viewer, Problem::BadForm).await;
    }
    let answer = state
        .engine
        .storefront()
        .web_billing_portal(&seen.viewer)
        .await;
    to_provider(&state, &seen, answer).await
}

/// `/members/{id}/card.png`: the rank card, for whoever may see the member's page.
pub(crate) async fn card(
    State(state): State<AppState>,
    seen: Seen,
    Path(id): Path<i64>,
) -> Response {
    let engine = &state.engine;
    match engine
        .cards()
        .card_png(&seen.viewer, MemberId(id), engine.kernel().now())
        .await
    {
        Ok(png) => (
            [
                (CONTENT_TYPE, "image/png"),
                (CACHE_CONTROL, "private, max-age=60"), // not translated: an HTTP header
            ],
            png,
        )
            .into_response(),
        Err(e) => page_error(&state, &seen, e).await,
    }
}

pub(crate) async fn member(
    State(state): State<AppState>,
    seen: Seen,
    Path(id): Path<i64>,
) -> Response {
    let engine = &state.engine;
    let found = engine
        .web()
        .member_page(&seen.viewer, MemberId(id), engine.kernel().now())
        .await;
    let member = match found {
        Ok(member) => member,
        Err(e) => return page_error(&state, &seen, e).await,
    };
    let lang = engine.web().page_language(&seen.viewer).await;
    let body = body(lang, &member, seen.csrf.as_deref());
    page(&state, lang, &seen, &member.name, body).into_response()
}

fn body(lang: Lang, member: &MemberPage, csrf: Option<&str>) -> Markup {
    let level = &member.level;
    html! {
        @if member.hidden && member.is_self { p.muted { (tr!(lang, "web-member-hidden")) } }
        img.card src={ "/members/" (member.member.0) "/card.png" } alt=(tr!(lang, "web-member-card")) width="934" height="282";
        p {
            strong { (tr!(lang, "web-member-level", level = level.level)) } " · "
            (tr!(lang, "web-member-xp", xp = member.xp))
        }
        (progress(level.xp_into_level, level.xp_for_step))
        p.muted { (tr!(lang, "web-member-progress", into = level.xp_into_level, step = level.xp_for_step, next = level.level + 1)) }
        p {
            (tr!(lang, "web-member-streak", days = member.streak)) " · "
            @match &member.tier {
                Some(tier) => (tr!(lang, "web-member-tier", tier = tier.as_str())),
                None => (tr!(lang, "web-member-no-tier")),
            }
        }
        @if let (false, Some(csrf)) = (member.offers.is_empty(), csrf) {
            h2 { (tr!(lang, "web-plans-title")) }
            @for (plan, line) in &member.offers {
                form.offer method="post" action="/subscribe" {
                    input type="hidden" name="csrf" value=(csrf);
                    input type="hidden" name="plan" value=(plan);
                    span { (line) } " "
                    input type="text" name="code" maxlength="24" size="12"
                        placeholder=(tr!(lang, "web-promo-code"))
                        aria-label=(tr!(lang, "web-promo-code"));
                    " "
                    button type="submit" { (tr!(lang, "web-pay-by-card")) }
                }
            }
        }
        @if let (false, Some(csrf)) = (member.gift_offers.is_empty(), csrf) {
            h2 { (tr!(lang, "web-gift-title")) }
            p.muted { (tr!(lang, "web-gift-how")) }
            @for (plan, line) in &member.gift_offers {
                form.offer method="post" action="/gift" {
                    input type="hidden" name="csrf" value=(csrf);
                    input type="hidden" name="plan" value=(plan);
                    span { (line) } " "
                    button type="submit" { (tr!(lang, "web-gift-button")) }
                }
            }
        }
        @if !member.gift_codes.is_empty() {
            h2 { (tr!(lang, "web-gift-codes-title")) }
            ul { @for line in &member.gift_codes { li { (line) } } }
        }
        @if let (true, Some(csrf)) = (member.manages_card, csrf) {
            form.offer method="post" action="/billing" {
                input type="hidden" name="csrf" value=(csrf);
                span { (tr!(lang, "web-portal-line")) } " "
                button type="submit" { (tr!(lang, "web-portal-button")) }
            }
        }
        h2 { (tr!(lang, "web-member-places")) }
        table { tbody { @for place in &member.places {
            tr {
                td { (place.title) }
                td.num { @match place.place {
                    Some(n) => (tr!(lang, "web-member-place", place = n, score = place.score)),
                    None => span.muted { (tr!(lang, "web-member-unranked")) },
                } }
            }
        } } }
        h2 { (tr!(lang, "web-member-chart")) }
        (chart(lang, &member.xp_by_week))
        h2 { (tr!(lang, "web-member-rated")) }
        @if member.rated.is_empty() {
            p.muted { (tr!(lang, "web-member-rated-none")) }
        } @else {
            ul { @for (id, text, stars) in &member.rated {
                li { "#" (id) " " (text) " · " (stars_text(*stars)) }
            } }
        }
    }
}

fn stars_text(stars: u8) -> String {
    "★".repeat(usize::from(stars)) + &"☆".repeat(5usize.saturating_sub(usize::from(stars)))
}

/// A progress bar drawn as SVG (the page's policy allows no inline styles).
fn progress(into: i64, step: i64) -> Markup {
    let width = if step > 0 {
        (into.clamp(0, step) * 1000 / step) as f64 / 10.0
    } else {
        0.0
    };
    html! {
        svg.progress viewBox="0 0 100 4" preserveAspectRatio="none" width="100%" height="12" role="img" {
            rect x="0" y="0" width="100" height="4" rx="2" fill="#e5e7eb" {}
            rect x="0" y="0" width=(width) height="4" rx="2" fill="#5865f2" {}
        }
    }
}

/// Stacked bars, one per week, one colour per source.
fn chart(lang: Lang, weeks: &[(String, Vec<(String, i64)>)]) -> Markup {
    let columns: Vec<Column<'_>> = weeks
        .iter()
        .map(|(week, parts)| Column {
            label: week,
            values: parts.iter().map(|(_, xp)| *xp).collect(),
        })
        .collect();
    let legend: Vec<String> = weeks
        .first()
        .map(|(_, parts)| parts.iter().map(|(label, _)| label.clone()).collect())
        .unwrap_or_default();
    stacked_bars(&columns, &legend, &tr!(lang, "web-xp-unit"))
}

/// The way to the provider's page, or the page saying why not.
async fn to_provider(state: &AppState, seen: &Seen, answer: Result<String, PageError>) -> Response {
    match answer {
        Ok(url) => Redirect::to(&url).into_response(),
        Err(e) => page_error(state, seen, e).await,
    }
}
