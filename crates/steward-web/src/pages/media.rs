//! `/media/{drop}/{position}?exp=…&sig=…`: a drop's file, for the link sent where it was too
//! big to upload. The engine checks the link's signature and time and whether the viewer may
//! see the drop (a tier's drop needs a member of that tier logged in); anything else is 404.
//!
//! Files are what members uploaded, so only types a browser shows without running anything
//! (pictures other than SVG, video, audio, PDF) are shown in the page; every other type is a
//! download of `application/octet-stream`.

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};

use crate::AppState;
use crate::auth::Seen;
use crate::core::media_links::MediaLink;
use crate::errors::{Problem, problem};
use crate::extract::Path;

/// Types shown in the browser; anything else is downloaded.
const SHOWN: [&str; 8] = [
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "video/mp4",
    "video/webm",
    "audio/mpeg",
    "application/pdf",
];

/// A file name safe in a header: ASCII letters, digits, `.`, `-` and `_`, the rest `_`.
fn header_name(name: &str) -> String {
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if safe.trim_matches(['.', '_']).is_empty() {
        "file".into()
    } else {
        safe
    }
}

pub(crate) async fn media(
    State(state): State<AppState>,
    seen: Seen,
    Path((drop_id, position)): Path<(i64, i64)>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let expires = query.get("exp").and_then(|e| e.parse::<i64>().ok());
    let (Some(expires), Some(signature)) = (expires, query.get("sig")) else {
        return problem(&state, &seen.viewer, Problem::NotFound).await;
    };
    let link = MediaLink {
        drop_id,
        position,
        expires,
    };
    let found = state
        .engine
        .drops()
        .media_file(&seen.viewer, link, signature)
        .await;
    let file = match found {
        Ok(Some(file)) => file,
        Ok(None) => return problem(&state, &seen.viewer, Problem::NotFound).await,
        Err(e) => {
            tracing::error!(error = %e, "a drop's file could not be served");
            return problem(&state, &seen.viewer, Problem::NotFound).await;
        }
    };
    let shown = file.mime.as_deref().filter(|m| SHOWN.contains(m));
    let disposition = format!(
        "{}; filename=\"{}\"",
        if shown.is_some() {
            "inline"
        } else {
            "attachment"
        },
        header_name(&file.name)
    );
    (
        [
            (
                CONTENT_TYPE,
                shown.unwrap_or("application/octet-stream").to_owned(),
            ),
            (CONTENT_DISPOSITION, disposition),
            // Behind a login: no shared cache may keep it.
            (CACHE_CONTROL, "private, max-age=3600".to_owned()), // not translated: an HTTP header
        ],
        file.bytes,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_name_cannot_break_the_header() {
        assert_eq!(header_name("slides.pdf"), "slides.pdf");
        assert_eq!(header_name("a\"; x=\r\n.html"), "a___x___.html");
        assert_eq!(header_name("讲义.pdf"), "__.pdf");
        assert_eq!(header_name(".."), "file");
    }
}
