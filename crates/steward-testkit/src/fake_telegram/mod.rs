//! A local Telegram Bot API peer for end-to-end tests and the bench: the real teloxide client
//! talks to it over HTTP on 127.0.0.1. It speaks the Bot API's response shapes for the methods
//! the adapter uses, matches method names case-insensitively (teloxide sends `SendMessage`),
//! long-polls getUpdates for real, records every call, fails methods on request, and enforces
//! Telegram's documented sending limits (`limits.rs`).

mod files;
mod limits;
mod methods;

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use axum::Router;
use serde_json::{Value, json};
use tokio::sync::{Mutex, Notify};

use limits::SendLimits;

pub const BOT_ID: i64 = 999_000;

/// One recorded call: method (lowercase), its JSON body, and when it came.
#[derive(Debug, Clone)]
pub struct Call {
    pub method: String,
    pub body: Value,
    pub at: Instant,
}

#[derive(Default)]
struct Inner {
    updates: Mutex<VecDeque<Value>>,
    arrived: Notify,
    calls: Mutex<Vec<Call>>,
    /// method -> error responses to return, one per call, before answering normally.
    failures: Mutex<HashMap<String, VecDeque<Value>>>,
    /// Methods that always fail (a server that lacks them).
    missing: Mutex<Vec<String>>,
    /// chat -> admin user ids.
    admins: Mutex<HashMap<i64, Vec<i64>>>,
    /// (chat, user) -> status for getChatMember ("member" when unknown).
    statuses: Mutex<HashMap<(i64, i64), String>>,
    /// Charges refunded: Telegram refuses a second `refundStarPayment` of one with
    /// `CHARGE_ALREADY_REFUNDED` (Bot API, refundStarPayment; the error tdlib documents).
    refunded: Mutex<Vec<String>>,
    next_message: AtomicI64,
    next_update: AtomicI64,
    limits: std::sync::Mutex<SendLimits>,
    /// Requests answered 429 Too Many Requests.
    too_many: AtomicU64,
    /// Files members sent, by file id, for getFile and the file address.
    files: Mutex<HashMap<String, axum::body::Bytes>>,
    /// Methods answered only after a wait (a slow upload), for a test to kill the bot while
    /// the request is in flight.
    holds: Mutex<HashMap<String, Duration>>,
}

/// The running fake; dropped with the test.
#[derive(Clone)]
pub struct FakeBotApi {
    inner: Arc<Inner>,
    pub url: String,
}

pub fn bot_user() -> Value {
    json!({"id": BOT_ID, "is_bot": true, "first_name": "Steward", "username": "steward_bot"})
}

pub fn user(id: i64, name: &str) -> Value {
    json!({"id": id, "is_bot": false, "first_name": name, "username": name.to_lowercase()})
}

pub fn chat(id: i64) -> Value {
    if id > 0 {
        json!({"id": id, "type": "private", "first_name": "someone"})
    } else {
        json!({"id": id, "type": "supergroup", "title": "Community"})
    }
}

