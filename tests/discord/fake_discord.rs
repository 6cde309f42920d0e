//! An in-repo fake Discord on 127.0.0.1: the REST routes Steward uses (recorded for assertions)
//! and a `ws://` gateway that says HELLO, answers IDENTIFY with READY and GUILD_CREATE, acks
//! heartbeats, and replays missed dispatches on RESUME, as Discord does.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::http::{Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::{Value, json};
use tokio::sync::mpsc;

use crate::payloads::{self, APP_ID, GUILD};

/// One REST request as Steward sent it.
#[derive(Debug, Clone)]
pub struct Call {
    pub method: String,
    pub path: String,
    pub body: Value,
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
}

#[derive(Clone)]
pub struct FakeDiscord {
    pub url: String,
    inner: Arc<Inner>,
}

impl FakeDiscord {
    pub async fn start() -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let inner = Arc::new(Inner {
            next_id: AtomicU64::new(900_000),
            ..Inner::default()
        });
        *inner.ws_url.lock().unwrap() = format!("ws://{addr}/gateway");
        let app = Router::new()
            .route("/gateway", get(gateway))
            .fallback(rest)
            .with_state(inner.clone());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Self {
            url: format!("http://{addr}"),
            inner,
        }
    }

    /// Members sent in GUILD_CREATE.
    pub fn set_members(&self, members: Vec<Value>) {
        *self.inner.members.lock().unwrap() = members;
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

    pub fn calls(&self) -> Vec<Call> {
        self.inner.calls.lock().unwrap().clone()
    }

    pub fn posted(&self) -> Vec<Value> {
        self.inner.posted.lock().unwrap().clone()
    }

    pub fn has_role(&self, user: u64, role: u64) -> bool {
        self.inner
            .roles
            .lock()
            .unwrap()
            .contains(&(user.to_string(), role.to_string()))
    }

    pub fn identifies(&self) -> Vec<Value> {
        self.inner.identifies.lock().unwrap().clone()
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
        if let Some(live) = self.inner.gateway.lock().unwrap().live.take() {
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
            if self.inner.gateway.lock().unwrap().live.is_some() && !self.identifies().is_empty() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!("the gateway was never connected");
    }
}

fn dispatch(inner: &Inner, kind: &str, data: Value) {
    let mut gateway = inner.gateway.lock().unwrap();
    gateway.seq += 1;
    let frame = json!({"op": 0, "t": kind, "s": gateway.seq, "d": data});
    gateway.log.push(frame.clone());
    if let Some(live) = &gateway.live {
        let _ = live.send(Outgoing::Frame(frame));
    }
}

async fn gateway(ws: WebSocketUpgrade, State(inner): State<Arc<Inner>>) -> Response {
    ws.on_upgrade(move |socket| session(socket, inner))
}

async fn session(mut socket: WebSocket, inner: Arc<Inner>) {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let hello = json!({"op": 10, "d": {"heartbeat_interval": 41250}});
    if socket.send(Message::text(hello.to_string())).await.is_err() {
        return;
    }
    loop {
        tokio::select! {
            incoming = socket.recv() => {
                let Some(Ok(Message::Text(text))) = incoming else { return };
                let Ok(payload) = serde_json::from_str::<Value>(&text) else { continue };
                on_payload(&inner, &tx, &payload);
            }
            outgoing = rx.recv() => match outgoing {
                Some(Outgoing::Frame(frame)) => {
                    if socket.send(Message::text(frame.to_string())).await.is_err() {
                        return;
                    }
                }
                Some(Outgoing::Close(code)) => {
                    let frame = CloseFrame { code, reason: "reconnect".into() };
                    let _ = socket.send(Message::Close(Some(frame))).await;
                    return;
                }
                None => {
                    let frame = CloseFrame { code: 4000, reason: "reconnect".into() };
                    let _ = socket.send(Message::Close(Some(frame))).await;
                    return;
                }
            }
        }
    }
}

fn on_payload(inner: &Inner, tx: &mpsc::UnboundedSender<Outgoing>, payload: &Value) {
    match payload["op"].as_u64() {
        Some(1) => {
            let _ = tx.send(Outgoing::Frame(json!({"op": 11})));
        }
        Some(2) => {
            inner.identifies.lock().unwrap().push(payload["d"].clone());
            // GUILD_MEMBERS | MESSAGE_CONTENT are privileged.
            let privileged = payload["d"]["intents"].as_u64().unwrap_or(0) & (2 | 32768) != 0;
            let token = payload["d"]["token"].as_str().unwrap_or_default();
            if token.trim_start_matches("Bot ") != "discord-test-token" {
                let _ = tx.send(Outgoing::Close(4004));
                return;
            }
            if privileged && inner.refuse_privileged_intents.load(Ordering::SeqCst) {
                let _ = tx.send(Outgoing::Close(4014));
                return;
            }
            {
                let mut gateway = inner.gateway.lock().unwrap();
                gateway.session += 1;
                gateway.seq = 0;
                gateway.log.clear();
                gateway.live = Some(tx.clone());
            }
            let session = format!("session-{}", inner.gateway.lock().unwrap().session);
            let url = inner.ws_url.lock().unwrap().clone();
            dispatch(inner, "READY", payloads::ready(&session, &url));
            // Like Discord, a guild above the client's large_threshold comes without its
            // member list (only the count); smaller ones list everyone.
            let threshold = payload["d"]["large_threshold"].as_u64().unwrap_or(50) as usize;
            let members = inner.members.lock().unwrap().clone();
            let mut guild = payloads::guild(&members);
            if members.len() > threshold {
                guild["members"] = json!([]);
                guild["large"] = json!(true);
            }
            dispatch(inner, "GUILD_CREATE", guild);
        }
        Some(6) => {
            inner.resumes.fetch_add(1, Ordering::SeqCst);
            let after = payload["d"]["seq"].as_u64().unwrap_or(0);
            let missed: Vec<Value> = {
                let mut gateway = inner.gateway.lock().unwrap();
                gateway.live = Some(tx.clone());
                gateway
                    .log
                    .iter()
                    .filter(|f| f["s"].as_u64().unwrap_or(0) > after)
                    .cloned()
                    .collect()
            };
            for frame in missed {
                let _ = tx.send(Outgoing::Frame(frame));
            }
            dispatch(inner, "RESUMED", json!({}));
        }
        _ => {}
    }
}

fn json_response(status: StatusCode, body: Value) -> Response {
    (status, axum::Json(body)).into_response()
}

fn error(status: StatusCode, code: u32, message: &str) -> Response {
    json_response(status, json!({"code": code, "message": message}))
}

async fn rest(State(inner): State<Arc<Inner>>, method: Method, uri: Uri, body: Bytes) -> Response {
    let path = uri.path().trim_start_matches("/api/v10").to_owned();
    // Messages with attachments come as multipart forms: kept whole, as text, under "_raw".
    let body: Value = serde_json::from_slice(&body)
        .unwrap_or_else(|_| json!({"_raw": String::from_utf8_lossy(&body)}));
    inner.calls.lock().unwrap().push(Call {
        method: method.to_string(),
        path: path.clone(),
        body: body.clone(),
    });
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    match (method.as_str(), parts.as_slice()) {
        ("GET", ["gateway"]) => json_response(
            StatusCode::OK,
            json!({"url": *inner.ws_url.lock().unwrap()}),
        ),
        ("GET", ["gateway", "bot"]) => json_response(
            StatusCode::OK,
            json!({"url": *inner.ws_url.lock().unwrap(), "shards": 1,
                   "session_start_limit": {"total": 1000, "remaining": 1000,
                   "reset_after": 0, "max_concurrency": 1}}),
        ),
        ("PUT", ["applications", _, "guilds", guild, "commands"]) => {
            let registered: Vec<Value> = body
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .enumerate()
                .map(|(i, mut command)| {
                    command["id"] = json!((5000 + i).to_string());
                    command["application_id"] = json!(APP_ID.to_string());
                    command["guild_id"] = json!(guild.to_string());
                    command["version"] = json!("1");
                    if command.get("type").is_none() {
                        command["type"] = json!(1);
                    }
                    if command.get("description").is_none() {
                        command["description"] = json!("");
                    }
                    command
                })
                .collect();
            json_response(StatusCode::OK, Value::Array(registered))
        }
        ("POST", ["interactions", _, _, "callback"]) => StatusCode::NO_CONTENT.into_response(),
        ("GET", ["users", id]) => json_response(
            StatusCode::OK,
            payloads::user(id.parse().unwrap_or(0), "Buyer"),
        ),
        ("PATCH", ["webhooks", _, _, "messages", "@original"]) => {
            let id = inner.next_id.fetch_add(1, Ordering::SeqCst);
            let content = body["content"].as_str().unwrap_or_default();
            let message = payloads::message(id, payloads::GENERAL, &payloads::bot_user(), content);
            json_response(StatusCode::OK, message)
        }
        ("POST", ["channels", channel, "messages"]) => {
            let limited = inner
                .rate_limited_posts
                .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
                .is_ok();
            if limited {
                return json_response(
                    StatusCode::TOO_MANY_REQUESTS,
                    json!({"message": "You are being rate limited.", "retry_after": 0.5,
                           "global": false, "code": 0}),
                );
            }
            create_message(&inner, channel, &body)
        }
        ("POST", ["users", "@me", "channels"]) => {
            let recipient = body["recipient_id"].as_str().unwrap_or("0").to_owned();
            let channel = format!("8{recipient}");
            inner
                .dm_channels
                .lock()
                .unwrap()
                .insert(channel.clone(), recipient.clone());
            json_response(
                StatusCode::OK,
                json!({"id": channel, "type": 1, "last_message_id": null,
                       "recipients": [payloads::user(recipient.parse().unwrap_or(0), "someone")]}),
            )
        }
        (verb @ ("PUT" | "DELETE"), ["guilds", guild, "members", user, "roles", role]) => {
            if *guild != GUILD.to_string() {
                return error(StatusCode::NOT_FOUND, 10004, "Unknown Guild");
            }
            if inner.refuse_roles.load(Ordering::SeqCst) {
                return error(StatusCode::FORBIDDEN, 50013, "Missing Permissions");
            }
            let key = (user.to_string(), role.to_string());
            let mut roles = inner.roles.lock().unwrap();
            if verb == "PUT" {
                roles.insert(key);
            } else {
                roles.remove(&key);
            }
            StatusCode::NO_CONTENT.into_response()
        }
        _ => error(StatusCode::NOT_FOUND, 0, "404: Not Found"),
    }
}

/// Creates a message, or with `enforce_nonce` returns the one already made with that nonce.
fn create_message(inner: &Inner, channel: &str, body: &Value) -> Response {
    let mut posted = inner.posted.lock().unwrap();
    if body["enforce_nonce"] == true
        && let Some(existing) = posted
            .iter()
            .find(|m| m["channel_id"] == channel && m["nonce"] == body["nonce"])
    {
        return json_response(StatusCode::OK, existing.clone());
    }
    let id = inner.next_id.fetch_add(1, Ordering::SeqCst);
    let mut message = payloads::message(
        id,
        channel.parse().unwrap_or(0),
        &payloads::bot_user(),
        body["content"].as_str().unwrap_or_default(),
    );
    message["nonce"] = body["nonce"].clone();
    message["components"] = body.get("components").cloned().unwrap_or(json!([]));
    if inner.dm_channels.lock().unwrap().contains_key(channel) {
        message["guild_id"] = Value::Null;
    }
    posted.push(message.clone());
    json_response(StatusCode::OK, message)
}
