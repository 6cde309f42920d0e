//! What members see of drops: the visibility rule (operators see every drop, members what
//! their tier gives them), `/drops` and `/rate`.

use chrono::{DateTime, Utc};

use super::drops::Viewer;
use crate::engine::commands::CommandContext;
use crate::engine::{Engine, EngineResult, refuse};

/// Lines `/drops` shows.
const SHOWN: usize = 10;

impl Engine {
    /// Whether `viewer` may see a drop gated to `tier`: operators see every drop (they keep
    /// access regardless of tier), members what their tier in effect gives them, someone never
    /// seen only ungated drops.
    pub(crate) async fn can_see(
        &self,
        viewer: Viewer,
        tier: Option<&str>,
        now: DateTime<Utc>,
    ) -> EngineResult<bool> {
        let Some(required) = tier.and_then(|t| self.tier(t).ok()) else {
            return Ok(true);
        };
        Ok(match viewer {
            Viewer::Operator => true,
            Viewer::Member(member) => self
                .effective_tier(member, now)
                .await?
                .is_some_and(|t| t.rank >= required.rank),
            Viewer::Unknown => false,
        })
    }

    /// The viewer behind a command.
    pub(crate) fn viewer(&self, ctx: &CommandContext) -> Viewer {
        if self.is_operator(&ctx.sender) {
            Viewer::Operator
        } else {
            Viewer::Member(ctx.member)
        }
    }

    pub(crate) async fn upcoming_for_member(&self, ctx: &CommandContext) -> EngineResult<String> {
        let mut lines = Vec::new();
        let mut more = 0;
        for drop in self.store.upcoming_drops(100).await? {
            if !self
                .can_see(self.viewer(ctx), drop.tier.as_deref(), ctx.at)
                .await?
            {
                continue;
            }
            if lines.len() < SHOWN {
                lines.push(self.drop_line(&drop));
            } else {
                more += 1;
            }
        }
        if lines.is_empty() {
            return Ok("No upcoming drops for you right now.".into());
        }
        lines.insert(0, "Upcoming drops:".into());
        if more > 0 {
            lines.push(format!(
                "… and {more} more later; they show here as these go out."
            ));
        }
        Ok(lines.join("\n"))
    }

    pub(crate) async fn rate(
        &self,
        ctx: &CommandContext,
        id: i64,
        stars: u8,
    ) -> EngineResult<String> {
        let drop = self.find_drop(id).await?;
        let delivered = self.store.was_delivered(drop.id).await?;
        if !delivered && drop.cancelled_at.is_some() {
            return refuse(format!(
                "Drop #{id} was cancelled before it went out; there is nothing to rate."
            ));
        }
        if !delivered
            || !self
                .can_see(self.viewer(ctx), drop.tier.as_deref(), ctx.at)
                .await?
        {
            return refuse(format!(
                "Drop #{id} has not reached you yet; rate it once it has."
            ));
        }
        self.store.rate(drop.id, ctx.member, stars, ctx.at).await?;
        Ok(format!("Thanks! You rated drop #{id} {stars} of 5."))
    }
}