impl FakeBotApi {
    pub async fn start() -> Self {
        let inner = Arc::new(Inner::default());
        inner.next_message.store(1000, Ordering::SeqCst);
        inner.next_update.store(1, Ordering::SeqCst);
        let app = Router::new()
            .route(
                "/{bot}/{method}",
                axum::routing::post(methods::handle).get(methods::handle),
            )
            .route("/file/{bot}/{*path}", axum::routing::get(files::download))
            // Uploads up to past the 50 MB limit reach the handler, which answers 413 as
            // Telegram does.
            .layer(axum::extract::DefaultBodyLimit::max(64 * 1024 * 1024))
            .with_state(inner.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a loopback port for the fake Bot API");
        let url = format!(
            "http://{}/",
            listener
                .local_addr()
                .expect("a bound listener has an address")
        );
        tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, app).await {
                eprintln!("the fake Bot API stopped: {e}");
            }
        });
        Self { inner, url }
    }

    /// Queues an update (its update_id is assigned here) for getUpdates.
    pub async fn push(&self, mut update: Value) -> i64 {
        let id = self.inner.next_update.fetch_add(1, Ordering::SeqCst);
        update["update_id"] = json!(id);
        self.inner.updates.lock().await.push_back(update);
        self.inner.arrived.notify_waiters();
        id
    }

    /// Several text messages queued at once, so one getUpdates returns them together.
    pub async fn say_all(&self, chat_id: i64, messages: &[(Value, &str)]) {
        let mut updates = self.inner.updates.lock().await;
        for (from, text) in messages {
            let id = self.inner.next_message.fetch_add(1, Ordering::SeqCst);
            let update_id = self.inner.next_update.fetch_add(1, Ordering::SeqCst);
            updates.push_back(json!({"update_id": update_id, "message": {"message_id": id,
                "date": 1_800_000_000, "chat": chat(chat_id), "from": from, "text": text}}));
        }
        drop(updates);
        self.inner.arrived.notify_waiters();
    }

    /// A text message from `from` in `chat`; returns its message id.
    pub async fn say(&self, chat_id: i64, from: Value, text: &str) -> i64 {
        self.say_with(chat_id, from, text, |_| {}).await
    }

    /// Like [`FakeBotApi::say`], with a hook to add fields (reply_to_message, entities).
    pub async fn say_with(
        &self,
        chat_id: i64,
        from: Value,
        text: &str,
        edit: impl FnOnce(&mut Value),
    ) -> i64 {
        let id = self.inner.next_message.fetch_add(1, Ordering::SeqCst);
        let mut message = json!({"message_id": id, "date": 1_800_000_000, "chat": chat(chat_id), "from": from, "text": text});
        edit(&mut message);
        self.push(json!({"message": message})).await;
        id
    }

    /// A file a member sent, kept under `file_id` for getFile.
    pub async fn put_file(&self, file_id: &str, bytes: Vec<u8>) {
        self.inner
            .files
            .lock()
            .await
            .insert(file_id.to_owned(), bytes.into());
    }

    /// Answers `method` only `wait` after it arrives (recorded at once); `None` lifts it.
    pub async fn hold(&self, method: &str, wait: Option<Duration>) {
        let mut holds = self.inner.holds.lock().await;
        match wait {
            Some(wait) => holds.insert(method.to_lowercase(), wait),
            None => holds.remove(&method.to_lowercase()),
        };
    }

    /// Forgets a file, as if its message and file were gone.
    pub async fn forget_file(&self, file_id: &str) {
        self.inner.files.lock().await.remove(file_id);
    }

    pub async fn fail_next(&self, method: &str, error: Value) {
        self.inner
            .failures
            .lock()
            .await
            .entry(method.to_lowercase())
            .or_default()
            .push_back(error);
    }

    pub async fn lack(&self, method: &str) {
        self.inner.missing.lock().await.push(method.to_lowercase());
    }

    pub async fn set_admins(&self, chat: i64, users: &[i64]) {
        self.inner.admins.lock().await.insert(chat, users.to_vec());
    }

    pub async fn set_status(&self, chat: i64, user: i64, status: &str) {
        self.inner
            .statuses
            .lock()
            .await
            .insert((chat, user), status.to_owned());
    }

    /// How many requests were answered 429 Too Many Requests.
    pub fn too_many_requests(&self) -> u64 {
        self.inner.too_many.load(Ordering::SeqCst)
    }

    /// Sends (`sendMessage`, `copyMessage`, uploads) per chat, for counting repeats.
    pub async fn sends_per_chat(&self) -> HashMap<i64, usize> {
        let mut sends = HashMap::new();
        for call in self.inner.calls.lock().await.iter() {
            if limits::is_send(&call.method)
                && let Some(chat) = call.body["chat_id"].as_i64()
            {
                *sends.entry(chat).or_default() += 1;
            }
        }
        sends
    }

    pub async fn calls(&self) -> Vec<Call> {
        self.inner.calls.lock().await.clone()
    }

    /// Waits (up to 10 s) for a call of `method` whose body satisfies `pick`, and returns it.
    pub async fn wait_for(&self, method: &str, pick: impl Fn(&Value) -> bool) -> Call {
        let method = method.to_lowercase();
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(call) = self
                .calls()
                .await
                .into_iter()
                .find(|c| c.method == method && pick(&c.body))
            {
                return call;
            }
            assert!(
                Instant::now() < deadline,
                "no {method} call matched within 10 s; calls: {:#?}",
                self.calls().await
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// The text of the bot's next message to `chat` containing `needle`.
    pub async fn reply_in(&self, chat: i64, needle: &str) -> String {
        let call = self
            .wait_for("sendmessage", |b| {
                b["chat_id"] == json!(chat)
                    && b["text"].as_str().is_some_and(|t| t.contains(needle))
            })
            .await;
        call.body["text"].as_str().unwrap_or_default().to_owned()
    }

    /// How many sendMessage calls to `chat` contain `needle`.
    pub async fn count_messages(&self, chat: i64, needle: &str) -> usize {
        self.calls()
            .await
            .iter()
            .filter(|c| c.method == "sendmessage" && c.body["chat_id"] == json!(chat))
            .filter(|c| c.body["text"].as_str().is_some_and(|t| t.contains(needle)))
            .count()
    }
}
