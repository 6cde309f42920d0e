//! Memberships: `/member grant|extend|revoke|list`, `/membership`, `/tiers`, the perks awards
//! use, and the timed side (expiry and reminders) the scheduler runs. Access follows membership
//! through the platform: given on grant, taken on end unless another tier or operator status
//! still entitles it, and only reported when `membership.enforce = false`.

mod expiry;
mod shop;

use chrono::{DateTime, Utc};

use crate::core::duration::Term;
use crate::core::ids::{AccountRef, MemberId, Platform, PlatformGrant};
use crate::core::tiers::{self, TierDef};
use crate::engine::commands::CommandContext;
use crate::engine::{Engine, EngineResult, format, refuse};
use crate::store::{MembershipEvent, WriteTx};

impl Engine {
    /// A configured tier by id, or a refusal listing the tiers.
    pub(crate) fn tier(&self, id: &str) -> EngineResult<&TierDef> {
        let tiers = &self.config.membership.tiers;
        tiers.iter().find(|t| t.id == id).ok_or_else(|| {
            let known: Vec<&str> = tiers.iter().map(|t| t.id.as_str()).collect();
            super::EngineError::Refused(if known.is_empty() {
                "No tiers are configured; add [[tiers]] to steward.toml.".into()
            } else {
                format!("There is no tier `{id}`. Tiers: {}.", known.join(", "))
            })
        })
    }

    /// The member's effective tier now, if any.
    pub(crate) async fn effective_tier(
        &self,
        member: MemberId,
        now: DateTime<Utc>,
    ) -> EngineResult<Option<&TierDef>> {
        let held = self.store.memberships(member).await?;
        Ok(tiers::effective(&self.config.membership.tiers, &held, now))
    }

    /// Gives every account of the member the tier's platform access; returns problems to show.
    pub(crate) async fn give_access(
        &self,
        member: MemberId,
        tier: &TierDef,
    ) -> EngineResult<Vec<String>> {
        let mut problems = Vec::new();
        let lang = self.language_of(member).await;
        for account in self.store.accounts_of(member).await? {
            if let Err(e) = self.platform.grant_access(&account, tier, lang).await {
                tracing::warn!(%account, tier = %tier.id, error = %e, "granting access failed");
                problems.push(format!(
                    "{} access for {account}: {e}",
                    account.platform.title()
                ));
            }
        }
        Ok(problems)
    }

    /// Takes away what the ended tiers gave and no running tier still gives.
    pub(crate) async fn end_access(
        &self,
        member: MemberId,
        name: &str,
        ended: &[&TierDef],
        now: DateTime<Utc>,
    ) -> EngineResult<()> {
        let accounts = self.store.accounts_of(member).await?;
        if accounts.iter().any(|a| self.config.operators.contains(a)) {
            tracing::info!(%member, "operator keeps access after a membership ended");
            return Ok(());
        }
        let held = self.store.memberships(member).await?;
        let running: Vec<&TierDef> = held
            .iter()
            .filter(|m| m.is_active(now))
            .filter_map(|m| self.config.membership.tiers.iter().find(|t| t.id == m.tier))
            .collect();
        for tier in ended {
            let access = tiers::access_to_remove(tier, &running);
            if !self.config.membership.enforce {
                self.report(&format!(
                    "Dry run (membership.enforce = false): {name} would lose {} access now. Nothing was removed.",
                    tier.name
                ))
                .await;
                continue;
            }
            for account in &accounts {
                if let Err(e) = self.platform.revoke_access(account, tier, &access).await {
                    tracing::warn!(%account, tier = %tier.id, error = %e, "removing access failed");
                    self.report(&format!(
                        "Could not remove {} access of {name} ({account}): {e}",
                        tier.name
                    ))
                    .await;
                }
            }
        }
        Ok(())
    }

