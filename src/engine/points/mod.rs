//! Points commands: `/daily`, `/thanks` (and thanks words), operator `/points add|remove`,
//! `/history` (`history.rs`), and level-up announcements after any award.

mod history;

use chrono::Duration;

use crate::core::daily::{DailyDecision, DailyState, broken_streak};
use crate::core::ids::MemberId;
use crate::core::levels::{LevelInfo, rewards_reached};
use crate::core::scoring::AwardOutcome;
use crate::core::thanks::ThanksFacts;
use crate::engine::commands::CommandContext;
use crate::engine::events::Person;
use crate::engine::ranking::Grant;
use crate::engine::{Engine, EngineResult, refuse};
use crate::i18n::{self, Lang};
use crate::store::LedgerKind;
use crate::{msg, tr};

impl Engine {
    pub(crate) async fn daily(&self, ctx: &CommandContext) -> EngineResult<String> {
        let calendar = &self.config.calendar;
        let today = calendar.day(ctx.at);
        let bonus = self
            .effective_tier(ctx.member, ctx.at)
            .await?
            .map_or(0, |t| t.daily_bonus);
        let mut scoring = self.begin_scoring(ctx.at).await?;
        let state = scoring.tx.member(ctx.member).await?.daily;
        let DailyDecision::Claim { amount, streak } = self.config.daily.decide(state, today, bonus)
        else {
            let opens = calendar.next_day_start(ctx.at);
            return refuse(msg!(
                "daily-already",
                wait = wait(ctx.lang, opens - ctx.at),
                opens = i18n::datetime(ctx.lang, opens, calendar.tz)
            ));
        };
        let claimed = DailyState {
            last_day: Some(today),
            streak,
        };
        scoring.tx.set_daily(ctx.member, claimed).await?;
        let grant = Grant::own(ctx, LedgerKind::Daily, amount, today.to_string());
        let outcome = scoring.award_one(ctx, grant).await?;
        let balance = outcome.balance_after;
        Ok(match broken_streak(state, today) {
            None => tr!(
                ctx.lang,
                "daily-claimed",
                xp = amount,
                points = amount,
                streak = streak,
                balance = balance
            ),
            Some(broken) => tr!(
                ctx.lang,
                "daily-claimed-streak-broken",
                xp = amount,
                points = amount,
                streak = streak,
                balance = balance,
                broken = broken
            ),
        })
    }

