//! Pages for what went wrong, each with its status and a title that says the same as its
//! text, in the viewer's language: 401 to log in, 403 for operators' pages, 404 for what is
//! not there or not the viewer's to see (the same answer, so a page never tells that a hidden
//! member exists), 400 for an address, form or range that could not be read or a stale form,
//! 405 for a method an address does not take, 500 without internals. Requests axum could not
//! read come here through `extract.rs`; unknown addresses and methods through the router's
//! fallbacks.

use axum::http::header::RETRY_AFTER;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use maud::html;

use super::AppState;
use super::auth::Seen;
use super::layout::page;
use crate::core::access::Viewer;
use crate::engine::web::PageError;
use crate::tr;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Problem {
    LoginNeeded,
    Forbidden,
    NotFound,
    LoginFailed,
    /// A form whose CSRF token is not the session's (an old page, or another site's form).
    BadForm,
    /// The query string could not be read (`?page=abc`).
    BadQuery,
    /// A part of the path could not be read (`/members/abc`).
    BadAddress,
    /// A posted form could not be read (a field missing, a body of another kind).
    BadFormData,
    /// The address does not take this method (`DELETE /`).
    MethodNotAllowed,
    /// A form another site's page posted (login CSRF, say).
    CrossSite,
    /// A search that is not run (too short, too long); the text says why.
    BadSearch(String),
    /// Too many searches from one client: it may search again in `seconds`.
    TooManySearches {
        seconds: u64,
        why: String,
    },
    /// A date range that cannot be shown; the text says why.
    BadRange(String),
    Internal,
    /// Understood and refused; the text says why.
    Refused(String),
}

pub(crate) async fn problem(state: &AppState, viewer: &Viewer, problem: Problem) -> Response {
    let lang = state.engine.web().page_language(viewer).await;
    let retry_after = match &problem {
        Problem::TooManySearches { seconds, .. } => Some(*seconds),
        _ => None,
    };
    let (status, title, text) = match problem {
        Problem::LoginNeeded => (
            StatusCode::UNAUTHORIZED,
            tr!(lang, "web-need-login-title"),
            tr!(lang, "web-need-login"),
        ),
        Problem::Forbidden => (
            StatusCode::FORBIDDEN,
            tr!(lang, "web-forbidden-title"),
            tr!(lang, "web-forbidden"),
        ),
        Problem::NotFound => (
            StatusCode::NOT_FOUND,
            tr!(lang, "web-not-found-title"),
            tr!(lang, "web-not-found"),
        ),
        Problem::LoginFailed => (
            StatusCode::UNAUTHORIZED,
            tr!(lang, "web-login-failed-title"),
            tr!(lang, "web-login-failed"),
        ),
        Problem::BadForm => (
            StatusCode::BAD_REQUEST,
            tr!(lang, "web-bad-form-title"),
            tr!(lang, "web-bad-form"),
        ),
        Problem::BadQuery => (
            StatusCode::BAD_REQUEST,
            tr!(lang, "web-bad-query-title"),
            tr!(lang, "web-bad-query"),
        ),
        Problem::BadAddress => (
            StatusCode::NOT_FOUND,
            tr!(lang, "web-bad-address-title"),
            tr!(lang, "web-bad-address"),
        ),
        Problem::BadFormData => (
            StatusCode::BAD_REQUEST,
            tr!(lang, "web-bad-form-data-title"),
            tr!(lang, "web-bad-form-data"),
        ),
        Problem::MethodNotAllowed => (
            StatusCode::METHOD_NOT_ALLOWED,
            tr!(lang, "web-method-title"),
            tr!(lang, "web-method"),
        ),
        Problem::CrossSite => (
            StatusCode::FORBIDDEN,
            tr!(lang, "web-cross-site-title"),
            tr!(lang, "web-cross-site"),
        ),
        Problem::BadSearch(why) => (
            StatusCode::BAD_REQUEST,
            tr!(lang, "web-search-bad-title"),
            why,
        ),
        Problem::TooManySearches { why, .. } => (
            StatusCode::TOO_MANY_REQUESTS,
            tr!(lang, "web-search-too-many-title"),
            why,
        ),
        Problem::BadRange(why) => (
            StatusCode::BAD_REQUEST,
            tr!(lang, "web-bad-range-title"),
            why,
        ),
        Problem::Internal => (
            StatusCode::INTERNAL_SERVER_ERROR,
            tr!(lang, "web-error-title"),
            tr!(lang, "web-error"),
        ),
        Problem::Refused(why) => (StatusCode::CONFLICT, tr!(lang, "web-refused-title"), why),
    };
    let seen = Seen::bare(*viewer);
    let body = html! { p { (text) } };
    let mut response = (status, page(state, lang, &seen, &title, body)).into_response();
    if let Some(seconds) = retry_after {
        response
            .headers_mut()
            .insert(RETRY_AFTER, HeaderValue::from(seconds));
    }
    response
}

/// The answer to a page the engine would not build.
pub(crate) async fn page_error(state: &AppState, seen: &Seen, error: PageError) -> Response {
    let kind = match error {
        PageError::LoginNeeded => Problem::LoginNeeded,
        PageError::Forbidden => Problem::Forbidden,
        PageError::Unavailable => Problem::Internal,
        PageError::NotFound => Problem::NotFound,
        PageError::Refused(why) => Problem::Refused(why),
        PageError::BadSearch(why) => Problem::BadSearch(why),
        PageError::TooManySearches { seconds, why } => Problem::TooManySearches { seconds, why },
        PageError::Store(e) => {
            tracing::error!(error = %e, "a web page failed");
            Problem::Internal
        }
    };
    problem(state, &seen.viewer, kind).await
}

/// The router's fallback: no page at this address.
pub(crate) async fn not_found(
    axum::extract::State(state): axum::extract::State<AppState>,
    seen: Seen,
) -> Response {
    problem(&state, &seen.viewer, Problem::NotFound).await
}

/// The router's fallback for a method an address does not take.
pub(crate) async fn method_not_allowed(
    axum::extract::State(state): axum::extract::State<AppState>,
    seen: Seen,
) -> Response {
    problem(&state, &seen.viewer, Problem::MethodNotAllowed).await
}
