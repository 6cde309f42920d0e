//! Who is who: accounts to members (cached, see `cache.rs`), `@member` tokens to members, the
//! names boards show (`board_names.rs`), and `/link` (`link.rs`, the `Linking` service), which
//! merges a member's accounts on two platforms into one member.

mod board_names;
mod cache;
mod link;

use std::borrow::Cow;

use chrono::{DateTime, Utc};

use crate::Kernel;
use crate::core::ids::{AccountProfile, MemberId};
use crate::core::names::clean_display_name;
use crate::events::Person;
use crate::msg;
use crate::{CommandContext, EngineResult, refuse};
pub(crate) use cache::IdentityCache;
pub use link::Linking;
use std::sync::Arc;

/// Who is who: accounts to members (with the account cache) and the names boards show.
pub struct Identity {
    kernel: Arc<Kernel>,
    cache: IdentityCache,
    names: board_names::BoardNames,
}

impl Identity {
    pub(crate) fn new(kernel: Arc<Kernel>) -> Self {
        Self {
            cache: IdentityCache::default(),
            names: board_names::BoardNames::default(),
            kernel,
        }
    }

    /// The names boards show.
    pub(crate) fn names(&self) -> &board_names::BoardNames {
        &self.names
    }

    /// Forgets a member merged away or erased.
    pub(crate) fn forget_member(&self, member: MemberId) {
        self.cache.forget_member(member);
    }
}

/// The member a command is about.
#[derive(Debug, Clone)]
pub(crate) struct Target {
    pub id: MemberId,
    pub name: String,
}

impl Identity {
    /// The member behind a (human) account, created on first sight; the name is stored
    /// cleaned of invisible format characters.
    pub(crate) async fn member_of(
        &self,
        person: &Person,
        at: DateTime<Utc>,
    ) -> EngineResult<MemberId> {
        // Events arrive cleaned (`Engine::handle`); other callers (a Discord entitlement's
        // holder) may not, and a stored name must never carry a bidi control.
        let cleaned;
        let profile = match clean_display_name(&person.profile.display_name) {
            Cow::Borrowed(_) => &person.profile,
            Cow::Owned(display_name) => {
                cleaned = AccountProfile {
                    display_name,
                    ..person.profile.clone()
                };
                &cleaned
            }
        };
        if let Some(member) = self.cache.member(profile) {
            return Ok(member);
        }
        let username = profile.username.as_deref().map(str::to_lowercase);
        // A merge between this read and the cache insert would make the entry stale.
        let generation = self.cache.generation();
        let stored = self.kernel.store.account(&profile.account).await?;
        let member = match stored {
            // Known and unchanged: no write needed.
            Some((member, name, handle)) if name == profile.display_name && handle == username => {
                member
            }
            _ => {
                // The writer lock keeps this from racing a merge that moves the account.
                let _writer = self.kernel.lock_writer().await;
                let mut tx = self.kernel.store.begin_unsettled().await?;
                let member = tx.ensure_account(profile, at).await?;
                tx.commit().await?;
                // Possibly renamed: boards read the name again.
                self.names().forget(member);
                member
            }
        };
        self.cache.remember(profile, member, generation);
        Ok(member)
    }

    /// Resolves the member a command names: a mention, a name on this platform, or (with no
    /// token) the author of the replied-to message. A mentioned account seen for the first time
    /// becomes a member (an operator's grant to someone who has not written yet; `/thanks @name`
    /// uses [`Identity::resolve_known`] instead, so a member's typo creates no one).
    pub(crate) async fn resolve(
        &self,
        ctx: &CommandContext,
        token: Option<&str>,
    ) -> EngineResult<Target> {
        self.resolve_as(ctx, token, true).await
    }

    /// [`Identity::resolve`] for a lookup (`/rank`, `/history`) and `/thanks @name`: an account
    /// never seen is "no such member", and nothing is created.
    pub(crate) async fn resolve_known(
        &self,
        ctx: &CommandContext,
        token: Option<&str>,
    ) -> EngineResult<Target> {
        self.resolve_as(ctx, token, false).await
    }

    async fn resolve_as(
        &self,
        ctx: &CommandContext,
        token: Option<&str>,
        create: bool,
    ) -> EngineResult<Target> {
        let person = match token {
            None => match &ctx.reply_to {
                Some(person) => Some(person.clone()),
                None => return refuse(msg!("target-missing")),
            },
            Some(token) => ctx
                .mentions
                .iter()
                .find(|m| m.token.eq_ignore_ascii_case(token))
                .map(|m| m.person.clone()),
        };
        if let Some(person) = person {
            if person.is_bot {
                return refuse(msg!("target-bot", name = &person.profile.display_name));
            }
            let id = if create {
                self.member_of(&person, ctx.at).await?
            } else {
                match self.kernel.store.member_of(&person.profile.account).await? {
                    Some(id) => id,
                    None => {
                        return refuse(msg!("target-unseen", name = &person.profile.display_name));
                    }
                }
            };
            return Ok(Target {
                id,
                name: person.profile.display_name,
            });
        }
        let token = token.unwrap_or_default();
        match self
            .kernel
            .store
            .find_by_name(ctx.chat.platform, token)
            .await?
        {
            Some(id) => {
                let name = self.kernel.store.member(id).await?.display_name;
                Ok(Target { id, name })
            }
            None => refuse(msg!("target-unknown", token = token)),
        }
    }
}
