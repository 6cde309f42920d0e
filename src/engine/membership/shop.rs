//! The shop: `/shop` lists the rewards, `/redeem` spends the balance on one in a single
//! transaction that checks the balance, charges it, records the request and grants the tier, so
//! the balance never goes below zero and a repeated request never pays twice.

use super::{Extension, extend_in};
use crate::engine::commands::CommandContext;
use crate::engine::{Engine, EngineResult, format, refuse};
use crate::store::{Award, LedgerKind};

impl Engine {
    pub(crate) async fn shop(&self, ctx: &CommandContext) -> EngineResult<String> {
        let rewards = &self.config.membership.rewards;
        if rewards.is_empty() {
            return Ok("The shop is empty.".into());
        }
        let balance = self.store.member(ctx.member).await?.balance;
        let mut lines = vec![format!("Shop (you have {}):", format::points(balance))];
        for reward in rewards {
            let tier = self
                .tier(&reward.tier)
                .map_or(reward.tier.as_str(), |t| t.name.as_str());
            lines.push(format!(
                "{}: {}, {} ({tier} for {}) - /redeem {}",
                reward.id,
                reward.name,
                format::points(reward.cost),
                reward.term,
                reward.id
            ));
        }
        Ok(lines.join("\n"))
    }

    pub(crate) async fn redeem(
        &self,
        ctx: &CommandContext,
        reward_id: &str,
    ) -> EngineResult<String> {
        let rewards = &self.config.membership.rewards;
        let Some(reward) = rewards.iter().find(|r| r.id == reward_id) else {
            let known: Vec<&str> = rewards.iter().map(|r| r.id.as_str()).collect();
            return refuse(if known.is_empty() {
                "The shop is empty.".to_owned()
            } else {
                format!(
                    "There is no reward `{reward_id}`. Rewards: {}. See /shop.",
                    known.join(", ")
                )
            });
        };
        let tier = self.tier(&reward.tier)?;
        let request_key = ctx.request_key.clone();
        let mut scoring = self.begin_scoring(&[]).await?;
        if scoring.tx.redemption_done(&request_key).await? {
            return Ok(format!(
                "That request was already carried out: {} is yours.",
                reward.name
            ));
        }
        let balance = scoring.tx.member(ctx.member).await?.balance;
        if balance < reward.cost {
            return refuse(format!(
                "{} costs {}; you have {}.",
                reward.name,
                format::points(reward.cost),
                format::points(balance)
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
            reminders: &self.config.membership.reminders,
        };
        let expires = extend_in(&mut scoring.tx, ext).await?;
        let award = Award {
            member: ctx.member,
            xp: 0,
            balance: -reward.cost,
            kind: LedgerKind::Redeem,
            reference: Some(reward.id.clone()),
            reason: None,
            actor: None,
            at: ctx.at,
            boards: &[],
        };
        let outcome = scoring.finish(&award).await?;
        self.wake.notify_one();
        let problems = self.give_access(ctx.member, tier).await?;
        let mut reply = format!(
            "Redeemed {} for {}: you are {} {}. Balance: {}.",
            reward.name,
            format::points(reward.cost),
            tier.name,
            self.until(expires),
            format::points(outcome.balance_after)
        );
        if !problems.is_empty() {
            reply
                .push_str("\nAccess could not be given everywhere yet; an operator has been told.");
            self.report(&format!(
                "Access problems after a redemption: {}",
                problems.join("; ")
            ))
            .await;
        }
        Ok(reply)
    }
}
