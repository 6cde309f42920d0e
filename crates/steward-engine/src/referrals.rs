//! Referrals: `/invite` gives a member their code, `/start ref-CODE` records a newcomer as
//! brought by its owner (`core::referrals` decides who counts), the referred member's first
//! payment is noted where payments are applied, and the scheduler's step settles each paid
//! referral once `referrals.hold` has passed: the referrer earns `referrals.xp` and
//! `referrals.days` of their running tier, or nothing if the payment was refunded meanwhile.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::commands::CommandContext;
use crate::core::duration::Term;
use crate::core::ids::MemberId;
use crate::core::referrals::{self, NotReferred, Settlement};
use crate::membership::{Extension, extend_in};
use crate::ranking::Grant;
use crate::store::{DueReferral, LedgerKind};
use crate::{EngineResult, Kernel, Memberships, PaidTime, Ranking};
use crate::{msg, refuse, tr};

/// Who brought whom, and what it earned.
pub struct Referrals {
    kernel: Arc<Kernel>,
    ranking: Arc<Ranking>,
    membership: Arc<Memberships>,
    /// The community's secret the codes derive from.
    paid: Arc<PaidTime>,
    /// The Telegram bot's username, once its adapter has asked Telegram: deep links need it.
    telegram_bot: std::sync::OnceLock<String>,
}

impl Referrals {
    pub(crate) fn new(
        kernel: Arc<Kernel>,
        ranking: Arc<Ranking>,
        membership: Arc<Memberships>,
        paid: Arc<PaidTime>,
    ) -> Self {
        Self {
            kernel,
            ranking,
            membership,
            paid,
            telegram_bot: std::sync::OnceLock::new(),
        }
    }

    /// The Telegram adapter tells the bot's username, so `/invite` can give a one-tap link.
    pub fn set_telegram_bot(&self, username: &str) {
        // Told once per process; a second telling is the same name.
        let _ = self.telegram_bot.set(username.to_owned());
    }

    /// `member`'s code, kept so that it can be looked up.
    async fn code_of(&self, member: MemberId) -> EngineResult<String> {
        let code = referrals::code_for(&self.paid.secret().await?, member);
        let mut tx = self.kernel.store.begin().await?;
        tx.save_referral_code(member, &code).await?;
        tx.commit().await?;
        Ok(code)
    }

    /// A code a visitor's link carries (`/?ref=CODE`), if it is a member's: the code as stored,
    /// and the one-tap Telegram link when the bot's name is known. Names nobody.
    pub async fn invitation(&self, code: &str) -> EngineResult<Option<(String, Option<String>)>> {
        let Some(code) = referrals::normalize(code) else {
            return Ok(None);
        };
        if self
            .kernel
            .store
            .member_by_referral_code(&code)
            .await?
            .is_none()
        {
            return Ok(None);
        }
        let link = self
            .telegram_bot
            .get()
            .map(|bot| format!("https://t.me/{bot}?start={}{code}", referrals::LINK_PREFIX));
        Ok(Some((code, link)))
    }

    /// `/invite`: the member's code and how a newcomer uses it.
    pub(crate) async fn invite_command(&self, ctx: &CommandContext) -> EngineResult<String> {
        let code = self.code_of(ctx.member).await?;
        let rules = self.kernel.config.referrals;
        let mut lines = vec![match self.telegram_bot.get() {
            Some(bot) => tr!(
                ctx.lang,
                "invite-code-link",
                code = &code,
                link = format!("https://t.me/{bot}?start={}{code}", referrals::LINK_PREFIX)
            ),
            None => tr!(ctx.lang, "invite-code", code = &code),
        }];
        if rules.xp > 0 || rules.days > 0 {
            lines.push(tr!(
                ctx.lang,
                "invite-reward",
                xp = rules.xp,
                days = rules.days,
                hold = rules.hold.num_days()
            ));
        }
        Ok(lines.join("\n"))
    }

    /// `/invite stats`: how many came, paid, and what it earned.
    pub(crate) async fn stats_command(&self, ctx: &CommandContext) -> EngineResult<String> {
        let stats = self.kernel.store.referral_stats(ctx.member).await?;
        Ok(tr!(
            ctx.lang,
            "invite-stats",
            joined = stats.joined,
            paid = stats.paid,
            pending = stats.pending,
            reversed = stats.reversed,
            xp = stats.xp,
            days = stats.days
        ))
    }