    pub(crate) async fn member_grant(
        &self,
        ctx: &CommandContext,
        who: Option<&str>,
        tier: &str,
        term: Term,
        extend_only: bool,
    ) -> EngineResult<String> {
        let tier = self.tier(tier)?;
        let target = self.resolve(ctx, who).await?;
        let mut tx = self.store.begin().await?;
        let running = tx
            .membership(target.id, &tier.id)
            .await?
            .filter(|m| m.is_active(ctx.at));
        if extend_only && running.is_none() {
            return refuse(format!(
                "{} has no running {} membership; use /member grant.",
                target.name, tier.name
            ));
        }
        let action = if running.is_some() { "extend" } else { "grant" };
        let ext = Extension {
            member: target.id,
            tier,
            term,
            actor: Some(ctx.member),
            action,
            at: ctx.at,
            reminders: &self.config.membership.reminders,
        };
        let expires = extend_in(&mut tx, ext).await?;
        tx.commit().await?;
        self.wake.notify_one();
        let problems = self.give_access(target.id, tier).await?;
        let welcome = if action == "grant" {
            format!(
                "Welcome to {}! It runs {}. {}",
                tier.name,
                self.until(expires),
                perks(tier)
            )
        } else {
            format!(
                "Your {} membership now runs {}.",
                tier.name,
                self.until(expires)
            )
        };
        self.dm_member(target.id, &welcome).await?;
        let mut reply = format!(
            "{} is now {} {}.",
            target.name,
            tier.name,
            self.until(expires)
        );
        if !problems.is_empty() {
            reply.push_str(&format!(
                "\nAccess could not be given everywhere: {}",
                problems.join("; ")
            ));
        }
        Ok(reply)
    }

    pub(crate) async fn member_revoke(
        &self,
        ctx: &CommandContext,
        who: Option<&str>,
        tier: Option<&str>,
    ) -> EngineResult<String> {
        let only = tier.map(|t| self.tier(t)).transpose()?;
        let target = self.resolve(ctx, who).await?;
        let mut tx = self.store.begin().await?;
        let mut ended = Vec::new();
        for def in &self.config.membership.tiers {
            if only.is_some_and(|o| o.id != def.id) {
                continue;
            }
            let Some(current) = tx.membership(target.id, &def.id).await? else {
                continue;
            };
            if tx.end_membership(target.id, &def.id, ctx.at).await? {
                tx.record_membership_event(MembershipEvent {
                    member: target.id,
                    tier: &def.id,
                    action: "revoke",
                    expires_before: current.expires_at,
                    expires_after: Some(ctx.at),
                    actor: Some(ctx.member),
                    at: ctx.at,
                })
                .await?;
                ended.push(def);
            }
        }
        tx.commit().await?;
        if ended.is_empty() {
            return refuse(format!(
                "{} has no running membership{}.",
                target.name,
                only.map(|t| format!(" in {}", t.name)).unwrap_or_default()
            ));
        }
        self.end_access(target.id, &target.name, &ended, ctx.at)
            .await?;
        let names: Vec<&str> = ended.iter().map(|t| t.name.as_str()).collect();
        let told = format!(
            "An operator ended your {} membership. /membership shows what you still have.",
            names.join(" and ")
        );
        self.dm_member(target.id, &told).await?;
        Ok(format!(
            "Revoked {} from {}.",
            names.join(", "),
            target.name
        ))
    }

    pub(crate) async fn member_list(&self, tier: Option<&str>) -> EngineResult<String> {
        let tier = tier.map(|t| self.tier(t)).transpose()?;
        let held = self
            .store
            .running_memberships(tier.map(|t| t.id.as_str()))
            .await?;
        if held.is_empty() {
            return Ok("No running memberships.".into());
        }
        let mut lines = vec![format!("Running memberships ({}):", held.len())];
        for m in held.iter().take(50) {
            let name = self
                .tier(&m.tier)
                .map_or(m.tier.as_str(), |t| t.name.as_str());
            lines.push(format!("{}: {name} {}", m.name, self.until(m.expires_at)));
        }
        if held.len() > 50 {
            lines.push(format!("... and {} more.", held.len() - 50));
        }
        Ok(lines.join("\n"))
    }

