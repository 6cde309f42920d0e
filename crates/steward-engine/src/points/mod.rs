//! Points commands: `/daily`, `/thanks` (and thanks words), operator `/points add|remove`,
//! `/history` (`history.rs`).

mod history;

use chrono::Duration;

use crate::commands::CommandContext;
use crate::core::daily::{DailyDecision, DailyState, broken_streak};
use crate::core::levels::LevelInfo;
use crate::core::thanks::ThanksFacts;
use crate::events::Person;
use crate::i18n::{self, Lang};
use crate::ranking::Grant;
use crate::store::LedgerKind;
use crate::{EngineResult, refuse};
use crate::{Identity, Kernel, Memberships, Ranking};
use crate::{msg, tr};
use std::sync::Arc;

/// Points members give and get by command: `/daily`, `/thanks`, operators' grants, level-ups' rewards, `/history`.
pub struct Points {
    kernel: Arc<Kernel>,
    identity: Arc<Identity>,
    ranking: Arc<Ranking>,
    membership: Arc<Memberships>,
}

impl Points {
    pub(crate) fn new(
        kernel: Arc<Kernel>,
        identity: Arc<Identity>,
        ranking: Arc<Ranking>,
        membership: Arc<Memberships>,
    ) -> Self {
        Self {
            kernel,
            identity,
            ranking,
            membership,
        }
    }
}

impl Points {
    pub(crate) async fn daily(&self, ctx: &CommandContext) -> EngineResult<String> {
        let calendar = &self.kernel.config.calendar;
        let today = calendar.day(ctx.at);
        let bonus = self
            .membership
            .effective_tier(ctx.member, ctx.at)
            .await?
            .map_or(0, |t| t.daily_bonus);
        let mut scoring = self.ranking.begin_scoring(ctx.at).await?;
        let state = scoring.tx.member(ctx.member).await?.daily;
        let DailyDecision::Claim { amount, streak } =
            self.kernel.config.daily.decide(state, today, bonus)
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
        let rules = &self.kernel.config.thanks;
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
            self.identity.resolve_known(ctx, who).await?
        } else {
            self.identity.resolve(ctx, who).await?
        };
        let day = self.kernel.config.calendar.day(ctx.at);
        let mut scoring = self.ranking.begin_scoring(ctx.at).await?;
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
        let lang = self.kernel.chat_language(ctx);
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
        let target = self.identity.resolve(ctx, who).await?;
        let scoring = self.ranking.begin_scoring(ctx.at).await?;
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
