//! `/web` sends a single-use login link by DM, with previews off: one live link per member (a
//! new one cancels the last) and one DM a minute at most. Opening the link shows a "Log in"
//! button; only pressing it (a POST) spends the link and starts a session. Tokens and session
//! ids are 256 random bits, stored only as SHA-256 digests; a login digest is compared in
//! constant time after its lookup. What a session may do is decided at each request
//! (`sessions.rs`).

use chrono::{DateTime, Duration, Utc};
use rand::RngCore;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::core::access::Viewer;
use crate::core::web_access::{LINK_COOLDOWN, link_wait, session_length};
use crate::i18n::Lang;
use crate::store::{NewWebLogin, WebSessionRow};
use crate::{CommandContext, EngineResult, WebSessions, refuse};
use crate::{msg, tr};

/// How long a login link works.
pub const LOGIN_TTL: Duration = Duration::minutes(10);

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
        /// How long it runs: shorter with an operator's rights.
        lasts: Duration,
    },
    /// Unknown, used or expired.
    Refused,
}

pub(super) fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub(super) fn digest(token: &str) -> String {
    format!("{:x}", Sha256::digest(token.as_bytes()))
}

impl WebSessions {
    /// `/web`: a login link by DM, to the account that asked. It replaces the member's last
    /// link, and within [`LINK_COOLDOWN`] of that one no DM goes: the reply says how long to
    /// wait.
    pub(crate) async fn web_login_link(&self, ctx: &CommandContext) -> EngineResult<String> {
        let lang = ctx.lang;
        if !self.kernel.config.web.enabled {
            return refuse(msg!("web-off"));
        }
        let token = random_token();
        let token_hash = digest(&token);
        // Only what the platform said is kept: config operators are looked up at each request.
        let link = NewWebLogin {
            token_hash: &token_hash,
            member: ctx.member,
            platform_admin: ctx.sender.platform_admin,
            created_at: ctx.at,
            expires_at: ctx.at + LOGIN_TTL,
        };
        let held = self
            .kernel
            .store
            .replace_web_login(&link, ctx.at - LINK_COOLDOWN)
            .await?;
        if let Some(wait) = held.and_then(|made| link_wait(made, ctx.at)) {
            // Whole seconds, rounded up: "0 seconds" would invite asking at once.
            let seconds = (wait.num_milliseconds() + 999) / 1000;
            return refuse(msg!("web-login-wait", seconds = seconds));
        }
        let url = format!("{}/login/{token}", self.kernel.config.web.public_url);
        let text = msg!(
            "web-login-dm",
            community = self.kernel.config.community_name.clone(),
            url = url,
            minutes = LOGIN_TTL.num_minutes()
        )
        .render(lang);
        let to = &ctx.sender.person.profile.account;
        // Previews off: a chat app's preview fetcher should not be the first to open the link.
        if let Err(error) = self.kernel.platform.dm_quiet(to, &text).await {
            self.kernel.store.withdraw_web_login(&token_hash).await?;
            return refuse(msg!("web-login-dm-failed", error = error.describe(lang)));
        }
        Ok(tr!(
            lang,
            "web-login-sent",
            minutes = LOGIN_TTL.num_minutes()
        ))
    }

    /// Whether a login link's `token` works at `now`, without spending it: the language of its
    /// owner (for the page with the "Log in" button), or `None`.
    pub async fn web_login_page(
        &self,
        token: &str,
        now: DateTime<Utc>,
    ) -> EngineResult<Option<Lang>> {
        let wanted = digest(token);
        let Some(login) = self.kernel.store.peek_web_login(&wanted, now).await? else {
            return Ok(None);
        };
        if !bool::from(login.token_hash.as_bytes().ct_eq(wanted.as_bytes())) {
            return Ok(None);
        }
        Ok(Some(
            self.web.page_language(&Viewer::member(login.member)).await,
        ))
    }

    /// Spends a login link's `token` at `now` (the "Log in" button): a session on success,
    /// once.
    pub async fn web_login(&self, token: &str, now: DateTime<Utc>) -> EngineResult<LoginOutcome> {
        let wanted = digest(token);
        let Some(login) = self.kernel.store.take_web_login(&wanted, now).await? else {
            return Ok(LoginOutcome::Refused);
        };
        if !bool::from(login.token_hash.as_bytes().ct_eq(wanted.as_bytes())) {
            return Ok(LoginOutcome::Refused);
        }
        let member = login.member;
        let operator = self
            .membership
            .member_is_operator(member, login.platform_admin)
            .await?;
        let lasts = session_length(operator);
        let session_id = random_token();
        let row = WebSessionRow {
            member,
            platform_admin: login.platform_admin,
            csrf_token: random_token(),
            created_at: now,
        };
        self.kernel
            .store
            .add_web_session(&digest(&session_id), &row, now + lasts)
            .await?;
        tracing::info!(%member, operator, "web session started");
        Ok(LoginOutcome::Started {
            session_id,
            session: WebSession {
                viewer: self
                    .membership
                    .holding(
                        if operator {
                            Viewer::operator(member)
                        } else {
                            Viewer::member(member)
                        },
                        now,
                    )
                    .await?,
                csrf_token: row.csrf_token,
            },
            lasts,
        })
    }
}
