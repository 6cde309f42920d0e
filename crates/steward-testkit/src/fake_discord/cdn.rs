//! Attachments on the fake: files members posted, served at their CDN address until deleted,
//! and files the bot uploads with a message. Discord takes at most 25 MB of files in one message
//! on a server without boosts and answers more with `413` and JSON error 40005, "Request entity
//! too large" (Discord developer docs, Uploading Files; JSON Error Codes).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::{FakeDiscord, Inner};
use crate::lock;
use crate::multipart::FilePart;

/// The most a message's files may weigh together.
pub(super) const UPLOAD_LIMIT: usize = 25 * 1024 * 1024;

/// An attachment object as Discord describes one.
fn attachment(id: u64, url: &str, name: &str, size: usize, content_type: Option<&str>) -> Value {
    json!({"id": id.to_string(), "filename": name, "size": size, "url": url,
           "proxy_url": url, "content_type": content_type})
}

/// The attachments of a message the bot posted, one per file part.
pub(super) fn uploaded(inner: &Inner, base: &str, files: &[FilePart]) -> Value {
    files
        .iter()
        .map(|f| {
            let id = inner
                .next_id
                .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let url = format!("{base}/attachments/{id}/{}", f.name);
            lock(&inner.attachments).insert(format!("{id}/{}", f.name), f.bytes.clone());
            let mut value = attachment(id, &url, &f.name, f.bytes.len(), f.content_type.as_deref());
            value["sha256"] = f.record()["sha256"].clone();
            value
        })
        .collect()
}

/// `GET /attachments/{id}/{name}`: the file, or 404 once deleted.
pub(super) async fn serve(
    State(inner): State<Arc<Inner>>,
    Path((id, name)): Path<(String, String)>,
) -> Response {
    match lock(&inner.attachments).get(&format!("{id}/{name}")) {
        Some(bytes) => bytes.clone().into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

impl FakeDiscord {
    /// A file a member posts: served at its CDN address; the attachment object to put in a
    /// message.
    pub fn attachment(&self, name: &str, content_type: &str, bytes: Vec<u8>) -> Value {
        let id = self.next_id();
        let url = format!("{}/attachments/{id}/{name}", self.url);
        let size = bytes.len();
        lock(&self.inner.attachments).insert(format!("{id}/{name}"), Bytes::from(bytes));
        attachment(id, &url, name, size, Some(content_type))
    }

    /// Deletes an attachment (its message was deleted): its address answers 404.
    pub fn delete_attachment(&self, attachment: &Value) {
        let url = attachment["url"].as_str().unwrap_or_default();
        let key = url.rsplitn(3, '/').collect::<Vec<_>>();
        if let [name, id, _] = key.as_slice() {
            lock(&self.inner.attachments).remove(&format!("{id}/{name}"));
        }
    }
}
