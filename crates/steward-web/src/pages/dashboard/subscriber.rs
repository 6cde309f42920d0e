//! `/dashboard/members/{id}`: one member's memberships and payments, with the operator's
//! actions: grant or extend a tier, end one, refund a payment. Each is a POST with the session's
//! form token, answered first by a confirmation page (which changes nothing) and carried out only
//! when that page's button is pressed; the engine then makes the same call as the chat command.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use serde::Deserialize;

use super::subscribers::{paid_words, provider_words, state_words, until_words};
use crate::AppState;
use crate::auth::{Seen, csrf_ok};
use crate::core::analytics::day_key;
use crate::core::duration::parse_term;
use crate::core::ids::MemberId;
use crate::engine::analytics::{SubscriberAction, SubscriberDetail};
use crate::errors::{Problem, page_error, problem};
use crate::extract::{Form, Path};
use crate::i18n::{Lang, money};
use crate::layout::page;
use crate::tr;

/// Payment kinds that took money and may be refunded.
const REFUNDABLE: [&str; 3] = ["payment", "renewal", "mismatch"];

pub(crate) async fn member(
    State(state): State<AppState>,
    seen: Seen,
    Path(id): Path<i64>,
) -> Response {
    let engine = &state.engine;
    let detail = match engine
        .subscribers()
        .detail(&seen.viewer, MemberId(id))
        .await
    {
        Ok(detail) => detail,
        Err(e) => return page_error(&state, &seen, e).await,
    };
    let lang = engine.web().page_language(&seen.viewer).await;
    let csrf = seen.csrf.clone().unwrap_or_default();
    let body = body(lang, &detail, &csrf);
    page(&state, lang, &seen, &detail.name, body).into_response()
}

fn body(lang: Lang, d: &SubscriberDetail, csrf: &str) -> Markup {
    let action = format!("/dashboard/members/{}", d.member.0);
    html! {
        p { a href="/dashboard/members" { (tr!(lang, "web-subs-back-list")) } }
        h2 { (tr!(lang, "web-subs-memberships")) }
        @if d.lines.is_empty() {
            p.muted { (tr!(lang, "web-subs-no-memberships")) }
        } @else {
            table {
                thead { tr {
                    th { (tr!(lang, "web-dash-tier")) }
                    th { (tr!(lang, "web-subs-state")) }
                    th { (tr!(lang, "web-subs-provider")) }
                    th { (tr!(lang, "web-subs-renews")) }
                    th { (tr!(lang, "web-subs-started")) }
                    th { (tr!(lang, "web-subs-until")) }
                    th {}
                } }
                tbody { @for line in &d.lines {
                    tr {
                        td { (line.tier_name) }
                        td { (state_words(lang, line)) }
                        td { (provider_words(lang, line.provider.as_deref())) }
                        td { @if line.provider.is_some() { (tr!(lang, "web-subs-yes-no", yes = line.renews.to_string())) } }
                        td { (day_key(line.started)) }
                        td { (until_words(lang, line)) }
                        td { @if line.running {
                            form.inline method="post" action=(action) {
                                input type="hidden" name="csrf" value=(csrf);
                                input type="hidden" name="action" value="revoke";
                                input type="hidden" name="tier" value=(line.tier);
                                button type="submit" { (tr!(lang, "web-subs-revoke")) }
                            }
                        } }
                    }
                } }
            }
            p { (tr!(lang, "web-subs-paid")) ": " (paid_words(lang, d.lines.first().map_or(&[][..], |l| &l.paid[..]))) }
        }
        h2 { (tr!(lang, "web-subs-give")) }
        @if d.tiers.is_empty() {
            p.muted { (tr!(lang, "web-dash-no-tiers")) }
        } @else {
            form method="post" action=(action) {
                input type="hidden" name="csrf" value=(csrf);
                label { (tr!(lang, "web-dash-tier")) " " select name="tier" {
                    @for (id, name) in &d.tiers { option value=(id) { (name) } }
                } }
                " "
                label { (tr!(lang, "web-subs-term")) " " input type="text" name="term" value="30d" size="10" maxlength="20" required; }
                " "
                button type="submit" name="action" value="grant" { (tr!(lang, "web-subs-grant")) }
                " "
                button type="submit" name="action" value="extend" { (tr!(lang, "web-subs-extend")) }
            }
            p.muted { (tr!(lang, "web-subs-term-help")) }
        }
        h2 { (tr!(lang, "web-subs-payments")) }
        @if d.payments.is_empty() {
            p.muted { (tr!(lang, "web-subs-no-payments")) }
        } @else {
            table {
                thead { tr {
                    th { "#" }
                    th { (tr!(lang, "web-subs-day")) }
                    th { (tr!(lang, "web-subs-provider")) }
                    th { (tr!(lang, "web-subs-plan")) }
                    th { (tr!(lang, "web-subs-kind")) }
                    th.num { (tr!(lang, "web-subs-amount")) }
                    th {}
                } }
                tbody { @for (p, on) in &d.payments {
                    tr {
                        td { (p.id) }
                        td { (day_key(*on)) }
                        td { (provider_words(lang, Some(p.provider.as_str()))) }
                        td { (p.plan) }
                        td { (tr!(lang, "web-subs-kind-word", kind = p.kind.as_str())) }
                        td.num { (money(lang, p.amount, &p.currency)) }
                        td { @if REFUNDABLE.contains(&p.kind.as_str()) {
                            form.inline method="post" action=(action) {
                                input type="hidden" name="csrf" value=(csrf);
                                input type="hidden" name="action" value="refund";
                                input type="hidden" name="payment" value=(p.id);
                                button type="submit" { (tr!(lang, "web-subs-refund")) }
                            }
                        } }
                    }
                } }
            }
        }
    }
}

