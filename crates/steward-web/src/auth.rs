//! Who is asking: the session cookie read into a [`Seen`] for every page, the login link (its
//! page only shows a "Log in" button; pressing it, a POST, starts the session), and logging
//! out (a POST carrying the session's CSRF token).

use axum::extract::{FromRequestParts, State};
use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use subtle::ConstantTimeEq;

use maud::html;

use super::AppState;
use super::errors::{Problem, problem};
use super::extract::{Form, Path};
use super::layout::page;
use crate::core::access::Viewer;
use crate::engine::web::LoginOutcome;
use crate::tr;

/// The session cookie's name over http.
const COOKIE_NAME: &str = "steward_session";
/// Its name over https: browsers take a `__Host-` cookie only from this very host, Secure, with
/// `Path=/` and no `Domain`, so a neighbouring subdomain cannot plant a session.
const HOST_COOKIE_NAME: &str = "__Host-steward_session";

fn cookie_name(state: &AppState) -> &'static str {
    if state.https {
        HOST_COOKIE_NAME
    } else {
        COOKIE_NAME
    }
}

/// The viewer of a request, from its session cookie (a visitor without one).
#[derive(Debug, Clone, Default)]
pub(crate) struct Seen {
    pub viewer: Viewer,
    pub csrf: Option<String>,
    session_id: Option<String>,
}

impl Seen {
    /// A viewer without a session's form token (error pages show no logout button).
    pub(crate) fn bare(viewer: Viewer) -> Self {
        Self {
            viewer,
            ..Self::default()
        }
    }
}

fn session_cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(found, _)| *found == name)
        .map(|(_, value)| value.to_owned())
        .filter(|value| !value.is_empty() && value.len() <= 128)
}

impl FromRequestParts<AppState> for Seen {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        Self::from_headers(&parts.headers, state).await
    }
}

impl Seen {
    /// The viewer whose session cookie is among `headers`.
    pub(crate) async fn from_headers(
        headers: &HeaderMap,
        state: &AppState,
    ) -> Result<Self, Response> {
        let Some(session_id) = session_cookie(headers, cookie_name(state)) else {
            return Ok(Self::default());
        };
        let engine = &state.engine;
        match engine
            .sessions()
            .web_session(&session_id, engine.kernel().now())
            .await
        {
            Ok(Some(session)) => Ok(Self {
                viewer: session.viewer,
                csrf: Some(session.csrf_token),
                session_id: Some(session_id),
            }),
            Ok(None) => Ok(Self::default()),
            Err(e) => {
                tracing::error!(error = %e, "reading a web session failed");
                Err(problem(state, &Viewer::VISITOR, Problem::Internal).await)
            }
        }
    }
}

fn cookie(state: &AppState, value: &str, max_age: i64) -> HeaderValue {
    let secure = if state.https { "; Secure" } else { "" };
    let name = cookie_name(state);
    // Lax, not Strict: the login link is opened from a chat app, and the redirect after it
    // must already carry the new session. No Domain: the cookie is this host's alone.
    let text = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}"); // not translated: an HTTP header
    HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// `GET /login/TOKEN`: the link sent by `/web`. It changes nothing: a chat app's preview
/// fetcher may be the one opening it. A working link shows a "Log in" button in its owner's
/// language, a form that posts back to this address.
pub(crate) async fn login_page(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Response {
    let engine = &state.engine;
    match engine
        .sessions()
        .web_login_page(&token, engine.kernel().now())
        .await
    {
        Ok(Some(lang)) => {
            let action = format!("/login/{token}");
            let body = html! {
                p { (tr!(lang, "web-login-page")) }
                form method="post" action=(action) {
                    button type="submit" { (tr!(lang, "web-login-button")) }
                }
            };
            let seen = Seen::default();
            page(&state, lang, &seen, &tr!(lang, "web-login-title"), body).into_response()
        }
        Ok(None) => problem(&state, &Viewer::VISITOR, Problem::LoginFailed).await,
        Err(e) => {
            tracing::error!(error = %e, "reading a login link failed");
            problem(&state, &Viewer::VISITOR, Problem::Internal).await
        }
    }
}

/// `POST /login/TOKEN`: the "Log in" button; spends the link and starts the session.
pub(crate) async fn login(State(state): State<AppState>, Path(token): Path<String>) -> Response {
    let engine = &state.engine;
    match engine
        .sessions()
        .web_login(&token, engine.kernel().now())
        .await
    {
        Ok(LoginOutcome::Started {
            session_id,
            session,
            lasts,
        }) => {
            let to = if session.viewer.operator {
                "/dashboard"
            } else {
                "/me"
            };
            let mut response = Redirect::to(to).into_response();
            response
                .headers_mut()
                .insert(SET_COOKIE, cookie(&state, &session_id, lasts.num_seconds()));
            response
        }
        Ok(LoginOutcome::Refused) => problem(&state, &Viewer::VISITOR, Problem::LoginFailed).await,
        Err(e) => {
            tracing::error!(error = %e, "a web login failed");
            problem(&state, &Viewer::VISITOR, Problem::Internal).await
        }
    }
}

#[derive(Deserialize)]
pub(crate) struct CsrfForm {
    csrf: String,
}

/// Whether a form's token is the session's (compared in constant time).
pub(crate) fn csrf_ok(seen: &Seen, sent: &str) -> bool {
    seen.csrf
        .as_deref()
        .is_some_and(|expected| bool::from(expected.as_bytes().ct_eq(sent.as_bytes())))
}

/// `POST /logout`.
pub(crate) async fn logout(
    State(state): State<AppState>,
    seen: Seen,
    Form(form): Form<CsrfForm>,
) -> Response {
    if !csrf_ok(&seen, &form.csrf) {
        return problem(&state, &seen.viewer, Problem::BadForm).await;
    }
    if let Some(id) = &seen.session_id
        && let Err(e) = state.engine.sessions().web_logout(id).await
    {
        tracing::error!(error = %e, "logging out failed");
        return problem(&state, &seen.viewer, Problem::Internal).await;
    }
    let mut response = Redirect::to("/").into_response();
    response
        .headers_mut()
        .insert(SET_COOKIE, cookie(&state, "", 0));
    response
}
