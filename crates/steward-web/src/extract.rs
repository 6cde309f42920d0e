//! axum's `Query`, `Path` and `Form` extractors, with their rejections turned into Steward's
//! pages: what was wrong, in the viewer's language, under a title that says the same. axum's
//! own rejections are English text for developers ("Failed to deserialize query string…");
//! handlers take these instead, so no visitor ever sees one. And the client's address, for
//! limits per client.

use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request};
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

/// The address a request came from: the connection's peer, or, when the peer is this host (a
/// proxy beside Steward, as docs/web.md sets it up), the address that proxy appended last to
/// `X-Forwarded-For` (earlier entries are the client's to write, so not believed).
pub(crate) struct ClientAddress(pub Option<IpAddr>);

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, Infallible> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|info| info.0.ip());
        Ok(Self(peer.map(|peer| client_address(peer, &parts.headers))))
    }
}

fn client_address(peer: IpAddr, headers: &HeaderMap) -> IpAddr {
    if !peer.is_loopback() {
        return peer;
    }
    headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .next_back()
        .and_then(|last| last.trim().parse().ok())
        .unwrap_or(peer)
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    #[test]
    fn a_proxy_on_this_host_names_the_client_and_others_do_not() {
        let mut headers = HeaderMap::new();
        headers.append(
            "x-forwarded-for",
            HeaderValue::from_static("10.9.9.9, 203.0.113.7"),
        );
        let local: IpAddr = "127.0.0.1".parse().unwrap();
        let remote: IpAddr = "198.51.100.2".parse().unwrap();
        assert_eq!(
            client_address(local, &headers),
            "203.0.113.7".parse::<IpAddr>().unwrap()
        );
        assert_eq!(
            client_address(remote, &headers),
            remote,
            "a header is not believed"
        );
        assert_eq!(client_address(local, &HeaderMap::new()), local);
    }
}
