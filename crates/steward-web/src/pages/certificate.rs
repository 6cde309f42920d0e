//! `/certificates/{id}`: a course certificate's public page, for an employer to check. It is
//! open to anyone (whatever `web.leaderboards` says) and shows only what the certificate
//! prints (the name, the course, the day, the community) and whether it stands; a revoked one
//! says since when and why. An unknown id, or a certificate its member erased, is "not found".

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use maud::html;

use crate::AppState;
use crate::auth::Seen;
use crate::core::certificates::Standing;
use crate::errors::{Problem, problem};
use crate::extract::Path;
use crate::layout::page;
use crate::tr;

pub(crate) async fn certificate(
    State(state): State<AppState>,
    seen: Seen,
    Path(id): Path<String>,
) -> Response {
    let lang = state.engine.web().page_language(&seen.viewer).await;
    let shown = match state.engine.certificates().page(lang, &id).await {
        Ok(Some(shown)) => shown,
        Ok(None) => return problem(&state, &seen.viewer, Problem::NotFound).await,
        Err(e) => {
            tracing::error!(error = %e, "a certificate page could not be read");
            return problem(&state, &seen.viewer, Problem::NotFound).await;
        }
    };
    let c = &shown.certificate;
    let body = html! {
        section.certificate {
            @match c.standing() {
                Standing::Valid => p.valid { (tr!(lang, "web-certificate-valid")) },
                Standing::Revoked(revoked) => p.revoked {
                    (tr!(lang, "web-certificate-revoked",
                        day = shown.revoked_day.clone().unwrap_or_default(),
                        reason = revoked.reason.as_str()))
                },
            }
            dl {
                dt { (tr!(lang, "web-certificate-name")) } dd #name { (c.name) }
                dt { (tr!(lang, "web-certificate-course")) } dd #course { (c.course_title) }
                dt { (tr!(lang, "web-certificate-day")) } dd { (shown.day) }
                dt { (tr!(lang, "web-certificate-community")) } dd { (shown.community) }
                dt { (tr!(lang, "web-certificate-id")) } dd { code { (c.id) } }
            }
        }
    };
    let title = tr!(lang, "web-certificate-title");
    page(&state, lang, &seen, &title, body).into_response()
}
