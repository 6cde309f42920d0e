//! Memberships: `/member grant|extend|revoke|list`, `/membership`, `/tiers`, the perks awards
//! use, and the timed side (expiry and reminders) the scheduler runs. Access follows membership
//! through the platform: given on grant, taken on end unless another tier or operator status
//! still entitles it, and only reported when `membership.enforce = false`.

mod access;
mod change;
mod expiry;
mod platform_access;
mod shop;
mod views;
pub(crate) mod words;

use chrono::{DateTime, Utc};

use crate::commands::{Acting, CommandContext};
use crate::core::duration::Term;
use crate::core::ids::{AccountRef, MemberId, PlatformGrant};
use crate::core::payments::decide::paid_until;
use crate::core::tiers::{self, TierDef};
use crate::i18n::Lang;
use crate::identity::Target;
use crate::store::{MembershipEvent, WriteTx};
use crate::{EngineError, EngineResult, refuse};
use crate::{Identity, Kernel, Ranking};
use crate::{msg, tr};
pub(crate) use change::{Change, ChangeIn, change_in};
pub(crate) use platform_access::{access_problems, with_access_problems};
use std::sync::Arc;
use views::perks;
use words::{and_list, list, term as term_words};

/// Tiers held, granted, ended and expired; who a viewer is (their rights and tier); the shop.
pub struct Memberships {
    kernel: Arc<Kernel>,
    identity: Arc<Identity>,
    ranking: Arc<Ranking>,
}

impl Memberships {
    pub(crate) fn new(kernel: Arc<Kernel>, identity: Arc<Identity>, ranking: Arc<Ranking>) -> Self {
        Self {
            kernel,
            identity,
            ranking,
        }
    }
}

impl Memberships {
    /// A configured tier by id.
    pub(crate) fn tier_def(&self, id: &str) -> Option<&TierDef> {
        self.kernel
            .config
            .membership
            .tiers
            .iter()
            .find(|t| t.id == id)
    }

    /// A configured tier by id, or a refusal in `lang` listing the tiers.
    pub(crate) fn tier(&self, lang: Lang, id: &str) -> EngineResult<&TierDef> {
        self.tier_def(id).ok_or_else(|| {
            let tiers = &self.kernel.config.membership.tiers;
            let known: Vec<&str> = tiers.iter().map(|t| t.id.as_str()).collect();
            EngineError::Refused(if known.is_empty() {
                msg!("tiers-none-configured")
            } else {
                msg!("tiers-unknown", tier = id, tiers = list(lang, &known))
            })
        })
    }

    /// The member's effective tier now, if any.
    pub(crate) async fn effective_tier(
        &self,
        member: MemberId,
        now: DateTime<Utc>,
    ) -> EngineResult<Option<&TierDef>> {
        let held = self.kernel.store.tiers_held(member).await?;
        Ok(tiers::effective(
            &self.kernel.config.membership.tiers,
            &held,
            now,
        ))
    }

    pub(crate) async fn member_grant(
        &self,
        ctx: &CommandContext,
        who: Option<&str>,
        tier: &str,
        term: Term,
        extend_only: bool,
    ) -> EngineResult<String> {
        let tier = self.tier(ctx.lang, tier)?;
        let target = self.identity.resolve(ctx, who).await?;
        self.grant_to(ctx.acting(), &target, tier, term, extend_only)
            .await
    }

    /// Grants or extends `target`'s membership of `tier` as `acting.member`: the ledger row,
    /// the access, the member's DM; the reply in `acting.lang`. `/member grant|extend` and the
    /// dashboard's subscriber actions both come here.
    pub(crate) async fn grant_to(
        &self,
        acting: Acting,
        target: &Target,
        tier: &TierDef,
        term: Term,
        extend_only: bool,
    ) -> EngineResult<String> {
        let lang = acting.lang;
        let mut tx = self.kernel.store.begin().await?;
        let running = tx
            .membership(target.id, &tier.id)
            .await?
            .filter(|m| m.is_active(acting.at));
        if extend_only && running.is_none() {
            return refuse(msg!(
                "member-extend-none",
                name = &target.name,
                tier = &tier.name
            ));
        }
        let action = if running.is_some() { "extend" } else { "grant" };
        let ext = Extension {
            member: target.id,
            tier,
            term,
            actor: Some(acting.member),
            action,
            at: acting.at,
            day: self.kernel.config.calendar.day(acting.at),
            paid_until: None,
            reminders: &self.kernel.config.membership.reminders,
        };
        let expires = extend_in(&mut tx, ext).await?;
        tx.commit().await?;
        self.kernel.wake.notify_one();
        let problems = self.give_access(target.id, tier).await?;
        let welcome = |lang| {
            let until = self.until(lang, expires);
            if action == "grant" {
                let perks = perks(lang, tier);
                tr!(
                    lang,
                    "membership-welcome",
                    tier = &tier.name,
                    until = until,
                    perks = perks
                )
            } else {
                tr!(
                    lang,
                    "membership-extended",
                    tier = &tier.name,
                    until = until
                )
            }
        };
        self.kernel.tell_with(target.id, welcome).await?;
        let reply = tr!(
            lang,
            "member-granted",
            name = &target.name,
            tier = &tier.name,
            until = self.until(lang, expires)
        );
        Ok(with_access_problems(lang, reply, &problems))
    }

