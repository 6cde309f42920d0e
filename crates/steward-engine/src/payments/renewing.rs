//! A card subscription's effect on the membership it pays for. After each fact is recorded,
//! the subscription's state is derived again from all of its facts and the membership brought
//! in line (`core::payments::renewal::reconcile`), in the same transaction, through the same
//! grant and end paths as `/member`. Access moves after the commit.

use super::PaidTime;
use chrono::{DateTime, Utc};

use super::credit::Held;
use crate::EngineResult;
use crate::core::ids::MemberId;
use crate::core::payments::renewal::{MembershipChange, SubscriptionFacts, reconcile};
use crate::core::tiers::TierDef;
use crate::store::{SubscriptionRow, WriteTx};

/// What settling a subscription did to its membership.
pub(super) struct Settled<'a> {
    pub member: MemberId,
    pub tier: &'a TierDef,
    pub change: MembershipChange,
    /// Whether the membership ran before (access is given only when it starts).
    pub was_running: bool,
}

impl PaidTime {
    /// Brings the membership `s` pays for in line with all of `s`'s facts, inside `tx`. `action`
    /// names an extension or an end in the membership ledger (a shortening is a `cancel`).
    /// `None` when the plan or its tier is gone from the config.
    pub(super) async fn settle_in(
        &self,
        tx: &mut WriteTx,
        s: &SubscriptionRow,
        action: &str,
        at: DateTime<Utc>,
    ) -> EngineResult<Option<Settled<'_>>> {
        let Some(plan) = self.plan(&s.plan) else {
            return Ok(None);
        };
        let Some(tier) = self.membership.tier_def(&plan.tier) else {
            return Ok(None);
        };
        let (paid_through, ever_paid_through) = tx.paid_through(s.provider, &s.charge_ref).await?;
        tx.set_paid_until(s, paid_through, at).await?;
        let state = tx
            .subscription(s.member, &s.plan, s.provider)
            .await?
            .unwrap_or_else(|| s.clone());
        let facts = SubscriptionFacts {
            paid_through,
            ever_paid_through,
            renews: state.renews,
            ended: state.ended_at.is_some(),
        };
        let current = tx.membership(s.member, &tier.id).await?;
        let running = current
            .as_ref()
            .filter(|m| m.is_active(at))
            .map(|m| m.expires_at);
        let change = reconcile(&facts, plan.grace, running, at);
        let held = Held {
            member: s.member,
            plan,
            tier,
        };
        self.move_membership(tx, held, change, action, None, at)
            .await?;
        Ok(Some(Settled {
            member: s.member,
            tier,
            change,
            was_running: running.is_some(),
        }))
    }

    /// Moves access after the commit: given when a membership starts, taken when it ends now
    /// (a shortened one ends later, through the expiry path).
    pub(super) async fn follow_access(
        &self,
        settled: &Settled<'_>,
        at: DateTime<Utc>,
    ) -> EngineResult<()> {
        match settled.change {
            MembershipChange::Extend(_) if !settled.was_running => {
                let problems = self
                    .membership
                    .give_access(settled.member, settled.tier)
                    .await?;
                if !problems.is_empty() {
                    tracing::warn!(
                        member = settled.member.0,
                        "paid access could not be given everywhere"
                    );
                }
            }
            MembershipChange::End => {
                let name = self.kernel.store.member(settled.member).await?.display_name;
                self.membership
                    .end_access(settled.member, &name, &[settled.tier], at)
                    .await?;
            }
            _ => {}
        }
        Ok(())
    }
}