    /// `/start ref-CODE`: records the sender as brought by the code's owner if they are new and
    /// were not brought before; what to add to the greeting.
    pub(crate) async fn arrived(&self, ctx: &CommandContext, code: &str) -> EngineResult<String> {
        let referrer = match referrals::normalize(code) {
            Some(code) => self.kernel.store.member_by_referral_code(&code).await?,
            None => None,
        };
        let Some(referrer) = referrer else {
            return refuse(msg!("invite-unknown"));
        };
        let since = self
            .kernel
            .store
            .member_since(ctx.member)
            .await?
            .unwrap_or(ctx.at);
        let mut tx = self.kernel.store.begin().await?;
        let already = tx.was_referred(ctx.member).await?;
        match referrals::may_refer(referrer, ctx.member, since, already, ctx.at) {
            Ok(()) => {
                tx.record_referral(ctx.member, referrer, ctx.at).await?;
                tx.commit().await?;
                Ok(tr!(ctx.lang, "invite-welcome"))
            }
            Err(NotReferred::Themselves) => refuse(msg!("invite-own")),
            Err(NotReferred::Already | NotReferred::NotNew) => Ok(String::new()),
        }
    }

    /// The scheduler's step: settles the paid referrals whose hold has passed at `now`.
    pub async fn settle_due(&self, now: DateTime<Utc>) -> EngineResult<u32> {
        let rules = self.kernel.config.referrals;
        let due = self.kernel.store.due_referrals(now - rules.hold).await?;
        let mut settled = 0;
        for referral in due {
            match referrals::settle(referral.paid_at, rules.hold, referral.refunded, now) {
                Settlement::Wait => continue,
                Settlement::Reverse => {
                    let mut tx = self.kernel.store.begin().await?;
                    if tx.settle_referral(referral.referred, None, now).await? {
                        tx.commit().await?;
                        settled += 1;
                    }
                }
                Settlement::Credit => {
                    if self.credit(&referral, now).await? {
                        settled += 1;
                    }
                }
            }
        }
        Ok(settled)
    }

    /// Credits `referral`'s referrer in one transaction: the XP, the days of their running tier
    /// (the highest with an end), and the referral marked credited; then a DM.
    async fn credit(&self, referral: &DueReferral, now: DateTime<Utc>) -> EngineResult<bool> {
        let rules = self.kernel.config.referrals;
        let referrer = referral.referrer;
        let running = self.kernel.store.memberships(referrer).await?;
        let name = self.kernel.store.member(referrer).await?.display_name;
        let mut scoring = self.ranking.begin_scoring(now).await?;
        let tier = running
            .iter()
            .filter(|m| m.is_active(now) && m.expires_at.is_some())
            .filter_map(|m| self.membership.tier_def(&m.tier))
            .max_by_key(|t| t.rank);
        let days = if rules.days > 0 {
            tier.map_or(0, |_| rules.days)
        } else {
            0
        };
        if !scoring
            .tx
            .settle_referral(referral.referred, Some((rules.xp, days)), now)
            .await?
        {
            return Ok(false);
        }
        if let (Some(tier), true) = (tier, days > 0) {
            let ext = Extension {
                member: referrer,
                tier,
                term: Term::For(chrono::Duration::days(days)),
                actor: None,
                action: "referral",
                at: now,
                day: self.kernel.config.calendar.day(now),
                paid_until: None,
                reminders: &self.kernel.config.membership.reminders,
            };
            extend_in(&mut scoring.tx, ext).await?;
        }
        let grant = Grant {
            member: referrer,
            name: &name,
            xp: rules.xp,
            balance: rules.xp,
            kind: LedgerKind::Referral,
            reference: Some(referral.referred.0.to_string()),
            reason: None,
            actor: None,
        };
        if rules.xp > 0 {
            scoring.award_unasked(&grant).await?;
        } else {
            scoring.tx.commit().await?;
        }
        self.kernel.wake.notify_one();
        let told = match tier.filter(|_| days > 0) {
            Some(tier) => msg!(
                "invite-credited-days",
                xp = rules.xp,
                days = days,
                tier = &tier.name
            ),
            None => msg!("invite-credited", xp = rules.xp),
        };
        if let Err(e) = self.kernel.tell(referrer, &told).await {
            tracing::warn!(error = %e, "telling a referrer of their credit failed");
        }
        Ok(true)
    }
}
