//! Who is who: accounts to members (cached), `@member` tokens to members, and `/link`, which
//! merges a member's accounts on two platforms into one member.

use std::sync::atomic::Ordering;

use chrono::{DateTime, Utc};

use super::events::Person;
use super::{CachedAccount, CommandContext, Engine, EngineResult, format, refuse};
use crate::core::ids::MemberId;
use crate::core::link::{self, LINK_CODE_TTL, LinkFacts};
use crate::core::periods::Board;
use crate::core::rank_index::Standing;

/// The member a command is about.
#[derive(Debug, Clone)]
pub(crate) struct Target {
    pub id: MemberId,
    pub name: String,
}

impl Engine {
    /// The member behind a (human) account, created on first sight.
    pub(crate) async fn member_of(
        &self,
        person: &Person,
        at: DateTime<Utc>,
    ) -> EngineResult<MemberId> {
        let profile = &person.profile;
        let cached = self
            .accounts
            .lock()
            .ok()
            .and_then(|c| c.get(&profile.account).cloned());
        if let Some(hit) = cached
            && hit.display_name == profile.display_name
            && hit.username == profile.username
        {
            return Ok(hit.member);
        }
        let username = profile.username.as_deref().map(str::to_lowercase);
        // A merge between this read and the cache insert would make the entry stale.
        let merges_before = self.merges.load(Ordering::SeqCst);
        let stored = self.store.account(&profile.account).await?;
        let member = match stored {
            // Known and unchanged: no write needed.
            Some((member, name, handle)) if name == profile.display_name && handle == username => {
                member
            }
            _ => {
                // The writer lock keeps this from racing a merge that moves the account.
                let _writer = self.writer.lock().await;
                let mut tx = self.store.begin_unsettled().await?;
                let member = tx.ensure_account(profile, at).await?;
                tx.commit().await?;
                member
            }
        };
        if let Ok(mut cache) = self.accounts.lock()
            && self.merges.load(Ordering::SeqCst) == merges_before
        {
            cache.insert(
                profile.account.clone(),
                CachedAccount {
                    member,
                    display_name: profile.display_name.clone(),
                    username: profile.username.clone(),
                },
            );
        }
        Ok(member)
    }

    /// Resolves the member a command names: a mention, a name on this platform, or (with no
    /// token) the author of the replied-to message.
    pub(crate) async fn resolve(
        &self,
        ctx: &CommandContext,
        token: Option<&str>,
    ) -> EngineResult<Target> {
        let person = match token {
            None => match &ctx.reply_to {
                Some(person) => Some(person.clone()),
                None => return refuse("Name the member, or reply to one of their messages."),
            },
            Some(token) => ctx
                .mentions
                .iter()
                .find(|m| m.token.eq_ignore_ascii_case(token))
                .map(|m| m.person.clone()),
        };
        if let Some(person) = person {
            if person.is_bot {
                return refuse(format!(
                    "{} is a bot, not a member.",
                    person.profile.display_name
                ));
            }
            let id = self.member_of(&person, ctx.at).await?;
            return Ok(Target {
                id,
                name: person.profile.display_name,
            });
        }
        let token = token.unwrap_or_default();
        match self.store.find_by_name(ctx.chat.platform, token).await? {
            Some(id) => {
                let name = self.store.member(id).await?.display_name;
                Ok(Target { id, name })
            }
            None => refuse(format!(
                "I don't know @{token} here yet. Mention them, or reply to one of their messages."
            )),
        }
    }

    /// `/link` issues a code by DM; `/link CODE` from another platform merges the two members.
    pub(crate) async fn link(
        &self,
        ctx: &CommandContext,
        code: Option<String>,
    ) -> EngineResult<String> {
        match code {
            None => self.issue_link_code(ctx).await,
            Some(code) => self.redeem_link_code(ctx, &code).await,
        }
    }

    async fn issue_link_code(&self, ctx: &CommandContext) -> EngineResult<String> {
        let code = link::code_from_random(self.random_u64());
        let account = &ctx.sender.person.profile.account;
        let mut tx = self.store.begin().await?;
        tx.create_link_code(
            &code,
            ctx.member,
            account.platform,
            ctx.at,
            ctx.at + LINK_CODE_TTL,
        )
        .await?;
        tx.commit().await?;
        let text = format!(
            "Your link code is {code}. Within 10 minutes, send /link {code} to me from your account on the other platform. Everything you earned on both accounts will be added together."
        );
        if ctx.chat.private {
            return Ok(text);
        }
        // A code posted in a group could be redeemed by anyone who reads it.
        match self.platform.dm(account, &text).await {
            Ok(()) => Ok("I've sent you a link code in a direct message.".into()),
            Err(e) => {
                tracing::info!(error = %e, "link code DM failed");
                refuse(
                    "I couldn't send you a direct message. Open a private chat with me and send /link there.",
                )
            }
        }
    }

    async fn redeem_link_code(&self, ctx: &CommandContext, code: &str) -> EngineResult<String> {
        let platform = ctx.sender.person.profile.account.platform;
        let _lock = self.lock_scores().await;
        let mut tx = self.store.begin().await?;
        let Some((owner, code_platform)) = tx.take_link_code(code, ctx.at).await? else {
            return refuse(link::LinkRefusal::UnknownCode.to_string());
        };
        let facts = LinkFacts {
            code_platform,
            redeemer_platform: platform,
            same_member: owner == ctx.member,
            redeemer_has_code_platform: tx.has_platform(ctx.member, code_platform).await?,
        };
        if let Err(refusal) = link::check(facts) {
            // The code stays consumed only when it was actually used.
            drop(tx);
            return refuse(refusal.to_string());
        }
        let (survivor, absorbed) = (owner.min(ctx.member), owner.max(ctx.member));
        let live = self.boards.read().map(|b| b.live()).unwrap_or_default();
        let before = self
            .standings_everywhere(&live, &[survivor, absorbed])
            .await?;
        let daily = link::merge_daily(
            tx.member(survivor).await?.daily,
            tx.member(absorbed).await?.daily,
        );
        let merged = tx.merge_members(survivor, absorbed, ctx.at).await?;
        tx.set_daily(survivor, daily).await?;
        let hidden = tx.member(survivor).await?.hidden;
        tx.commit().await?;

        let after = self.standings_everywhere(&live, &[survivor]).await?;
        if let Ok(mut boards) = self.boards.write() {
            boards.remove(&before);
            if !hidden {
                boards.insert(&after);
            }
        }
        self.merges.fetch_add(1, Ordering::SeqCst);
        if let Ok(mut cache) = self.accounts.lock() {
            cache.retain(|_, c| c.member != absorbed);
        }
        if let Ok(mut cooldowns) = self.cooldowns.lock() {
            cooldowns.remove(&absorbed);
        }
        let platforms = self.store.platforms_of(survivor).await?;
        let names: Vec<&str> = platforms.iter().map(|p| p.title()).collect();
        Ok(format!(
            "Linked: your {} accounts are now one member with {}, {} and {}.",
            names.join(" and "),
            format::level(merged.xp),
            format::xp(merged.xp),
            format::points(merged.balance)
        ))
    }

    /// Standings of some members on the given boards, read from the database.
    async fn standings_everywhere(
        &self,
        boards: &[Board],
        members: &[MemberId],
    ) -> EngineResult<Vec<(Board, Standing)>> {
        let mut out = Vec::new();
        for board in boards {
            for member in members {
                out.push((board.clone(), self.store.standing(board, *member).await?));
            }
        }
        Ok(out)
    }
}
