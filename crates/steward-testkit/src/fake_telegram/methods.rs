//! The Bot API methods the fake answers, in Telegram's response shapes, and getUpdates' long
//! polling.

use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Json, Response};
use serde_json::{Value, json};

use super::files;
use super::limits::is_send;
use super::{BOT_ID, Call, Inner, bot_user, chat, user};
use crate::multipart;

fn ok(result: Value) -> Json<Value> {
    Json(json!({"ok": true, "result": result}))
}

pub(super) async fn handle(
    State(inner): State<Arc<Inner>>,
    Path((_bot, method)): Path<(String, String)>,
    headers: HeaderMap,
    raw: Bytes,
) -> Response {
    let method = method.to_lowercase();
    let body = match multipart::parse(&headers, raw.clone()).await {
        Some(form) => {
            if form
                .files
                .iter()
                .any(|f| f.bytes.len() as u64 > UPLOAD_LIMIT)
            {
                // Past a bot's upload limit Telegram answers 413 before reading the method.
                let body = json!({"ok": false, "error_code": 413,
                    "description": "Request Entity Too Large"});
                return (StatusCode::PAYLOAD_TOO_LARGE, Json(body)).into_response();
            }
            let mut body = Value::Object(form.fields);
            body["_files"] = form.files.iter().map(multipart::FilePart::record).collect();
            // Small forms whole, as text, for tests that read what an upload holds.
            if raw.len() < RAW_KEPT {
                body["_raw"] = json!(String::from_utf8_lossy(&raw));
            }
            body
        }
        None => serde_json::from_slice(&raw)
            .unwrap_or_else(|_| json!({"_raw": String::from_utf8_lossy(&raw)})),
    };
    if is_send(&method) {
        let chat_id = body["chat_id"].as_i64().unwrap_or_default();
        let admitted = crate::lock(&inner.limits).admit(chat_id, Instant::now());
        if let Err(retry_after) = admitted {
            inner.too_many.fetch_add(1, Ordering::SeqCst);
            let body = json!({"ok": false, "error_code": 429,
                "description": format!("Too Many Requests: retry after {retry_after}"),
                "parameters": {"retry_after": retry_after}});
            return (StatusCode::TOO_MANY_REQUESTS, Json(body)).into_response();
        }
    }
    answer(&inner, method, body).await.into_response()
}

/// Bots may upload files of up to 50 MB (Bot API, "Sending files").
const UPLOAD_LIMIT: u64 = 50 * 1024 * 1024;
/// Forms smaller than this are also recorded whole, as text, under `_raw`.
const RAW_KEPT: usize = 1024 * 1024;

