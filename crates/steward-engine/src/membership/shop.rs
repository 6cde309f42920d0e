//! The shop: `/shop` lists the rewards, `/redeem` spends the balance on one in a single
//! transaction that checks the balance, charges it, records the request and grants the tier, so
//! the balance never goes below zero and a repeated request never pays twice.

use super::words::{list, term};
use super::{Extension, access_problems, extend_in};
use crate::commands::CommandContext;
use crate::ranking::Grant;
use crate::store::LedgerKind;
use crate::{EngineResult, Memberships, refuse};
use crate::{msg, tr};

impl Memberships {
    pub(crate) async fn shop(&self, ctx: &CommandContext) -> EngineResult<String> {
        let lang = ctx.lang;
        let rewards = &self.kernel.config.membership.rewards;
        if rewards.is_empty() {
            return Ok(tr!(lang, "shop-empty"));
        }
        let balance = self.kernel.store.member(ctx.member).await?.balance;
        let mut lines = vec![tr!(lang, "shop-header", balance = balance)];
        for reward in rewards {
            let tier = self
                .tier_def(&reward.tier)
                .map_or(reward.tier.as_str(), |t| t.name.as_str());
            lines.push(tr!(
                lang,
                "shop-line",
                reward = &reward.id,
                name = &reward.name,
                cost = reward.cost,
                tier = tier,
                term = term(reward.term)
            ));
        }
        Ok(lines.join("\n"))
    }

    pub(crate) async fn redeem(
        &self,
        ctx: &CommandContext,
        reward_id: &str,
    ) -> EngineResult<String> {
        let lang = ctx.lang;
        let rewards = &self.kernel.config.membership.rewards;
        let Some(reward) = rewards.iter().find(|r| r.id == reward_id) else {
            let known: Vec<&str> = rewards.iter().map(|r| r.id.as_str()).collect();
            return refuse(if known.is_empty() {
                msg!("shop-empty")
            } else {
                msg!(
                    "redeem-unknown",
                    reward = reward_id,
                    rewards = list(lang, &known)
                )
            });
        };
        let tier = self.tier(lang, &reward.tier)?;
        let request_key = ctx.request_key.clone();
        let mut scoring = self.ranking.begin_scoring(ctx.at).await?;
        if scoring.tx.redemption_done(&request_key).await? {
            return Ok(tr!(lang, "redeem-repeated", name = &reward.name));
        }
        let balance = scoring.tx.member(ctx.member).await?.balance;
        if balance < reward.cost {
            return refuse(msg!(
                "redeem-too-poor",
                name = &reward.name,
                cost = reward.cost,
                balance = balance
            ));
        }
        scoring
            .tx
            .record_redemption(ctx.member, &reward.id, reward.cost, &request_key, ctx.at)
            .await?;
        let ext = Extension {
            member: ctx.member,
            tier,
            term: reward.term,
            actor: None,
            action: "redeem",
            at: ctx.at,
            day: self.kernel.config.calendar.day(ctx.at),
            paid_until: None,
            reminders: &self.kernel.config.membership.reminders,
        };
        let expires = extend_in(&mut scoring.tx, ext).await?;
        let grant = Grant {
            balance: -reward.cost,
            ..Grant::own(ctx, LedgerKind::Redeem, 0, reward.id.clone())
        };
        let outcome = scoring.award_one(ctx, grant).await?;
        self.kernel.wake.notify_one();
        let problems = self.give_access(ctx.member, tier).await?;
        let mut reply = tr!(
            lang,
            "redeem-done",
            name = &reward.name,
            cost = reward.cost,
            tier = &tier.name,
            until = self.until(lang, expires),
            balance = outcome.balance_after
        );
        if !problems.is_empty() {
            reply.push('\n');
            reply.push_str(&tr!(lang, "redeem-access-pending"));
            self.kernel
                .tell_operators_with(|lang| {
                    tr!(
                        lang,
                        "redeem-access-report",
                        problems = access_problems(lang, &problems)
                    )
                })
                .await;
        }
        Ok(reply)
    }
}
