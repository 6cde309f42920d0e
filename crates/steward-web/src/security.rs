//! Headers every answer carries: a Content-Security-Policy that allows nothing but this
//! server's own stylesheet and images (no script at all, no framing), the usual guards, and
//! HSTS when the public address is https. And the guard on forms: a browser's POST to a form
//! (logging in, out, paying) is taken only from this site's own pages, so no other site can
//! make a visitor's browser log in to an account of its choosing (login CSRF) or post a form
//! in their session. Forms of a session carry its CSRF token besides (`auth.rs`); the login
//! form has no session yet, so for it this guard is the whole of it.

use axum::extract::{Request, State};
use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, HOST, ORIGIN, REFERRER_POLICY,
    STRICT_TRANSPORT_SECURITY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::http::{HeaderMap, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::Response;

use super::AppState;
use super::auth::Seen;
use super::errors::{Problem, problem};

/// No script runs on Steward's pages; styles and images come from the server itself.
pub(crate) const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"; // not translated: an HTTP header

/// A year of https only, for this host (subdomains may be other sites).
const HSTS: &str = "max-age=31536000"; // not translated: an HTTP header

pub(crate) async fn headers(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if state.https {
        headers.insert(STRICT_TRANSPORT_SECURITY, HeaderValue::from_static(HSTS));
    }
    headers.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    // Pages differ by viewer; only the stylesheet says otherwise.
    headers
        .entry(CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("private, no-store")); // not translated: an HTTP header
    response
}

/// Refuses (403, a page in the viewer's language) a POST that a browser says another site's
/// page sent. Route layer of the form routes; other methods pass.
pub(crate) async fn same_site_forms(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    if request.method() != Method::POST
        || from_this_site(request.headers(), state.engine.web().public_url())
    {
        return next.run(request).await;
    }
    let viewer = match Seen::from_headers(request.headers(), &state).await {
        Ok(seen) => seen.viewer,
        Err(page) => return page,
    };
    problem(&state, &viewer, Problem::CrossSite).await
}

/// Whether a request comes from this site's own pages, as far as a browser tells:
///
/// - `Sec-Fetch-Site` (every current browser sends it): `same-origin`, or `none` (typed or
///   bookmarked by the user); `same-site` and `cross-site` are other sites.
/// - Else `Origin`: this site's public origin, or the host the request was sent to (behind a
///   proxy that keeps `Host`). `null` (a sandboxed or local page) is another site.
/// - Neither: no browser page sent it (a script or a tool, which could send anything anyway).
pub(crate) fn from_this_site(headers: &HeaderMap, public_url: &str) -> bool {
    let header = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    if let Some(site) = header("sec-fetch-site") {
        return matches!(site, "same-origin" | "none");
    }
    let Some(origin) = header(ORIGIN.as_str()) else {
        return true;
    };
    if origin.eq_ignore_ascii_case(&public_origin(public_url)) {
        return true;
    }
    let origin_host = origin
        .split_once("://")
        .map(|(_, host)| host.trim_end_matches('/'));
    matches!((origin_host, header(HOST.as_str())), (Some(from), Some(to)) if from.eq_ignore_ascii_case(to))
}

/// `scheme://host[:port]` of the public address.
fn public_origin(public_url: &str) -> String {
    url::Url::parse(public_url).map_or_else(
        |_| public_url.to_owned(),
        |url| url.origin().ascii_serialization(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn forms_from_this_site_pass_and_from_others_do_not() {
        let site = "https://steward.example.org";
        let ours = [
            headers(&[("sec-fetch-site", "same-origin")]),
            headers(&[("origin", "https://steward.example.org")]),
            headers(&[
                ("origin", "http://127.0.0.1:8080"),
                ("host", "127.0.0.1:8080"),
            ]),
            headers(&[]),
        ];
        for (i, sent) in ours.iter().enumerate() {
            assert!(from_this_site(sent, site), "ours #{i}");
        }
        let theirs = [
            headers(&[("sec-fetch-site", "cross-site")]),
            headers(&[("sec-fetch-site", "same-site")]),
            // Fetch Metadata wins over an Origin that looks right.
            headers(&[
                ("sec-fetch-site", "cross-site"),
                ("origin", "https://steward.example.org"),
            ]),
            headers(&[("origin", "https://evil.example")]),
            headers(&[("origin", "http://steward.example.org")]),
            headers(&[("origin", "null")]),
            headers(&[
                ("origin", "https://evil.example"),
                ("host", "steward.example.org"),
            ]),
        ];
        for (i, sent) in theirs.iter().enumerate() {
            assert!(!from_this_site(sent, site), "theirs #{i}");
        }
    }
}