async fn answer(inner: &Inner, method: String, body: Value) -> Json<Value> {
    if method != "getupdates" {
        inner.calls.lock().await.push(Call {
            method: method.clone(),
            body: body.clone(),
            at: Instant::now(),
        });
    }
    let hold = inner.holds.lock().await.get(&method).copied();
    if let Some(wait) = hold {
        tokio::time::sleep(wait).await;
    }
    if inner.missing.lock().await.contains(&method) {
        return Json(
            json!({"ok": false, "error_code": 404, "description": "Not Found: method not found"}),
        );
    }
    if let Some(error) = inner
        .failures
        .lock()
        .await
        .get_mut(&method)
        .and_then(VecDeque::pop_front)
    {
        return Json(error);
    }
    match method.as_str() {
        "getme" => ok(json!({
            "id": BOT_ID, "is_bot": true, "first_name": "Steward", "username": "steward_bot",
            "can_join_groups": true, "can_read_all_group_messages": true,
            "supports_inline_queries": false, "has_main_web_app": false
        })),
        "getupdates" => get_updates(inner, &body).await,
        "sendmessage" => {
            let id = inner.next_message.fetch_add(1, Ordering::SeqCst);
            let chat_id = body["chat_id"].as_i64().unwrap_or_default();
            // The id it was given, for a test that replies to the bot's message.
            if let Some(call) = inner
                .calls
                .lock()
                .await
                .iter_mut()
                .rev()
                .find(|c| c.method == "sendmessage" && c.body == body)
            {
                call.body["_message_id"] = json!(id);
            }
            let mut sent = json!({"message_id": id, "date": 1_800_000_000, "chat": chat(chat_id),
                "from": bot_user(), "text": body["text"]});
            if let Some(topic) = body.get("message_thread_id") {
                sent["message_thread_id"] = topic.clone();
                sent["is_topic_message"] = json!(true);
            }
            ok(sent)
        }
        "senddocument" | "sendphoto" | "sendvideo" | "sendaudio" | "sendanimation"
        | "sendvoice" => {
            let kind = method.trim_start_matches("send");
            ok(files::sent_message(inner, &body, kind))
        }
        "sendmediagroup" => ok(files::sent_album(inner, &body)),
        "getfile" => files::get_file(inner, &body).await,
        "copymessage" => {
            ok(json!({"message_id": inner.next_message.fetch_add(1, Ordering::SeqCst)}))
        }
        "getchatadministrators" => {
            let chat = body["chat_id"].as_i64().unwrap_or_default();
            let admins = inner
                .admins
                .lock()
                .await
                .get(&chat)
                .cloned()
                .unwrap_or_default();
            ok(Value::Array(
                admins.iter().map(|id| json!({"user": user(*id, "admin"), "status": "creator", "is_anonymous": false})).collect(),
            ))
        }
        "getchatmember" => {
            let key = (
                body["chat_id"].as_i64().unwrap_or_default(),
                body["user_id"].as_i64().unwrap_or_default(),
            );
            let status = inner
                .statuses
                .lock()
                .await
                .get(&key)
                .cloned()
                .unwrap_or_else(|| "member".into());
            let mut member = json!({"user": user(key.1, "member"), "status": status});
            if status == "kicked" {
                member["until_date"] = json!(0);
            }
            ok(member)
        }
        "createchatinvitelink" => ok(json!({
            "invite_link": format!("https://t.me/+invite{}", inner.next_message.fetch_add(1, Ordering::SeqCst)),
            "creator": bot_user(), "creates_join_request": false, "is_primary": false, "is_revoked": false,
            "member_limit": body["member_limit"], "name": body["name"]
        })),
        "createinvoicelink" => ok(json!(format!(
            "https://t.me/$invoice{}",
            inner.next_message.fetch_add(1, Ordering::SeqCst)
        ))),
        "refundstarpayment" => {
            let charge = body["telegram_payment_charge_id"]
                .as_str()
                .unwrap_or_default()
                .to_owned();
            let mut refunded = inner.refunded.lock().await;
            if refunded.contains(&charge) {
                return Json(json!({"ok": false, "error_code": 400,
                    "description": "Bad Request: CHARGE_ALREADY_REFUNDED"}));
            }
            refunded.push(charge);
            ok(json!(true))
        }
        "setmycommands"
        | "answerprecheckoutquery"
        | "edituserstarsubscription"
        | "banchatmember"
        | "unbanchatmember"
        | "answercallbackquery"
        | "approvechatjoinrequest"
        | "declinechatjoinrequest"
        | "deletewebhook" => ok(json!(true)),
        _ => Json(
            json!({"ok": false, "error_code": 404, "description": "Not Found: method not found"}),
        ),
    }
}

/// Real long polling: answers at once when updates wait, else when one arrives or the timeout ends.
async fn get_updates(inner: &Inner, body: &Value) -> Json<Value> {
    let offset = body["offset"].as_i64().unwrap_or(0);
    let timeout = Duration::from_secs(body["timeout"].as_u64().unwrap_or(0));
    let deadline = tokio::time::Instant::now() + timeout;
    loop {
        let arrived = inner.arrived.notified();
        {
            let mut queue = inner.updates.lock().await;
            // Confirmed updates (below the offset) are forgotten, as Telegram does.
            queue.retain(|u| u["update_id"].as_i64().unwrap_or(0) >= offset);
            if !queue.is_empty() {
                return ok(Value::Array(queue.iter().cloned().collect()));
            }
        }
        if tokio::time::timeout_at(deadline, arrived).await.is_err() {
            return ok(json!([]));
        }
    }
}
