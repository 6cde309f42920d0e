//! Files on the fake Bot API: uploads answered with the message Telegram would send back
//! (sendPhoto, sendDocument, sendVideo, sendAudio, sendAnimation, sendVoice, sendMediaGroup),
//! and files members sent, fetched as a bot fetches them: getFile for a `file_path` (refused
//! past 20 MB, "Bad Request: file is too big"), then `GET /file/bot<token>/<file_path>`.

use std::sync::atomic::Ordering;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Json, Response};
use serde_json::{Value, json};
use std::sync::Arc;

use super::{Inner, bot_user, chat};

/// The largest file getFile hands a bot.
const FETCH_LIMIT: usize = 20 * 1024 * 1024;

/// What a message of `kind` holds for an uploaded file, in the Bot API's shape.
fn file_field(kind: &str, id: &str, size: u64, name: &str) -> (&'static str, Value) {
    let meta = json!({"file_id": id, "file_unique_id": id, "file_size": size});
    let with = |extra: Value| {
        let mut value = meta.clone();
        if let (Some(v), Some(e)) = (value.as_object_mut(), extra.as_object()) {
            v.extend(e.clone());
        }
        value
    };
    match kind {
        "photo" => (
            "photo",
            json!([with(json!({"width": 1280, "height": 720}))]),
        ),
        "video" => (
            "video",
            with(json!({"width": 1280, "height": 720, "duration": 1, "file_name": name})),
        ),
        "audio" => ("audio", with(json!({"duration": 1, "file_name": name}))),
        "animation" => (
            "animation",
            with(json!({"width": 320, "height": 240, "duration": 1, "file_name": name})),
        ),
        "voice" => ("voice", with(json!({"duration": 1}))),
        _ => ("document", with(json!({"file_name": name}))),
    }
}

fn message(inner: &Inner, chat_id: i64, kind: &str, file: &Value, caption: &Value) -> Value {
    let id = inner.next_message.fetch_add(1, Ordering::SeqCst);
    let file_id = format!("sent{id}");
    let size = file["size"].as_u64().unwrap_or(0);
    let (field, value) = file_field(kind, &file_id, size, file["name"].as_str().unwrap_or(""));
    let mut sent = json!({"message_id": id, "date": 1_800_000_000, "chat": chat(chat_id),
        "from": bot_user()});
    sent[field] = value;
    if caption.is_string() {
        sent["caption"] = caption.clone();
    }
    sent
}

/// The message a single upload makes.
pub(super) fn sent_message(inner: &Inner, body: &Value, kind: &str) -> Value {
    let chat_id = body["chat_id"].as_i64().unwrap_or_default();
    let file = body["_files"].get(0).cloned().unwrap_or(Value::Null);
    message(inner, chat_id, kind, &file, &body["caption"])
}

/// The messages an album makes, one per item; each item's `media` names its file part
/// (`attach://NAME`).
pub(super) fn sent_album(inner: &Inner, body: &Value) -> Value {
    let chat_id = body["chat_id"].as_i64().unwrap_or_default();
    let items = body["media"].as_array().cloned().unwrap_or_default();
    let files = body["_files"].as_array().cloned().unwrap_or_default();
    let sent: Vec<Value> = items
        .iter()
        .map(|item| {
            let part = item["media"]
                .as_str()
                .unwrap_or("")
                .trim_start_matches("attach://");
            let file = files
                .iter()
                .find(|f| f["field"] == part)
                .cloned()
                .unwrap_or(Value::Null);
            let kind = item["type"].as_str().unwrap_or("document");
            message(inner, chat_id, kind, &file, &item["caption"])
        })
        .collect();
    Value::Array(sent)
}

/// getFile: where to fetch a file a member sent.
pub(super) async fn get_file(inner: &Inner, body: &Value) -> Json<Value> {
    let id = body["file_id"].as_str().unwrap_or_default();
    let size = inner.files.lock().await.get(id).map(Bytes::len);
    match size {
        None => Json(json!({"ok": false, "error_code": 400,
            "description": "Bad Request: invalid file id"})),
        Some(size) if size > FETCH_LIMIT => Json(json!({"ok": false, "error_code": 400,
            "description": "Bad Request: file is too big"})),
        Some(size) => Json(
            json!({"ok": true, "result": {"file_id": id, "file_unique_id": id,
            "file_size": size, "file_path": format!("documents/{id}")}}),
        ),
    }
}

/// `GET /file/bot<token>/<file_path>`: the file's bytes.
pub(super) async fn download(
    State(inner): State<Arc<Inner>>,
    Path((_bot, path)): Path<(String, String)>,
) -> Response {
    let id = path.trim_start_matches("documents/");
    match inner.files.lock().await.get(id) {
        Some(bytes) => bytes.clone().into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
