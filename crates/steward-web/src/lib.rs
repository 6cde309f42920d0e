//! The web side, in the same binary: server-rendered pages (maud, no JavaScript, nothing from a
//! CDN), logging in by a link sent in chat, health checks, and Prometheus metrics on a listener
//! of their own (or behind a bearer token). It only translates: every page's data comes from the
//! engine's web methods, which apply the access rules.

// The layers below, under the names the adapter's paths use.
use steward_config as config;
use steward_core as core;
use steward_engine as engine;
use steward_i18n as i18n;
use steward_i18n::tr;

mod auth;
mod charts;
mod errors;
mod extract;
mod health;
mod layout;
mod page_cache;
mod pages;
mod security;
mod server;
mod webhooks;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::routing::{MethodRouter, get, post};
use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::config::{Secret, ServerLimits, WebConfig};
use crate::engine::Engine;

/// Why the web server could not start.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error(
        "cannot listen on {addr} (web.listen): {source}; choose another port, or set web.enabled = false"
    )]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error(
        "cannot listen on {addr} (web.metrics_listen): {source}; choose another port, or set web.metrics_listen = \"\" (STEWARD_METRICS_LISTEN=\"\") to serve no metrics listener"
    )]
    MetricsBind {
        addr: SocketAddr,
        source: std::io::Error,
    },
}

/// Routes only operators may open; a test walks them as a visitor and as a member.
pub const OPERATOR_ROUTES: &[&str] = &[
    "/dashboard",
    "/dashboard/activity.csv",
    "/dashboard/weeks.csv",
    "/dashboard/cohorts.csv",
    "/dashboard/content.csv",
    "/dashboard/membership.csv",
    "/dashboard/revenue.csv",
    "/dashboard/members",
    "/dashboard/members.csv",
    "/dashboard/members/1",
    "/dashboard/segments",
    "/dashboard/segments/all",
    "/dashboard/segments/at-risk",
    "/dashboard/contributors",
];

/// What every handler shares.
#[derive(Clone)]
pub(crate) struct AppState {
    pub engine: Arc<Engine>,
    /// The public address is https: session cookies are `__Host-` and `Secure`, and answers
    /// carry HSTS.
    pub https: bool,
    /// `STEWARD_METRICS_TOKEN`; without it, `/metrics` is not served on the pages' listener.
    pub metrics_token: Option<Arc<Secret>>,
    /// Stripe's webhook signing secret; without it, deliveries are not accepted.
    pub stripe_webhook: Option<Arc<Secret>>,
    /// Leaderboard pages rendered while their board stood still.
    pub pages: Arc<page_cache::PageCache>,
}

/// Bound listeners, ready to serve: binding first lets a port in use stop the start with a
/// clear error, and tells the addresses (port 0 picks a free one).
pub struct WebServer {
    listener: TcpListener,
    /// `web.metrics_listen`: `/metrics` alone.
    metrics: Option<TcpListener>,
    https: bool,
    metrics_token: Option<Arc<Secret>>,
    stripe_webhook: Option<Arc<Secret>>,
    limits: ServerLimits,
}

impl WebServer {
    pub async fn bind(config: &WebConfig) -> Result<Self, WebError> {
        let listener = TcpListener::bind(config.listen)
            .await
            .map_err(|source| WebError::Bind {
                addr: config.listen,
                source,
            })?;
        let metrics = match config.metrics_listen {
            Some(addr) => Some(
                TcpListener::bind(addr)
                    .await
                    .map_err(|source| WebError::MetricsBind { addr, source })?,
            ),
            None => None,
        };
        Ok(Self {
            listener,
            metrics,
            https: config.https(),
            metrics_token: config.metrics_token.clone().map(Arc::new),
            stripe_webhook: None,
            limits: config.limits,
        })
    }

    /// Accepts Stripe's deliveries at `/webhooks/stripe`, signed with `secret`.
    #[must_use]
    pub fn with_stripe_webhook(mut self, secret: Option<Secret>) -> Self {
        self.stripe_webhook = secret.map(Arc::new);
        self
    }

    /// The address the pages are served on.
    #[must_use]
    pub fn local_addr(&self) -> Option<SocketAddr> {
        self.listener.local_addr().ok()
    }

    /// The address `/metrics` is served on apart, if any.
    #[must_use]
    pub fn metrics_addr(&self) -> Option<SocketAddr> {
        self.metrics.as_ref()?.local_addr().ok()
    }