    pub(crate) async fn membership(&self, ctx: &CommandContext) -> EngineResult<String> {
        let held = self.store.memberships(ctx.member).await?;
        let Some(tier) = tiers::effective(&self.config.membership.tiers, &held, ctx.at) else {
            return Ok(
                "You have no membership. /tiers shows the tiers and how to get them.".into(),
            );
        };
        let expires = held
            .iter()
            .find(|m| m.tier == tier.id)
            .and_then(|m| m.expires_at);
        let mut lines = vec![
            format!("Your tier: {} {}.", tier.name, self.until(expires)),
            perks(tier),
        ];
        let others: Vec<&str> = held
            .iter()
            .filter(|m| m.tier != tier.id && m.is_active(ctx.at))
            .filter_map(|m| self.tier(&m.tier).ok().map(|t| t.name.as_str()))
            .collect();
        if !others.is_empty() {
            lines.push(format!("Also running: {}.", others.join(", ")));
        }
        Ok(lines.join("\n"))
    }

    pub(crate) fn tiers_text(&self) -> String {
        let membership = &self.config.membership;
        if membership.tiers.is_empty() {
            return "This community has no membership tiers.".into();
        }
        let mut tiers: Vec<&TierDef> = membership.tiers.iter().collect();
        tiers.sort_by_key(|t| std::cmp::Reverse(t.rank));
        let mut lines = vec!["Membership tiers:".to_owned()];
        for tier in tiers {
            lines.push(format!("{} ({}): {}", tier.name, tier.id, perks(tier)));
            if !tier.description.is_empty() {
                lines.push(format!("  {}", tier.description));
            }
            for reward in membership.rewards.iter().filter(|r| r.tier == tier.id) {
                lines.push(format!(
                    "  /redeem {} for {} of {}",
                    reward.id,
                    format::points(reward.cost),
                    reward.term
                ));
            }
        }
        lines.join("\n")
    }

    /// "until 2026-12-25 10:00 (Europe/Berlin)" or "for life".
    pub(crate) fn until(&self, expires: Option<DateTime<Utc>>) -> String {
        match expires {
            Some(at) => format!("until {}", format::local(at, self.config.calendar.tz)),
            None => "for life".into(),
        }
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
    /// The reminder offsets before expiry (`membership.reminders`).
    pub reminders: &'a [chrono::Duration],
}

/// Starts or extends a membership inside `tx`; returns the new expiry (`None`: lifetime).
pub(crate) async fn extend_in(
    tx: &mut WriteTx,
    ext: Extension<'_>,
) -> EngineResult<Option<DateTime<Utc>>> {
    let current = tx.membership(ext.member, &ext.tier.id).await?;
    let Ok(expires) = tiers::extended(current.as_ref(), ext.term, ext.at) else {
        return refuse(format!(
            "{} already runs for life here, so {} would add nothing; nothing was charged or changed.",
            ext.tier.name, ext.term
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
    })
    .await?;
    Ok(expires)
}

/// A tier's perks in one line.
fn perks(tier: &TierDef) -> String {
    let mut perks = Vec::new();
    if (tier.xp_multiplier - 1.0).abs() > f64::EPSILON {
        perks.push(format!("{}x message XP", tier.xp_multiplier));
    }
    if tier.daily_bonus != 0 {
        perks.push(format!("+{} on /daily", format::points(tier.daily_bonus)));
    }
    perks.push("gated drops".into());
    for grant in &tier.access.grants {
        perks.push(match grant.platform {
            Platform::Discord => "a Discord role".into(),
            Platform::Telegram => "the private Telegram group".into(),
            Platform::Console => "console access".into(),
        });
    }
    format!("Perks: {}.", perks.join(", "))
}

impl Engine {
    /// Whether the member behind an account may join a private tier chat on its platform: a
    /// running tier gives access to it, or the account is an operator in config.
    pub async fn may_join_chat(&self, account: &AccountRef, chat: &str) -> EngineResult<bool> {
        if self.config.operators.contains(account) {
            return Ok(true);
        }
        let Some(member) = self.store.member_of(account).await? else {
            return Ok(false);
        };
        let now = self.now();
        let grant = PlatformGrant::new(account.platform, chat);
        let held = self.store.memberships(member).await?;
        Ok(held
            .iter()
            .filter(|m| m.is_active(now))
            .any(|m| self.tier(&m.tier).is_ok_and(|t| t.access.gives(&grant))))
    }
}
