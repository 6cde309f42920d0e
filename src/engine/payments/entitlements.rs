//! Subscriptions a platform sells itself (Discord App Subscriptions): the platform reports an
//! entitlement to a SKU, and a plan naming that SKU (`discord_sku`) gives its tier while the
//! entitlement runs. Discord sets an end only when the subscription ends, so a running
//! entitlement holds the tier without an end date; its end (or its deletion, on a refund)
//! ends the tier through the same paths as `/member revoke`. Each report is applied once.

use chrono::{DateTime, Utc};

use super::billing::{Applied, EventMark};
use crate::core::ids::MemberId;
use crate::core::payments::{Plan, Provider};
use crate::core::tiers::TierDef;
use crate::engine::events::Person;
use crate::engine::membership::{Change, ChangeIn, change_in};
use crate::engine::{Engine, EngineResult};
use crate::store::{PaymentRow, WriteTx};
use crate::tr;

/// What the platform reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntitlementChange {
    Created,
    Updated,
    Deleted,
}

/// An entitlement to a SKU, as the platform reports it.
#[derive(Debug, Clone)]
pub struct Entitlement {
    pub id: String,
    pub sku: String,
    /// The account it belongs to.
    pub holder: Person,
    /// When it ends, once the platform says.
    pub ends_at: Option<DateTime<Utc>>,
    pub change: EntitlementChange,
    pub raw: String,
}

/// What an entitlement does to its membership.
enum Effect {
    /// Runs until the platform says it ends.
    Open,
    /// Runs until then.
    Until(DateTime<Utc>),
    /// Ends now.
    End,
}

impl Engine {
    /// Applies a platform's report of an entitlement, once.
    pub async fn entitlement(&self, e: &Entitlement) -> EngineResult<Applied> {
        let Some(plan) = self
            .config
            .plans
            .iter()
            .find(|p| p.discord_sku.as_deref() == Some(e.sku.as_str()))
        else {
            return Ok(Applied::NotOurs);
        };
        let Some(tier) = self.tier_def(&plan.tier) else {
            return Ok(Applied::NotOurs);
        };
        let now = self.now();
        let member = self.member_of(&e.holder, now).await?;
        let effect = match (e.change, e.ends_at) {
            (EntitlementChange::Deleted, _) => Effect::End,
            (_, Some(end)) if end <= now => Effect::End,
            (_, Some(end)) => Effect::Until(end),
            (_, None) => Effect::Open,
        };
        let id = format!(
            "{}:{:?}:{}",
            e.id,
            e.change,
            e.ends_at.map_or(0, |t| t.timestamp())
        );
        let mark = EventMark {
            provider: Provider::DiscordSku,
            id: &id,
            type_name: "entitlement",
            at: now,
        };
        let mut tx = self.store.begin().await?;
        if !mark.record(&mut tx).await? {
            return Ok(Applied::Repeat);
        }
        let kind = match e.change {
            EntitlementChange::Created => "payment",
            EntitlementChange::Updated => "update",
            EntitlementChange::Deleted => "refund",
        };
        let row = PaymentRow {
            id: 0,
            provider: Provider::DiscordSku,
            provider_id: id.clone(),
            member: Some(member),
            plan: plan.id.clone(),
            kind: kind.to_owned(),
            // Discord pays the community out itself; the price is not reported to bots.
            amount: 0,
            currency: Provider::DiscordSku.as_str().to_uppercase(),
            charge_ref: Some(e.id.clone()),
            payer: Some(e.holder.profile.account.to_string()),
            subscription: Some(e.id.clone()),
            period_end: e.ends_at,
            at: now,
        };
        tx.record_payment(&row, Some(&e.raw)).await?;
        let current = tx
            .membership(member, &tier.id)
            .await?
            .filter(|m| m.is_active(now));
        let started = self
            .apply_entitlement(&mut tx, member, plan, tier, &effect, now)
            .await?;
        tx.commit().await?;
        self.wake.notify_one();
        match effect {
            Effect::End if current.is_some() => {
                let name = self.store.member(member).await?.display_name;
                self.end_access(member, &name, &[tier], now).await?;
                self.tell_with(member, |lang| {
                    tr!(lang, "subscription-ended", tier = &tier.name)
                })
                .await?;
            }
            Effect::Open | Effect::Until(_) if started && current.is_none() => {
                self.give_access(member, tier).await?;
            }
            _ => {}
        }
        Ok(Applied::Done)
    }

    /// Brings the membership in line with the entitlement inside `tx`; whether it runs now.
    async fn apply_entitlement(
        &self,
        tx: &mut WriteTx,
        member: MemberId,
        plan: &Plan,
        tier: &TierDef,
        effect: &Effect,
        at: DateTime<Utc>,
    ) -> EngineResult<bool> {
        let running = tx
            .membership(member, &tier.id)
            .await?
            .filter(|m| m.is_active(at));
        let open = running.as_ref().is_some_and(|m| m.expires_at.is_none());
        let change = match effect {
            Effect::End if running.is_none() => return Ok(false),
            Effect::End => Change::End,
            Effect::Open if open => return Ok(true),
            Effect::Open => Change::Extend(None),
            // An end the platform named replaces the open one it gave.
            Effect::Until(end) if open => Change::Shorten(*end),
            Effect::Until(end) => Change::Extend(Some(*end)),
        };
        let c = ChangeIn {
            member,
            tier,
            term: plan.term,
            action: if change == Change::End {
                "end"
            } else {
                "payment"
            },
            at,
            day: self.config.calendar.day(at),
            reminders: &self.config.membership.reminders,
            lang: self.community_language(),
        };
        change_in(tx, c, change).await?;
        Ok(change != Change::End)
    }
}