    /// The person a token or reply points at, as the platform described them.
    fn named_person<'a>(ctx: &'a CommandContext, token: Option<&str>) -> Option<&'a Person> {
        match token {
            None => ctx.reply_to.as_ref(),
            Some(token) => ctx
                .mentions
                .iter()
                .find(|m| m.token.eq_ignore_ascii_case(token))
                .map(|m| &m.person),
        }
    }

    pub(crate) async fn thanks_command(
        &self,
        ctx: &CommandContext,
        who: Option<&str>,
        reason: Option<String>,
    ) -> EngineResult<String> {
        let to_bot = Self::named_person(ctx, who).is_some_and(|p| p.is_bot);
        let rules = &self.config.thanks;
        if to_bot {
            let facts = ThanksFacts {
                to_self: false,
                to_bot,
                given_today: 0,
                pair_today: false,
            };
            if let Err(refusal) = rules.decide(facts) {
                return refuse(refusal.msg());
            }
        }
        // A named member must be one already seen, as for `/rank @name`: the console makes a
        // mention of every `@word`, so a typo would otherwise become a member on every board.
        // A reply names whoever wrote the message, so its author may still be new.
        let target = if who.is_some() {
            self.resolve_known(ctx, who).await?
        } else {
            self.resolve(ctx, who).await?
        };
        let day = self.config.calendar.day(ctx.at);
        let mut scoring = self.begin_scoring(ctx.at).await?;
        let (given_today, pair_today) = scoring.tx.thanks_given(ctx.member, target.id, day).await?;
        let facts = ThanksFacts {
            to_self: target.id == ctx.member,
            to_bot,
            given_today,
            pair_today,
        };
        let xp = match rules.decide(facts) {
            Ok(xp) => xp,
            Err(refusal) => return refuse(refusal.msg()),
        };
        scoring
            .tx
            .record_thanks(ctx.member, target.id, day, ctx.at)
            .await?;
        let grant = Grant {
            member: target.id,
            name: &target.name,
            xp,
            balance: xp,
            kind: LedgerKind::Thanks,
            reference: Some(day.to_string()),
            reason: reason.as_deref(),
            actor: Some(ctx.member),
        };
        scoring.award_one(ctx, grant).await?;
        // The thanks is announced to everyone in the chat.
        let lang = self.chat_language(ctx);
        let giver = &ctx.sender.person.profile.display_name;
        Ok(match reason {
            None => tr!(
                lang,
                "thanks-given",
                giver = giver,
                name = &target.name,
                xp = xp
            ),
            Some(reason) => tr!(
                lang,
                "thanks-given-reason",
                giver = giver,
                name = &target.name,
                reason = reason,
                xp = xp
            ),
        })
    }

    /// `/points add` (positive amount) and `/points remove` (negative).
    pub(crate) async fn grant(
        &self,
        ctx: &CommandContext,
        who: Option<&str>,
        amount: i64,
        reason: Option<String>,
    ) -> EngineResult<String> {
        let target = self.resolve(ctx, who).await?;
        let scoring = self.begin_scoring(ctx.at).await?;
        let grant = Grant {
            member: target.id,
            name: &target.name,
            xp: amount,
            balance: amount,
            kind: if amount > 0 {
                LedgerKind::Grant
            } else {
                LedgerKind::Remove
            },
            reference: None,
            reason: reason.as_deref(),
            actor: Some(ctx.member),
        };
        let outcome = scoring.award_one(ctx, grant).await?;
        // `points-now` in each text: the totals afterwards.
        let (lang, name) = (ctx.lang, &target.name);
        let level = LevelInfo::from_xp(outcome.xp_after).level;
        let (xp, balance) = (outcome.xp_after, outcome.balance_after);
        Ok(if amount > 0 {
            tr!(
                lang,
                "points-added",
                amount = amount,
                name = name,
                level = level,
                xp = xp,
                balance = balance
            )
        } else if outcome.applied_xp == amount && outcome.applied_balance == amount {
            tr!(
                lang,
                "points-removed",
                amount = -amount,
                name = name,
                level = level,
                xp = xp,
                balance = balance
            )
        } else {
            tr!(
                lang,
                "points-removed-all",
                xp_removed = -outcome.applied_xp,
                points_removed = -outcome.applied_balance,
                name = name,
                level = level,
                xp = xp,
                balance = balance
            )
        })
    }

    /// [`Engine::announce_level_up`] for the member who sent the message or command.
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
        if self.config.level_up_announcements {
            if self.config.chats.is_community(&ctx.chat) && !outcome.hidden {
                let text = tr!(
                    self.community_language(),
                    "level-up-public",
                    name = name,
                    level = after
                );
                if let Err(e) = self.platform.post(&ctx.chat, &text).await {
                    tracing::warn!(error = %e, "level-up announcement failed");
                }
            } else {
                // An award given in a private chat (an operator's /points add by DM): the
                // member would never see it there, so they hear of it themselves. So does a
                // hidden member: a public post would name them where they chose not to be.
                let text = msg!("level-up-dm", level = after);
                if let Err(e) = self.tell(member, &text).await {
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
            &self.config.level_rewards,
            outcome.xp_before,
            outcome.xp_after,
        );
        if rewards.is_empty() {
            return;
        }
        let accounts = match self.store.accounts_of(member).await {
            Ok(accounts) => accounts,
            Err(e) => {
                tracing::error!(error = %e, "cannot find accounts for a level reward");
                return;
            }
        };
        for reward in rewards {
            for account in &accounts {
                if let Err(e) = self.platform.grant_level_reward(account, reward).await {
                    tracing::warn!(%account, level = reward.level, error = %e, "level reward failed");
                    self.tell_operators_with(|lang| {
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

/// How long until something opens, in the reader's language: `2h 5m`, `45m`, `30s`.
fn wait(lang: Lang, d: Duration) -> String {
    let secs = d.num_seconds().max(0);
    let (h, m) = (secs / 3600, (secs % 3600) / 60);
    match (h, m) {
        (0, 0) => tr!(lang, "span-seconds", s = secs),
        (0, m) => tr!(lang, "span-minutes", m = m),
        (h, 0) => tr!(lang, "span-hours", h = h),
        (h, m) => tr!(lang, "span-hours-minutes", h = h, m = m),
    }
}
