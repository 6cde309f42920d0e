//! An in-repo fake Discord on 127.0.0.1 for end-to-end tests and the bench: the REST routes
//! Steward uses (`rest.rs`, recorded for assertions, under Discord's global rate limit) and a
//! `ws://` gateway (`gateway.rs`) that says HELLO, answers IDENTIFY with READY and
//! GUILD_CREATE, acks heartbeats, and replays missed dispatches on RESUME, as Discord does.

mod cdn;
mod gateway;
pub mod payloads;
mod rest;

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::routing::get;
use serde_json::Value;
use tokio::sync::mpsc;

use crate::lock;
use gateway::dispatch;
use payloads::APP_ID;

/// One REST request as Steward sent it.
#[derive(Debug, Clone)]
pub struct Call {
    pub method: String,
    pub path: String,
    pub body: Value,
    pub at: Instant,
}

enum Outgoing {
    Frame(Value),
    Close(u16),
}

#[derive(Default)]
struct Gateway {
    session: u64,
    seq: u64,
    log: Vec<Value>,
    live: Option<mpsc::UnboundedSender<Outgoing>>,
}

#[derive(Default)]
struct Inner {
    calls: Mutex<Vec<Call>>,
    gateway: Mutex<Gateway>,
    /// Messages created, per channel, with their nonce.
    posted: Mutex<Vec<Value>>,
    roles: Mutex<HashSet<(String, String)>>,
    dm_channels: Mutex<HashMap<String, String>>,
    members: Mutex<Vec<Value>>,
    identifies: Mutex<Vec<Value>>,
    resumes: AtomicU64,
    refuse_roles: AtomicBool,
    /// Privileged intents are off in the (fake) Developer Portal.
    refuse_privileged_intents: AtomicBool,
    /// Message posts still to answer with 429 Too Many Requests.
    rate_limited_posts: AtomicU64,
    next_id: AtomicU64,
    ws_url: Mutex<String>,
    /// Discord's global limit: 50 requests a second per bot, interactions aside.
    global: Mutex<rest::GlobalLimit>,
    /// Requests answered 429 Too Many Requests.
    too_many: AtomicU64,
    /// Attachments by `ID/NAME`, served at their CDN address.
    attachments: Mutex<HashMap<String, axum::body::Bytes>>,
    /// This fake's address, for attachment URLs.
    base: Mutex<String>,
    /// How long a message post is held after it is made, before it is answered.
    post_hold: Mutex<Option<Duration>>,
}

#[derive(Clone)]
pub struct FakeDiscord {
    pub url: String,
    inner: Arc<Inner>,
}

