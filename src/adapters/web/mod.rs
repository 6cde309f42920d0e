//! The web side, in the same binary: server-rendered pages (maud, no JavaScript, nothing from a
//! CDN), logging in by a link sent in chat, health checks and Prometheus metrics. It only
//! translates: every page's data comes from the engine's web methods, which apply the access
//! rules.

mod auth;
mod charts;
mod errors;
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
use axum::routing::{get, post};
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
];

/// What every handler shares.
#[derive(Clone)]
pub(crate) struct AppState {
    pub engine: Arc<Engine>,
    /// Session cookies carry `Secure` when the public address is https.
    pub secure_cookies: bool,
    /// Stripe's webhook signing secret; without it, deliveries are not accepted.
    pub stripe_webhook: Option<Arc<Secret>>,
    /// Leaderboard pages rendered while their board stood still.
    pub pages: Arc<page_cache::PageCache>,
}

/// A bound listener, ready to serve: binding first lets a port in use stop the start with a
/// clear error, and tells the address (port 0 picks a free one).
pub struct WebServer {
    listener: TcpListener,
    secure_cookies: bool,
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
        Ok(Self {
            listener,
            secure_cookies: config.https(),
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

    /// The address it listens on.
    #[must_use]
    pub fn local_addr(&self) -> Option<SocketAddr> {
        self.listener.local_addr().ok()
    }

    /// Serves until `stop` turns true.
    pub async fn serve(self, engine: Arc<Engine>, stop: watch::Receiver<bool>) {
        let state = AppState {
            engine,
            secure_cookies: self.secure_cookies,
            stripe_webhook: self.stripe_webhook,
            pages: Arc::default(),
        };
        server::serve(self.listener, router(state), self.limits, stop).await;
    }
}

fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(pages::home::home))
        .route("/leaderboard/{board}", get(pages::boards::board))
        .route("/seasons", get(pages::boards::seasons))
        .route("/seasons/{id}", get(pages::boards::season))
        .route("/members/{id}", get(pages::member::member))
        .route("/members/{id}/card.png", get(pages::member::card))
        .route("/me", get(pages::member::me))
        .route("/dashboard", get(pages::dashboard::dashboard))
        .route("/dashboard/{file}", get(pages::dashboard::download))
        .route("/login/{token}", get(auth::login_page).post(auth::login))
        .route("/logout", post(auth::logout))
        .route("/subscribe", post(pages::member::subscribe))
        .route("/webhooks/stripe", post(webhooks::stripe))
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(health::metrics))
        .route("/static/style.css", get(layout::stylesheet))
        .fallback(errors::not_found)
        .layer(axum::middleware::from_fn(security::headers))
        .with_state(state)
}
