//! What members see of drops: the visibility rule (operators see every drop, members what
//! their tier gives them), `/drops` and `/rate`.

use chrono::{DateTime, Utc};

use super::drops::Viewer;
use crate::engine::commands::CommandContext;
use crate::engine::{Engine, EngineResult, refuse};
use crate::tr;

/// Lines `/drops` shows.
const SHOWN: usize = 10;

/// What a viewer may see, looked up once per request: every drop (operators keep access
/// regardless of tier), or ungated drops and those gated up to their tier's rank.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Sight {
    Everything,
    UpTo(Option<u32>),
}

impl Engine {
    /// What `viewer` may see at `now`: one membership read, whatever the number of drops.
    pub(crate) async fn sight(&self, viewer: Viewer, now: DateTime<Utc>) -> EngineResult<Sight> {
        Ok(match viewer {
            Viewer::Operator => Sight::Everything,
            Viewer::Member(member) => {
                Sight::UpTo(self.effective_tier(member, now).await?.map(|t| t.rank))
            }
            Viewer::Unknown => Sight::UpTo(None),
        })
    }

    /// Whether `sight` covers a drop gated to `tier` (`None`: ungated).
    pub(crate) fn sees(&self, sight: Sight, tier: Option<&str>) -> bool {
        let Some(required) = tier.and_then(|t| self.tier_def(t)) else {
            return true;
        };
        match sight {
            Sight::Everything => true,
            Sight::UpTo(rank) => rank.is_some_and(|r| r >= required.rank),
        }
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
        let lang = ctx.lang;
        let mut lines = Vec::new();
        let mut more = 0;
        let sight = self.sight(self.viewer(ctx), ctx.at).await?;
        for drop in self.store.upcoming_drops(100).await? {
            if !self.sees(sight, drop.tier.as_deref()) {
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
        let sight = self.sight(self.viewer(ctx), ctx.at).await?;
        let lines: Vec<String> = self
            .store
            .drops_tagged(tag, 100)
            .await?
            .iter()
            .filter(|drop| self.sees(sight, drop.tier.as_deref()))
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
        let drop = self.find_drop(lang, id).await?;
        let delivered = self.store.was_delivered(drop.id).await?;
        if !delivered && drop.cancelled_at.is_some() {
            return refuse(tr!(lang, "rate-cancelled", id = id));
        }
        let sight = self.sight(self.viewer(ctx), ctx.at).await?;
        if !delivered || !self.sees(sight, drop.tier.as_deref()) {
            return refuse(tr!(lang, "rate-not-yet", id = id));
        }
        self.store.rate(drop.id, ctx.member, stars, ctx.at).await?;
        Ok(tr!(lang, "rate-done", id = id, stars = stars))
    }
}
