//! Subscriptions a platform sells itself (Discord App Subscriptions): the platform reports an
//! entitlement to a SKU, and a plan naming that SKU (`discord_sku`) gives its tier while the
//! entitlement runs. Discord sets an end only when the subscription ends, so a running
//! entitlement holds the tier without an end date; its end (or its deletion, on a refund) gives
//! back the end the member held before it, and never takes time bought elsewhere (a lifetime
//! grant, Stars, a card). Each report is applied once.

use super::Payments;
use chrono::{DateTime, Duration, Utc};

use super::billing::{Applied, EventMark};
use crate::EngineResult;
use crate::core::ids::MemberId;
use crate::core::payments::credit::{closed, shifted};
use crate::core::payments::renewal::MembershipChange;
use crate::core::payments::{Plan, Provider};
use crate::core::tiers::TierDef;
use crate::events::Person;
use crate::membership::{Change, ChangeIn, change_in};
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

/// The membership ledger's word for what an entitlement gives, so its end can tell whether it
/// opened the membership.
const OPENED: &str = "entitlement";

/// What an entitlement does to its membership.
enum Effect {
    /// Runs until the platform says it ends.
    Open,
    /// Runs until then.
    Until(DateTime<Utc>),
    /// Ends now.
    End,
}

impl Payments {
    /// Applies a platform's report of an entitlement, once.
    pub async fn entitlement(&self, e: &Entitlement) -> EngineResult<Applied> {
        let applied = self.entitlement_once(e).await;
        self.count_delivery(Provider::DiscordSku, &applied);
        applied
    }

    async fn entitlement_once(&self, e: &Entitlement) -> EngineResult<Applied> {
        let Some(plan) = self
            .kernel
            .config
            .plans
            .iter()
            .find(|p| p.discord_sku.as_deref() == Some(e.sku.as_str()))
        else {
            return Ok(Applied::NotOurs);
        };
        let Some(tier) = self.membership.tier_def(&plan.tier) else {
            return Ok(Applied::NotOurs);
        };
        let now = self.kernel.now();
        let member = self.identity.member_of(&e.holder, now).await?;
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
            created: now,
        };
        let mut tx = self.kernel.store.begin().await?;
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
            promo: None,
        };
        tx.record_payment(&row, Some(&e.raw)).await?;
        let current = tx
            .membership(member, &tier.id)
            .await?
            .filter(|m| m.is_active(now));
        let runs = self
            .apply_entitlement(&mut tx, member, plan, tier, &effect, now)
            .await?;
        tx.commit().await?;
        self.kernel.wake.notify_one();
        match (current.is_some(), runs) {
            (true, false) => {
                let name = self.kernel.store.member(member).await?.display_name;
                self.membership
                    .end_access(member, &name, &[tier], now)
                    .await?;
                self.kernel
                    .tell_with(member, |lang| {
                        tr!(lang, "subscription-ended", tier = &tier.name)
                    })
                    .await?;
            }
            (false, true) => {
                self.membership.give_access(member, tier).await?;
            }
            _ => {}
        }
        Ok(Applied::Done)
    }

    /// Brings the membership in line with the entitlement inside `tx`; whether it runs now.
    /// An entitlement that ends gives back the time the member held before it opened the
    /// membership; a membership it did not open (a lifetime grant, time beyond its end) keeps
    /// what was bought elsewhere.
    async fn apply_entitlement(
        &self,
        tx: &mut WriteTx,
        member: MemberId,
        plan: &Plan,
        tier: &TierDef,
        effect: &Effect,
        at: DateTime<Utc>,
    ) -> EngineResult<bool> {
        let current = self.paid.running_expiry(tx, member, tier, at).await?;
        let change = match (effect, current) {
            (Effect::Open, Some(None)) => return Ok(true),
            (Effect::Open, _) => Change::Extend(None),
            (Effect::End, None) => return Ok(false),
            (Effect::Until(end), None) => Change::Extend(Some(*end)),
            (Effect::End | Effect::Until(_), Some(None)) => {
                let remaining = match effect {
                    Effect::Until(end) => *end - at,
                    _ => Duration::zero(),
                };
                match tx.opened_by(member, &tier.id).await? {
                    Some((action, banked)) if action == OPENED => {
                        match closed(banked, remaining, at) {
                            MembershipChange::Shorten(until) => Change::Shorten(until),
                            _ => Change::End,
                        }
                    }
                    _ => return Ok(true),
                }
            }
            (Effect::Until(end), Some(Some(expires))) if *end > expires => {
                Change::Extend(Some(*end))
            }
            (Effect::Until(_), Some(Some(_))) => return Ok(true),
            (Effect::End, Some(Some(_))) => {
                // What is left of the entitlement's own last end comes off; the rest was
                // bought elsewhere.
                let gave = tx.entitlement_end(&plan.id, member).await?;
                let remaining =
                    gave.map_or(Duration::zero(), |end| (end - at).max(Duration::zero()));
                match shifted(current, -remaining, at) {
                    MembershipChange::Shorten(until) => Change::Shorten(until),
                    MembershipChange::End => Change::End,
                    _ => return Ok(true),
                }
            }
        };
        let c = ChangeIn {
            member,
            tier,
            term: plan.term,
            action: if change == Change::End { "end" } else { OPENED },
            actor: None,
            at,
            day: self.kernel.config.calendar.day(at),
            reminders: &self.kernel.config.membership.reminders,
        };
        change_in(tx, c, change).await?;
        Ok(change != Change::End)
    }
}
