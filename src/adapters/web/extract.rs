//! axum's `Query`, `Path` and `Form` extractors, with their rejections turned into Steward's
//! pages: what was wrong, in the viewer's language, under a title that says the same. axum's
//! own rejections are English text for developers ("Failed to deserialize query string…");
//! handlers take these instead, so no visitor ever sees one.

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use axum::response::Response;
use serde::de::DeserializeOwned;

use super::AppState;
use super::auth::Seen;
use super::errors::{Problem, problem};

/// The page for a request that could not be read, in the language of its viewer.
async fn rejected(headers: &HeaderMap, state: &AppState, kind: Problem) -> Response {
    let viewer = match Seen::from_headers(headers, state).await {
        Ok(seen) => seen.viewer,
        Err(page) => return page,
    };
    problem(state, &viewer, kind).await
}

/// The query string (`?page=2`), or a 400 page saying the address's query is not right.
pub(crate) struct Query<T>(pub T);

impl<T> FromRequestParts<AppState> for Query<T>
where
    T: DeserializeOwned + Send,
{
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(value)) => Ok(Self(value)),
            Err(_) => Err(rejected(&parts.headers, state, Problem::BadQuery).await),
        }
    }
}

/// A part of the path (`/members/{id}`), or a 404 page saying the address names nothing.
pub(crate) struct Path<T>(pub T);

impl<T> FromRequestParts<AppState> for Path<T>
where
    T: DeserializeOwned + Send,
{
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => Ok(Self(value)),
            Err(_) => Err(rejected(&parts.headers, state, Problem::BadAddress).await),
        }
    }
}

/// A posted form, or a 400 page saying the form could not be read (a field missing, say).
pub(crate) struct Form<T>(pub T);

impl<T> FromRequest<AppState> for Form<T>
where
    T: DeserializeOwned + Send,
{
    type Rejection = Response;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Response> {
        let headers = request.headers().clone();
        match axum::extract::Form::<T>::from_request(request, state).await {
            Ok(axum::extract::Form(value)) => Ok(Self(value)),
            Err(_) => Err(rejected(&headers, state, Problem::BadFormData).await),
        }
    }
}
