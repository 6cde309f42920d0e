//! The scheduler's steps for teams: the manager is reminded before the team's end (at the
//! offsets of `membership.reminders`), and a team whose time is up (or whose payment was
//! refunded) ends once, and every seat's access with it on every platform, unless the member
//! holds the tier otherwise; the seats' holders and the manager are told.

use chrono::{DateTime, Utc};

use super::Teams;
use crate::EngineResult;
use crate::core::tiers;
use crate::i18n::datetime;
use crate::membership::words::span;
use crate::{msg, tr};

impl Teams {
    /// Ends the teams whose time is up at `now`; returns how many ended.
    pub(crate) async fn end_lapsed_teams(&self, now: DateTime<Utc>) -> EngineResult<usize> {
        let mut ended = 0;
        for (team, _) in self.kernel.store.teams_ending_before(now).await? {
            // No seat is given once its time is up, so the seats read here are all it has.
            let seats = self.kernel.store.team_seats(team.id).await?;
            let mut tx = self.kernel.store.begin().await?;
            if !tx.end_team(team.id, now).await? {
                continue;
            }
            tx.commit().await?;
            ended += 1;
            let tier = self.membership.tier_def(&team.tier);
            let tier_name = tier.map_or(team.tier.as_str(), |t| t.name.as_str());
            for seat in &seats {
                if let Some(tier) = tier {
                    self.membership
                        .end_access(seat.member, &seat.name, &[tier], now)
                        .await?;
                }
                self.kernel
                    .tell(
                        seat.member,
                        &msg!("team-ended-seat", team = &team.name, tier = tier_name),
                    )
                    .await?;
            }
            self.kernel
                .tell(
                    team.manager,
                    &msg!("team-ended-manager", team = &team.name, seats = seats.len()),
                )
                .await?;
        }
        Ok(ended)
    }
}

impl Teams {
    /// Reminds managers of their team's end where a reminder is due; returns how many.
    pub(crate) async fn remind_team_managers(&self, now: DateTime<Utc>) -> EngineResult<usize> {
        let offsets = &self.kernel.config.membership.reminders;
        let Some(horizon) = offsets.iter().max() else {
            return Ok(0);
        };
        let mut sent = 0;
        for (team, reminded) in self
            .kernel
            .store
            .teams_ending_before(now + *horizon)
            .await?
        {
            let Some(end) = team.expires_at else {
                continue;
            };
            let Some(offset) = tiers::due_reminder(end, offsets, reminded, now) else {
                continue;
            };
            let tz = self.kernel.config.calendar.tz;
            self.kernel
                .tell_with(team.manager, |lang| {
                    tr!(
                        lang,
                        "team-ending-soon",
                        team = &team.name,
                        left = span(end - now),
                        at = datetime(lang, end, tz)
                    )
                })
                .await?;
            self.kernel.store.set_team_reminded(team.id, offset).await?;
            sent += 1;
        }
        Ok(sent)
    }
}
