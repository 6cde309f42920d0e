//! Uploads as the fakes read them: a `multipart/form-data` body (RFC 7578), its text fields and
//! its files, parsed by `multer` (the parser axum's own multipart extractor uses).

use axum::body::Bytes;
use axum::http::HeaderMap;
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

/// One file part: its field, file name, declared type and bytes.
#[derive(Debug, Clone)]
pub struct FilePart {
    pub field: String,
    pub name: String,
    pub content_type: Option<String>,
    pub bytes: Bytes,
}

impl FilePart {
    /// How the fake records it: field, name, type, size and the SHA-256 of its bytes (so a
    /// test can tell the file that arrived is the one sent).
    pub fn record(&self) -> Value {
        let digest: String = Sha256::digest(&self.bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        json!({"field": self.field, "name": self.name, "type": self.content_type,
               "size": self.bytes.len(), "sha256": digest})
    }
}

/// A parsed form: text fields by name, and files in order.
#[derive(Debug, Default)]
pub struct Form {
    pub fields: Map<String, Value>,
    pub files: Vec<FilePart>,
}

/// The form in `body`, if the request is `multipart/form-data` and well formed.
pub async fn parse(headers: &HeaderMap, body: Bytes) -> Option<Form> {
    let content_type = headers.get("content-type")?.to_str().ok()?;
    let boundary = multer::parse_boundary(content_type).ok()?;
    let stream = futures::stream::once(async move { Ok::<Bytes, std::io::Error>(body) });
    let mut multipart = multer::Multipart::new(stream, boundary);
    let mut form = Form::default();
    while let Some(field) = multipart.next_field().await.ok()? {
        let name = field.name().unwrap_or_default().to_owned();
        match field.file_name().map(str::to_owned) {
            Some(file_name) => {
                let content_type = field.content_type().map(ToString::to_string);
                let bytes = field.bytes().await.ok()?;
                form.files.push(FilePart {
                    field: name,
                    name: file_name,
                    content_type,
                    bytes,
                });
            }
            None => {
                let text = field.text().await.ok()?;
                // Numbers and JSON (reply_markup, media, payload_json) read as what they hold.
                let value = serde_json::from_str(&text).unwrap_or(Value::String(text));
                form.fields.insert(name, value);
            }
        }
    }
    Some(form)
}