    /// Ends the member's running memberships (only `only`'s, if given) in one transaction,
    /// each a `revoke` row by `actor`; returns the tiers that ended. Access is the caller's.
    pub(crate) async fn end_memberships(
        &self,
        member: MemberId,
        only: Option<&TierDef>,
        actor: MemberId,
        at: DateTime<Utc>,
    ) -> EngineResult<Vec<&TierDef>> {
        let mut tx = self.kernel.store.begin().await?;
        let mut ended = Vec::new();
        for def in &self.kernel.config.membership.tiers {
            if only.is_some_and(|o| o.id != def.id) {
                continue;
            }
            let Some(current) = tx.membership(member, &def.id).await? else {
                continue;
            };
            if tx.end_membership(member, &def.id, at).await? {
                tx.record_membership_event(MembershipEvent {
                    member,
                    tier: &def.id,
                    action: "revoke",
                    expires_before: current.expires_at,
                    expires_after: Some(at),
                    actor: Some(actor),
                    at,
                    day: self.kernel.config.calendar.day(at),
                })
                .await?;
                ended.push(def);
            }
        }
        tx.commit().await?;
        Ok(ended)
    }

    pub(crate) async fn member_revoke(
        &self,
        ctx: &CommandContext,
        who: Option<&str>,
        tier: Option<&str>,
    ) -> EngineResult<String> {
        let only = tier.map(|t| self.tier(ctx.lang, t)).transpose()?;
        let target = self.identity.resolve(ctx, who).await?;
        self.revoke_from(ctx.acting(), &target, only).await
    }

    /// Ends `target`'s running memberships (only `only`'s, if given) as `acting.member`, with
    /// their access and the member's DM; `/member revoke` and the dashboard's come here.
    pub(crate) async fn revoke_from(
        &self,
        acting: Acting,
        target: &Target,
        only: Option<&TierDef>,
    ) -> EngineResult<String> {
        let lang = acting.lang;
        let ended = self
            .end_memberships(target.id, only, acting.member, acting.at)
            .await?;
        if ended.is_empty() {
            return refuse(match only {
                Some(tier) => msg!(
                    "member-revoke-none-in",
                    name = &target.name,
                    tier = &tier.name
                ),
                None => msg!("member-revoke-none", name = &target.name),
            });
        }
        self.end_access(target.id, &target.name, &ended, acting.at)
            .await?;
        let names: Vec<&str> = ended.iter().map(|t| t.name.as_str()).collect();
        self.kernel
            .tell_with(target.id, |lang| {
                tr!(lang, "membership-revoked", tiers = and_list(lang, &names))
            })
            .await?;
        Ok(tr!(
            lang,
            "member-revoked",
            tiers = list(lang, &names),
            name = &target.name
        ))
    }
}

/// One grant or extension of a membership.
pub(crate) struct Extension<'a> {
    pub member: MemberId,
    pub tier: &'a TierDef,
    pub term: Term,
    pub actor: Option<MemberId>,
    /// The ledger's word for it: grant, extend or redeem.
    pub action: &'a str,
    pub at: DateTime<Utc>,
    /// The community day of `at`.
    pub day: chrono::NaiveDate,
    /// The end of the period a provider says was paid (a Stars subscription, a Stripe
    /// invoice); `None` adds the term as a grant does.
    pub paid_until: Option<DateTime<Utc>>,
    /// The reminder offsets before expiry (`membership.reminders`).
    pub reminders: &'a [chrono::Duration],
}

/// Starts or extends a membership inside `tx`; returns the new expiry (`None`: lifetime).
pub(crate) async fn extend_in(
    tx: &mut WriteTx,
    ext: Extension<'_>,
) -> EngineResult<Option<DateTime<Utc>>> {
    let current = tx.membership(ext.member, &ext.tier.id).await?;
    let Ok(expires) = paid_until(current.as_ref(), ext.term, ext.paid_until, ext.at) else {
        return refuse(msg!(
            "member-lifetime-already",
            tier = &ext.tier.name,
            term = term_words(ext.term)
        ));
    };
    let reminded =
        expires.and_then(|end| tiers::reminders_already_past(end, ext.reminders, ext.at));
    tx.set_membership(ext.member, &ext.tier.id, expires, reminded, ext.at)
        .await?;
    tx.record_membership_event(MembershipEvent {
        member: ext.member,
        tier: &ext.tier.id,
        action: ext.action,
        expires_before: current.and_then(|m| m.expires_at),
        expires_after: expires,
        actor: ext.actor,
        at: ext.at,
        day: ext.day,
    })
    .await?;
    Ok(expires)
}

impl Memberships {
    /// Whether the member behind an account may join a private tier chat on its platform: a
    /// running tier gives access to it, or the account is an operator in config.
    pub async fn may_join_chat(&self, account: &AccountRef, chat: &str) -> EngineResult<bool> {
        if self.kernel.config.operators.contains(account) {
            return Ok(true);
        }
        let Some(member) = self.kernel.store.member_of(account).await? else {
            return Ok(false);
        };
        let now = self.kernel.now();
        let grant = PlatformGrant::new(account.platform, chat);
        let held = self.kernel.store.tiers_held(member).await?;
        Ok(held.iter().filter(|m| m.is_active(now)).any(|m| {
            self.tier_def(&m.tier)
                .is_some_and(|t| t.access.gives(&grant))
        }))
    }
}
