//! The timed side of memberships, run by the scheduler: ending memberships whose time is up
//! (and taking their access away) and sending expiry reminders by DM.

use chrono::{DateTime, Utc};

use super::words::span;
use crate::core::tiers;
use crate::i18n::datetime;
use crate::store::MembershipEvent;
use crate::{EngineResult, Memberships};
use crate::{msg, tr};

impl Memberships {
    /// Ends memberships whose time is up; the scheduler's step for expiries.
    pub(crate) async fn expire_memberships(&self, now: DateTime<Utc>) -> EngineResult<usize> {
        let mut ended = 0;
        for held in self.kernel.store.memberships_ending_before(now).await? {
            let mut tx = self.kernel.store.begin().await?;
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
                day: self.kernel.config.calendar.day(now),
            })
            .await?;
            tx.commit().await?;
            ended += 1;
            let Some(tier) = self.tier_def(&held.tier) else {
                continue;
            };
            self.end_access(held.member, &held.name, &[tier], now)
                .await?;
            self.kernel
                .tell(held.member, &msg!("membership-ended", tier = &tier.name))
                .await?;
        }
        Ok(ended)
    }

    /// Sends the reminders that are due; the scheduler's step for reminders.
    pub(crate) async fn send_reminders(&self, now: DateTime<Utc>) -> EngineResult<usize> {
        let offsets = &self.kernel.config.membership.reminders;
        let Some(horizon) = offsets.iter().max() else {
            return Ok(0);
        };
        let mut sent = 0;
        for held in self
            .kernel
            .store
            .memberships_ending_before(now + *horizon)
            .await?
        {
            let Some(expires) = held.expires_at else {
                continue;
            };
            let Some(offset) = tiers::due_reminder(expires, offsets, held.reminded, now) else {
                continue;
            };
            let name = self
                .tier_def(&held.tier)
                .map_or(held.tier.as_str(), |t| t.name.as_str());
            let tz = self.kernel.config.calendar.tz;
            let reminder = |lang| {
                tr!(
                    lang,
                    "membership-reminder",
                    tier = name,
                    left = span(expires - now),
                    at = datetime(lang, expires, tz)
                )
            };
            self.kernel.tell_with(held.member, reminder).await?;
            self.kernel
                .store
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
        let offsets = &self.kernel.config.membership.reminders;
        let Some(horizon) = offsets.iter().max() else {
            return Ok(None);
        };
        let mut next: Option<DateTime<Utc>> = None;
        for held in self
            .kernel
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
