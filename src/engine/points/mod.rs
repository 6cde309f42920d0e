//! Points commands: `/daily`, `/thanks` (and thanks words), operator `/points add|remove`,
//! `/history`, and level-up announcements after any award.

use crate::core::daily::{DailyDecision, DailyState, broken_streak};
use crate::core::ids::MemberId;
use crate::core::levels::{LevelInfo, rewards_reached};
use crate::core::scoring::AwardOutcome;
use crate::core::thanks::ThanksFacts;
use crate::engine::commands::CommandContext;
use crate::engine::events::Person;
use crate::engine::{Engine, EngineResult, format, refuse};
use crate::store::{Award, LedgerEntry, LedgerKind};

impl Engine {
    pub(crate) async fn daily(&self, ctx: &CommandContext) -> EngineResult<String> {
        let calendar = &self.config.calendar;
        let today = calendar.day(ctx.at);
        let boards = self.period_boards_at(ctx.at);
        let bonus = self
            .effective_tier(ctx.member, ctx.at)
            .await?
            .map_or(0, |t| t.daily_bonus);
        let mut scoring = self.begin_scoring(&boards).await?;
        let state = scoring.tx.member(ctx.member).await?.daily;
        let DailyDecision::Claim { amount, streak } = self.config.daily.decide(state, today, bonus)
        else {
            let opens = calendar.next_day_start(ctx.at);
            return refuse(format!(
                "You've already checked in today. The next check-in opens in {}, at {}.",
                format::wait(opens - ctx.at),
                format::local(opens, calendar.tz)
            ));
        };
        let award = Award {
            member: ctx.member,
            xp: amount,
            balance: amount,
            kind: LedgerKind::Daily,
            reference: Some(today.to_string()),
            reason: None,
            actor: None,
            at: ctx.at,
            boards: &boards,
        };
        let claimed = DailyState {
            last_day: Some(today),
            streak,
        };
        scoring.tx.set_daily(ctx.member, claimed).await?;
        let outcome = scoring.finish(&award).await?;
        self.announce_own_level_up(ctx, &outcome).await;
        let days = if streak == 1 {
            "1 day".to_owned()
        } else {
            format!("{streak} days")
        };
        let ended = broken_streak(state, today)
            .map(|n| {
                format!(" Your {n}-day streak ended, as a day was missed; a new one starts today.")
            })
            .unwrap_or_default();
        Ok(format!(
            "Checked in: +{} and +{}. Streak: {days}. Balance: {}.{ended}",
            format::xp(amount),
            format::points(amount),
            format::points(outcome.balance_after)
        ))
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
                return refuse(refusal.msg().render(ctx.lang));
            }
        }
        let target = self.resolve(ctx, who).await?;
        let day = self.config.calendar.day(ctx.at);
        let boards = self.period_boards_at(ctx.at);
        let mut scoring = self.begin_scoring(&boards).await?;
        let (given_today, pair_today) = scoring.tx.thanks_given(ctx.member, target.id, day).await?;
        let facts = ThanksFacts {
            to_self: target.id == ctx.member,
            to_bot,
            given_today,
            pair_today,
        };
        let xp = match rules.decide(facts) {
            Ok(xp) => xp,
            Err(refusal) => return refuse(refusal.msg().render(ctx.lang)),
        };
        scoring
            .tx
            .record_thanks(ctx.member, target.id, day, ctx.at)
            .await?;
        let award = Award {
            member: target.id,
            xp,
            balance: xp,
            kind: LedgerKind::Thanks,
            reference: Some(day.to_string()),
            reason: reason.as_deref(),
            actor: Some(ctx.member),
            at: ctx.at,
            boards: &boards,
        };
        let outcome = scoring.finish(&award).await?;
        self.announce_level_up(ctx, target.id, &target.name, &outcome)
            .await;
        let giver = &ctx.sender.person.profile.display_name;
        let why = reason.map(|r| format!(": “{r}”")).unwrap_or_default();
        Ok(format!(
            "{giver} thanked {}{why} (+{} for {}).",
            target.name,
            format::xp(xp),
            target.name
        ))
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
        let boards = self.period_boards_at(ctx.at);
        let scoring = self.begin_scoring(&boards).await?;
        let award = Award {
            member: target.id,
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
            at: ctx.at,
            boards: &boards,
        };
        let outcome = scoring.finish(&award).await?;
        self.announce_level_up(ctx, target.id, &target.name, &outcome)
            .await;
        let now = format!(
            "now {}, {} and {}",
            format::level(outcome.xp_after),
            format::xp(outcome.xp_after),
            format::points(outcome.balance_after)
        );
        Ok(if amount > 0 {
            format!(
                "Added {} to {}: {now}.",
                format::points(amount),
                target.name
            )
        } else if outcome.applied_xp == amount && outcome.applied_balance == amount {
            format!(
                "Removed {} from {}: {now}.",
                format::points(-amount),
                target.name
            )
        } else {
            format!(
                "Removed {} and {} from {} (all they had): {now}.",
                format::xp(-outcome.applied_xp),
                format::points(-outcome.applied_balance),
                target.name
            )
        })
    }

    pub(crate) async fn history(
        &self,
        ctx: &CommandContext,
        who: Option<&str>,
    ) -> EngineResult<String> {
        let (member, name) = if who.is_none() && ctx.reply_to.is_none() {
            (ctx.member, ctx.sender.person.profile.display_name.clone())
        } else {
            let target = self.resolve_known(ctx, who).await?;
            (target.id, target.name)
        };
        if member != ctx.member && !self.is_operator(&ctx.sender) {
            return refuse("Only operators can see someone else's history. /history shows yours.");
        }
        let entries = self.store.history(member, 10).await?;
        if entries.is_empty() {
            return Ok(format!("{name} has no point changes yet."));
        }
        let tz = self.config.calendar.tz;
        let mut lines = vec![format!("Latest point changes for {name}:")];
        lines.extend(entries.iter().map(|e| {
            format!(
                "{} {}, {}: {}",
                e.at.with_timezone(&tz).format("%Y-%m-%d %H:%M"),
                format::signed(e.delta_xp, "XP"),
                format::signed(e.delta_balance, "points"),
                describe(e)
            )
        }));
        Ok(lines.join("\n"))
    }

    /// [`Engine::announce_level_up`] for the member who sent the message or command.
    pub(crate) async fn announce_own_level_up(&self, ctx: &CommandContext, outcome: &AwardOutcome) {
        let name = &ctx.sender.person.profile.display_name;
        self.announce_level_up(ctx, ctx.member, name, outcome).await;
    }

    /// Announces a level-up in the chat where it happened and gives the level's rewards.
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
            if self.config.chats.is_community(&ctx.chat) {
                let text = format!("🎉 {name} reached Level {after}!");
                if let Err(e) = self.platform.post(&ctx.chat, &text).await {
                    tracing::warn!(error = %e, "level-up announcement failed");
                }
            } else {
                // An award given in a private chat (an operator's /points add by DM): the
                // member would never see it there, so they hear of it themselves.
                let text = format!("🎉 You reached Level {after}!");
                if let Err(e) = self.dm_member(member, &text).await {
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
                    self.report(&format!(
                        "Could not give {name} ({account}) the Level {} reward: {e}",
                        reward.level
                    ))
                    .await;
                }
            }
        }
    }
}

/// Why a ledger row exists, in words.
fn describe(entry: &LedgerEntry) -> String {
    let actor = entry.actor.as_deref().unwrap_or("an operator");
    let reason = entry
        .reason
        .as_deref()
        .map(|r| format!(" (“{r}”)"))
        .unwrap_or_default();
    match entry.kind {
        Some(LedgerKind::Message) => format!(
            "chat messages on {}",
            entry.reference.as_deref().unwrap_or("that day")
        ),
        Some(LedgerKind::Daily) => "daily check-in".into(),
        Some(LedgerKind::Thanks) => format!("thanks from {actor}{reason}"),
        Some(LedgerKind::Grant) => format!("granted by {actor}{reason}"),
        Some(LedgerKind::Remove) => format!("removed by {actor}{reason}"),
        Some(LedgerKind::Link) => "accounts linked".into(),
        Some(LedgerKind::Redeem) => format!(
            "redeemed {}",
            entry.reference.as_deref().unwrap_or("a reward")
        ),
        None => "other".into(),
    }
}