impl FakeDiscord {
    pub async fn start() -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a loopback port for the fake Discord");
        let addr = listener
            .local_addr()
            .expect("a bound listener has an address");
        let inner = Arc::new(Inner {
            next_id: AtomicU64::new(900_000),
            ws_url: Mutex::new(format!("ws://{addr}/gateway")),
            base: Mutex::new(format!("http://{addr}")),
            ..Inner::default()
        });
        let app = Router::new()
            .route("/gateway", get(gateway::upgrade))
            .route("/attachments/{id}/{name}", get(cdn::serve))
            .fallback(rest::rest)
            // Uploads past Discord's limit reach the handler, which answers 413 as Discord does.
            .layer(axum::extract::DefaultBodyLimit::max(64 * 1024 * 1024))
            .with_state(inner.clone());
        tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, app).await {
                eprintln!("the fake Discord stopped: {e}");
            }
        });
        Self {
            url: format!("http://{addr}"),
            inner,
        }
    }

    /// Members sent in GUILD_CREATE.
    pub fn set_members(&self, members: Vec<Value>) {
        *lock(&self.inner.members) = members;
    }

    /// Closes the gateway with 4014 when a client asks for privileged intents.
    pub fn refuse_privileged_intents(&self) {
        self.inner
            .refuse_privileged_intents
            .store(true, Ordering::SeqCst);
    }

    /// Makes role changes fail as when Steward's role sits below the tier role.
    pub fn refuse_role_changes(&self, refuse: bool) {
        self.inner.refuse_roles.store(refuse, Ordering::SeqCst);
    }

    /// Makes each message post, then answers it only `wait` later (`None`: at once), for a
    /// test to kill the bot between Discord making a message and the bot hearing of it.
    pub fn hold_posts(&self, wait: Option<Duration>) {
        *lock(&self.inner.post_hold) = wait;
    }

    /// Answers the next `n` message posts with 429, as Discord does past a rate limit.
    pub fn rate_limit_posts(&self, n: u64) {
        self.inner.rate_limited_posts.store(n, Ordering::SeqCst);
    }

    /// The first interaction callback that `matches`, waiting up to 10 s.
    pub async fn callback_of(&self, interaction: u64) -> Value {
        let prefix = format!("/interactions/{interaction}/");
        self.wait_for_call("interaction callback", |c| c.path.starts_with(&prefix))
            .await
            .body
    }

    /// How many requests were answered 429 Too Many Requests.
    pub fn too_many_requests(&self) -> u64 {
        self.inner.too_many.load(Ordering::SeqCst)
    }

    /// Messages created per channel (a repeat answered by its nonce is not a new one).
    pub fn messages_per_channel(&self) -> HashMap<String, usize> {
        let mut counts = HashMap::new();
        for message in lock(&self.inner.posted).iter() {
            if let Some(channel) = message["channel_id"].as_str() {
                *counts.entry(channel.to_owned()).or_default() += 1;
            }
        }
        counts
    }

    pub fn calls(&self) -> Vec<Call> {
        lock(&self.inner.calls).clone()
    }

    pub fn posted(&self) -> Vec<Value> {
        lock(&self.inner.posted).clone()
    }

    pub fn has_role(&self, user: u64, role: u64) -> bool {
        lock(&self.inner.roles).contains(&(user.to_string(), role.to_string()))
    }

    pub fn identifies(&self) -> Vec<Value> {
        lock(&self.inner.identifies).clone()
    }

    pub fn resumes(&self) -> u64 {
        self.inner.resumes.load(Ordering::SeqCst)
    }

    pub fn next_id(&self) -> u64 {
        self.inner.next_id.fetch_add(1, Ordering::SeqCst)
    }

    /// Sends a dispatch event (or keeps it for replay when no socket is open).
    pub fn dispatch(&self, kind: &str, data: Value) {
        dispatch(&self.inner, kind, data);
    }

    /// Closes the gateway socket as Discord does when it wants a client to resume.
    pub fn close_gateway(&self) {
        if let Some(live) = lock(&self.inner.gateway).live.take() {
            let _ = live.send(Outgoing::Close(4000));
        }
    }

    /// Waits up to 10 s for a recorded call that `matches`.
    pub async fn wait_for_call(&self, what: &str, matches: impl Fn(&Call) -> bool) -> Call {
        for _ in 0..500 {
            if let Some(call) = self.calls().into_iter().find(&matches) {
                return call;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!("no {what} within 10 s; calls: {:#?}", self.calls());
    }

    /// The answer to an interaction: its callback body, or the edit after a deferral.
    pub async fn answer_to(&self, interaction: u64) -> String {
        let callback = format!("/interactions/{interaction}/");
        let edit = format!("/webhooks/{APP_ID}/token-{interaction}/messages/@original");
        let call = self
            .wait_for_call("interaction answer", |c| {
                (c.path.starts_with(&callback) && c.body["type"] == 4) || c.path == edit
            })
            .await;
        let content = if call.path == edit {
            &call.body["content"]
        } else {
            &call.body["data"]["content"]
        };
        content.as_str().unwrap_or_default().to_owned()
    }

    /// Waits until the gateway socket is open and identified or resumed.
    pub async fn wait_connected(&self) {
        for _ in 0..500 {
            if lock(&self.inner.gateway).live.is_some() && !self.identifies().is_empty() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!("the gateway was never connected");
    }
}
