//! The timed side of memberships, run by the scheduler: ending memberships whose time is up
//! (and taking their access away) and sending expiry reminders by DM.

use chrono::{DateTime, Utc};

use crate::core::duration::describe;
use crate::core::tiers;
use crate::engine::{Engine, EngineResult, format};
use crate::store::MembershipEvent;

impl Engine {
    /// Ends memberships whose time is up; the scheduler's step for expiries.
    pub(crate) async fn expire_memberships(&self, now: DateTime<Utc>) -> EngineResult<usize> {
        let mut ended = 0;
        for held in self.store.memberships_ending_before(now).await? {
            let mut tx = self.store.begin().await?;
            if !tx.end_membership(held.member, &held.tier, now).await? {
                continue;
            }
            tx.record_membership_event(MembershipEvent {
                member: held.member,
                tier: &held.tier,
                action: "expire",
                expires_before: held.expires_at,
                expires_after: held.expires_at,
                actor: None,
                at: now,
            })
            .await?;
            tx.commit().await?;
            ended += 1;
            let Ok(tier) = self.tier(&held.tier) else {
                continue;
            };
            self.end_access(held.member, &held.name, &[tier], now)
                .await?;
            self.dm_member(
                held.member,
                &format!(
                    "Your {} membership has ended. /tiers shows how to renew it.",
                    tier.name
                ),
            )
            .await?;
        }
        Ok(ended)
    }

    /// Sends the reminders that are due; the scheduler's step for reminders.
    pub(crate) async fn send_reminders(&self, now: DateTime<Utc>) -> EngineResult<usize> {
        let offsets = &self.config.membership.reminders;
        let Some(horizon) = offsets.iter().max() else {
            return Ok(0);
        };
        let mut sent = 0;
        for held in self.store.memberships_ending_before(now + *horizon).await? {
            let Some(expires) = held.expires_at else {
                continue;
            };
            let Some(offset) = tiers::due_reminder(expires, offsets, held.reminded, now) else {
                continue;
            };
            let name = self
                .tier(&held.tier)
                .map_or(held.tier.clone(), |t| t.name.clone());
            let text = format!(
                "Your {name} membership ends in {} ({}). Renew with /shop, or ask an operator.",
                describe(expires - now),
                format::local(expires, self.config.calendar.tz)
            );
            self.dm_member(held.member, &text).await?;
            self.store
                .set_reminded(held.member, &held.tier, offset)
                .await?;
            sent += 1;
        }
        Ok(sent)
    }

    /// The next time a reminder falls due, for the scheduler's sleep.
    pub(crate) async fn next_reminder_at(
        &self,
        now: DateTime<Utc>,
    ) -> EngineResult<Option<DateTime<Utc>>> {
        let offsets = &self.config.membership.reminders;
        let Some(horizon) = offsets.iter().max() else {
            return Ok(None);
        };
        let mut next: Option<DateTime<Utc>> = None;
        for held in self
            .store
            .memberships_ending_before(now + *horizon + chrono::Duration::days(1))
            .await?
        {
            let Some(expires) = held.expires_at else {
                continue;
            };
            for offset in offsets
                .iter()
                .filter(|o| held.reminded.is_none_or(|r| **o < r))
            {
                let at = (expires - *offset).max(now);
                if at < expires {
                    next = Some(next.map_or(at, |n| n.min(at)));
                }
            }
        }
        Ok(next)
    }
}
