//! Paid time that moves a membership by exactly what it gave (`core::payments::credit`): a Stars
//! subscription's credit is derived again from all of its payments after each fact, and the
//! membership moves by the difference, so renewals, refunds and cancels converge in any order
//! and never take time bought elsewhere (a grant, another plan, a one-time payment).

use super::PaidTime;
use chrono::{DateTime, Duration, Utc};

use super::renewing::Settled;
use crate::EngineResult;
use crate::core::ids::MemberId;
use crate::core::payments::credit::{PaidPeriod, shifted, subscription_credit};
use crate::core::payments::renewal::MembershipChange;
use crate::core::payments::{Plan, Provider, STARS_SUBSCRIPTION_SECS};
use crate::core::tiers::TierDef;
use crate::membership::{Change, ChangeIn, change_in};
use crate::store::WriteTx;

/// The key a member's Stars subscription to a plan files its payments under: Telegram names a
/// renewal by its own charge only, so the member and plan are what its payments share.
pub(super) fn stars_subscription(member: MemberId, plan: &str) -> String {
    format!("stars:{}:{plan}", member.0)
}

/// A member's membership of a plan's tier, as one paid source moves it.
pub(super) struct Held<'a> {
    pub member: MemberId,
    pub plan: &'a Plan,
    pub tier: &'a TierDef,
}

impl PaidTime {
    /// What `member`'s Stars subscription to `plan` is worth now, from every payment recorded
    /// for it in `tx`.
    pub(super) async fn stars_credit(
        &self,
        tx: &mut WriteTx,
        member: MemberId,
        plan: &Plan,
    ) -> EngineResult<Duration> {
        let key = stars_subscription(member, &plan.id);
        let span = Duration::seconds(i64::from(STARS_SUBSCRIPTION_SECS));
        let periods: Vec<PaidPeriod> = tx
            .paid_periods(Provider::TelegramStars, &key)
            .await?
            .into_iter()
            .map(|(end, refunded)| PaidPeriod {
                start: end - span,
                end,
                refunded,
            })
            .collect();
        let renews = tx
            .subscription(member, &plan.id, Provider::TelegramStars)
            .await?
            .is_some_and(|s| s.renews && s.ended_at.is_none());
        Ok(subscription_credit(&periods, renews, plan.grace))
    }

    /// Stops `member`'s Stars subscription to `plan` renewing in the books, once Telegram has
    /// cancelled it: the grace kept for a late renewal goes with it.
    pub(super) async fn stars_stopped(
        &self,
        member: MemberId,
        plan: &Plan,
        action: &str,
        at: DateTime<Utc>,
    ) -> EngineResult<()> {
        let Some(tier) = self.membership.tier_def(&plan.tier) else {
            return Ok(());
        };
        let mut tx = self.kernel.store.begin().await?;
        let before = self.stars_credit(&mut tx, member, plan).await?;
        tx.stop_renewal(member, &plan.id, Provider::TelegramStars, at)
            .await?;
        let after = self.stars_credit(&mut tx, member, plan).await?;
        let current = self.running_expiry(&mut tx, member, tier, at).await?;
        let change = shifted(current, after - before, at);
        self.move_membership(
            &mut tx,
            Held { member, plan, tier },
            change,
            action,
            None,
            at,
        )
        .await?;
        tx.commit().await?;
        let settled = Settled {
            member,
            tier,
            change,
            was_running: current.is_some(),
        };
        self.follow_access(&settled, at).await
    }

    /// The running membership's expiry (`Some(None)`: lifetime; `None`: not running).
    pub(super) async fn running_expiry(
        &self,
        tx: &mut WriteTx,
        member: MemberId,
        tier: &TierDef,
        at: DateTime<Utc>,
    ) -> EngineResult<Option<Option<DateTime<Utc>>>> {
        Ok(tx
            .membership(member, &tier.id)
            .await?
            .filter(|m| m.is_active(at))
            .map(|m| m.expires_at))
    }

    /// Applies `change` to the membership `held` inside `tx`, with `action` as
    /// the ledger's word for an extension or an end (a shortening is a `cancel`), by `actor`
    /// (`None`: the bot or a provider).
    pub(super) async fn move_membership(
        &self,
        tx: &mut WriteTx,
        held: Held<'_>,
        change: MembershipChange,
        action: &str,
        actor: Option<MemberId>,
        at: DateTime<Utc>,
    ) -> EngineResult<()> {
        let applied = match change {
            MembershipChange::Keep => return Ok(()),
            MembershipChange::Extend(until) => Change::Extend(Some(until)),
            MembershipChange::Shorten(until) => Change::Shorten(until),
            MembershipChange::End => Change::End,
        };
        let Held { member, plan, tier } = held;
        let c = ChangeIn {
            member,
            tier,
            term: plan.term,
            action,
            actor,
            at,
            day: self.kernel.config.calendar.day(at),
            reminders: &self.kernel.config.membership.reminders,
        };
        change_in(tx, c, applied).await
    }
}