    /// Serves until `stop` turns true.
    pub async fn serve(self, engine: Arc<Engine>, stop: watch::Receiver<bool>) {
        let state = AppState {
            engine,
            https: self.https,
            metrics_token: self.metrics_token,
            stripe_webhook: self.stripe_webhook,
            pages: Arc::default(),
        };
        let metrics = self.metrics.map(|listener| {
            let app = Router::new()
                .route("/metrics", get(health::metrics))
                .with_state(state.clone());
            server::serve(listener, app, self.limits, stop.clone())
        });
        let pages = server::serve(self.listener, router(state), self.limits, stop);
        match metrics {
            Some(metrics) => {
                tokio::join!(pages, metrics);
            }
            None => pages.await,
        }
    }
}

/// One route of the pages' listener: its path as axum writes it (`{id}`: a part of the path)
/// and what answers there.
type Route = (&'static str, MethodRouter<AppState>);

/// Browsers' forms: taken only from this site's own pages.
fn form_routes() -> Vec<Route> {
    vec![
        ("/login/{token}", get(auth::login_page).post(auth::login)),
        ("/logout", post(auth::logout)),
        ("/subscribe", post(pages::member::subscribe)),
        ("/gift", post(pages::member::gift)),
        ("/billing", post(pages::member::billing)),
        (
            "/dashboard/segments/{name}/broadcast",
            post(pages::dashboard::segment_broadcast),
        ),
        (
            "/dashboard/members/{id}",
            get(pages::dashboard::subscriber).post(pages::dashboard::subscriber_act),
        ),
    ]
}

/// Pages, downloads, webhooks and health checks.
fn page_routes() -> Vec<Route> {
    vec![
        ("/", get(pages::home::home)),
        ("/leaderboard/{board}", get(pages::boards::board)),
        ("/seasons", get(pages::boards::seasons)),
        ("/seasons/{id}", get(pages::boards::season)),
        ("/members/{id}", get(pages::member::member)),
        ("/members/{id}/card.png", get(pages::member::card)),
        ("/me", get(pages::member::me)),
        ("/certificates/{id}", get(pages::certificate::certificate)),
        ("/questions", get(pages::questions::questions)),
        ("/media/{drop}/{position}", get(pages::media::media)),
        ("/dashboard", get(pages::dashboard::dashboard)),
        ("/dashboard/{file}", get(pages::dashboard::download)),
        ("/dashboard/members", get(pages::dashboard::subscribers)),
        (
            "/dashboard/members.csv",
            get(pages::dashboard::subscribers_csv),
        ),
        ("/dashboard/segments", get(pages::dashboard::segments)),
        (
            "/dashboard/contributors",
            get(pages::dashboard::contributors),
        ),
        ("/dashboard/segments/{name}", get(pages::dashboard::segment)),
        (
            "/dashboard/broadcasts/{id}",
            get(pages::dashboard::broadcast_status),
        ),
        ("/webhooks/stripe", post(webhooks::stripe)),
        ("/healthz", get(health::healthz)),
        ("/readyz", get(health::readyz)),
        ("/static/style.css", get(layout::stylesheet)),
    ]
}

/// Every path the pages' listener may serve, from the tables the router is built from (and
/// `/metrics`, served there behind its token): a test opens each as a visitor and as members,
/// so a new page cannot skip the access rules unseen.
#[must_use]
pub fn route_paths() -> Vec<&'static str> {
    form_routes()
        .into_iter()
        .chain(page_routes())
        .map(|(path, _)| path)
        .chain(["/metrics"])
        .collect()
}

fn router(state: AppState) -> Router {
    let forms = form_routes()
        .into_iter()
        .fold(Router::new(), |router, (path, route)| {
            router.route(path, route)
        })
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            security::same_site_forms,
        ));
    let router = page_routes()
        .into_iter()
        .fold(forms, |router, (path, route)| router.route(path, route));
    // On the pages' listener only behind the token.
    let router = if state.metrics_token.is_some() {
        router.route("/metrics", get(health::metrics_with_token))
    } else {
        router
    };
    router
        .fallback(errors::not_found)
        .method_not_allowed_fallback(errors::method_not_allowed)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            security::headers,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            health::count_requests,
        ))
        .with_state(state)
}
