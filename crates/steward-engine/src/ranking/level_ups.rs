//! Level-ups: after any award, the announcement in the chat where it happened (or a DM, by the
//! privacy rule) and the level's rewards on every account of the member.

use crate::Ranking;
use crate::commands::CommandContext;
use crate::core::ids::MemberId;
use crate::core::levels::{LevelInfo, rewards_reached};
use crate::core::scoring::AwardOutcome;
use crate::{msg, tr};

impl Ranking {
    /// [`Ranking::announce_level_up`] for the member who sent the message or command.
    pub(crate) async fn announce_own_level_up(&self, ctx: &CommandContext, outcome: &AwardOutcome) {
        let name = &ctx.sender.person.profile.display_name;
        self.announce_level_up(ctx, ctx.member, name, outcome).await;
    }

    /// Announces a level-up in the chat where it happened and gives the level's rewards. Every
    /// award path (messages, `/daily`, thanks, `/points add`, lessons, submissions, events)
    /// comes through here. A member hidden by `/privacy hide` is not named in the chat: they
    /// hear of it by DM, as they would of an award given in a private chat.
    pub(crate) async fn announce_level_up(
        &self,
        ctx: &CommandContext,
        member: MemberId,
        name: &str,
        outcome: &AwardOutcome,
    ) {
        let before = LevelInfo::from_xp(outcome.xp_before).level;
        let after = LevelInfo::from_xp(outcome.xp_after).level;
        if after <= before {
            return;
        }
        if self.kernel.config.level_up_announcements {
            if self.kernel.config.chats.is_community(&ctx.chat) && !outcome.hidden {
                let text = tr!(
                    self.kernel.community_language(),
                    "level-up-public",
                    name = name,
                    level = after
                );
                if let Err(e) = self.kernel.platform.post(&ctx.chat, &text).await {
                    tracing::warn!(error = %e, "level-up announcement failed");
                }
            } else {
                // An award given in a private chat (an operator's /points add by DM): the
                // member would never see it there, so they hear of it themselves. So does a
                // hidden member: a public post would name them where they chose not to be.
                let text = msg!("level-up-dm", level = after);
                if let Err(e) = self.kernel.tell(member, &text).await {
                    tracing::warn!(error = %e, "level-up DM failed");
                }
            }
        }
        self.give_level_rewards(member, name, outcome).await;
    }

    /// Gives every account of the member the rewards of the levels just crossed (platforms
    /// without level rewards ignore them); refusals go to the operators.
    async fn give_level_rewards(&self, member: MemberId, name: &str, outcome: &AwardOutcome) {
        let rewards = rewards_reached(
            &self.kernel.config.level_rewards,
            outcome.xp_before,
            outcome.xp_after,
        );
        if rewards.is_empty() {
            return;
        }
        let accounts = match self.kernel.store.accounts_of(member).await {
            Ok(accounts) => accounts,
            Err(e) => {
                tracing::error!(error = %e, "cannot find accounts for a level reward");
                return;
            }
        };
        for reward in rewards {
            for account in &accounts {
                if let Err(e) = self
                    .kernel
                    .platform
                    .grant_level_reward(account, reward)
                    .await
                {
                    tracing::warn!(%account, level = reward.level, error = %e, "level reward failed");
                    self.kernel
                        .tell_operators_with(|lang| {
                            tr!(
                                lang,
                                "level-up-reward-failed",
                                name = name,
                                account = account.to_string(),
                                level = reward.level,
                                error = e.describe(lang)
                            )
                        })
                        .await;
                }
            }
        }
    }
}