/// An action form as posted, from the member's row or from the confirmation page.
#[derive(Debug, Deserialize)]
pub(crate) struct ActionForm {
    csrf: String,
    action: String,
    tier: Option<String>,
    term: Option<String>,
    payment: Option<i64>,
    /// `yes` on the confirmation page's button: only then is anything done.
    confirm: Option<String>,
}

impl ActionForm {
    /// The action asked for, or what is wrong with the form, in `lang`.
    fn action(&self, lang: Lang) -> Result<SubscriberAction, String> {
        let tier = || self.tier.clone().filter(|t| !t.is_empty());
        let term = || match self.term.as_deref().map(str::trim) {
            Some(text) if !text.is_empty() => parse_term(text).map_err(|m| m.render(lang)),
            _ => Err(tr!(lang, "web-subs-term-missing")),
        };
        let tier_needed = || tier().ok_or_else(|| tr!(lang, "web-subs-tier-missing"));
        match self.action.as_str() {
            "grant" => Ok(SubscriberAction::Grant {
                tier: tier_needed()?,
                term: term()?,
            }),
            "extend" => Ok(SubscriberAction::Extend {
                tier: tier_needed()?,
                term: term()?,
            }),
            "revoke" => Ok(SubscriberAction::Revoke { tier: tier() }),
            "refund" => match self.payment {
                Some(payment) => Ok(SubscriberAction::Refund { payment }),
                None => Err(tr!(lang, "web-subs-payment-missing")),
            },
            _ => Err(tr!(lang, "web-subs-action-unknown")),
        }
    }
}

/// `POST /dashboard/members/{id}`.
pub(crate) async fn act(
    State(state): State<AppState>,
    seen: Seen,
    Path(id): Path<i64>,
    Form(form): Form<ActionForm>,
) -> Response {
    if !csrf_ok(&seen, &form.csrf) {
        return problem(&state, &seen.viewer, Problem::BadForm).await;
    }
    let engine = &state.engine;
    let subscribers = engine.subscribers();
    // The operator check and the member's existence, before anything is shown or done.
    let detail = match subscribers.detail(&seen.viewer, MemberId(id)).await {
        Ok(detail) => detail,
        Err(e) => return page_error(&state, &seen, e).await,
    };
    let lang = engine.web().page_language(&seen.viewer).await;
    let action = match form.action(lang) {
        Ok(action) => action,
        Err(why) => return problem(&state, &seen.viewer, Problem::Refused(why)).await,
    };
    let back = format!("/dashboard/members/{id}");
    if form.confirm.as_deref() != Some("yes") {
        let body = confirmation(lang, &detail, &action, &form, &back);
        return page(
            &state,
            lang,
            &seen,
            &tr!(lang, "web-subs-confirm-title"),
            body,
        )
        .into_response();
    }
    match subscribers.act(&seen.viewer, MemberId(id), action).await {
        Ok(done) => {
            let body = html! {
                p role="status" { (done) }
                p { a href=(back) { (tr!(lang, "web-subs-back-member", name = detail.name.as_str())) } }
            };
            page(&state, lang, &seen, &tr!(lang, "web-subs-done-title"), body).into_response()
        }
        Err(e) => page_error(&state, &seen, e).await,
    }
}

/// What the action will do, in a sentence, and the button that does it.
fn confirmation(
    lang: Lang,
    d: &SubscriberDetail,
    action: &SubscriberAction,
    form: &ActionForm,
    back: &str,
) -> Markup {
    let name = d.name.as_str();
    let tier_name = |id: &str| {
        d.tiers
            .iter()
            .find(|(t, _)| t == id)
            .map_or_else(|| id.to_owned(), |(_, n)| n.clone())
    };
    let question = match action {
        SubscriberAction::Grant { tier, term } => tr!(
            lang,
            "web-subs-confirm-grant",
            name = name,
            tier = tier_name(tier),
            term = term.to_string()
        ),
        SubscriberAction::Extend { tier, term } => tr!(
            lang,
            "web-subs-confirm-extend",
            name = name,
            tier = tier_name(tier),
            term = term.to_string()
        ),
        SubscriberAction::Revoke { tier: Some(tier) } => tr!(
            lang,
            "web-subs-confirm-revoke",
            name = name,
            tier = tier_name(tier)
        ),
        SubscriberAction::Revoke { tier: None } => {
            tr!(lang, "web-subs-confirm-revoke-all", name = name)
        }
        SubscriberAction::Refund { payment } => {
            let amount = d
                .payments
                .iter()
                .find(|(p, _)| p.id == *payment)
                .map_or_else(
                    || "?".to_owned(),
                    |(p, _)| money(lang, p.amount, &p.currency),
                );
            tr!(
                lang,
                "web-subs-confirm-refund",
                name = name,
                id = *payment,
                amount = amount
            )
        }
    };
    html! {
        p { (question) }
        form method="post" action=(back) {
            input type="hidden" name="csrf" value=(form.csrf);
            input type="hidden" name="action" value=(form.action);
            @if let Some(tier) = &form.tier { input type="hidden" name="tier" value=(tier); }
            @if let Some(term) = &form.term { input type="hidden" name="term" value=(term); }
            @if let Some(payment) = form.payment { input type="hidden" name="payment" value=(payment); }
            input type="hidden" name="confirm" value="yes";
            button type="submit" { (tr!(lang, "web-subs-confirm")) }
            " "
            a href=(back) { (tr!(lang, "web-subs-cancel")) }
        }
    }
}
