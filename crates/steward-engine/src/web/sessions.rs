//! Sessions after login: who a cookie shows at each request, and logging out. Operator rights
//! are never taken from the session: every request asks again whether the member is an
//! operator (config operators, or what the platform said when `/web` was asked), so editing
//! the config takes a dashboard away at the next request; and which tier they hold, so an
//! ended membership hides its gated drops at the next request.

use chrono::{DateTime, Utc};

use super::login::{WebSession, digest};
use crate::core::web_access::session_viewer;
use crate::identity::Target;
use crate::{CommandContext, EngineResult, refuse};
use crate::{Identity, Kernel, Memberships, WebPages};
use crate::{msg, tr};
use std::sync::Arc;

/// Logging in to the web by a link sent in chat, and sessions.
pub struct WebSessions {
    pub(super) kernel: Arc<Kernel>,
    pub(super) identity: Arc<Identity>,
    pub(super) membership: Arc<Memberships>,
    pub(super) web: Arc<WebPages>,
}

impl WebSessions {
    pub(crate) fn new(
        kernel: Arc<Kernel>,
        identity: Arc<Identity>,
        membership: Arc<Memberships>,
        web: Arc<WebPages>,
    ) -> Self {
        Self {
            kernel,
            identity,
            membership,
            web,
        }
    }
}

impl WebSessions {
    /// The session behind a cookie's value, if it runs at `now`, with the rights and the tier
    /// its member has now.
    pub async fn web_session(
        &self,
        session_id: &str,
        now: DateTime<Utc>,
    ) -> EngineResult<Option<WebSession>> {
        let Some(row) = self
            .kernel
            .store
            .web_session(&digest(session_id), now)
            .await?
        else {
            return Ok(None);
        };
        let operator = self
            .membership
            .member_is_operator(row.member, row.platform_admin)
            .await?;
        let Some(viewer) = session_viewer(row.member, operator, row.created_at, now) else {
            return Ok(None);
        };
        Ok(Some(WebSession {
            viewer: self.membership.holding(viewer, now).await?,
            csrf_token: row.csrf_token,
        }))
    }

    /// Logs a session out.
    pub async fn web_logout(&self, session_id: &str) -> EngineResult<()> {
        Ok(self
            .kernel
            .store
            .end_web_session(&digest(session_id))
            .await?)
    }

    /// `/web logout [@member]`: ends every web session (and login link) of the asker, or of a
    /// member when an operator asks.
    pub(crate) async fn web_logout_command(
        &self,
        ctx: &CommandContext,
        who: Option<&str>,
    ) -> EngineResult<String> {
        let lang = ctx.lang;
        let target = match who {
            Some(token) => self.identity.resolve_known(ctx, Some(token)).await?,
            None => Target {
                id: ctx.member,
                name: ctx.sender.person.profile.display_name.clone(),
            },
        };
        let own = target.id == ctx.member;
        if !own && !self.kernel.is_operator(&ctx.sender) {
            return refuse(msg!("web-logout-others-operator-only"));
        }
        let ended = self
            .kernel
            .store
            .end_member_web_sessions(target.id, ctx.at)
            .await?;
        tracing::info!(member = %target.id, by = %ctx.member, ended, "web sessions ended");
        Ok(if own {
            tr!(lang, "web-logout-done", count = ended)
        } else {
            tr!(
                lang,
                "web-logout-member-done",
                count = ended,
                name = target.name
            )
        })
    }
}
