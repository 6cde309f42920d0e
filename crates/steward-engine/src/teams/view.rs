//! `/team`: for a manager, the team's seats and each seat's learning progress (the core's
//! `seat_progress` decides what is shown: courses begun and lessons done, nothing else, of the
//! courses the manager or the team's tier may see); for a
//! member in a seat, which team it is and what its manager sees.

use super::Teams;
use crate::EngineResult;
use crate::commands::CommandContext;
use crate::core::access::may_see;
use crate::core::teams::seat_progress;
use crate::{msg, refuse, tr};

impl Teams {
    pub(super) async fn show(&self, ctx: &CommandContext) -> EngineResult<String> {
        let lang = ctx.lang;
        let Some(team) = self.managed_by(ctx.member, ctx.at).await? else {
            let seats = self.kernel.store.seats_of(ctx.member).await?;
            let Some(team) = seats.iter().find(|t| t.is_running(ctx.at)) else {
                return refuse(msg!("team-none"));
            };
            let manager = self.kernel.store.member(team.manager).await?.display_name;
            let tier = self
                .membership
                .tier_def(&team.tier)
                .map_or(team.tier.as_str(), |t| t.name.as_str());
            return Ok(tr!(
                lang,
                "team-your-seat",
                team = &team.name,
                tier = tier,
                manager = manager,
                until = self.membership.until(lang, team.expires_at)
            ));
        };
        if team.started_at.is_none() {
            return Ok(tr!(lang, "team-waiting-payment", team = &team.name));
        }
        let seats = self.kernel.store.team_seats(team.id).await?;
        // The manager sees the courses they may see, or the team's tier may: never the title of
        // a course a member took through a higher tier of their own.
        let mut viewer = self.membership.viewer(ctx).await?;
        let team_rank = self.membership.tier_def(&team.tier).map(|t| t.rank);
        viewer.tier_rank = viewer.tier_rank.max(team_rank);
        let courses = self.kernel.store.courses().await?;
        let courses: Vec<(&str, &[i64])> = courses
            .iter()
            .filter(|c| may_see(&viewer, self.membership.gate(c.tier.as_deref())))
            .map(|c| (c.title.as_str(), c.lessons.as_slice()))
            .collect();
        let tier = self
            .membership
            .tier_def(&team.tier)
            .map_or(team.tier.as_str(), |t| t.name.as_str());
        let mut lines = vec![tr!(
            lang,
            "team-view-header",
            team = &team.name,
            tier = tier,
            taken = seats.len(),
            seats = team.seats,
            until = self.membership.until(lang, team.expires_at)
        )];
        if seats.is_empty() {
            lines.push(tr!(lang, "team-view-empty"));
        }
        for seat in &seats {
            let done = self.kernel.store.lessons_done(seat.member).await?;
            let seen = seat_progress(&seat.name, &courses, &done);
            let progress: Vec<String> = seen
                .courses
                .iter()
                .map(|(title, done, all)| {
                    tr!(
                        lang,
                        "team-view-course",
                        course = title,
                        done = done,
                        all = all
                    )
                })
                .collect();
            lines.push(if progress.is_empty() {
                tr!(lang, "team-view-member-none", name = &seen.name)
            } else {
                tr!(
                    lang,
                    "team-view-member",
                    name = &seen.name,
                    progress = progress.join(" · ")
                )
            });
        }
        Ok(lines.join("\n"))
    }
}
