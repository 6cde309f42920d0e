//! What members see of drops: `/drops` (upcoming, or by tag) and `/rate`, each through the
//! access rule (`core::access::may_see`: operators see every drop, members what their tier
//! gives them).

use crate::commands::CommandContext;
use crate::core::access::may_see;
use crate::{Drops, EngineResult, refuse};
use crate::{msg, tr};

/// Lines `/drops` shows.
const SHOWN: usize = 10;

impl Drops {
    pub(crate) async fn upcoming_for_member(&self, ctx: &CommandContext) -> EngineResult<String> {
        let lang = ctx.lang;
        let mut lines = Vec::new();
        let mut more = 0;
        let viewer = self.membership.viewer(ctx).await?;
        for drop in self.kernel.store.upcoming_drops(100).await? {
            if !may_see(&viewer, self.membership.gate(drop.tier.as_deref())) {
                continue;
            }
            if lines.len() < SHOWN {
                lines.push(self.drop_line(lang, &drop));
            } else {
                more += 1;
            }
        }
        if lines.is_empty() {
            return Ok(tr!(lang, "drops-none"));
        }
        lines.insert(0, tr!(lang, "drops-upcoming"));
        if more > 0 {
            lines.push(tr!(lang, "drops-more", count = more));
        }
        Ok(lines.join("\n"))
    }

    /// Drops with `tag` the asker may see, delivered or still to come, newest first.
    pub(crate) async fn tagged_for_member(
        &self,
        ctx: &CommandContext,
        tag: &str,
    ) -> EngineResult<String> {
        let lang = ctx.lang;
        let viewer = self.membership.viewer(ctx).await?;
        let lines: Vec<String> = self
            .kernel
            .store
            .drops_tagged(tag, 100)
            .await?
            .iter()
            .filter(|drop| may_see(&viewer, self.membership.gate(drop.tier.as_deref())))
            .take(SHOWN)
            .map(|drop| self.drop_line(lang, drop))
            .collect();
        if lines.is_empty() {
            return Ok(tr!(lang, "drops-tag-none", tag = tag));
        }
        Ok(format!(
            "{}\n{}",
            tr!(lang, "drops-tagged", tag = tag),
            lines.join("\n")
        ))
    }

    pub(crate) async fn rate(
        &self,
        ctx: &CommandContext,
        id: i64,
        stars: u8,
    ) -> EngineResult<String> {
        let lang = ctx.lang;
        let drop = self.find_drop(id).await?;
        let delivered = self.kernel.store.was_delivered(drop.id).await?;
        if !delivered && drop.cancelled_at.is_some() {
            return refuse(msg!("rate-cancelled", id = id));
        }
        let viewer = self.membership.viewer(ctx).await?;
        if !delivered || !may_see(&viewer, self.membership.gate(drop.tier.as_deref())) {
            return refuse(msg!("rate-not-yet", id = id));
        }
        self.kernel
            .store
            .rate(drop.id, ctx.member, stars, ctx.at)
            .await?;
        Ok(tr!(lang, "rate-done", id = id, stars = stars))
    }
}
