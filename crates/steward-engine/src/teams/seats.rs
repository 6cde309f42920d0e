//! `/team add @member` and `/team remove @member`, by the team's manager: a seat given (the
//! member is told what the team gives and what its manager sees) or freed at once (and the
//! access it alone gave taken away). Seats are counted in the same transaction that gives one,
//! so two managers' adds cannot overfill a team.

use super::Teams;
use crate::EngineResult;
use crate::commands::CommandContext;
use crate::core::ids::MemberId;
use crate::core::teams::{SeatRefusal, may_seat};
use crate::membership::with_access_problems;
use crate::{msg, refuse, tr};
use chrono::{DateTime, Utc};

impl Teams {
    pub(super) async fn add(
        &self,
        ctx: &CommandContext,
        who: Option<&str>,
    ) -> EngineResult<String> {
        let lang = ctx.lang;
        let team = self.team_to_manage(ctx).await?;
        let tier = self.membership.tier(lang, &team.tier)?;
        let target = self.identity.resolve(ctx, who).await?;
        let had_tier = self.holds_tier(target.id, &team.tier, ctx.at).await?;
        let mut tx = self.kernel.store.begin().await?;
        let (taken, seated) = tx.seats_taken(team.id, target.id).await?;
        // Read again inside the lock: the team may have lapsed or been refunded meanwhile.
        let current = tx.team(team.id).await?.unwrap_or(team);
        if let Err(why) = may_seat(&current, taken, seated, ctx.at) {
            return refuse(match why {
                SeatRefusal::Full => msg!("team-full", team = &current.name, seats = current.seats),
                SeatRefusal::AlreadySeated => msg!(
                    "team-already-seated",
                    name = &target.name,
                    team = &current.name
                ),
                SeatRefusal::NotRunning => msg!("team-unpaid", team = &current.name),
            });
        }
        tx.add_seat(current.id, target.id, ctx.member, ctx.at)
            .await?;
        tx.commit().await?;
        let problems = if had_tier {
            Vec::new()
        } else {
            self.membership.give_access(target.id, tier).await?
        };
        let manager = ctx.sender.person.profile.display_name.as_str();
        self.kernel
            .tell_with(target.id, |lang| {
                tr!(
                    lang,
                    "team-seat-given",
                    team = &current.name,
                    tier = &tier.name,
                    manager = manager,
                    until = self.membership.until(lang, current.expires_at)
                )
            })
            .await?;
        let reply = tr!(
            lang,
            "team-seat-added",
            name = &target.name,
            team = &current.name,
            taken = taken + 1,
            seats = current.seats
        );
        Ok(with_access_problems(lang, reply, &problems))
    }

    pub(super) async fn remove(
        &self,
        ctx: &CommandContext,
        who: Option<&str>,
    ) -> EngineResult<String> {
        let lang = ctx.lang;
        let team = self.team_to_manage(ctx).await?;
        let target = self.identity.resolve_known(ctx, who).await?;
        let mut tx = self.kernel.store.begin().await?;
        if !tx
            .remove_seat(team.id, target.id, ctx.member, ctx.at)
            .await?
        {
            return refuse(msg!(
                "team-not-seated",
                name = &target.name,
                team = &team.name
            ));
        }
        let (taken, _) = tx.seats_taken(team.id, target.id).await?;
        tx.commit().await?;
        if let Some(tier) = self.membership.tier_def(&team.tier) {
            self.membership
                .end_access(target.id, &target.name, &[tier], ctx.at)
                .await?;
        }
        self.kernel
            .tell(target.id, &msg!("team-seat-removed", team = &team.name))
            .await?;
        Ok(tr!(
            lang,
            "team-seat-freed",
            name = &target.name,
            team = &team.name,
            free = team.seats.saturating_sub(taken)
        ))
    }

    /// Whether `member` holds `tier` now, by their own membership or another seat.
    async fn holds_tier(
        &self,
        member: MemberId,
        tier: &str,
        now: DateTime<Utc>,
    ) -> EngineResult<bool> {
        let held = self.kernel.store.tiers_held(member).await?;
        Ok(held.iter().any(|m| m.tier == tier && m.is_active(now)))
    }
}
