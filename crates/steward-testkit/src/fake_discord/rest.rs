//! The fake's REST routes, answered in Discord's shapes, and its global rate limit: "All bots
//! can make up to 50 requests per second to our API" (Discord developer docs, Rate Limits,
//! Global Rate Limit), interaction endpoints excepted; past it a `429` with
//! `{"message": "You are being rate limited.", "retry_after": SECONDS, "global": true}` and the
//! `Retry-After` and `X-RateLimit-Global` headers.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::payloads::{self, APP_ID, GUILD};
use super::{Call, Inner, cdn};
use crate::lock;
use crate::multipart::{self, FilePart};
use crate::rate_window::RateWindow;

/// Discord's global limit per bot.
pub(super) struct GlobalLimit(RateWindow);

impl Default for GlobalLimit {
    fn default() -> Self {
        Self(RateWindow::new(50, Duration::from_secs(1)))
    }
}

/// Interactions are answered through their own endpoints, outside the global limit.
fn is_interaction(path: &str) -> bool {
    path.starts_with("/interactions/") || path.starts_with(&format!("/webhooks/{APP_ID}/"))
}

fn too_many(inner: &Inner, wait: Duration) -> Response {
    inner.too_many.fetch_add(1, Ordering::SeqCst);
    let seconds = wait.as_secs_f64().max(0.001);
    let mut response = json_response(
        StatusCode::TOO_MANY_REQUESTS,
        json!({"message": "You are being rate limited.", "retry_after": seconds,
               "global": true, "code": 0}),
    );
    let headers = response.headers_mut();
    if let Ok(value) = format!("{}", seconds.ceil()).parse() {
        headers.insert("retry-after", value);
    }
    headers.insert(
        "x-ratelimit-global",
        axum::http::HeaderValue::from_static("true"),
    );
    headers.insert(
        "x-ratelimit-scope",
        axum::http::HeaderValue::from_static("global"),
    );
    response
}

fn json_response(status: StatusCode, body: Value) -> Response {
    (status, axum::Json(body)).into_response()
}

fn error(status: StatusCode, code: u32, message: &str) -> Response {
    json_response(status, json!({"code": code, "message": message}))
}

pub(super) async fn rest(
    State(inner): State<Arc<Inner>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    raw: Bytes,
) -> Response {
    let path = uri.path().trim_start_matches("/api/v10").to_owned();
    let now = Instant::now();
    if !is_interaction(&path)
        && let Err(wait) = lock(&inner.global).0.admit(now)
    {
        return too_many(&inner, wait);
    }
    // Messages with files come as multipart forms: the JSON in `payload_json`, the files as
    // `files[n]` parts (recorded under `_files`), and small forms whole under `_raw`.
    let (body, files) = match multipart::parse(&headers, raw.clone()).await {
        Some(form) => {
            let mut body = form
                .fields
                .get("payload_json")
                .cloned()
                .unwrap_or_else(|| json!({}));
            body["_files"] = form.files.iter().map(FilePart::record).collect();
            if raw.len() < 1024 * 1024 {
                body["_raw"] = json!(String::from_utf8_lossy(&raw));
            }
            (body, form.files)
        }
        None => (
            serde_json::from_slice(&raw)
                .unwrap_or_else(|_| json!({"_raw": String::from_utf8_lossy(&raw)})),
            Vec::new(),
        ),
    };
    if files.iter().map(|f| f.bytes.len()).sum::<usize>() > cdn::UPLOAD_LIMIT {
        return error(
            StatusCode::PAYLOAD_TOO_LARGE,
            40005,
            "Request entity too large",
        );
    }
    lock(&inner.calls).push(Call {
        method: method.to_string(),
        path: path.clone(),
        body: body.clone(),
        at: now,
    });
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    match (method.as_str(), parts.as_slice()) {
        ("GET", ["gateway"]) => json_response(StatusCode::OK, json!({"url": *lock(&inner.ws_url)})),
        ("GET", ["gateway", "bot"]) => json_response(
            StatusCode::OK,
            json!({"url": *lock(&inner.ws_url), "shards": 1,
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
            let answer = create_message(&inner, channel, &body, &files);
            let hold = *lock(&inner.post_hold);
            if let Some(wait) = hold {
                tokio::time::sleep(wait).await;
            }
            answer
        }
        ("GET", ["channels", id]) => match id.parse::<u64>() {
            Ok(n @ (payloads::GENERAL | payloads::ANNOUNCEMENTS | payloads::FORUM)) => {
                json_response(StatusCode::OK, payloads::channel(n, "channel", 0))
            }
            _ => error(StatusCode::NOT_FOUND, 10003, "Unknown Channel"),
        },
        ("POST", ["channels", parent, "threads"]) => start_thread(&inner, parent, &body),
        ("POST", ["users", "@me", "channels"]) => {
            let recipient = body["recipient_id"].as_str().unwrap_or("0").to_owned();
            let channel = format!("8{recipient}");
            lock(&inner.dm_channels).insert(channel.clone(), recipient.clone());
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
            let mut roles = lock(&inner.roles);
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
fn create_message(inner: &Inner, channel: &str, body: &Value, files: &[FilePart]) -> Response {
    let mut posted = lock(&inner.posted);
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
    message["attachments"] = cdn::uploaded(inner, &lock(&inner.base), files);
    if lock(&inner.dm_channels).contains_key(channel) {
        message["guild_id"] = Value::Null;
    }
    posted.push(message.clone());
    json_response(StatusCode::OK, message)
}

/// "Start Thread in Forum or Media Channel" (the first message in `message`, required in a
/// forum) or "Start Thread without Message" (a text channel, `type` 11 for a public thread),
/// as Discord documents them: the thread's channel object, with the message for a forum post.
fn start_thread(inner: &Inner, parent: &str, body: &Value) -> Response {
    // A forum post may come as a multipart form whose `payload_json` part holds the JSON.
    let parsed = body["_raw"].as_str().and_then(payload_json);
    let body = parsed.as_ref().unwrap_or(body);
    let forum = parent == payloads::FORUM.to_string();
    let name = body["name"].as_str().unwrap_or_default();
    if name.is_empty() || name.chars().count() > 100 {
        return error(StatusCode::BAD_REQUEST, 50035, "Invalid Form Body");
    }
    if forum != body.get("message").is_some() || !forum && body["type"] != 11 {
        return error(StatusCode::BAD_REQUEST, 50035, "Invalid Form Body");
    }
    let id = inner.next_id.fetch_add(1, Ordering::SeqCst);
    let mut thread = payloads::thread(id, parent, name);
    if forum {
        let first = id.to_string();
        let response = create_message(inner, &first, &body["message"], &[]);
        drop(response);
        if let Some(message) = lock(&inner.posted).last() {
            thread["message"] = message.clone();
        }
    }
    json_response(StatusCode::CREATED, thread)
}

/// The `payload_json` part of a multipart form, as Discord reads it.
fn payload_json(raw: &str) -> Option<Value> {
    let part = raw.split("name=\"payload_json\"").nth(1)?;
    let start = part.find("\r\n\r\n")? + 4;
    let end = part[start..]
        .find("\r\n--")
        .map_or(part.len(), |e| start + e);
    serde_json::from_str(&part[start..end]).ok()
}
