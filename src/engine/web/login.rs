//! `/web` sends a single-use login link by DM; opening it starts a session. Tokens and session
//! ids are 256 random bits, stored only as SHA-256 digests; a login digest is compared in
//! constant time after its lookup.

use chrono::{DateTime, Duration, Utc};
use rand::RngCore;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::core::web_access::Viewer;
use crate::engine::{CommandContext, Engine, EngineResult, refuse};
use crate::store::WebSessionRow;
use crate::{msg, tr};

/// How long a login link works.
pub const LOGIN_TTL: Duration = Duration::minutes(10);
/// How long a session lasts.
pub const SESSION_TTL: Duration = Duration::days(30);

/// A session as the web adapter holds it: who is looking, and the form token POSTs must carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebSession {
    pub viewer: Viewer,
    pub csrf_token: String,
}

/// What opening a login link gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginOutcome {
    /// A new session: its id (the cookie's value) and who it is.
    Started {
        session_id: String,
        session: WebSession,
    },
    /// Unknown, used or expired.
    Refused,
}

fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn digest(token: &str) -> String {
    format!("{:x}", Sha256::digest(token.as_bytes()))
}

impl Engine {
    /// `/web`: a login link by DM, to the account that asked.
    pub(crate) async fn web_login_link(&self, ctx: &CommandContext) -> EngineResult<String> {
        let lang = ctx.lang;
        if !self.config.web.enabled {
            return refuse(tr!(lang, "web-off"));
        }
        let token = random_token();
        let expires_at = ctx.at + LOGIN_TTL;
        let operator = self.is_operator(&ctx.sender);
        self.store
            .add_web_login(&digest(&token), ctx.member, operator, expires_at)
            .await?;
        let url = format!("{}/login/{token}", self.config.web.public_url);
        let text = msg!(
            "web-login-dm",
            community = self.config.community_name.clone(),
            url = url,
            minutes = LOGIN_TTL.num_minutes()
        )
        .render(lang);
        let to = &ctx.sender.person.profile.account;
        if let Err(error) = self.platform.dm(to, &text).await {
            return refuse(tr!(
                lang,
                "web-login-dm-failed",
                error = error.describe(lang)
            ));
        }
        Ok(tr!(
            lang,
            "web-login-sent",
            minutes = LOGIN_TTL.num_minutes()
        ))
    }

    /// Opens a login link's `token` at `now`: a session on success, once.
    pub async fn web_login(&self, token: &str, now: DateTime<Utc>) -> EngineResult<LoginOutcome> {
        let wanted = digest(token);
        let Some((member, operator, stored)) = self.store.take_web_login(&wanted, now).await?
        else {
            return Ok(LoginOutcome::Refused);
        };
        if !bool::from(stored.as_bytes().ct_eq(wanted.as_bytes())) {
            return Ok(LoginOutcome::Refused);
        }
        let session_id = random_token();
        let row = WebSessionRow {
            member,
            operator,
            csrf_token: random_token(),
        };
        self.store
            .add_web_session(&digest(&session_id), &row, now, now + SESSION_TTL)
            .await?;
        tracing::info!(%member, operator, "web session started");
        Ok(LoginOutcome::Started {
            session_id,
            session: session_of(row),
        })
    }

    /// The session behind a cookie's value, if it runs at `now`.
    pub async fn web_session(
        &self,
        session_id: &str,
        now: DateTime<Utc>,
    ) -> EngineResult<Option<WebSession>> {
        Ok(self
            .store
            .web_session(&digest(session_id), now)
            .await?
            .map(session_of))
    }

    /// Logs a session out.
    pub async fn web_logout(&self, session_id: &str) -> EngineResult<()> {
        Ok(self.store.end_web_session(&digest(session_id)).await?)
    }
}

fn session_of(row: WebSessionRow) -> WebSession {
    WebSession {
        viewer: if row.operator {
            Viewer::operator(row.member)
        } else {
            Viewer::member(row.member)
        },
        csrf_token: row.csrf_token,
    }
}
