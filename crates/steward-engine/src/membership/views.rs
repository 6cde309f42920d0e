//! What memberships look like to people: `/membership`, `/tiers`, `/member list`, a tier's
//! perks and how long a membership runs, in the reader's language.

use chrono::{DateTime, Utc};

use super::words::{list, term};
use crate::commands::CommandContext;
use crate::core::tiers::{self, TierDef};
use crate::i18n::{Lang, datetime};
use crate::tr;
use crate::{EngineResult, Memberships};

/// Memberships `/member list` shows before it only counts the rest.
const LISTED: usize = 50;

impl Memberships {
    pub(crate) async fn member_list(
        &self,
        ctx: &CommandContext,
        tier: Option<&str>,
    ) -> EngineResult<String> {
        let lang = ctx.lang;
        let tier = tier.map(|t| self.tier(lang, t)).transpose()?;
        let held = self
            .kernel
            .store
            .running_memberships(tier.map(|t| t.id.as_str()))
            .await?;
        if held.is_empty() {
            return Ok(tr!(lang, "member-list-empty"));
        }
        let mut lines = vec![tr!(lang, "member-list-header", count = held.len())];
        for m in held.iter().take(LISTED) {
            let name = self
                .tier_def(&m.tier)
                .map_or(m.tier.as_str(), |t| t.name.as_str());
            // An erased member's memberships run on under a member with no name.
            let who = if m.name.trim().is_empty() {
                tr!(lang, "member-erased-name", id = m.member.0)
            } else {
                m.name.clone()
            };
            lines.push(tr!(
                lang,
                "member-list-line",
                name = who,
                tier = name,
                until = self.until(lang, m.expires_at)
            ));
        }
        if held.len() > LISTED {
            lines.push(tr!(lang, "member-list-more", count = held.len() - LISTED));
        }
        Ok(lines.join("\n"))
    }

    pub(crate) async fn membership(&self, ctx: &CommandContext) -> EngineResult<String> {
        let lang = ctx.lang;
        let held = self.kernel.store.tiers_held(ctx.member).await?;
        let Some(tier) = tiers::effective(&self.kernel.config.membership.tiers, &held, ctx.at)
        else {
            return Ok(tr!(lang, "membership-none"));
        };
        let expires = held
            .iter()
            .find(|m| m.tier == tier.id)
            .and_then(|m| m.expires_at);
        let mut lines = vec![
            tr!(
                lang,
                "membership-yours",
                tier = &tier.name,
                until = self.until(lang, expires)
            ),
            perks(lang, tier),
        ];
        let others: Vec<&str> = held
            .iter()
            .filter(|m| m.tier != tier.id && m.is_active(ctx.at))
            .filter_map(|m| self.tier_def(&m.tier).map(|t| t.name.as_str()))
            .collect();
        if !others.is_empty() {
            lines.push(tr!(lang, "membership-also", tiers = list(lang, &others)));
        }
        Ok(lines.join("\n"))
    }

    pub(crate) fn tiers_text(&self, lang: Lang) -> String {
        let membership = &self.kernel.config.membership;
        if membership.tiers.is_empty() {
            return tr!(lang, "tiers-empty");
        }
        let mut tiers: Vec<&TierDef> = membership.tiers.iter().collect();
        tiers.sort_by_key(|t| std::cmp::Reverse(t.rank));
        let mut lines = vec![tr!(lang, "tiers-header")];
        for tier in tiers {
            lines.push(tr!(
                lang,
                "tiers-line",
                name = &tier.name,
                id = &tier.id,
                perks = perks(lang, tier)
            ));
            if !tier.description.is_empty() {
                lines.push(format!("  {}", tier.description));
            }
            for reward in membership.rewards.iter().filter(|r| r.tier == tier.id) {
                let offer = tr!(
                    lang,
                    "tiers-reward",
                    reward = &reward.id,
                    cost = reward.cost,
                    term = term(reward.term)
                );
                lines.push(format!("  {offer}"));
            }
        }
        lines.join("\n")
    }

    /// How long a membership runs: "until 2026-12-25 10:00 (Europe/Berlin)" or "for life".
    pub(crate) fn until(&self, lang: Lang, expires: Option<DateTime<Utc>>) -> String {
        match expires {
            Some(at) => tr!(
                lang,
                "membership-until",
                at = datetime(lang, at, self.kernel.config.calendar.tz)
            ),
            None => tr!(lang, "membership-for-life"),
        }
    }
}

/// A tier's perks in one line.
pub(super) fn perks(lang: Lang, tier: &TierDef) -> String {
    let mut perks = Vec::new();
    if (tier.xp_multiplier - 1.0).abs() > f64::EPSILON {
        perks.push(tr!(
            lang,
            "membership-perk-xp",
            multiplier = tier.xp_multiplier.to_string()
        ));
    }
    if tier.daily_bonus != 0 {
        perks.push(tr!(lang, "membership-perk-daily", bonus = tier.daily_bonus));
    }
    perks.push(tr!(lang, "membership-perk-drops"));
    for grant in &tier.access.grants {
        perks.push(tr!(
            lang,
            "membership-perk-access",
            platform = grant.platform.as_str()
        ));
    }
    tr!(lang, "membership-perks", perks = list(lang, &perks))
}
